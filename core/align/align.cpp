#include "align/align.h"

namespace parallax::align {

AlignResult align_articles(const std::vector<Unit>& units,
                           const std::vector<std::uint32_t>& paragraph_counts,
                           const SentenceMatcher& matcher, const AlignOptions& options) {
  AlignResult result;
  result.unit_links = link_units(units, matcher, options, &result.truncated);
  result.claims = cluster_claims(units, result.unit_links, matcher, options);
  align_rows(result.claims, paragraph_counts, &result.rows, &result.links);
  return result;
}

}  // namespace parallax::align
