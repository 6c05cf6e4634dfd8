#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "sim/batch/plan.hpp"
#include "sim/batch/plan_tables.hpp"

namespace fs = std::filesystem;
using namespace hhu;

namespace {

const fs::path kScenarios = fs::path(HHU_SOURCE_DIR) / "scenarios";

Plan parse(const std::string& text) { return parse_plan(text, "plan.json", kScenarios); }

std::string error_of(const std::string& text, const std::vector<std::string>& units = {}) {
    try {
        parse_plan(text, "plan.json", kScenarios, units);
    } catch (const PlanError& e) {
        return e.what();
    }
    return "";
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("plan: a grid is every scenario times every combination, the last key fastest") {
    const Plan plan = parse(R"({"name": "g", "scale": 0.01, "replicates": 2, "set": {"end_year": 2022},
        "grids": [{"scenarios": ["baseline.json", "lifestyle_gli.json"],
                   "set": {"demography.mortality_scale": [0.9, 1.1], "seed": [5, 6]}}]})");
    REQUIRE(plan.rows.size() == 8);
    CHECK(plan.rows[0].label == "baseline demography.mortality_scale=0.9 seed=5");
    CHECK(plan.rows[1].label == "baseline demography.mortality_scale=0.9 seed=6");
    CHECK(plan.rows[2].label == "baseline demography.mortality_scale=1.1 seed=5");
    CHECK(plan.rows[4].scenario.name == "lifestyle_gli");
    for (std::size_t k = 0; k < plan.rows.size(); ++k) {
        CHECK(plan.rows[k].number == static_cast<int>(k) + 1);
        CHECK(plan.rows[k].replicates == 2);
        CHECK(plan.rows[k].scenario.end_year == 2022);  // the plan's "set" reaches every row
        CHECK(plan.rows[k].origin == "/grids/0");
    }
    CHECK(plan.rows[0].scenario.demography.mortality_scale == doctest::Approx(0.9));
    CHECK(plan.rows[1].seed == 6);  // the row's own seed (set), replicate r then uses seed + r
    CHECK(plan.scale == 0.01);
}

TEST_CASE("plan: runs keep their name and replicates, the plan's seed and output options apply to every row") {
    const Plan plan = parse(R"({"name": "r", "seed": 40, "detail": "zones", "gzip": true,
        "runs": [{"name": "base", "scenario": "baseline.json"},
                 {"scenario": "baseline.json", "replicates": 3, "set": {"demography.mortality_scale": 0.95}}]})");
    REQUIRE(plan.rows.size() == 2);
    CHECK(plan.rows[0].label == "base");
    CHECK(plan.rows[1].label == "baseline");
    CHECK(plan.rows[1].replicates == 3);
    CHECK(plan.rows[0].replicates == plan.rows[0].scenario.replicates);  // the scenario's, when the plan gives none
    CHECK(plan.rows[0].seed == 40);
    CHECK(plan.output.detail == Detail::Zones);
    CHECK(plan.output.gzip);
    CHECK(rows_csv(plan) ==
          "row,label,origin,scenario_file,set,replicates,first_seed\n"
          "1,base,/runs/0," + (kScenarios / "baseline.json").string() + ",," + std::to_string(plan.rows[0].replicates) + ",40\n"
          "2,baseline,/runs/1," + (kScenarios / "baseline.json").string() + ",demography.mortality_scale=0.95,3,40\n");
}

TEST_CASE("plan: a sweep is one row per value, on a programme addressed by its id") {
    const Plan plan = parse(R"({"name": "s", "sweeps": [{"name": "uptake", "scenario": "lifestyle_gli.json",
        "key": "interventions.combined_lifestyle_intervention.reach.uptake", "values": [0.25, 0.5],
        "indicator": "qalys", "year": 2030}]})");
    REQUIRE(plan.rows.size() == 2);
    REQUIRE(plan.sweeps.size() == 1);
    const PlanSweep& s = plan.sweeps[0];
    CHECK(s.values == std::vector<std::string>{"0.25", "0.5"});
    CHECK(s.rows == std::vector<int>{1, 2});
    CHECK(s.zone == "PV26");
    CHECK(s.year == 2030);
    CHECK(plan.rows[1].scenario.interventions.at(0).uptake == doctest::Approx(0.5));
}

