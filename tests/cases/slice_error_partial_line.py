# The traceback follows output that did not end its line.
print('no newline yet', end='')
missing
