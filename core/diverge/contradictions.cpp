// Contradictions: facts about one subject with incompatible values.
//
// Two routes, both linear in the number of facts:
//   - by subject key (people's titles, events' dates, times and status): facts are grouped
//     in a sorted map by key, then by distinct value; only incompatible value pairs are
//     looked at, a few article pairs per value pair (bounded);
//   - inside matched claims (sentences that align says make the same claim): numbers, money,
//     percentages, counts and dates with the same unit, one of that kind per sentence.
// Compatible, never reported: the same value written differently (values are normalised),
// a date with a missing part ("August 15" / "2025-08-15"), a value inside a range, rounding
// ("about 1,500" / "1,480"), the conversions of one time inside one sentence.
// Confidence (0..1) says how sure the rule is; kShowThreshold decides what is shown.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

#include "diverge/detail.h"

namespace parallax::diverge {

namespace {

std::string quoted(std::string_view s) {
  return "\u201C" + std::string(s) + "\u201D";
}

std::string article_label(const std::vector<ArticleView>& articles, std::uint32_t a) {
  std::string label = "Article " + std::to_string(a);
  if (a < articles.size() && !articles[a].name.empty()) {
    label += " (" + std::string(articles[a].name) + ")";
  }
  return label;
}

std::string fact_text(const std::vector<ArticleView>& articles, const Fact& f) {
  if (f.ref.article >= articles.size()) return {};
  const std::string_view text = articles[f.ref.article].text;
  if (f.span.end > text.size() || f.span.start > f.span.end) return {};
  return std::string(slice(text, f.span));
}

std::string capitalised(std::string s) {
  bool start = true;
  for (char& c : s) {
    if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    start = c == ' ' || c == '-';
  }
  return s;
}

// "event:meeting@alaska" -> "the meeting in Alaska"; "person:trump" -> the longest name.
std::string event_name(const std::string& key) {
  const std::size_t at = key.find('@');
  return at == std::string::npos ? std::string("the meeting")
                                 : "the meeting in " + capitalised(key.substr(at + 1));
}

bool dates_compatible(const Date& x, const Date& y) {
  if (x.year != 0 && y.year != 0 && x.year != y.year) return false;
  if (x.month != 0 && y.month != 0 && x.month != y.month) return false;
  if (x.day != 0 && y.day != 0 && x.day != y.day) return false;
  return true;
}

// Round numbers ("1,500", "3 million") stand for a neighbourhood of themselves.
double tolerance(const Fact& f) {
  const double v = std::max(std::fabs(f.low), std::fabs(f.high));
  if (f.approximate) return 0.1 * v;
  if (v >= 100) {
    double step = 1;
    while (step * 10 <= v && std::fmod(v, step * 10) == 0) step *= 10;
    // Half the last non-zero digit, or 2% (conversions: "1 million pesos ($75,000)"), at
    // most 5%.
    if (step >= 10) return std::min(std::max(step / 2, 0.02 * v), 0.05 * v);
  }
  return 0;
}

bool numbers_compatible(const Fact& x, const Fact& y) {
  const double slack = std::max(tolerance(x), tolerance(y)) + 1e-9;
  return x.low <= y.high + slack && y.low <= x.high + slack;
}

// How many contradictions are collected before the most confident kMaxContradictions are kept.
constexpr std::size_t kMaxContradictionCandidates = 8 * kMaxContradictions;

struct Builder {
  const std::vector<Fact>& facts;
  const std::vector<ArticleView>& articles;
  const detail::ScannedSet* scanned;  ///< words of the sentences, when analyse has them
  std::vector<Contradiction> out;
  std::set<
      std::tuple<std::string, std::string, std::uint32_t, std::uint32_t, std::string, std::string>>
      seen;
  bool truncated = false;
  /// Sentences (article, paragraph, sentence) that hold a date with a year: a title there may
  /// be the one the person had then ("Pope Benedict said during a 2008 sermon").
  std::set<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> dated;

  bool in_dated(const Fact& f) const {
    return dated.count({f.ref.article, f.ref.paragraph, f.ref.sentence}) != 0;
  }

  SideRef side(const Fact& f) const {
    return SideRef{f.ref, f.span, fact_text(articles, f), f.value};
  }

