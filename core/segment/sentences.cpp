// Sentence boundaries: a single forward scan over the span. Candidate ends are
// terminal punctuation runs (. ! ? … and CJK/Arabic equivalents) plus closing
// quotes/brackets/citation links; each candidate is accepted or rejected by
// looking at a few code points on both sides (abbreviations, initials, decimals,
// missing spaces). Brackets and URLs are scanned first so that their dots never
// split a sentence.
#include <algorithm>
#include <cctype>

#include "segment/detail.h"

namespace parallax::segment {
namespace {

using detail::CodePoint;
using detail::decode_at;
using detail::decode_before;
using detail::is_digit;
using detail::is_letter;
using detail::is_lower;
using detail::is_mark;
using detail::is_space;
using detail::is_upper;

constexpr std::size_t kMaxZone = 800;     // longer "brackets" are stray characters, not asides
constexpr std::size_t kMaxOpen = 64;      // nesting we track; deeper openers are ignored
constexpr std::size_t kMaxMatchScan = 8;  // how far down the stack a closer looks for its opener

bool ascii_alpha(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
char ascii_lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool starts_with_ci(std::string_view text, std::size_t pos, std::string_view prefix) {
  if (text.size() - pos < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if (ascii_lower(text[pos + k]) != prefix[k]) return false;
  }
  return true;
}

// End of a bare URL starting at pos: up to whitespace or a delimiter, minus trailing punctuation.
std::size_t url_end(std::string_view text, std::size_t pos, std::size_t end) {
  std::size_t j = pos;
  while (j < end) {
    const auto b = static_cast<unsigned char>(text[j]);
    if (b <= ' ' || b >= 0x80 || b == ')' || b == ']' || b == '<' || b == '>' || b == '"') break;
    ++j;
  }
  while (j > pos && std::string_view(".,;:!?'").find(text[j - 1]) != std::string_view::npos) --j;
  return j;
}

// Matched brackets (short enough to be asides or citations) and URLs: no boundary inside.
// Returned sorted and disjoint (outermost zones only).
std::vector<Span> protected_zones(std::string_view text, Span s) {
  std::vector<Span> zones;
  struct Open {
    char c;
    std::size_t pos;
  };
  std::vector<Open> stack;
  for (std::size_t i = s.start; i < s.end; ++i) {
    const char c = text[i];
    if (c == '(' || c == '[') {
      if (stack.size() < kMaxOpen) stack.push_back({c, i});
    } else if (c == ')' || c == ']') {
      const char want = c == ')' ? '(' : '[';
      for (std::size_t k = 0; k < stack.size() && k < kMaxMatchScan; ++k) {
        const Open open = stack[stack.size() - 1 - k];
        if (open.c != want) continue;
        stack.resize(stack.size() - 1 - k);  // unmatched inner openers are dropped
        if (i - open.pos <= kMaxZone) zones.push_back({open.pos, i + 1});
        break;
      }
    } else if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') &&
               (i == s.start || !ascii_alpha(text[i - 1])) &&
               (starts_with_ci(text, i, "http://") || starts_with_ci(text, i, "https://") ||
                starts_with_ci(text, i, "www."))) {
      const std::size_t e = url_end(text, i, s.end);
      zones.push_back({i, e});
      i = e - 1;  // e > i: the prefix itself is never trimmed away
    }
  }
  std::sort(zones.begin(), zones.end(), [](const Span& a, const Span& b) {
    return a.start < b.start || (a.start == b.start && a.end > b.end);
  });
  std::vector<Span> outer;
  for (const Span& z : zones) {
    if (!outer.empty() && z.start < outer.back().end) {
      outer.back().end = std::max(outer.back().end, z.end);
      continue;
    }
    outer.push_back(z);
  }
  return outer;
}

const Span* zone_starting_at(const std::vector<Span>& zones, std::size_t pos) {
  auto it = std::lower_bound(zones.begin(), zones.end(), pos,
                             [](const Span& z, std::size_t p) { return z.start < p; });
  return (it != zones.end() && it->start == pos) ? &*it : nullptr;
}

bool is_closer(std::int32_t cp) {
  switch (cp) {
    case ')':
    case ']':
    case '}':
    case 0x201D:
    case 0x2019:
    case 0xBB:
    case 0x203A:
    case 0x300D:
    case 0x300F:
    case 0xFF09:
      return true;
    default:
      return false;
  }
}

// After a terminal run: closing quotes and brackets, then citation links "[1]" / "[[1]](url)".
std::size_t consume_closers(std::string_view text, std::size_t pos, std::size_t end,
                            const std::vector<Span>& zones) {
  while (pos < end) {
    const CodePoint c = decode_at(text, pos);
    if (is_closer(c.cp)) {
      pos += c.len;
      continue;
    }
    if (c.cp == '"' || c.cp == '\'') {
      // A straight quote directly followed by a word opens the next sentence instead.
      const CodePoint n = decode_at(text, pos + 1);
      if (pos + 1 < end && (is_letter(n.cp) || is_digit(n.cp))) break;
      pos += 1;
      continue;
    }
    if (c.cp == '[') {
      const Span* z = zone_starting_at(zones, pos);
      if (z == nullptr || z->end > end) break;
      pos = z->end;
      if (pos < end && text[pos] == '(') {
        const Span* link = zone_starting_at(zones, pos);
        if (link != nullptr && link->end <= end) pos = link->end;
      }
      continue;
    }
    break;
  }
  return pos;
}

std::size_t skip_space(std::string_view text, std::size_t pos, std::size_t end) {
  while (pos < end) {
    const std::size_t n = detail::space_len_at(text, pos);
    if (n == 0) break;
    pos += n;
  }
  return pos;
}

// Lower-cased ASCII word of at most `cap` letters ending just before `pos` (empty when the
// preceding characters are not ASCII letters or the word is longer than cap).
std::string ascii_word_before(std::string_view text, std::size_t pos, std::size_t lo,
                              std::size_t cap) {
  std::size_t b = pos;
  while (b > lo && ascii_alpha(text[b - 1]) && pos - b <= cap) --b;
  if (pos - b > cap || (b > lo && static_cast<unsigned char>(text[b - 1]) >= 0x80)) return {};
  std::string w(text.substr(b, pos - b));
  for (char& ch : w) ch = ascii_lower(ch);
  return w;
}

enum class Abbrev { kNone, kTitle, kBeforeNumber, kMaybeEnd };

// Abbreviations that take a full stop. kTitle never ends a sentence ("Mr. Putin");
// kBeforeNumber does not before a digit ("No. 10"); kMaybeEnd ends one only before a
// typical sentence opener ("Aug. 15" vs "... Inc. The company").
Abbrev abbreviation(std::string_view w) {
  struct Entry {
    std::string_view word;
    Abbrev kind;
  };
  static constexpr Entry kTable[] = {
      {"mr", Abbrev::kTitle},         {"mrs", Abbrev::kTitle},
      {"ms", Abbrev::kTitle},         {"mx", Abbrev::kTitle},
      {"dr", Abbrev::kTitle},         {"prof", Abbrev::kTitle},
      {"st", Abbrev::kTitle},         {"mt", Abbrev::kTitle},
      {"ft", Abbrev::kTitle},         {"gen", Abbrev::kTitle},
      {"lt", Abbrev::kTitle},         {"col", Abbrev::kTitle},
      {"maj", Abbrev::kTitle},        {"capt", Abbrev::kTitle},
      {"cpt", Abbrev::kTitle},        {"sgt", Abbrev::kTitle},
      {"cpl", Abbrev::kTitle},        {"adm", Abbrev::kTitle},
      {"cmdr", Abbrev::kTitle},       {"gov", Abbrev::kTitle},
      {"sen", Abbrev::kTitle},        {"sens", Abbrev::kTitle},
      {"rep", Abbrev::kTitle},        {"reps", Abbrev::kTitle},
      {"pres", Abbrev::kTitle},       {"rev", Abbrev::kTitle},
      {"hon", Abbrev::kTitle},        {"supt", Abbrev::kTitle},
      {"insp", Abbrev::kTitle},       {"det", Abbrev::kTitle},
      {"amb", Abbrev::kTitle},        {"messrs", Abbrev::kTitle},
      {"mme", Abbrev::kTitle},        {"vs", Abbrev::kTitle},
      {"v", Abbrev::kTitle},          {"cf", Abbrev::kTitle},
      {"approx", Abbrev::kTitle},     {"ca", Abbrev::kTitle},
      {"al", Abbrev::kTitle},         {"dept", Abbrev::kTitle},
      {"univ", Abbrev::kTitle},       {"no", Abbrev::kBeforeNumber},
      {"nos", Abbrev::kBeforeNumber}, {"nr", Abbrev::kBeforeNumber},
      {"vol", Abbrev::kBeforeNumber}, {"fig", Abbrev::kBeforeNumber},
      {"p", Abbrev::kBeforeNumber},   {"pp", Abbrev::kBeforeNumber},
      {"art", Abbrev::kBeforeNumber}, {"sec", Abbrev::kBeforeNumber},
      {"ch", Abbrev::kBeforeNumber},  {"para", Abbrev::kBeforeNumber},
      {"jan", Abbrev::kMaybeEnd},     {"feb", Abbrev::kMaybeEnd},
      {"mar", Abbrev::kMaybeEnd},     {"apr", Abbrev::kMaybeEnd},
      {"jun", Abbrev::kMaybeEnd},     {"jul", Abbrev::kMaybeEnd},
      {"aug", Abbrev::kMaybeEnd},     {"sep", Abbrev::kMaybeEnd},
      {"sept", Abbrev::kMaybeEnd},    {"oct", Abbrev::kMaybeEnd},
      {"nov", Abbrev::kMaybeEnd},     {"dec", Abbrev::kMaybeEnd},
      {"mon", Abbrev::kMaybeEnd},     {"tue", Abbrev::kMaybeEnd},
      {"tues", Abbrev::kMaybeEnd},    {"wed", Abbrev::kMaybeEnd},
      {"thu", Abbrev::kMaybeEnd},     {"thurs", Abbrev::kMaybeEnd},
      {"fri", Abbrev::kMaybeEnd},     {"sat", Abbrev::kMaybeEnd},
      {"sun", Abbrev::kMaybeEnd},     {"inc", Abbrev::kMaybeEnd},
      {"ltd", Abbrev::kMaybeEnd},     {"co", Abbrev::kMaybeEnd},
      {"corp", Abbrev::kMaybeEnd},    {"llc", Abbrev::kMaybeEnd},
      {"plc", Abbrev::kMaybeEnd},     {"bros", Abbrev::kMaybeEnd},
      {"jr", Abbrev::kMaybeEnd},      {"sr", Abbrev::kMaybeEnd},
      {"ave", Abbrev::kMaybeEnd},     {"blvd", Abbrev::kMaybeEnd},
      {"rd", Abbrev::kMaybeEnd},      {"est", Abbrev::kMaybeEnd},
  };
  for (const Entry& e : kTable) {
    if (e.word == w) return e.kind;
  }
  return Abbrev::kNone;
}

// Capitalised function words that typically open a sentence; used where the token before the
// full stop is ambiguous ("the U.S. The talks", "at 9 a.m. It was").
bool is_sentence_opener(std::string_view text, std::size_t pos, std::size_t end) {
  if (pos >= end || !(text[pos] >= 'A' && text[pos] <= 'Z')) return false;
  std::size_t j = pos;
  while (j < end && ascii_alpha(text[j]) && j - pos < 12) ++j;
  if (j < end && (ascii_alpha(text[j]) || static_cast<unsigned char>(text[j]) >= 0x80)) {
    return false;
  }
  std::string w(text.substr(pos, j - pos));
  for (char& ch : w) ch = ascii_lower(ch);
  static constexpr std::string_view kOpeners[] = {
      "the",      "a",         "an",      "it",        "its",   "he",     "she",    "we",
      "they",     "i",         "you",     "this",      "that",  "these",  "those",  "there",
      "then",     "but",       "and",     "or",        "so",    "yet",    "in",     "on",
      "at",       "as",        "if",      "when",      "while", "after",  "before", "since",
      "although", "though",    "however", "meanwhile", "also",  "still",  "his",    "her",
      "their",    "our",       "my",      "some",      "many",  "most",   "both",   "each",
      "all",      "not",       "one",     "for",       "with",  "by",     "from",   "what",
      "why",      "how",       "who",     "where",     "which", "mr",     "mrs",    "ms",
      "dr",       "officials", "there's", "it's",      "no",    "nobody", "none",   "nothing",
      "now",      "later",     "only",    "several"};
  for (std::string_view o : kOpeners) {
    if (o == w) return true;
  }
  return false;
}

// After "a.m."/"p.m.", a capitalised word other than a weekday, a month, an all-capitals zone
// ("GMT") or a word followed by "time" ("Moscow time") starts a sentence: "at 10 a.m. Bring
// binoculars." is two, "at 9 a.m. Monday" and "at 9 a.m. Eastern time" one.
bool starts_after_clock_time(std::string_view text, std::size_t pos, std::size_t end) {
  if (pos >= end || !(text[pos] >= 'A' && text[pos] <= 'Z')) return false;
  std::size_t j = pos;
  while (j < end && ascii_alpha(text[j]) && j - pos < 16) ++j;
  if (j - pos < 2 || (j < end && static_cast<unsigned char>(text[j]) >= 0x80)) return false;
  std::string w(text.substr(pos, j - pos));
  bool all_caps = true;
  for (std::size_t k = 1; k < w.size(); ++k) all_caps = all_caps && w[k] >= 'A' && w[k] <= 'Z';
  if (all_caps) return false;
  for (char& ch : w) ch = ascii_lower(ch);
  static constexpr std::string_view kCalendar[] = {
      "monday",   "tuesday", "wednesday", "thursday",  "friday",   "saturday",
      "sunday",   "january", "february",  "march",     "april",    "may",
      "june",     "july",    "august",    "september", "october",  "november",
      "december", "eastern", "pacific",   "central",   "mountain", "local"};
  for (std::string_view c : kCalendar) {
    if (c == w) return false;
  }
  std::size_t k = j;
  while (k < end && text[k] == ' ') ++k;
  return !(text.substr(k, 4) == "time" && (k + 4 >= end || !ascii_alpha(text[k + 4])));
}

// "in Alaska.Yuri": a lowercase word of >= 2 letters (or a number), a full stop, then a
// capitalised word, with no space. Domains, e-mail addresses, paths and "U.S." never qualify.
bool missing_space_boundary(std::string_view text, std::size_t dot, std::size_t lo,
                            std::size_t next) {
  const CodePoint n = decode_at(text, next);
  if (!is_upper(n.cp)) return false;
  const CodePoint n2 = decode_at(text, next + n.len);
  if (!is_lower(n2.cp)) return false;
  const CodePoint last = decode_before(text, dot);
  if (!is_lower(last.cp) && !is_digit(last.cp)) return false;
  std::size_t b = dot;
  std::size_t count = 0;
  while (b > lo && count < 40) {
    const CodePoint c = decode_before(text, b);
    if (!is_letter(c.cp) && !is_digit(c.cp) && !is_mark(c.cp)) break;
    b -= c.len;
    ++count;
  }
  if (count < 2) return false;
  if (b > lo) {
    const char pc = text[b - 1];
    if (std::string_view("./@\\_:#=&?%~").find(pc) != std::string_view::npos) return false;
  }
  return true;
}

// Whether a single full stop at `dot`, followed (after whitespace) by code point `n` at
// `next`, ends a sentence.
bool period_ends_sentence(std::string_view text, std::size_t dot, Span s, std::size_t next,
                          CodePoint n) {
  // Letters (with marks) of the word right before the full stop.
  std::size_t b = dot;
  std::size_t letters = 0;
  while (b > s.start && letters < 40) {
    const CodePoint c = decode_before(text, b);
    if (!is_letter(c.cp) && !is_mark(c.cp)) break;
    b -= c.len;
    if (is_letter(c.cp)) ++letters;
  }
  if (letters == 0) {
    // "1. Item" at the start of a list item is a marker, not a sentence.
    std::size_t d = dot;
    while (d > s.start && dot - d < 4 && text[d - 1] >= '0' && text[d - 1] <= '9') --d;
    if (d < dot) {
      while (d > s.start && std::string_view(" \t-*+").find(text[d - 1]) != std::string_view::npos)
        --d;
      if (d == s.start) return false;
    }
    return true;
  }
  const char pc = b > s.start ? text[b - 1] : ' ';
  const bool opener = is_sentence_opener(text, next, s.end);
  if (pc == '.' && letters <= 4) {
    // Dotted abbreviation: U.S., U.K., J.D., a.m., p.m., e.g., i.e., Ph.D.
    std::size_t t = b - 1;
    while (t > s.start && dot - t < 16 && (ascii_alpha(text[t - 1]) || text[t - 1] == '.')) {
      --t;
    }
    std::string token(text.substr(t, dot - t));
    for (char& ch : token) ch = ascii_lower(ch);
    if (token == "e.g" || token == "i.e" || token == "cf" || token == "viz") return false;
    // A clock time ("10 a.m.", "9 P.M."), not "British P.M. Tony Blair".
    std::size_t d = t;
    while (d > s.start && text[d - 1] == ' ') --d;
    const bool after_digit = d > s.start && text[d - 1] >= '0' && text[d - 1] <= '9';
    if ((token == "a.m" || token == "p.m") && after_digit)
      return opener || starts_after_clock_time(text, next, s.end);
    return opener;
  }
  const CodePoint first = decode_at(text, b);
  if (letters == 1) {
    // An initial ("J. Vance", "Donald J. Trump") never ends a sentence.
    if (is_upper(first.cp)) return false;
    if (is_lower(first.cp)) return opener;
    return true;
  }
  const std::string w = ascii_word_before(text, dot, s.start, 8);
  switch (abbreviation(w)) {
    case Abbrev::kTitle:
      // "vs." and titles stay with the name; but "no." is also a plain word.
      return false;
    case Abbrev::kBeforeNumber:
      return !is_digit(n.cp);
    case Abbrev::kMaybeEnd:
      return !is_digit(n.cp) && opener;
    case Abbrev::kNone:
      break;
  }
  return true;
}

bool is_terminal(std::int32_t cp) {
  switch (cp) {
    case '.':
    case '!':
    case '?':
    case 0x2026:
    case 0x203C:
    case 0x2047:
    case 0x2048:
    case 0x2049:
    case 0x061F:
    case 0x06D4:
    case 0x0964:
    case 0x3002:
    case 0xFF01:
    case 0xFF1F:
    case 0xFF0E:
      return true;
    default:
      return false;
  }
}

bool is_cjk_terminal(std::int32_t cp) {
  return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF0E;
}

// Last non-closer character of a bracket zone is terminal punctuation: "(Both sides left.)".
bool zone_ends_with_terminal(std::string_view text, Span z) {
  std::size_t e = z.end - 1;  // the closing bracket
  for (int k = 0; k < 4 && e > z.start; ++k) {
    const CodePoint c = decode_before(text, e);
    if (is_terminal(c.cp)) return true;
    if (!is_closer(c.cp) && c.cp != '"' && c.cp != '\'') return false;
    e -= c.len;
  }
  return false;
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text, Span span) {
  std::vector<Sentence> out;
  const Span s = detail::trim(text, span);
  if (s.empty()) return out;
  const std::vector<Span> zones = protected_zones(text, s);

  std::size_t sent_start = s.start;
  auto emit = [&](std::size_t end) {
    const Span t = detail::trim(text, {sent_start, end});
    if (!t.empty()) out.push_back({t});
    sent_start = end;
  };

  std::size_t zi = 0;
  std::size_t i = s.start;
  while (i < s.end) {
    while (zi < zones.size() && zones[zi].end <= i) ++zi;
    if (zi < zones.size() && zones[zi].start <= i) {
      const Span z = zones[zi];
      i = z.end;
      // A bracket holding whole sentences ends its own sentence: "(Both sides left.) Then".
      if ((text[z.start] == '(' || text[z.start] == '[') && zone_ends_with_terminal(text, z)) {
        const std::size_t after = consume_closers(text, z.end, s.end, zones);
        const std::size_t next = skip_space(text, after, s.end);
        if (next < s.end && next > after) {
          const CodePoint n = decode_at(text, next);
          if (!is_lower(n.cp)) {
            emit(after);
            i = after;
          }
        }
      }
      continue;
    }

    const CodePoint c = decode_at(text, i);
    if (c.cp < 0x80 && c.cp != '.' && c.cp != '!' && c.cp != '?' && c.cp != ':') {
      ++i;  // most bytes: ASCII that neither ends a sentence nor may glue two
      continue;
    }
    if (is_terminal(c.cp)) {
      std::size_t run_end = i;
      int dots = 0;
      bool strong = false, ellipsis = false, cjk = false;
      while (run_end < s.end) {
        const CodePoint r = decode_at(text, run_end);
        if (!is_terminal(r.cp)) break;
        if (r.cp == '.') {
          ++dots;
        } else if (r.cp == 0x2026) {
          ellipsis = true;
        } else if (is_cjk_terminal(r.cp)) {
          cjk = true;
        } else {
          strong = true;
        }
        run_end += r.len;
      }
      if (dots >= 2) ellipsis = true;
      const std::size_t after = consume_closers(text, run_end, s.end, zones);
      const std::size_t next = skip_space(text, after, s.end);
      bool boundary = false;
      if (next < s.end) {
        const bool spaced = next > after;
        const CodePoint n = decode_at(text, next);
        if (cjk) {
          boundary = true;
        } else if (strong) {
          boundary = spaced ? !is_lower(n.cp) : (after > run_end && is_upper(n.cp));
        } else if (ellipsis) {
          boundary = spaced && !is_lower(n.cp) && !is_digit(n.cp);
        } else if (!spaced) {
          boundary = missing_space_boundary(text, i, s.start, next);
        } else if (!is_lower(n.cp)) {
          boundary = period_ends_sentence(text, i, s, next, n);
        }
      }
      if (boundary) {
        emit(after);
        i = after;
      } else {
        i = run_end;
      }
      continue;
    }
    if (c.cp == ':' && i + 1 < s.end && missing_space_boundary(text, i, s.start, i + 1)) {
      // "include:Potential": a flattened list glued to its lead-in.
      emit(i + 1);
    }
    i += c.len;
  }
  emit(s.end);
  return out;
}

}  // namespace parallax::segment
