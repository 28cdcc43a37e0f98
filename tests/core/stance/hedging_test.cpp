// Tests for core/stance/hedging.cpp: hedges against certainty boosters.
#include <catch2/catch.hpp>

#include <string>

#include "stance/stance.h"

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
