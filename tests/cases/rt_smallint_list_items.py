nums = list(range(250, 262))
again = list(range(250, 262))
print([a is b for a, b in zip(nums, again)])
neg = list(range(-8, 0))
neg2 = [x for x in range(-8, 0)]
print([a is b for a, b in zip(neg, neg2)])
