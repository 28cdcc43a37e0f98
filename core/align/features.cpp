// Features of the learned matcher: per sentence once (sentence_features), then per
// pair (pair_features). Everything is symmetric in the pair and deterministic: hashes
// are FNV-1a, sets are sorted vectors, sums run in a fixed order.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

#include "align/align.h"
#include "segment/segment.h"

namespace parallax::align {
namespace {

// Order-dependent combination of two hashes (n-grams).
std::uint64_t combine(std::uint64_t a, std::uint64_t b) {
  std::uint64_t h = a * 0x9e3779b97f4a7c15ull;
  h ^= b + 0x632be59bd9b4e019ull + (h << 6) + (h >> 2);
  return h;
}

void sort_unique(std::vector<std::uint64_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

struct NumberWord {
  std::string_view word;
  double value;
};
constexpr std::array<NumberWord, 21> kNumberWords = {{
    {"two", 2},     {"three", 3},    {"four", 4},    {"five", 5},    {"six", 6},
    {"seven", 7},   {"eight", 8},    {"nine", 9},    {"ten", 10},    {"eleven", 11},
    {"twelve", 12}, {"twenty", 20},  {"thirty", 30}, {"forty", 40},  {"fifty", 50},
    {"sixty", 60},  {"seventy", 70}, {"eighty", 80}, {"ninety", 90}, {"hundred", 100},
    {"dozen", 12},
}};
struct Multiplier {
  std::string_view word;
  double value;
};
constexpr std::array<Multiplier, 5> kMultipliers = {{
    {"hundred", 1e2},
    {"thousand", 1e3},
    {"million", 1e6},
    {"billion", 1e9},
    {"trillion", 1e12},
}};

double multiplier_of(std::string_view word) {
  for (const Multiplier& m : kMultipliers) {
    if (word == m.word) return m.value;
  }
  return 0;
}

// Value of a number token: "1,000" -> 1000, "3.5" -> 3.5, "11:30" -> 11.3, "24-hour" -> 24,
// "1990s" -> 1990. Returns false when no digits lead the token.
bool parse_number(std::string_view norm, double* value) {
  std::string digits;
  for (char c : norm) {
    if ((c >= '0' && c <= '9') || c == '.') {
      digits.push_back(c);
    } else if (c == ',') {
      continue;
    } else if (c == ':') {
      digits.push_back('.');
    } else {
      break;
    }
  }
  while (!digits.empty() && digits.back() == '.') digits.pop_back();
  if (digits.empty()) return false;
  *value = std::strtod(digits.c_str(), nullptr);
  return std::isfinite(*value);
}

bool is_negation(std::string_view w) {
  constexpr std::array<std::string_view, 12> kCues = {"not",     "no",      "never",   "none",
                                                      "nobody",  "nothing", "neither", "nor",
                                                      "without", "cannot",  "nowhere", "denied"};
  if (w.size() > 3 && w.substr(w.size() - 3) == "n't") return true;
  // Round 7: the same contraction without its apostrophe ("werent", "doesnt", "cant"), an
  // auxiliary (closed class) followed by "nt"; "want", "decent" are no auxiliary + "nt".
  constexpr std::array<std::string_view, 22> kAuxiliaries = {
      "is",    "are",    "was",   "were", "do",   "does", "did",   "has", "have", "had", "ca",
      "could", "should", "would", "wo",   "must", "need", "might", "ai",  "dare", "sha", "ought"};
  if (w.size() > 3 && w.substr(w.size() - 2) == "nt" &&
      std::find(kAuxiliaries.begin(), kAuxiliaries.end(), w.substr(0, w.size() - 2)) !=
          kAuxiliaries.end()) {
    return true;
  }
  return std::find(kCues.begin(), kCues.end(), w) != kCues.end();
}

// Round 7: a negative implicative verb before "to" and a verb ("declined to comment",
// "refused to sign", "failed to pay"; the nouns too: "refusal to", "failure to": the act
// did not happen), by stem; not "declined to
// 5%" or "fell to a low" (a number or an article after "to").
bool negative_implicative(const std::vector<segment::Token>& tokens, std::size_t t,
                          represent::Stemmer& stemmer) {
  if (t + 2 >= tokens.size() || tokens[t + 1].norm != "to" || tokens[t + 2].is_number) return false;
  const std::string& after = tokens[t + 2].norm;
  if (after.empty() || after == "a" || after == "an" || after == "the") {
    return false;
  }
  const std::string stem = stemmer.stem(tokens[t].norm);
  return stem == "declin" || stem == "refus" || stem == "fail" || stem == "failur";
}

// Classes of modal cues: possibility, obligation, hearsay, prediction.
std::uint32_t modality_of(std::string_view w) {
  constexpr std::array<std::string_view, 6> kPossible = {"may",      "might",   "could",
                                                         "possibly", "perhaps", "maybe"};
  constexpr std::array<std::string_view, 3> kMust = {"must", "should", "ought"};
  constexpr std::array<std::string_view, 6> kHearsay = {"reportedly",  "allegedly",  "alleged",
                                                        "purportedly", "supposedly", "rumoured"};
  constexpr std::array<std::string_view, 4> kPredict = {"likely", "unlikely", "probably",
                                                        "expected"};
  auto in = [&](const auto& list) { return std::find(list.begin(), list.end(), w) != list.end(); };
  if (in(kPossible)) return 1;
  if (in(kMust)) return 2;
  if (in(kHearsay)) return 4;
  if (in(kPredict)) return 8;
  return 0;
}

std::uint64_t number_hash(double value) {
  // Values are compared after rounding to 6 significant digits.
  const double rounded = value == 0 ? 0 : std::round(value * 1e4) / 1e4;
  std::uint64_t bits = static_cast<std::uint64_t>(std::llround(rounded * 1e4));
  return combine(0x6e756d626572ull, bits);
}

std::size_t intersection_size(const std::vector<std::uint64_t>& a,
                              const std::vector<std::uint64_t>& b) {
  std::size_t n = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++n;
      ++i;
      ++j;
    }
  }
  return n;
}

bool contains(const std::vector<std::uint64_t>& sorted, std::uint64_t h) {
  return std::binary_search(sorted.begin(), sorted.end(), h);
}

double dice(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  return 2.0 * static_cast<double>(intersection_size(a, b)) /
         static_cast<double>(a.size() + b.size());
}

// Cosine of two lexicon term vectors (int8 dot product, exact in integers).
double term_cosine(const represent::Lexicon& lexicon, std::uint32_t x, std::uint32_t y) {
  if (!lexicon.has_vector(x) || !lexicon.has_vector(y)) return 0.0;
  const std::int8_t* u = lexicon.vector(x);
  const std::int8_t* v = lexicon.vector(y);
  std::int32_t dot = 0;
  for (std::uint32_t d = 0; d < lexicon.dimensions(); ++d)
    dot += std::int32_t{u[d]} * std::int32_t{v[d]};
  const double norms = double(lexicon.vector_norm(x)) * double(lexicon.vector_norm(y));
  if (norms <= 0) return 0.0;
  return double(dot) * double(lexicon.vector_scale(x)) * double(lexicon.vector_scale(y)) / norms;
}

// Directional soft coverage of a's content words by b: IDF-weighted mean over a's
// content words of 1 (same stem) or the best LSA term cosine with a content word of b.
struct Coverage {
  double exact = 0;        // IDF-weighted share of a's content stems found in b
  double soft = 0;         // same, unmatched words credited with their best term cosine
  double wordnet = 0;      // same, unmatched words credited with their best WordNet similarity
  double max_missing = 0;  // highest IDF of an a word not found in b (even by WordNet)
  double missing = 0;      // number of a's content words not found in b (even by WordNet)
  bool antonym = false;    // an unmatched a word is an antonym of an unmatched b word
  double weighted = 0;     // share of a's lexicon term weight (TF-KLD) found in b
  double max_missing_weight = 0;  // highest lexicon term weight of an a word not in b
};

// The lexicon's term weight (TF-KLD when trained so: how much sharing the stem says
// "same claim"); 0 for stems without a latent vector.
double term_weight(const represent::Lexicon& lexicon, std::uint32_t id) {
  return lexicon.has_vector(id) ? double(lexicon.weight(id)) : 0.0;
}

Coverage coverage(const SentenceFeatures& a, const SentenceFeatures& b,
                  const represent::Lexicon& lexicon, const represent::WordNet* wordnet) {
  Coverage c;
  double total = 0;
  double weight_total = 0;
  for (std::uint32_t i : a.content) {
    const FeatureWord& w = a.words[i];
    const double weight = w.idf;
    const double kld = w.number ? 0.0 : term_weight(lexicon, w.lexicon_id);
    total += weight;
    weight_total += kld;
    if (contains(b.stems, w.stem)) {
      c.weighted += kld;
      c.exact += weight;
      c.soft += weight;
      c.wordnet += weight;
      continue;
    }
    double best = 0;
    double best_wn = 0;
    if (!w.number) {
      for (std::uint32_t j : b.content) {
        const FeatureWord& v = b.words[j];
        if (v.number) continue;
        if (lexicon.has_vector(w.lexicon_id) && lexicon.has_vector(v.lexicon_id)) {
          best = std::max(best, term_cosine(lexicon, w.lexicon_id, v.lexicon_id));
        }
        if (wordnet != nullptr && !w.wordnet.empty() && !v.wordnet.empty()) {
          best_wn = std::max(best_wn, wordnet->similarity(w.wordnet, v.wordnet));
          if (!contains(a.stems, v.stem) && wordnet->is_antonym(w.wordnet, v.wordnet)) {
            c.antonym = true;
          }
        }
      }
    }
    c.soft += weight * std::clamp(best, 0.0, 1.0);
    c.wordnet += weight * best_wn;
    c.max_missing_weight = std::max(c.max_missing_weight, kld);
    if (best_wn < 0.5) {
      c.max_missing = std::max(c.max_missing, weight);
      c.missing += 1;
    }
  }
  if (total > 0) {
    c.exact /= total;
    c.soft /= total;
    c.wordnet /= total;
  } else {
    c.exact = c.soft = c.wordnet = 1.0;
  }
  c.weighted = weight_total > 0 ? c.weighted / weight_total : 1.0;
  return c;
}

// Share of concordant pairs among content stems found in both sentences, by first
// position: 1 = same order, 0 = reversed. Fewer than two shared stems gives 1.
double order_agreement(const SentenceFeatures& a, const SentenceFeatures& b) {
  std::vector<std::uint32_t> positions;  // positions in b, in a's order
  for (std::uint32_t i : a.content) {
    for (std::uint32_t j : b.content) {
      if (b.words[j].stem == a.words[i].stem) {
        positions.push_back(j);
        break;
      }
    }
  }
  if (positions.size() < 2) return 1.0;
  std::size_t concordant = 0;
  std::size_t pairs = 0;
  for (std::size_t x = 0; x < positions.size(); ++x) {
    for (std::size_t y = x + 1; y < positions.size(); ++y) {
      ++pairs;
      if (positions[x] < positions[y]) ++concordant;
    }
  }
  return static_cast<double>(concordant) / static_cast<double>(pairs);
}

// Numbers of a not in b (values equal to 1e-4).
std::size_t unmatched_numbers(const std::vector<double>& a, const std::vector<double>& b) {
  std::size_t n = 0;
  for (double x : a) {
    bool found = false;
    for (double y : b) {
      if (std::fabs(x - y) <= 1e-4 * std::max(1.0, std::fabs(x))) found = true;
    }
    if (!found) ++n;
  }
  return n;
}

std::size_t unmatched_names(const SentenceFeatures& a, const SentenceFeatures& b) {
  std::size_t n = 0;
  for (std::uint64_t h : a.names) {
    if (!contains(b.stems, h)) ++n;
  }
  return n;
}

bool is_time_word(std::string_view w);

// Round 7: the lower-case letters of a word (apostrophes, hyphens, periods dropped).
std::string letters_of(std::string_view w) {
  std::string out;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') out.push_back(c);
  }
  return out;
}

