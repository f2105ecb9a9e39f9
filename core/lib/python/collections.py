from _collections import deque
