// Parameter uncertainty in sim/core/statistics.hpp: fitted distributions, their quantiles, and the
// split of a PSA interval into parameter uncertainty and Monte Carlo noise.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "sim/core/statistics.hpp"

namespace hhu {

TEST_CASE("statistics: the normal quantile against published values") {
    CHECK(normal_quantile(0.5) == doctest::Approx(0.0).epsilon(1e-12));
    CHECK(normal_quantile(0.975) == doctest::Approx(1.959963984540054).epsilon(1e-12));
    CHECK(normal_quantile(0.025) == doctest::Approx(-1.959963984540054).epsilon(1e-12));
    CHECK(normal_quantile(0.001) == doctest::Approx(-3.090232306167813).epsilon(1e-10));
    CHECK(std::isnan(normal_quantile(0)));
    CHECK(std::isnan(normal_quantile(1)));
}

TEST_CASE("statistics: incomplete beta and gamma against closed forms") {
    // I_x(1, b) = 1 - (1 - x)^b; P(1, x) = 1 - exp(-x); I_x(a, a) at 1/2 is 1/2.
    CHECK(incomplete_beta(1, 3, 0.2) == doctest::Approx(1 - std::pow(0.8, 3)).epsilon(1e-12));
    CHECK(incomplete_beta(7.5, 7.5, 0.5) == doctest::Approx(0.5).epsilon(1e-12));
    CHECK(incomplete_gamma(1, 2.0) == doctest::Approx(1 - std::exp(-2.0)).epsilon(1e-12));
    CHECK(incomplete_gamma(2, 3.0) == doctest::Approx(1 - 4 * std::exp(-3.0)).epsilon(1e-12));
    CHECK(incomplete_gamma(50, 80.0) == doctest::Approx(1.0).epsilon(1e-3));
}

TEST_CASE("statistics: a lognormal fitted to a published interval gives it back") {
    FittedDistribution d;
    // Valtorta 2016: loneliness on CHD 1.29 (1.04 to 1.59); the interval is nearly symmetric in logs.
    REQUIRE(fit_distribution(Distribution::Lognormal, std::sqrt(1.04 * 1.59), 1.04, 1.59, d).empty());
    CHECK(distribution_quantile(d, 0.025) == doctest::Approx(1.04).epsilon(1e-9));
    CHECK(distribution_quantile(d, 0.975) == doctest::Approx(1.59).epsilon(1e-9));
    CHECK(distribution_quantile(d, 0.5) == doctest::Approx(std::sqrt(1.04 * 1.59)).epsilon(1e-12));
}

TEST_CASE("statistics: a fit is centred on the central value, not on the interval's middle") {
    // Asymmetric intervals: a lognormal's median, a beta's and a gamma's mean are the central value exactly.
    FittedDistribution d;
    REQUIRE(fit_distribution(Distribution::Lognormal, 1.3, 1.04, 1.59, d).empty());
    CHECK(distribution_quantile(d, 0.5) == doctest::Approx(1.3).epsilon(1e-12).scale(0));
    CHECK(d.b == doctest::Approx(std::log(1.59 / 1.04) / 3.919927969080108).epsilon(1e-12).scale(0));
    REQUIRE(fit_distribution(Distribution::Gamma, 1000, 700, 1200, d).empty());
    CHECK(d.a * d.b == doctest::Approx(1000).epsilon(1e-12).scale(0));
    CHECK(std::sqrt(d.a) * d.b == doctest::Approx(500 / 3.919927969080108).epsilon(1e-9).scale(0));
    REQUIRE(fit_distribution(Distribution::Beta, 0.2, 0.12, 0.25, d).empty());
    CHECK(d.a / (d.a + d.b) == doctest::Approx(0.2).epsilon(1e-12).scale(0));
}

TEST_CASE("statistics: beta and gamma by moments: mean and spread as asked, interval about right") {
    FittedDistribution b, g;
    REQUIRE(fit_distribution(Distribution::Beta, 0.2, 0.15, 0.25, b).empty());
    const double sd = 0.1 / 3.919927969080108;
    CHECK(b.a / (b.a + b.b) == doctest::Approx(0.2).epsilon(1e-12));
    CHECK(std::sqrt(b.a * b.b / ((b.a + b.b) * (b.a + b.b) * (b.a + b.b + 1))) == doctest::Approx(sd).epsilon(1e-9));
    CHECK(distribution_quantile(b, 0.025) == doctest::Approx(0.15).epsilon(0.02).scale(0));
    CHECK(distribution_quantile(b, 0.975) == doctest::Approx(0.25).epsilon(0.02).scale(0));
    CHECK(incomplete_beta(b.a, b.b, distribution_quantile(b, 0.3)) == doctest::Approx(0.3).epsilon(1e-9));
    REQUIRE(fit_distribution(Distribution::Gamma, 1000, 800, 1200, g).empty());
    CHECK(g.a * g.b == doctest::Approx(1000).epsilon(1e-12));
    CHECK(std::sqrt(g.a) * g.b == doctest::Approx(400 / 3.919927969080108).epsilon(1e-9));
    CHECK(distribution_quantile(g, 0.025) == doctest::Approx(800).epsilon(0.02));
    CHECK(distribution_quantile(g, 0.975) == doctest::Approx(1200).epsilon(0.02));
    CHECK(incomplete_gamma(g.a, distribution_quantile(g, 0.7) / g.b) == doctest::Approx(0.7).epsilon(1e-9));
}

TEST_CASE("statistics: intervals that cannot be fitted say why") {
    FittedDistribution d;
    CHECK(fit_distribution(Distribution::Lognormal, 1.2, 1.3, 1.5, d).find("low < central < high") != std::string::npos);
    CHECK(fit_distribution(Distribution::Lognormal, 0.5, -0.1, 1, d).find("positive") != std::string::npos);
    CHECK(fit_distribution(Distribution::Beta, 0.5, 0.2, 1.2, d).find("0 < low and high < 1") != std::string::npos);
    CHECK(fit_distribution(Distribution::Beta, 0.02, 0.0001, 0.9, d).find("too wide") != std::string::npos);
    CHECK(fit_distribution(Distribution::Gamma, 10, 0, 20, d).find("positive") != std::string::npos);
    CHECK(fit_distribution(Distribution::Fixed, 3, 0, 0, d).empty());
    CHECK(distribution_quantile(d, 0.9) == 3);
}

TEST_CASE("statistics: the spread of draw means split into parameters and noise") {
    // Three draws x two replicates: draw means 1, 2, 3 (variance 1); within each draw +-0.5 (within
    // variance 0.5, of which the draw means carry 0.5 / 2 = 0.25). Parameters 0.75 of 1.
    const std::vector<double> v = {0.5, 1.5, 1.5, 2.5, 2.5, 3.5};
    const auto d = decompose_variance(v, 3, 2);
    CHECK(d.mean == doctest::Approx(2));
    CHECK(d.var_draw_means == doctest::Approx(1));
    CHECK(d.sigma2_mc == doctest::Approx(0.5));
    CHECK(d.sigma2_parameter == doctest::Approx(0.75));
    REQUIRE(d.parameter_share);
    CHECK(*d.parameter_share == doctest::Approx(0.75));
    CHECK(*d.noise_share == doctest::Approx(0.25));
    // Three draws give no interval: their quantiles would be their range.
    CHECK_FALSE(d.lower);
    CHECK_FALSE(d.upper);
    // The same draw means with no noise: all of it is the parameters'.
    const auto still = decompose_variance(std::vector<double>{1, 1, 2, 2, 3, 3}, 3, 2);
    CHECK(*still.parameter_share == doctest::Approx(1));
    // Noise only (the draws do not matter): the parameters' share is 0, never negative.
    const auto noise = decompose_variance(std::vector<double>{0, 2, 2, 0, 0, 2}, 3, 2);
    CHECK(noise.sigma2_parameter == 0);
    CHECK(*noise.noise_share == doctest::Approx(1));
    // One replicate per draw: the two cannot be told apart.
    const auto one = decompose_variance(std::vector<double>{1, 2, 3}, 3, 1);
    CHECK_FALSE(one.separable);
    CHECK_FALSE(one.parameter_share);
    CHECK(one.var_draw_means == doctest::Approx(1));
    // A size that does not match draws x replicates gives NaN, not a wrong number.
    CHECK(std::isnan(decompose_variance(std::vector<double>{1, 2, 3}, 2, 2).mean));
}

TEST_CASE("statistics: the interval over draws, from 40 draws on: the 2.5% and 97.5% quantiles of the draw means") {
    // Draw means 1..40, one replicate each: quantiles (type 7) at positions 0.975 and 38.025 of 0..39.
    std::vector<double> v(40);
    for (int d = 0; d < 40; ++d) v[static_cast<std::size_t>(d)] = d + 1;
    const auto d40 = decompose_variance(v, 40, 1);
    REQUIRE(d40.lower);
    REQUIRE(d40.upper);
    CHECK(*d40.lower == doctest::Approx(1.975));
    CHECK(*d40.upper == doctest::Approx(39.025));
    v.pop_back();
    CHECK_FALSE(decompose_variance(v, 39, 1).lower);
}

TEST_CASE("statistics: expected value of perfect information") {
    // Net benefit +10 or -10 with equal chance: choosing now gains 0 on average, knowing gains 5.
    CHECK(expected_value_of_perfect_information(std::vector<double>{10, -10}) == doctest::Approx(5));
    // Always worth it (or never): perfect information is worth nothing.
    CHECK(expected_value_of_perfect_information(std::vector<double>{3, 7}) == doctest::Approx(0));
    CHECK(expected_value_of_perfect_information(std::vector<double>{-3, -7}) == doctest::Approx(0));
}

}  // namespace hhu
