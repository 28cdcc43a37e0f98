// Align: text units of several articles -> cross-article links, claims, rows.
//
// Stage 4 of the pipeline. A *unit* is one sentence (or table row) of a
// non-boilerplate paragraph. The stage works in four steps, each replaceable:
//   1. candidates: an inverted index over unit terms proposes pairs of units from
//      different articles that share informative terms (never all pairs);
//   2. matching: a SentenceMatcher scores each candidate pair in [0,1];
//   3. claims: pairs above the threshold are grouped into claims with complete
//      linkage (a unit joins a claim only if it matches every member), so
//      unrelated sentences are never chained together; a sentence making two
//      claims may join two; sentences matching nothing are claims of support 1;
//      then the articles' headlines and ledes are grouped at a low floor
//      (add_lead_claims): they state the main event, each in its own words;
//   4. rows: paragraphs are aligned progressively, article by article, keeping
//      each article's order; paragraph pairs that share claims but would cross
//      other alignments become links ("moved paragraphs") instead of rows.
//
// Work is bounded: AlignOptions caps candidates per unit, and results say so
// when a cap was hit (AlignResult::truncated).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "represent/represent.h"

namespace parallax::align {

/// Where a unit lives: indexes into articles / paragraphs / sentences.
struct UnitRef {
  std::uint32_t article = 0;
  std::uint32_t paragraph = 0;
  std::uint32_t sentence = 0;
};

struct SentenceFeatures;  // below: what the learned matcher computes once per unit

/// A text unit with its representation. Built by the caller (api) from segmented articles.
struct Unit {
  UnitRef ref;
  std::vector<std::uint32_t> terms;  ///< content terms in order (represent::content_terms)
  represent::SparseVector vector;    ///< TF-IDF over all units of the comparison
  /// `vector` blended with the unit's paragraph (add_paragraph_context); empty: not set.
  represent::SparseVector context;
  /// Filled by SentenceMatcher::prepare for matchers that need it (shared, immutable).
  std::shared_ptr<const SentenceFeatures> features;
  /// softalign: unit-length latent vector (add_latent_vectors), or empty: not set.
  std::vector<float> latent;
  /// The article's headline or its lede (the first full sentence of its body): where news
  /// states the main event. Set by the caller (api); read by add_lead_claims.
  bool lead = false;
};

/// Working memory a matcher may use across the score_many calls of one link_units run
/// (issue 6: allocated once per run, not per unit). Between calls it is left as found.
struct MatchScratch {
  std::vector<double> dense;  ///< by term id, all zero between calls (cosine matchers)
};

/// Scores whether two units make the same claim, in [0,1]. The baseline is the
/// TF-IDF cosine; issue 3 replaces it with a learned matcher behind this interface.
class SentenceMatcher {
 public:
  virtual ~SentenceMatcher() = default;
  /// Computes what score() needs from the unit's text (text[span]) once, before
  /// matching. The default does nothing (the baseline only uses terms and vector).
  virtual void prepare(Unit& /*unit*/, std::string_view /*text*/, Span /*span*/,
                       represent::Stemmer& /*stemmer*/) const {}
  virtual double score(const Unit& a, const Unit& b) const = 0;
  /// (*scores)[k] = score(a, units[others[k]]) for every k: exactly the same values.
  /// link_units scores each unit's candidates with one call; a matcher that can share work
  /// between the pairs of one unit overrides it (the cosine matchers spread `a`'s vector
  /// out by term once). The default calls score() per pair.
  virtual void score_many(const Unit& a, const std::vector<Unit>& units,
                          const std::vector<std::uint32_t>& others, MatchScratch& scratch,
                          std::vector<double>* scores) const;
  /// Pairs scoring at least this are the same claim.
  virtual double threshold() const = 0;
};

/// Cosine of TF-IDF vectors, thresholded.
class TfIdfCosineMatcher final : public SentenceMatcher {
 public:
  explicit TfIdfCosineMatcher(double threshold = 0.42) : threshold_(threshold) {}
  double score(const Unit& a, const Unit& b) const override;
  void score_many(const Unit& a, const std::vector<Unit>& units,
                  const std::vector<std::uint32_t>& others, MatchScratch& scratch,
                  std::vector<double>* scores) const override;
  double threshold() const override { return threshold_; }

