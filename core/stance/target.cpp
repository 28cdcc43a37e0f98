// Target sentiment (owner: "tone"): how a sentence leans towards one person it mentions.
// target_features reads the VADER-style word valences (tone.cpp) around the mention; a
// multinomial logistic model over them (weights compiled in from generated/target_model.inc,
// trained on NewsMTSC by tools/tone: `bash scripts/train-tone.sh`) gives the probabilities.
// Never fails: a mention outside the words read is scored on the whole sentence.
#include <algorithm>
#include <cmath>

#include "stance/tone_detail.h"

namespace parallax::stance {

namespace {

#include "stance/generated/target_model.inc"

static_assert(kTargetModelFeatures == kTargetFeatures, "retrain: bash scripts/train-tone.sh");

constexpr double kWindow = 3.0;  // distance in words at which a valence counts half

// Where the mention sits among the words of its sentence.
struct Located {
  const std::vector<Word>& words;
  const std::vector<double>& valences;
  std::size_t first = 0, last = 0;  // word positions of the mention (first > last: not found)
};

Located locate(const detail::SentenceWords& read, Span mention) {
  Located l{read.words, read.valences};
  l.first = l.words.size();
  l.last = 0;
  for (std::size_t i = 0; i < l.words.size(); ++i) {
    if (l.words[i].span.end > mention.start && l.words[i].span.start < mention.end) {
      l.first = std::min(l.first, i);
      l.last = std::max(l.last, i);
    }
  }
  return l;
}

std::size_t distance(const Located& l, std::size_t i) {
  if (l.first > l.last) return 0;
  return i < l.first ? l.first - i : (i > l.last ? i - l.last : 0);
}

}  // namespace

double target_window_sentiment(std::string_view text, Span sentence, Span mention) {
  const detail::SentenceWords read = detail::read_sentence(text, sentence);
  const Located l = locate(read, mention);
  double sum = 0;
  for (std::size_t i = 0; i < l.words.size(); ++i) {
    if (l.valences[i] == 0) continue;
    if (l.first <= l.last && i >= l.first && i <= l.last) continue;
    sum += l.valences[i] / (1.0 + static_cast<double>(distance(l, i)) / kWindow);
  }
  return normalize_valence(sum);
}

std::vector<double> target_features(std::string_view text, Span sentence, Span mention) {
  return detail::target_features(text, sentence, mention, detail::read_sentence(text, sentence));
}

std::vector<double> detail::target_features(std::string_view text, Span sentence, Span mention,
                                            const SentenceWords& read) {
  const Located l = locate(read, mention);
  std::vector<double> f(kTargetFeatures, 0.0);
  f[0] = 1.0;
  const bool found = l.first <= l.last;
  double all = 0, weighted = 0;
  for (std::size_t i = 0; i < l.words.size(); ++i) {
    const double v = l.valences[i] / 4.0;
    if (v == 0 || (found && i >= l.first && i <= l.last)) continue;
    all += l.valences[i];
    const std::size_t d = distance(l, i);
    weighted += l.valences[i] / (1.0 + static_cast<double>(d) / kWindow);
    const std::size_t band = !found ? 2 : d <= 3 ? 0 : d <= 10 ? 1 : 2;  // near, middle, far
    f[2 + band * 2 + (v > 0 ? 0 : 1)] += v;                              // 2..7
    if (found) f[8 + (i < l.first ? 0 : 2) + (v > 0 ? 0 : 1)] += v;      // 8..11 before/after
  }
  f[1] = normalize_valence(weighted);
  f[12] = normalize_valence(all);
  std::size_t loaded = 0, negators = 0;
  for (std::size_t i = 0; i < l.words.size(); ++i) {
    loaded += read.entries[i].loaded ? 1 : 0;
    if (found && distance(l, i) <= 3 && distance(l, i) > 0) {
      const std::string& w = l.words[i].lower;
      negators += (w == "not" || w == "no" || w == "never" ||
                   (w.size() > 3 && same_bytes(std::string_view(w).substr(w.size() - 3), "n't")))
                      ? 1
                      : 0;
    }
  }
  f[13] = std::min<double>(3, static_cast<double>(negators));
  f[14] = std::min<double>(3, static_cast<double>(loaded));
  const HedgeCount hedges = read.hedges;
  f[15] = std::min<double>(3, static_cast<double>(hedges.hedges));
  f[16] = std::min<double>(3, static_cast<double>(hedges.boosters));
  const std::string_view s = slice(text, {sentence.start, std::min(sentence.end, text.size())});
  f[17] =
      (s.find('"') != std::string_view::npos || s.find("\xE2\x80\x9C") != std::string_view::npos)
          ? 1.0
          : 0.0;
  f[18] = found && l.first <= 1 ? 1.0 : 0.0;  // the mention opens the sentence (its subject)
  const double n = static_cast<double>(l.words.size());
  f[19] = n / (n + 20.0);  // sentence length, squashed
  return f;
}

namespace {

TargetProbabilities probabilities(const std::vector<double>& f) {
  double z[3];
  for (int c = 0; c < 3; ++c) {
    z[c] = 0;
    for (std::size_t k = 0; k < kTargetFeatures; ++k) z[c] += kTargetWeights[c][k] * f[k];
  }
  const double top = std::max(z[0], std::max(z[1], z[2]));
  double e[3], sum = 0;
  for (int c = 0; c < 3; ++c) sum += (e[c] = std::exp(z[c] - top));
  return {e[0] / sum, e[1] / sum, e[2] / sum};
}

double sentiment(const TargetProbabilities& p) {
  return std::max(-1.0, std::min(1.0, p.positive - p.negative));
}

}  // namespace

TargetProbabilities target_probabilities(std::string_view text, Span sentence, Span mention) {
  return probabilities(target_features(text, sentence, mention));
}

double target_sentiment(std::string_view text, Span sentence, Span mention) {
  return sentiment(target_probabilities(text, sentence, mention));
}

double detail::target_sentiment(std::string_view text, Span sentence, Span mention,
                                const SentenceWords& read) {
  return sentiment(probabilities(detail::target_features(text, sentence, mention, read)));
}

}  // namespace parallax::stance
