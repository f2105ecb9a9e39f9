#include "core/object/errors.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <iterator>
#include <string>

#include "core/object/abstract.h"
#include "core/object/bytes.h"
#include "core/object/dict.h"
#include "core/object/gc_header.h"
#include "core/object/instance_dict.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

struct ExceptionSpec {
  TypeObject* BuiltinTypes::*field;
  TypeObject* BuiltinTypes::*base;
  const char* name;
  int extra_fields = 0;  // fields the type adds to its parent's layout
};

// The hierarchy of Objects/exceptions.c, parents before children.
const ExceptionSpec kExceptions[] = {
    {&BuiltinTypes::BaseException, &BuiltinTypes::object, "BaseException"},
    {&BuiltinTypes::Exception, &BuiltinTypes::BaseException, "Exception"},
    {&BuiltinTypes::KeyboardInterrupt, &BuiltinTypes::BaseException, "KeyboardInterrupt"},
    {&BuiltinTypes::SystemExit, &BuiltinTypes::BaseException, "SystemExit", 1},
    {&BuiltinTypes::GeneratorExit, &BuiltinTypes::BaseException, "GeneratorExit"},
    {&BuiltinTypes::ArithmeticError, &BuiltinTypes::Exception, "ArithmeticError"},
    {&BuiltinTypes::ZeroDivisionError, &BuiltinTypes::ArithmeticError, "ZeroDivisionError"},
    {&BuiltinTypes::OverflowError, &BuiltinTypes::ArithmeticError, "OverflowError"},
    {&BuiltinTypes::LookupError, &BuiltinTypes::Exception, "LookupError"},
    {&BuiltinTypes::IndexError, &BuiltinTypes::LookupError, "IndexError"},
    {&BuiltinTypes::KeyError, &BuiltinTypes::LookupError, "KeyError"},
    {&BuiltinTypes::TypeError, &BuiltinTypes::Exception, "TypeError"},
    {&BuiltinTypes::ValueError, &BuiltinTypes::Exception, "ValueError"},
    {&BuiltinTypes::UnicodeError, &BuiltinTypes::ValueError, "UnicodeError", 5},
    {&BuiltinTypes::UnicodeEncodeError, &BuiltinTypes::UnicodeError, "UnicodeEncodeError"},
    {&BuiltinTypes::UnicodeDecodeError, &BuiltinTypes::UnicodeError, "UnicodeDecodeError"},
    {&BuiltinTypes::UnicodeTranslateError, &BuiltinTypes::UnicodeError, "UnicodeTranslateError"},
    {&BuiltinTypes::NameError, &BuiltinTypes::Exception, "NameError", 1},
    {&BuiltinTypes::UnboundLocalError, &BuiltinTypes::NameError, "UnboundLocalError"},
    {&BuiltinTypes::AttributeError, &BuiltinTypes::Exception, "AttributeError", 2},
    {&BuiltinTypes::RuntimeError, &BuiltinTypes::Exception, "RuntimeError"},
    {&BuiltinTypes::RecursionError, &BuiltinTypes::RuntimeError, "RecursionError"},
    {&BuiltinTypes::NotImplementedError, &BuiltinTypes::RuntimeError, "NotImplementedError"},
    {&BuiltinTypes::MemoryError, &BuiltinTypes::Exception, "MemoryError"},
    {&BuiltinTypes::StopIteration, &BuiltinTypes::Exception, "StopIteration", 1},
    {&BuiltinTypes::SyntaxError, &BuiltinTypes::Exception, "SyntaxError", 8},
    {&BuiltinTypes::IndentationError, &BuiltinTypes::SyntaxError, "IndentationError"},
    {&BuiltinTypes::TabError, &BuiltinTypes::IndentationError, "TabError"},
    {&BuiltinTypes::ImportError, &BuiltinTypes::Exception, "ImportError", 4},
    {&BuiltinTypes::ModuleNotFoundError, &BuiltinTypes::ImportError, "ModuleNotFoundError"},
    {&BuiltinTypes::AssertionError, &BuiltinTypes::Exception, "AssertionError"},
    {&BuiltinTypes::SystemError, &BuiltinTypes::Exception, "SystemError"},
    {&BuiltinTypes::FloatingPointError, &BuiltinTypes::ArithmeticError, "FloatingPointError"},
    {&BuiltinTypes::BufferError, &BuiltinTypes::Exception, "BufferError"},
    {&BuiltinTypes::EOFError, &BuiltinTypes::Exception, "EOFError"},
    {&BuiltinTypes::StopAsyncIteration, &BuiltinTypes::Exception, "StopAsyncIteration"},
    {&BuiltinTypes::OSError, &BuiltinTypes::Exception, "OSError", 5},
    {&BuiltinTypes::FileNotFoundError, &BuiltinTypes::OSError, "FileNotFoundError"},
    {&BuiltinTypes::FileExistsError, &BuiltinTypes::OSError, "FileExistsError"},
    {&BuiltinTypes::PermissionError, &BuiltinTypes::OSError, "PermissionError"},
    {&BuiltinTypes::IsADirectoryError, &BuiltinTypes::OSError, "IsADirectoryError"},
    {&BuiltinTypes::NotADirectoryError, &BuiltinTypes::OSError, "NotADirectoryError"},
    {&BuiltinTypes::TimeoutError, &BuiltinTypes::OSError, "TimeoutError"},
    {&BuiltinTypes::BlockingIOError, &BuiltinTypes::OSError, "BlockingIOError"},
    {&BuiltinTypes::ChildProcessError, &BuiltinTypes::OSError, "ChildProcessError"},
    {&BuiltinTypes::InterruptedError, &BuiltinTypes::OSError, "InterruptedError"},
    {&BuiltinTypes::ProcessLookupError, &BuiltinTypes::OSError, "ProcessLookupError"},
    {&BuiltinTypes::ConnectionError, &BuiltinTypes::OSError, "ConnectionError"},
    {&BuiltinTypes::BrokenPipeError, &BuiltinTypes::ConnectionError, "BrokenPipeError"},
    {&BuiltinTypes::ConnectionResetError, &BuiltinTypes::ConnectionError, "ConnectionResetError"},
    {&BuiltinTypes::ConnectionRefusedError, &BuiltinTypes::ConnectionError, "ConnectionRefusedError"},
    {&BuiltinTypes::ConnectionAbortedError, &BuiltinTypes::ConnectionError, "ConnectionAbortedError"},
    {&BuiltinTypes::Warning, &BuiltinTypes::Exception, "Warning"},
    {&BuiltinTypes::UserWarning, &BuiltinTypes::Warning, "UserWarning"},
    {&BuiltinTypes::DeprecationWarning, &BuiltinTypes::Warning, "DeprecationWarning"},
    {&BuiltinTypes::PendingDeprecationWarning, &BuiltinTypes::Warning, "PendingDeprecationWarning"},
    {&BuiltinTypes::SyntaxWarning, &BuiltinTypes::Warning, "SyntaxWarning"},
    {&BuiltinTypes::RuntimeWarning, &BuiltinTypes::Warning, "RuntimeWarning"},
    {&BuiltinTypes::FutureWarning, &BuiltinTypes::Warning, "FutureWarning"},
    {&BuiltinTypes::ImportWarning, &BuiltinTypes::Warning, "ImportWarning"},
    {&BuiltinTypes::UnicodeWarning, &BuiltinTypes::Warning, "UnicodeWarning"},
    {&BuiltinTypes::BytesWarning, &BuiltinTypes::Warning, "BytesWarning"},
    {&BuiltinTypes::ResourceWarning, &BuiltinTypes::Warning, "ResourceWarning"},
    {&BuiltinTypes::EncodingWarning, &BuiltinTypes::Warning, "EncodingWarning"},
};

