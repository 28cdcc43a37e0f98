#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "api/parallax.h"
#include "core/diverge/test_util.h"

using namespace parallax;
using Json = nlohmann::json;

namespace {

// Two short reports of one fictional event, written for these tests.
const std::string kHarbourGazette =
    "Velmora talks stall\n\n"
    "Former Mayor Lena Ostrova said the Velmora summit will be held on 14 June.\n\n"
    "About 1,500 dock workers walked out on Monday, the union said.\n\n"
    "The union wants wages raised by 8 percent.\n";
const std::string kCoastalTimes =
    "Velmora dock strike spreads\n\n"
    "Mayor Lena Ostrova said the Velmora summit will be held on 21 June.\n\n"
    "Some 1,480 dock workers walked out on Monday, the union said.\n\n"
    "The union wants wages raised by 8 percent.\n";
const std::string kMorningPost =
    "Strike in Velmora\n\n"
    "Dock workers in Velmora walked out on Monday and container traffic at the harbour "
    "halted.\n\n"
    "The union wants wages raised by 8 percent.\n";

}  // namespace

TEST_CASE("analyse: facts of every sentence, sorted, spans inside their sentence", "[diverge]") {
  const diverge_test::Set set({kHarbourGazette, kCoastalTimes});
  const auto result = set.analyse();
  REQUIRE_FALSE(result.facts.empty());
  for (std::size_t i = 0; i < result.facts.size(); ++i) {
    const auto& f = result.facts[i];
    const auto& sentence = set.paragraphs[f.ref.article][f.ref.paragraph].sentences[f.ref.sentence];
    CHECK(f.span.start >= sentence.span.start);
    CHECK(f.span.end <= sentence.span.end);
    CHECK_FALSE(f.value.empty());
  }
  CHECK_FALSE(result.truncated);
  CHECK(result.omissions.size() == 2);
}

TEST_CASE("compare: facts, contradictions and omissions in the parallax/1 JSON", "[diverge]") {
  const std::vector<InputFile> files{
      {"gazette.txt", kHarbourGazette}, {"coastal.txt", kCoastalTimes}, {"post.txt", kMorningPost}};
  auto json = compare_json(files, {});
  REQUIRE(json.ok());
  const Json doc = Json::parse(json.value());
  REQUIRE(doc["facts"].is_array());
  REQUIRE(doc["contradictions"].is_array());
  REQUIRE(doc["omissions"].size() == 3);
  bool date = false, title = false, workers = false;
  for (const Json& c : doc["contradictions"]) {
    CHECK(c["id"].get<std::string>()[0] == 'x');
    CHECK((c["scope"] == "across" || c["scope"] == "within"));
    const double confidence = c["confidence"];
    CHECK(c["shown"] == (confidence >= diverge::kShowThreshold));
    for (const char* side : {"a", "b"}) {
      const Json& s = c[side];
      const Json& sentence = doc["articles"][s["article"].get<int>()]["paragraphs"]
                                [s["paragraph"].get<int>()]["sentences"][s["sentence"].get<int>()];
      CHECK(s["start"].get<int>() >= sentence["start"].get<int>());
      CHECK(s["end"].get<int>() <= sentence["end"].get<int>());
    }
    if (c["kind"] == "date" && c["shown"] == true) date = true;
    if (c["kind"] == "person" && c["shown"] == true) title = true;
    if (c["subject"].get<std::string>().find("worker") != std::string::npos) workers = true;
  }
  CHECK(date);           // 14 June / 21 June
  CHECK(title);          // Former Mayor / Mayor
  CHECK_FALSE(workers);  // about 1,500 / 1,480 is rounding
  bool eight = false;
  for (const Json& f : doc["facts"]) {
    if (f["kind"] == "percent" && f["value"] == "8%") {
      eight = true;
      const std::string text =
          doc["articles"][f["article"].get<int>()]["paragraphs"][f["paragraph"].get<int>()]["text"];
      CHECK(text.find(f["text"].get<std::string>()) != std::string::npos);
    }
  }
  CHECK(eight);
  // Same bytes every time.
  CHECK(compare_json(files, {}).value() == json.value());
  // The summary has one line per contradiction shown.
  auto analysis = compare(files, {});
  REQUIRE(analysis.ok());
  const std::string summary = report::to_summary(analysis.value());
  CHECK(summary.find("Contradictions:") != std::string::npos);
  CHECK(summary.find("dates the meeting in Velmora") != std::string::npos);
}

TEST_CASE("compare: hostile inputs give no contradictions and no crash", "[diverge]") {
  std::string binaryish;
  for (int i = 0; i < 20000; ++i) binaryish += static_cast<char>(32 + (i * 131) % 95);
  std::string huge_sentence;
  for (int i = 0; i < 20000; ++i) huge_sentence += "President Jo Bo met in Oslo on 1 May 2025 ";
  auto json = compare_json({{"a.txt", binaryish}, {"b.txt", huge_sentence}, {"c.txt", "$"}}, {});
  REQUIRE(json.ok());
  const Json doc = Json::parse(json.value());
  CHECK(doc["contradictions"].size() <= diverge::kMaxContradictions);
}

