// Represent: tokens -> stems -> term ids -> TF-IDF vectors.
//
// Stage 3 of the pipeline. Everything a comparison needs to score text units
// against each other: the Snowball English stemmer, the stopword list (from the
// npm package `stopword`, converted by scripts/build-resources.mjs), a
// vocabulary that interns stems to dense ids, and TF-IDF weighting over the set
// of units being compared.
//
// Ownership: each object owns its data; nothing here keeps pointers into
// caller memory after a call returns. Not thread-safe: use one Stemmer per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/base.h"

namespace parallax::represent {

/// Snowball English stemmer ("discussions" -> "discuss"). Input must be the
/// case-folded form of one word (segment::Token::norm). Never fails: words the
/// algorithm does not change come back as they are.
class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  Stemmer(Stemmer&&) noexcept;
  Stemmer& operator=(Stemmer&&) noexcept;

  std::string stem(std::string_view folded_word);

 private:
  struct Env;
  std::unique_ptr<Env> env_;
};

/// True for function words that carry no claim ("the", "and", "said"), per the
/// npm `stopword` English list. Input is case-folded.
bool is_stopword(std::string_view folded_word);

/// Dense ids for terms. Ids are assigned in first-seen order, so the same input
/// order gives the same ids on every platform.
class Vocabulary {
 public:
  std::uint32_t intern(std::string_view term);
  /// Id of a known term, or kMissing.
  std::uint32_t find(std::string_view term) const;
  const std::string& term(std::uint32_t id) const { return terms_[id]; }
  std::size_t size() const { return terms_.size(); }

  static constexpr std::uint32_t kMissing = 0xffffffffu;

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> terms_;
};

/// Content terms of text[span] in reading order (with repeats): stems of words
/// that are not stopwords, numbers kept verbatim ("2025", "11:30").
std::vector<std::uint32_t> content_terms(std::string_view text, Span span, Stemmer& stemmer,
                                         Vocabulary& vocabulary);

struct WeightedTerm {
  std::uint32_t term = 0;
  double weight = 0;
};
/// Sorted by term id, no duplicates, L2 norm 1 (or empty).
using SparseVector = std::vector<WeightedTerm>;

/// Dot product of two normalised sparse vectors, i.e. their cosine similarity.
double cosine(const SparseVector& a, const SparseVector& b);

/// Unit frequencies over a set of text units (sentences), and TF-IDF vectors
/// weighted by them: tf = 1 + ln(count), idf = ln((1 + N) / (1 + df)) + 1.
class TfIdf {
 public:
  /// `units` holds the content terms of every unit; ids must be < vocabulary_size.
  TfIdf(const std::vector<std::vector<std::uint32_t>>& units, std::size_t vocabulary_size);

  std::size_t unit_count() const { return unit_count_; }
  std::uint32_t unit_frequency(std::uint32_t term) const { return df_[term]; }
  double idf(std::uint32_t term) const;
  SparseVector vectorize(const std::vector<std::uint32_t>& terms) const;

 private:
  std::vector<std::uint32_t> df_;
  std::size_t unit_count_ = 0;
};

// ---------------------------------------------------------------------------
// Lexicon: background statistics of English news (resources/news-lexicon.bin).
//
// Learned by tools/train (scripts/train.sh) from news text: the document frequency
// of each stem (a background IDF, so that a handful of short articles still get
// sensible weights) and, for the most frequent stems, a latent semantic vector
// (truncated SVD of a weighted term-sentence matrix, quantised to int8).
// Owns its data and is immutable once built: one Lexicon can be shared by many
// matchers (and threads). Stems are Stemmer::stem outputs; numbers are not stored.

class Lexicon {
 public:
  /// One stem as the trainer builds it (before quantisation).
  struct Term {
    std::string stem;
    std::uint32_t df = 0;       ///< sentences of the corpus containing the stem
    float weight = 1;           ///< weight of the stem's vector in a sentence vector
    std::vector<float> vector;  ///< empty, or exactly `dimensions` values
  };

  Lexicon() = default;
  /// Builds from trainer output (stems must be unique; order is kept). Vectors are
  /// quantised to int8 exactly as to_bytes() writes them, so a built Lexicon and one
  /// read back from its bytes behave identically.
  static Lexicon from_terms(std::uint32_t doc_count, std::uint32_t dimensions,
                            std::vector<Term> terms);
  /// Parses the bytes of resources/news-lexicon.bin. Fails (kInvalidArgument, with
  /// the offset) on a wrong magic or version, truncation, or a checksum mismatch.
  static Result<Lexicon> from_bytes(std::string_view bytes);
  /// The versioned binary form (little-endian, FNV-1a checksum at the end).
  std::string to_bytes() const;

  static constexpr std::uint32_t kMissing = 0xffffffffu;
  /// Id of a stem, or kMissing.
  std::uint32_t find(std::string_view stem) const;
  std::size_t size() const { return stems_.size(); }
  const std::string& stem(std::uint32_t id) const { return stems_[id]; }
  std::uint32_t doc_count() const { return doc_count_; }
  /// ln((1 + N) / (1 + df)); a stem the corpus never saw (kMissing) gets ln(1 + N).
  double idf(std::uint32_t id) const;
  std::uint32_t dimensions() const { return dimensions_; }
  bool has_vector(std::uint32_t id) const { return id < vector_count_; }
  /// `dimensions()` int8 components of a stem's vector (has_vector(id) must hold);
  /// component i is vector(id)[i] * vector_scale(id).
  const std::int8_t* vector(std::uint32_t id) const { return &vectors_[std::size_t{id} * dimensions_]; }
  float vector_scale(std::uint32_t id) const { return scales_[id]; }
  /// Euclidean norm of the (dequantised) vector.
  float vector_norm(std::uint32_t id) const { return norms_[id]; }
  float weight(std::uint32_t id) const { return id < weights_.size() ? weights_[id] : 1.0f; }
  /// FNV-1a 64 of the serialised content: models record the lexicon they were trained with.
  std::uint64_t checksum() const { return checksum_; }

 private:
  void index();
  std::uint32_t doc_count_ = 0;
  std::uint32_t dimensions_ = 0;
  std::uint32_t vector_count_ = 0;  ///< stems [0, vector_count_) have vectors
  std::vector<std::string> stems_;
  std::vector<std::uint32_t> df_;
  std::vector<float> weights_;  ///< per stem with a vector
  std::vector<float> scales_;   ///< per stem with a vector
  std::vector<float> norms_;    ///< per stem with a vector
  std::vector<std::int8_t> vectors_;
  std::unordered_map<std::string, std::uint32_t> ids_;  // lookups only, never iterated
  std::uint64_t checksum_ = 0;
};

}  // namespace parallax::represent