ExceptionObject* as_exc(Object* o) { return static_cast<ExceptionObject*>(o); }

// The fields NameError (name), AttributeError (name, obj) and ImportError
// (msg, name, path, name_from) keep after BaseException's.
// OSError keeps (errno, strerror, filename, filename2) the same way.
int extra_field_count(const Object* o) {
  const BuiltinTypes& t = g_rt->types;
  if (is_instance(o, t.OSError) || is_instance(o, t.ImportError)) return 4;
  return is_instance(o, t.AttributeError) ? 2 : is_instance(o, t.NameError) ? 1 : 0;
}
Ref<Object>& extra_field(Object* o, int index) {
  return reinterpret_cast<Ref<Object>*>(reinterpret_cast<char*>(o) + sizeof(ExceptionObject))[index];
}
// The field an attribute (or constructor keyword) names, or -1.
int extra_field_index(const Object* o, std::string_view name) {
  int n = extra_field_count(o);
  if (n == 4 && is_instance(o, g_rt->types.OSError)) {
    return name == "errno" ? 0 : name == "strerror" ? 1 : name == "filename" ? 2 : name == "filename2" ? 3 : -1;
  }
  if (n == 4) return name == "name" ? 1 : name == "path" ? 2 : -1;
  if (n == 2) return name == "name" ? 0 : name == "obj" ? 1 : -1;
  if (n == 1) return name == "name" ? 0 : -1;
  return -1;
}

