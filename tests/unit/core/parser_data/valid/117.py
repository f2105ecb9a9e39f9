f"{x}" "plain" f"{y}"
