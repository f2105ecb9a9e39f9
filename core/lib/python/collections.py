from _collections import deque, defaultdict, OrderedDict
