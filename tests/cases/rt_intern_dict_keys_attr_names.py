class C:
    pass


c = C()
name = "".join(["dyn", "amic"])
setattr(c, name, 1)
key = list(c.__dict__)[0]
print(key == name, key is name)
d = {}
d[name] = 2
print(list(d)[0] is name)
