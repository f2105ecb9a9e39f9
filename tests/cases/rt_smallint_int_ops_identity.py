vals = [0, 1, 255, 256, 257, -5, -6]
for v in vals:
    w = int(str(v))
    print(v, v is w, (v * 1) is v)
print(int("256") is int("256"), int("257") is int("257"))
