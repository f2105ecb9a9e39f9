// Raising and inspecting Python exceptions from C++. As in CPython, a failing
// function sets the runtime's current exception and returns nullptr (or -1);
// C++ exceptions are never used.
#pragma once

#include <cstdarg>
#include <string>

#include "core/object/object.h"
#include "core/object/type.h"

namespace heaplab {

// BaseException's layout (PyBaseExceptionObject).
struct ExceptionObject : Object {
  Ref<Object> dict;
  Ref<Object> args;  // tuple
  Ref<Object> notes;
  Ref<Object> traceback;
  Ref<Object> context;
  Ref<Object> cause;
  uint64_t suppress_context;
};

// Sets a new exception of `type` with a printf-style message; returns nullptr.
Object* set_error(TypeObject* type, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
// Sets an exception whose args are exactly `value` (e.g. KeyError(key)).
Object* set_error_object(TypeObject* type, Object* value);
// PyErr_SetNone: raises `type` with no arguments.
void set_error_none(TypeObject* type);
// Raises `exc` (an instance), taking a new reference.
void raise(Object* exc);
// MemoryError, raised without allocating when the region is exhausted.
Object* set_memory_error();

bool error_occurred();
// True when the current exception is an instance of `type`.
bool error_matches(TypeObject* type);
// Takes the current exception (ownership passes to the caller) and clears it.
Object* fetch_error();
void clear_error();

// Creates an exception instance of `type` with args `args` (a tuple, stolen).
Object* new_exception(TypeObject* type, Object* args);

// str(exc) as CPython's BaseException.__str__: '' / str(args[0]) / str(args).
std::string exception_message(Object* exc);

// The exception's __notes__, one per line, as a traceback ends with them.
std::string exception_notes_text(Object* exc);

// For an uncaught SystemExit: true, with what CPython then prints (nothing
// for None or an int code, else str(code) and a newline).
bool system_exit_text(Object* exc, std::string* out);

// Raises `type` (SyntaxError or a subclass) as the compiler reports it: args
// (msg, (filename, lineno, offset, text, end_lineno, end_offset)). Returns
// nullptr.
Object* set_syntax_error(TypeObject* type, const std::string& msg, const std::string& filename, int lineno,
                         int offset, const std::string& text, int end_lineno, int end_offset);
// The location a SyntaxError carries (false when it has none).
struct SyntaxErrorLocation {
  std::string msg, filename, text;
  int lineno = 0, offset = 0, end_lineno = 0, end_offset = 0;
};
bool syntax_error_location(Object* exc, SyntaxErrorLocation* out);

// Allocates the exception type objects (before any type gets its slots).
void create_exception_type_objects();
void init_exception_types();
// A static exception type outside BuiltinTypes (ReferenceError, made by
// weakref.cpp), behaving as its base.
TypeObject* new_exception_type(const char* name, TypeObject* base);

}  // namespace heaplab
