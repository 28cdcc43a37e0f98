#include <catch2/catch.hpp>

#include "core/diverge/test_util.h"

using namespace parallax;
using diverge::FactKind;
using diverge_test::facts_of;
using diverge_test::first_of;

namespace {
std::vector<diverge::Fact> people(const std::string& sentence) {
  std::vector<diverge::Fact> out;
  for (auto& f : facts_of(sentence))
    if (f.kind == FactKind::kPerson) out.push_back(f);
  return out;
}
}  // namespace

TEST_CASE("titles before a name, former or not", "[diverge]") {
  const auto former = people("Former U.S. President Donald Trump has revealed plans to travel.");
  REQUIRE(former.size() == 1);
  CHECK(former[0].value == "person:donald trump|former u.s. president");
  CHECK(former[0].subject == "person:trump");
  CHECK(former[0].role == "president");
  CHECK(former[0].former);
  const auto current = people("U.S. President Donald Trump has revealed plans to travel.");
  REQUIRE(current.size() == 1);
  CHECK(current[0].value == "person:donald trump|u.s. president");
  CHECK_FALSE(current[0].former);
  const auto vice = people("U.S. Vice President J.D. Vance visited the UK.");
  REQUIRE(vice.size() == 1);
  CHECK(vice[0].role == "vice president");
  CHECK(vice[0].subject == "person:vance");
  // Title Case headlines: "Hosting" is not part of the title, "For" ends the name.
  const auto title = people(
      "The Kremlin Is Looking Ahead To Hosting President Donald Trump For A "
      "Future Summit.");
  REQUIRE(title.size() == 1);
  CHECK(title[0].value == "person:donald trump|president");
}

TEST_CASE("lower-case titles, ex- titles, and what is not a title", "[diverge]") {
  const auto lower = people("On Monday, Kremlin spokesman Dmitry Peskov said the date was set.");
  REQUIRE(lower.size() == 1);
  CHECK(lower[0].value == "person:dmitry peskov|kremlin spokesman");
  const auto ex = people("Ex-President Dmitry Medvedev wrote on Telegram.");
  REQUIRE(ex.size() == 1);
  CHECK(ex[0].former);
  CHECK(ex[0].role == "president");
  // A weekday is not part of a title; "in general" is not a general.
  const auto day = people("He said that on Tuesday President Joe Biden would call.");
  REQUIRE(day.size() == 1);
  CHECK(day[0].value == "person:joe biden|president");
  CHECK(people("In general Trump wins such fights.").empty());
  // "However," is no name and "speculation is rife that the former leader" no role.
  CHECK(people("However, speculation is rife that the former leader of the group died.").empty());
}

TEST_CASE("a list of ministers is one person per title", "[diverge]") {
  const auto list = people(
      "It will include Foreign Minister Sergei Lavrov, Defence Minister "
      "Andrey Belousov, Finance Minister Anton Siluanov and others.");
  REQUIRE(list.size() == 3);
  CHECK(list[0].value == "person:sergei lavrov|foreign minister");
  CHECK(list[1].value == "person:andrey belousov|defence minister");
  CHECK(list[2].value == "person:anton siluanov|finance minister");
}

TEST_CASE("roles in apposition after a name", "[diverge]") {
  const auto two = people(
      "Yuri Ushakov, the Kremlin's senior foreign policy adviser and a former "
      "ambassador to Washington, briefed journalists.");
  REQUIRE(two.size() == 2);
  CHECK(two[0].value == "person:yuri ushakov|the kremlin's senior foreign policy adviser");
  CHECK(two[0].role == "adviser");
  CHECK_FALSE(two[0].former);
  CHECK(two[1].role == "ambassador");
  CHECK(two[1].former);
  const auto title = people("Yuri Ushakov, Director Of The Russian Leader, Confirmed The Plan.");
  REQUIRE(title.size() == 1);
  CHECK(title[0].role == "director");
  CHECK(title[0].value == "person:yuri ushakov|director of the russian leader");
  // No title in the phrase: no role.
  CHECK(people("Ushakov, speaking to Interfax, said the choice was logical.").empty());
}

