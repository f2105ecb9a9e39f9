class Point:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = 0
        self.y = 0
        self.z = 0


p = Point()
