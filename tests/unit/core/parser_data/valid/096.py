s = b"it's"
