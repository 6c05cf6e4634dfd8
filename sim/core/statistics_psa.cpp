// Parameter uncertainty: distributions fitted to intervals, their quantiles, and the decomposition of
// a PSA interval into parameter uncertainty and Monte Carlo noise (declared in statistics.hpp).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "sim/core/statistics.hpp"

namespace hhu {

namespace {

// The normal quantile of 0.975: a 95% interval is central +- 1.96 sd, so sd = width / (2 x 1.96).
constexpr double kZ975 = 1.959963984540054;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string num(double x) {
    char b[32];
    std::snprintf(b, sizeof b, "%g", x);
    return b;
}

// Continued fraction of the incomplete beta (modified Lentz; Numerical Recipes 3rd ed., 6.4).
double beta_fraction(double a, double b, double x) {
    constexpr double tiny = 1e-300;
    double c = 1, d = 1 - (a + b) * x / (a + 1);
    if (std::abs(d) < tiny) d = tiny;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 10000; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
        d = 1 + aa * d;
        c = 1 + aa / c;
        d = 1 / (std::abs(d) < tiny ? tiny : d);
        c = std::abs(c) < tiny ? tiny : c;
        h *= d * c;
        aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
        d = 1 + aa * d;
        c = 1 + aa / c;
        d = 1 / (std::abs(d) < tiny ? tiny : d);
        c = std::abs(c) < tiny ? tiny : c;
        const double del = d * c;
        h *= del;
        if (std::abs(del - 1) < 1e-15) break;
    }
    return h;
}

// The x in [lo, hi] where cdf(x) = p, by bisection (the CDFs here are increasing and continuous).
template <typename Cdf>
double invert(Cdf cdf, double p, double lo, double hi) {
    for (int i = 0; i < 200 && hi - lo > 1e-14 * std::max(1.0, std::abs(hi)); ++i) {
        const double mid = 0.5 * (lo + hi);
        (cdf(mid) < p ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

}  // namespace

double normal_quantile(double p) {
    if (!(p > 0 && p < 1)) return kNaN;
    static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                                   1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                   6.680131188771972e+01,  -1.328068155288572e+01};
    static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                   -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                   3.754408661907416e+00};
    const double lo = 0.02425;
    double x;
    if (p < lo || p > 1 - lo) {
        const double q = std::sqrt(-2 * std::log(p < lo ? p : 1 - p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        if (p > 1 - lo) x = -x;
    } else {
        const double q = p - 0.5, r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
    // One Halley step on the exact CDF (0.5 erfc(-x / sqrt 2)).
    const double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
    const double u = e * std::sqrt(2 * 3.14159265358979323846) * std::exp(x * x / 2);
    return x - u / (1 + x * u / 2);
}

double incomplete_beta(double a, double b, double x) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    const double front =
        std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x));
    if (x < (a + 1) / (a + b + 2)) return front * beta_fraction(a, b, x) / a;
    return 1 - front * beta_fraction(b, a, 1 - x) / b;
}

double incomplete_gamma(double a, double x) {
    if (x <= 0) return 0;
    const double log_front = -x + a * std::log(x) - std::lgamma(a);
    if (x < a + 1) {  // series
        double term = 1 / a, sum = term;
        for (int n = 1; n < 100000 && std::abs(term) > std::abs(sum) * 1e-16; ++n) sum += term *= x / (a + n);
        return sum * std::exp(log_front);
    }
    // Continued fraction of the upper tail (modified Lentz).
    constexpr double tiny = 1e-300;
    double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
    for (int i = 1; i < 100000; ++i) {
        const double an = -i * (i - a);
        b += 2;
        d = an * d + b;
        d = 1 / (std::abs(d) < tiny ? tiny : d);
        c = b + an / c;
        c = std::abs(c) < tiny ? tiny : c;
        const double del = d * c;
        h *= del;
        if (std::abs(del - 1) < 1e-15) break;
    }
    return 1 - std::exp(log_front) * h;
}

std::string fit_distribution(Distribution kind, double central, double low, double high, FittedDistribution& out) {
    out = {kind, central, 0, 0};
    if (!std::isfinite(central)) return "the central value is not a number";
    if (kind == Distribution::Fixed) return "";
    if (!(low < central && central < high))
        return "expected low < central < high, got " + num(low) + ", " + num(central) + ", " + num(high);
    const double sd = (high - low) / (2 * kZ975);
    switch (kind) {
        case Distribution::Lognormal:
            if (low <= 0) return "a lognormal needs a positive interval, got low " + num(low);
            out.a = std::log(central);
            out.b = (std::log(high) - std::log(low)) / (2 * kZ975);
            return "";
        case Distribution::Beta: {
            if (low <= 0 || high >= 1) return "a beta needs 0 < low and high < 1, got " + num(low) + " and " + num(high);
            const double k = central * (1 - central) / (sd * sd) - 1;
            if (k <= 0) return "the interval is too wide for a beta with mean " + num(central) + " (sd must be below " +
                               num(std::sqrt(central * (1 - central))) + ")";
            out.a = central * k;
            out.b = (1 - central) * k;
            return "";
        }
        case Distribution::Gamma:
            if (low <= 0) return "a gamma needs a positive interval, got low " + num(low);
            out.a = (central / sd) * (central / sd);
            out.b = sd * sd / central;
            return "";
        case Distribution::Fixed: break;
    }
    return "";
}

double distribution_quantile(const FittedDistribution& d, double p) {
    switch (d.kind) {
        case Distribution::Fixed: return d.central;
        case Distribution::Lognormal: return std::exp(d.a + d.b * normal_quantile(p));
        case Distribution::Beta:
            return invert([&](double x) { return incomplete_beta(d.a, d.b, x); }, p, 0.0, 1.0);
        case Distribution::Gamma: {
            const double mean = d.a * d.b;
            double hi = mean * 2 + 10 * std::sqrt(d.a) * d.b;
            while (incomplete_gamma(d.a, hi / d.b) < p) hi *= 2;
            return invert([&](double x) { return incomplete_gamma(d.a, x / d.b); }, p, 0.0, hi);
        }
    }
    return kNaN;
}

double quantile_of(std::span<const double> values, double q) {
    if (values.empty()) return kNaN;
    std::vector<double> v(values.begin(), values.end());
    std::sort(v.begin(), v.end());
    const double h = (static_cast<double>(v.size()) - 1) * q;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

VarianceDecomposition decompose_variance(std::span<const double> values, int draws, int replicates) {
    VarianceDecomposition out;
    out.draws = draws;
    out.replicates = replicates;
    if (draws < 1 || replicates < 1 || values.size() != static_cast<std::size_t>(draws) * replicates) {
        out.mean = kNaN;
        return out;
    }
    std::vector<double> means(draws);
    double within = 0;
    for (int d = 0; d < draws; ++d) {
        const auto run = values.subspan(static_cast<std::size_t>(d) * replicates, replicates);
        double m = 0;
        for (double x : run) m += x;
        m /= replicates;
        means[d] = m;
        for (double x : run) within += (x - m) * (x - m);
    }
    double mean = 0;
    for (double m : means) mean += m;
    mean /= draws;
    out.mean = mean;
    if (draws >= kDrawIntervalMinDraws) {
        out.lower = quantile_of(means, 0.025);
        out.upper = quantile_of(means, 0.975);
    }
    if (draws > 1) {
        for (double m : means) out.var_draw_means += (m - mean) * (m - mean);
        out.var_draw_means /= draws - 1;
    }
    out.separable = replicates > 1 && draws > 1;
    if (!out.separable) return out;
    out.sigma2_mc = within / (static_cast<double>(draws) * (replicates - 1));
    out.sigma2_parameter = std::max(0.0, out.var_draw_means - out.sigma2_mc / replicates);
    const double total = out.sigma2_parameter + out.sigma2_mc / replicates;
    if (total > 0) {
        out.parameter_share = out.sigma2_parameter / total;
        out.noise_share = 1 - *out.parameter_share;
    }
    return out;
}

double expected_value_of_perfect_information(std::span<const double> nmb_per_draw) {
    if (nmb_per_draw.empty()) return kNaN;
    double best_each = 0, mean = 0;
    for (double x : nmb_per_draw) {
        best_each += std::max(x, 0.0);
        mean += x;
    }
    const double n = static_cast<double>(nmb_per_draw.size());
    return best_each / n - std::max(mean / n, 0.0);
}

}  // namespace hhu
