// Hedging against certainty (owner: "tone"): counts hedge words and phrases (npm `hedges`,
// less its certainty words and its most ambiguous entries) and certainty markers (those
// certainty words plus a short list; see scripts/build-lexicons.mjs). Phrases match whole
// words, longest first, without overlaps. Never fails.
#include <algorithm>
#include <iterator>
#include <tuple>
#include <utility>

#include "stance/tone_detail.h"

namespace parallax::stance {

namespace {

#include "stance/generated/hedges.inc"

// Length in words of `phrase` if it matches the words from position i, else 0.
std::size_t match_phrase(std::string_view phrase, const std::vector<Word>& words, std::size_t i) {
  std::size_t n = 0;
  while (!phrase.empty()) {
    const std::size_t space = phrase.find(' ');
    const std::string_view part = phrase.substr(0, space);
    if (i + n >= words.size() || words[i + n].lower != part) return 0;
    ++n;
    phrase = space == std::string_view::npos ? std::string_view() : phrase.substr(space + 1);
  }
  return n;
}

// The phrase lists are sorted bytewise (checked at compile time: longest_match relies on it).
static_assert(sorted_words(kHedgePhrases) && sorted_words(kCertaintyPhrases),
              "hedges.inc must be sorted: node scripts/build-lexicons.mjs");

// An entry whose first word is `first`: `first` itself or `first` + ' ' + more words.
bool first_word_is(std::string_view phrase, std::string_view first) {
  return phrase.size() >= first.size() && phrase.compare(0, first.size(), first) == 0 &&
         (phrase.size() == first.size() || phrase[first.size()] == ' ');
}

// The positions [begin, end) of the entries whose first word is `first` in the sorted list
// `phrases`. They sit together from the word's lower bound on ("in" < "in my view" <
// "inconclusive": a space sorts before any letter): a binary search, then a scan that stops at
// the first other entry.
template <std::size_t N>
std::pair<std::uint16_t, std::uint16_t> range_of(const std::string_view (&phrases)[N],
                                                 std::string_view first) {
  static_assert(N < 65536, "phrase positions are 16-bit");
  if (first.find(' ') != std::string_view::npos) return {0, 0};  // a first word has no space
  const std::string_view* begin = std::lower_bound(std::begin(phrases), std::end(phrases), first);
  const std::string_view* end = begin;
  while (end != std::end(phrases) && first_word_is(*end, first)) ++end;
  if (begin == end) return {0, 0};  // none: one empty range for every such word
  return {static_cast<std::uint16_t>(begin - std::begin(phrases)),
          static_cast<std::uint16_t>(end - std::begin(phrases))};
}

// The longest phrase of phrases[begin, end) (the entries whose first word is words[i]) that
// matches the words from position i.
template <std::size_t N>
std::size_t longest_match(const std::string_view (&phrases)[N], std::size_t begin, std::size_t end,
                          const std::vector<Word>& words, std::size_t i) {
  std::size_t best = 0;
  for (std::size_t k = begin; k < end && k < N; ++k)
    best = std::max(best, match_phrase(phrases[k], words, i));
  return best;
}

// The hedges and certainty markers of the words. With `entries` (their lexicon entries), the
// positions where no phrase starts are passed over without a search.
HedgeCount count_phrases(const std::vector<Word>& words,
                         const std::vector<detail::WordEntry>* entries) {
  HedgeCount count;
  for (std::size_t i = 0; i < words.size();) {
    if (entries != nullptr && !(*entries)[i].phrase_start) {
      ++i;
      continue;
    }
    const detail::PhraseRange range =
        entries != nullptr ? (*entries)[i].phrases : detail::phrase_range(words[i].lower);
    const std::size_t certain =
        longest_match(kCertaintyPhrases, range.certainty_begin, range.certainty_end, words, i);
    const std::size_t hedge =
        longest_match(kHedgePhrases, range.hedge_begin, range.hedge_end, words, i);
    if (certain == 0 && hedge == 0) {
      ++i;
      continue;
    }
    // "quite clearly" beats "clearly"; at equal length certainty wins ("no doubt" vs "doubt").
    const std::string_view before = i > 0 ? std::string_view(words[i - 1].lower) : "";
    bool negated = before == "not" || before == "no";
    // "certain", "clear", "definite" assert only after a verb ("it is clear that"), not before a
    // noun ("certain operations", "a clear message").
    const std::string_view w = words[i].lower;
    if (certain == 1 && hedge <= 1 && (w == "certain" || w == "clear" || w == "definite")) {
      const std::string_view prev = before;
      const bool predicative = prev == "is" || prev == "are" || prev == "was" || prev == "were" ||
                               prev == "be" || prev == "been" || prev == "seems" ||
                               prev == "remains" || prev == "not" || prev == "am";
      if (!predicative) {
        ++i;
        continue;
      }
    }
    if (certain >= hedge) {
      // "not certain", "not clear": doubt, not certainty
      if (negated)
        ++count.hedges;
      else
        ++count.boosters;
      i += certain;
    } else {
      ++count.hedges;
      i += hedge;
    }
  }
  return count;
}

}  // namespace

HedgeCount count_hedges(const std::vector<Word>& words) {
  return count_phrases(words, nullptr);
}

HedgeCount detail::count_hedges(const std::vector<Word>& words,
                                const std::vector<WordEntry>& entries) {
  return count_phrases(words, &entries);
}

detail::PhraseRange detail::phrase_range(std::string_view lower) {
  PhraseRange r;
  std::tie(r.hedge_begin, r.hedge_end) = range_of(kHedgePhrases, lower);
  std::tie(r.certainty_begin, r.certainty_end) = range_of(kCertaintyPhrases, lower);
  return r;
}

std::vector<std::string_view> detail::hedge_phrase_starts() {
  std::vector<std::string_view> out;
  for (std::string_view p : kHedgePhrases) out.push_back(p.substr(0, p.find(' ')));
  for (std::string_view p : kCertaintyPhrases) out.push_back(p.substr(0, p.find(' ')));
  return out;
}

bool detail::starts_hedge_phrase(std::string_view lower) {
  const auto starts = [lower](std::string_view phrase) {
    return phrase.substr(0, phrase.find(' ')) == lower;
  };
  const auto any = [&](const auto& phrases) {
    // Phrases starting with the word sit together from its lower bound on.
    for (auto it = std::lower_bound(std::begin(phrases), std::end(phrases), lower);
         it != std::end(phrases) && it->substr(0, lower.size()) == lower; ++it) {
      if (starts(*it)) return true;
    }
    return false;
  };
  return any(kHedgePhrases) || any(kCertaintyPhrases);
}

}  // namespace parallax::stance
