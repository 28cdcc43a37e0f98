// Tone (owner: "tone"): the words of a sentence, VADER-style sentiment of sentences and
// towards a mention. The lexicon is npm vader-sentiment's, compiled in (generated/); the rules
// are written here after the VADER paper (Hutto & Gilbert 2014): degree adverbs, negation in
// a window of three words, capitals, "but", exclamation marks. Never fails; at most
// kMaxStanceWords words of a sentence are read.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <utility>

#include "stance/tone_detail.h"

namespace parallax::stance {

namespace {

#include "stance/generated/loaded.inc"
#include "stance/generated/vader_lexicon.inc"

constexpr double kBoosterStep = 0.293;    // VADER B_INCR
constexpr double kCapsStep = 0.733;       // VADER C_INCR
constexpr double kNegationScale = -0.74;  // VADER N_SCALAR
constexpr double kAlpha = 15.0;           // VADER normalisation constant

bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Length of a UTF-8 punctuation mark at text[i] that separates words (quotes, dashes,
// ellipsis, guillemets, non-breaking space), or 0.
std::size_t unicode_separator(std::string_view text, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c == 0xC2 && i + 1 < text.size()) {
    const unsigned char d = static_cast<unsigned char>(text[i + 1]);
    if (d == 0xA0 || d == 0xAB || d == 0xBB) return 2;  // nbsp « »
  }
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    const unsigned char d = static_cast<unsigned char>(text[i + 2]);
    // ‐ ‑ ‒ – — ― ‘ ’(handled as apostrophe inside words) ‚ “ ” „ … and spaces U+2000..200B
    if ((d >= 0x80 && d <= 0x8B) || (d >= 0x90 && d <= 0x95) || d == 0x98 || d == 0x99 ||
        d == 0x9A || d == 0x9C || d == 0x9D || d == 0x9E || d == 0xA6 || d == 0xAF) {
      return 3;
    }
  }
  return 0;
}

bool is_right_single_quote(std::string_view text, std::size_t i) {
  return i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
         static_cast<unsigned char>(text[i + 1]) == 0x80 &&
         static_cast<unsigned char>(text[i + 2]) == 0x99;
}

// A byte of a word: an ASCII letter or digit, or a byte of a non-ASCII character other than the
// separators above and ’. Only the lead bytes 0xC2 and 0xE2 can start one of those.
inline bool is_word_byte(std::string_view text, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return is_ascii_alnum(c);
  if (c != 0xC2 && c != 0xE2) return true;
  return unicode_separator(text, i) == 0 && !is_right_single_quote(text, i);
}

// finish_word for a word that holds a 0xE2 byte (maybe ’, read as '): byte by byte.
void fold_word_with_quotes(std::string_view text, Span span, Word& word) {
  word.lower.resize(span.end - span.start);  // ’ (three bytes) becomes ' (one): never longer
  std::size_t n = 0, letters = 0, upper = 0;
  for (std::size_t i = span.start; i < span.end; ++i) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80 && is_right_single_quote(text, i)) {
      word.lower[n++] = '\'';
      i += 2;
      continue;
    }
    if (c >= 'A' && c <= 'Z') {
      ++letters;
      ++upper;
      word.lower[n++] = static_cast<char>(c - 'A' + 'a');
    } else {
      if (c >= 'a' && c <= 'z') ++letters;
      word.lower[n++] = c;
    }
  }
  word.lower.resize(n);
  word.all_caps = letters >= 2 && upper == letters;
}

void finish_word(std::string_view text, Span span, std::vector<Word>& out) {
  Word& word = out.emplace_back();
  word.span = span;
  word.capitalised = text[span.start] >= 'A' && text[span.start] <= 'Z';
  // Copied, then ASCII-lower-cased in place; the rare word with a 0xE2 byte is read byte by byte.
  std::string& lower = word.lower;
  lower.assign(text.data() + span.start, span.end - span.start);
  std::size_t letters = 0, upper = 0;
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') {
      ++letters;
      ++upper;
      c = static_cast<char>(c - 'A' + 'a');
    } else if (c >= 'a' && c <= 'z') {
      ++letters;
    } else if (static_cast<unsigned char>(c) == 0xE2) {
      fold_word_with_quotes(text, span, word);
      return;
    }
  }
  word.all_caps = letters >= 2 && upper == letters;
}

