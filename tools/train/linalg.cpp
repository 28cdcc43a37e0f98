// Numerics of parallax-train: random numbers, randomized truncated SVD, non-negative matrix
// factorisation, logistic regression.
#include <algorithm>
#include <cmath>

#include "train.h"

namespace parallax::train {

std::uint64_t Rng::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

double Rng::uniform() {
  return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double Rng::gaussian() {
  const double u = 1.0 - uniform();
  const double v = uniform();
  return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
}

namespace {

// out (rows(a) x k) = A * m (cols(a) x k)
Matrix multiply(const SparseRows& a, const Matrix& m) {
  Matrix out(a.rows(), m.cols);
  for (std::size_t r = 0; r < a.rows(); ++r) {
    double* o = &out.data[r * m.cols];
    for (std::size_t p = a.start[r]; p < a.start[r + 1]; ++p) {
      const double v = a.value[p];
      const double* row = &m.data[std::size_t{a.index[p]} * m.cols];
      for (std::size_t c = 0; c < m.cols; ++c) o[c] += v * row[c];
    }
  }
  return out;
}

// out (cols(a) x k) = A^T * m (rows(a) x k)
Matrix multiply_transposed(const SparseRows& a, const Matrix& m) {
  Matrix out(a.cols, m.cols);
  for (std::size_t r = 0; r < a.rows(); ++r) {
    const double* row = &m.data[r * m.cols];
    for (std::size_t p = a.start[r]; p < a.start[r + 1]; ++p) {
      const double v = a.value[p];
      double* o = &out.data[std::size_t{a.index[p]} * m.cols];
      for (std::size_t c = 0; c < m.cols; ++c) o[c] += v * row[c];
    }
  }
  return out;
}

// Orthonormalises the columns of m in place (modified Gram-Schmidt, twice).
void orthonormalize(Matrix& m) {
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t c = 0; c < m.cols; ++c) {
      for (std::size_t p = 0; p < c; ++p) {
        double dot = 0;
        for (std::size_t r = 0; r < m.rows; ++r) dot += m.at(r, c) * m.at(r, p);
        for (std::size_t r = 0; r < m.rows; ++r) m.at(r, c) -= dot * m.at(r, p);
      }
      double norm = 0;
      for (std::size_t r = 0; r < m.rows; ++r) norm += m.at(r, c) * m.at(r, c);
      norm = std::sqrt(norm);
      for (std::size_t r = 0; r < m.rows; ++r) m.at(r, c) = norm > 0 ? m.at(r, c) / norm : 0.0;
    }
  }
}

// Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations.
// Returns eigenvectors as columns; values in `values`.
Matrix jacobi_eigen(Matrix s, std::vector<double>* values) {
  const std::size_t n = s.rows;
  Matrix v(n, n);
  for (std::size_t i = 0; i < n; ++i) v.at(i, i) = 1;
  for (int sweep = 0; sweep < 100; ++sweep) {
    double off = 0;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) off += s.at(i, j) * s.at(i, j);
    if (off < 1e-22) break;
    for (std::size_t p = 0; p < n; ++p) {
      for (std::size_t q = p + 1; q < n; ++q) {
        const double apq = s.at(p, q);
        if (std::fabs(apq) < 1e-300) continue;
        const double theta = (s.at(q, q) - s.at(p, p)) / (2 * apq);
        const double t =
            (theta >= 0 ? 1.0 : -1.0) / (std::fabs(theta) + std::sqrt(theta * theta + 1));
        const double c = 1 / std::sqrt(t * t + 1);
        const double sn = t * c;
        for (std::size_t k = 0; k < n; ++k) {
          const double skp = s.at(k, p), skq = s.at(k, q);
          s.at(k, p) = c * skp - sn * skq;
          s.at(k, q) = sn * skp + c * skq;
        }
        for (std::size_t k = 0; k < n; ++k) {
          const double spk = s.at(p, k), sqk = s.at(q, k);
          s.at(p, k) = c * spk - sn * sqk;
          s.at(q, k) = sn * spk + c * sqk;
        }
        for (std::size_t k = 0; k < n; ++k) {
          const double vkp = v.at(k, p), vkq = v.at(k, q);
          v.at(k, p) = c * vkp - sn * vkq;
          v.at(k, q) = sn * vkp + c * vkq;
        }
      }
    }
  }
  values->resize(n);
  for (std::size_t i = 0; i < n; ++i) (*values)[i] = s.at(i, i);
  return v;
}

}  // namespace

std::vector<std::size_t> order_descending(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return values[x] != values[y] ? values[x] > values[y] : x < y;
  });
  return order;
}

