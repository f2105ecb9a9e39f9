def f(a, a b): pass
