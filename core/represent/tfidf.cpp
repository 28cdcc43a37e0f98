#include <algorithm>
#include <cmath>

#include "represent/represent.h"
#include "segment/segment.h"

namespace parallax::represent {

std::uint32_t Vocabulary::intern(std::string_view term) {
  auto [it, inserted] = ids_.emplace(std::string(term), static_cast<std::uint32_t>(terms_.size()));
  if (inserted) terms_.push_back(it->first);
  return it->second;
}

std::uint32_t Vocabulary::find(std::string_view term) const {
  auto it = ids_.find(std::string(term));
  return it == ids_.end() ? kMissing : it->second;
}

std::vector<std::uint32_t> content_terms(std::string_view text, Span span, Stemmer& stemmer,
                                         Vocabulary& vocabulary) {
  const std::vector<segment::Token> tokens = segment::tokenize(text, span);
  return content_terms(tokens.data(), tokens.data() + tokens.size(), stemmer, vocabulary);
}

std::vector<std::uint32_t> content_terms(const segment::Token* first, const segment::Token* last,
                                         Stemmer& stemmer, Vocabulary& vocabulary) {
  std::vector<std::uint32_t> terms;
  for (const segment::Token* it = first; it != last; ++it) {
    const segment::Token& token = *it;
    if (token.is_number) {
      terms.push_back(vocabulary.intern(token.norm));
      continue;
    }
    // Possessives carry no meaning of their own: "Russia's" counts as "russia".
    std::string_view word = token.norm;
    if (word.size() > 2 && word.substr(word.size() - 2) == "'s") word.remove_suffix(2);
    if (word.empty() || is_stopword(word)) continue;
    terms.push_back(vocabulary.intern(stemmer.stem(word)));
  }
  return terms;
}

double cosine(const SparseVector& a, const SparseVector& b) {
  double dot = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (i->term < j->term) {
      ++i;
    } else if (j->term < i->term) {
      ++j;
    } else {
      dot += i->weight * j->weight;
      ++i;
      ++j;
    }
  }
  return dot;
}

TfIdf::TfIdf(const std::vector<std::vector<std::uint32_t>>& units, std::size_t vocabulary_size)
    : df_(vocabulary_size, 0), unit_count_(units.size()) {
  std::vector<std::uint32_t> seen_in(vocabulary_size, 0xffffffffu);
  for (std::size_t u = 0; u < units.size(); ++u) {
    for (std::uint32_t term : units[u]) {
      if (seen_in[term] == u) continue;
      seen_in[term] = static_cast<std::uint32_t>(u);
      ++df_[term];
    }
  }
}

double TfIdf::idf(std::uint32_t term) const {
  const double df = term < df_.size() ? df_[term] : 0;
  return std::log((1.0 + static_cast<double>(unit_count_)) / (1.0 + df)) + 1.0;
}

SparseVector TfIdf::vectorize(const std::vector<std::uint32_t>& terms) const {
  std::vector<std::uint32_t> sorted = terms;
  std::sort(sorted.begin(), sorted.end());
  SparseVector vector;
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    const double tf = 1.0 + std::log(static_cast<double>(j - i));
    vector.push_back({sorted[i], tf * idf(sorted[i])});
    i = j;
  }
  double norm = 0;
  for (const WeightedTerm& t : vector) norm += t.weight * t.weight;
  norm = std::sqrt(norm);
  if (norm > 0) {
    for (WeightedTerm& t : vector) t.weight /= norm;
  }
  return vector;
}

}  // namespace parallax::represent