 private:
  double threshold_;
};

/// Cosine of paragraph-context vectors (Unit::context, else Unit::vector), thresholded:
/// compare's default. A sentence's neighbours say what it is about ("It will cost 6.5
/// million crowns" after a paragraph on the bridge repairs), so two sentences whose
/// paragraphs share the topic score higher than two that share only a word.
class ContextCosineMatcher final : public SentenceMatcher {
 public:
  explicit ContextCosineMatcher(double threshold = 0.35) : threshold_(threshold) {}
  double score(const Unit& a, const Unit& b) const override;
  void score_many(const Unit& a, const std::vector<Unit>& units,
                  const std::vector<std::uint32_t>& others, MatchScratch& scratch,
                  std::vector<double>* scores) const override;
  double threshold() const override { return threshold_; }

 private:
  double threshold_;
};

/// Sets every unit's `context` to normalise(vector + weight * normalise(sum of the
/// vectors of the other units of its paragraph)); a unit alone in its paragraph keeps
/// its own vector. `units` ordered by (article, paragraph, sentence). Linear in the
/// number of terms of each paragraph (paragraphs with more than 64 units use their
/// 64 nearest neighbours' vectors only, so a huge paragraph stays linear).
void add_paragraph_context(std::vector<Unit>& units, double weight);

// --- softalign (issue 3): word-to-word knowledge inside the unit vectors (core/align/soft.cpp).
// Off by default (CompareOptions::wordnet_weight, latent_blend); docs/alignment.md, "Soft unit
// vectors", has the protocol and the figures.

/// For every term of a set, the other terms of the set that WordNet makes its synonyms,
/// derivations or direct hypernyms ("blaze" ~ "fire", "decide" ~ "decision"), as compressed rows:
/// the neighbours of term t are terms[begin[t], begin[t + 1]), sorted, without t.
struct TermNeighbours {
  std::vector<std::uint32_t> begin;
  std::vector<std::uint32_t> terms;
  std::size_t pairs() const { return terms.size(); }
};

struct WordNetNeighbourOptions {
  /// A synset named or reached by more of the set's terms than this is too general to say
  /// two of them mean the same ("thing", "person", "make") and links none of them.
  std::size_t max_terms_per_synset = 6;
  /// At most this many neighbours per term (the lowest term ids: first seen in the set).
  std::size_t max_neighbours = 8;
  /// Also a term and its direct hypernym ("blaze" is a kind of "fire", "warehouse" of
  /// "depository"; WordNet rates these 0.6), not only synonyms and derivations.
  bool hypernyms = true;
};

/// Looks every word the vocabulary saw (Vocabulary::word) up in WordNet once, in the parts
/// of speech the tagger lexicon allows for it (PartOfSpeech: "warehouse" is never a verb; all
/// of them with a resource without parts of speech), stopwords never; two
/// terms are neighbours when some word of each shares a sense (synonyms), or one's sense is
/// derived from the other's or is its direct hypernym (WordNetNeighbourOptions::hypernyms). Linear
/// in the vocabulary (a sort of its sense keys); an empty WordNet gives no neighbours.
TermNeighbours wordnet_neighbours(const represent::Vocabulary& vocabulary,
                                  const represent::WordNet& wordnet,
                                  const WordNetNeighbourOptions& options = {});

/// Adds to every unit's `vector` the neighbours of its terms that it lacks, each at
/// `weight` times the largest weight of a term it neighbours, then normalises: a unit about
/// a "blaze" then shares a weighted term with one about a "fire", so candidates, scores,
/// claims and rows all see the synonym. Terms already in the vector keep their weight.
/// A unit's `context` (add_paragraph_context, called before) gets the neighbours of the
/// unit's own terms the same way, at their weight in the context: the paragraph around a
/// sentence stays its exact words, so a context vector grows by the unit's neighbours only.
/// With `candidates` false, a unit that has a `context` keeps its `vector` (the candidate
/// index's) as it is: the same candidates are proposed and only their scores see the
/// neighbours (the cost of the candidate step does not grow).
/// At most as many new terms as the unit has terms (the heaviest; ties: the lower term id),
/// so a one-sentence paragraph's vector at most doubles: linear, and the scoring step at
/// most about twice main's.
void expand_vectors(std::vector<Unit>& units, const TermNeighbours& neighbours, double weight,
                    bool candidates = true);

/// Sets every unit's `latent` to the normalised sum, over the terms of its `vector`, of the
/// term's weight there times the lexicon's unit-length latent vector of its stem
/// (vocabulary.term); units with no known stem keep an empty `latent`. Call before
/// expand_vectors (the latent vector is of the unit's own words).
void add_latent_vectors(std::vector<Unit>& units, const represent::Vocabulary& vocabulary,
                        const represent::Lexicon& lexicon);

/// (1 - blend) * inner score + blend * max(0, cosine of the units' `latent`), with the
/// inner matcher's threshold; a unit without `latent` contributes 0 there.
class LatentBlendMatcher final : public SentenceMatcher {
 public:
  LatentBlendMatcher(const SentenceMatcher& inner, double blend) : inner_(inner), blend_(blend) {}
  void prepare(Unit& unit, std::string_view text, Span span,
               represent::Stemmer& stemmer) const override {
    inner_.prepare(unit, text, span, stemmer);
  }
  double score(const Unit& a, const Unit& b) const override;
  void score_many(const Unit& a, const std::vector<Unit>& units,
                  const std::vector<std::uint32_t>& others, MatchScratch& scratch,
                  std::vector<double>* scores) const override;
  double threshold() const override { return inner_.threshold(); }

