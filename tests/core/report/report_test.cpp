#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>

#include <nlohmann/json.hpp>

#include "api/parallax.h"
#include "report/detail.h"
#include "report/report.h"

using namespace parallax;
using Json = nlohmann::json;

// --- the old DOM builder (before the direct writer), kept here as the oracle -----------------
// report::to_json must print exactly these bytes for every analysis: same key order, escaping
// and number formatting. This is the nlohmann tree report.cpp built until the writer replaced it.
namespace oracle {

using namespace parallax::report;
using Json = nlohmann::ordered_json;
// Lookups shared with report.cpp (they find text, they do not format it); the formatting below
// (rounding, dump, the tree) stays the oracle's own.
using parallax::report::detail::find_sentence;
using parallax::report::detail::paragraph_kind;
using parallax::report::detail::unit_text;

// Four decimals are plenty for a similarity and make the bytes identical on every platform.
double rounded(double value) {
  return std::round(value * 10000.0) / 10000.0;
}

std::string dump(const Json& json) {
  // `replace` never throws on invalid UTF-8 (the core never throws; ingest already repaired it).
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json article_json(const Article& article, std::size_t index,
                  const std::vector<std::vector<std::vector<std::uint32_t>>>& claims_of) {
  const std::string& text = article.raw.text;
  Json paragraphs = Json::array();
  for (std::size_t p = 0; p < article.paragraphs.size(); ++p) {
    const segment::Paragraph& paragraph = article.paragraphs[p];
    Json sentences = Json::array();
    for (std::size_t s = 0; s < paragraph.sentences.size(); ++s) {
      const Span span = paragraph.sentences[s].span;
      Json claims = Json::array();
      if (p < claims_of.size() && s < claims_of[p].size()) {
        for (std::uint32_t c : claims_of[p][s]) claims.push_back(c);
      }
      sentences.push_back(Json{{"text", std::string(slice(text, span))},
                               {"start", span.start},
                               {"end", span.end},
                               {"claims", std::move(claims)}});
    }
    Json entry{{"text", std::string(slice(text, paragraph.span))},
               {"start", paragraph.span.start},
               {"end", paragraph.span.end},
               {"kind", paragraph_kind(paragraph)}};
    if (paragraph.boilerplate) {
      entry["structure"] = segment::kind_name(paragraph.kind);
      entry["reason"] = paragraph.boilerplate_reason;
    }
    entry["sentences"] = std::move(sentences);
    paragraphs.push_back(std::move(entry));
  }
  Json warnings = Json::array();
  for (const std::string& w : article.raw.warnings) warnings.push_back(w);
  return Json{
      {"id", "a" + std::to_string(index)},
      {"name", article.raw.name},
      {"title", article.raw.title},
      {"source", article.raw.source},
      {"url", article.raw.url},
      {"published", article.raw.published},
      {"format", ingest::format_name(article.raw.format)},
      {"encoding", article.raw.encoding},
      {"bytes", text.size()},
      {"warnings", std::move(warnings)},
      {"words", article.words},
      {"reused_share", article.words == 0
                           ? 0.0
                           : rounded(static_cast<double>(article.reused_words) / article.words)},
      {"paragraphs", std::move(paragraphs)}};
}

Json paragraph_ref(const align::ParagraphRef& ref) {
  return Json{{"article", ref.article}, {"paragraph", ref.paragraph}};
}

// --- diverge (issue 4): facts, contradictions, omissions ---
Json divergence_side(const diverge::SideRef& side) {
  return Json{{"article", side.ref.article},   {"paragraph", side.ref.paragraph},
              {"sentence", side.ref.sentence}, {"text", side.text},
              {"value", side.value},           {"start", side.span.start},
              {"end", side.span.end}};
}

Json facts_json(const Analysis& analysis) {
  Json facts = Json::array();
  for (const diverge::Fact& f : analysis.divergence.facts) {
    if (f.ref.article >= analysis.articles.size()) continue;
    const std::string& text = analysis.articles[f.ref.article].raw.text;
    if (f.span.end > text.size()) continue;
    facts.push_back(Json{{"article", f.ref.article},
                         {"paragraph", f.ref.paragraph},
                         {"sentence", f.ref.sentence},
                         {"kind", diverge::fact_kind_name(f.kind)},
                         {"text", std::string(slice(text, f.span))},
                         {"value", f.value},
                         {"start", f.span.start},
                         {"end", f.span.end}});
  }
  return facts;
}

Json contradictions_json(const Analysis& analysis) {
  Json out = Json::array();
  const auto& list = analysis.divergence.contradictions;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const diverge::Contradiction& c = list[i];
    out.push_back(Json{{"id", "x" + std::to_string(i)},
                       {"kind", c.kind},
                       {"scope", c.within ? "within" : "across"},
                       {"confidence", rounded(c.confidence)},
                       {"shown", c.shown()},
                       {"claim", c.claim},
                       {"subject", c.subject},
                       {"a", divergence_side(c.a)},
                       {"b", divergence_side(c.b)},
                       {"note", c.note}});
  }
  return out;
}

Json omissions_json(const Analysis& analysis) {
  Json out = Json::array();
  for (const diverge::Omission& o : analysis.divergence.omissions) {
    Json missing = Json::array();
    for (const auto& m : o.missing)
      missing.push_back(Json{{"claim", m.claim}, {"support", m.support}});
    out.push_back(Json{{"article", o.article}, {"missing", std::move(missing)}});
  }
  return out;
}
// --- end diverge ---

// --- Article stance (owner: "tone"): "actors" and "stance" -------------------------------
Json stance_ref(const stance::SentenceRef& ref) {
  return Json{{"article", ref.article}, {"paragraph", ref.paragraph}, {"sentence", ref.sentence}};
}

Json scored_refs(const std::vector<stance::ScoredRef>& refs) {
  Json out = Json::array();
  for (const stance::ScoredRef& r : refs) {
    Json j = stance_ref(r.ref);
    j["score"] = rounded(r.score);
    out.push_back(std::move(j));
  }
  return out;
}

Json plain_refs(const std::vector<stance::SentenceRef>& refs) {
  Json out = Json::array();
  for (const stance::SentenceRef& r : refs) out.push_back(stance_ref(r));
  return out;
}

Json actors_json(const Analysis& analysis) {
  Json out = Json::array();
  for (std::size_t i = 0; i < analysis.actors.actors.size(); ++i) {
    const stance::Actor& actor = analysis.actors.actors[i];
    out.push_back(Json{{"id", "p" + std::to_string(i)},
                       {"name", actor.name},
                       {"aliases", actor.aliases},
                       {"articles", actor.articles},
                       {"mentions", actor.mentions}});
  }
  return out;
}

Json stance_json(const Analysis& analysis) {
  Json out = Json::array();
  for (const stance::ArticleStance& st : analysis.article_stance) {
    Json loaded = Json::array();
    for (const stance::WordCount& w : st.loaded)
      loaded.push_back(Json{{"word", w.word}, {"count", w.count}});
    Json attribution = Json::array();
    for (const stance::SourceCount& s : st.attribution) {
      attribution.push_back(
          Json{{"source", s.source}, {"count", s.count}, {"sentences", plain_refs(s.sentences)}});
    }
    Json targets = Json::array();
    for (const stance::TargetStance& t : st.targets) {
      targets.push_back(Json{{"actor", t.actor},
                             {"name", t.name},
                             {"score", rounded(t.score)},
                             {"mentions", t.mentions},
                             {"sentences", scored_refs(t.sentences)}});
    }
    out.push_back(Json{{"article", st.article},
                       {"tone", Json{{"score", rounded(st.tone)},
                                     {"positive", st.positive},
                                     {"negative", st.negative},
                                     {"sentences", scored_refs(st.tone_sentences)}}},
                       {"subjectivity", Json{{"score", rounded(st.subjectivity)},
                                             {"loaded", std::move(loaded)},
                                             {"sentences", plain_refs(st.subjective_sentences)}}},
                       {"hedging", Json{{"score", rounded(st.hedging)},
                                        {"hedges", st.hedges},
                                        {"boosters", st.boosters},
                                        {"sentences", plain_refs(st.hedging_sentences)}}},
                       {"attribution", std::move(attribution)},
                       {"targets", std::move(targets)}});
  }
  return out;
}
// --- end article stance ---

std::string to_json(const Analysis& analysis) {
  using report::claim_label;
  const align::AlignResult& alignment = analysis.alignment;
  // claims_of[article][paragraph][sentence] -> claim indexes, for the sentence entries.
  std::vector<std::vector<std::vector<std::vector<std::uint32_t>>>> claims_of(
      analysis.articles.size());
  for (std::size_t a = 0; a < analysis.articles.size(); ++a) {
    const auto& paragraphs = analysis.articles[a].paragraphs;
    claims_of[a].resize(paragraphs.size());
    for (std::size_t p = 0; p < paragraphs.size(); ++p)
      claims_of[a][p].resize(paragraphs[p].sentences.size());
  }
  Json claims = Json::array();
  for (std::size_t c = 0; c < alignment.claims.size(); ++c) {
    const align::Claim& claim = alignment.claims[c];
    Json members = Json::array();
    for (const align::ClaimMember& m : claim.members) {
      members.push_back(Json{{"article", m.ref.article},
                             {"paragraph", m.ref.paragraph},
                             {"sentence", m.ref.sentence},
                             {"score", rounded(m.score)}});
      if (find_sentence(analysis, m.ref) != nullptr) {
        claims_of[m.ref.article][m.ref.paragraph][m.ref.sentence].push_back(
            static_cast<std::uint32_t>(c));
      }
    }
    claims.push_back(
        Json{{"id", "c" + std::to_string(c)},
             {"label", claim_label(unit_text(analysis, claim.members[claim.label_member].ref))},
             {"support", claim.support},
             {"independent", claim.independent},
             {"members", std::move(members)}});
  }
  Json articles = Json::array();
  for (std::size_t a = 0; a < analysis.articles.size(); ++a) {
    articles.push_back(article_json(analysis.articles[a], a, claims_of[a]));
  }
  Json rows = Json::array();
  for (const align::Row& row : alignment.rows) {
    Json members = Json::array();
    for (const align::ParagraphRef& m : row.members) members.push_back(paragraph_ref(m));
    rows.push_back(Json{{"members", std::move(members)}, {"score", rounded(row.score)}});
  }
  Json links = Json::array();
  for (const align::ParagraphLink& link : alignment.links) {
    links.push_back(Json{{"a", paragraph_ref(link.a)},
                         {"b", paragraph_ref(link.b)},
                         {"score", rounded(link.score)}});
  }
  Json reuse = Json::array();
  auto reuse_side = [&](std::uint32_t article, Span span, std::uint32_t words) {
    const std::uint32_t total =
        article < analysis.articles.size() ? analysis.articles[article].words : 0;
    return Json{
        {"article", article},
        {"start", span.start},
        {"end", span.end},
        {"share", total == 0 ? 0.0 : rounded(std::min(1.0, static_cast<double>(words) / total))}};
  };
  for (const align::ReusedPassage& passage : analysis.reuse) {
    reuse.push_back(Json{{"a", reuse_side(passage.article_a, passage.span_a, passage.words)},
                         {"b", reuse_side(passage.article_b, passage.span_b, passage.words)},
                         {"words", passage.words}});
  }
  Json notices = Json::array();
  for (const Notice& n : analysis.notices) {
    notices.push_back(
        Json{{"file", n.file}, {"code", n.code}, {"severity", n.severity}, {"message", n.message}});
  }
  Json document{{"schema", kSchema},
                {"version", kVersion},
                {"matcher", analysis.matcher},
                {"articles", std::move(articles)},
                {"claims", std::move(claims)},
                {"rows", std::move(rows)},
                {"links", std::move(links)},
                {"reuse", std::move(reuse)},
                {"facts", facts_json(analysis)},                    // diverge
                {"contradictions", contradictions_json(analysis)},  // diverge
                {"omissions", omissions_json(analysis)},            // diverge
                {"actors", actors_json(analysis)},  // article stance (owner: "tone")
                {"stance", stance_json(analysis)},
                {"notices", std::move(notices)},
                {"limits", Json{{"truncated", alignment.truncated}}}};
  return dump(document);
}

}  // namespace oracle
// --- end oracle ---

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

