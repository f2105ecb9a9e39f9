// The object graph view's data: the program's roots (the globals of __main__,
// the locals of every running frame), the objects reachable from them, and
// the objects a collection would find unreachable, with their strong and
// weak references, as JSON (see FORMAT.md). Read-only: nothing here runs
// Python code, allocates in the region or changes a refcount.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/object/object.h"

namespace heaplab {

class Interpreter;

struct GraphOptions {
  size_t max_nodes = 500;  // beyond it the graph is cut and "truncated" is true
  size_t max_repr = 60;    // characters of a node's short repr
  std::vector<Addr>* shown = nullptr;  // when set, receives the address of every node
};

std::string object_graph_json(const Interpreter& interp, const GraphOptions& options);

// An object's short repr, made from its built-in value without calling any
// Python code: literals of numbers, strings and bytes, the length of
// containers, the name of functions, classes and modules, else "<T object>".
std::string short_repr(Object* o, size_t max_chars);

// sys.getsizeof(o), but never calling a class's own __sizeof__.
size_t builtin_sizeof(Object* o);

// Appends o's node fields (without braces): "id", "type", "repr",
// "refcount", "size", "tracked", "generation", "immortal". `generation` is 0..2, 3 for
// the permanent generation, -1 when the object is not tracked.
void append_object_fields(std::string& out, Object* o, int generation, size_t max_repr);

}  // namespace heaplab