 private:
  const SentenceMatcher& inner_;
  double blend_;
};

/// Cosine of two latent vectors (0 when either is empty), clamped to [0, 1].
double latent_cosine(const std::vector<float>& a, const std::vector<float>& b);
// --- end softalign

/// Where a sentence sits in its article, for makes_no_claim.
struct SentencePlace {
  bool heading = false;            ///< its paragraph is a heading
  bool after_body = false;         ///< a body (non-heading) paragraph came before its paragraph
  bool last_in_paragraph = false;  ///< the last sentence of its paragraph
  bool only_in_paragraph = false;  ///< its paragraph's only sentence
};

/// True for a sentence that makes no claim of its own and so is not made a unit
/// (tests/gold/README.md, guideline 3; core/align/units.cpp):
///  - a section heading: a heading that comes after the article's first body paragraph
///    (`after_body`). It names a topic ("Possible Outcomes: From Breakthrough to Breakdown");
///    headings before the body are the title block and state the story ("Bridge closes Thursday");
///  - a list intro: the last sentence of its paragraph ending in a colon ("Key concerns include:");
/// On the seeds these joined look-alike headings and intros in other articles ("Setting the
/// Stage", "Here's a breakdown of the core topics and potential outcomes:").
///  - a byline or dateline that is its paragraph's only sentence (`only_in_paragraph`): a short
///    fragment starting "By " and a capital ("By Ada Quillon, Northwire") or "Published",
///    "Updated", "Posted" with a date or time ("Published 11 March, 19:15"). On the samples two
///    outlets' datelines made a claim of their own. Plain-text bylines are often taken for
///    headings (a short line without a full stop), so this holds for headings too
///    (segment::is_byline_or_dateline; a headline such as "By Land and Sea" is told apart by its
///    words: FNC-1 bodies start with their byline, so the first paragraph is no exemption);
///  - a letter's salutation alone in its paragraph ("Dear members,": a newsletter's opening), or
///    a greeting or sign-off of that shape: at most three words, a capital first, a comma last
///    and nowhere else, no number ("Hi all,", "Kind regards,", "Thanks,").
bool makes_no_claim(std::string_view sentence, const SentencePlace& place);

/// True for a headline that announces an explainer rather than stating the event: a clause of
/// it (its start, or what follows ':', '|', '-', '?' or a dash) opens with a question word
/// ("Varrow Bridge: what we know about the closure", "How Pellingham is coping"). Such a
/// headline names a topic, like a section heading, so compare does not make it a lead
/// (Unit::lead). ASCII case folding; never fails.
bool announces_explainer(std::string_view headline);

struct AlignOptions {
  /// Terms found in more units than this share of all units (and more than
  /// min_posting_cap) are not used to propose candidates; they still count in scores.
  double max_term_share = 0.08;
  std::size_t min_posting_cap = 40;
  /// ... and terms found in more units than this are never used to propose (keeps the
  /// candidate step linear in big sets: a story's own terms sit in far fewer units).
  std::size_t max_posting_cap = 100;
  /// At most this many candidates are scored per unit (highest partial overlap first).
  std::size_t max_candidates_per_unit = 64;
  /// Members of a claim must all match each other at least this share of the threshold
  /// (complete linkage with a lower floor: a claim stays coherent, yet a member need not
  /// restate every other member's words).
  double linkage_share = 0.35;
  /// ... and their mean score at least this share of the threshold (0: no such floor).
  double mean_linkage_share = 0;
  /// Two units that are each other's best-scoring candidate in the other's article
  /// (mutual best match) are linked at this share of the threshold: the best/second-best
  /// structure of the set is evidence a lone pair score lacks. 1 turns it off.
  double mutual_share = 0.7;
  /// ... when both units have at least this many content terms: a short heading or list
  /// intro ("Key goals involve:") is the best match of another just as easily.
  std::size_t mutual_min_terms = 4;
  /// ... and when each beats the second best candidate in that article by at least this
  /// (a clear best, not one of several look-alike sentences). Off by default: on the gold
  /// sets it cost recall without raising precision (docs/alignment.md).
  double mutual_margin = 0;
  /// A sentence may belong to this many claims besides its first (it makes several claims).
  std::size_t max_extra_claims = 2;
  /// Also return a claim of support 1 for every unit that matches nothing elsewhere.
  bool report_unique = true;
  /// Leads (Unit::lead) of different articles whose TF-IDF vectors (Unit::vector) have at
  /// least this cosine, each with every other member, form a claim of their own: the
  /// articles' shared account of the main event (add_lead_claims). <= 0 turns it off.
  double lead_floor = 0.05;
};

/// Two units judged to make the same claim.
struct UnitLink {
  std::uint32_t a = 0;  ///< index into the units vector, a < b
  std::uint32_t b = 0;
  double score = 0;
};

struct ClaimMember {
  UnitRef ref;
  double score = 0;  ///< mean match score of this member against the other members
};

/// Sentences that make the same claim: from two or more articles, or a single sentence
/// that no other article matches (support 1: what only one source says).
struct Claim {
  std::vector<ClaimMember> members;  ///< ordered by (article, paragraph, sentence)
  std::uint32_t support = 0;         ///< number of distinct articles
  std::uint32_t label_member = 0;    ///< index into members of the most central sentence
  /// Distinct sources once verbatim copies are merged (see count_independent_sources);
  /// equals support until that is called.
  std::uint32_t independent = 0;
};

struct ParagraphRef {
  std::uint32_t article = 0;
  std::uint32_t paragraph = 0;
};

/// One row of the side-by-side view: at most one paragraph per article.
struct Row {
  std::vector<ParagraphRef> members;  ///< ordered by article
  double score = 0;  ///< weight of claims shared inside the row (0: packed, unrelated)
};

/// Paragraphs that share claims but sit in different rows (moved content).
struct ParagraphLink {
  ParagraphRef a;
  ParagraphRef b;
  double score = 0;
};

struct AlignResult {
  std::vector<UnitLink> unit_links;
  std::vector<Claim>
      claims;  ///< ordered by support (desc), then first member; support-1 claims last
  std::vector<Row> rows;
  std::vector<ParagraphLink> links;
  bool truncated = false;  ///< a candidate cap was hit: some pairs were not scored
};

/// Aligns articles. `paragraph_counts[i]` is the number of paragraphs of article i
/// (all of them, boilerplate included: every paragraph gets a row). `units` must be
/// ordered by (article, paragraph, sentence). Never fails; no units gives one
/// single-member row per paragraph.
AlignResult align_articles(const std::vector<Unit>& units,
                           const std::vector<std::uint32_t>& paragraph_counts,
                           const SentenceMatcher& matcher, const AlignOptions& options = {});

/// Steps of align_articles, exposed for tests and for later matchers.
std::vector<UnitLink> link_units(const std::vector<Unit>& units, const SentenceMatcher& matcher,
                                 const AlignOptions& options, bool* truncated);
std::vector<Claim> cluster_claims(const std::vector<Unit>& units,
                                  const std::vector<UnitLink>& links,
                                  const SentenceMatcher& matcher, const AlignOptions& options);
/// Step 3b (after cluster_claims): headlines and ledes state the main event in other words
/// than each other ("Putin and Trump Set for High-Stakes Talks" / "Trump Announces Alaska
/// Summit with Putin"), so their pair scores are low within one story. The leads are linked
/// among themselves at `options.lead_floor` (inverted-index candidates as in link_units, then
/// complete linkage as in cluster_claims: every member against every member) and each group
/// of two or more articles becomes a claim, unless one claim already holds all its members.
/// A shared claim overlapping it is folded into it when each of its other members reaches the
/// floor against every lead member; a lead that was unique (support 1) loses that claim. Keeps
/// `claims` in cluster_claims' order. Linear in the leads' candidates; does nothing when the
/// floor is <= 0. `units` ordered by (article, paragraph, sentence), as for align_articles.
void add_lead_claims(const std::vector<Unit>& units, const AlignOptions& options,
                     std::vector<Claim>* claims);
void align_rows(const std::vector<Claim>& claims,
                const std::vector<std::uint32_t>& paragraph_counts, std::vector<Row>* rows,
                std::vector<ParagraphLink>* links);

// ---------------------------------------------------------------------------
// Verbatim reuse: passages copied word for word between articles (wire copy, press
// releases, long quotes), found with hashed word n-gram shingles. Lets the viewer tell
// "five outlets say it" from "one agency said it and four copied".

/// The words of one article in reading order (boilerplate left out by the caller).
struct ArticleWords {
  std::vector<std::string_view> words;  ///< case-folded word forms; views into caller storage
  std::vector<Span> spans;              ///< byte span of each word in the article text
};

struct ReuseOptions {
  std::size_t shingle_words = 8;      ///< words per shingle
  std::size_t min_words = 12;         ///< shorter shared runs are not reported
  std::size_t max_occurrences = 200;  ///< shingles found more often are skipped (boilerplate-like)
};

/// One maximal run of identical words in two articles (a < b).
struct ReusedPassage {
  std::uint32_t article_a = 0;
  std::uint32_t article_b = 0;
  Span span_a;  ///< from the first word's start to the last word's end
  Span span_b;
  std::uint32_t words = 0;
};

/// All reused passages between pairs of articles, ordered by (article_a, article_b, span_a);
/// count_independent_sources relies on that order.
/// Cost grows with the number of shared shingles, not with the number of article pairs.
std::vector<ReusedPassage> find_reuse(const std::vector<ArticleWords>& articles,
                                      const ReuseOptions& options = {});

/// Sets Claim::independent: members of different articles whose sentences both lie (80% of
/// their bytes or more) inside one reused passage between those articles are copies of one
/// source; members of one article are one source. `sentence_span(ref)` gives a member's span.
void count_independent_sources(std::vector<Claim>& claims, const std::vector<ReusedPassage>& reuse,
                               const std::function<Span(const UnitRef&)>& sentence_span);

/// Baseline score for two standalone sentences with no surrounding corpus (the
/// `match` command): Dice coefficient of their content-term sets, in [0,1].
/// The pair is judged the same claim when the score is at least kPairThreshold.
double match_pair(std::string_view a, std::string_view b, represent::Stemmer& stemmer);
inline constexpr double kPairThreshold = 0.5;

// ---------------------------------------------------------------------------
// Learned paraphrase matcher (features.cpp, matcher.cpp).
//
// Decides whether two sentences make the same claim with a calibrated probability.
// Each sentence is analysed once (SentenceFeatures: words, stems with background
// IDF, word n-grams, normalised numbers, capitalised names, negation and modality
// cues, a latent semantic vector); each pair then gets a fixed list of pair features
// (pair_features) that a logistic model, trained by tools/train on sentence pairs
// from different news sources, turns into P(same claim). Weights, feature names,
// the decision threshold (chosen by cross-validation) and the lexicon checksum live
// in resources/matcher-v1.json; background statistics in resources/news-lexicon.bin.

/// One token of a sentence as the learned matcher sees it.
struct FeatureWord {
  std::string norm;        ///< case-folded token ("moscow's", "2025")
  std::uint64_t form = 0;  ///< hash of norm
  std::uint64_t stem = 0;  ///< hash of the stem (numbers: of the normalised value)
  std::uint32_t lexicon_id = represent::Lexicon::kMissing;
  float idf = 0;  ///< background IDF of the stem (0 for stopwords)
  bool stopword = false;
  bool number = false;               ///< a number token or a number word ("two")
  bool capitalised = false;          ///< starts with an upper-case letter, not sentence-initial
  represent::WordNet::Word wordnet;  ///< WordNet entries of norm (content words only)
  /// Likely parts of speech of norm (content words, when the WordNet resource has them).
  represent::PartOfSpeech::Tags pos;
};

/// Everything the learned matcher needs from one sentence, computed once.
struct SentenceFeatures {
  std::vector<FeatureWord> words;  ///< every token, reading order
  std::vector<std::uint32_t>
      content;                       ///< indexes into words: first occurrence of each content stem
  std::vector<std::uint64_t> stems;  ///< sorted unique content stem hashes
  std::vector<std::uint64_t> unigrams;  ///< sorted unique hashes of all tokens (stopwords included)
  std::vector<std::uint64_t> bigrams;   ///< ... of adjacent token pairs
  std::vector<std::uint64_t> trigrams;  ///< ... of token triples
  std::vector<std::uint64_t> char_trigrams;  ///< sorted unique character trigrams of content words
  std::vector<double>
      numbers;  ///< sorted unique values ("two" = 2, "1,000" = 1000, "5%" = 5, "3 million" = 3e6)
  std::vector<std::uint64_t> names;  ///< sorted unique stem hashes of capitalised words
  std::uint32_t negations = 0;       ///< "not", "n't", "never", "no", "without", ...
  std::uint32_t modality = 0;  ///< bit set of modal cue classes ("may", "could", "reportedly", ...)
  double content_idf = 0;      ///< sum of IDF over `stems`
  std::vector<float> latent;   ///< unit-length latent vector, or empty (no known stem)
  // Word order and role cues (the mt_* and role_* pair features).
  /// Sorted hashes (duplicates kept) of the stem n-grams, n = 1..4, over the first
  /// kMaxOrderTokens words (stopwords and numbers included): BLEU-like clipped counts.
  std::array<std::vector<std::uint64_t>, 4> stem_ngrams;
  bool attribution = false;  ///< "said", "told", "according", ... or a quotation mark
  bool future = false;       ///< "will", "shall", "won't", "'ll"
  std::vector<std::uint64_t>
      time_words;  ///< sorted unique hashes of weekday, month, "yesterday", ...
  /// Sorted unique hashes of the character 4-grams of the whole sentence (case-folded
  /// words joined by single spaces, first kMaxOrderTokens words): the char4_* feature.
  std::vector<std::uint64_t> char_4grams;
  /// The words carry parts of speech (FeatureWord::pos): the WordNet resource has them.
  /// Else the role cues fall back to WordNet's verb and noun senses.
  bool tagged = false;
};

/// The order features (edit distance, common subsequences, alignment) look at the first
/// this many words of each sentence: linear work per pair, whatever the input.
constexpr std::size_t kMaxOrderTokens = 128;

/// Analyses text[span] once for the learned matcher. `wordnet` may be null (then the
/// WordNet features see no relations). Never fails.
SentenceFeatures sentence_features(std::string_view text, Span span, represent::Stemmer& stemmer,
                                   const represent::Lexicon& lexicon,
                                   const represent::WordNet* wordnet);

/// Names of the pair features, in the order pair_features writes them.
std::vector<std::string> pair_feature_names(const represent::Lexicon& lexicon);
/// Symmetric pair features (f(a,b) == f(b,a)) in pair_feature_names() order.
std::vector<double> pair_features(const SentenceFeatures& a, const SentenceFeatures& b,
                                  const represent::Lexicon& lexicon,
                                  const represent::WordNet* wordnet);

/// Pair features that flag a conflict between two claims (each 0 or 1): a negation on
/// one side only, one number or one name swapped for another, an antonym pair. When two
/// sentences are otherwise near-identical (pair feature "near_identical": at most one
/// unmatched content word per side), such a detail is what separates the claims, and the
/// learned matcher multiplies its probability by the model's conflict_factor per conflict.
std::vector<std::string> conflict_feature_names();

/// Learned paraphrase matcher: logistic model over pair_features. Immutable once
/// loaded (shares its Lexicon); score() is thread-safe.
class LearnedMatcher final : public SentenceMatcher {
 public:
  /// Parses resources/matcher-v1.json. The matcher shares (keeps alive) the lexicon
  /// (resources/news-lexicon.bin) and WordNet (resources/wordnet-en.bin). Fails
  /// (kInvalidArgument) on a missing resource, bad JSON, a wrong format or version,
  /// feature names this build does not compute, wrong array sizes, non-finite numbers,
  /// or a model trained with a different lexicon (checksum).
  static Result<LearnedMatcher> load(std::string_view model_json,
                                     std::shared_ptr<const represent::Lexicon> lexicon,
                                     std::shared_ptr<const represent::WordNet> wordnet);

