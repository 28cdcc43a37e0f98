// Values: numbers with units and scale words, money, percentages, counts.
//
// "3 million people" -> count 3000000 person; "$1.5bn" / "1.5 billion dollars" -> money
// 1500000000 usd; "5 per cent" -> percent 5; "between 10 and 20 km" -> number 10-20 km;
// "about 1,500" is approximate. Years, dates and times are left to dates.cpp (it runs
// first; words inside its facts are skipped here); list markers ("1.") are not values.
#include <algorithm>
#include <cmath>
#include <limits>

#include "diverge/detail.h"

namespace parallax::diverge::detail {

namespace {

bool taken(const std::vector<Fact>& facts, const Word& w) {
  for (const Fact& f : facts)
    if (w.span.start >= f.span.start && w.span.end <= f.span.end) return true;
  return false;
}

std::string_view currency_sign(std::string_view mark) {
  if (mark == "$") return "usd";
  if (mark == "\xC2\xA3") return "gbp";
  if (mark == "\xE2\x82\xAC") return "eur";
  return {};
}

std::string_view currency_word(std::string_view w) {
  if (w == "dollar" || w == "dollars" || w == "usd") return "usd";
  if (w == "euro" || w == "euros" || w == "eur") return "eur";
  if (w == "pound" || w == "pounds" || w == "gbp" || w == "sterling") return "gbp";
  if (w == "rouble" || w == "roubles" || w == "ruble" || w == "rubles" || w == "rub") return "rub";
  if (w == "yuan" || w == "renminbi" || w == "cny") return "cny";
  if (w == "yen" || w == "jpy") return "jpy";
  return {};
}

bool measure_unit(std::string_view w) {
  static constexpr std::string_view kUnits[] = {
      "km",   "kilometre", "kilometer", "mile",   "metre", "meter", "kg",    "kilogram", "tonne",
      "ton",  "barrel",    "hour",      "minute", "day",   "week",  "month", "year",     "degree",
      "acre", "hectare",   "foot",      "feet",   "litre", "liter", "gallon"};
  for (std::string_view u : kUnits)
    if (w == u) return true;
  return false;
}

bool alphabetic(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w)
    if (!((c >= 'a' && c <= 'z') || c == '-' || c == '\'')) return false;
  return true;
}

}  // namespace

std::string singular(std::string w) {
  // same_bytes, not std::string's == and compare: those call memcmp, out of line in WASM.
  const std::string_view v = w;
  if (same_bytes(v, "people")) return "person";
  if (same_bytes(v, "feet")) return "foot";
  if (v.size() > 4 && same_bytes(v.substr(v.size() - 3), "ies"))
    return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
  return w;
}

namespace {

// A digits-then-letters word ("1.5bn", "15th"): the numeric prefix and the rest.
bool split_suffix(std::string_view w, double* value, std::string_view* suffix) {
  std::size_t i = 0;
  while (i < w.size() && ((w[i] >= '0' && w[i] <= '9') || w[i] == '.' || w[i] == ',')) ++i;
  if (i == 0) return false;
  std::string_view digits = w.substr(0, i);
  if (!digits.empty() && (digits.back() == '.' || digits.back() == ',')) return false;
  *suffix = w.substr(i);
  return parse_number(digits, value);
}

bool year_like(const Word& w, double value) {
  return w.number && w.lower.size() == 4 && value >= 1800 && value <= 2100 &&
         w.lower.find_first_of(".,") == std::string::npos;
}

}  // namespace

// Words around figures that say nothing about what is counted.
bool quantity_word(std::string_view w) {
  // Bounds and approximations, verbs of saying, and pronouns and auxiliaries (npm
  // `stopword`'s English list is short); sorted for bisection.
  static constexpr std::string_view kWords[] = {
      "about", "after",     "almost",  "approximately", "are",     "around", "be",
      "been",  "before",    "can",     "did",           "do",      "does",   "during",
      "each",  "estimated", "every",   "extra",         "from",    "had",    "has",
      "have",  "he",        "her",     "him",           "his",     "into",   "is",
      "it",    "its",       "just",    "least",         "less",    "more",   "nearly",
      "only",  "our",       "over",    "per",           "roughly", "said",   "say",
      "says",  "she",       "since",   "some",          "than",    "that",   "their",
      "them",  "they",      "this",    "total",         "under",   "until",  "up",
      "was",   "we",        "were",    "which",         "while",   "who",    "will",
      "with",  "within",    "without", "would",         "you"};
  static_assert(sorted_words(kWords), "keep the quantity words sorted");
  static constexpr FirstLetterLengths kFilter(kWords);
  static_assert(kFilter.valid, "quantity words start with a-z");
  return kFilter.may_hold(w) && in_sorted_words(kWords, w);
}