TEST_CASE("places after prepositions, and event status from tense and modality", "[diverge]") {
  const std::vector<std::string> places{"alaska", "geneva", "moscow"};
  const auto place = facts_of("Delegates arrived in New Delhi on Monday.");
  REQUIRE(first_of(place, FactKind::kPlace) != nullptr);
  CHECK(first_of(place, FactKind::kPlace)->value == "place:new delhi");
  CHECK(first_of(facts_of("He spoke to U.S. President Joe Biden."), FactKind::kPlace) == nullptr);
  CHECK(first_of(facts_of("It is popular in Western capitals."), FactKind::kPlace) == nullptr);

  struct Row {
    const char* sentence;
    const char* subject;
    const char* value;
  };
  const Row rows[] = {
      {"The summit in Alaska will begin at noon.", "event:meeting@alaska", "upcoming"},
      {"The upcoming Alaska summit could reshape relations.", "event:meeting@alaska", "upcoming"},
      {"Leaders are set to meet in Geneva.", "event:meeting@geneva", "upcoming"},
      {"The Geneva talks took place last year.", "event:meeting@geneva", "happened"},
      {"The Alaska summit was held in secret.", "event:meeting@alaska", "happened"},
      {"Following the productive Alaska Summit earlier this year, attention turned to Moscow.",
       "event:meeting@alaska", "happened"},
  };
  for (const Row& row : rows) {
    INFO(row.sentence);
    const auto facts = facts_of(row.sentence, "", places);
    const diverge::Fact* f = first_of(facts, FactKind::kStatus);
    REQUIRE(f != nullptr);
    CHECK(f->subject == row.subject);
    CHECK(f->value == row.value);
  }
  // The cue belongs to the nearest event: the planned one is Moscow, the past one Alaska.
  const auto both = facts_of(
      "Following the Alaska Summit earlier this year, the planned meeting "
      "between the two presidents in Moscow marks a new step.",
      "", places);
  std::vector<std::string> statuses;
  for (const auto& f : both)
    if (f.kind == FactKind::kStatus) statuses.push_back(f.subject + "=" + f.value);
  CHECK(statuses ==
        std::vector<std::string>{"event:meeting@alaska=happened", "event:meeting@moscow=upcoming"});
  // With a published date, the event's own date says whether it is still to come.
  const auto dated =
      facts_of("The Geneva summit on 15 August drew protests.", "2025-08-20", places);
  REQUIRE(first_of(dated, FactKind::kStatus) != nullptr);
  CHECK(first_of(dated, FactKind::kStatus)->value == "happened");
  const auto ahead =
      facts_of("The Geneva summit on 15 August draws protests.", "2025-08-01", places);
  REQUIRE(first_of(ahead, FactKind::kStatus) != nullptr);
  CHECK(first_of(ahead, FactKind::kStatus)->value == "upcoming");
  // An event without a place is not keyed: nothing to compare it with.
  CHECK(first_of(facts_of("The meeting will begin with a private talk.", "", places),
                 FactKind::kStatus) == nullptr);
}

TEST_CASE("negation and modality mark the facts of a sentence", "[diverge]") {
  const auto hedged = facts_of("The summit may be held on 15 August.");
  REQUIRE(first_of(hedged, FactKind::kDate) != nullptr);
  CHECK(first_of(hedged, FactKind::kDate)->hedged);
  CHECK_FALSE(first_of(hedged, FactKind::kDate)->negated);
  const auto negated = facts_of("The summit will not be held on 15 August.");
  CHECK(first_of(negated, FactKind::kDate)->negated);
  const auto plain = facts_of("The summit was held on 15 August.");
  CHECK_FALSE(first_of(plain, FactKind::kDate)->hedged);
}

TEST_CASE("event places come from how the set names its events", "[diverge]") {
  const std::string text =
      "The Alaska summit opens soon. Leaders will meet in Geneva later. "
      "President Donald Trump spoke. The Trump summit was a success. Talks in the capital.";
  std::vector<Span> spans;
  for (const auto& s : segment::split_sentences(text, {0, text.size()})) spans.push_back(s.span);
  const auto places = diverge::collect_event_places(text, spans);
  // "Trump" is a person in the same text, "the" is not capitalised: neither is a place.
  CHECK(places == std::vector<std::string>{"alaska", "geneva"});
}

