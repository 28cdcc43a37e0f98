// is_stopword: the generated sorted English list, looked up through a first-byte index.
#include <array>
#include <cstdint>
#include <iterator>
#include <string_view>

#include "represent/represent.h"

namespace parallax::represent {
namespace {
#include "represent/generated/stopwords_en.inc"

constexpr std::size_t kStopwordCount = std::size(kEnglishStopwords);

// first[b] .. first[b + 1]: the stopwords whose first byte is b (the list is sorted, so
// they are adjacent). Computed at compile time; a lookup then compares the word with the
// few stopwords of its first letter only (about four on average) instead of a binary
// search over all of them with a memcmp per step.
struct FirstByteIndex {
  std::array<std::uint16_t, 257> first{};
};

constexpr FirstByteIndex make_first_byte_index() {
  FirstByteIndex index;
  std::size_t w = 0;
  for (std::size_t b = 0; b < 256; ++b) {
    index.first[b] = static_cast<std::uint16_t>(w);
    while (w < kStopwordCount && !kEnglishStopwords[w].empty() &&
           static_cast<unsigned char>(kEnglishStopwords[w][0]) == b) {
      ++w;
    }
  }
  index.first[256] = static_cast<std::uint16_t>(w);
  return index;
}

constexpr FirstByteIndex kFirstByteIndex = make_first_byte_index();
static_assert(kFirstByteIndex.first[256] == kStopwordCount,
              "the stopword list must be sorted by bytes, without an empty word");

// Byte equality of two words of the same length (short: a loop beats a memcmp call).
bool same_bytes(std::string_view a, std::string_view b) {
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace

bool is_stopword(std::string_view folded_word) {
  if (folded_word.empty()) return false;
  const auto b = static_cast<unsigned char>(folded_word[0]);
  for (std::size_t w = kFirstByteIndex.first[b]; w < kFirstByteIndex.first[b + 1]; ++w) {
    const std::string_view stopword = kEnglishStopwords[w];
    if (stopword.size() == folded_word.size() && same_bytes(stopword, folded_word)) return true;
  }
  return false;
}

}  // namespace parallax::represent
