# del of a list item that does not exist.
xs = [1]
del xs[0]
del xs[0]
