# Reprs of subclass instances come from their base, recursion included.
class L(list):
    pass


class D(dict):
    pass


class T(tuple):
    pass


class S(set):
    pass


class FS(frozenset):
    pass


a = L([1])
a.append(a)
d = D(x=1)
d["self"] = d
print(a, d, repr(a), str(d))
print(T((L([1]), D(k=T()))), S([1]), S(), FS(), FS([2]), [S([3])])
nested = L([D(a=L([T((1,))]))])
print(nested, repr(nested) == repr([{"a": [(1,)]}]))


class Named(list):
    def __repr__(self):
        return "Named" + super().__repr__()


n = Named([Named([1])])
print(n, [n], str(n), "%r" % (n,), "{!r}".format(n))
n.append(n)
print(n)
