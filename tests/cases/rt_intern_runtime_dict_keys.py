key = "".join(["ab", "cd"])
d = {key: 1}
stored = list(d)[0]
print(stored is key)
other = "".join(["ab", "cd"])
d[other] = 2
print(len(d), list(d)[0] is key)
