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

TEST_CASE("the first and last stopword of the list and near misses", "[represent][stopwords]") {
  using parallax::represent::is_stopword;
  // First-byte index edges: the list's first and last words, words one byte longer or
  // shorter than a stopword, a prefix of one, bytes outside a-z.
  for (const char* word : {"a", "about", "your", "would", "the"}) {
    INFO(word);
    CHECK(is_stopword(word));
  }
  for (const char* word :
       {"ab", "abou", "abouts", "youre", "th", "zzz", "\xc3\xa9t\xc3\xa9", "A", "The", "9", "'s"}) {
    INFO(word);
    CHECK_FALSE(is_stopword(word));
  }
}
