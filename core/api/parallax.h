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

#include <functional>
#include <map>
#include <memory>
#include <set>
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
  // -- postag (issue 3): a resource that loads in a reduced form says so here.
  /// Messages for the caller to show (e.g. a WordNet without parts of speech: the matcher's
  /// role cues fall back to WordNet senses); empty with the committed resources.
  const std::vector<std::string>& warnings() const { return warnings_; }
  // -- end postag

 private:
  std::shared_ptr<const align::LearnedMatcher> matcher_;
  std::shared_ptr<const stance::StanceModel> stance_;
  std::vector<std::string> warnings_;  // postag
};

struct CompareOptions {
  ingest::IngestOptions ingest;
  align::AlignOptions align;
  /// Score at which two sentences make one claim; < 0: the matcher's own (context cosine
  /// 0.35, plain TF-IDF cosine 0.42, or the learned model's cross-validated threshold).
  double match_threshold = -1;
  /// Use the learned matcher (when the resources hold one) for claims. Off by default: trained
  /// on MSRP, whose pairs all share many words, it over-links unrelated sentences of one story
  /// (measured with scripts/eval-align.mjs); `match` uses it, `compare` keeps TF-IDF for now.
  bool learned_matcher = false;
  /// With the learned matcher, pairs whose TF-IDF cosine is below this are not the same claim.
  double lexical_gate = 0.3;
  /// TF-IDF matchers: weight of a sentence's paragraph in its vector (align::ContextCosineMatcher,
  /// the default); 0 gives the plain sentence TF-IDF cosine ("matcher":"tfidf").
  double context_weight = 0.3;
  // --- softalign (issue 3; docs/alignment.md "Soft unit vectors"): off by default. Both need
  // the resources' WordNet / lexicon (the learned matcher's); without them they do nothing.
  /// > 0: each unit vector also holds its terms' WordNet synonyms and derivations found in the
  /// set, at this share of the term's weight (align::expand_vectors; "wordnetWeight").
  double wordnet_weight = 0;
  /// ... counting a word's direct hypernyms too ("blaze" ~ "fire"), not only its synonyms and
  /// derivations ("wordnetHypernyms").
  bool wordnet_hypernyms = true;
  /// ... and the candidate index sees them too (else only the scores: "wordnetCandidates").
  bool wordnet_candidates = true;
  /// ... at most this many neighbours per term ("wordnetNeighbours", 1 to 64).
  double wordnet_neighbours = 8;
  /// > 0: the score is (1 - b) * the TF-IDF score + b * the cosine of the units' latent
  /// (LSA) vectors (align::LatentBlendMatcher; "latentBlend").
  double latent_blend = 0;
  // --- end softalign
  std::size_t max_articles = 5000;           ///< articles beyond this are skipped with a notice
  std::size_t max_total_bytes = 256u << 20;  ///< whole set; above it the call fails with kTooLarge
};

/// Reads options from a JSON object ({"matchThreshold":0.5,"maxArticles":100,
/// "maxFileBytes":1000000,"maxTotalBytes":…,"matcher":"context"|"tfidf"|"learned",
/// "lexicalGate":0.3,"contextWeight":0.3,"mutualShare":0.7,"mutualMargin":0,
/// "linkageShare":0.35,"meanLinkageShare":0,"wordnetWeight":0,"wordnetHypernyms":true,"wordnetCandidates":true,"wordnetNeighbours":8,"latentBlend":0});
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

// ---- staged compare: the analysis reported stage by stage (owner: stream, issue 6) ----

/// Names of the stages compare() reports to a CompareObserver, in this order:
///   kStageSegmented  articles (sources, titles, paragraphs, sentences) and ingest notices; no
///                    claims, rows, links or reuse yet (empty), words 0, sentence claims empty.
///   kStageAligned    + claims, rows, links, verbatim reuse, words and reused shares.
///   kStageComplete   + facts, contradictions, omissions, actors, stance: the analysis compare()
///                    returns (report::to_json of it is compare_json's output, byte for byte).
/// A call that fails (kNoArticles, kTooLarge) reports no stage.
inline constexpr std::string_view kStageSegmented = "segmented";
inline constexpr std::string_view kStageAligned = "aligned";
inline constexpr std::string_view kStageComplete = "complete";

/// Called on the caller's thread inside compare(), once per stage as it finishes. The analysis is
/// valid only during the call (copy what you keep). The callback does its own I/O, if any.
using CompareObserver =
    std::function<void(std::string_view stage, const report::Analysis& analysis)>;

/// compare(), telling `on_stage` (may be empty) about each stage as it finishes.
Result<report::Analysis> compare(const std::vector<InputFile>& files, const CompareOptions& options,
                                 const Resources& resources, const CompareObserver& on_stage);

// ---- end staged compare ----

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

// ---- compare over JSONL: one article per line, one comparison per story (owner: perf) ----

/// `compare --jsonl`: groups article lines by story and compares each story.
///   in:  {"story": string|number, "name"?: string, "text"|"html": string,
///         "title"?, "source"?, "url"?, "published"?}              (one article per line)
///   out: {"story":<as given>,"inputs":N,"analysis":{parallax/1}}    (one line per story)
///        {"story":...,"error":{"code","message"}}                    (the story could not be
///        compared)
///        {"story":<or null>,"line":N,"error":{...}}                  (a line that is not an
///        article)
/// An article's name is its "name" (default "article-K", K its 1-based place in the story),
/// with ".json" appended unless it ends so (the line is read as a JSON article file).
/// Grouped (default): lines of one story must be consecutive; a story ends when a line of
/// another story (or the end of input) arrives, and its line is returned then, so output
/// streams and memory holds one story at a time. A story that comes back after others is
/// compared again on its own, and its line carries "warning". Unsorted: every story is held
/// until finish() and written in order of first appearance (memory: the whole input).
/// A story above options.max_total_bytes keeps no more bytes and gives a too_large error.
class StoryGrouper {
 public:
  StoryGrouper(const CompareOptions& options, const Resources& resources, bool unsorted = false);
  /// Feeds one input line (without its "\n"); returns the output lines it completes, each
  /// ending in "\n" (usually none or one).
  std::string add_line(std::string_view line);
  /// End of input: the lines of the stories still held.
  std::string finish();
  /// Bytes of article lines held now (what bounds memory).
  std::size_t held_bytes() const;

 private:
  struct Story {
    std::string key;  // the "story" value as compact JSON
    std::vector<std::string> names;
    std::vector<std::string> lines;
    std::size_t bytes = 0;
    std::size_t inputs = 0;
    bool too_large = false;
    bool repeated = false;
  };
  std::string flush(Story& story) const;

  CompareOptions options_;
  const Resources* resources_;
  bool unsorted_;
  std::size_t line_number_ = 0;
  std::vector<Story> pending_;                // grouped: at most one; unsorted: every story
  std::map<std::string, std::size_t> where_;  // unsorted: story key -> index in pending_
  std::set<std::string> finished_;            // grouped: keys already written
};

/// Compares one story's articles and returns its output line (without "\n"):
/// {"story":<story_json>,"inputs":N,"analysis":{...}} or {"story":...,"error":{...}}.
std::string compare_story_line(std::string_view story_json, const std::vector<InputFile>& articles,
                               const CompareOptions& options, const Resources& resources = {});

// ---- end of compare over JSONL ----

std::string_view version();

}  // namespace parallax
