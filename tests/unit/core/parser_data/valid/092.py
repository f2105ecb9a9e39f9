s = 'unknown \q escape'
