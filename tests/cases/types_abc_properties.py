# Abstract properties, class methods and static methods; property.fget/fset/fdel.
from abc import ABC, abstractmethod


class Animal(ABC):
    @property
    @abstractmethod
    def sound(self):
        ...

    @classmethod
    @abstractmethod
    def create(cls):
        ...

    @staticmethod
    @abstractmethod
    def kind():
        ...


class Dog(Animal):
    @property
    def sound(self):
        return "woof"

    @classmethod
    def create(cls):
        return cls()

    @staticmethod
    def kind():
        return "mammal"


print(sorted(Animal.__abstractmethods__), Dog.__abstractmethods__, Dog.create().sound, Dog.kind())
try:
    Animal()
except TypeError as e:
    print("TypeError:", e)
p = Animal.__dict__["sound"]
print(p.__isabstractmethod__, Dog.__dict__["sound"].__isabstractmethod__, p.fset, p.__doc__, Dog.__dict__["sound"].fget(Dog()))
print(Animal.__dict__["create"].__isabstractmethod__, Dog.__dict__["kind"].__isabstractmethod__)
