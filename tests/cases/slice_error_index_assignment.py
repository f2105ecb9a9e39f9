# Assigning past the end of a list.
xs = []
xs.append('only')
xs[1] = 'second'
