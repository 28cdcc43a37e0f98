// Step 4 of alignment: paragraph rows for the side-by-side view.
//
// Progressive multiple alignment, as textual collation tools do it, adapted to
// paragraphs that move: articles are added one at a time; the new article's
// paragraphs are matched to existing rows by the heaviest order-preserving chain
// of shared-claim weights (a weighted longest increasing subsequence, so cost
// grows with the number of related pairs, not rows x paragraphs). Related pairs
// left out of the chain would cross it: they become ParagraphLinks. Paragraphs
// that share nothing fill nearby rows that hold only unrelated paragraphs,
// keeping the view compact, or get rows of their own next to their neighbours.
//
// Rows live in a linked list with order keys, so placing an article touches only
// the rows around its anchors: the whole alignment stays near-linear in articles.
// Each paragraph keeps at most 8 links (its heaviest), which bounds the output too.
#include <algorithm>

#include "align/align.h"

namespace parallax::align {

namespace {

constexpr std::int32_t kNone = -1;

struct WorkingRow {
  std::vector<ParagraphRef> members;  // ordered by article
  double score = 0;                   // shared-claim weight placed in this row (0: unrelated)
  std::uint64_t key = 0;              // rows are ordered by key, top to bottom
  std::int32_t prev = kNone;
  std::int32_t next = kNone;
};

// Rows in display order: a doubly linked list whose keys grow down the page, so rows can
// be inserted anywhere in O(1) (keys are renumbered in the rare case a gap runs out).
class RowList {
 public:
  const WorkingRow& operator[](std::int32_t id) const { return rows_[id]; }
  WorkingRow& operator[](std::int32_t id) { return rows_[id]; }
  std::int32_t head() const { return head_; }
  std::int32_t tail() const { return tail_; }

  /// A new empty row placed before `at` (kNone: at the end).
  std::int32_t insert_before(std::int32_t at) {
    const std::int32_t id = static_cast<std::int32_t>(rows_.size());
    rows_.emplace_back();
    const std::int32_t before = at == kNone ? tail_ : rows_[at].prev;
    rows_[id].prev = before;
    rows_[id].next = at;
    (before == kNone ? head_ : rows_[before].next) = id;
    (at == kNone ? tail_ : rows_[at].prev) = id;
    assign_key(id);
    return id;
  }
  /// A new empty row placed after `at` (kNone: at the top).
  std::int32_t insert_after(std::int32_t at) {
    return insert_before(at == kNone ? head_ : rows_[at].next);
  }

 private:
  static constexpr std::uint64_t kSpacing = std::uint64_t{1} << 24;

  void assign_key(std::int32_t id) {
    const std::int32_t before = rows_[id].prev;
    const std::int32_t after = rows_[id].next;
    const std::uint64_t low = before == kNone ? 0 : rows_[before].key;
    if (after == kNone) {
      rows_[id].key = low + kSpacing;
    } else if (rows_[after].key - low >= 2) {
      rows_[id].key = low + (rows_[after].key - low) / 2;
    } else {
      std::uint64_t key = 0;  // no room left between neighbours: renumber everything
      for (std::int32_t r = head_; r != kNone; r = rows_[r].next) rows_[r].key = key += kSpacing;
    }
  }

