class A(B, C, metaclass=M, **kw):
    """doc"""
    x = 1
    def m(self): return self.x
