# Case mappings and character classes beyond ASCII (Unicode 15.0, as CPython 3.12).
words = ["Σίσυφος", "ΟΔΥΣΣΕΥΣ", "łódź", "ŻÓŁĆ", "straße", "ﬁne", "İstanbul", "ǅungla", "Ǆ", "déjà vu",
         "naïve café", "ЁЛКА", "ἀρχή", "Ꭰ", "ǰ", "ŉ", "µ", "ﬃ", "ꞵ", "𐐀𐐨", "ⓐⓑ", "Ⅻ", "٣", "²", "½", "一二三"]
for w in words:
    print(w, w.upper(), w.lower(), w.title(), w.capitalize(), w.casefold(), w.swapcase(), len(w.upper()))
    print(" ", w.isalpha(), w.isupper(), w.islower(), w.istitle(), w.isdigit(), w.isdecimal(), w.isnumeric(),
          w.isalnum(), w.isidentifier(), w.isprintable())
print("ΣΑΣ σας. ΌΣΟΣ aΣ\u0345b Σ".lower())
print("ΑΣ'Σ".lower(), "Σ".lower(), "aΣ".lower(), "aΣb".lower())
print(repr("\u200b\xad\u0378 ok \U0001f600 \u2028 \u00a0 é"))
print("a\u2028b\x1cc\x85d".splitlines())
print("a\u3000b\u2003c".split())
print("\u3000 x \u2003".strip())
print("x_ün1".isidentifier(), "1x".isidentifier(), "_".isidentifier(), "ǅ2".isidentifier())
