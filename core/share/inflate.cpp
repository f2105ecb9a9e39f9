#include "core/share/inflate.h"

#include <cstdint>

namespace heaplab {

namespace {

constexpr int kMaxCodeBits = 15;
constexpr int kMaxLiteralLengthCodes = 286;  // 286 and 287 never occur in valid data
constexpr int kMaxDistanceCodes = 30;        // nor do 30 and 31

// Lengths 3..258 (symbols 257..285) and distances 1..32768 (symbols 0..29):
// a base plus that many extra bits.
constexpr uint16_t kLengthBase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                      31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr uint8_t kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                      2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr uint16_t kDistanceBase[30] = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,    49,    65,    97,    129,
                                        193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr uint8_t kDistanceExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                        6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// The order in which a dynamic block lists the code lengths of its code-length code.
constexpr uint8_t kCodeLengthOrder[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

// A canonical Huffman code: how many codes each bit length has, and the
// symbols sorted by (length, value). Decoding walks the lengths in order,
// so a symbol costs at most 15 steps.
struct HuffmanCode {
  uint16_t count[kMaxCodeBits + 1] = {};
  uint16_t symbol[288] = {};
};

enum class Completeness { Complete, Incomplete, OverSubscribed };

// Builds `code` from the bit length of each symbol (0: unused).
Completeness build_code(HuffmanCode& code, const uint8_t* lengths, int symbols) {
  for (int symbol = 0; symbol < symbols; ++symbol) ++code.count[lengths[symbol]];
  int left = 1;  // codes of the current length still unassigned
  for (int length = 1; length <= kMaxCodeBits; ++length) {
    left = left * 2 - code.count[length];
    if (left < 0) return Completeness::OverSubscribed;
  }
  uint16_t offset[kMaxCodeBits + 2] = {};
  for (int length = 1; length <= kMaxCodeBits; ++length) offset[length + 1] = offset[length] + code.count[length];
  for (int symbol = 0; symbol < symbols; ++symbol) {
    if (lengths[symbol] != 0) code.symbol[offset[lengths[symbol]]++] = uint16_t(symbol);
  }
  return left == 0 ? Completeness::Complete : Completeness::Incomplete;
}

// An incomplete literal/length or distance code is allowed only in the forms
// encoders produce: a single symbol with a one-bit code, or (distances of a
// block of literals only) no symbol at all.
bool acceptable(Completeness completeness, const HuffmanCode& code) {
  if (completeness == Completeness::Complete) return true;
  if (completeness == Completeness::OverSubscribed) return false;
  int used = 0;
  for (int length = 1; length <= kMaxCodeBits; ++length) used += code.count[length];
  return used == 0 || (used == 1 && code.count[1] == 1);
}

class Inflater {
 public:
  Inflater(std::string_view input, size_t max_output) : input_(input), max_output_(max_output) {}

  InflateResult run() {
    for (bool last = false; !last;) {
      uint32_t header;
      if (!bits(3, header)) return damaged();
      last = header & 1;
      bool ok;
      switch (header >> 1) {
        case 0: ok = stored_block(); break;
        case 1: ok = fixed_block(); break;
        case 2: ok = dynamic_block(); break;
        default: ok = false; break;  // type 3 is reserved
      }
      if (!ok) return too_large_ ? InflateResult{InflateResult::Status::TooLarge, {}} : damaged();
    }
    // The padding bits of the last byte are ignored; whole bytes after the
    // final block are not deflate data.
    if (position_ != input_.size()) return damaged();
    return {InflateResult::Status::Ok, std::move(output_)};
  }

 private:
  std::string_view input_;
  size_t position_ = 0;  // next byte of input_ to load into bit_buffer_
  uint32_t bit_buffer_ = 0;
  int bit_count_ = 0;
  size_t max_output_;
  std::string output_;
  bool too_large_ = false;

  static InflateResult damaged() { return {InflateResult::Status::Damaged, {}}; }

  // The next `count` (at most 16) bits, least significant first.
  bool bits(int count, uint32_t& value) {
    while (bit_count_ < count) {
      if (position_ == input_.size()) return false;
      bit_buffer_ |= uint32_t(uint8_t(input_[position_++])) << bit_count_;
      bit_count_ += 8;
    }
    value = bit_buffer_ & ((1u << count) - 1);
    bit_buffer_ >>= count;
    bit_count_ -= count;
    return true;
  }

  // The next symbol of `code`, or -1 for truncated input or a bit pattern
  // that is no code (possible only in incomplete codes).
  int decode(const HuffmanCode& code) {
    int value = 0;  // the bits read so far, first bit most significant
    int first = 0;  // the first code of the current length
    int index = 0;  // where that length's symbols start
    for (int length = 1; length <= kMaxCodeBits; ++length) {
      uint32_t bit;
      if (!bits(1, bit)) return -1;
      value |= int(bit);
      const int count = code.count[length];
      if (value - first < count) return code.symbol[index + value - first];
      index += count;
      first = (first + count) << 1;
      value <<= 1;
    }
    return -1;
  }

  bool emit_room(size_t count) {
    if (output_.size() + count > max_output_) {
      too_large_ = true;
      return false;
    }
    return true;
  }

  bool stored_block() {
    bit_buffer_ = 0;  // the rest of the current byte is padding
    bit_count_ = 0;
    if (input_.size() - position_ < 4) return false;
    const auto byte = [&](size_t i) { return uint32_t(uint8_t(input_[position_ + i])); };
    const uint32_t length = byte(0) | byte(1) << 8;
    const uint32_t complement = byte(2) | byte(3) << 8;
    position_ += 4;
    if (length != (~complement & 0xFFFF)) return false;
    if (input_.size() - position_ < length) return false;
    if (!emit_room(length)) return false;
    output_.append(input_.substr(position_, length));
    position_ += length;
    return true;
  }

  bool fixed_block() {
    uint8_t lengths[288];
    for (int symbol = 0; symbol < 144; ++symbol) lengths[symbol] = 8;
    for (int symbol = 144; symbol < 256; ++symbol) lengths[symbol] = 9;
    for (int symbol = 256; symbol < 280; ++symbol) lengths[symbol] = 7;
    for (int symbol = 280; symbol < 288; ++symbol) lengths[symbol] = 8;
    HuffmanCode literals;
    build_code(literals, lengths, 288);
    for (int symbol = 0; symbol < 30; ++symbol) lengths[symbol] = 5;
    HuffmanCode distances;
    build_code(distances, lengths, 30);  // incomplete on purpose: 30 of 32 five-bit codes
    return codes(literals, distances);
  }

  bool dynamic_block() {
    uint32_t literal_count, distance_count, length_code_count;
    if (!bits(5, literal_count) || !bits(5, distance_count) || !bits(4, length_code_count)) return false;
    literal_count += 257;
    distance_count += 1;
    length_code_count += 4;
    if (literal_count > kMaxLiteralLengthCodes || distance_count > kMaxDistanceCodes) return false;

    uint8_t lengths[kMaxLiteralLengthCodes + kMaxDistanceCodes] = {};
    for (uint32_t i = 0; i < length_code_count; ++i) {
      uint32_t length;
      if (!bits(3, length)) return false;
      lengths[kCodeLengthOrder[i]] = uint8_t(length);
    }
    HuffmanCode length_code;
    if (build_code(length_code, lengths, 19) != Completeness::Complete) return false;

    // The literal/length and distance code lengths, one run-length coded sequence.
    const int total = int(literal_count + distance_count);
    for (int i = 0; i < total;) {
      const int symbol = decode(length_code);
      if (symbol < 0) return false;
      if (symbol < 16) {
        lengths[i++] = uint8_t(symbol);
        continue;
      }
      uint8_t repeated = 0;
      uint32_t times;
      if (symbol == 16) {
        if (i == 0) return false;  // nothing to repeat
        repeated = lengths[i - 1];
        if (!bits(2, times)) return false;
        times += 3;
      } else if (symbol == 17) {
        if (!bits(3, times)) return false;
        times += 3;
      } else {
        if (!bits(7, times)) return false;
        times += 11;
      }
      if (i + int(times) > total) return false;
      for (uint32_t k = 0; k < times; ++k) lengths[i++] = repeated;
    }
    if (lengths[256] == 0) return false;  // a block needs its end code

    HuffmanCode literals;
    if (!acceptable(build_code(literals, lengths, int(literal_count)), literals)) return false;
    HuffmanCode distances;
    if (!acceptable(build_code(distances, lengths + literal_count, int(distance_count)), distances)) return false;
    return codes(literals, distances);
  }

  // The compressed data of a block, up to its end code.
  bool codes(const HuffmanCode& literals, const HuffmanCode& distances) {
    for (;;) {
      const int symbol = decode(literals);
      if (symbol < 0) return false;
      if (symbol < 256) {
        if (!emit_room(1)) return false;
        output_ += char(symbol);
        continue;
      }
      if (symbol == 256) return true;
      if (symbol - 257 >= 29) return false;  // 286, 287
      uint32_t extra;
      if (!bits(kLengthExtra[symbol - 257], extra)) return false;
      const size_t length = kLengthBase[symbol - 257] + extra;

      const int distance_symbol = decode(distances);
      if (distance_symbol < 0 || distance_symbol >= kMaxDistanceCodes) return false;
      if (!bits(kDistanceExtra[distance_symbol], extra)) return false;
      const size_t distance = kDistanceBase[distance_symbol] + extra;
      if (distance > output_.size()) return false;  // before the start of the data
      if (!emit_room(length)) return false;
      // Byte by byte: the copy may overlap what it writes (distance < length).
      const size_t from = output_.size() - distance;
      for (size_t k = 0; k < length; ++k) output_ += output_[from + k];
    }
  }
};

}  // namespace

InflateResult inflate_raw(std::string_view input, size_t max_output) {
  return Inflater(input, max_output).run();
}

}  // namespace heaplab
