// The library of programme scenarios in scenarios/: every file validates, names its sources, and runs at a
// tiny scale with someone enrolled; and the schema of interventions reports attribute effects, missing
// keys and conflicting reach with their JSON paths.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "../support.hpp"

namespace fs = std::filesystem;
using namespace hhu;

namespace {

// Scenarios that vary the baseline's model rather than add a programme.
const fs::path kFrozenParticipation = fs::path(HHU_SOURCE_DIR) / "scenarios" / "labour_frozen_participation.json";

std::vector<fs::path> library() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(fs::path(HHU_SOURCE_DIR) / "scenarios"))
        if (entry.path().extension() == ".json" && entry.path().stem() != "baseline" &&
            entry.path() != kFrozenParticipation)
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

const ValidationIssue* issue_at(const ScenarioError& e, const std::string& path) {
    for (const auto& i : e.issues())
        if (i.path == path) return &i;
    return nullptr;
}

std::optional<ScenarioError> error_of(const std::string& text) {
    try {
        parse_scenario(text, "t.json");
    } catch (const ScenarioError& e) {
        return e;
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("scenario library: the programmes of issue 4 are all there") {
    std::vector<std::string> names;
    for (const auto& f : library()) names.push_back(f.stem().string());
    for (const char* expected :
         {"healthy_start_home_visiting", "healthy_start_smoking_pregnancy", "mental_resilience_school_universal",
          "mental_resilience_school_targeted", "seniors_fall_prevention", "seniors_social_prescribing",
          "seniors_home_adaptation", "living_environment_green_mobility", "lifestyle_gli",
          "lifestyle_smoking_cessation", "digital_connected_health", "labour_care_workforce", "health_hub_agenda",
          "equity"}) {
        INFO(expected);
        CHECK(std::find(names.begin(), names.end(), expected) != names.end());
    }
}

TEST_CASE("scenario library: every file validates, names its sources, and runs at a tiny scale") {
    const auto& data = test::project_data();
    for (const auto& file : library()) {
        INFO(file.string());
        Scenario s;
        REQUIRE_NOTHROW(s = load_scenario(file));
        CHECK(s.name == file.stem().string());
        REQUIRE(!s.interventions.empty());
        bool individual = false;
        for (const auto& i : s.interventions) {
            INFO(i.id);
            CHECK(!i.source.empty());
            CHECK(!i.programme.empty());
            CHECK(i.start_year >= 2021);
            for (const auto& e : i.effects) individual |= e.target.rfind("labour_", 0) != 0;
        }
        // Two years of the programmes (they start in 2025) on a 2% sample; home visiting's first-time mothers under
        // 26 with little education enrol one to three a year at 2% (50-150 a year at full scale), so a sample that
        // small may see none in two years: a 10% sample (some ten to thirty).
        const Scenario tiny = with_overrides(s, {"end_year=2026"});
        RunOptions o;
        o.scale = file.stem() == "healthy_start_home_visiting" ? 0.1 : 0.02;
        o.threads = 2;
        o.seed = s.seed;
        Simulation sim(data, tiny, o);
        test::run_to_end(sim);
        const auto yearly = yearly_csv(Indicators(sim.data(), sim.results()));
        const std::string key = "2026,PV26,all,all,all,intervention_cost_eur,";
        const auto at = yearly.find(key);
        REQUIRE(at != std::string::npos);
        const double cost = std::stod(yearly.substr(at + key.size(), yearly.find('\n', at) - at - key.size()));
        const bool has_cost = std::any_of(s.interventions.begin(), s.interventions.end(), [](const auto& i) {
            return i.cost_per_participant_eur > 0 || i.cost_per_year_eur > 0;
        });
        if (has_cost) CHECK(cost > 0);
        if (individual) {
            std::int64_t enrolled = 0;
            for (const auto& column : sim.population().enrolment)
                for (auto step : column) enrolled += step != kNotEnrolled;
            CHECK(enrolled > 0);
        }
    }
}

TEST_CASE("scenario library: the sensitivity 'participation frozen at 2021' changes the care supply only") {
    const Scenario frozen = load_scenario(kFrozenParticipation);
    const Scenario baseline = load_scenario(fs::path(HHU_SOURCE_DIR) / "scenarios" / "baseline.json");
    CHECK(frozen.interventions.empty());
    CHECK_FALSE(frozen.labour.inflow_at_published_rates);
    CHECK_FALSE(frozen.labour.education_intake_trend);
    CHECK_FALSE(frozen.labour.retirement_follows_pension_age);
    CHECK_FALSE(frozen.labour.hours_trend);
    const auto& data = test::project_data();
    std::vector<std::vector<LabourYear>> labour;
    std::vector<std::string> population;
    for (const Scenario* s : {&baseline, &frozen}) {
        RunOptions o;
        o.scale = 0.02;
        o.threads = 2;
        o.seed = baseline.seed;
        Simulation sim(data, with_overrides(*s, {"end_year=2025"}), o);
        test::run_to_end(sim);
        labour.push_back(sim.results().labour);
        const auto yearly = yearly_csv(Indicators(sim.data(), sim.results()));
        std::string rows;  // every row that is not a labour indicator
        std::size_t at = 0;
        while (at < yearly.size()) {
            const auto end = yearly.find('\n', at);
            const auto line = yearly.substr(at, end - at);
            const bool labour_row = line.find(",care_workers,") != std::string::npos ||
                                    line.find(",care_fte_") != std::string::npos ||
                                    line.find(",labour_") != std::string::npos;
            if (!labour_row) rows += line + "\n";
            at = end + 1;
        }
        population.push_back(rows);
    }
    CHECK(population[0] == population[1]);
    REQUIRE(labour[0].size() == 5);
    CHECK(labour[0][0].total_fte_supply() == labour[1][0].total_fte_supply());
    for (std::size_t i = 1; i < labour[0].size(); ++i) {
        CAPTURE(labour[0][i].year);
        CHECK(labour[0][i].total_fte_demand() == labour[1][i].total_fte_demand());
        CHECK(labour[0][i].total_fte_supply() > labour[1][i].total_fte_supply());
    }
}

TEST_CASE("scenario schema: attribute effects, rate effects and reach are checked with their JSON paths") {
    const auto e = error_of(R"({"name": "x", "interventions": [
        {"id": "a", "name": "a", "reach": {"coverage": 0.1, "capacity_per_year": 100},
         "effects": [{"kind": "attribute", "target": "fall", "probability": 0.5},
                     {"kind": "attribute", "target": "quit_smoking"},
                     {"target": "quit_smoking", "relative_risk": 0.5},
                     {"target": "fall"},
                     {"kind": "attribute", "target": "end_loneliness", "probability": 1.5},
                     {"kind": "sometimes", "target": "fall", "relative_risk": 0.5},
                     {"target": "fall", "relative_risk": 0.5, "probability": 0.2}]}]})");
    REQUIRE(e);
    const std::string p = "/interventions/0";
    REQUIRE(issue_at(*e, p + "/reach/capacity_per_year"));
    CHECK(issue_at(*e, p + "/reach/capacity_per_year")->message.find("not both") != std::string::npos);
    REQUIRE(issue_at(*e, p + "/effects/0/target"));
    CHECK(issue_at(*e, p + "/effects/0/target")->message.find("quit_smoking") != std::string::npos);
    REQUIRE(issue_at(*e, p + "/effects/1/probability"));
    CHECK(issue_at(*e, p + "/effects/1/probability")->message.find("missing") != std::string::npos);
    CHECK(issue_at(*e, p + "/effects/2/target"));
    REQUIRE(issue_at(*e, p + "/effects/3/relative_risk"));
    CHECK(issue_at(*e, p + "/effects/3/relative_risk")->message.find("missing") != std::string::npos);
    CHECK(issue_at(*e, p + "/effects/4/probability"));
    CHECK(issue_at(*e, p + "/effects/5/kind"));
    CHECK(issue_at(*e, p + "/effects/6/probability"));

    // A valid scenario with attribute effects keeps them through the resolved form and overrides.
    const Scenario s = parse_scenario(R"({"name": "x", "notes": ["a note"], "interventions": [
        {"id": "a", "name": "a", "assumptions": ["because"], "reach": {"coverage": 0.1},
         "effects": [{"kind": "attribute", "target": "quit_smoking", "probability": 0.25, "duration_years": 2},
                     {"target": "fall", "relative_risk": 0.8}]}]})",
                                      "t.json");
    const Scenario o = with_overrides(s, {"seed=3"});
    REQUIRE(o.interventions.size() == 1);
    REQUIRE(o.interventions[0].effects.size() == 2);
    CHECK(o.interventions[0].effects[0].kind == EffectKind::Attribute);
    CHECK(o.interventions[0].effects[0].probability == 0.25);
    CHECK(o.interventions[0].effects[1].relative_risk == 0.8);
    CHECK(o.interventions[0].assumptions == std::vector<std::string>{"because"});
    CHECK(o.notes == std::vector<std::string>{"a note"});
}
