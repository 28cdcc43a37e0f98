#include <catch2/catch.hpp>

#include "align/align.h"
#include "fake_matcher.h"

using namespace parallax::align;
using namespace parallax::align::testing;

namespace {
// Claims of two or more articles only, unless `unique` asks for support-1 claims too.
std::vector<Claim> claims_for(const std::vector<Unit>& units, const TableMatcher& matcher,
                              bool unique = false) {
  AlignOptions options;
  options.report_unique = unique;
  const auto links = link_units(units, matcher, options, nullptr);
  return cluster_claims(units, links, matcher, options);
}
}  // namespace

TEST_CASE("a chain A~B~C with A and C unrelated is not one claim", "[align][claims]") {
  const auto units = make_units({{0, 0}, {1, 0}, {2, 0}});
  TableMatcher matcher({{{0, 1}, 0.9}, {{1, 2}, 0.8}, {{0, 2}, 0.1}});
  const auto claims = claims_for(units, matcher);
  REQUIRE_FALSE(claims.empty());
  CHECK(claims[0].members.size() == 2);
  CHECK(claims[0].members[0].ref.article == 0);
  CHECK(claims[0].members[1].ref.article == 1);
  for (const Claim& claim : claims) {  // B may make two claims, but A and C never share one
    bool a = false, c = false;
    for (const auto& m : claim.members) {
      a = a || m.ref.article == 0;
      c = c || m.ref.article == 2;
    }
    CHECK_FALSE((a && c));
  }
}

TEST_CASE("a claim every member supports grows to all articles", "[align][claims]") {
  const auto units = make_units({{0, 0}, {1, 2}, {2, 1}, {3, 0}});
  TableMatcher matcher(
      {{{0, 1}, 0.9}, {{0, 2}, 0.7}, {{0, 3}, 0.6}, {{1, 2}, 0.8}, {{1, 3}, 0.7}, {{2, 3}, 0.9}});
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

TEST_CASE("a sentence making two claims joins both", "[align][claims]") {
  // Unit 1 (article 1) says what unit 0 says and what unit 2 says; 0 and 2 are unrelated.
  const auto units = make_units({{0, 0}, {1, 0}, {2, 0}});
  TableMatcher matcher({{{0, 1}, 0.9}, {{1, 2}, 0.8}, {{0, 2}, 0.0}});
  const auto claims = claims_for(units, matcher);
  REQUIRE(claims.size() == 2);
  for (const Claim& claim : claims) {
    bool has_unit_1 = false;
    for (const auto& m : claim.members) has_unit_1 = has_unit_1 || m.ref.article == 1;
    CHECK(has_unit_1);
    CHECK(claim.members.size() == 2);
  }
}

TEST_CASE("sentences matching nothing are claims of support 1, listed last", "[align][claims]") {
  const auto units = make_units({{0, 0}, {1, 0}, {1, 1}, {2, 0}});
  TableMatcher matcher({{{0, 1}, 0.9}});
  const auto claims = claims_for(units, matcher, /*unique=*/true);
  REQUIRE(claims.size() == 3);
  CHECK(claims[0].support == 2);
  CHECK(claims[1].support == 1);
  CHECK(claims[1].members.size() == 1);
  CHECK(claims[1].members[0].ref.sentence == 2);
  CHECK(claims[2].members[0].ref.sentence == 3);
  CHECK(claims[2].independent == 1);
}

TEST_CASE("complete linkage: every member must reach the floor against every other",
          "[align][claims]") {
  // 0~1 and 1~2 are strong; 0~2 decides. The floor is threshold x linkage_share.
  const auto units = make_units({{0, 0}, {1, 0}, {2, 0}});
  AlignOptions options;
  options.report_unique = false;
  options.linkage_share = 0.4;  // floor 0.2 with the threshold 0.5
  for (const auto& [weak, together] : {std::pair{0.25, true}, std::pair{0.15, false}}) {
    INFO(weak);
    TableMatcher matcher({{{0, 1}, 0.9}, {{1, 2}, 0.8}, {{0, 2}, weak}});
    const auto links = link_units(units, matcher, options, nullptr);
    const auto claims = cluster_claims(units, links, matcher, options);
    REQUIRE_FALSE(claims.empty());
    CHECK((claims[0].support == 3) == together);
    for (const Claim& claim : claims) {  // without 0~2 no claim holds both 0 and 2
      bool a = false, c = false;
      for (const auto& m : claim.members) {
        a = a || m.ref.article == 0;
        c = c || m.ref.article == 2;
      }
      if (!together) CHECK_FALSE((a && c));
    }
  }
}

TEST_CASE("a mean floor: a newcomer must match the claim well on average, not only above the floor",
          "[align][claims]") {
  // 0~1 is the claim; 2 joins through its 0.9 link to 1 if its mean against {0, 1} is enough:
  // (0.9 + 0.25) / 2 = 0.575. Each pair is above the floor 0.2 in both runs.
  const auto units = make_units({{0, 0}, {1, 0}, {2, 0}});
  for (const auto& [mean_share, together] :
       {std::pair{0.0, true}, std::pair{1.1, true}, std::pair{1.2, false}}) {
    INFO(mean_share);
    AlignOptions options;
    options.report_unique = false;
    options.linkage_share = 0.4;              // every pair >= 0.2 (threshold 0.5)
    options.mean_linkage_share = mean_share;  // mean >= 0.55 with 1.1, >= 0.6 with 1.2
    TableMatcher matcher({{{0, 1}, 0.95}, {{1, 2}, 0.9}, {{0, 2}, 0.25}});
    const auto links = link_units(units, matcher, options, nullptr);
    const auto claims = cluster_claims(units, links, matcher, options);
    REQUIRE_FALSE(claims.empty());
    CHECK((claims[0].support == 3) == together);
  }
}

TEST_CASE("every unit is in a claim: shared, two-claim or unique", "[align][claims]") {
  // 0~1 (one claim), 1~2 (another; 0 and 2 unrelated), 3 matches nothing.
  const auto units = make_units({{0, 0}, {1, 0}, {2, 0}, {2, 1}});
  TableMatcher matcher({{{0, 1}, 0.9}, {{1, 2}, 0.8}});
  const auto claims = claims_for(units, matcher, /*unique=*/true);
  std::vector<int> claims_of(units.size(), 0);
  for (const Claim& claim : claims) {
    for (const auto& m : claim.members) ++claims_of[m.ref.sentence];
  }
  CHECK(claims_of == std::vector<int>{1, 2, 1, 1});
  CHECK(claims.back().support == 1);
  CHECK(claims.back().members[0].ref.sentence == 3);
}
