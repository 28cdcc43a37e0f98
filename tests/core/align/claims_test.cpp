#include <catch2/catch.hpp>

#include <cmath>

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

// --- add_lead_claims: headlines and ledes of different articles form a claim of their own.
namespace {
// A lead unit of article `article` with the given terms, each of weight 1 (then normalised).
Unit lead_unit(std::uint32_t article, std::uint32_t sentence, std::vector<std::uint32_t> terms,
               bool lead = true) {
  Unit unit;
  unit.ref = {article, 0, sentence};
  unit.terms = terms;
  const double w = 1.0 / std::sqrt(static_cast<double>(terms.size()));
  for (std::uint32_t t : terms) unit.vector.push_back({t, w});
  unit.lead = lead;
  return unit;
}
bool holds(const Claim& claim, std::uint32_t article) {
  for (const auto& m : claim.members)
    if (m.ref.article == article) return true;
  return false;
}
}  // namespace

TEST_CASE("leads that share a word form a claim, a lead sharing nothing stays unique",
          "[align][claims][lead]") {
  // Three headlines about one event in different words, sharing one name (term 1) pairwise
  // with low cosines; a fourth article's lede shares nothing with them.
  const std::vector<Unit> units = {lead_unit(0, 0, {1, 2, 3, 4}), lead_unit(1, 0, {1, 5, 6, 7}),
                                   lead_unit(2, 0, {1, 8, 9, 10}),
                                   lead_unit(3, 0, {11, 12, 13, 14})};
  std::vector<Claim> claims;  // cluster_claims found nothing: every unit is unique
  for (const Unit& u : units) claims.push_back({{{u.ref, 1.0}}, 1, 0, 1});
  AlignOptions options;
  add_lead_claims(units, options, &claims);
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].support == 3);
  CHECK(claims[0].independent == 3);
  CHECK((holds(claims[0], 0) && holds(claims[0], 1) && holds(claims[0], 2)));
  CHECK_FALSE(holds(claims[0], 3));
  // The three leads are no longer unique; the fourth still is.
  CHECK(claims[1].support == 1);
  CHECK(claims[1].members[0].ref.article == 3);
}

TEST_CASE("lead claims: complete linkage, no chaining through one lead", "[align][claims][lead]") {
  // A~B share term 1, B~C share term 2, A and C share nothing: never one claim.
  const std::vector<Unit> units = {lead_unit(0, 0, {1, 3}), lead_unit(1, 0, {1, 2}),
                                   lead_unit(2, 0, {2, 4})};
  std::vector<Claim> claims;
  AlignOptions options;
  add_lead_claims(units, options, &claims);
  for (const Claim& claim : claims) CHECK_FALSE((holds(claim, 0) && holds(claim, 2)));
}

TEST_CASE("lead claims: only leads take part, a known group is not repeated, floor 0 is off",
          "[align][claims][lead]") {
  const std::vector<Unit> units = {lead_unit(0, 0, {1, 2}), lead_unit(1, 0, {1, 3}),
                                   lead_unit(2, 0, {1, 4}, /*lead=*/false)};
  AlignOptions options;
  SECTION("a body sentence sharing the word is not a lead") {
    std::vector<Claim> claims;
    add_lead_claims(units, options, &claims);
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].support == 2);
    CHECK_FALSE(holds(claims[0], 2));
  }
  SECTION("a claim that already holds both leads is not repeated") {
    std::vector<Claim> claims = {{{{units[0].ref, 0.9}, {units[1].ref, 0.9}}, 2, 0, 2}};
    add_lead_claims(units, options, &claims);
    CHECK(claims.size() == 1);
  }
  SECTION("lead_floor 0 turns the step off") {
    options.lead_floor = 0;
    std::vector<Claim> claims;
    add_lead_claims(units, options, &claims);
    CHECK(claims.empty());
  }
  SECTION("a floor above the leads' cosine links nothing") {
    options.lead_floor = 0.6;  // cosine of {1,2} and {1,3} is 0.5
    std::vector<Claim> claims;
    add_lead_claims(units, options, &claims);
    CHECK(claims.empty());
  }
}

TEST_CASE("lead claims absorb an overlapping claim only when it stays coherent",
          "[align][claims][lead]") {
  // Leads of articles 0 and 1 share term 1; article 2's body sentence already shares a claim
  // with article 0's lead.
  AlignOptions options;
  SECTION("the other member reaches the floor against every lead: one claim") {
    const std::vector<Unit> units = {lead_unit(0, 0, {1, 2}), lead_unit(1, 0, {1, 3}),
                                     lead_unit(2, 0, {1, 2, 4}, /*lead=*/false)};
    std::vector<Claim> claims = {{{{units[0].ref, 0.8}, {units[2].ref, 0.8}}, 2, 0, 2}};
    add_lead_claims(units, options, &claims);
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].support == 3);
    CHECK(claims[0].independent == 3);
    CHECK(claims[0].members.size() == 3);
  }
  SECTION("it shares nothing with one lead: both claims stay") {
    const std::vector<Unit> units = {lead_unit(0, 0, {1, 2}), lead_unit(1, 0, {1, 3}),
                                     lead_unit(2, 0, {2, 4}, /*lead=*/false)};
    std::vector<Claim> claims = {{{{units[0].ref, 0.8}, {units[2].ref, 0.8}}, 2, 0, 2}};
    add_lead_claims(units, options, &claims);
    REQUIRE(claims.size() == 2);
    for (const Claim& claim : claims) CHECK(claim.members.size() == 2);
    CHECK_FALSE((holds(claims[0], 1) && holds(claims[0], 2)));
    CHECK_FALSE((holds(claims[1], 1) && holds(claims[1], 2)));
  }
}
