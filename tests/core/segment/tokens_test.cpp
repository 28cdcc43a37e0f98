#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "segment/segment.h"

using parallax::segment::tokenize;

namespace {
std::vector<std::string> norms(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& t : tokenize(text, {0, text.size()})) out.push_back(t.norm);
  return out;
}
using Norms = std::vector<std::string>;
}  // namespace

TEST_CASE("tokens: words, numbers and punctuation", "[segment][tokens]") {
  CHECK(norms("Moscow\u2019s talks, Putin's plan!") ==
        Norms{"moscow's", "talks", "putin's", "plan"});
  CHECK(norms("high-level, face-to-face; - dash -") == Norms{"high-level", "face-to-face", "dash"});
  CHECK(norms("At 11:30 on 15.08.2025 growth hit 3.5 and 1,000 people, 2025.") ==
        Norms{"at", "11:30", "on", "15.08.2025", "growth", "hit", "3.5", "and", "1,000", "people",
              "2025"});
  CHECK(norms("the U.S. and J.D. Vance at 9 a.m.") ==
        Norms{"the", "u.s", "and", "j.d", "vance", "at", "9", "a.m"});
  CHECK(norms("24-hour 15th") == Norms{"24-hour", "15th"});
  CHECK(norms("\u2018quoted\u2019 words") == Norms{"quoted", "words"});
}

TEST_CASE("tokens: NFKC and case folding", "[segment][tokens]") {
  CHECK(norms("STRASSE Stra\u00dfe") == Norms{"strasse", "strasse"});
  CHECK(norms("\uff21\uff22\uff23 \ufb01le") == Norms{"abc", "file"});  // fullwidth, ligature
  CHECK(norms("Cafe\u0301") == Norms{"caf\u00e9"});                     // combining accent composed
  CHECK(norms("\u041f\u0443\u0442\u0438\u043d") == Norms{"\u043f\u0443\u0442\u0438\u043d"});
}

TEST_CASE("tokens: spans and is_number", "[segment][tokens]") {
  const std::string text = "xx Alaska 2025 yy";
  const auto tokens = tokenize(text, {3, 14});
  REQUIRE(tokens.size() == 2);
  CHECK(parallax::slice(text, tokens[0].span) == "Alaska");
  CHECK_FALSE(tokens[0].is_number);
  CHECK(parallax::slice(text, tokens[1].span) == "2025");
  CHECK(tokens[1].is_number);
}

TEST_CASE("tokens: empty and invalid input", "[segment][tokens]") {
  CHECK(norms("").empty());
  CHECK(norms(" .,;!? ").empty());
  const std::string bad =
      "ab\xff\xfe"
      "cd \xc3";
  const auto tokens = tokenize(bad, {0, bad.size()});
  CHECK(tokens.size() == 2);
  CHECK(tokenize("abc", {10, 20}).empty());
}
