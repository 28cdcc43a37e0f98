// Dates and times.
//
// Absolute dates: "August 15th", "15 August", "Aug. 15, 2025", "15th of August 2025",
// "March 2025", "2025-08-15", a year ("in 2025"); relative dates: "next Friday", "this Friday",
// "last Friday", "today", "tomorrow", "yesterday", "next/last month", "next/last year",
// "this year", "later this year", "earlier this year", resolved against the article's
// published date when it is known (Context::published), else kept as their phrase with an
// unknown date. A date without a year takes the published year when known. "March" and
// "May" count only next to a day or a year (they are also a verb and a modal).
// Times: "11:30 a.m.", "8 p.m.", "20:30" with a zone ("BST", "CEST", "GMT", "local time"):
// the value is UTC when the zone is known ("19:30 UTC"), else "11:30 local" / "11:30".
#include <algorithm>

#include "diverge/detail.h"

namespace parallax::diverge {

std::string date_value(const Date& date) {
  if (!date.known()) return {};
  auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  std::string out = date.year != 0 ? std::to_string(date.year) : std::string("xxxx");
  if (date.month != 0) out += "-" + two(date.month);
  if (date.month != 0 && date.day != 0) out += "-" + two(date.day);
  return out;
}

namespace detail {

namespace {

bool valid_day(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDays[month - 1]) return false;
  if (year != 0 && month == 2 && day == 29) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap;
  }
  return true;
}

// "15", "15th", "1st" -> day number; 0 otherwise.
int day_number(const Word& w) {
  if (!w.number) return 0;
  std::string_view s = w.lower;
  std::size_t i = 0;
  int n = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i < 2) n = n * 10 + (s[i++] - '0');
  std::string_view rest = s.substr(i);
  if (!(rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th")) return 0;
  return n >= 1 && n <= 31 ? n : 0;
}

int year_number(const Word& w) {
  if (!w.number || w.lower.size() != 4) return 0;
  int n = 0;
  for (char c : w.lower) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n >= 1800 && n <= 2100 ? n : 0;
}

int zone_minutes(std::string_view w, bool* known) {
  static constexpr std::pair<std::string_view, int> kZones[] = {
      {"utc", 0},    {"gmt", 0},     {"bst", 60},    {"cet", 60},   {"cest", 120},
      {"eet", 120},  {"eest", 180},  {"msk", 180},   {"est", -300}, {"edt", -240},
      {"cst", -360}, {"cdt", -300},  {"mst", -420},  {"mdt", -360}, {"pst", -480},
      {"pdt", -420}, {"akst", -540}, {"akdt", -480}, {"hst", -600}, {"jst", 540}};
  for (const auto& [name, minutes] : kZones) {
    if (w == name) {
      *known = true;
      return minutes;
    }
  }
  *known = false;
  return 0;
}

Date shift(const Date& date, long days) {
  return civil_from_days(days_from_civil(date.year, date.month, date.day) + days);
}

bool full(const Date& d) {
  return d.year != 0 && d.month != 0 && d.day != 0;
}

struct Relative {
  std::size_t words = 0;  ///< how many words the phrase takes (0: none here)
  Date date;              ///< resolved (unknown without a published date)
  std::string phrase;     ///< normalised phrase ("next friday")
};

// True when a relative date can start with `lower` ("next", "today", "later"): most words
// cannot, and relative_at is not called for them.
bool may_start_relative(std::string_view lower) {
  static constexpr std::string_view kStarts[] = {"coming",  "earlier",  "last",  "later",
                                                 "next",    "this",     "today", "tomorrow",
                                                 "tonight", "yesterday"};
  static_assert(sorted_words(kStarts), "keep the first words of relative dates sorted");
  static constexpr FirstLetterLengths kFilter(kStarts);
  static_assert(kFilter.valid, "relative dates start with a-z");
  return kFilter.may_hold(lower);
}

Relative relative_at(const std::vector<Word>& words, std::size_t i, const Date& published) {
  Relative r;
  auto lower = [&](std::size_t k) -> std::string_view {
    return k < words.size() ? std::string_view(words[k].lower) : std::string_view();
  };
  const std::string_view w0 = lower(i), w1 = lower(i + 1), w2 = lower(i + 2);
  const bool have = full(published);
  if ((w0 == "next" || w0 == "this" || w0 == "last" || w0 == "coming") && weekday_number(w1) >= 0) {
    r.words = 2;
    r.phrase = std::string(w0) + " " + std::string(w1);
    if (have) {
      const int target = weekday_number(w1), today = weekday(published);
      int delta = (target - today + 7) % 7;
      if (w0 == "next") delta = delta == 0 ? 7 : delta;
      if (w0 == "last") delta = delta == 0 ? -7 : delta - 7;
      r.date = shift(published, delta);
    }
    return r;
  }
  if (w0 == "today" || w0 == "tomorrow" || w0 == "yesterday" || w0 == "tonight") {
    r.words = 1;
    r.phrase = std::string(w0);
    if (have) r.date = shift(published, w0 == "tomorrow" ? 1 : w0 == "yesterday" ? -1 : 0);
    return r;
  }
  if ((w0 == "next" || w0 == "last") && (w1 == "month" || w1 == "year")) {
    r.words = 2;
    r.phrase = std::string(w0) + " " + std::string(w1);
    if (published.year != 0) {
      const int step = w0 == "next" ? 1 : -1;
      if (w1 == "year") {
        r.date.year = published.year + step;
      } else if (published.month != 0) {
        int m = published.month + step, y = published.year;
        if (m == 0) m = 12, --y;
        if (m == 13) m = 1, ++y;
        r.date.year = y;
        r.date.month = m;
      }
    }
    return r;
  }
  if ((w0 == "later" || w0 == "earlier") && w1 == "this" && (w2 == "year" || w2 == "month")) {
    r.words = 3;
    r.phrase = std::string(w0) + " this " + std::string(w2);
    if (published.year != 0) {
      r.date.year = published.year;
      if (w2 == "month") r.date.month = published.month;
    }
    return r;
  }
  if (w0 == "this" && (w1 == "year" || w1 == "month") && (i == 0 || lower(i - 1) != "of")) {
    r.words = 2;
    r.phrase = std::string("this ") + std::string(w1);
    if (published.year != 0) {
      r.date.year = published.year;
      if (w1 == "month") r.date.month = published.month;
    }
    return r;
  }
  return r;
}

}  // namespace

void extract_dates(const std::vector<Word>& words, const Context& context, std::vector<Fact>& out) {
  const Date& published = context.published;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    Date date;
    std::size_t last = i;
    std::size_t anchor = i;
    bool relative = false;
    std::string phrase;
    double strength = 1.0;
    const int month = w.month;
    const bool ambiguous_month = month != 0 && (w.lower == "may" || w.lower == "march");
    if (month != 0 && (w.cap || !ambiguous_month)) {
      // Month Day[,] [Year] | Month Year | (in) Month
      std::size_t j = i + 1;
      if (j < words.size() && words[j].lower == ".") ++j;  // "Aug ." never happens; harmless
      const int day = j < words.size() ? day_number(words[j]) : 0;
      if (day != 0 && !(j + 1 < words.size() && words[j + 1].lower == ":")) {
        date.month = month;
        date.day = day;
        last = j;
        std::size_t k = j + 1;
        if (k < words.size() && words[k].lower == ",") ++k;
        if (k < words.size() && year_number(words[k]) != 0) {
          date.year = year_number(words[k]);
          last = k;
        }
      } else if (j < words.size() && year_number(words[j]) != 0) {
        date.month = month;
        date.year = year_number(words[j]);
        last = j;
      } else if (!ambiguous_month && i > 0 &&
                 (words[i - 1].lower == "in" || words[i - 1].lower == "since" ||
                  words[i - 1].lower == "until" || words[i - 1].lower == "by" ||
                  words[i - 1].lower == "early" || words[i - 1].lower == "late" ||
                  words[i - 1].lower == "mid")) {
        date.month = month;
        strength = 0.8;
      } else {
        continue;
      }
      if (!valid_day(date.year, date.month, date.day == 0 ? 1 : date.day)) continue;
    } else if (day_number(w) != 0 && i + 1 < words.size()) {
      // Day [of] Month [Year]
      std::size_t j = i + 1;
      if (words[j].lower == "of" && j + 1 < words.size()) ++j;
      const int m = words[j].month;
      if (m == 0 || (!words[j].cap && (words[j].lower == "may" || words[j].lower == "march")))
        continue;
      date.month = m;
      date.day = day_number(w);
      last = j;
      if (j + 1 < words.size() && year_number(words[j + 1]) != 0) {
        date.year = year_number(words[j + 1]);
        last = j + 1;
      }
      if (!valid_day(date.year, date.month, date.day)) {
        i = last;  // "29 February 2023" is no date, nor is its "February 2023"
        continue;
      }
    } else if (w.number && w.lower.size() == 10 && w.lower[4] == '-' && w.lower[7] == '-') {
      // ISO 2025-08-15
      const std::string_view s = w.lower;
      auto num = [&](std::size_t from, std::size_t n) {
        int v = 0;
        for (std::size_t k = from; k < from + n; ++k) {
          if (s[k] < '0' || s[k] > '9') return -1;
          v = v * 10 + (s[k] - '0');
        }
        return v;
      };
      date.year = num(0, 4);
      date.month = num(5, 2);
      date.day = num(8, 2);
      if (date.year < 1800 || !valid_day(date.year, date.month, date.day)) continue;
    } else if (year_number(w) != 0) {
      date.year = year_number(w);
      strength = 0.6;
    } else {
      if (!may_start_relative(w.lower)) continue;
      Relative r = relative_at(words, i, published);
      if (r.words == 0) continue;
      date = r.date;
      relative = true;
      phrase = r.phrase;
      last = i + r.words - 1;
      strength = 0.7;
    }
    if (!relative && date.year == 0 && published.year != 0 && date.month != 0) {
      date.year = published.year;  // "August 15th" in an article of 2025
    }
    Fact fact;
    fact.kind = FactKind::kDate;
    fact.span = {w.span.start, words[last].span.end};
    fact.date = date;
    fact.relative = relative;
    fact.value = date.known() ? date_value(date) : phrase;
    fact.strength = strength;
    fact.subject = event_key_near(words, anchor, context);
    out.push_back(std::move(fact));
    i = last;
  }

