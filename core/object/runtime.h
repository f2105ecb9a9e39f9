// The Runtime owns one heap and everything CPython keeps per interpreter:
// the built-in types, the singletons, the small-int cache, the interned
// strings and the pending exception. One runtime is active at a time; the
// object code reaches it through g_rt, as CPython code reaches its thread
// state.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/memory/heap.h"
#include "core/object/gc_header.h"
#include "core/object/object.h"
#include "core/object/type.h"

namespace heaplab {

struct IntObject;
struct StrObject;
struct TupleObject;

// The small-int cache covers -5..256, as CPython's.
constexpr int kSmallIntMin = -5;
constexpr int kSmallIntMax = 256;

struct BuiltinTypes {
  TypeObject *type, *object, *none, *bool_, *int_, *float_, *str, *bytes, *list, *tuple, *dict;
  TypeObject *not_implemented, *ellipsis, *module, *code, *function, *builtin_function;
  TypeObject *method_descriptor, *classmethod_descriptor, *method, *cell, *traceback;
  TypeObject *wrapper_descriptor, *method_wrapper, *generic_alias, *union_type;
  TypeObject *member_descriptor, *getset_descriptor, *property, *staticmethod, *classmethod, *super, *generator, *frame;
  TypeObject *list_iterator, *tuple_iterator, *str_iterator, *dict_keyiterator, *range, *range_iterator;
  TypeObject *set, *frozenset, *set_iterator, *bytearray, *bytes_iterator, *bytearray_iterator, *slice, *longrange_iterator, *str_ascii_iterator, *list_reverseiterator, *enumerate, *zip, *map, *filter, *reversed, *dict_keys, *dict_values, *dict_items, *dict_valueiterator, *dict_itemiterator;
  TypeObject* callable_iterator;  // iter(callable, sentinel)
  TypeObject* text_stream;        // sys.stdout and sys.stderr
  // Exceptions.
  TypeObject *BaseException, *Exception, *ArithmeticError, *ZeroDivisionError, *OverflowError;
  TypeObject *LookupError, *IndexError, *KeyError, *TypeError, *ValueError, *NameError;
  TypeObject *UnboundLocalError, *AttributeError, *RuntimeError, *RecursionError;
  TypeObject *NotImplementedError, *MemoryError, *KeyboardInterrupt, *SystemExit, *StopIteration;
  TypeObject *SyntaxError, *IndentationError, *TabError, *ImportError, *ModuleNotFoundError;
  TypeObject *AssertionError, *UnicodeError, *GeneratorExit, *SystemError;
  TypeObject *OSError, *FileNotFoundError, *FileExistsError, *PermissionError, *IsADirectoryError, *NotADirectoryError;
  TypeObject *TimeoutError, *ConnectionError, *BrokenPipeError, *ConnectionResetError, *ConnectionRefusedError;
  TypeObject *ConnectionAbortedError, *BlockingIOError, *ChildProcessError, *InterruptedError, *ProcessLookupError;
  TypeObject *UnicodeEncodeError, *UnicodeDecodeError, *UnicodeTranslateError, *BufferError, *FloatingPointError;
  TypeObject *StopAsyncIteration, *EOFError, *Warning, *UserWarning, *DeprecationWarning, *PendingDeprecationWarning;
  TypeObject *SyntaxWarning, *RuntimeWarning, *FutureWarning, *ImportWarning, *UnicodeWarning, *BytesWarning;
  TypeObject *ResourceWarning, *EncodingWarning;
  // The container modules: _collections, array, itertools.
  TypeObject *deque, *deque_iterator, *deque_reverse_iterator, *defaultdict, *ordered_dict, *odict_keys, *odict_values;
  TypeObject *odict_items, *odict_keyiterator, *odict_valueiterator, *odict_itemiterator, *tuplegetter, *array, *array_iterator;
  TypeObject *lru_cache_wrapper, *lru_list_elem;
  TypeObject *it_count, *it_cycle, *it_repeat, *it_chain, *it_islice, *it_accumulate, *it_product, *it_permutations;
  TypeObject *it_combinations, *it_cwr, *it_zip_longest, *it_starmap, *it_takewhile, *it_dropwhile, *it_filterfalse;
  TypeObject *it_groupby, *it_grouper, *it_tee, *it_tee_dataobject, *it_compress, *it_pairwise, *it_batched;
  TypeObject *dict_reversekeyiterator, *dict_reversevalueiterator, *dict_reverseitemiterator;
};

class Runtime {
 public:
  // `track_objects` turns the live-object registry on from the start;
  // HeapMode::Debug wraps every block in the debug hooks (PYTHONMALLOC=debug).
  Runtime(size_t memory_limit, bool track_objects, memory::HeapMode mode = memory::HeapMode::Normal);
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  // Makes this runtime the one g_rt and g_region_base refer to.
  void activate();

