// Align: text units of several articles -> cross-article links, claims, rows.
//
// Stage 4 of the pipeline. A *unit* is one sentence (or table row) of a
// non-boilerplate paragraph. The stage works in four steps, each replaceable:
//   1. candidates: an inverted index over unit terms proposes pairs of units from
//      different articles that share informative terms (never all pairs);
//   2. matching: a SentenceMatcher scores each candidate pair in [0,1];
//   3. claims: pairs above the threshold are grouped into claims with complete
//      linkage (a unit joins a claim only if it matches every member), so
//      unrelated sentences are never chained together;
//   4. rows: paragraphs are aligned progressively, article by article, keeping
//      each article's order; paragraph pairs that share claims but would cross
//      other alignments become links ("moved paragraphs") instead of rows.
//
// Work is bounded: AlignOptions caps candidates per unit, and results say so
// when a cap was hit (AlignResult::truncated).
#pragma once

#include <cstdint>
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

/// A text unit with its representation. Built by the caller (api) from segmented articles.
struct Unit {
  UnitRef ref;
  std::vector<std::uint32_t> terms;  ///< content terms in order (represent::content_terms)
  represent::SparseVector vector;    ///< TF-IDF over all units of the comparison
};

/// Scores whether two units make the same claim, in [0,1]. The baseline is the
/// TF-IDF cosine; issue 3 replaces it with a learned matcher behind this interface.
class SentenceMatcher {
 public:
  virtual ~SentenceMatcher() = default;
  virtual double score(const Unit& a, const Unit& b) const = 0;
  /// Pairs scoring at least this are the same claim.
  virtual double threshold() const = 0;
};

/// Cosine of TF-IDF vectors, thresholded.
class TfIdfCosineMatcher final : public SentenceMatcher {
 public:
  explicit TfIdfCosineMatcher(double threshold = 0.42) : threshold_(threshold) {}
  double score(const Unit& a, const Unit& b) const override;
  double threshold() const override { return threshold_; }

 private:
  double threshold_;
};

struct AlignOptions {
  /// Terms found in more units than this share of all units (and more than
  /// min_posting_cap) are not used to propose candidates; they still count in scores.
  double max_term_share = 0.08;
  std::size_t min_posting_cap = 40;
  /// At most this many candidates are scored per unit (highest partial overlap first).
  std::size_t max_candidates_per_unit = 64;
  /// Members of a claim must all match each other at least this share of the threshold.
  double linkage_share = 0.8;
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

/// Sentences from two or more articles that make the same claim.
struct Claim {
  std::vector<ClaimMember> members;  ///< ordered by (article, paragraph, sentence)
  std::uint32_t support = 0;         ///< number of distinct articles
  std::uint32_t label_member = 0;    ///< index into members of the most central sentence
};

struct ParagraphRef {
  std::uint32_t article = 0;
  std::uint32_t paragraph = 0;
};

/// One row of the side-by-side view: at most one paragraph per article.
struct Row {
  std::vector<ParagraphRef> members;  ///< ordered by article
  double score = 0;                   ///< weight of claims shared inside the row (0: packed, unrelated)
};

/// Paragraphs that share claims but sit in different rows (moved content).
struct ParagraphLink {
  ParagraphRef a;
  ParagraphRef b;
  double score = 0;
};

struct AlignResult {
  std::vector<UnitLink> unit_links;
  std::vector<Claim> claims;  ///< ordered by support (desc), then first member
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
void align_rows(const std::vector<Claim>& claims, const std::vector<std::uint32_t>& paragraph_counts,
                std::vector<Row>* rows, std::vector<ParagraphLink>* links);

/// Baseline score for two standalone sentences with no surrounding corpus (the
/// `match` command): Dice coefficient of their content-term sets, in [0,1].
/// The pair is judged the same claim when the score is at least kPairThreshold.
double match_pair(std::string_view a, std::string_view b, represent::Stemmer& stemmer);
inline constexpr double kPairThreshold = 0.5;

}  // namespace parallax::align
