#include <catch2/catch.hpp>

#include "align/align.h"

using parallax::align::kPairThreshold;
using parallax::align::match_pair;

TEST_CASE("the baseline pair score is the Dice overlap of content stems", "[align][match]") {
  parallax::represent::Stemmer stemmer;
  CHECK(match_pair("Putin and Trump meet in Alaska.", "Trump and Putin meet in Alaska", stemmer) ==
        Approx(1.0));
  CHECK(match_pair("The summit starts on Friday.", "Fishing quotas were cut.", stemmer) == 0.0);
  const double partial = match_pair("Leaders discuss trade, fishing and oil in Alaska.",
                                    "Leaders discuss security.", stemmer);
  CHECK(partial > 0.0);
  CHECK(partial < kPairThreshold);
  CHECK(match_pair("", "anything", stemmer) == 0.0);
  CHECK(match_pair("the and of", "the and of", stemmer) == 0.0);  // nothing but stopwords
}
