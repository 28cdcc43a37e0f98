#include <catch2/catch.hpp>

#include "diverge/diverge.h"

using namespace parallax;

namespace {
align::Claim claim_of(std::vector<std::uint32_t> articles) {
  align::Claim claim;
  for (std::uint32_t a : articles) claim.members.push_back({{a, 0, 0}, 0.9});
  std::sort(articles.begin(), articles.end());
  articles.erase(std::unique(articles.begin(), articles.end()), articles.end());
  claim.support = static_cast<std::uint32_t>(articles.size());
  return claim;
}
std::vector<std::pair<std::uint32_t, std::uint32_t>> missing(const diverge::Omission& o) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (const auto& m : o.missing) out.push_back({m.claim, m.support});
  return out;
}
}  // namespace

TEST_CASE("omissions: claims most other articles make, ranked by support", "[diverge]") {
  // Five articles. c0: 0,1 (support 2); c1: 0,1,2,3 (4); c2: 1,2,3 (3); c3: only 4 (1);
  // c4: 0,0 (one article twice: support 1).
  const std::vector<align::Claim> claims{claim_of({0, 1}), claim_of({0, 1, 2, 3}),
                                         claim_of({1, 2, 3}), claim_of({4}), claim_of({0, 0})};
  const auto omissions = diverge::find_omissions(claims, 5);
  REQUIRE(omissions.size() == 5);
  CHECK(omissions[0].article == 0);
  // Others are 4; a claim counts when at least 2 of them make it.
  CHECK(missing(omissions[0]) == std::vector<std::pair<std::uint32_t, std::uint32_t>>{{2, 3}});
  CHECK(missing(omissions[1]).empty());
  CHECK(missing(omissions[2]) == std::vector<std::pair<std::uint32_t, std::uint32_t>>{{0, 2}});
  CHECK(missing(omissions[4]) ==
        std::vector<std::pair<std::uint32_t, std::uint32_t>>{{1, 4}, {2, 3}, {0, 2}});
}

TEST_CASE("omissions: the half threshold and small sets", "[diverge]") {
  // Seven articles: a claim of support 2 is made by 2 of the 6 others: less than half.
  const std::vector<align::Claim> claims{claim_of({0, 1}), claim_of({0, 1, 2})};
  const auto seven = diverge::find_omissions(claims, 7);
  CHECK(missing(seven[6]) == std::vector<std::pair<std::uint32_t, std::uint32_t>>{{1, 3}});
  // One article: nothing can be missing.
  const auto one = diverge::find_omissions({claim_of({0})}, 1);
  REQUIRE(one.size() == 1);
  CHECK(one[0].missing.empty());
  CHECK(diverge::find_omissions({}, 0).empty());
  // Members pointing past the articles are ignored, not a crash.
  CHECK(diverge::find_omissions({claim_of({0, 9})}, 2).size() == 2);
}
