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
#include <string>
#include <string_view>

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

// ---- Parameter uncertainty (probabilistic sensitivity analysis) ----
// A parameter's distribution fitted to its central value and 95% interval (published, or a stated
// assumption): lognormal for ratios (log-scale mean ln(central), sd = width of the log interval / 3.92),
// beta for probabilities and weights in (0, 1) and gamma for costs (both by the method of moments: mean
// central, sd = width of the interval / 3.92; Briggs, Claxton & Sculpher, Decision Modelling for Health
// Economic Evaluation, 2006, chapter 4), or fixed (no uncertainty: every draw is the central value).
enum class Distribution { Fixed, Lognormal, Beta, Gamma };
inline constexpr std::string_view kDistributionNames[] = {"fixed", "lognormal", "beta", "gamma"};

struct FittedDistribution {
    Distribution kind = Distribution::Fixed;
    double central = 0;
    double a = 0, b = 0;  // lognormal: mu, sigma; beta: alpha, beta; gamma: shape, scale
};

// Fits `kind` to central and [low, high]; "" when it fits, else why not (low < central < high for every
// distribution but fixed; beta needs 0 < low and high < 1, a mean inside and an sd below sqrt(m (1 - m));
// lognormal and gamma need 0 < low). The caller names the file and line.
std::string fit_distribution(Distribution kind, double central, double low, double high, FittedDistribution& out);

// The value of the distribution at cumulative probability p in (0, 1) (inverse CDF): one uniform per
// parameter and draw gives its value, so a draw is a pure function of its uniforms.
double distribution_quantile(const FittedDistribution& d, double p);

// The standard normal quantile (Acklam's rational approximation refined by one Halley step; relative
// error below 1e-15 in double precision).
double normal_quantile(double p);
// Regularised incomplete beta I_x(a, b) and lower incomplete gamma P(a, x) (continued fractions and
// series, Press et al., Numerical Recipes, 3rd ed., 2007, sections 6.2 and 6.4).
double incomplete_beta(double a, double b, double x);
double incomplete_gamma(double a, double x);

// The quantile of sorted-or-not values at probability q by linear interpolation between order
// statistics (Hyndman & Fan 1996, type 7, R's default); NaN when empty.
double quantile_of(std::span<const double> values, double q);

// Draws x replicates of an outcome (values[d * replicates + r]): how much of the spread of the draw
// means (the parameter-uncertainty interval) is the parameters' and how much Monte Carlo noise. A
// one-way random-effects analysis of variance: the within-draw variance estimates the noise of one run
// (sigma2_mc); the variance of the draw means is sigma2_parameter + sigma2_mc / replicates, so
// sigma2_parameter = var(draw means) - sigma2_mc / replicates (0 when negative). With one replicate
// per draw the two cannot be told apart: `separable` is false and only the total is given.
struct VarianceDecomposition {
    int draws = 0, replicates = 0;
    double mean = 0;                   // over all runs
    // The 2.5% and 97.5% quantiles of the draw means: absent below kDrawIntervalMinDraws draws, where they would be
    // the range of the draws (their first and last two order statistics) under the name of an interval.
    std::optional<double> lower, upper;
    double var_draw_means = 0;         // sample variance of the draw means
    double sigma2_mc = 0;              // within-draw variance (one run's Monte Carlo noise)
    double sigma2_parameter = 0;       // between-draw variance net of the noise
    bool separable = false;
    // Shares of var_draw_means: parameters and noise (sum 1); absent when not separable or no spread.
    std::optional<double> parameter_share, noise_share;
};
VarianceDecomposition decompose_variance(std::span<const double> values, int draws, int replicates);
// The fewest draws whose 2.5% quantile lies beyond the smallest draw (40 x 0.025 = 1).
inline constexpr int kDrawIntervalMinDraws = 40;

// The expected value of perfect information of a choice between doing nothing (net benefit 0) and the
// scenario, from the scenario's net monetary benefit per draw: E[max(nmb, 0)] - max(E[nmb], 0).
double expected_value_of_perfect_information(std::span<const double> nmb_per_draw);

}  // namespace hhu
