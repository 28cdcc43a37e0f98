#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "represent/represent.h"

using parallax::ErrorCode;
using parallax::represent::PartOfSpeech;
using parallax::represent::WordNet;
using Class = PartOfSpeech::Class;

namespace {

std::string committed_bytes() {
  std::ifstream in(PARALLAX_SOURCE_DIR "/resources/wordnet-en.bin", std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The committed resource's parts of speech, read once per process.
const WordNet& committed() {
  static const WordNet wordnet = [] {
    auto loaded = WordNet::from_bytes(committed_bytes());
    if (!loaded.ok()) FAIL(loaded.error().message);
    return std::move(loaded).value();
  }();
  return wordnet;
}

const PartOfSpeech& pos() {
  return committed().part_of_speech();
}

void varint(std::string& out, std::uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

std::uint16_t code(Class first, std::uint8_t mask, bool name) {
  return static_cast<std::uint16_t>(static_cast<unsigned>(first) | mask << 3 |
                                    (name ? 1u << 10 : 0u));
}

// A section written by hand as scripts/build-resources.mjs documents it: "beat" (verb
// first, also noun and past), "bush" (noun, capitalised a name), "quickly" (adverb).
std::string tiny_section() {
  std::string s;
  const std::uint16_t codes[] = {
      code(Class::kVerb, 0b0001101, false),  // verb | noun | verb past
      code(Class::kNoun, 0b0000001, true),
      code(Class::kAdverb, 0b0100000, false),
  };
  varint(s, 3);
  for (std::uint16_t c : codes) {
    s.push_back(static_cast<char>(c & 0xff));
    s.push_back(static_cast<char>(c >> 8));
  }
  varint(s, 3);
  varint(s, 0);  // "beat"
  varint(s, 4);
  s += "beat";
  varint(s, 0);  // "bush"
  varint(s, 4);
  s += "bush";
  varint(s, 0);  // "quickly"
  varint(s, 7);
  s += "quickly";
  s.push_back(0);
  s.push_back(1);
  s.push_back(2);
  return s;
}

void check_rejected(const std::string& bytes) {
  auto loaded = PartOfSpeech::from_bytes(bytes);
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().code == ErrorCode::kInvalidArgument);
  CHECK_THAT(loaded.error().message, Catch::Contains("part-of-speech section"));
}

}  // namespace

TEST_CASE("postag: the committed resource carries en-lexicon's parts of speech",
          "[represent][postag]") {
  REQUIRE_FALSE(pos().empty());
  CHECK(pos().word_count() > 30000);
  CHECK(pos().word_count() < 80000);
  CHECK(committed().warning().empty());
  CHECK_THAT(committed().source(), Catch::Contains("en-lexicon"));
}

TEST_CASE("postag: the most likely tag decides likely_verb", "[represent][postag]") {
  struct Row {
    const char* word;
    Class first;
    bool likely_verb;
    bool can_be_noun;
  };
  const Row rows[] = {
      // verbs first, though also nouns: what WordNet's "a verb and no noun" missed
      {"beat", Class::kVerb, true, true},
      {"cut", Class::kVerb, true, true},
      {"defeated", Class::kVerbPast, true, false},
      {"arrested", Class::kVerbPast, true, false},
      {"eliminated", Class::kVerbPast, true, false},
      {"rose", Class::kVerbPast, true, true},  // VBD before NN (the flower)
      {"fell", Class::kVerbPast, true, true},
      {"reopen", Class::kVerb, true, false},
      {"rising", Class::kVerb, true, true},  // VBG
      // nouns first, though also verbs: near misses
      {"company", Class::kNoun, false, true},
      {"increase", Class::kNoun, false, true},
      {"talks", Class::kNoun, false, true},  // NNS before VBZ
      {"school", Class::kNoun, false, true},
      // other classes
      {"quickly", Class::kAdverb, false, false},
      {"big", Class::kAdjective, false, false},
      {"safe", Class::kAdjective, false, true},
      {"will", Class::kOther, false, true},  // MD first
      {"after", Class::kOther, false, false},
      // not stored (only nouns, or only capitalised names): the default, a noun
      {"protester", Class::kNoun, false, true},
      {"hospital", Class::kNoun, false, true},
      {"germany", Class::kNoun, false, true},
      {"xyzzy", Class::kNoun, false, true},
      {"long-term", Class::kNoun, false, true},  // hyphenated compounds are left out
      {"", Class::kNoun, false, true},
  };
  for (const Row& row : rows) {
    INFO(row.word);
    const PartOfSpeech::Tags tags = pos().lookup(row.word);
    CHECK(tags.first == row.first);
    CHECK(tags.likely_verb() == row.likely_verb);
    CHECK(pos().likely_verb(row.word) == row.likely_verb);
    CHECK(tags.can_be_noun() == row.can_be_noun);
    CHECK(pos().can_be_noun(row.word) == row.can_be_noun);
    CHECK(tags.can_be(row.first));
  }
  CHECK(pos().lookup("company").can_be(Class::kVerb));
  CHECK_FALSE(pos().lookup("defeated").can_be(Class::kVerb));  // VBN|VBD only
  CHECK(pos().lookup("defeated").can_be(Class::kVerbPast));
  CHECK(pos().lookup("beat").stored);
  CHECK_FALSE(pos().lookup("protester").stored);
  CHECK_FALSE(pos().lookup("xyzzy").stored);
}

TEST_CASE("postag: case, possessives and names", "[represent][postag]") {
  CHECK(pos().lookup("Beat").first == Class::kVerb);  // ASCII upper case is lowered
  CHECK(pos().lookup("BEAT").likely_verb());
  CHECK(pos().lookup("company's").first == Class::kNoun);
  CHECK(pos().lookup("bush").name);  // "Bush" is NNP first
  CHECK(pos().lookup("bush").first == Class::kNoun);
  CHECK(pos().lookup("rob").name);  // "rob" VB, "Rob" NNP
  CHECK(pos().lookup("rob").likely_verb());
  CHECK_FALSE(pos().lookup("beat").name);  // "Beat" is NN first
  CHECK_FALSE(pos().lookup("quickly").name);
  CHECK_FALSE(pos().lookup(std::string(100, 'a')).stored);
  CHECK_FALSE(pos().lookup("\xff\xfe").stored);
  CHECK_FALSE(pos().lookup(std::string("beat\0s", 6)).stored);
}

TEST_CASE("postag: an empty table answers the default", "[represent][postag]") {
  const PartOfSpeech empty;
  CHECK(empty.empty());
  CHECK(empty.word_count() == 0);
  CHECK(empty.lookup("beat").first == Class::kNoun);
  CHECK_FALSE(empty.lookup("beat").stored);
  CHECK_FALSE(empty.likely_verb("beat"));
}

TEST_CASE("postag: a hand-written section decodes as documented", "[represent][postag]") {
  auto loaded = PartOfSpeech::from_bytes(tiny_section());
  REQUIRE(loaded.ok());
  const PartOfSpeech& p = loaded.value();
  CHECK(p.word_count() == 3);
  CHECK(p.likely_verb("beat"));
  CHECK(p.lookup("beat").can_be(Class::kVerbPast));
  CHECK_FALSE(p.lookup("beat").can_be(Class::kAdjective));
  CHECK(p.lookup("bush").name);
  CHECK(p.lookup("quickly").first == Class::kAdverb);
  CHECK_FALSE(p.lookup("quickly").can_be_noun());
  CHECK_FALSE(p.lookup("beats").stored);  // no suffix rules: the table has forms
}

TEST_CASE("postag: corrupt sections are rejected without reading out of bounds",
          "[represent][postag]") {
  const std::string good = tiny_section();
  REQUIRE(PartOfSpeech::from_bytes(good).ok());
  check_rejected("");
  check_rejected(good + "x");  // trailing byte
  for (std::size_t n = 0; n < good.size(); ++n) {
    INFO("truncated to " << n);
    check_rejected(good.substr(0, n));
  }
  std::string bad = good;
  bad[1] = 7;  // first class 7 does not exist
  check_rejected(bad);
  bad = good;
  bad[1] = static_cast<char>(code(Class::kVerb, 0b0000001, false));  // first not in the mask
  check_rejected(bad);
  bad = good;
  bad[bad.size() - 1] = 3;  // code index out of range
  check_rejected(bad);
  bad = good;
  std::swap(bad[11], bad[17]);  // "beat" / "bush" -> "buat" / "besh": out of order
  check_rejected(bad);
  check_rejected(std::string("\x00", 1));  // no codes
  std::mt19937 random(7);
  for (std::size_t i = 0; i < good.size(); ++i) {
    for (int trial = 0; trial < 8; ++trial) {
      std::string bytes = good;
      bytes[i] = static_cast<char>(random());
      auto loaded = PartOfSpeech::from_bytes(bytes);
      if (loaded.ok()) {
        (void)loaded.value().lookup("beat");
      } else {
        CHECK(loaded.error().code == ErrorCode::kInvalidArgument);
      }
    }
  }
}

TEST_CASE("postag: a WordNet resource without parts of speech loads with a warning",
          "[represent][postag][wordnet]") {
  std::string bytes = committed_bytes();
  REQUIRE(bytes.size() > 52);
  const auto u32 = [&](std::size_t at) {
    return std::uint32_t{static_cast<unsigned char>(bytes[at])} |
           std::uint32_t{static_cast<unsigned char>(bytes[at + 1])} << 8 |
           std::uint32_t{static_cast<unsigned char>(bytes[at + 2])} << 16 |
           std::uint32_t{static_cast<unsigned char>(bytes[at + 3])} << 24;
  };
  REQUIRE(u32(4) == 2);
  const std::uint32_t pos_bytes = u32(48);
  REQUIRE(pos_bytes > 0);
  // Format version 1: the same file without the fifth section, its size field 0.
  std::string v1 = bytes.substr(0, bytes.size() - pos_bytes);
  v1[4] = 1;
  for (int i = 0; i < 4; ++i) v1[48 + i] = 0;
  auto old = WordNet::from_bytes(v1);
  REQUIRE(old.ok());
  CHECK(old.value().part_of_speech().empty());
  CHECK_THAT(old.value().warning(), Catch::Contains("no parts of speech"));
  CHECK(old.value().similarity("talks", "negotiations") == 1.0);  // WordNet itself unchanged
  // Version 2 with an empty fifth section: the same.
  std::string empty_v2 = v1;
  empty_v2[4] = 2;
  auto none = WordNet::from_bytes(empty_v2);
  REQUIRE(none.ok());
  CHECK(none.value().part_of_speech().empty());
  CHECK_FALSE(none.value().warning().empty());
  // Version 1 must not carry one.
  std::string v1_with = bytes;
  v1_with[4] = 1;
  CHECK_FALSE(WordNet::from_bytes(v1_with).ok());
  // A corrupt fifth section is an error, not a silent fallback.
  std::string corrupt = bytes;
  corrupt[corrupt.size() - pos_bytes] = 0;  // no tag codes
  auto rejected = WordNet::from_bytes(corrupt);
  REQUIRE_FALSE(rejected.ok());
  CHECK_THAT(rejected.error().message, Catch::Contains("part-of-speech section"));
}
