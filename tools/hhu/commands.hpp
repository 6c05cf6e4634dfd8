#pragma once
// The commands of `hhu`, apart from their argument parsing (main.cpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hhu {

struct RunCommand {
    std::string scenario;
    std::string out;
    int threads = 0;
    std::optional<std::uint64_t> seed;
    double scale = 1.0;
    bool force = false;
    std::string data_dir;
    std::vector<std::string> overrides;  // -D key=value
    bool check_only = false;
    bool quiet = false;
    int replicates = 0;  // 0: the scenario's
    bool profile = false;  // print the seconds spent in each phase of the step plan
    std::string detail = "full";  // output level: summary, zones or full (sim/output/output_format.hpp)
    bool gzip = false;            // tables as .csv.gz
    // A policy-free run's directory (a baseline's, or its replicates'): a scenario with interventions
    // on health takes the migration stored there (same settings, seed, scale, data) instead of stepping
    // a policy-free twin.
    std::string migration_from;
    std::vector<int> save_state_years;  // --save-state: a policy-free run's states of these 1 Januaries, state_YEAR.bin
    bool from_start = false;      // never start from a saved state in the run directory whose migration is taken
    bool step_twin = false;       // never look beside --out for a baseline's migration (step the policy-free twin)
    int draws = 0;                // parameter draws 1..N, each a run directory OUT/draws/NNNN (0: none)
    int draw = 0;                 // one parameter draw (0: the central values, today's run)
    std::uint64_t draw_seed = 1;  // seed of the parameter draws (independent of the replicate seed)
    int runs_at_once = 0;         // --draws: draws side by side (0: one per core at scale 0.1 or less, else one)
    bool lifetime = false;        // also write lifetime.csv: the survivors' expected tail (sim/simulation/lifetime_tail)
};
int run_command(const RunCommand& cmd);

struct BenchCommand {
    std::string scenario;
    std::string data_dir;
    std::vector<int> threads = {1, 2};
    double scale = 1.0;
    int end_year = 2040;
    std::string model = "both";  // demography (health off), full (the scenario as written), or both
    double callgrind_scale = 0.01;  // scale of the callgrind count of instructions per person-step; 0: none
    std::string count_instructions_into;  // internal: the process callgrind runs writes its person-steps here
    // A scenario timed against the baseline (--scenario), as `hhu run` runs it beside a finished baseline: from the
    // baseline's saved state and with its migration, and from 2021 with its migration; "" none.
    std::string paired;
};
int bench_command(const BenchCommand& cmd);

struct ValidateCommand {
    std::string scenario;
    std::string data_dir;
    int threads = 0;
    double scale = 1.0;
    bool quiet = false;
};
// Runs the scenario and compares it with data/targets; returns 1 when any target is outside.
int validate_command(const ValidateCommand& cmd);

struct CompareCommand {
    std::string baseline;  // run directories
    std::string scenario;
    std::string zone = "PV26";
    std::string out;  // prefix of PREFIX.csv and PREFIX.json; default SCENARIO/compare_<baseline scenario name>
    double discount_costs = 0.03, discount_effects = 0.015;  // CompareOptions' defaults (Zorginstituut 2024)
    int discount_base_year = 0;                              // 0: the first year of the runs
    double friction_days = 97.5;  // CompareOptions' default (sim/compare/productivity.hpp)
};
// Prints the differences of the scenario from the baseline and writes them as CSV and JSON.
int compare_command(const CompareCommand& cmd);

struct ReportCommand {
    std::string baseline;                // run directories
    std::vector<std::string> scenarios;  // one or more, each paired with the baseline
    std::string out;                     // the HTML file to write
    std::string lang = "nl";             // nl or en
    std::string data_dir;                // for the municipal outlines and zone names
};
// Writes the policy brief (one self-contained HTML file); nothing when any input is bad.
int report_command(const ReportCommand& cmd);

struct CalibrateCommand {
    std::string scenario;
    std::string data_dir;
    int iterations = 4;
    double scale = 1.0;
    int threads = 0;
};
int calibrate_command(const CalibrateCommand& cmd);

void print_step_plan();

}  // namespace hhu
