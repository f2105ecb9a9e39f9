# A NameError for a standard-library module's name suggests importing it.
def area(r):
    return math.pi * r * r


print(area(2))
