#include <algorithm>

#include "align/align.h"

namespace parallax::align {

double match_pair(std::string_view a, std::string_view b, represent::Stemmer& stemmer) {
  represent::Vocabulary vocabulary;
  auto set_of = [&](std::string_view text) {
    std::vector<std::uint32_t> terms =
        represent::content_terms(text, {0, text.size()}, stemmer, vocabulary);
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    return terms;
  };
  const std::vector<std::uint32_t> x = set_of(a);
  const std::vector<std::uint32_t> y = set_of(b);
  if (x.empty() || y.empty()) return 0.0;
  std::vector<std::uint32_t> common;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(common));
  return 2.0 * static_cast<double>(common.size()) / static_cast<double>(x.size() + y.size());
}

}  // namespace parallax::align