TEST_CASE("seed articles: the former-president and two-dates conflicts are shown", "[diverge]") {
  const std::filesystem::path dir = std::filesystem::path(PARALLAX_SHARED_DATA_DIR) / "seeds";
  if (!std::filesystem::exists(dir)) {
    WARN("skipped: " << dir.string() << " is absent");
    return;
  }
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> names, contents;  // InputFile only views them
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    names.push_back(p.filename().string());
    contents.push_back(bytes.str());
  }
  std::vector<InputFile> files;
  for (std::size_t i = 0; i < names.size(); ++i) files.push_back({names[i], contents[i]});
  auto json = compare_json(files, {});
  INFO((json.ok() ? std::string() : json.error().message));
  REQUIRE(json.ok());
  const Json doc = Json::parse(json.value());
  bool former = false, two_dates = false;
  for (const Json& c : doc["contradictions"]) {
    if (c["shown"] != true) continue;
    const std::string a = c["a"]["text"], b = c["b"]["text"];
    if (c["kind"] == "person" && (a.find("Former") == 0 || b.find("Former") == 0)) former = true;
    if (c["kind"] == "date" && c["scope"] == "within" &&
        ((a == "August 15th" && b == "March 2025") || (b == "August 15th" && a == "March 2025")))
      two_dates = true;
  }
  CHECK(former);
  CHECK(two_dates);
}

TEST_CASE("analyse: random texts never crash and keep spans inside the text", "[diverge]") {
  const std::vector<std::string> pieces{"President ",
                                        "Former ",
                                        "Alaska ",
                                        "summit ",
                                        "meeting in ",
                                        "Geneva",
                                        " on ",
                                        "15 ",
                                        "August ",
                                        "March ",
                                        "2025",
                                        ", ",
                                        ". ",
                                        "$1.5bn ",
                                        "about ",
                                        "1,500 ",
                                        "people ",
                                        "next ",
                                        "Friday ",
                                        "11:30 ",
                                        "a.m. ",
                                        "BST ",
                                        "\xE2\x80\x99s ",
                                        "\xE2\x80\x93",
                                        "\xC3",
                                        "will ",
                                        "was held ",
                                        "Yuri Ushakov, the adviser, ",
                                        "\n\n",
                                        "ex-",
                                        "%",
                                        "(",
                                        ")",
                                        "{",
                                        "10-20 ",
                                        "U.S. "};
  std::uint32_t state = 12345;
  auto next = [&]() {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int round = 0; round < 60; ++round) {
    std::vector<std::string> texts(3);
    for (auto& t : texts)
      for (int k = 0; k < 200; ++k) t += pieces[next() % pieces.size()];
    const diverge_test::Set set(texts, {"2025-08-08", "", "garbage"});
    const auto result = set.analyse();
    for (const auto& f : result.facts) {
      REQUIRE(f.ref.article < texts.size());
      CHECK(f.span.start <= f.span.end);
      CHECK(f.span.end <= texts[f.ref.article].size());
    }
    CHECK(result.contradictions.size() <= diverge::kMaxContradictions);
    for (const auto& c : result.contradictions) {
      CHECK(c.confidence >= 0);
      CHECK(c.confidence <= 1);
      CHECK_FALSE(c.note.empty());
    }
  }
}

TEST_CASE("every hedge and negation cue marks the facts of its sentence", "[diverge]") {
  using diverge::FactKind;
  for (const char* cue :
       {"allegedly", "could",    "expected",   "if",       "likely",   "may",    "might",
        "perhaps",   "possibly", "reportedly", "rumored",  "rumoured", "should", "speculation",
        "suggest",   "suggests", "unless",     "unlikely", "whether",  "would"}) {
    const std::string sentence = std::string("Officials ") + cue + " open the summit on 15 August.";
    INFO(sentence);
    const auto facts = diverge_test::facts_of(sentence);  // alive while f is used
    const diverge::Fact* f = diverge_test::first_of(facts, FactKind::kDate);
    REQUIRE(f != nullptr);
    CHECK(f->hedged);
    CHECK_FALSE(f->negated);
  }
  // Negations, with straight and curly apostrophes (the scan folds both to ').
  for (const char* cue : {"aren't", "denied", "denies", "didn't", "doesn't", "isn't", "never", "no",
                          "not", "wasn't", "won't", "didn\xE2\x80\x99t", "WON'T"}) {
    const std::string sentence = std::string("Officials ") + cue + " open the summit on 15 August.";
    INFO(sentence);
    const auto facts = diverge_test::facts_of(sentence);  // alive while f is used
    const diverge::Fact* f = diverge_test::first_of(facts, FactKind::kDate);
    REQUIRE(f != nullptr);
    CHECK(f->negated);
    CHECK_FALSE(f->hedged);
  }
  // Words that only start like a cue, or are one letter off, mark nothing.
  for (const char* word : {"maybe", "iff", "wouldn", "nope", "knot", "shoulder", "never-ending"}) {
    const std::string sentence =
        std::string("Officials ") + word + " open the summit on 15 August.";
    INFO(sentence);
    const auto facts = diverge_test::facts_of(sentence);  // alive while f is used
    const diverge::Fact* f = diverge_test::first_of(facts, FactKind::kDate);
    REQUIRE(f != nullptr);
    CHECK_FALSE(f->hedged);
    CHECK_FALSE(f->negated);
  }
}
