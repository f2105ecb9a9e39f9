# break leaves the loop and skips its else; continue skips to the test.
i = 0
odds = []
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    odds.append(i)
else:
    print('finished without break', odds)
i = 0
while i < 10:
    if i == 3:
        print('breaking at', i)
        break
    i += 1
else:
    print('not printed')
while False:
    print('never')
else:
    print('else of a loop that never ran')
