s = "hello"
print(s.lower() is s, s.strip() is s, s.replace("z", "q") is s)
print(s[:] is s, s[0:5] is s, s + "" is s)
print(str(s) is s, s * 1 is s)
print(s.upper() is s.upper())
