import sys
for s in ["  abc  ", "  é  ", " € ", " 😀x ", "xx", "", "\u3000a\u3000", "aaa", "café café", "€€€", "😀a😀"]:
    for r in [s.strip(), s.lstrip(), s.rstrip(), s.strip(" x"), s.replace("a", "b"), s.replace("a", "é"), s.replace("é", "e"),
              s.replace("€", "E", 1), s.replace("a", ""), s.replace("aa", "a"), s.find("a"), s.rfind("a"), s.count("a"),
              s.count("€"), s.find("😀"), s.find("é", 1)]:
        print(repr(r), sys.getsizeof(r) if isinstance(r, str) else "")
x = "abc"
print(x.strip() is x, x.replace("z", "y") is x, x.replace("a", "a") is x)
