# Ordering an int against a str is an error; == is not.
print(1 == 'one')
print(1 < 'one')
