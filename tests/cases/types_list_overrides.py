# A list subclass overriding dunders: the interpreter and builtins use them.
class Tracked(list):
    def __getitem__(self, i):
        print("getitem", i)
        return super().__getitem__(i)

    def __setitem__(self, i, v):
        print("setitem", i, v)
        super().__setitem__(i, v)

    def __len__(self):
        print("len")
        return super().__len__()

    def __contains__(self, x):
        print("contains", x)
        return super().__contains__(x)

    def __iter__(self):
        print("iter")
        return super().__iter__()

    def __repr__(self):
        return "Tracked(" + super().__repr__() + ")"

    def __eq__(self, other):
        print("eq")
        return super().__eq__(other)


t = Tracked([1, 2, 3])
print(t[0])
t[1] = 20
print(len(t))
print(2 in t, 20 in t)
for x in t:
    print("item", x)
print(list(t), tuple(t))
print(t, str(t), [t])
print(t == [1, 20, 3], t != [1])
print(bool(t))
a, b, c = t
print(a, b, c)
print(sorted(t), sum(t), max(t))


class Stack(list):
    def push(self, item):
        self.append(item)

    def peek(self):
        return self[-1]

    @property
    def empty(self):
        return not self


s = Stack()
print(s.empty)
s.push(1)
s.push(2)
print(s.peek(), s.pop(), s, s.empty, len(s))


class Reversed(list):
    def __iter__(self):
        return reversed(list(super().__iter__()))


r = Reversed([1, 2, 3])
print([x for x in r], list(r), sorted(r), [] + r, r[:])


class Sized(list):
    def __len__(self):
        return 42


z = Sized([1])
print(len(z), bool(z), z.__len__(), list.__len__(z))
