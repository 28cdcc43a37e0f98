// Tests for core/stance/article.cpp: the stance of whole articles.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "segment/segment.h"
#include "stance/stance.h"
#include "stance_inputs.h"

using namespace parallax;
using namespace parallax::stance;
using parallax::stance::testing::Set;

namespace {

// Two fictional reports on one meeting: one warm and certain, one cold and hedged.
const std::string kWarm =
    "Mayor Lena Hartwell met Governor Olaf Brand in Corvale on Monday.\n\n"
    "Hartwell praised the wonderful and generous offer. Brand clearly welcomed the excellent "
    "deal.\n\n"
    "\"It is a fine day,\" he said.\n\n"
    "According to the city council, the agreement is undoubtedly a success.";
const std::string kCold =
    "Lena Hartwell may have met Olaf Brand, but the meeting was possibly a disaster.\n\n"
    "Critics said Hartwell was a corrupt, incompetent and evil liar. Analysts suggest Brand could "
    "perhaps lose.\n\n"
    "Officials told reporters the talks seemed likely to fail.";

}  // namespace

TEST_CASE("article stance: tone, hedging, subjectivity, attribution, targets", "[stance]") {
  Set set({kWarm, kCold});
  const ActorSet actors = find_actors(set.inputs);
  REQUIRE(actors.actors.size() == 2);
  CHECK(actors.actors[0].articles == 2);
  const auto stance = analyze_articles(set.inputs, actors);
  REQUIRE(stance.size() == 2);
  const ArticleStance& warm = stance[0];
  const ArticleStance& cold = stance[1];
  CHECK(warm.article == 0);
  CHECK(cold.article == 1);

  CHECK(warm.tone > 0.2);
  CHECK(cold.tone < -0.1);
  CHECK(warm.positive >= 2);
  CHECK(cold.negative >= 2);
  REQUIRE_FALSE(warm.tone_sentences.empty());
  CHECK(std::fabs(warm.tone_sentences.front().score) >=
        std::fabs(warm.tone_sentences.back().score));

  CHECK(warm.boosters == 2);  // clearly, undoubtedly
  CHECK(warm.hedges == 0);
  CHECK(warm.hedging == -1.0);
  CHECK(cold.hedges >= 5);  // may, possibly, suggest, could, perhaps, seemed, likely
  CHECK(cold.hedging > 0.5);
  CHECK(cold.hedging_sentences.size() == 3);

  CHECK(warm.subjectivity > 0);
  bool liar = false;
  for (const WordCount& w : cold.loaded) liar = liar || (w.word == "evil" && w.count == 1);
  CHECK(liar);

  auto cited = [](const ArticleStance& st, const std::string& source) {
    for (const SourceCount& s : st.attribution) {
      if (s.source == source) return s.count;
    }
    return 0u;
  };
  CHECK(cited(warm, "city council") == 0);  // "the city council": lower case, not a group
  CHECK(cited(cold, "critics") == 1);
  CHECK(cited(cold, "analysts") == 1);
  CHECK(cited(cold, "officials") == 1);
  CHECK(cited(warm, "Olaf Brand") == 1);  // "he said": the person named just before

  // Targets: Hartwell is praised in one, called a liar in the other.
  auto target = [&](const ArticleStance& st, const std::string& name) -> const TargetStance* {
    for (const TargetStance& t : st.targets) {
      if (t.name == name) return &t;
    }
    return nullptr;
  };
  const TargetStance* warm_h = target(warm, "Lena Hartwell");
  const TargetStance* cold_h = target(cold, "Lena Hartwell");
  REQUIRE(warm_h != nullptr);
  REQUIRE(cold_h != nullptr);
  CHECK(warm_h->score > 0);
  CHECK(cold_h->score < 0);
  CHECK(warm_h->mentions == 2);
  CHECK(cold_h->mentions == 2);
  for (const ScoredRef& r : cold_h->sentences) {
    CHECK(r.ref.article == 1);
    CHECK(r.score >= -1.0);
    CHECK(r.score <= 1.0);
  }
}

TEST_CASE("article stance of empty articles and foreign mentions", "[stance]") {
  Set set({"", "\xFF\xFE"});
  const auto stance = analyze_articles(set.inputs, find_actors(set.inputs));
  REQUIRE(stance.size() == 2);
  CHECK(stance[0].tone == 0);
  CHECK(stance[0].hedging == 0);
  CHECK(stance[0].targets.empty());
  // Mentions that point outside the articles are ignored, not read.
  ActorSet bogus;
  bogus.actors.push_back({"Nobody", {"Nobody"}, 1, 1});
  bogus.mentions.push_back({0, {0, 7, 9}, {0, 3}});
  bogus.mentions.push_back({0, {9, 0, 0}, {0, 3}});
  CHECK_NOTHROW(analyze_articles(set.inputs, bogus));
  CHECK(analyze_articles({{"text", nullptr}}, bogus).size() == 1);
}

TEST_CASE("random texts never break the article stance", "[stance]") {
  // Deterministic pseudo-random texts from pieces that exercise every rule.
  const char* pieces[] = {"Vladimir Putin",
                          "Putin",
                          "President",
                          " said",
                          " according to",
                          " the",
                          " not",
                          " very",
                          " good",
                          " bad",
                          "!",
                          ",",
                          ".",
                          "\n\n",
                          "\xE2\x80\x99s",
                          "\xE2\x80\x9C",
                          "-",
                          "U.S.",
                          " Jr.",
                          " he said",
                          "\xFF",
                          "\xC3",
                          " experts",
                          " may",
                          " clearly",
                          " but",
                          " Mr.",
                          "'"};
  std::uint32_t seed = 12345;
  auto next = [&seed]() {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  for (int round = 0; round < 40; ++round) {
    std::vector<std::string> texts;
    for (int a = 0; a < 3; ++a) {
      std::string t;
      const int n = static_cast<int>(next() % 400);
      for (int i = 0; i < n; ++i) t += pieces[next() % (sizeof(pieces) / sizeof(pieces[0]))];
      texts.push_back(t);
    }
    Set set(texts);
    const ActorSet actors = find_actors(set.inputs);
    CHECK(actors.actors.size() <= kMaxActors);
    const auto stance = analyze_articles(set.inputs, actors);
    REQUIRE(stance.size() == 3);
    for (const ArticleStance& st : stance) {
      CHECK(st.tone >= -1.0);
      CHECK(st.tone <= 1.0);
      CHECK(st.subjectivity >= 0.0);
      CHECK(st.subjectivity <= 1.0);
      CHECK(st.hedging >= -1.0);
      CHECK(st.hedging <= 1.0);
      for (const TargetStance& t : st.targets) {
        CHECK(t.actor < actors.actors.size());
        CHECK(std::fabs(t.score) <= 1.0);
        for (const ScoredRef& r : t.sentences) {
          REQUIRE(r.ref.paragraph < set.paragraphs[st.article].size());
          CHECK(r.ref.sentence < set.paragraphs[st.article][r.ref.paragraph].sentences.size());
        }
      }
    }
    for (const ActorMention& m : actors.mentions) CHECK(m.span.end <= texts[m.ref.article].size());
  }
}