// Whether x and y are at most one edit apart (substitution, insertion, deletion).
bool within_one_edit(std::string_view x, std::string_view y) {
  if (x.size() > y.size()) std::swap(x, y);
  if (y.size() - x.size() > 1) return false;
  std::size_t i = 0;
  while (i < x.size() && x[i] == y[i]) ++i;
  if (i == x.size()) return true;  // equal, or y has one more letter at the end
  if (x.size() == y.size()) return x.substr(i + 1) == y.substr(i + 1);
  return x.substr(i) == y.substr(i + 1);
}

// Round 7: whether a name of one side that no word of `other` shares the stem of is still
// there: one of the two is a part of the other's hyphenated compound ("Texas-based" /
// "Texas"), or both are long (>= 6 letters) and one letter apart: a spelling variant, a
// transliteration, a possessive without its apostrophe ("Schroeder" / "Schroder",
// "O'Brien's" / "OBriens"); or WordNet has the two in one synset ("Holland" /
// "Netherlands"). Short names one letter apart ("Dole" / "Cole") stay different.
bool name_variant_in(const FeatureWord& name, const SentenceFeatures& other,
                     const represent::WordNet* wordnet) {
  constexpr std::size_t kMinVariantLetters = 6;
  auto has_part = [](std::string_view compound, std::string_view part) {
    if (compound.find('-') == std::string_view::npos || part.empty()) return false;
    std::size_t start = 0;
    while (start <= compound.size()) {
      const std::size_t end = std::min(compound.find('-', start), compound.size());
      if (compound.substr(start, end - start) == part) return true;
      start = end + 1;
    }
    return false;
  };
  const std::string letters = letters_of(name.norm);
  const std::size_t n = std::min(other.words.size(), kMaxOrderTokens);
  for (std::size_t i = 0; i < n; ++i) {
    const FeatureWord& v = other.words[i];
    if (v.stopword || v.number) continue;
    if (has_part(v.norm, name.norm) || has_part(name.norm, v.norm)) return true;
    if (wordnet != nullptr && !name.wordnet.empty() && !v.wordnet.empty() &&
        wordnet->relation(name.wordnet, v.wordnet) == represent::WordNet::Relation::kSynonym) {
      return true;
    }
    const std::string other_letters = letters_of(v.norm);
    if (std::min(letters.size(), other_letters.size()) >= kMinVariantLetters &&
        within_one_edit(letters, other_letters)) {
      return true;
    }
  }
  return false;
}

// Names of a not in b for the names_swap conflict (round 7): unmatched_names less the
// variants name_variant_in finds, the weekdays and months (dates) counted apart, so that a
// date for a place ("in Leeds" / "on Sunday") is no swap while "Monday" / "Thursday" and
// "Warren" / "Collins" are. Refined only when at most kMaxRefined names are unmatched (a
// minimal pair has one; the work stays linear); otherwise all count as names.
struct SwapNames {
  std::size_t names = 0;
  std::size_t dates = 0;
};

