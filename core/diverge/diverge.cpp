// Diverge stage driver: word scanning shared by the extractors, extract_facts, analyse.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

#include "diverge/detail.h"
#include "represent/represent.h"

namespace parallax::diverge {

namespace detail {

namespace {

bool ascii_alpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool ascii_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}
// Lower case of an ASCII byte (what std::tolower does in the C locale); other bytes unchanged.
char ascii_lower(unsigned char c) {
  return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}
// Marks that glue digits into an identifier ("id=124602682", "#3", "a/2").
bool identifier_glue(char c) {
  return c == '/' || c == '=' || c == '_' || c == '#';
}

// Byte length of a mark at text[i] that is punctuation, or 0: ASCII punctuation, curly quotes,
// dashes, currency signs, non-breaking space (returned negative: a space).
int mark_length(std::string_view text, std::size_t i, bool* space) {
  *space = false;
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    if (c <= ' ' || c == 0x7F) {
      *space = true;
      return 1;
    }
    return (ascii_alpha(c) || ascii_digit(c)) ? 0 : 1;
  }
  if (c == 0xC2 && i + 1 < text.size()) {
    const unsigned char d = static_cast<unsigned char>(text[i + 1]);
    if (d == 0xA0) {
      *space = true;
      return 2;
    }
    if (d == 0xA3 || d == 0xAB || d == 0xBB) return 2;  // £ « »
  }
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    const unsigned char d = static_cast<unsigned char>(text[i + 2]);
    if (d >= 0x80 && d <= 0x8F) {  // spaces of U+2000..U+200F
      *space = true;
      return 3;
    }
    if (d >= 0x90 && d <= 0xA7) return 3;  // dashes, quotes, bullets, ellipsis
  }
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x82 &&
      static_cast<unsigned char>(text[i + 2]) == 0xAC)
    return 3;  // €
  return 0;
}

bool is_apostrophe(std::string_view text, std::size_t i, std::size_t* length) {
  if (text[i] == '\'') {
    *length = 1;
    return true;
  }
  if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
      static_cast<unsigned char>(text[i + 1]) == 0x80 &&
      static_cast<unsigned char>(text[i + 2]) == 0x99) {
    *length = 3;
    return true;
  }
  return false;
}

// Every dot-separated part of the word is one letter ("U.S", "J.D", "a.m").
bool initials(std::string_view word) {
  if (word.size() < 3) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const bool letter_slot = i % 2 == 0;
    if (letter_slot != (word[i] != '.')) return false;
    if (letter_slot && !ascii_alpha(static_cast<unsigned char>(word[i]))) return false;
  }
  return true;
}

bool starts_link(std::string_view text, std::size_t i) {
  const char c = ascii_lower(static_cast<unsigned char>(text[i]));
  if (c != 'h' && c != 'w') return false;  // most words
  auto starts = [&](std::string_view prefix) {
    if (text.size() - i < prefix.size()) return false;
    for (std::size_t k = 0; k < prefix.size(); ++k)
      if (ascii_lower(static_cast<unsigned char>(text[i + k])) != prefix[k]) return false;
    return true;
  };
  return starts("http://") || starts("https://") || starts("www.");
}

// A scanned word or mark with its word classes.
Word make_word(std::string_view text, Span span, std::string_view lower, bool punct) {
  Word w;
  w.span = span;
  w.lower = lower;
  w.punct = punct;
  w.cap = !punct && text[span.start] >= 'A' && text[span.start] <= 'Z';
  w.number = !punct && ascii_digit(static_cast<unsigned char>(text[span.start]));
  w.month = month_number(lower);
  w.title = !punct && !w.number && is_title_word(lower);
  w.event = !punct && !w.number && is_event_word(lower);
  return w;
}

}  // namespace

