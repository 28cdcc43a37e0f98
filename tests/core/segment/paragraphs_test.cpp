#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "segment/detail.h"
#include "segment/segment.h"
#include "test_util.h"

using parallax::slice;
using parallax::ingest::Block;
using parallax::ingest::BlockKind;
using parallax::segment::ParagraphKind;
using parallax::segment::segment_article;
using parallax::segment::testing::article;

namespace {
// "kind:text" of every paragraph, for compact expectations.
std::vector<std::string> shape(const std::string& text) {
  const auto raw = article(text);
  std::vector<std::string> out;
  for (const auto& p : segment_article(raw)) {
    out.push_back(std::string(parallax::segment::kind_name(p.kind)) + ":" +
                  std::string(slice(raw.text, p.span)));
  }
  return out;
}
using Shape = std::vector<std::string>;
}  // namespace

TEST_CASE("paragraphs: one line per paragraph and blank-line separated", "[segment][paragraphs]") {
  CHECK(shape("First paragraph here.\nSecond paragraph here.\n") ==
        Shape{"paragraph:First paragraph here.", "paragraph:Second paragraph here."});
  CHECK(shape("\n\nFirst paragraph.\n\n\n  Second paragraph.  \n\n") ==
        Shape{"paragraph:First paragraph.", "paragraph:Second paragraph."});
  CHECK(shape("Windows line.\r\nOld Mac line.\rLast line.") ==
        Shape{"paragraph:Windows line.", "paragraph:Old Mac line.", "paragraph:Last line."});
}

TEST_CASE("paragraphs: hard-wrapped text is joined", "[segment][paragraphs]") {
  const std::string text =
      "The two presidents met at a military base near Anchorage on Friday,\n"
      "where they spoke for nearly three hours behind closed doors. Aides\n"
      "said the tone was cordial but that no agreement had been reached.\n"
      "\n"
      "Analysts in Europe were cautious about the outcome of the meeting and\n"
      "warned that any deal would need the consent of the government in Kyiv.\n";
  const auto raw = article(text);
  const auto paragraphs = segment_article(raw);
  REQUIRE(paragraphs.size() == 2);
  CHECK(paragraphs[0].sentences.size() == 2);
  CHECK(paragraphs[1].sentences.size() == 1);
}

TEST_CASE("paragraphs: headings versus short sentences", "[segment][paragraphs]") {
  const std::vector<std::pair<std::string, ParagraphKind>> cases = {
      {"# Markdown heading", ParagraphKind::kHeading},
      {"### Third level ###", ParagraphKind::kHeading},
      {"Summary and Outlook", ParagraphKind::kHeading},
      {"Introduction: The World\u2019s Eyes on the Arctic", ParagraphKind::kHeading},
      {"Recent Diplomatic Signals:", ParagraphKind::kHeading},
      {"Talks ended early.", ParagraphKind::kParagraph},
      {"Will the talks succeed?", ParagraphKind::kParagraph},
      {"Key goals involve:", ParagraphKind::kParagraph},
      {"lowercase start without a stop", ParagraphKind::kParagraph},
      {"The Envoy Said The Meeting Would Take Place On Russian Soil Next Year.",
       ParagraphKind::kParagraph},
      {"Officials said the meeting would be held at the base and that the press would be kept "
       "well away from the runway",
       ParagraphKind::kParagraph},
      {"Talks ended. Both sides left", ParagraphKind::kParagraph},
      {"12345", ParagraphKind::kParagraph},
  };
  for (const auto& [line, kind] : cases) {
    INFO(line);
    const auto raw = article("Some body text comes first here.\n" + line + "\n");
    const auto paragraphs = segment_article(raw);
    REQUIRE(paragraphs.size() == 2);
    CHECK(paragraphs[1].kind == kind);
  }
  CHECK(shape("Setext Title\n=====\nBody text.") ==
        Shape{"heading:Setext Title\n=====", "paragraph:Body text."});
}

TEST_CASE("paragraphs: list items", "[segment][paragraphs]") {
  CHECK(shape("Goals include:\n- arms control\n* trade\n\u2022 energy\n1. first\n2) second\n") ==
        Shape{"paragraph:Goals include:", "list_item:- arms control", "list_item:* trade",
              "list_item:\u2022 energy", "list_item:1. first", "list_item:2) second"});
  // An indented continuation line belongs to its item.
  CHECK(shape("- first item\n  continues here\n- second") ==
        Shape{"list_item:- first item\n  continues here", "list_item:- second"});
  // Not list markers.
  CHECK(shape("-5 degrees overnight.\n2025. The year began.") ==
        Shape{"paragraph:-5 degrees overnight.", "paragraph:2025. The year began."});
}

