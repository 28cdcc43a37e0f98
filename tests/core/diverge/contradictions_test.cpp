#include <catch2/catch.hpp>

#include "core/diverge/test_util.h"

using namespace parallax;
using diverge_test::Set;
using diverge_test::shown_count;

namespace {

// A claim made by sentence 0 of paragraph 0 of each of the given articles.
align::Claim claim_of(std::vector<std::uint32_t> articles) {
  align::Claim claim;
  for (std::uint32_t a : articles) claim.members.push_back({{a, 0, 0}, 0.9});
  claim.support = static_cast<std::uint32_t>(articles.size());
  claim.independent = claim.support;
  return claim;
}

const diverge::Contradiction* first_shown(const diverge::DivergeResult& r) {
  for (const auto& c : r.contradictions)
    if (c.shown()) return &c;
  return nullptr;
}

}  // namespace

TEST_CASE("a former president and a president are a contradiction", "[diverge]") {
  const Set set({"Former U.S. President Donald Trump has announced a trip to Geneva.",
                 "U.S. President Donald Trump has announced a trip to Geneva."});
  const auto result = set.analyse();
  REQUIRE(shown_count(result) == 1);
  const auto& c = *first_shown(result);
  CHECK(c.kind == "person");
  CHECK_FALSE(c.within);
  CHECK(c.subject == "Donald Trump's title");
  CHECK(c.a.ref.article == 0);
  CHECK(c.b.ref.article == 1);
  CHECK(c.a.text == "Former U.S. President Donald Trump");
  CHECK(c.note.find("\xE2\x80\x9C"
                    "Former U.S. President\xE2\x80\x9D") != std::string::npos);
  CHECK(c.note.find("\xE2\x80\x9CU.S. President\xE2\x80\x9D") != std::string::npos);
  CHECK(c.confidence >= diverge::kShowThreshold);
}

TEST_CASE("the same title said twice, or two people, are not", "[diverge]") {
  CHECK(shown_count(Set({"U.S. President Donald Trump spoke.", "President Donald Trump spoke."})
                        .analyse()) == 0);
  // Two people of one family name: different first names.
  CHECK(Set({"Former President George Bush spoke.", "President George W. Bush spoke.",
             "First Lady Laura Bush spoke."})
            .analyse()
            .contradictions.size() <= 1);
  CHECK(shown_count(
            Set({"Former Governor Jane Doe spoke.", "Governor John Doe spoke."}).analyse()) == 0);
  // Different offices are often both true: below the display threshold.
  const auto roles = Set({"Yuri Ushakov, the Kremlin's senior foreign policy adviser, spoke.",
                          "Yuri Ushakov, director of the Russian leader's office, spoke."})
                         .analyse();
  REQUIRE(roles.contradictions.size() == 1);
  CHECK_FALSE(roles.contradictions[0].shown());
}

TEST_CASE("two dates of one event, across articles and inside one", "[diverge]") {
  const auto across = Set({"The Geneva summit will be held on 15 August.",
                           "The Geneva summit will be held on 16 August."})
                          .analyse();
  REQUIRE(shown_count(across) == 1);
  CHECK(first_shown(across)->kind == "date");
  CHECK(first_shown(across)->subject == "date of the meeting in Geneva");
  CHECK(first_shown(across)->a.value == "xxxx-08-15");
  CHECK(first_shown(across)->b.value == "xxxx-08-16");

  const auto within =
      Set({"Officials named Geneva for the initial August 15th summit.\n\nThe delegates "
           "arrived early.\n\nThe Geneva summit in March 2025 laid the groundwork."})
          .analyse();
  REQUIRE(shown_count(within) == 1);
  const auto& c = *first_shown(within);
  CHECK(c.within);
  CHECK(c.a.text == "August 15th");
  CHECK(c.b.text == "March 2025");
  CHECK(c.note.find("in one sentence and") != std::string::npos);
}

TEST_CASE("dates that agree, or belong to different events, do not fire", "[diverge]") {
  // Same value written differently.
  CHECK(Set({"The Geneva summit will be held on 15 August.",
             "The Geneva summit will be held on August 15th.",
             "The Geneva summit opens on Aug. 15, 2025.", "The Geneva summit is in August."})
            .analyse()
            .contradictions.empty());
  // Two events, two dates.
  CHECK(Set({"The Geneva summit will be held on 15 August. The Oslo meeting took place on 2 "
             "March.",
             "The Oslo meeting was held on 2 March, and the Geneva summit is set for 15 August."})
            .analyse()
            .contradictions.empty());
  // A relative date resolved against each article's own date is the same day.
  CHECK(
      Set({"Leaders will meet in Geneva next Friday.", "Leaders will meet in Geneva on 15 August."},
          {"2025-08-08", "2025-08-09"})
          .analyse()
          .contradictions.empty());
  // ... and a different day when it resolves to another one.
  const auto relative =
      Set({"Leaders will meet in Geneva next Friday.", "Leaders will meet in Geneva on 22 August."},
          {"2025-08-08", "2025-08-09"})
          .analyse();
  REQUIRE(relative.contradictions.size() == 1);
  CHECK(relative.contradictions[0].a.value == "2025-08-15");
}

