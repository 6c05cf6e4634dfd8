// hhu bench: the whole run (data, synthesis, simulation, outputs) timed per configuration, each in its own
// process so that its peak memory is its own; and the instructions per person-step of the full model,
// counted by callgrind at a small scale (this machine has no hardware counters, and instruction counts do
// not depend on the load of a shared machine the way seconds do).
#include <sys/wait.h>
#include <unistd.h>
#include <valgrind/callgrind.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "commands.hpp"
#include "sim/inputs/inputs.hpp"
#include "sim/core/system.hpp"
#include "sim/model/model_data.hpp"
#include "sim/output/indicators.hpp"
#include "sim/output/run_output.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/io/atomic_dir.hpp"
#include "sim/simulation/saved_state.hpp"
#include "sim/simulation/simulation.hpp"

namespace hhu {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::filesystem::path bench_data_dir(const std::string& dir) {
    return dir.empty() ? default_data_directory() : std::filesystem::path(dir);
}

struct BenchResult {
    double load_seconds = 0, synth_seconds = 0, run_seconds = 0, output_seconds = 0;
    double person_steps = 0;
    double peak_bytes = 0;
    double residents = 0;
};

// A fresh folder under the system's temporary folder for a run directory that is written and removed.
std::filesystem::path scratch_folder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "hhu-bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a folder under " + pattern);
    return pattern;
}

// One configuration: as `hhu run` does it (load, synthesis, the months, indicators and the run directory).
// Under callgrind only the months are counted (the collection is toggled around them).
BenchResult bench_once(const BenchCommand& cmd, double scale, int threads, bool demography_only, bool write_outputs) {
    BenchResult r;
    auto t0 = Clock::now();
    const Scenario base = load_scenario(cmd.scenario);
    std::vector<std::string> overrides{"end_year=" + std::to_string(cmd.end_year)};
    if (demography_only) overrides.push_back("health.enabled=false");
    Scenario scenario = with_overrides(base, overrides);
    if (demography_only) scenario.interventions.clear();
    const ModelData data = load_model_data(bench_data_dir(cmd.data_dir));
    r.load_seconds = seconds_since(t0);
    RunOptions options;
    options.scale = scale;
    options.threads = threads;
    options.seed = scenario.seed;
    options.whole_years = true;
    t0 = Clock::now();
    Simulation sim(data, scenario, options);
    r.synth_seconds = seconds_since(t0);
    r.residents = static_cast<double>(sim.population().size());
    t0 = Clock::now();
    CALLGRIND_TOGGLE_COLLECT;
    while (!sim.finished()) sim.step();
    CALLGRIND_TOGGLE_COLLECT;
    r.run_seconds = seconds_since(t0);
    r.person_steps = static_cast<double>(sim.person_steps());
    if (write_outputs) {
        t0 = Clock::now();
        const Indicators indicators(data, sim.results());
        RunProvenance provenance;
        provenance.seed = options.seed;
        provenance.threads = threads;
        provenance.scale = scale;
        provenance.person_steps = sim.person_steps();
        const std::filesystem::path scratch = scratch_folder();
        write_run_directory(scratch / "run", false, scenario, data, indicators, provenance);
        r.output_seconds = seconds_since(t0);
        std::filesystem::remove_all(scratch);
    }
    r.peak_bytes = static_cast<double>(peak_resident_bytes());
    return r;
}

// Runs f() in a child process and returns what it wrote (a BenchResult or another plain struct); false if the child
// failed.
template <typename F, typename R>
bool in_child(F&& f, R& out) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        int code = 0;
        R r;
        try {
            r = f();
        } catch (const std::exception& e) {
            std::fprintf(stderr, "hhu bench: %s\n", e.what());
            code = 2;
        }
        if (write(fds[1], &r, sizeof r) != static_cast<ssize_t>(sizeof r)) code = 3;
        close(fds[1]);
        _exit(code);
    }
    close(fds[1]);
    const bool got = read(fds[0], &out, sizeof out) == static_cast<ssize_t>(sizeof out);
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return got && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// A scenario against its baseline, each run whole as `hhu run` runs it (data, the run, indicators and the run
// directory): the baseline saving its state of 1 January of the scenario's first programme year (written to a file),
// then the scenario from that state (read from the file) with the baseline's migration, then the scenario from 2021
// with the migration alone.
struct PairedResult {
    double baseline = 0, saving = 0, from_state = 0, from_start = 0;
    // The months from the state's year to the end alone (Simulation::step): the baseline's, and the scenario's from
    // that state. A whole scenario run from the state skips 2021 to the year before, so beside a whole baseline it
    // looks cheaper per year than it is; these are the same years of both.
    double baseline_later_years = 0, scenario_later_years = 0;
    int state_year = 0;
};