  void add(const Fact& x, const Fact& y, std::string kind, double confidence, std::int64_t claim,
           std::string subject, std::string note) {
    const Fact* a = &x;
    const Fact* b = &y;
    auto order = [](const Fact& f) {
      return std::make_tuple(f.ref.article, f.ref.paragraph, f.ref.sentence, f.span.start);
    };
    if (order(*b) < order(*a)) std::swap(a, b);
    std::string va = a->value, vb = b->value;
    if (vb < va) std::swap(va, vb);
    auto key = std::make_tuple(kind, a->subject.empty() ? subject : a->subject, a->ref.article,
                               b->ref.article, va, vb);
    if (!seen.insert(key).second) return;
    // Candidates beyond kMaxContradictions are kept (up to a bound) so that the most confident
    // are the ones kept in the end: the subject route runs first and could otherwise fill the
    // list with weak role conflicts before the claims route finds a shown figure.
    if (out.size() >= kMaxContradictionCandidates) {
      truncated = true;
      return;
    }
    Contradiction c;
    c.kind = std::move(kind);
    c.within = a->ref.article == b->ref.article;
    c.confidence = std::clamp(confidence, 0.0, 1.0);
    c.claim = claim;
    c.subject = std::move(subject);
    c.a = side(*a);
    c.b = side(*b);
    c.note = std::move(note);
    out.push_back(std::move(c));
  }
};

bool same_sentence(const Fact& x, const Fact& y) {
  return x.ref.article == y.ref.article && x.ref.paragraph == y.ref.paragraph &&
         x.ref.sentence == y.ref.sentence;
}

std::string person_name(const std::vector<const Fact*>& group) {
  std::string best;
  for (const Fact* f : group)
    if (f->unit.size() > best.size()) best = f->unit;
  return capitalised(best);
}

// The role as written, without the name: "Former U.S. President".
std::string role_text(const std::vector<ArticleView>& articles, const Fact& f) {
  std::string text = fact_text(articles, f);
  if (f.low > 0) {
    // Pattern A: the role is the first `low` words; cut the name off the end.
    std::size_t words = static_cast<std::size_t>(f.low), i = 0;
    while (i < text.size() && words > 0) {
      while (i < text.size() && text[i] != ' ') ++i;
      --words;
      if (words > 0)
        while (i < text.size() && text[i] == ' ') ++i;
    }
    text = text.substr(0, i);
  }
  return text;
}

// `main_actor`: the person has titled mentions in at least half of the articles, so the set is
// about them now; a title given in passing elsewhere may be a historical one.
[[gnu::noinline]] void person_conflicts(Builder& builder, const std::vector<const Fact*>& group,
                                        bool main_actor) {
  const std::string name = person_name(group);
  // Distinct (role head, former) per article; first fact of each.
  for (std::size_t i = 0; i < group.size(); ++i) {
    for (std::size_t j = i + 1; j < group.size(); ++j) {
      const Fact& x = *group[i];
      const Fact& y = *group[j];
      if (same_sentence(x, y)) continue;
      // A name given differently is someone else ("Donald Trump" / "Melania Trump").
      if (x.unit != y.unit && x.unit.find(' ') != std::string::npos &&
          y.unit.find(' ') != std::string::npos)
        continue;
      const bool within = x.ref.article == y.ref.article;
      if (x.role == y.role && x.former != y.former) {
        const Fact& was = x.former ? x : y;
        const Fact& is = x.former ? y : x;
        double confidence = (within ? 0.8 : 0.85) * std::min(x.strength, y.strength);
        if (!main_actor || builder.in_dated(x) || builder.in_dated(y))
          confidence = std::min(confidence, 0.6);
        std::string note = within ? article_label(builder.articles, was.ref.article) + " calls " +
                                        name + " " + quoted(role_text(builder.articles, was)) +
                                        " in one sentence and " +
                                        quoted(role_text(builder.articles, is)) + " in another."
                                  : article_label(builder.articles, was.ref.article) + " calls " +
                                        name + " " + quoted(role_text(builder.articles, was)) +
                                        "; " + article_label(builder.articles, is.ref.article) +
                                        " " + quoted(role_text(builder.articles, is)) + ".";
        builder.add(x, y, "person", confidence, -1, name + "'s title", std::move(note));
      } else if (x.role != y.role && !x.former && !y.former && !within) {
        // Different offices: often both true (an adviser who was an ambassador), so low.
        std::string note = article_label(builder.articles, x.ref.article) + " calls " + name + " " +
                           quoted(role_text(builder.articles, x)) + "; " +
                           article_label(builder.articles, y.ref.article) + " " +
                           quoted(role_text(builder.articles, y)) + ".";
        builder.add(x, y, "person", 0.55 * std::min(x.strength, y.strength), -1, name + "'s role",
                    std::move(note));
      }
    }
  }
}

[[gnu::noinline]] void event_conflicts(Builder& builder, const std::string& key,
                                       const std::vector<const Fact*>& group) {
  const std::string event = event_name(key);
  for (std::size_t i = 0; i < group.size(); ++i) {
    for (std::size_t j = i + 1; j < group.size(); ++j) {
      const Fact& x = *group[i];
      const Fact& y = *group[j];
      if (x.kind != y.kind || same_sentence(x, y)) continue;
      const bool within = x.ref.article == y.ref.article;
      const std::string ax = article_label(builder.articles, x.ref.article);
      const std::string ay = article_label(builder.articles, y.ref.article);
      const std::string tx = fact_text(builder.articles, x), ty = fact_text(builder.articles, y);
      double hedge = (x.hedged || y.hedged) ? 0.15 : 0.0;
      if (x.kind == FactKind::kDate) {
        if (!x.date.known() || !y.date.known() || dates_compatible(x.date, y.date)) continue;
        // Different known years may be two occurrences (the 2018 and the 2025 summits).
        const bool two_years = x.date.year != 0 && y.date.year != 0;
        const bool coarse = x.date.month == 0 || y.date.month == 0;
        double confidence = two_years || coarse ? 0.6 : 0.85;
        if (x.relative || y.relative) confidence -= 0.1;
        confidence *= std::min(1.0, std::max(x.strength, y.strength));
        confidence -= hedge;
        std::string note =
            within ? ax + " dates " + event + " " + quoted(tx) + " in one sentence and " +
                         quoted(ty) + " in another."
                   : ax + " dates " + event + " " + quoted(tx) + "; " + ay + " " + quoted(ty) + ".";
        builder.add(x, y, "date", confidence, -1, "date of " + event, std::move(note));
      } else if (x.kind == FactKind::kTime) {
        if (x.unit != y.unit || x.unit.empty()) continue;
        const double d = std::fabs(x.low - y.low);
        if (std::min(d, 1440 - d) < 30) continue;
        std::string note = ax + " times " + event + " at " + quoted(tx) + "; " +
                           (within ? std::string("elsewhere it says ") : ay + " ") + quoted(ty) +
                           ".";
        builder.add(x, y, "time", 0.75 - hedge, -1, "time of " + event, std::move(note));
      } else if (x.kind == FactKind::kStatus) {
        if (x.value == y.value) continue;
        const Fact& up = x.value == "upcoming" ? x : y;
        const Fact& done = x.value == "upcoming" ? y : x;
        // Across articles, "upcoming" and "held" may only mean written before and after.
        double confidence = within ? 0.75 : 0.45;
        if (!within) {
          const Date pa = parse_published(builder.articles[x.ref.article].published);
          const Date pb = parse_published(builder.articles[y.ref.article].published);
          if (pa.day != 0 && pb.day != 0 &&
              std::labs(detail::days_from_civil(pa.year, pa.month, pa.day) -
                        detail::days_from_civil(pb.year, pb.month, pb.day)) <= 1)
            confidence = 0.75;
        }
        confidence = confidence * std::min(x.strength, y.strength) - hedge;
        const std::string aup = article_label(builder.articles, up.ref.article);
        const std::string adone = article_label(builder.articles, done.ref.article);
        std::string note =
            within ? aup + " presents " + event + " as still to come (" +
                         quoted(fact_text(builder.articles, up)) + ") and as already held (" +
                         quoted(fact_text(builder.articles, done)) + ")."
                   : aup + " presents " + event + " as still to come (" +
                         quoted(fact_text(builder.articles, up)) + "); " + adone +
                         " as already held (" + quoted(fact_text(builder.articles, done)) + ").";
        builder.add(x, y, "status", confidence, -1, "status of " + event, std::move(note));
      }
    }
  }
}

// Keeps a group small: per distinct value (at most 16), its first fact in each of at most
// 8 articles. Pairs are then at most (16*8)^2 / 2 per subject, whatever the set size.
std::vector<const Fact*> bounded(const std::vector<const Fact*>& group, bool* truncated) {
  std::map<std::pair<std::string, int>, std::vector<const Fact*>> by_value;
  for (const Fact* f : group) {
    const std::pair<std::string, int> key{f->value + "|" + std::to_string(f->former),
                                          static_cast<int>(f->kind)};
    if (by_value.find(key) == by_value.end() && by_value.size() >= 16) {
      *truncated = true;
      continue;
    }
    auto& list = by_value[key];
    bool have_article = false;
    for (const Fact* g : list) have_article = have_article || g->ref.article == f->ref.article;
    if (!have_article && list.size() < 8) list.push_back(f);
  }
  std::vector<const Fact*> out;
  for (auto& [value, list] : by_value) out.insert(out.end(), list.begin(), list.end());
  std::stable_sort(out.begin(), out.end(), [](const Fact* x, const Fact* y) {
    return std::make_tuple(x->ref.article, x->ref.paragraph, x->ref.sentence, x->span.start) <
           std::make_tuple(y->ref.article, y->ref.paragraph, y->ref.sentence, y->span.start);
  });
  return out;
}

bool numeric(FactKind kind) {
  return kind == FactKind::kNumber || kind == FactKind::kMoney || kind == FactKind::kPercent ||
         kind == FactKind::kCount;
}

// Content words of a sentence, counted up to `enough`: a line of three words ("Hank was 57
// years old.") is too thin to say that two figures are about one thing.
std::size_t content_words(const std::vector<ArticleView>& articles,
                          const detail::ScannedSet* scanned, const align::UnitRef& ref,
                          std::size_t enough) {
  auto count = [enough](const std::vector<detail::Word>& words) {
    std::size_t n = 0;
    for (const detail::Word& w : words) {
      if (n >= enough) break;
      // The cheap tests first; the stopword bisection last.
      n += (!w.punct && !w.number && w.month == 0 && !detail::quantity_word(w.lower) &&
            !detail::is_stopword(w.lower))
               ? 1
               : 0;
    }
    return n;
  };
  if (scanned != nullptr) {
    if (const std::vector<detail::Word>* words = scanned->words_of(ref)) return count(*words);
  }
  if (ref.article >= articles.size() || articles[ref.article].paragraphs == nullptr) return 0;
  const auto& paragraphs = *articles[ref.article].paragraphs;
  if (ref.paragraph >= paragraphs.size() ||
      ref.sentence >= paragraphs[ref.paragraph].sentences.size())
    return 0;
  const detail::SentenceWords words = detail::scan_words(
      articles[ref.article].text, paragraphs[ref.paragraph].sentences[ref.sentence].span);
  return count(words.words);
}

// The other dates of a sentence ("In 2013: 54 bodies found"): two figures of different
// occasions are not in conflict.
std::vector<std::string> other_dates(const std::vector<const Fact*>& list, const Fact* except) {
  std::vector<std::string> out;
  for (const Fact* f : list)
    if (f != except && f->kind == FactKind::kDate) out.push_back(f->value);
  std::sort(out.begin(), out.end());
  return out;
}

using FactsBySentence =
    std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>, std::vector<const Fact*>>;

// --- Misattributed quotations: one quotation, two speakers ---------------------------
// Two articles of one claim carry the same words in quotation marks and name different people
// as saying them ("… until we tell you otherwise," said Area Commander Lena Hask / "… until we
// tell you otherwise," said Chief Fire Officer Tobias Renn): who said what is disputed.

constexpr std::size_t kMaxQuoteWords = 128;  // words of a sentence compared, at most
constexpr std::size_t kMinQuoteRun = 6;      // words in a row both sentences share, at least

struct PlainWord {
  std::string lower;  // ASCII letters and digits, lower case
  std::size_t start = 0, end = 0;
};

std::vector<PlainWord> plain_words(std::string_view text, Span s) {
  std::vector<PlainWord> out;
  auto alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  std::size_t i = s.start;
  while (i < s.end && i < text.size() && out.size() < kMaxQuoteWords) {
    if (!alnum(text[i])) {
      ++i;
      continue;
    }
    PlainWord w;
    w.start = i;
    while (i < s.end && i < text.size() && alnum(text[i])) {
      const char c = text[i++];
      w.lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    w.end = i;
    out.push_back(std::move(w));
  }
  return out;
}

bool has_quotation_mark(std::string_view sentence) {
  for (std::string_view mark : {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB"}) {
    if (sentence.find(mark) != std::string_view::npos) return true;
  }
  return false;
}

// The most words in a row that both lists hold, in the same order.
std::size_t longest_common_run(const std::vector<PlainWord>& a, const std::vector<PlainWord>& b) {
  std::vector<std::size_t> previous(b.size() + 1, 0), current(b.size() + 1, 0);
  std::size_t best = 0;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      current[j] = a[i - 1].lower == b[j - 1].lower ? previous[j - 1] + 1 : 0;
      best = std::max(best, current[j]);
    }
    std::swap(previous, current);
  }
  return best;
}

// The person a sentence names as speaking: its only person (one surname), at most three words
// after a reporting verb ("said Area Commander Lena Hask", "according to …") or eight before
// one ("Lena Hask of the Brennmouth Fire and Rescue Service told").
const Fact* speaker_of(const std::vector<const Fact*>& facts, const std::vector<PlainWord>& words) {
  const Fact* person = nullptr;
  for (const Fact* f : facts) {
    if (f->kind != FactKind::kPerson) continue;
    if (person != nullptr && person->subject != f->subject) return nullptr;  // two people
    if (person == nullptr) person = f;
  }
  if (person == nullptr) return nullptr;
  std::size_t first = words.size(), last = 0;
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (words[k].start >= person->span.start && words[k].end <= person->span.end) {
      first = std::min(first, k);
      last = k;
    }
  }
  if (first == words.size()) return nullptr;
  static constexpr std::string_view kReporting[] = {"added", "according", "said",
                                                    "says",  "told",      "warned"};
  for (std::size_t k = first >= 3 ? first - 3 : 0; k <= last + 8 && k < words.size(); ++k) {
    if (k >= first && k <= last) continue;
    for (std::string_view verb : kReporting) {
      if (words[k].lower == verb) return person;
    }
  }
  return nullptr;
}

// The sentence r of its article, and its span there; empty when r is out of range.
std::string_view sentence_text(const std::vector<ArticleView>& articles, const align::UnitRef& r,
                               Span* span) {
  if (r.article >= articles.size() || articles[r.article].paragraphs == nullptr) return {};
  const auto& paragraphs = *articles[r.article].paragraphs;
  if (r.paragraph >= paragraphs.size() || r.sentence >= paragraphs[r.paragraph].sentences.size())
    return {};
  *span = paragraphs[r.paragraph].sentences[r.sentence].span;
  const std::string_view text = articles[r.article].text;
  if (span->end > text.size() || span->start > span->end) return {};
  return slice(text, *span);
}

// Members i and j (different articles) of claim c quote the same words and name different
// speakers.
void speaker_conflict(Builder& builder, const align::Claim& claim, std::size_t c, std::size_t i,
                      std::size_t j, const std::vector<const Fact*>& fa,
                      const std::vector<const Fact*>& fb) {
  const align::UnitRef& ra = claim.members[i].ref;
  const align::UnitRef& rb = claim.members[j].ref;
  Span sa, sb;
  const std::string_view ta = sentence_text(builder.articles, ra, &sa);
  const std::string_view tb = sentence_text(builder.articles, rb, &sb);
  if (!has_quotation_mark(ta) || !has_quotation_mark(tb)) return;
  const std::vector<PlainWord> wa = plain_words(builder.articles[ra.article].text, sa);
  const std::vector<PlainWord> wb = plain_words(builder.articles[rb.article].text, sb);
  const Fact* x = speaker_of(fa, wa);
  const Fact* y = speaker_of(fb, wb);
  if (x == nullptr || y == nullptr || x->subject == y->subject) return;
  // The other side's surname in this sentence: one person read two ways ("spokesman Col.
  // Patrick Ryder", where the abbreviation ends the name), not two speakers.
  auto names = [](const std::vector<PlainWord>& words, const Fact& f) {
    const std::string_view key = std::string_view(f.subject).substr(f.subject.find(':') + 1);
    const std::string_view last =
        key.substr(key.rfind(' ') == std::string_view::npos ? 0 : key.rfind(' ') + 1);
    return std::any_of(words.begin(), words.end(),
                       [&](const PlainWord& w) { return w.lower == last; });
  };
  if (names(wa, *y) || names(wb, *x)) return;
  const std::size_t run = longest_common_run(wa, wb);
  if (run < kMinQuoteRun) return;
  const std::string ax = article_label(builder.articles, x->ref.article);
  const std::string ay = article_label(builder.articles, y->ref.article);
  builder.add(*x, *y, "speaker", 0.8, static_cast<std::int64_t>(c), "speaker of a quotation",
              ax + " attributes the quotation to " + quoted(fact_text(builder.articles, *x)) +
                  "; " + ay + " to " + quoted(fact_text(builder.articles, *y)) + ".");
}

// The figures and dates claim c's members disagree on. Out of line on purpose (as are
// person_conflicts and event_conflicts): called once per claim, it can run V8's optimised
// WebAssembly code from the next claim on, which a loop inlined into find_contradictions
// (called once) never would (docs/bench.md, "Round 5").
[[gnu::noinline]] void claim_conflicts_of(Builder& builder, const align::Claim& claim,
                                          std::size_t c, const FactsBySentence& by_sentence) {
  if (claim.support < 2) return;
  const std::size_t members = std::min<std::size_t>(claim.members.size(), 24);
  // Per member, once: its facts and whether it has enough content words to compare figures
  // (the pair loop below would otherwise rescan each sentence for every partner).
  constexpr std::size_t kMinContentWords = 5;
  std::vector<const std::vector<const Fact*>*> facts_of(members, nullptr);
  for (std::size_t i = 0; i < members; ++i) {
    const align::UnitRef& r = claim.members[i].ref;
    auto found = by_sentence.find({r.article, r.paragraph, r.sentence});
    if (found != by_sentence.end() &&
        content_words(builder.articles, builder.scanned, r, kMinContentWords) >= kMinContentWords)
      facts_of[i] = &found->second;
  }
  for (std::size_t i = 0; i < members; ++i) {
    for (std::size_t j = i + 1; j < members; ++j) {
      const align::UnitRef& ra = claim.members[i].ref;
      const align::UnitRef& rb = claim.members[j].ref;
      if (ra.article == rb.article) continue;
      if (facts_of[i] == nullptr || facts_of[j] == nullptr) continue;
      const auto fa = facts_of[i];
      const auto fb = facts_of[j];
      speaker_conflict(builder, claim, c, i, j, *fa, *fb);
      for (const Fact* x : *fa) {
        if (!numeric(x->kind) && x->kind != FactKind::kDate) continue;
        // The only fact of its kind and unit on each side, so the two are about one thing.
        auto only = [&](const std::vector<const Fact*>& list, const Fact& f) {
          const Fact* found = nullptr;
          for (const Fact* g : list) {
            if (g->kind != f.kind || g->unit != f.unit) continue;
            if (found != nullptr) return static_cast<const Fact*>(nullptr);
            found = g;
          }
          return found;
        };
        if (only(*fa, *x) != x) continue;
        const Fact* y = only(*fb, *x);
        if (y == nullptr) continue;
        const double hedge = (x->hedged || y->hedged) ? 0.15 : 0.0;
        const double negation = (x->negated != y->negated) ? 0.2 : 0.0;
        // The words around both must share something: "buses every 10 minutes" and "a ferry
        // every 20 minutes" are two services, not one disputed figure. One shared word is
        // weak evidence (hidden), two or more is enough.
        std::vector<std::string> shared;
        std::set_intersection(x->near.begin(), x->near.end(), y->near.begin(), y->near.end(),
                              std::back_inserter(shared));
        if (shared.empty()) continue;
        const double context = shared.size() >= 2 ? 0.0 : 0.15;
        const std::string ax = article_label(builder.articles, x->ref.article);
        const std::string ay = article_label(builder.articles, y->ref.article);
        if (x->kind == FactKind::kDate) {
          if (!x->date.known() || !y->date.known() || dates_compatible(x->date, y->date)) continue;
          const bool coarse = x->date.month == 0 || y->date.month == 0;
          builder.add(*x, *y, "date", (coarse ? 0.55 : 0.75) - hedge - negation - context,
                      static_cast<std::int64_t>(c), "date in a shared claim",
                      ax + " gives the date " + quoted(fact_text(builder.articles, *x)) + "; " +
                          ay + " " + quoted(fact_text(builder.articles, *y)) +
                          " in the same claim.");
          continue;
        }
        if (numbers_compatible(*x, *y)) continue;
        if (other_dates(*fa, x) != other_dates(*fb, y)) continue;
        const double confidence =
            0.75 * std::min(x->strength, y->strength) - hedge - negation - context;
        builder.add(*x, *y, std::string(fact_kind_name(x->kind)), confidence,
                    static_cast<std::int64_t>(c),
                    x->unit.empty() ? std::string("figure in a shared claim")
                                    : "figure in a shared claim (" + x->unit + ")",
                    ax + " says " + quoted(fact_text(builder.articles, *x)) + "; " + ay + " " +
                        quoted(fact_text(builder.articles, *y)) + " in the same claim.");
      }
    }
  }
}

void claim_conflicts(Builder& builder, const std::vector<align::Claim>& claims,
                     const FactsBySentence& by_sentence) {
  for (std::size_t c = 0; c < claims.size(); ++c)
    claim_conflicts_of(builder, claims[c], c, by_sentence);
}

}  // namespace

