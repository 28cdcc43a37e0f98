#include <algorithm>
#include <cmath>

#include "represent/represent.h"
#include "segment/segment.h"

namespace parallax::represent {

namespace {

// The index of `key` in `keys`, found through `index` (the IdIndex over `keys`), or
// Vocabulary::kMissing.
std::uint32_t find_key(const IdIndex<Fnv1aHash>& index, const std::vector<std::string>& keys,
                       std::string_view key) {
  const std::uint32_t found = index.find(key, [&](std::uint32_t k) {
    return same_bytes(keys[k], key);  // inline, no memcmp call
  });
  return found == IdIndex<Fnv1aHash>::kNone ? Vocabulary::kMissing : found;
}

// Records that keys.back() (just appended) is at its index.
void add_last_key(IdIndex<Fnv1aHash>& index, const std::vector<std::string>& keys) {
  index.add(static_cast<std::uint32_t>(keys.size() - 1),
            [&](std::uint32_t k) -> std::string_view { return keys[k]; });
}

}  // namespace

std::uint32_t Vocabulary::intern(std::string_view term) {
  const std::uint32_t known = find_key(ids_, terms_, term);
  if (known != kMissing) return known;
  const auto id = static_cast<std::uint32_t>(terms_.size());
  terms_.emplace_back(term);
  add_last_key(ids_, terms_);
  return id;
}

std::uint32_t Vocabulary::find(std::string_view term) const {
  return find_key(ids_, terms_, term);
}

std::uint32_t Vocabulary::intern_stem(std::string_view word, Stemmer& stemmer) {
  const std::uint32_t known = find_key(word_index_, words_, word);
  if (known != kMissing) return word_terms_[known];
  const std::uint32_t id = intern(stemmer.stem_uncached(word));  // remembered here instead
  words_.emplace_back(word);
  word_terms_.push_back(id);
  add_last_key(word_index_, words_);
  return id;
}

std::vector<std::uint32_t> content_terms(std::string_view text, Span span, Stemmer& stemmer,
                                         Vocabulary& vocabulary) {
  const std::vector<segment::Token> tokens = segment::tokenize(text, span);
  return content_terms(tokens.data(), tokens.data() + tokens.size(), stemmer, vocabulary);
}

std::vector<std::uint32_t> content_terms(const segment::Token* first, const segment::Token* last,
                                         Stemmer& stemmer, Vocabulary& vocabulary) {
  std::vector<std::uint32_t> terms;
  terms.reserve(static_cast<std::size_t>(last - first));
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
    terms.push_back(vocabulary.intern_stem(word, stemmer));
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
  if (sorted.size() <= 32) {
    // A sentence's few terms: insertion sort in place. std::sort of unsigned ints is a call
    // into the prebuilt libc++ in WebAssembly (3% of compare under V8's baseline tier at 100
    // articles); sorted integers are the same whichever sort made them.
    for (std::size_t i = 1; i < sorted.size(); ++i) {
      const std::uint32_t v = sorted[i];
      std::size_t k = i;
      for (; k > 0 && sorted[k - 1] > v; --k) sorted[k] = sorted[k - 1];
      sorted[k] = v;
    }
  } else {
    std::sort(sorted.begin(), sorted.end());
  }
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
