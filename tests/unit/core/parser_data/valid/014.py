for x, (y, z) in items: pass
