// Accrual by time in state: a resident's monthly accruals (QALYs, DALYs, care hours, costs, months in good
// health; and wellbeing's WELLBYs and informal care) are summed over the months spent in one state and added when
// the state changes. The counters must hold exactly the integers a monthly addition gives, with programmes acting
// on care hours too.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "../support.hpp"
#include "sim/output/indicators.hpp"

using namespace hhu;

namespace {

RunOptions small(bool live) {
    RunOptions o;
    o.scale = 0.01;
    o.threads = 2;
    o.seed = 20210101;
    o.live_counters = live;  // live: every month's accruals in the counters at once
    return o;
}

// The agenda over 2021-2023, its programmes (which start in 2025) from 2021: enrolments, effects on care hours and
// on hazards that start, decay and end, all within the three years.
Scenario agenda() {
    Scenario s = with_overrides(load_scenario(std::string(HHU_SOURCE_DIR) + "/scenarios/health_hub_agenda.json"),
                                {"end_year=2023"});
    for (auto& programme : s.interventions) programme.start_year = 2021;
    return s;
}

bool no_pending(const Population& pop) {
    auto none = [](const Column<std::uint8_t>& months) {
        return std::all_of(months.begin(), months.end(), [](std::uint8_t m) { return m == 0; });
    };
    return none(pop.health.accrual_months) && none(pop.health.wellbeing_months);
}

}  // namespace

TEST_CASE("accruals kept pending over months give the counters of monthly accruals, with programmes on") {
    Simulation monthly(test::project_data(), agenda(), small(true));
    Simulation pending(test::project_data(), agenda(), small(false));
    test::run_to_end(monthly);
    test::run_to_end(pending);
    for (std::size_t y = 0; y < monthly.results().years.size(); ++y) {
        INFO("year " << 2021 + y);
        const auto& a = monthly.results().years[y];
        const auto& b = pending.results().years[y];
        CHECK(a.counts == b.counts);
        CHECK(a.good_health_months == b.good_health_months);
        CHECK(a.adult_months == b.adult_months);
    }
    CHECK(yearly_csv(Indicators(monthly.data(), monthly.results())) ==
          yearly_csv(Indicators(pending.data(), pending.results())));
    CHECK(test::total(pending, Measure::InterventionParticipants) > 1000);  // the programmes ran
}

TEST_CASE("no accrual is left pending after December, and some are pending during the year") {
    Simulation sim(test::project_data(), test::baseline({"end_year=2022"}), small(false));
    bool pending_mid_year = false;
    while (!sim.finished()) {
        sim.step();
        if (month_of_step(sim.current_step()) == 0) REQUIRE(no_pending(sim.population()));
        else pending_mid_year |= !no_pending(sim.population());
    }
    CHECK(pending_mid_year);
}

TEST_CASE("a resident's stored accrual keys are those their state gives, every month, with programmes on") {
    // A key is recomputed only in a month an input may change (an event, refreshed rates, a birthday, a remembered
    // fall's phase end), and kept across December's flush and a participant's monthly accrual: a change left unmarked
    // would leave it stale. Both runs: months kept pending, and every month's accruals in the counters at once.
    for (const bool live : {false, true}) {
        Simulation sim(test::project_data(), agenda(), small(live));
        int months = 0, stale_health = 0, stale_wellbeing = 0;
        long long checked = 0;
        test::each_month_each_resident(
            sim,
            [&](const Simulation& s, int step, std::size_t i) {
                const auto& pop = s.population();
                stale_health += s.health()->accrual_key_current(pop, i, step) ? 0 : 1;
                stale_wellbeing += s.wellbeing()->key_current(pop, i, step) ? 0 : 1;
                checked += pop.status[i] == static_cast<std::uint8_t>(Status::Present) ? 1 : 0;
            },
            [&](int step) {
                ++months;
                INFO("step " << step << (live ? ", live counters" : ""));
                CHECK(stale_health == 0);
                CHECK(stale_wellbeing == 0);
                stale_health = stale_wellbeing = 0;
            });
        CHECK(months == 36);
        CHECK(checked > 36 * 10000);
    }
}

TEST_CASE("a resident's cached rates are those a full refresh gives, every month, with programmes on") {
    // The rates are recomputed only when an input changes (marked stale) and, each January, only for the clocks whose
    // tables changed in the resident's cell (HealthModel::mark_year_clocks): a missed mark, a year-dependent hazard on
    // another clock or a changed table left unmarked would leave them stale.
    for (const Scenario& scenario : {test::baseline({"end_year=2023"}), agenda()}) {
        Simulation sim(test::project_data(), scenario, small(false));
        int months = 0, checked = 0, stale = 0;
        long long running = 0;  // participant-months
        test::each_month_each_resident(
            sim,
            [&](const Simulation& s, int step, std::size_t i) {
                const auto& pop = s.population();
                stale += s.health()->rates_current(pop, i, step) ? 0 : 1;
                checked += pop.status[i] == static_cast<std::uint8_t>(Status::Present) ? 1 : 0;
                running += pop.interventions && pop.in_intervention[i] != 0 ? 1 : 0;
            },
            [&](int step) {
                ++months;
                INFO("step " << step);
                CHECK(stale == 0);
                stale = 0;
            });
        CHECK(months == 36);
        CHECK(checked > 36 * 10000);
        if (!scenario.interventions.empty()) CHECK(running > 36 * 100);  // the programmes ran
    }
}

TEST_CASE("a nursing home costs the same with dementia or without, and dementia's own cost is added to it") {
    // The payers' split prices every nursing-home hour for the long-term care act: the care costs must hold those of
    // residents with dementia too (dementia's cost per case is without its elderly care, A-H-COSTS). They were left out,
    // and the insurers' rest took the difference.
    Simulation sim(test::project_data(), test::baseline({"end_year=2021"}), test::run_options(0.01));
    const HealthModel& model = *sim.health();
    Population pop = sim.population();
    std::size_t i = 0;
    while (age_in_years(0, pop.birth_step[i]) < 80) ++i;
    const int zones = sim.data().num_zones();
    auto year_cost = [&](bool dementia, bool nursing_home) {
        pop.health.conditions[i] = dementia ? condition_bit(condition::Dementia) : std::uint8_t{0};
        pop.health.flags[i] = nursing_home ? health_flag::NursingHome : std::uint8_t{0};
        YearCounters c;
        c.reset(zones);
        model.accrue_year(pop, i, 80, c);
        std::int64_t units = 0;
        for (int z = 0; z < zones; ++z)
            for (int cell = 0; cell < kCellsPerZone; ++cell) units += c.count(Measure::CostEur, z, cell);
        return static_cast<double>(units) / kAmountScale;
    };
    const double none = year_cost(false, false), dementia = year_cost(true, false);
    const double home = year_cost(false, true), both = year_cost(true, true);
    CHECK(home - none > 80000);                                     // 85,000 euro a year in 2021 prices
    CHECK(both - dementia == doctest::Approx(home - none).epsilon(1e-6));
    CHECK(dementia - none > 2000);                                  // 2,761 euro in 2019 prices: without its elderly care
    CHECK(dementia - none < 5000);
}
