#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "segment/segment.h"
#include "test_util.h"

using parallax::slice;
using parallax::segment::segment_article;
using parallax::segment::testing::article;

namespace {
const char* kBody =
    "The two leaders met for nearly three hours at the base, officials said, and agreed to "
    "continue talks at a later date without giving details of any agreement.\n";

// Reason of the paragraph whose text is `line` inside a normal article ("" when not flagged).
std::string reason_of(const std::string& line) {
  const auto raw = article(std::string(kBody) + line + "\n" + kBody);
  for (const auto& p : segment_article(raw)) {
    if (slice(raw.text, p.span) == line) return p.boilerplate ? p.boilerplate_reason : "";
  }
  return "<not a paragraph>";
}
}  // namespace

TEST_CASE("boilerplate: positives", "[segment][boilerplate]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Home | World | Politics | Business", "site navigation"},
      {"News \u00bb Europe \u00bb Russia", "site navigation"},
      {"Home > News > Kestrelford", "site navigation"},
      {"Skip to main content", "site navigation"},
      {"Read more", "related links"},
      {"You may also like", "related links"},
      {"Related articles:", "related links"},
      {"Leave a comment", "comment form"},
      {"Your email address will not be published. Required fields are marked *", "comment form"},
      {"Share this article", "share prompt"},
      {"Follow us on Telegram and X", "share prompt"},
      {"Sign up for our newsletter to get the latest news delivered to your inbox.",
       "newsletter prompt"},
      {"Sign up for the Civic Pulse newsletter to get local news every morning.",
       "newsletter prompt"},
      {"Subscribe to The Morning Ledger, our daily newsletter.", "newsletter prompt"},
      {"Sign up to get the Valley Herald's briefing in your inbox every weekday.",
       "newsletter prompt"},
      {"\u00a9 2025 Example Media Group. All rights reserved.", "copyright line"},
      {"Copyright 2024 Example News", "copyright line"},
      {"All rights reserved", "copyright line"},
      {"Advertisement", "advertisement"},
      {"Primary Keywords: summit, diplomacy, Arctic", "SEO block"},
      {"Secondary keywords: talks, sanctions", "SEO block"},
      {"Focus keyword: Alaska summit", "SEO block"},
      {"Slug: leaders-meet-in-alaska", "SEO block"},
      {"Meta Description (SEO)", "SEO block"},
      {"Tip: publish regular updates so your blog can rank for breaking search queries.",
       "SEO advice"},
      {"---", "horizontal rule"},
      {"We use cookies to personalise content and ads and to analyse our traffic. Accept all "
       "Manage preferences",
       "cookie banner"},
      {"This website uses cookies. By continuing to browse you agree to our cookie policy.",
       "cookie banner"},
  };
  for (const auto& [line, reason] : cases) {
    INFO(line);
    CHECK(reason_of(line) == reason);
  }
}

TEST_CASE("boilerplate: real news paragraphs are not flagged", "[segment][boilerplate]") {
  const std::vector<std::string> negatives = {
      "Shares of the energy group fell 3% after the talks, and investors did not share the "
      "optimism of officials.",
      "The court said the copyright dispute over the broadcast would be heard next month.",
      "Analysts scanned the speech for keywords such as ceasefire and sanctions relief.",
      "Stay tuned for updates, the spokesman told reporters, before the convoy left the base.",
      "Officials said they would share more details on Friday.",
      "The newsletter published by the ministry described the meeting as constructive.",
      "Subscribers to the council's newsletter were told of the closure on Monday.",
      "Get the facts right, the editor wrote in the staff newsletter, before the vote.",
      "Sign up sheets for volunteers were posted at the town hall.",
      "He told reporters to read more carefully what the treaty said about verification.",
      "Home to the largest base in the region, Anchorage hosted the meeting.",
      "Contents of the letter were not disclosed.",
      "In a blog post, the company said its search engine had ranked official sources higher.",
      "Summary and Outlook",
      "Regulators said websites must ask before setting cookies, a rule the firm accepted.",
      "The bakery sold 4,000 cookies at the fair, and the mayor accepted all the thanks.",
  };
  for (const auto& line : negatives) {
    INFO(line);
    CHECK(reason_of(line).empty());
  }
}

