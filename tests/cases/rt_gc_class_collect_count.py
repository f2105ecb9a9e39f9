import gc

gc.collect()


class A:
    pass


del A
print("empty class:", gc.collect())


class B:
    def method(self):
        return 1


del B
print("class with a method:", gc.collect())
