@dec
@dec2(1)
@a.b.c
def f(): pass
