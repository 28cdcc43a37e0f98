// Tests for core/ingest/json_input.cpp: JSON article objects, arrays, JSON Lines, errors.
#include <catch2/catch.hpp>

#include <string>

#include "ingest/detail.h"

namespace detail = parallax::ingest::detail;

TEST_CASE("json: a single article object", "[ingest]") {
  const auto parsed = detail::parse_json_articles(
      R"({"title":"T","source":"Wire","url":"https://w.example/1","published":"2025-08-10","text":"Body."})");
  REQUIRE(parsed.parsed);
  CHECK_FALSE(parsed.is_array);
  REQUIRE(parsed.articles.size() == 1);
  const auto& a = parsed.articles[0];
  CHECK(a.index == 1);
  CHECK(a.title == "T");
  CHECK(a.source == "Wire");
  CHECK(a.url == "https://w.example/1");
  CHECK(a.published == "2025-08-10");
  CHECK(a.text == "Body.");
  CHECK(a.warnings.empty());
  CHECK(parsed.problem.empty());
}

TEST_CASE("json: arrays skip unusable elements with a warning", "[ingest]") {
  const auto parsed = detail::parse_json_articles(
      R"([{"text":"One"}, {"title":"no text"}, 42, {"html":"<p>Two</p>"}, {"text":"  "}])");
  REQUIRE(parsed.parsed);
  CHECK(parsed.is_array);
  CHECK(parsed.elements == 5);
  REQUIRE(parsed.articles.size() == 2);
  CHECK(parsed.articles[0].index == 1);
  CHECK(parsed.articles[1].index == 4);
  CHECK(parsed.articles[1].html == "<p>Two</p>");
  REQUIRE(parsed.warnings.size() == 3);
  CHECK(parsed.warnings[0].find("element 2") != std::string::npos);
  CHECK(parsed.warnings[1].find("element 3") != std::string::npos);
  CHECK(parsed.warnings[2].find("element 5") != std::string::npos);
}

TEST_CASE("json: non-string fields are ignored with a warning", "[ingest]") {
  const auto parsed = detail::parse_json_articles(
      R"({"title":7,"source":["a"],"url":null,"text":"Body","extra":{}})");
  REQUIRE(parsed.articles.size() == 1);
  const auto& a = parsed.articles[0];
  CHECK(a.title.empty());
  CHECK(a.source.empty());
  REQUIRE(a.warnings.size() == 2);  // null is treated as absent
  CHECK(a.warnings[0].find("\"title\" is a number") != std::string::npos);
  CHECK(a.warnings[1].find("\"source\" is an array") != std::string::npos);
}

TEST_CASE("json: problems", "[ingest]") {
  struct Case {
    const char* label;
    std::string text;
    bool parsed;
    const char* problem;
  };
  const Case cases[] = {
      {"syntax error names the line", "{\"text\": \"a\",\n\"title\": }", false, "line 2"},
      {"truncated", "[{\"text\": \"a\"", false, "not valid JSON"},
      {"top-level string", "\"just a string\"", true, "top level is a string"},
      {"empty array", "[]", true, "empty array"},
      {"no text anywhere", "[{\"title\":\"a\"},{\"title\":\"b\"}]", true, "no article"},
      {"text is a number", "{\"text\": 5}", true, "no article"},
      {"deep nesting refused", std::string(100000, '[') + std::string(100000, ']'), false,
       "nested more than"},
  };
  for (const Case& c : cases) {
    SECTION(c.label) {
      const auto parsed = detail::parse_json_articles(c.text);
      CHECK(parsed.parsed == c.parsed);
      CHECK(parsed.articles.empty());
      CHECK(parsed.problem.find(c.problem) != std::string::npos);
    }
  }
}

TEST_CASE("json: JSON Lines", "[ingest]") {
  const auto parsed = detail::parse_json_articles("{\"text\":\"a\"}\n\n{\"text\":\"b\"}\n");
  REQUIRE(parsed.parsed);
  CHECK(parsed.is_array);
  REQUIRE(parsed.articles.size() == 2);
  CHECK(parsed.articles[1].index == 2);
  CHECK_FALSE(detail::parse_json_articles("{\"text\":\"a\"}\nnot json\n").parsed);
}

TEST_CASE("json: strings with escapes and brackets", "[ingest]") {
  const auto parsed = detail::parse_json_articles(R"({"text":"a [{ \"quoted\" }] \u00e9\n"})");
  REQUIRE(parsed.articles.size() == 1);
  CHECK(parsed.articles[0].text == "a [{ \"quoted\" }] \xC3\xA9\n");
}

TEST_CASE("looks_like_json", "[ingest]") {
  CHECK(detail::looks_like_json("  {"));
  CHECK(detail::looks_like_json("\n["));
  CHECK_FALSE(detail::looks_like_json("x{"));
  CHECK_FALSE(detail::looks_like_json(""));
}
