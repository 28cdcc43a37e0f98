#include <catch2/catch.hpp>

#include "core/diverge/test_util.h"

using namespace parallax;
using diverge::FactKind;
using diverge_test::facts_of;
using diverge_test::first_of;

TEST_CASE("numbers, money, percentages and counts from real-style phrasings", "[diverge]") {
  struct Row {
    const char* sentence;
    FactKind kind;
    const char* text;
    const char* value;
  };
  const Row rows[] = {
      {"Officials said 3 million people had fled the region.", FactKind::kCount, "3 million people",
       "3000000 person"},
      {"The package is worth $1.5 billion, the ministry said.", FactKind::kMoney, "$1.5 billion",
       "1500000000 usd"},
      {"The package is worth $1.5bn, the ministry said.", FactKind::kMoney, "$1.5bn",
       "1500000000 usd"},
      {"They agreed a loan of 1.5 billion dollars.", FactKind::kMoney, "1.5 billion dollars",
       "1500000000 usd"},
      {"The fund will add \xE2\x82\xAC"
       "20 million next year.",
       FactKind::kMoney,
       "\xE2\x82\xAC"
       "20 million",
       "20000000 eur"},
      {"Prices rose 5 per cent in July.", FactKind::kPercent, "5 per cent", "5%"},
      {"Turnout fell to 42.5% on Sunday.", FactKind::kPercent, "42.5%", "42.5%"},
      {"Turnout was 61 percent.", FactKind::kPercent, "61 percent", "61%"},
      {"About 1,500 troops crossed the border.", FactKind::kCount, "1,500 troops", "1500 troop"},
      {"The two leaders shook hands.", FactKind::kCount, "two leaders", "2 leader"},
      {"The 2 leaders shook hands.", FactKind::kCount, "2 leaders", "2 leader"},
      {"The queue stretched between 10 and 20 km.", FactKind::kNumber, "10 and 20 km", "10-20 km"},
      {"The convoy was 12 km long.", FactKind::kNumber, "12 km", "12 km"},
  };
  for (const Row& row : rows) {
    INFO(row.sentence);
    const auto facts = facts_of(row.sentence);
    const diverge::Fact* f = first_of(facts, row.kind);
    REQUIRE(f != nullptr);
    const std::string sentence = row.sentence;
    CHECK(sentence.substr(f->span.start, f->span.end - f->span.start) == row.text);
    CHECK(f->value == row.value);
  }
}

TEST_CASE("approximations, bounds and ranges are kept for comparison", "[diverge]") {
  const auto about = facts_of("About 1,500 troops crossed the border.");
  REQUIRE(first_of(about, FactKind::kCount) != nullptr);
  CHECK(first_of(about, FactKind::kCount)->approximate);
  const auto exact = facts_of("Exactly 1,480 troops crossed the border.");
  REQUIRE(first_of(exact, FactKind::kCount) != nullptr);
  CHECK_FALSE(first_of(exact, FactKind::kCount)->approximate);
  const auto range = facts_of("Between 10 and 20 people were hurt.");
  REQUIRE(first_of(range, FactKind::kCount) != nullptr);
  CHECK(first_of(range, FactKind::kCount)->low == 10);
  CHECK(first_of(range, FactKind::kCount)->high == 20);
  const auto over = facts_of("More than 300 people were hurt.");
  REQUIRE(first_of(over, FactKind::kCount) != nullptr);
  CHECK(first_of(over, FactKind::kCount)->low == 300);
  CHECK(first_of(over, FactKind::kCount)->high > 1e9);
}

TEST_CASE("things that are not values give none", "[diverge]") {
  // List markers, ordinals, identifiers in links, "one of", years (dates.cpp takes those).
  CHECK(diverge_test::count_of(facts_of("1. Ukraine Peace Framework"), FactKind::kNumber) == 0);
  CHECK(facts_of("It is one of the most consequential meetings.").empty());
  CHECK(facts_of("See https://example.org/story?id=124602682 for more.").empty());
  CHECK(facts_of("See example.org/7308684/trump-putin for more.").empty());
  CHECK(first_of(facts_of("The G7 met again."), FactKind::kNumber) == nullptr);
  const auto year = facts_of("The treaty dates from 1867.");
  CHECK(first_of(year, FactKind::kNumber) == nullptr);
  CHECK(first_of(year, FactKind::kDate) != nullptr);
}

TEST_CASE("scanning never crashes on hostile text and stays bounded", "[diverge]") {
  std::string junk;
  for (int i = 0; i < 5000; ++i) junk += static_cast<char>((i * 7919) % 256);
  const auto facts = facts_of(junk);
  CHECK(facts.size() <= diverge::kMaxFactsPerSentence);
  std::string digits(100000, '9');
  CHECK(facts_of(digits).size() <= diverge::kMaxFactsPerSentence);
  std::string many;
  for (int i = 0; i < 3000; ++i) many += "$1.5bn and 3 million people, ";
  CHECK(facts_of(many).size() <= diverge::kMaxFactsPerSentence);
  for (const auto& f : facts_of(many)) CHECK(f.span.end <= many.size());
  CHECK(facts_of("").empty());
  CHECK(facts_of("$").empty());
  CHECK(facts_of("\xE2\x80").empty());
}

TEST_CASE("every number word counts, and words that only look like one do not", "[diverge]") {
  struct Row {
    const char* word;
    const char* value;
  };
  // "one" and "hundred" are left out on purpose by extract_values ("one of", "hundreds").
  const Row rows[] = {
      {"zero", "0"},       {"two", "2"},       {"three", "3"},     {"four", "4"},
      {"five", "5"},       {"six", "6"},       {"seven", "7"},     {"eight", "8"},
      {"nine", "9"},       {"ten", "10"},      {"eleven", "11"},   {"twelve", "12"},
      {"thirteen", "13"},  {"fourteen", "14"}, {"fifteen", "15"},  {"sixteen", "16"},
      {"seventeen", "17"}, {"eighteen", "18"}, {"nineteen", "19"}, {"twenty", "20"},
      {"thirty", "30"},    {"forty", "40"},    {"fifty", "50"},    {"sixty", "60"},
      {"seventy", "70"},   {"eighty", "80"},   {"ninety", "90"},   {"dozen", "12"},
  };
  for (const Row& row : rows) {
    const std::string sentence = std::string("Police said ") + row.word + " sailors were rescued.";
    INFO(sentence);
    const auto facts = diverge_test::facts_of(sentence);  // alive while f is used
    const diverge::Fact* f = diverge_test::first_of(facts, diverge::FactKind::kCount);
    REQUIRE(f != nullptr);
    CHECK(f->value == std::string(row.value) + " sailor");
  }
  for (const char* word : {"tens", "twentyone", "fourty", "dozens", "nin", "zeros"}) {
    const std::string sentence = std::string("Police said ") + word + " sailors were rescued.";
    INFO(sentence);
    CHECK(diverge_test::facts_of(sentence).empty());
  }
}