TEST_CASE("times of one event: conversions agree, a different hour does not", "[diverge]") {
  CHECK(Set({"The Geneva talks will start at 20:30 BST, or 21:30 CEST.",
             "The Geneva talks will start at 19:30 GMT."})
            .analyse()
            .contradictions.empty());
  const auto late = Set({"The Geneva talks will start at 20:30 BST.",
                         "The Geneva talks will start at 18:00 GMT."})
                        .analyse();
  REQUIRE(late.contradictions.size() == 1);
  CHECK(late.contradictions[0].kind == "time");
  CHECK(late.contradictions[0].shown());
}

TEST_CASE("upcoming and already held: shown inside one article, hidden across", "[diverge]") {
  const auto within = Set({"The Kremlin expects a return visit after the planned meeting in "
                           "Geneva.\n\nFollowing the productive Geneva summit earlier this "
                           "year, relations improved."})
                          .analyse();
  REQUIRE(shown_count(within) == 1);
  CHECK(first_shown(within)->kind == "status");
  CHECK(first_shown(within)->within);
  // Across articles without dates they may only have been written at different times.
  const auto across = Set({"The upcoming Geneva summit could reshape relations.",
                           "The Geneva summit was held in secret."})
                          .analyse();
  REQUIRE(across.contradictions.size() == 1);
  CHECK_FALSE(across.contradictions[0].shown());
  // Published on the same day, it is a real disagreement.
  const auto same_day = Set({"The upcoming Geneva summit could reshape relations.",
                             "The Geneva summit was held in secret."},
                            {"2025-08-10", "2025-08-10"})
                            .analyse();
  REQUIRE(same_day.contradictions.size() == 1);
  CHECK(same_day.contradictions[0].confidence > across.contradictions[0].confidence);
}

TEST_CASE("numbers inside a matched claim", "[diverge]") {
  struct Pair {
    const char* a;
    const char* b;
    bool contradiction;
  };
  const Pair pairs[] = {
      {"Police officials in the northern province said 12 people were killed in the market blast.",
       "Police officials in the northern province said 15 people were killed in the market blast.",
       true},
      {"Regional officials said about 1,500 people were evacuated from the flooded valley.",
       "Regional officials said 1,480 people were evacuated from the flooded valley.", false},
      {"Regional officials said 1,500 people were evacuated from the flooded valley.",
       "Regional officials said 1,480 people were evacuated from the flooded valley.", false},
      {"The two leaders met briefly before the formal summit dinner began.",
       "The 2 leaders met briefly before the formal summit dinner began.", false},
      {"The regional airport expansion deal is worth $1.5bn, the ministry said.",
       "The regional airport expansion deal is worth 1.5 billion dollars, the ministry said.",
       false},
      {"The regional airport expansion deal is worth $1.5bn, the ministry said.",
       "The regional airport expansion deal is worth $2.5bn, the ministry said.", true},
      {"Between 10 and 20 people were hurt when the old stadium stand collapsed.",
       "Hospital staff said 15 people were hurt when the old stadium stand collapsed.", false},
      {"Turnout in the regional parliamentary election was 61 percent, officials said.",
       "Turnout in the regional parliamentary election was 61%, officials said.", false},
      {"Turnout in the regional parliamentary election was 61 percent, officials said.",
       "Turnout in the regional parliamentary election was 48%, officials said.", true},
      // Different units are different things.
      {"The army convoy heading north was 12 km long, witnesses said.",
       "The army convoy heading north had 40 trucks, witnesses said.", false},
      // Two figures of one unit on a side: which is which is unclear, so nothing.
      {"Officials said 12 people died and 30 people were hurt in the market blast.",
       "Officials said 15 people died in the market blast on Monday.", false},
      // Different services around the figures: buses and a ferry.
      {"Extra buses will run on route 14 every 10 minutes during the closure.",
       "A temporary ferry will cross the river every 20 minutes during the closure.", false},
      // Different occasions: a past year on one side.
      {"In 2013, police found 54 bodies in mass graves near the northern town.",
       "This week police found 30 bodies in mass graves near the northern town.", false},
      // Too thin to tell what the figures are about.
      {"Hank was 57 years old.", "He was 39 years old.", false},
  };
  for (const Pair& p : pairs) {
    INFO(p.a << " / " << p.b);
    const Set set({p.a, p.b});
    const auto result = set.analyse({claim_of({0, 1})});
    CHECK((shown_count(result) == 1) == p.contradiction);
    if (p.contradiction && shown_count(result) == 1) CHECK(first_shown(result)->claim == 0);
  }
  // The same sentences outside a claim are not compared.
  CHECK(Set({pairs[0].a, pairs[0].b}).analyse().contradictions.empty());
}

