class Base:
    def __del__(self):
        print("Base.__del__", type(self).__name__)


class Child(Base):
    pass


class Override(Base):
    def __del__(self):
        print("Override.__del__")
        super().__del__()


c = Child()
del c
o = Override()
del o
print("end")
