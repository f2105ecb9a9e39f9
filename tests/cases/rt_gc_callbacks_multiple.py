import gc

order = []
gc.callbacks.append(lambda p, i: order.append("first " + p))
gc.callbacks.append(lambda p, i: order.append("second " + p))
gc.collect()
gc.callbacks.clear()
print(order)
print(len(gc.callbacks))
