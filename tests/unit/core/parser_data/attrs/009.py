a.b[c](d)
