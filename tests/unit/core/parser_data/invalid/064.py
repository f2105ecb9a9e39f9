x = 5.e
