#pragma once
// Part of the statistics of sim/core/statistics.hpp (the one place uncertainty comes from), in its own
// header so that the many files that read statistics.hpp do not depend on it: the expected value of partial
// perfect information of a group of parameters, from a probabilistic sensitivity analysis's draws.
#include <optional>
#include <span>
#include <vector>

namespace hhu {

// The expected value of partial perfect information (EVPPI) of a group of parameters for the choice between
// doing nothing (net benefit 0) and the scenario, by non-parametric regression on the draws (Strong, Oakley
// and Brennan, Estimating multiparameter partial expected value of perfect information from a probabilistic
// sensitivity analysis sample: a nonparametric regression approach, Medical Decision Making 2014;34:311-26):
// the scenario's net monetary benefit in each draw is regressed on the group's drawn values; the fitted
// value g_k estimates E[nmb | the group's values of draw k], and EVPPI = mean_k max(g_k, 0) -
// max(mean_k g_k, 0). The regression is their generalised additive model with one smooth term per
// parameter, fitted by backfitting (Hastie and Tibshirani, Generalized Additive Models, 1990, section 4.4)
// with a local linear smoother for each term (tricube weights over the nearest half of the draws:
// Cleveland, JASA 1979;74:829-36). `group_values[j][k]` is parameter j's value in draw k.
// Absent when the draws are fewer than kEvppiMinDraws or than kEvppiDrawsPerParameter per parameter of the
// group: each smooth term spends degrees of freedom, and an overfitted regression drifts up to the EVPI.
inline constexpr int kEvppiMinDraws = 20;
inline constexpr int kEvppiDrawsPerParameter = 10;
std::optional<double> partial_evpi(std::span<const double> nmb_per_draw,
                                   const std::vector<std::vector<double>>& group_values);

// The fitted values of that regression (E[nmb | group] per draw); empty when not estimable as above.
std::vector<double> additive_regression(std::span<const double> y, const std::vector<std::vector<double>>& x);

}  // namespace hhu
