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

/// Dot product of two sorted sparse vectors (the cosine, as both have norm 1).
double dot(const AnalysedText::Vector& a, const AnalysedText::Vector& b);

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

// =====================================================================================
// Article stance (owner: "tone"; files tone.cpp, hedging.cpp, attribution.cpp, actors.cpp,
// article.cpp; lexicons in generated/, made by scripts/build-lexicons.mjs; details in
// docs/stance-article.md). How each article leans: tone (VADER lexicon with VADER-style
// negation, degree adverbs, "but", capitals and "!"), subjectivity and loaded words, hedging
// against certainty, who is quoted or cited, the main actors of the set (names with aliases
// merged) and each article's sentiment towards each. Never fails; the work is bounded
// (kMaxStanceWords words per sentence, kMaxStanceSentences sentences per article are read)
// and linear in the text. Deterministic: no hash order, results sorted with ties broken.
// =====================================================================================

#include <cstdint>
#include <string>
#include <vector>

#include "segment/segment.h"

namespace parallax::stance {

inline constexpr std::size_t kMaxStanceWords = 300;        ///< per sentence; the rest is ignored
inline constexpr std::size_t kMaxStanceSentences = 20000;  ///< per article
inline constexpr std::size_t kMaxActors = 12;

/// A word of a sentence as the article stance sees it: ASCII-lower-cased, ’ read as ',
/// "U.S." and "J.D." kept whole, capitalised hyphen parts split ("Trump-Putin").
struct Word {
  Span span;
  std::string lower;
  bool capitalised = false;  ///< first letter A-Z
  bool all_caps = false;     ///< two or more letters, all A-Z
  char next = 0;             ///< first non-space byte after the word ('\0' at the end)
};
std::vector<Word> stance_words(std::string_view text, Span span);

// --- tone.cpp -------------------------------------------------------------------------
/// VADER lexicon mean valence of a lower-case word (-4..4), 0 when absent.
double lexicon_valence(std::string_view lower_word);
/// Both VADER (|mean| >= 2) and AFINN-165 (|score| >= 3) rate it strongly.
bool is_loaded_word(std::string_view lower_word);
/// VADER-style valence of every word in context: lexicon valence, degree adverbs in the three
/// words before (+/-0.293, decaying), negation within three words before (x -0.74), capitals
/// in a mixed-case sentence (+/-0.733), "but" (x0.5 before, x1.5 after). 0 for unrated words.
std::vector<double> word_valences(const std::vector<Word>& words);
/// VADER's normalisation of a valence sum into (-1, 1): x / sqrt(x^2 + 15).
double normalize_valence(double sum);
/// Compound sentiment of text[span] in [-1, 1] (adds "!" emphasis).
double sentence_tone(std::string_view text, Span span);

// --- target.cpp -----------------------------------------------------------------------
/// Unlearned sentiment of text[sentence] towards the words of `mention`, in [-1, 1]: word
/// valences weighted by closeness to the mention (1 / (1 + distance / 3)), the mention left out.
double target_window_sentiment(std::string_view text, Span sentence, Span mention);
/// Lexicon features of a mention in its sentence for the learned target model (valence sums
/// near / middle / far / before / after the mention, negation near it, the sentence's tone,
/// loaded words, hedges, quotes, position); kTargetFeatures values, the first one 1 (bias).
inline constexpr std::size_t kTargetFeatures = 20;
std::vector<double> target_features(std::string_view text, Span sentence, Span mention);
struct TargetProbabilities {
  double negative = 0, neutral = 1, positive = 0;
};
/// The learned model (multinomial logistic regression over target_features, trained on
/// NewsMTSC by `bash scripts/train-tone.sh`; weights in generated/target_model.inc).
TargetProbabilities target_probabilities(std::string_view text, Span sentence, Span mention);
/// Sentiment towards the mention in [-1, 1]: P(positive) - P(negative) of the learned model.
double target_sentiment(std::string_view text, Span sentence, Span mention);

// --- hedging.cpp ----------------------------------------------------------------------
struct HedgeCount {
  std::uint32_t hedges = 0;    ///< npm `hedges` words and phrases ("may", "reportedly", "likely")
  std::uint32_t boosters = 0;  ///< certainty markers ("clearly", "undoubtedly", "of course")
};
HedgeCount count_hedges(const std::vector<Word>& words);

// --- attribution.cpp ------------------------------------------------------------------
/// A quoted or cited source found in a sentence: "according to the Kremlin", "Ushakov
/// confirmed", "experts predict", "said X", "X told Y". `source` is normalised: leading
/// "the", possessives and titles dropped ("President Putin" -> "Putin"), groups reduced to
/// their plural head noun ("security analysts" -> "analysts").
struct Citation {
  std::string source;    ///< empty for a pronoun
  Span span;             ///< the source phrase in the text
  bool pronoun = false;  ///< "he said", "she told": analyze_articles resolves it to an actor
};
std::vector<Citation> find_citations(std::string_view text, Span sentence);

// --- actors.cpp -----------------------------------------------------------------------
struct SentenceRef {
  std::uint32_t article = 0, paragraph = 0, sentence = 0;
};
/// One article for the stance: its text and its segmented paragraphs (boilerplate skipped).
struct StanceInput {
  std::string_view text;
  const std::vector<segment::Paragraph>* paragraphs = nullptr;
};
/// The words of one sentence the article stance reads.
struct SentenceWordList {
  SentenceRef ref;
  Span span;
  bool prose = false;       ///< not in a heading or a table
  bool list_item = false;   ///< in a list item
  std::vector<Word> words;  ///< stance_words(text, span)
};
/// The words of every sentence the article stance reads: the non-boilerplate sentences of each
/// article, at most kMaxStanceSentences of them. set_words tokenises each sentence once, and
/// find_actors and analyze_articles read these words instead of tokenising it again.
struct SetWords {
  std::vector<std::vector<SentenceWordList>> articles;  ///< per article, in text order
  std::vector<bool> more;  ///< per article: more than kMaxStanceSentences sentences (not read)
};
SetWords set_words(const std::vector<StanceInput>& articles);
/// A main actor of the set: a person named with at least two words somewhere ("Vladimir
/// Putin", or one word after a title: "President Zelensky"), its aliases (every way the set
/// names it: "Putin", "President Putin", "Russian President Vladimir Putin").
struct Actor {
  std::string name;
  std::vector<std::string> aliases;  ///< sorted
  std::uint32_t articles = 0;        ///< articles that mention it
  std::uint32_t mentions = 0;        ///< mentions in the whole set
};
struct ActorMention {
  std::uint32_t actor = 0;
  SentenceRef ref;
  Span span;
};
struct ActorSet {
  std::vector<Actor> actors;           ///< ranked: articles, then mentions, then name
  std::vector<ActorMention> mentions;  ///< in text order, article by article
};
/// Finds the main actors of a set of articles (at most `max_actors`, each mentioned at least
/// twice) and every mention of them (full names, surnames, titled forms).
ActorSet find_actors(const std::vector<StanceInput>& articles, std::size_t max_actors = kMaxActors);
/// find_actors, given set_words(articles).
ActorSet find_actors(const std::vector<StanceInput>& articles, const SetWords& words,
                     std::size_t max_actors = kMaxActors);
/// The actor a cited source names ("Ushakov" -> "Yuri Ushakov"), or the source unchanged.
std::string actor_source_name(const ActorSet& actors, const std::string& source);

// --- article.cpp ----------------------------------------------------------------------
struct ScoredRef {
  SentenceRef ref;
  double score = 0;
};
struct WordCount {
  std::string word;
  std::uint32_t count = 0;
};
struct SourceCount {
  std::string source;
  std::uint32_t count = 0;
  std::vector<SentenceRef> sentences;
};
struct TargetStance {
  std::uint32_t actor = 0;
  std::string name;
  double score = 0;  ///< [-1, 1], mean over the sentences that mention it
  std::uint32_t mentions = 0;
  std::vector<ScoredRef> sentences;
};
struct ArticleStance {
  std::uint32_t article = 0;
  double tone = 0;  ///< mean compound sentiment over the article's sentences, [-1, 1]
  std::uint32_t positive = 0, negative = 0;       ///< sentences with compound >= 0.05 / <= -0.05
  std::vector<ScoredRef> tone_sentences;          ///< strongest first, at most 20
  double subjectivity = 0;                        ///< share of subjective sentences, [0, 1]
  std::vector<WordCount> loaded;                  ///< most frequent first
  std::vector<SentenceRef> subjective_sentences;  ///< text order, at most 30
  double hedging = 0;  ///< (hedges - boosters) / (hedges + boosters): -1 certain .. 1 hedged
  std::uint32_t hedges = 0, boosters = 0;
  std::vector<SentenceRef> hedging_sentences;  ///< text order, at most 30
  std::vector<SourceCount> attribution;        ///< most cited first
  std::vector<TargetStance> targets;           ///< actors the article mentions, in actor order
};
/// The stance of every article (the same order), towards the actors of `actors`.
std::vector<ArticleStance> analyze_articles(const std::vector<StanceInput>& articles,
                                            const ActorSet& actors);
/// analyze_articles, given set_words(articles) (its words are moved into the readings).
std::vector<ArticleStance> analyze_articles(const std::vector<StanceInput>& articles,
                                            const ActorSet& actors, SetWords words);

}  // namespace parallax::stance
