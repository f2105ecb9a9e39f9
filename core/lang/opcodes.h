// heaplab's bytecode. Instructions are 32 bits: an 8-bit opcode and a 24-bit
// argument. The set follows CPython 3.12's instructions and their stack
// effects, so the evaluation stack holds references where CPython's does.
#pragma once

#include <cstdint>

namespace heaplab {

#define HEAPLAB_OPCODES(X) \
  X(NOP) \
  X(POP_TOP) \
  X(PUSH_NULL) \
  X(COPY) \
  X(SWAP) \
  X(LOAD_CONST) \
  X(RETURN_CONST) \
  X(RETURN_VALUE) \
  X(LOAD_NAME) \
  X(STORE_NAME) \
  X(DELETE_NAME) \
  X(LOAD_GLOBAL) \
  X(STORE_GLOBAL) \
  X(DELETE_GLOBAL) \
  X(LOAD_FAST) \
  X(LOAD_FAST_AND_CLEAR) \
  X(STORE_FAST) \
  X(DELETE_FAST) \
  X(LOAD_DEREF) \
  X(STORE_DEREF) \
  X(DELETE_DEREF) \
  X(LOAD_CLOSURE) \
  X(MAKE_CELL) \
  X(LOAD_FROM_DICT_OR_DEREF) \
  X(LOAD_ATTR) \
  X(STORE_ATTR) \
  X(DELETE_ATTR) \
  X(BINARY_OP) \
  X(UNARY_NEGATIVE) \
  X(UNARY_POSITIVE) \
  X(UNARY_INVERT) \
  X(UNARY_NOT) \
  X(COMPARE_OP) \
  X(IS_OP) \
  X(CONTAINS_OP) \
  X(BINARY_SUBSCR) \
  X(STORE_SUBSCR) \
  X(DELETE_SUBSCR) \
  X(BUILD_SLICE) \
  X(BUILD_LIST) \
  X(BUILD_TUPLE) \
  X(BUILD_SET) \
  X(BUILD_MAP) \
  X(BUILD_STRING) \
  X(LIST_EXTEND) \
  X(LIST_APPEND) \
  X(SET_ADD) \
  X(SET_UPDATE) \
  X(MAP_ADD) \
  X(DICT_UPDATE) \
  X(LIST_TO_TUPLE) \
  X(UNPACK_SEQUENCE) \
  X(UNPACK_EX) \
  X(KW_NAMES) \
  X(CALL) \
  X(CALL_FUNCTION_EX) \
  X(MAKE_FUNCTION) \
  X(LOAD_BUILD_CLASS) \
  X(JUMP) \
  X(POP_JUMP_IF_FALSE) \
  X(POP_JUMP_IF_TRUE) \
  X(POP_JUMP_IF_NONE) \
  X(POP_JUMP_IF_NOT_NONE) \
  X(GET_ITER) \
  X(FOR_ITER) \
  X(YIELD_VALUE) \
  X(GET_YIELD_FROM_ITER) \
  X(SEND) \
  X(END_SEND) \
  X(CLEANUP_THROW) \
  X(RAISE_VARARGS) \
  X(RERAISE) \
  X(PUSH_EXC_INFO) \
  X(POP_EXCEPT) \
  X(CHECK_EXC_MATCH) \
  X(BEFORE_WITH) \
  X(WITH_EXCEPT_START) \
  X(LOAD_ASSERTION_ERROR) \
  X(IMPORT_NAME) \
  X(IMPORT_FROM) \
  X(FORMAT_VALUE) \
  X(PRINT_EXPR)

enum class Op : uint8_t {
#define HEAPLAB_OPCODE_ENUM(name) name,
  HEAPLAB_OPCODES(HEAPLAB_OPCODE_ENUM)
#undef HEAPLAB_OPCODE_ENUM
};

using Instr = uint32_t;
constexpr uint32_t kMaxOparg = (1u << 24) - 1;

inline Instr make_instr(Op op, uint32_t arg) { return uint32_t(op) | (arg << 8); }
inline Op instr_op(Instr i) { return Op(i & 0xff); }
inline uint32_t instr_arg(Instr i) { return i >> 8; }

// BINARY_OP's argument: the operator, plus this for the augmented forms.
constexpr uint32_t kInplaceFlag = 16;
// LOAD_ATTR's argument: name index << 1, low bit set for a method call
// (LOAD_GLOBAL's low bit likewise asks for a NULL pushed first).
constexpr uint32_t kMethodFlag = 1;
// MAKE_FUNCTION's argument: which extras are on the stack below the code.
// FORMAT_VALUE's argument: the conversion (!s, !r, !a), and whether a
// format spec is on the stack.
constexpr uint32_t kFormatStr = 1, kFormatRepr = 2, kFormatAscii = 3, kFormatConversionMask = 3, kFormatHasSpec = 4;
// IMPORT_NAME's argument: name index << 1, low bit set when the statement
// binds the top-level package of a dotted name (`import a.b` binds a).
constexpr uint32_t kImportTopLevel = 1;
// YIELD_VALUE's argument inside `yield from` (the receiver is below the value).
constexpr uint32_t kYieldFromFlag = 1;
constexpr uint32_t kMakeFunctionDefaults = 1, kMakeFunctionKwDefaults = 2, kMakeFunctionAnnotations = 4,
                   kMakeFunctionClosure = 8;

const char* opcode_name(Op op);

}  // namespace heaplab