SwapNames unmatched_names_for_swap(const SentenceFeatures& a, const SentenceFeatures& b,
                                   const represent::WordNet* wordnet) {
  constexpr std::size_t kMaxRefined = 4;
  const std::size_t raw = unmatched_names(a, b);
  if (raw == 0 || raw > kMaxRefined) return {raw, 0};
  std::vector<std::uint64_t> seen;
  SwapNames out;
  for (const FeatureWord& w : a.words) {
    if (!w.capitalised || w.stopword || w.number || contains(b.stems, w.stem)) continue;
    if (std::find(seen.begin(), seen.end(), w.stem) != seen.end()) continue;
    seen.push_back(w.stem);
    if (is_time_word(w.norm)) {
      ++out.dates;
    } else if (!name_variant_in(w, b, wordnet)) {
      ++out.names;
    }
  }
  return out;
}

// One name for one name, or one date for one date, and nothing else unmatched.
bool names_swapped(const SentenceFeatures& a, const SentenceFeatures& b,
                   const represent::WordNet* wordnet) {
  const SwapNames x = unmatched_names_for_swap(a, b, wordnet);
  const SwapNames y = unmatched_names_for_swap(b, a, wordnet);
  if (x.names + x.dates != 1 || y.names + y.dates != 1) return false;
  return x.names == y.names;
}

// ---- Word order and role cues (round 3: new information, docs/matcher.md) ----

bool is_attribution(std::string_view w) {
  constexpr std::array<std::string_view, 11> kCues = {"said",     "says",      "say",    "told",
                                                      "tells",    "according", "stated", "added",
                                                      "reported", "announced", "quoted"};
  return std::find(kCues.begin(), kCues.end(), w) != kCues.end();
}

bool is_future(std::string_view w) {
  if (w.size() > 3 && w.substr(w.size() - 3) == "'ll") return true;
  return w == "will" || w == "shall" || w == "won't";
}

