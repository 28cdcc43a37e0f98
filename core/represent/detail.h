// Private to core/represent: bounds-checked reading of the binary resources (the news
// lexicon in lexicon.cpp, the WordNet file and its part-of-speech section in wordnet.cpp and
// postag.cpp) and the lookup table of their word lists. Not part of the stage's API
// (represent.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "base/base.h"
#include "base/hash_table.h"

namespace parallax::represent::detail {

/// Reads one section (or a whole file) front to back: bytes, little-endian integers and
/// floats, LEB128 varints. Every read checks the remaining length first; after a failed read
/// `ok` stays false, `what` names the first failure, `pos` never passes the end, and later
/// reads return 0.
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
  /// Little-endian unsigned integers of 2, 4 and 8 bytes.
  std::uint16_t u16() { return static_cast<std::uint16_t>(little_endian(2)); }
  std::uint32_t u32() { return static_cast<std::uint32_t>(little_endian(4)); }
  std::uint64_t u64() { return little_endian(8); }
  /// An IEEE-754 binary32 stored as its little-endian bits (any value, NaN included: the
  /// caller says which are valid).
  float f32() {
    const std::uint32_t bits = u32();
    float value = 0;
    std::memcpy(&value, &bits, sizeof value);
    return value;
  }
  /// The next `count` bytes as a view into the data (empty after a failure).
  std::string_view bytes(std::size_t count) {
    if (!ok || count > remaining()) {
      fail("truncated");
      return {};
    }
    const std::string_view view(reinterpret_cast<const char*>(data) + pos, count);
    pos += count;
    return view;
  }
  std::uint64_t little_endian(int width) {
    if (!ok || remaining() < static_cast<std::size_t>(width)) {
      fail("truncated");
      return 0;
    }
    std::uint64_t value = 0;
    for (int i = 0; i < width; ++i) value |= std::uint64_t{data[pos + i]} << (8 * i);
    pos += static_cast<std::size_t>(width);
    return value;
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

/// The words of a list read by read_front_coded (word i is text[offsets[i], offsets[i + 1])).
inline std::string_view word_at(const std::string& text, const std::vector<std::uint32_t>& offsets,
                                std::uint32_t id) {
  return std::string_view(text.data() + offsets[id], offsets[id + 1] - offsets[id]);
}

/// The lookup table of such a list, built once: base/hash_table.h's IdIndex (FNV-1a; slots
/// hold word ids into the list). Looked up by find_word only.
using WordIndex = IdIndex<Fnv1aHash>;
inline WordIndex index_words(const std::string& text, const std::vector<std::uint32_t>& offsets) {
  const std::size_t count = offsets.empty() ? 0 : offsets.size() - 1;
  WordIndex index(count);
  const auto key_of = [&](std::uint32_t id) { return word_at(text, offsets, id); };
  for (std::size_t i = 0; i < count; ++i) index.add(static_cast<std::uint32_t>(i), key_of);
  return index;
}

constexpr std::uint32_t kNoWord = WordIndex::kNone;

/// The id of `word` in an index_words table, or kNoWord (also for an empty table).
inline std::uint32_t find_word(const WordIndex& index, const std::string& text,
                               const std::vector<std::uint32_t>& offsets, std::string_view word) {
  return index.find(word, [&](std::uint32_t id) {
    const std::uint32_t begin = offsets[id];
    const std::uint32_t length = offsets[id + 1] - begin;
    return length == word.size() && std::memcmp(text.data() + begin, word.data(), length) == 0;
  });
}

}  // namespace parallax::represent::detail