PairedResult bench_paired(const BenchCommand& cmd, int threads) {
    PairedResult r;
    const auto end = "end_year=" + std::to_string(cmd.end_year);
    const Scenario baseline = with_overrides(load_scenario(cmd.scenario), {end});
    const Scenario scenario = with_overrides(load_scenario(cmd.paired), {end});
    r.state_year = Simulation::latest_state_year(scenario);
    const std::filesystem::path scratch = scratch_folder();
    RunOptions options;
    options.scale = cmd.scale;
    options.threads = threads;
    options.seed = baseline.seed;
    options.whole_years = true;
    auto write_outputs = [&](const Simulation& sim, const ModelData& data, const Scenario& s, const std::string& name) {
        const Indicators indicators(data, sim.results());
        RunProvenance provenance;
        provenance.threads = threads;
        provenance.scale = cmd.scale;
        write_run_directory(scratch / name, false, s, data, indicators, provenance);
    };
    std::shared_ptr<const MigrationPlan> plan;
    {
        const auto t0 = Clock::now();
        const ModelData data = load_model_data(bench_data_dir(cmd.data_dir));
        Simulation sim(data, baseline, options);
        auto later = Clock::now();
        while (!sim.finished()) {
            if (r.state_year > kFirstYear && sim.current_year() == r.state_year &&
                month_of_step(sim.current_step()) == 0 && r.saving == 0) {
                const auto s0 = Clock::now();
                SavedState state = sim.save_state();
                write_file_atomic(scratch / saved_state_file_name(r.state_year), saved_state_file(state));
                r.saving = seconds_since(s0);
                later = Clock::now();
            }
            sim.step();
        }
        r.baseline_later_years = seconds_since(later);
        write_outputs(sim, data, baseline, "baseline");
        plan = std::make_shared<const MigrationPlan>(sim.migration_plan());
        r.baseline = seconds_since(t0);
    }
    for (const bool from_state : {true, false}) {
        const auto t0 = Clock::now();
        const ModelData data = load_model_data(bench_data_dir(cmd.data_dir));
        RunOptions o = options;
        o.seed = scenario.seed;
        o.migration_plan = plan;
        if (from_state && r.saving == 0) continue;  // no state to start from (the scenario's programmes start in 2021)
        if (from_state)
            o.start_from = std::make_shared<const SavedState>(read_saved_state(scratch / saved_state_file_name(r.state_year)));
        Simulation sim(data, scenario, o);
        o.start_from.reset();
        const auto steps = Clock::now();
        while (!sim.finished()) sim.step();
        if (from_state) r.scenario_later_years = seconds_since(steps);
        write_outputs(sim, data, scenario, from_state ? "from_state" : "from_start");
        (from_state ? r.from_state : r.from_start) = seconds_since(t0);
    }
    std::filesystem::remove_all(scratch);
    return r;
}

std::string shell_quoted(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// The instructions callgrind counted between the toggles: the "totals:" line of its output file.
double callgrind_total(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("totals:", 0) == 0 || line.rfind("summary:", 0) == 0) return std::stod(line.substr(line.find(':') + 1));
    throw std::runtime_error("no totals in the callgrind output " + file.string());
}

// The full model at a small scale, one thread, under callgrind: instructions per person-step of the months.
void print_instructions(const BenchCommand& cmd) {
    const std::filesystem::path scratch = scratch_folder();
    const std::filesystem::path out = scratch / "callgrind.out", steps = scratch / "person_steps";
    std::string command = "valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file=" +
                          shell_quoted(out.string()) + " " +
                          shell_quoted(std::filesystem::read_symlink("/proc/self/exe").string()) +
                          " bench --count-instructions-into " + shell_quoted(steps.string()) + " --scenario " +
                          shell_quoted(cmd.scenario) + " --scale " + std::to_string(cmd.callgrind_scale) +
                          " --end-year " + std::to_string(cmd.end_year) + " >/dev/null 2>" +
                          shell_quoted((scratch / "valgrind.log").string());
    if (!cmd.data_dir.empty()) command += " --data " + shell_quoted(cmd.data_dir);
    const int status = std::system(command.c_str());
    if (status != 0) {
        std::printf("instructions per person-step: not measured (valgrind failed or is missing; see %s)\n",
                    (scratch / "valgrind.log").c_str());
        return;
    }
    double person_steps = 0;
    std::ifstream(steps) >> person_steps;
    const double instructions = callgrind_total(out);
    std::printf("instructions per person-step (callgrind, full model, scale %g, 1 thread, the months only): %.0f "
                "(%.4g instructions over %.0f person-steps)\n",
                cmd.callgrind_scale, person_steps > 0 ? instructions / person_steps : 0.0, instructions, person_steps);
    std::filesystem::remove_all(scratch);
}

}  // namespace