namespace detail {

std::vector<Contradiction> find_contradictions(const std::vector<Fact>& facts,
                                               const std::vector<ArticleView>& articles,
                                               const std::vector<align::Claim>& claims,
                                               bool* truncated, const ScannedSet* scanned) {
  Builder builder{facts, articles, scanned, {}, {}, false, {}};
  std::map<std::string, std::vector<const Fact*>> by_subject;
  std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>, std::vector<const Fact*>>
      by_sentence;
  for (const Fact& f : facts) {
    if (f.ref.article >= articles.size()) continue;
    if (f.kind == FactKind::kDate && f.date.year != 0 && !f.relative)
      builder.dated.insert({f.ref.article, f.ref.paragraph, f.ref.sentence});
    by_sentence[{f.ref.article, f.ref.paragraph, f.ref.sentence}].push_back(&f);
    if (f.subject.empty()) continue;
    if (f.kind == FactKind::kPerson || f.kind == FactKind::kDate || f.kind == FactKind::kTime ||
        f.kind == FactKind::kStatus)
      by_subject[f.subject].push_back(&f);
  }
  for (auto& [key, group] : by_subject) {
    const std::vector<const Fact*> small = bounded(group, &builder.truncated);
    if (key.rfind("person:", 0) == 0) {
      std::set<std::uint32_t> with;
      for (const Fact* f : group) with.insert(f->ref.article);
      person_conflicts(builder, small, 2 * with.size() >= articles.size());
    } else if (key.rfind("event:", 0) == 0) {
      event_conflicts(builder, key, small);
    }
  }
  claim_conflicts(builder, claims, by_sentence);

  std::vector<Contradiction> out = std::move(builder.out);
  for (Contradiction& c : out) c.confidence = std::round(c.confidence * 10000.0) / 10000.0;
  std::stable_sort(out.begin(), out.end(), [](const Contradiction& x, const Contradiction& y) {
    if (x.shown() != y.shown()) return x.shown();
    if (x.confidence != y.confidence) return x.confidence > y.confidence;
    return std::make_tuple(x.a.ref.article, x.a.ref.paragraph, x.a.ref.sentence, x.a.span.start,
                           x.b.ref.article, x.b.ref.paragraph, x.b.ref.sentence, x.b.span.start,
                           x.kind) < std::make_tuple(y.a.ref.article, y.a.ref.paragraph,
                                                     y.a.ref.sentence, y.a.span.start,
                                                     y.b.ref.article, y.b.ref.paragraph,
                                                     y.b.ref.sentence, y.b.span.start, y.kind);
  });
  if (out.size() > kMaxContradictions) {
    out.resize(kMaxContradictions);  // the most confident, in the order above
    builder.truncated = true;
  }
  if (truncated != nullptr) *truncated = builder.truncated;
  return out;
}

}  // namespace detail

std::vector<Contradiction> find_contradictions(const std::vector<Fact>& facts,
                                               const std::vector<ArticleView>& articles,
                                               const std::vector<align::Claim>& claims,
                                               bool* truncated) {
  return detail::find_contradictions(facts, articles, claims, truncated, nullptr);
}

}  // namespace parallax::diverge