// OSError(errno, ...) builds the subclass its errno names (errmap.h).
TypeObject* os_error_subclass(int err) {
  const BuiltinTypes& t = g_rt->types;
  switch (err) {
    case EAGAIN: case EALREADY: case EINPROGRESS: return t.BlockingIOError;
    case ECHILD: return t.ChildProcessError;
    case EPIPE: case ESHUTDOWN: return t.BrokenPipeError;
    case ECONNABORTED: return t.ConnectionAbortedError;
    case ECONNREFUSED: return t.ConnectionRefusedError;
    case ECONNRESET: return t.ConnectionResetError;
    case EEXIST: return t.FileExistsError;
    case ENOENT: return t.FileNotFoundError;
    case EISDIR: return t.IsADirectoryError;
    case ENOTDIR: return t.NotADirectoryError;
    case EINTR: return t.InterruptedError;
    case EACCES: case EPERM: return t.PermissionError;
    case ESRCH: return t.ProcessLookupError;
    case ETIMEDOUT: return t.TimeoutError;
    default: return t.OSError;
  }
}

TypeObject* constructed_type(TypeObject* type, Object* const* args, size_t nargs) {
  if (type != g_rt->types.OSError || nargs < 2 || nargs > 5 || type_of(args[0]) != g_rt->types.int_) return type;
  int64_t err;
  if (!int_as_i64(static_cast<IntObject*>(args[0]), &err) || err < 0 || err > 100000) return type;
  return os_error_subclass(int(err));
}

// UnicodeError subclasses made from Python carry (encoding, object, start,
// end, reason); errors raised by the runtime carry just the message.
Object* unicode_error_arg(Object* exc, int index) {
  auto* args = static_cast<TupleObject*>(as_exc(exc)->args.get());
  bool translate = is_instance(exc, g_rt->types.UnicodeTranslateError);  // no encoding field
  bool codec = is_instance(exc, g_rt->types.UnicodeEncodeError) || is_instance(exc, g_rt->types.UnicodeDecodeError);
  if (!args || !(translate || codec) || args->size != (translate ? 4 : 5)) return nullptr;
  if (translate) {
    if (index == 0) return none();
    --index;
  }
  return tuple_item(args, index);
}

// str() of a UnicodeError carrying its fields: "'enc' codec can't decode
// byte 0xff in position 0: reason"; false when it carries just a message.
bool unicode_error_message(Object* exc, std::string* out) {
  Object* object = unicode_error_arg(exc, 1);
  if (!object) return false;
  Object* start_obj = unicode_error_arg(exc, 2);
  Object* end_obj = unicode_error_arg(exc, 3);
  int64_t start, end;
  if (!int_is_int(start_obj) || !int_is_int(end_obj) || !int_as_i64(static_cast<IntObject*>(start_obj), &start) ||
      !int_as_i64(static_cast<IntObject*>(end_obj), &end))
    return false;
  std::string reason, encoding;
  if (!str_utf8(unicode_error_arg(exc, 4), &reason)) return false;
  bool translate = is_instance(exc, g_rt->types.UnicodeTranslateError);
  if (!translate && !str_utf8(unicode_error_arg(exc, 0), &encoding)) return false;
  bool decode = is_instance(exc, g_rt->types.UnicodeDecodeError);
  char buf[160];
  if (decode) {
    std::string_view data;
    if (!bytes_like_view(object, &data)) return false;
    if (start >= 0 && start < int64_t(data.size()) && end == start + 1) {
      std::snprintf(buf, sizeof buf, "'%s' codec can't decode byte 0x%02x in position %lld: ", encoding.c_str(),
                    unsigned(uint8_t(data[size_t(start)])), static_cast<long long>(start));
    } else {
      std::snprintf(buf, sizeof buf, "'%s' codec can't decode bytes in position %lld-%lld: ", encoding.c_str(),
                    static_cast<long long>(start), static_cast<long long>(end - 1));
    }
  } else {
    if (!is_str(object)) return false;
    auto* s = static_cast<StrObject*>(object);
    std::string prefix = translate ? "can't translate" : "'" + encoding + "' codec can't encode";
    if (start >= 0 && start < s->length && end == start + 1) {
      uint32_t ch = str_char(s, start);
      const char* form = ch <= 0xff ? "\\x%02x" : ch <= 0xffff ? "\\u%04x" : "\\U%08x";
      char escaped[16];
      std::snprintf(escaped, sizeof escaped, form, ch);
      std::snprintf(buf, sizeof buf, "%s character '%s' in position %lld: ", prefix.c_str(), escaped,
                    static_cast<long long>(start));
    } else {
      std::snprintf(buf, sizeof buf, "%s characters in position %lld-%lld: ", prefix.c_str(),
                    static_cast<long long>(start), static_cast<long long>(end - 1));
    }
  }
  *out = buf + reason;
  return true;
}