// Splits "Trump-Putin" / "U.S.-Russia" (capitals on both sides of a hyphen) into parts, keeps
// "anti-Russian" and "high-stakes" whole.
void add_word(std::string_view text, Span span, std::vector<Word>& out) {
  std::size_t start = span.start;
  for (std::size_t i = span.start + 1; i + 1 < span.end; ++i) {
    if (text[i] == '-' && text[i + 1] >= 'A' && text[i + 1] <= 'Z' && i > start &&
        text[start] >= 'A' && text[start] <= 'Z') {
      finish_word(text, {start, i}, out);
      start = i + 1;
    }
  }
  if (start < span.end) finish_word(text, {start, span.end}, out);
}

// Word k of the VADER lexicon (generated/vader_lexicon.inc: sorted, space-separated).
constexpr std::string_view vader_word(std::size_t k) {
  return kVaderWords.substr(kVaderOffsets[k], kVaderOffsets[k + 1] - kVaderOffsets[k] - 1);
}

// The table is well formed: offsets end at the string's end, words strictly sorted (checked at
// compile time: vader_tenths relies on it). Byte by byte: quicker for the compiler than substr.
constexpr bool vader_sorted() {
  if (kVaderOffsets[kVaderWordCount] != kVaderWords.size()) return false;
  for (std::size_t k = 1; k < kVaderWordCount; ++k) {
    std::size_t a = kVaderOffsets[k - 1], b = kVaderOffsets[k];
    while (kVaderWords[a] == kVaderWords[b] && kVaderWords[a] != ' ') ++a, ++b;
    // The first difference: a space (the end of word k - 1) sorts before any letter.
    if (static_cast<unsigned char>(kVaderWords[a]) >= static_cast<unsigned char>(kVaderWords[b]))
      return false;
  }
  return true;
}
static_assert(vader_sorted(), "vader_lexicon.inc must be sorted: node scripts/build-lexicons.mjs");

// Binary search of the sorted lexicon, by word index.
int vader_tenths(std::string_view word) {
  std::size_t lo = 0, hi = kVaderWordCount;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    const std::string_view key = vader_word(mid);
    if (key == word) return kVaderTenths[mid];
    if (key < word)
      lo = mid + 1;
    else
      hi = mid;
  }
  return 0;
}

bool ends_in_nt(std::string_view lower) {
  return lower.size() > 3 && lower.substr(lower.size() - 3) == "n't";
}

bool is_negator(std::string_view lower) {
  if (ends_in_nt(lower)) return true;
  return std::binary_search(std::begin(kVaderNegators), std::end(kVaderNegators), lower);
}

// True when kVaderBoosters is sorted bytewise by phrase (checked at compile time:
// booster_sign relies on it).
constexpr bool boosters_sorted() {
  for (std::size_t k = 1; k < std::size(kVaderBoosters); ++k) {
    if (kVaderBoosters[k].phrase < kVaderBoosters[k - 1].phrase) return false;
  }
  return true;
}
static_assert(boosters_sorted(),
              "vader_lexicon.inc must be sorted: node scripts/build-lexicons.mjs");

// +1 / -1 when words[i] (or words[i-1] words[i], for two-word entries) is a degree adverb.
// The list is sorted: a binary search finds the one-word entry, and the two-word entries
// that start with the previous word sit together from its lower bound. When both kinds match,
// the entry that comes first in the list wins (as a scan of the list would find it).
int booster_sign(const std::vector<Word>& words, std::size_t i) {
  const auto by_phrase = [](const VaderBooster& b, std::string_view w) { return b.phrase < w; };
  const VaderBooster* const end = std::end(kVaderBoosters);
  const std::string_view word = words[i].lower;
  const VaderBooster* one = std::lower_bound(std::begin(kVaderBoosters), end, word, by_phrase);
  if (one != end && one->phrase != word) one = end;
  const VaderBooster* two = end;
  if (i > 0) {
    const std::string_view prev = words[i - 1].lower;
    for (const VaderBooster* b = std::lower_bound(std::begin(kVaderBoosters), end, prev, by_phrase);
         b != end && b->phrase.substr(0, prev.size()) == prev; ++b) {
      if (b->phrase.size() > prev.size() && b->phrase[prev.size()] == ' ' &&
          b->phrase.substr(prev.size() + 1) == word) {
        two = b;
        break;
      }
    }
  }
  const VaderBooster* first = std::min(one, two);
  return first == end ? 0 : first->sign;
}

