import gc


class Base:
    pass


gc.collect()
print(len(Base.__subclasses__()))


class Child(Base):
    pass


print(len(Base.__subclasses__()))
del Child
gc.collect()
print(len(Base.__subclasses__()))
