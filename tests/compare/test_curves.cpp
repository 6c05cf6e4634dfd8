// The year-by-year figures beside compare's table: the band over replicates is statistics.hpp's mean and
// t-interval where every replicate has the year, and the cost-effect curve cumulates the paired
// differences with the one definition of net cost (intervention costs + change in care costs).
#include <doctest/doctest.h>

#include <vector>

#include "sim/compare/compare.hpp"
#include "sim/compare/curves.hpp"
#include "sim/core/statistics.hpp"

using namespace hhu;

TEST_CASE("curves: the band is the mean and 95% interval of the replicates, only where all have the year") {
    const ReplicateSeries reps = {{1.0, 2.0, 3.0}, {3.0, 4.0, std::nullopt}, {2.0, 6.0, 5.0}};
    const auto band = yearly_band(reps);
    REQUIRE(band.size() == 3);
    REQUIRE(band[0]);
    const std::vector<double> first = {1.0, 3.0, 2.0};
    const Estimate e = estimate_mean(first);
    CHECK(band[0]->mean == doctest::Approx(2.0));
    CHECK(band[0]->lower == doctest::Approx(*e.lower));
    CHECK(band[0]->upper == doctest::Approx(*e.upper));
    CHECK(band[1]->mean == doctest::Approx(4.0));
    CHECK_FALSE(band[2]);  // the second replicate has no 2023 yet
    // One replicate: no interval anywhere.
    const auto single = yearly_band({{1.0, 2.0}});
    REQUIRE(single.size() == 2);
    for (const auto& b : single) CHECK_FALSE(b);
}

TEST_CASE("curves: the cost-effect curve cumulates paired differences, net cost is compare's definition") {
    const std::vector<CostEffectYear> scenario = {{2021, 110, 50, 5, 1000}, {2022, 120, 60, 6, 990}, {2023, 1, 1, 1, 1}};
    const std::vector<CostEffectYear> baseline = {{2021, 100, 0, 0, 1000}, {2022, 105, 0, 0, 1000}, {2024, 1, 0, 0, 1}};
    const CostEffectCurve c = cost_effect_curve(scenario, baseline);
    REQUIRE(c.years == std::vector<int>{2021, 2022});  // stops where the years no longer pair
    CHECK(c.qalys_gained[1] == doctest::Approx(10 + 15));
    CHECK(c.intervention_cost[1] == doctest::Approx(110));
    CHECK(c.care_cost_change[1] == doctest::Approx(-10));
    CHECK(c.participants[1] == doctest::Approx(11));
    CHECK(c.net_cost[1] == doctest::Approx(100));
    CHECK(c.net_cost[1] / c.qalys_gained[1] == doctest::Approx(cost_per_qaly(110, -10, 25)));
}
