import gc
import weakref

class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.children = []
        self._parent = None if parent is None else weakref.ref(parent)
        if parent is not None:
            parent.children.append(self)

    @property
    def parent(self):
        return None if self._parent is None else self._parent()

def build_tree():
    root = Node('root')
    for i in range(3):
        child = Node(f'child{i}', root)
        Node(f'leaf{i}', child)
    return root

gc.disable()
tree = build_tree()
print(tree.children[1].children[0].parent.name)
del tree