SentenceWords scan_words(std::string_view text, Span span) {
  SentenceWords out;
  std::vector<Word>& words = out.words;
  const std::size_t end = std::min(span.end, text.size());
  std::size_t i = std::min(span.start, end);
  if (i == end) return out;
  // Every word's lower-case bytes take at most the bytes it was read from, so one block of
  // the sentence's size holds them all.
  out.bytes.reset(new char[end - i]);
  char* const block = out.bytes.get();
  std::size_t used = 0;
  words.reserve(std::min<std::size_t>(kMaxWordsPerSentence, (end - i) / 4 + 4));
  while (i < end && words.size() < kMaxWordsPerSentence) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    if (lead == ' ') {  // the commonest byte between words
      ++i;
      continue;
    }
    bool space = false;
    // An ASCII letter or digit starts a word (mark_length would say 0, not a space).
    const int mark = ascii_alpha(lead) || ascii_digit(lead) ? 0 : mark_length(text, i, &space);
    if (space) {
      i += mark;
      continue;
    }
    if (mark > 0) {
      const std::size_t lower_start = used;
      const Span mark_span{i, std::min(end, i + mark)};
      if (text[i] == '\'' || (mark == 3 && static_cast<unsigned char>(text[i + 2]) == 0x99)) {
        block[used++] = '\'';
      } else {
        for (std::size_t k = mark_span.start; k < mark_span.end; ++k) block[used++] = text[k];
      }
      words.push_back(make_word(text, mark_span, {block + lower_start, used - lower_start}, true));
      i += mark;
      continue;
    }
    // Links ("https://...", "www...") are skipped whole: their digits are not values.
    if (starts_link(text, i)) {
      while (i < end && text[i] != ' ' && text[i] != '\n' && text[i] != ')' && text[i] != ']') ++i;
      continue;
    }
    // A word: letters, digits and non-ASCII letters, with inner . , : ' - when a word
    // character follows.
    const std::size_t start = i;
    const std::size_t lower_start = used;
    const bool digit_first = ascii_digit(static_cast<unsigned char>(text[i]));
    while (i < end) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      // ASCII letters and digits first: most bytes, and never a mark.
      if (ascii_alpha(c) || ascii_digit(c)) {
        block[used++] = ascii_lower(c);
        ++i;
        continue;
      }
      bool sp = false;
      const int m = mark_length(text, i, &sp);
      if (m == 0 && !sp) {
        block[used++] = static_cast<char>(c);  // a byte of a non-ASCII letter
        ++i;
        continue;
      }
      if (sp) break;
      std::size_t apostrophe = 0;
      const std::size_t next = i + 1;
      const bool next_alnum = next < end && (ascii_alpha(static_cast<unsigned char>(text[next])) ||
                                             ascii_digit(static_cast<unsigned char>(text[next])));
      if (is_apostrophe(text, i, &apostrophe) && i + apostrophe < end &&
          ascii_alpha(static_cast<unsigned char>(text[i + apostrophe])) && !digit_first) {
        block[used++] = '\'';
        i += apostrophe;
        continue;
      }
      if ((c == '.' || c == ',' || c == ':') && digit_first && next < end &&
          ascii_digit(static_cast<unsigned char>(text[next])) &&
          ascii_digit(static_cast<unsigned char>(text[i - 1]))) {
        block[used++] = static_cast<char>(c);
        ++i;
        continue;
      }
      if (c == '.' && !digit_first && next_alnum &&
          ascii_alpha(static_cast<unsigned char>(text[next])) &&
          (used - lower_start == 1 || initials({block + lower_start, used - lower_start}))) {
        block[used++] = '.';
        ++i;
        continue;
      }
      if (c == '-' && next_alnum) {
        block[used++] = '-';
        ++i;
        continue;
      }
      break;
    }
    // "U.S." and "a.m." keep their final dot.
    if (i < end && text[i] == '.' && !digit_first &&
        initials({block + lower_start, used - lower_start})) {
      block[used++] = '.';
      ++i;
    }
    // Digits glued to '/', '=', '_' or '#' are identifiers ("id=124602682"), not values.
    if (digit_first && ((start > 0 && identifier_glue(text[start - 1])) ||
                        (i < end && identifier_glue(text[i])))) {
      used = lower_start;
      continue;
    }
    words.push_back(make_word(text, {start, i}, {block + lower_start, used - lower_start}, false));
  }
  return out;
}

bool title_case(const std::vector<Word>& words) {
  std::size_t long_words = 0, capitals = 0;
  for (std::size_t i = 1; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.punct || w.number || w.lower.size() < 4) continue;
    ++long_words;
    capitals += w.cap ? 1 : 0;
  }
  return long_words >= 4 && capitals * 10 >= long_words * 7;
}

bool is_stopword(std::string_view lower) {
  return represent::is_stopword(lower);
}

