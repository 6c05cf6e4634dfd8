#include "support.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <atomic>
#include <cmath>
#include <fstream>
#include <sstream>

#include "sim/core/state_archive.hpp"
#include "sim/inputs/inputs.hpp"

namespace hhu::test {

const ModelData& project_data() {
    static const ModelData data = load_model_data(std::string(HHU_SOURCE_DIR) + "/data");
    return data;
}

std::unique_ptr<ModelData> with_health(const std::function<void(HealthData&)>& edit) {
    auto data = std::make_unique<ModelData>(project_data());
    HealthData h = *data->health;
    edit(h);
    data->health = std::make_shared<HealthData>(std::move(h));
    return data;
}

Scenario baseline(const std::vector<std::string>& overrides) {
    const Scenario s = load_scenario(std::string(HHU_SOURCE_DIR) + "/scenarios/baseline.json");
    return overrides.empty() ? s : with_overrides(s, overrides);
}

Scenario with_interventions(const std::string& interventions, const std::vector<std::string>& overrides) {
    const std::string text = R"({"name": "test", "extends": "baseline.json", "interventions": )" + interventions + "}";
    const Scenario s = parse_scenario(text, std::string(HHU_SOURCE_DIR) + "/scenarios/test.json");
    return overrides.empty() ? s : with_overrides(s, overrides);
}

Scenario with_interventions(const std::string& interventions, int end_year) {
    return with_interventions(interventions, {"end_year=" + std::to_string(end_year)});
}

std::int64_t total(const Simulation& sim, Measure m) {
    std::int64_t t = 0;
    for (const auto& y : sim.results().years)
        for (int z = 0; z < y.num_zones; ++z)
            for (int c = 0; c < kCellsPerZone; ++c) t += y.count(m, z, c);
    return t;
}

void run_to_end(Simulation& sim) {
    while (!sim.finished()) sim.step();
}

void each_month_each_resident(Simulation& sim, const std::function<void(const Simulation&, int step, std::size_t i)>& each,
                              const std::function<void(int step)>& after_month) {
    while (!sim.finished()) {
        sim.step();
        const int step = sim.current_step() - 1;
        for (std::size_t i = 0; i < sim.population().size(); ++i) each(sim, step, i);
        if (after_month) after_month(step);
    }
}

RunOptions run_options(double scale, int threads, std::uint64_t seed) {
    RunOptions o;
    o.scale = scale;
    o.threads = threads;
    o.seed = seed;
    return o;
}

namespace {
RunOptions small_run(double scale, std::uint64_t seed) {
    RunOptions o;
    o.scale = scale;
    o.seed = seed;
    return o;
}

Simulation& finished(Simulation& sim) {
    run_to_end(sim);
    return sim;
}
}  // namespace

BaselineRun::BaselineRun(double scale, std::uint64_t seed, int end_year)
    : sim(project_data(), baseline({"end_year=" + std::to_string(end_year)}), small_run(scale, seed)),
      indicators(project_data(), finished(sim).results()) {}

double province(const std::string& yearly, int year, const std::string& indicator) {
    const std::string key = std::to_string(year) + ",PV26,all,all,all," + indicator + ",";
    const auto at = yearly.find("\n" + key);
    if (at == std::string::npos) return std::nan("");
    const auto begin = at + 1 + key.size();
    return std::stod(yearly.substr(begin, yearly.find('\n', begin) - begin));
}

TempDir::TempDir(std::string_view prefix) {
    static std::atomic<int> n{0};
    path = std::filesystem::temp_directory_path() /
           ("hhu-test-" + std::string(prefix) + "-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool same_counters(const YearCounters& a, const YearCounters& b) {
    return a.num_zones == b.num_zones && a.counts == b.counts && a.internal_moves == b.internal_moves &&
           a.exposure_months == b.exposure_months && a.deaths_by_age == b.deaths_by_age &&
           a.good_health_months == b.good_health_months && a.adult_months == b.adult_months;
}

namespace {
// Every member of every year, as a saved state lists them (state_fields: sim/labour/labour_market.hpp), bit for bit.
std::string labour_bytes(const std::vector<LabourYear>& years) {
    StateWriter count;
    count(years);
    std::string bytes(count.position(), '\0');
    StateWriter w(bytes.data(), bytes.size());
    w(years);
    return bytes;
}
bool same_labour(const std::vector<LabourYear>& a, const std::vector<LabourYear>& b) {
    return labour_bytes(a) == labour_bytes(b);
}
}  // namespace

RunOptions side_by_side_options(int threads, bool whole_years, std::shared_ptr<const MigrationPlan> plan) {
    RunOptions o;
    o.scale = 0.02;
    o.seed = 11;
    o.threads = threads;
    o.whole_years = whole_years;
    o.migration_plan = std::move(plan);
    return o;
}

int check_side_by_side(Simulation& reference, Simulation& tested) {
    int compared_residents = 0;
    while (!reference.finished()) {
        reference.step();
        tested.step();
        const Results& a = reference.results();
        const Results& b = tested.results();
        REQUIRE(a.years.size() == b.years.size());
        for (std::size_t y = 0; y < a.years.size(); ++y) {
            INFO("year " << kFirstYear + static_cast<int>(y) << " after step " << reference.current_step());
            REQUIRE(same_counters(a.years[y], b.years[y]));
        }
        REQUIRE(a.completed_years == b.completed_years);
        REQUIRE(same_labour(a.labour, b.labour));
        if (month_of_step(reference.current_step()) == 0 || reference.finished()) {
            INFO("the residents after step " << reference.current_step());
            REQUIRE(same_residents(reference.population(), tested.population()));
            ++compared_residents;
        }
    }
    CHECK(tested.finished());
    CHECK(same_counters(reference.results().end_population, tested.results().end_population));
    return compared_residents;
}

}  // namespace hhu::test
