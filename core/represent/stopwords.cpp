#include <algorithm>
#include <string_view>

#include "represent/represent.h"

namespace parallax::represent {
namespace {
#include "represent/generated/stopwords_en.inc"
}  // namespace

bool is_stopword(std::string_view folded_word) {
  return std::binary_search(std::begin(kEnglishStopwords), std::end(kEnglishStopwords),
                            folded_word);
}

}  // namespace parallax::represent
