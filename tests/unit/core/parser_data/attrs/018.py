x = (a)
