#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "report/report.h"

using namespace parallax;
using Json = nlohmann::json;

namespace {

report::Analysis two_articles() {
  report::Analysis analysis;
  for (int i = 0; i < 2; ++i) {
    report::Article article;
    article.raw.name = "a" + std::to_string(i) + ".txt";
    article.raw.source = "Outlet " + std::to_string(i);
    article.raw.title = "Title";
    article.raw.encoding = "utf-8";
    article.raw.text = "Share this article\n\nThe strike began on Monday. Ships waited.";
    segment::Paragraph nav;
    nav.span = {0, 18};
    nav.sentences = {{{0, 18}}};
    nav.boilerplate = true;
    nav.boilerplate_reason = "share prompt";
    segment::Paragraph body;
    body.span = {20, 61};
    body.sentences = {{{20, 47}}, {{48, 61}}};
    article.paragraphs = {nav, body};
    analysis.articles.push_back(article);
  }
  align::Claim claim;
  claim.members = {{{0, 1, 0}, 0.91234567}, {{1, 1, 0}, 0.91234567}};
  claim.support = 2;
  analysis.alignment.claims = {claim};
  analysis.alignment.rows = {{{{0, 0}, {1, 0}}, 0}, {{{0, 1}, {1, 1}}, 1}};
  analysis.notices.push_back({"bad.bin", "binary_input", "error", "bad.bin is not text."});
  return analysis;
}

}  // namespace

TEST_CASE("the JSON follows the parallax/1 contract", "[report]") {
  const Json doc = Json::parse(report::to_json(two_articles()));
  CHECK(doc["schema"] == "parallax/1");
  REQUIRE(doc["articles"].size() == 2);
  const Json& article = doc["articles"][0];
  CHECK(article["id"] == "a0");
  CHECK(article["source"] == "Outlet 0");
  const Json& nav = article["paragraphs"][0];
  CHECK(nav["kind"] == "boilerplate");
  CHECK(nav["reason"] == "share prompt");
  const Json& body = article["paragraphs"][1];
  CHECK(body["kind"] == "paragraph");
  CHECK(body["text"] == "The strike began on Monday. Ships waited.");
  CHECK(body["start"] == 20);
  CHECK(body["sentences"][0]["text"] == "The strike began on Monday.");
  CHECK(body["sentences"][0]["claims"] == Json::array({0}));
  CHECK(body["sentences"][1]["claims"].empty());

  REQUIRE(doc["claims"].size() == 1);
  CHECK(doc["claims"][0]["id"] == "c0");
  CHECK(doc["claims"][0]["support"] == 2);
  CHECK(doc["claims"][0]["label"] == "The strike began on Monday.");
  CHECK(doc["claims"][0]["members"][0]["score"] == 0.9123);
  CHECK(doc["rows"].size() == 2);
  CHECK(doc["rows"][1]["members"][1]["article"] == 1);
  CHECK(doc["contradictions"].is_array());
  CHECK(doc["stance"].is_array());
  CHECK(doc["notices"][0]["code"] == "binary_input");
}

TEST_CASE("the same analysis gives the same bytes", "[report]") {
  CHECK(report::to_json(two_articles()) == report::to_json(two_articles()));
}

TEST_CASE("the summary names sources and shared claims", "[report]") {
  const std::string summary = report::to_summary(two_articles());
  CHECK(summary.find("2 articles, 1 shared claims") != std::string::npos);
  CHECK(summary.find("Outlet 1") != std::string::npos);
  CHECK(summary.find("The strike began on Monday.") != std::string::npos);
  CHECK(summary.find("bad.bin is not text.") != std::string::npos);
}

TEST_CASE("claim labels are cut at a word boundary", "[report]") {
  CHECK(report::claim_label("Short claim.") == "Short claim.");
  const std::string label = report::claim_label("one two three four five six seven eight", 20);
  CHECK(label == "one two three four\u2026");
  const std::string unbroken(300, 'x');
  CHECK(report::claim_label(unbroken, 50).size() == 50 + 3);
}

TEST_CASE("JSONL output lines", "[report]") {
  CHECK(report::match_line("\"p1\"", true, 0.666666) ==
        R"({"id":"p1","same":true,"score":0.6667})");
  stance::ClaimStance stance{stance::Label::kDiscuss, 0.5, {0.1, 0.1, 0.333333, 0.5}, {4, 12}};
  CHECK(report::stance_line("7", stance, "Not that one.") ==
        R"({"id":7,"label":"discuss","related":0.5,"scores":{"agree":0.1,"disagree":0.1,)"
        R"("discuss":0.3333,"unrelated":0.5},"evidence":{"text":"that one","start":4,"end":12}})");
  // No evidence for an unrelated body, nor for a span outside the body.
  stance::ClaimStance unrelated{stance::Label::kUnrelated, 0.1, {0, 0, 0, 1}, {0, 3}};
  CHECK(report::stance_line("1", unrelated, "abc") ==
        R"({"id":1,"label":"unrelated","related":0.1,"scores":{"agree":0.0,"disagree":0.0,)"
        R"("discuss":0.0,"unrelated":1.0}})");
  stance::ClaimStance outside{stance::Label::kAgree, 1, {1, 0, 0, 0}, {2, 40}};
  CHECK(report::stance_line("2", outside, "abc").find("evidence") == std::string::npos);
  CHECK(report::error_line("null", {ErrorCode::kBadJson, "bad"}) ==
        R"({"id":null,"error":{"code":"bad_json","message":"bad"}})");
}

