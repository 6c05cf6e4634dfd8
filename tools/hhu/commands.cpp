#include "commands.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "progress.hpp"
#include "sim/core/error.hpp"
#include "sim/core/system.hpp"
#include "sim/model/model_data.hpp"
#include "sim/output/indicators.hpp"
#include "sim/output/run_output.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/simulation/simulation.hpp"
#include "sim/validation/validation.hpp"

namespace hhu {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

Scenario load_with_overrides(const std::string& file, const std::vector<std::string>& overrides) {
    Scenario s = load_scenario(file);
    return overrides.empty() ? s : with_overrides(s, overrides);
}

std::filesystem::path data_dir_or_default(const std::string& dir) {
    return dir.empty() ? default_data_directory() : std::filesystem::path(dir);
}

}  // namespace

void print_step_plan() {
    std::cout << "A step is one month:\n";
    for (auto phase : Simulation::step_plan()) std::cout << "  " << phase << "\n";
}

int run_command(const RunCommand& cmd) {
    const Scenario scenario = load_with_overrides(cmd.scenario, cmd.overrides);
    const ModelData data = load_model_data(data_dir_or_default(cmd.data_dir));
    if (cmd.check_only) {
        std::cout << "scenario " << cmd.scenario << ": valid (" << scenario.name << ", " << scenario.start_year << "-"
                  << scenario.end_year << ", seed " << scenario.seed << ", " << scenario.replicates
                  << " replicate(s)); data " << data.directory.string() << ": " << data.files.size()
                  << " tables, " << data.num_zones() << " zones\n";
        return 0;
    }
    if (std::filesystem::exists(cmd.out) && !cmd.force)
        throw InputError(cmd.out + " exists; use --force to overwrite");

    RunOptions options;
    options.scale = cmd.scale;
    options.threads = cmd.threads;
    options.seed = cmd.seed.value_or(scenario.seed);
    RunProvenance run;
    run.seed = options.seed;
    run.threads = options.threads > 0 ? options.threads : static_cast<int>(hardware_threads());
    run.scale = options.scale;
    run.started_at = utc_timestamp();
    const auto start = Clock::now();

    Simulation sim(data, scenario, options);
    Progress progress("hhu run " + scenario.name, sim.end_step(), cmd.quiet);
    while (!sim.finished()) {
        sim.step();
        progress.update(sim.current_step(), year_of_step(sim.current_step() - 1));
    }
    progress.finish();
    const Indicators indicators(data, sim.results());
    run.wall_seconds = seconds_since(start);
    run.person_steps = sim.person_steps();
    run.peak_memory_bytes = peak_resident_bytes();
    write_run_directory(cmd.out, cmd.force, scenario, data, indicators, run);

    const int pv = static_cast<int>(indicators.units().size()) - 1;
    const int last = indicators.last_complete_year();
    if (!cmd.quiet)
        std::printf("wrote %s: province %.0f residents on 1 January %d, %.0f on 1 January %d; life expectancy %d: "
                    "%.2f\n",
                    cmd.out.c_str(), indicators.count(indicators.first_year(), pv, Counter::Population),
                    indicators.first_year(), indicators.end_population(pv), last + 1, last,
                    indicators.life_expectancy(last, pv));
    return 0;
}

int validate_command(const ValidateCommand& cmd) {
    const Scenario scenario = load_scenario(cmd.scenario);
    const ModelData data = load_model_data(data_dir_or_default(cmd.data_dir));
    const auto targets = load_targets(data.directory / "targets");
    RunOptions options;
    options.scale = cmd.scale;
    options.threads = cmd.threads;
    options.seed = scenario.seed;
    Simulation sim(data, scenario, options);
    Progress progress("hhu validate " + scenario.name, sim.end_step(), cmd.quiet);
    while (!sim.finished()) {
        sim.step();
        progress.update(sim.current_step(), year_of_step(sim.current_step() - 1));
    }
    progress.finish();
    const auto checks = check_targets(Indicators(data, sim.results()), targets, cmd.scale);
    std::cout << "hhu validate: scenario " << scenario.name << ", seed " << scenario.seed << ", scale " << cmd.scale
              << "; targets from " << (data.directory / "targets").string() << " (sources: data/sources.csv)\n"
              << format_checks(checks);
    return std::all_of(checks.begin(), checks.end(), [](const TargetCheck& c) { return c.within; }) ? 0 : 1;
}

namespace {

struct BenchResult {
    double synth_seconds = 0, run_seconds = 0;
    double person_steps = 0;
    double peak_bytes = 0;
    double residents = 0;
};

BenchResult bench_once(const BenchCommand& cmd, int threads) {
    const Scenario base = load_scenario(cmd.scenario);
    const Scenario scenario = with_overrides(base, {"end_year=" + std::to_string(cmd.end_year)});
    const ModelData data = load_model_data(data_dir_or_default(cmd.data_dir));
    RunOptions options;
    options.scale = cmd.scale;
    options.threads = threads;
    options.seed = scenario.seed;
    auto t0 = Clock::now();
    Simulation sim(data, scenario, options);
    BenchResult r;
    r.synth_seconds = seconds_since(t0);
    r.residents = static_cast<double>(sim.population().size());
    t0 = Clock::now();
    while (!sim.finished()) sim.step();
    r.run_seconds = seconds_since(t0);
    r.person_steps = static_cast<double>(sim.person_steps());
    r.peak_bytes = static_cast<double>(peak_resident_bytes());
    return r;
}

}  // namespace

int bench_command(const BenchCommand& cmd) {
    std::printf("hhu bench: %s, scale %g, 2021-%d, monthly steps, demography; %u hardware threads\n",
                cmd.scenario.c_str(), cmd.scale, cmd.end_year, hardware_threads());
    std::printf("%8s %12s %12s %10s %16s %12s\n", "threads", "residents", "synth [s]", "run [s]",
                "person-steps/s", "peak [MB]");
    for (int threads : cmd.threads) {
        // Each configuration runs in its own process so that its peak memory is its own.
        int fds[2];
        if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
        const pid_t pid = fork();
        if (pid == 0) {
            close(fds[0]);
            int code = 0;
            BenchResult r;
            try {
                r = bench_once(cmd, threads);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "hhu bench: %s\n", e.what());
                code = 2;
            }
            if (write(fds[1], &r, sizeof r) != static_cast<ssize_t>(sizeof r)) code = 3;
            close(fds[1]);
            _exit(code);
        }
        close(fds[1]);
        BenchResult r;
        const bool got = read(fds[0], &r, sizeof r) == static_cast<ssize_t>(sizeof r);
        close(fds[0]);
        int status = 0;
        waitpid(pid, &status, 0);
        if (!got || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return 2;
        std::printf("%8d %12.0f %12.2f %10.2f %16.3e %12.0f\n", threads, r.residents, r.synth_seconds, r.run_seconds,
                    r.person_steps / r.run_seconds, r.peak_bytes / 1e6);
        std::fflush(stdout);
    }
    return 0;
}

}  // namespace hhu
