// hhu validate's sampling allowance: a run at scale < 1 gets three standard errors of its own sample on top of a
// target's tolerance, computed from the sample behind the target's breakdown and the kind of indicator. A share's
// allowance once came from the formula of a count (3 sqrt(p (1 - s) / s): 5.7 for a prevalence of 0.09 at scale
// 0.05), so no share or life expectancy at 65 could fail a sampled validation.
#include <doctest/doctest.h>

#include <cmath>
#include <memory>
#include <vector>

#include "../support.hpp"
#include "sim/validation/validation.hpp"

using namespace hhu;

namespace {

Target target(const std::string& indicator, int year, double value, double tolerance, int education = kAll) {
    Target t;
    t.indicator = indicator;
    t.zone = "PV26";
    t.year = year;
    t.education = education;
    t.value = value;
    t.tolerance = tolerance;
    t.relative = false;
    return t;
}

const Indicators& sampled_run() {
    static const std::unique_ptr<Simulation> sim = [] {
        RunOptions o;
        o.scale = 0.05;
        o.seed = 8;
        auto s = std::make_unique<Simulation>(test::project_data(), test::baseline({"end_year=2022"}), o);
        test::run_to_end(*s);
        return s;
    }();
    static const Indicators ind(sim->data(), sim->results());
    return ind;
}

}  // namespace

TEST_CASE("validation: a share's sampling allowance is binomial in its own denominator, and a share far off fails") {
    const Indicators& ind = sampled_run();
    const int pv = ind.unit_index("PV26");
    const double p = ind.value("prevalence_smoking", 2021, pv);
    const double adults = ind.count(2021, pv, Measure::Adults);
    const auto checks = check_targets(ind, {target("prevalence_smoking", 2021, p, 0.02),
                                            target("prevalence_smoking", 2021, p + 0.1, 0.02)}, 0.05);
    REQUIRE(checks.size() == 2);
    CHECK(checks[0].allowance == doctest::Approx(3 * std::sqrt(p * (1 - p) * 0.95 / (adults * 0.05))).epsilon(1e-9));
    CHECK(checks[0].allowance < 0.02);
    CHECK(checks[0].within);
    CHECK_FALSE(checks[1].within);  // ten points off: beyond 0.02 and three standard errors
    // At full scale no allowance.
    CHECK(check_targets(ind, {target("prevalence_smoking", 2021, p, 0.02)}, 1.0)[0].allowance == 0);
}

TEST_CASE("validation: a life expectancy's allowance is of the sample of its breakdown") {
    const Indicators& ind = sampled_run();
    const int pv = ind.unit_index("PV26");
    const int middle = 1;
    const auto checks = check_targets(ind, {target("life_expectancy", 2022, 82, 1),
                                            target("life_expectancy", 2022, 82, 1, middle),
                                            target("life_expectancy_65", 2022, 21, 1, middle)}, 0.05);
    REQUIRE(checks.size() == 3);
    const double all = ind.count(2022, pv, Counter::Population);
    const double of_middle = ind.count(2022, pv, Counter::Population, kAll, kAll, middle);
    CHECK(checks[0].allowance == doctest::Approx(3 * 0.45 * std::sqrt(1e5 * 0.95 / (all * 0.05))).epsilon(1e-9));
    CHECK(checks[1].allowance == doctest::Approx(checks[0].allowance * std::sqrt(all / of_middle)).epsilon(1e-9));
    // Life expectancy at 65 is a life table too (it once took a count's allowance: some 60 years here).
    CHECK(checks[2].allowance == doctest::Approx(checks[1].allowance).epsilon(1e-9));
    CHECK(checks[2].allowance < 5);
}

TEST_CASE("validation: a count's allowance is three standard errors of the weighted count") {
    const Indicators& ind = sampled_run();
    const int pv = ind.unit_index("PV26");
    const double population = ind.count(2022, pv, Counter::Population);
    const auto checks = check_targets(ind, {target("population", 2022, population, 0)}, 0.05);
    REQUIRE(checks.size() == 1);
    CHECK(checks[0].allowance == doctest::Approx(3 * std::sqrt(population * 0.95 / 0.05)).epsilon(1e-9));
    CHECK(checks[0].within);
}

TEST_CASE("validation: a share's allowance is three of the standard errors seen across seeds") {
    // The spread of the smokers' share over eight seeds of a 5% sample, against the allowance's own standard error
    // (allowance / 3): the same within a factor of two (the sample sd of eight runs is itself uncertain by ~25%).
    std::vector<double> shares;
    double allowance = 0;
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
        RunOptions o;
        o.scale = 0.05;
        o.seed = seed;
        Simulation sim(test::project_data(), test::baseline({"end_year=2021"}), o);
        test::run_to_end(sim);
        const Indicators ind(sim.data(), sim.results());
        const int pv = ind.unit_index("PV26");
        const double p = ind.value("prevalence_smoking", 2021, pv);
        shares.push_back(p);
        allowance = check_targets(ind, {target("prevalence_smoking", 2021, p, 0.02)}, 0.05)[0].allowance;
    }
    double mean = 0, var = 0;
    for (double s : shares) mean += s / 8;
    for (double s : shares) var += (s - mean) * (s - mean) / 7;
    const double se = allowance / 3;
    MESSAGE("sd over seeds " << std::sqrt(var) << ", standard error of the allowance " << se);
    CHECK(std::sqrt(var) > se / 2);
    CHECK(std::sqrt(var) < se * 2);
}

TEST_CASE("validation: no allowance for the care labour market or an amount, and a share of 0 still gets one") {
    const Indicators& ind = sampled_run();
    const auto checks = check_targets(ind, {target("care_workers", 2021, 106849, 0.02), target("care_hours", 2021, 1e6, 0.1),
                                            target("prevalence_smoking", 2021, 0, 0.02)}, 0.05);
    REQUIRE(checks.size() == 3);
    CHECK(checks[0].allowance == 0);
    CHECK(checks[1].allowance == 0);
    CHECK(checks[2].allowance > 0);
}