TEST_CASE("contradictions are bounded on big repetitive sets", "[diverge]") {
  std::vector<std::string> texts;
  for (int i = 0; i < 300; ++i) {
    std::string t;
    for (int k = 0; k < 20; ++k)
      t += (k % 2 ? "Former President John Roe" : "President John Roe") + std::string(" met ") +
           "in Geneva on " + std::to_string(1 + (i + k) % 28) + " May 2025. ";
    texts.push_back(t);
  }
  const Set set(texts);
  const auto result = set.analyse();
  CHECK(result.contradictions.size() <= diverge::kMaxContradictions);
  CHECK_FALSE(result.contradictions.empty());
}

// --- Misattributed quotations -----------------------------------------------------------
namespace {
std::size_t speaker_count(const diverge::DivergeResult& r) {
  std::size_t n = 0;
  for (const auto& c : r.contradictions) n += c.kind == "speaker" ? 1 : 0;
  return n;
}
}  // namespace

TEST_CASE("one quotation given to two different speakers is a contradiction", "[diverge]") {
  const Set set(
      {"\"Keep your windows shut until we tell you otherwise,\" said Area Commander "
       "Lena Hask.",
       "\"Keep your windows shut until we tell you otherwise,\" Mayor Tobias Renn of "
       "the city council told reporters."});
  const auto result = set.analyse({claim_of({0, 1})});
  REQUIRE(speaker_count(result) == 1);
  const diverge::Contradiction& c = result.contradictions.front();
  CHECK(c.kind == "speaker");
  CHECK(c.shown());
  CHECK(c.claim == 0);
  CHECK(c.a.text == "Area Commander Lena Hask");
  CHECK(c.b.text == "Mayor Tobias Renn");
  CHECK(c.note.find("attributes the quotation") != std::string::npos);
  // Outside a shared claim nothing is compared.
  CHECK(speaker_count(set.analyse()) == 0);
}

TEST_CASE("the same speaker, a paraphrase, a short quote or two people are no speaker conflict",
          "[diverge]") {
  // The same person, titled differently.
  CHECK(
      speaker_count(
          Set({"\"Keep your windows shut until we tell you otherwise,\" said Commander Lena Hask.",
               "\"Keep your windows shut until we tell you otherwise,\" Lena Hask, the "
               "commander, said."})
              .analyse({claim_of({0, 1})})) == 0);
  // No quotation marks on one side: a paraphrase may come from anyone.
  CHECK(
      speaker_count(
          Set({"\"Keep your windows shut until we tell you otherwise,\" said Commander Lena Hask.",
               "Keep your windows shut until we tell you otherwise, said Mayor Tobias Renn."})
              .analyse({claim_of({0, 1})})) == 0);
  // Fewer than six words quoted alike: not one quotation.
  CHECK(speaker_count(Set({"\"We are ready,\" said Commander Lena Hask.",
                           "\"We are ready for winter,\" said Mayor Tobias Renn."})
                          .analyse({claim_of({0, 1})})) == 0);
  // One person read two ways: the other side's surname is in the sentence ("Col." cut the name).
  CHECK(speaker_count(
            Set({"\"Keep your windows shut until we tell you otherwise,\" said spokesman Col. "
                 "Patrick Ryder.",
                 "\"Keep your windows shut until we tell you otherwise,\" said spokesman "
                 "Colonel Patrick Ryder."})
                .analyse({claim_of({0, 1})})) == 0);
  // Two people in a sentence: which one speaks is not clear.
  CHECK(
      speaker_count(
          Set({"\"Keep your windows shut until we tell you otherwise,\" said Commander Lena Hask.",
               "\"Keep your windows shut until we tell you otherwise,\" Mayor Tobias Renn said "
               "after meeting Governor Ada Quill."})
              .analyse({claim_of({0, 1})})) == 0);
}

TEST_CASE("the contradiction bound keeps the most confident, whichever route found them",
          "[diverge]") {
  // 16 articles give two people 16 different offices each: 240 weak role conflicts (0.55,
  // hidden) from the subject route, more than kMaxContradictions. A shown figure conflict in a
  // shared claim, found later by the claims route, must still be kept.
  const char* offices[] = {"adviser",    "ambassador", "envoy",    "spokesman",
                           "director",   "governor",   "mayor",    "senator",
                           "chancellor", "secretary",  "minister", "chairman",
                           "commander",  "officer",    "manager",  "inspector"};
  std::vector<std::string> texts;
  for (const char* office : offices) {
    texts.push_back(std::string("Marek Dalby, the city's ") + office + ", spoke on Monday. " +
                    "Ada Quill, the region's " + office + ", spoke on Monday.\n\n" +
                    "Soldiers said " + (texts.empty() ? "24" : "23") +
                    " people were wounded in the attack on the northern base.");
  }
  const Set set(texts);
  align::Claim claim;
  claim.members = {{{0, 1, 0}, 0.9}, {{1, 1, 0}, 0.9}};
  claim.support = claim.independent = 2;
  const auto result = set.analyse({claim});
  CHECK(result.contradictions.size() == diverge::kMaxContradictions);
  CHECK(result.truncated);
  REQUIRE(shown_count(result) >= 1);
  CHECK(result.contradictions.front().claim == 0);
  CHECK(result.contradictions.front().shown());
}
