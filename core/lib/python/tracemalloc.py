"""Trace memory blocks allocated by Python: which line allocated what.

heaplab's own implementation of what CPython's Lib/tracemalloc.py provides,
over the C-level _tracemalloc, whose tracer sees every allocation of the
model: its sizes are what the model requests from its allocators (headers
and GC headers included), as CPython's tracemalloc sees PyObject_Malloc.
Snapshot.dump() and Snapshot.load() are not available (no files here).
"""

import fnmatch
import linecache

# The name this module's frames carry, so that Filter(False, __file__)
# leaves out tracemalloc's own blocks, as with CPython's tracemalloc.py.
__file__ = "<frozen tracemalloc>"

from _tracemalloc import (clear_traces, get_traceback_limit, get_traced_memory,
                          get_tracemalloc_memory, is_tracing, reset_peak,
                          start, stop, _get_object_traceback, _get_traces)


def _format_size(size, sign):
    # 'B' up to 10 KiB, then 3 significant digits (xx.x) below 100 of a unit
    # and whole numbers (xxxx) below 10 * 1024 of it.
    units = ('B', 'KiB', 'MiB', 'GiB', 'TiB')
    for unit in units:
        if unit != 'B' and abs(size) < 100:
            return ("%+.1f %s" if sign else "%.1f %s") % (size, unit)
        if unit == 'TiB' or abs(size) < 10 * 1024:
            return ("%+.0f %s" if sign else "%.0f %s") % (size, unit)
        size /= 1024


def _average(size, count):
    if count:
        return ", average=%s" % _format_size(size / count, False)
    return ""


class Statistic:
    """The blocks allocated at one traceback: total size and count."""

    __slots__ = ('traceback', 'size', 'count')

    def __init__(self, traceback, size, count):
        self.traceback = traceback
        self.size = size
        self.count = count

    def __hash__(self):
        return hash((self.traceback, self.size, self.count))

    def __eq__(self, other):
        if not isinstance(other, Statistic):
            return NotImplemented
        return ((self.traceback, self.size, self.count)
                == (other.traceback, other.size, other.count))

    def __str__(self):
        return ("%s: size=%s, count=%i%s"
                % (self.traceback, _format_size(self.size, False), self.count,
                   _average(self.size, self.count)))

    def __repr__(self):
        return ('<Statistic traceback=%r size=%i count=%i>'
                % (self.traceback, self.size, self.count))

    def _sort_key(self):
        return (self.size, self.count, self.traceback)


class StatisticDiff:
    """A Statistic of a new snapshot with its change since an old one."""

    __slots__ = ('traceback', 'size', 'size_diff', 'count', 'count_diff')

    def __init__(self, traceback, size, size_diff, count, count_diff):
        self.traceback = traceback
        self.size = size
        self.size_diff = size_diff
        self.count = count
        self.count_diff = count_diff

    def _fields(self):
        return (self.traceback, self.size, self.size_diff, self.count, self.count_diff)

    def __hash__(self):
        return hash(self._fields())

    def __eq__(self, other):
        if not isinstance(other, StatisticDiff):
            return NotImplemented
        return self._fields() == other._fields()

    def __str__(self):
        return ("%s: size=%s (%s), count=%i (%+i)%s"
                % (self.traceback, _format_size(self.size, False),
                   _format_size(self.size_diff, True), self.count,
                   self.count_diff, _average(self.size, self.count)))

    def __repr__(self):
        return ('<StatisticDiff traceback=%r size=%i (%+i) count=%i (%+i)>'
                % self._fields())

    def _sort_key(self):
        return (abs(self.size_diff), self.size, abs(self.count_diff),
                self.count, self.traceback)


def _diff_statistics(old_stats, new_stats):
    # One StatisticDiff per traceback of either side; old_stats is consumed.
    diffs = []
    for traceback, stat in new_stats.items():
        old = old_stats.pop(traceback, None)
        old_size = old.size if old is not None else 0
        old_count = old.count if old is not None else 0
        diffs.append(StatisticDiff(traceback, stat.size, stat.size - old_size,
                                   stat.count, stat.count - old_count))
    for traceback, stat in old_stats.items():
        diffs.append(StatisticDiff(traceback, 0, -stat.size, 0, -stat.count))
    return diffs


class Frame:
    """One frame of a traceback: a file name and a line number."""

    __slots__ = ("_frame",)

    def __init__(self, frame):
        self._frame = frame    # (filename, lineno)

    @property
    def filename(self):
        return self._frame[0]

    @property
    def lineno(self):
        return self._frame[1]

    def __eq__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame == other._frame

    def __lt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame < other._frame

    def __le__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame <= other._frame

    def __gt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame > other._frame

    def __ge__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame >= other._frame

    def __hash__(self):
        return hash(self._frame)

    def __str__(self):
        return "%s:%s" % (self._frame[0], self._frame[1])

    def __repr__(self):
        return "<Frame filename=%r lineno=%r>" % (self._frame[0], self._frame[1])


