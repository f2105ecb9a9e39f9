@x[0].y
class A: pass
