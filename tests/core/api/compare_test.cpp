#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include <nlohmann/json.hpp>

#include "api/parallax.h"

using namespace parallax;
using Json = nlohmann::json;

namespace {

// Three short reports of one fictional event, written for these tests.
const std::string kHarbourGazette =
    "Dock strike halts Velmora harbour\n\n"
    "Dock workers in Velmora walked out on Monday, halting all container traffic at the "
    "harbour.\n\n"
    "The union said the strike would last until the port authority raised wages by 8 percent.\n\n"
    "Share this article\n";
const std::string kCoastalTimes =
    "Velmora port at a standstill\n\n"
    "Container traffic at Velmora harbour stopped on Monday after dock workers walked out.\n\n"
    "Fishing boats were still allowed to land their catch.\n\n"
    "Union leaders said the strike would continue until wages rise by 8 percent.\n";
const std::string kMorningPost =
    "<html><head><title>Strike in Velmora</title><script>alert(1)</script></head><body>"
    "<nav>Home | World | Business</nav><article><h1>Strike in Velmora</h1>"
    "<p>Dock workers in Velmora walked out on Monday and container traffic at the harbour "
    "halted.</p>"
    "<p>The mayor called for talks.</p></article></body></html>";

Json compare_to_json(const std::vector<InputFile>& files, const CompareOptions& options = {}) {
  auto json = compare_json(files, options);
  REQUIRE(json.ok());
  return Json::parse(json.value());
}

}  // namespace

TEST_CASE("three reports of one event share claims and align", "[api][compare]") {
  const Json doc = compare_to_json({{"gazette.txt", kHarbourGazette},
                                    {"coastal.md", kCoastalTimes},
                                    {"post.html", kMorningPost}});
  CHECK(doc["schema"] == "parallax/1");
  REQUIRE(doc["articles"].size() == 3);
  CHECK(doc["articles"][2]["title"] == "Strike in Velmora");
  CHECK(doc["articles"][0]["title"] == "Dock strike halts Velmora harbour");

  // The walk-out sentence is in all three; the wage demand in two; the rest is unique.
  REQUIRE(doc["claims"].size() >= 2);
  bool unique_fishing = false;
  for (const Json& claim : doc["claims"]) {
    if (claim["label"].get<std::string>().find("Fishing boats") != std::string::npos) {
      unique_fishing = claim["support"] == 1 && claim["members"].size() == 1;
    }
  }
  CHECK(unique_fishing);
  CHECK(doc["claims"][0]["support"] == 3);
  bool wage_claim = false;
  for (const Json& claim : doc["claims"]) {
    const std::string label = claim["label"];
    if (label.find("8 percent") != std::string::npos) wage_claim = claim["support"] == 2;
  }
  CHECK(wage_claim);

  // Every paragraph sits in exactly one row; the shared walk-out paragraphs share a row.
  std::size_t placed = 0, paragraphs = 0;
  for (const Json& row : doc["rows"]) placed += row["members"].size();
  for (const Json& article : doc["articles"]) paragraphs += article["paragraphs"].size();
  CHECK(placed == paragraphs);

  // Text reached the output as text; the script did not.
  const std::string dumped = doc.dump();
  CHECK(dumped.find("alert(1)") == std::string::npos);
}

TEST_CASE("offsets slice the decoded text", "[api][compare]") {
  const Json doc =
      compare_to_json({{"gazette.txt", kHarbourGazette}, {"coastal.md", kCoastalTimes}});
  for (const Json& paragraph : doc["articles"][0]["paragraphs"]) {
    const std::string text = paragraph["text"];
    const std::size_t start = paragraph["start"], end = paragraph["end"];
    CHECK(kHarbourGazette.substr(start, end - start) == text);
  }
}

TEST_CASE("unreadable files become notices, the rest is compared", "[api][compare]") {
  const std::string binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  const Json doc = compare_to_json({{"gazette.txt", kHarbourGazette},
                                    {"empty.txt", ""},
                                    {"image.png", binary},
                                    {"coastal.md", kCoastalTimes}});
  CHECK(doc["articles"].size() == 2);
  REQUIRE(doc["notices"].size() == 2);
  CHECK(doc["notices"][0]["file"] == "empty.txt");
  CHECK(doc["notices"][0]["code"] == "empty_input");
  CHECK(doc["notices"][1]["code"] == "binary_input");
}

