import weakref

for obj in [1, "s", [1], {"a": 1}, (1,), None, 1.5, b"b", True]:
    try:
        weakref.ref(obj)
    except TypeError as e:
        print(e)
