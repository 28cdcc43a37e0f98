// segment::is_byline_or_dateline (core/segment/bylines.cpp).
#include <catch2/catch.hpp>

#include "segment/segment.h"

using parallax::segment::is_byline_or_dateline;

TEST_CASE("bylines and datelines are told from sentences", "[segment][bylines]") {
  CHECK(is_byline_or_dateline("By Ada Quillon, Northwire"));
  CHECK(is_byline_or_dateline("*By Valley Herald staff | 11 March*"));
  CHECK(is_byline_or_dateline("  _By Jonah Weller, City Hall reporter_  "));
  CHECK(is_byline_or_dateline("By Sylvia Westall"));
  CHECK(is_byline_or_dateline("Published 11 March, 19:15"));
  CHECK(is_byline_or_dateline("Updated: 12 March 2031, 08:00"));
  CHECK(is_byline_or_dateline("Last updated 9:41 pm"));
  CHECK(is_byline_or_dateline("First published 2 May 2024"));
  // sentences: a sentence end, or too long for a byline
  CHECK_FALSE(is_byline_or_dateline("By Thursday the bridge will be closed."));
  CHECK_FALSE(is_byline_or_dateline("Published figures show 41,000 cars a day."));
  CHECK_FALSE(
      is_byline_or_dateline("By the time the inspectors reached the seventh hanger on the "
                            "east side of the deck the rust had spread"));
  // no name after "By", no date after "Published", or another word that merely starts alike
  CHECK_FALSE(is_byline_or_dateline("by the numbers"));
  CHECK_FALSE(is_byline_or_dateline("By"));
  CHECK_FALSE(is_byline_or_dateline("Published by the city council"));
  CHECK_FALSE(is_byline_or_dateline("Publishedness 2024"));
  CHECK_FALSE(is_byline_or_dateline("Bypass opens in 2031"));
  CHECK_FALSE(is_byline_or_dateline(""));
  CHECK_FALSE(is_byline_or_dateline("   "));
  // the known cost: a headline of the same shape
  CHECK(is_byline_or_dateline("By Land and Sea"));
}
