#pragma once
// Shared fixtures for tests: the project's data tables, loaded once, and short runs of the model.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/model/model_data.hpp"
#include "sim/output/indicators.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/simulation/simulation.hpp"

namespace hhu::test {

const ModelData& project_data();
// The project's data with the health tables changed by `edit`.
std::unique_ptr<ModelData> with_health(const std::function<void(HealthData&)>& edit);
Scenario baseline(const std::vector<std::string>& overrides = {});
// The baseline with the programmes of `interventions` (a JSON array of intervention objects), then `overrides`.
Scenario with_interventions(const std::string& interventions, const std::vector<std::string>& overrides = {});
// The same, ending in `end_year`.
Scenario with_interventions(const std::string& interventions, int end_year);

// Runs a scenario to its end year.
void run_to_end(Simulation& sim);
// A measure summed over every year, zone and cell of a run (in its own units: persons, or amount units).
std::int64_t total(const Simulation& sim, Measure m);
// Runs a scenario to its end year and, after each month, calls `each(sim, step)` for every resident index of the
// population (step: the month just run). For the tests that check a per-resident cache against a recomputation.
void each_month_each_resident(Simulation& sim, const std::function<void(const Simulation&, int step, std::size_t i)>& each,
                              const std::function<void(int step)>& after_month = {});

// The options of the tests that step two runs side by side: scale 0.02, seed 11, `threads`, whole years or a month at
// a time, a baseline's migration handed over or none.
// The options of a small test run: a scale, threads and the baseline's seed.
RunOptions run_options(double scale, int threads = 2, std::uint64_t seed = 20210101);
RunOptions side_by_side_options(int threads, bool whole_years, std::shared_ptr<const MigrationPlan> plan = nullptr);
// Every counter of two years' counts the same, raw.
bool same_counters(const YearCounters& a, const YearCounters& b);
// Steps `reference` and `tested` side by side to the end (they must end together), requiring after every step the
// same results (every counter of every year, raw, and the labour market's years) and, at every new year and at the
// end, the same residents, every column bit for bit; then the same population at the end. Returns how many times the
// residents were compared.
int check_side_by_side(Simulation& reference, Simulation& tested);

// A finished baseline run (the project's data, `scale`, `seed`, up to `end_year`) and its indicators: the
// setup of the tests that read a run's outputs.
struct BaselineRun {
    Simulation sim;
    Indicators indicators;  // reads sim's results: declared after it
    BaselineRun(double scale, std::uint64_t seed, int end_year);
};

// The province's all/all/all value of `indicator` in `year` in a yearly.csv text (NaN when absent).
double province(const std::string& yearly, int year, const std::string& indicator);

// A fresh, empty folder under the system's temporary directory, removed with everything in it at the
// end of its scope; `prefix` names the test in the folder's name.
struct TempDir {
    std::filesystem::path path;
    explicit TempDir(std::string_view prefix);
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

// The bytes of a file ("" when it cannot be read).
std::string read_file(const std::filesystem::path& path);

}  // namespace hhu::test
