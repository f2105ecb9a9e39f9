# Indexing and index assignment, with negative and nested indexes.
xs = [10, 20, 30, 40]
print(xs[0], xs[3], xs[-1], xs[-4])
xs[1] = 'twenty'
xs[-1] = None
print(xs)
grid = [[1, 2], [3, 4]]
grid[1][0] = 99
print(grid, grid[1], grid[-1][-1])
i = 2
print(xs[i], xs[i - 1])
