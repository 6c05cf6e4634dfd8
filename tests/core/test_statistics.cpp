// The one implementation of replicate statistics (sim/core/statistics.hpp).
#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <vector>

#include "sim/core/statistics.hpp"

namespace hhu {

namespace {

// Standard normal variates by Box-Muller from a fixed-seed engine (the same numbers on every platform).
struct Normal {
    std::mt19937_64 engine;
    double operator()() {
        const double u1 = (static_cast<double>(engine() >> 11) + 0.5) / 9007199254740992.0;
        const double u2 = (static_cast<double>(engine() >> 11) + 0.5) / 9007199254740992.0;
        return std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
    }
};

}  // namespace

TEST_CASE("statistics: Student t quantiles") {
    CHECK(t_quantile_975(1) == doctest::Approx(12.7062).epsilon(1e-5));
    CHECK(t_quantile_975(2) == doctest::Approx(4.30265).epsilon(1e-5));
    CHECK(t_quantile_975(4) == doctest::Approx(2.77645).epsilon(1e-5));
    // Beyond the table: the expansion, against published values.
    CHECK(t_quantile_975(31) == doctest::Approx(2.039513).epsilon(1e-6));
    CHECK(t_quantile_975(60) == doctest::Approx(2.000298).epsilon(1e-6));
    CHECK(t_quantile_975(120) == doctest::Approx(1.979930).epsilon(1e-6));
    CHECK(t_quantile_975(100000) == doctest::Approx(1.959988).epsilon(1e-6));
    CHECK(std::isnan(t_quantile_975(0)));
}

TEST_CASE("statistics: the mean of replicates with its t-interval and Monte Carlo standard error") {
    const std::vector<double> v = {1, 2, 3};
    const Estimate e = estimate_mean(v);
    CHECK(e.mean == doctest::Approx(2));
    REQUIRE(e.mcse);
    CHECK(*e.mcse == doctest::Approx(1 / std::sqrt(3.0)));
    CHECK(*e.lower == doctest::Approx(2 - 4.302653 / std::sqrt(3.0)));
    CHECK(*e.upper == doctest::Approx(2 + 4.302653 / std::sqrt(3.0)));
    CHECK(e.replicates == 3);
    // The interval is not the range of the values: with three replicates it is wider.
    CHECK(*e.lower < 1);
    CHECK(*e.upper > 3);

    SUBCASE("one replicate: a value, no interval") {
        const Estimate one = estimate_mean(std::vector<double>{5});
        CHECK(one.mean == 5);
        CHECK(!one.lower);
        CHECK(!one.upper);
        CHECK(!one.mcse);
    }
    SUBCASE("a value not defined in every replicate: undefined, no interval") {
        const Estimate nan = estimate_mean(std::vector<double>{1, NAN, 3});
        CHECK(std::isnan(nan.mean));
        CHECK(!nan.lower);
    }
    SUBCASE("identical replicates: an interval of zero width") {
        const Estimate same = estimate_mean(std::vector<double>{4, 4, 4, 4});
        CHECK(*same.lower == 4);
        CHECK(*same.upper == 4);
    }
}

TEST_CASE("statistics: the t-interval covers the true mean 95% of the time, and always holds its mean") {
    Normal normal{std::mt19937_64(42)};
    constexpr int trials = 4000;
    for (int n : {3, 5, 20}) {
        int covered = 0;
        for (int t = 0; t < trials; ++t) {
            std::vector<double> v(static_cast<std::size_t>(n));
            for (double& x : v) x = 10 + 3 * normal();
            const Estimate e = estimate_mean(v);
            CHECK(*e.lower <= e.mean);
            CHECK(e.mean <= *e.upper);
            covered += *e.lower <= 10 && 10 <= *e.upper;
        }
        // Binomial(4000, 0.95): standard deviation 0.0034; four of them.
        INFO("n = " << n);
        CHECK(std::abs(covered / static_cast<double>(trials) - 0.95) < 4 * 0.0034);
    }
}

TEST_CASE("statistics: Fieller's interval for a ratio of paired means") {
    SUBCASE("no spread: the interval is the ratio") {
        const std::vector<double> cost = {1000, 1100, 1200}, qalys = {10, 11, 12};
        const Estimate e = estimate_ratio(cost, qalys);
        CHECK(e.mean == doctest::Approx(100));
        CHECK(*e.lower == doctest::Approx(100));
        CHECK(*e.upper == doctest::Approx(100));
    }
    SUBCASE("a denominator not distinguishable from zero: no interval (unbounded)") {
        const std::vector<double> cost = {100, 110, 90}, qalys = {1, -1, 0.5};
        const Estimate e = estimate_ratio(cost, qalys);
        CHECK(!e.lower);
        CHECK(!e.upper);
        CHECK(e.mean == doctest::Approx(300 / 0.5));
    }
    SUBCASE("coverage of the true ratio") {
        Normal normal{std::mt19937_64(7)};
        int covered = 0, bounded = 0;
        constexpr int trials = 3000;
        for (int t = 0; t < trials; ++t) {
            std::vector<double> cost(5), qalys(5);
            for (std::size_t r = 0; r < 5; ++r) {
                qalys[r] = 100 + 10 * normal();
                cost[r] = 2e6 + 2e5 * normal();  // true ratio 20,000 per QALY
            }
            const Estimate e = estimate_ratio(cost, qalys);
            if (!e.lower) continue;
            ++bounded;
            covered += *e.lower <= 20000 && 20000 <= *e.upper;
        }
        CHECK(bounded == trials);
        CHECK(std::abs(covered / static_cast<double>(trials) - 0.95) < 4 * 0.004);
    }
    SUBCASE("a constant numerator: the interval in closed form, a / (mean_b -+ t se_b)") {
        // Denominator 10, 11, 12: mean 11, standard error 1 / sqrt(3); t(0.975, 2) = 4.302653.
        const Estimate e = estimate_ratio(std::vector<double>{1000, 1000, 1000}, std::vector<double>{10, 11, 12});
        REQUIRE(e.lower);
        REQUIRE(e.upper);
        const double half = 4.302652729749464 / std::sqrt(3.0);
        CHECK(*e.lower == doctest::Approx(1000 / (11 + half)).epsilon(1e-9));
        CHECK(*e.upper == doctest::Approx(1000 / (11 - half)).epsilon(1e-9));
    }
    SUBCASE("correlated costs and QALYs: coverage, and the ratio's standard error is its spread") {
        // Costs follow the QALYs (a programme's care costs rise with the years lived): the covariance term counts.
        Normal normal{std::mt19937_64(11)};
        int covered = 0;
        double sum = 0, sum2 = 0, mcse2 = 0;
        constexpr int trials = 3000;
        for (int t = 0; t < trials; ++t) {
            std::vector<double> cost(5), qalys(5);
            for (std::size_t r = 0; r < 5; ++r) {
                qalys[r] = 100 + 10 * normal();
                cost[r] = 20000 * qalys[r] + 1e5 * normal();  // true ratio 20,000 per QALY
            }
            const Estimate e = estimate_ratio(cost, qalys);
            REQUIRE(e.lower);
            covered += *e.lower <= 20000 && 20000 <= *e.upper;
            REQUIRE(e.mcse);
            sum += e.mean, sum2 += e.mean * e.mean, mcse2 += *e.mcse * *e.mcse;
        }
        CHECK(std::abs(covered / static_cast<double>(trials) - 0.95) < 4 * 0.004);
        // The delta method's standard error (root mean square over the trials) against the estimates' own spread.
        const double sd = std::sqrt(sum2 / trials - (sum / trials) * (sum / trials));
        CHECK(std::sqrt(mcse2 / trials) == doctest::Approx(sd).epsilon(0.1).scale(0));
    }
    SUBCASE("one replicate: the ratio, no interval") {
        const Estimate e = estimate_ratio(std::vector<double>{50}, std::vector<double>{2});
        CHECK(e.mean == 25);
        CHECK(!e.lower);
    }
}

TEST_CASE("statistics: the Atkinson index") {
    const std::vector<double> equal = {65, 65, 65}, w3 = {1, 2, 3};
    CHECK(atkinson_index(equal, w3, 10.95) == doctest::Approx(0).epsilon(1e-12));
    // Aversion 2: the equally distributed equivalent is the harmonic mean: of 1 and 2, 4/3; mean 1.5.
    const std::vector<double> x = {1, 2}, w = {1, 1};
    CHECK(atkinson_index(x, w, 2) == doctest::Approx(1 - (4.0 / 3) / 1.5));
    // Weights count: doubling one value's weight is having it twice.
    const std::vector<double> x3 = {1, 2, 2}, w1 = {1, 1, 1}, x2 = {1, 2}, w12 = {1, 2};
    CHECK(atkinson_index(x3, w1, 10.95) == doctest::Approx(atkinson_index(x2, w12, 10.95)));
    // More aversion weighs the worst-off more.
    CHECK(atkinson_index(x, w, 10.95) > atkinson_index(x, w, 2));
    const std::vector<double> bad = {1, 0};
    CHECK(std::isnan(atkinson_index(bad, w, 2)));
}

TEST_CASE("statistics: replicates needed for a precision") {
    // sd 1: t(n-1)/sqrt(n) <= 0.5 first at n = 18 (2.1098 / 4.243 = 0.497; n = 17: 0.514).
    const std::vector<double> v = {-1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1};  // sd = 1.0445
    const int n = replicates_for_precision(v, 0.5);
    const double sd = std::sqrt(12.0 / 11.0);
    CHECK(t_quantile_975(n - 1) * sd / std::sqrt(static_cast<double>(n)) <= 0.5);
    CHECK(t_quantile_975(n - 2) * sd / std::sqrt(static_cast<double>(n - 1)) > 0.5);
    CHECK(replicates_for_precision(std::vector<double>{1}, 0.5) == 0);
}

}  // namespace hhu
