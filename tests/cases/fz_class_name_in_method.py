# A method naming one of its class's attributes as a bare name reads a global
# (class bodies do not enclose their methods); the compiler used to abort on
# it (found by run_fuzzer).
QUESTIONS = ["global"]


class Quiz:
    QUESTIONS = ["class"]
    LIMIT = 3

    def run(self):
        return QUESTIONS

    def limit(self):
        return LIMIT

    def both(self):
        return f"{len(self.QUESTIONS)} {len(QUESTIONS)}"


q = Quiz()
print(q.run(), q.both())
try:
    q.limit()
except NameError as e:
    print("NameError:", e)
print(Quiz.run.__code__.co_freevars, Quiz.__dict__["limit"].__code__.co_names)


# Through a class inside a function, the function's binding is a free
# variable of the class body and of the method, whatever the class binds.
def outer():
    LIMIT = 10

    class Inner:
        LIMIT = 5

        def get(self):
            return LIMIT

        inner_limit = LIMIT

    return Inner().get(), Inner.inner_limit, Inner.get.__code__.co_freevars


print(outer())


def outer2():
    class Box:
        size = 1

        def area(self):
            return size * 2

    return Box


try:
    outer2()().area()
except NameError as e:
    print("NameError:", e)
print(outer2().area.__code__.co_freevars)
