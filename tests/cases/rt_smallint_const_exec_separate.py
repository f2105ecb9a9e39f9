# exec compiles a separate unit: its constants are separate objects
a = 1000
ns = {}
exec("b = 1000", ns)
print(a is ns["b"], a == ns["b"])
ns2 = {}
exec("c = 100", ns2)
hundred = 100
print(ns2["c"] is hundred)
