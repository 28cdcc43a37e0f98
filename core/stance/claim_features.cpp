// Claim-vs-body analysis and pair features for the learned stance model (stance.h).
// Owner: stance (claim vs body). Pure functions; bounded work (kMaxBodyBytes,
// kMaxSentences); never fails. Feature values avoid logarithms and other libm calls
// so that native and WebAssembly builds compute the same bits.
#include <algorithm>
#include <cmath>

#include "segment/segment.h"
#include "stance/stance.h"

namespace parallax::stance {

namespace {

// Cue words, matched on the Snowball stem (content words) or the folded word (function
// words, which the stopword list removes from content). Refuting and hedging cues are the
// words FNC-1 systems found informative; tests/core/stance checks every stem below is
// what the stemmer gives for the example word in the comment.
struct CueStem {
  std::string_view stem;
  std::uint8_t cue;
};
constexpr CueStem kCueStems[] = {
    // refuting: denied, false, fake, hoax, debunked, refuted, untrue, baseless, fabricated,
    // disputed, bogus, myth, satire, prank, joke, misleading, incorrect, inaccurate, wrong,
    // dismissed, rejected, nonsense, spoof, parody, unfounded, lie, scam, photoshopped
    {"deni", kRefuting},
    {"fals", kRefuting},
    {"fake", kRefuting},
    {"hoax", kRefuting},
    {"debunk", kRefuting},
    {"refut", kRefuting},
    {"untru", kRefuting},
    {"baseless", kRefuting},
    {"fabric", kRefuting},
    {"disput", kRefuting},
    {"bogus", kRefuting},
    {"myth", kRefuting},
    {"satir", kRefuting},
    {"prank", kRefuting},
    {"joke", kRefuting},
    {"mislead", kRefuting},
    {"incorrect", kRefuting},
    {"inaccur", kRefuting},
    {"wrong", kRefuting},
    {"dismiss", kRefuting},
    {"reject", kRefuting},
    {"nonsens", kRefuting},
    {"spoof", kRefuting},
    {"parodi", kRefuting},
    {"unfound", kRefuting},
    {"lie", kRefuting},
    {"scam", kRefuting},
    {"photoshop", kRefuting},
    // hedging: allegedly, reportedly, claims, rumor, rumour, purportedly, apparently,
    // unconfirmed, unverified, speculation, possibly, perhaps, suggests, appears, seems,
    // believed, supposedly, unclear
    {"alleg", kHedging},
    {"report", kHedging},
    {"claim", kHedging},
    {"rumor", kHedging},
    {"rumour", kHedging},
    {"purport", kHedging},
    {"appar", kHedging},
    {"unconfirm", kHedging},
    {"unverifi", kHedging},
    {"specul", kHedging},
    {"possibl", kHedging},
    {"perhap", kHedging},
    {"suggest", kHedging},
    {"appear", kHedging},
    {"seem", kHedging},
    {"believ", kHedging},
    {"suppos", kHedging},
    {"unclear", kHedging},
    // confirming: confirmed, announced, officially, revealed, proven, proved, verified, true,
    // indeed, actually, authentic, genuine
    {"confirm", kConfirming},
    {"announc", kConfirming},
    {"offici", kConfirming},
    {"reveal", kConfirming},
    {"proven", kConfirming},
    {"prove", kConfirming},
    {"verifi", kConfirming},
    {"true", kConfirming},
    {"inde", kConfirming},
    {"actual", kConfirming},
    {"authent", kConfirming},
    {"genuin", kConfirming},
};
constexpr CueStem kCueWords[] = {
    {"may", kHedging},      {"might", kHedging},    {"could", kHedging}, {"not", kNegation},
    {"no", kNegation},      {"never", kNegation},   {"none", kNegation}, {"nobody", kNegation},
    {"nothing", kNegation}, {"neither", kNegation}, {"nor", kNegation},  {"without", kNegation},
    {"cannot", kNegation},
};

constexpr const char* kFeatureNames[] = {
    "claim_terms", "cos_body", "cos_best", "cos_top3", "cos_lead", "share_idf_body", "share_body",
    "share_idf_best", "share_bigrams", "bm25", "share_names", "share_numbers", "best_position",
    "matching_sentences",
    // per cue class (refuting, hedging, confirming, negation): density in the body, count
    // near a claim key term, in the 3 best sentences, in the first 3, in the claim, and the
    // best claim-term share of a sentence holding the cue
    "refuting_density", "refuting_near", "refuting_top3", "refuting_lead", "refuting_claim",
    "refuting_share", "hedging_density", "hedging_near", "hedging_top3", "hedging_lead",
    "hedging_claim", "hedging_share", "confirming_density", "confirming_near", "confirming_top3",
    "confirming_lead", "confirming_claim", "confirming_share", "negation_density", "negation_near",
    "negation_top3", "negation_lead", "negation_claim", "negation_share", "refuting_near_share",
    "hedging_near_share", "confirming_near_share", "negation_near_share", "claim_question",
    "claim_quoted", "polarity_mismatch", "body_questions"};

constexpr std::size_t kNearWindow = 10;  // tokens either side of a cue, same sentence

std::uint64_t bigram_hash(std::uint64_t a, std::uint64_t b) {
  return (a * 0x9E3779B97F4A7C15ull) ^ (b + 0x632BE59BD9B4E019ull + (a << 6) + (a >> 2));
}

bool ends_negated(std::string_view word) {
  return word.size() > 3 && word.substr(word.size() - 3) == "n't";
}

AnalysedText::Vector normalised(std::vector<std::pair<std::uint64_t, double>> weights) {
  double norm = 0;
  for (const auto& w : weights) norm += w.second * w.second;
  if (norm <= 0) return {};
  norm = std::sqrt(norm);
  for (auto& w : weights) w.second /= norm;
  return weights;
}

// TF-IDF vector of sorted (stem, count) pairs.
AnalysedText::Vector tfidf(const std::vector<std::pair<std::uint64_t, std::uint32_t>>& counts,
                           const IdfTable& idf) {
  AnalysedText::Vector weights;
  weights.reserve(counts.size());
  for (const auto& [stem, count] : counts) weights.emplace_back(stem, count * idf.idf(stem));
  return normalised(std::move(weights));
}

std::vector<std::pair<std::uint64_t, std::uint32_t>> count_sorted(std::vector<std::uint64_t> v) {
  std::sort(v.begin(), v.end());
  std::vector<std::pair<std::uint64_t, std::uint32_t>> out;
  for (std::uint64_t x : v) {
    if (!out.empty() && out.back().first == x) {
      ++out.back().second;
    } else {
      out.emplace_back(x, 1);
    }
  }
  return out;
}

// Share of the claim's TF-IDF weight whose stems occur in `have` (sorted by stem).
template <typename Have>
double weighted_share(const AnalysedText::Vector& claim, const Have& have) {
  double total = 0, found = 0;
  std::size_t j = 0;
  for (const auto& [stem, weight] : claim) {
    total += weight;
    while (j < have.size() && have[j].first < stem) ++j;
    if (j < have.size() && have[j].first == stem) found += weight;
  }
  return total > 0 ? found / total : 0;
}

bool has_stem(const std::vector<std::pair<std::uint64_t, std::uint32_t>>& counts,
              std::uint64_t stem) {
  auto it = std::lower_bound(counts.begin(), counts.end(),
                             std::pair<std::uint64_t, std::uint32_t>{stem, 0});
  return it != counts.end() && it->first == stem;
}

std::uint32_t count_of(const std::vector<std::pair<std::uint64_t, std::uint32_t>>& counts,
                       std::uint64_t stem) {
  auto it = std::lower_bound(counts.begin(), counts.end(),
                             std::pair<std::uint64_t, std::uint32_t>{stem, 0});
  return it != counts.end() && it->first == stem ? it->second : 0;
}

// Where to cut a long text: the last whitespace before `limit` (never inside a UTF-8 sequence).
std::size_t cut_point(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text.size();
  std::size_t cut = limit;
  while (cut > limit / 2 && text[cut] != ' ' && text[cut] != '\n') --cut;
  if (text[cut] != ' ' && text[cut] != '\n') {
    cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  return cut;
}

// The sentences of a body, never across a blank line: headings, bylines and paragraphs a page
// or a CMS joined with blank lines stay apart (the evidence is one sentence, not a block).
std::vector<segment::Sentence> body_sentences(std::string_view text) {
  std::vector<segment::Sentence> out;
  std::size_t start = 0;
  while (start < text.size()) {
    // The block ends at the first line break followed by a line that is empty or only spaces.
    std::size_t end = text.size();
    for (std::size_t i = text.find('\n', start); i != std::string_view::npos;
         i = text.find('\n', i + 1)) {
      std::size_t j = i + 1;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      if (j >= text.size() || text[j] == '\n') {
        end = i;
        break;
      }
    }
    if (end > start) {
      auto block = segment::split_sentences(text, {start, end});
      out.insert(out.end(), block.begin(), block.end());
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

IdfTable::IdfTable(std::uint32_t documents,
                   const std::vector<std::pair<std::string, std::uint32_t>>& dfs)
    : documents_(documents) {
  const double n = 1.0 + documents;
  unknown_ = std::log(n / 2.0) + 1.0;
  idf_.reserve(dfs.size());
  for (const auto& [stem, df] : dfs) {
    const double clamped = std::min<double>(df, documents);
    idf_.emplace_back(fnv1a64(stem), std::log(n / (1.0 + clamped)) + 1.0);
  }
  std::sort(idf_.begin(), idf_.end());
}

double IdfTable::idf(std::uint64_t stem_hash) const {
  auto it = std::lower_bound(idf_.begin(), idf_.end(),
                             std::pair<std::uint64_t, double>{stem_hash, -1e300});
  return it != idf_.end() && it->first == stem_hash ? it->second : unknown_;
}

std::uint8_t cue_of(std::string_view folded_word, std::string_view stem) {
  std::uint8_t cue = 0;
  for (const CueStem& c : kCueStems)
    if (c.stem == stem) cue |= c.cue;
  for (const CueStem& c : kCueWords)
    if (c.stem == folded_word) cue |= c.cue;
  if (ends_negated(folded_word)) cue |= kNegation;
  return cue;
}

double dot(const AnalysedText::Vector& a, const AnalysedText::Vector& b) {
  double sum = 0;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (b[j].first < a[i].first) {
      ++j;
    } else {
      sum += a[i++].second * b[j++].second;
    }
  }
  return sum;
}

AnalysedText analyse_text(std::string_view text, represent::Stemmer& stemmer, const IdfTable& idf) {
  AnalysedText out;
  const std::size_t cut = cut_point(text, kMaxBodyBytes);
  out.truncated = cut < text.size();
  text = text.substr(0, cut);
  out.question = text.find('?') != std::string_view::npos;
  out.quoted = text.find('"') != std::string_view::npos ||
               text.find("\xE2\x80\x9C") != std::string_view::npos ||
               text.find(" '") != std::string_view::npos || (!text.empty() && text[0] == '\'') ||
               text.find("\xE2\x80\x98") != std::string_view::npos;
  std::vector<std::uint64_t> all_content;
  for (const segment::Sentence& sentence : body_sentences(text)) {
    if (out.sentences.size() >= kMaxSentences) {
      out.truncated = true;
      break;
    }
    out.sentences.push_back(sentence.span);
    out.first_token.push_back(static_cast<std::uint32_t>(out.tokens.size()));
    const std::string_view sentence_text = slice(text, sentence.span);
    out.sentence_questions.push_back(sentence_text.find('?') != std::string_view::npos ? 1 : 0);
    std::vector<std::uint64_t> content;
    std::uint64_t previous = 0;
    bool has_previous = false;
    bool first = true;
    for (const segment::Token& token : segment::tokenize(text, sentence.span)) {
      AnalysedToken t;
      t.number = token.is_number;
      const std::string stem = t.number ? token.norm : stemmer.stem(token.norm);
      t.stem = fnv1a64(stem);
      t.content = !represent::is_stopword(token.norm);
      const unsigned char initial = static_cast<unsigned char>(text[token.span.start]);
      t.name = !first && initial >= 'A' && initial <= 'Z' && t.content;
      t.cues = cue_of(token.norm, stem);
      first = false;
      if (t.content) {
        content.push_back(t.stem);
        ++out.content_tokens;
        if (has_previous) out.bigrams.push_back(bigram_hash(previous, t.stem));
        previous = t.stem;
        has_previous = true;
      }
      for (std::size_t c = 0; c < kCueClasses; ++c)
        if (t.cues & (1u << c)) ++out.cue_counts[c];
      out.tokens.push_back(t);
    }
    all_content.insert(all_content.end(), content.begin(), content.end());
    out.sentence_vectors.push_back(tfidf(count_sorted(std::move(content)), idf));
  }
  out.first_token.push_back(static_cast<std::uint32_t>(out.tokens.size()));
  out.counts = count_sorted(std::move(all_content));
  out.vector = tfidf(out.counts, idf);
  std::sort(out.bigrams.begin(), out.bigrams.end());
  out.bigrams.erase(std::unique(out.bigrams.begin(), out.bigrams.end()), out.bigrams.end());
  return out;
}

const std::vector<std::string>& claim_feature_names() {
  static const std::vector<std::string> names(std::begin(kFeatureNames), std::end(kFeatureNames));
  return names;
}

std::vector<double> claim_features(const AnalysedText& claim, const AnalysedText& body) {
  std::vector<double> f;
  f.reserve(std::size(kFeatureNames));
  const std::size_t sentences = body.sentences.size();
  // Relatedness: cosines and shares of the claim's terms, per sentence and overall.
  std::vector<std::pair<double, std::size_t>> by_cosine;  // (-cosine, sentence)
  std::vector<double> shares(sentences, 0);
  double best_share = 0;
  std::size_t matching = 0;
  for (std::size_t s = 0; s < sentences; ++s) {
    const double cosine = dot(claim.vector, body.sentence_vectors[s]);
    by_cosine.emplace_back(-cosine, s);
    shares[s] = weighted_share(claim.vector, body.sentence_vectors[s]);
    best_share = std::max(best_share, shares[s]);
    if (shares[s] >= 0.3) ++matching;
  }
  std::sort(by_cosine.begin(), by_cosine.end());
  const std::size_t top = std::min<std::size_t>(3, by_cosine.size());
  double top_sum = 0;
  for (std::size_t i = 0; i < top; ++i) top_sum -= by_cosine[i].first;
  double lead = 0;
  for (std::size_t s = 0; s < std::min<std::size_t>(3, sentences); ++s)
    lead = std::max(lead, dot(claim.vector, body.sentence_vectors[s]));
  std::size_t bigrams_found = 0;
  for (std::uint64_t b : claim.bigrams)
    bigrams_found += std::binary_search(body.bigrams.begin(), body.bigrams.end(), b) ? 1 : 0;
  double bm25 = 0, weight_total = 0;
  const double length_ratio = static_cast<double>(body.content_tokens) / 200.0;
  for (const auto& [stem, weight] : claim.vector) {
    const double tf = count_of(body.counts, stem);
    bm25 += weight * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * length_ratio));
    weight_total += weight;
  }
  std::size_t names = 0, names_found = 0, numbers = 0, numbers_found = 0;
  for (const AnalysedToken& t : claim.tokens) {
    if (t.name) {
      ++names;
      names_found += has_stem(body.counts, t.stem) ? 1 : 0;
    }
    if (t.number) {
      ++numbers;
      numbers_found += has_stem(body.counts, t.stem) ? 1 : 0;
    }
  }
  std::size_t found_terms = 0;
  for (const auto& [stem, count] : claim.counts) found_terms += has_stem(body.counts, stem) ? 1 : 0;

  // Body length is left out on purpose: with few bodies per topic it identifies a body
  // (the model memorised bodies' labels) rather than saying anything about stance.
  f.push_back(static_cast<double>(claim.counts.size()));
  f.push_back(dot(claim.vector, body.vector));
  f.push_back(top > 0 ? -by_cosine[0].first : 0);
  f.push_back(top > 0 ? top_sum / static_cast<double>(top) : 0);
  f.push_back(lead);
  f.push_back(weighted_share(claim.vector, body.counts));
  f.push_back(claim.counts.empty()
                  ? 0
                  : static_cast<double>(found_terms) / static_cast<double>(claim.counts.size()));
  f.push_back(best_share);
  f.push_back(claim.bigrams.empty()
                  ? -1
                  : static_cast<double>(bigrams_found) / static_cast<double>(claim.bigrams.size()));
  f.push_back(weight_total > 0 ? bm25 / weight_total : 0);
  f.push_back(names == 0 ? -1 : static_cast<double>(names_found) / static_cast<double>(names));
  f.push_back(numbers == 0 ? -1
                           : static_cast<double>(numbers_found) / static_cast<double>(numbers));
  f.push_back(sentences > 1 && top > 0
                  ? static_cast<double>(by_cosine[0].second) / static_cast<double>(sentences - 1)
                  : 0);
  f.push_back(static_cast<double>(matching));

  // Cues: where the body refutes, hedges, confirms or negates, and how close to the claim.
  std::array<double, kCueClasses> near = {}, in_top = {}, in_lead = {}, cue_share = {};
  std::vector<bool> is_top(sentences, false);
  for (std::size_t i = 0; i < top; ++i) is_top[by_cosine[i].second] = true;
  for (std::size_t s = 0; s < sentences; ++s) {
    const std::uint32_t begin = body.first_token[s], end = body.first_token[s + 1];
    for (std::uint32_t i = begin; i < end; ++i) {
      const std::uint8_t cues = body.tokens[i].cues;
      if (cues == 0) continue;
      bool close = false;
      const std::uint32_t from =
          i >= begin + kNearWindow ? i - static_cast<std::uint32_t>(kNearWindow) : begin;
      const std::uint32_t to =
          std::min<std::uint32_t>(end, i + static_cast<std::uint32_t>(kNearWindow) + 1);
      for (std::uint32_t j = from; j < to && !close; ++j)
        close = j != i && body.tokens[j].content && has_stem(claim.counts, body.tokens[j].stem);
      for (std::size_t c = 0; c < kCueClasses; ++c) {
        if (!(cues & (1u << c))) continue;
        if (close) near[c] += 1;
        if (is_top[s]) in_top[c] += 1;
        if (s < 3) in_lead[c] += 1;
        cue_share[c] = std::max(cue_share[c], shares[s]);
      }
    }
  }
  const double tokens = std::max<double>(1.0, static_cast<double>(body.tokens.size()));
  for (std::size_t c = 0; c < kCueClasses; ++c) {
    f.push_back(100.0 * body.cue_counts[c] / tokens);
    f.push_back(near[c]);
    f.push_back(in_top[c]);
    f.push_back(in_lead[c]);
    f.push_back(claim.cue_counts[c]);
    f.push_back(cue_share[c]);
  }
  // Cue occurrences near the claim per occurrence of a claim key term in the body.
  double term_occurrences = 0;
  for (const AnalysedToken& t : body.tokens)
    term_occurrences += t.content && has_stem(claim.counts, t.stem) ? 1 : 0;
  for (std::size_t c = 0; c < kCueClasses; ++c)
    f.push_back(near[c] / std::max(1.0, term_occurrences));
  f.push_back(claim.question ? 1 : 0);
  f.push_back(claim.quoted ? 1 : 0);
  double best_negations = 0;
  if (top > 0) {
    const std::size_t s = by_cosine[0].second;
    for (std::uint32_t i = body.first_token[s]; i < body.first_token[s + 1]; ++i)
      best_negations += (body.tokens[i].cues & kNegation) ? 1 : 0;
  }
  const bool claim_negated = claim.cue_counts[3] % 2 == 1;
  const bool best_negated = static_cast<std::uint32_t>(best_negations) % 2 == 1;
  f.push_back(top > 0 && claim_negated != best_negated ? 1 : 0);
  double questions = 0;
  for (double q : body.sentence_questions) questions += q;
  f.push_back(sentences > 0 ? questions / static_cast<double>(sentences) : 0);
  return f;
}

}  // namespace parallax::stance
