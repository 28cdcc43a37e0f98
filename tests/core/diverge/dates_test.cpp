#include <catch2/catch.hpp>

#include "core/diverge/test_util.h"

using namespace parallax;
using diverge::FactKind;
using diverge_test::facts_of;
using diverge_test::first_of;

TEST_CASE("absolute dates in their many spellings", "[diverge]") {
  struct Row {
    const char* sentence;
    const char* published;
    const char* text;
    const char* value;
  };
  const Row rows[] = {
      {"The summit is on August 15th.", "", "August 15th", "xxxx-08-15"},
      {"The summit is on 15 August.", "", "15 August", "xxxx-08-15"},
      {"The summit opens on the 15th of August 2025.", "", "15th of August 2025", "2025-08-15"},
      {"The summit opened on Aug. 15, 2025, in Anchorage.", "", "Aug. 15, 2025", "2025-08-15"},
      {"The summit opened on Sept 3, 2024.", "", "Sept 3, 2024", "2024-09-03"},
      {"Talks were held in March 2025.", "", "March 2025", "2025-03"},
      {"Talks resume in August.", "", "August", "xxxx-08"},
      {"The file is dated 2025-08-15.", "", "2025-08-15", "2025-08-15"},
      {"Officials met in 2019.", "", "2019", "2019"},
      // The published year completes a date without one.
      {"The summit is on August 15th.", "2025-08-10", "August 15th", "2025-08-15"},
      {"The summit is on 15 August.", "Aug. 10, 2025", "15 August", "2025-08-15"},
  };
  for (const Row& row : rows) {
    INFO(row.sentence << " / " << row.published);
    const auto facts = facts_of(row.sentence, row.published);
    const diverge::Fact* f = first_of(facts, FactKind::kDate);
    REQUIRE(f != nullptr);
    const std::string sentence = row.sentence;
    CHECK(sentence.substr(f->span.start, f->span.end - f->span.start) == row.text);
    CHECK(f->value == row.value);
  }
}

TEST_CASE("relative dates resolve against the published date", "[diverge]") {
  struct Row {
    const char* sentence;
    const char* published;
    const char* value;
  };
  const Row rows[] = {
      // 2025-08-08 is a Friday, 2025-08-06 a Wednesday.
      {"They meet next Friday in Alaska.", "2025-08-08", "2025-08-15"},
      {"They meet next Friday in Alaska.", "2025-08-06", "2025-08-08"},
      {"They meet this Friday.", "2025-08-08", "2025-08-08"},
      {"They met last Friday.", "2025-08-08", "2025-08-01"},
      {"They met last Friday.", "2025-08-06", "2025-08-01"},
      {"They meet tomorrow.", "2025-12-31", "2026-01-01"},
      {"They met yesterday.", "2024-03-01", "2024-02-29"},
      {"They met last month.", "2025-01-10", "2024-12"},
      {"They meet next year.", "2025-01-10", "2026"},
      {"A summit is planned for later this year.", "2025-08-08T10:00:00Z", "2025"},
      {"A summit was held earlier this year.", "2025-08-08", "2025"},
      // Without a published date the phrase is kept, the date unknown.
      {"They meet next Friday in Alaska.", "", "next friday"},
      {"A summit is planned for later this year.", "", "later this year"},
  };
  for (const Row& row : rows) {
    INFO(row.sentence << " / " << row.published);
    const auto facts = facts_of(row.sentence, row.published);
    const diverge::Fact* f = first_of(facts, FactKind::kDate);
    REQUIRE(f != nullptr);
    CHECK(f->relative);
    CHECK(f->value == row.value);
  }
}

TEST_CASE("month words that are not dates", "[diverge]") {
  CHECK(first_of(facts_of("Talks may resume soon."), FactKind::kDate) == nullptr);
  CHECK(first_of(facts_of("Protesters will march through the city."), FactKind::kDate) == nullptr);
  CHECK(first_of(facts_of("May saw little progress."), FactKind::kDate) == nullptr);
  CHECK(first_of(facts_of("The vote is on 31 February."), FactKind::kDate) == nullptr);
  CHECK(first_of(facts_of("He was born on 29 February 2023."), FactKind::kDate) == nullptr);
  CHECK(first_of(facts_of("It was the year 1991-2000."), FactKind::kDate) == nullptr);
}

