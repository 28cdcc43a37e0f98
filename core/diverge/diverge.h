// Diverge: checkable facts in every sentence, contradictions between them, and omissions.
//
// Stage 5 of the pipeline (after align; owned by the "diverge" helper of issue 4).
//   1. facts (values.cpp, dates.cpp, people.cpp): numbers with units and scale words, money,
//      percentages, counts; absolute and relative dates (resolved against the article's
//      published date when known); times with zones; places; people with their titles and
//      roles; event status (upcoming / happened) from tense and modality.
//   2. contradictions (contradictions.cpp): two statements about the same subject with
//      incompatible values, across articles and inside one article. Subjects are keys
//      ("person:trump", "event:meeting@alaska"); facts are grouped by key, so the work is
//      linear in the number of facts (never all pairs of sentences). Precision first: each
//      contradiction has a confidence; only those >= kShowThreshold are `shown` by default.
//   3. omissions (omissions.cpp): per article, the shared claims most other articles make
//      and this one leaves out, ranked by support.
// Never fails: hostile input gives fewer facts. Work is bounded (kMax* below).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "align/align.h"
#include "base/base.h"
#include "segment/segment.h"

namespace parallax::diverge {

enum class FactKind { kNumber, kMoney, kPercent, kCount, kDate, kTime, kPlace, kPerson, kStatus };
std::string_view fact_kind_name(FactKind kind);  ///< "number", "money", ... "status"

/// A calendar date, possibly partial: 0 means unknown (year 0: "August 15th" with no year).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  bool known() const { return year != 0 || month != 0; }
};
/// "2025-08-15", "2025-08", "2025", "xxxx-08-15", "xxxx-08"; "" for an unknown date.
std::string date_value(const Date& date);
/// The published date of an article ("2025-08-10T09:00:00Z", "Aug. 10, 2025", ...), or unknown.
Date parse_published(std::string_view published);

/// One checkable value in a sentence.
struct Fact {
  align::UnitRef ref;  ///< the sentence
  FactKind kind = FactKind::kNumber;
  Span span;          ///< bytes of the phrase in the article text
  std::string value;  ///< normalised, comparable ("2025-08-15", "1500000 usd", "person:...")
  // What the comparison needs (not in the JSON):
  std::string subject;  ///< grouping key ("person:trump", "event:meeting@alaska"); may be empty
  std::string unit;     ///< numbers: the counted noun or unit ("people", "usd", "%")
  double low = 0;       ///< numbers: the value, or the range it states
  double high = 0;
  bool approximate = false;       ///< "about", "nearly", a round number
  Date date;                      ///< dates
  bool relative = false;          ///< dates: "next Friday", "later this year"
  std::string role;               ///< people: the office head ("president", "adviser")
  std::vector<std::string> near;  ///< numbers: content words around the phrase (sorted)
  bool former = false;            ///< people: "former", "ex-"
  bool hedged = false;            ///< the sentence hedges or conditions the statement ("may", "if")
  bool negated = false;           ///< the sentence negates it ("not", "never")
  double strength = 1.0;          ///< how sure the extractor is (0..1)
};

/// What extraction knows about the article and the set.
struct Context {
  Date published;  ///< unknown when the article has no date
  /// Places that the set uses to name events ("alaska" for "the Alaska summit"), lower case,
  /// sorted; found by collect_event_places. Event facts only key on these.
  std::vector<std::string> event_places;
};

inline constexpr std::size_t kMaxFactsPerSentence = 24;
inline constexpr std::size_t kMaxWordsPerSentence = 400;
inline constexpr std::size_t kMaxContradictions = 200;
inline constexpr double kShowThreshold = 0.7;

/// Facts of one sentence text[span] (span into the article text), in text order.
std::vector<Fact> extract_facts(std::string_view text, Span span, const align::UnitRef& ref,
                                const Context& context);

/// Places used as event names anywhere in these sentences ("Alaska summit", "talks in Geneva").
std::vector<std::string> collect_event_places(std::string_view text,
                                              const std::vector<Span>& sentences);

struct SideRef {
  align::UnitRef ref;
  Span span;
  std::string text;
  std::string value;
};

struct Contradiction {
  std::string kind;     ///< the fact kind that disagrees ("date", "person", "status", "number"...)
  bool within = false;  ///< both sides in one article
  double confidence = 0;    ///< 0..1
  std::int64_t claim = -1;  ///< the claim both sentences belong to, or -1
  std::string subject;      ///< "Alaska summit date", "Donald Trump's title"
  SideRef a, b;             ///< a before b (article, paragraph, sentence, start)
  std::string note;         ///< one line a reader understands
  bool shown() const { return confidence >= kShowThreshold; }
};

struct Omission {
  std::uint32_t article = 0;
  struct Missing {
    std::uint32_t claim = 0;
    std::uint32_t support = 0;
  };
  std::vector<Missing> missing;  ///< ranked by support (then claim index)
};

/// What the stage adds to an analysis.
struct DivergeResult {
  std::vector<Fact> facts;  ///< sorted by (article, paragraph, sentence, start, kind)
  std::vector<Contradiction> contradictions;  ///< shown first, by confidence, then position
  std::vector<Omission> omissions;            ///< one per article, in article order
  bool truncated = false;                     ///< a bound was hit (facts or contradictions)
};

/// One article as the stage sees it.
struct ArticleView {
  std::string_view text;
  std::string_view published;
  std::string_view name;  ///< for notes ("Article 2 (kremlin.txt)")
  const std::vector<segment::Paragraph>* paragraphs = nullptr;
};

/// Finds contradictions among facts (grouped by subject, and inside matched claims).
std::vector<Contradiction> find_contradictions(const std::vector<Fact>& facts,
                                               const std::vector<ArticleView>& articles,
                                               const std::vector<align::Claim>& claims,
                                               bool* truncated);

/// Per article, the claims of support >= 2 it has no member in, supported by at least half
/// of the other articles, ranked by support.
std::vector<Omission> find_omissions(const std::vector<align::Claim>& claims,
                                     std::size_t article_count);

/// The whole stage: facts of every non-boilerplate sentence, contradictions, omissions.
DivergeResult analyse(const std::vector<ArticleView>& articles,
                      const std::vector<align::Claim>& claims);

}  // namespace parallax::diverge
