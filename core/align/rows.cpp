// Step 4 of alignment: paragraph rows for the side-by-side view.
//
// Progressive multiple alignment, as textual collation tools do it, adapted to
// paragraphs that move: articles are added one at a time; the new article's
// paragraphs are matched to existing rows by the heaviest order-preserving chain
// of shared-claim weights (a weighted longest increasing subsequence, so cost
// grows with the number of related pairs, not rows x paragraphs). Related pairs
// left out of the chain would cross it: they become ParagraphLinks. Paragraphs
// that share nothing fill rows that hold only unrelated paragraphs, keeping the
// view compact, or get rows of their own.
#include <algorithm>
#include <unordered_map>

#include "align/align.h"

namespace parallax::align {

namespace {

constexpr std::int32_t kEmpty = -1;

struct WorkingRow {
  std::vector<std::int32_t> slots;  // paragraph per article, kEmpty when none
  double score = 0;                 // shared-claim weight placed in this row
};

// Fenwick tree over row positions answering "best chain value ending before row r".
class PrefixMax {
 public:
  explicit PrefixMax(std::size_t size) : value_(size + 1, 0.0), item_(size + 1, -1) {}
  void update(std::size_t position, double value, std::int32_t item) {
    for (std::size_t i = position + 1; i < value_.size(); i += i & (~i + 1)) {
      if (value > value_[i]) {
        value_[i] = value;
        item_[i] = item;
      }
    }
  }
  // Best over positions [0, end).
  std::pair<double, std::int32_t> query(std::size_t end) const {
    double best = 0;
    std::int32_t item = -1;
    for (std::size_t i = end; i > 0; i -= i & (~i + 1)) {
      if (value_[i] > best) {
        best = value_[i];
        item = item_[i];
      }
    }
    return {best, item};
  }

 private:
  std::vector<double> value_;
  std::vector<std::int32_t> item_;
};

struct Candidate {
  std::uint32_t row;
  std::uint32_t paragraph;
  double weight;
};

// Heaviest chain of candidates strictly increasing in both row and paragraph.
std::vector<Candidate> heaviest_chain(std::vector<Candidate> candidates, std::size_t row_count) {
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
    return x.paragraph != y.paragraph ? x.paragraph < y.paragraph : x.row < y.row;
  });
  PrefixMax best_before(row_count);
  std::vector<double> chain_value(candidates.size());
  std::vector<std::int32_t> previous(candidates.size(), -1);
  std::size_t group = 0;
  while (group < candidates.size()) {
    std::size_t end = group;
    while (end < candidates.size() && candidates[end].paragraph == candidates[group].paragraph) {
      ++end;
    }
    // All candidates of one paragraph read the tree before any of them writes it:
    // a paragraph may sit in one row only.
    for (std::size_t c = group; c < end; ++c) {
      auto [value, item] = best_before.query(candidates[c].row);
      chain_value[c] = value + candidates[c].weight;
      previous[c] = item;
    }
    for (std::size_t c = group; c < end; ++c) {
      best_before.update(candidates[c].row, chain_value[c], static_cast<std::int32_t>(c));
    }
    group = end;
  }
  std::int32_t best = best_before.query(row_count).second;
  std::vector<Candidate> chain;
  for (std::int32_t c = best; c >= 0; c = previous[c]) chain.push_back(candidates[c]);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

}  // namespace