// str() of an OSError with an errno: "[Errno 2] strerror: 'filename'".
bool os_error_message(Object* exc, std::string* out) {
  Object* err = extra_field(exc, 0).get();
  Object* strerror = extra_field(exc, 1).get();
  if (!err || !strerror) return false;
  std::string e, s;
  if (!str_utf8(err, &e) || !str_utf8(strerror, &s)) return false;
  *out = "[Errno " + e + "] " + s;
  Object* filename = extra_field(exc, 2).get();
  if (filename && filename != none()) {
    std::string f;
    if (!repr_utf8(filename, &f)) return false;
    *out += ": " + f;
    Object* filename2 = extra_field(exc, 3).get();
    if (filename2 && filename2 != none()) {
      if (!repr_utf8(filename2, &f)) return false;
      *out += " -> " + f;
    }
  }
  return true;
}
constexpr size_t kExceptionCount = sizeof(kExceptions) / sizeof(kExceptions[0]);

TypeSlots exception_slots[kExceptionCount];

// Stores the keyword arguments NameError(name=), AttributeError(name=, obj=)
// and ImportError(name=, path=) accept; other exceptions take none.
bool set_keyword_fields(Object* e, Object* const* kwvalues, Object* kwnames) {
  auto* names = static_cast<TupleObject*>(kwnames);
  if (!names || names->size == 0) return true;
  if (extra_field_count(e) == 0 || is_instance(e, g_rt->types.OSError)) {
    set_error(g_rt->types.TypeError, "%s() takes no keyword arguments", type_name(e));
    return false;
  }
  for (int64_t i = 0; i < names->size; ++i) {
    std::string key = str_to_utf8(static_cast<StrObject*>(tuple_item(names, i)));
    int index = extra_field_index(e, key);
    if (index < 0) {
      set_error(g_rt->types.TypeError, "'%s' is an invalid keyword argument for %s()", key.c_str(), type_name(e));
      return false;
    }
    set_ref(extra_field(e, index), newref(kwvalues[i]));
  }
  return true;
}

// OSError_init: 2 to 5 arguments are (errno, strerror[, filename[,
// winerror[, filename2]]]), and args keeps the first two.
bool init_os_error_fields(Object* e) {
  if (!is_instance(e, g_rt->types.OSError)) return true;
  auto* args = static_cast<TupleObject*>(as_exc(e)->args.get());
  int64_t n = args->size;
  if (n < 2 || n > 5) return true;
  for (int i = 0; i < 4; ++i) {
    int from = i < 3 ? i : 4;
    set_ref(extra_field(e, i), from < n ? newref(tuple_item(args, from)) : nullptr);
  }
  if (n == 2) return true;
  Object* first_two[2] = {tuple_item(args, 0), tuple_item(args, 1)};
  Object* pair = tuple_from_array(first_two, 2);
  if (!pair) return false;
  set_ref(as_exc(e)->args, pair);
  return true;
}

// BaseException_clear: each field is emptied before its reference is dropped.
void exception_clear(Object* o) {
  ExceptionObject* e = as_exc(o);
  for (Ref<Object>* field : {&e->dict, &e->args, &e->notes, &e->traceback, &e->context, &e->cause})
    set_ref(*field, static_cast<Object*>(nullptr));
  for (int i = extra_field_count(o); i-- > 0;) set_ref(extra_field(o, i), static_cast<Object*>(nullptr));
}

void exception_dealloc(Object* o) {
  gc_untrack(o);
  exception_clear(o);
  free_object(o);
}

void exception_traverse(Object* o, VisitFn visit, void* arg) {
  ExceptionObject* e = as_exc(o);
  for (Object* r : {e->dict.get(), e->args.get(), e->notes.get(), e->traceback.get(), e->context.get(), e->cause.get()})
    if (r) visit(r, arg);
  for (int i = extra_field_count(o); i-- > 0;)
    if (Object* r = extra_field(o, i).get()) visit(r, arg);
}

