# A user exception class raised uncaught prints without a __main__. prefix;
# exceptions take arbitrary attributes in their __dict__.
class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        super().__init__(f"balance {balance} < {amount}")
        self.balance = balance
        self.amount = amount

class Account:
    def __init__(self, b):
        self.b = b
    def withdraw(self, a):
        if a > self.b:
            raise InsufficientFunds(self.b, a)
        self.b -= a

acct = Account(10)
try:
    acct.withdraw(50)
except InsufficientFunds as e:
    print('Error:', e, e.balance, e.amount, repr(e))
    print(type(e).__name__, type(e).__module__, type(e).__qualname__)
e = ValueError('x')
e.extra = 5
print(e.extra, e.__dict__)
print(KeyError.__name__, KeyError.__module__, ZeroDivisionError.__bases__)
try:
    {}['missing']
except LookupError as e:
    print(repr(e), e.args, str(e))
import sys
def handler():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError('wrapped') from e
try:
    handler()
except RuntimeError as e:
    print(repr(e.__cause__), e.__suppress_context__)
print(BaseException('a', 'b'))
print(str(ValueError(None)), repr(ValueError(None)), str(KeyError(None)))
print(Exception.__init__ is not None, isinstance(Exception(), BaseException))
try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args)
try:
    raise ValueError('bad') from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
e = KeyError('k')
e.hint = 'check spelling'
del e.hint
try:
    del e.hint
except AttributeError as err:
    print(err)
try:
    e.nothing
except AttributeError as err:
    print(err)
acct.withdraw(100)
