// heaplab's bytecode. Instructions are 32 bits: an 8-bit opcode and a 24-bit
// argument. The set follows CPython 3.12's instructions and their stack
// effects, so the evaluation stack holds references where CPython's does.
#pragma once

#include <cstdint>

namespace heaplab {

#define HEAPLAB_OPCODES(X) \
  X(NOP)                   \
  X(POP_TOP)               \
  X(PUSH_NULL)             \
  X(COPY)                  \
  X(SWAP)                  \
  X(LOAD_CONST)            \
  X(LOAD_NAME)             \
  X(STORE_NAME)            \
  X(DELETE_NAME)           \
  X(LOAD_GLOBAL)           \
  X(STORE_GLOBAL)          \
  X(DELETE_GLOBAL)         \
  X(LOAD_ATTR)             \
  X(STORE_ATTR)            \
  X(DELETE_ATTR)           \
  X(BINARY_OP)             \
  X(UNARY_NEGATIVE)        \
  X(UNARY_POSITIVE)        \
  X(UNARY_INVERT)          \
  X(UNARY_NOT)             \
  X(COMPARE_OP)            \
  X(IS_OP)                 \
  X(CONTAINS_OP)           \
  X(BINARY_SUBSCR)         \
  X(STORE_SUBSCR)          \
  X(DELETE_SUBSCR)         \
  X(BUILD_LIST)            \
  X(BUILD_TUPLE)           \
  X(LIST_EXTEND)           \
  X(KW_NAMES)              \
  X(CALL)                  \
  X(JUMP)                  \
  X(POP_JUMP_IF_FALSE)     \
  X(POP_JUMP_IF_TRUE)      \
  X(IMPORT_NAME)           \
  X(PRINT_EXPR)            \
  X(RETURN_VALUE)          \
  X(RETURN_CONST)

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
// LOAD_ATTR's argument: name index << 1, low bit set for a method call.
constexpr uint32_t kMethodFlag = 1;

const char* opcode_name(Op op);

}  // namespace heaplab
