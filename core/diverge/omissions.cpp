// Omissions: per article, the shared claims most other articles make and it leaves out.
//
// A claim is missing from article A when its support is >= 2, A has no member in it, and the
// articles that make it are at least half of the other articles. Ranked by support (higher
// first), then by claim index. Linear in the claims' members.
#include <algorithm>

#include "diverge/diverge.h"

namespace parallax::diverge {

std::vector<Omission> find_omissions(const std::vector<align::Claim>& claims,
                                     std::size_t article_count) {
  std::vector<Omission> out(article_count);
  for (std::size_t a = 0; a < article_count; ++a) out[a].article = static_cast<std::uint32_t>(a);
  if (article_count < 2) return out;
  std::vector<std::uint32_t> present(article_count, 0);
  for (std::size_t c = 0; c < claims.size(); ++c) {
    const align::Claim& claim = claims[c];
    if (claim.support < 2) continue;
    const std::uint32_t mark = static_cast<std::uint32_t>(c + 1);
    for (const align::ClaimMember& m : claim.members)
      if (m.ref.article < article_count) present[m.ref.article] = mark;
    const std::size_t others = article_count - 1;
    if (2 * static_cast<std::size_t>(claim.support) < others) continue;
    for (std::size_t a = 0; a < article_count; ++a) {
      if (present[a] == mark) continue;
      out[a].missing.push_back({static_cast<std::uint32_t>(c), claim.support});
    }
  }
  for (Omission& o : out) {
    std::stable_sort(o.missing.begin(), o.missing.end(),
                     [](const Omission::Missing& x, const Omission::Missing& y) {
                       if (x.support != y.support) return x.support > y.support;
                       return x.claim < y.claim;
                     });
  }
  return out;
}

}  // namespace parallax::diverge
