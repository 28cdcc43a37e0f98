#include <catch2/catch.hpp>

#include <cmath>

#include "align/align.h"
#include "fake_matcher.h"

using namespace parallax::align;
using namespace parallax::align::testing;

TEST_CASE("only pairs from different articles above the threshold are linked",
          "[align][candidates]") {
  const auto units = make_units({{0, 0}, {0, 1}, {1, 0}, {2, 0}});
  TableMatcher matcher({{{0, 1}, 0.9}, {{0, 2}, 0.8}, {{1, 3}, 0.4}, {{2, 3}, 0.6}});
  bool truncated = true;
  const auto links = link_units(units, matcher, AlignOptions{}, &truncated);
  CHECK_FALSE(truncated);
  REQUIRE(links.size() == 2);  // (0,1) is inside one article, (1,3) is below 0.5
  CHECK(links[0].a == 0);
  CHECK(links[0].b == 2);
  CHECK(links[1].a == 2);
  CHECK(links[1].b == 3);
}

TEST_CASE("units sharing no informative term are never compared", "[align][candidates]") {
  auto units = make_units({{0, 0}, {1, 0}});
  units[1].vector = {{7, 1.0}};
  TableMatcher matcher({{{0, 1}, 1.0}});
  const auto links = link_units(units, matcher, AlignOptions{}, nullptr);
  CHECK(links.empty());
}

TEST_CASE("the candidate cap bounds work and says so", "[align][candidates]") {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> places;
  for (std::uint32_t a = 0; a < 30; ++a) places.push_back({a, 0});
  const auto units = make_units(places);
  TableMatcher matcher({}, 0.5);
  AlignOptions options;
  options.max_candidates_per_unit = 5;
  options.min_posting_cap = 100;
  bool truncated = false;
  (void)link_units(units, matcher, options, &truncated);
  CHECK(truncated);
}

TEST_CASE("the TF-IDF cosine matcher scores identical vectors 1", "[align][candidates]") {
  TfIdfCosineMatcher matcher(0.4);
  Unit a;
  a.vector = {{1, 0.6}, {2, 0.8}};
  Unit b = a;
  CHECK(matcher.score(a, b) == Approx(1.0));
  CHECK(matcher.threshold() == 0.4);
}

namespace {
// make_units gives every unit one term; give them `n` distinct ones (all shared, so the
// index still proposes every pair) so that they count as long enough for mutual links.
std::vector<Unit> long_units(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& places,
                             std::size_t n = 6) {
  auto units = make_units(places);
  for (Unit& unit : units) {
    unit.terms.clear();
    for (std::uint32_t t = 0; t < n; ++t) unit.terms.push_back(t);
  }
  return units;
}
}  // namespace

TEST_CASE("mutual best matches are linked below the threshold, others are not",
          "[align][candidates]") {
  // Article 0: units 0, 1; article 1: units 2, 3. 0 and 2 are each other's best (0.4);
  // 1's best in article 1 is 3 (0.38), but 3's best in article 0 is 0 (0.39): not mutual.
  const auto units = long_units({{0, 0}, {0, 1}, {1, 0}, {1, 1}});
  TableMatcher matcher({{{0, 2}, 0.4}, {{1, 3}, 0.38}, {{0, 3}, 0.39}, {{1, 2}, 0.1}}, 0.5);
  AlignOptions options;
  options.mutual_share = 0.7;  // links at >= 0.35 when mutual
  options.mutual_margin = 0;
  const auto links = link_units(units, matcher, options, nullptr);
  REQUIRE(links.size() == 1);
  CHECK(links[0].a == 0);
  CHECK(links[0].b == 2);

  // 0's best in article 1 (2: 0.4) is no clear best: 3 scores 0.39.
  options.mutual_margin = 0.05;
  CHECK(link_units(units, matcher, options, nullptr).empty());
  options.mutual_margin = 0.005;
  CHECK(link_units(units, matcher, options, nullptr).size() == 1);
  options.mutual_margin = 0;

  options.mutual_share = 1.0;  // off: nothing reaches 0.5
  CHECK(link_units(units, matcher, options, nullptr).empty());
  options.mutual_share = 0.7;
  options.mutual_min_terms = 7;  // both units too short for the discount
  CHECK(link_units(units, matcher, options, nullptr).empty());
}

TEST_CASE("a mutual best match below the lower floor is not linked", "[align][candidates]") {
  const auto units = long_units({{0, 0}, {1, 0}});
  TableMatcher matcher({{{0, 1}, 0.3}}, 0.5);
  AlignOptions options;
  options.mutual_share = 0.7;
  CHECK(link_units(units, matcher, options, nullptr).empty());
}

TEST_CASE("paragraph context blends a sentence with its neighbours", "[align][candidates]") {
  // Article 0, paragraph 0: units 0 (term 1) and 1 (term 2); unit 2 alone in paragraph 1.
  std::vector<Unit> units(3);
  units[0].ref = {0, 0, 0};
  units[0].vector = {{1, 1.0}};
  units[1].ref = {0, 0, 1};
  units[1].vector = {{2, 1.0}};
  units[2].ref = {0, 1, 0};
  units[2].vector = {{2, 1.0}};
  add_paragraph_context(units, 0.5);
  REQUIRE(units[0].context.size() == 2);
  CHECK(units[0].context[0].term == 1);
  CHECK(units[0].context[0].weight == Approx(1 / std::sqrt(1.25)));
  CHECK(units[0].context[1].weight == Approx(0.5 / std::sqrt(1.25)));
  CHECK(units[2].context.size() == 1);  // alone: its own vector
  CHECK(units[2].context[0].weight == Approx(1.0));

  const ContextCosineMatcher matcher;
  // Unit 0 shares no term with unit 2, but its paragraph does.
  CHECK(parallax::represent::cosine(units[0].vector, units[2].vector) == 0.0);
  CHECK(matcher.score(units[0], units[2]) == Approx(0.5 / std::sqrt(1.25)));
  add_paragraph_context(units, 0.0);  // weight 0: context is the vector itself
  CHECK(matcher.score(units[0], units[2]) == 0.0);
  CHECK(matcher.threshold() == Approx(0.35));
}
