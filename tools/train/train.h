// parallax-train: builds resources/news-lexicon.bin and resources/matcher-v1.json
// from the MSRP training pairs and the FNC-1 article bodies (see scripts/train.sh).
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "base/base.h"

namespace parallax::train {

/// Deterministic random numbers (SplitMix64), identical on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  double uniform();   ///< [0, 1)
  double gaussian();  ///< standard normal (Box-Muller)

 private:
  std::uint64_t state_;
};

/// Row-major dense matrix.
struct Matrix {
  std::size_t rows = 0, cols = 0;
  std::vector<double> data;
  Matrix() = default;
  Matrix(std::size_t r, std::size_t c) : rows(r), cols(c), data(r * c, 0.0) {}
  double& at(std::size_t r, std::size_t c) { return data[r * cols + c]; }
  double at(std::size_t r, std::size_t c) const { return data[r * cols + c]; }
};

/// Sparse matrix in compressed rows (documents x terms).
struct SparseRows {
  std::size_t cols = 0;
  std::vector<std::size_t> start{0};
  std::vector<std::uint32_t> index;
  std::vector<double> value;
  std::size_t rows() const { return start.size() - 1; }
};

/// Top-k right singular vectors and singular values of A (randomized range finder
/// with power iterations, then an exact eigen-decomposition of the small Gram matrix).
/// Returns V as cols x k and fills `singular` (descending).
Matrix truncated_svd(const SparseRows& a, std::size_t k, std::size_t oversample,
                     std::size_t power_iterations, std::uint64_t seed,
                     std::vector<double>* singular);

/// Non-negative matrix factorisation A ~ W H of a non-negative A (rows x cols) with k components,
/// Frobenius loss, by HALS (hierarchical alternating least squares, Cichocki & Phan 2009: exact
/// coordinate updates of W's rows, then of H's columns, projected on >= 0) from an NNDSVD
/// start (Boutsidis & Gallopoulos 2008) built on truncated_svd(a, k, 12, 3, seed). A fixed number
/// of iterations, sums in a fixed order: the same input gives the same bits. Returns H transposed
/// (cols x k: a row per column of A), each component (column of the result) of unit length.
/// `errors` (optional) gets the relative error ||A - W H||_F / ||A||_F after every 25th and the
/// last iteration.
Matrix nmf(const SparseRows& a, std::size_t k, std::size_t iterations, std::uint64_t seed,
           std::vector<double>* errors);

/// Eigen-decomposition of a symmetric matrix (cyclic Jacobi): eigenvectors as columns,
/// eigenvalues in `values`, unsorted.
Matrix symmetric_eigen(const Matrix& s, std::vector<double>* values);
/// Indexes of `values` from the largest value down (ties: the lower index first), e.g. to
/// take the eigenvectors of symmetric_eigen by variance. Deterministic on every platform.
std::vector<std::size_t> order_descending(const std::vector<double>& values);

/// L2-regularised logistic regression by Newton's method on standardised features.
struct Logistic {
  std::vector<double> mean, scale, weights;
  double bias = 0;
  double predict(const std::vector<double>& x) const;
};
/// `penalty` (optional, one per feature) multiplies l2 for that feature's weight.
Logistic fit_logistic(const std::vector<std::vector<double>>& x, const std::vector<int>& y,
                      double l2, const std::vector<double>* penalty = nullptr);

/// Platt scaling: P = sigmoid(a * logit(p) + b), fitted by Newton's method.
struct Platt {
  double a = 1, b = 0;
  double apply(double p) const;
};
Platt fit_platt(const std::vector<double>& p, const std::vector<int>& y);

/// Pre-trained term vectors per stem (round 6, report only; tools/train/glove.cpp): the first
/// `max_stems` distinct stems in the file's (GloVe frequency) order, each the 1/rank-weighted mean
/// of its word forms, centred and projected on the top `dimensions` principal components of those
/// stem vectors.
struct GloveTable {
  std::vector<std::uint32_t> stems;  ///< vocabulary ids, in rank order, each once
  Matrix vectors;                    ///< stems.size() x dimensions
  std::size_t words_read = 0;        ///< well-formed lines (as many numbers as the first line)
  std::size_t words_used = 0;        ///< of those, lines whose word is one content stem
};

/// Content-stem ids of a word, as the matcher's normalisation gives them (parallax-train's Stems).
using StemsOf = std::function<std::vector<std::uint32_t>(const std::string&)>;

/// Reads GloVe-style text ("word v1 ... vD" per line, most frequent word first; what
/// scripts/embeddings/fetch.sh exports). The first line fixes D; a line with another count of
/// numbers (or none, or no word) is skipped; a word counts only if it is one token and
/// `stems_of` makes it one content stem (not a number, not a stopword); a repeated word, or
/// two forms of one stem, add to that stem's mean. Fails with kInvalidArgument (a message, no
/// table) when no vector is usable or D < `dimensions` (or `dimensions` is 0).
Result<GloveTable> load_glove(std::istream& in, const StemsOf& stems_of, std::size_t max_stems,
                              std::size_t dimensions);

}  // namespace parallax::train
