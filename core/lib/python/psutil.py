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


class pmem(tuple):
    """pmem(rss, vms): a named tuple, as psutil's."""

    __slots__ = ()
    _fields = ('rss', 'vms')

    def __new__(cls, rss, vms):
        return tuple.__new__(cls, (rss, vms))

    rss = property(lambda self: self[0])
    vms = property(lambda self: self[1])

    def __repr__(self):
        return 'pmem(rss=%r, vms=%r)' % self

    def _asdict(self):
        return dict(zip(self._fields, self))


class svmem(tuple):
    """svmem(total, available, percent, used, free): a named tuple, as psutil's."""

    __slots__ = ()
    _fields = ('total', 'available', 'percent', 'used', 'free')

    def __new__(cls, total, available, percent, used, free):
        return tuple.__new__(cls, (total, available, percent, used, free))

    total = property(lambda self: self[0])
    available = property(lambda self: self[1])
    percent = property(lambda self: self[2])
    used = property(lambda self: self[3])
    free = property(lambda self: self[4])

    def __repr__(self):
        return 'svmem(total=%r, available=%r, percent=%r, used=%r, free=%r)' % self

    def _asdict(self):
        return dict(zip(self._fields, self))


class Process:
    """The running program: heaplab runs one, whatever pid names it."""

    def __init__(self, pid=None):
        if pid is not None and (not isinstance(pid, int) or pid < 0):
            raise NoSuchProcess('process PID not found (pid=%r)' % (pid,))
        self.pid = 1 if pid is None else pid

    def __repr__(self):
        return "psutil.Process(pid=%d, name='heaplab', status='running')" % self.pid

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
