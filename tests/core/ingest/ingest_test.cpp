// Tests for core/ingest/ingest.cpp: ingest_file end to end (errors, formats, names).
#include <utf8proc.h>
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "ingest/detail.h"
#include "ingest/ingest.h"

using namespace std::string_literals;
using parallax::ErrorCode;
using parallax::slice;
using parallax::ingest::Format;
using parallax::ingest::ingest_file;
using parallax::ingest::IngestOptions;
using parallax::ingest::RawArticle;
namespace detail = parallax::ingest::detail;

namespace {

bool valid_utf8(const std::string& s) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  for (std::size_t i = 0; i < s.size();) {
    utf8proc_int32_t cp = -1;
    const auto n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) return false;
    i += static_cast<std::size_t>(n);
  }
  return true;
}

RawArticle one(const std::string& bytes, const std::string& name) {
  auto result = ingest_file(bytes, name);
  if (!result.ok()) FAIL(result.error().message);
  REQUIRE(result.value().size() == 1);
  return result.value()[0];
}

bool has_warning(const RawArticle& a, const std::string& part) {
  for (const auto& w : a.warnings) {
    if (w.find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("ingest_file: errors name the file and say what to do", "[ingest]") {
  struct Case {
    const char* label;
    std::string bytes;
    const char* name;
    ErrorCode code;
    const char* part;
  };
  const Case cases[] = {
      {"empty", "", "empty.txt", ErrorCode::kEmptyInput, "empty.txt is empty"},
      {"white space", " \n\t\r\n ", "blank.txt", ErrorCode::kEmptyInput, "only white space"},
      {"unicode white space", "\xEF\xBB\xBF\xC2\xA0\xE3\x80\x80\n", "blank.md",
       ErrorCode::kEmptyInput, "blank.md"},
      {"png", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0"s, "photo.txt", ErrorCode::kBinaryInput,
       "photo.txt looks like a PNG image"},
      {"pdf", "%PDF-1.4\n1 0 obj", "paper.html", ErrorCode::kBinaryInput, "PDF"},
      {"nul bytes", "abc\0def\0"s, "data", ErrorCode::kBinaryInput, "NUL"},
      {"html without text", "<html><script>x()</script><nav>Home</nav></html>", "page.html",
       ErrorCode::kEmptyInput, "no readable text"},
      {"bad json", "{\"text\": ", "feed.json", ErrorCode::kBadJson, "feed.json cannot be used"},
      {"json without text", "[{\"title\":\"x\"}]", "feed.json", ErrorCode::kBadJson, "\"text\""},
      {"json file holding prose", "Just words", "feed.json", ErrorCode::kBadJson, "not JSON"},
  };
  for (const Case& c : cases) {
    SECTION(c.label) {
      const auto result = ingest_file(c.bytes, c.name);
      REQUIRE_FALSE(result.ok());
      CHECK(result.error().code == c.code);
      CHECK_THAT(result.error().message, Catch::Contains(c.part));
    }
  }
}

TEST_CASE("ingest_file: size limit", "[ingest]") {
  IngestOptions options;
  options.max_file_bytes = 100;
  const auto result = ingest_file(std::string(150, 'a'), "big.txt", options);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == ErrorCode::kTooLarge);
  CHECK_THAT(result.error().message, Catch::Contains("big.txt is 0.0 MB (150 bytes)"));
  CHECK_THAT(result.error().message, Catch::Contains("limit of 0.0 MB (100 bytes)"));
  options.max_file_bytes = 1u << 20;
  const auto big = ingest_file(std::string((1u << 20) + 200000, 'a'), "big.txt", options);
  REQUIRE_FALSE(big.ok());
  CHECK_THAT(big.error().message, Catch::Contains("is 1.2 MB"));
  CHECK(ingest_file(std::string(100, 'a'), "ok.txt", IngestOptions{100}).ok());
}

TEST_CASE("ingest_file: text keeps every character", "[ingest]") {
  const auto a =
      one("\xEF\xBB\xBFLine one.\r\nLine two.\rLine three.\r\n\r\nNew para.", "notes.txt");
  CHECK(a.text == "Line one.\nLine two.\nLine three.\n\nNew para.");
  CHECK(a.format == Format::kText);
  CHECK(a.encoding == "utf-8");
  CHECK(a.blocks.empty());
  CHECK(a.source == "notes");
  CHECK(a.name == "notes.txt");
  CHECK(a.title.empty());
  CHECK(a.warnings.empty());
}

TEST_CASE("ingest_file: encodings end to end", "[ingest]") {
  SECTION("windows-1252") {
    const auto a = one("\x93Quoted\x94 caf\xE9.", "cp.txt");
    CHECK(a.text == "\xE2\x80\x9CQuoted\xE2\x80\x9D caf\xC3\xA9.");
    CHECK(a.encoding == "windows-1252");
    CHECK(has_warning(a, "Windows-1252"));
  }
  SECTION("invalid utf-8 in the middle") {
    const auto a = one("Caf\xC3\xA9 \xC3\xA0 la \xFE mode \xE2\x80\x94 fin", "mid.txt");
    CHECK(a.text == "Caf\xC3\xA9 \xC3\xA0 la \xEF\xBF\xBD mode \xE2\x80\x94 fin");
    CHECK(a.encoding == "utf-8");
    CHECK(has_warning(a, "1 invalid byte sequence replaced"));
  }
  SECTION("utf-16le html") {
    std::string bytes = "\xFF\xFE";
    for (char c : std::string("<p>Hello</p>")) bytes += std::string{c, '\0'};
    const auto a = one(bytes, "u16.html");
    CHECK(a.text == "Hello");
    CHECK(a.encoding == "utf-16le");
  }
  SECTION("controls removed with a warning") {
    const auto a =
        one("a\x01"
            "b\x1B"
            "c",
            "ctl.txt");
    CHECK(a.text == "abc");
    CHECK(has_warning(a, "2 control characters removed"));
  }
}

TEST_CASE("ingest_file: format from content and name", "[ingest]") {
  struct Case {
    const char* label;
    const char* bytes;
    const char* name;
    Format format;
  };
  const Case cases[] = {
      {"txt holding an html page", "<!doctype html><p>Hi</p>", "page.txt", Format::kHtml},
      {"no extension holding html", "<html><body><p>Hi</p></body></html>", "page", Format::kHtml},
      {"txt starting with a block tag", "<p>Hi</p>", "snippet.txt", Format::kHtml},
      {"no extension holding json", "{\"text\": \"Hi\"}", "article", Format::kJson},
      {"txt holding json articles", "[{\"text\": \"Hi\"}]", "a.txt", Format::kJson},
      {"txt with brackets but no articles", "[1] First point.", "a.txt", Format::kText},
      {"txt with json lacking text", "{\"note\": 1}", "a.txt", Format::kText},
      {"md by name", "Plain words.", "a.md", Format::kMarkdown},
      {"markdown extension upper case", "Plain words.", "A.MARKDOWN", Format::kMarkdown},
      {"md holding an html page", "<!DOCTYPE html><p>Hi</p>", "a.md", Format::kHtml},
      {"md with inline html stays md", "<div>Hi</div>\n# Head", "a.md", Format::kMarkdown},
      {"markdown heading in txt", "# Title\n\nBody.", "a.txt", Format::kMarkdown},
      {"setext heading", "Title\n=====\nBody", "a", Format::kMarkdown},
      {"fenced code", "Text\n```\ncode\n```", "a", Format::kMarkdown},
      {"hash without space is text", "#1 story\nBody", "a.txt", Format::kText},
      {"html name without markup", "Just text, 3 < 4.", "a.html", Format::kText},
      {"htm", "<P>Hi", "a.HTM", Format::kHtml},
      {"json name holding html", "<html><p>Hi</p></html>", "a.json", Format::kHtml},
  };
  for (const Case& c : cases) {
    SECTION(c.label) {
      CHECK(one(c.bytes, c.name).format == c.format);
    }
  }
}

TEST_CASE("ingest_file: markdown text is verbatim", "[ingest]") {
  const std::string md = "# Title\n\n- item *one*\n- item two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
  const auto a = one(md, "story.md");
  CHECK(a.text == md);
  CHECK(a.blocks.empty());
}

TEST_CASE("ingest_file: html article", "[ingest]") {
  const auto a =
      one("<!DOCTYPE html><html><head><title>Flood warning - Valley News</title>"
          "<meta property='og:site_name' content='Valley News'>"
          "<link rel=canonical href='https://valley.example/flood'>"
          "<meta property='article:published_time' content='2025-08-10'></head>"
          "<body><header><a href=/>Valley News</a></header><nav><a>Home</a></nav>"
          "<article><h1>Flood warning</h1><p>Rivers rose&nbsp;overnight.</p></article>"
          "<footer>&copy; Valley News</footer></body></html>",
          "dir/valley-2025-08-10.html");
  CHECK(a.format == Format::kHtml);
  CHECK(a.title == "Flood warning");
  CHECK(a.source == "Valley News");
  CHECK(a.url == "https://valley.example/flood");
  CHECK(a.published == "2025-08-10");
  CHECK(a.text == "Flood warning\n\nRivers rose overnight.");
  REQUIRE(a.blocks.size() == 2);
  CHECK(slice(a.text, a.blocks[1].span) == "Rivers rose overnight.");
}

TEST_CASE("ingest_file: json articles", "[ingest]") {
  SECTION("array elements are named file#n") {
    const auto result = ingest_file(
        R"([{"title":"A","source":"Wire","text":"First.\r\nLine."},{"note":"skip me"},)"
        R"({"html":"<html><head><title>From HTML</title><meta property='og:site_name' content='Site'></head><p>Second.</p></html>","url":5}])",
        "batch.json");
    REQUIRE(result.ok());
    const auto& v = result.value();
    REQUIRE(v.size() == 2);
    CHECK(v[0].name == "batch.json#1");
    CHECK(v[0].title == "A");
    CHECK(v[0].source == "Wire");
    CHECK(v[0].text == "First.\nLine.");
    CHECK(v[0].format == Format::kJson);
    CHECK(v[0].blocks.empty());
    CHECK(has_warning(v[0], "element 2"));
    CHECK(v[1].name == "batch.json#3");
    CHECK(v[1].title == "From HTML");
    CHECK(v[1].source == "Site");
    CHECK(v[1].text == "Second.");
    REQUIRE(v[1].blocks.size() == 1);
    CHECK(has_warning(v[1], "\"url\" is a number"));
  }
  SECTION("single-element array and object keep the plain name") {
    CHECK(one("[{\"text\":\"x\"}]", "one.json").name == "one.json");
    const auto a = one("{\"text\":\"x\"}", "obj.json");
    CHECK(a.name == "obj.json");
    CHECK(a.source == "obj");
  }
  SECTION("html element without readable text is skipped") {
    const auto result = ingest_file(R"([{"html":"<script>x</script>"},{"text":"ok"}])", "mix.json");
    REQUIRE(result.ok());
    REQUIRE(result.value().size() == 1);
    CHECK(result.value()[0].name == "mix.json#2");
    CHECK(has_warning(result.value()[0], "element 1"));
  }
}

TEST_CASE("source_from_file_name", "[ingest]") {
  CHECK(detail::source_from_file_name("reuters-2025-08-10.html") == "reuters-2025-08-10");
  CHECK(detail::source_from_file_name("/tmp/x/bbc news.txt") == "bbc news");
  CHECK(detail::source_from_file_name("C:\\docs\\ap.json") == "ap");
  CHECK(detail::source_from_file_name(".hidden") == ".hidden");
  CHECK(detail::source_from_file_name("archive.tar.gz") == "archive.tar");
  CHECK(detail::source_from_file_name("") == "unknown source");
  CHECK(parallax::ingest::format_name(Format::kMarkdown) == "markdown");
}

TEST_CASE("ingest_file: random bytes never crash and keep the invariants", "[ingest]") {
  std::mt19937 rng(20250810u);
  const std::string alphabets[] = {
      std::string("<>/=\"' abcpdivlscript&#;x!-[]{}:,\n\r\t\0\x01\x93\xE9\xC3\xA9\xFF\xFE", 40),
      "<p><li><tr><td><br>&amp;&#x41;text {\"text\":\"[]\"} # -"};
  for (int i = 0; i < 200; ++i) {
    const std::string& alphabet = alphabets[i % 2];
    std::string bytes;
    const std::size_t length = rng() % 400;
    for (std::size_t k = 0; k < length; ++k) {
      if (i % 4 == 3) {
        bytes.push_back(static_cast<char>(rng() & 0xFF));  // fully random bytes
      } else if (rng() % 7 == 0) {
        bytes += alphabet.substr(rng() % alphabet.size(), 1 + rng() % 5);
      } else {
        bytes.push_back(alphabet[rng() % alphabet.size()]);
      }
    }
    static const char* const kNames[] = {"r.txt", "r.html", "r.json", "r.md", "r"};
    const char* name = kNames[i % 5];
    CAPTURE(i, name);
    const auto result = ingest_file(bytes, name);
    if (!result.ok()) {
      CHECK_FALSE(result.error().message.empty());
      continue;
    }
    for (const RawArticle& a : result.value()) {
      CHECK(valid_utf8(a.text));
      CHECK(valid_utf8(a.title));
      CHECK(valid_utf8(a.source));
      std::size_t previous_end = 0;
      for (const auto& block : a.blocks) {
        CHECK(block.span.start >= previous_end);
        CHECK(block.span.start <= block.span.end);
        CHECK(block.span.end <= a.text.size());
        previous_end = block.span.end;
      }
    }
  }
}