int month_number(std::string_view w) {
  static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  if (w.size() < 3 || w.size() > 9) return 0;
  switch (w[0]) {  // the first letters of the months
    case 'j':
    case 'f':
    case 'm':
    case 'a':
    case 's':
    case 'o':
    case 'n':
    case 'd':
      break;
    default:
      return 0;
  }
  // The first three letters tell the months apart; then the word is the full name, the
  // three-letter abbreviation, or "sept".
  for (int m = 0; m < 12; ++m) {
    const std::string_view name = kMonths[m];
    if (w[0] != name[0] || w[1] != name[1] || w[2] != name[2]) continue;
    return w.size() == 3 || w == name || (m == 8 && w == "sept") ? m + 1 : 0;
  }
  return 0;
}

int weekday_number(std::string_view w) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  for (int d = 0; d < 7; ++d)
    if (w == kDays[d]) return d;
  return -1;
}

bool parse_number(std::string_view w, double* out) {
  if (w.empty()) return false;
  if (!ascii_digit(static_cast<unsigned char>(w[0]))) {
    // Number words, sorted for bisection, and their values.
    static constexpr std::string_view kWords[] = {
        "dozen",  "eight",     "eighteen", "eighty",  "eleven",  "fifteen",  "fifty",  "five",
        "forty",  "four",      "fourteen", "hundred", "nine",    "nineteen", "ninety", "one",
        "seven",  "seventeen", "seventy",  "six",     "sixteen", "sixty",    "ten",    "thirteen",
        "thirty", "three",     "twelve",   "twenty",  "two",     "zero"};
    static constexpr int kValues[] = {12, 8, 18, 80, 11, 15, 50, 5,  40, 4,  14, 100, 9,  19, 90,
                                      1,  7, 17, 70, 6,  16, 60, 10, 13, 30, 3,  12,  20, 2,  0};
    static_assert(sorted_words(kWords), "keep the number words sorted");
    static_assert(std::size(kWords) == std::size(kValues), "one value per number word");
    static constexpr FirstLetterLengths kFilter(kWords);
    static_assert(kFilter.valid, "number words start with a-z");
    if (!kFilter.may_hold(w)) return false;
    const std::size_t at = sorted_word_index(kWords, w);
    if (at == std::size(kWords)) return false;
    *out = kValues[at];
    return true;
  }
  // Digits with thousands commas ("1,500") or one decimal point ("3.5").
  double value = 0, scale = 0;
  bool seen_point = false;
  std::size_t digits_since_comma = 0;
  bool comma = false;
  for (char c : w) {
    if (ascii_digit(static_cast<unsigned char>(c))) {
      if (seen_point) {
        scale /= 10;
        value += (c - '0') * scale;
      } else {
        value = value * 10 + (c - '0');
      }
      ++digits_since_comma;
      if (value > 1e15) return false;
    } else if (c == ',' && !seen_point) {
      if (comma && digits_since_comma != 3) return false;
      comma = true;
      digits_since_comma = 0;
    } else if (c == '.' && !seen_point) {
      if (comma && digits_since_comma != 3) return false;
      seen_point = true;
      scale = 1;
    } else {
      return false;
    }
  }
  if (comma && !seen_point && digits_since_comma != 3) return false;
  *out = value;
  return true;
}

double scale_word(std::string_view w) {
  if (w == "thousand" || w == "k") return 1e3;
  if (w == "million" || w == "millions" || w == "mn" || w == "m" || w == "mln") return 1e6;
  if (w == "billion" || w == "billions" || w == "bn" || w == "b") return 1e9;
  if (w == "trillion" || w == "tn") return 1e12;
  return 0;
}

long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  Date date;
  date.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  date.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  date.year = static_cast<int>(yoe + era * 400 + (date.month <= 2));
  return date;
}

