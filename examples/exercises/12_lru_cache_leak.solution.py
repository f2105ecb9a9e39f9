import functools
import weakref

class Report:
    def __init__(self, rows):
        self.rows = rows
        self._total = None

    def total(self):
        if self._total is None:
            self._total = sum(self.rows)
        return self._total

def use_report(rows):
    # Do not change: builds a report, uses it, and returns a weak reference.
    report = Report(rows)
    report.total()
    report.total()
    return weakref.ref(report)

print(use_report([1, 2, 3])() is None)
