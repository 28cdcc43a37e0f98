// Gradient-boosted regression trees for parallax-stance-train (softmax or logistic loss,
// histogram splits, deterministic row/feature sampling). Produces stance::Forest.
#pragma once

#include <cstdint>
#include <vector>

#include "stance/stance.h"

namespace parallax::stance_train {

struct GbdtParams {
  int rounds = 200;
  int depth = 4;
  double rate = 0.1;
  double lambda = 1.0;       ///< L2 on leaf values
  double min_hessian = 2.0;  ///< per child
  double row_sample = 0.8;
  double feature_sample = 0.8;
  std::uint64_t seed = 7;
};

/// Trains on rows x (all the same length), labels y in [0, classes), sample weights w.
/// classes == 2 trains one tree per round for class 1 (logistic); else one per class.
stance::Forest train_gbdt(const std::vector<std::vector<double>>& x, const std::vector<int>& y,
                          const std::vector<double>& w, int classes, const GbdtParams& params);

}  // namespace parallax::stance_train
