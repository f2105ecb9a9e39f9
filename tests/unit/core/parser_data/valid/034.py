return_value = [x for x in y if x if not x]