TEST_CASE("every office of the title list is found before a name", "[diverge]") {
  // One row per entry of kTitles (people.cpp): the quick lookups of title words must find
  // them all, multi-word titles whole ("vice president", not "president").
  struct Row {
    const char* title;
    const char* head;
  };
  const Row rows[] = {
      {"Secretary of State", "secretary of state"},
      {"Vice President", "vice president"},
      {"Prime Minister", "prime minister"},
      {"Foreign Minister", "foreign minister"},
      {"Defence Minister", "defence minister"},
      {"Defense Minister", "defence minister"},
      {"Finance Minister", "finance minister"},
      {"Interior Minister", "interior minister"},
      {"Press Secretary", "press secretary"},
      {"Special Envoy", "special envoy"},
      {"Minister", "minister"},
      {"President", "president"},
      {"Chancellor", "chancellor"},
      {"Senator", "senator"},
      {"Governor", "governor"},
      {"Mayor", "mayor"},
      {"Secretary", "secretary"},
      {"Ambassador", "ambassador"},
      {"Envoy", "envoy"},
      {"Spokesman", "spokesman"},
      {"Spokeswoman", "spokeswoman"},
      {"Spokesperson", "spokesperson"},
      {"Adviser", "adviser"},
      {"Advisor", "adviser"},
      {"Aide", "aide"},
      {"Director", "director"},
      {"Head", "head"},
      {"Chief", "chief"},
      {"King", "king"},
      {"Queen", "queen"},
      {"General", "general"},
      {"Commander", "commander"},
      {"Premier", "premier"},
      {"Chairman", "chairman"},
      {"Chairwoman", "chairwoman"},
      {"CEO", "ceo"},
      {"Pope", "pope"},
      {"Leader", "leader"},
      {"Officer", "officer"},
      {"Manager", "manager"},
      {"Inspector", "inspector"},
      {"Constable", "constable"},
      {"Superintendent", "superintendent"},
      // "Chief" + at most one word + an office: one compound title.
      {"Chief Fire Officer", "chief fire officer"},
      {"Chief Constable", "chief constable"},
      {"Chief Medical Officer", "chief medical officer"},
      {"Chief Executive", "chief executive"},
  };
  for (const Row& row : rows) {
    const std::string sentence =
        std::string("Officials thanked ") + row.title + " Marek Dalby yesterday.";
    INFO(sentence);
    const auto found = people(sentence);
    REQUIRE(found.size() == 1);
    CHECK(found[0].role == row.head);
    CHECK(found[0].subject == "person:dalby");
    CHECK_FALSE(found[0].former);
  }
  // Near misses: a longer or shorter word, a plural, a hyphenated compound.
  for (const char* word : {"Presidents", "Presiden", "Kings", "Mayors", "Vice-President"}) {
    const std::string sentence =
        std::string("Officials thanked ") + word + " Marek Dalby yesterday.";
    INFO(sentence);
    CHECK(people(sentence).empty());
  }
}

TEST_CASE("every meeting word names an event at the place before it", "[diverge]") {
  for (const char* word :
       {"conference", "convene", "convenes", "encounter", "meet", "meeting", "meetings", "meets",
        "met", "negotiations", "summit", "summits", "talks"}) {
    const std::string text = std::string("Officials said the Geneva ") + word + " went well.";
    INFO(text);
    const auto places =
        diverge::collect_event_places(text, std::vector<Span>{Span{0, text.size()}});
    CHECK(places == std::vector<std::string>{"geneva"});
  }
  for (const char* word : {"office", "meetingroom", "summitry", "talk", "mee"}) {
    const std::string text = std::string("Officials said the Geneva ") + word + " went well.";
    INFO(text);
    CHECK(diverge::collect_event_places(text, std::vector<Span>{Span{0, text.size()}}).empty());
  }
}