// Weekdays, months ("may" left out: a modal far more often) and relative days.
bool is_time_word(std::string_view w) {
  constexpr std::array<std::string_view, 26> kWords = {
      "monday",    "tuesday",  "wednesday", "thursday", "friday",    "saturday", "sunday",
      "january",   "february", "march",     "april",    "june",      "july",     "august",
      "september", "october",  "november",  "december", "yesterday", "today",    "tomorrow",
      "tonight",   "morning",  "afternoon", "evening",  "overnight"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// Size of the intersection of two sorted multisets.
std::size_t multiset_intersection(const std::vector<std::uint64_t>& a,
                                  const std::vector<std::uint64_t>& b) {
  return intersection_size(a, b);  // the merge counts repeated values pairwise
}

// BLEU-like score of `hyp` against `ref` from clipped n-gram matches (n = 1..4, add-one
// smoothing for n > 1) and a brevity penalty; matches[n] is the same in both directions.
double bleu(const std::array<std::size_t, 4>& matches, const SentenceFeatures& hyp,
            const SentenceFeatures& ref) {
  const double c = static_cast<double>(hyp.stem_ngrams[0].size());
  const double r = static_cast<double>(ref.stem_ngrams[0].size());
  if (c == 0 || matches[0] == 0) return 0.0;
  double log_sum = 0;
  for (std::size_t n = 0; n < 4; ++n) {
    const double total = static_cast<double>(hyp.stem_ngrams[n].size());
    const double m = static_cast<double>(matches[n]);
    log_sum += n == 0 ? std::log(m / total) : std::log((m + 1) / (total + 1));
  }
  const double brevity = c < r ? std::exp(1.0 - r / c) : 1.0;
  return brevity * std::exp(log_sum / 4);
}

// One-to-one word alignment in the manner of METEOR: exact stems first, then WordNet
// synonyms and derivations (similarity >= 0.8) among content words. Greedy in x's order,
// preferring whatever keeps chunks whole (METEOR proper minimises the chunk count).
struct Alignment {
  std::vector<int> x_to_y;  // -1: unaligned
  std::vector<bool> y_aligned;
  std::size_t matches = 0;
  std::size_t chunks = 0;
};

Alignment align_words(const SentenceFeatures& x, const SentenceFeatures& y,
                      const represent::WordNet* wordnet) {
  constexpr std::size_t kMaxRun = 8;  // longer runs are as good (bounds the work)
  const std::size_t nx = std::min(x.words.size(), kMaxOrderTokens);
  const std::size_t ny = std::min(y.words.size(), kMaxOrderTokens);
  Alignment al;
  al.x_to_y.assign(nx, -1);
  al.y_aligned.assign(ny, false);
  for (int stage = 0; stage < 2; ++stage) {
    if (stage == 1 && wordnet == nullptr) break;
    int previous = -1;
    for (std::size_t i = 0; i < nx; ++i) {
      if (al.x_to_y[i] >= 0) {
        previous = al.x_to_y[i];
        continue;
      }
      const FeatureWord& w = x.words[i];
      if (stage == 1 && (w.stopword || w.number || w.wordnet.empty())) continue;
      // Preference: the slot right after the previous alignment (the chunk goes on),
      // then the longest run of exact matches starting here, then the nearest slot.
      int best = -1;
      std::size_t best_run = 0;
      long best_distance = 0;
      for (std::size_t j = 0; j < ny; ++j) {
        if (al.y_aligned[j]) continue;
        const FeatureWord& v = y.words[j];
        bool match = false;
        if (stage == 0) {
          match = v.stem == w.stem;
        } else if (!v.stopword && !v.number && !v.wordnet.empty()) {
          match = wordnet->similarity(w.wordnet, v.wordnet) >= 0.8;
        }
        if (!match) continue;
        std::size_t run = 1;
        if (stage == 0) {
          while (run < kMaxRun && i + run < nx && j + run < ny && !al.y_aligned[j + run] &&
                 x.words[i + run].stem == y.words[j + run].stem)
            ++run;
        }
        if (static_cast<long>(j) == previous + 1) run = kMaxRun + 1;
        // Distance from the slot after the previous alignment; words after it first.
        const long offset = static_cast<long>(j) - (previous + 1);
        const long distance = offset >= 0 ? 2 * offset : -2 * offset - 1;
        if (best < 0 || run > best_run || (run == best_run && distance < best_distance)) {
          best = static_cast<int>(j);
          best_run = run;
          best_distance = distance;
        }
      }
      if (best >= 0) {
        al.x_to_y[i] = best;
        al.y_aligned[static_cast<std::size_t>(best)] = true;
        previous = best;
      }
    }
  }
  for (std::size_t i = 0; i < nx; ++i) {
    if (al.x_to_y[i] < 0) continue;
    ++al.matches;
    if (i == 0 || al.x_to_y[i - 1] < 0 || al.x_to_y[i - 1] + 1 != al.x_to_y[i]) ++al.chunks;
  }
  return al;
}

// METEOR-like score with x as hypothesis: recall-weighted F-mean times the
// fragmentation penalty 1 - 0.5 (chunks / matches)^3.
double meteor(double matches, double chunks, double hyp_length, double ref_length) {
  if (matches == 0 || hyp_length == 0 || ref_length == 0) return 0.0;
  const double precision = matches / hyp_length;
  const double recall = matches / ref_length;
  const double fmean = 10 * precision * recall / (recall + 9 * precision);
  const double fragmentation = chunks / matches;
  return fmean * (1.0 - 0.5 * fragmentation * fragmentation * fragmentation);
}

// Longest run of consecutive unaligned words (an extra clause on one side).
std::size_t longest_unaligned_run(const std::vector<bool>& aligned) {
  std::size_t best = 0;
  std::size_t run = 0;
  for (bool a : aligned) {
    run = a ? 0 : run + 1;
    best = std::max(best, run);
  }
  return best;
}

// Levenshtein distance, longest common subsequence and longest common substring of the
// two stem sequences (first kMaxOrderTokens words), in one pass of rolling rows.
struct SequenceMeasures {
  std::size_t edit = 0;
  std::size_t subsequence = 0;
  std::size_t substring = 0;
};

SequenceMeasures sequence_measures(const SentenceFeatures& a, const SentenceFeatures& b) {
  const std::size_t na = std::min(a.words.size(), kMaxOrderTokens);
  const std::size_t nb = std::min(b.words.size(), kMaxOrderTokens);
  std::vector<std::size_t> edit(nb + 1), edit_next(nb + 1);
  std::vector<std::size_t> lcs(nb + 1, 0), lcs_next(nb + 1);
  std::vector<std::size_t> run(nb + 1, 0), run_next(nb + 1);
  for (std::size_t j = 0; j <= nb; ++j) edit[j] = j;
  SequenceMeasures m;
  for (std::size_t i = 1; i <= na; ++i) {
    edit_next[0] = i;
    lcs_next[0] = 0;
    run_next[0] = 0;
    for (std::size_t j = 1; j <= nb; ++j) {
      const bool same = a.words[i - 1].stem == b.words[j - 1].stem;
      edit_next[j] = std::min({edit[j] + 1, edit_next[j - 1] + 1, edit[j - 1] + (same ? 0 : 1)});
      lcs_next[j] = same ? lcs[j - 1] + 1 : std::max(lcs[j], lcs_next[j - 1]);
      run_next[j] = same ? run[j - 1] + 1 : 0;
      m.substring = std::max(m.substring, run_next[j]);
    }
    edit.swap(edit_next);
    lcs.swap(lcs_next);
    run.swap(run_next);
  }
  m.edit = edit[nb];
  m.subsequence = lcs[nb];
  return m;
}

// The pair in a fixed order (fewer words first, then by the word sequence), so that
// the greedy alignment, hence every feature, is the same for (a, b) and (b, a).
bool comes_first(const SentenceFeatures& a, const SentenceFeatures& b) {
  if (a.words.size() != b.words.size()) return a.words.size() < b.words.size();
  for (std::size_t i = 0; i < a.words.size(); ++i) {
    if (a.words[i].stem != b.words[i].stem) return a.words[i].stem < b.words[i].stem;
    if (a.words[i].form != b.words[i].form) return a.words[i].form < b.words[i].form;
  }
  return true;
}

// First content word that is not a number: the subject proxy of a news sentence.
const FeatureWord* first_content_word(const SentenceFeatures& f) {
  for (std::uint32_t i : f.content) {
    if (!f.words[i].number) return &f.words[i];
  }
  return nullptr;
}

// What one side of the alignment leaves unaligned among its content words (the first
// kMaxOrderTokens words): the share of their IDF mass, and how many are numbers,
// capitalised words (names) and words with a WordNet verb sense.
struct Unaligned {
  double idf_share = 0;
  double numbers = 0;
  double names = 0;
  double verbs = 0;
  double pos_verbs = 0;  ///< round 5: non-name words whose most likely tag is a verb
  double pos_nouns = 0;  ///< round 5: words whose most likely tag is a (proper) noun
};

bool likely_verb(const SentenceFeatures& f, const FeatureWord& w);
bool likely_noun(const FeatureWord& w);

Unaligned unaligned_words(const SentenceFeatures& f, const std::vector<bool>& aligned) {
  Unaligned u;
  double total = 0;
  double left = 0;
  for (std::size_t i = 0; i < aligned.size(); ++i) {
    const FeatureWord& w = f.words[i];
    if (w.stopword) continue;
    total += w.idf;
    if (aligned[i]) continue;
    left += w.idf;
    if (!w.capitalised && likely_verb(f, w)) u.pos_verbs += 1;
    if (likely_noun(w)) u.pos_nouns += 1;
    if (w.number) {
      u.numbers += 1;
    } else if (w.capitalised) {
      u.names += 1;
    } else if (represent::WordNet::has_verb(w.wordnet)) {
      u.verbs += 1;
    }
  }
  u.idf_share = total > 0 ? left / total : 0.0;
  return u;
}

// True if f's word `verb` reads as a passive with respect to the word `moved` after it: a
// form of "be" (or "get") right before it, one word between allowed ("was arrested", "has
// been quickly arrested"), unless it ends in "-ing" (progressive: "are investigating"), or
// "by" between the two ("arrested by police").
bool passive_at(const SentenceFeatures& f, std::size_t verb, std::size_t moved) {
  constexpr std::array<std::string_view, 11> kAuxiliaries = {
      "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten"};
  const std::string& form = f.words[verb].norm;
  const bool progressive = form.size() > 4 && form.compare(form.size() - 3, 3, "ing") == 0;
  for (std::size_t back = 1; !progressive && back <= 2 && back <= verb; ++back) {
    const std::string& w = f.words[verb - back].norm;
    if (std::find(kAuxiliaries.begin(), kAuxiliaries.end(), w) != kAuxiliaries.end()) return true;
  }
  for (std::size_t p = verb + 1; p < moved && p < f.words.size(); ++p) {
    if (f.words[p].norm == "by") return true;
  }
  return false;
}

// Round 7: two passives whose moved words follow different prepositions, neither "by"
// ("hay was loaded onto the wagon" / "the wagon was loaded with hay"; "sprayed onto" /
// "sprayed with"): the locative or dative alternation keeps the roles, no agent moved.
// The first preposition after each verb, before its moved word, is compared.
bool locative_alternation(const SentenceFeatures& x, std::size_t verb_x, std::size_t moved_x,
                          const SentenceFeatures& y, std::size_t verb_y, std::size_t moved_y) {
  constexpr std::array<std::string_view, 13> kPrepositions = {
      "by", "to", "with", "onto", "into", "on", "in", "from", "for", "at", "of", "upon", "over"};
  auto preposition = [&](const SentenceFeatures& f, std::size_t verb,
                         std::size_t moved) -> std::string_view {
    for (std::size_t p = verb + 1; p < moved && p < f.words.size(); ++p) {
      const std::string& w = f.words[p].norm;
      if (std::find(kPrepositions.begin(), kPrepositions.end(), w) != kPrepositions.end()) return w;
    }
    return {};
  };
  const std::string_view px = preposition(x, verb_x, moved_x);
  const std::string_view py = preposition(y, verb_y, moved_y);
  return !px.empty() && !py.empty() && px != py && px != "by" && py != "by";
}

// A word WordNet knows as a verb and not as a noun ("arrested", "sued", "fled"; not
// "company", "arrest", "cut"): the fallback of likely_verb without parts of speech.
bool verb_only(const FeatureWord& w) {
  return represent::WordNet::has_verb(w.wordnet) && !represent::WordNet::has_noun(w.wordnet);
}

// A content word whose most likely tag (en-lexicon) is a verb: "beat", "cut", "defeated",
// "arrested"; not "company", "police", "talks", nor a capitalised name ("Rob", "Will").
// Without parts of speech in the resource: verb_only (the WordNet senses).
bool likely_verb(const SentenceFeatures& f, const FeatureWord& w) {
  if (w.stopword || w.number) return false;
  if (!f.tagged) return verb_only(w);
  if (w.capitalised && w.pos.name) return false;
  return w.pos.likely_verb();
}

// Round 5 (docs/matcher.md): a content word whose most likely tag is a noun or a proper
// noun (unknown words included: the tagger's default), numbers left out.
bool likely_noun(const FeatureWord& w) {
  using Class = represent::PartOfSpeech::Class;
  if (w.stopword || w.number) return false;
  return w.pos.first == Class::kNoun || w.pos.first == Class::kProperNoun ||
         (w.capitalised && w.pos.name);
}

// Swapped roles around a shared verb ("police arrested the protester" / "the protester
// arrested the police"), from the one-to-one alignment: three consecutive aligned content
// words i < k < j of x (numbers left out) with y(j) < y(k) < y(i), where k's most likely
// tag is a verb (likely_verb: "beat", "defeated"; without parts of speech a WordNet verb
// and no noun): one conflict, like a swapped number or name. A passive on one side only
// explains the reversal ("the protester was arrested by police"; "41 people were injured
// when the train derailed" / "the train derailed, injuring 41 people"), so it is none;
// passives on both sides are. Reversed lists ("France, Germany and Italy") have no verb in
// the middle. Linear in the words.
bool roles_swapped(const SentenceFeatures& x, const SentenceFeatures& y, const Alignment& al) {
  struct Link {
    std::size_t x;
    std::size_t y;
  };
  std::vector<Link> links;  // aligned content words, in x's order
  for (std::size_t i = 0; i < al.x_to_y.size(); ++i) {
    const FeatureWord& w = x.words[i];
    if (al.x_to_y[i] < 0 || w.stopword || w.number) continue;
    links.push_back({i, static_cast<std::size_t>(al.x_to_y[i])});
  }
  for (std::size_t k = 1; k + 1 < links.size(); ++k) {
    const Link& first = links[k - 1];  // before the verb in x, after it in y
    const Link& verb = links[k];
    const Link& last = links[k + 1];  // after the verb in x, before it in y
    if (!(first.y > verb.y && last.y < verb.y)) continue;
    if (!likely_verb(x, x.words[verb.x]) && !likely_verb(y, y.words[verb.y])) continue;
    const bool passive_x = passive_at(x, verb.x, last.x);
    if (passive_x != passive_at(y, verb.y, first.y)) continue;
    if (passive_x && locative_alternation(x, verb.x, last.x, y, verb.y, first.y)) continue;
    return true;
  }
  return false;
}

// Round 5: the main verb of a sentence, as the first content word after the subject proxy
// (first_content_word) whose most likely tag is a verb, among the first kMaxOrderTokens
// words; -1 when there is none.
int main_verb(const SentenceFeatures& f) {
  const FeatureWord* subject = first_content_word(f);
  if (subject == nullptr) return -1;
  const std::size_t n = std::min(f.words.size(), kMaxOrderTokens);
  std::size_t i = static_cast<std::size_t>(subject - f.words.data()) + 1;
  for (; i < n; ++i) {
    if (likely_verb(f, f.words[i])) return static_cast<int>(i);
  }
  return -1;
}

// Whether the two main verbs agree: aligned to each other, the same stem, or WordNet
// synonyms or derivations (>= 0.8). 1 agree, 0 differ, -1 a side has none.
int main_verbs_agree(const SentenceFeatures& x, const SentenceFeatures& y, const Alignment& al,
                     const represent::WordNet* wordnet) {
  const int vx = main_verb(x);
  const int vy = main_verb(y);
  if (vx < 0 || vy < 0) return -1;
  const FeatureWord& a = x.words[static_cast<std::size_t>(vx)];
  const FeatureWord& b = y.words[static_cast<std::size_t>(vy)];
  if (al.x_to_y[static_cast<std::size_t>(vx)] == vy || a.stem == b.stem) return 1;
  if (wordnet != nullptr && !a.wordnet.empty() && !b.wordnet.empty() &&
      wordnet->similarity(a.wordnet, b.wordnet) >= 0.8) {
    return 1;
  }
  return 0;
}

// Round 6 candidate: greedy one-to-one alignment of the two sides' content words by the
// lexicon's term vectors (exact stems first, then free pairs in descending term cosine,
// ties by position, only cosines >= 0.5); per side the IDF-weighted share of its content
// words aligned. Reads at most the first kMaxOrderTokens content words of each side.
struct LatentAlignment {
  double share_a = 1, share_b = 1;
};

LatentAlignment latent_alignment(const SentenceFeatures& a, const SentenceFeatures& b,
                                 const represent::Lexicon& lexicon) {
  const std::size_t na = std::min(a.content.size(), kMaxOrderTokens);
  const std::size_t nb = std::min(b.content.size(), kMaxOrderTokens);
  std::vector<bool> used_a(na, false), used_b(nb, false);
  for (std::size_t i = 0; i < na; ++i) {
    const FeatureWord& w = a.words[a.content[i]];
    for (std::size_t j = 0; j < nb; ++j) {
      if (!used_b[j] && b.words[b.content[j]].stem == w.stem) {
        used_a[i] = used_b[j] = true;
        break;
      }
    }
  }
  struct Link {
    double cosine;
    std::uint32_t i, j;
  };
  std::vector<Link> links;
  for (std::size_t i = 0; i < na; ++i) {
    const FeatureWord& w = a.words[a.content[i]];
    if (used_a[i] || w.number || !lexicon.has_vector(w.lexicon_id)) continue;
    for (std::size_t j = 0; j < nb; ++j) {
      const FeatureWord& v = b.words[b.content[j]];
      if (used_b[j] || v.number || !lexicon.has_vector(v.lexicon_id)) continue;
      const double c = term_cosine(lexicon, w.lexicon_id, v.lexicon_id);
      if (c >= 0.5)
        links.push_back({c, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)});
    }
  }
  std::sort(links.begin(), links.end(), [](const Link& x, const Link& y) {
    if (x.cosine != y.cosine) return x.cosine > y.cosine;
    return x.i != y.i ? x.i < y.i : x.j < y.j;
  });
  for (const Link& l : links) {
    if (used_a[l.i] || used_b[l.j]) continue;
    used_a[l.i] = used_b[l.j] = true;
  }
  auto share = [](const SentenceFeatures& f, const std::vector<bool>& used) {
    double total = 0, aligned = 0;
    for (std::size_t i = 0; i < used.size(); ++i) {
      const double idf = f.words[f.content[i]].idf;
      total += idf;
      if (used[i]) aligned += idf;
    }
    return total > 0 ? aligned / total : 1.0;
  };
  LatentAlignment out;
  out.share_a = share(a, used_a);
  out.share_b = share(b, used_b);
  return out;
}

constexpr std::array<std::string_view, 72> kBaseFeatures = {
    "stem_recall_min",
    "stem_recall_max",
    "idf_recall_min",
    "idf_recall_max",
    "soft_recall_min",
    "soft_recall_max",
    "unigram_dice",
    "bigram_dice",
    "trigram_dice",
    "latent_cosine",
    "missing_idf_max",
    "missing_idf_min",
    "numbers_both",
    "numbers_conflict",
    "numbers_unmatched",
    "names_unmatched",
    "names_unmatched_share",
    "negation_mismatch",
    "modality_mismatch",
    "length_difference",
    "length_min_log",
    "order_agreement",
    "content_idf_difference",
    "contains",
    "stem_jaccard",
    "exact_match",
    "wordnet_recall_min",
    "wordnet_recall_max",
    "antonym",
    "missing_max",
    "missing_min",
    "shared_count_log",
    "char_trigram_dice",
    "numbers_swap",
    "names_swap",
    "near_identical",
    "weight_recall_min",
    "weight_recall_max",
    "missing_weight_max",
    "missing_weight_min",
    // Word order (MT metrics: Madnani et al. 2012) and role cues.
    "mt_bleu_min",
    "mt_bleu_max",
    "mt_meteor_min",
    "mt_meteor_max",
    "mt_fragmentation",
    "mt_edit_distance",
    "mt_lcs_min",
    "mt_lcs_max",
    "mt_longest_substring",
    "role_subject_agree",
    "role_attribution_one_side",
    "role_time_one_side",
    "role_time_conflict",
    "role_future_mismatch",
    "role_unaligned_run_log",
    "role_unaligned_run_share",
    // Conflict cue only (the trainer keeps it out of the model).
    "roles_swap",
    // Round 4 candidates (docs/matcher.md).
    "char4_cosine",
    "unaligned_idf_max",
    "unaligned_idf_min",
    "unaligned_kind_number_max",
    "unaligned_kind_name_max",
    "unaligned_kind_verb_max",
    "unaligned_kind_verb_min",
    // Round 5 candidates: parts of speech from en-lexicon (docs/matcher.md).
    "pos_unaligned_verb_max",
    "pos_unaligned_verb_min",
    "pos_unaligned_noun_max",
    "pos_unaligned_noun_min",
    "pos_main_verb_agree",
    "pos_main_verb_differ",
    // Round 6 candidate: alignment by the lexicon's term vectors (docs/matcher.md).
    "latent_align_min",
    "latent_align_max",
};

}  // namespace

