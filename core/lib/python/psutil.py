"""A simulation of psutil's memory functions over heaplab's own memory.

heaplab runs Python inside one memory region that it manages itself, so
this psutil measures that region instead of the host process:

- Process().memory_info().rss: the bytes of the region in use (its static
  area, pymalloc arenas and raw-allocator segments), what a real process
  has committed;
- Process().memory_info().vms: the region's reserved size (--memory-limit);
- virtual_memory().total: the region's limit, the "machine" the program
  runs on; available: what is not taken by live blocks; used: the bytes in
  use as rss; free: the bytes of the region not in use.

The numbers follow the model, not CPython's process: a list of a million
ints grows rss here as it would grow a real process, but the values differ.
"""

from _heaplab_memory import region_stats as _region_stats

__all__ = ['Process', 'virtual_memory', 'NoSuchProcess']

version_info = (5, 9, 0)
__version__ = '5.9.0'


class NoSuchProcess(Exception):
    pass


class _Record:
    """A named tuple of numbers (psutil returns namedtuples)."""

    __slots__ = ()
    _fields = ()

    def __init__(self, *values):
        for name, value in zip(self._fields, values):
            setattr(self, name, value)

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__,
                           ', '.join('%s=%r' % (f, getattr(self, f)) for f in self._fields))

    def __iter__(self):
        return iter([getattr(self, f) for f in self._fields])

    def __getitem__(self, index):
        return [getattr(self, f) for f in self._fields][index]

    def __len__(self):
        return len(self._fields)

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def _asdict(self):
        return {f: getattr(self, f) for f in self._fields}


class pmem(_Record):
    __slots__ = ('rss', 'vms')
    _fields = ('rss', 'vms')


class svmem(_Record):
    __slots__ = ('total', 'available', 'percent', 'used', 'free')
    _fields = ('total', 'available', 'percent', 'used', 'free')


class Process:
    """The running program (heaplab has one process: pid 1)."""

    def __init__(self, pid=None):
        if pid not in (None, 1):
            raise NoSuchProcess('process PID not found (pid=%r)' % (pid,))
        self.pid = 1

    def __repr__(self):
        return "psutil.Process(pid=1, name='heaplab', status='running')"

    def memory_info(self):
        limit, mapped, live = _region_stats()
        return pmem(mapped, limit)

    def memory_percent(self, memtype='rss'):
        limit, mapped, live = _region_stats()
        value = getattr(self.memory_info(), memtype)
        return value / limit * 100

    def name(self):
        return 'heaplab'


def virtual_memory():
    limit, mapped, live = _region_stats()
    available = limit - live
    percent = round((limit - available) / limit * 100, 1)
    return svmem(limit, available, percent, mapped, limit - mapped)
