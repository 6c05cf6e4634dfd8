// The care labour market's measures cost money (data/labour/lever_costs.csv: a published cost per extra entrant):
// those costs are programme costs, in the year's intervention costs (Measure::InterventionCost), so that compare's
// intervention costs, the funder's share, the cost per QALY and the net benefit include them. They were once reported
// only beside the labour market (labour_lever_cost_eur) and left out of every cost line.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "../support.hpp"

using namespace hhu;

namespace {
double province_intervention_cost(const Results& r, int year, int zones) {
    std::int64_t units = 0;
    for (int z = 0; z < zones; ++z)
        for (int cell = 0; cell < kCellsPerZone; ++cell)
            units += r.years[year - r.first_year].count(Measure::InterventionCost, z, cell);
    return static_cast<double>(units) / kAmountScale * r.weight;
}
}  // namespace

TEST_CASE("lever costs: the labour measures' unit costs are in the year's intervention costs") {
    const Scenario workforce = with_overrides(
        load_scenario(std::string(HHU_SOURCE_DIR) + "/scenarios/labour_care_workforce.json"), {"end_year=2028"});
    Simulation sim(test::project_data(), workforce, test::run_options(0.01));
    test::run_to_end(sim);
    const Results& r = sim.results();
    const int zones = sim.data().num_zones();
    REQUIRE(r.labour.size() == 8);
    double total_unit = 0;
    for (const LabourYear& y : r.labour) {
        CAPTURE(y.year);
        total_unit += y.lever_cost_unit_eur;
        // The scenario's programme has no yearly cost of its own: its intervention costs are the unit costs alone,
        // shared by the residents of 1 January in whole 1/kAmountScale euros each (at most half a unit off each, some
        // 1.6 million full-population residents).
        CHECK(std::abs(province_intervention_cost(r, y.year, zones) - y.lever_cost_unit_eur) <= 0.5 / kAmountScale * 1.6e6);
    }
    // Not vacuous: the measures start in 2025 and cost millions a year once ramped up.
    CHECK(total_unit > 1e6);
}
