print(*args, sep=", ")
