// The front end on arbitrary bytes: the parser in its three modes (and the
// tokenizer under it), the REPL's completeness test and the compiler must
// turn every input into code or into an error (SyntaxError,
// NotImplementedError), never crash, and a compilation must leave no object
// behind. Session::start then shows
// the input as `heaplab run` would, which formats the SyntaxError's line and
// caret from whatever offsets the parser reported.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/lang/compiler.h"
#include "core/lang/interpreter.h"
#include "core/lang/parser.h"
#include "core/object/errors.h"
#include "core/session/session.h"

namespace {

using namespace heaplab;

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "parser_fuzzer: %s\n", what);
  std::abort();
}

// Compilation only makes objects (code, constants) and runs nothing, so one
// session serves every input; the audit after each input proves it empty again.
Session& shared_session() {
  static Session* session = [] {
    SessionConfig config;
    config.memory_limit = size_t(16) << 20;
    config.track_objects = true;  // the audit checks every refcount
    return new Session(config);
  }();
  return *session;
}

void compile_and_release(Session& session, const ast::Mod* mod) {
  session.interpreter().activate();
  CompileResult compiled = compile_module(mod, "<fuzz>");
  if (compiled.code) {
    if (compiled.error) fail("compile_module returned both code and an error");
    decref(compiled.code);
    decref(compiled.literals);
  } else if (!compiled.error) {
    if (!error_occurred()) fail("compile_module returned neither code nor an error");
    clear_error();  // MemoryError
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);

  is_incomplete_input(source);

  Session& session = shared_session();
  bool compiled = false;
  for (ParseMode mode : {ParseMode::File, ParseMode::Interactive, ParseMode::Eval}) {
    ParseResult parsed = parse(source, mode);
    if (!parsed.mod && !parsed.error) fail("parse returned neither a tree nor a SyntaxError");
    if (parsed.mod && parsed.error) fail("parse returned both a tree and a SyntaxError");
    if (parsed.mod && !parsed.unsupported) {
      compile_and_release(session, parsed.mod);
      compiled = true;
    }
  }

  session.start(source, SourceMode::File, "<fuzz>");
  session.take_output();
  if (!compiled) return 0;  // nothing reached the heap: no audit needed
  // The module frame start() pushed is dropped by the audit's reset.
  std::vector<std::string> problems = session.audit(true);
  if (!problems.empty()) {
    for (const std::string& problem : problems) std::fprintf(stderr, "audit: %s\n", problem.c_str());
    fail("the heap audit failed after compiling");
  }
  return 0;
}
