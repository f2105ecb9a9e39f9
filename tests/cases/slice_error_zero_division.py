# True division by zero.
numerator = 1
denominator = 0
print('dividing')
ratio = numerator / denominator