TEST_CASE("nothing readable is an error with a reason", "[api][compare]") {
  auto none = compare({}, {});
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().code == ErrorCode::kNoArticles);
  auto empty = compare({{"empty.txt", "  \n"}}, {});
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error().message.find("empty.txt") != std::string::npos);
}

TEST_CASE("one article is analysed with a notice", "[api][compare]") {
  const Json doc = compare_to_json({{"gazette.txt", kHarbourGazette}});
  CHECK(doc["articles"].size() == 1);
  for (const Json& claim : doc["claims"]) CHECK(claim["support"] == 1);  // all unique content
  CHECK(doc["notices"][0]["code"] == "single_article");
}

TEST_CASE("limits on articles and total size", "[api][compare]") {
  CompareOptions options;
  options.max_articles = 2;
  const Json doc = compare_to_json(
      {{"a.txt", kHarbourGazette}, {"b.txt", kCoastalTimes}, {"c.txt", kCoastalTimes}}, options);
  CHECK(doc["articles"].size() == 2);
  CHECK(doc["notices"].back()["code"] == "too_large");

  options.max_total_bytes = 100;
  auto too_big = compare({{"a.txt", kHarbourGazette}}, options);
  REQUIRE_FALSE(too_big.ok());
  CHECK(too_big.error().code == ErrorCode::kTooLarge);
}

TEST_CASE("two hundred files at once", "[api][compare]") {
  std::vector<std::string> texts;
  for (int i = 0; i < 200; ++i) {
    texts.push_back("Report " + std::to_string(i) +
                    "\n\nDock workers in Velmora walked out on Monday. " + "Item " +
                    std::to_string(i * 7) + " was noted by desk " + std::to_string(i) + ".\n");
  }
  std::vector<InputFile> files;
  for (int i = 0; i < 200; ++i) files.push_back({"r" + std::to_string(i) + ".txt", texts[i]});
  auto analysis = compare(files, {});
  REQUIRE(analysis.ok());
  CHECK(analysis.value().articles.size() == 200);
  CHECK_FALSE(analysis.value().alignment.claims.empty());
}

TEST_CASE("options parse from JSON and reject bad values", "[api][compare]") {
  auto defaults = parse_compare_options("");
  REQUIRE(defaults.ok());
  CHECK(defaults.value().max_articles == 5000);
  CHECK(defaults.value().match_threshold < 0);  // the matcher's own
  auto custom = parse_compare_options(R"({"matchThreshold":0.6,"maxArticles":10,"unknown":1})");
  REQUIRE(custom.ok());
  CHECK(custom.value().match_threshold == 0.6);
  CHECK(custom.value().max_articles == 10);
  auto learned = parse_compare_options(R"({"matcher":"learned","lexicalGate":0.25})");
  REQUIRE(learned.ok());
  CHECK(learned.value().learned_matcher);
  CHECK(learned.value().lexical_gate == 0.25);
  CHECK_FALSE(defaults.value().learned_matcher);
  CHECK(defaults.value().context_weight > 0);  // the paragraph-context matcher
  auto plain = parse_compare_options(
      R"({"matcher":"tfidf","mutualShare":1,"linkageShare":0.8,"contextWeight":0.5})");
  REQUIRE(plain.ok());
  CHECK(plain.value().context_weight == 0);  // "tfidf" wins over contextWeight
  CHECK(plain.value().align.mutual_share == 1);
  CHECK(plain.value().align.linkage_share == 0.8);
  auto context = parse_compare_options(R"({"matcher":"context","contextWeight":0.5})");
  REQUIRE(context.ok());
  CHECK(context.value().context_weight == 0.5);
  for (const char* bad :
       {"[1]", "{\"matchThreshold\":2}", "{\"maxArticles\":\"many\"}", "{not json",
        "{\"matcher\":\"neural\"}", "{\"lexicalGate\":-1}", "{\"mutualShare\":1.5}",
        "{\"linkageShare\":-0.1}", "{\"contextWeight\":\"high\"}"}) {
    INFO(bad);
    auto parsed = parse_compare_options(bad);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().code == ErrorCode::kInvalidArgument);
  }
}

