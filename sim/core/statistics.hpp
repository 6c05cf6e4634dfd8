#pragma once
// The one place where hhu turns replicates into a figure with its uncertainty. Every interval a user
// sees (yearly_interval.csv, summary.json, hhu compare, the viewer's bands and tables) comes from here.
//
// Replicates of a run are independent draws of the model's stochastic outcome (each its own seed), so
// the estimate of the expected outcome is their mean and its uncertainty the Student t-interval of that
// mean: mean +- t(0.975, n-1) * sd / sqrt(n). sd / sqrt(n) is the Monte Carlo standard error (MCSE).
// For a comparison the values are the paired differences (replicate r of the scenario minus replicate r
// of the baseline, both with seed + r), so the interval is that of the mean paired difference.
// A ratio of two means (cost per QALY) gets Fieller's interval, which is exact for normal means and
// says honestly when the interval is unbounded (the denominator is not distinguishable from zero).
// With one replicate there is a value and no interval. The level is 95% throughout.
#include <cstddef>
#include <optional>
#include <span>

namespace hhu {

inline constexpr double kIntervalLevel = 0.95;

struct Estimate {
    double mean = 0;
    std::optional<double> lower, upper;  // absent: no interval (one replicate, or unbounded)
    std::optional<double> mcse;          // Monte Carlo standard error of the mean; absent with one replicate
    int replicates = 0;
};

// The 0.975 quantile of Student's t distribution with df degrees of freedom (df >= 1).
double t_quantile_975(int df);

// Mean, t-interval and MCSE of independent replicate values. A NaN among the values makes the mean NaN
// and the interval absent (a quantity not defined in every replicate).
Estimate estimate_mean(std::span<const double> values);

// The ratio mean(numerator) / mean(denominator) of paired replicate values with Fieller's 95% interval.
// The interval is absent when it is unbounded (the denominator's mean is within its own t-interval of 0)
// or with one replicate; mean is NaN when mean(denominator) is 0.
Estimate estimate_ratio(std::span<const double> numerator, std::span<const double> denominator);

// The Atkinson index of values x with weights w and inequality aversion epsilon (> 0, not 1):
// 1 - (equally distributed equivalent / weighted mean); 0 is equality. NaN when a value is not positive.
double atkinson_index(std::span<const double> x, std::span<const double> w, double epsilon);

// The number of replicates that would make the half-width of the t-interval at most `precision` given
// the spread seen (sd of the values); 0 when it cannot be said (fewer than two values).
int replicates_for_precision(std::span<const double> values, double precision);

}  // namespace hhu
