// dict: CPython 3.12's compact, ordered dict (Objects/dictobject.c), with its
// exact memory layout, growth policy and sys.getsizeof values.
//
// A DictObject (48 bytes, a GC type) points at a keys object in the region:
//
//   DictKeysObject   32 bytes: dk_refcnt, dk_log2_size, dk_log2_index_bytes,
//                    dk_kind, dk_version, dk_usable, dk_nentries
//   dk_indices       1 << dk_log2_index_bytes bytes: the hash table proper,
//                    int8/16/32/64 slots holding an entry index, or
//                    kDkixEmpty / kDkixDummy
//   entries          USABLE_FRACTION(size) entries in insertion order:
//                    DictKeyEntry (hash, key, value: 24 bytes) for general
//                    keys, DictUnicodeEntry (key, value: 16 bytes) when every
//                    key is an exact str (its hash is cached in the str)
//
// Keys objects are allocated with PyObject_Malloc (Domain::Object) as in 3.12.
// An empty dict shares one static, immortal keys object (Py_EMPTY_KEYS).
// Every reference stored in the region is an Addr, never a host pointer.
//
// Split tables (3.12): a class whose instances have a managed __dict__ owns
// one keys object of kind kDictKeysSplit (64 slots, at most 30 str keys, no
// values in its entries); an instance dict made from it shares those keys
// (dk_refcnt counts the class and every such dict) and keeps its values in
// a PyDictValues block (ma_values, see dict_values.h) in its own insertion
// order. A new str key joins the shared keys while they have room; a key
// that cannot (full keys, or not an exact str) converts the dict to a
// combined table. Deleting keeps the table split.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/object/object.h"
#include "core/object/type.h"