TEST_CASE("compare names its matcher; table header rows make no claim", "[api][compare]") {
  // Two tables with alike headers and unrelated rows: the headers must not become a claim.
  const std::string a =
      "Ferry timetable changes\n\n"
      "| Route | Change | Reason |\n|---|---|---|\n"
      "| Harbour line | Two extra sailings | Summer demand |\n"
      "| Island loop | Cancelled on Sundays | Crew shortage |\n";
  const std::string b =
      "Bridge works this month\n\n"
      "| Route | Change | Reason |\n|---|---|---|\n"
      "| North road | Closed at night | Resurfacing |\n"
      "| Canal path | Diverted | Lock repairs |\n";
  const Json doc = compare_to_json({{"a.md", a}, {"b.md", b}});
  CHECK(doc["matcher"] == "tfidf-context");
  for (const Json& article : doc["articles"]) {
    for (const Json& paragraph : article["paragraphs"]) {
      if (paragraph["kind"] != "table") continue;
      REQUIRE(paragraph["sentences"].size() == 3);
      CHECK(paragraph["sentences"][0]["claims"].empty());      // the header row
      CHECK(paragraph["sentences"][1]["claims"].size() == 1);  // a row: a unique claim
    }
  }
  for (const Json& claim : doc["claims"]) CHECK(claim["support"] == 1);
}
// --- align (seedsgold): section headings and list intros make no claim -----------------
TEST_CASE("section headings and list intros make no claim; title headings do", "[api][compare]") {
  // Alike section headings and list intros over unrelated content: they must not become claims.
  // The title headings state the same story and must still be one shared claim.
  const std::string a =
      "# Velmora harbour reopens after the dock strike\n\n"
      "Dock workers returned to work on Friday morning.\n\n"
      "## Possible outcomes for the port\n\n"
      "Key concerns for the port include:\n\n"
      "- Shipping lines may move cargo to Ostrava.\n";
  const std::string b =
      "# Velmora harbour reopens after dock strike ends\n\n"
      "The harbour master thanked the crews.\n\n"
      "## Possible outcomes for the port\n\n"
      "Key concerns for the port include:\n\n"
      "- Fish prices could rise before the winter.\n";
  const Json doc = compare_to_json({{"a.md", a}, {"b.md", b}});
  REQUIRE(doc["articles"].size() == 2);
  std::size_t checked = 0;
  for (const Json& article : doc["articles"]) {
    const Json& paragraphs = article["paragraphs"];
    REQUIRE(paragraphs.size() == 5);
    CHECK(paragraphs[0]["kind"] == "heading");
    CHECK(paragraphs[0]["sentences"][0]["claims"].size() == 1);  // the title: a shared claim
    CHECK(paragraphs[2]["kind"] == "heading");
    CHECK(paragraphs[2]["sentences"][0]["claims"].empty());      // a section heading: none
    CHECK(paragraphs[3]["sentences"][0]["claims"].empty());      // a list intro: none
    CHECK(paragraphs[4]["sentences"][0]["claims"].size() == 1);  // a list item: its own claim
    ++checked;
  }
  CHECK(checked == 2);
  std::size_t shared = 0;
  for (const Json& claim : doc["claims"]) {
    if (claim["support"] == 2) {
      ++shared;
      CHECK(claim["members"][0]["paragraph"] == 0);  // the titles, nothing else
      CHECK(claim["members"][1]["paragraph"] == 0);
    }
  }
  CHECK(shared == 1);
}
// --- end align (seedsgold) --------------------------------------------------------------
// --- align (leads): headlines and ledes state the main event ---------------------------
TEST_CASE("headlines and ledes in other words make one claim; an explainer headline does not",
          "[api][compare][lead]") {
  // The two headlines share only the place name, too little for the matcher; the ledes match.
  const std::string a =
      "# Velmora dock workers walk out over pay\n\n"
      "Container traffic stopped at Velmora harbour on Monday morning after a strike began.\n\n"
      "Ships queued outside the breakwater.\n";
  const std::string b =
      "# Strike shuts Velmora port\n\n"
      "The port of Velmora came to a halt on Monday as the union began an indefinite stoppage.\n\n"
      "The mayor called for talks.\n";
  const std::string c =
      "# Velmora strike: what we know so far\n\n"
      "Wages on the quays have not risen in four years, organisers say.\n\n"
      "A ferry still runs to the islands.\n";
  auto claims_of = [](const Json& doc, int article, int paragraph) {
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < doc["claims"].size(); ++k) {
      for (const Json& m : doc["claims"][k]["members"]) {
        if (m["article"] == article && m["paragraph"] == paragraph) out.push_back(k);
      }
    }
    return out;
  };
  const std::vector<InputFile> files = {{"a.md", a}, {"b.md", b}, {"c.md", c}};
  const Json doc = compare_to_json(files);
  // a's headline shares a claim with b's headline and both ledes.
  const auto headline_a = claims_of(doc, 0, 0);
  REQUIRE(headline_a.size() == 1);
  const Json& lead = doc["claims"][headline_a[0]];
  CHECK(lead["support"] == 2);
  CHECK(lead["members"].size() == 4);
  // The ledes' own claim is folded into it: no second claim of just the two ledes.
  CHECK(claims_of(doc, 0, 1) == headline_a);
  // c's "what we know" headline announces an explainer: it is no lead, and c's lede shares
  // nothing with the others.
  for (std::size_t k : claims_of(doc, 2, 0)) CHECK_FALSE(doc["claims"][k] == lead);
  for (std::size_t k : claims_of(doc, 2, 1)) CHECK(doc["claims"][k]["support"] == 1);

  // leadFloor 0 turns the step off: a's headline is unique again.
  auto off = parse_compare_options(R"({"leadFloor":0})");
  REQUIRE(off.ok());
  CHECK(off.value().align.lead_floor == 0);
  const Json plain = compare_to_json(files, off.value());
  const auto alone = claims_of(plain, 0, 0);
  REQUIRE(alone.size() == 1);
  CHECK(plain["claims"][alone[0]]["support"] == 1);
  CHECK_FALSE(parse_compare_options(R"({"leadFloor":2})").ok());
}
TEST_CASE("claims stay well formed with lead claims on every corpus of ours",
          "[api][compare][lead]") {
  // Our own article sets (samples/, tests/corpus/*): every shared claim spans two or more
  // articles and holds no sentence twice, no two claims hold the same sentences, and a sentence
  // is either in shared claims or in exactly one unique claim, never both.
  const std::string root = PARALLAX_SOURCE_DIR;
  const std::vector<std::pair<std::string, std::vector<std::string>>> sets = {
      {root + "/samples/",
       {"civic-pulse.json", "kestrel-gazette.html", "northwire-wire.txt", "riverside-radio.txt",
        "valley-herald.md"}},
      {root + "/tests/corpus/warehouse/",
       {"brennmouth-courier.html", "coastline-daily.json", "harbour-notes.md", "meridian-wire.txt",
        "radio-brenn.txt"}}};
  for (const auto& [dir, names] : sets) {
    INFO(dir);
    std::vector<std::string> texts;  // InputFile holds a view: the bytes live here
    for (const std::string& name : names) {
      std::ifstream in(dir + name, std::ios::binary);
      REQUIRE(in);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      texts.push_back(bytes.str());
    }
    std::vector<InputFile> files;
    for (std::size_t k = 0; k < names.size(); ++k) files.push_back({names[k], texts[k]});
    const Json doc = compare_to_json(files);
    std::set<std::vector<std::tuple<int, int, int>>> seen;
    std::map<std::tuple<int, int, int>, std::pair<int, int>> uses;  // (shared, unique) claims
    std::size_t leadish = 0;
    for (const Json& claim : doc["claims"]) {
      std::vector<std::tuple<int, int, int>> members;
      std::set<int> articles;
      for (const Json& m : claim["members"]) {
        members.emplace_back(m["article"], m["paragraph"], m["sentence"]);
        articles.insert(m["article"].get<int>());
      }
      std::vector<std::tuple<int, int, int>> sorted = members;
      std::sort(sorted.begin(), sorted.end());
      CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
      CHECK(seen.insert(sorted).second);
      CHECK(claim["support"] == articles.size());
      for (const auto& key : sorted) {
        auto& [shared, unique] = uses[key];
        (claim["support"] > 1 ? shared : unique) += 1;
      }
      leadish += claim["support"] > 1 && claim["members"][0]["paragraph"] == 0 ? 1 : 0;
    }
    for (const auto& [key, count] : uses) {
      CHECK((count.second == 0 || (count.first == 0 && count.second == 1)));
    }
    CHECK(leadish >= 1);  // the headlines form a claim
  }
}
// --- end align (leads) ------------------------------------------------------------------
// --- Article stance (owner: "tone") --------------------------------------------------
TEST_CASE("compare fills actors and the stance of every article", "[api][stance]") {
  const std::string a =
      "Mayor Lena Hartwell met Governor Olaf Brand in Corvale.\n\n"
      "Hartwell praised the wonderful offer, according to the city hall. Brand clearly welcomed "
      "it.\n";
  const std::string b =
      "Lena Hartwell may have met Olaf Brand.\n\n"
      "Critics said Hartwell was a corrupt liar. Brand could perhaps lose.\n";
  const Json doc = compare_to_json({{"a.txt", a}, {"b.txt", b}});
  REQUIRE(doc["actors"].is_array());
  REQUIRE(doc["actors"].size() == 2);
  CHECK(doc["actors"][0]["id"] == "p0");
  std::vector<std::string> names;
  for (const Json& actor : doc["actors"]) {
    names.push_back(actor["name"]);
    CHECK(actor["articles"] == 2);
    CHECK(actor["aliases"].is_array());
  }
  CHECK(std::find(names.begin(), names.end(), "Lena Hartwell") != names.end());
  CHECK(std::find(names.begin(), names.end(), "Olaf Brand") != names.end());

  REQUIRE(doc["stance"].size() == 2);
  const Json& first = doc["stance"][0];
  const Json& second = doc["stance"][1];
  CHECK(first["article"] == 0);
  CHECK(first["tone"]["score"].get<double>() > 0);
  CHECK(first["hedging"]["score"] == -1.0);
  CHECK(second["hedging"]["score"].get<double>() > 0);
  CHECK(second["attribution"][0]["source"] == "critics");
  CHECK(second["attribution"][0]["sentences"][0]["article"] == 1);
  bool hartwell_negative = false;
  for (const Json& t : second["targets"]) {
    CHECK(t["actor"].get<std::size_t>() < doc["actors"].size());
    CHECK(t["score"].get<double>() >= -1.0);
    CHECK(t["score"].get<double>() <= 1.0);
    if (t["name"] == "Lena Hartwell") {
      hartwell_negative = t["score"].get<double>() < 0;
      // Every sentence reference points at a real sentence of that article.
      for (const Json& ref : t["sentences"]) {
        const Json& paragraph = doc["articles"][1]["paragraphs"][ref["paragraph"].get<int>()];
        CHECK(ref["sentence"].get<std::size_t>() < paragraph["sentences"].size());
      }
    }
  }
  CHECK(hartwell_negative);
  for (const char* key : {"tone", "subjectivity", "hedging"}) {
    CHECK(first[key]["sentences"].is_array());
  }
}
// --- end article stance ---

