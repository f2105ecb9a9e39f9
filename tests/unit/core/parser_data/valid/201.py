x = b"a" b"b"