SentenceFeatures sentence_features(std::string_view text, Span span, represent::Stemmer& stemmer,
                                   const represent::Lexicon& lexicon,
                                   const represent::WordNet* wordnet) {
  SentenceFeatures f;
  f.tagged = wordnet != nullptr && !wordnet->part_of_speech().empty();
  std::vector<segment::Token> tokens = segment::tokenize(text, span);
  // Lexicon ids of the bigrams of adjacent content stems ("stem1 stem2"), when the
  // lexicon has such terms (latent vector only).
  const bool bigrams = lexicon.has_bigrams();
  std::vector<std::uint32_t> bigram_ids;
  std::string previous_stem;
  f.words.reserve(tokens.size());
  bool consumed = false;  // this token is the multiplier of the previous number
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    const segment::Token& token = tokens[t];
    FeatureWord w;
    std::string_view word = token.norm;
    if (word.size() > 2 && word.substr(word.size() - 2) == "'s") word.remove_suffix(2);
    w.norm = std::string(word);
    w.form = fnv1a64(w.norm);
    const unsigned char first = token.span.start < text.size() ? text[token.span.start] : 0;
    w.capitalised = t > 0 && first >= 'A' && first <= 'Z';
    double value = 0;
    bool is_value = false;
    if (consumed) {
      consumed = false;
    } else if (token.is_number) {
      is_value = parse_number(token.norm, &value);
    } else {
      // "two", "forty-one"
      const std::size_t hyphen = word.find('-');
      std::string_view tens = word.substr(0, hyphen);
      std::string_view units =
          hyphen == std::string_view::npos ? std::string_view() : word.substr(hyphen + 1);
      for (const NumberWord& n : kNumberWords) {
        if (tens == n.word) {
          value = n.value;
          is_value = true;
        }
      }
      if (is_value && !units.empty()) {
        bool found = false;
        for (const NumberWord& n : kNumberWords) {
          if (units == n.word && n.value < 10) {
            value += n.value;
            found = true;
          }
        }
        if (units == "one") {
          value += 1;
          found = true;
        }
        is_value = found && value >= 20;
      }
    }
    if (is_value) {
      // "3 million", "two thousand": the multiplier scales the value and is consumed.
      if (t + 1 < tokens.size()) {
        const double m = multiplier_of(tokens[t + 1].norm);
        if (m > 0) {
          value *= m;
          consumed = true;
        }
      }
      // "5%" and "5 percent" both give 5.
      w.number = true;
      w.stem = number_hash(value);
      w.idf = static_cast<float>(lexicon.idf(represent::Lexicon::kMissing));
      f.numbers.push_back(value);
    } else if (token.is_number) {
      w.number = true;
      w.stem = fnv1a64(w.norm);
      w.idf = static_cast<float>(lexicon.idf(represent::Lexicon::kMissing));
    } else {
      if (is_negation(word) || negative_implicative(tokens, t, stemmer)) ++f.negations;
      f.modality |= modality_of(word);
      if (is_attribution(word)) f.attribution = true;
      if (is_future(word)) f.future = true;
      if (is_time_word(word)) f.time_words.push_back(w.form);
      w.stopword = represent::is_stopword(word) || multiplier_of(word) > 0;
      if (!w.stopword) {
        const std::string stem = stemmer.stem(word);
        if (bigrams) {
          if (!previous_stem.empty()) {
            const std::uint32_t id = lexicon.find(previous_stem + " " + stem);
            if (lexicon.has_vector(id)) bigram_ids.push_back(id);
          }
          previous_stem = stem;
        }
        w.stem = fnv1a64(stem);
        w.lexicon_id = lexicon.find(stem);
        w.idf = static_cast<float>(lexicon.idf(w.lexicon_id));
        if (wordnet != nullptr) {
          w.wordnet = wordnet->lookup(word);
          w.pos = wordnet->part_of_speech().lookup(word);
        }
      } else {
        w.stem = w.form;
      }
    }
    if (w.capitalised && !w.stopword && !w.number) f.names.push_back(w.stem);
    f.words.push_back(std::move(w));
  }
  // Unique content stems, first occurrence kept.
  for (std::uint32_t i = 0; i < f.words.size(); ++i) {
    const FeatureWord& w = f.words[i];
    if (w.stopword) continue;
    if (contains(f.stems, w.stem)) continue;
    f.content.push_back(i);
    f.stems.insert(std::upper_bound(f.stems.begin(), f.stems.end(), w.stem), w.stem);
    f.content_idf += w.idf;
  }
  for (std::size_t i = 0; i < f.words.size(); ++i) {
    f.unigrams.push_back(f.words[i].form);
    if (i + 1 < f.words.size()) f.bigrams.push_back(combine(f.words[i].form, f.words[i + 1].form));
    if (i + 2 < f.words.size()) {
      f.trigrams.push_back(
          combine(combine(f.words[i].form, f.words[i + 1].form), f.words[i + 2].form));
    }
  }
  // Character trigrams of the content words (with word boundaries): spelling variants
  // and names ("Al-Kut"/"Kut", "organise"/"organize").
  for (std::uint32_t i : f.content) {
    const std::string padded = "#" + f.words[i].norm + "#";
    for (std::size_t c = 0; c + 3 <= padded.size(); ++c) {
      f.char_trigrams.push_back(fnv1a64(std::string_view(padded).substr(c, 3)));
    }
  }
  // Stem n-grams for the BLEU-like features (multisets: duplicates kept).
  const std::size_t ordered = std::min(f.words.size(), kMaxOrderTokens);
  for (std::size_t n = 0; n < 4; ++n) {
    for (std::size_t i = 0; i + n < ordered; ++i) {
      std::uint64_t h = f.words[i].stem;
      for (std::size_t k = 1; k <= n; ++k) h = combine(h, f.words[i + k].stem);
      f.stem_ngrams[n].push_back(h);
    }
    std::sort(f.stem_ngrams[n].begin(), f.stem_ngrams[n].end());
  }
  // Quotation marks (straight or curly) count as attribution.
  const std::size_t body_end = std::min(span.end, text.size());
  const std::string_view body =
      span.start < body_end ? text.substr(span.start, body_end - span.start) : std::string_view();
  if (body.find('"') != std::string_view::npos ||
      body.find("\xe2\x80\x9c") != std::string_view::npos ||
      body.find("\xe2\x80\x9d") != std::string_view::npos) {
    f.attribution = true;
  }
  // Character 4-grams of the whole sentence, stopwords and spaces included (round 4).
  {
    std::string joined = " ";
    for (std::size_t i = 0; i < ordered; ++i) {
      joined += f.words[i].norm;
      joined += ' ';
    }
    for (std::size_t c = 0; c + 4 <= joined.size(); ++c) {
      f.char_4grams.push_back(fnv1a64(std::string_view(joined).substr(c, 4)));
    }
    sort_unique(f.char_4grams);
  }
  sort_unique(f.time_words);
  sort_unique(f.char_trigrams);
  sort_unique(f.unigrams);
  sort_unique(f.bigrams);
  sort_unique(f.trigrams);
  sort_unique(f.names);
  std::sort(f.numbers.begin(), f.numbers.end());
  f.numbers.erase(std::unique(f.numbers.begin(), f.numbers.end()), f.numbers.end());

  // Latent vector: sum of the content words' term vectors, each scaled by the stem's
  // lexicon weight (the trainer's term weighting: IDF or TF-KLD).
  const std::uint32_t dims = lexicon.dimensions();
  if (dims > 0) {
    std::vector<double> sum(dims, 0.0);
    bool any = false;
    for (std::uint32_t i : f.content) {
      const FeatureWord& w = f.words[i];
      if (!lexicon.has_vector(w.lexicon_id)) continue;
      any = true;
      const double weight =
          double(lexicon.weight(w.lexicon_id)) * lexicon.vector_scale(w.lexicon_id);
      const std::int8_t* v = lexicon.vector(w.lexicon_id);
      for (std::uint32_t d = 0; d < dims; ++d) sum[d] += weight * v[d];
    }
    std::sort(bigram_ids.begin(), bigram_ids.end());
    bigram_ids.erase(std::unique(bigram_ids.begin(), bigram_ids.end()), bigram_ids.end());
    for (std::uint32_t id : bigram_ids) {
      any = true;
      const double weight = double(lexicon.weight(id)) * lexicon.vector_scale(id);
      const std::int8_t* v = lexicon.vector(id);
      for (std::uint32_t d = 0; d < dims; ++d) sum[d] += weight * v[d];
    }
    double norm = 0;
    for (double x : sum) norm += x * x;
    norm = std::sqrt(norm);
    if (any && norm > 0) {
      f.latent.resize(dims);
      for (std::uint32_t d = 0; d < dims; ++d) f.latent[d] = static_cast<float>(sum[d] / norm);
    }
  }
  return f;
}

