// makes_no_claim and announces_explainer (core/align/units.cpp): which sentences are units, which
// leads.
#include <catch2/catch.hpp>

#include "align/align.h"

using parallax::align::makes_no_claim;
using parallax::align::SentencePlace;

namespace {

// A sentence's place as flags, so that each check reads in one line.
enum Flag : unsigned {
  kBody = 0,  // a body paragraph's sentence, not last, not alone, not in the first paragraph
  heading = 1,
  after_body = 2,
  last = 4,
  only = 8,
};

SentencePlace at(unsigned flags) {
  SentencePlace place;
  place.heading = flags & heading;
  place.after_body = flags & after_body;
  place.last_in_paragraph = flags & last;
  place.only_in_paragraph = flags & only;
  return place;
}

}  // namespace

TEST_CASE("section headings after the body make no claim; the title block does", "[align]") {
  CHECK(makes_no_claim("Possible Outcomes: From Breakthrough to Breakdown",
                       at(heading | after_body | last)));
  CHECK(makes_no_claim("Getting around during the closure", at(heading | after_body | last)));
  CHECK_FALSE(makes_no_claim("Varrow Bridge closes to traffic on Thursday", at(heading | last)));
  CHECK_FALSE(
      makes_no_claim("Strategic Dialogue in Alaska: Putin and Trump Meet", at(heading | last)));
  // a body sentence after the body is an ordinary unit
  CHECK_FALSE(makes_no_claim("The bridge closes on Thursday.", at(after_body | last)));
}

TEST_CASE("a paragraph's last sentence ending in a colon introduces a list", "[align]") {
  CHECK(makes_no_claim("Key strategic concerns include:", at(after_body | last)));
  CHECK(makes_no_claim("The agenda is expected to cover:  \n", at(last)));
  CHECK(
      makes_no_claim("Recent Pre-Summit Signals:", at(heading | last)));  // even in the title block
  // a colon inside, or a colon-ended sentence followed by more of its paragraph, is a claim
  CHECK_FALSE(
      makes_no_claim("Arms control: extending the treaty is a priority.", at(after_body | last)));
  CHECK_FALSE(makes_no_claim("Both sides agreed on one point:", at(after_body)));
  CHECK_FALSE(makes_no_claim("Talks ended at 10:30", at(after_body | last)));
  // empty or blank text: nothing to end in a colon
  CHECK_FALSE(makes_no_claim("", at(after_body | last)));
  CHECK_FALSE(makes_no_claim("   ", at(after_body | last)));
}

TEST_CASE("bylines and datelines alone in their paragraph make no claim", "[align]") {
  CHECK(makes_no_claim("Published 11 March, 19:15", at(last | only)));
  CHECK(makes_no_claim("*By Valley Herald staff | 11 March*", at(last | only)));
  CHECK(makes_no_claim("By Ada Quillon, Northwire", at(after_body | last | only)));
  CHECK(makes_no_claim("Updated: 12 March 2031, 08:00", at(last | only)));
  CHECK(makes_no_claim("Last updated 9:41 pm", at(last | only)));
  // plain-text bylines come out of segmentation as headings of the title block
  CHECK(makes_no_claim("By Ada Quillon, Northwire", at(heading | last | only)));
  // sentences, not fragments: claims
  CHECK_FALSE(
      makes_no_claim("By Thursday the bridge will be closed.", at(after_body | last | only)));
  CHECK_FALSE(
      makes_no_claim("Published figures show 41,000 cars a day.", at(after_body | last | only)));
  // not alone in the paragraph, or no date after "Published": left alone
  CHECK_FALSE(makes_no_claim("By Ada Quillon, Northwire", at(kBody)));
  CHECK_FALSE(makes_no_claim("By Ada Quillon, Northwire", at(after_body | last)));
  CHECK_FALSE(makes_no_claim("Published by the city council", at(last | only)));
  CHECK_FALSE(makes_no_claim("by the numbers", at(last | only)));
  CHECK_FALSE(makes_no_claim("By", at(last | only)));
  // a headline of a byline's shape states the story (segment::is_byline_or_dateline)
  CHECK_FALSE(makes_no_claim("By Land and Sea", at(heading | last | only)));
  CHECK(makes_no_claim("By John King", at(heading | last | only)));
  // long fragments are not bylines
  CHECK_FALSE(
      makes_no_claim("By the time the inspectors reached the seventh hanger on the east "
                     "side of the deck the rust had spread",
                     at(last | only)));
}

