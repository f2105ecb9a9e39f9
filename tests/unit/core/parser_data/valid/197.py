def f(**kwargs): pass
