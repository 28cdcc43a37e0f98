// Tests for core/ingest/html.cpp: tokenizer tolerance, dropped content, blocks, metadata.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "ingest/detail.h"

using parallax::slice;
using parallax::ingest::BlockKind;
namespace detail = parallax::ingest::detail;

namespace {

using Blocks = std::vector<std::pair<BlockKind, std::string>>;

Blocks blocks_of(const detail::HtmlDocument& doc) {
  Blocks out;
  for (const auto& b : doc.blocks) out.emplace_back(b.kind, std::string(slice(doc.text, b.span)));
  return out;
}

// Blocks are in order, do not overlap, and only "\n\n" lies between them.
void check_layout(const detail::HtmlDocument& doc) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const auto& span = doc.blocks[i].span;
    REQUIRE(span.start <= span.end);
    REQUIRE(span.end <= doc.text.size());
    CHECK(span.start == (i == 0 ? 0 : pos + 2));
    if (i > 0) CHECK(doc.text.substr(pos, 2) == "\n\n");
    CHECK_FALSE(span.empty());
    pos = span.end;
  }
  CHECK(pos == doc.text.size());
}

bool has_tag_text(const std::string& text) {
  for (std::size_t k = text.find('<'); k != std::string::npos; k = text.find('<', k + 1)) {
    const char c = k + 1 < text.size() ? text[k + 1] : ' ';
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!') return true;
  }
  return false;
}

std::string text_of(const char* html) {
  const auto doc = detail::parse_html(html);
  check_layout(doc);
  return doc.text;
}

}  // namespace

TEST_CASE("html: scripts, styles and event handlers never reach the text", "[ingest]") {
  const auto doc = detail::parse_html(
      "<html><head><style>body{color:red}</style><script>var x = '<p>no</p>';</script></head>"
      "<body><p>Before<script>alert(1)</script> after</p>"
      "<img src=x onerror=\"alert('xss')\"><p onclick='steal()'>Clicked</p>"
      "<SCRIPT type=text/javascript>document.write('<b>hi</b>')</SCRIPT>"
      "<p>&lt;script&gt;alert(2)&lt;/script&gt; is shown as text</p></body></html>");
  check_layout(doc);
  CHECK(blocks_of(doc) ==
        Blocks{{BlockKind::kParagraph, "Before after"},
               {BlockKind::kParagraph, "Clicked"},
               {BlockKind::kParagraph, "<script>alert(2)</script> is shown as text"}});
  CHECK(doc.text.find("alert(1)") == std::string::npos);
  CHECK(doc.text.find("onerror") == std::string::npos);
  CHECK(doc.text.find("color") == std::string::npos);
}

TEST_CASE("html: non-article elements are dropped", "[ingest]") {
  struct Case {
    const char* label;
    const char* html;
    const char* text;
  };
  const Case cases[] = {
      {"nav", "<nav><a href=/>Home</a> <a>World</a></nav><p>Body</p>", "Body"},
      {"footer", "<p>Body</p><footer>Copyright 2025</footer>", "Body"},
      {"form",
       "<form><label>Email</label><input name=e><button>Subscribe</button></form><p>Body</p>",
       "Body"},
      {"aside", "<p>Body</p><aside><h3>Related</h3><p>Other story</p></aside>", "Body"},
      {"noscript", "<noscript><p>Enable JavaScript</p></noscript><p>Body</p>", "Body"},
      {"template", "<template><p>Hidden</p></template><p>Body</p>", "Body"},
      {"iframe", "<iframe src=ad.html>Your browser</iframe><p>Body</p>", "Body"},
      {"svg with title", "<svg><title>Icon</title><text>Logo</text></svg><p>Body</p>", "Body"},
      {"select and textarea",
       "<select><option>One</option></select><textarea>Type</textarea><p>Body</p>", "Body"},
      {"object and embed", "<object data=x>Fallback</object><embed src=y><p>Body</p>", "Body"},
      {"video fallback", "<video src=v.mp4>Your browser does not support video</video><p>Body</p>",
       "Body"},
      {"comments", "<!-- <p>Commented</p> --><p>Body</p><!---->", "Body"},
      {"site header outside article",
       "<header><a>Logo</a> Menu</header><article><p>Body</p></article>", "Body"},
      {"header inside article kept",
       "<article><header><h2>Sub</h2><p>By A. Writer</p></header><p>Body</p></article>",
       "Sub\n\nBy A. Writer\n\nBody"},
      {"header without article kept", "<header><p>Intro</p></header><p>Body</p>", "Intro\n\nBody"},
      {"header holding the headline kept",
       "<header><h1>Headline</h1></header><article><p>Body</p></article>", "Headline\n\nBody"},
      {"form wrapping the page kept", "<form id=aspnet><article><p>Body</p></article></form>",
       "Body"},
      {"text outside article kept", "<div>Breaking banner</div><main><p>Body</p></main>",
       "Breaking banner\n\nBody"},
  };
  for (const Case& c : cases) {
    SECTION(c.label) {
      CHECK(text_of(c.html) == c.text);
    }
  }
}

