// dict: CPython 3.12's Objects/dictobject.c, combined and split tables (see dict.h).
// The probing, the growth policy, the unicode -> general conversion and the
// free lists follow 3.12 so that sizes, allocations and orders agree with it.
#include "core/object/dict.h"

#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/dict_values.h"
#include "core/object/dict_views.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/repr_guard.h"
#include "core/object/runtime.h"
#include "core/object/str.h"

namespace heaplab {

namespace {

constexpr int kPerturbShift = 5;
constexpr uint32_t kImmortalKeysRefcnt = 0xFFFFFFFFu;  // 3.12's _Py_IMMORTAL_REFCNT
constexpr uint64_t kDictVersionIncrement = 1u << 8;      // DICT_VERSION_INCREMENT
constexpr int kTrashUnwindLevel = 50;                     // _PyTrash_UNWIND_LEVEL

// What CPython keeps per interpreter for dicts, beyond the dict free list
// (Runtime::free_lists.dicts). One per runtime; reset by init_dict_type()
// when a runtime starts.
// TODO(lead): this belongs on Runtime (e.g. `DictState dict_state;`); it is
// file-local only because runtime.h is not ours to edit.
struct DictState {
  Addr empty_keys = 0;  // Py_EMPTY_KEYS, in the region's static area
  Addr free_keys[kDictMaxFreeList] = {};
  int keys_numfree = 0;
  uint64_t global_version = 0;
  int delete_nesting = 0;         // the trashcan (tstate->trash)
  std::vector<Addr> delete_later;
};

std::unordered_map<const Runtime*, DictState> g_dict_states;  // node-based: pointers stay valid
const Runtime* g_cached_rt = nullptr;
DictState* g_cached_state = nullptr;

[[gnu::noinline]] DictState& switch_state() {
  g_cached_state = &g_dict_states[g_rt];
  g_cached_rt = g_rt;
  return *g_cached_state;
}

// Inline: every dict change asks (for its version).
inline DictState& state() { return g_cached_rt == g_rt ? *g_cached_state : switch_state(); }

uint64_t next_version() { return state().global_version += kDictVersionIncrement; }

// The version a changed dict takes: a fresh one, keeping the watch bit
// (3.12 keeps its dict-watcher bits in the low byte the same way); a watched
// dict is a type's namespace, whose change the type attribute cache must see.
uint64_t changed_version(DictObject* mp, uint64_t new_version) {
  if (!(mp->ma_version_tag & kDictWatchedByTypes)) return new_version;
  type_cache_invalidate();
  return new_version | kDictWatchedByTypes;
}

// MAINTAIN_TRACKING(mp, key, value): a dict starts untracked and becomes
// tracked when it receives a key or value that may refer to other objects.
void maintain_tracking(DictObject* mp, Object* key, Object* value) {
  if (!gc_is_tracked(mp) && (gc_may_be_tracked(key) || gc_may_be_tracked(value))) gc_track(mp);
}

// ---- Keys objects ----

inline DictKeysObject* keys_at(Addr a) { return at<DictKeysObject>(a); }
inline DictObject* as_dict(Object* o) { return static_cast<DictObject*>(o); }
inline DictKeysObject* keys_of(const DictObject* mp) { return keys_at(mp->ma_keys); }

inline bool is_exact_str(const Object* o) { return type_of(o) == g_rt->types.str; }

inline size_t dk_size(const DictKeysObject* k) { return size_t(1) << k->dk_log2_size; }
inline size_t dk_mask(const DictKeysObject* k) { return dk_size(k) - 1; }
inline bool dk_is_unicode(const DictKeysObject* k) { return k->dk_kind != kDictKeysGeneral; }

inline constexpr int64_t usable_fraction(int64_t n) { return (n << 1) / 3; }
inline int64_t growth_rate(const DictObject* mp) { return mp->ma_used * 3; }

inline int8_t* dk_indices(DictKeysObject* k) { return reinterpret_cast<int8_t*>(k + 1); }
inline DictKeyEntry* dk_entries(DictKeysObject* k) {
  return reinterpret_cast<DictKeyEntry*>(dk_indices(k) + (size_t(1) << k->dk_log2_index_bytes));
}
inline DictUnicodeEntry* dk_unicode_entries(DictKeysObject* k) {
  return reinterpret_cast<DictUnicodeEntry*>(dk_indices(k) + (size_t(1) << k->dk_log2_index_bytes));
}

// Where entry `ix`'s value lives: the values array of a split table, else
// the entry itself.
inline Addr* value_slot(DictObject* mp, DictKeysObject* dk, int64_t ix) {
  if (mp->ma_values) return &values_slots(mp->ma_values)[ix];
  return dk_is_unicode(dk) ? &dk_unicode_entries(dk)[ix].me_value : &dk_entries(dk)[ix].me_value;
}

inline int64_t get_index(DictKeysObject* k, size_t i) {
  int log2 = k->dk_log2_size;
  if (log2 < 8) return reinterpret_cast<const int8_t*>(dk_indices(k))[i];
  if (log2 < 16) return reinterpret_cast<const int16_t*>(dk_indices(k))[i];
  if (log2 >= 32) return reinterpret_cast<const int64_t*>(dk_indices(k))[i];
  return reinterpret_cast<const int32_t*>(dk_indices(k))[i];
}

inline void set_index(DictKeysObject* k, size_t i, int64_t ix) {
  int log2 = k->dk_log2_size;
  if (log2 < 8) reinterpret_cast<int8_t*>(dk_indices(k))[i] = int8_t(ix);
  else if (log2 < 16) reinterpret_cast<int16_t*>(dk_indices(k))[i] = int16_t(ix);
  else if (log2 >= 32) reinterpret_cast<int64_t*>(dk_indices(k))[i] = ix;
  else reinterpret_cast<int32_t*>(dk_indices(k))[i] = int32_t(ix);
}

// The smallest log2 size >= kDictLog2MinSize whose table holds `minsize` slots.
uint8_t calculate_log2_keysize(int64_t minsize) {
  uint64_t m = (uint64_t(minsize) | 8u) - 1;
  m |= 7u;
  return uint8_t(64 - __builtin_clzll(m));
}

// For presized dicts: room for n items without a resize.
uint8_t estimate_log2_keysize(int64_t n) { return calculate_log2_keysize((n * 3 + 1) / 2); }

inline int64_t str_key_hash(Object* key) { return str_hash(static_cast<StrObject*>(key)); }

// new_keys_object. nullptr with MemoryError set on failure.
DictKeysObject* new_keys_object(uint8_t log2_size, bool unicode) {
  int64_t usable = usable_fraction(int64_t(1) << log2_size);
  uint8_t log2_bytes = log2_size < 8 ? log2_size : log2_size < 16 ? log2_size + 1 : log2_size < 32 ? log2_size + 2 : log2_size + 3;
  size_t entry_size = unicode ? sizeof(DictUnicodeEntry) : sizeof(DictKeyEntry);
  DictState& st = state();
  DictKeysObject* dk;
  if (log2_size == kDictLog2MinSize && unicode && st.keys_numfree > 0) {
    dk = keys_at(st.free_keys[--st.keys_numfree]);
  } else {
    size_t n = sizeof(DictKeysObject) + (size_t(1) << log2_bytes) + entry_size * size_t(usable);
    Addr a = g_rt->heap.malloc(memory::Domain::Object, n);
    if (!a) {
      set_memory_error();
      return nullptr;
    }
    dk = keys_at(a);
  }
  dk->dk_refcnt = 1;
  dk->dk_log2_size = log2_size;
  dk->dk_log2_index_bytes = log2_bytes;
  dk->dk_kind = unicode ? kDictKeysUnicode : kDictKeysGeneral;
  dk->dk_padding = 0;
  dk->dk_version = 0;
  dk->dk_usable = usable;
  dk->dk_nentries = 0;
  std::memset(dk_indices(dk), 0xff, size_t(1) << log2_bytes);
  std::memset(dk_indices(dk) + (size_t(1) << log2_bytes), 0, entry_size * size_t(usable));
  return dk;
}

// Returns the memory of a keys object whose references are gone or moved.
void release_keys_memory(DictKeysObject* keys) {
  DictState& st = state();
  if (keys->dk_log2_size == kDictLog2MinSize && keys->dk_kind == kDictKeysUnicode &&
      st.keys_numfree < kDictMaxFreeList) {
    st.free_keys[st.keys_numfree++] = addr_of(keys);
    return;
  }
  g_rt->heap.free(memory::Domain::Object, addr_of(keys));
}

void free_keys_object(DictKeysObject* keys) {
  if (keys->dk_kind == kDictKeysSplit) type_cache_invalidate();  // see shared_keys_lookup
  if (dk_is_unicode(keys)) {
    DictUnicodeEntry* entries = dk_unicode_entries(keys);
    for (int64_t i = 0, n = keys->dk_nentries; i < n; ++i) {
      xdecref(at<Object>(entries[i].me_key));
      xdecref(at<Object>(entries[i].me_value));
    }
  } else {
    DictKeyEntry* entries = dk_entries(keys);
    for (int64_t i = 0, n = keys->dk_nentries; i < n; ++i) {
      xdecref(at<Object>(entries[i].me_key));
      xdecref(at<Object>(entries[i].me_value));
    }
  }
  release_keys_memory(keys);
}

void dictkeys_decref(DictKeysObject* dk) {
  if (dk->dk_refcnt == int64_t(kImmortalKeysRefcnt)) return;
  if (--dk->dk_refcnt == 0) free_keys_object(dk);
}

// ---- Lookup ----

constexpr int64_t kDkixKeyChanged = -4;  // the dict mutated during a comparison: restart

template <class Compare>
int64_t probe(DictKeysObject* dk, int64_t hash, Compare&& compare) {
  size_t mask = dk_mask(dk);
  size_t perturb = size_t(hash);
  size_t i = size_t(hash) & mask;
  for (;;) {
    int64_t ix = get_index(dk, i);
    if (ix >= 0) {
      int64_t r = compare(ix);
      if (r > 0) return ix;
      if (r < 0) return r;  // error or key changed
    } else if (ix == kDkixEmpty) {
      return kDkixEmpty;
    }
    perturb >>= kPerturbShift;
    i = mask & (i * 5 + perturb + 1);
  }
}

// An exact str key in a unicode table: identity or equal text. The probe
// loop is written out per index width: names and attributes are looked up
// all the time.
template <class Index>
int64_t unicodekeys_probe_unicode(DictKeysObject* dk, Object* key, int64_t hash) {
  const Index* indices = reinterpret_cast<const Index*>(dk_indices(dk));
  DictUnicodeEntry* ep0 = dk_unicode_entries(dk);
  Addr key_addr = addr_of(key);
  size_t mask = dk_mask(dk);
  size_t perturb = size_t(hash);
  size_t i = size_t(hash) & mask;
  for (;;) {
    int64_t ix = indices[i];
    if (ix >= 0) {
      Addr k = ep0[ix].me_key;
      if (k == key_addr) return ix;
      auto* s = at<StrObject>(k);
      if (str_hash(s) == hash && str_equal(s, static_cast<StrObject*>(key))) return ix;
    } else if (ix == kDkixEmpty) {
      return kDkixEmpty;
    }
    perturb >>= kPerturbShift;
    i = mask & (i * 5 + perturb + 1);
  }
}

int64_t unicodekeys_lookup_unicode(DictKeysObject* dk, Object* key, int64_t hash) {
  int log2 = dk->dk_log2_size;
  if (log2 < 8) return unicodekeys_probe_unicode<int8_t>(dk, key, hash);
  if (log2 < 16) return unicodekeys_probe_unicode<int16_t>(dk, key, hash);
  if (log2 >= 32) return unicodekeys_probe_unicode<int64_t>(dk, key, hash);
  return unicodekeys_probe_unicode<int32_t>(dk, key, hash);
}

// Rich comparison of a stored key with `key`, noticing mutation of the dict.
int64_t compare_generic(DictObject* mp, DictKeysObject* dk, Addr* slot, Object* key) {
  Object* startkey = at<Object>(*slot);
  incref(startkey);
  int cmp = object_rich_compare_bool(startkey, key, CompareOp::Eq);
  bool unchanged = keys_of(mp) == dk && *slot == addr_of(startkey);
  decref(startkey);
  if (cmp < 0) return kDkixError;
  if (!unchanged) return kDkixKeyChanged;
  return cmp;
}

// Any other key in a unicode table.
int64_t unicodekeys_lookup_generic(DictObject* mp, DictKeysObject* dk, Object* key, int64_t hash) {
  DictUnicodeEntry* ep0 = dk_unicode_entries(dk);
  return probe(dk, hash, [&](int64_t ix) -> int64_t {
    DictUnicodeEntry* ep = &ep0[ix];
    if (ep->me_key == addr_of(key)) return 1;
    if (str_key_hash(at<Object>(ep->me_key)) != hash) return 0;
    return compare_generic(mp, dk, &ep->me_key, key);
  });
}

int64_t dictkeys_generic_lookup(DictObject* mp, DictKeysObject* dk, Object* key, int64_t hash) {
  DictKeyEntry* ep0 = dk_entries(dk);
  return probe(dk, hash, [&](int64_t ix) -> int64_t {
    DictKeyEntry* ep = &ep0[ix];
    if (ep->me_key == addr_of(key)) return 1;
    if (ep->me_hash != hash) return 0;
    return compare_generic(mp, dk, &ep->me_key, key);
  });
}

// _Py_dict_lookup: the entry index (or kDkixEmpty / kDkixError) and the
// value, borrowed (nullptr when missing).
int64_t dict_lookup(DictObject* mp, Object* key, int64_t hash, Object** value) {
  for (;;) {
    DictKeysObject* dk = keys_of(mp);
    int64_t ix;
    if (dk_is_unicode(dk)) {
      ix = is_exact_str(key) ? unicodekeys_lookup_unicode(dk, key, hash)
                             : unicodekeys_lookup_generic(mp, dk, key, hash);
      if (ix == kDkixKeyChanged) continue;
      *value = ix >= 0 ? at<Object>(*value_slot(mp, dk, ix)) : nullptr;
    } else {
      ix = dictkeys_generic_lookup(mp, dk, key, hash);
      if (ix == kDkixKeyChanged) continue;
      *value = ix >= 0 ? at<Object>(dk_entries(dk)[ix].me_value) : nullptr;
    }
    return ix;
  }
}

// The slot of the indices that holds entry `index`.
size_t lookdict_index(DictKeysObject* k, int64_t hash, int64_t index) {
  size_t mask = dk_mask(k);
  size_t perturb = size_t(hash);
  size_t i = size_t(hash) & mask;
  for (;;) {
    int64_t ix = get_index(k, i);
    if (ix == index || ix == kDkixEmpty) return i;  // kDkixEmpty: cannot happen for a live entry
    perturb >>= kPerturbShift;
    i = mask & (i * 5 + perturb + 1);
  }
}

// The first free (empty or dummy) slot of the probe sequence of `hash`.
size_t find_empty_slot(DictKeysObject* k, int64_t hash) {
  size_t mask = dk_mask(k);
  size_t i = size_t(hash) & mask;
  int64_t ix = get_index(k, i);
  for (size_t perturb = size_t(hash); ix >= 0;) {
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
    ix = get_index(k, i);
  }
  return i;
}

void build_indices(DictKeysObject* k, int64_t n, int64_t (*hash_of)(DictKeysObject*, int64_t)) {
  size_t mask = dk_mask(k);
  for (int64_t ix = 0; ix < n; ++ix) {
    int64_t hash = hash_of(k, ix);
    size_t i = size_t(hash) & mask;
    for (size_t perturb = size_t(hash); get_index(k, i) != kDkixEmpty;) {
      perturb >>= kPerturbShift;
      i = mask & (i * 5 + perturb + 1);
    }
    set_index(k, i, ix);
  }
}

int64_t general_entry_hash(DictKeysObject* k, int64_t ix) { return dk_entries(k)[ix].me_hash; }
int64_t unicode_entry_hash(DictKeysObject* k, int64_t ix) {
  return str_key_hash(at<Object>(dk_unicode_entries(k)[ix].me_key));
}

// dictresize: a fresh keys object of 2**log2_newsize slots holding the live
// entries compacted; `unicode` false converts a unicode table to general.
int dictresize(DictObject* mp, uint8_t log2_newsize, bool unicode) {
  if (log2_newsize >= 64) {
    set_memory_error();
    return -1;
  }
  DictKeysObject* oldkeys = keys_of(mp);
  if (!dk_is_unicode(oldkeys)) unicode = false;
  DictKeysObject* newkeys = new_keys_object(log2_newsize, unicode);
  if (!newkeys) return -1;
  mp->ma_keys = addr_of(newkeys);
  int64_t numentries = mp->ma_used;
  Addr oldvalues = mp->ma_values;
  if (oldvalues) {
    // Split -> combined, in the values' insertion order: the keys gain a
    // reference each (the shared keys keep theirs), the values move.
    DictUnicodeEntry* oldentries = dk_unicode_entries(oldkeys);
    for (int64_t i = 0; i < numentries; ++i) {
      int64_t index = values_order_at(oldvalues, i);
      Addr key = oldentries[index].me_key;
      incref(at<Object>(key));
      Addr value = values_slots(oldvalues)[index];
      if (unicode) {
        dk_unicode_entries(newkeys)[i] = DictUnicodeEntry{key, value};
      } else {
        dk_entries(newkeys)[i] = DictKeyEntry{str_key_hash(at<Object>(key)), key, value};
      }
    }
    build_indices(newkeys, numentries, unicode ? unicode_entry_hash : general_entry_hash);
    mp->ma_values = 0;
    dictkeys_decref(oldkeys);
    values_free(oldvalues);
  } else if (oldkeys->dk_kind == kDictKeysGeneral) {
    DictKeyEntry* oldentries = dk_entries(oldkeys);
    DictKeyEntry* newentries = dk_entries(newkeys);
    if (oldkeys->dk_nentries == numentries) {
      std::memcpy(newentries, oldentries, size_t(numentries) * sizeof(DictKeyEntry));
    } else {
      DictKeyEntry* ep = oldentries;
      for (int64_t i = 0; i < numentries; ++i) {
        while (ep->me_value == 0) ++ep;
        newentries[i] = *ep++;
      }
    }
    build_indices(newkeys, numentries, general_entry_hash);
  } else {
    DictUnicodeEntry* oldentries = dk_unicode_entries(oldkeys);
    if (unicode) {
      DictUnicodeEntry* newentries = dk_unicode_entries(newkeys);
      if (oldkeys->dk_nentries == numentries) {
        std::memcpy(newentries, oldentries, size_t(numentries) * sizeof(DictUnicodeEntry));
      } else {
        DictUnicodeEntry* ep = oldentries;
        for (int64_t i = 0; i < numentries; ++i) {
          while (ep->me_value == 0) ++ep;
          newentries[i] = *ep++;
        }
      }
      build_indices(newkeys, numentries, unicode_entry_hash);
    } else {  // unicode -> general
      DictKeyEntry* newentries = dk_entries(newkeys);
      DictUnicodeEntry* ep = oldentries;
      for (int64_t i = 0; i < numentries; ++i) {
        while (ep->me_value == 0) ++ep;
        newentries[i].me_key = ep->me_key;
        newentries[i].me_hash = str_key_hash(at<Object>(ep->me_key));
        newentries[i].me_value = ep->me_value;
        ++ep;
      }
      build_indices(newkeys, numentries, general_entry_hash);
    }
  }
  // The references moved: free the old table without decrefs.
  if (!oldvalues && addr_of(oldkeys) != state().empty_keys) release_keys_memory(oldkeys);
  newkeys->dk_usable -= numentries;
  newkeys->dk_nentries = numentries;
  return 0;
}

// clone_combined_dict_keys: a copy of a combined table (PyObject_Malloc,
// not the keys free list) whose live entries gain a reference each.
DictKeysObject* clone_combined_dict_keys(DictKeysObject* orig) {
  size_t size = dict_keys_size(orig);
  Addr a = g_rt->heap.malloc(memory::Domain::Object, size);
  if (!a) {
    set_memory_error();
    return nullptr;
  }
  DictKeysObject* keys = keys_at(a);
  std::memcpy(keys, orig, size);
  keys->dk_version = 0;  // a version names one keys object (dict_keys_version)
  for (int64_t i = 0, n = keys->dk_nentries; i < n; ++i) {
    Addr* key = dk_is_unicode(keys) ? &dk_unicode_entries(keys)[i].me_key : &dk_entries(keys)[i].me_key;
    Addr* value = dk_is_unicode(keys) ? &dk_unicode_entries(keys)[i].me_value : &dk_entries(keys)[i].me_value;
    if (!*value) continue;
    incref(at<Object>(*value));
    incref(at<Object>(*key));
  }
  return keys;
}

int insertion_resize(DictObject* mp, bool unicode) {
  return dictresize(mp, calculate_log2_keysize(growth_rate(mp)), unicode);
}

// insert_to_emptydict: the first key of a dict on the shared empty keys.
// Steals key and value.
int insert_to_emptydict(DictObject* mp, Object* key, int64_t hash, Object* value) {
  uint64_t new_version = next_version();
  bool unicode = is_exact_str(key);
  DictKeysObject* newkeys = new_keys_object(kDictLog2MinSize, unicode);
  if (!newkeys) {
    decref(key);
    decref(value);
    return -1;
  }
  mp->ma_keys = addr_of(newkeys);
  mp->ma_values = 0;
  maintain_tracking(mp, key, value);
  size_t hashpos = size_t(hash) & ((size_t(1) << kDictLog2MinSize) - 1);
  set_index(newkeys, hashpos, 0);
  if (unicode) {
    DictUnicodeEntry* ep = dk_unicode_entries(newkeys);
    ep->me_key = addr_of(key);
    ep->me_value = addr_of(value);
  } else {
    DictKeyEntry* ep = dk_entries(newkeys);
    ep->me_key = addr_of(key);
    ep->me_hash = hash;
    ep->me_value = addr_of(value);
  }
  mp->ma_used++;
  mp->ma_version_tag = changed_version(mp, new_version);
  newkeys->dk_usable--;
  newkeys->dk_nentries++;
  return 0;
}

// insertdict: steals key and value.
int insertdict(DictObject* mp, Object* key, int64_t hash, Object* value) {
  if (dk_is_unicode(keys_of(mp)) && !is_exact_str(key)) {
    if (insertion_resize(mp, false) < 0) {
      decref(key);
      decref(value);
      return -1;
    }
  }
  Object* old_value = nullptr;
  int64_t ix = dict_lookup(mp, key, hash, &old_value);
  if (ix == kDkixError) {
    decref(key);
    decref(value);
    return -1;
  }
  maintain_tracking(mp, key, value);
  if (ix == kDkixEmpty) {
    uint64_t new_version = next_version();
    DictKeysObject* dk = keys_of(mp);
    dk->dk_version = 0;
    if (dk->dk_usable <= 0) {
      // 3.12 passes unicode=1 here; a comparison that cleared the dict can
      // leave it on the (unicode) empty keys, so only ask for a unicode
      // table when the key allows one.
      if (insertion_resize(mp, is_exact_str(key)) < 0) {
        decref(key);
        decref(value);
        return -1;
      }
      dk = keys_of(mp);
    }
    size_t hashpos = find_empty_slot(dk, hash);
    set_index(dk, hashpos, dk->dk_nentries);
    if (dk_is_unicode(dk)) {
      DictUnicodeEntry* ep = &dk_unicode_entries(dk)[dk->dk_nentries];
      ep->me_key = addr_of(key);
      if (mp->ma_values) {
        // A split table adds the key to the shared keys: every values
        // array of the class has a slot for it.
        values_slots(mp->ma_values)[dk->dk_nentries] = addr_of(value);
        values_order_append(mp->ma_values, dk->dk_nentries);
      } else {
        ep->me_value = addr_of(value);
      }
    } else {
      DictKeyEntry* ep = &dk_entries(dk)[dk->dk_nentries];
      ep->me_key = addr_of(key);
      ep->me_hash = hash;
      ep->me_value = addr_of(value);
    }
    mp->ma_used++;
    mp->ma_version_tag = changed_version(mp, new_version);
    dk->dk_usable--;
    dk->dk_nentries++;
    return 0;
  }
  if (old_value != value) {
    *value_slot(mp, keys_of(mp), ix) = addr_of(value);
    if (!old_value) {  // a shared key this split table had no value for
      values_order_append(mp->ma_values, ix);
      mp->ma_used++;
    }
    mp->ma_version_tag = changed_version(mp, next_version());
  }
  xdecref(old_value);  // the value may run code: the dict is consistent by now
  decref(key);
  return 0;
}

void delitem_common(DictObject* mp, int64_t hash, int64_t ix, Object* old_value) {
  DictKeysObject* dk = keys_of(mp);
  mp->ma_used--;
  mp->ma_version_tag = changed_version(mp, next_version());
  if (mp->ma_values) {  // a split table keeps the key in the shared keys
    values_slots(mp->ma_values)[ix] = 0;
    values_order_remove(mp->ma_values, ix);
    decref(old_value);
    return;
  }
  size_t hashpos = lookdict_index(dk, hash, ix);
  dk->dk_version = 0;
  set_index(dk, hashpos, kDkixDummy);
  Object* old_key;
  if (dk_is_unicode(dk)) {
    DictUnicodeEntry* ep = &dk_unicode_entries(dk)[ix];
    old_key = at<Object>(ep->me_key);
    ep->me_key = 0;
    ep->me_value = 0;
  } else {
    DictKeyEntry* ep = &dk_entries(dk)[ix];
    old_key = at<Object>(ep->me_key);
    ep->me_key = 0;
    ep->me_value = 0;
    ep->me_hash = 0;
  }
  decref(old_key);
  decref(old_value);
}

// The hash a dict uses for `key`: the cached one of an exact str.
int64_t key_hash(Object* key) {
  if (is_exact_str(key)) return str_key_hash(key);
  return object_hash(key);
}

// new_dict: from the free list when it holds one, as 3.12.
DictObject* new_dict(Addr keys, int64_t used) {
  DictState& st = state();
  auto& free_list = g_rt->free_lists.dicts;
  DictObject* mp;
  if (!free_list.empty()) {
    mp = static_cast<DictObject*>(free_list.back());
    free_list.pop_back();
    GCHeader* g = gc_header(mp);  // as fresh from new_object: untracked
    g->next = 0;
    g->prev = 0;
    mp->refcnt = 1;
    note_object_reborn(mp);
  } else {
    mp = static_cast<DictObject*>(new_object(g_rt->types.dict, sizeof(DictObject)));
    if (!mp) {
      DictKeysObject* k = keys_at(keys);
      if (addr_of(k) != st.empty_keys) dictkeys_decref(k);
      return nullptr;
    }
  }
  mp->ma_keys = keys;
  mp->ma_values = 0;
  mp->ma_used = used;
  mp->ma_version_tag = next_version();
  return mp;
}

// ---- Slots ----

void dict_dealloc_body(Object* o) {
  DictObject* mp = as_dict(o);
  if (mp->ma_version_tag & kDictWatchedByTypes) type_cache_invalidate();
  if (Addr values = mp->ma_values) {
    mp->ma_values = 0;
    for (int64_t i = 0, n = keys_of(mp)->dk_nentries; i < n; ++i) xdecref(values_get(values, i));
    values_free(values);
  }
  if (mp->ma_keys) {
    DictKeysObject* keys = keys_of(mp);
    mp->ma_keys = 0;
    dictkeys_decref(keys);
  }
  auto& free_list = g_rt->free_lists.dicts;
  if (free_list.size() < size_t(kDictMaxFreeList) && type_of(o) == g_rt->types.dict) {
    note_object_dead(o);
    free_list.push_back(o);
  } else {
    free_object(o);
  }
}

// With 3.12's trashcan (Py_TRASHCAN_BEGIN/END): deeply nested dicts are
// destroyed iteratively past 50 levels, so the host stack stays bounded.
// TODO(lead): the nesting counter should be shared by every container type.
void dict_dealloc(Object* o) {
  gc_untrack(o);
  DictState& st = state();
  if (st.delete_nesting >= kTrashUnwindLevel && type_of(o) == g_rt->types.dict) {
    st.delete_later.push_back(addr_of(o));
    return;
  }
  ++st.delete_nesting;
  dict_dealloc_body(o);
  --st.delete_nesting;
  while (st.delete_nesting == 0 && !st.delete_later.empty()) {
    Object* next = at<Object>(st.delete_later.back());
    st.delete_later.pop_back();
    ++st.delete_nesting;
    dealloc(next);
    --st.delete_nesting;
  }
}

// Every reference the dict owns, value then key as 3.12's dict_traverse.
// 3.12 skips the keys of a unicode table (strs are not GC objects); the heap
// audit needs them, so they are visited here too.
void dict_traverse(Object* o, VisitFn visit, void* arg) {
  DictObject* mp = as_dict(o);
  if (!mp->ma_keys) return;
  DictKeysObject* keys = keys_of(mp);
  int64_t n = keys->dk_nentries;
  if (mp->ma_values) {  // the keys belong to the shared keys object
    for (int64_t i = 0; i < n; ++i)
      if (Object* v = values_get(mp->ma_values, i)) visit(v, arg);
  } else if (dk_is_unicode(keys)) {
    DictUnicodeEntry* entries = dk_unicode_entries(keys);
    for (int64_t i = 0; i < n; ++i) {
      if (!entries[i].me_value) continue;
      visit(at<Object>(entries[i].me_value), arg);
      visit(at<Object>(entries[i].me_key), arg);
    }
  } else {
    DictKeyEntry* entries = dk_entries(keys);
    for (int64_t i = 0; i < n; ++i) {
      if (!entries[i].me_value) continue;
      visit(at<Object>(entries[i].me_value), arg);
      visit(at<Object>(entries[i].me_key), arg);
    }
  }
}

// dict_tp_clear.
void dict_clear_slot(Object* o) { dict_clear(o); }


Object* dict_repr(Object* o) {
  ReprGuard guard(o);
  if (!guard.entered()) return str_from_utf8("{...}");
  DictObject* mp = as_dict(o);
  if (mp->ma_used == 0) return str_from_utf8("{}");
  std::string out = "{";
  int64_t pos = 0;
  Object *key, *value;
  bool first = true;
  // The dict may change while the reprs run: dict_next re-reads it each step.
  while (dict_next(o, &pos, &key, &value)) {
    incref(key);
    incref(value);
    std::string k, v;
    bool ok = repr_utf8(key, &k) && repr_utf8(value, &v);
    decref(key);
    decref(value);
    if (!ok) return nullptr;
    if (!first) out += ", ";
    first = false;
    out += k;
    out += ": ";
    out += v;
  }
  out += "}";
  return str_from_utf8(out);
}

// dict_equal: 1, 0, or -1 on error.
int dict_equal(DictObject* a, DictObject* b) {
  if (a->ma_used != b->ma_used) return 0;
  for (int64_t i = 0; i < keys_of(a)->dk_nentries; ++i) {
    DictKeysObject* ak = keys_of(a);
    Object *key, *aval;
    int64_t hash;
    if (dk_is_unicode(ak)) {
      DictUnicodeEntry* ep = &dk_unicode_entries(ak)[i];
      if (!ep->me_key) continue;
      key = at<Object>(ep->me_key);
      aval = at<Object>(*value_slot(a, ak, i));
      hash = str_key_hash(key);
    } else {
      DictKeyEntry* ep = &dk_entries(ak)[i];
      key = at<Object>(ep->me_key);
      aval = at<Object>(ep->me_value);
      hash = ep->me_hash;
    }
    if (!aval) continue;
    incref(aval);
    incref(key);
    Object* bval = nullptr;
    dict_lookup(b, key, hash, &bval);
    if (!bval) {
      decref(key);
      decref(aval);
      return error_occurred() ? -1 : 0;
    }
    incref(bval);
    int cmp = object_rich_compare_bool(aval, bval, CompareOp::Eq);
    decref(key);
    decref(aval);
    decref(bval);
    if (cmp <= 0) return cmp;
  }
  return 1;
}

Object* dict_richcompare(Object* v, Object* w, CompareOp op) {
  if (!is_dict(v) || !is_dict(w) || (op != CompareOp::Eq && op != CompareOp::Ne)) {
    return newref(g_rt->not_implemented);
  }
  int cmp = dict_equal(as_dict(v), as_dict(w));
  if (cmp < 0) return nullptr;
  return bool_obj((cmp == 1) == (op == CompareOp::Eq));
}

int64_t dict_length(Object* o) { return as_dict(o)->ma_used; }
int dict_truth(Object* o) { return as_dict(o)->ma_used != 0; }

int64_t dict_hash(Object* o) {
  set_error(g_rt->types.TypeError, "unhashable type: '%s'", type_name(o));
  return -1;
}

// dict_subscript: KeyError(key), or __missing__ for subclasses.
Object* dict_subscript(Object* o, Object* key) {
  int64_t hash = key_hash(key);
  if (hash == -1) return nullptr;
  Object* value = nullptr;
  int64_t ix = dict_lookup(as_dict(o), key, hash, &value);
  if (ix == kDkixError) return nullptr;
  if (ix == kDkixEmpty || !value) {
    if (type_of(o) != g_rt->types.dict) {
      StrObject* missing_name = intern_str("__missing__");
      if (!missing_name) return nullptr;
      if (Object* missing = type_lookup(type_of(o), missing_name)) {
        Object* args[2] = {o, key};
        return object_call(missing, args, 2, nullptr);
      }
    }
    return set_error_object(g_rt->types.KeyError, key);
  }
  return newref(value);
}

int dict_ass_sub(Object* o, Object* key, Object* value) {
  if (value) return dict_setitem(o, key, value);
  return dict_delitem(o, key);
}

int dict_contains_slot(Object* o, Object* key) { return dict_contains(o, key); }

size_t dict_size_of_slot(Object* o) { return dict_sizeof(o); }

// ---- dict_keyiterator ----

Object* dict_iter(Object* o) {
  DictObject* mp = as_dict(o);
  auto* di = static_cast<DictIterObject*>(new_object(g_rt->types.dict_keyiterator, sizeof(DictIterObject)));
  if (!di) return nullptr;
  di->di_dict = addr_of(newref(o));
  di->di_used = mp->ma_used;
  di->di_pos = 0;
  di->di_result = 0;
  di->len = mp->ma_used;
  gc_track(di);
  return di;
}

Object* dictiter_self(Object* o) { return newref(o); }

Object* dictiter_iternextkey(Object* o) {
  auto* di = static_cast<DictIterObject*>(o);
  if (!di->di_dict) return nullptr;
  DictObject* d = at<DictObject>(di->di_dict);
  if (di->di_used != d->ma_used) {
    set_error(g_rt->types.RuntimeError, "dictionary changed size during iteration");
    di->di_used = -1;  // sticky
    return nullptr;
  }
  int64_t i = di->di_pos;
  DictKeysObject* k = keys_of(d);
  int64_t n = k->dk_nentries;
  Object* key = nullptr;
  if (d->ma_values) {  // insertion order is the values' order
    if (i < d->ma_used) key = at<Object>(dk_unicode_entries(k)[values_order_at(d->ma_values, i)].me_key);
  } else if (dk_is_unicode(k)) {
    DictUnicodeEntry* ep = dk_unicode_entries(k);
    while (i < n && !ep[i].me_value) ++i;
    if (i < n) key = at<Object>(ep[i].me_key);
  } else {
    DictKeyEntry* ep = dk_entries(k);
    while (i < n && !ep[i].me_value) ++i;
    if (i < n) key = at<Object>(ep[i].me_key);
  }
  if (key && di->len == 0) {
    set_error(g_rt->types.RuntimeError, "dictionary keys changed during iteration");
    key = nullptr;
  }
  if (!key) {
    di->di_dict = 0;
    decref(d);
    return nullptr;
  }
  di->di_pos = i + 1;
  di->len--;
  return newref(key);
}

size_t dictiter_size_of(Object*) { return sizeof(DictIterObject); }

// dict | other: a copy updated from other (both dicts, else NotImplemented);
// dict |= other: updated in place from any mapping or iterable of pairs.
Object* dict_or(Object* a, Object* b) {
  if (!is_dict(a) || !is_dict(b)) return newref(g_rt->not_implemented);
  Object* r = dict_copy(a);
  if (r && dict_update_from(r, b, nullptr, nullptr) < 0) {
    decref(r);
    return nullptr;
  }
  return r;
}

Object* dict_ior(Object* a, Object* b) {
  if (dict_update_from(a, b, nullptr, nullptr) < 0) return nullptr;
  return newref(a);
}

TypeSlots dict_slots;
TypeSlots dictiter_slots;

}  // namespace

void dictiter_dealloc(Object* o) {
  gc_untrack(o);
  auto* di = static_cast<DictIterObject*>(o);
  Object* d = at<Object>(di->di_dict);
  Object* r = at<Object>(di->di_result);
  di->di_dict = 0;
  di->di_result = 0;
  xdecref(d);
  xdecref(r);
  free_object(o);
}

void dictiter_traverse(Object* o, VisitFn visit, void* arg) {
  auto* di = static_cast<DictIterObject*>(o);
  if (di->di_dict) visit(at<Object>(di->di_dict), arg);
  if (di->di_result) visit(at<Object>(di->di_result), arg);
}

bool is_dict(const Object* o) { return type_of(o)->flags & kTypeDictSubclass; }

Object* dict_new() { return new_dict(state().empty_keys, 0); }

// dict_new (dict.__new__, so also dict()): tp_alloc makes a new object,
// never one from the free list; a class's instance is tracked from the
// start, an exact dict is not (_PyType_AllocNoTrack).
Object* dict_new_of_type(TypeObject* type) {
  auto* mp = static_cast<DictObject*>(new_object(type, type->basicsize));
  if (!mp) return nullptr;
  mp->ma_keys = state().empty_keys;
  mp->ma_version_tag = next_version();
  if (type != g_rt->types.dict) gc_track(mp);
  return mp;
}

int64_t dict_entry_index(Object* d, Object* key) {
  int64_t hash = key_hash(key);
  if (hash == -1) return kDkixError;
  Object* value = nullptr;
  int64_t ix = dict_lookup(as_dict(d), key, hash, &value);
  return ix >= 0 && !value ? kDkixEmpty : ix;
}

Object* dict_new_presized(int64_t minused, bool unicode) {
  constexpr uint8_t kLog2MaxPresize = 17;
  constexpr int64_t kMaxPresize = int64_t(1) << kLog2MaxPresize;
  if (minused <= usable_fraction(int64_t(1) << kDictLog2MinSize)) return dict_new();
  uint8_t log2_newsize = minused > usable_fraction(kMaxPresize) ? kLog2MaxPresize : estimate_log2_keysize(minused);
  DictKeysObject* keys = new_keys_object(log2_newsize, unicode);
  if (!keys) return nullptr;
  return new_dict(addr_of(keys), 0);
}

Object* dict_getitem(Object* d, Object* key) {
  int64_t hash = key_hash(key);
  if (hash == -1) return nullptr;
  Object* value = nullptr;
  dict_lookup(as_dict(d), key, hash, &value);
  return value;
}

Object* dict_getitem_str(Object* d, Object* str_key) {
  DictObject* mp = as_dict(d);
  DictKeysObject* dk = keys_of(mp);
  int64_t hash = str_key_hash(str_key);
  if (dk_is_unicode(dk)) {
    int64_t ix = unicodekeys_lookup_unicode(dk, str_key, hash);
    return ix >= 0 ? at<Object>(*value_slot(mp, dk, ix)) : nullptr;
  }
  Object* value = nullptr;
  dict_lookup(mp, str_key, hash, &value);
  return value;
}

int dict_setitem(Object* d, Object* key, Object* value) {
  DictObject* mp = as_dict(d);
  int64_t hash = key_hash(key);
  if (hash == -1) return -1;
  incref(key);
  incref(value);
  if (mp->ma_keys == state().empty_keys) return insert_to_emptydict(mp, key, hash, value);
  return insertdict(mp, key, hash, value);
}

int dict_delitem(Object* d, Object* key) {
  DictObject* mp = as_dict(d);
  int64_t hash = key_hash(key);
  if (hash == -1) return -1;
  Object* old_value = nullptr;
  int64_t ix = dict_lookup(mp, key, hash, &old_value);
  if (ix == kDkixError) return -1;
  if (ix == kDkixEmpty || !old_value) {
    set_error_object(g_rt->types.KeyError, key);
    return -1;
  }
  delitem_common(mp, hash, ix, old_value);
  return 0;
}

int dict_contains(Object* d, Object* key) {
  int64_t hash = key_hash(key);
  if (hash == -1) return -1;
  Object* value = nullptr;
  int64_t ix = dict_lookup(as_dict(d), key, hash, &value);
  if (ix == kDkixError) return -1;
  return ix != kDkixEmpty && value != nullptr;
}

uint32_t dict_keys_version(Object* d) {
  static uint32_t last_version = 1;  // 1 is the shared empty keys' own
  DictObject* mp = as_dict(d);
  DictKeysObject* dk = keys_of(mp);
  if (mp->ma_values || dk->dk_kind != kDictKeysUnicode) return 0;
  if (dk->dk_version == 0) {
    if (++last_version == 0) return 0;  // all used: no more caching
    dk->dk_version = last_version;
  }
  return dk->dk_version;
}

int64_t dict_str_key_index(Object* d, Object* str_key) {
  DictKeysObject* dk = keys_of(as_dict(d));
  return unicodekeys_lookup_unicode(dk, str_key, str_key_hash(str_key));
}

void dict_store_at_index(Object* d, int64_t ix, Object* value) {
  DictObject* mp = as_dict(d);
  DictUnicodeEntry* ep = &dk_unicode_entries(keys_of(mp))[ix];
  maintain_tracking(mp, at<Object>(ep->me_key), value);
  Object* old_value = at<Object>(ep->me_value);
  if (old_value == value) return;
  incref(value);
  ep->me_value = addr_of(value);
  mp->ma_version_tag = changed_version(mp, next_version());
  decref(old_value);  // the value may run code: the dict is consistent by now
}

void dict_watch_for_types(Object* d) { as_dict(d)->ma_version_tag |= kDictWatchedByTypes; }

int64_t dict_size(Object* d) { return as_dict(d)->ma_used; }

void dict_gc_traverse(Object* d, VisitFn visit, void* arg) {
  DictObject* mp = as_dict(d);
  if (!mp->ma_keys) return;
  DictKeysObject* k = keys_of(mp);
  int64_t n = k->dk_nentries;
  if (dk_is_unicode(k)) {
    for (int64_t i = 0; i < n; ++i)
      if (Addr v = *value_slot(mp, k, i)) visit(at<Object>(v), arg);
  } else {
    dict_traverse(d, visit, arg);
  }
}

void dict_maybe_untrack(Object* d) {
  if (type_of(d) != g_rt->types.dict || !gc_is_tracked(d)) return;
  DictKeysObject* k = keys_of(as_dict(d));
  int64_t n = k->dk_nentries;
  if (dk_is_unicode(k)) {
    for (int64_t i = 0; i < n; ++i) {
      Object* v = at<Object>(*value_slot(as_dict(d), k, i));
      if (v && gc_may_be_tracked(v)) return;
    }
  } else {
    DictKeyEntry* ep = dk_entries(k);
    for (int64_t i = 0; i < n; ++i) {
      if (!ep[i].me_value) continue;
      if (gc_may_be_tracked(at<Object>(ep[i].me_value)) || gc_may_be_tracked(at<Object>(ep[i].me_key))) return;
    }
  }
  gc_untrack(d);
}

bool dict_next(Object* d, int64_t* pos, Object** key, Object** value) {
  DictObject* mp = as_dict(d);
  int64_t i = *pos;
  if (i < 0) return false;
  DictKeysObject* k = keys_of(mp);
  int64_t n = k->dk_nentries;
  if (mp->ma_values) {  // insertion order is the values' order
    if (i >= mp->ma_used) return false;
    int64_t index = values_order_at(mp->ma_values, i);
    if (key) *key = at<Object>(dk_unicode_entries(k)[index].me_key);
    if (value) *value = values_get(mp->ma_values, index);
  } else if (dk_is_unicode(k)) {
    DictUnicodeEntry* ep = dk_unicode_entries(k);
    while (i < n && !ep[i].me_value) ++i;
    if (i >= n) return false;
    if (key) *key = at<Object>(ep[i].me_key);
    if (value) *value = at<Object>(ep[i].me_value);
  } else {
    DictKeyEntry* ep = dk_entries(k);
    while (i < n && !ep[i].me_value) ++i;
    if (i >= n) return false;
    if (key) *key = at<Object>(ep[i].me_key);
    if (value) *value = at<Object>(ep[i].me_value);
  }
  *pos = i + 1;
  return true;
}

int64_t dict_last_position(Object* d) {
  DictObject* mp = as_dict(d);
  return (mp->ma_values ? mp->ma_used : keys_of(mp)->dk_nentries) - 1;
}

bool dict_prev(Object* d, int64_t* pos, Object** key, Object** value) {
  DictObject* mp = as_dict(d);
  int64_t i = *pos;
  if (i < 0) return false;
  DictKeysObject* k = keys_of(mp);
  if (mp->ma_values) {
    int64_t index = values_order_at(mp->ma_values, i);
    *key = at<Object>(dk_unicode_entries(k)[index].me_key);
    *value = values_get(mp->ma_values, index);
  } else if (dk_is_unicode(k)) {
    DictUnicodeEntry* ep = dk_unicode_entries(k);
    while (i >= 0 && !ep[i].me_value) --i;
    if (i < 0) return false;
    *key = at<Object>(ep[i].me_key);
    *value = at<Object>(ep[i].me_value);
  } else {
    DictKeyEntry* ep = dk_entries(k);
    while (i >= 0 && !ep[i].me_value) --i;
    if (i < 0) return false;
    *key = at<Object>(ep[i].me_key);
    *value = at<Object>(ep[i].me_value);
  }
  *pos = i - 1;
  return true;
}

void dict_clear(Object* d) {
  DictObject* mp = as_dict(d);
  Addr empty = state().empty_keys;
  if (mp->ma_keys == empty) return;
  DictKeysObject* oldkeys = keys_of(mp);
  Addr oldvalues = mp->ma_values;
  // Empty the dict first, then release the entries (their destructors may
  // look at the dict).
  mp->ma_keys = empty;
  mp->ma_values = 0;
  mp->ma_used = 0;
  mp->ma_version_tag = changed_version(mp, next_version());
  if (oldvalues) {
    for (int64_t i = 0, n = oldkeys->dk_nentries; i < n; ++i) {
      Object* v = values_get(oldvalues, i);
      values_slots(oldvalues)[i] = 0;
      xdecref(v);
    }
    values_free(oldvalues);
  }
  dictkeys_decref(oldkeys);
}

size_t dict_keys_size(const DictKeysObject* keys) {
  size_t es = keys->dk_kind == kDictKeysGeneral ? sizeof(DictKeyEntry) : sizeof(DictUnicodeEntry);
  size_t size = sizeof(DictKeysObject);
  size += size_t(1) << keys->dk_log2_index_bytes;
  size += size_t(usable_fraction(int64_t(1) << keys->dk_log2_size)) * es;
  return size;
}

size_t dict_sizeof(Object* d) {
  DictObject* mp = as_dict(d);
  uint64_t basic = type_of(d)->basicsize;
  size_t res = basic ? size_t(basic) : sizeof(DictObject);
  DictKeysObject* keys = keys_of(mp);
  if (mp->ma_values) res += shared_keys_usable_size(keys) * sizeof(Addr);
  // A split table's keys are counted by the class (dk_refcnt > 1).
  if (keys && keys->dk_refcnt == 1) res += dict_keys_size(keys);
  return res;
}

// ---- Split tables ----

DictKeysObject* dict_new_keys_for_class() {
  DictKeysObject* keys = new_keys_object(kLog2SharedKeysSize, true);
  if (!keys) return nullptr;
  keys->dk_usable = kSharedKeysMaxSize;  // one more than the first instance leaves
  keys->dk_kind = kDictKeysSplit;
  return keys;
}

void dict_keys_decref(DictKeysObject* keys) { dictkeys_decref(keys); }

void dict_keys_traverse(DictKeysObject* keys, VisitFn visit, void* arg) {
  for (int64_t i = 0, n = keys->dk_nentries; i < n; ++i) {
    Addr key = dk_is_unicode(keys) ? dk_unicode_entries(keys)[i].me_key : dk_entries(keys)[i].me_key;
    Addr value = dk_is_unicode(keys) ? dk_unicode_entries(keys)[i].me_value : dk_entries(keys)[i].me_value;
    if (key) visit(at<Object>(key), arg);
    if (value) visit(at<Object>(value), arg);
  }
}

namespace {

// Where a name sits in a class's shared keys, remembered for attribute
// access: shared keys only grow, so a found index stays right while the keys
// live, and a name found missing stays missing while no key joins; freeing
// the keys moves the type cache's epoch (free_keys_object), as does a switch
// of runtime. Immortal interned names only, as in type_lookup.
struct SharedKeyCacheEntry {
  Addr keys;
  Addr name;
  uint64_t epoch;
  int64_t index;     // or kDkixEmpty
  int64_t nentries;  // the keys' entries when found missing
};
constexpr size_t kSharedKeyCacheSize = 512;
SharedKeyCacheEntry g_shared_key_cache[kSharedKeyCacheSize];

}  // namespace

int64_t shared_keys_lookup(DictKeysObject* keys, Object* name) {
  Addr ka = addr_of(keys), na = addr_of(name);
  SharedKeyCacheEntry& e = g_shared_key_cache[((ka >> 6) ^ (na >> 4)) & (kSharedKeyCacheSize - 1)];
  if (e.keys == ka && e.name == na && e.epoch == g_type_cache_epoch &&
      (e.index >= 0 || e.nentries == keys->dk_nentries)) {
    return e.index;
  }
  int64_t ix = unicodekeys_lookup_unicode(keys, name, str_key_hash(name));
  if ((static_cast<StrObject*>(name)->state & kStrInternedMask) >= 2) {
    e = {ka, na, g_type_cache_epoch, ix, keys->dk_nentries};
  }
  return ix;
}

int64_t shared_keys_insert(DictKeysObject* keys, Object* name) {
  int64_t ix = shared_keys_lookup(keys, name);
  if (ix != kDkixEmpty) return ix;
  int64_t hash = str_key_hash(name);
  if (keys->dk_usable <= 0) return kDkixEmpty;
  keys->dk_version = 0;
  ix = keys->dk_nentries;
  set_index(keys, find_empty_slot(keys, hash), ix);
  dk_unicode_entries(keys)[ix].me_key = addr_of(newref(name));
  keys->dk_usable--;
  keys->dk_nentries++;
  return ix;
}

Object* dict_from_values(DictKeysObject* keys, Addr values) {
  int64_t used = 0;
  bool track = false;
  for (size_t i = 0, n = shared_keys_usable_size(keys); i < n; ++i) {
    Object* v = values_get(values, int64_t(i));
    if (!v) continue;
    ++used;
    track = track || gc_may_be_tracked(v);
  }
  keys->dk_refcnt++;
  DictObject* mp = new_dict(addr_of(keys), used);
  if (!mp) return nullptr;
  mp->ma_values = values;
  if (track) gc_track(mp);
  return mp;
}

Object* dict_copy(Object* d) {
  DictObject* mp = as_dict(d);
  if (mp->ma_used == 0) return dict_new();
  DictKeysObject* keys = keys_of(mp);
  if (mp->ma_values) {
    // Not from the free list: 3.12 allocates split copies with PyObject_GC_New.
    Addr values = values_copy(mp->ma_values, shared_keys_usable_size(keys));
    if (!values) return nullptr;
    auto* copy = static_cast<DictObject*>(new_object(g_rt->types.dict, sizeof(DictObject)));
    if (!copy) {
      for (size_t i = 0, n = shared_keys_usable_size(keys); i < n; ++i) xdecref(values_get(values, int64_t(i)));
      values_free(values);
      return nullptr;
    }
    keys->dk_refcnt++;
    copy->ma_keys = addr_of(keys);
    copy->ma_values = values;
    copy->ma_used = mp->ma_used;
    copy->ma_version_tag = next_version();
    if (gc_is_tracked(mp)) gc_track(copy);
    return copy;
  }
  if (slots_of(d).iter == dict_iter && mp->ma_used >= keys->dk_nentries * 2 / 3) {
    // Compact enough: clone the table.
    DictKeysObject* clone = clone_combined_dict_keys(keys);
    if (!clone) return nullptr;
    DictObject* copy = new_dict(addr_of(clone), mp->ma_used);
    if (!copy) return nullptr;
    if (gc_is_tracked(mp)) gc_track(copy);
    return copy;
  }
  // dict_merge into a new dict: one resize up front, then the live entries
  // in order with their stored hashes.
  auto* copy = static_cast<DictObject*>(dict_new());
  if (!copy) return nullptr;
  if (dictresize(copy, estimate_log2_keysize(mp->ma_used), dk_is_unicode(keys)) < 0) {
    decref(copy);
    return nullptr;
  }
  int64_t orig_size = keys->dk_nentries;
  for (int64_t i = 0; i < keys_of(mp)->dk_nentries; ++i) {
    DictKeysObject* k = keys_of(mp);
    Addr key, value;
    int64_t hash;
    if (dk_is_unicode(k)) {
      key = dk_unicode_entries(k)[i].me_key;
      value = dk_unicode_entries(k)[i].me_value;
      hash = value ? str_key_hash(at<Object>(key)) : 0;
    } else {
      key = dk_entries(k)[i].me_key;
      value = dk_entries(k)[i].me_value;
      hash = dk_entries(k)[i].me_hash;
    }
    if (!value) continue;
    if (insertdict(copy, newref(at<Object>(key)), hash, newref(at<Object>(value))) < 0) {
      decref(copy);
      return nullptr;
    }
    if (orig_size != keys_of(mp)->dk_nentries) {
      set_error(g_rt->types.RuntimeError, "dict mutated during update");
      decref(copy);
      return nullptr;
    }
  }
  return copy;
}

void dict_clear_free_lists() {
  DictState& st = state();
  auto& free_list = g_rt->free_lists.dicts;
  while (!free_list.empty()) {
    Object* o = free_list.back();
    free_list.pop_back();
    note_object_reborn(o);  // free_object takes it out of the registry again
    free_object(o);
  }
  while (st.keys_numfree > 0) g_rt->heap.free(memory::Domain::Object, st.free_keys[--st.keys_numfree]);
}

int dict_free_list_size() { return int(g_rt->free_lists.dicts.size()); }
int dict_keys_free_list_size() { return state().keys_numfree; }

void init_dict_type() {
  // A new runtime (possibly at the address of a dead one) starts clean.
  g_cached_rt = nullptr;
  g_dict_states[g_rt] = DictState{};
  DictState& st = state();

  // Py_EMPTY_KEYS: immortal, unicode kind, log2 size 0 with 8 empty indices.
  Addr a = g_rt->heap.static_alloc(sizeof(DictKeysObject) + 8);
  DictKeysObject* ek = keys_at(a);
  ek->dk_refcnt = kImmortalKeysRefcnt;
  ek->dk_log2_size = 0;
  ek->dk_log2_index_bytes = 0;
  ek->dk_kind = kDictKeysUnicode;
  ek->dk_padding = 0;
  ek->dk_version = 1;
  ek->dk_usable = 0;
  ek->dk_nentries = 0;
  std::memset(dk_indices(ek), 0xff, 8);
  st.empty_keys = a;

  TypeObject* dict_type = g_rt->types.dict;  // basicsize 48, GC (runtime.cpp's table)
  TypeSlots& s = dict_slots;
  s.name = "dict";
  s.dealloc = dict_dealloc;
  s.traverse = dict_traverse;
  s.clear = dict_clear_slot;
  s.repr = dict_repr;
  s.hash = dict_hash;
  s.richcompare = dict_richcompare;
  s.length = dict_length;
  s.truth = dict_truth;
  s.getitem = dict_subscript;
  s.setitem = dict_ass_sub;
  s.contains = dict_contains_slot;
  s.iter = dict_iter;
  s.size_of = dict_size_of_slot;
  s.number[size_t(BinaryOp::Or)] = dict_or;
  s.inplace_number[size_t(BinaryOp::Or)] = dict_ior;
  register_type_slots(dict_type, &dict_slots);

  TypeObject* it_type = g_rt->types.dict_keyiterator;  // basicsize 56, GC
  TypeSlots& t = dictiter_slots;
  t.name = "dict_keyiterator";
  t.dealloc = dictiter_dealloc;
  t.traverse = dictiter_traverse;
  t.iter = dictiter_self;
  t.iternext = dictiter_iternextkey;
  t.size_of = dictiter_size_of;
  register_type_slots(it_type, &dictiter_slots);
}

}  // namespace heaplab
