f"{(lambda: 1)()}"
