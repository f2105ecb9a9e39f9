x = not a or b and c
