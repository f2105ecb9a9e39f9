type(x)
