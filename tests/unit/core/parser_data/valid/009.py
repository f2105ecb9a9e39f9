a[0]: list[int] = []
