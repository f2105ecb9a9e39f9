match.a = 1
