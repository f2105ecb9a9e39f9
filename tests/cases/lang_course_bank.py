# A course-style program: a class with properties and __str__ built from
# f-strings, generators chained with yield from, a timing context manager.
class BankAccount:
    interest = 0.02

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.history = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"Deposit must be positive, got {amount!r}")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self

    def withdraw(self, amount):
        if amount > self._balance:
            raise ValueError(f"Insufficient funds: {self._balance:.2f} < {amount:.2f}")
        self._balance -= amount
        self.history.append(("withdraw", amount))

    def __str__(self):
        return f"{self.owner:<10}|{self._balance:>12,.2f}"

    def __repr__(self):
        return f"BankAccount({self.owner!r}, {self._balance})"


accounts = [BankAccount(name, bal) for name, bal in [("alice", 1200.5), ("bob", 99), ("carol", 1_000_000)]]
for acc in accounts:
    print(acc)
accounts[0].deposit(100).deposit(0.25)
try:
    accounts[1].withdraw(500)
except ValueError as err:
    print("Error:", err)
try:
    accounts[1].deposit(-5)
except ValueError as err:
    print("Error:", err)
print(repr(accounts[0]), accounts[0].history)
total = sum(a.balance for a in accounts)
print(f"Total: {total:,.2f} across {len(accounts)} accounts; mean {total / len(accounts):.3e}")
richest = max(accounts, key=lambda a: a.balance)
print(f"Richest: {richest.owner.title()} ({richest.balance / total:.1%})")
report = "\n".join(f"{i:>2}. {a.owner:^8} {'*' * int(a.balance // 200_000)}" for i, a in enumerate(accounts, 1))
print(report)


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(n, it):
    for _ in range(n):
        yield next(it)


def evens(it):
    yield from (x for x in it if x % 2 == 0)


print(list(evens(take(20, fibonacci()))))


class Timer:
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        print(f"[{self.label}] start")
        return self

    def __exit__(self, exc_type, exc, tb):
        status = "failed: " + exc_type.__name__ if exc_type else "ok"
        print(f"[{self.label}] {status}")
        return exc_type is ZeroDivisionError


with Timer("safe division"):
    print(10 / 0)
with Timer("fine") as t:
    print(t.label.upper())
grades = {"ann": [90, 85, 77], "ben": [60, 75], "cy": []}
for student, marks in sorted(grades.items()):
    avg = sum(marks) / len(marks) if marks else float("nan")
    print(f"{student:>5}: {avg:6.2f} {'PASS' if avg >= 70 else 'FAIL'}")
matrix = [[i * j for j in range(1, 4)] for i in range(1, 4)]
for row in matrix:
    print(" ".join(f"{v:3d}" for v in row))
print("%-6s|%6.2f|%03d" % ("pct", 12.3456, 7), "{:>8}".format("right"))
