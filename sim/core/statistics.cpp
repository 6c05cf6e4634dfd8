#include "sim/core/statistics.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace hhu {

namespace {

// t(0.975, df) for df = 1..30 (standard tables, e.g. Abramowitz & Stegun 1964, table 26.10).
constexpr std::array<double, 30> kT975 = {12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836,
                                          2.446911851,  2.364624252, 2.306004135, 2.262157163, 2.228138852,
                                          2.200985160,  2.178812830, 2.160368656, 2.144786688, 2.131449546,
                                          2.119905299,  2.109815578, 2.100922040, 2.093024054, 2.085963447,
                                          2.079613845,  2.073873068, 2.068657610, 2.063898562, 2.059538553,
                                          2.055529439,  2.051830516, 2.048407142, 2.045229642, 2.042272456};

struct Moments {
    double mean = 0, var = 0;  // sample variance (n - 1)
};

Moments moments(std::span<const double> v) {
    Moments m;
    for (double x : v) m.mean += x;
    m.mean /= static_cast<double>(v.size());
    for (double x : v) m.var += (x - m.mean) * (x - m.mean);
    if (v.size() > 1) m.var /= static_cast<double>(v.size() - 1);
    return m;
}

bool any_nan(std::span<const double> v) {
    for (double x : v)
        if (std::isnan(x)) return true;
    return false;
}

}  // namespace

double t_quantile_975(int df) {
    if (df < 1) return std::numeric_limits<double>::quiet_NaN();
    if (df <= static_cast<int>(kT975.size())) return kT975[static_cast<std::size_t>(df - 1)];
    // Cornish-Fisher expansion about the normal quantile (Abramowitz & Stegun 26.7.5); error < 1e-6 for df > 30.
    const double z = 1.959963984540054, z2 = z * z;
    const double g1 = (z2 + 1) * z / 4;
    const double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
    const double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
    const double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
    const double n = df;
    return z + g1 / n + g2 / (n * n) + g3 / (n * n * n) + g4 / (n * n * n * n);
}

Estimate estimate_mean(std::span<const double> values) {
    Estimate e;
    e.replicates = static_cast<int>(values.size());
    if (values.empty()) {
        e.mean = std::numeric_limits<double>::quiet_NaN();
        return e;
    }
    if (any_nan(values)) {
        e.mean = std::numeric_limits<double>::quiet_NaN();
        return e;
    }
    const Moments m = moments(values);
    e.mean = m.mean;
    if (values.size() < 2) return e;
    const double se = std::sqrt(m.var / static_cast<double>(values.size()));
    const double half = t_quantile_975(e.replicates - 1) * se;
    e.mcse = se;
    e.lower = m.mean - half;
    e.upper = m.mean + half;
    return e;
}

Estimate estimate_ratio(std::span<const double> numerator, std::span<const double> denominator) {
    Estimate e;
    const std::size_t n = numerator.size();
    e.replicates = static_cast<int>(n);
    if (n == 0 || denominator.size() != n || any_nan(numerator) || any_nan(denominator)) {
        e.mean = std::numeric_limits<double>::quiet_NaN();
        return e;
    }
    const Moments a = moments(numerator), b = moments(denominator);
    e.mean = b.mean != 0 ? a.mean / b.mean : std::numeric_limits<double>::quiet_NaN();
    if (n < 2 || b.mean == 0) return e;
    double cov = 0;
    for (std::size_t r = 0; r < n; ++r) cov += (numerator[r] - a.mean) * (denominator[r] - b.mean);
    cov /= static_cast<double>(n - 1);
    // Variances and covariance of the means.
    const double nn = static_cast<double>(n), va = a.var / nn, vb = b.var / nn, cab = cov / nn;
    const double t = t_quantile_975(static_cast<int>(n) - 1), t2 = t * t;
    // Fieller: the ratios R with (mean_a - R mean_b)^2 <= t^2 var(mean_a - R mean_b).
    const double qa = b.mean * b.mean - t2 * vb;
    const double qb = a.mean * b.mean - t2 * cab;
    const double qc = a.mean * a.mean - t2 * va;
    if (qa <= 0) return e;  // unbounded: the denominator is not distinguishable from zero
    const double disc = qb * qb - qa * qc;
    const double root = std::sqrt(std::max(0.0, disc));
    e.lower = (qb - root) / qa;
    e.upper = (qb + root) / qa;
    // The delta-method standard error of the ratio, as the Monte Carlo standard error.
    const double r = e.mean;
    e.mcse = std::sqrt(std::max(0.0, va - 2 * r * cab + r * r * vb)) / std::abs(b.mean);
    return e;
}

double atkinson_index(std::span<const double> x, std::span<const double> w, double epsilon) {
    if (x.size() != w.size()) return std::numeric_limits<double>::quiet_NaN();
    double wsum = 0, mean = 0;
    for (std::size_t i = 0; i < x.size(); ++i) wsum += w[i], mean += w[i] * x[i];
    if (wsum <= 0 || mean <= 0) return std::numeric_limits<double>::quiet_NaN();
    mean /= wsum;
    // Relative to the mean, so that x^(1 - epsilon) does not underflow at large aversion.
    double s = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!(x[i] > 0)) return std::numeric_limits<double>::quiet_NaN();
        s += w[i] * std::pow(x[i] / mean, 1 - epsilon);
    }
    return 1 - std::pow(s / wsum, 1 / (1 - epsilon));
}

int replicates_for_precision(std::span<const double> values, double precision) {
    if (values.size() < 2 || !(precision > 0) || any_nan(values)) return 0;
    const double sd = std::sqrt(moments(values).var);
    if (sd == 0) return 2;
    constexpr int kMax = 1000000000;
    const double z = 1.959963984540054;
    const double start = std::ceil((z * sd / precision) * (z * sd / precision));
    int n = static_cast<int>(std::clamp(start, 2.0, static_cast<double>(kMax)));
    while (n < kMax && t_quantile_975(n - 1) * sd / std::sqrt(static_cast<double>(n)) > precision) ++n;
    return n;
}

}  // namespace hhu
