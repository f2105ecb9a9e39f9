a = 1000
ns = {}
exec("b = 1000", ns)
print(a is ns["b"], a == ns["b"])
ns2 = {}
exec("c = 100", ns2)
print(ns2["c"] is 100)
