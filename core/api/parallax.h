// The Parallax core API: the one header the CLI and the WebAssembly bindings use.
//
// Usage:
//   std::vector<parallax::InputFile> files = {{"reuters.html", html_bytes}, {"ap.txt", text}};
//   auto json = parallax::compare_json(files, {});
//   if (!json.ok()) report(json.error().message); else print(json.value());
//
// compare() runs the whole pipeline: ingest -> segment -> represent -> align ->
// report. Inputs are untrusted bytes; a file that cannot be read (empty, binary,
// too large, bad JSON) becomes a Notice in the result and the others are still
// compared. The call fails (kNoArticles) only when no usable article is left,
// or (kTooLarge) when the whole set is above the limits.
//
// The JSONL helpers take one input line and return one output line, so the CLI
// and the bindings stream the same way and produce the same bytes.
// Nothing here keeps references to caller memory after returning.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/base.h"
#include "ingest/ingest.h"
#include "report/report.h"

namespace parallax {

/// One input: a name (file name, used for format detection and as the default
/// source) and its raw bytes. `bytes` must stay valid during the call only.
struct InputFile {
  std::string name;
  std::string_view bytes;
};

struct CompareOptions {
  ingest::IngestOptions ingest;
  align::AlignOptions align;
  double match_threshold = 0.42;       ///< TF-IDF cosine at which two sentences make one claim
  std::size_t max_articles = 5000;     ///< articles beyond this are skipped with a notice
  std::size_t max_total_bytes = 256u << 20;  ///< whole set; above it the call fails with kTooLarge
};

/// Reads options from a JSON object ({"matchThreshold":0.5,"maxArticles":100,
/// "maxFileBytes":1000000}); unknown keys are ignored, "" or "{}" gives defaults.
/// Fails with kInvalidArgument naming the bad key.
Result<CompareOptions> parse_compare_options(std::string_view json);

/// Runs the pipeline and returns the analysis (see report/report.h for its JSON).
Result<report::Analysis> compare(const std::vector<InputFile>& files, const CompareOptions& options);

/// compare() then report::to_json().
Result<std::string> compare_json(const std::vector<InputFile>& files, const CompareOptions& options);

/// One `match --jsonl` line: {"id","a","b"} -> {"id","same","score"}; an unreadable
/// line -> {"id","error":{"code","message"}}. Never fails.
std::string match_jsonl_line(std::string_view line, represent::Stemmer& stemmer);

/// One `stance --jsonl` line: {"id","claim","body"} -> {"id","label","related"}; an
/// unreadable line -> {"id","error":{...}}. Never fails.
std::string stance_jsonl_line(std::string_view line, represent::Stemmer& stemmer);

/// Applies a per-line function to every non-empty line of a JSONL text and joins
/// the outputs with "\n" (each output line ends with "\n").
std::string map_jsonl(std::string_view text, represent::Stemmer& stemmer,
                      std::string (*per_line)(std::string_view, represent::Stemmer&));

std::string_view version();

}  // namespace parallax
