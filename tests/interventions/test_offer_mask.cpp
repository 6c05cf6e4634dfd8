// The programmes a resident may be offered in their state are kept per resident (Population::standing_offers; what is
// offered at their age this year is a table's) and recomputed only when an input changes, a change of state marked by
// HealthState's stale bit kOffers (a move, a health event, a programme's effect, a mother's household). A writer that
// forgets the mark leaves a mask that is not the one the resident's attributes give; the results would then differ
// from a recomputation each month.
#include <doctest/doctest.h>

#include <string>

#include "../support.hpp"

using namespace hhu;

TEST_CASE("offer mask: each resident's kept mask is the one their attributes give, every month, programmes running") {
    // The agenda's programmes start in 2025: here in 2021, so that enrolments, attribute effects and households of
    // every kind are in the three years.
    Scenario agenda = with_overrides(
        load_scenario(std::string(HHU_SOURCE_DIR) + "/scenarios/health_hub_agenda.json"), {"end_year=2023"});
    for (auto& programme : agenda.interventions) programme.start_year = 2021;
    // And one for couples only, 18 to 45: a delivery makes a couple parents (a mask that must change with it).
    for (auto& programme : agenda.interventions)
        if (!programme.household.empty()) {
            programme.household = {"couple"};
            programme.age_min = 18;
            programme.age_max = 45;
            break;
        }
    RunOptions o;
    o.scale = 0.01;
    o.threads = 2;
    o.seed = 20210101;
    Simulation sim(test::project_data(), agenda, o);
    REQUIRE(sim.interventions() != nullptr);
    int months = 0, wrong = 0;
    long long kept = 0, participants = 0;
    test::each_month_each_resident(
        sim,
        [&](const Simulation& s, int, std::size_t i) {
            const auto& pop = s.population();
            wrong += s.interventions()->offers_current(pop, i) ? 0 : 1;
            kept += pop.status[i] == static_cast<std::uint8_t>(Status::Present) && pop.standing_offers[i] != 0 ? 1 : 0;
            participants += pop.in_intervention[i] != 0 ? 1 : 0;
        },
        [&](int step) {
            ++months;
            INFO("step " << step);
            CHECK(wrong == 0);
            wrong = 0;
        });
    CHECK(months == 36);
    // Not a vacuous check: many residents may be offered a place, and many take one.
    CHECK(kept > 36 * 1000);
    CHECK(participants > 36 * 100);
}