TEST_CASE("a salutation alone in its paragraph makes no claim", "[align]") {
  CHECK(makes_no_claim("Dear members,", at(only | last)));
  CHECK(makes_no_claim("Dear readers of the Harbour Notes!", at(only | last)));
  CHECK(makes_no_claim("  Dear Mayor Brannock:", at(only | last)));
  // not alone, too long, or a sentence that only starts with "Dear"
  CHECK_FALSE(makes_no_claim("Dear members,", at(last)));
  CHECK_FALSE(makes_no_claim("Dear friends and neighbours of the old quay and the market,",
                             at(only | last)));
  CHECK_FALSE(
      makes_no_claim("Dear readers wrote in to complain about the closure.", at(only | last)));
  CHECK_FALSE(makes_no_claim("Dearer fuel is expected,", at(only | last)));
}

TEST_CASE("a short greeting or sign-off ending in a comma alone in its paragraph makes no claim",
          "[align]") {
  for (const char* line : {"Dear readers,", "Hi all,", "Hello everyone,", "Best wishes,",
                           "Kind regards,", "Yours sincerely,", "Thanks,", "Regards,",
                           "  With best wishes,\n", "Warm regards,", "Cheers,", "Bonjour à tous,"})
    CHECK(makes_no_claim(line, at(only | last)));
  // only alone in its paragraph
  CHECK_FALSE(makes_no_claim("Kind regards,", at(last)));
  CHECK_FALSE(makes_no_claim("Kind regards,", at(kBody)));
  // a one-line paragraph that is a sentence is a claim, whatever its first word
  CHECK_FALSE(makes_no_claim("Thanks to the crews, the fire was out by dawn.", at(only | last)));
  CHECK_FALSE(makes_no_claim("Thanks to the crews,", at(only | last)));  // four words
  // a list item that goes on in the next one: a marker or a comma inside
  CHECK_FALSE(makes_no_claim("- Residents, pets and cars,", at(only | last)));
  CHECK_FALSE(makes_no_claim("Residents, pets and cars,", at(only | last)));
  CHECK_FALSE(makes_no_claim("* Residents and pets,", at(only | last)));
  CHECK_FALSE(makes_no_claim("2. Residents and pets,", at(only | last)));
  // a number is content a claim needs; lower case is the middle of a sentence
  CHECK_FALSE(makes_no_claim("Since 2019,", at(only | last)));
  CHECK_FALSE(makes_no_claim("14 people,", at(only | last)));
  CHECK_FALSE(makes_no_claim("and then,", at(only | last)));
  // no comma at the end: a heading or a sentence, not a greeting
  CHECK_FALSE(makes_no_claim("Kind regards", at(only | last)));
  CHECK_FALSE(makes_no_claim("Thanks.", at(only | last)));
  CHECK_FALSE(makes_no_claim(",", at(only | last)));
  CHECK_FALSE(makes_no_claim("", at(only | last)));
}

TEST_CASE("a headline opening a clause with a question word announces an explainer", "[align]") {
  using parallax::align::announces_explainer;
  CHECK(announces_explainer("Varrow Bridge: what we know about the closure"));
  CHECK(announces_explainer("How Pellingham is coping without drinkable tap water"));
  CHECK(announces_explainer("A town on the kettle: how Pellingham is coping"));
  CHECK(announces_explainer("Boil-water notice \xE2\x80\x94 why the samples failed"));
  CHECK(announces_explainer("Port ruling | WHO decides now?"));
  // Statements, and question words inside a clause or inside another word.
  CHECK_FALSE(announces_explainer("Varrow Bridge closes to traffic on Thursday"));
  CHECK_FALSE(announces_explainer("Mayor says what the city needs is a new bridge"));
  CHECK_FALSE(announces_explainer("Whatley council approves the budget"));
  // The rule's cost: a statement whose clause opens with "when" is taken for an explainer.
  CHECK(announces_explainer("Russia\xE2\x80\x99s offer: when sanctions end, talks begin"));
  CHECK_FALSE(announces_explainer("\xE2\x80\x9CWe won\xE2\x80\x9D: the Eastquay extension is off"));
  CHECK_FALSE(announces_explainer(""));
}