TEST_CASE("paragraphs: pipe tables with and without leading pipes", "[segment][paragraphs]") {
  const std::string text =
      "Intro line.\n"
      "Topic | Focus | Outcome |\n"
      "---|---|---|\n"
      "Arms | Treaties | Renewal |\n"
      "Trade | Tariffs | Growth |\n"
      "After the table.\n"
      "| a | b |\n"
      "|:--|--:|\n"
      "| 1 | 2 |\n";
  const auto raw = article(text);
  const auto paragraphs = segment_article(raw);
  REQUIRE(paragraphs.size() == 4);
  CHECK(paragraphs[1].kind == ParagraphKind::kTable);
  CHECK(slice(raw.text, paragraphs[1].span) ==
        "Topic | Focus | Outcome |\n---|---|---|\nArms | Treaties | Renewal |\nTrade | Tariffs | "
        "Growth |");
  REQUIRE(paragraphs[1].sentences.size() == 3);  // separator row is not a sentence
  CHECK(slice(raw.text, paragraphs[1].sentences[2].span) == "Trade | Tariffs | Growth |");
  CHECK(paragraphs[3].kind == ParagraphKind::kTable);
  CHECK(paragraphs[3].sentences.size() == 2);
  // A lone line with pipes is not a table.
  CHECK(shape("Home | World | Politics\nBody text.")[0] == "heading:Home | World | Politics");
}

TEST_CASE("paragraphs: block quotes", "[segment][paragraphs]") {
  CHECK(shape("He wrote:\n> We will meet again.\n> Soon.\nEnd.") ==
        Shape{"paragraph:He wrote:", "quote:> We will meet again.\n> Soon.", "paragraph:End."});
}

TEST_CASE("paragraphs: HTML blocks", "[segment][paragraphs]") {
  const std::string text =
      "Title Here\nFirst para. Second sentence.\nItem one\nA | B\nC | D\nQuoted words.\n";
  auto raw = article(text);
  auto at = [&](const std::string& s) {
    const auto p = text.find(s);
    return parallax::Span{p, p + s.size()};
  };
  raw.blocks = {{BlockKind::kHeading, at("Title Here")},
                {BlockKind::kParagraph, at("First para. Second sentence.")},
                {BlockKind::kListItem, at("Item one")},
                {BlockKind::kTableRow, at("A | B")},
                {BlockKind::kTableRow, at("C | D")},
                {BlockKind::kQuote, at("Quoted words.")}};
  const auto paragraphs = segment_article(raw);
  REQUIRE(paragraphs.size() == 5);
  CHECK(paragraphs[0].kind == ParagraphKind::kHeading);
  CHECK(paragraphs[1].sentences.size() == 2);
  CHECK(paragraphs[2].kind == ParagraphKind::kListItem);
  CHECK(paragraphs[3].kind == ParagraphKind::kTable);
  CHECK(slice(raw.text, paragraphs[3].span) == "A | B\nC | D");
  CHECK(paragraphs[3].sentences.size() == 2);
  CHECK(paragraphs[4].kind == ParagraphKind::kQuote);
}

TEST_CASE("paragraphs: malformed blocks lose no text", "[segment][paragraphs]") {
  const std::string text = "Alpha text. Beta text.\nStray text outside blocks.\nGamma.";
  auto raw = article(text);
  raw.blocks = {{BlockKind::kParagraph, {0, 11}},
                {BlockKind::kParagraph, {5, 22}},     // overlaps the previous block
                {BlockKind::kParagraph, {49, 9999}},  // runs past the end
                {BlockKind::kQuote, {30, 10}}};       // backwards
  const auto paragraphs = segment_article(raw);
  std::string covered(text.size(), ' ');
  std::size_t last_end = 0;
  for (const auto& p : paragraphs) {
    CHECK(p.span.start >= last_end);
    CHECK(p.span.end <= text.size());
    last_end = p.span.end;
    for (std::size_t i = p.span.start; i < p.span.end; ++i) covered[i] = text[i];
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != ' ' && text[i] != '\n') CHECK(covered[i] == text[i]);
  }
}

TEST_CASE("paragraphs: empty and whitespace-only text", "[segment][paragraphs]") {
  CHECK(segment_article(article("")).empty());
  CHECK(segment_article(article(" \n\t\r\n\u00a0\n\u200b\n")).empty());
}

TEST_CASE("paragraphs: looks_like_heading is bounded", "[segment][paragraphs]") {
  const std::string long_line(5000, 'A');
  CHECK_FALSE(parallax::segment::detail::looks_like_heading(long_line, {0, long_line.size()}));
}
