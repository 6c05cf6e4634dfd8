#include "sim/core/statistics_evppi.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace hhu {

namespace {

// The share of the draws in each local fit (Cleveland's span).
constexpr double kSpan = 0.5;
// Backfitting stops when no term moves by more than this share of the response's spread, or after
// kMaxSweeps sweeps.
constexpr double kTolerance = 1e-6;
constexpr int kMaxSweeps = 100;

// Local linear smooth of r on x at every draw: at draw i, a weighted least-squares line through the m
// draws nearest in x (tricube weights of the distance over the largest distance among them). `order` sorts
// x. A neighbourhood whose x do not vary gives its weighted mean.
std::vector<double> local_linear(const std::vector<double>& x, const std::vector<double>& r,
                                 const std::vector<std::size_t>& order) {
    const std::size_t n = x.size();
    const std::size_t m = std::max<std::size_t>(3, static_cast<std::size_t>(kSpan * static_cast<double>(n)));
    std::vector<double> fit(n);
    std::size_t lo = 0;  // the window [lo, lo + m) in sorted order
    for (std::size_t pos = 0; pos < n; ++pos) {
        const double x0 = x[order[pos]];
        // Slide the window right while its right neighbour is nearer than its left end.
        while (lo + m < n && x[order[lo + m]] - x0 < x0 - x[order[lo]]) ++lo;
        const double reach = std::max(x0 - x[order[lo]], x[order[lo + m - 1]] - x0) * (1 + 1e-9);
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (std::size_t k = lo; k < lo + m; ++k) {
            const std::size_t j = order[k];
            const double u = reach > 0 ? std::abs(x[j] - x0) / reach : 0.0;
            const double w = std::pow(1 - u * u * u, 3);
            const double dx = x[j] - x0;
            sw += w;
            sx += w * dx;
            sy += w * r[j];
            sxx += w * dx * dx;
            sxy += w * dx * r[j];
        }
        const double var = sxx * sw - sx * sx;
        // The line's value at x0 (dx = 0): its intercept.
        fit[order[pos]] = var > 1e-12 * sw * sw * (reach * reach + 1e-300) ? (sy * sxx - sx * sxy) / var : sy / sw;
    }
    return fit;
}

void center(std::vector<double>& f) {
    const double mean = std::accumulate(f.begin(), f.end(), 0.0) / static_cast<double>(f.size());
    for (double& v : f) v -= mean;
}

}  // namespace

std::vector<double> additive_regression(std::span<const double> y, const std::vector<std::vector<double>>& x) {
    const std::size_t n = y.size(), p = x.size();
    if (p == 0 || n < static_cast<std::size_t>(kEvppiMinDraws) ||
        n < static_cast<std::size_t>(kEvppiDrawsPerParameter) * p)
        return {};
    for (const auto& col : x)
        if (col.size() != n) return {};
    const double alpha = std::accumulate(y.begin(), y.end(), 0.0) / static_cast<double>(n);
    double spread = 0;
    for (double v : y) spread = std::max(spread, std::abs(v - alpha));
    std::vector<std::vector<std::size_t>> order(p);
    for (std::size_t j = 0; j < p; ++j) {
        order[j].resize(n);
        std::iota(order[j].begin(), order[j].end(), std::size_t{0});
        std::stable_sort(order[j].begin(), order[j].end(), [&](std::size_t a, std::size_t b) { return x[j][a] < x[j][b]; });
    }
    std::vector<std::vector<double>> f(p, std::vector<double>(n, 0.0));
    std::vector<double> total(n, 0.0);  // sum of the terms
    for (int sweep = 0; sweep < kMaxSweeps; ++sweep) {
        double moved = 0;
        for (std::size_t j = 0; j < p; ++j) {
            std::vector<double> partial(n);
            for (std::size_t k = 0; k < n; ++k) partial[k] = y[k] - alpha - (total[k] - f[j][k]);
            std::vector<double> next = local_linear(x[j], partial, order[j]);
            center(next);
            for (std::size_t k = 0; k < n; ++k) {
                moved = std::max(moved, std::abs(next[k] - f[j][k]));
                total[k] += next[k] - f[j][k];
            }
            f[j] = std::move(next);
        }
        if (p == 1 || moved <= kTolerance * spread) break;
    }
    for (double& v : total) v += alpha;
    return total;
}

std::optional<double> partial_evpi(std::span<const double> nmb_per_draw,
                                   const std::vector<std::vector<double>>& group_values) {
    const std::vector<double> g = additive_regression(nmb_per_draw, group_values);
    if (g.empty()) return std::nullopt;
    double best_each = 0, mean = 0;
    for (double v : g) {
        best_each += std::max(v, 0.0);
        mean += v;
    }
    const double n = static_cast<double>(g.size());
    return std::max(0.0, best_each / n - std::max(mean / n, 0.0));
}

}  // namespace hhu
