s = r'\n' R"\d"
t = rb'\x' BR"x" Rb'x' bR'x'
