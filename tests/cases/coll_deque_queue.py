# Course-style uses of deque: a BFS queue, a sliding window and a history.
from collections import deque
graph = {'A': ['B', 'C'], 'B': ['D'], 'C': ['D', 'E'], 'D': ['F'], 'E': ['F'], 'F': []}
def bfs(start):
    seen = {start}
    order = []
    queue = deque([start])
    while queue:
        node = queue.popleft()
        order.append(node)
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return order
print(bfs('A'))
def window_max(values, k):
    out, dq = [], deque()
    for i, v in enumerate(values):
        while dq and values[dq[-1]] <= v:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.popleft()
        if i >= k - 1:
            out.append(values[dq[0]])
    return out
print(window_max([1, 3, -1, -3, 5, 3, 6, 7], 3))
history = deque(maxlen=3)
for cmd in ['ls', 'cd', 'pwd', 'echo', 'cat']:
    history.append(cmd)
print(history, list(history)[::-1])
def palindrome(s):
    d = deque(c for c in s.lower() if c.isalnum())
    while len(d) > 1:
        if d.popleft() != d.pop():
            return False
    return True
print(palindrome('A man, a plan, a canal: Panama'), palindrome('deque'))
stack = deque()
for ch in '([]{})':
    if ch in '([{':
        stack.append(ch)
    else:
        stack.pop()
print('balanced', not stack)