  // Times: "11:30 a.m.", "8 p.m.", "20:30 BST", "11:30am local time".
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (!w.number) continue;
    int hour = -1, minute = 0;
    std::string_view s = w.lower;
    std::string_view suffix;
    std::size_t k = 0;
    int h = 0;
    while (k < s.size() && k < 2 && s[k] >= '0' && s[k] <= '9') h = h * 10 + (s[k++] - '0');
    if (k < s.size() && s[k] == ':' && k + 3 <= s.size()) {
      const int m = (s[k + 1] - '0') * 10 + (s[k + 2] - '0');
      if (s[k + 1] < '0' || s[k + 1] > '5' || s[k + 2] < '0' || s[k + 2] > '9') continue;
      minute = m;
      k += 3;
    }
    suffix = s.substr(k);
    std::size_t last = i;
    bool meridiem = false, pm = false;
    auto meridiem_word = [&](std::string_view m) {
      if (m == "a.m." || m == "am" || m == "a.m") return 1;
      if (m == "p.m." || m == "pm" || m == "p.m") return 2;
      return 0;
    };
    if (!suffix.empty()) {
      if (meridiem_word(suffix) == 0) continue;
      meridiem = true;
      pm = meridiem_word(suffix) == 2;
    } else if (i + 1 < words.size() && meridiem_word(words[i + 1].lower) != 0) {
      meridiem = true;
      pm = meridiem_word(words[i + 1].lower) == 2;
      last = i + 1;
    }
    const bool colon = s.find(':') != std::string_view::npos;
    if (!meridiem && !colon) continue;
    if (meridiem && (h < 1 || h > 12)) continue;
    if (!meridiem && h > 23) continue;
    hour = meridiem ? (h % 12) + (pm ? 12 : 0) : h;
    std::string zone;
    int offset = 0;
    bool known = false;
    if (last + 1 < words.size()) {
      const std::string_view z = words[last + 1].lower;
      offset = zone_minutes(z, &known);
      if (known) {
        zone = "utc";
        ++last;
      } else if (z == "local") {
        zone = "local";
        ++last;
        if (last + 1 < words.size() && words[last + 1].lower == "time") ++last;
      }
    }
    if (!meridiem && !known && zone.empty()) continue;  // "3:2" scores, ratios: not a time
    Fact fact;
    fact.kind = FactKind::kTime;
    fact.span = {w.span.start, words[last].span.end};
    int minutes = hour * 60 + minute;
    if (known) minutes = ((minutes - offset) % 1440 + 1440) % 1440;
    auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
    fact.value = two(minutes / 60) + ":" + two(minutes % 60) +
                 (known             ? " UTC"
                  : zone == "local" ? " local"
                                    : "");
    fact.unit = known ? "utc" : zone;
    fact.low = fact.high = minutes;
    fact.subject = event_key_near(words, i, context);
    out.push_back(std::move(fact));
    i = last;
  }
}

}  // namespace detail

