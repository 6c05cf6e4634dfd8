#include "support.hpp"

#include <unistd.h>

#include <atomic>
#include <cmath>
#include <fstream>
#include <sstream>

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

}  // namespace hhu::test