  /// Fills unit.features from text[span] (call once per unit before align_articles).
  void prepare(Unit& unit, std::string_view text, Span span,
               represent::Stemmer& stemmer) const override;
  /// P(same claim) for two prepared units; 0 when either was not prepared.
  double score(const Unit& a, const Unit& b) const override;
  /// Decision threshold on score() chosen by cross-validation (stored in the model).
  double threshold() const override { return threshold_; }

  /// P(same claim) for two analysed sentences.
  double probability(const SentenceFeatures& a, const SentenceFeatures& b) const;
  /// P(same claim) for two standalone sentences (the `match` command).
  double score_texts(std::string_view a, std::string_view b, represent::Stemmer& stemmer) const;
  const represent::Lexicon& lexicon() const { return *lexicon_; }
  const represent::WordNet& wordnet() const { return *wordnet_; }

 private:
  std::shared_ptr<const represent::Lexicon> lexicon_;
  std::shared_ptr<const represent::WordNet> wordnet_;
  /// Model feature i is pair_features()[first], or the product with [second] ("a*b").
  std::vector<std::pair<std::size_t, std::size_t>> index_;
  static constexpr std::size_t kSingle = static_cast<std::size_t>(-1);
  std::vector<double> mean_;
  std::vector<double> scale_;
  std::vector<double> weights_;
  std::vector<std::size_t> conflicts_;  ///< indexes of conflict features in pair_features()
  std::size_t near_identical_ = 0;      ///< index of "near_identical" in pair_features()
  double conflict_factor_ = 1;
  double calibration_a_ = 1;  ///< Platt scaling of the model's probability
  double calibration_b_ = 0;
  double bias_ = 0;
  double threshold_ = 0.5;
};

}  // namespace parallax::align
