// A run of whole years (RunOptions::whole_years: each block of the residents of 1 January lives the year's twelve
// months at once, residents.year) against the same run a month at a time, stepped side by side: after every month the
// same results (every counter of every year, raw), and at every new year the same residents in the same order, every
// column bit for bit, whatever the threads. Each resident's month reads only their own columns and the year's rates,
// and the month's conceptions and deliveries touch only the mother and her child; this test is what keeps that true.
#include <doctest/doctest.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "../support.hpp"
#include "sim/simulation/migration_plan.hpp"

using namespace hhu;

namespace {

RunOptions options(int threads, bool whole_years, std::shared_ptr<const MigrationPlan> plan = nullptr) {
    return test::side_by_side_options(threads, whole_years, std::move(plan));
}

// Steps `scenario` a month at a time (2 threads) and in whole years (`threads`) side by side, comparing as it goes.
void check_side_by_side(const Scenario& scenario, int threads, std::shared_ptr<const MigrationPlan> plan = nullptr) {
    const auto& data = test::project_data();
    Simulation months(data, scenario, options(2, false, plan));
    Simulation years(data, scenario, options(threads, true, plan));
    const int compared_residents = test::check_side_by_side(months, years);
    CHECK(months.person_steps() == years.person_steps());
    CHECK(compared_residents == scenario.end_year - kFirstYear + 1);
}

}  // namespace

TEST_CASE("whole years: the demography alone, a block at a time as a month at a time") {
    check_side_by_side(test::baseline({"end_year=2022", "health.enabled=false"}), 2);
}

TEST_CASE("whole years: the baseline, a block at a time as a month at a time, on 1 and 2 threads") {
    const Scenario s = test::baseline({"end_year=2023"});
    check_side_by_side(s, 1);
    check_side_by_side(s, 2);
}

TEST_CASE("whole years: a scenario with programmes for mothers, children and seniors, and its twin, the same") {
    // Programmes read at a conception (smoking in pregnancy), at a birth (child protection), and on hazards, care and
    // households; the scenario steps its policy-free twin, which runs whole years too.
    const Scenario s = with_overrides(load_scenario(std::string(HHU_SOURCE_DIR) + "/scenarios/health_hub_agenda.json"),
                                      {"end_year=2022"});
    check_side_by_side(s, 1);
}

TEST_CASE("whole years: a zone's new environment, with a baseline's migration handed over, the same") {
    const auto& data = test::project_data();
    const Scenario scenario = with_overrides(
        load_scenario(std::string(HHU_SOURCE_DIR) + "/scenarios/living_environment_green_mobility.json"),
        {"end_year=2022"});
    Simulation base(data, test::baseline({"end_year=2022"}), options(2, true));
    test::run_to_end(base);
    auto plan = std::make_shared<MigrationPlan>(base.migration_plan());
    plan->key = migration_plan_key(scenario, data, 11, 0.02);
    check_side_by_side(scenario, 2, plan);
}

TEST_CASE("whole years: the residents are not to be read mid-year, and live counters step months") {
    const auto& data = test::project_data();
    RunOptions o = options(2, true);
    o.scale = 0.01;
    Simulation sim(data, test::baseline({"end_year=2021"}), o);
    CHECK_NOTHROW(sim.population());  // 1 January
    CHECK(sim.lived_to_step() == 0);
    sim.step();
    CHECK_THROWS_AS(sim.population(), std::logic_error);
    CHECK(sim.current_step() == 1);
    CHECK(sim.lived_to_step() == kMonthsPerYear);  // the year's residents have lived it: a progress bar says so
    test::run_to_end(sim);
    CHECK_NOTHROW(sim.population());  // the end

    // With live counters each month is merged and shown as it comes: residents.year must not run ahead.
    o.live_counters = true;
    Simulation live(data, test::baseline({"end_year=2021"}), o);
    live.step();  // January
    CHECK(live.lived_to_step() == 1);
    std::int64_t exposure = 0;
    for (const auto e : live.results().years[0].exposure_months) exposure += e;
    CHECK(exposure > 0);
    CHECK(exposure <= static_cast<std::int64_t>(live.population().size()));
}

TEST_CASE("whole years: the monthly phases are the ones residents.year was checked against") {
    // residents.year lives the months of the residents of 1 January ahead of the monthly phases: a monthly phase that
    // reads or writes their columns, or state that changes month by month, breaks the equivalence tested above.
    // Adding one means checking that first (sim/simulation/simulation.cpp, run_year), then this list.
    std::vector<std::string> monthly;
    for (const Phase& p : Simulation::step_plan())
        if (p.when == PhaseWhen::EveryMonth) monthly.emplace_back(p.name);
    CHECK(monthly == std::vector<std::string>{"twin.step", "residents.month", "health.conceptions", "demography.newborns",
                                              "demography.arrivals", "output.merge_counters", "clock.advance"});
}
