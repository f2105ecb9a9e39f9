# get_referents follows tp_traverse (list items last first, dict values then
# keys unless all keys are strs); get_referrers finds the containers.
import gc
print(gc.get_referents([1, "a", None]))
print(gc.get_referents({"a": 1, "b": [2]}))
print(gc.get_referents({1: 2, 3: 4}))
print(gc.get_referents((1, 2)))
print(gc.get_referents(1, "x"))
print(gc.get_referents([1], [2, 3]))
child = [0]
parent = [child]
holder = {"k": child}
refs = gc.get_referrers(child)
print(len(refs))
print(parent in refs, holder in refs)
print(gc.get_referents())