void extract_values(const std::vector<Word>& words, std::vector<Fact>& out) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.punct) continue;
    double value = 0;
    std::string_view suffix;
    bool ok = parse_number(w.lower, &value);
    bool digits_range = false;
    double range_high = 0;
    if (!ok && w.number) {
      // "10-20" written as one word.
      const std::size_t dash = w.lower.find('-');
      if (dash != std::string::npos && parse_number(w.lower.substr(0, dash), &value) &&
          parse_number(w.lower.substr(dash + 1), &range_high) && range_high > value) {
        ok = digits_range = true;
      } else if (split_suffix(w.lower, &value, &suffix)) {
        if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") continue;
        if (scale_word(suffix) == 0 && suffix != "%") continue;  // "G7", "3D"
        ok = true;
      }
    }
    if (!ok || taken(out, w)) continue;
    if (w.number && w.lower.size() > 1 && w.lower[0] == '0' && w.lower[1] != '.')
      continue;                                                                     // "0400"
    if (i == 0 && words.size() > 1 && words[1].lower == "." && w.number) continue;  // "1. Item"
    if (year_like(w, value) && suffix.empty()) continue;                            // dates.cpp
    const bool word_number = !w.number;
    if (word_number && (w.lower == "one" || w.lower == "hundred"))
      continue;  // "one of", "hundreds"

    Fact fact;
    fact.kind = FactKind::kNumber;
    std::size_t first = i, last = i;
    double scale = suffix.empty() ? 1.0 : scale_word(suffix);
    if (scale == 0) scale = 1.0;
    std::string unit;
    bool percent = suffix == "%";
    // Currency before: "$1.5", "US$ 3", "£20".
    if (i > 0 && words[i - 1].punct && !currency_sign(words[i - 1].lower).empty()) {
      unit = currency_sign(words[i - 1].lower);
      first = i - 1;
    }
    // Ranges: "10 to 20", "10–20", "between 10 and 20".
    std::size_t j = i + 1;
    if (!digits_range && j + 1 < words.size() &&
        (words[j].lower == "to" || words[j].lower == "-" || words[j].lower == "\xE2\x80\x93" ||
         (words[j].lower == "and" && i > 0 && words[i - 1].lower == "between")) &&
        words[j + 1].number && parse_number(words[j + 1].lower, &range_high) &&
        range_high > value) {
      digits_range = true;
      last = j + 1;
      j += 2;
    }
    if (j < words.size() && scale_word(words[j].lower) > 0 && suffix.empty()) {
      scale = scale_word(words[j].lower);
      last = j++;
    }
    if (j < words.size() && (words[j].lower == "%" || words[j].lower == "percent")) {
      percent = true;
      last = j++;
    } else if (j + 1 < words.size() && words[j].lower == "per" && words[j + 1].lower == "cent") {
      percent = true;
      last = j + 1;
      j += 2;
    }
    if (unit.empty() && !percent && j < words.size() && !currency_word(words[j].lower).empty()) {
      unit = currency_word(words[j].lower);
      last = j++;
    }
    const bool money = !unit.empty();
    if (!money && !percent && j < words.size() && !words[j].punct && !words[j].number &&
        alphabetic(words[j].lower) && !is_stopword(words[j].lower) &&
        !quantity_word(words[j].lower) && !words[j].cap && words[j].month == 0) {
      unit = singular(std::string(words[j].lower));
      last = j;
    }
    if (word_number && unit.empty()) continue;  // "two" alone says nothing checkable
    if (!money && !percent && unit.empty() && scale == 1.0 && !digits_range) {
      // A bare number: keep only numbers that carry a scale or are not tiny (e.g. "1,500").
      if (value < 10) continue;
    }
    // Approximations and bounds before the number.
    double low = value * scale, high = (digits_range ? range_high : value) * scale;
    {
      const std::string_view p1 = first > 0 ? words[first - 1].lower : std::string_view();
      const std::string_view p2 = first > 1 ? words[first - 2].lower : std::string_view();
      if (first > 0) {
        if (p1 == "about" || p1 == "around" || p1 == "nearly" || p1 == "almost" ||
            p1 == "roughly" || p1 == "approximately" || p1 == "some" || p1 == "estimated" ||
            p1 == "~")
          fact.approximate = true;
        if (p1 == "over" || (p1 == "than" && (p2 == "more" || p2 == "greater")) ||
            (p1 == "least" && p2 == "at")) {
          fact.approximate = true;
          high = std::numeric_limits<double>::max();
        }
        if ((p1 == "than" && (p2 == "less" || p2 == "fewer")) || (p1 == "to" && p2 == "up") ||
            p1 == "under") {
          fact.approximate = true;
          low = 0;
        }
      }
    }
    if (percent) {
      fact.kind = FactKind::kPercent;
      unit = "%";
    } else if (money) {
      fact.kind = FactKind::kMoney;
    } else if (!unit.empty() && !measure_unit(unit) && std::floor(value) == value) {
      fact.kind = FactKind::kCount;
    }
    fact.unit = unit;
    fact.low = low;
    fact.high = high;
    fact.span = {words[first].span.start, words[last].span.end};
    const std::string number =
        digits_range ? format_number(value * scale) + "-" + format_number(range_high * scale)
                     : format_number(value * scale);
    fact.value = percent ? number + "%" : unit.empty() ? number : number + " " + unit;
    fact.strength = word_number ? 0.8 : 1.0;

    out.push_back(std::move(fact));
    i = last;
  }
}

}  // namespace parallax::diverge::detail
