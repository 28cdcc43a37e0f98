#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "segment/segment.h"
#include "test_util.h"

using parallax::segment::testing::sentence_texts;
using Sentences = std::vector<std::string>;

namespace {
struct Case {
  const char* name;
  const char* text;
  Sentences expected;
};
}  // namespace

TEST_CASE("sentences: news text edge cases", "[segment][sentences]") {
  const std::vector<Case> cases = {
      {"plain",
       "The talks began. They ended at noon.",
       {"The talks began.", "They ended at noon."}},
      {"question and exclamation",
       "Will they agree? Nobody knows! Wait and see.",
       {"Will they agree?", "Nobody knows!", "Wait and see."}},
      {"U.S. mid-sentence",
       "The U.S. President arrived in Anchorage on Friday.",
       {"The U.S. President arrived in Anchorage on Friday."}},
      {"U.K. and U.S. before opener",
       "Talks moved to the U.K. The French were absent.",
       {"Talks moved to the U.K.", "The French were absent."}},
      {"titles",
       "Mr. Lavrov met Dr. Smith and Mrs. Jones at St. Paul's.",
       {"Mr. Lavrov met Dr. Smith and Mrs. Jones at St. Paul's."}},
      {"initials",
       "Vice President J.D. Vance and George W. Bush spoke. Then they left.",
       {"Vice President J.D. Vance and George W. Bush spoke.", "Then they left."}},
      {"times a.m. p.m.",
       "It starts at 9 a.m. local time and ends at 5 p.m. on Friday.",
       {"It starts at 9 a.m. local time and ends at 5 p.m. on Friday."}},
      {"p.m. before opener",
       "The vote closed at 8 p.m. It was delayed twice.",
       {"The vote closed at 8 p.m.", "It was delayed twice."}},
      {"a.m. before a negative opener",
       "The fire was under control shortly after 6 a.m. No one was injured. Crews left at 9 "
       "a.m. Monday.",
       {"The fire was under control shortly after 6 a.m.", "No one was injured.",
        "Crews left at 9 a.m. Monday."}},
      {"a.m. before an imperative, a weekday, a zone, a place's time",
       "Meet at the gate on Saturday at 10 a.m. Bring binoculars. It opens at 9 a.m. Monday, at "
       "9 a.m. GMT and at 8 p.m. Moscow time. Doors close at 6 p.m. Tonight's talk is free.",
       {"Meet at the gate on Saturday at 10 a.m.", "Bring binoculars.",
        "It opens at 9 a.m. Monday, at 9 a.m. GMT and at 8 p.m. Moscow time.",
        "Doors close at 6 p.m.", "Tonight's talk is free."}},
      {"P.M. as a title",
       "With strong support from British P.M. Tony Blair, the plan went ahead.",
       {"With strong support from British P.M. Tony Blair, the plan went ahead."}},
      {"U.S. before Nobody",
       "Talks moved to the U.S. Nobody objected.",
       {"Talks moved to the U.S.", "Nobody objected."}},
      {"clock times",
       "Talks open at 11:30 local time, or 20:30 BST. Lunch follows.",
       {"Talks open at 11:30 local time, or 20:30 BST.", "Lunch follows."}},
      {"decimals",
       "Growth slowed to 3.5 percent. Prices rose 1,000.25 points.",
       {"Growth slowed to 3.5 percent.", "Prices rose 1,000.25 points."}},
      {"months",
       "The deal was signed on Aug. 15 and Sept. 2 in Geneva. Jan. 3 is next.",
       {"The deal was signed on Aug. 15 and Sept. 2 in Geneva.", "Jan. 3 is next."}},
      {"e.g. i.e. vs.",
       "Some states, e.g. Finland, i.e. a neighbour, watch Russia vs. NATO closely.",
       {"Some states, e.g. Finland, i.e. a neighbour, watch Russia vs. NATO closely."}},
      {"No. before number",
       "He lives at No. 10 Downing Street. No. The answer was no.",
       {"He lives at No. 10 Downing Street.", "No.", "The answer was no."}},
      {"closing curly quote",
       "He said, \u201cWe will win.\u201d Then he left.",
       {"He said, \u201cWe will win.\u201d", "Then he left."}},
      {"closing straight quote",
       "She said \"It is over.\" Nobody replied.",
       {"She said \"It is over.\"", "Nobody replied."}},
      {"question inside quote, lowercase after",
       "\u201cWhy now?\u201d he asked. Nobody knew.",
       {"\u201cWhy now?\u201d he asked.", "Nobody knew."}},
      {"parentheses stay",
       "The envoy (who arrived Tue. Evening) spoke. Aides listened.",
       {"The envoy (who arrived Tue. Evening) spoke.", "Aides listened."}},
      {"bracket with full sentences",
       "Talks ended. (Both sides left early.) Aides stayed.",
       {"Talks ended.", "(Both sides left early.)", "Aides stayed."}},
      {"ellipsis",
       "He paused\u2026 Then he spoke. It was... hard to hear.",
       {"He paused\u2026", "Then he spoke.", "It was... hard to hear."}},
      {"three dots then capital",
       "Wait... The motorcade is here.",
       {"Wait...", "The motorcade is here."}},
      {"missing space",
       "The summit is in Alaska.Officials confirmed the date.",
       {"The summit is in Alaska.", "Officials confirmed the date."}},
      {"missing space not U.S.",
       "It hurt U.S.-Russia ties and U.S.Treasury bonds.",
       {"It hurt U.S.-Russia ties and U.S.Treasury bonds."}},
      {"domains",
       "Read it on abcnews.go.com and cfr.org today. Then decide.",
       {"Read it on abcnews.go.com and cfr.org today.", "Then decide."}},
      {"title case text",
       "The Kremlin Is Looking Ahead To A Summit. Officials Confirmed The Date.",
       {"The Kremlin Is Looking Ahead To A Summit.", "Officials Confirmed The Date."}},
      {"title case with U.S.",
       "Ties With The U.S. Administration Matter. They Said So.",
       {"Ties With The U.S. Administration Matter.", "They Said So."}},
      {"citation links before stop",
       "The quest for "
       "peace[[1]](https://www.example.org/a.b/c)[[2]](https://news.example.com/x.html). "
       "Next sentence.",
       {"The quest for "
        "peace[[1]](https://www.example.org/a.b/c)[[2]](https://news.example.com/x.html).",
        "Next sentence."}},
      {"citation link after stop",
       "Talks resumed.[[3]](https://example.com/p.q) Both sides agreed.",
       {"Talks resumed.[[3]](https://example.com/p.q)", "Both sides agreed."}},
      {"bare url",
       "See https://www.example.com/News.Story for details. Done.",
       {"See https://www.example.com/News.Story for details.", "Done."}},
      {"colon list glued",
       "Suggested actions include:Regular meetings and hotlines",
       {"Suggested actions include:", "Regular meetings and hotlines"}},
      {"colon with space stays",
       "Key goals: Trade and security.",
       {"Key goals: Trade and security."}},
      {"numbered item marker", "1. Ukraine Peace Framework", {"1. Ukraine Peace Framework"}},
      {"bulleted numbered marker", "- 2. Sanctions relief", {"- 2. Sanctions relief"}},
      {"year then sentence",
       "It happened in 2014. Sanctions followed.",
       {"It happened in 2014.", "Sanctions followed."}},
      {"lowercase after abbreviation-like word",
       "Approx. five hundred attended. They cheered.",
       {"Approx. five hundred attended.", "They cheered."}},
      {"Inc. before opener",
       "Shares of Example Inc. rose. The company gained.",
       {"Shares of Example Inc. rose.", "The company gained."}},
      {"cyrillic",
       "\u041f\u0443\u0442\u0438\u043d \u043f\u0440\u0438\u0435\u0445\u0430\u043b. "
       "\u0422\u0440\u0430\u043c\u043f \u0442\u043e\u0436\u0435.",
       {"\u041f\u0443\u0442\u0438\u043d \u043f\u0440\u0438\u0435\u0445\u0430\u043b.",
        "\u0422\u0440\u0430\u043c\u043f \u0442\u043e\u0436\u0435."}},
      {"cjk",
       "\u4f1a\u8c08\u5f00\u59cb\u3002\u53cc\u65b9\u53d1\u8a00\u3002",
       {"\u4f1a\u8c08\u5f00\u59cb\u3002", "\u53cc\u65b9\u53d1\u8a00\u3002"}},
      {"no terminal", "A line without a full stop", {"A line without a full stop"}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(sentence_texts(c.text) == c.expected);
  }
}

TEST_CASE("sentences: spans are trimmed and inside the span", "[segment][sentences]") {
  const std::string text = "xx   First one.  \n Second one!   yy";
  const parallax::Span span{2, text.size() - 2};
  const auto sentences = parallax::segment::split_sentences(text, span);
  REQUIRE(sentences.size() == 2);
  CHECK(parallax::slice(text, sentences[0].span) == "First one.");
  CHECK(parallax::slice(text, sentences[1].span) == "Second one!");
  for (const auto& s : sentences) {
    CHECK(s.span.start >= span.start);
    CHECK(s.span.end <= span.end);
  }
}

TEST_CASE("sentences: empty, whitespace and out-of-range spans", "[segment][sentences]") {
  CHECK(sentence_texts("").empty());
  CHECK(sentence_texts(" \n\t\u00a0 ").empty());
  const std::string text = "abc";
  CHECK(parallax::segment::split_sentences(text, {2, 100}).size() == 1);
  CHECK(parallax::segment::split_sentences(text, {50, 10}).empty());
}

TEST_CASE("sentences: hostile input stays linear", "[segment][sentences]") {
  // Unbalanced brackets, endless dots, invalid UTF-8.
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "((([[ a. B.. c\xff\xfe ";
  const auto sentences = parallax::segment::split_sentences(text, {0, text.size()});
  CHECK(!sentences.empty());
  std::size_t last = 0;
  for (const auto& s : sentences) {
    CHECK(s.span.start >= last);
    last = s.span.end;
  }
}