Object* exception_str(Object* o) {
  std::string s = exception_message(o);
  if (error_occurred()) return nullptr;
  return str_from_utf8(s);
}

Object* exception_repr(Object* o) {
  auto* args = static_cast<TupleObject*>(as_exc(o)->args.get());
  std::string out = type_name(o);
  std::string inner;
  if (args && args->size == 1) {
    if (!repr_utf8(tuple_item(args, 0), &inner)) return nullptr;
    out += "(" + inner + ")";
  } else if (args && args->size > 1) {
    if (!repr_utf8(args, &inner)) return nullptr;
    out += inner;
  } else {
    out += "()";
  }
  return str_from_utf8(out);
}

Object* exception_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* t = tuple_from_array(args, nargs);
  if (!t) return nullptr;
  Object* e = new_exception(constructed_type(type, args, nargs), t);
  if (e && (!set_keyword_fields(e, args + nargs, kwnames) || !init_os_error_fields(e))) {
    decref(e);
    return nullptr;
  }
  return e;
}

// BaseException_new: the arguments become args; keywords are left to __init__.
Object* exception_new_instance(TypeObject* type, Object* const* args, size_t nargs, Object*) {
  Object* t = tuple_from_array(args, nargs);
  if (!t) return nullptr;
  Object* e = new_exception(constructed_type(type, args, nargs), t);
  if (e && !init_os_error_fields(e)) {
    decref(e);
    return nullptr;
  }
  if (e && (type->flags & kTypeManagedDict) && type->cached_keys && !instance_init_values(e, type->cached_keys)) {
    decref(e);
    return nullptr;
  }
  return e;
}

// BaseException_init: args again (a class's __init__ may pass others on).
int exception_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!set_keyword_fields(self, args + nargs, kwnames)) return -1;
  Object* t = tuple_from_array(args, nargs);
  if (!t) return -1;
  set_ref(as_exc(self)->args, t);
  return init_os_error_fields(self) ? 0 : -1;
}

Object* exception_getattr(Object* o, Object* name) {
  ExceptionObject* e = as_exc(o);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  Object* v = nullptr;
  if (n == "args") v = e->args.get();
  else if (n == "__cause__") v = e->cause.get();
  else if (n == "__context__") v = e->context.get();
  else if (n == "__traceback__") v = e->traceback.get();
  else if (n == "value" && is_instance(o, g_rt->types.StopIteration)) {
    auto* args = static_cast<TupleObject*>(e->args.get());
    v = args && args->size > 0 ? tuple_item(args, 0) : nullptr;
  }
  else if (n == "__suppress_context__") return bool_obj(e->suppress_context != 0);
  else if (n == "__notes__" && e->notes) v = e->notes.get();
  else if (n == "code" && is_instance(o, g_rt->types.SystemExit)) {
    auto* args = static_cast<TupleObject*>(e->args.get());
    if (args && args->size == 1) v = tuple_item(args, 0);
    else if (args && args->size > 1) v = args;
  }
  else if (int index = extra_field_index(o, n); index >= 0) v = extra_field(o, index).get();
  else if (n == "msg" && is_instance(o, g_rt->types.ImportError)) {  // ImportError_init: a lone argument
    auto* args = static_cast<TupleObject*>(e->args.get());
    v = args && args->size == 1 ? tuple_item(args, 0) : nullptr;
  }
  else if (is_instance(o, g_rt->types.SyntaxError) &&
           (n == "msg" || n == "filename" || n == "lineno" || n == "offset" || n == "text" || n == "end_lineno" ||
            n == "end_offset")) {
    auto* args = static_cast<TupleObject*>(e->args.get());
    if (n == "msg") {
      v = args && args->size >= 1 ? tuple_item(args, 0) : nullptr;
    } else if (args && args->size == 2 && is_tuple(tuple_item(args, 1))) {
      auto* info = static_cast<TupleObject*>(tuple_item(args, 1));
      int index = n == "filename" ? 0 : n == "lineno" ? 1 : n == "offset" ? 2 : n == "text" ? 3 : n == "end_lineno" ? 4 : 5;
      v = index < info->size ? tuple_item(info, index) : nullptr;
    }
  }
  else if (is_instance(o, g_rt->types.UnicodeError) &&
           (n == "encoding" || n == "object" || n == "start" || n == "end" || n == "reason"))
    v = unicode_error_arg(o, n == "encoding" ? 0 : n == "object" ? 1 : n == "start" ? 2 : n == "end" ? 3 : 4);
  else if (n == "__dict__") {
    if (!e->dict) {
      Object* d = dict_new();
      if (!d) return nullptr;
      e->dict.set(d);
    }
    v = e->dict.get();
  } else if (Object* own = e->dict ? dict_getitem_str(e->dict.get(), name) : nullptr) {
    v = own;
  } else {
    return generic_getattr(o, name);
  }
  return newref(v ? v : none());
}

