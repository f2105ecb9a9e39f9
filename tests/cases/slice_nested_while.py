# Nested loops: break only leaves the innermost one.
row = 1
while row <= 4:
    col = 1
    line = ''
    while col <= 4:
        if col > row:
            break
        line += '*'
        col += 1
    print(line, len(line))
    row += 1
