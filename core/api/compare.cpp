// compare(): the whole pipeline, from untrusted bytes to an Analysis.
#include <algorithm>
#include <iterator>

#include <nlohmann/json.hpp>

#include "api/parallax.h"
#include "represent/represent.h"

namespace parallax {

namespace {

using Json = nlohmann::json;

std::string megabytes(std::size_t bytes) {
  const std::size_t tenths = (bytes * 10 + (1u << 19)) >> 20;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

bool has_comparable_text(const std::vector<segment::Paragraph>& paragraphs) {
  for (const auto& p : paragraphs) {
    if (!p.boilerplate && !p.sentences.empty()) return true;
  }
  return false;
}

// The first row of a table of two or more rows names its columns ("Topic | Focus | Outcome"):
// it makes no claim, and headers of different tables look alike.
bool is_table_header(const segment::Paragraph& paragraph, std::size_t sentence) {
  return paragraph.kind == segment::ParagraphKind::kTable && sentence == 0 &&
         paragraph.sentences.size() > 1;
}

// Optional numeric option: absent is fine, present must be a number in [low, high].
bool read_number(const Json& object, const char* key, double low, double high, double* out,
                 Error* error) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return true;
  if (!it->is_number() || it->get<double>() < low || it->get<double>() > high) {
    *error = {ErrorCode::kInvalidArgument, std::string("Option \"") + key +
                                               "\" must be a number between " + Json(low).dump() +
                                               " and " + Json(high).dump() + "."};
    return false;
  }
  *out = it->get<double>();
  return true;
}

// Another matcher's scores with a different threshold (CompareOptions::match_threshold), and
// a lexical gate: pairs whose TF-IDF cosine is below `gate` score 0 (CompareOptions::lexical_gate).
class WithThreshold final : public align::SentenceMatcher {
 public:
  WithThreshold(const align::SentenceMatcher& inner, double threshold, double gate)
      : inner_(inner), threshold_(threshold), gate_(gate) {}
  void prepare(align::Unit& unit, std::string_view text, Span span,
               represent::Stemmer& stemmer) const override {
    inner_.prepare(unit, text, span, stemmer);
  }
  double score(const align::Unit& a, const align::Unit& b) const override {
    if (gate_ > 0 && represent::cosine(a.vector, b.vector) < gate_) return 0.0;
    return inner_.score(a, b);
  }
  // The inner matcher's batch scoring when there is no gate (the
  // gate needs each pair's own cosine; then score() per pair).
  void score_many(const align::Unit& a, const std::vector<align::Unit>& units,
                  const std::vector<std::uint32_t>& others, align::MatchScratch& scratch,
                  std::vector<double>* scores) const override {
    if (gate_ > 0) {
      align::SentenceMatcher::score_many(a, units, others, scratch, scores);
    } else {
      inner_.score_many(a, units, others, scratch, scores);
    }
  }
  double threshold() const override { return threshold_; }

