// Stance: how an article body treats a claim (agree, disagree, discuss, unrelated).
//
// Baseline for the `stance` command. `related` is the share of the claim's
// distinct content terms (stemmed, stopwords left out) that occur in the body;
// below kRelatedThreshold the label is "unrelated". Related bodies are labelled
// "disagree" when a body sentence sharing at least a fifth of the claim's terms
// carries a refuting cue ("denied", "false", "hoax", "debunked"), else "discuss".
// It never says "agree": telling agreement from reporting needs the learned
// model of a later version. Never fails; empty inputs are "unrelated".
#pragma once

#include <string_view>

#include "represent/represent.h"

namespace parallax::stance {

enum class Label { kAgree, kDisagree, kDiscuss, kUnrelated };
std::string_view label_name(Label label);  ///< "agree", "disagree", "discuss", "unrelated"

struct ClaimStance {
  Label label = Label::kUnrelated;
  double related = 0;  ///< in [0,1]
};

inline constexpr double kRelatedThreshold = 0.3;

ClaimStance classify(std::string_view claim, std::string_view body, represent::Stemmer& stemmer);

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

}  // namespace parallax::stance
