// Report: the analysis as "parallax/1" JSON, and as a readable summary.
//
// Last stage of the pipeline. The JSON is the contract other programs read:
// fields are only ever added, never renamed or removed. Output is deterministic
// (same input -> same bytes, natively and in WebAssembly): scores are rounded to
// 4 decimals and nothing depends on hash order or the clock.
//
//   { "schema": "parallax/1", "version", "matcher",
//     "articles": [ { "id", "name", "title", "source", "url", "published", "format", "encoding",
//         "bytes", "warnings", "words", "reused_share",
//         "paragraphs": [ { "text", "start", "end", "kind", "reason"?,
//             "sentences": [ { "text", "start", "end", "claims": [claim index...] } ] } ] } ],
//     "claims":   [ { "id", "label", "support", "independent",
//                     "members": [ { "article", "paragraph", "sentence", "score" } ] } ],
//     "rows":     [ { "members": [ { "article", "paragraph" } ], "score" } ],
//     "links":    [ { "a": { "article", "paragraph" }, "b": { ... }, "score" } ],
//     "reuse":    [ { "a": { "article", "start", "end", "share" }, "b": { ... }, "words" } ],
//     "facts": [ { "article", "paragraph", "sentence", "kind", "text", "value", "start", "end" } ],
//     "contradictions": [ { "id", "kind", "scope", "confidence", "shown", "claim", "subject",
//                           "a": { "article", "paragraph", "sentence", "text", "value", "start",
//                                  "end" }, "b": { ... }, "note" } ],
//     "omissions": [ { "article", "missing": [ { "claim", "support" } ] } ],
//     "actors":   [ { "id", "name", "aliases", "articles", "mentions" } ],
//     "stance":   [ { "article", "tone", "subjectivity", "hedging", "attribution", "targets" } ],
//     "notices":  [ { "file", "code", "severity", "message" } ],
//     "limits":   { "truncated" } }
// Offsets (start, end) are UTF-8 byte offsets into the article's decoded text.
#pragma once

#include <string>
#include <vector>

#include "align/align.h"
#include "diverge/diverge.h"
#include "ingest/ingest.h"
#include "segment/segment.h"
#include "stance/stance.h"

namespace parallax::report {

inline constexpr std::string_view kSchema = "parallax/1";
inline constexpr std::string_view kVersion = "0.1.0";

struct Article {
  ingest::RawArticle raw;
  std::vector<segment::Paragraph> paragraphs;
  std::uint32_t words = 0;  ///< words outside boilerplate
  std::uint32_t reused_words =
      0;  ///< of those, words inside a passage copied verbatim with another article
};

/// A problem with one input that did not stop the comparison ("binary file skipped").
struct Notice {
  std::string file;
  std::string code;      ///< error_code_name(...) or a warning code ("encoding", ...)
  std::string severity;  ///< "error" (input skipped) or "warning" (input used)
  std::string message;
};

struct Analysis {
  std::vector<Article> articles;
  align::AlignResult alignment;
  std::vector<align::ReusedPassage> reuse;
  std::vector<Notice> notices;
  std::string matcher = "tfidf-baseline";  ///< which sentence matcher made the claims
  // --- diverge (issue 4: facts, contradictions, omissions) ---
  diverge::DivergeResult divergence;  ///< "facts", "contradictions", "omissions"
  // --- end diverge ---
  // --- Article stance (owner: "tone"): "actors" and "stance" in the JSON ---
  stance::ActorSet actors;
  std::vector<stance::ArticleStance> article_stance;
  // --- end article stance ---
};

/// The parallax/1 document, compact (no whitespace), UTF-8.
std::string to_json(const Analysis& analysis);

/// A few lines per article and the most supported claims, for people at a terminal.
std::string to_summary(const Analysis& analysis);

/// A short readable label for a claim: its most central sentence without a leading
/// Markdown heading marker, bullet or list number ("## ", "- ", "2. "), cut at a word
/// boundary to at most `max_bytes` bytes (plus an ellipsis).
std::string claim_label(std::string_view sentence, std::size_t max_bytes = 100);

/// One output line of `match --jsonl`: {"id","same","score"}.
std::string match_line(const std::string& id_json, bool same, double score);
/// One output line of `stance --jsonl`: {"id","label","related","scores":{"agree","disagree",
/// "discuss","unrelated"},"evidence":{"text","start","end"}} (evidence: a sentence of `body`,
/// omitted when unrelated).
std::string stance_line(const std::string& id_json, const stance::ClaimStance& stance,
                        std::string_view body);
/// One output line for a JSONL input line that could not be read: {"id","error"}.
std::string error_line(const std::string& id_json, const Error& error);

}  // namespace parallax::report
