await_ = -x ** 2