 private:
  const align::SentenceMatcher& inner_;
  double threshold_;
  double gate_;
};

// --- verbatim reuse (issue 6, owner: jsonwriter): every paragraph is tokenized once, in
// compare's unit loop; its tokens give the sentences' terms and then the shingles here ---

// Word runs copied verbatim between articles and each article's reused share, from the tokens
// of every non-boilerplate paragraph (`tokens[a]`, in text order; consumed).
void find_verbatim_reuse(report::Analysis& analysis,
                         std::vector<std::vector<segment::Token>> tokens) {
  std::vector<align::ArticleWords> words(analysis.articles.size());
  for (std::size_t a = 0; a < analysis.articles.size(); ++a) {
    words[a].words.reserve(tokens[a].size());
    words[a].spans.reserve(tokens[a].size());
    for (const segment::Token& token : tokens[a]) {
      words[a].words.push_back(token.norm);
      words[a].spans.push_back(token.span);
    }
    analysis.articles[a].words = static_cast<std::uint32_t>(tokens[a].size());
  }
  analysis.reuse = align::find_reuse(words);

  // Reused words per article: words inside any passage shared with another article.
  std::vector<std::vector<bool>> reused(words.size());
  for (std::size_t a = 0; a < words.size(); ++a) reused[a].assign(words[a].spans.size(), false);
  auto mark = [&](std::uint32_t article, Span span) {
    const auto& spans = words[article].spans;
    auto first = std::lower_bound(spans.begin(), spans.end(), span.start,
                                  [](const Span& s, std::size_t start) { return s.start < start; });
    for (auto it = first; it != spans.end() && it->end <= span.end; ++it)
      reused[article][it - spans.begin()] = true;
  };
  for (const align::ReusedPassage& passage : analysis.reuse) {
    mark(passage.article_a, passage.span_a);
    mark(passage.article_b, passage.span_b);
  }
  for (std::size_t a = 0; a < words.size(); ++a) {
    analysis.articles[a].reused_words =
        static_cast<std::uint32_t>(std::count(reused[a].begin(), reused[a].end(), true));
  }
}

// The number of independent sources behind every claim (needs the claims and the reuse).
void count_independent_sources(report::Analysis& analysis) {
  align::count_independent_sources(analysis.alignment.claims, analysis.reuse,
                                   [&](const align::UnitRef& ref) {
                                     return analysis.articles[ref.article]
                                         .paragraphs[ref.paragraph]
                                         .sentences[ref.sentence]
                                         .span;
                                   });
}
// --- end verbatim reuse ---

}  // namespace

std::string_view version() {
  return report::kVersion;
}

Result<CompareOptions> parse_compare_options(std::string_view json) {
  CompareOptions options;
  if (json.find_first_not_of(" \t\r\n") == std::string_view::npos) return options;
  const Json object = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded() || !object.is_object()) {
    return Error{ErrorCode::kInvalidArgument,
                 "Options must be a JSON object, e.g. {\"matchThreshold\": 0.5}."};
  }
  Error error{ErrorCode::kInvalidArgument, ""};
  double threshold = options.match_threshold;
  double max_articles = static_cast<double>(options.max_articles);
  double max_file_bytes = static_cast<double>(options.ingest.max_file_bytes);
  double max_total_bytes = static_cast<double>(options.max_total_bytes);
  double lexical_gate = options.lexical_gate;
  if (!read_number(object, "matchThreshold", 0.01, 1.0, &threshold, &error) ||
      !read_number(object, "maxArticles", 1, 100000, &max_articles, &error) ||
      !read_number(object, "maxFileBytes", 1, 1024.0 * 1024 * 1024, &max_file_bytes, &error) ||
      !read_number(object, "maxTotalBytes", 1, 4096.0 * 1024 * 1024, &max_total_bytes, &error) ||
      !read_number(object, "lexicalGate", 0, 1, &lexical_gate, &error) ||
      !read_number(object, "contextWeight", 0, 10, &options.context_weight, &error) ||
      !read_number(object, "mutualShare", 0, 1, &options.align.mutual_share, &error) ||
      !read_number(object, "mutualMargin", 0, 1, &options.align.mutual_margin, &error) ||
      !read_number(object, "linkageShare", 0, 1, &options.align.linkage_share, &error) ||
      !read_number(object, "meanLinkageShare", 0, 2, &options.align.mean_linkage_share, &error) ||
      !read_number(object, "leadFloor", 0, 1, &options.align.lead_floor, &error) ||
      // --- softalign
      !read_number(object, "wordnetWeight", 0, 1, &options.wordnet_weight, &error) ||
      !read_number(object, "latentBlend", 0, 1, &options.latent_blend, &error) ||
      !read_number(object, "wordnetNeighbours", 1, 64, &options.wordnet_neighbours,
                   &error)) {  // end softalign
    return error;
  }
  options.match_threshold = threshold;
  options.max_articles = static_cast<std::size_t>(max_articles);
  options.ingest.max_file_bytes = static_cast<std::size_t>(max_file_bytes);
  options.max_total_bytes = static_cast<std::size_t>(max_total_bytes);
  options.lexical_gate = lexical_gate;
  // --- softalign
  for (auto [key, flag] : {std::pair{"wordnetHypernyms", &options.wordnet_hypernyms},
                           std::pair{"wordnetCandidates", &options.wordnet_candidates}}) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) continue;
    if (!it->is_boolean())
      return Error{ErrorCode::kInvalidArgument,
                   std::string("Option \"") + key + "\" must be true or false."};
    *flag = it->get<bool>();
  }
  // --- end softalign
  if (auto it = object.find("matcher"); it != object.end() && !it->is_null()) {
    if (!it->is_string() || (*it != "learned" && *it != "tfidf" && *it != "context")) {
      return Error{ErrorCode::kInvalidArgument,
                   "Option \"matcher\" must be \"context\", \"tfidf\" or \"learned\"."};
    }
    options.learned_matcher = *it == "learned";
    if (*it == "tfidf") options.context_weight = 0;
  }
  return options;
}

