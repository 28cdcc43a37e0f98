// load_glove (tools/train/glove.cpp, parallax-train --glove): what a GloVe text file gives, on a
// tiny generated file of 3-dimensional vectors.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "train/train.h"

using parallax::ErrorCode;
using parallax::train::GloveTable;
using parallax::train::load_glove;
using parallax::train::StemsOf;

namespace {

// A stand-in for parallax-train's Stems: "harbour"/"harbours" share a stem, "the" is a stopword.
StemsOf fake_stems() {
  return [](const std::string& word) -> std::vector<std::uint32_t> {
    static const std::map<std::string, std::uint32_t> ids = {
        {"harbour", 10}, {"harbours", 10}, {"ferry", 11}, {"storm", 12}, {"quay", 13}};
    const auto it = ids.find(word);
    if (it == ids.end()) return {};  // a stopword or an unknown word: no content stem
    return {it->second};
  };
}

}  // namespace

TEST_CASE("load_glove keeps one row per content stem and skips malformed lines", "[tools]") {
  std::istringstream file(
      "the 0.5 0.5 0.5\n"   // a stopword: read, not used
      "harbour 1 0 0\n"     // stem 10
      "ferry 0 2 0\n"       // stem 11
      "storm 0.5 1 -1 7\n"  // four numbers: malformed, skipped
      "harbours 3 0 0\n"    // another form of stem 10: added to its mean
      "quay 0 0 abc\n"      // a word in the numbers: two numbers, skipped
      "ferry 0 4 0\n"       // the same word again: added to stem 11's mean
      "12 1 1 1\n"          // a number is no content stem
      "\n"                  // empty line
      " 1 2 3\n"            // no word
      "storm 0 0 3\n");     // stem 12
  auto loaded = load_glove(file, fake_stems(), 100, 2);
  REQUIRE(loaded.ok());
  const GloveTable& table = loaded.value();
  CHECK(table.stems == std::vector<std::uint32_t>{10, 11, 12});  // rank order, each once
  CHECK(table.words_read == 7);  // the, harbour, ferry, harbours, ferry, 12, storm
  CHECK(table.words_used == 5);  // harbour, ferry, harbours, ferry, storm
  REQUIRE(table.vectors.rows == 3);
  REQUIRE(table.vectors.cols == 2);
  // The projections are centred: each component sums to 0 over the stems.
  for (std::size_t k = 0; k < 2; ++k) {
    double total = 0;
    for (std::size_t i = 0; i < 3; ++i) total += table.vectors.at(i, k);
    CHECK(total == Approx(0).margin(1e-9));
  }
  // Variance comes first: the first component spreads the stems at least as much as the second.
  double first = 0, second = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    first += table.vectors.at(i, 0) * table.vectors.at(i, 0);
    second += table.vectors.at(i, 1) * table.vectors.at(i, 1);
  }
  CHECK(first >= second);
  CHECK(second > 0);
}

TEST_CASE("load_glove's means weigh each form by 1/rank", "[tools]") {
  // Two stems only, so one component carries everything: the distance between the two stems.
  // harbour (rank 1) = (1,0,0), harbours (rank 2) = (4,0,0): mean (1*1 + 4/2) / (1 + 1/2) = 2;
  // ferry (rank 3) = (0,0,0). Centred: +-1 along x, so the projections are +-1.
  std::istringstream file("harbour 1 0 0\nharbours 4 0 0\nferry 0 0 0\n");
  auto loaded = load_glove(file, fake_stems(), 100, 1);
  REQUIRE(loaded.ok());
  const GloveTable& table = loaded.value();
  REQUIRE(table.stems == std::vector<std::uint32_t>{10, 11});
  CHECK(std::abs(table.vectors.at(0, 0)) == Approx(1.0));
  CHECK(table.vectors.at(0, 0) == Approx(-table.vectors.at(1, 0)));
}

TEST_CASE("load_glove keeps the first max_stems stems", "[tools]") {
  std::istringstream file("ferry 0 1 0\nharbour 1 0 0\nstorm 0 0 1\nquay 1 1 1\n");
  auto loaded = load_glove(file, fake_stems(), 2, 2);
  REQUIRE(loaded.ok());
  CHECK(loaded.value().stems == std::vector<std::uint32_t>{11, 10});
  CHECK(loaded.value().vectors.rows == 2);
  CHECK(loaded.value().words_used == 4);  // counted before the cut
}

TEST_CASE("load_glove's failures are values", "[tools]") {
  SECTION("empty input") {
    std::istringstream file("");
    auto loaded = load_glove(file, fake_stems(), 100, 2);
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().code == ErrorCode::kInvalidArgument);
    CHECK(loaded.error().message.find("no usable vectors") != std::string::npos);
  }
  SECTION("no content stem") {
    std::istringstream file("the 1 2 3\nof 3 2 1\n");
    CHECK_FALSE(load_glove(file, fake_stems(), 100, 2).ok());
  }
  SECTION("fewer dimensions than asked") {
    std::istringstream file("harbour 1 0 0\nferry 0 1 0\n");
    auto loaded = load_glove(file, fake_stems(), 100, 4);
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().message.find("fewer than 4 dimensions") != std::string::npos);
  }
  SECTION("zero dimensions asked") {
    std::istringstream file("harbour 1 0 0\nferry 0 1 0\n");
    CHECK_FALSE(load_glove(file, fake_stems(), 100, 0).ok());
  }
  SECTION("binary bytes") {
    std::istringstream file(std::string("\xff\xfe\x00\x01 \x80\x81\n", 8));
    CHECK_FALSE(load_glove(file, fake_stems(), 100, 1).ok());
  }
}
