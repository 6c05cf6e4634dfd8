// Parameter draws (sim/uncertainty): the shipped table loads and matches the tables and scenarios it
// edits; a draw is reproducible, the same in every scenario, and draw 0 is the central values; bad rows
// are refused with their file and line.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <set>

#include "sim/core/error.hpp"
#include "sim/health/health_data.hpp"
#include "sim/inputs/inputs.hpp"
#include "sim/io/csv_patch.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/uncertainty/parameter_uncertainty.hpp"
#include "../support.hpp"

namespace hhu {

namespace {

const std::filesystem::path kData = std::filesystem::path(HHU_SOURCE_DIR) / "data";
const std::filesystem::path kScenarios = std::filesystem::path(HHU_SOURCE_DIR) / "scenarios";

const std::vector<UncertainParameter>& shipped() {
    static const auto p = load_parameter_uncertainty(kData);
    return p;
}

// The message of the InputError `f` throws ("" if none).
template <typename F>
std::string error_of(F f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

// A data folder with one health table and the given uncertainty rows (after the header).
struct BadTable {
    test::TempDir dir{"uncertainty"};
    explicit BadTable(const std::string& rows) {
        std::filesystem::create_directories(dir.path / "health");
        std::filesystem::create_directories(dir.path / "uncertainty");
        std::ofstream(dir.path / "health" / "relative_risks.csv") << "outcome,factor,level,relative_risk,source\nchd,smoking,current,2,X\n";
        std::ofstream(dir.path / kParameterUncertaintyFile)
            << "parameter,group,table,key,column,central,distribution,low,high,source\n" << rows;
    }
    std::string error() const { return error_of([&] { load_parameter_uncertainty(dir.path); }); }
};

constexpr const char* kGood =
    "rr.a,relative_risks,health/relative_risks.csv,outcome=chd;factor=smoking;level=current,relative_risk,2,lognormal,1.6,2.5,S\n";

}  // namespace

TEST_CASE("uncertainty: the shipped table loads, every group present, names unique") {
    const auto& p = shipped();
    REQUIRE(p.size() > 100);
    std::set<std::string> groups, names;
    for (const auto& u : p) {
        groups.insert(u.group);
        names.insert(u.name);
    }
    CHECK(names.size() == p.size());
    CHECK(groups == std::set<std::string>{"relative_risks", "disability_weights", "costs", "environment", "intervention_effects"});
}

TEST_CASE("uncertainty: every scenario effect row holds the effect of each scenario that has it") {
    int matched = 0;
    for (const auto& entry : std::filesystem::directory_iterator(kScenarios)) {
        if (entry.path().extension() != ".json") continue;
        const Scenario s = load_scenario(entry.path().string());
        for (const auto& u : shipped()) {
            if (u.target.table != "scenario") continue;
            const std::string& ids = u.target.key[0].second;
            const std::size_t index = std::stoul(u.target.key[1].second);
            for (const auto& iv : s.interventions) {
                if (("+" + ids + "+").find("+" + iv.id + "+") == std::string::npos) continue;
                REQUIRE(index < iv.effects.size());
                const auto& e = iv.effects[index];
                const double held = u.target.column == "probability" ? e.probability : e.relative_risk;
                INFO(entry.path().filename().string() << ": " << u.name);
                CHECK(held == doctest::Approx(u.target.central).epsilon(1e-12));
                ++matched;
            }
        }
    }
    CHECK(matched > 20);
}

TEST_CASE("uncertainty: a draw is reproducible, differs between draws and seeds, draw 0 is central") {
    const auto& p = shipped();
    const auto a = draw_values(p, 1, 3), again = draw_values(p, 1, 3);
    CHECK(a == again);
    CHECK(draw_values(p, 1, 4) != a);
    CHECK(draw_values(p, 2, 3) != a);
    const auto central = draw_values(p, 1, 0);
    for (std::size_t i = 0; i < p.size(); ++i) {
        CHECK(central[i] == p[i].target.central);
        if (p[i].distribution.kind == Distribution::Fixed) CHECK(a[i] == p[i].target.central);
        else CHECK(a[i] != p[i].target.central);
    }
    // Adding or removing a parameter changes no other's draws (each draws by its own name).
    std::vector<UncertainParameter> fewer(p.begin() + 1, p.end());
    const auto b = draw_values(fewer, 1, 3);
    CHECK(std::vector<double>(a.begin() + 1, a.end()) == b);
}

TEST_CASE("uncertainty: over many draws a lognormal parameter's quantiles are its interval") {
    const auto& p = shipped();
    std::size_t i = 0;
    while (i < p.size() && p[i].name != "rr.chd.lonely_severe.yes") ++i;
    REQUIRE(i < p.size());
    std::vector<double> logs;
    const std::vector<UncertainParameter> one{p[i]};
    for (int k = 1; k <= 4000; ++k) logs.push_back(std::log(draw_values(one, 1, k)[0]));
    const double sd = std::log(1.59 / 1.04) / 3.92;  // Valtorta 2016, CHD: 1.04 to 1.59
    // Four standard errors of 4,000 draws' quantiles: the median's sqrt(pi / 2) sd / sqrt(n); each tail quantile's
    // sqrt(p (1 - p) / n) / density, 0.042 sd at p = 0.025 (0.06 sd for the difference of the two).
    const double median_se = 1.2533 * sd / std::sqrt(4000.0);
    CHECK(std::abs(quantile_of(logs, 0.5) - std::log(1.3)) < 4 * median_se);
    CHECK(std::abs(quantile_of(logs, 0.975) - quantile_of(logs, 0.025) - 3.92 * sd) < 4 * 0.06 * sd);
}

TEST_CASE("uncertainty: draw k edits the health tables, draw 0 is the central load") {
    const ModelData central = load_model_data(kData);
    const ModelData zero = load_model_data(kData, 0, 1);
    const ModelData one = load_model_data(kData, 1, 1), again = load_model_data(kData, 1, 1);
    CHECK(zero.health->rr == central.health->rr);
    CHECK(zero.health->cost_per_case == central.health->cost_per_case);
    CHECK(zero.files.size() == central.files.size());
    CHECK(one.health->rr != central.health->rr);
    CHECK(one.health->disability_weight != central.health->disability_weight);
    CHECK(one.health->cost_per_case != central.health->cost_per_case);
    // The unit costs of events (A-PSA-UNIT-COST): falls, hip fractures, neonatal care, child protection.
    CHECK(one.health->falls.cost_fall_eur != central.health->falls.cost_fall_eur);
    CHECK(one.health->falls.cost_hip_fracture_eur != central.health->falls.cost_hip_fracture_eur);
    CHECK(one.health->perinatal_value("neonatal_cost_preterm_eur") !=
          central.health->perinatal_value("neonatal_cost_preterm_eur"));
    CHECK(one.health->perinatal_value("child_protection_cost_per_year_eur") !=
          central.health->perinatal_value("child_protection_cost_per_year_eur"));
    CHECK(zero.health->falls.cost_fall_eur == central.health->falls.cost_fall_eur);
    CHECK(one.health->rr == again.health->rr);
    CHECK(one.parameter_draw == 1);
    CHECK(one.files.size() == central.files.size() + 1);
}

TEST_CASE("uncertainty: a draw from the central tables = the draw read whole (files, order, health tables)") {
    const ModelData central = load_model_data(kData);
    for (const int k : {1, 7}) {
        const ModelData whole = load_model_data(kData, k, 3), shared = load_model_data(central, k, 3);
        REQUIRE(shared.files.size() == whole.files.size());
        for (std::size_t f = 0; f < whole.files.size(); ++f) {
            CHECK(shared.files[f].name == whole.files[f].name);
            CHECK(shared.files[f].sha256 == whole.files[f].sha256);
        }
        CHECK(shared.parameter_draw == k);
        CHECK(shared.draw_seed == 3);
        CHECK(shared.patches.size() == whole.patches.size());
        CHECK(shared.health->rr == whole.health->rr);
        CHECK(shared.health->disability_weight == whole.health->disability_weight);
        CHECK(shared.health->cost_per_case == whole.health->cost_per_case);
        CHECK(shared.health->falls.cost_fall_eur == whole.health->falls.cost_fall_eur);
        CHECK(shared.health->rr != central.health->rr);  // the draw's own health tables
        CHECK(shared.labour == central.labour);          // the tables a draw does not edit: shared, not read again
        CHECK(shared.wellbeing == central.wellbeing);
        CHECK(shared.mortality == whole.mortality);
    }
    CHECK(load_model_data(central, 0, 3).files.size() == central.files.size());
    CHECK_THROWS_AS(load_model_data(load_model_data(kData, 1, 1), 2, 1), std::logic_error);  // not the central tables
}

TEST_CASE("uncertainty: draw k gives an effect the same value in every scenario that has it (paired)") {
    const ModelData one = load_model_data(kData, 1, 1);
    const Scenario agenda = with_parameter_draw(load_scenario((kScenarios / "health_hub_agenda.json").string()), one);
    const Scenario falls = with_parameter_draw(load_scenario((kScenarios / "seniors_fall_prevention.json").string()), one);
    const Scenario equity = with_parameter_draw(load_scenario((kScenarios / "equity.json").string()), one);
    auto effect = [](const Scenario& s, const std::string& id, int e) {
        for (const auto& iv : s.interventions)
            if (iv.id == id) return iv.effects[e].relative_risk;
        return -1.0;
    };
    const double drawn = effect(agenda, "fall_prevention_exercise", 0);
    CHECK(drawn != 0.77);
    CHECK(drawn > 0.6);
    CHECK(drawn < 0.95);
    CHECK(effect(falls, "fall_prevention_exercise", 0) == drawn);
    CHECK(effect(equity, "fall_prevention_districts", 0) == drawn);
    // The scenario as written is untouched by draw 0.
    const Scenario central = with_parameter_draw(load_scenario((kScenarios / "health_hub_agenda.json").string()),
                                                 load_model_data(kData, 0, 1));
    CHECK(effect(central, "fall_prevention_exercise", 0) == 0.77);
}

TEST_CASE("uncertainty: bad rows are refused with file, line and what was expected") {
    CHECK(BadTable(kGood).error().empty());
    const std::string at2 = "parameter_uncertainty.csv:2: column ";
    auto has = [](const std::string& m, const std::string& part) {
        INFO(m);
        CHECK(m.find(part) != std::string::npos);
    };
    has(BadTable("rr.a,g,health/relative_risks.csv,outcome=chd,relative_risk,2,normal,1.6,2.5,S\n").error(),
        at2 + "'distribution': unknown value 'normal'");
    has(BadTable("rr.a,g,health/relative_risks.csv,outcome=chd,relative_risk,2,lognormal,2.1,2.5,S\n").error(),
        at2 + "'distribution': expected low < central < high");
    has(BadTable("rr.a,g,health/relative_risks.csv,outcome=chd,relative_risk,2,lognormal,x,2.5,S\n").error(),
        at2 + "'low': expected a number");
    has(BadTable("rr.a,g,health/nothere.csv,outcome=chd,relative_risk,2,lognormal,1.6,2.5,S\n").error(),
        at2 + "'table': expected a table of data/health/");
    has(BadTable("rr.a,g,health/relative_risks.csv,chd,relative_risk,2,lognormal,1.6,2.5,S\n").error(),
        at2 + "'key': expected column=value pairs");
    has(BadTable("rr.a,g,scenario,interventions=x;effect=a,relative_risk,2,lognormal,1.6,2.5,S\n").error(),
        at2 + "'key': a scenario effect's key");
    has(BadTable("rr.a,g,health/relative_risks.csv,outcome=chd,relative_risk,2,fixed,1.6,2.5,S\n").error(),
        at2 + "'low': a fixed parameter has no interval");
    has(BadTable("rr.a,g,health/relative_risks.csv,outcome=chd,relative_risk,2,lognormal,1.6,2.5,\n").error(),
        at2 + "'source': empty");
    has(BadTable(std::string(kGood) + kGood).error(), "parameter_uncertainty.csv:3: column 'parameter': 'rr.a' already defined on line 2");
}

TEST_CASE("uncertainty: a patch that does not fit its table names the uncertainty row") {
    CsvTable t = CsvTable::parse("outcome,factor,relative_risk\nchd,smoking,2\nchd,bmi,1.5\n", "health/relative_risks.csv");
    CellPatch p{"health/relative_risks.csv", {{"outcome", "chd"}, {"factor", "smoking"}}, "relative_risk", 2, 3, "u.csv:7", "rr.x"};
    apply_patches(t, "health/relative_risks.csv", std::vector<CellPatch>{p});
    CHECK(t.num(0, "relative_risk") == 3);
    CHECK(t.num(1, "relative_risk") == 1.5);
    p.central = 2.5;
    CHECK(error_of([&] { apply_patches(t, "health/relative_risks.csv", std::vector<CellPatch>{p}); })
              .find("u.csv:7: central value 2.5 differs from the table's 3 (health/relative_risks.csv:2: column") !=
          std::string::npos);
    p.key = {{"outcome", "chd"}};
    p.central = 3;
    CHECK(error_of([&] { apply_patches(t, "health/relative_risks.csv", std::vector<CellPatch>{p}); })
              .find("u.csv:7: the key (outcome chd) matches more than one row") != std::string::npos);
    p.key = {{"outcome", "copd"}};
    CHECK(error_of([&] { apply_patches(t, "health/relative_risks.csv", std::vector<CellPatch>{p}); })
              .find("u.csv:7: no row of health/relative_risks.csv has outcome copd") != std::string::npos);
    // Another table's patches are not this one's business.
    CHECK(error_of([&] { apply_patches(t, "health/costs.csv", std::vector<CellPatch>{p}); }).empty());
}

}  // namespace hhu