// The sign of the one-word degree adverb `word`, or 0.
int one_word_booster(std::string_view word) {
  const auto by_phrase = [](const VaderBooster& b, std::string_view w) { return b.phrase < w; };
  const VaderBooster* b =
      std::lower_bound(std::begin(kVaderBoosters), std::end(kVaderBoosters), word, by_phrase);
  return b != std::end(kVaderBoosters) && b->phrase == word ? b->sign : 0;
}

// A two-word degree adverb starts with `word`.
bool starts_booster_pair(std::string_view word) {
  for (const VaderBooster& b : kVaderBoosters) {
    if (b.phrase.size() > word.size() && b.phrase[word.size()] == ' ' &&
        b.phrase.substr(0, word.size()) == word)
      return true;
  }
  return false;
}

// booster_sign, given the entries of the words: unless a two-word entry starts with the previous
// word, only the word's own entry can match.
int booster_sign(const std::vector<Word>& words, const std::vector<detail::WordEntry>& entries,
                 std::size_t i) {
  if (i == 0 || !entries[i - 1].pair_start) return entries[i].booster;
  return booster_sign(words, i);
}

// A dot at text[dot] inside a word: between digits (a decimal) or after a single letter
// that starts the word or follows another such dot (initials: "U.S", "J.D").
bool inner_dot(std::string_view text, std::size_t start, std::size_t dot) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (dot + 1 >= text.size()) return false;
  if (digit(text[dot - 1]) && digit(text[dot + 1])) return true;
  const bool single = letter(text[dot - 1]) && (dot - 1 == start || text[dot - 2] == '.');
  return single && letter(text[dot + 1]) &&
         (dot + 2 >= text.size() || !letter(text[dot + 2]) || text[dot + 2] == '.');
}

}  // namespace

namespace detail {

bool title_case(const std::vector<Word>& words) {
  // Capitalised function words inside the line ("Talks Set For Friday In Alaska") are the
  // signal; many capitalised names alone ("Mara Ellison met Tom Varga") are not.
  const auto lettered = [](const Word& w) {
    return !w.lower.empty() && w.lower[0] >= 'a' && w.lower[0] <= 'z';
  };
  std::size_t letters = 0, caps = 0;
  for (const Word& w : words) {
    if (!lettered(w)) continue;
    ++letters;
    caps += w.capitalised ? 1 : 0;
  }
  // Most words capitalised first (prose fails here): only then are the stopwords looked up.
  if (letters < 3 || caps * 10 < letters * 6) return false;
  std::size_t stops = 0, capital_stops = 0;
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (!lettered(words[i]) || !represent::is_stopword(words[i].lower)) continue;
    ++stops;
    capital_stops += words[i].capitalised ? 1 : 0;
  }
  return capital_stops >= 1 && capital_stops * 2 >= stops;
}

}  // namespace detail

