for m in [list.append, str.join, dict.fromkeys, set.add, bytes.hex, bytearray.fromhex, str.maketrans, tuple.index]:
    print(m.__name__, m.__qualname__, m.__objclass__.__name__ if hasattr(m, "__objclass__") else "-", type(m).__name__)
print([].append.__qualname__, "".join.__qualname__, {}.fromkeys.__qualname__)