Date parse_published(std::string_view published) {
  Date date;
  if (published.size() > 200) published = published.substr(0, 200);
  // ISO first: "2025-08-10", "2025-08-10T09:00:00Z".
  if (published.size() >= 10 && published[4] == '-' && published[7] == '-') {
    int v[3] = {0, 0, 0};
    const std::size_t from[3] = {0, 5, 8}, len[3] = {4, 2, 2};
    bool ok = true;
    for (int f = 0; f < 3 && ok; ++f) {
      for (std::size_t k = from[f]; k < from[f] + len[f]; ++k) {
        if (published[k] < '0' || published[k] > '9')
          ok = false;
        else
          v[f] = v[f] * 10 + (published[k] - '0');
      }
    }
    if (ok && v[0] >= 1800 && v[0] <= 2100 && v[1] >= 1 && v[1] <= 12 && v[2] >= 1 && v[2] <= 31) {
      return Date{v[0], v[1], v[2]};
    }
  }
  // Otherwise the first full date written out ("Aug. 10, 2025", "10 August 2025").
  std::string text(published);
  const detail::SentenceWords scanned = detail::scan_words(text, {0, text.size()});
  std::vector<Fact> facts;
  detail::extract_dates(scanned.words, Context{}, facts);
  for (const Fact& f : facts) {
    if (f.date.year != 0 && f.date.month != 0 && f.date.day != 0) return f.date;
  }
  return date;
}

}  // namespace parallax::diverge
