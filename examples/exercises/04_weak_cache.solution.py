import weakref

class Texture:
    def __init__(self, name):
        self.name = name
        self.pixels = bytearray(1024)

_cache = weakref.WeakValueDictionary()

def get_texture(name):
    texture = _cache.get(name)
    if texture is None:
        texture = Texture(name)
        _cache[name] = texture
    return texture

grass = get_texture('grass')
print(get_texture('grass') is grass, len(_cache))
del grass
print(len(_cache))