// ---- staged compare (owner: stream): compare() without an observer ----
Result<report::Analysis> compare(const std::vector<InputFile>& files, const CompareOptions& options,
                                 const Resources& resources) {
  return compare(files, options, resources, CompareObserver{});
}
// ---- end staged compare ----

Result<report::Analysis> compare(const std::vector<InputFile>& files, const CompareOptions& options,
                                 const Resources& resources, const CompareObserver& on_stage) {
  std::size_t total_bytes = 0;
  for (const InputFile& file : files) total_bytes += file.bytes.size();
  if (total_bytes > options.max_total_bytes) {
    return Error{ErrorCode::kTooLarge, "The " + std::to_string(files.size()) + " files hold " +
                                           megabytes(total_bytes) + "; Parallax compares at most " +
                                           megabytes(options.max_total_bytes) +
                                           " at once. Split the set and compare it in parts."};
  }

  report::Analysis analysis;
  std::size_t skipped_for_limit = 0;
  for (const InputFile& file : files) {
    auto read = ingest::ingest_file(file.bytes, file.name, options.ingest);
    if (!read.ok()) {
      analysis.notices.push_back({file.name, std::string(error_code_name(read.error().code)),
                                  "error", read.error().message});
      continue;
    }
    for (ingest::RawArticle& raw : read.value()) {
      if (analysis.articles.size() >= options.max_articles) {
        ++skipped_for_limit;
        continue;
      }
      for (const std::string& warning : raw.warnings) {
        analysis.notices.push_back({raw.name, "warning", "warning", raw.name + ": " + warning});
      }
      report::Article article;
      article.paragraphs = segment::segment_article(raw);
      if (raw.title.empty()) raw.title = segment::infer_title(raw.text, article.paragraphs);
      if (!has_comparable_text(article.paragraphs)) {
        analysis.notices.push_back({raw.name, "no_text", "warning",
                                    raw.name +
                                        " holds no article text outside boilerplate; it is shown "
                                        "but takes no part in the comparison."});
      }
      article.raw = std::move(raw);
      analysis.articles.push_back(std::move(article));
    }
  }
  if (skipped_for_limit > 0) {
    analysis.notices.push_back({"", std::string(error_code_name(ErrorCode::kTooLarge)), "error",
                                std::to_string(skipped_for_limit) +
                                    " articles beyond the limit of " +
                                    std::to_string(options.max_articles) + " were not compared."});
  }
  if (analysis.articles.empty()) {
    std::string message = files.empty() ? std::string("No input files were given.")
                                        : "None of the " + std::to_string(files.size()) +
                                              " inputs could be read as an article.";
    if (!analysis.notices.empty()) message += " First problem: " + analysis.notices.front().message;
    return Error{ErrorCode::kNoArticles, message};
  }
  if (analysis.articles.size() == 1) {
    analysis.notices.push_back(
        {analysis.articles[0].raw.name, "single_article", "warning",
         "Only one article was read: add at least one more to compare sources."});
  }
  if (on_stage) on_stage(kStageSegmented, analysis);  // staged compare (stream)

  // The learned matcher when the resources hold one, else the TF-IDF baseline; an explicit
  // threshold in the options overrides the matcher's own.
  // Default: TF-IDF cosine of sentence-in-paragraph vectors (align::ContextCosineMatcher);
  // "tfidf": of sentence vectors alone; "learned": the learned matcher, gated lexically.
  const align::TfIdfCosineMatcher baseline;
  const align::ContextCosineMatcher in_context;
  const bool learned = options.learned_matcher && resources.matcher() != nullptr;
  const bool use_context = !learned && options.context_weight > 0;
  const align::SentenceMatcher& lexical =
      learned       ? static_cast<const align::SentenceMatcher&>(*resources.matcher())
      : use_context ? static_cast<const align::SentenceMatcher&>(in_context)
                    : baseline;
  // --- softalign: latent vectors blended into a TF-IDF matcher's score (off by default)
  const bool latent = !learned && options.latent_blend > 0 && resources.matcher() != nullptr;
  const align::LatentBlendMatcher blended(lexical, options.latent_blend);
  const align::SentenceMatcher& chosen =
      latent ? static_cast<const align::SentenceMatcher&>(blended) : lexical;
  // --- end softalign
  const WithThreshold matcher(
      chosen, options.match_threshold > 0 ? options.match_threshold : chosen.threshold(),
      learned ? options.lexical_gate : 0.0);
  analysis.matcher = learned       ? std::string(resources.matcher_name())
                     : use_context ? "tfidf-context"
                                   : "tfidf-baseline";

  // Represent every sentence of every non-boilerplate paragraph as a unit.
  represent::Stemmer stemmer;
  represent::Vocabulary vocabulary;
  std::vector<align::Unit> units;
  std::vector<std::uint32_t> paragraph_counts;
  std::vector<std::vector<segment::Token>> reuse_tokens(analysis.articles.size());  // reuse
  for (std::uint32_t a = 0; a < analysis.articles.size(); ++a) {
    const report::Article& article = analysis.articles[a];
    paragraph_counts.push_back(static_cast<std::uint32_t>(article.paragraphs.size()));
    bool after_body = false;  // --- align (seedsgold): a body paragraph came before this one
    bool have_headline = false, have_lede = false;  // Unit::lead (add_lead_claims)
    for (std::uint32_t p = 0; p < article.paragraphs.size(); ++p) {
      const segment::Paragraph& paragraph = article.paragraphs[p];
      if (paragraph.boilerplate) continue;
      const bool heading = paragraph.kind == segment::ParagraphKind::kHeading;
      // verbatim reuse (issue 6): the paragraph's tokens, once, for its sentences and reuse
      std::vector<segment::Token> tokens = segment::tokenize(article.raw.text, paragraph.span);
      for (std::uint32_t s = 0; s < paragraph.sentences.size(); ++s) {
        align::Unit unit;
        unit.ref = {a, p, s};
        const Span span = paragraph.sentences[s].span;
        std::size_t first = 0, last = 0;
        unit.terms =
            segment::tokens_within(article.raw.text, paragraph.span, tokens, span, &first, &last)
                ? represent::content_terms(tokens.data() + first, tokens.data() + last, stemmer,
                                           vocabulary)
                : represent::content_terms(article.raw.text, span, stemmer, vocabulary);
        if (unit.terms.empty() || is_table_header(paragraph, s)) continue;
        align::SentencePlace place;
        place.heading = heading;
        place.after_body = after_body;
        place.last_in_paragraph = s + 1 == paragraph.sentences.size();
        place.only_in_paragraph = paragraph.sentences.size() == 1;
        if (align::makes_no_claim(
                std::string_view(article.raw.text).substr(span.start, span.end - span.start),
                place))
          continue;  // --- end align (seedsgold)
        // The headline (the first heading of the title block, four words or more) and the
        // lede (the first body sentence of eight words or more) state the main event.
        if (!have_lede) {
          const std::size_t words = segment::word_count(article.raw.text, span);
          if (heading && !after_body && !have_headline && words >= 4) {
            have_headline = true;
            unit.lead = !align::announces_explainer(
                std::string_view(article.raw.text).substr(span.start, span.end - span.start));
          } else if (paragraph.kind == segment::ParagraphKind::kParagraph && words >= 8) {
            unit.lead = have_lede = true;
          }
        }
        matcher.prepare(unit, article.raw.text, paragraph.sentences[s].span, stemmer);
        units.push_back(std::move(unit));
      }
      if (!heading) after_body = true;  // --- align (seedsgold)
      reuse_tokens[a].insert(reuse_tokens[a].end(), std::make_move_iterator(tokens.begin()),
                             std::make_move_iterator(tokens.end()));
    }
  }
  // verbatim reuse (issue 6): before the alignment, so that the tokens are gone by then
  find_verbatim_reuse(analysis, std::move(reuse_tokens));
  // --- memory (issue 6, owner: jsonwriter): the copy of every unit's terms lives only while
  // the IDF table is counted, and the units go as soon as the alignment is made ---
  const represent::TfIdf tfidf = [&] {
    std::vector<std::vector<std::uint32_t>> unit_terms;
    unit_terms.reserve(units.size());
    for (const align::Unit& unit : units) unit_terms.push_back(unit.terms);
    return represent::TfIdf(unit_terms, vocabulary.size());
  }();
  // --- end memory ---
  for (align::Unit& unit : units) unit.vector = tfidf.vectorize(unit.terms);
  if (use_context) align::add_paragraph_context(units, options.context_weight);
  // --- softalign: latent vectors of the units' own words; WordNet neighbours of each unit's
  // own terms added to its vector and its context
  if (latent) align::add_latent_vectors(units, vocabulary, resources.matcher()->lexicon());
  if (!learned && options.wordnet_weight > 0 && resources.matcher() != nullptr) {
    align::WordNetNeighbourOptions neighbour_options;
    neighbour_options.hypernyms = options.wordnet_hypernyms;
    neighbour_options.max_neighbours = static_cast<std::size_t>(options.wordnet_neighbours);
    align::expand_vectors(
        units,
        align::wordnet_neighbours(vocabulary, resources.matcher()->wordnet(), neighbour_options),
        options.wordnet_weight, options.wordnet_candidates);
  }
  // --- end softalign

  analysis.alignment = align::align_articles(units, paragraph_counts, matcher, options.align);
  std::vector<align::Unit>().swap(units);  // memory (issue 6): vectors no later stage reads
  count_independent_sources(analysis);
  if (on_stage) on_stage(kStageAligned, analysis);  // staged compare (stream)

  // --- diverge (issue 4): facts, contradictions, omissions ---
  {
    std::vector<diverge::ArticleView> views;
    views.reserve(analysis.articles.size());
    for (const report::Article& article : analysis.articles) {
      views.push_back(
          {article.raw.text, article.raw.published, article.raw.name, &article.paragraphs});
    }
    analysis.divergence = diverge::analyse(views, analysis.alignment.claims);
    if (analysis.divergence.truncated) {
      analysis.notices.push_back(
          {"", "diverge_truncated", "warning",
           "The set is too large to check every fact for contradictions; some were not compared."});
    }
  }
  // --- end diverge ---
  // --- Article stance (owner: "tone"): actors of the set, each article's tone, hedging,
  // attribution and sentiment towards them. Linear in the text; never fails.
  {
    std::vector<stance::StanceInput> inputs;
    for (const report::Article& article : analysis.articles)
      inputs.push_back({article.raw.text, &article.paragraphs});
    stance::SetWords words = stance::set_words(inputs);  // each sentence tokenised once for both
    analysis.actors = stance::find_actors(inputs, words);
    analysis.article_stance = stance::analyze_articles(inputs, analysis.actors, std::move(words));
  }
  // --- end article stance ---
  if (on_stage) on_stage(kStageComplete, analysis);  // staged compare (stream)
  return analysis;
}

Result<std::string> compare_json(const std::vector<InputFile>& files, const CompareOptions& options,
                                 const Resources& resources) {
  auto analysis = compare(files, options, resources);
  if (!analysis.ok()) return analysis.error();
  return report::to_json(analysis.value());
}

}  // namespace parallax
