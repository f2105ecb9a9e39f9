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
// Split tables (ma_values, instance dicts sharing their class's keys) are not
// implemented yet; the field and the kDictKeysSplit kind keep their place.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/object/object.h"

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
static_assert(sizeof(DictIterObject) == 56);

bool is_dict(const Object* o);  // dict or a subclass

// {} sharing the static empty keys object (new reference, or nullptr + MemoryError).
Object* dict_new();
// A dict ready for `minused` items (BUILD_MAP, _PyDict_FromItems): `unicode`
// when all the keys are exact strs. As 3.12's dict_new_presized.
Object* dict_new_presized(int64_t minused, bool unicode);

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
// PyDict_Next: borrowed key and value, insertion order. *pos starts at 0.
bool dict_next(Object* d, int64_t* pos, Object** key, Object** value);
void dict_clear(Object* d);

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
