if a: b
