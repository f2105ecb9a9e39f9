[a, *b], (c, d) = t