TEST_CASE("boilerplate: other-script navigation line", "[segment][boilerplate]") {
  // An Arabic menu glued to a Latin label above an English article, and a Cyrillic footer.
  const std::string nav =
      "ENGLISH\u0627\u0644\u0631\u0626\u064a\u0633\u064a\u0629\u0623\u062e\u0628\u0627\u0631";
  const std::string footer =
      "\u0413\u043b\u0430\u0432\u043d\u0430\u044f \u041d\u043e\u0432\u043e\u0441\u0442\u0438";
  const auto raw = article(nav + "\n\n" + kBody + "\n" + kBody + "\n" + footer + "\n");
  const auto paragraphs = segment_article(raw);
  REQUIRE(paragraphs.size() == 4);
  CHECK(paragraphs[0].boilerplate);
  CHECK(paragraphs[0].boilerplate_reason == "other-script navigation");
  CHECK_FALSE(paragraphs[1].boilerplate);
  CHECK(paragraphs[3].boilerplate);
  // A whole article in Cyrillic: its own script is dominant, its paragraphs are not flagged.
  const std::string ru =
      "\u041f\u0443\u0442\u0438\u043d \u0438 \u0422\u0440\u0430\u043c\u043f "
      "\u0432\u0441\u0442\u0440\u0435\u0442\u0438\u043b\u0438\u0441\u044c.\n";
  const auto ru_paragraphs = segment_article(article(ru + ru + "Reuters\n"));
  REQUIRE(ru_paragraphs.size() == 3);
  CHECK_FALSE(ru_paragraphs[0].boilerplate);
  CHECK_FALSE(ru_paragraphs[1].boilerplate);
}

TEST_CASE("boilerplate: table of contents and related lists", "[segment][boilerplate]") {
  const std::string text = std::string("Main Headline Here\nTable of Contents\n- 1. Background\n") +
                           "- 2. What Comes Next\n" + kBody + "Related articles\n" +
                           "- Leaders meet in the Arctic\n- Sanctions explained\n";
  const auto raw = article(text);
  const auto paragraphs = segment_article(raw);
  REQUIRE(paragraphs.size() == 8);
  CHECK_FALSE(paragraphs[0].boilerplate);
  for (int i = 1; i <= 3; ++i) CHECK(paragraphs[i].boilerplate_reason == "table of contents");
  CHECK_FALSE(paragraphs[4].boilerplate);
  for (int i = 5; i <= 7; ++i) CHECK(paragraphs[i].boilerplate_reason == "related links");
}

TEST_CASE("boilerplate: SEO description and advice lists", "[segment][boilerplate]") {
  const std::string text = std::string("Meta Description\n") +
                           "Leaders meet in the Arctic to discuss a ceasefire and trade.\n" +
                           kBody +
                           "What to watch:\n- Energy prices may move.\n"
                           "- This story is keyword-rich for news SEO.\n"
                           "- It covers several trending topics.\n";
  const auto raw = article(text);
  const auto paragraphs = segment_article(raw);
  REQUIRE(paragraphs.size() == 7);
  CHECK(paragraphs[0].boilerplate_reason == "SEO block");
  CHECK(paragraphs[1].boilerplate_reason == "SEO block");
  CHECK_FALSE(paragraphs[2].boilerplate);
  CHECK_FALSE(paragraphs[4].boilerplate);
  CHECK(paragraphs[5].boilerplate_reason == "SEO advice");
  CHECK(paragraphs[6].boilerplate_reason == "SEO advice");
}

TEST_CASE("boilerplate: menu-word lines", "[segment][boilerplate]") {
  const auto raw = article(std::string("Home\nWorld\nPolitics\nVideo\n") + kBody);
  const auto paragraphs = segment_article(raw);
  REQUIRE(paragraphs.size() == 5);
  for (int i = 0; i < 4; ++i) CHECK(paragraphs[i].boilerplate_reason == "site navigation");
  CHECK_FALSE(paragraphs[4].boilerplate);
}

TEST_CASE("boilerplate: the byte-pair filter never changes a phrase test",
          "[segment][boilerplate]") {
  // Every byte pair of "share this article" occurs, but not the phrase: not flagged.
  CHECK(reason_of("This article shares the rest ofthis story.") == "");
  // The phrase at the very start, the very end, folded from capitals and curly quotes, and
  // a two-byte phrase (the copyright sign) with nothing around it.
  CHECK(reason_of("Share this article") == "share prompt");
  CHECK(reason_of("Please LEAVE A COMMENT") == "comment form");
  CHECK(reason_of("\u00a9") == "copyright line");
  CHECK(reason_of("Text \u00a9 2025 Northwire") == "copyright line");
  CHECK(reason_of("Don\u2019t forget: subscribe to our podcast") == "newsletter prompt");
  // Over 60 words: no phrase rule applies, even with a phrase inside.
  std::string long_line = "Share this article";
  for (int i = 0; i < 60; ++i) long_line += " word";
  long_line += ".";
  CHECK(reason_of(long_line) == "");
}