TEST_CASE("html: structure becomes blocks", "[ingest]") {
  const auto doc = detail::parse_html(
      "<h1>Title  here</h1><p>First\n   paragraph.</p>"
      "<ul><li>One<ul><li>Inner a</li><li>Inner b</li></ul></li><li>Two</li></ul>"
      "<ol><li><p>Para in item</p></li></ol>"
      "<table><thead><tr><th>Name</th><th>Votes</th></tr></thead>"
      "<tbody><tr><td>Alice</td><td>10</td></tr><tr><td>Bob<td>7</tr></tbody></table>"
      "<blockquote><p>Quoted words.</p></blockquote>"
      "<h3>Sub<br>title</h3><div>Line one<br>Line two<br><br>New para</div>"
      "<pre>code  line\nsecond</pre>");
  check_layout(doc);
  CHECK(blocks_of(doc) == Blocks{
                              {BlockKind::kHeading, "Title here"},
                              {BlockKind::kParagraph, "First paragraph."},
                              {BlockKind::kListItem, "One"},
                              {BlockKind::kListItem, "Inner a"},
                              {BlockKind::kListItem, "Inner b"},
                              {BlockKind::kListItem, "Two"},
                              {BlockKind::kListItem, "Para in item"},
                              {BlockKind::kTableRow, "Name | Votes"},
                              {BlockKind::kTableRow, "Alice | 10"},
                              {BlockKind::kTableRow, "Bob | 7"},
                              {BlockKind::kQuote, "Quoted words."},
                              {BlockKind::kHeading, "Sub\ntitle"},
                              {BlockKind::kParagraph, "Line one\nLine two"},
                              {BlockKind::kParagraph, "New para"},
                              {BlockKind::kParagraph, "code line\nsecond"},
                          });
}

TEST_CASE("html: table details", "[ingest]") {
  SECTION("empty cells are skipped, br in a cell is a space") {
    CHECK(text_of("<table><tr><td>a</td><td></td><td>b<br>c</td></tr></table>") == "a | b c");
  }
  SECTION("layout table cell with paragraphs gives paragraphs") {
    const auto doc = detail::parse_html("<table><tr><td><p>One.</p><p>Two.</p></td></tr></table>");
    CHECK(blocks_of(doc) ==
          Blocks{{BlockKind::kParagraph, "One."}, {BlockKind::kParagraph, "Two."}});
  }
  SECTION("caption") {
    CHECK(text_of("<table><caption>Results</caption><tr><td>x</td><td>y</td></tr></table>") ==
          "Results\n\nx | y");
  }
}

TEST_CASE("html: entities and white space", "[ingest]") {
  CHECK(text_of("<p>Caf&eacute; &amp; bar&nbsp;&nbsp;&mdash; &ldquo;ok&rdquo;&hellip;</p>") ==
        "Caf\xC3\xA9 & bar \xE2\x80\x94 \xE2\x80\x9Cok\xE2\x80\x9D\xE2\x80\xA6");
  CHECK(text_of("<p>  a  <b> b </b>  c  </p>") == "a b c");
  CHECK(text_of("<p>x&#1;y&#0;z</p>") == "xy\xEF\xBF\xBDz");
  CHECK(text_of("<p>un<i>bro</i>ken</p>") == "unbroken");
}

TEST_CASE("html: broken markup is tolerated", "[ingest]") {
  struct Case {
    const char* label;
    const char* html;
    const char* text;
  };
  const Case cases[] = {
      {"unclosed paragraphs", "<p>One<p>Two<div>Three", "One\n\nTwo\n\nThree"},
      {"unclosed list items", "<ul><li>a<li>b</ul>after", "a\n\nb\n\nafter"},
      {"uppercase tags", "<P>Upper</P><DIV CLASS=x>Case</DIV>", "Upper\n\nCase"},
      {"stray less-than", "<p>a < b and 3<4, x <= y</p>", "a < b and 3<4, x <= y"},
      {"less-than at end", "<p>tail <", "tail <"},
      {"unterminated tag at end", "<p>Kept text <b class=\"x", "Kept text"},
      {"unclosed quote in attribute", "<p><a href=\"x>link</a> rest of text</p><p>Next</p>",
       "link rest of text\n\nNext"},
      {"unquoted attributes", "<p class=lead id=p1>Lead</p>", "Lead"},
      {"attribute with > in quotes", "<p title=\"a > b\">Text</p>", "Text"},
      {"stray end tags", "</div></span><p>Body</p></p></li>", "Body"},
      {"end tag with attributes", "<p>Body</p foo=bar>", "Body"},
      {"cdata", "<p><![CDATA[raw <b>x</b> & y]]></p>", "raw <b>x</b> & y"},
      {"doctype and pi", "<!DOCTYPE html><?xml version='1.0'?><p>Body</p>", "Body"},
      {"bogus end tag", "<p>a</ 3>b</p>", "ab"},
      {"empty end tag", "<p>a</>b</p>", "ab"},
      {"unclosed comment eats the rest", "<p>Body</p><!-- never closed <p>x</p>", "Body"},
      {"unclosed script eats the rest", "<p>Body</p><script>var a = 1; <p>x</p>", "Body"},
      {"unterminated title keeps the page", "<title>Oops<p>Body</p>", "Oops\n\nBody"},
      {"unterminated noscript keeps the page", "<noscript>x<p>Body</p>", "Body"},
      {"script end tag case", "<script>a</SCRIPT >b", "b"},
      {"script with fake end", "<script>if (a</scripts) x</script>ok", "ok"},
      {"self-closing div", "<div/>After", "After"},
      {"xmp keeps markup as text", "<xmp><b>bold</b></xmp>", "<b>bold</b>"},
      {"nested inline across blocks", "<b><p>One</b> two</p>", "One two"},
      {"end br", "<p>a</br>b</p>", "a\nb"},
  };
  for (const Case& c : cases) {
    SECTION(c.label) {
      CHECK(text_of(c.html) == c.text);
    }
  }
}

