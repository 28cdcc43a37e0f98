// Tests for core/stance/actors.cpp: main actors, aliases merged, mentions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "segment/segment.h"
#include "stance/stance.h"
#include "stance_inputs.h"

using namespace parallax;
using namespace parallax::stance;
using parallax::stance::testing::Set;

namespace {

const Actor* find(const ActorSet& set, const std::string& name) {
  for (const Actor& a : set.actors) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

bool has_alias(const Actor& a, const std::string& alias) {
  return std::find(a.aliases.begin(), a.aliases.end(), alias) != a.aliases.end();
}

}  // namespace

TEST_CASE("aliases of one person merge into one actor", "[stance]") {
  Set set(
      {"Russian President Vladimir Putin will meet the envoy in Alaska. Putin arrives on "
       "Friday.\n\nThe talks matter to Eastern Europe and Eastern Ukraine.",
       "President Putin said the meeting was useful. Later, Vladimir Putin left the White "
       "House."});
  const ActorSet actors = find_actors(set.inputs);
  const Actor* putin = find(actors, "Vladimir Putin");
  REQUIRE(putin != nullptr);
  CHECK(putin->articles == 2);
  CHECK(putin->mentions == 4);
  CHECK(has_alias(*putin, "Putin"));
  CHECK(has_alias(*putin, "Vladimir Putin"));
  CHECK(has_alias(*putin, "President Putin"));
  CHECK(has_alias(*putin, "Russian President Vladimir Putin"));
  // Places and institutions are not people.
  CHECK(find(actors, "Eastern Europe") == nullptr);
  CHECK(find(actors, "White House") == nullptr);
  CHECK(actors.actors.size() == 1);
  for (const ActorMention& m : actors.mentions) {
    const std::string& text = set.texts[m.ref.article];
    const std::string said = text.substr(m.span.start, m.span.end - m.span.start);
    CHECK(said.find("Putin") != std::string::npos);
  }
}

TEST_CASE("a son with the same name is another actor", "[stance]") {
  Set set(
      {"Donald Trump met the press. Trump spoke first. Donald Trump Jr. spoke later, and "
       "Donald Trump Jr. left early.",
       "Trump and Donald Trump Jr. were both there. President Donald Trump waved."});
  const ActorSet actors = find_actors(set.inputs);
  const Actor* father = find(actors, "Donald Trump");
  const Actor* son = find(actors, "Donald Trump Jr.");
  REQUIRE(father != nullptr);
  REQUIRE(son != nullptr);
  CHECK(father->mentions == 4);
  CHECK(son->mentions == 3);
  CHECK_FALSE(has_alias(*father, "Donald Trump Jr."));
}

TEST_CASE("actors are ranked by articles then mentions, one-off names dropped", "[stance]") {
  Set set({"Mara Ellison met Tom Varga. Ellison smiled. Varga left. Ellison stayed.",
           "Ellison spoke to Paul Rudd once.", "Nothing about anyone here."});
  const ActorSet actors = find_actors(set.inputs);
  REQUIRE(actors.actors.size() == 2);
  CHECK(actors.actors[0].name == "Mara Ellison");
  CHECK(actors.actors[0].articles == 2);
  CHECK(actors.actors[1].name == "Tom Varga");
  CHECK(find(actors, "Paul Rudd") == nullptr);  // mentioned once
  CHECK(actor_source_name(actors, "Ellison") == "Mara Ellison");
  CHECK(actor_source_name(actors, "Kremlin") == "Kremlin");
}

TEST_CASE("actors of empty and hostile sets", "[stance]") {
  CHECK(find_actors({}).actors.empty());
  Set set({"", std::string("\x00\xFF\xFE Zz Zz Zz", 12), "A B C D E F G H I J K L M N O P."});
  CHECK_NOTHROW(find_actors(set.inputs));
  std::string many;
  for (int i = 0; i < 40; ++i) {
    const std::string n = std::to_string(i);
    many += "Anna" + n + " Berg" + n + " met us. Berg" + n + " left. ";
  }
  Set big({many});
  CHECK(find_actors(big.inputs).actors.size() <= kMaxActors);
}

TEST_CASE("speakers are people; bridges, outlets and possessive runs are not", "[stance]") {
  Set set(
      {"City engineer Tomas Odali stressed that Kestrelford's Varrow Bridge is safe. The "
       "Valley Herald reported it.",
       "\"It is safe,\" said Tomas Odali. Traffic on Varrow Bridge stopped; Valley Herald "
       "readers complained."});
  const ActorSet actors = find_actors(set.inputs);
  REQUIRE(actors.actors.size() == 1);
  CHECK(actors.actors[0].name == "Tomas Odali");
  CHECK(actors.actors[0].mentions == 2);
}

TEST_CASE("one word after a role title is a person, after a descriptor it is not", "[stance]") {
  Set set({"President Zelensky spoke in Kyiv. Later Zelensky left. Russian Soil was mentioned.",
           "Zelensky returned. The Russian Soil question stayed open."});
  const ActorSet actors = find_actors(set.inputs);
  REQUIRE(actors.actors.size() == 1);
  CHECK(actors.actors[0].name == "Zelensky");
  CHECK(actors.actors[0].articles == 2);
  CHECK(has_alias(actors.actors[0], "President Zelensky"));
}

TEST_CASE("set_words: every sentence tokenised once, in text order, bounded", "[stance]") {
  Set set(
      {"# Talks In Corvale\n\nMayor Lena Hartwell met Olaf Brand. Brand left.\n\n"
       "- Underscore the deal\n- Sign it",
       ""});
  const SetWords words = set_words(set.inputs);
  REQUIRE(words.articles.size() == 2);
  REQUIRE(words.more.size() == 2);
  CHECK(words.articles[1].empty());
  CHECK_FALSE(words.more[0]);
  const auto& sentences = words.articles[0];
  REQUIRE(sentences.size() == 5);
  std::size_t prose = 0, items = 0;
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    const SentenceWordList& s = sentences[k];
    CHECK(s.ref.article == 0);
    const auto& paragraph = set.paragraphs[0][s.ref.paragraph];
    CHECK(s.span.start == paragraph.sentences[s.ref.sentence].span.start);
    CHECK(s.span.end == paragraph.sentences[s.ref.sentence].span.end);
    const std::vector<Word> expected = stance_words(set.texts[0], s.span);
    REQUIRE(s.words.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) CHECK(s.words[i].lower == expected[i].lower);
    if (k > 0) {
      const SentenceRef& prev = sentences[k - 1].ref;
      CHECK((prev.paragraph < s.ref.paragraph ||
             (prev.paragraph == s.ref.paragraph && prev.sentence < s.ref.sentence)));
    }
    prose += s.prose ? 1 : 0;
    items += s.list_item ? 1 : 0;
  }
  CHECK_FALSE(sentences[0].prose);  // the heading
  CHECK(sentences[1].words.front().lower == "mayor");
  CHECK(prose == 4);
  CHECK(items == 2);
  // The shared words give the actors that find_actors finds alone.
  const ActorSet shared = find_actors(set.inputs, words);
  const ActorSet alone = find_actors(set.inputs);
  REQUIRE(shared.actors.size() == alone.actors.size());
  for (std::size_t k = 0; k < alone.actors.size(); ++k)
    CHECK(shared.actors[k].name == alone.actors[k].name);
  CHECK(shared.mentions.size() == alone.mentions.size());

  // At most kMaxStanceSentences sentences of an article are read.
  std::string many;
  for (std::size_t k = 0; k <= kMaxStanceSentences; ++k) many += "Go. ";
  Set big({many, "Brand left."});
  const SetWords bounded = set_words(big.inputs);
  CHECK(bounded.articles[0].size() == kMaxStanceSentences);
  CHECK(bounded.more[0]);
  CHECK(bounded.articles[1].size() == 1);
  CHECK_FALSE(bounded.more[1]);
}
