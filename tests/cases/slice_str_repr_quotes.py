# repr of strs inside lists: quote choice and escapes.
print(['plain', "it's", 'say "hi"'])
print(['both \' and "'])
print(['tab\there', 'new\nline', 'back\\slash', 'cr\r'])
print(['\x00', '\x7f', 'caf\u00e9', '\u20ac', '\U0001f600'])
print('printed directly: it\'s "fine"')
