import functools


def by_length_then_text(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)


words = ["pear", "fig", "banana", "kiwi", "apple", "date"]
print(sorted(words, key=functools.cmp_to_key(by_length_then_text)))
print(sorted(words, key=functools.cmp_to_key(by_length_then_text), reverse=True))
K = functools.cmp_to_key(lambda a, b: b - a)
print(sorted([3, 1, 2], key=K))
print(K(1) < K(2), K(1) == K(1), K(2) >= K(5))
print(max([4, 8, 1], key=K), min([4, 8, 1], key=K))
k = K(10)
print(k.obj)
try:
    hash(k)
except TypeError as e:
    print("TypeError:", e)
