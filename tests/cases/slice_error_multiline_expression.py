# An error in an expression that spans several lines.
parts = [1, 2]
total = (parts[0] +
         parts[1] +
         'three')
