print(match, case, type)
