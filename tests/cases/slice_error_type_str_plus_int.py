# str + int: only strs concatenate with strs.
label = 'total: '
print(label + 42)
