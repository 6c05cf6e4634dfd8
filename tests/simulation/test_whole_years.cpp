// A run of whole years (RunOptions::whole_years: each block of the residents of 1 January lives the year's twelve
// months at once, residents.year) against the same run a month at a time: the same results, the same residents in
// the same order, whatever the threads. Each resident's month reads only their own columns and the year's rates, and
// the month's conceptions and deliveries touch only the mother and her child; this test is what keeps that true.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../support.hpp"
#include "sim/output/indicators.hpp"

using namespace hhu;

namespace {

struct YearsOutcome {
    std::string yearly;  // every indicator of every year, zone and cell
    std::uint64_t person_steps = 0;
    std::vector<ResidentId> ids;  // the residents at the end, in the columns' order
    std::vector<std::int16_t> birth_steps;
    std::vector<std::uint8_t> zones, households, parities, smoking, perinatal;
    std::vector<std::uint32_t> accrual_keys;
};

YearsOutcome run(const Scenario& scenario, bool whole_years, int threads) {
    const auto& data = test::project_data();
    RunOptions o;
    o.scale = 0.02;
    o.seed = 11;
    o.threads = threads;
    o.whole_years = whole_years;
    Simulation sim(data, scenario, o);
    test::run_to_end(sim);
    YearsOutcome out;
    out.yearly = yearly_csv(Indicators(data, sim.results()));
    out.person_steps = sim.person_steps();
    const auto& p = sim.population();
    out.ids.assign(p.id.begin(), p.id.end());
    out.birth_steps.assign(p.birth_step.begin(), p.birth_step.end());
    out.zones.assign(p.zone.begin(), p.zone.end());
    out.households.assign(p.household.begin(), p.household.end());
    out.parities.assign(p.parity.begin(), p.parity.end());
    out.smoking.assign(p.health.smoking.begin(), p.health.smoking.end());
    out.perinatal.assign(p.health.perinatal.begin(), p.health.perinatal.end());
    out.accrual_keys.assign(p.health.accrual_key.begin(), p.health.accrual_key.end());
    return out;
}

void check_same(const YearsOutcome& a, const YearsOutcome& b) {
    CHECK(a.yearly == b.yearly);
    CHECK(a.person_steps == b.person_steps);
    CHECK(a.ids == b.ids);
    CHECK(a.birth_steps == b.birth_steps);
    CHECK(a.zones == b.zones);
    CHECK(a.households == b.households);
    CHECK(a.parities == b.parities);
    CHECK(a.smoking == b.smoking);
    CHECK(a.perinatal == b.perinatal);
    CHECK(a.accrual_keys == b.accrual_keys);
}

}  // namespace

TEST_CASE("whole years: a baseline lives the same years a block at a time as a month at a time") {
    const Scenario s = test::baseline({"end_year=2023"});
    const YearsOutcome months = run(s, false, 2);
    REQUIRE(months.ids.size() > 20000);
    check_same(months, run(s, true, 1));
    check_same(months, run(s, true, 2));
}

TEST_CASE("whole years: a scenario with programmes for mothers, children and seniors, and its twin, the same") {
    // Programmes read at a conception (smoking in pregnancy), at a birth (child protection), and on hazards, care and
    // households; the scenario steps its policy-free twin, which runs whole years too.
    const Scenario s = with_overrides(load_scenario(std::string(HHU_SOURCE_DIR) + "/scenarios/health_hub_agenda.json"),
                                      {"end_year=2023"});
    const YearsOutcome months = run(s, false, 2);
    check_same(months, run(s, true, 1));
    check_same(months, run(s, true, 2));
}

TEST_CASE("whole years: off while the counters are live (a viewer watches the year in progress)") {
    // With live counters each month is merged and shown as it comes: residents.year must not run ahead.
    const auto& data = test::project_data();
    RunOptions o;
    o.scale = 0.01;
    o.seed = 11;
    o.threads = 2;
    o.whole_years = true;
    o.live_counters = true;
    Simulation sim(data, test::baseline({"end_year=2021"}), o);
    sim.step();  // January
    // A month at a time: January's deaths are in the counters, and no one has lived February yet.
    std::int64_t deaths = 0, exposure = 0;
    for (const auto d : sim.results().years[0].deaths_by_age) deaths += d;
    for (const auto e : sim.results().years[0].exposure_months) exposure += e;
    CHECK(exposure > 0);
    CHECK(exposure <= static_cast<std::int64_t>(sim.population().size()));
    CHECK(deaths < exposure / 100);
}
