f"{x:{width}.{precision}}"
