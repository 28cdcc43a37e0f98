#include <catch2/catch.hpp>

#include "represent/represent.h"

TEST_CASE("the Snowball English stemmer conflates inflections", "[represent][stemmer]") {
  parallax::represent::Stemmer stemmer;
  const std::pair<const char*, const char*> cases[] = {
      {"discussions", "discuss"}, {"discussed", "discuss"}, {"talks", "talk"},
      {"meeting", "meet"},        {"denied", "deni"},       {"denies", "deni"},
      {"sanctions", "sanction"},  {"relations", "relat"},   {"summit", "summit"},
  };
  for (const auto& [word, stem] : cases) {
    INFO(word);
    CHECK(stemmer.stem(word) == stem);
  }
}

TEST_CASE("the stemmer leaves odd input alone and never fails", "[represent][stemmer]") {
  parallax::represent::Stemmer stemmer;
  CHECK(stemmer.stem("").empty());
  CHECK(stemmer.stem("2025") == "2025");
  CHECK(stemmer.stem("путин") == "путин");  // not English: unchanged
  const std::string long_word(1000, 'a');
  CHECK(stemmer.stem(long_word) == long_word);
}

TEST_CASE("a moved stemmer still works", "[represent][stemmer]") {
  parallax::represent::Stemmer first;
  parallax::represent::Stemmer second = std::move(first);
  CHECK(second.stem("treaties") == "treati");
}