  std::vector<WorkingRow> rows_;
  std::int32_t head_ = kNone;
  std::int32_t tail_ = kNone;
};

// Fenwick tree over ranks answering "best chain value ending before rank r".
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
  std::int32_t row;
  std::uint64_t key;  // the row's order key
  std::uint32_t paragraph;
  double weight;
};

// Heaviest chain of candidates strictly increasing in both row order and paragraph.
std::vector<Candidate> heaviest_chain(std::vector<Candidate> candidates) {
  if (candidates.empty()) return {};
  std::vector<std::uint64_t> keys;
  for (const Candidate& c : candidates) keys.push_back(c.key);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  auto rank = [&](std::uint64_t key) {
    return static_cast<std::size_t>(std::lower_bound(keys.begin(), keys.end(), key) - keys.begin());
  };
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
    return x.paragraph != y.paragraph ? x.paragraph < y.paragraph : x.key < y.key;
  });
  PrefixMax best_before(keys.size());
  std::vector<double> chain_value(candidates.size());
  std::vector<std::int32_t> previous(candidates.size(), -1);
  std::size_t group = 0;
  while (group < candidates.size()) {
    std::size_t end = group;
    while (end < candidates.size() && candidates[end].paragraph == candidates[group].paragraph)
      ++end;
    // All candidates of one paragraph read the tree before any of them writes it:
    // a paragraph may sit in one row only.
    for (std::size_t c = group; c < end; ++c) {
      auto [value, item] = best_before.query(rank(candidates[c].key));
      chain_value[c] = value + candidates[c].weight;
      previous[c] = item;
    }
    for (std::size_t c = group; c < end; ++c) {
      best_before.update(rank(candidates[c].key), chain_value[c], static_cast<std::int32_t>(c));
    }
    group = end;
  }
  std::vector<Candidate> chain;
  for (std::int32_t c = best_before.query(keys.size()).second; c >= 0; c = previous[c]) {
    chain.push_back(candidates[c]);
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

// Places article `article`'s paragraphs [first, last) (none of them anchored) between the
// rows `above` and `below` (kNone: the top / the end of the list). Unrelated rows next to
// the anchor they lead up to (or follow) take them first; the rest get new rows there.
// `toward_below`: fill from `below` upwards (a run before an anchor), else from `above` down.
// At most `slack` rows are looked at beyond the paragraphs' count, so cost stays local.
void place_run(RowList& rows, std::uint32_t article, std::uint32_t first, std::uint32_t last,
               std::int32_t above, std::int32_t below, bool toward_below,
               std::vector<std::int32_t>& row_of_paragraph) {
  if (first >= last) return;
  const std::size_t budget = 2 * static_cast<std::size_t>(last - first) + 4;
  auto put = [&](std::int32_t row, std::uint32_t paragraph) {
    rows[row].members.push_back({article, paragraph});
    row_of_paragraph[paragraph] = row;
  };
  if (toward_below) {
    // Walk up from `below`, giving the last paragraphs the nearest free rows.
    std::uint32_t p = last;
    std::int32_t r = below == kNone ? rows.tail() : rows[below].prev;
    std::int32_t lowest_used = below;
    for (std::size_t seen = 0; r != kNone && r != above && p > first && seen < budget;
         ++seen, r = rows[r].prev) {
      if (rows[r].score == 0) {
        put(r, --p);
        lowest_used = r;
      }
    }
    // Paragraphs left over go in new rows just above the highest row used; each new row
    // lands between the previous one and `lowest_used`, so they keep their order.
    for (std::uint32_t q = first; q < p; ++q) put(rows.insert_before(lowest_used), q);
  } else {
    std::uint32_t p = first;
    std::int32_t r = above == kNone ? rows.head() : rows[above].next;
    std::int32_t last_used = above;
    for (std::size_t seen = 0; r != kNone && r != below && p < last && seen < budget;
         ++seen, r = rows[r].next) {
      if (rows[r].score == 0) {
        put(r, p++);
        last_used = r;
      }
    }
    for (; p < last; ++p) {
      const std::int32_t row = rows.insert_after(last_used);
      put(row, p);
      last_used = row;
    }
  }
}

}  // namespace

