// EVPPI by non-parametric regression on the draws (Strong, Oakley and Brennan 2014) on synthetic decisions
// whose answers are known in closed form.
#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <vector>

#include "sim/core/statistics.hpp"
#include "sim/core/statistics_evppi.hpp"

using namespace hhu;

namespace {

constexpr double kPhi0 = 0.3989422804014327;  // the standard normal density at 0, 1 / sqrt(2 pi)
constexpr double kPhi1 = 0.2419707245191434;  // at 1

// n independent standard normal draws from a fixed stream (mt19937_64's output is fixed by the standard).
std::vector<double> normals(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 gen(seed);
    std::vector<double> v(n);
    for (auto& x : v) x = normal_quantile((static_cast<double>(gen() >> 11) + 0.5) * 0x1.0p-53);
    return v;
}

}  // namespace

TEST_CASE("evppi: net benefit a + b with a, b standard normal: EVPPI(a) = phi(0), EVPPI(a, b) = sqrt(2) phi(0)") {
    const std::size_t n = 2000;
    const auto a = normals(n, 1), b = normals(n, 2), noise = normals(n, 3);
    std::vector<double> nmb(n);
    for (std::size_t k = 0; k < n; ++k) nmb[k] = a[k] + b[k];
    // E[max(a, 0)] - max(E[a], 0) = phi(0); the sampling error of 2,000 draws is about 0.013 (sd of max(a, 0),
    // 0.58, over sqrt(2,000)): within four of them. Absolute bounds (doctest's Approx adds 1 to the scale).
    const double se = 0.013;
    CHECK(std::abs(*partial_evpi(nmb, {a}) - kPhi0) < 4 * se);
    CHECK(std::abs(*partial_evpi(nmb, {b}) - kPhi0) < 4 * se);
    // Both: the net benefit itself, so the EVPPI is the EVPI, E[max(a + b, 0)] = sqrt(2) phi(0) (sd of
    // max(a + b, 0) 0.83: a sampling error of 0.019), and the same draws' EVPI to the regression's error.
    CHECK(std::abs(*partial_evpi(nmb, {a, b}) - std::sqrt(2.0) * kPhi0) < 4 * 0.019);
    CHECK(std::abs(*partial_evpi(nmb, {a, b}) - expected_value_of_perfect_information(nmb)) < 0.01);
    // A parameter the net benefit does not depend on: nothing to learn.
    CHECK(*partial_evpi(nmb, {noise}) < 0.03);
}

TEST_CASE("evppi: a net benefit not linear in its parameter (a^2 - 1): EVPPI = 2 phi(1), a linear fit finds 0") {
    const std::size_t n = 2000;
    const auto a = normals(n, 4), other = normals(n, 5);
    std::vector<double> nmb(n);
    for (std::size_t k = 0; k < n; ++k) nmb[k] = a[k] * a[k] - 1 + 0.5 * other[k];
    // E[max(a^2 - 1, 0)] = 2 phi(1) = 0.484; E[a^2 - 1] = 0. The regression must follow the curve.
    const double evppi = *partial_evpi(nmb, {a}), evpi = expected_value_of_perfect_information(nmb);
    // Sampling error: sd of max(a^2 - 1, 0) about 1.17 over sqrt(2,000), 0.026; four of them.
    CHECK(std::abs(evppi - 2 * kPhi1) < 4 * 0.026);
    // That bound would let a fit that follows the other parameter's noise too pass (the EVPI, about 0.517, is within
    // it); the EVPPI must stay below the same draws' EVPI.
    CHECK(evpi - evppi > 0.01);
    // The additive model's terms are found separately: both parameters, the curve and the line.
    const auto fit = additive_regression(nmb, {a, other});
    REQUIRE(fit.size() == n);
    double worst = 0;
    for (std::size_t k = 0; k < n; ++k)
        if (std::abs(a[k]) < 2 && std::abs(other[k]) < 2) worst = std::max(worst, std::abs(fit[k] - nmb[k]));
    CHECK(worst < 0.25);
}

TEST_CASE("evppi: too few draws for the group's parameters give no value") {
    const auto a = normals(50, 6);
    std::vector<std::vector<double>> six(6, a);
    CHECK_FALSE(partial_evpi(a, six).has_value());  // 50 draws < 10 x 6 parameters
    CHECK(partial_evpi(a, {a}).has_value());
    CHECK_FALSE(partial_evpi(std::vector<double>(a.begin(), a.begin() + 10), {std::vector<double>(a.begin(), a.begin() + 10)}).has_value());
    CHECK_FALSE(partial_evpi(a, {}).has_value());
}