int bench_command(const BenchCommand& cmd) {
    if (!cmd.count_instructions_into.empty()) {
        // The process callgrind runs: the full model once, one thread, and its person-steps to the file.
        const BenchResult r = bench_once(cmd, cmd.scale, 1, false, false);
        std::ofstream(cmd.count_instructions_into) << static_cast<long long>(r.person_steps) << "\n";
        return 0;
    }
    const Scenario scenario = load_scenario(cmd.scenario);
    std::string modules = "demography";
    if (scenario.health.enabled) modules += " + health + care labour market";
    if (!scenario.interventions.empty())
        modules += " + " + std::to_string(scenario.interventions.size()) + " interventions";
    // The machine's load when the bench starts: timings on a busy machine are not the model's.
    double load1 = 0;
    if (FILE* f = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(f, "%lf", &load1) != 1) load1 = 0;
        std::fclose(f);
    }
    std::printf("hhu bench: %s, scale %g, 2021-%d, monthly steps; %u hardware threads, load average %.2f\n",
                cmd.scenario.c_str(), cmd.scale, cmd.end_year, hardware_threads(), load1);
    std::printf("whole run = data + synthesis + months + outputs (indicators, yearly.csv, summary.json)\n");
    std::vector<bool> configurations;
    if (cmd.model == "demography" || cmd.model == "both") configurations.push_back(true);
    if (cmd.model == "full" || cmd.model == "both") configurations.push_back(false);
    std::printf("%-42s %7s %10s %8s %8s %8s %8s %9s %14s %14s %9s\n", "model", "threads", "residents", "data [s]",
                "synth", "months", "outputs", "whole [s]", "person-steps/s", "p-years/s/core", "peak [MB]");
    for (const bool demography_only : configurations)
        for (int threads : cmd.threads) {
            BenchResult r;
            if (!in_child([&] { return bench_once(cmd, cmd.scale, threads, demography_only, true); }, r)) return 2;
            const double whole = r.load_seconds + r.synth_seconds + r.run_seconds + r.output_seconds;
            std::printf("%-42s %7d %10.0f %8.2f %8.2f %8.2f %8.2f %9.2f %14.3e %14.3e %9.0f\n",
                        demography_only ? "demography" : modules.c_str(), threads, r.residents, r.load_seconds,
                        r.synth_seconds, r.run_seconds, r.output_seconds, whole, r.person_steps / r.run_seconds,
                        r.person_steps / kMonthsPerYear / r.run_seconds / threads, r.peak_bytes / 1e6);
            std::fflush(stdout);
        }
    if (!cmd.paired.empty() && (cmd.model == "full" || cmd.model == "both")) {
        int threads = 1;
        for (const int t : cmd.threads) threads = std::max(threads, t);
        PairedResult p;
        if (!in_child([&] { return bench_paired(cmd, threads); }, p)) return 2;
        const double baseline = p.baseline - p.saving;  // a baseline run as it costs without saving its state
        if (p.saving == 0)
            std::printf("paired scenario %s, %d threads, with the baseline's migration: the baseline %.2f s, the scenario "
                        "from 2021 %.2f s (%.2fx); no state to start from (the latest it may take is of 1 January "
                        "%d, the first year: its programmes start then, or the run ends)\n",
                        cmd.paired.c_str(), threads, baseline, p.from_start, p.from_start / baseline, p.state_year);
        else
            std::printf("paired scenario %s, %d threads, each run whole, with the baseline's migration: the baseline %.2f s "
                    "(and %.2f s saving its state of 1 January %d); the scenario from that state %.2f s (%.2fx the "
                    "baseline), from 2021 %.2f s (%.2fx)\n",
                    cmd.paired.c_str(), threads, baseline, p.saving, p.state_year, p.from_state,
                    p.from_state / baseline, p.from_start, p.from_start / baseline);
        if (p.saving > 0)
            std::printf("  the same years, %d-%d, the months alone: the scenario %.2f s, the baseline %.2f s (%.2fx)\n",
                        p.state_year, cmd.end_year, p.scenario_later_years, p.baseline_later_years,
                        p.baseline_later_years > 0 ? p.scenario_later_years / p.baseline_later_years : 0.0);
        std::fflush(stdout);
    }
    if (cmd.callgrind_scale > 0) print_instructions(cmd);
    return 0;
}

}  // namespace hhu
