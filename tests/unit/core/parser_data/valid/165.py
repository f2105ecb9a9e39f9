if x:
    # comment
    pass
    # another

# trailing
