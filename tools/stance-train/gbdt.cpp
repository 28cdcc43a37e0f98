// Gradient-boosted trees (see gbdt.h). Features are binned once (up to 64 quantile bins);
// each tree grows depth-first with exact histogram gains; thresholds are written as the
// shortest decimal that separates the two bins, so the shipped model splits exactly as
// in training.
#include "gbdt.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace parallax::stance_train {

namespace {

constexpr int kMaxBins = 64;

struct Binned {
  std::size_t rows = 0, features = 0;
  std::vector<std::uint8_t> bins;              // feature-major: bins[f * rows + i]
  std::vector<std::vector<double>> threshold;  // per feature, per bin b: split "x <= t" after b
};

// The shortest decimal t with lo <= t < hi.
double separating(double lo, double hi) {
  char text[64];
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, (lo + hi) / 2);
    const double t = std::strtod(text, nullptr);
    if (t >= lo && t < hi) return t;
  }
  return lo;
}

Binned bin_features(const std::vector<std::vector<double>>& x) {
  Binned b;
  b.rows = x.size();
  b.features = x.empty() ? 0 : x[0].size();
  b.bins.assign(b.rows * b.features, 0);
  b.threshold.resize(b.features);
  std::vector<double> column(b.rows);
  for (std::size_t f = 0; f < b.features; ++f) {
    for (std::size_t i = 0; i < b.rows; ++i) column[i] = x[i][f];
    std::vector<double> sorted = column;
    std::sort(sorted.begin(), sorted.end());
    std::vector<double> distinct = sorted;
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    // Upper edges of the bins (values <= edge[b] fall in bin b).
    std::vector<double> edges;
    if (distinct.size() <= static_cast<std::size_t>(kMaxBins)) {
      edges = distinct;
    } else {
      for (int q = 1; q <= kMaxBins; ++q) {
        const double v = sorted[std::min(b.rows - 1, b.rows * q / kMaxBins)];
        if (edges.empty() || v > edges.back()) edges.push_back(v);
      }
      if (edges.back() < distinct.back()) edges.back() = distinct.back();
    }
    // Split after bin k: between edges[k] and the smallest value above it.
    for (std::size_t k = 0; k + 1 < edges.size(); ++k) {
      const double next = *std::upper_bound(distinct.begin(), distinct.end(), edges[k]);
      b.threshold[f].push_back(separating(edges[k], next));
    }
    for (std::size_t i = 0; i < b.rows; ++i) {
      const auto it = std::lower_bound(edges.begin(), edges.end(), column[i]);
      b.bins[f * b.rows + i] = static_cast<std::uint8_t>(it - edges.begin());
    }
  }
  return b;
}

struct Rng {
  std::uint64_t state;
  std::uint64_t next() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return state >> 33;
  }
  double uniform() { return static_cast<double>(next() % 1000003) / 1000003.0; }
};

class TreeBuilder {
 public:
  TreeBuilder(const Binned& binned, const GbdtParams& params) : b_(binned), p_(params) {}

  stance::Forest::Tree build(const std::vector<double>& g, const std::vector<double>& h,
                             std::vector<std::uint32_t> rows,
                             const std::vector<std::size_t>& features, std::uint32_t klass) {
    tree_ = {};
    tree_.klass = klass;
    g_ = &g;
    h_ = &h;
    features_ = &features;
    grow(std::move(rows), 0);
    return std::move(tree_);
  }

 private:
  // Appends the subtree for `rows`; returns its node index.
  std::int32_t grow(std::vector<std::uint32_t> rows, int depth) {
    double G = 0, H = 0;
    for (std::uint32_t r : rows) {
      G += (*g_)[r];
      H += (*h_)[r];
    }
    const auto index = static_cast<std::int32_t>(tree_.nodes.size());
    tree_.nodes.emplace_back();
    const double leaf = -G / (H + p_.lambda) * p_.rate;
    tree_.nodes[index].value = leaf;
    if (depth >= p_.depth || H < 2 * p_.min_hessian) return index;
    const double parent = G * G / (H + p_.lambda);
    double best_gain = 1e-9;
    std::size_t best_feature = 0, best_bin = 0;
    std::vector<double> hg(kMaxBins), hh(kMaxBins);
    for (std::size_t f : *features_) {
      const std::size_t splits = b_.threshold[f].size();
      if (splits == 0) continue;
      std::fill(hg.begin(), hg.end(), 0);
      std::fill(hh.begin(), hh.end(), 0);
      const std::uint8_t* column = &b_.bins[f * b_.rows];
      for (std::uint32_t r : rows) {
        hg[column[r]] += (*g_)[r];
        hh[column[r]] += (*h_)[r];
      }
      double gl = 0, hl = 0;
      for (std::size_t k = 0; k < splits; ++k) {
        gl += hg[k];
        hl += hh[k];
        const double gr = G - gl, hr = H - hl;
        if (hl < p_.min_hessian || hr < p_.min_hessian) continue;
        const double gain = gl * gl / (hl + p_.lambda) + gr * gr / (hr + p_.lambda) - parent;
        if (gain > best_gain) {
          best_gain = gain;
          best_feature = f;
          best_bin = k;
        }
      }
    }
    if (best_gain <= 1e-9) return index;
    std::vector<std::uint32_t> left, right;
    const std::uint8_t* column = &b_.bins[best_feature * b_.rows];
    for (std::uint32_t r : rows) (column[r] <= best_bin ? left : right).push_back(r);
    rows.clear();
    rows.shrink_to_fit();
    const std::int32_t l = grow(std::move(left), depth + 1);
    const std::int32_t r = grow(std::move(right), depth + 1);
    stance::Forest::Node& node = tree_.nodes[index];
    node.feature = static_cast<std::int32_t>(best_feature);
    node.threshold = b_.threshold[best_feature][best_bin];
    node.left = l;
    node.right = r;
    node.value = 0;
    return index;
  }

