del x, y
