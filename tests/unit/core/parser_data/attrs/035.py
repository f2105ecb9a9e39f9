x = 'a' 'b'