std::vector<Word> stance_words(std::string_view text, Span span) {
  std::vector<Word> out;
  span.end = std::min(span.end, text.size());
  // About one word per six bytes of news text: most sentences need no reallocation.
  out.reserve(std::min(kMaxStanceWords, (span.end - std::min(span.start, span.end)) / 6 + 4));
  std::size_t i = span.start;
  while (i < span.end && out.size() < kMaxStanceWords) {
    if (!is_word_byte(text, i)) {
      const std::size_t skip = unicode_separator(text, i);
      i += skip > 0 ? skip : 1;
      continue;
    }
    const std::size_t start = i;
    std::size_t end = i;
    while (end < span.end) {
      if (is_word_byte(text, end)) {
        ++end;
      } else if ((text[end] == '\'' || text[end] == '-') && end + 1 < span.end &&
                 is_word_byte(text, end + 1)) {
        ++end;  // inner apostrophe or hyphen
      } else if (text[end] == '.' && end + 1 < span.end && inner_dot(text, start, end)) {
        ++end;  // "U.S", "J.D", "3.5"
      } else if (is_right_single_quote(text, end) && end + 3 < span.end &&
                 is_word_byte(text, end + 3)) {
        end += 3;
      } else {
        break;
      }
    }
    // Keep the final dot of an abbreviation with inner dots: "U.S." "J.D.".
    if (end < span.end && text[end] == '.' && end - start >= 3 && text[end - 2] == '.' &&
        text[end - 1] >= 'A' && text[end - 1] <= 'Z') {
      ++end;
    }
    // ... and of the abbreviations written before or after names: "Jr." "Mr." "Sen.".
    if (end < span.end && text[end] == '.' && end - start <= 3) {
      char folded[3];
      for (std::size_t k = start; k < end; ++k)
        folded[k - start] = static_cast<char>(text[k] | 0x20);
      const std::string_view w(folded, end - start);
      if (w == "jr" || w == "sr" || w == "mr" || w == "mrs" || w == "ms" || w == "dr" ||
          w == "st" || w == "gen" || w == "sen" || w == "rep" || w == "gov") {
        ++end;
      }
    }
    add_word(text, {start, end}, out);
    i = end;
  }
  // The byte after each word, for attribution ("Ushakov, the ...") and quotes.
  for (Word& w : out) {
    std::size_t j = w.span.end;
    while (j < text.size() && j < span.end + 1 && (text[j] == ' ' || text[j] == '\t')) ++j;
    w.next = j < span.end ? text[j] : '\0';
  }
  return out;
}

double lexicon_valence(std::string_view lower_word) {
  return vader_tenths(lower_word) / 10.0;
}

bool is_loaded_word(std::string_view lower_word) {
  return std::binary_search(std::begin(kLoadedWords), std::end(kLoadedWords), lower_word);
}

double normalize_valence(double sum) {
  const double x = sum / std::sqrt(sum * sum + kAlpha);
  return std::max(-1.0, std::min(1.0, x));
}

namespace detail {

std::vector<double> word_valences(const std::vector<Word>& words,
                                  const std::vector<WordEntry>& entries, bool titled) {
  std::vector<double> valences(words.size(), 0.0);
  std::vector<double> lexicon(words.size(), 0.0);
  std::vector<int> boosters(words.size(), 0);
  for (std::size_t i = 0; i < words.size(); ++i) {
    lexicon[i] = entries[i].tenths / 10.0;  // lexicon_valence
    boosters[i] = booster_sign(words, entries, i);
  }
  std::size_t caps = 0;
  for (const Word& w : words) caps += w.all_caps ? 1 : 0;
  const bool mixed_case = caps > 0 && caps < words.size();
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (boosters[i] != 0) continue;  // degree adverbs carry no valence
    if (std::string_view(words[i].lower) == "kind" && i + 1 < words.size() &&
        std::string_view(words[i + 1].lower) == "of")
      continue;
    // A capitalised word inside a sentence is a name ("United States", "Grand Canyon").
    if (i > 0 && words[i].capitalised && !words[i].all_caps && !titled) continue;
    double v = lexicon[i];
    if (v == 0) continue;
    const double sign = v > 0 ? 1.0 : -1.0;
    if (mixed_case && words[i].all_caps) v += sign * kCapsStep;
    // Degree adverbs among the three previous words (unrated ones), decaying with distance.
    for (std::size_t k = 1; k <= 3 && k <= i; ++k) {
      const std::size_t j = i - k;
      if (lexicon[j] != 0) continue;
      const int b = boosters[j];
      if (b == 0) continue;
      double step = b * kBoosterStep * sign;
      if (mixed_case && words[j].all_caps) step += b * kCapsStep * sign;
      v += step * (k == 1 ? 1.0 : k == 2 ? 0.95 : 0.9);
    }
    // Negation among the three previous words ("not good", "never really good").
    for (std::size_t k = 1; k <= 3 && k <= i; ++k) {
      const std::string_view prev = words[i - k].lower;
      if (entries[i - k].negator) {
        v *= kNegationScale;
        break;
      }
      if (prev == "least" && i - k > 0 && std::string_view(words[i - k - 1].lower) != "at") {
        v *= kNegationScale;
        break;
      }
    }
    valences[i] = v;
  }
  // "but" shifts the weight to what follows.
  for (std::size_t b = 0; b < words.size(); ++b) {
    if (std::string_view(words[b].lower) != "but") continue;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (i < b)
        valences[i] *= 0.5;
      else if (i > b)
        valences[i] *= 1.5;
    }
    break;
  }
  return valences;
}

