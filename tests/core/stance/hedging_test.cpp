// Tests for core/stance/hedging.cpp: hedges against certainty boosters.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "stance/stance.h"
#include "stance/tone_detail.h"

using namespace parallax;
using namespace parallax::stance;

namespace {

HedgeCount count(const std::string& s) {
  return count_hedges(stance_words(s, {0, s.size()}));
}

}  // namespace

TEST_CASE("hedges and certainty markers are told apart", "[stance]") {
  struct Case {
    const char* text;
    std::uint32_t hedges, boosters;
  };
  const Case cases[] = {
      {"The talks may possibly resume.", 2, 0},
      {"Analysts suggest the summit could be delayed.", 2, 0},
      {"It seems likely that sanctions will stay.", 2, 0},
      {"The deal will clearly fail.", 0, 1},
      {"This is undoubtedly a turning point.", 0, 1},
      {"Of course, the outcome is certain.", 0, 2},
      {"There is no doubt about it.", 0, 1},  // "no doubt", not the hedge "doubt"
      {"Officials doubt the plan.", 1, 0},
      {"It is not certain the talks will happen.", 1, 0},     // negated certainty is doubt
      {"The more or less agreed text was released.", 1, 0},   // one phrase, not three hedges
      {"It would appear to be over, as it appeared.", 2, 0},  // "appear to be", "appeared"
      {"In fact, in my view it is in my mind.", 2, 1},        // phrases sharing a first word
      {"Maybe Mayor Mays may go.", 2, 0},                     // "maybe", "may"; not "mays"
      {"The delegation arrived on Friday.", 0, 0},
      {"Few people attended around noon.", 0, 0},  // ambiguous entries are left out
      {"", 0, 0},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const HedgeCount got = count(c.text);
    CHECK(got.hedges == c.hedges);
    CHECK(got.boosters == c.boosters);
  }
}

TEST_CASE("certain and clear assert only after a verb", "[stance]") {
  CHECK(count("Russia slowed certain operations.").boosters == 0);
  CHECK(count("It sent a clear message.").boosters == 0);
  CHECK(count("It is clear that talks will go on.").boosters == 1);
  CHECK(count("It is not clear that talks will go on.").hedges == 1);
  CHECK(count("They pushed rather than pulled.").hedges == 0);
}

TEST_CASE("phrase ranges: the phrases that start with a word", "[stance]") {
  // "in" starts "in my opinion" and the like (hedges) and "in fact" (certainty), not
  // "inconclusive"; "a" starts "a bit" only; "good" starts nothing.
  const detail::PhraseRange in = detail::phrase_range("in");
  CHECK(in.hedge_end - in.hedge_begin == 4);  // in my mind / opinion / understanding / view
  CHECK(in.certainty_end - in.certainty_begin == 1);
  const detail::PhraseRange a = detail::phrase_range("a");
  CHECK(a.hedge_end - a.hedge_begin == 1);
  CHECK(a.certainty_end == a.certainty_begin);
  const detail::PhraseRange good = detail::phrase_range("good");
  CHECK(good.hedge_end == good.hedge_begin);
  CHECK(good.certainty_end == good.certainty_begin);
  // The index gives the same ranges, and the counts with and without it agree.
  const detail::Lexicon lexicon;
  for (const char* w : {"in", "a", "may", "the", "without", "no", "good", "kind"}) {
    INFO(w);
    const detail::PhraseRange hashed = lexicon(w).phrases, sorted = detail::phrase_range(w);
    CHECK(hashed.hedge_begin == sorted.hedge_begin);
    CHECK(hashed.hedge_end == sorted.hedge_end);
    CHECK(hashed.certainty_begin == sorted.certainty_begin);
    CHECK(hashed.certainty_end == sorted.certainty_end);
  }
  const std::string s =
      "In my view it is in fact a bit odd, without doubt, and in my opinion may fail.";
  const std::vector<Word> words = stance_words(s, {0, s.size()});
  std::vector<detail::WordEntry> entries;
  for (const Word& w : words) entries.push_back(lexicon(w.lower));
  const HedgeCount hashed = detail::count_hedges(words, entries), plain = count_hedges(words);
  CHECK(hashed.hedges == plain.hedges);
  CHECK(hashed.boosters == plain.boosters);
  CHECK(plain.hedges == 4);    // in my view, a bit, in my opinion, may
  CHECK(plain.boosters == 2);  // in fact, without doubt
}
