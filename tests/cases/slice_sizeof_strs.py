# A str's size follows its length and its widest character's kind.
import sys
print(sys.getsizeof(''), sys.getsizeof('a'), sys.getsizeof('ab'))
print(sys.getsizeof('hello world'), sys.getsizeof('x' * 100))
print(sys.getsizeof('\u00e9'), sys.getsizeof('caf\u00e9'))
print(sys.getsizeof('\u20ac'), sys.getsizeof('\u20ac' * 10))
print(sys.getsizeof('\U0001f600'), sys.getsizeof('a\U0001f600'))
