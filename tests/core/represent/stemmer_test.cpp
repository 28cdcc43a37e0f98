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

TEST_CASE("stem_uncached gives stem's answers, cached or not", "[represent][stemmer]") {
  parallax::represent::Stemmer cached;
  parallax::represent::Stemmer uncached;
  const std::string long_word(1000, 'a');
  for (const std::string& word :
       {std::string("discussions"), std::string("denied"), std::string("summit"), std::string(""),
        std::string("2025"), std::string("путин"), std::string("moscow's"), long_word,
        std::string("discussions")}) {  // the last: a cache hit for `cached`
    INFO(word);
    CHECK(uncached.stem_uncached(word) == cached.stem(word));
  }
  CHECK(uncached.stem_uncached("relations") == "relat");
  CHECK(uncached.stem("relations") == "relat");  // stem after stem_uncached: same env, fine
}
