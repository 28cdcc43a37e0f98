#include <catch2/catch.hpp>

#include "align/align.h"
#include "fake_matcher.h"

using namespace parallax::align;
using namespace parallax::align::testing;

namespace {
std::vector<Claim> claims_for(const std::vector<Unit>& units, const TableMatcher& matcher) {
  const auto links = link_units(units, matcher, AlignOptions{}, nullptr);
  return cluster_claims(units, links, matcher, AlignOptions{});
}
}  // namespace

TEST_CASE("a chain A~B~C with A and C unrelated is not one claim", "[align][claims]") {
  const auto units = make_units({{0, 0}, {1, 0}, {2, 0}});
  TableMatcher matcher({{{0, 1}, 0.9}, {{1, 2}, 0.8}, {{0, 2}, 0.1}});
  const auto claims = claims_for(units, matcher);
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].members.size() == 2);
  CHECK(claims[0].members[0].ref.article == 0);
  CHECK(claims[0].members[1].ref.article == 1);
}

TEST_CASE("a claim every member supports grows to all articles", "[align][claims]") {
  const auto units = make_units({{0, 0}, {1, 2}, {2, 1}, {3, 0}});
  TableMatcher matcher({{{0, 1}, 0.9}, {{0, 2}, 0.7}, {{0, 3}, 0.6}, {{1, 2}, 0.8}, {{1, 3}, 0.7}, {{2, 3}, 0.9}});
  const auto claims = claims_for(units, matcher);
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].support == 4);
  CHECK(claims[0].members.size() == 4);
  // The label comes from the member closest to all others.
  CHECK(claims[0].members[claims[0].label_member].score >= claims[0].members[0].score);
}

TEST_CASE("two separate claims stay separate and are ordered by support", "[align][claims]") {
  const auto units = make_units({{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 1}});
  TableMatcher matcher({{{0, 2}, 0.9}, {{1, 3}, 0.8}, {{1, 4}, 0.8}, {{3, 4}, 0.9}});
  const auto claims = claims_for(units, matcher);
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].support == 3);
  CHECK(claims[1].support == 2);
}

TEST_CASE("no links, no claims", "[align][claims]") {
  const auto units = make_units({{0, 0}, {1, 0}});
  TableMatcher matcher({});
  CHECK(claims_for(units, matcher).empty());
}
