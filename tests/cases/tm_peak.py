# get_traced_memory() and reset_peak(): the peak remembers the high-water
# mark until it is reset to the current size.
import tracemalloc


def main():
    tracemalloc.start()
    base, _ = tracemalloc.get_traced_memory()
    big = bytearray(500000)
    with_big, peak1 = tracemalloc.get_traced_memory()
    print("grew by the block:", with_big - base >= 500000)
    del big
    after_free, peak2 = tracemalloc.get_traced_memory()
    print("freed:", with_big - after_free >= 500000)
    print("peak kept:", peak2 >= with_big, peak2 - after_free >= 500000)
    tracemalloc.reset_peak()
    now, peak3 = tracemalloc.get_traced_memory()
    print("reset:", peak3 < peak2, peak3 >= now, peak3 - now < 10000)
    small = bytearray(100000)
    now2, peak4 = tracemalloc.get_traced_memory()
    print("new peak:", peak4 >= now2, 100000 <= peak4 - peak3 < 200000)
    del small
    tracemalloc.stop()
    print(tracemalloc.get_traced_memory())
    tracemalloc.reset_peak()  # not tracing: nothing to do
    print(tracemalloc.get_traced_memory())


main()