// --- staged compare (owner: stream): stages in order, partial analyses consistent ---
namespace {

struct Stage {
  std::string name;
  Json json;               // report::to_json of the partial analysis, parsed
  std::size_t claims = 0;  // alignment.claims.size() seen by the observer
  std::size_t contradictions = 0;
};

std::vector<Stage> staged_compare(const std::vector<InputFile>& files,
                                  Result<report::Analysis>* out) {
  std::vector<Stage> stages;
  *out = compare(files, {}, {}, [&](std::string_view stage, const report::Analysis& analysis) {
    stages.push_back({std::string(stage), Json::parse(report::to_json(analysis)),
                      analysis.alignment.claims.size(), analysis.divergence.contradictions.size()});
  });
  return stages;
}

}  // namespace

TEST_CASE("staged compare reports segmented, aligned, complete in order", "[api][compare]") {
  // A contradiction (8 vs 12 percent in one claim) so the last stage adds something of its own.
  const std::string contradicting =
      "Velmora strike\n\nDock workers in Velmora walked out on Monday, halting all container "
      "traffic at the harbour.\n\nThe union said the strike would last until the port authority "
      "raised wages by 12 percent.\n";
  const std::vector<InputFile> files = {{"gazette.txt", kHarbourGazette},
                                        {"coastal.md", kCoastalTimes},
                                        {"post.html", kMorningPost},
                                        {"wire.txt", contradicting}};
  Result<report::Analysis> result = Error{ErrorCode::kInvalidArgument, "not run"};
  const std::vector<Stage> stages = staged_compare(files, &result);
  REQUIRE(result.ok());
  REQUIRE(stages.size() == 3);
  CHECK(stages[0].name == kStageSegmented);
  CHECK(stages[1].name == kStageAligned);
  CHECK(stages[2].name == kStageComplete);

  // The last stage is the final analysis: the same bytes as compare_json.
  auto json = compare_json(files, {});
  REQUIRE(json.ok());
  const Json final_doc = Json::parse(json.value());
  CHECK(report::to_json(result.value()) == json.value());
  CHECK(stages[2].json == final_doc);

  // Segmented: every article with the final paragraphs and sentences, nothing aligned yet.
  const Json& seg = stages[0].json;
  CHECK(stages[0].claims == 0);
  CHECK(seg["claims"].empty());
  CHECK(seg["rows"].empty());
  CHECK(seg["links"].empty());
  CHECK(seg["reuse"].empty());
  CHECK(seg["contradictions"].empty());
  CHECK(seg["stance"].empty());
  REQUIRE(seg["articles"].size() == final_doc["articles"].size());
  for (std::size_t a = 0; a < seg["articles"].size(); ++a) {
    const Json& partial = seg["articles"][a];
    const Json& full = final_doc["articles"][a];
    for (const char* key : {"id", "name", "title", "source", "format", "bytes"})
      CHECK(partial[key] == full[key]);
    REQUIRE(partial["paragraphs"].size() == full["paragraphs"].size());
    for (std::size_t p = 0; p < partial["paragraphs"].size(); ++p) {
      const Json& pp = partial["paragraphs"][p];
      const Json& fp = full["paragraphs"][p];
      CHECK(pp["text"] == fp["text"]);
      CHECK(pp["kind"] == fp["kind"]);
      REQUIRE(pp["sentences"].size() == fp["sentences"].size());
      for (std::size_t s = 0; s < pp["sentences"].size(); ++s) {
        CHECK(pp["sentences"][s]["start"] == fp["sentences"][s]["start"]);
        CHECK(pp["sentences"][s]["end"] == fp["sentences"][s]["end"]);
        CHECK(pp["sentences"][s]["claims"].empty());
      }
    }
  }

  // Aligned: the final claims, rows, links and reuse; divergences and stance still empty.
  const Json& aligned = stages[1].json;
  CHECK(stages[1].claims > 0);
  for (const char* key : {"claims", "rows", "links", "reuse", "matcher"})
    CHECK(aligned[key] == final_doc[key]);
  CHECK(aligned["articles"] == final_doc["articles"]);
  CHECK(stages[1].contradictions == 0);
  CHECK(aligned["contradictions"].empty());
  CHECK(aligned["facts"].empty());
  CHECK(aligned["stance"].empty());
  CHECK(aligned["actors"].empty());
  // ... which the last stage adds.
  CHECK(stages[2].contradictions > 0);
  CHECK_FALSE(final_doc["contradictions"].empty());
  CHECK_FALSE(final_doc["stance"].empty());
}