// add_note(note): appends to __notes__, a list made on first use.
Object* m_add_note(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("add_note", kwnames) || !check_nargs("add_note", nargs, 1, 1)) return nullptr;
  if (!is_str(args[0])) return set_error(g_rt->types.TypeError, "note must be a str, not '%s'", type_name(args[0]));
  ExceptionObject* e = as_exc(self);
  if (!e->notes) {
    Object* notes = list_new(0);
    if (!notes) return nullptr;
    e->notes.set(notes);
  }
  if (type_of(e->notes.get()) != g_rt->types.list) return set_error(g_rt->types.TypeError, "Cannot add note: __notes__ is not a list");
  if (list_append(e->notes.get(), args[0]) < 0) return nullptr;
  return none();
}

// with_traceback(tb): sets __traceback__, returns self.
Object* m_with_traceback(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("with_traceback", kwnames) || !check_nargs("with_traceback", nargs, 1, 1)) return nullptr;
  if (object_setattr(self, intern_str("__traceback__"), args[0]) < 0) return nullptr;
  return newref(self);
}

const NativeFunctionDef kExceptionMethods[] = {{"add_note", m_add_note}, {"with_traceback", m_with_traceback}};

// Other attributes live in the exception's __dict__, made on first use.
int set_instance_attribute(ExceptionObject* e, Object* name, Object* value) {
  if (!e->dict) {
    if (!value) {
      set_error(g_rt->types.AttributeError, "'%s' object has no attribute '%s'", type_name(e),
                str_to_utf8(static_cast<StrObject*>(name)).c_str());
      return -1;
    }
    Object* d = dict_new();
    if (!d) return -1;
    e->dict.set(d);
  }
  if (value) return dict_setitem(e->dict.get(), name, value);
  if (dict_delitem(e->dict.get(), name) < 0) {
    if (!error_matches(g_rt->types.KeyError)) return -1;
    clear_error();
    set_error(g_rt->types.AttributeError, "'%s' object has no attribute '%s'", type_name(e),
              str_to_utf8(static_cast<StrObject*>(name)).c_str());
    return -1;
  }
  return 0;
}

// The chaining fields are writable: contextlib.ExitStack and `raise ... from`
// logic in Python code set them.
int exception_setattr(Object* o, Object* name, Object* value) {
  ExceptionObject* e = as_exc(o);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (n == "__suppress_context__") {
    int t = value ? object_is_true(value) : 0;
    if (t < 0) return -1;
    e->suppress_context = uint64_t(t);
    return 0;
  }
  if (int index = extra_field_index(o, n); index >= 0) {
    // The member fields (name, path, errno, ...) are writable and deletable.
    set_ref(extra_field(o, index), value ? newref(value) : nullptr);
    return 0;
  }
  Ref<Object>* field = n == "__context__" ? &e->context : n == "__cause__" ? &e->cause
                     : n == "__traceback__" ? &e->traceback : nullptr;
  if (!field) return set_instance_attribute(e, name, value);
  if (!value) {
    set_error(g_rt->types.TypeError, "%s may not be deleted", n.c_str());
    return -1;
  }
  if (value == none()) value = nullptr;
  if (field == &e->traceback) {
    if (value && type_of(value) != g_rt->types.traceback) {
      set_error(g_rt->types.TypeError, "__traceback__ must be a traceback or None");
      return -1;
    }
  } else if (value && !is_instance(value, g_rt->types.BaseException)) {
    set_error(g_rt->types.TypeError, "exception %s must be None or derive from BaseException",
              field == &e->cause ? "cause" : "context");
    return -1;
  }
  if (field == &e->cause) e->suppress_context = 1;
  set_ref(*field, value ? newref(value) : nullptr);
  return 0;
}

}  // namespace

void create_exception_type_objects() {
  for (const auto& spec : kExceptions) g_rt->types.*spec.field = new_static_type();
}