WordEntry lookup_word(std::string_view lower) {
  WordEntry e;
  e.tenths = static_cast<std::int8_t>(vader_tenths(lower));
  e.booster = static_cast<std::int8_t>(one_word_booster(lower));
  e.pair_start = starts_booster_pair(lower);
  e.phrases = phrase_range(lower);
  e.phrase_start = e.phrases.hedge_end > e.phrases.hedge_begin ||
                   e.phrases.certainty_end > e.phrases.certainty_begin;  // starts_hedge_phrase
  e.reporting = is_reporting_verb(lower);
  e.filler = is_verb_filler(lower);
  e.negator = is_negator(lower);
  e.loaded = is_loaded_word(lower);
  return e;
}

Lexicon::Lexicon() : entries_(kVaderWordCount + std::size(kVaderBoosters)) {
  for (std::size_t k = 0; k < kVaderWordCount; ++k)
    entries_[vader_word(k)].tenths = kVaderTenths[k];
  for (const VaderBooster& b : kVaderBoosters) {
    const std::size_t space = b.phrase.find(' ');
    if (space != std::string_view::npos) {
      entries_[b.phrase.substr(0, space)].pair_start = true;
    } else {
      WordEntry& e = entries_[b.phrase];
      if (e.booster == 0) e.booster = static_cast<std::int8_t>(b.sign);  // the first entry wins
    }
  }
  for (std::string_view first : hedge_phrase_starts()) {
    WordEntry& e = entries_[first];
    e.phrase_start = true;
    e.phrases = phrase_range(first);
  }
  for (std::string_view verb : reporting_verbs()) entries_[verb].reporting = true;
  for (std::string_view filler : verb_fillers()) entries_[filler].filler = true;
  for (std::string_view negator : kVaderNegators) entries_[negator].negator = true;
  for (std::string_view loaded : kLoadedWords) entries_[loaded].loaded = true;
}

WordEntry Lexicon::operator()(std::string_view lower) const {
  const WordEntry* found = entries_.find(lower);
  WordEntry e = found == nullptr ? WordEntry() : *found;
  e.negator = e.negator || ends_in_nt(lower);  // "didn't", "isn't": not listed one by one
  return e;
}

SentenceWords read_sentence(std::string_view text, Span span, const Lexicon* lexicon) {
  return read_sentence(stance_words(text, span), lexicon);
}

SentenceWords read_sentence(std::vector<Word> words, const Lexicon* lexicon) {
  SentenceWords read;
  read.words = std::move(words);
  read.entries.reserve(read.words.size());
  read.lexicon.reserve(read.words.size());
  for (const Word& w : read.words) {
    read.entries.push_back(lexicon != nullptr ? (*lexicon)(w.lower) : lookup_word(w.lower));
    read.lexicon.push_back(read.entries.back().tenths / 10.0);  // lexicon_valence
  }
  read.titled = title_case(read.words);
  read.valences = word_valences(read.words, read.entries, read.titled);
  read.hedges = count_hedges(read.words, read.entries);
  return read;
}

double sentence_tone(std::string_view text, Span span, const std::vector<double>& valences) {
  double sum = 0;
  for (double v : valences) sum += v;
  if (sum == 0) return 0;
  std::size_t bangs = 0;
  const std::size_t end = std::min(span.end, text.size());
  for (std::size_t i = span.start; i < end && bangs < 4; ++i) bangs += text[i] == '!' ? 1 : 0;
  sum += (sum > 0 ? 1 : -1) * 0.292 * static_cast<double>(bangs);
  return normalize_valence(sum);
}

}  // namespace detail

std::vector<double> word_valences(const std::vector<Word>& words) {
  std::vector<detail::WordEntry> entries;
  entries.reserve(words.size());
  for (const Word& w : words) entries.push_back(detail::lookup_word(w.lower));
  return detail::word_valences(words, entries, detail::title_case(words));
}

double sentence_tone(std::string_view text, Span span) {
  return detail::sentence_tone(text, span, word_valences(stance_words(text, span)));
}

}  // namespace parallax::stance