class Traceback:
    """The frames of an allocation, from the oldest to the most recent."""

    __slots__ = ("_frames", "_total_nframe")

    def __init__(self, frames, total_nframe=None):
        # _tracemalloc lists the most recent frame first.
        self._frames = tuple(reversed(frames))
        self._total_nframe = total_nframe

    @property
    def total_nframe(self):
        return self._total_nframe

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(Frame(frame) for frame in self._frames[index])
        return Frame(self._frames[index])

    def __iter__(self):
        for frame in self._frames:
            yield Frame(frame)

    def __reversed__(self):
        for frame in reversed(self._frames):
            yield Frame(frame)

    def __contains__(self, frame):
        return frame._frame in self._frames

    def index(self, frame):
        return self._frames.index(frame._frame)

    def count(self, frame):
        return self._frames.count(frame._frame)

    def __hash__(self):
        return hash(self._frames)

    def __eq__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames == other._frames

    def __lt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames < other._frames

    def __le__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames <= other._frames

    def __gt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames > other._frames

    def __ge__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames >= other._frames

    def __str__(self):
        return str(self[0])

    def __repr__(self):
        text = "<Traceback %r" % (tuple(self),)
        if self._total_nframe is None:
            return text + ">"
        return text + " total_nframe=%s>" % (self._total_nframe,)

    def format(self, limit=None, most_recent_first=False):
        """Lines as a Python traceback prints them: the last `limit` frames
        (the first -limit ones when negative)."""
        frames = self
        if limit is not None:
            frames = self[-limit:] if limit > 0 else self[:limit]
        if most_recent_first:
            frames = reversed(frames)
        lines = []
        for frame in frames:
            lines.append('  File "%s", line %s' % (frame.filename, frame.lineno))
            source = linecache.getline(frame.filename, frame.lineno).strip()
            if source:
                lines.append('    %s' % source)
        return lines


def get_object_traceback(obj):
    """The Traceback where obj was allocated, or None when tracemalloc is not
    tracing or did not trace that allocation."""
    frames = _get_object_traceback(obj)
    if frames is None:
        return None
    return Traceback(frames)


class Trace:
    """The trace of one memory block: domain, size and traceback."""

    __slots__ = ("_trace",)

    def __init__(self, trace):
        self._trace = trace    # (domain, size, frames, total_nframe)

    @property
    def domain(self):
        return self._trace[0]

    @property
    def size(self):
        return self._trace[1]

    @property
    def traceback(self):
        return Traceback(self._trace[2], self._trace[3])

    def __eq__(self, other):
        if not isinstance(other, Trace):
            return NotImplemented
        return self._trace == other._trace

    def __hash__(self):
        return hash(self._trace)

    def __str__(self):
        return "%s: %s" % (self.traceback, _format_size(self.size, False))

    def __repr__(self):
        return ("<Trace domain=%s size=%s, traceback=%r>"
                % (self.domain, _format_size(self.size, False), self.traceback))


class _Traces:
    # The traces of a snapshot, as a sequence of Trace.

    def __init__(self, traces):
        self._traces = traces

    def __len__(self):
        return len(self._traces)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(Trace(trace) for trace in self._traces[index])
        return Trace(self._traces[index])

    def __iter__(self):
        for trace in self._traces:
            yield Trace(trace)

    def __reversed__(self):
        for trace in reversed(self._traces):
            yield Trace(trace)

    def __contains__(self, trace):
        return trace._trace in self._traces

    def index(self, trace):
        return self._traces.index(trace._trace)

    def count(self, trace):
        return self._traces.count(trace._trace)

    def __eq__(self, other):
        if not isinstance(other, _Traces):
            return NotImplemented
        return self._traces == other._traces

    def __repr__(self):
        return "<Traces len=%s>" % len(self)


def _normalize_filename(filename):
    if filename.endswith('.pyc'):
        return filename[:-1]
    return filename


class BaseFilter:
    def __init__(self, inclusive):
        self.inclusive = inclusive

    def _match(self, trace):
        raise NotImplementedError