void init_exception_types() {
  for (size_t i = 0; i < kExceptionCount; ++i) {
    const ExceptionSpec& spec = kExceptions[i];
    TypeObject* t = g_rt->types.*spec.field;
    t->type.set(g_rt->types.type);
    t->base.set(g_rt->types.*spec.base);
    // A subclass has its parent's layout plus the fields it adds (3.12's
    // PyAttributeErrorObject, PyNameErrorObject, PyImportErrorObject, ...).
    TypeObject* parent = g_rt->types.*spec.base;
    t->basicsize = (parent->flags & kTypeBaseExcSubclass ? parent->basicsize : sizeof(ExceptionObject)) +
                   spec.extra_fields * sizeof(Addr);
    t->flags = kTypeHaveGC | kTypeBaseType | kTypeBaseExcSubclass;
    TypeSlots& s = exception_slots[i];
    s.name = spec.name;
    s.dealloc = exception_dealloc;
    s.traverse = exception_traverse;
    s.clear = exception_clear;
    s.repr = exception_repr;
    s.str = exception_str;
    s.getattr = exception_getattr;
    s.setattr = exception_setattr;
    s.construct = exception_construct;
    s.new_instance = exception_new_instance;
    s.init = exception_init;
    register_type_slots(t, &s);
  }
  add_methods(g_rt->types.BaseException, kExceptionMethods, std::size(kExceptionMethods));

}

TypeObject* new_exception_type(const char* name, TypeObject* base) {
  // One slots table per name, shared by every runtime (register_type_slots
  // keeps one index per table).
  static std::deque<TypeSlots> extra_slots;
  TypeSlots* slots = nullptr;
  for (TypeSlots& s : extra_slots)
    if (std::strcmp(s.name, name) == 0) slots = &s;
  if (!slots) {
    slots = &extra_slots.emplace_back(slots_of(base));
    slots->name = name;
  }
  TypeObject* t = new_static_type();
  t->type.set(g_rt->types.type);
  t->base.set(base);
  t->basicsize = base->basicsize;
  t->flags = base->flags;
  register_type_slots(t, slots);
  return t;
}

Object* new_exception(TypeObject* type, Object* args) {
  auto* e = static_cast<ExceptionObject*>(new_object(type, type->basicsize));
  if (!e) {
    decref(args);
    return nullptr;
  }
  e->args.set(args);
  gc_track(e);
  return e;
}

void raise(Object* exc) {
  Object* old = g_rt->current_exception;
  g_rt->current_exception = newref(exc);
  xdecref(old);
}

void set_error_none(TypeObject* type) {
  if (Object* exc = new_exception(type, newref(g_rt->empty_tuple))) {
    raise(exc);
    decref(exc);
  }
}

Object* set_error_object(TypeObject* type, Object* value) {
  Object* args = tuple_from_array(&value, 1);
  if (!args) return nullptr;
  Object* exc = new_exception(type, args);
  if (!exc) return nullptr;
  raise(exc);
  decref(exc);
  return nullptr;
}

Object* set_error(TypeObject* type, const char* fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  Object* msg = str_from_utf8(buf);
  if (!msg) return nullptr;
  set_error_object(type, msg);
  decref(msg);
  return nullptr;
}

// MemoryError must not need memory: when the instance cannot be allocated,
// the pending exception is the MemoryError type's static stand-in.
Object* set_memory_error() {
  // new_object reports its own failure through here: the nested call must
  // not try to allocate again (it would recurse until the stack overflows).
  static bool allocating = false;
  Object* args = g_rt->empty_tuple;
  ExceptionObject* e = nullptr;
  if (!allocating) {
    allocating = true;
    e = static_cast<ExceptionObject*>(new_object(g_rt->types.MemoryError, sizeof(ExceptionObject)));
    allocating = false;
  }
  if (!e) {
    Object* old = g_rt->current_exception;
    g_rt->current_exception = g_rt->memory_error_instance;
    xdecref(old);
    return nullptr;
  }
  e->args.set(newref(args));
  gc_track(e);
  raise(e);
  decref(e);
  return nullptr;
}

bool error_occurred() { return g_rt->current_exception != nullptr; }

bool error_matches(TypeObject* type) {
  return g_rt->current_exception && is_instance(g_rt->current_exception, type);
}

Object* fetch_error() {
  Object* e = g_rt->current_exception;
  g_rt->current_exception = nullptr;
  return e;
}

void clear_error() { xdecref(fetch_error()); }

