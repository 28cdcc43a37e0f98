#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
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

namespace {

// A lexicon file around `body` (everything after the magic): the right magic, the right
// checksum, so that from_bytes gets past both and reads the body itself.
std::string sealed(const std::string& body) {
  std::string bytes = std::string("PLXLEX\0\1", 8) + body;
  std::uint64_t sum = fnv1a64(bytes);
  for (int i = 0; i < 8; ++i, sum >>= 8) bytes.push_back(static_cast<char>(sum & 0xff));
  return bytes;
}
std::string u32(std::uint32_t v) {
  std::string out;
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  return out;
}
std::string f32(float f) {
  std::uint32_t v = 0;
  std::memcpy(&v, &f, 4);
  return u32(v);
}
std::string header(std::uint32_t docs, std::uint32_t dims, std::uint32_t terms,
                   std::uint32_t vectors) {
  return u32(docs) + u32(dims) + u32(terms) + u32(vectors);
}
std::string refusal(const std::string& bytes) {
  auto r = Lexicon::from_bytes(bytes);
  return r.ok() ? std::string("accepted") : r.error().message;
}

}  // namespace

TEST_CASE("a lexicon with a valid checksum but a bad body is refused where it breaks",
          "[represent][lexicon]") {
  // Magic (8) + header (16): the first term starts at byte 24.
  const std::string stem_ab = std::string("\2ab", 3);
  const std::string vector = f32(1.0f) + f32(0.5f) + std::string("\1\xfe", 2);
  const std::string good = sealed(header(10, 2, 1, 1) + stem_ab + "\3" + vector);
  auto read = Lexicon::from_bytes(good);
  REQUIRE(read.ok());
  REQUIRE(read.value().find("ab") == 0);
  CHECK(read.value().vector(0)[0] == 1);
  CHECK(read.value().vector(0)[1] == -2);
  CHECK(read.value().vector_scale(0) == 0.5f);
  CHECK(read.value().idf(0) == Approx(std::log(11.0 / 4.0)));

  CHECK_THAT(refusal(sealed(u32(10) + "\1\2")), Catch::Contains("truncated header at byte 12"));
  CHECK_THAT(refusal(sealed(header(10, 2, 1, 2))), Catch::Contains("impossible counts"));
  CHECK_THAT(refusal(sealed(header(10, 2, 1, 0))), Catch::Contains("truncated stem at byte 24"));
  CHECK_THAT(refusal(sealed(header(10, 2, 1, 0) + "\5ab")),
             Catch::Contains("truncated stem at byte 25"));
  CHECK_THAT(refusal(sealed(header(10, 2, 1, 0) + stem_ab + "\x80")),
             Catch::Contains("truncated frequency at byte 28"));
  // A frequency above 32 bits is refused, not cut to its low bits.
  CHECK_THAT(refusal(sealed(header(10, 2, 1, 0) + stem_ab + "\xff\xff\xff\xff\x7f")),
             Catch::Contains("truncated frequency"));
  CHECK_THAT(refusal(sealed(header(10, 2, 1, 1) + stem_ab + "\3" + vector.substr(0, 9))),
             Catch::Contains("wrong vector section size at byte 28"));
  CHECK_THAT(refusal(sealed(header(10, 2, 1, 1) + stem_ab + "\3" + f32(NAN) + vector.substr(4))),
             Catch::Contains("bad vector header at byte 32"));
  CHECK_THAT(
      refusal(sealed(header(10, 2, 1, 1) + stem_ab + "\3" + f32(1.0f) + f32(INFINITY) + "\1\2")),
      Catch::Contains("bad vector header at byte 36"));
  CHECK_THAT(refusal(sealed(header(10, 2, 2, 0) + stem_ab + "\3" + stem_ab + "\4")),
             Catch::Contains("duplicate stems"));
}