TEST_CASE("html: metadata", "[ingest]") {
  SECTION("title, site, canonical, published") {
    const auto doc = detail::parse_html(
        "<html><head><title>Storm hits coast | Daily Planet</title>"
        "<meta property=\"og:site_name\" content=\"Daily Planet\">"
        "<meta property=\"og:title\" content=\"OG title\">"
        "<link rel=\"Canonical\" href=\"https://planet.example/storm\">"
        "<meta property=\"og:url\" content=\"https://planet.example/og\">"
        "<meta property=\"article:published_time\" content=\"2025-08-10T09:00:00Z\">"
        "</head><body><h1>Headline</h1><time datetime=\"2025-01-01\">Jan</time></body></html>");
    CHECK(doc.title == "Storm hits coast");
    CHECK(doc.site_name == "Daily Planet");
    CHECK(doc.url == "https://planet.example/storm");
    CHECK(doc.published == "2025-08-10T09:00:00Z");
  }
  SECTION("fallbacks: og:title, og:url, first time") {
    const auto doc = detail::parse_html(
        "<meta name=og:title content='From &amp; OG'><meta property=og:url "
        "content=https://x.example/a>"
        "<p>Posted <time datetime='2025-08-09T12:00'>yesterday</time></p>");
    CHECK(doc.title == "From & OG");
    CHECK(doc.url == "https://x.example/a");
    CHECK(doc.published == "2025-08-09T12:00");
    CHECK(doc.site_name.empty());
  }
  SECTION("first h1, preferring the article's") {
    CHECK(
        detail::parse_html("<h1>Site</h1><article><h1>Story <em>title</em></h1></article>").title ==
        "Story title");
    CHECK(detail::parse_html("<div><h1> Only  h1 </h1></div>").title == "Only h1");
    CHECK(detail::parse_html("<h1>un<i>bro</i>ken<br>line</h1>").title == "unbroken line");
  }
  SECTION("svg title is not the page title") {
    CHECK(detail::parse_html("<svg><title>icon</title></svg><h1>Real</h1>").title == "Real");
  }
  SECTION("title entities and white space") {
    CHECK(detail::parse_html("<title>\n  A &amp; B\n</title>").title == "A & B");
  }
  SECTION("time in navigation is ignored") {
    CHECK(detail::parse_html("<nav><time datetime=2020-01-01>x</time></nav><p>a</p>")
              .published.empty());
  }
}

TEST_CASE("html: hostile inputs stay fast and markup-free", "[ingest]") {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "deep text";
  for (int i = 0; i < 100000; ++i) deep += "</span>";
  std::string quotes;
  for (int i = 0; i < 50000; ++i) quotes += "<a href=\"x>word ";
  std::string titles;
  for (int i = 0; i < 50000; ++i) titles += "<title>t ";
  std::string lists;
  for (int i = 0; i < 50000; ++i) lists += "<li><b><i>";
  const std::string inputs[] = {
      deep, quotes, titles, lists, std::string(200000, '<'), std::string(100000, '&')};
  for (const std::string& input : inputs) {
    const auto doc = detail::parse_html(input);
    check_layout(doc);
    CHECK_FALSE(has_tag_text(doc.text));
  }
  CHECK(detail::parse_html(deep).text == "deep text");
}

TEST_CASE("looks_like_html", "[ingest]") {
  struct Case {
    const char* text;
    bool weak;
    bool strong;
  };
  const Case cases[] = {
      {"<!DOCTYPE html><p>x", true, true},
      {"  \n<html lang=en>", true, true},
      {"<!-- banner --><!doctype HTML>", true, true},
      {"<?xml version=\"1.0\"?>\n<html xmlns=\"x\">", true, true},
      {"<?xml version=\"1.0\"?><rss>", false, false},
      {"<BODY>", true, true},
      {"<p>Paragraph</p>", true, false},
      {"<div class=a>", true, false},
      {"<pre", false, false},
      {"<paragraph>", false, false},
      {"Plain text <p>", false, false},
      {"# Heading", false, false},
      {"", false, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(detail::looks_like_html(c.text, false) == c.weak);
    CHECK(detail::looks_like_html(c.text, true) == c.strong);
  }
}
