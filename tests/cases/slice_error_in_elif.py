# The failing line is reported, not the start of the if statement.
x = 5
if x < 0:
    print('negative')
elif x / 0 > 1:
    print('huge')