Matrix symmetric_eigen(const Matrix& s, std::vector<double>* values) {
  return jacobi_eigen(s, values);
}

Matrix truncated_svd(const SparseRows& a, std::size_t k, std::size_t oversample,
                     std::size_t power_iterations, std::uint64_t seed,
                     std::vector<double>* singular) {
  const std::size_t l = k + oversample;
  Rng rng(seed);
  Matrix q(a.cols, l);
  for (double& x : q.data) x = rng.gaussian();
  orthonormalize(q);
  for (std::size_t it = 0; it < power_iterations + 1; ++it) {
    q = multiply_transposed(a, multiply(a, q));
    orthonormalize(q);
  }
  // Gram matrix of A Q: (A Q)^T (A Q) = W diag(sigma^2) W^T.
  const Matrix b = multiply(a, q);
  Matrix gram(l, l);
  for (std::size_t r = 0; r < b.rows; ++r) {
    for (std::size_t i = 0; i < l; ++i) {
      const double bi = b.at(r, i);
      if (bi == 0) continue;
      for (std::size_t j = 0; j < l; ++j) gram.at(i, j) += bi * b.at(r, j);
    }
  }
  std::vector<double> values;
  const Matrix w = jacobi_eigen(gram, &values);
  const std::vector<std::size_t> order = order_descending(values);
  Matrix v(a.cols, k);
  singular->assign(k, 0.0);
  for (std::size_t c = 0; c < k; ++c) {
    const std::size_t e = order[c];
    (*singular)[c] = std::sqrt(std::max(0.0, values[e]));
    // Fix the sign so that the largest component is positive (deterministic output).
    double peak = 0;
    for (std::size_t r = 0; r < a.cols; ++r) {
      double x = 0;
      for (std::size_t j = 0; j < l; ++j) x += q.at(r, j) * w.at(j, e);
      v.at(r, c) = x;
      if (std::fabs(x) > std::fabs(peak)) peak = x;
    }
    if (peak < 0) {
      for (std::size_t r = 0; r < a.cols; ++r) v.at(r, c) = -v.at(r, c);
    }
  }
  return v;
}

namespace {

// Gram matrix m^T m (cols x cols) of a row-major matrix, rows summed in order; a row adds
// the products of its nonzero entries only (NMF factors are sparse).
Matrix gram_of(const Matrix& m) {
  const std::size_t k = m.cols;
  Matrix g(k, k);
  std::vector<std::size_t> nonzero;
  for (std::size_t r = 0; r < m.rows; ++r) {
    const double* x = &m.data[r * k];
    nonzero.clear();
    for (std::size_t i = 0; i < k; ++i)
      if (x[i] != 0) nonzero.push_back(i);
    for (std::size_t a = 0; a < nonzero.size(); ++a) {
      const std::size_t i = nonzero[a];
      double* gi = &g.data[i * k];
      for (std::size_t b = 0; b <= a; ++b) gi[nonzero[b]] += x[i] * x[nonzero[b]];
    }
  }
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t j = i + 1; j < k; ++j) g.at(i, j) = g.at(j, i);
  return g;
}

// One HALS sweep over the rows of x: each row is an independent non-negative least-squares
// problem (min over x_r >= 0 of x_r^T G x_r - 2 t_r^T x_r), solved coordinate by
// coordinate in order, each coordinate exactly. g = G x_r is kept up to date with one
// axpy per changed coordinate (most stay at 0), never re-summed.
void hals_rows(Matrix& x, const Matrix& target, const Matrix& gram) {
  const std::size_t k = x.cols;
  std::vector<double> g(k);
  for (std::size_t r = 0; r < x.rows; ++r) {
    double* xr = &x.data[r * k];
    const double* tr = &target.data[r * k];
    std::fill(g.begin(), g.end(), 0.0);
    for (std::size_t j = 0; j < k; ++j) {
      if (xr[j] == 0) continue;
      const double* gj = &gram.data[j * k];
      for (std::size_t i = 0; i < k; ++i) g[i] += xr[j] * gj[i];
    }
    for (std::size_t c = 0; c < k; ++c) {
      const double diag = gram.at(c, c);
      if (!(diag > 0)) continue;  // a component with no weight left stays as it is
      const double value = std::max(0.0, xr[c] + (tr[c] - g[c]) / diag);
      const double delta = value - xr[c];
      if (delta == 0) continue;
      xr[c] = value;
      const double* gc = &gram.data[c * k];
      for (std::size_t i = 0; i < k; ++i) g[i] += delta * gc[i];
    }
  }
}

}  // namespace

