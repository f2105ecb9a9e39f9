n = 5
big = 500
print(str(n) is str(n), str(big) is str(big))
print(repr("a") == "'a'")
s = "abc"
print(str(s) is s, s.__str__() is s)
