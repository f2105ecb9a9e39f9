# if / elif / else picks the first true branch.
score = 72
if score >= 90:
    print('A')
elif score >= 80:
    print('B')
elif score >= 70:
    print('C')
else:
    print('F')
if []:
    print('empty list is true')
else:
    print('empty list is false')
if 'text':
    print('non-empty str is true')
if None:
    print('unreachable')
name = ''
if name:
    print('named')
elif name == '':
    print('unnamed')
