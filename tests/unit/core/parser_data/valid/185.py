match = 1