int weekday(const Date& date) {
  const long days = days_from_civil(date.year, date.month, date.day);  // 1970-01-01: Thursday
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

bool hedged_sentence(const std::vector<Word>& words) {
  static constexpr std::string_view kCues[] = {
      "allegedly", "could",    "expected",   "if",       "likely",   "may",    "might",
      "perhaps",   "possibly", "reportedly", "rumored",  "rumoured", "should", "speculation",
      "suggest",   "suggests", "unless",     "unlikely", "whether",  "would"};
  static_assert(sorted_words(kCues), "keep the hedge cues sorted");
  static constexpr FirstLetterLengths kFilter(kCues);
  static_assert(kFilter.valid, "hedge cues start with a-z");
  for (const Word& w : words)
    if (kFilter.may_hold(w.lower) && in_sorted_words(kCues, w.lower)) return true;
  return false;
}

bool negated_sentence(const std::vector<Word>& words) {
  static constexpr std::string_view kCues[] = {"aren't",  "denied", "denies", "didn't",
                                               "doesn't", "isn't",  "never",  "no",
                                               "not",     "wasn't", "won't"};
  static_assert(sorted_words(kCues), "keep the negation cues sorted");
  static constexpr FirstLetterLengths kFilter(kCues);
  static_assert(kFilter.valid, "negation cues start with a-z");
  for (const Word& w : words)
    if (kFilter.may_hold(w.lower) && in_sorted_words(kCues, w.lower)) return true;
  return false;
}

bool code_like(std::string_view text, Span span) {
  const std::string_view s =
      slice(text, {std::min(span.start, text.size()), std::min(span.end, text.size())});
  return s.find('{') != std::string_view::npos || s.find('}') != std::string_view::npos ||
         s.find("();") != std::string_view::npos || s.find("function (") != std::string_view::npos;
}

std::size_t word_at(const std::vector<Word>& words, std::size_t start) {
  auto it = std::lower_bound(words.begin(), words.end(), start,
                             [](const Word& w, std::size_t s) { return w.span.start < s; });
  return static_cast<std::size_t>(it - words.begin());
}

std::string format_number(double value) {
  if (!std::isfinite(value)) return "0";
  const double rounded = std::round(value);
  if (std::fabs(value - rounded) < 1e-9 && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<long long>(rounded));
  }
  // Up to 4 decimals, trailing zeros removed: identical natively and in WebAssembly.
  const long long scaled = static_cast<long long>(std::llround(value * 10000.0));
  std::string out = std::to_string(scaled / 10000) + ".";
  std::string frac = std::to_string(std::llabs(scaled % 10000));
  while (frac.size() < 4) frac.insert(frac.begin(), '0');
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  if (scaled < 0 && scaled / 10000 == 0) out.insert(out.begin(), '-');
  return out + frac;
}

}  // namespace detail

std::string_view fact_kind_name(FactKind kind) {
  switch (kind) {
    case FactKind::kNumber:
      return "number";
    case FactKind::kMoney:
      return "money";
    case FactKind::kPercent:
      return "percent";
    case FactKind::kCount:
      return "count";
    case FactKind::kDate:
      return "date";
    case FactKind::kTime:
      return "time";
    case FactKind::kPlace:
      return "place";
    case FactKind::kPerson:
      return "person";
    case FactKind::kStatus:
      return "status";
  }
  return "number";
}

namespace detail {

std::vector<Fact> extract_facts(const std::vector<Word>& words, const align::UnitRef& ref,
                                const Context& context) {
  std::vector<Fact> facts;
  extract_dates(words, context, facts);
  extract_values(words, facts);
  const bool tc = title_case(words);
  extract_people(words, tc, facts);
  extract_events(words, tc, context, facts);
  const bool hedged = hedged_sentence(words);
  const bool negated = negated_sentence(words);
  for (Fact& fact : facts) {
    fact.ref = ref;
    // Content words within 4 words on each side of a figure or a date: what it is about
    // ("killed", "ferry"); claims compare only figures whose surroundings share some.
    if (fact.kind == FactKind::kNumber || fact.kind == FactKind::kMoney ||
        fact.kind == FactKind::kPercent || fact.kind == FactKind::kCount ||
        fact.kind == FactKind::kDate) {
      const std::size_t first = word_at(words, fact.span.start);
      std::size_t last = first;
      while (last + 1 < words.size() && words[last + 1].span.end <= fact.span.end) ++last;
      for (std::size_t k = first >= 4 ? first - 4 : 0; k < words.size() && k <= last + 4; ++k) {
        if (k >= first && k <= last) continue;
        const Word& w = words[k];
        if (w.punct || w.number || is_stopword(w.lower) || quantity_word(w.lower) || w.month != 0)
          continue;
        fact.near.push_back(singular(std::string(w.lower)));
      }
      std::sort(fact.near.begin(), fact.near.end());
      fact.near.erase(std::unique(fact.near.begin(), fact.near.end()), fact.near.end());
    }
    fact.hedged = fact.hedged || hedged;
    fact.negated = fact.negated || negated;
  }
  std::stable_sort(facts.begin(), facts.end(), [](const Fact& x, const Fact& y) {
    if (x.span.start != y.span.start) return x.span.start < y.span.start;
    return static_cast<int>(x.kind) < static_cast<int>(y.kind);
  });
  if (facts.size() > kMaxFactsPerSentence) facts.resize(kMaxFactsPerSentence);
  return facts;
}

}  // namespace detail

