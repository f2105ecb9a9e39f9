# A str subclass overriding comparison, hashing and conversion.
class Caseless(str):
    def __eq__(self, other):
        return self.lower() == str(other).lower()

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self.lower())


a = Caseless("Hello")
print(a == "hello", a != "HELLO", "hello" == a, a == "bye", {a: 1}.get(Caseless("HELLO")), a in ["hello"])
print(sorted([Caseless("b"), Caseless("A")]), a.upper(), len(a), a + "!")


class Tagged(str):
    def __str__(self):
        return "<" + super().__str__() + ">"

    def __repr__(self):
        return "Tagged(" + super().__repr__() + ")"

    def __len__(self):
        return 99


t = Tagged("x")
print(t, str(t), repr(t), [t], "%s" % t, "{}".format(t), len(t), t.__len__(), str.__len__(t))
print(t == "x", type(str(t)).__name__, t.center(5, "*"), "-".join(Tagged("ab")))


class Template(str):
    def fill(self, **kw):
        return self.format(**kw)


print(Template("{a}-{b}").fill(a=1, b=2), type(Template("x").strip()).__name__)
print(str.__str__(t), str.__repr__(t), type(str.__str__(t)).__name__)