std::string exception_notes_text(Object* exc) {
  Object* notes = as_exc(exc)->notes.get();
  std::string out;
  if (!notes || type_of(notes) != g_rt->types.list) return out;
  auto* list = static_cast<ListObject*>(notes);
  for (int64_t i = 0; i < list->size; ++i) {
    std::string text;
    if (!str_utf8(list_item(list, i), &text)) {
      clear_error();
      text = "<note str() failed>";
    }
    out += text + "\n";
  }
  return out;
}

bool system_exit_text(Object* exc, std::string* out) {
  if (!is_instance(exc, g_rt->types.SystemExit)) return false;
  out->clear();
  auto* args = static_cast<TupleObject*>(as_exc(exc)->args.get());
  Object* code = !args || args->size == 0 ? none() : args->size == 1 ? tuple_item(args, 0) : args;
  if (code == none() || int_is_int(code)) return true;
  if (!str_utf8(code, out)) {
    clear_error();
    out->clear();
  }
  *out += "\n";
  return true;
}

Object* set_syntax_error(TypeObject* type, const std::string& msg, const std::string& filename, int lineno,
                         int offset, const std::string& text, int end_lineno, int end_offset) {
  Object* info[6] = {str_from_utf8(filename), int_from_i64(lineno), int_from_i64(offset), str_from_utf8(text),
                     int_from_i64(end_lineno), int_from_i64(end_offset)};
  bool ok = true;
  for (Object* o : info) ok = ok && o;
  Object* location = ok ? tuple_from_array(info, 6) : nullptr;
  for (Object* o : info) xdecref(o);
  Object* message = location ? str_from_utf8(msg) : nullptr;
  Object* pair[2] = {message, location};
  Object* args = message ? tuple_from_array(pair, 2) : nullptr;
  xdecref(message);
  xdecref(location);
  Object* exc = args ? new_exception(type, args) : nullptr;
  if (exc) {
    raise(exc);
    decref(exc);
  }
  return nullptr;
}

bool syntax_error_location(Object* exc, SyntaxErrorLocation* out) {
  if (!is_instance(exc, g_rt->types.SyntaxError)) return false;
  auto* args = static_cast<TupleObject*>(as_exc(exc)->args.get());
  if (!args || args->size != 2 || !is_str(tuple_item(args, 0)) || !is_tuple(tuple_item(args, 1))) return false;
  auto* info = static_cast<TupleObject*>(tuple_item(args, 1));
  if (info->size < 4) return false;
  auto as_int = [](Object* o, int* v) {
    int64_t x;
    if (!int_is_int(o) || !int_as_i64(static_cast<IntObject*>(o), &x)) return false;
    *v = int(x);
    return true;
  };
  out->msg = str_to_utf8(static_cast<StrObject*>(tuple_item(args, 0)));
  Object* filename = tuple_item(info, 0);
  Object* text = tuple_item(info, 3);
  if (!is_str(filename) || !as_int(tuple_item(info, 1), &out->lineno)) return false;
  out->filename = str_to_utf8(static_cast<StrObject*>(filename));
  if (!as_int(tuple_item(info, 2), &out->offset)) out->offset = 0;
  out->text = is_str(text) ? str_to_utf8(static_cast<StrObject*>(text)) : "";
  out->end_lineno = out->end_offset = 0;
  if (info->size >= 6) {
    as_int(tuple_item(info, 4), &out->end_lineno);
    as_int(tuple_item(info, 5), &out->end_offset);
  }
  return true;
}

std::string exception_message(Object* exc) {
  auto* args = static_cast<TupleObject*>(as_exc(exc)->args.get());
  std::string out;
  if (is_instance(exc, g_rt->types.OSError) && os_error_message(exc, &out)) return out;
  if (is_instance(exc, g_rt->types.UnicodeError) && unicode_error_message(exc, &out)) return out;
  // SyntaxError_str: "msg (file, line N)" with the file's base name.
  if (SyntaxErrorLocation loc; syntax_error_location(exc, &loc)) {
    size_t slash = loc.filename.rfind('/');
    return loc.msg + " (" + loc.filename.substr(slash == std::string::npos ? 0 : slash + 1) + ", line " +
           std::to_string(loc.lineno) + ")";
  }
  if (error_occurred()) return out;
  if (!args || args->size == 0) return out;
  if (args->size == 1) {
    Object* a = tuple_item(args, 0);
    if (is_instance(exc, g_rt->types.KeyError)) repr_utf8(a, &out);
    else str_utf8(a, &out);
    return out;
  }
  str_utf8(args, &out);
  return out;
}

}  // namespace heaplab
