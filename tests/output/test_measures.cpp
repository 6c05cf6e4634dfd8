// Every measure is a stock (counted on 1 January) or a flow (counted through the year), and the
// classification agrees with what the simulation does: a stock's counts are complete after a year's
// first month and do not change in the eleven months after it.
#include <doctest/doctest.h>

#include <string>

#include "sim/output/results.hpp"
#include "../support.hpp"

using namespace hhu;

TEST_CASE("every measure is classified as a stock or a flow") {
    for (int i = 0; i < kNumMeasures; ++i)
        CHECK_MESSAGE(measure_timing(static_cast<Measure>(i)) != MeasureTiming::Unclassified,
                      "measure " << i << " is neither stock nor flow in measure_timing (sim/output/results.hpp)");
    CHECK(measure_timing(Measure::kCount) == MeasureTiming::Unclassified);
    CHECK(measure_timing(Measure::DigitallySkilled) == MeasureTiming::Stock);
    CHECK(measure_timing(Measure::Satisfied) == MeasureTiming::Stock);
    CHECK(measure_timing(condition_measure(0)) == MeasureTiming::Stock);
    CHECK(measure_timing(incidence_measure(0)) == MeasureTiming::Flow);
    CHECK(measure_timing(Measure::Falls) == MeasureTiming::Flow);
}

TEST_CASE("a stock's counts are complete after the year's first month, flows go on counting") {
    const auto& data = hhu::test::project_data();
    RunOptions o;
    o.scale = 0.01;
    o.seed = 5;
    o.live_counters = true;  // the year's counters after every month
    Simulation sim(data, hhu::test::baseline({"end_year=2021"}), o);
    const auto totals = [&] {
        std::vector<std::int64_t> t(kNumMeasures, 0);
        const YearCounters& y = sim.results().years[0];
        for (int m = 0; m < kNumMeasures; ++m)
            for (int z = 0; z < data.num_zones(); ++z)
                for (int cell = 0; cell < kCellsPerZone; ++cell) t[m] += y.count(static_cast<Measure>(m), z, cell);
        return t;
    };
    sim.step();
    const auto january = totals();
    while (!sim.finished()) sim.step();
    const auto year = totals();
    int stocks_seen = 0, flows_grown = 0;
    for (int m = 0; m < kNumMeasures; ++m) {
        if (measure_timing(static_cast<Measure>(m)) == MeasureTiming::Stock) {
            CHECK_MESSAGE(year[m] == january[m], "measure " << m << " is classified a stock but is counted after January");
            stocks_seen += january[m] > 0;
        } else {
            flows_grown += year[m] != january[m];
        }
    }
    CHECK(stocks_seen > 20);  // the population, risk factors, conditions and well-being were counted
    CHECK(flows_grown > 20);  // births, deaths, new cases, care hours and costs went on
}