void align_rows(const std::vector<Claim>& claims, const std::vector<std::uint32_t>& paragraph_counts,
                std::vector<Row>* rows, std::vector<ParagraphLink>* links) {
  rows->clear();
  links->clear();
  const std::size_t article_count = paragraph_counts.size();
  std::vector<std::uint32_t> first(article_count + 1, 0);  // global index of each article's ¶0
  for (std::size_t a = 0; a < article_count; ++a) first[a + 1] = first[a] + paragraph_counts[a];
  const std::uint32_t total = first[article_count];
  if (total == 0) return;

  // Weight of every related paragraph pair: one per claim they share.
  std::unordered_map<std::uint64_t, double> pair_weight;
  for (const Claim& claim : claims) {
    std::vector<std::uint32_t> paragraphs;
    for (const ClaimMember& m : claim.members) paragraphs.push_back(first[m.ref.article] + m.ref.paragraph);
    std::sort(paragraphs.begin(), paragraphs.end());
    paragraphs.erase(std::unique(paragraphs.begin(), paragraphs.end()), paragraphs.end());
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
      for (std::size_t j = i + 1; j < paragraphs.size(); ++j) {
        pair_weight[static_cast<std::uint64_t>(paragraphs[i]) * total + paragraphs[j]] += 1.0;
      }
    }
  }
  // Hash order differs between standard libraries: sort so output is identical everywhere.
  std::vector<std::pair<std::uint64_t, double>> pairs(pair_weight.begin(), pair_weight.end());
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::vector<std::pair<std::uint32_t, double>>> related(total);
  for (const auto& [key, weight] : pairs) {
    const auto low = static_cast<std::uint32_t>(key / total);
    const auto high = static_cast<std::uint32_t>(key % total);
    related[high].emplace_back(low, weight);  // only earlier articles are looked up
  }

  std::vector<WorkingRow> working;
  std::vector<std::uint32_t> row_of(total, 0);
  for (std::size_t k = 0; k < article_count; ++k) {
    const std::uint32_t count = paragraph_counts[k];
    // Candidate (row, paragraph) weights from pairs with already placed paragraphs.
    std::vector<Candidate> candidates;
    for (std::uint32_t p = 0; p < count; ++p) {
      std::vector<std::pair<std::uint32_t, double>> by_row;
      for (const auto& [other, weight] : related[first[k] + p]) {
        if (other >= first[k]) continue;
        by_row.emplace_back(row_of[other], weight);
      }
      std::sort(by_row.begin(), by_row.end());
      for (std::size_t i = 0; i < by_row.size();) {
        double weight = 0;
        std::size_t j = i;
        for (; j < by_row.size() && by_row[j].first == by_row[i].first; ++j) weight += by_row[j].second;
        candidates.push_back({by_row[i].first, p, weight});
        i = j;
      }
    }
    const std::vector<Candidate> chain = heaviest_chain(std::move(candidates), working.size());

    // Walk the rows in order, placing article k's paragraphs without reordering anything.
    std::vector<WorkingRow> next;
    next.reserve(working.size() + count);
    std::uint32_t p = 0;
    std::size_t anchor = 0;  // next chain element
    auto new_row = [&](std::uint32_t paragraph) {
      WorkingRow row;
      row.slots.assign(article_count, kEmpty);
      row.slots[k] = static_cast<std::int32_t>(paragraph);
      next.push_back(std::move(row));
    };
    for (std::uint32_t r = 0; r < working.size(); ++r) {
      WorkingRow& row = working[r];
      const std::uint32_t next_anchor = anchor < chain.size() ? chain[anchor].paragraph : count;
      if (anchor < chain.size() && chain[anchor].row == r) {
        while (p < next_anchor) new_row(p++);
        row.slots[k] = static_cast<std::int32_t>(p++);
        row.score += chain[anchor].weight;
        ++anchor;
      } else if (p < next_anchor && row.score == 0) {
        row.slots[k] = static_cast<std::int32_t>(p++);  // packing: unrelated beside unrelated
      }
      next.push_back(std::move(row));
    }
    while (p < count) new_row(p++);
    working = std::move(next);
    for (std::uint32_t r = 0; r < working.size(); ++r) {
      for (std::size_t a = 0; a <= k; ++a) {
        if (working[r].slots[a] != kEmpty) row_of[first[a] + working[r].slots[a]] = r;
      }
    }
  }

  for (const WorkingRow& row : working) {
    Row out;
    out.score = row.score;
    for (std::size_t a = 0; a < article_count; ++a) {
      if (row.slots[a] != kEmpty) {
        out.members.push_back({static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(row.slots[a])});
      }
    }
    rows->push_back(std::move(out));
  }
  auto locate = [&](std::uint32_t global) {
    const auto article = static_cast<std::uint32_t>(
        std::upper_bound(first.begin(), first.end(), global) - first.begin() - 1);
    return ParagraphRef{article, global - first[article]};
  };
  for (const auto& [key, weight] : pairs) {
    const auto low = static_cast<std::uint32_t>(key / total);
    const auto high = static_cast<std::uint32_t>(key % total);
    if (row_of[low] != row_of[high]) links->push_back({locate(low), locate(high), weight});
  }
}

}  // namespace parallax::align
