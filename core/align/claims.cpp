// Step 3 of alignment: complete-linkage grouping of unit links into claims.
#include <algorithm>
#include <iterator>
#include <numeric>

#include "align/align.h"
#include "base/hash_table.h"

namespace parallax::align {

namespace {

bool ref_less(const UnitRef& x, const UnitRef& y) {
  if (x.article != y.article) return x.article < y.article;
  if (x.paragraph != y.paragraph) return x.paragraph < y.paragraph;
  return x.sentence < y.sentence;
}

// Match scores of unit pairs, computed once: complete linkage asks for the same pairs
// again and again, and a learned matcher is far costlier than a lookup. A base/hash_table.h
// HashTable keyed by the pair (Fibonacci hash of the packed ids): no node per pair, and no
// std::hash<uint64_t>, which in WebAssembly (32-bit size_t) is a murmur hash of both halves
// (std::unordered_map here was 3-5% of compare in WASM at 1,000 articles). Looked up only,
// never iterated, so its order never reaches the output.
class ScoreCache {
 public:
  ScoreCache(const std::vector<Unit>& units, const std::vector<UnitLink>& links,
             const SentenceMatcher& matcher)
      : units_(units), matcher_(matcher), scores_(links.size()) {
    // The first link of a pair wins, as emplace did.
    for (const UnitLink& link : links) scores_.insert(key(link.a, link.b), link.score);
  }
  double operator()(std::uint32_t x, std::uint32_t y) {
    bool inserted = false;
    double& score = scores_.find_or_insert(key(x, y), &inserted);
    if (inserted) score = matcher_.score(units_[x], units_[y]);
    return score;
  }