TEST_CASE("times with zones become UTC; local times stay local", "[diverge]") {
  const auto facts = facts_of(
      "The summit will commence at 11:30 a.m. local time, aligning with 20:30 BST and "
      "21:30 CEST.");
  std::vector<std::string> values;
  for (const auto& f : facts)
    if (f.kind == FactKind::kTime) values.push_back(f.value);
  CHECK(values == std::vector<std::string>{"11:30 local", "19:30 UTC", "19:30 UTC"});
  CHECK(first_of(facts_of("Polls close at 8 p.m. GMT."), FactKind::kTime)->value == "20:00 UTC");
  CHECK(first_of(facts_of("Polls close at 8pm EDT."), FactKind::kTime)->value == "00:00 UTC");
  CHECK(first_of(facts_of("Doors open at 9:15."), FactKind::kTime) == nullptr);  // no zone
  CHECK(first_of(facts_of("Doors open at 9:15 am."), FactKind::kTime)->value == "09:15");
  CHECK(first_of(facts_of("They won 3:2 at home."), FactKind::kTime) == nullptr);
  CHECK(first_of(facts_of("It ended 25:70 GMT."), FactKind::kTime) == nullptr);
}

TEST_CASE("published dates in the formats ingest passes on", "[diverge]") {
  CHECK(diverge::date_value(diverge::parse_published("2025-08-10T09:00:00Z")) == "2025-08-10");
  CHECK(diverge::date_value(diverge::parse_published("Aug. 10, 2025")) == "2025-08-10");
  CHECK(diverge::date_value(diverge::parse_published("10 August 2025 09:00")) == "2025-08-10");
  CHECK_FALSE(diverge::parse_published("").known());
  CHECK_FALSE(diverge::parse_published("yesterday-ish").known());
  CHECK_FALSE(diverge::parse_published("2025-13-45").known());
  CHECK_FALSE(diverge::parse_published(std::string(10000, '2')).known());
}

TEST_CASE("a date is tied to the event next to it", "[diverge]") {
  const std::vector<std::string> places{"alaska", "geneva"};
  const auto facts = facts_of(
      "The Alaska Summit in March 2025 laid the groundwork for the Geneva talks.", "", places);
  const diverge::Fact* f = first_of(facts, FactKind::kDate);
  REQUIRE(f != nullptr);
  CHECK(f->subject == "event:meeting@alaska");
  const auto title = facts_of(
      "Ushakov Emphasized The Logical Choice Of Alaska For The Initial August 15th Summit.", "",
      places);
  REQUIRE(first_of(title, FactKind::kDate) != nullptr);
  CHECK(first_of(title, FactKind::kDate)->subject == "event:meeting@alaska");
  // No event word: no subject, so the date is compared with nothing by subject.
  const auto plain = facts_of("Prices in Geneva rose in March 2025.", "", places);
  REQUIRE(first_of(plain, FactKind::kDate) != nullptr);
  CHECK(first_of(plain, FactKind::kDate)->subject.empty());
}

TEST_CASE("every month name and abbreviation, and words that only start like one", "[diverge]") {
  const char* full[] = {"January", "February", "March",     "April",   "May",      "June",
                        "July",    "August",   "September", "October", "November", "December"};
  for (int m = 0; m < 12; ++m) {
    const std::string name = full[m];
    const std::string month = (m < 9 ? "0" : "") + std::to_string(m + 1);
    // Full name, three-letter abbreviation with and without its dot, upper case.
    for (const std::string& spelling :
         {name, name.substr(0, 3), name.substr(0, 3) + ".", std::string("SEPT")}) {
      if (spelling == "SEPT" && m != 8) continue;
      const std::string sentence = "The summit opened on " + spelling + " 5, 2024, in Oslo.";
      INFO(sentence);
      const auto facts = facts_of(sentence);  // alive while f is used
      const diverge::Fact* f = first_of(facts, FactKind::kDate);
      REQUIRE(f != nullptr);
      CHECK(f->value == "2024-" + month + "-05");
    }
  }
  // Four letters of a longer name, or a longer word, are no month: only the year is a date.
  for (const char* word : {"Janu", "Augus", "Septembers", "Octo", "Decemb", "Mayday", "Junes"}) {
    const std::string sentence = std::string("The summit opened on ") + word + " 5, 2024, in Oslo.";
    INFO(sentence);
    const auto facts = facts_of(sentence);  // alive while f is used
    const diverge::Fact* f = first_of(facts, FactKind::kDate);
    REQUIRE(f != nullptr);
    CHECK(f->value == "2024");
  }
}
