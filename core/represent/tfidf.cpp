#include <algorithm>
#include <cmath>

#include "represent/represent.h"
#include "segment/segment.h"

namespace parallax::represent {

namespace {

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ull;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

std::uint32_t Vocabulary::KeyIndex::find(std::string_view key,
                                         const std::vector<std::string>& keys) const {
  if (slots_.empty()) return kMissing;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = fnv1a(key) & mask;; slot = (slot + 1) & mask) {
    const std::uint32_t entry = slots_[slot];
    if (entry == 0) return kMissing;
    if (same_bytes(keys[entry - 1], key)) return entry - 1;  // inline, no memcmp call
  }
}

void Vocabulary::KeyIndex::add(std::uint32_t index, const std::vector<std::string>& keys) {
  // At most half full, so that probes stay short; grows by doubling (a power of two) and
  // then places every earlier key again.
  if (2 * (static_cast<std::size_t>(index) + 1) > slots_.size()) {
    slots_.assign(std::max<std::size_t>(64, 2 * slots_.size()), 0);
    for (std::uint32_t k = 0; k < index; ++k) place(k, keys);
  }
  place(index, keys);
}

void Vocabulary::KeyIndex::place(std::uint32_t index, const std::vector<std::string>& keys) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = fnv1a(keys[index]) & mask;
  while (slots_[slot] != 0) slot = (slot + 1) & mask;
  slots_[slot] = index + 1;
}

std::uint32_t Vocabulary::intern(std::string_view term) {
  const std::uint32_t known = ids_.find(term, terms_);
  if (known != kMissing) return known;
  const auto id = static_cast<std::uint32_t>(terms_.size());
  terms_.emplace_back(term);
  ids_.add(id, terms_);
  return id;
}

std::uint32_t Vocabulary::find(std::string_view term) const {
  return ids_.find(term, terms_);
}

std::uint32_t Vocabulary::intern_stem(std::string_view word, Stemmer& stemmer) {
  const std::uint32_t known = word_index_.find(word, words_);
  if (known != kMissing) return word_terms_[known];
  const std::uint32_t id = intern(stemmer.stem_uncached(word));  // remembered here instead
  const auto index = static_cast<std::uint32_t>(words_.size());
  words_.emplace_back(word);
  word_terms_.push_back(id);
  word_index_.add(index, words_);
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