Matrix nmf(const SparseRows& a, std::size_t k, std::size_t iterations, std::uint64_t seed,
           std::vector<double>* errors) {
  const std::size_t n = a.rows(), m = a.cols;
  double a_norm2 = 0;
  for (double x : a.value) a_norm2 += x * x;
  // NNDSVD start (Boutsidis & Gallopoulos 2008) from the randomized truncated SVD: per
  // singular triple, the larger of its positive and negative parts (in norm product).
  std::vector<double> sigma;
  const Matrix v = truncated_svd(a, k, 12, 3, seed, &sigma);
  const Matrix av = multiply(a, v);  // U * diag(sigma)
  Matrix w(n, k), h(m, k);           // h is H transposed: a row per column (term) of A
  for (std::size_t c = 0; c < k; ++c) {
    const double s = sigma[c];
    if (!(s > 0)) continue;
    double up = 0, un = 0, vp = 0, vn = 0;
    for (std::size_t r = 0; r < n; ++r) {
      const double u = av.at(r, c) / s;
      (u > 0 ? up : un) += u * u;
    }
    for (std::size_t t = 0; t < m; ++t) {
      const double x = v.at(t, c);
      (x > 0 ? vp : vn) += x * x;
    }
    up = std::sqrt(up), un = std::sqrt(un), vp = std::sqrt(vp), vn = std::sqrt(vn);
    const bool positive = up * vp >= un * vn;
    const double nu = positive ? up : un, nv = positive ? vp : vn;
    if (!(nu > 0) || !(nv > 0)) continue;
    const double scale = std::sqrt(s * nu * nv);
    const double sign = positive ? 1.0 : -1.0;
    for (std::size_t r = 0; r < n; ++r)
      w.at(r, c) = scale * std::max(0.0, sign * av.at(r, c) / s) / nu;
    for (std::size_t t = 0; t < m; ++t) h.at(t, c) = scale * std::max(0.0, sign * v.at(t, c)) / nv;
  }
  if (errors != nullptr) errors->clear();
  for (std::size_t it = 1; it <= iterations; ++it) {
    // W step: rows of W against A H^T with the Gram matrix H H^T.
    hals_rows(w, multiply(a, h), gram_of(h));
    // H step: rows of H^T against A^T W with W^T W.
    const Matrix p = multiply_transposed(a, w);
    const Matrix q = gram_of(w);
    hals_rows(h, p, q);
    if (errors != nullptr && (it % 25 == 0 || it == iterations)) {
      // ||A - W H||^2 = ||A||^2 - 2 <A^T W, H^T> + <W^T W, H H^T>
      double cross = 0;
      for (std::size_t i = 0; i < p.data.size(); ++i) cross += p.data[i] * h.data[i];
      const Matrix s = gram_of(h);
      double quad = 0;
      for (std::size_t i = 0; i < s.data.size(); ++i) quad += q.data[i] * s.data[i];
      errors->push_back(std::sqrt(std::max(0.0, a_norm2 - 2 * cross + quad) / a_norm2));
    }
  }
  // Unit-length components (rows of H), so that a sentence's sum of term vectors is close
  // to its W row when the components barely overlap.
  for (std::size_t c = 0; c < k; ++c) {
    double norm = 0;
    for (std::size_t t = 0; t < m; ++t) norm += h.at(t, c) * h.at(t, c);
    norm = std::sqrt(norm);
    if (norm > 0)
      for (std::size_t t = 0; t < m; ++t) h.at(t, c) /= norm;
  }
  return h;
}

double Logistic::predict(const std::vector<double>& x) const {
  double z = bias;
  for (std::size_t i = 0; i < weights.size(); ++i) z += weights[i] * (x[i] - mean[i]) / scale[i];
  return 1.0 / (1.0 + std::exp(-z));
}