TEST_CASE("claim labels leave out the source's heading marks, bullets and list numbers",
          "[report]") {
  CHECK(report::claim_label("# Varrow Bridge shut to cars") == "Varrow Bridge shut to cars");
  CHECK(report::claim_label("### Ferry returns") == "Ferry returns");
  CHECK(report::claim_label("- Potential shifts in sanctions") == "Potential shifts in sanctions");
  CHECK(report::claim_label("* Crews worked until dawn") == "Crews worked until dawn");
  CHECK(report::claim_label("\u2022 Schools stay shut") == "Schools stay shut");
  CHECK(report::claim_label("2. Sanctions & Economic Cooperation") ==
        "Sanctions & Economic Cooperation");
  CHECK(report::claim_label("3) Fares rise") == "Fares rise");
  CHECK(report::claim_label("\u25A0 Goldfish live for years") == "Goldfish live for years");
  CHECK(report::claim_label("a) Buses run every 10 minutes") == "Buses run every 10 minutes");
  // Not markup: a number that starts the claim, a hyphenated word, a lone mark.
  CHECK(report::claim_label("2.5 million people cross it") == "2.5 million people cross it");
  CHECK(report::claim_label("1971 bridge closes") == "1971 bridge closes");
  CHECK(report::claim_label("-5 degrees overnight") == "-5 degrees overnight");
  CHECK(report::claim_label("#1 priority is safety") == "#1 priority is safety");
  CHECK(report::claim_label("- ") == "- ");
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

// --- byte identity of the direct writer (performance work, issue 6) --------------------------
namespace {

// Awkward pieces for strings: JSON escapes, control characters, DEL, U+2028, 2-4 byte UTF-8,
// and invalid UTF-8 (stray bytes, truncated sequences, overlong forms, surrogates, > U+10FFFF).
const std::vector<std::string> kPieces = {"The strike began. ",
                                          "word",
                                          " ",
                                          "\"",
                                          "\\",
                                          "/",
                                          "\n",
                                          "\r\n",
                                          "\t",
                                          "\b",
                                          "\f",
                                          std::string(1, '\0'),
                                          "\x01",
                                          "\x1f",
                                          "\x7f",
                                          "\u2028",
                                          "\u2029",
                                          "\u00e9",
                                          "\u20ac",
                                          "\xf0\x9f\x98\x80",
                                          "\xff",
                                          "\xc3",
                                          "\xe2\x82",
                                          "\xed\xa0\x80",
                                          "\xc0\xaf",
                                          "\xf4\x90\x80\x80",
                                          "\xf5\x80\x80\x80",
                                          "\x80",
                                          "<script>alert(1)</script>",
                                          "\u2019s"};

std::string awkward_string(std::mt19937& rng, std::size_t max_pieces) {
  std::string s;
  const std::size_t n = std::uniform_int_distribution<std::size_t>(0, max_pieces)(rng);
  for (std::size_t i = 0; i < n; ++i)
    s += kPieces[std::uniform_int_distribution<std::size_t>(0, kPieces.size() - 1)(rng)];
  return s;
}

double awkward_double(std::mt19937& rng) {
  const std::vector<double> kValues = {0.0,
                                       -0.0,
                                       1.0,
                                       42.0,
                                       0.1,
                                       1.0 / 3,
                                       2.0 / 3,
                                       0.91234567,
                                       0.00005,
                                       0.00004999,
                                       1e-5,
                                       -0.00004,
                                       1e-300,
                                       5e-324,
                                       123456.789,
                                       1e15,
                                       1e16,
                                       1e17,
                                       1e20,
                                       1e300,
                                       -1e300,
                                       1.7e308,
                                       std::numeric_limits<double>::quiet_NaN(),
                                       std::numeric_limits<double>::infinity(),
                                       -std::numeric_limits<double>::infinity()};
  if (rng() % 3 == 0) return std::uniform_real_distribution<double>(-2, 2)(rng);
  return kValues[rng() % kValues.size()];
}

Span random_span(std::mt19937& rng, std::size_t size) {
  const std::size_t a = rng() % (size + 1), b = rng() % (size + 1);
  return {std::min(a, b), std::max(a, b)};
}

// An analysis with random structure and awkward strings and numbers everywhere the JSON has
// them (every reference stays inside the analysis where the writer slices text).
report::Analysis synthetic_analysis(std::mt19937& rng) {
  report::Analysis analysis;
  analysis.matcher = awkward_string(rng, 3);
  const std::size_t articles = rng() % 4;
  for (std::size_t a = 0; a < articles; ++a) {
    report::Article article;
    article.raw.name = awkward_string(rng, 4);
    article.raw.title = awkward_string(rng, 4);
    article.raw.source = awkward_string(rng, 2);
    article.raw.url = awkward_string(rng, 2);
    article.raw.published = awkward_string(rng, 2);
    article.raw.encoding = awkward_string(rng, 1);
    article.raw.format = static_cast<ingest::Format>(rng() % 4);
    article.raw.text = awkward_string(rng, 40);
    for (std::size_t w = rng() % 3; w > 0; --w)
      article.raw.warnings.push_back(awkward_string(rng, 3));
    for (std::size_t p = rng() % 5; p > 0; --p) {
      segment::Paragraph paragraph;
      paragraph.kind = static_cast<segment::ParagraphKind>(rng() % 6);
      paragraph.span = random_span(rng, article.raw.text.size());
      paragraph.boilerplate = rng() % 3 == 0;
      if (paragraph.boilerplate) paragraph.boilerplate_reason = awkward_string(rng, 2);
      for (std::size_t s = rng() % 4; s > 0; --s)
        paragraph.sentences.push_back({random_span(rng, article.raw.text.size())});
      article.paragraphs.push_back(paragraph);
    }
    article.words = rng() % 3 == 0 ? 0 : static_cast<std::uint32_t>(rng());
    article.reused_words = static_cast<std::uint32_t>(rng() % 1000);
    analysis.articles.push_back(article);
  }
  auto random_ref = [&]() {
    align::UnitRef ref{static_cast<std::uint32_t>(rng() % (articles + 1)),
                       static_cast<std::uint32_t>(rng() % 5),
                       static_cast<std::uint32_t>(rng() % 4)};
    return ref;  // sometimes outside the analysis: the writer must skip it as before
  };
  for (std::size_t c = rng() % 6; c > 0; --c) {
    align::Claim claim;
    for (std::size_t m = 1 + rng() % 4; m > 0; --m)
      claim.members.push_back({random_ref(), awkward_double(rng)});
    claim.label_member = static_cast<std::uint32_t>(rng() % claim.members.size());
    claim.support = static_cast<std::uint32_t>(rng());
    claim.independent = static_cast<std::uint32_t>(rng() % 5);
    analysis.alignment.claims.push_back(claim);
  }
  for (std::size_t r = rng() % 4; r > 0; --r) {
    align::Row row;
    for (std::size_t m = rng() % 3; m > 0; --m)
      row.members.push_back(
          {static_cast<std::uint32_t>(rng()), static_cast<std::uint32_t>(rng() % 9)});
    row.score = awkward_double(rng);
    analysis.alignment.rows.push_back(row);
  }
  for (std::size_t l = rng() % 3; l > 0; --l)
    analysis.alignment.links.push_back(
        {{1, 2}, {3, static_cast<std::uint32_t>(rng())}, awkward_double(rng)});
  analysis.alignment.truncated = rng() % 2 == 0;
  for (std::size_t u = rng() % 3; u > 0; --u) {
    align::ReusedPassage passage;
    passage.article_a = static_cast<std::uint32_t>(rng() % (articles + 2));
    passage.article_b = static_cast<std::uint32_t>(rng() % (articles + 2));
    passage.span_a = {rng() % 100, 100 + rng() % 100};
    passage.span_b = {std::numeric_limits<std::size_t>::max() - 1,
                      std::numeric_limits<std::size_t>::max()};
    passage.words = static_cast<std::uint32_t>(rng());
    analysis.reuse.push_back(passage);
  }
  for (std::size_t f = rng() % 5; f > 0; --f) {
    diverge::Fact fact;
    fact.ref = random_ref();
    fact.kind = static_cast<diverge::FactKind>(rng() % 9);
    const std::size_t size =
        fact.ref.article < articles ? analysis.articles[fact.ref.article].raw.text.size() : 10;
    fact.span =
        rng() % 4 == 0 ? Span{size, size + 3} : random_span(rng, size);  // some past the end
    fact.value = awkward_string(rng, 3);
    analysis.divergence.facts.push_back(fact);
  }
  for (std::size_t x = rng() % 3; x > 0; --x) {
    diverge::Contradiction c;
    c.kind = awkward_string(rng, 1);
    c.within = rng() % 2 == 0;
    c.confidence = awkward_double(rng);
    c.claim = rng() % 2 == 0 ? -1 : static_cast<std::int64_t>(rng()) * (rng() % 2 ? 1 : -1);
    c.subject = awkward_string(rng, 3);
    c.a = {random_ref(), random_span(rng, 50), awkward_string(rng, 3), awkward_string(rng, 2)};
    c.b = {random_ref(), random_span(rng, 50), awkward_string(rng, 3), awkward_string(rng, 2)};
    c.note = awkward_string(rng, 5);
    analysis.divergence.contradictions.push_back(c);
  }
  for (std::size_t o = rng() % 3; o > 0; --o) {
    diverge::Omission omission;
    omission.article = static_cast<std::uint32_t>(rng() % 4);
    for (std::size_t m = rng() % 3; m > 0; --m)
      omission.missing.push_back(
          {static_cast<std::uint32_t>(rng()), static_cast<std::uint32_t>(rng() % 7)});
    analysis.divergence.omissions.push_back(omission);
  }
  for (std::size_t p = rng() % 3; p > 0; --p) {
    stance::Actor actor;
    actor.name = awkward_string(rng, 2);
    for (std::size_t i = rng() % 3; i > 0; --i) actor.aliases.push_back(awkward_string(rng, 2));
    actor.articles = static_cast<std::uint32_t>(rng() % 4);
    actor.mentions = static_cast<std::uint32_t>(rng());
    analysis.actors.actors.push_back(actor);
  }
  auto sentence_ref = [&]() {
    return stance::SentenceRef{static_cast<std::uint32_t>(rng() % 4),
                               static_cast<std::uint32_t>(rng() % 9),
                               static_cast<std::uint32_t>(rng())};
  };
  for (std::size_t s = rng() % 3; s > 0; --s) {
    stance::ArticleStance st;
    st.article = static_cast<std::uint32_t>(rng() % 4);
    st.tone = awkward_double(rng);
    st.positive = static_cast<std::uint32_t>(rng() % 9);
    st.negative = static_cast<std::uint32_t>(rng() % 9);
    for (std::size_t i = rng() % 3; i > 0; --i)
      st.tone_sentences.push_back({sentence_ref(), awkward_double(rng)});
    st.subjectivity = awkward_double(rng);
    for (std::size_t i = rng() % 3; i > 0; --i)
      st.loaded.push_back({awkward_string(rng, 2), static_cast<std::uint32_t>(rng() % 9)});
    for (std::size_t i = rng() % 3; i > 0; --i) st.subjective_sentences.push_back(sentence_ref());
    st.hedging = awkward_double(rng);
    st.hedges = static_cast<std::uint32_t>(rng() % 9);
    st.boosters = static_cast<std::uint32_t>(rng() % 9);
    for (std::size_t i = rng() % 3; i > 0; --i) st.hedging_sentences.push_back(sentence_ref());
    for (std::size_t i = rng() % 3; i > 0; --i)
      st.attribution.push_back(
          {awkward_string(rng, 2), static_cast<std::uint32_t>(rng() % 9), {sentence_ref()}});
    for (std::size_t i = rng() % 3; i > 0; --i) {
      st.targets.push_back({static_cast<std::uint32_t>(rng() % 3),
                            awkward_string(rng, 2),
                            awkward_double(rng),
                            static_cast<std::uint32_t>(rng() % 9),
                            {{sentence_ref(), awkward_double(rng)}}});
    }
    analysis.article_stance.push_back(st);
  }
  for (std::size_t n = rng() % 3; n > 0; --n) {
    analysis.notices.push_back({awkward_string(rng, 2), awkward_string(rng, 1),
                                awkward_string(rng, 1), awkward_string(rng, 4)});
  }
  return analysis;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Every regular file of `dir`, by name (the CLI's order for a directory).
std::vector<std::pair<std::string, std::string>> read_dir(const std::string& dir) {
  std::vector<std::pair<std::string, std::string>> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    if (!entry.is_regular_file()) continue;
    files.emplace_back(entry.path().filename().string(), read_file(entry.path().string()));
  }
  std::sort(files.begin(), files.end());
  return files;
}

void check_same_bytes_as_oracle(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<InputFile> inputs;
  for (const auto& [name, bytes] : files) inputs.push_back({name, bytes});
  auto analysis = compare(inputs, {});
  REQUIRE(analysis.ok());
  const std::string written = report::to_json(analysis.value());
  CHECK(written == oracle::to_json(analysis.value()));
}

}  // namespace

TEST_CASE("the direct writer prints the old tree's bytes for random awkward analyses", "[report]") {
  std::mt19937 rng(20261201);
  std::size_t invalid_utf8 = 0;
  for (int i = 0; i < 3000; ++i) {
    const report::Analysis analysis = synthetic_analysis(rng);
    const std::string expected = oracle::to_json(analysis);
    const std::string written = report::to_json(analysis);
    if (written != expected) {
      FAIL_CHECK("analysis " << i << " differs:\n" << written << "\n" << expected);
      break;
    }
    invalid_utf8 += expected.find("\xef\xbf\xbd") != std::string::npos ? 1 : 0;
  }
  CHECK(invalid_utf8 > 100);  // the generator does reach nlohmann's replacement path
}

TEST_CASE("the direct writer prints the old tree's bytes for the pipeline on real inputs",
          "[report]") {
  SECTION("the samples") {
    check_same_bytes_as_oracle(read_dir(PARALLAX_SOURCE_DIR "/samples"));
  }
  SECTION("texts with escapes, control characters and invalid UTF-8") {
    check_same_bytes_as_oracle({
        {"quotes.txt",
         "He said \"stop\" at 5\\6 Main St.\n\nThe strike began on Monday.\t"
         "Ships waited\x01 in the \u2028harbour.\n\nShe said \"stop\" too."},
        {"latin1.txt",
         "The strike began on Monday in M\xe9rida. Ships waited \x93here\x94.\n\n"
         "Dock workers said \"stop\" at 5\\6 Main St."},
        {"array.json",
         R"([{"title":"T \"q\"","text":"The strike began on Monday.\u0007 Ships waited."},
                           {"text":"Ships waited on Monday\u2028when the strike began."}])"},
        {"page.html",
         "<html><title>A &amp; B \"x\"</title><p>The strike began on Monday.</p>"
         "<p>Ships\u00a0waited \\ there.</p></html>"},
    });
  }
  SECTION("the seed articles") {
    const std::string dir = PARALLAX_SHARED_DATA_DIR "/seeds";
    auto files = read_dir(dir);
    if (files.empty()) {
      WARN("skipped: " << dir << " is absent");
      return;
    }
    check_same_bytes_as_oracle(files);
  }
}

TEST_CASE("the JSON size estimate covers real documents", "[report]") {
  std::vector<InputFile> inputs;
  const auto files = read_dir(PARALLAX_SOURCE_DIR "/samples");
  for (const auto& [name, bytes] : files) inputs.push_back({name, bytes});
  auto analysis = compare(inputs, {});
  REQUIRE(analysis.ok());
  const std::size_t estimate = report::detail::estimated_json_bytes(analysis.value());
  const std::size_t actual = report::to_json(analysis.value()).size();
  CHECK(estimate >= actual);
  CHECK(estimate <= actual * 2);  // generous, not wasteful
}
// --- end byte identity ---
