// Tests for core/stance/attribution.cpp: who a sentence quotes or cites.
#include <catch2/catch.hpp>

#include <string>

#include "stance/stance.h"
#include "stance/tone_detail.h"

using namespace parallax;
using namespace parallax::stance;

namespace {

std::vector<std::string> sources(const std::string& s) {
  std::vector<std::string> out;
  for (const Citation& c : find_citations(s, {0, s.size()})) {
    CHECK(c.span.end <= s.size());
    out.push_back(c.pronoun ? "<pronoun>" : c.source);
  }
  return out;
}

using List = std::vector<std::string>;

}  // namespace

TEST_CASE("attribution patterns name their source", "[stance]") {
  struct Case {
    const char* text;
    List expected;
  };
  const Case cases[] = {
      {"According to the Kremlin, the summit will start at noon.", {"Kremlin"}},
      {"The summit, according to Foreign Minister Sergei Lavrov, will start at noon.",
       {"Sergei Lavrov"}},
      {"According to senior officials, talks will resume.", {"officials"}},
      {"Ushakov confirmed that Ukraine will be discussed.", {"Ushakov"}},
      {"Experts predict that the meeting will focus on arms control.", {"experts"}},
      {"Analysts suggest that energy will be central.", {"analysts"}},
      {"Security analysts caution about the risks.", {"analysts"}},
      {"The Kremlin has also indicated that a press conference will follow.", {"Kremlin"}},
      {"President Putin said the talks were useful.", {"Putin"}},
      {"\"The talks were useful,\" said Ushakov.", {"Ushakov"}},
      {"The talks were useful, says the Kremlin.", {"Kremlin"}},
      {"Ushakov told Interfax that Alaska was a logical choice.", {"Ushakov"}},
      {"Yuri Ushakov, the Kremlin\xE2\x80\x99s senior adviser, briefed journalists.",
       {"Yuri Ushakov"}},
      {"The White House\xE2\x80\x99s spokesman said nothing.", {"spokesmen"}},
      {"Moscow\xE2\x80\x99s envoys met in Alaska.", {}},
      {"He said the talks were useful.", {"<pronoun>"}},  // resolved by analyze_articles
      {"\"It is over,\" she told reporters.", {"<pronoun>"}},
      {"They said it was over.", {}},
      {"The talks were useful.", {}},
      {"", {}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(sources(c.text) == c.expected);
  }
}

TEST_CASE("title case sentences cite only groups and short runs", "[stance]") {
  CHECK(sources("Experts Suggest That Maintaining Consistent Channels Is Crucial.") ==
        List{"experts"});
  CHECK(sources("Ushakov, Speaking To Interfax, Emphasized The Logical Choice Of Alaska.") ==
        List{"Ushakov"});
}

TEST_CASE("attribution never crashes on hostile text", "[stance]") {
  std::string junk;
  for (int i = 0; i < 3000; ++i) junk += (i % 7 == 0) ? "said " : (i % 5 == 0 ? ", " : "X ");
  junk += "according to";
  CHECK_NOTHROW(find_citations(junk, {0, junk.size()}));
  const std::string binary("\x00\xFF said \xC3", 10);
  CHECK_NOTHROW(find_citations(binary, {0, binary.size()}));
}

TEST_CASE("name classes agree with the word lists", "[stance]") {
  const auto classes = detail::name_classes();
  REQUIRE(classes.size() > 100);
  for (const auto& [word, bits] : classes) {
    INFO(std::string(word));
    if ((bits & detail::kTitleWord) != 0) CHECK(detail::is_title_word(word));
    if ((bits & detail::kRoleTitle) != 0) CHECK(detail::is_role_title(word));
    if ((bits & detail::kNameSuffix) != 0) CHECK(detail::is_name_suffix(word));
    if ((bits & detail::kGenericHead) != 0) CHECK(detail::is_generic_name_head(word));
  }
  const auto listed = [&](std::string_view w, std::uint8_t bit) {
    for (const auto& [word, bits] : classes) {
      if (word == w && (bits & bit) != 0) return true;
    }
    return false;
  };
  CHECK(listed("president", detail::kRoleTitle));
  CHECK(listed("former", detail::kTitleWord));
  CHECK_FALSE(listed("former", detail::kRoleTitle));
  CHECK(listed("jr.", detail::kNameSuffix));
  CHECK(listed("summit", detail::kGenericHead));
  CHECK_FALSE(listed("putin", detail::kTitleWord | detail::kRoleTitle | detail::kNameSuffix |
                                  detail::kGenericHead));
}