// --- diverge (issue 4): facts, contradictions, omissions in the JSON and the summary ---
TEST_CASE("facts, contradictions and omissions are written as the contract says", "[report]") {
  report::Analysis analysis = two_articles();
  diverge::Fact fact;
  fact.ref = {0, 1, 0};
  fact.kind = diverge::FactKind::kDate;
  fact.span = {40, 46};  // "Monday"
  fact.value = "monday";
  analysis.divergence.facts = {fact};
  diverge::Contradiction shown;
  shown.kind = "date";
  shown.confidence = 0.851234;
  shown.subject = "date of the strike";
  shown.a = {{0, 1, 0}, {40, 46}, "Monday", "xxxx-08-11"};
  shown.b = {{1, 1, 0}, {40, 46}, "Monday", "xxxx-08-12"};
  shown.note = "Article 0 dates the strike Monday; article 1 Tuesday.";
  diverge::Contradiction hidden = shown;
  hidden.confidence = 0.4;
  hidden.within = true;
  hidden.claim = 0;
  hidden.note = "A weak one.";
  analysis.divergence.contradictions = {shown, hidden};
  analysis.divergence.omissions = {{0, {{0, 2}}}, {1, {}}};

  const Json doc = Json::parse(report::to_json(analysis));
  REQUIRE(doc["facts"].size() == 1);
  CHECK(doc["facts"][0] == Json{{"article", 0},
                                {"paragraph", 1},
                                {"sentence", 0},
                                {"kind", "date"},
                                {"text", "Monday"},
                                {"value", "monday"},
                                {"start", 40},
                                {"end", 46}});
  REQUIRE(doc["contradictions"].size() == 2);
  const Json& c = doc["contradictions"][0];
  CHECK(c["id"] == "x0");
  CHECK(c["scope"] == "across");
  CHECK(c["confidence"] == 0.8512);
  CHECK(c["shown"] == true);
  CHECK(c["claim"] == -1);
  CHECK(c["a"]["value"] == "xxxx-08-11");
  CHECK(c["b"]["article"] == 1);
  CHECK(doc["contradictions"][1]["scope"] == "within");
  CHECK(doc["contradictions"][1]["shown"] == false);
  CHECK(doc["contradictions"][1]["claim"] == 0);
  CHECK(doc["omissions"][0]["missing"][0] == Json{{"claim", 0}, {"support", 2}});
  CHECK(doc["omissions"][1]["missing"].empty());

  const std::string summary = report::to_summary(analysis);
  CHECK(summary.find("[85%] Article 0 dates the strike Monday") != std::string::npos);
  CHECK(summary.find("A weak one.") == std::string::npos);
  CHECK(summary.find("(1 less certain one hidden)") != std::string::npos);
}
// --- Article stance (owner: "tone") --------------------------------------------------
TEST_CASE("actors and stance are written with rounded scores and sentence references",
          "[report][stance]") {
  report::Analysis analysis = two_articles();
  analysis.actors.actors.push_back({"Lena Hartwell", {"Hartwell", "Lena Hartwell"}, 2, 3});
  stance::ArticleStance st;
  st.article = 1;
  st.tone = 0.123456;
  st.positive = 2;
  st.negative = 1;
  st.tone_sentences = {{{1, 1, 0}, -0.333333}};
  st.subjectivity = 0.5;
  st.loaded = {{"evil", 2}};
  st.subjective_sentences = {{1, 1, 1}};
  st.hedging = -0.25;
  st.hedges = 3;
  st.boosters = 5;
  st.attribution = {{"analysts", 2, {{1, 1, 0}}}};
  st.targets = {{0, "Lena Hartwell", 0.666666, 3, {{{1, 1, 1}, 0.666666}}}};
  analysis.article_stance = {st};
  const Json doc = Json::parse(report::to_json(analysis));
  REQUIRE(doc["actors"].size() == 1);
  CHECK(doc["actors"][0] == Json::parse(R"({"id":"p0","name":"Lena Hartwell",
      "aliases":["Hartwell","Lena Hartwell"],"articles":2,"mentions":3})"));
  REQUIRE(doc["stance"].size() == 1);
  const Json& s = doc["stance"][0];
  CHECK(s["article"] == 1);
  CHECK(s["tone"] == Json::parse(R"({"score":0.1235,"positive":2,"negative":1,
      "sentences":[{"article":1,"paragraph":1,"sentence":0,"score":-0.3333}]})"));
  CHECK(s["subjectivity"] == Json::parse(R"({"score":0.5,"loaded":[{"word":"evil","count":2}],
      "sentences":[{"article":1,"paragraph":1,"sentence":1}]})"));
  CHECK(s["hedging"] == Json::parse(R"({"score":-0.25,"hedges":3,"boosters":5,
      "sentences":[]})"));
  CHECK(s["attribution"] == Json::parse(R"([{"source":"analysts","count":2,
      "sentences":[{"article":1,"paragraph":1,"sentence":0}]}])"));
  CHECK(s["targets"] == Json::parse(R"([{"actor":0,"name":"Lena Hartwell","score":0.6667,
      "mentions":3,"sentences":[{"article":1,"paragraph":1,"sentence":1,"score":0.6667}]}])"));
  // The keys keep the contract's order: actors before stance, after contradictions.
  const std::string text = report::to_json(analysis);
  CHECK(text.find("\"contradictions\"") < text.find("\"actors\""));
  CHECK(text.find("\"actors\"") < text.find("\"stance\""));
}
// --- end article stance ---
