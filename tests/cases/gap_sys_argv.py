# sys.argv holds the program name.
import sys
print(sys.argv, len(sys.argv), sys.argv[1:])