  memory::Heap heap;
  BuiltinTypes types{};
  // The behaviour of every type (see g_type_slots); classes own theirs here.
  std::vector<TypeSlots*> type_slot_table;
  std::deque<TypeSlots> class_slots;

  Object* none = nullptr;
  Object* true_obj = nullptr;
  Object* false_obj = nullptr;
  Object* not_implemented = nullptr;
  Object* ellipsis = nullptr;
  TupleObject* empty_tuple = nullptr;
  StrObject* empty_str = nullptr;
  IntObject* small_ints = nullptr;        // kSmallIntMax - kSmallIntMin + 1 consecutive objects
  StrObject* latin1_chars[256] = {};      // one-character strings U+0000..U+00FF
  Object* bytes_chars[257] = {};          // b'' then the one-byte bytes b'\x00'..b'\xff' (static, as 3.12)
  Object* set_dummy = nullptr;            // the key of deleted set entries (setobject.c's dummy)
  Object* slice_cache = nullptr;          // 3.12 keeps one freed slice for reuse
  Object* lru_kwd_mark = nullptr;         // separates positional from keyword arguments in lru_cache keys
  // Set around a Python call from C++ that CPython 3.12 inlines in its eval
  // loop (a class's __getitem__, a property getter): it costs no C recursion.
  bool next_call_inlined = false;

  // A static MemoryError raised when not even its instance can be allocated.
  Object* memory_error_instance = nullptr;
  // The exception being raised (a strong reference), or nullptr.
  Object* current_exception = nullptr;
  // Set from outside (Ctrl-C); the VM raises KeyboardInterrupt when it sees it.
  bool interrupt_requested = false;

  // Runs a Python function to completion (installed by the interpreter, so
  // that the object layer can call Python code without depending on it).
  CallFn call_python = nullptr;
  // Resumes a generator (installed by the interpreter): with `sent` as the
  // value of its paused yield, or, when `throwing`, with the current
  // exception raised there. Returns the next yielded value; nullptr with an
  // exception set on error, or without one when the generator returned (its
  // value then goes to *returned, a new reference, when that is not nullptr).
  Object* (*resume_generator)(Object* gen, Object* sent, bool throwing, Object** returned) = nullptr;

  // Interned strings (immortal, as in 3.12) by their UTF-8 text.
  std::unordered_map<std::string, StrObject*> interned;

  // With the registry on, every heap object is listed here between its
  // allocation and its deallocation, so the heap audit can find them all
  // (CPython's Py_TRACE_REFS does the same with a linked list).
  bool track_objects = false;
  std::unordered_set<Object*> live_objects;

  // CPython 3.12's free lists: dead objects kept for reuse instead of being
  // returned to the allocator (tuples by size 1..20, floats, lists, dicts).
  struct FreeLists {
    std::vector<Object*> tuples[21];
    std::vector<Object*> floats;
    std::vector<Object*> lists;
    std::vector<Object*> dicts;
  } free_lists;

  // The cyclic GC's generations, counts and settings (interp->gc).
  GCState gc;

  // The trashcan (Py_TRASHCAN_BEGIN): deallocations nested deeper than a
  // limit are queued and run when the outermost one finishes, so freeing a
  // long chain does not recurse on the C++ stack.
  int dealloc_depth = 0;
  std::vector<Object*> dealloc_later;

  IntObject* small_int(int64_t v) const;
};

extern Runtime* g_rt;

// Allocates a heap object of `size` bytes (not counting the GC header, which
// is added in front for GC types), refcount 1, other bytes zero. Returns
// nullptr with MemoryError set when the region is exhausted.
Object* new_object(TypeObject* type, size_t size);
// Resizes a variable-size object that has no GC header (a str being built).
Object* resize_object(Object* o, size_t new_size);
// Returns the object's memory to the allocator (the deallocator's last step).
void free_object(Object* o);
// An object leaving for a free list, or coming back from one: the heap
// audit's registry follows it (no-ops unless the registry is on), and
// tracemalloc charges a reused object to the code reusing it.
void note_object_dead(Object* o);
void note_object_reborn(Object* o);

// Brackets a container's deallocator: false when the object was queued
// instead (then the deallocator must return at once); dealloc_leave runs
// the queue when the outermost deallocation ends.
bool dealloc_enter(Object* o);
void dealloc_leave();

// PyMem_Malloc & co: buffers owned by objects (list items, dict tables).
Addr mem_alloc(size_t n);
Addr mem_realloc(Addr a, size_t n);
void mem_free(Addr a);

// Objects CPython keeps in its binary's static data: immortal, never freed.
Object* new_static_object(TypeObject* type, size_t size);
// A zeroed, immortal type object in the static area (its fields to be filled).
TypeObject* new_static_type();

inline Object* none() { return g_rt->none; }
inline Object* new_none() { return g_rt->none; }  // None is immortal: no incref needed
inline Object* bool_obj(bool b) { return b ? g_rt->true_obj : g_rt->false_obj; }

}  // namespace heaplab
