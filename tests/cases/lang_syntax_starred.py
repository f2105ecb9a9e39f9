# Two starred targets: the error spans the whole target.
first, *middle, *last = range(5)
