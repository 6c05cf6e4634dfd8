// Common random numbers across scenarios: a run that takes its baseline's migration and changes who is born keeps
// every arrival's id (and so their random numbers) and attributes as they are in the baseline, and a newborn of the
// same mother in the same month is the same child. Ids used to be one count over births and arrivals: one birth
// more renumbered every later newborn and arrival, and their lives were drawn anew.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "../support.hpp"
#include "sim/output/indicators.hpp"
#include "sim/simulation/migration_plan.hpp"

using namespace hhu;

namespace {

// A programme on health (the deaths of residents aged 70 and over halved, from 2021), so that the scenario takes a
// handed migration.
Scenario old_age_programme(int end_year, std::vector<std::string> overrides = {}) {
    const std::string text = R"({"name": "pairing_test", "extends": "baseline.json", "interventions": [
        {"id": "p", "name": "p", "who": {"age_min": 70}, "when": {"start_year": 2021, "end_year": 2040},
         "reach": {"coverage": 0.9, "uptake": 1},
         "effects": [{"target": "death", "relative_risk": 0.5, "duration_years": 4}]}]})";
    overrides.push_back("end_year=" + std::to_string(end_year));
    return with_overrides(parse_scenario(text, std::string(HHU_SOURCE_DIR) + "/scenarios/pairing_test.json"), overrides);
}

RunOptions options(double scale) {
    RunOptions o;
    o.scale = scale;
    o.seed = 3;
    o.threads = 2;
    return o;
}

using Entry = std::tuple<int, int, int, int>;  // birth step, sex, zone, education on entry

// The residents who entered in the month just stepped (newborns and arrivals), by id.
std::map<ResidentId, Entry> entered(const Simulation& sim, std::map<ResidentId, Entry>& known) {
    std::map<ResidentId, Entry> fresh;
    const auto& p = sim.population();
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (known.contains(p.id[i])) continue;
        const Entry e{p.birth_step[i], p.sex[i], p.zone[i], p.education[i]};
        known.emplace(p.id[i], e);
        fresh.emplace(p.id[i], e);
    }
    return fresh;
}

bool is_newborn(ResidentId id) { return (id >> 55) != 0; }

}  // namespace

TEST_CASE("pairing: a run that changes births keeps the baseline's arrivals id for id, and the same mother's child") {
    const auto& data = test::project_data();
    const RunOptions o = options(0.02);
    const Scenario baseline = test::baseline({"end_year=2022"});
    Simulation base(data, baseline, o);
    test::run_to_end(base);
    // A fifth more births, with the baseline's migration: a plan is keyed by the settings (the fertility here), so it
    // is handed over under the scenario's key.
    const Scenario scenario = old_age_programme(2022, {"demography.fertility_scale=1.2"});
    auto plan = std::make_shared<MigrationPlan>(base.migration_plan());
    plan->key = migration_plan_key(scenario, data, o.seed, o.scale);
    RunOptions handed = o;
    handed.migration_plan = plan;

    Simulation b(data, baseline, o);
    Simulation s(data, scenario, handed);
    REQUIRE(follows_policy_free_twin(data, scenario));
    std::map<ResidentId, Entry> known_b, known_s;
    entered(b, known_b);
    entered(s, known_s);
    std::size_t arrivals = 0, newborns_b = 0, newborns_s = 0, newborns_shared = 0;
    while (!b.finished()) {
        b.step();
        s.step();
        const auto in_b = entered(b, known_b), in_s = entered(s, known_s);
        std::map<ResidentId, Entry> arrivals_b, arrivals_s;
        for (const auto& [id, e] : in_b) {
            if (is_newborn(id)) ++newborns_b;
            else arrivals_b.emplace(id, e);
        }
        for (const auto& [id, e] : in_s) {
            if (!is_newborn(id)) {
                arrivals_s.emplace(id, e);
                continue;
            }
            ++newborns_s;
            if (const auto it = in_b.find(id); it != in_b.end()) {
                CHECK(it->second == e);  // the same mother's child in the same month: the same child
                ++newborns_shared;
            }
        }
        // Every month's arrivals are the baseline's, with the same ids and attributes.
        CHECK(arrivals_s == arrivals_b);
        arrivals += arrivals_b.size();
    }
    MESSAGE("arrivals " << arrivals << "; newborns " << newborns_b << " and " << newborns_s << ", shared " << newborns_shared);
    // The births did change (and before the first of them, the arrivals were numbered on after them).
    CHECK(arrivals > 1000);
    CHECK(newborns_s > newborns_b);
    CHECK(newborns_shared > 0);
}

TEST_CASE("pairing: residents a programme never reaches live the same lives, where they move to included") {
    // A programme for residents aged 70 and over (fewer deaths) changes the zones' populations; moves within the
    // province go to zones in proportion to their residents, so the scenario takes the baseline's destinations too.
    const auto& data = test::project_data();
    const RunOptions o = options(0.05);
    const Scenario baseline = test::baseline({"end_year=2024"});
    const Scenario scenario = old_age_programme(2024);
    Simulation b(data, baseline, o);
    test::run_to_end(b);
    RunOptions handed = o;
    handed.migration_plan = std::make_shared<const MigrationPlan>(b.migration_plan());
    Simulation s(data, scenario, handed);
    test::run_to_end(s);

    // Under 66 at the end: never 70 in the run. Everything about them is the baseline's.
    const int youngest_birth = s.current_step() - 66 * kMonthsPerYear;
    auto young = [&](const Population& p) {
        std::map<ResidentId, std::tuple<int, int, int, float, float>> out;
        for (std::size_t i = 0; i < p.size(); ++i)
            if (p.birth_step[i] > youngest_birth)
                out.emplace(p.id[i], std::tuple<int, int, int, float, float>{p.zone[i], p.status[i], p.household[i],
                                                                            p.death_budget[i], p.move_budget[i]});
        return out;
    };
    const auto in_b = young(b.population()), in_s = young(s.population());
    CHECK(in_b.size() > 10000);
    std::size_t differ = 0;
    for (const auto& [id, state] : in_s) {
        const auto it = in_b.find(id);
        differ += it == in_b.end() || it->second != state;
    }
    CHECK(in_s.size() == in_b.size());
    CHECK(differ == 0);
    // And the programme did change the old.
    CHECK(yearly_csv(Indicators(data, b.results())) != yearly_csv(Indicators(data, s.results())));
}
