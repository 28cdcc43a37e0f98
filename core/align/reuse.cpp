// Verbatim reuse between articles from hashed word shingles.
//
// Every run of `shingle_words` consecutive words is hashed (from each word's fnv1a64: the
// same on every platform). Shingles found in two articles give matches (article a, word i,
// article b, word j); matches on one diagonal (i - j constant) with consecutive i form
// one copied passage. Hash collisions are checked by comparing the words themselves.
#include <algorithm>
#include <tuple>

#include "align/align.h"

namespace parallax::align {

namespace {

// The shingle of words [at, at + n) from the words' own hashes (fnv1a64 of each word, taken
// once per word), combined FNV-style one 64-bit word hash at a time: order matters, and a
// word boundary can never shift ("ab c" and "a bc" are different word hashes).
std::uint64_t hash_shingle(const std::vector<std::uint64_t>& word_hashes, std::size_t at,
                           std::size_t n) {
  std::uint64_t hash = fnv1a64("");
  for (std::size_t k = at; k < at + n; ++k) {
    hash ^= word_hashes[k];
    hash *= 0x100000001b3ull;  // the FNV-1a 64-bit prime
  }
  return hash;
}

bool same_words(const ArticleWords& x, std::size_t i, const ArticleWords& y, std::size_t j,
                std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    if (!same_bytes(x.words[i + k], y.words[j + k])) return false;  // no memcmp call
  }
  return true;
}

struct Occurrence {
  std::uint64_t hash;
  std::uint32_t article;
  std::uint32_t position;
};

struct Match {
  std::uint32_t a, b;  // articles, a < b
  std::int64_t diagonal;
  std::uint32_t i, j;  // shingle starts in a and b
};

// The two loops of find_reuse that run per article and per group of equal hashes, out of
// line on purpose: find_reuse runs once per compare, and V8 runs a WebAssembly function's
// optimised code only from its next call on (docs/bench.md, "Round 5").
[[gnu::noinline]] void add_shingles(const std::vector<std::string_view>& words, std::uint32_t a,
                                    std::size_t n, std::vector<std::uint64_t>& word_hashes,
                                    std::vector<Occurrence>& shingles) {
  word_hashes.clear();
  for (const std::string_view word : words) word_hashes.push_back(fnv1a64(word));
  for (std::size_t i = 0; i + n <= words.size(); ++i) {
    shingles.push_back({hash_shingle(word_hashes, i, n), a, static_cast<std::uint32_t>(i)});
  }
}

// Every pair of occurrences [group, end) (one hash) from two articles whose words really are
// the same, in (x, y) order.
[[gnu::noinline]] void match_group(const std::vector<ArticleWords>& articles,
                                   const std::vector<Occurrence>& shingles, std::size_t group,
                                   std::size_t end, std::size_t n, std::vector<Match>& matches) {
  for (std::size_t x = group; x < end; ++x) {
    for (std::size_t y = x + 1; y < end; ++y) {
      const Occurrence& p = shingles[x];
      const Occurrence& q = shingles[y];
      if (p.article == q.article) continue;
      if (!same_words(articles[p.article], p.position, articles[q.article], q.position, n)) {
        continue;  // a hash collision
      }
      matches.push_back({p.article, q.article, static_cast<std::int64_t>(p.position) - q.position,
                         p.position, q.position});
    }
  }
}

}  // namespace

