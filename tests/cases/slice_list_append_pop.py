# append adds at the end; pop removes from the end or from an index.
stack = []
stack.append(1)
stack.append('two')
stack.append([3])
print(stack, len(stack))
print(stack.pop())
print(stack.pop(0))
print(stack)
stack.append(4)
stack.append(5)
print(stack.pop(-2), stack)
print(stack.append(6))
