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

#include <memory>
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

/// Learned resources of the pipeline (WordNet, the news lexicon, the matcher model),
/// parsed once from their bytes and shared read-only by every call that is given them.
/// A default-constructed Resources means the baseline TF-IDF matcher.
class Resources {
 public:
  /// File names of the resources, as shipped in resources/.
  static constexpr std::string_view kWordNet = "wordnet-en.bin";
  static constexpr std::string_view kLexicon = "news-lexicon.bin";
  static constexpr std::string_view kMatcherModel = "matcher-v1.json";
  /// The claim-vs-body stance model (`stance`); loaded alone, needs no other file.
  static constexpr std::string_view kStanceModel = "stance-v1.json";

  /// Builds resources from files named as above (a path prefix is ignored; unknown names are
  /// ignored). Without the model the result is the baseline; the model needs the other two.
  /// Fails with kInvalidArgument, naming the file, when one is corrupt or the model's
  /// companions are missing. The bytes are only read during the call.
  /// stance-v1.json, when given, replaces the rule-based `stance` baseline (else kept).
  static Result<Resources> load(const std::vector<InputFile>& files);

  /// The learned matcher, or null (baseline).
  const align::LearnedMatcher* matcher() const { return matcher_.get(); }
  /// "learned-v1" or "tfidf-baseline": reported in the JSON so readers know what matched.
  std::string_view matcher_name() const { return matcher_ ? "learned-v1" : "tfidf-baseline"; }
  /// The learned stance model, or null (the rule-based baseline).
  const stance::StanceModel* stance_model() const { return stance_.get(); }

 private:
  std::shared_ptr<const align::LearnedMatcher> matcher_;
  std::shared_ptr<const stance::StanceModel> stance_;
};

struct CompareOptions {
  ingest::IngestOptions ingest;
  align::AlignOptions align;
  /// Score at which two sentences make one claim; < 0: the matcher's own (TF-IDF cosine 0.42,
  /// or the learned model's cross-validated threshold).
  double match_threshold = -1;
  /// Use the learned matcher (when the resources hold one) for claims. Off by default: trained
  /// on MSRP, whose pairs all share many words, it over-links unrelated sentences of one story
  /// (measured with scripts/eval-align.mjs); `match` uses it, `compare` keeps TF-IDF for now.
  bool learned_matcher = false;
  /// With the learned matcher, pairs whose TF-IDF cosine is below this are not the same claim.
  double lexical_gate = 0.3;
  std::size_t max_articles = 5000;           ///< articles beyond this are skipped with a notice
  std::size_t max_total_bytes = 256u << 20;  ///< whole set; above it the call fails with kTooLarge
};

/// Reads options from a JSON object ({"matchThreshold":0.5,"maxArticles":100,
/// "maxFileBytes":1000000,"maxTotalBytes":…,"matcher":"learned"|"tfidf","lexicalGate":0.3});
/// unknown keys are ignored, "" or "{}" gives defaults.
/// Fails with kInvalidArgument naming the bad key.
Result<CompareOptions> parse_compare_options(std::string_view json);

/// Runs the pipeline and returns the analysis (see report/report.h for its JSON), with the
/// learned matcher when `resources` has one, else the TF-IDF baseline.
Result<report::Analysis> compare(const std::vector<InputFile>& files, const CompareOptions& options,
                                 const Resources& resources = {});

/// compare() then report::to_json().
Result<std::string> compare_json(const std::vector<InputFile>& files, const CompareOptions& options,
                                 const Resources& resources = {});

/// One `match --jsonl` line: {"id","a","b"} -> {"id","same","score"}; an unreadable
/// line -> {"id","error":{"code","message"}}. Never fails.
std::string match_jsonl_line(std::string_view line, const Resources& resources,
                             represent::Stemmer& stemmer);

/// One `stance --jsonl` line: {"id","claim","body"} -> {"id","label","related","scores":
/// {"agree","disagree","discuss","unrelated"},"evidence":{"text","start","end"}} (evidence
/// omitted when unrelated), with the learned stance model when `resources` has one; an
/// unreadable line -> {"id","error":{...}}. Never fails.
std::string stance_jsonl_line(std::string_view line, const Resources& resources,
                              represent::Stemmer& stemmer);

/// `stance --jsonl` over a stream of lines: the same bytes as stance_jsonl_line, but each
/// distinct body is analysed once (a cache of recent bodies, at most kCacheBytes of body
/// text, oldest dropped first), so many claims against few bodies cost little per pair.
class StanceSession {
 public:
  explicit StanceSession(const Resources& resources);
  ~StanceSession();
  StanceSession(const StanceSession&) = delete;
  StanceSession& operator=(const StanceSession&) = delete;
  /// One input line -> one output line (no newline).
  std::string line(std::string_view line, represent::Stemmer& stemmer);
  /// Like map_jsonl: every non-blank line, each output line ending with "\n".
  std::string lines(std::string_view text, represent::Stemmer& stemmer);
  static constexpr std::size_t kCacheBytes = 64u << 20;

 private:
  struct Cache;
  Resources resources_;
  std::unique_ptr<Cache> cache_;
};

using JsonlLineFunction = std::string (*)(std::string_view, const Resources&, represent::Stemmer&);

/// Applies a per-line function to every non-blank line of a JSONL text; each output
/// line ends with "\n".
std::string map_jsonl(std::string_view text, const Resources& resources,
                      represent::Stemmer& stemmer, JsonlLineFunction per_line);

std::string_view version();

}  // namespace parallax
