#include <catch2/catch.hpp>

#include "align/align.h"
#include "segment/segment.h"

using namespace parallax;
using namespace parallax::align;

namespace {

// Words of a whole text, with the token storage kept alive by the caller.
ArticleWords words_of(const std::string& text, std::vector<segment::Token>& storage) {
  storage = segment::tokenize(text, {0, text.size()});
  ArticleWords words;
  for (const auto& token : storage) {
    words.words.push_back(token.norm);
    words.spans.push_back(token.span);
  }
  return words;
}

const std::string kWire =
    "The port authority said the harbour would stay closed to container ships until at least "
    "Friday "
    "while divers inspect the damaged quay wall.";

}  // namespace

TEST_CASE("a copied wire passage is found with its exact spans", "[align][reuse]") {
  const std::string a = "Breaking. " + kWire + " More later.";
  const std::string b = "Local view: " + kWire + " Fishers were angry.";
  std::vector<segment::Token> sa, sb;
  const auto passages = find_reuse({words_of(a, sa), words_of(b, sb)});
  REQUIRE(passages.size() == 1);
  const ReusedPassage& p = passages[0];
  CHECK(p.article_a == 0);
  CHECK(p.article_b == 1);
  CHECK(p.words == 23);
  CHECK(a.substr(p.span_a.start, p.span_a.size()) ==
        kWire.substr(0, kWire.size() - 1));  // words, not the final '.'
  CHECK(b.substr(p.span_b.start, p.span_b.size()) == kWire.substr(0, kWire.size() - 1));
}

TEST_CASE("case and punctuation do not hide a copy; short overlaps are not reuse",
          "[align][reuse]") {
  std::string shouted = kWire;
  for (char& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::vector<segment::Token> sa, sb, sc;
  CHECK(find_reuse({words_of(kWire, sa), words_of("\"" + shouted + "\"", sb)}).size() == 1);
  // Nine shared words ("the port authority said the harbour would stay closed") is below min_words.
  CHECK(
      find_reuse(
          {words_of(kWire, sa),
           words_of("Yesterday the port authority said the harbour would stay closed for repairs.",
                    sc)})
          .empty());
}

TEST_CASE("a passage shared by three articles gives one passage per pair", "[align][reuse]") {
  std::vector<segment::Token> s0, s1, s2, s3;
  const auto passages = find_reuse(
      {words_of("Intro. " + kWire, s0), words_of("Unrelated text about football and rain.", s1),
       words_of(kWire + " Outro.", s2), words_of("Also: " + kWire, s3)});
  REQUIRE(passages.size() == 3);
  CHECK((passages[0].article_a == 0 && passages[0].article_b == 2));
  CHECK((passages[1].article_a == 0 && passages[1].article_b == 3));
  CHECK((passages[2].article_a == 2 && passages[2].article_b == 3));
}

TEST_CASE("repeats inside one article are not reuse; empty input is fine", "[align][reuse]") {
  std::vector<segment::Token> s0, s1;
  CHECK(find_reuse({words_of(kWire + " " + kWire, s0)}).empty());
  CHECK(find_reuse({}).empty());
  CHECK(find_reuse({words_of("", s0), words_of("short", s1)}).empty());
}

TEST_CASE("members inside one copied passage count as one independent source", "[align][reuse]") {
  Claim claim;
  claim.members = {{{0, 0, 0}, 1.0}, {{1, 0, 0}, 1.0}, {{2, 0, 0}, 1.0}};
  claim.support = 3;
  claim.independent = 3;
  std::vector<Claim> claims = {claim};
  // Articles 0 and 1 share the sentence verbatim; article 2 says it in its own words.
  const std::vector<ReusedPassage> reuse = {{0, 1, {0, 100}, {10, 110}, 20}};
  const std::vector<Span> spans = {{5, 95}, {12, 108}, {0, 80}};
  count_independent_sources(claims, reuse, [&](const UnitRef& ref) { return spans[ref.article]; });
  CHECK(claims[0].independent == 2);

  // A passage covering only part of a sentence does not merge the sources.
  claims[0].independent = 3;
  const std::vector<ReusedPassage> partial = {{0, 1, {0, 40}, {10, 50}, 8}};
  count_independent_sources(claims, partial,
                            [&](const UnitRef& ref) { return spans[ref.article]; });
  CHECK(claims[0].independent == 3);
}