Logistic fit_logistic(const std::vector<std::vector<double>>& x, const std::vector<int>& y,
                      double l2, const std::vector<double>* penalty) {
  Logistic model;
  const std::size_t n = x.size();
  const std::size_t d = n == 0 ? 0 : x[0].size();
  model.mean.assign(d, 0.0);
  model.scale.assign(d, 0.0);
  for (const auto& row : x)
    for (std::size_t i = 0; i < d; ++i) model.mean[i] += row[i];
  for (double& m : model.mean) m /= static_cast<double>(n);
  for (const auto& row : x)
    for (std::size_t i = 0; i < d; ++i)
      model.scale[i] += (row[i] - model.mean[i]) * (row[i] - model.mean[i]);
  for (double& s : model.scale) {
    s = std::sqrt(s / static_cast<double>(n));
    if (s < 1e-9) s = 1.0;
  }
  // z: standardised design with a leading 1 for the bias.
  const std::size_t p = d + 1;
  std::vector<double> z(n * p);
  for (std::size_t r = 0; r < n; ++r) {
    z[r * p] = 1.0;
    for (std::size_t i = 0; i < d; ++i)
      z[r * p + 1 + i] = (x[r][i] - model.mean[i]) / model.scale[i];
  }
  std::vector<double> beta(p, 0.0);
  for (int iter = 0; iter < 50; ++iter) {
    std::vector<double> grad(p, 0.0), hess(p * p, 0.0);
    for (std::size_t r = 0; r < n; ++r) {
      const double* zr = &z[r * p];
      double eta = 0;
      for (std::size_t i = 0; i < p; ++i) eta += beta[i] * zr[i];
      const double mu = 1.0 / (1.0 + std::exp(-eta));
      const double wgt = std::max(mu * (1 - mu), 1e-10);
      const double res = static_cast<double>(y[r]) - mu;
      for (std::size_t i = 0; i < p; ++i) {
        grad[i] += res * zr[i];
        const double wz = wgt * zr[i];
        for (std::size_t j = 0; j <= i; ++j) hess[i * p + j] += wz * zr[j];
      }
    }
    for (std::size_t i = 1; i < p; ++i) {
      const double strength = penalty != nullptr ? l2 * (*penalty)[i - 1] : l2;
      grad[i] -= strength * beta[i];
      hess[i * p + i] += strength;
    }
    // Cholesky solve hess * step = grad (lower triangle filled).
    std::vector<double> lmat(p * p, 0.0);
    for (std::size_t i = 0; i < p; ++i) {
      for (std::size_t j = 0; j <= i; ++j) {
        double sum = hess[i * p + j];
        for (std::size_t k = 0; k < j; ++k) sum -= lmat[i * p + k] * lmat[j * p + k];
        if (i == j) {
          lmat[i * p + i] = std::sqrt(std::max(sum, 1e-12));
        } else {
          lmat[i * p + j] = sum / lmat[j * p + j];
        }
      }
    }
    std::vector<double> tmp(p), step(p);
    for (std::size_t i = 0; i < p; ++i) {
      double sum = grad[i];
      for (std::size_t k = 0; k < i; ++k) sum -= lmat[i * p + k] * tmp[k];
      tmp[i] = sum / lmat[i * p + i];
    }
    for (std::size_t i = p; i-- > 0;) {
      double sum = tmp[i];
      for (std::size_t k = i + 1; k < p; ++k) sum -= lmat[k * p + i] * step[k];
      step[i] = sum / lmat[i * p + i];
    }
    double change = 0;
    for (std::size_t i = 0; i < p; ++i) {
      beta[i] += step[i];
      change = std::max(change, std::fabs(step[i]));
    }
    if (change < 1e-8) break;
  }
  model.bias = beta[0];
  model.weights.assign(beta.begin() + 1, beta.end());
  return model;
}

namespace {
double logit(double p) {
  const double q = std::clamp(p, 1e-9, 1 - 1e-9);
  return std::log(q / (1 - q));
}
}  // namespace

double Platt::apply(double p) const {
  return 1.0 / (1.0 + std::exp(-(a * logit(p) + b)));
}

Platt fit_platt(const std::vector<double>& p, const std::vector<int>& y) {
  // Targets smoothed as Platt (1999) suggests, against over-fitting the extremes.
  double positives = 0;
  for (int label : y) positives += label;
  const double negatives = static_cast<double>(y.size()) - positives;
  const double hi = (positives + 1) / (positives + 2);
  const double lo = 1 / (negatives + 2);
  Platt m;
  for (int iter = 0; iter < 100; ++iter) {
    double g0 = 0, g1 = 0, h00 = 1e-12, h01 = 0, h11 = 1e-12;
    for (std::size_t i = 0; i < p.size(); ++i) {
      const double z = logit(p[i]);
      const double q = 1.0 / (1.0 + std::exp(-(m.a * z + m.b)));
      const double t = y[i] ? hi : lo;
      const double w = std::max(q * (1 - q), 1e-12);
      g0 += (t - q) * z;
      g1 += (t - q);
      h00 += w * z * z;
      h01 += w * z;
      h11 += w;
    }
    const double det = h00 * h11 - h01 * h01;
    if (!(std::fabs(det) > 0)) break;
    const double da = (h11 * g0 - h01 * g1) / det;
    const double db = (h00 * g1 - h01 * g0) / det;
    m.a += da;
    m.b += db;
    if (std::fabs(da) < 1e-10 && std::fabs(db) < 1e-10) break;
  }
  return m;
}

}  // namespace parallax::train