void align_rows(const std::vector<Claim>& claims,
                const std::vector<std::uint32_t>& paragraph_counts, std::vector<Row>* rows,
                std::vector<ParagraphLink>* links) {
  rows->clear();
  links->clear();
  const std::size_t article_count = paragraph_counts.size();
  std::vector<std::uint32_t> first(article_count + 1, 0);  // global index of each article's ¶0
  for (std::size_t a = 0; a < article_count; ++a) first[a + 1] = first[a] + paragraph_counts[a];
  const std::uint32_t total = first[article_count];
  if (total == 0) return;

  // Weight of every related paragraph pair: one per claim they share. Every (pair, claim)
  // is listed, then sorted and counted: the same (key, weight) list, in key order, as a hash
  // map of += 1.0 gave once sorted, without std::hash<uint64_t> (a murmur hash in WebAssembly)
  // or a node per pair.
  std::vector<std::uint64_t> pair_keys;
  std::vector<std::uint32_t> paragraphs;
  for (const Claim& claim : claims) {
    paragraphs.clear();
    for (const ClaimMember& m : claim.members)
      paragraphs.push_back(first[m.ref.article] + m.ref.paragraph);
    std::sort(paragraphs.begin(), paragraphs.end());
    paragraphs.erase(std::unique(paragraphs.begin(), paragraphs.end()), paragraphs.end());
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
      for (std::size_t j = i + 1; j < paragraphs.size(); ++j) {
        pair_keys.push_back(static_cast<std::uint64_t>(paragraphs[i]) * total + paragraphs[j]);
      }
    }
  }
  std::sort(pair_keys.begin(), pair_keys.end());
  std::vector<std::pair<std::uint64_t, double>> pairs;
  for (std::size_t i = 0; i < pair_keys.size();) {
    std::size_t j = i + 1;
    while (j < pair_keys.size() && pair_keys[j] == pair_keys[i]) ++j;
    pairs.emplace_back(pair_keys[i], static_cast<double>(j - i));  // n x 1.0 summed is n
    i = j;
  }
  std::vector<std::vector<std::pair<std::uint32_t, double>>> related(total);
  for (const auto& [key, weight] : pairs) {
    related[static_cast<std::uint32_t>(key % total)].emplace_back(
        static_cast<std::uint32_t>(key / total), weight);
  }

  RowList list;
  std::vector<std::int32_t> row_of(total, kNone);
  for (std::uint32_t k = 0; k < article_count; ++k) {
    const std::uint32_t count = paragraph_counts[k];
    // Candidate (row, paragraph) weights from pairs with already placed paragraphs.
    std::vector<Candidate> candidates;
    for (std::uint32_t p = 0; p < count; ++p) {
      std::vector<std::pair<std::int32_t, double>> by_row;
      for (const auto& [other, weight] : related[first[k] + p]) {
        if (other < first[k]) by_row.emplace_back(row_of[other], weight);
      }
      std::sort(by_row.begin(), by_row.end());
      for (std::size_t i = 0; i < by_row.size();) {
        double weight = 0;
        std::size_t j = i;
        for (; j < by_row.size() && by_row[j].first == by_row[i].first; ++j)
          weight += by_row[j].second;
        candidates.push_back({by_row[i].first, list[by_row[i].first].key, p, weight});
        i = j;
      }
    }
    const std::vector<Candidate> chain = heaviest_chain(std::move(candidates));

    std::vector<std::int32_t> row_of_paragraph(count, kNone);
    for (const Candidate& anchor : chain) {
      list[anchor.row].members.push_back({k, anchor.paragraph});
      list[anchor.row].score += anchor.weight;
      row_of_paragraph[anchor.paragraph] = anchor.row;
    }
    if (chain.empty()) {
      place_run(list, k, 0, count, kNone, kNone, /*toward_below=*/false, row_of_paragraph);
    } else {
      // Each run of unanchored paragraphs goes next to the anchor it leads up to; the
      // run after the last anchor follows it.
      std::uint32_t p = 0;
      std::int32_t above = kNone;
      for (const Candidate& anchor : chain) {
        place_run(list, k, p, anchor.paragraph, above, anchor.row, /*toward_below=*/true,
                  row_of_paragraph);
        p = anchor.paragraph + 1;
        above = anchor.row;
      }
      place_run(list, k, p, count, above, kNone, /*toward_below=*/false, row_of_paragraph);
    }
    for (std::uint32_t p = 0; p < count; ++p) row_of[first[k] + p] = row_of_paragraph[p];
  }

  for (std::int32_t r = list.head(); r != kNone; r = list[r].next) {
    rows->push_back({std::move(list[r].members), list[r].score});
  }
  auto locate = [&](std::uint32_t global) {
    const auto article = static_cast<std::uint32_t>(
        std::upper_bound(first.begin(), first.end(), global) - first.begin() - 1);
    return ParagraphRef{article, global - first[article]};
  };
  // Moved paragraphs: related pairs in different rows, at most kMaxLinksPerParagraph per
  // paragraph (the heaviest; ties by position), so a sentence repeated by a hundred articles
  // does not give ten thousand links. Output in (a, b) order.
  constexpr std::size_t kMaxLinksPerParagraph = 8;
  std::vector<std::pair<std::uint64_t, double>> moved;
  for (const auto& pair : pairs) {
    if (row_of[pair.first / total] != row_of[pair.first % total]) moved.push_back(pair);
  }
  // `moved` is in key order with distinct keys, so a stable sort by weight is this sort by
  // (weight down, key up): a total order, without stable_sort's buffer and merges.
  std::sort(moved.begin(), moved.end(), [](const auto& x, const auto& y) {
    return x.second != y.second ? x.second > y.second : x.first < y.first;
  });
  std::vector<std::uint8_t> link_count(total, 0);
  std::vector<std::pair<std::uint64_t, double>> kept;
  for (const auto& [key, weight] : moved) {
    const auto low = static_cast<std::uint32_t>(key / total);
    const auto high = static_cast<std::uint32_t>(key % total);
    if (link_count[low] >= kMaxLinksPerParagraph || link_count[high] >= kMaxLinksPerParagraph)
      continue;
    ++link_count[low];
    ++link_count[high];
    kept.emplace_back(key, weight);
  }
  std::sort(kept.begin(), kept.end());
  for (const auto& [key, weight] : kept) {
    links->push_back({locate(static_cast<std::uint32_t>(key / total)),
                      locate(static_cast<std::uint32_t>(key % total)), weight});
  }
}

}  // namespace parallax::align
