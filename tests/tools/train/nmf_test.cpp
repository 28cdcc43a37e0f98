// nmf (tools/train/linalg.cpp, parallax-train --nmf): a small non-negative matrix of known
// rank is factorised to a low error, deterministically, with non-negative unit components.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "train/train.h"

using parallax::train::Matrix;
using parallax::train::nmf;
using parallax::train::Rng;
using parallax::train::SparseRows;

namespace {

// rows x cols matrix W H of rank k with sparse non-negative factors, in compressed rows.
SparseRows low_rank(std::size_t rows, std::size_t cols, std::size_t k, std::uint64_t seed) {
  Rng rng(seed);
  Matrix w(rows, k), h(k, cols);
  for (double& x : w.data) x = rng.uniform() < 0.4 ? rng.uniform() : 0.0;
  for (double& x : h.data) x = rng.uniform() < 0.3 ? rng.uniform() : 0.0;
  SparseRows a;
  a.cols = cols;
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < cols; ++c) {
      double x = 0;
      for (std::size_t j = 0; j < k; ++j) x += w.at(r, j) * h.at(j, c);
      if (x > 0) {
        a.index.push_back(static_cast<std::uint32_t>(c));
        a.value.push_back(x);
      }
    }
    a.start.push_back(a.index.size());
  }
  return a;
}

}  // namespace

TEST_CASE("nmf factorises a non-negative low-rank matrix to a low error", "[tools]") {
  const SparseRows a = low_rank(120, 40, 4, 11);
  std::vector<double> errors;
  const Matrix h = nmf(a, 4, 200, 7, &errors);
  REQUIRE(h.rows == 40);
  REQUIRE(h.cols == 4);
  REQUIRE(errors.size() == 8);  // every 25 iterations
  CHECK(errors.back() < 0.02);
  CHECK(errors.back() <= errors.front() + 1e-12);
  for (std::size_t c = 0; c < 4; ++c) {
    double norm = 0;
    for (std::size_t t = 0; t < 40; ++t) {
      CHECK(h.at(t, c) >= 0);
      norm += h.at(t, c) * h.at(t, c);
    }
    CHECK(std::sqrt(norm) == Approx(1.0));
  }
  // Deterministic: the same input gives the same bits.
  std::vector<double> again_errors;
  const Matrix again = nmf(a, 4, 200, 7, &again_errors);
  CHECK(again.data == h.data);
  CHECK(again_errors == errors);
}
