# A NameError suggests a defined name that is spelled almost the same.
counter = 0
counter += 1
print(countr)
