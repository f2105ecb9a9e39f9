# in / not in on lists (by equality) and strs (by substring).
nums = [1, 2, 3]
print(2 in nums, 5 in nums, 5 not in nums)
print(None in [None], [1] in [[1], 2], 'a' in ['b', 'c'])
print(True in [1], 0 in [False])
word = 'hello'
print('ell' in word, 'lo' in word, 'x' not in word, '' in word)
print('hello' in word, 'hello!' in word)