  const Binned& b_;
  const GbdtParams& p_;
  const std::vector<double>* g_ = nullptr;
  const std::vector<double>* h_ = nullptr;
  const std::vector<std::size_t>* features_ = nullptr;
  stance::Forest::Tree tree_;
};

// Shortest decimal within 1e-6 relative: smaller model files, same predictions to 4 decimals.
double compact(double v) {
  char text[64];
  std::snprintf(text, sizeof text, "%.6g", v);
  return std::strtod(text, nullptr);
}

}  // namespace

stance::Forest train_gbdt(const std::vector<std::vector<double>>& x, const std::vector<int>& y,
                          const std::vector<double>& w, int classes, const GbdtParams& params) {
  const Binned binned = bin_features(x);
  const std::size_t n = x.size();
  stance::Forest forest;
  forest.classes = static_cast<std::uint32_t>(classes);
  std::vector<double> prior(classes, 1e-9);
  double total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    prior[y[i]] += w[i];
    total += w[i];
  }
  forest.base.assign(classes, 0);
  if (classes == 2) {
    forest.base[1] = compact(std::log(prior[1] / prior[0]));
  } else {
    for (int k = 0; k < classes; ++k) forest.base[k] = compact(std::log(prior[k] / total));
  }
  std::vector<std::vector<double>> score(n, forest.base);
  Rng rng{params.seed};
  TreeBuilder builder(binned, params);
  std::vector<double> g(n), h(n);
  for (int round = 0; round < params.rounds; ++round) {
    std::vector<std::uint32_t> rows;
    for (std::size_t i = 0; i < n; ++i)
      if (rng.uniform() < params.row_sample) rows.push_back(static_cast<std::uint32_t>(i));
    std::vector<std::size_t> features;
    for (std::size_t f = 0; f < binned.features; ++f)
      if (rng.uniform() < params.feature_sample) features.push_back(f);
    if (features.empty()) features.push_back(rng.next() % binned.features);
    // Probabilities of the current model.
    std::vector<std::vector<double>> p(n, std::vector<double>(classes));
    for (std::size_t i = 0; i < n; ++i) {
      double top = score[i][0];
      for (double s : score[i]) top = std::max(top, s);
      double sum = 0;
      for (int k = 0; k < classes; ++k) sum += p[i][k] = std::exp(score[i][k] - top);
      for (int k = 0; k < classes; ++k) p[i][k] /= sum;
    }
    for (int k = (classes == 2 ? 1 : 0); k < classes; ++k) {
      for (std::size_t i = 0; i < n; ++i) {
        const double target = y[i] == k ? 1.0 : 0.0;
        g[i] = w[i] * (p[i][k] - target);
        h[i] = w[i] * std::max(1e-6, p[i][k] * (1 - p[i][k]));
      }
      stance::Forest::Tree tree =
          builder.build(g, h, rows, features, static_cast<std::uint32_t>(k));
      for (auto& node : tree.nodes)
        if (node.feature < 0) node.value = compact(node.value);
      // Update scores on all rows with the tree as it will be shipped.
      for (std::size_t i = 0; i < n; ++i) {
        std::size_t at = 0;
        while (tree.nodes[at].feature >= 0) {
          const auto& node = tree.nodes[at];
          at = static_cast<std::size_t>(x[i][node.feature] <= node.threshold ? node.left
                                                                             : node.right);
        }
        score[i][k] += tree.nodes[at].value;
      }
      forest.trees.push_back(std::move(tree));
    }
  }
  return forest;
}

}  // namespace parallax::stance_train
