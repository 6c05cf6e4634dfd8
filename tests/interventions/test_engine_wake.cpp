// The programmes pass over a resident until their engine_wake (Population::engine_wake: a drawn place falling due, a
// running programme's change of the rates or its end, a birthday at which the age is offered other programmes, a
// January) unless their state changed (HealthState's stale bit kOffers). Passing over must change nothing:
// each month, the engine's month on the residents as they are gives what a look at every resident gives.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "../support.hpp"

using namespace hhu;

TEST_CASE("engine wake: passing residents over changes nothing against looking at everyone, every month") {
    // The agenda's programmes from 2021 (they start in 2025), so that places, enrolments and pregnancies fall in the
    // two years.
    Scenario agenda = with_overrides(
        load_scenario(std::string(HHU_SOURCE_DIR) + "/scenarios/health_hub_agenda.json"), {"end_year=2022"});
    for (auto& programme : agenda.interventions) programme.start_year = 2021;
    RunOptions o;
    o.scale = 0.01;
    o.threads = 2;
    o.seed = 20210101;
    Simulation sim(test::project_data(), agenda, o);
    const InterventionEngine* engine = sim.interventions();
    REQUIRE(engine != nullptr);
    const Rng rng(o.seed);
    const int zones = sim.data().num_zones();
    long long passed_over = 0, looked_at = 0;
    int months = 0;
    while (!sim.finished()) {
        const int step = sim.current_step();
        // The engine's month on two copies of the residents as the simulation has them at the start of this month.
        Population kept = sim.population(), forced = sim.population();
        std::fill(forced.engine_wake.begin(), forced.engine_wake.end(), std::int16_t{0});
        for (std::size_t i = 0; i < kept.size(); ++i) {
            if (kept.status[i] != static_cast<std::uint8_t>(Status::Present)) continue;
            const bool over = kept.engine_wake[i] > step && (kept.health.rates_stale[i] & stale::kOffers) == 0;
            (over ? passed_over : looked_at) += 1;
        }
        YearCounters a, b;
        a.reset(zones);
        b.reset(zones);
        engine->run_block(kept, 0, kept.size(), step, rng, a);
        engine->run_block(forced, 0, forced.size(), step, rng, b);
        INFO("step " << step);
        CHECK(kept.in_intervention == forced.in_intervention);
        CHECK(kept.offer_drawn == forced.offer_drawn);
        CHECK(kept.offer_wake == forced.offer_wake);
        CHECK(kept.standing_offers == forced.standing_offers);
        CHECK(kept.enrolment == forced.enrolment);
        CHECK(kept.offer_month == forced.offer_month);
        CHECK(kept.health.rates_stale == forced.health.rates_stale);
        // A look gives the month of the next look, whether or not the resident was passed over (the dead and departed
        // are not looked at).
        std::size_t other_wake = 0;
        for (std::size_t i = 0; i < kept.size(); ++i)
            other_wake += kept.status[i] == static_cast<std::uint8_t>(Status::Present) &&
                          kept.engine_wake[i] != forced.engine_wake[i];
        CHECK(other_wake == 0);
        CHECK(a.counts == b.counts);
        sim.step();
        ++months;
    }
    CHECK(months == 24);
    // Not vacuous: most resident-months are passed over (about five in six, every programme running from 2021), and
    // many are looked at.
    MESSAGE(passed_over << " resident-months passed over, " << looked_at << " looked at");
    CHECK(passed_over > 4 * looked_at);
    CHECK(looked_at > 24 * 1000);
}
