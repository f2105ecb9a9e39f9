# pop with an index out of range.
stack = [1, 2]
stack.pop(5)
