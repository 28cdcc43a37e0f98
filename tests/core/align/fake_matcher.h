// Test helper: a SentenceMatcher whose scores come from a table, keyed by the
// units' positions (stored in UnitRef::sentence by make_units).
#pragma once

#include <map>
#include <utility>
#include <vector>

#include "align/align.h"

namespace parallax::align::testing {

class TableMatcher final : public SentenceMatcher {
 public:
  explicit TableMatcher(std::map<std::pair<int, int>, double> scores, double threshold = 0.5)
      : scores_(std::move(scores)), threshold_(threshold) {}
  double score(const Unit& a, const Unit& b) const override {
    int x = static_cast<int>(a.ref.sentence), y = static_cast<int>(b.ref.sentence);
    if (x > y) std::swap(x, y);
    auto it = scores_.find({x, y});
    return it == scores_.end() ? 0.0 : it->second;
  }
  double threshold() const override { return threshold_; }

 private:
  std::map<std::pair<int, int>, double> scores_;
  double threshold_;
};

/// One unit per entry: {article, paragraph}; every unit gets the same single
/// term so that the inverted index proposes every cross-article pair.
inline std::vector<Unit> make_units(
    const std::vector<std::pair<std::uint32_t, std::uint32_t>>& places) {
  std::vector<Unit> units;
  for (std::size_t i = 0; i < places.size(); ++i) {
    Unit unit;
    unit.ref = {places[i].first, places[i].second, static_cast<std::uint32_t>(i)};
    unit.terms = {0};
    unit.vector = {{0, 1.0}};
    units.push_back(unit);
  }
  return units;
}

}  // namespace parallax::align::testing
