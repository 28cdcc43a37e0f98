#include <catch2/catch.hpp>

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