namespace heaplab {

// PyDictObject.
struct DictObject : Object {
  int64_t ma_used;
  uint64_t ma_version_tag;
  Addr ma_keys;    // DictKeysObject
  Addr ma_values;  // split-table values (0: combined table)
};
static_assert(sizeof(DictObject) == 48);

enum DictKeysKind : uint8_t {
  kDictKeysGeneral = 0,
  kDictKeysUnicode = 1,
  kDictKeysSplit = 2,
};

// PyDictKeysObject (the indices and the entries follow it).
struct DictKeysObject {
  int64_t dk_refcnt;
  uint8_t dk_log2_size;
  uint8_t dk_log2_index_bytes;
  uint8_t dk_kind;
  uint8_t dk_padding;
  uint32_t dk_version;
  int64_t dk_usable;
  int64_t dk_nentries;
};
static_assert(sizeof(DictKeysObject) == 32);

// PyDictKeyEntry and PyDictUnicodeEntry.
struct DictKeyEntry {
  int64_t me_hash;
  Addr me_key;
  Addr me_value;
};
struct DictUnicodeEntry {
  Addr me_key;
  Addr me_value;
};
static_assert(sizeof(DictKeyEntry) == 24 && sizeof(DictUnicodeEntry) == 16);

constexpr int64_t kDkixEmpty = -1;
constexpr int64_t kDkixDummy = -2;
constexpr int64_t kDkixError = -3;
constexpr int kDictLog2MinSize = 3;  // PyDict_LOG_MINSIZE
constexpr int kDictMaxFreeList = 80;  // PyDict_MAXFREELIST (dicts and keys)

// dict_keyiterator (dictiterobject, 56 bytes, a GC type).
struct DictIterObject : Object {
  Addr di_dict;  // 0 once exhausted
  int64_t di_used;
  int64_t di_pos;
  Addr di_result;  // the reusable result tuple of items iterators (unused by keys)
  int64_t len;
};

// The deallocator and traverse every dict iterator type shares (keys,
// values, items; dict_views.cpp).
void dictiter_dealloc(Object* o);
void dictiter_traverse(Object* o, VisitFn visit, void* arg);
static_assert(sizeof(DictIterObject) == 56);

bool is_dict(const Object* o);  // dict or a subclass

// {} sharing the static empty keys object (new reference, or nullptr + MemoryError).
Object* dict_new();
// An empty instance of dict or of a class deriving from it (dict.__new__).
Object* dict_new_of_type(TypeObject* type);
// A dict ready for `minused` items (BUILD_MAP, _PyDict_FromItems): `unicode`
// when all the keys are exact strs. As 3.12's dict_new_presized.
Object* dict_new_presized(int64_t minused, bool unicode);

// The index of `key`'s entry in d's table (OrderedDict's node table mirrors
// it), kDkixEmpty when missing, kDkixError with the exception set.
int64_t dict_entry_index(Object* d, Object* key);

// Borrowed reference; nullptr when the key is missing (no exception) or on
// error (exception set: check error_occurred()).
Object* dict_getitem(Object* d, Object* key);
// The same for an exact str key (names, attributes).
Object* dict_getitem_str(Object* d, Object* str_key);
// 0 ok / -1 error; takes new references to key and value.
int dict_setitem(Object* d, Object* key, Object* value);
// -1 with KeyError(key) when the key is missing.
int dict_delitem(Object* d, Object* key);
// 1 present, 0 missing, -1 error.
int dict_contains(Object* d, Object* key);
int64_t dict_size(Object* d);
// For the interpreter's cache of global names (3.12's LOAD_GLOBAL
// specialization): a version of the dict's keys, the same until a key is
// added or removed (assigned when first asked; 0 for split or non-str
// tables, which the cache leaves alone); the entry index of an exact str key
// in such a table (kDkixEmpty when missing); the value at an entry index.
uint32_t dict_keys_version(Object* d);
int64_t dict_str_key_index(Object* d, Object* str_key);
// Replaces the value at an entry index of such a table, as dict_setitem does
// for a key already present (the dict takes a new reference to `value`).
void dict_store_at_index(Object* d, int64_t ix, Object* value);
inline uint32_t dict_current_keys_version(const Object* d) {
  return at<DictKeysObject>(static_cast<const DictObject*>(d)->ma_keys)->dk_version;
}
inline Object* dict_unicode_value_at(const Object* d, int64_t ix) {
  auto* dk = at<DictKeysObject>(static_cast<const DictObject*>(d)->ma_keys);
  auto* entries = reinterpret_cast<DictUnicodeEntry*>(reinterpret_cast<uint8_t*>(dk + 1) +
                                                      (size_t(1) << dk->dk_log2_index_bytes));
  return at<Object>(entries[ix].me_value);
}
// Marks a type's namespace dict: from now on, changing or freeing it
// invalidates the type attribute cache (see type_lookup).
constexpr uint64_t kDictWatchedByTypes = 1;
void dict_watch_for_types(Object* d);
// PyDict_Next: borrowed key and value, insertion order. *pos starts at 0.
bool dict_next(Object* d, int64_t* pos, Object** key, Object** value);
// Reversed iteration: from *pos = dict_last_position(d), each call yields the
// live entry at *pos or the nearest one before it and moves *pos below it.
int64_t dict_last_position(Object* d);
bool dict_prev(Object* d, int64_t* pos, Object** key, Object** value);
void dict_clear(Object* d);
// What 3.12's dict_traverse visits (gc.get_referents): the values, and the
// keys only of a general table (a unicode table's keys are strs).
void dict_gc_traverse(Object* d, VisitFn visit, void* arg);
// _PyDict_MaybeUntrack: a full collection stops tracking an exact dict whose
// keys and values cannot be part of a cycle.
void dict_maybe_untrack(Object* d);

// PyDict_Copy: split tables stay split (sharing the keys), compact combined
// tables are cloned, others re-inserted. New reference, nullptr on error.
Object* dict_copy(Object* d);

// ---- Split tables: the building blocks of instance_dict.cpp ----

constexpr int64_t kSharedKeysMaxSize = 30;  // SHARED_KEYS_MAX_SIZE
constexpr uint8_t kLog2SharedKeysSize = 6;  // NEXT_LOG2_SHARED_KEYS_MAX_SIZE

// The value slots a values array needs today (nentries + usable).
inline size_t shared_keys_usable_size(const DictKeysObject* keys) {
  return size_t(keys->dk_nentries + keys->dk_usable);
}
// _PyDict_NewKeysForClass: dk_refcnt 1 (the class's). nullptr with
// MemoryError set on failure.
DictKeysObject* dict_new_keys_for_class();
// dictkeys_decref: frees the keys (and drops their key strs) at zero.
void dict_keys_decref(DictKeysObject* keys);
// Every reference a keys object holds (the keys, and the values of a
// combined table), for the owner's traverse (the heap audit).
void dict_keys_traverse(DictKeysObject* keys, VisitFn visit, void* arg);
// _PyDictKeys_StringLookup for an exact str: its entry index or kDkixEmpty.
int64_t shared_keys_lookup(DictKeysObject* keys, Object* name);
// insert_into_dictkeys: the index of `name` (an exact str), added to the
// keys (with a new reference) if missing; kDkixEmpty when the keys are full.
int64_t shared_keys_insert(DictKeysObject* keys, Object* name);
// make_dict_from_instance_attributes: a split dict over `values` (which it
// takes over on success), sharing `keys`; tracked when a value may be part of
// a cycle. nullptr with MemoryError set on failure (the values stay the
// caller's).
Object* dict_from_values(DictKeysObject* keys, Addr values);

// Bytes of the keys object as _PyDict_KeysSize counts them.
size_t dict_keys_size(const DictKeysObject* keys);
// __sizeof__ (3.12's _PyDict_SizeOf); sys.getsizeof adds the 16-byte GC header.
size_t dict_sizeof(Object* d);

// Frees the dicts and keys objects the free lists hold (gc.collect(2) does
// this in 3.12 through _PyGC_ClearAllFreeLists, and so does shutdown).
void dict_clear_free_lists();
// Dicts and keys objects currently held by the free lists (for the views).
int dict_free_list_size();
int dict_keys_free_list_size();

// Registers the slots of dict and dict_keyiterator and creates this
// runtime's static empty keys object. Call once per runtime, while it starts.
void init_dict_type();

}  // namespace heaplab
