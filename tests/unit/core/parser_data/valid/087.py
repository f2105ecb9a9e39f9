s = b'bytes' b"\x00\xff" B'\n'
