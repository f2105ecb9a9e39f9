while True:
    break
else:
    continue
