#include <catch2/catch.hpp>

#include <set>

#include "align/align.h"

using namespace parallax::align;

namespace {

Claim claim_between(std::vector<std::pair<std::uint32_t, std::uint32_t>> places) {
  Claim claim;
  for (auto [a, p] : places) claim.members.push_back({{a, p, 0}, 1.0});
  claim.support = static_cast<std::uint32_t>(places.size());
  return claim;
}

// Every paragraph in exactly one row, each article's paragraphs in order across rows.
void check_rows_are_a_layout(const std::vector<Row>& rows,
                             const std::vector<std::uint32_t>& counts) {
  std::vector<std::int64_t> last(counts.size(), -1);
  std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
  for (const Row& row : rows) {
    std::set<std::uint32_t> articles;
    for (const ParagraphRef& m : row.members) {
      CHECK(articles.insert(m.article).second);
      CHECK(static_cast<std::int64_t>(m.paragraph) == last[m.article] + 1);
      last[m.article] = m.paragraph;
      seen.insert({m.article, m.paragraph});
    }
  }
  std::size_t total = 0;
  for (auto c : counts) total += c;
  CHECK(seen.size() == total);
}

}  // namespace

TEST_CASE("paragraphs sharing claims land in one row, in order", "[align][rows]") {
  const std::vector<std::uint32_t> counts = {3, 4};
  const std::vector<Claim> claims = {claim_between({{0, 0}, {1, 1}}),
                                     claim_between({{0, 2}, {1, 3}})};
  std::vector<Row> rows;
  std::vector<ParagraphLink> links;
  align_rows(claims, counts, &rows, &links);
  check_rows_are_a_layout(rows, counts);
  CHECK(links.empty());
  bool first = false, second = false;
  for (const Row& row : rows) {
    if (row.members.size() == 2 && row.members[0].paragraph == 0 && row.members[1].paragraph == 1)
      first = true;
    if (row.members.size() == 2 && row.members[0].paragraph == 2 && row.members[1].paragraph == 3)
      second = true;
  }
  CHECK(first);
  CHECK(second);
}

TEST_CASE("a moved paragraph becomes a link, not a crossed row", "[align][rows]") {
  const std::vector<std::uint32_t> counts = {3, 3};
  // 0:0 ~ 1:2 (weight 1) crosses 0:1 ~ 1:0 and 0:2 ~ 1:1 (weight 2 together).
  const std::vector<Claim> claims = {claim_between({{0, 0}, {1, 2}}),
                                     claim_between({{0, 1}, {1, 0}}),
                                     claim_between({{0, 2}, {1, 1}})};
  std::vector<Row> rows;
  std::vector<ParagraphLink> links;
  align_rows(claims, counts, &rows, &links);
  check_rows_are_a_layout(rows, counts);
  REQUIRE(links.size() == 1);
  CHECK(links[0].a.article == 0);
  CHECK(links[0].a.paragraph == 0);
  CHECK(links[0].b.article == 1);
  CHECK(links[0].b.paragraph == 2);
}

TEST_CASE("unrelated paragraphs pack beside each other, never beside shared ones",
          "[align][rows]") {
  const std::vector<std::uint32_t> counts = {2, 2};
  const std::vector<Claim> claims = {claim_between({{0, 1}, {1, 1}})};
  std::vector<Row> rows;
  std::vector<ParagraphLink> links;
  align_rows(claims, counts, &rows, &links);
  check_rows_are_a_layout(rows, counts);
  REQUIRE(rows.size() == 2);  // {0:0, 1:0} packed, {0:1, 1:1} aligned
  CHECK(rows[0].score == 0);
  CHECK(rows[1].score > 0);
}

TEST_CASE("three articles align progressively", "[align][rows]") {
  const std::vector<std::uint32_t> counts = {2, 3, 2};
  const std::vector<Claim> claims = {claim_between({{0, 0}, {1, 1}, {2, 0}}),
                                     claim_between({{1, 2}, {2, 1}})};
  std::vector<Row> rows;
  std::vector<ParagraphLink> links;
  align_rows(claims, counts, &rows, &links);
  check_rows_are_a_layout(rows, counts);
  bool triple = false;
  for (const Row& row : rows) triple = triple || row.members.size() == 3;
  CHECK(triple);
}

TEST_CASE("articles without paragraphs and empty input", "[align][rows]") {
  std::vector<Row> rows;
  std::vector<ParagraphLink> links;
  align_rows({}, {}, &rows, &links);
  CHECK(rows.empty());
  align_rows({}, {0, 2, 0}, &rows, &links);
  check_rows_are_a_layout(rows, {0, 2, 0});
  CHECK(rows.size() == 2);
}

TEST_CASE("a paragraph keeps at most its eight heaviest links", "[align][rows]") {
  // Article 0's only paragraph shares one claim with each of article 1's 12 paragraphs, and a
  // second claim with paragraph 11: that one is its row; 11 others would be links.
  const std::vector<std::uint32_t> counts = {1, 12};
  std::vector<Claim> claims;
  for (std::uint32_t p = 0; p < 12; ++p) claims.push_back(claim_between({{0, 0}, {1, p}}));
  claims.push_back(claim_between({{0, 0}, {1, 11}}));
  std::vector<Row> rows;
  std::vector<ParagraphLink> links;
  align_rows(claims, counts, &rows, &links);
  check_rows_are_a_layout(rows, counts);
  for (const Row& row : rows) {
    if (row.members.size() == 2) CHECK(row.members[1].paragraph == 11);  // the heaviest pair
  }
  REQUIRE(links.size() == 8);
  for (std::size_t i = 0; i < links.size(); ++i) {
    CHECK(links[i].a.article == 0);
    CHECK(links[i].b.paragraph == i);  // equal weights: the first ones by position, in order
  }
}