std::vector<ReusedPassage> find_reuse(const std::vector<ArticleWords>& articles,
                                      const ReuseOptions& options) {
  std::vector<ReusedPassage> passages;
  const std::size_t n = std::max<std::size_t>(1, options.shingle_words);

  // Every shingle as (hash, article, position), sorted by hash: equal shingles end up
  // side by side without a hash map of vectors.
  std::vector<Occurrence> shingles;
  std::vector<std::uint64_t> word_hashes;
  for (std::uint32_t a = 0; a < articles.size(); ++a) {
    add_shingles(articles[a].words, a, n, word_hashes, shingles);
  }
  std::sort(shingles.begin(), shingles.end(), [](const Occurrence& x, const Occurrence& y) {
    return std::tie(x.hash, x.article, x.position) < std::tie(y.hash, y.article, y.position);
  });

  std::vector<Match> matches;
  for (std::size_t group = 0; group < shingles.size();) {
    std::size_t end = group + 1;
    while (end < shingles.size() && shingles[end].hash == shingles[group].hash) ++end;
    const std::size_t count = end - group;
    // Occurrences are sorted by article, so a shingle found in one article only is skipped at once.
    if (count >= 2 && count <= options.max_occurrences &&
        shingles[group].article != shingles[end - 1].article) {
      match_group(articles, shingles, group, end, n, matches);
    }
    group = end;
  }
  // Group matches by article pair and diagonal; runs of consecutive shingles are passages.
  std::sort(matches.begin(), matches.end(), [](const Match& x, const Match& y) {
    return std::tie(x.a, x.b, x.diagonal, x.i) < std::tie(y.a, y.b, y.diagonal, y.i);
  });

  for (std::size_t k = 0; k < matches.size();) {
    std::size_t end = k + 1;
    while (end < matches.size() && matches[end].a == matches[k].a &&
           matches[end].b == matches[k].b && matches[end].diagonal == matches[k].diagonal &&
           matches[end].i <= matches[end - 1].i + 1) {
      ++end;
    }
    const Match& first = matches[k];
    const Match& last = matches[end - 1];
    const std::uint32_t words = last.i - first.i + static_cast<std::uint32_t>(n);
    if (words >= options.min_words) {
      const ArticleWords& x = articles[first.a];
      const ArticleWords& y = articles[first.b];
      const std::size_t x_end = last.i + n - 1;
      const std::size_t y_end = last.j + n - 1;
      passages.push_back({first.a,
                          first.b,
                          {x.spans[first.i].start, x.spans[x_end].end},
                          {y.spans[first.j].start, y.spans[y_end].end},
                          words});
    }
    k = end;
  }
  std::sort(passages.begin(), passages.end(), [](const ReusedPassage& x, const ReusedPassage& y) {
    return std::tie(x.article_a, x.article_b, x.span_a.start, x.span_b.start) <
           std::tie(y.article_a, y.article_b, y.span_a.start, y.span_b.start);
  });
  return passages;
}

}  // namespace parallax::align

namespace parallax::align {

namespace {

bool covers(Span passage, Span sentence) {
  const std::size_t start = std::max(passage.start, sentence.start);
  const std::size_t end = std::min(passage.end, sentence.end);
  return end > start && (end - start) * 5 >= sentence.size() * 4;  // at least 80% of the sentence
}

std::uint32_t find_root(std::vector<std::uint32_t>& parent, std::uint32_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

void count_independent_sources(std::vector<Claim>& claims, const std::vector<ReusedPassage>& reuse,
                               const std::function<Span(const UnitRef&)>& sentence_span) {
  for (Claim& claim : claims) {
    const auto& members = claim.members;
    std::vector<std::uint32_t> parent(members.size());
    for (std::uint32_t m = 0; m < members.size(); ++m) parent[m] = m;
    for (std::uint32_t x = 0; x < members.size(); ++x) {
      for (std::uint32_t y = x + 1; y < members.size(); ++y) {
        const UnitRef& p = members[x].ref;
        const UnitRef& q = members[y].ref;
        bool copied = p.article == q.article;
        if (!copied) {
          const UnitRef& lo = p.article < q.article ? p : q;
          const UnitRef& hi = p.article < q.article ? q : p;
          const Span lo_span = sentence_span(lo);
          const Span hi_span = sentence_span(hi);
          // `reuse` is ordered by article pair: look at this pair's passages only.
          auto first = std::lower_bound(
              reuse.begin(), reuse.end(), std::make_pair(lo.article, hi.article),
              [](const ReusedPassage& r, const std::pair<std::uint32_t, std::uint32_t>& key) {
                return std::make_pair(r.article_a, r.article_b) < key;
              });
          for (auto it = first;
               it != reuse.end() && it->article_a == lo.article && it->article_b == hi.article;
               ++it) {
            if (covers(it->span_a, lo_span) && covers(it->span_b, hi_span)) {
              copied = true;
              break;
            }
          }
        }
        if (copied) parent[find_root(parent, x)] = find_root(parent, y);
      }
    }
    std::uint32_t sources = 0;
    for (std::uint32_t m = 0; m < members.size(); ++m) sources += find_root(parent, m) == m ? 1 : 0;
    claim.independent = sources;
  }
}

}  // namespace parallax::align
