# A compile-time SyntaxError spanning lines: carets to the end of the first.
print("never runs")
yield (1,
 2)
