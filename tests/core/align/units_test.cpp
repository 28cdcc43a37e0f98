// makes_no_claim (core/align/units.cpp): section headings and list intros are not units.
#include <catch2/catch.hpp>

#include "align/align.h"

using parallax::align::makes_no_claim;

TEST_CASE("section headings after the body make no claim; the title block does", "[align]") {
  CHECK(makes_no_claim(true, true, "Possible Outcomes: From Breakthrough to Breakdown", true));
  CHECK(makes_no_claim(true, true, "Getting around during the closure", true));
  CHECK_FALSE(makes_no_claim(true, false, "Varrow Bridge closes to traffic on Thursday", true));
  CHECK_FALSE(
      makes_no_claim(true, false, "Strategic Dialogue in Alaska: Putin and Trump Meet", true));
  // a body sentence after the body is an ordinary unit
  CHECK_FALSE(makes_no_claim(false, true, "The bridge closes on Thursday.", true));
}

TEST_CASE("a paragraph's last sentence ending in a colon introduces a list", "[align]") {
  CHECK(makes_no_claim(false, true, "Key strategic concerns include:", true));
  CHECK(makes_no_claim(false, false, "The agenda is expected to cover:  \n", true));
  CHECK(
      makes_no_claim(true, false, "Recent Pre-Summit Signals:", true));  // even in the title block
  // a colon inside, or a colon-ended sentence followed by more of its paragraph, is a claim
  CHECK_FALSE(
      makes_no_claim(false, true, "Arms control: extending the treaty is a priority.", true));
  CHECK_FALSE(makes_no_claim(false, true, "Both sides agreed on one point:", false));
  CHECK_FALSE(makes_no_claim(false, true, "Talks ended at 10:30", true));
  // empty or blank text: nothing to end in a colon
  CHECK_FALSE(makes_no_claim(false, true, "", true));
  CHECK_FALSE(makes_no_claim(false, true, "   ", true));
}

TEST_CASE("bylines and datelines alone in their paragraph make no claim", "[align]") {
  CHECK(makes_no_claim(false, false, "Published 11 March, 19:15", true, true));
  CHECK(makes_no_claim(false, false, "*By Valley Herald staff | 11 March*", true, true));
  CHECK(makes_no_claim(false, true, "By Ada Quillon, Northwire", true, true));
  CHECK(makes_no_claim(false, false, "Updated: 12 March 2031, 08:00", true, true));
  CHECK(makes_no_claim(false, false, "Last updated 9:41 pm", true, true));
  // plain-text bylines come out of segmentation as headings of the title block
  CHECK(makes_no_claim(true, false, "By Ada Quillon, Northwire", true, true));
  // sentences, not fragments: claims
  CHECK_FALSE(makes_no_claim(false, true, "By Thursday the bridge will be closed.", true, true));
  CHECK_FALSE(makes_no_claim(false, true, "Published figures show 41,000 cars a day.", true, true));
  // not alone in the paragraph, or no date after "Published": left alone
  CHECK_FALSE(makes_no_claim(false, false, "By Ada Quillon, Northwire", false, false));
  CHECK_FALSE(makes_no_claim(false, true, "By Ada Quillon, Northwire", true, false));
  CHECK_FALSE(makes_no_claim(false, false, "Published by the city council", true, true));
  CHECK_FALSE(makes_no_claim(false, false, "by the numbers", true, true));
  CHECK_FALSE(makes_no_claim(false, false, "By", true, true));
  // long fragments are not bylines
  CHECK_FALSE(makes_no_claim(false, false,
                             "By the time the inspectors reached the seventh hanger on the east "
                             "side of the deck the rust had spread",
                             true, true));
}
