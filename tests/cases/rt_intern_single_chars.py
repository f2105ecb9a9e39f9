s = "abc"
print(s[0] is "abc"[0], s[1] is "b")
t = "".join(["x", "y"])
print(t[0] is "x")
e = "caf\xe9"
print(e[3] is "\xe9")
w = "\u20ac\u20ac"
print(w[0] is w[1], w[0] == w[1])
