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
