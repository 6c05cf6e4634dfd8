// A batch plan with parameter draws: every row once per draw, numbered in order, the draw recorded in
// plan.json; a plan without draws keeps the plan.json it had.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "sim/batch/plan.hpp"

namespace fs = std::filesystem;
using namespace hhu;

namespace {

const fs::path kScenarios = fs::path(HHU_SOURCE_DIR) / "scenarios";

std::string error_of(const std::string& text) {
    try {
        parse_plan(text, "plan.json", kScenarios);
    } catch (const PlanError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("plan draws: each row runs draws 1..N, paired by draw across rows") {
    const Plan plan = parse_plan(R"({"name": "d", "replicates": 2, "draws": 2, "draw_seed": 7,
        "runs": [{"scenario": "baseline.json"}, {"scenario": "lifestyle_gli.json"}]})", "plan.json", kScenarios);
    REQUIRE(plan.rows.size() == 4);
    const int draws[] = {1, 2, 1, 2};
    for (int k = 0; k < 4; ++k) {
        CHECK(plan.rows[k].number == k + 1);
        CHECK(plan.rows[k].draw == draws[k]);
        CHECK(plan.rows[k].draw_seed == 7);
        CHECK(plan.rows[k].replicates == 2);
    }
    CHECK(plan.rows[0].label == "baseline draw 1");
    CHECK(plan.rows[3].label == "lifestyle_gli draw 2");
    CHECK(plan.resolved_json.find("\"draw\": 2") != std::string::npos);
    CHECK(plan_difference(plan.resolved_json, plan).empty());
}

TEST_CASE("plan draws: without draws, rows and plan.json are as before") {
    const Plan plan = parse_plan(R"({"name": "d", "runs": [{"scenario": "baseline.json"}]})", "plan.json", kScenarios);
    REQUIRE(plan.rows.size() == 1);
    CHECK(plan.rows[0].draw == 0);
    // No key "draw", "draws" or "draw_seed" (a quote before it: the scenario's path may hold the word).
    CHECK(plan.resolved_json.find("\"draw") == std::string::npos);
}

TEST_CASE("plan draws: bad draws are reported with their JSON path") {
    CHECK(error_of(R"({"name": "d", "draws": 0, "runs": [{"scenario": "baseline.json"}]})")
              .find("/draws: must be a whole number from 1 to 1000, got 0") != std::string::npos);
    CHECK(error_of(R"({"name": "d", "draws": 2, "draw_seed": -1, "runs": [{"scenario": "baseline.json"}]})")
              .find("/draw_seed: must be a whole number") != std::string::npos);
    CHECK(error_of(R"({"name": "d", "runs": [{"scenario": "baseline.json", "draws": 3}]})")
              .find("/runs/0/draws: parameter draws are not available yet per entry") != std::string::npos);
    CHECK(error_of(R"({"name": "d", "draws": 2, "sweeps": [{"name": "s", "scenario": "baseline.json",
        "key": "seed", "values": [1, 2], "indicator": "population"}]})")
              .find("/draws: parameter draws are not available yet with sweeps") != std::string::npos);
}
