// Stance: how an article body treats a claim (agree, disagree, discuss, unrelated).
//
// Owner: the "stance" part of issue 4 (claim vs body). Two classifiers:
//  - the baseline (no model): `related` is the share of the claim's distinct content
//    terms found in the body; below kRelatedThreshold "unrelated", else "disagree" when
//    a body sentence sharing a fifth of the claim's terms carries a refuting cue, else
//    "discuss". Never says "agree".
//  - the learned model (resources/stance-v1.json, trained by tools/stance-train on FNC-1,
//    see docs/stance-claim.md): each text is analysed once (analyse_text: sentences,
//    stems with the model's IDF, cue words), each pair gets claim_features() (relatedness
//    signals, refuting/hedging/confirming/negation cues near the claim's key terms), and
//    two gradient-boosted forests give P(related) and P(agree|disagree|discuss | related).
// Neither fails: empty or hostile inputs are "unrelated"; work is bounded (kMaxBodyBytes,
// kMaxSentences). StanceModel::load is strict and returns errors as values.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/base.h"
#include "represent/represent.h"

namespace parallax::stance {

enum class Label { kAgree, kDisagree, kDiscuss, kUnrelated };
std::string_view label_name(Label label);  ///< "agree", "disagree", "discuss", "unrelated"

struct ClaimStance {
  Label label = Label::kUnrelated;
  double related = 0;  ///< in [0,1]: P(related) with the model, the term share without
  /// Per class, indexed by Label (agree, disagree, discuss, unrelated); sums to 1.
  std::array<double, 4> scores = {0, 0, 0, 1};
  /// The body sentence that carries the decision (byte span into the body); empty when
  /// the label is unrelated.
  Span evidence;
};

inline constexpr double kRelatedThreshold = 0.3;

/// The baseline classifier (no model).
ClaimStance classify(std::string_view claim, std::string_view body, represent::Stemmer& stemmer);

// ---------------------------------------------------------------------------
// Learned claim-vs-body stance (claim_features.cpp, claim_model.cpp).

/// Only this much of a body (cut at a sentence start) and this many sentences are read.
inline constexpr std::size_t kMaxBodyBytes = 200000;
inline constexpr std::size_t kMaxSentences = 400;

/// Background inverse document frequency of stems: idf = ln((1 + N) / (1 + df)) + 1;
/// stems not listed count as df = 1. Keys are fnv1a64 of the Snowball stem.
class IdfTable {
 public:
  IdfTable() = default;
  /// `dfs`: stem -> number of documents (of `documents`) containing it.
  IdfTable(std::uint32_t documents, const std::vector<std::pair<std::string, std::uint32_t>>& dfs);
  double idf(std::uint64_t stem_hash) const;
  std::uint32_t documents() const { return documents_; }

