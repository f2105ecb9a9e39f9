class A(B):
    x: int = 0
