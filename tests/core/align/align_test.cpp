// score_many of the cosine matchers (core/align/align.cpp): the same bits as score() per pair.
#include <catch2/catch.hpp>

#include <cstring>

#include "align/align.h"

using namespace parallax;
using namespace parallax::align;

namespace {

Unit unit_with(represent::SparseVector vector, represent::SparseVector context = {}) {
  Unit u;
  u.vector = std::move(vector);
  u.context = std::move(context);
  return u;
}

bool same_bits(double x, double y) {
  return std::memcmp(&x, &y, sizeof x) == 0;
}

}  // namespace

TEST_CASE("score_many gives exactly score() for every pair", "[align][matcher]") {
  // Terms shared or not, vectors longer and shorter than a's, a term beyond every term of a,
  // an empty vector, a context that overrides the vector, weights whose sum depends on order.
  std::vector<Unit> units;
  units.push_back(unit_with({{1, 0.1}, {4, 0.7}, {9, 0.3}, {12, 0.2}}, {{1, 0.3}, {4, 0.6}}));
  units.push_back(unit_with({{1, 0.2}, {4, 0.3}, {12, 0.9}}));
  units.push_back(unit_with({{0, 0.5}, {2, 0.5}}));
  units.push_back(unit_with({{4, 1.0}, {40, 0.4}}));
  units.push_back(unit_with({}));
  units.push_back(unit_with({{9, 1e-17}, {12, 1.0}}, {{1, 0.9}, {9, 0.4}, {100, 0.1}}));
  units.push_back(unit_with({{1, 1.0}, {4, 1.0}, {9, 1.0}, {12, 1.0}}));  // clamped to 1
  const std::vector<std::uint32_t> others = {1, 2, 3, 4, 5, 6, 0};
  const TfIdfCosineMatcher plain;
  const ContextCosineMatcher in_context;
  MatchScratch scratch;
  for (const SentenceMatcher* matcher : {static_cast<const SentenceMatcher*>(&plain),
                                         static_cast<const SentenceMatcher*>(&in_context)}) {
    for (std::uint32_t a = 0; a < units.size(); ++a) {
      std::vector<double> scores = {42.0};  // overwritten, not appended to
      matcher->score_many(units[a], units, others, scratch, &scores);
      REQUIRE(scores.size() == others.size());
      for (std::size_t k = 0; k < others.size(); ++k) {
        INFO("a " << a << " b " << others[k]);
        CHECK(same_bits(scores[k], matcher->score(units[a], units[others[k]])));
      }
      // The scratch is left all zero for the next unit.
      for (double w : scratch.dense) CHECK(w == 0.0);
    }
  }
  std::vector<double> scores;
  in_context.score_many(units[0], units, others, scratch, &scores);
  CHECK(scores[0] == Approx(0.3 * 0.2 + 0.6 * 0.3));  // units[0] context . units[1] vector
  CHECK(scores[1] == 0.0);
  CHECK(scores[5] == Approx(0.9));
  plain.score_many(units[0], units, others, scratch, &scores);
  CHECK(scores[5] == 1.0);  // 0.1 + 0.7 + 0.3 + 0.2, clamped
}

TEST_CASE("score_many defaults to score() per pair", "[align][matcher]") {
  struct Sum final : SentenceMatcher {
    double score(const Unit& a, const Unit& b) const override {
      return a.vector.size() * 10.0 + b.vector.size();
    }
    double threshold() const override { return 0.5; }
  };
  std::vector<Unit> units = {unit_with({{1, 1.0}}), unit_with({{1, 1.0}, {2, 1.0}}), unit_with({})};
  MatchScratch scratch;
  std::vector<double> scores;
  Sum().score_many(units[1], units, {2, 0}, scratch, &scores);
  CHECK(scores == std::vector<double>{20.0, 21.0});
}
