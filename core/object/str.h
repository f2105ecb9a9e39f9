// str: CPython 3.12's compact unicode objects. An ASCII string is a 40-byte
// PyASCIIObject followed by its bytes; any other string is a 56-byte
// PyCompactUnicodeObject followed by 1, 2 or 4 bytes per code point (the
// narrowest kind that holds its largest code point). A NUL follows the data.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/object/object.h"

namespace heaplab {

enum StrState : uint32_t {
  kStrInternedMask = 3,        // 0 not interned, 2 interned immortal, 3 static
  kStrKindShift = 2,           // kind in bits 2..4: 1, 2 or 4 bytes per char
  kStrCompact = 1u << 5,
  kStrAscii = 1u << 6,
  kStrStatic = 1u << 7,
};

struct StrObject : Object {
  int64_t length;  // in code points
  int64_t hash;    // -1 until computed
  uint32_t state;
  uint32_t padding;
};

struct CompactStrObject : StrObject {
  int64_t utf8_length;
  Addr utf8;  // cached UTF-8 (0 when not materialized)
};

// An instance of a class deriving from str (PyUnicodeObject, not compact):
// the characters live in a block of their own.
struct LegacyStrObject : CompactStrObject {
  Addr data;
};

constexpr size_t kAsciiHeaderSize = sizeof(StrObject);                // 40
constexpr size_t kCompactHeaderSize = sizeof(CompactStrObject);       // 56
static_assert(sizeof(LegacyStrObject) == 64);

inline unsigned str_kind(const StrObject* s) { return (s->state >> kStrKindShift) & 7; }
inline bool str_is_ascii(const StrObject* s) { return s->state & kStrAscii; }
inline bool str_is_compact(const StrObject* s) { return s->state & kStrCompact; }
inline void* str_data(StrObject* s) {
  if (!str_is_compact(s)) return at<uint8_t>(static_cast<LegacyStrObject*>(s)->data);
  return reinterpret_cast<uint8_t*>(s) + (str_is_ascii(s) ? kAsciiHeaderSize : kCompactHeaderSize);
}
inline const void* str_data(const StrObject* s) {
  if (!str_is_compact(s)) return at<uint8_t>(static_cast<const LegacyStrObject*>(s)->data);
  return reinterpret_cast<const uint8_t*>(s) + (str_is_ascii(s) ? kAsciiHeaderSize : kCompactHeaderSize);
}
inline uint32_t str_char(const StrObject* s, int64_t i) {
  switch (str_kind(s)) {
    case 1: return static_cast<const uint8_t*>(str_data(s))[i];
    case 2: return static_cast<const uint16_t*>(str_data(s))[i];
    default: return static_cast<const uint32_t*>(str_data(s))[i];
  }
}

bool is_str(const Object* o);

// New strings (new references; nullptr with MemoryError set on failure).
Object* str_from_utf8(std::string_view utf8);
Object* str_from_codepoints(const uint32_t* cps, size_t n);
// The same, but a fresh object even for one character (the case mappings
// build their result so: "é".upper() is not the cached "É").
Object* str_new_from_codepoints(const uint32_t* cps, size_t n);
// The same for code points below 256, one byte each (UCS1 text).
Object* str_from_ucs1(const uint8_t* chars, size_t n);
Object* str_char_object(uint32_t cp);  // one-character string (cached for Latin-1)
// A new ASCII string of at least one character, never a cached one (as
// int's repr builds its digits in a fresh object).
Object* str_new_ascii(std::string_view ascii);
// An interned, immortal string for an identifier or a name the runtime uses.
StrObject* intern_str(std::string_view utf8);
// Interns `s` in place or returns the interned equal string (sys.intern).
StrObject* intern_existing(StrObject* s);

// str.__new__ for a class (unicode_subtype_new): an instance of `type` with
// the characters of the exact str `s` (new reference).
Object* str_subtype_copy(TypeObject* type, StrObject* s);

std::string str_to_utf8(const StrObject* s);
// Appends code point `cp` encoded as UTF-8.
void append_utf8(std::string& out, uint32_t cp);
// Only valid for ASCII strings: a view of the bytes.
inline std::string_view str_ascii_view(const StrObject* s) {
  return {static_cast<const char*>(str_data(s)), size_t(s->length)};
}
bool str_equal(const StrObject* a, const StrObject* b);
// The hash computed once and cached in the str (dict lookups ask often).
int64_t str_hash_compute(StrObject* s);
inline int64_t str_hash(StrObject* s) { return s->hash != -1 ? s->hash : str_hash_compute(s); }
Object* str_repr_of(const StrObject* s);

void init_str_type();
// Creates the static empty string and the Latin-1 one-character strings.
void init_static_strings();

}  // namespace heaplab
