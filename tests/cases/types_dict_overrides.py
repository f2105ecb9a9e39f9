# A dict subclass overriding dunders: who calls them and who does not.
class Loud(dict):
    def __getitem__(self, key):
        print("getitem", key)
        return super().__getitem__(key)

    def __setitem__(self, key, value):
        print("setitem", key, value)
        super().__setitem__(key, value)

    def __contains__(self, key):
        print("contains", key)
        return super().__contains__(key)

    def __len__(self):
        print("len")
        return super().__len__()

    def __iter__(self):
        print("iter")
        return super().__iter__()

    def __repr__(self):
        return "Loud(" + super().__repr__() + ")"


d = Loud(a=1)
d["b"] = 2
print(d["a"], "a" in d, len(d))
print(d.get("a"), d.get("zz", 0), d.setdefault("c", 3))
print(list(d), sorted(d.keys()), [k for k in d])
print(d, str(d), [d])
print(dict(d), {**d})
e = {}
e.update(d)
print(e, bool(d))


class CaseInsensitive(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())


ci = CaseInsensitive()
ci["Name"] = "Ada"
print(ci["NAME"], ci, ci.get("Name"), "name" in ci)


class DefaultList(dict):
    def __missing__(self, key):
        value = self[key] = []
        return value


groups = DefaultList()
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(groups, len(groups))


class Record(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self[name] = value


r = Record(x=1)
r.y = 2
print(r.x, r.y, r, r.__dict__)
try:
    r.z
except AttributeError as e:
    print("AttributeError:", e)


class Frozen(dict):
    def __hash__(self):
        return hash(tuple(sorted(self.items())))


print(hash(Frozen(a=1)) == hash(Frozen(a=1)), {Frozen(a=1): "ok"}[Frozen(a=1)])