 private:
  std::uint32_t documents_ = 0;
  double unknown_ = 1;
  std::vector<std::pair<std::uint64_t, double>> idf_;  ///< sorted by hash
};

/// Cue classes of a word (bit set): what a body does with the claim near its key terms.
enum Cue : std::uint8_t {
  kRefuting = 1,    ///< "denied", "false", "hoax", "debunked", "fake", "satire"
  kHedging = 2,     ///< "allegedly", "reportedly", "claims", "unconfirmed", "may"
  kConfirming = 4,  ///< "confirmed", "announced", "officially", "proved"
  kNegation = 8,    ///< "not", "n't", "no", "never", "without"
};
inline constexpr std::size_t kCueClasses = 4;
/// The cue classes of one case-folded word and its stem.
std::uint8_t cue_of(std::string_view folded_word, std::string_view stem);

/// One token of an analysed text.
struct AnalysedToken {
  std::uint64_t stem = 0;  ///< fnv1a64 of the stem (numbers: of the token)
  std::uint8_t cues = 0;
  bool content = false;  ///< not a stopword
  bool name = false;     ///< capitalised, not sentence-initial
  bool number = false;
};

/// A claim or a body, analysed once and compared with many others.
struct AnalysedText {
  using Vector = std::vector<std::pair<std::uint64_t, double>>;  ///< sorted, L2 norm 1
  std::vector<Span> sentences;                                   ///< byte spans into the text
  std::vector<std::uint32_t> first_token;  ///< per sentence, plus one past the end
  std::vector<AnalysedToken> tokens;       ///< all sentences, reading order
  std::vector<Vector> sentence_vectors;    ///< TF-IDF per sentence
  std::vector<double> sentence_questions;  ///< 1 if the sentence ends with '?'
  Vector vector;                           ///< TF-IDF of the whole text
  std::vector<std::pair<std::uint64_t, std::uint32_t>> counts;  ///< content stem -> count
  std::vector<std::uint64_t> bigrams;  ///< sorted unique content-stem bigrams
  std::size_t content_tokens = 0;
  std::array<std::uint32_t, kCueClasses> cue_counts = {};
  bool question = false;   ///< contains '?'
  bool quoted = false;     ///< contains quotation marks
  bool truncated = false;  ///< the text was longer than the bounds
};

/// Analyses a text once (at most kMaxBodyBytes, kMaxSentences). Never fails.
AnalysedText analyse_text(std::string_view text, represent::Stemmer& stemmer, const IdfTable& idf);

/// Names of the pair features, in the order claim_features writes them.
const std::vector<std::string>& claim_feature_names();
/// Pair features of a claim and a body (see claim_feature_names()).
std::vector<double> claim_features(const AnalysedText& claim, const AnalysedText& body);

/// Gradient-boosted trees: per class a sum of regression trees over features; softmax.
class Forest {
 public:
  struct Node {
    std::int32_t feature = -1;  ///< -1: leaf
    double threshold = 0;       ///< go left when x <= threshold
    std::int32_t left = 0, right = 0;
    double value = 0;  ///< leaf value
  };
  struct Tree {
    std::uint32_t klass = 0;
    std::vector<Node> nodes;  ///< nodes[0] is the root
  };
  std::uint32_t classes = 0;
  std::vector<double> base;  ///< initial score per class
  std::vector<Tree> trees;
  /// Class probabilities (softmax of the summed scores).
  std::vector<double> probabilities(const std::vector<double>& features) const;
};

/// The learned stance model (resources/stance-v1.json). Immutable; thread-safe.
class StanceModel {
 public:
  /// Parses the model. Fails (kInvalidArgument, saying what is wrong) on bad JSON, another
  /// format or version, feature names this build does not compute, malformed trees (bad
  /// feature index, child out of range or not after its parent, non-finite numbers), or
  /// a bad IDF table.
  static Result<StanceModel> load(std::string_view json);
  StanceModel(IdfTable idf, Forest related, Forest stance)
      : idf_(std::move(idf)), related_(std::move(related)), stance_(std::move(stance)) {}

  const IdfTable& idf() const { return idf_; }
  /// Classifies an analysed claim against an analysed body (analysed with idf()).
  ClaimStance classify(const AnalysedText& claim, const AnalysedText& body) const;
  /// Analyses both texts, then classify().
  ClaimStance classify(std::string_view claim, std::string_view body,
                       represent::Stemmer& stemmer) const;

 private:
  StanceModel() = default;
  IdfTable idf_;
  Forest related_;  ///< classes: unrelated, related
  Forest stance_;   ///< classes: agree, disagree, discuss
};

/// The resource text load() reads: format, version, feature names, the IDF table (`dfs`,
/// stems with df >= 2), both forests, and `info` (any JSON object: training figures).
/// Deterministic (keys sorted, numbers printed exactly).
std::string model_to_json(std::uint32_t documents,
                          const std::vector<std::pair<std::string, std::uint32_t>>& dfs,
                          const Forest& related, const Forest& stance, std::string_view info_json);

}  // namespace parallax::stance
