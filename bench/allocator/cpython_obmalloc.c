/* Replays allocator traces (written by allocator_traces) on CPython's own
 * PyObject_Malloc/PyObject_Free after Py_Initialize, touching one byte of each
 * block like the other sides. Prints the replay time in nanoseconds, one line
 * per trace file given.
 *   cpython_obmalloc TRACE...                                            */
#include <Python.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct {
  uint32_t slot;
  uint32_t size; /* 0 = free */
} TraceOp;

static int64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int replay(const char* path) {
  FILE* f = fopen(path, "rb");
  uint32_t header[2];
  if (f == NULL || fread(header, sizeof header, 1, f) != 1) {
    fprintf(stderr, "cpython_obmalloc: cannot read %s\n", path);
    return 1;
  }
  TraceOp* ops = malloc(sizeof(TraceOp) * header[1]);
  void** slots = calloc(header[0], sizeof(void*));
  if (ops == NULL || slots == NULL || fread(ops, sizeof(TraceOp), header[1], f) != header[1]) {
    fprintf(stderr, "cpython_obmalloc: short trace %s\n", path);
    return 1;
  }
  fclose(f);
  const int64_t start = now_ns();
  for (uint32_t i = 0; i < header[1]; i++) {
    const TraceOp op = ops[i];
    if (op.size != 0) {
      unsigned char* p = PyObject_Malloc(op.size);
      p[0] = 1;
      slots[op.slot] = p;
    } else {
      PyObject_Free(slots[op.slot]);
    }
  }
  const int64_t elapsed = now_ns() - start;
  printf("%lld\n", (long long)elapsed);
  free(slots);
  free(ops);
  return 0;
}

int main(int argc, char** argv) {
  Py_Initialize();
  int status = 0;
  for (int i = 1; i < argc && status == 0; i++) status = replay(argv[i]);
  fflush(stdout);
  Py_Finalize();
  return status;
}