class Filter(BaseFilter):
    """Keeps (inclusive) or drops the traces whose most recent frame (any
    frame with all_frames) matches a file name pattern and line number."""

    def __init__(self, inclusive, filename_pattern, lineno=None,
                 all_frames=False, domain=None):
        super().__init__(inclusive)
        self._filename_pattern = _normalize_filename(filename_pattern)
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain

    @property
    def filename_pattern(self):
        return self._filename_pattern

    def _match_frame_impl(self, filename, lineno):
        if not fnmatch.fnmatch(_normalize_filename(filename), self._filename_pattern):
            return False
        return self.lineno is None or lineno == self.lineno

    def _match_frame(self, filename, lineno):
        return self._match_frame_impl(filename, lineno) != (not self.inclusive)

    def _match_traceback(self, frames):
        if not self.all_frames:
            return self._match_frame(frames[0][0], frames[0][1])
        for filename, lineno in frames:
            if self._match_frame_impl(filename, lineno):
                return self.inclusive
        return not self.inclusive

    def _match(self, trace):
        matched = self._match_traceback(trace[2])
        if self.domain is None:
            return matched
        if self.inclusive:
            return matched and trace[0] == self.domain
        return matched or trace[0] != self.domain


class DomainFilter(BaseFilter):
    """Keeps (inclusive) or drops the traces of one address-space domain."""

    def __init__(self, inclusive, domain):
        super().__init__(inclusive)
        self._domain = domain

    @property
    def domain(self):
        return self._domain

    def _match(self, trace):
        return (trace[0] == self._domain) != (not self.inclusive)


def _group_key(key_type, frames):
    # The traceback a trace is counted under, by key type.
    if key_type == 'traceback':
        return Traceback(frames)
    if key_type == 'lineno':
        return Traceback(frames[:1])
    return Traceback(((frames[0][0], 0),))


def _count(stats, key, size):
    stat = stats.get(key)
    if stat is None:
        stats[key] = Statistic(key, size, 1)
    else:
        stat.size += size
        stat.count += 1


class Snapshot:
    """The traces of the blocks alive when take_snapshot() was called."""

    def __init__(self, traces, traceback_limit):
        self.traces = _Traces(traces)
        self.traceback_limit = traceback_limit

    def dump(self, filename):
        raise NotImplementedError("tracemalloc.Snapshot.dump is not supported yet")

    @staticmethod
    def load(filename):
        raise NotImplementedError("tracemalloc.Snapshot.load is not supported yet")

    def filter_traces(self, filters):
        """A new Snapshot with the traces the filters keep: a trace stays if
        some inclusive filter (when there are any) and every exclusive filter
        lets it through."""
        # The temporary objects made here (and in the statistics below) are
        # those CPython's tracemalloc.py makes: the free lists they feed
        # decide whether the program's next lists and dicts are new blocks.
        if not hasattr(type(filters), "__iter__"):
            raise TypeError("filters must be a list of filters, not %s"
                            % type(filters).__name__)
        if not filters:
            return Snapshot(self.traces._traces.copy(), self.traceback_limit)
        include = []
        exclude = []
        for trace_filter in filters:
            if trace_filter.inclusive:
                include.append(trace_filter)
            else:
                exclude.append(trace_filter)
        kept = [trace for trace in self.traces._traces
                if self._keeps(include, exclude, trace)]
        return Snapshot(kept, self.traceback_limit)

    @staticmethod
    def _keeps(include, exclude, trace):
        if include and not any(f._match(trace) for f in include):
            return False
        if exclude and any(not f._match(trace) for f in exclude):
            return False
        return True

    def _group_by(self, key_type, cumulative):
        if key_type not in ('traceback', 'filename', 'lineno'):
            raise ValueError("unknown key_type: %r" % (key_type,))
        if cumulative and key_type == 'traceback':
            raise ValueError("cumulative mode cannot by used "
                             "with key type %r" % key_type)
        stats = {}
        keys = {}    # frames tuple (or one frame, cumulative) -> Traceback
        for trace in self.traces._traces:
            if cumulative:
                for frame in trace[2]:
                    key = keys.get(frame)
                    if key is None:
                        key = keys[frame] = _group_key(key_type, (frame,))
                    _count(stats, key, trace[1])
            else:
                key = keys.get(trace[2])
                if key is None:
                    key = keys[trace[2]] = _group_key(key_type, trace[2])
                _count(stats, key, trace[1])
        return stats

    def statistics(self, key_type, cumulative=False):
        """Statistic per key_type ('filename', 'lineno' or 'traceback'),
        biggest first; cumulative counts a block under every frame of its
        traceback."""
        stats = list(self._group_by(key_type, cumulative).values())
        stats.sort(reverse=True, key=Statistic._sort_key)
        return stats

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        """StatisticDiff per key_type between old_snapshot and this one,
        biggest change first."""
        new_stats = self._group_by(key_type, cumulative)
        old_stats = old_snapshot._group_by(key_type, cumulative)
        diffs = _diff_statistics(old_stats, new_stats)
        diffs.sort(reverse=True, key=StatisticDiff._sort_key)
        return diffs


def take_snapshot():
    """A Snapshot of the traces of the blocks allocated since start()."""
    if not is_tracing():
        raise RuntimeError("the tracemalloc module must be tracing memory "
                           "allocations to take a snapshot")
    return Snapshot(_get_traces(), get_traceback_limit())
