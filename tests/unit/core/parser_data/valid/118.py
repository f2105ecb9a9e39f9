"plain" f"{x}"
