# Output written before an uncaught NameError still appears, in order.
print('before')
total = 10
print(total + undefined_quantity)
print('not reached')
