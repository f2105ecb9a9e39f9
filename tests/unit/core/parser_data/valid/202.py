if True:
    pass
# comment at end without newline
