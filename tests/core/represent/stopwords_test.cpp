#include <catch2/catch.hpp>

#include "represent/represent.h"

TEST_CASE("function words are stopwords, content words are not", "[represent][stopwords]") {
  using parallax::represent::is_stopword;
  for (const char* word : {"the", "and", "of", "said", "would", "their"}) {
    INFO(word);
    CHECK(is_stopword(word));
  }
  for (const char* word : {"summit", "putin", "not", "ceasefire", "2025", ""}) {
    INFO(word);
    CHECK_FALSE(is_stopword(word));
  }
}
