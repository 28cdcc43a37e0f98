// Private to core/represent: bounds-checked reading of the binary resources' sections
// (wordnet.cpp, postag.cpp). Not part of the stage's API (represent.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "base/base.h"

namespace parallax::represent::detail {

/// Reads one section. Every read checks the remaining length first; after a failed read
/// `ok` stays false, `what` names the first failure, and later reads return 0.
struct SectionReader {
  const unsigned char* data;
  std::size_t size;
  std::size_t pos = 0;
  std::size_t base = 0;  ///< offset of data[0] in the file, for messages
  bool ok = true;
  const char* what = "";

  std::size_t offset() const { return base + pos; }
  std::size_t remaining() const { return size - pos; }
  bool fail(const char* reason) {
    if (ok) what = reason;
    ok = false;
    return false;
  }
  std::uint8_t byte() {
    if (!ok || pos >= size) {
      fail("truncated");
      return 0;
    }
    return data[pos++];
  }
  /// A LEB128 varint of at most 32 bits.
  std::uint32_t varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      const std::uint8_t b = byte();
      if (!ok) return 0;
      value |= std::uint64_t{b & 0x7fu} << shift;
      if ((b & 0x80u) == 0) {
        if (value > 0xffffffffull) break;
        return static_cast<std::uint32_t>(value);
      }
    }
    fail("number out of range");
    return 0;
  }
};

/// The longest word a front-coded list holds.
constexpr std::size_t kMaxFrontCodedBytes = 64;

/// Reads `count` words, strictly ascending bytewise, each front-coded as varint bytes shared
/// with the previous word, varint suffix length >= 1, suffix (1..kMaxFrontCodedBytes bytes in
/// all). Appends them to `*text` and their end offsets to `*offsets` (which the caller starts
/// with 0). On a bad length or order it fails `in` with `bad_length` or `out_of_order`.
inline void read_front_coded(SectionReader& in, std::uint32_t count, std::string* text,
                             std::vector<std::uint32_t>* offsets, const char* bad_length,
                             const char* out_of_order) {
  char previous[kMaxFrontCodedBytes];
  std::size_t previous_size = 0;
  for (std::uint32_t i = 0; i < count && in.ok; ++i) {
    const std::uint32_t shared = in.varint();
    const std::uint32_t suffix = in.varint();
    if (!in.ok) break;
    if (shared > previous_size || suffix == 0 || suffix > in.remaining() ||
        std::uint64_t{shared} + suffix > kMaxFrontCodedBytes) {
      in.fail(bad_length);
      break;
    }
    char word[kMaxFrontCodedBytes];
    std::memcpy(word, previous, shared);
    std::memcpy(word + shared, in.data + in.pos, suffix);
    in.pos += suffix;
    const std::string_view current(word, shared + suffix);
    if (i > 0 && !(std::string_view(previous, previous_size) < current)) {
      in.fail(out_of_order);
      break;
    }
    text->append(current);
    offsets->push_back(static_cast<std::uint32_t>(text->size()));
    std::memcpy(previous, word, current.size());
    previous_size = current.size();
  }
}

/// Open-addressing index (linear probing, at most half full) over the words of a list read by
/// read_front_coded: per slot the word's id + 1, 0 when free. Looked up by find_word only.
inline std::vector<std::uint32_t> index_words(const std::string& text,
                                              const std::vector<std::uint32_t>& offsets) {
  const std::size_t count = offsets.empty() ? 0 : offsets.size() - 1;
  std::size_t size = 16;
  while (size < count * 2) size *= 2;
  std::vector<std::uint32_t> slots(size, 0);
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view w(text.data() + offsets[i], offsets[i + 1] - offsets[i]);
    std::size_t slot = fnv1a64(w) & (size - 1);
    while (slots[slot] != 0) slot = (slot + 1) & (size - 1);
    slots[slot] = static_cast<std::uint32_t>(i + 1);
  }
  return slots;
}

constexpr std::uint32_t kNoWord = 0xffffffffu;

/// The id of `word` in an index_words table, or kNoWord (also for an empty table).
inline std::uint32_t find_word(const std::vector<std::uint32_t>& slots, const std::string& text,
                               const std::vector<std::uint32_t>& offsets, std::string_view word) {
  if (slots.empty()) return kNoWord;
  const std::size_t mask = slots.size() - 1;
  for (std::size_t slot = fnv1a64(word) & mask;; slot = (slot + 1) & mask) {
    const std::uint32_t stored = slots[slot];
    if (stored == 0) return kNoWord;
    const std::uint32_t id = stored - 1;
    const std::uint32_t begin = offsets[id];
    const std::uint32_t length = offsets[id + 1] - begin;
    if (length == word.size() && std::memcmp(text.data() + begin, word.data(), length) == 0)
      return id;
  }
}

}  // namespace parallax::represent::detail