TEST_CASE("staged compare: a failed call reports no stage, an empty observer is fine",
          "[api][compare]") {
  Result<report::Analysis> result = Error{ErrorCode::kInvalidArgument, "not run"};
  const std::vector<Stage> none = staged_compare({{"empty.txt", "  \n"}}, &result);
  CHECK_FALSE(result.ok());
  CHECK(result.error().code == ErrorCode::kNoArticles);
  CHECK(none.empty());

  auto quiet = compare({{"gazette.txt", kHarbourGazette}, {"coastal.md", kCoastalTimes}}, {}, {},
                       CompareObserver{});
  REQUIRE(quiet.ok());
  auto json = compare_json({{"gazette.txt", kHarbourGazette}, {"coastal.md", kCoastalTimes}}, {});
  REQUIRE(json.ok());
  CHECK(report::to_json(quiet.value()) == json.value());
}
// --- end staged compare ---

// --- softalign: the soft unit vector options (off by default)
namespace {
Resources committed_resources() {
  const char* names[] = {"wordnet-en.bin", "news-lexicon.bin", "matcher-v1.json"};
  std::vector<std::string> bytes;  // owned here: InputFile holds a view
  for (const char* name : names) {
    std::ifstream in(std::string(PARALLAX_SOURCE_DIR) + "/resources/" + name, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    bytes.push_back(out.str());
  }
  std::vector<InputFile> files;
  for (std::size_t i = 0; i < bytes.size(); ++i) files.push_back({names[i], bytes[i]});
  auto loaded = Resources::load(files);
  REQUIRE(loaded.ok());
  return std::move(loaded).value();
}
}  // namespace

TEST_CASE("softalign: options parse, default off, and do nothing without resources",
          "[api][compare]") {
  auto defaults = parse_compare_options("");
  REQUIRE(defaults.ok());
  CHECK(defaults.value().wordnet_weight == 0);
  CHECK(defaults.value().latent_blend == 0);
  auto soft = parse_compare_options(R"({"wordnetWeight":0.4,"latentBlend":0.2})");
  REQUIRE(soft.ok());
  CHECK(soft.value().wordnet_weight == 0.4);
  CHECK(soft.value().latent_blend == 0.2);
  CHECK(soft.value().wordnet_hypernyms);
  auto synonyms = parse_compare_options(R"({"wordnetHypernyms":false})");
  REQUIRE(synonyms.ok());
  CHECK_FALSE(synonyms.value().wordnet_hypernyms);
  for (const char* bad : {"{\"wordnetWeight\":1.5}", "{\"latentBlend\":-0.1}",
                          "{\"wordnetWeight\":\"yes\"}", "{\"wordnetHypernyms\":1}"}) {
    INFO(bad);
    CHECK_FALSE(parse_compare_options(bad).ok());
  }
  const std::vector<InputFile> files = {{"gazette.txt", kHarbourGazette},
                                        {"coastal.txt", kCoastalTimes}};
  auto plain = compare_json(files, defaults.value());
  auto without = compare_json(files, soft.value());  // no resources: nothing changes
  REQUIRE(plain.ok());
  REQUIRE(without.ok());
  CHECK(plain.value() == without.value());
}

TEST_CASE("softalign: WordNet expansion links a paraphrase, not a look-alike", "[api][compare]") {
  const Resources resources = committed_resources();
  const std::vector<InputFile> files = {
      {"a.txt", "A blaze gutted the depot.\n\nThe plant reopened in spring after repairs.\n"},
      {"b.txt", "Fire gutted a warehouse.\n\nChildren played football in the park.\n"}};
  auto shared_claims = [&](const CompareOptions& options) {
    auto analysis = compare(files, options, resources);
    REQUIRE(analysis.ok());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // (paragraph in a, in b)
    for (const auto& claim : analysis.value().alignment.claims) {
      if (claim.support < 2) continue;
      pairs.emplace_back(claim.members.front().ref.paragraph, claim.members.back().ref.paragraph);
    }
    return pairs;
  };
  CompareOptions options;
  CHECK(shared_claims(options).empty());  // exact stems: "gutted" alone is not enough
  options.wordnet_weight = 0.5;
  const auto soft = shared_claims(options);
  REQUIRE(soft.size() == 1);
  CHECK(soft[0] == std::pair<std::uint32_t, std::uint32_t>{0, 0});
}
// --- end softalign
