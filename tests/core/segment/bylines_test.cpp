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
}

TEST_CASE("a headline of a byline's shape is told from a byline by its words",
          "[segment][bylines]") {
  // common words standing one by one, alone or joined by function words: a headline
  CHECK_FALSE(is_byline_or_dateline("By Land and Sea"));
  CHECK_FALSE(is_byline_or_dateline("By Design"));
  CHECK_FALSE(is_byline_or_dateline("By Night"));
  CHECK_FALSE(is_byline_or_dateline("*By Fire and Water*"));
  CHECK_FALSE(is_byline_or_dateline("By Bread and Butter"));
  // a word the lexicon never saw capitalised ("error") is no common word here: a byline
  CHECK(is_byline_or_dateline("By Trial and Error"));
  // names: a word that is no common word, or two capitalised words in a row
  CHECK(is_byline_or_dateline("By Sylvia Westall"));
  CHECK(is_byline_or_dateline("By John King"));  // "john" and "king" are words, "John King" a name
  CHECK(is_byline_or_dateline("By Rose Hill"));
  CHECK(is_byline_or_dateline("By Reuters"));
  CHECK(is_byline_or_dateline("By Ada Quillon and Ben Ruiz"));
  CHECK(is_byline_or_dateline("By The Associated Press"));
  CHECK(is_byline_or_dateline("By Land Sea"));
  // a lower-case word that is no function word ("staff") is a byline's
  CHECK(is_byline_or_dateline("By Valley staff"));
  CHECK(is_byline_or_dateline("By Night and staff"));
  // the chosen cost: a headline of two capitalised words in a row stays a byline
  CHECK(is_byline_or_dateline("By Popular Demand"));
  CHECK(
      is_byline_or_dateline("By Land, Sea and Air"));  // a comma, as in "By Ada Quillon, Northwire"
}