std::vector<std::string> conflict_feature_names() {
  return {"negation_mismatch", "numbers_swap", "names_swap", "antonym", "roles_swap"};
}

std::vector<std::string> pair_feature_names(const represent::Lexicon& lexicon) {
  const std::uint32_t dims = lexicon.dimensions();
  std::vector<std::string> names(kBaseFeatures.begin(), kBaseFeatures.end());
  for (std::uint32_t d = 0; d < dims; ++d) names.push_back("latent_product_" + std::to_string(d));
  for (std::uint32_t d = 0; d < dims; ++d)
    names.push_back("latent_difference_" + std::to_string(d));
  // Round 8 (nmf): [u+v, |u-v|] as Ji & Eisenstein (2013) feed them to their classifier.
  for (std::uint32_t d = 0; d < dims; ++d) names.push_back("latent_sum_" + std::to_string(d));
  return names;
}

std::vector<double> pair_features(const SentenceFeatures& a, const SentenceFeatures& b,
                                  const represent::Lexicon& lexicon,
                                  const represent::WordNet* wordnet) {
  std::vector<double> out;
  out.reserve(kBaseFeatures.size() + 3 * std::size_t{lexicon.dimensions()});
  const double shared = static_cast<double>(intersection_size(a.stems, b.stems));
  const double ra = a.stems.empty() ? 1.0 : shared / static_cast<double>(a.stems.size());
  const double rb = b.stems.empty() ? 1.0 : shared / static_cast<double>(b.stems.size());
  const Coverage ca = coverage(a, b, lexicon, wordnet);
  const Coverage cb = coverage(b, a, lexicon, wordnet);
  out.push_back(std::min(ra, rb));
  out.push_back(std::max(ra, rb));
  out.push_back(std::min(ca.exact, cb.exact));
  out.push_back(std::max(ca.exact, cb.exact));
  out.push_back(std::min(ca.soft, cb.soft));
  out.push_back(std::max(ca.soft, cb.soft));
  out.push_back(dice(a.unigrams, b.unigrams));
  out.push_back(dice(a.bigrams, b.bigrams));
  out.push_back(dice(a.trigrams, b.trigrams));
  double cosine = 0;
  if (!a.latent.empty() && !b.latent.empty()) {
    for (std::size_t d = 0; d < a.latent.size(); ++d)
      cosine += double(a.latent[d]) * double(b.latent[d]);
  }
  out.push_back(cosine);
  out.push_back(std::max(ca.max_missing, cb.max_missing));
  out.push_back(std::min(ca.max_missing, cb.max_missing));

  const std::size_t na = unmatched_numbers(a.numbers, b.numbers);
  const std::size_t nb = unmatched_numbers(b.numbers, a.numbers);
  const bool both = !a.numbers.empty() && !b.numbers.empty();
  out.push_back(both ? 1.0 : 0.0);
  out.push_back(both && (na > 0 || nb > 0) ? 1.0 : 0.0);
  out.push_back(static_cast<double>(na + nb));

  const std::size_t ma = unmatched_names(a, b);
  const std::size_t mb = unmatched_names(b, a);
  const std::size_t names = a.names.size() + b.names.size();
  out.push_back(static_cast<double>(ma + mb));
  out.push_back(names == 0 ? 0.0 : static_cast<double>(ma + mb) / static_cast<double>(names));
  out.push_back((a.negations > 0) != (b.negations > 0) ? 1.0 : 0.0);
  out.push_back(a.modality != b.modality ? 1.0 : 0.0);

  const double la = static_cast<double>(a.words.size());
  const double lb = static_cast<double>(b.words.size());
  out.push_back(std::max(la, lb) > 0 ? std::fabs(la - lb) / std::max(la, lb) : 0.0);
  out.push_back(std::log1p(static_cast<double>(std::min(a.content.size(), b.content.size()))));
  out.push_back(std::min(order_agreement(a, b), order_agreement(b, a)));
  const double ia = a.content_idf;
  const double ib = b.content_idf;
  out.push_back(std::max(ia, ib) > 0 ? std::fabs(ia - ib) / std::max(ia, ib) : 0.0);
  out.push_back(std::max(ra, rb) >= 1.0 ? 1.0 : 0.0);
  const double uni = static_cast<double>(a.stems.size() + b.stems.size()) - shared;
  out.push_back(uni > 0 ? shared / uni : 1.0);
  out.push_back(a.unigrams == b.unigrams ? 1.0 : 0.0);
  out.push_back(std::min(ca.wordnet, cb.wordnet));
  out.push_back(std::max(ca.wordnet, cb.wordnet));
  out.push_back(ca.antonym || cb.antonym ? 1.0 : 0.0);
  out.push_back(std::max(ca.missing, cb.missing));
  out.push_back(std::min(ca.missing, cb.missing));
  out.push_back(std::log1p(shared));
  out.push_back(dice(a.char_trigrams, b.char_trigrams));
  // One-for-one substitutions ("41" for "14", "Warren" for "Collins").
  out.push_back(na == 1 && nb == 1 ? 1.0 : 0.0);
  out.push_back(names_swapped(a, b, wordnet) ? 1.0 : 0.0);
  // At most one content word on each side is unmatched (even by WordNet).
  out.push_back(std::max(ca.missing, cb.missing) <= 1 ? 1.0 : 0.0);
  // Overlap weighted by the lexicon's term weights (TF-KLD: learned from labelled pairs).
  out.push_back(std::min(ca.weighted, cb.weighted));
  out.push_back(std::max(ca.weighted, cb.weighted));
  out.push_back(std::max(ca.max_missing_weight, cb.max_missing_weight));
  out.push_back(std::min(ca.max_missing_weight, cb.max_missing_weight));

  // Word order: BLEU- and METEOR-like scores, edit distance, common subsequences.
  const bool a_first = comes_first(a, b);
  const SentenceFeatures& x = a_first ? a : b;  // fewer words
  const SentenceFeatures& y = a_first ? b : a;
  std::array<std::size_t, 4> matches{};
  for (std::size_t n = 0; n < 4; ++n)
    matches[n] = multiset_intersection(x.stem_ngrams[n], y.stem_ngrams[n]);
  const double bleu_x = bleu(matches, x, y);
  const double bleu_y = bleu(matches, y, x);
  out.push_back(std::min(bleu_x, bleu_y));
  out.push_back(std::max(bleu_x, bleu_y));
  const Alignment al = align_words(x, y, wordnet);
  const double nx = static_cast<double>(al.x_to_y.size());
  const double ny = static_cast<double>(al.y_aligned.size());
  const double matched = static_cast<double>(al.matches);
  const double chunks = static_cast<double>(al.chunks);
  const double meteor_x = meteor(matched, chunks, nx, ny);
  const double meteor_y = meteor(matched, chunks, ny, nx);
  out.push_back(std::min(meteor_x, meteor_y));
  out.push_back(std::max(meteor_x, meteor_y));
  out.push_back(al.matches > 0 ? chunks / matched : 1.0);
  const SequenceMeasures seq = sequence_measures(x, y);
  const double longest = std::max(nx, ny);
  const double shortest = std::min(nx, ny);
  out.push_back(longest > 0 ? static_cast<double>(seq.edit) / longest : 0.0);
  out.push_back(longest > 0 ? static_cast<double>(seq.subsequence) / longest : 1.0);
  out.push_back(shortest > 0 ? static_cast<double>(seq.subsequence) / shortest : 1.0);
  out.push_back(shortest > 0 ? static_cast<double>(seq.substring) / shortest : 1.0);

  // Role cues: subject proxy, attribution, time words, future tense, an extra clause.
  const FeatureWord* sa = first_content_word(a);
  const FeatureWord* sb = first_content_word(b);
  bool subject = sa == nullptr && sb == nullptr;
  if (sa != nullptr && sb != nullptr) {
    subject = sa->stem == sb->stem ||
              (wordnet != nullptr && !sa->wordnet.empty() && !sb->wordnet.empty() &&
               wordnet->similarity(sa->wordnet, sb->wordnet) >= 0.8);
  }
  out.push_back(subject ? 1.0 : 0.0);
  out.push_back(a.attribution != b.attribution ? 1.0 : 0.0);
  out.push_back(a.time_words.empty() != b.time_words.empty() ? 1.0 : 0.0);
  out.push_back(!a.time_words.empty() && !b.time_words.empty() &&
                        intersection_size(a.time_words, b.time_words) == 0
                    ? 1.0
                    : 0.0);
  out.push_back(a.future != b.future ? 1.0 : 0.0);
  std::vector<bool> x_aligned(al.x_to_y.size());
  for (std::size_t i = 0; i < al.x_to_y.size(); ++i) x_aligned[i] = al.x_to_y[i] >= 0;
  const std::size_t run_x = longest_unaligned_run(x_aligned);
  const std::size_t run_y = longest_unaligned_run(al.y_aligned);
  out.push_back(std::log1p(static_cast<double>(std::max(run_x, run_y))));
  out.push_back(std::max(nx > 0 ? static_cast<double>(run_x) / nx : 0.0,
                         ny > 0 ? static_cast<double>(run_y) / ny : 0.0));
  out.push_back(roles_swapped(x, y, al) ? 1.0 : 0.0);
  // Round 4: character 4-gram cosine (binary), what the alignment leaves unaligned.
  const double grams4 =
      static_cast<double>(x.char_4grams.size()) * static_cast<double>(y.char_4grams.size());
  out.push_back(grams4 > 0 ? static_cast<double>(intersection_size(x.char_4grams, y.char_4grams)) /
                                 std::sqrt(grams4)
                           : 0.0);
  const Unaligned ux = unaligned_words(x, x_aligned);
  const Unaligned uy = unaligned_words(y, al.y_aligned);
  out.push_back(std::max(ux.idf_share, uy.idf_share));
  out.push_back(std::min(ux.idf_share, uy.idf_share));
  out.push_back(std::max(ux.numbers, uy.numbers));
  out.push_back(std::max(ux.names, uy.names));
  out.push_back(std::max(ux.verbs, uy.verbs));
  out.push_back(std::min(ux.verbs, uy.verbs));
  // Round 5: parts of speech.
  out.push_back(std::max(ux.pos_verbs, uy.pos_verbs));
  out.push_back(std::min(ux.pos_verbs, uy.pos_verbs));
  out.push_back(std::max(ux.pos_nouns, uy.pos_nouns));
  out.push_back(std::min(ux.pos_nouns, uy.pos_nouns));
  const int verbs_agree = main_verbs_agree(x, y, al, wordnet);
  out.push_back(verbs_agree == 1 ? 1.0 : 0.0);
  out.push_back(verbs_agree == 0 ? 1.0 : 0.0);
  // Round 6: alignment by term vectors.
  const LatentAlignment latent = latent_alignment(a, b, lexicon);
  out.push_back(std::min(latent.share_a, latent.share_b));
  out.push_back(std::max(latent.share_a, latent.share_b));

  const std::uint32_t dims = lexicon.dimensions();
  for (std::uint32_t d = 0; d < dims; ++d) {
    out.push_back(a.latent.empty() || b.latent.empty() ? 0.0
                                                       : double(a.latent[d]) * double(b.latent[d]));
  }
  for (std::uint32_t d = 0; d < dims; ++d) {
    out.push_back(a.latent.empty() || b.latent.empty()
                      ? 0.0
                      : std::fabs(double(a.latent[d]) - double(b.latent[d])));
  }
  for (std::uint32_t d = 0; d < dims; ++d) {
    out.push_back(a.latent.empty() || b.latent.empty() ? 0.0
                                                       : double(a.latent[d]) + double(b.latent[d]));
  }
  return out;
}

}  // namespace parallax::align