TEST_CASE("plan: every problem is reported at once with its JSON path") {
    const std::string m = error_of(R"({"scale": 2, "detail": "all", "gzip": "yes", "draws": 10, "oops": 1,
        "runs": [{"set": {}}, {"scenario": "nothere.json"},
                 {"scenario": "baseline.json", "set": {"demography.mortality_scale": 20}}],
        "grids": [{"scenarios": ["baseline.json"], "set": {"seed": []}}],
        "sweeps": [{"name": "a b", "scenario": "baseline.json", "key": "seed", "values": [1], "indicator": "qaly"}]})");
    CHECK(contains(m, "plan plan.json: "));
    CHECK(contains(m, "/name: is required"));
    CHECK(contains(m, "/scale: must be a number from 0.0001 to 1"));
    CHECK(contains(m, "/detail: must be summary, zones or full, got 'all'"));
    CHECK(contains(m, "/gzip: must be true or false"));
    CHECK(contains(m, "/draws: parameter draws are not available yet"));
    CHECK(contains(m, "/oops: unknown key; expected one of: name, description"));
    CHECK(contains(m, "/runs/0/scenario: is required"));
    CHECK(contains(m, "/runs/1: scenario "));
    CHECK(contains(m, "file not found"));
    CHECK(contains(m, "/runs/2: scenario " + (kScenarios / "baseline.json").string() + " at /demography/mortality_scale: "));
    CHECK(contains(m, "/grids/0/set/seed: must be a non-empty list"));
    CHECK(contains(m, "/sweeps/0/name: must be letters, digits"));
    CHECK(contains(m, "/sweeps/0/indicator: unknown indicator 'qaly'"));
}

TEST_CASE("plan: the zone and year of a sweep are checked, and the detail level must keep the zone") {
    const std::string sweep = R"({"name": "s", DETAIL "sweeps": [{"name": "c", "scenario": "baseline.json",
        "key": "demography.mortality_scale", "values": [1], "indicator": "deaths", "zone": "ZONE", "year": YEAR}]})";
    auto make = [&](const std::string& detail, const std::string& zone, const std::string& year) {
        std::string t = sweep;
        t.replace(t.find("DETAIL"), 6, detail);
        t.replace(t.find("ZONE"), 4, zone);
        t.replace(t.find("YEAR"), 4, year);
        return t;
    };
    const std::vector<std::string> units{"GM0307", "GM0344", "U10", "U16", "PV26"};
    CHECK(contains(error_of(make("", "XX", "2030"), units), "/sweeps/0/zone: unknown zone or aggregate 'XX'"));
    CHECK(contains(error_of(make("", "PV26", "2050"), units), "/sweeps/0/year: 2050 is not simulated (the scenario runs 2021-2040)"));
    CHECK(contains(error_of(make("\"detail\": \"summary\",", "GM0307", "2030"), units), "/detail: summary keeps only the aggregates"));
    CHECK(error_of(make("\"detail\": \"zones\",", "GM0307", "2030"), units).empty());
    CHECK(error_of(make("\"detail\": \"summary\",", "U16", "2030"), units).empty());
}

TEST_CASE("plan: bad JSON, no rows and too many rows are refused") {
    CHECK(contains(error_of(R"({"name": "x",})"), "invalid JSON at line 1"));
    CHECK(contains(error_of(R"({"name": "x"})"), "has no rows: give \"runs\", \"grids\" or \"sweeps\""));
    CHECK(contains(error_of(R"([1])"), "must be a JSON object"));
    std::string values = "[";
    for (int k = 0; k < 120; ++k) values += std::to_string(k) + (k < 119 ? "," : "]");
    CHECK(contains(error_of(R"({"name": "x", "grids": [{"scenarios": ["baseline.json"], "set": {"seed": )" + values +
                            ", \"end_year\": " + values + "}}]}"),
                   "/grids/0: makes 14400 rows, more than 10000; split it"));
}

TEST_CASE("plan: a changed plan is told apart from its plan.json, naming the first difference") {
    const Plan a = parse(R"({"name": "p", "runs": [{"scenario": "baseline.json"}, {"scenario": "baseline.json"}]})");
    const Plan b = parse(R"({"name": "p", "runs": [{"scenario": "baseline.json"},
                                                   {"scenario": "baseline.json", "set": {"end_year": 2030}}]})");
    const Plan c = parse(R"({"name": "p", "scale": 0.5, "runs": [{"scenario": "baseline.json"}, {"scenario": "baseline.json"}]})");
    CHECK(plan_difference(a.resolved_json, a) == "");
    CHECK(plan_difference(a.resolved_json, b) == "row 2 (baseline): its set differs");
    CHECK(plan_difference(a.resolved_json, c) == "its plan has another \"scale\"");
    CHECK(plan_difference("{", a) == "its plan.json is unreadable");
    // A scenario file edited between a run and its resume: its rows (without draws, no "draw" key) differ in the
    // scenario, told as such (a missing key was once thrown as the JSON library's own error).
    nlohmann::ordered_json edited = nlohmann::ordered_json::parse(a.resolved_json);
    edited["rows"][1]["scenario"]["seed"] = 7;
    CHECK(plan_difference(edited.dump(), a) == "row 2 (baseline): its scenario differs");
    // The same plan given from another folder names its scenario files otherwise: the same plan, resumed.
    const std::string text = R"({"name": "p", "runs": [{"scenario": "baseline.json"}, {"scenario": "baseline.json"}]})";
    const Plan here = parse_plan(text, "plan.json", kScenarios);
    const Plan relative = parse_plan(text, "plan.json", fs::relative(kScenarios));
    REQUIRE(here.rows[0].scenario_file != relative.rows[0].scenario_file);
    CHECK(plan_difference(here.resolved_json, relative) == "");
}