std::vector<Fact> extract_facts(std::string_view text, Span span, const align::UnitRef& ref,
                                const Context& context) {
  if (detail::code_like(text, span)) return {};
  const detail::SentenceWords scanned = detail::scan_words(text, span);
  return detail::extract_facts(scanned.words, ref, context);
}

namespace detail {

const std::vector<Word>* ScannedSet::words_of(const align::UnitRef& ref) const {
  if (ref.article >= paragraphs.size() || ref.paragraph >= paragraphs[ref.article].size())
    return nullptr;
  const Paragraph& p = paragraphs[ref.article][ref.paragraph];
  if (ref.sentence >= p.count || p.first + ref.sentence >= sentences[ref.article].size())
    return nullptr;
  return &sentences[ref.article][p.first + ref.sentence].words;
}

}  // namespace detail

DivergeResult analyse(const std::vector<ArticleView>& articles,
                      const std::vector<align::Claim>& claims) {
  DivergeResult result;
  // The words of every comparable sentence, scanned once for all passes (in sentence order).
  detail::ScannedSet scanned;
  scanned.sentences.resize(articles.size());
  scanned.paragraphs.resize(articles.size());
  for (std::size_t a = 0; a < articles.size(); ++a) {
    const ArticleView& article = articles[a];
    if (article.paragraphs == nullptr) continue;
    for (const segment::Paragraph& p : *article.paragraphs) {
      detail::ScannedSet::Paragraph where;
      where.first = scanned.sentences[a].size();
      if (!p.boilerplate) {
        where.count = p.sentences.size();
        for (const segment::Sentence& s : p.sentences)
          scanned.sentences[a].push_back(detail::scan_words(article.text, s.span));
      }
      scanned.paragraphs[a].push_back(where);
    }
  }
  // Pass 1: the places the set uses to name events, from every comparable sentence.
  Context context;
  {
    std::vector<std::string> places;
    for (std::size_t a = 0; a < articles.size(); ++a) {
      if (articles[a].paragraphs == nullptr) continue;
      std::vector<std::string> more = detail::collect_event_places(scanned.sentences[a]);
      places.insert(places.end(), more.begin(), more.end());
    }
    std::sort(places.begin(), places.end());
    places.erase(std::unique(places.begin(), places.end()), places.end());
    context.event_places = std::move(places);
  }
  // Pass 2: facts of every sentence, with the article's published date.
  constexpr std::size_t kMaxFacts = 200000;
  for (std::uint32_t a = 0; a < articles.size(); ++a) {
    const ArticleView& article = articles[a];
    if (article.paragraphs == nullptr) continue;
    context.published = parse_published(article.published);
    for (std::uint32_t p = 0; p < article.paragraphs->size(); ++p) {
      const segment::Paragraph& paragraph = (*article.paragraphs)[p];
      if (paragraph.boilerplate) continue;
      for (std::uint32_t s = 0; s < paragraph.sentences.size(); ++s) {
        if (result.facts.size() >= kMaxFacts) {
          result.truncated = true;
          break;
        }
        if (detail::code_like(article.text, paragraph.sentences[s].span)) continue;
        const std::vector<detail::Word>* words = scanned.words_of({a, p, s});
        if (words == nullptr) continue;  // never: every sentence here was scanned
        std::vector<Fact> more = detail::extract_facts(*words, {a, p, s}, context);
        for (Fact& f : more) result.facts.push_back(std::move(f));
      }
    }
  }
  bool truncated = false;
  result.contradictions =
      detail::find_contradictions(result.facts, articles, claims, &truncated, &scanned);
  result.truncated = result.truncated || truncated;
  result.omissions = find_omissions(claims, articles.size());
  return result;
}

}  // namespace parallax::diverge
