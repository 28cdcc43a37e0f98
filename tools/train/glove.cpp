// parallax-train's GloVe loader (--glove, round 6, report only): load_glove (train.h). Reads a
// stream, never a file; errors are values (Result), the caller prints them.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <vector>

#include "segment/segment.h"
#include "train.h"

namespace parallax::train {

Result<GloveTable> load_glove(std::istream& in, const StemsOf& stems_of, std::size_t max_stems,
                              std::size_t dimensions) {
  GloveTable table;
  std::size_t file_dims = 0;
  std::unordered_map<std::uint32_t, std::size_t> row_of;  // stem id -> accumulator row
  std::vector<std::vector<double>> sum;
  std::vector<double> weight;
  std::string line;
  std::vector<double> values;
  std::size_t rank = 0;
  while (std::getline(in, line)) {
    ++rank;
    const std::size_t space = line.find(' ');
    if (space == std::string::npos || space == 0) continue;
    const std::string word = line.substr(0, space);
    values.clear();
    const char* p = line.c_str() + space;
    char* end = nullptr;
    for (double x = std::strtod(p, &end); end != p; x = std::strtod(p, &end)) {
      values.push_back(x);
      p = end;
    }
    if (file_dims == 0) file_dims = values.size();
    if (values.size() != file_dims || file_dims == 0) continue;
    ++table.words_read;
    if (segment::tokenize(word, {0, word.size()}).size() != 1) continue;
    const std::vector<std::uint32_t> ids = stems_of(word);
    if (ids.size() != 1) continue;
    auto it = row_of.find(ids[0]);
    if (it == row_of.end()) {
      it = row_of.emplace(ids[0], sum.size()).first;
      table.stems.push_back(ids[0]);
      sum.emplace_back(file_dims, 0.0);
      weight.push_back(0.0);
    }
    const double w = 1.0 / static_cast<double>(rank);  // Zipf: frequency ~ 1/rank
    for (std::size_t d = 0; d < file_dims; ++d) sum[it->second][d] += w * values[d];
    weight[it->second] += w;
    ++table.words_used;
  }
  if (table.stems.empty() || dimensions == 0 || dimensions > file_dims) {
    return Error{ErrorCode::kInvalidArgument,
                 "no usable vectors, or fewer than " + std::to_string(dimensions) + " dimensions"};
  }
  const std::size_t n = std::min(max_stems, table.stems.size());
  table.stems.resize(n);
  // Means, centred; PCA on the n stem vectors (unweighted).
  std::vector<double> centre(file_dims, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t d = 0; d < file_dims; ++d) {
      sum[i][d] /= weight[i];
      centre[d] += sum[i][d] / static_cast<double>(n);
    }
  }
  Matrix covariance(file_dims, file_dims);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t d = 0; d < file_dims; ++d) sum[i][d] -= centre[d];
    for (std::size_t a = 0; a < file_dims; ++a)
      for (std::size_t b = a; b < file_dims; ++b) covariance.at(a, b) += sum[i][a] * sum[i][b];
  }
  for (std::size_t a = 0; a < file_dims; ++a)
    for (std::size_t b = 0; b < a; ++b) covariance.at(a, b) = covariance.at(b, a);
  std::vector<double> eigenvalues;
  const Matrix axes = symmetric_eigen(covariance, &eigenvalues);
  const std::vector<std::size_t> by_variance = order_descending(eigenvalues);
  table.vectors = Matrix(n, dimensions);
  for (std::size_t k = 0; k < dimensions; ++k) {
    const std::size_t c = by_variance[k];
    // Sign fixed by the axis's largest component (deterministic, platform-independent).
    std::size_t peak = 0;
    for (std::size_t d = 1; d < file_dims; ++d) {
      if (std::fabs(axes.at(d, c)) > std::fabs(axes.at(peak, c))) peak = d;
    }
    const double sign = axes.at(peak, c) < 0 ? -1.0 : 1.0;
    for (std::size_t i = 0; i < n; ++i) {
      double dot = 0;
      for (std::size_t d = 0; d < file_dims; ++d) dot += sum[i][d] * axes.at(d, c);
      table.vectors.at(i, k) = sign * dot;
    }
  }
  return table;
}

}  // namespace parallax::train
