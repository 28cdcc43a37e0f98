#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "represent/represent.h"

using namespace parallax;
using namespace parallax::represent;

namespace {

Lexicon small() {
  std::vector<Lexicon::Term> terms;
  terms.push_back({"talk", 40, 1.5f, {0.5f, -0.25f, 0.0f}});
  terms.push_back({"negoti", 10, 2.0f, {0.4f, -0.2f, 0.1f}});
  terms.push_back({"bridg", 3, 1.0f, {}});
  return Lexicon::from_terms(100, 3, terms);
}

std::string committed() {
  std::ifstream in(std::string(PARALLAX_SOURCE_DIR) + "/resources/news-lexicon.bin",
                   std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("a lexicon round-trips through its bytes", "[represent][lexicon]") {
  const Lexicon built = small();
  auto read = Lexicon::from_bytes(built.to_bytes());
  REQUIRE(read.ok());
  const Lexicon& lexicon = read.value();
  CHECK(lexicon.to_bytes() == built.to_bytes());
  CHECK(lexicon.checksum() == built.checksum());
  CHECK(lexicon.size() == 3);
  CHECK(lexicon.dimensions() == 3);
  const std::uint32_t talk = lexicon.find("talk");
  REQUIRE(talk != Lexicon::kMissing);
  CHECK(lexicon.has_vector(talk));
  CHECK(lexicon.vector(talk)[0] == 127);
  CHECK(lexicon.vector(talk)[0] * lexicon.vector_scale(talk) == Approx(0.5f));
  CHECK(lexicon.weight(talk) == 1.5f);
  CHECK_FALSE(lexicon.has_vector(lexicon.find("bridg")));
  CHECK(lexicon.find("nothing") == Lexicon::kMissing);
  CHECK(lexicon.idf(talk) < lexicon.idf(lexicon.find("bridg")));
  CHECK(lexicon.idf(Lexicon::kMissing) > lexicon.idf(lexicon.find("bridg")));
}

TEST_CASE("corrupt lexicon bytes are refused with a message", "[represent][lexicon]") {
  const std::string bytes = small().to_bytes();
  CHECK_FALSE(Lexicon::from_bytes("").ok());
  CHECK_FALSE(Lexicon::from_bytes("hello, world: not a lexicon").ok());
  for (std::size_t cut : {std::size_t{9}, bytes.size() / 2, bytes.size() - 1}) {
    auto r = Lexicon::from_bytes(bytes.substr(0, cut));
    CHECK_FALSE(r.ok());
  }
  std::string flipped = bytes;
  flipped[30] = static_cast<char>(flipped[30] ^ 0x40);
  auto r = Lexicon::from_bytes(flipped);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kInvalidArgument);
  CHECK_THAT(r.error().message, Catch::Contains("corrupt"));
  std::string version = bytes;
  version[7] = '\2';
  CHECK_THAT(Lexicon::from_bytes(version).error().message, Catch::Contains("version"));
}

TEST_CASE("the committed news lexicon loads", "[represent][lexicon]") {
  auto read = Lexicon::from_bytes(committed());
  REQUIRE(read.ok());
  CHECK(read.value().size() > 5000);
  CHECK(read.value().dimensions() > 0);
  CHECK(read.value().find("govern") != Lexicon::kMissing);
}

TEST_CASE("a lexicon knows whether it holds stem bigrams", "[represent][lexicon]") {
  CHECK_FALSE(small().has_bigrams());
  std::vector<Lexicon::Term> terms;
  terms.push_back({"talk begin", 4, 1.0f, {0.5f, 0.5f, 0.0f}});
  auto read = Lexicon::from_bytes(Lexicon::from_terms(10, 3, terms).to_bytes());
  REQUIRE(read.ok());
  CHECK(read.value().has_bigrams());
  CHECK(read.value().find("talk begin") == 0);
}