 private:
  static std::uint64_t key(std::uint32_t x, std::uint32_t y) {
    return x < y ? (std::uint64_t{x} << 32 | y) : (std::uint64_t{y} << 32 | x);
  }
  const std::vector<Unit>& units_;
  const SentenceMatcher& matcher_;
  HashTable<std::uint64_t, double, FibonacciHash> scores_;
};

// Whether `from` may join `to`: every unit of `from` matches every unit of `to` at least
// `floor.each`, and their mean score is at least `floor.mean`.
struct Floors {
  double each = 0;
  double mean = 0;
};
bool fully_linked(const std::vector<std::uint32_t>& from, const std::vector<std::uint32_t>& to,
                  ScoreCache& score, Floors floor) {
  double total = 0;
  std::size_t pairs = 0;
  for (std::uint32_t x : from) {
    for (std::uint32_t y : to) {
      if (x == y) continue;
      const double s = score(x, y);
      if (s < floor.each) return false;
      total += s;
      ++pairs;
    }
  }
  return pairs == 0 || total >= floor.mean * static_cast<double>(pairs);
}

// Which claims of support 2 or more hold each sentence: (ref, claim) sorted, so that "does
// one claim hold all of these sentences?" costs a few binary searches.
class MemberIndex {
 public:
  explicit MemberIndex(const std::vector<Claim>& claims) {
    for (std::uint32_t c = 0; c < claims.size(); ++c) {
      if (claims[c].support < 2) continue;
      for (const ClaimMember& m : claims[c].members) entries_.emplace_back(m.ref, c);
    }
    std::sort(entries_.begin(), entries_.end(), less);
  }
  bool one_holds_all(const std::vector<ClaimMember>& members) const {
    if (members.empty()) return false;
    std::vector<std::uint32_t> common = holding(members.front().ref);
    for (std::size_t m = 1; m < members.size() && !common.empty(); ++m) {
      const std::vector<std::uint32_t> also = holding(members[m].ref);
      std::vector<std::uint32_t> both;
      std::set_intersection(common.begin(), common.end(), also.begin(), also.end(),
                            std::back_inserter(both));
      common.swap(both);
    }
    return !common.empty();
  }
  /// The claims holding at least one of `members`, sorted, each once.
  std::vector<std::uint32_t> overlapping(const std::vector<ClaimMember>& members) const {
    std::vector<std::uint32_t> out;
    for (const ClaimMember& m : members) {
      const std::vector<std::uint32_t> also = holding(m.ref);
      out.insert(out.end(), also.begin(), also.end());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

 private:
  using Entry = std::pair<UnitRef, std::uint32_t>;
  static bool less(const Entry& x, const Entry& y) {
    if (ref_less(x.first, y.first)) return true;
    return !ref_less(y.first, x.first) && x.second < y.second;
  }
  std::vector<std::uint32_t> holding(const UnitRef& ref) const {  // sorted claim indexes
    std::vector<std::uint32_t> out;
    auto it = std::lower_bound(entries_.begin(), entries_.end(), Entry{ref, 0u}, less);
    for (; it != entries_.end() && !ref_less(ref, it->first); ++it) out.push_back(it->second);
    return out;
  }
  std::vector<Entry> entries_;
};

// A claim of `members` (unit indexes, sorted by ref, each once): every member's mean score
// against the others, the number of distinct articles, the most central member as its label.
template <typename Score>
Claim make_claim(const std::vector<Unit>& units, const std::vector<std::uint32_t>& members,
                 Score&& score) {
  Claim claim;
  std::vector<std::uint32_t> articles;
  for (std::uint32_t x : members) {
    double total = 0;
    for (std::uint32_t y : members) {
      if (x != y) total += score(x, y);
    }
    const double others = static_cast<double>(std::max<std::size_t>(1, members.size() - 1));
    claim.members.push_back({units[x].ref, total / others});
    articles.push_back(units[x].ref.article);
  }
  std::sort(articles.begin(), articles.end());
  claim.support =
      static_cast<std::uint32_t>(std::unique(articles.begin(), articles.end()) - articles.begin());
  claim.independent = claim.support;
  claim.label_member = 0;
  for (std::uint32_t m = 1; m < claim.members.size(); ++m) {
    if (claim.members[m].score > claim.members[claim.label_member].score) claim.label_member = m;
  }
  return claim;
}

}  // namespace

std::vector<Claim> cluster_claims(const std::vector<Unit>& units,
                                  const std::vector<UnitLink>& links,
                                  const SentenceMatcher& matcher, const AlignOptions& options) {
  constexpr std::uint32_t kNone = 0xffffffffu;
  const Floors floor{matcher.threshold() * options.linkage_share,
                     matcher.threshold() * options.mean_linkage_share};

  std::vector<UnitLink> ordered = links;
  std::sort(ordered.begin(), ordered.end(), [](const UnitLink& x, const UnitLink& y) {
    if (x.score != y.score) return x.score > y.score;
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });

  ScoreCache score(units, links, matcher);
  std::vector<std::uint32_t> cluster_of(units.size(), kNone);
  std::vector<std::vector<std::uint32_t>> clusters;
  for (const UnitLink& link : ordered) {
    const std::uint32_t ca = cluster_of[link.a];
    const std::uint32_t cb = cluster_of[link.b];
    if (ca == kNone && cb == kNone) {
      cluster_of[link.a] = cluster_of[link.b] = static_cast<std::uint32_t>(clusters.size());
      clusters.push_back({link.a, link.b});
    } else if (ca == kNone || cb == kNone) {
      const std::uint32_t cluster = ca == kNone ? cb : ca;
      const std::uint32_t newcomer = ca == kNone ? link.a : link.b;
      if (fully_linked({newcomer}, clusters[cluster], score, floor)) {
        cluster_of[newcomer] = cluster;
        clusters[cluster].push_back(newcomer);
      }
    } else if (ca != cb && fully_linked(clusters[ca], clusters[cb], score, floor)) {
      for (std::uint32_t u : clusters[cb]) cluster_of[u] = ca;
      clusters[ca].insert(clusters[ca].end(), clusters[cb].begin(), clusters[cb].end());
      clusters[cb].clear();
    }
  }

  // A sentence that makes two claims ("the bridge closes on Thursday after engineers found
  // corroded hangers") may also join a second or third claim, under the same rule: it must
  // match every member there, and bring a new article to it.
  std::vector<std::vector<std::uint32_t>> joined(units.size());  // extra claims of each unit
  for (std::uint32_t c = 0; c < clusters.size(); ++c) {
    for (std::uint32_t u : clusters[c]) joined[u].push_back(c);
  }
  auto try_join = [&](std::uint32_t unit, std::uint32_t cluster) {
    if (cluster == kNone || joined[unit].size() >= 1 + options.max_extra_claims) return;
    if (std::find(joined[unit].begin(), joined[unit].end(), cluster) != joined[unit].end()) return;
    for (std::uint32_t member : clusters[cluster]) {
      if (units[member].ref.article == units[unit].ref.article) return;
    }
    if (!fully_linked({unit}, clusters[cluster], score, floor)) return;
    clusters[cluster].push_back(unit);
    joined[unit].push_back(cluster);
  };
  for (const UnitLink& link : ordered) {
    // A sentence left out of every claim starts a new one with a sentence that is already
    // in a claim elsewhere (that one makes two claims).
    for (auto [lonely, other] : {std::pair{link.a, link.b}, std::pair{link.b, link.a}}) {
      if (cluster_of[lonely] != kNone || cluster_of[other] == kNone) continue;
      if (joined[other].size() >= 1 + options.max_extra_claims) continue;
      cluster_of[lonely] = static_cast<std::uint32_t>(clusters.size());
      joined[lonely].push_back(cluster_of[lonely]);
      joined[other].push_back(cluster_of[lonely]);
      clusters.push_back({lonely, other});
    }
    try_join(link.a, cluster_of[link.b]);
    try_join(link.b, cluster_of[link.a]);
  }

  std::vector<Claim> claims;
  for (auto& members : clusters) {
    if (members.size() < 2) continue;
    std::sort(members.begin(), members.end(), [&](std::uint32_t x, std::uint32_t y) {
      return ref_less(units[x].ref, units[y].ref);
    });
    Claim claim = make_claim(units, members, score);
    if (claim.support < 2) continue;
    claims.push_back(std::move(claim));
  }
  // What only one source says: every unit in no claim is a claim of support 1.
  if (options.report_unique) {
    for (std::uint32_t u = 0; u < units.size(); ++u) {
      if (!joined[u].empty()) continue;
      Claim claim;
      claim.members.push_back({units[u].ref, 1.0});
      claim.support = claim.independent = 1;
      claims.push_back(std::move(claim));
    }
  }
  std::stable_sort(claims.begin(), claims.end(), [](const Claim& x, const Claim& y) {
    if (x.support != y.support) return x.support > y.support;
    return ref_less(x.members.front().ref, y.members.front().ref);
  });
  return claims;
}

void add_lead_claims(const std::vector<Unit>& units, const AlignOptions& options,
                     std::vector<Claim>* claims) {
  if (options.lead_floor <= 0) return;
  std::vector<Unit> leads;  // copies: link_units and cluster_claims index their own vector
  for (const Unit& unit : units) {
    if (unit.lead) leads.push_back(unit);
  }
  if (leads.size() < 2) return;
  AlignOptions lead_options = options;
  lead_options.linkage_share = 1;  // every member matches every other at the floor itself
  lead_options.mean_linkage_share = 0;
  lead_options.mutual_share = 1;  // no mutual-best links: the floor is the only rule
  lead_options.max_extra_claims = 0;
  lead_options.report_unique = false;
  const TfIdfCosineMatcher matcher(options.lead_floor);
  const std::vector<UnitLink> links = link_units(leads, matcher, lead_options, nullptr);
  std::vector<Claim> found = cluster_claims(leads, links, matcher, lead_options);
  if (found.empty()) return;

  // A lead claim that some shared claim already holds whole adds nothing.
  const MemberIndex known(*claims);
  std::vector<Claim> added;
  for (Claim& lead : found) {
    if (!known.one_holds_all(lead.members)) added.push_back(std::move(lead));
  }
  if (added.empty()) return;

  // A shared claim that overlaps a new lead claim is the same event said once more (two
  // ledes that matched anyway, or a lede and a later sentence): it is folded into the lead
  // claim when each of its other members also reaches the floor against every lead member
  // (complete linkage still holds); otherwise both stay.
  auto index_of = [&](const UnitRef& ref) {
    return static_cast<std::uint32_t>(
        std::lower_bound(units.begin(), units.end(), ref,
                         [](const Unit& u, const UnitRef& r) { return ref_less(u.ref, r); }) -
        units.begin());
  };
  auto score = [&](std::uint32_t x, std::uint32_t y) { return matcher.score(units[x], units[y]); };
  std::vector<char> folded(claims->size(), 0);
  for (Claim& lead : added) {
    std::vector<std::uint32_t> members;  // unit indexes, sorted as the refs are
    for (const ClaimMember& m : lead.members) members.push_back(index_of(m.ref));
    const std::size_t leads_in_claim = members.size();
    for (std::uint32_t c : known.overlapping(lead.members)) {
      if (folded[c]) continue;
      std::vector<std::uint32_t> others;
      bool coherent = true;
      for (const ClaimMember& m : (*claims)[c].members) {
        const std::uint32_t x = index_of(m.ref);
        if (std::binary_search(members.begin(), members.begin() + leads_in_claim, x)) continue;
        for (std::size_t l = 0; l < leads_in_claim && coherent; ++l)
          coherent = score(x, members[l]) >= options.lead_floor;
        others.push_back(x);
      }
      if (!coherent) continue;
      folded[c] = 1;
      members.insert(members.end(), others.begin(), others.end());
    }
    if (members.size() == leads_in_claim) continue;
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    lead = make_claim(units, members, score);
  }

  // Gone: folded claims, and the unique claims of sentences now shared.
  std::vector<UnitRef> now_shared;
  for (const Claim& lead : added) {
    for (const ClaimMember& m : lead.members) now_shared.push_back(m.ref);
  }
  std::sort(now_shared.begin(), now_shared.end(), ref_less);
  std::vector<Claim> kept;
  for (std::uint32_t c = 0; c < claims->size(); ++c) {
    const Claim& claim = (*claims)[c];
    if (folded[c]) continue;
    if (claim.support < 2 && std::binary_search(now_shared.begin(), now_shared.end(),
                                                claim.members.front().ref, ref_less))
      continue;
    kept.push_back(std::move((*claims)[c]));
  }
  kept.insert(kept.end(), std::make_move_iterator(added.begin()),
              std::make_move_iterator(added.end()));
  claims->swap(kept);
  std::stable_sort(claims->begin(), claims->end(), [](const Claim& x, const Claim& y) {
    if (x.support != y.support) return x.support > y.support;
    return ref_less(x.members.front().ref, y.members.front().ref);
  });
}

}  // namespace parallax::align
