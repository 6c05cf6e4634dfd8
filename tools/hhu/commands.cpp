#include "commands.hpp"
#include "distributed.hpp"
#include "side_by_side.hpp"

#include <csignal>
#include <cstdlib>
#include <limits>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <iostream>

#include "kill_point.hpp"
#include "progress.hpp"
#include "sim/inputs/inputs.hpp"
#include "sim/interventions/interventions.hpp"
#include "sim/core/error.hpp"
#include "sim/core/system.hpp"
#include "sim/model/model_data.hpp"
#include "sim/calibration/calibration.hpp"
#include "sim/io/atomic_dir.hpp"
#include "sim/output/ensemble.hpp"
#include "sim/output/indicators.hpp"
#include "sim/output/run_output.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/simulation/lifetime_tail.hpp"
#include "sim/simulation/simulation.hpp"
#include "sim/validation/validation.hpp"
#include "sim/uncertainty/parameter_uncertainty.hpp"
#include "sim/io/strict_json.hpp"

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

OutputFormat output_format(const RunCommand& cmd) {
    const auto detail = parse_detail(cmd.detail);
    if (!detail) throw InputError("--detail: expected summary, zones or full, got '" + cmd.detail + "'");
    return {*detail, cmd.gzip};
}

}  // namespace

namespace {

struct RunResult {
    std::unique_ptr<Simulation> sim;
    std::unique_ptr<Indicators> indicators;
    RunProvenance provenance;
    std::vector<RunFile> extra;  // lifetime.csv with --lifetime
};

// The migration a run of `scenario` with `seed` takes from --migration-from (null: none given, or the
// scenario follows no policy-free twin); InputError when the folder holds no plan of its key.
std::shared_ptr<const MigrationPlan> given_migration(const RunCommand& cmd, const Scenario& scenario,
                                                     const ModelData& data, std::uint64_t seed) {
    if (cmd.migration_from.empty()) return nullptr;
    if (!std::filesystem::is_directory(cmd.migration_from))
        throw InputError("--migration-from " + cmd.migration_from + ": no such run directory");
    if (!follows_policy_free_twin(data, scenario)) return nullptr;
    return std::make_shared<const MigrationPlan>(
        find_migration_plan(cmd.migration_from, migration_plan_key(scenario, data, seed, cmd.scale)));
}

// Without --migration-from, a scenario that follows a policy-free twin takes the migration of a run directory beside
// --out (its siblings, in name order) that holds the plan of every seed it needs: a baseline run before it with the
// same seed, scale, data and settings (the plan's key says so; the results are the same as with the twin, in about
// half the time). Central values only: a parameter draw's siblings are other draws, with other data. "" if none.
std::string migration_beside_out(const RunCommand& cmd, const Scenario& scenario, const ModelData& data,
                                 const std::vector<std::uint64_t>& seeds) {
    namespace fs = std::filesystem;
    if (!cmd.migration_from.empty() || cmd.step_twin || cmd.draw > 0 || !follows_policy_free_twin(data, scenario))
        return "";
    std::error_code ec;
    fs::path out = fs::absolute(fs::path(cmd.out), ec).lexically_normal();
    if (ec) return "";
    if (!out.has_filename()) out = out.parent_path();  // "runs/gli/": the folder is runs
    std::vector<fs::path> siblings;
    for (fs::directory_iterator it(out.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path p = it->path();
        const std::string name = p.filename().string();
        // Not this run's folder, nor a folder being written (an atomic write's staging folder, replicates' .partial).
        if (p == out || name.find(".tmp-") != std::string::npos || name.ends_with(".partial")) continue;
        std::error_code e;
        if (fs::is_regular_file(p / "manifest.json", e)) siblings.push_back(p);
    }
    std::sort(siblings.begin(), siblings.end());
    constexpr std::size_t kMostLookedAt = 64;  // a folder of many runs: the first 64 by name
    if (siblings.size() > kMostLookedAt) siblings.resize(kMostLookedAt);
    // Of the folders with the plan of every seed (a baseline's, or a scenario's that took it), the first that also
    // holds a state of every seed to start from (a baseline's --save-state), else the first.
    auto every_seed = [&](const fs::path& dir, auto&& holds) {
        return std::all_of(seeds.begin(), seeds.end(), [&](std::uint64_t seed) {
            return holds(dir, migration_plan_key(scenario, data, seed, cmd.scale));
        });
    };
    // A baseline that stops before this scenario's end has a plan of the same key (the key leaves the end year out)
    // but not its last years: passed over, as its manifest says (it was taken, and the run failed at its first year
    // past the plan).
    auto reaches_end = [&](const fs::path& dir) {
        std::ifstream in(dir / "manifest.json");
        const nlohmann::json m = nlohmann::json::parse(in, nullptr, false);
        if (!m.is_object() || !m.contains("scenario") || !m["scenario"].is_object()) return false;
        const nlohmann::json& end = m["scenario"].value("end_year", nlohmann::json());
        return end.is_number_integer() && end.get<int>() >= scenario.end_year;
    };
    std::vector<fs::path> with_plan;
    for (const fs::path& dir : siblings)
        if (reaches_end(dir) &&
            every_seed(dir, [](const fs::path& d, const MigrationPlanKey& k) { return holds_migration_plan(d, k); }))
            with_plan.push_back(dir);
    if (with_plan.empty()) return "";
    const int latest_year = Simulation::latest_state_year(scenario);
    auto with_state = std::find_if(with_plan.begin(), with_plan.end(), [&](const fs::path& dir) {
        return !cmd.from_start && every_seed(dir, [&](const fs::path& d, const MigrationPlanKey& k) {
            return !find_saved_state(d, k, latest_year).found.empty();
        });
    });
    const fs::path dir = with_state != with_plan.end() ? *with_state : with_plan.front();
    if (!cmd.quiet && distributed().rank == 0)
        std::fprintf(stderr, "hhu run: the migration of %s (the same %s, scale, data and settings), no policy-free "
                             "twin stepped (--step-twin to step it)\n",
                     dir.string().c_str(), seeds.size() > 1 ? "seeds" : "seed");
    return dir.string();
}

// migration_plan.json (compressed with --gzip) for a run whose migration is its policy-free province's (a
// baseline's), so that scenario runs can take it instead of stepping a twin.
std::vector<RunFile> plan_files(const Simulation& sim, bool gzip) {
    if (!sim.follows_policy_free_migration()) return {};
    return {migration_plan_file(sim.migration_plan(), gzip)};
}

// The further files of a run's directory: its migration plan and, with --lifetime, lifetime.csv.
std::vector<RunFile> run_files(const RunResult& r) {
    std::vector<RunFile> files = plan_files(*r.sim, r.provenance.output.gzip);
    files.insert(files.end(), r.extra.begin(), r.extra.end());
    for (const auto& s : r.sim->saved_states()) files.push_back({saved_state_file_name(s->year), "", saved_state_file(*s)});
    return files;
}

// The state a run of `scenario` with `seed` starts from (sim/simulation/saved_state.hpp): with a baseline's migration
// taken from a run directory (--migration-from, or the baseline beside --out), the latest state there of its policy-free
// province and of a 1 January no later than its first programme's start or its last year (latest_state_year); null with
// --from-start or when there is none (it then lives every year itself, and says why the states there were passed over).
std::shared_ptr<const SavedState> saved_start(const RunCommand& cmd, const Scenario& scenario, const ModelData& data,
                                              std::uint64_t seed, const std::string& label) {
    if (cmd.from_start || cmd.migration_from.empty()) return nullptr;
    const StateSearch search = find_saved_state(cmd.migration_from, migration_plan_key(scenario, data, seed, cmd.scale),
                                                Simulation::latest_state_year(scenario));
    // Files that are no state this build can take are named whatever is found; the states of other keys or years
    // (a set of replicates holds every seed's) only when none is.
    if (!search.unusable.empty() && !cmd.quiet)
        std::fprintf(stderr, "%s: passed over in %s:\n%s", label.c_str(), cmd.migration_from.c_str(),
                     search.unusable.c_str());
    if (search.found.empty()) {
        if (!search.other.empty() && !cmd.quiet)
            std::fprintf(stderr, "%s: lives every year from %d; the states in %s are of other runs:\n%s", label.c_str(),
                         kFirstYear, cmd.migration_from.c_str(), search.other.c_str());
        return nullptr;
    }
    const auto& file = search.found;
    auto state = std::make_shared<const SavedState>(read_saved_state(file));
    if (!cmd.quiet)
        std::fprintf(stderr, "%s: starts from %s, the baseline's state of 1 January %d (the years before are its own: "
                             "the same results; --from-start to live them again)\n",
                     label.c_str(), file.string().c_str(), state->year);
    return state;
}

// Whether a finished run directory (or each of its replicates) lacks a state --save-state asks for, or holds one this
// program cannot take (another build's, cut short): it is then run again, never reused without it.
bool lacks_states(const std::filesystem::path& dir, const std::vector<int>& years) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<fs::path> dirs;
    for (fs::directory_iterator it(dir / "replicates", ec), end; !ec && it != end; it.increment(ec))
        dirs.push_back(it->path());
    if (dirs.empty()) dirs.push_back(dir);
    for (const fs::path& d : dirs)
        for (const int year : years)
            if (!usable_saved_state(d / saved_state_file_name(year))) return true;
    return false;
}

// --save-state is for a policy-free run (a scenario's state holds its programmes' columns, which no other run could
// take) and for years it lives.
void check_save_state(const RunCommand& cmd, const Scenario& scenario) {
    if (cmd.save_state_years.empty()) return;
    if (!scenario.interventions.empty())
        throw InputError("--save-state: scenario " + scenario.name + " has programmes; save the state of its baseline "
                         "(the same settings without programmes), from which its runs start");
    for (const int year : cmd.save_state_years)
        if (year > scenario.end_year)
            throw InputError("--save-state " + std::to_string(year) + ": after the run's last year (" +
                             std::to_string(scenario.end_year) + ")");
}

RunResult simulate(const RunCommand& cmd, const Scenario& scenario, const ModelData& data, std::uint64_t seed,
                   std::shared_ptr<const MigrationPlan> migration, const std::string& label,
                   const std::string& kill_stage = "") {
    RunOptions options;
    options.scale = cmd.scale;
    options.threads = cmd.threads;
    options.seed = seed;
    if (migration) options.start_from = saved_start(cmd, scenario, data, seed, label);
    options.migration_plan = std::move(migration);
    options.whole_years = true;  // nobody looks into a year before it is over
    options.save_state_years = cmd.save_state_years;  // (check_save_state: a run without programmes)
    RunResult r;
    r.provenance.seed = seed;
    r.provenance.threads = options.threads > 0 ? options.threads : static_cast<int>(hardware_threads());
    r.provenance.scale = options.scale;
    r.provenance.output = output_format(cmd);
    r.provenance.started_at = utc_timestamp();
    const auto start = Clock::now();
    r.sim = std::make_unique<Simulation>(data, scenario, options);
    if (options.start_from) {
        r.provenance.started_from_year = options.start_from->year;
        r.provenance.started_from_file = options.start_from->source;
    }
    options.start_from.reset();  // read by the run: its image is freed
    Progress progress(label, r.sim->end_step(), cmd.quiet);
    const int first_step = r.sim->current_step();  // 0, or the first month after a saved state
    while (!r.sim->finished()) {
        r.sim->step();
        if (r.sim->current_step() == first_step + 1) kill_point(kill_stage);
        progress.update(r.sim->lived_to_step(), year_of_step(r.sim->current_step() - 1));
    }
    progress.finish();
    // Its tables take a while at full detail (some 110 MB of yearly.csv): said, so that the last progress line is not
    // the last word for seconds.
    if (!cmd.quiet)
        std::fprintf(stderr, "%s: writing its tables (%s detail%s)\n", label.c_str(),
                     std::string(detail_name(r.provenance.output.detail)).c_str(),
                     r.provenance.output.gzip ? ", compressed" : "");
    r.indicators = std::make_unique<Indicators>(data, r.sim->results());
    if (cmd.lifetime) r.extra.push_back({"lifetime.csv", lifetime_csv(lifetime_tail(*r.sim, cmd.threads), data)});
    r.provenance.wall_seconds = seconds_since(start);
    r.provenance.person_steps = r.sim->person_steps();
    r.provenance.peak_memory_bytes = peak_resident_bytes();
    return r;
}

void create_folder(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw InputError("cannot create the folder " + dir.string() + ": " + ec.message());
}

// A replicate is reused only when it is one of this batch's and matches it exactly (scenario as
// resolved, seed, scale, data, build); a folder with anything else is refused, never mixed in.
void check_partial(const std::filesystem::path& partial, const std::vector<std::filesystem::path>& dirs,
                   const std::vector<std::uint64_t>& seeds, const RunCommand& cmd, const Scenario& scenario,
                   const ModelData& data) {
    namespace fs = std::filesystem;
    std::vector<std::string> problems;
    std::error_code ec;
    for (fs::directory_iterator it(partial / "replicates", ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.find(".tmp-") != std::string::npos) continue;  // an interrupted replicate's staging folder
        const bool ours = std::any_of(dirs.begin(), dirs.end(), [&](const fs::path& d) { return d.filename() == name; });
        if (!ours) problems.push_back(name + ": not one of this batch's " + std::to_string(dirs.size()) + " replicates");
    }
    for (std::size_t r = 0; r < dirs.size(); ++r) {
        if (!fs::exists(dirs[r])) continue;
        const std::string why = replicate_mismatch(dirs[r], scenario, data, seeds[r], cmd.scale, output_format(cmd));
        if (!why.empty()) problems.push_back(dirs[r].filename().string() + ": " + why);
    }
    if (problems.empty()) return;
    std::string m = partial.string() + " holds replicates that this batch cannot reuse:";
    for (const auto& p : problems) m += "\n  " + p;
    throw InputError(m + "\nrerun the batch that wrote them (same scenario, flags and -r), or remove " + partial.string() +
                     " to start afresh");
}

// Replicate r runs with seed + r in every scenario (common random numbers). Each finished replicate
// is kept in OUT.partial/ until the run directory is committed, so an interrupted batch resumes
// where it stopped, whenever it was interrupted (tests/cli/resume_test.sh kills it at every stage).
// The seeds of a run's replicates: the seed given (or the scenario's), then one more for each further replicate.
std::vector<std::uint64_t> replicate_seeds(const RunCommand& cmd, const Scenario& scenario, int replicates) {
    const std::uint64_t base = cmd.seed.value_or(scenario.seed);
    if (base > std::numeric_limits<std::uint64_t>::max() - static_cast<std::uint64_t>(replicates - 1))
        throw InputError("seed " + std::to_string(base) + " with " + std::to_string(replicates) +
                         " replicates needs seeds beyond 18446744073709551615; give a smaller --seed");
    std::vector<std::uint64_t> seeds;
    for (int r = 0; r < replicates; ++r) seeds.push_back(base + static_cast<std::uint64_t>(r));
    return seeds;
}

int run_replicates(const RunCommand& cmd, const Scenario& scenario, const ModelData& data, int replicates) {
    namespace fs = std::filesystem;
    const auto& batch = distributed();
    const fs::path partial = cmd.out + ".partial";
    const std::vector<std::uint64_t> seeds = replicate_seeds(cmd, scenario, replicates);
    const std::uint64_t base = seeds.front();
    std::vector<fs::path> dirs;
    for (int r = 0; r < replicates; ++r) {
        char name[16];
        std::snprintf(name, sizeof name, "%03d", r + 1);
        dirs.push_back(partial / "replicates" / name);
    }
    // This process's share: all of them alone; replicates rank, rank + size, ... in a distributed batch.
    // A refusal, like any failure, reaches every rank (distributed_max), so none is left waiting.
    int status = 0;
    std::string failure;
    try {
        check_partial(partial, dirs, seeds, cmd, scenario, data);
        // Every replicate's migration is found before the first runs: a missing one stops nothing midway.
        std::vector<std::shared_ptr<const MigrationPlan>> migration(replicates);
        for (int r = batch.rank; r < replicates; r += batch.size)
            migration[r] = given_migration(cmd, scenario, data, seeds[r]);
        create_folder(partial / "replicates");
        for (int r = batch.rank; r < replicates; r += batch.size) {
            const std::string label = "replicate " + std::to_string(r + 1) + "/" + std::to_string(replicates) +
                                      (batch.size > 1 ? " (rank " + std::to_string(batch.rank) + ")" : "");
            if (replicate_mismatch(dirs[r], scenario, data, seeds[r], cmd.scale, output_format(cmd)).empty() &&
                !lacks_states(dirs[r], cmd.save_state_years)) {
                if (!cmd.quiet) std::fprintf(stderr, "%s: already done (resuming)\n", label.c_str());
                continue;
            }
            const RunResult run =
                simulate(cmd, scenario, data, seeds[r], migration[r], label, "replicate-running:" + std::to_string(r + 1));
            auto provenance = run.provenance;
            provenance.replicate = r + 1;
            write_run_directory(dirs[r], true, scenario, data, *run.indicators, provenance, run_files(run));
            kill_point("replicate-done:" + std::to_string(r + 1));
        }
    } catch (const std::exception& e) {
        status = 1;
        failure = e.what();
    }
    if (distributed_max(status) != 0) {
        if (status != 0) throw InputError(failure);
        throw InputError("another rank of the batch failed; the finished replicates stay in " + partial.string());
    }
    if (batch.rank != 0) return 0;  // rank 0 writes the run directory
    EnsembleSpec spec;
    spec.scenario = &scenario;
    spec.data = &data;
    spec.seeds = seeds;
    spec.replicates = dirs;
    spec.batch.seed = base;
    spec.batch.scale = cmd.scale;
    spec.batch.threads = cmd.threads > 0 ? cmd.threads : static_cast<int>(hardware_threads());
    spec.batch.output = output_format(cmd);
    write_ensemble_directory(cmd.out, cmd.force, spec, [] { kill_point("batch-staged"); });
    kill_point("batch-committed");
    std::error_code ec;
    fs::remove_all(partial, ec);  // best effort: the run directory is complete
    if (!cmd.quiet)
        std::printf("wrote %s: %d replicates (seeds %llu..%llu): yearly (mean), yearly_interval (95%% interval)\n",
                    cmd.out.c_str(), replicates, static_cast<unsigned long long>(base),
                    static_cast<unsigned long long>(base + replicates - 1));
    return 0;
}

}  // namespace

int calibrate_command(const CalibrateCommand& cmd) {
    const Scenario scenario = load_scenario(cmd.scenario);
    const ModelData data = load_model_data(data_dir_or_default(cmd.data_dir));
    const auto report = calibrate_mortality(data, scenario, cmd.iterations, cmd.scale, cmd.threads,
                                            [](const std::string& line) { std::fprintf(stderr, "hhu calibrate: %s\n", line.c_str()); });
    const auto file = data.directory / "health" / "mortality_calibration.csv";
    write_file_atomic(data.directory / "health" / "mortality_calibration_zones.csv", report.zone_csv);
    write_file_atomic(data.directory / "health" / "prevalence_calibration.csv", report.prevalence_csv);
    write_file_atomic(file, report.csv);
    std::printf("wrote %s (last iteration: largest factor change %.2f%%)\n", file.c_str(), 100 * report.max_change);
    return 0;
}

void print_step_plan() {
    std::cout << "A step is one month; the engine runs these phases in this order, each when it is due:\n";
    int k = 0;
    for (const Phase& p : Simulation::step_plan()) {
        std::cout << "\n" << ++k << ". " << p.name << " (" << phase_when_name(p.when) << ")\n"
                  << "   " << p.does << "\n"
                  << "   reads:  " << p.reads << "\n"
                  << "   writes: " << p.writes << "\n";
    }
}

void print_profile(const std::vector<PhaseTime>& profile, std::FILE* out) {
    double total = 0;
    for (const auto& p : profile) total += p.seconds;
    std::fprintf(out, "%-28s %8s %10s %7s\n", "phase", "calls", "seconds", "share");
    for (const auto& p : profile)
        std::fprintf(out, "%-28s %8d %10.3f %6.1f%%\n", p.name, p.calls, p.seconds,
                     total > 0 ? 100 * p.seconds / total : 0.0);
    std::fprintf(out, "%-28s %8s %10.3f %6.1f%%\n", "total (steps)", "", total, 100.0);
}

namespace {

// --force replaces an earlier run directory (or an empty folder), never a file or a folder of
// something else that happens to be named by --out (such as the home folder).
void refuse_unless_run_directory(const std::filesystem::path& out) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(out, ec))
        throw InputError(out.string() + " is a file, not a run directory: --force replaces only a run directory");
    if (!fs::exists(out / "manifest.json", ec)) {
        if (!fs::is_empty(out, ec))
            throw InputError(out.string() + " is not a run directory (it has no manifest.json): --force replaces only "
                             "a run directory");
        return;
    }
    // A set of parameter draws and a batch plan's folder hold a manifest.json too (a whole study): only a run's own
    // manifest (its scenario and replicate, no plan or kind of set) may be replaced.
    std::ifstream in(out / "manifest.json");
    const nlohmann::json m = nlohmann::json::parse(in, nullptr, false);
    if (m.is_object() && m.contains("plan"))
        throw InputError(out.string() + " is a batch plan's results (manifest.json names a plan): --force replaces only "
                         "a run directory; remove the folder yourself to replace it");
    if (m.is_object() && m.contains("kind"))
        throw InputError(out.string() + " is a set of runs (" + (m["kind"].is_string() ? m["kind"].get<std::string>() : std::string("of no kind named")) + ")" +
                         " (manifest.json names its kind): --force replaces only a run directory; rerun with --draws "
                         "to resume or replace it, or remove the folder yourself");
    if (!m.is_object() || !m.contains("scenario") || !m.contains("replicate"))
        throw InputError(out.string() + " is not a run directory (its manifest.json is not a run's: no scenario and "
                         "replicate): --force replaces only a run directory");
}

}  // namespace

int run_drawn(const RunCommand& cmd, const Scenario& scenario, const ModelData& data);
int run_draws(const RunCommand& cmd);

namespace {
// A scenario whose programmes were edited (its file, or -D) so that the table of uncertain parameters no longer fits
// their effects: it runs as it is, but not with parameter draws.
struct DrawRefused : InputError {
    using InputError::InputError;
};

// The scenario with the parameters of the draw `data` holds; DrawRefused naming the scenario and its overrides when the
// table does not fit its programmes (the table's own error, naming its row, at the end).
Scenario drawn_scenario(const RunCommand& cmd, const Scenario& written, const ModelData& data) {
    try {
        return with_parameter_draw(written, data);
    } catch (const InputError& e) {
        if (written.interventions.empty()) throw;
        throw DrawRefused("scenario " + cmd.scenario + (cmd.overrides.empty() ? "" : " with its -D overrides") +
                          ": its programmes' effects do not match the table of uncertain parameters, so its draws are "
                          "refused (edit the table's rows of the programmes changed, or run without --draws): " +
                          e.what());
    }
}
}  // namespace

int run_command(const RunCommand& cmd) {
    if (cmd.draws > 0 && !cmd.check_only) return run_draws(cmd);
    const Scenario written = load_with_overrides(cmd.scenario, cmd.overrides);
    const ModelData data = load_model_data(data_dir_or_default(cmd.data_dir), cmd.draw, cmd.draw_seed);
    const Scenario scenario = cmd.draw > 0 ? with_parameter_draw(written, data) : written;
    if (cmd.check_only) {
        // The table of uncertain parameters is checked too, against the tables and the scenario it edits. A scenario
        // whose programmes were edited (its file, or -D) may no longer match the table's rows on their effects: it runs
        // as it is, but its parameter draws would be refused; said, not an error of the scenario.
        const ModelData drawn = load_model_data(data.directory, 1, cmd.draw_seed);
        try {
            (void)drawn_scenario(cmd, written, drawn);
        } catch (const DrawRefused& e) {
            std::cerr << "hhu: note: it runs without --draws; " << e.what() << "\n";
        }
        // What only the data can say of the programmes (their zones, the price years of their costs) is checked
        // where a run would check it: compiling them.
        if (!scenario.interventions.empty()) (void)InterventionEngine(data, scenario);
        std::cout << "scenario " << cmd.scenario << ": valid (" << scenario.name << ", " << scenario.start_year << "-"
                  << scenario.end_year << ", seed " << scenario.seed << ", " << scenario.replicates
                  << " replicate(s); modules: demography"
                  << (scenario.health.enabled ? ", health, care labour market" : " only (health.enabled is false)")
                  << "); data " << data.directory.string() << ": " << data.files.size() << " tables, "
                  << data.num_zones() << " zones; " << load_parameter_uncertainty(data.directory).size()
                  << " uncertain parameters (" << kParameterUncertaintyFile << ")\n";
        return 0;
    }
    return run_drawn(cmd, scenario, data);
}

// The run (or replicates) of a scenario and data as loaded: the central values, or one parameter draw.
int run_drawn(const RunCommand& cmd, const Scenario& scenario, const ModelData& data) {
    if (std::filesystem::exists(cmd.out)) {
        if (!cmd.force) throw InputError(cmd.out + " exists; use --force to overwrite");
        refuse_unless_run_directory(cmd.out);
    }

    const int replicates = cmd.replicates > 0 ? cmd.replicates : scenario.replicates;
    check_save_state(cmd, scenario);
    if (cmd.step_twin && !cmd.migration_from.empty())
        throw InputError("--step-twin and --migration-from: give one (the twin is stepped, or the baseline's migration "
                         "is taken)");
    if (std::string beside = migration_beside_out(cmd, scenario, data, replicate_seeds(cmd, scenario, replicates));
        !beside.empty()) {
        RunCommand with = cmd;
        with.migration_from = std::move(beside);
        return run_drawn(with, scenario, data);
    }
    if (cmd.profile && replicates > 1)
        throw InputError("--profile times one run: leave out --replicates (the scenario asks for " +
                         std::to_string(replicates) + "; add -r 1)");
    if (replicates > 1) return run_replicates(cmd, scenario, data, replicates);
    if (distributed().rank != 0) return 0;  // one run: rank 0 alone
    const std::uint64_t seed = cmd.seed.value_or(scenario.seed);
    const RunResult r = simulate(cmd, scenario, data, seed, given_migration(cmd, scenario, data, seed),
                                 "hhu run " + scenario.name, "run-running");
    write_run_directory(cmd.out, cmd.force, scenario, data, *r.indicators, r.provenance, run_files(r));
    if (cmd.profile) print_profile(r.sim->profile(), stdout);

    const auto& indicators = *r.indicators;
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

namespace {

std::string four_digits(int k) {
    char name[16];
    std::snprintf(name, sizeof name, "%04d", k);
    return name;
}

// OUT/manifest.json of a set of parameter draws: what `hhu compare` needs to pair two such sets.
std::string draws_manifest_json(const RunCommand& cmd, const Scenario& scenario, int replicates) {
    nlohmann::ordered_json m;
    m["kind"] = "parameter_draws";
    m["hhu_version"] = version_string();
    m["scenario_name"] = scenario.name;
    m["scenario_file"] = scenario.source_file;
    m["draws"] = cmd.draws;
    m["draw_seed"] = cmd.draw_seed;
    m["seed"] = cmd.seed.value_or(scenario.seed);
    m["replicates"] = replicates;
    m["scale"] = cmd.scale;
    m["written_at"] = utc_timestamp();
    auto folders = nlohmann::json::array();
    for (int k = 1; k <= cmd.draws; ++k) folders.push_back("draws/" + four_digits(k));
    m["draw_folders"] = folders;
    return m.dump(2) + "\n";
}

}  // namespace

namespace {

// At scale 0.1 a run has about 136,000 residents, 17 blocks of 8,192, and serial parts (synthesis, the
// first January's calibration, the outputs) that leave cores idle: draws then go side by side, one per core.
constexpr double kDrawsSideBySideScale = 0.1;

int draws_at_once(const RunCommand& cmd) {
    if (distributed().size > 1) return 1;  // the ranks share each draw's replicates (collective calls, in order)
    int k = cmd.runs_at_once;
    if (k <= 0) k = cmd.scale <= kDrawsSideBySideScale ? static_cast<int>(hardware_threads()) : 1;
    return std::max(1, std::min(k, cmd.draws));
}

// The run directory of draw k whose migration draw k of a scenario takes: with --migration-from a set of
// draws (a baseline's `hhu run --draws`), its draw k; otherwise the folder as given.
std::string draw_migration_from(const RunCommand& cmd, int k) {
    if (cmd.migration_from.empty()) return "";
    std::error_code ec;
    const std::filesystem::path dir = cmd.migration_from;
    if (!std::filesystem::is_directory(dir / "draws", ec)) return cmd.migration_from;
    return (dir / "draws" / four_digits(k)).string();
}

// Before any draw runs: --migration-from a baseline's set of draws holding every draw asked for (draw k takes the
// migration of its draw k: the same parameters). A folder of one run, or a set short of draws, failed only when the
// draws it could not serve came up, after the others had run.
void check_draws_migration_from(const RunCommand& cmd) {
    namespace fs = std::filesystem;
    if (cmd.migration_from.empty()) return;
    std::error_code ec;
    const fs::path dir = cmd.migration_from;
    if (!fs::is_directory(dir / "draws", ec))
        throw InputError("--migration-from " + cmd.migration_from + " is not a set of parameter draws (no draws/ folder): "
                         "draw k takes the migration of the baseline's draw k; run the baseline with --draws " +
                         std::to_string(cmd.draws));
    for (int k = 1; k <= cmd.draws; ++k)
        if (!fs::is_directory(dir / "draws" / four_digits(k), ec))
            throw InputError("--migration-from " + cmd.migration_from + " holds no draw " + std::to_string(k) + " (" +
                             (dir / "draws" / four_digits(k)).string() + "); run the baseline with --draws " +
                             std::to_string(cmd.draws));
}

// Draw k of a set: its run directory OUT/draws/NNNN, unless one that matches is there already.
void run_one_draw(const RunCommand& cmd, const Scenario& written, const ModelData& central, int k, std::uint64_t seed) {
    namespace fs = std::filesystem;
    RunCommand one = cmd;
    one.draws = 0;
    one.draw = k;
    one.out = (fs::path(cmd.out) / "draws" / four_digits(k)).string();
    one.force = true;  // a draw folder that does not match is redone
    one.migration_from = draw_migration_from(cmd, k);
    const ModelData data = load_model_data(central, k, cmd.draw_seed);
    const Scenario scenario = drawn_scenario(cmd, written, data);
    std::error_code ec;
    if (fs::exists(one.out, ec) && replicate_mismatch(one.out, scenario, data, seed, cmd.scale, output_format(cmd)).empty() &&
        !lacks_states(one.out, cmd.save_state_years)) {
        if (!cmd.quiet) std::fprintf(stderr, "draw %d/%d: already done (resuming)\n", k, cmd.draws);
        return;
    }
    if (!cmd.quiet) std::fprintf(stderr, "draw %d/%d\n", k, cmd.draws);
    one.quiet = true;
    run_drawn(one, scenario, data);
}

}  // namespace

// Draws 1..N, each a run directory OUT/draws/NNNN of the scenario's replicates (seed, seed + 1, ...:
// the same in every draw), several side by side at small scale (each draw's directory is its own, so the
// outputs do not depend on how many run at once). A finished draw is kept: rerunning the command resumes,
// redoing nothing that matches (replicate_mismatch: scenario, seeds, data, draw and draw seed).
// OUT/manifest.json is written last, atomically: its presence says every draw is there.
int run_draws(const RunCommand& cmd) {
    namespace fs = std::filesystem;
    if (cmd.draw != 0) throw InputError("--draws N runs draws 1..N and --draw K one draw: give one of them");
    if (cmd.profile) throw InputError("--profile times one run: leave out --draws");
    const Scenario written = load_with_overrides(cmd.scenario, cmd.overrides);
    const int replicates = cmd.replicates > 0 ? cmd.replicates : written.replicates;
    const fs::path out = cmd.out;
    std::error_code ec;
    if (fs::exists(out / "manifest.json", ec) && !cmd.force)
        throw InputError(cmd.out + " holds a finished set of draws; use --force to overwrite");
    if (fs::exists(out, ec) && !fs::is_directory(out / "draws", ec) && !fs::is_empty(out, ec))
        throw InputError(cmd.out + " exists and is not a set of parameter draws (no draws/ folder)");
    check_draws_migration_from(cmd);  // before the set is touched: a refusal leaves it as it was
    fs::remove(out / "manifest.json", ec);  // --force: the set is unfinished until every draw is there again
    fs::create_directories(out / "draws", ec);
    if (ec) throw InputError("cannot create the folder " + (out / "draws").string() + ": " + ec.message());
    const std::uint64_t seed = cmd.seed.value_or(written.seed);
    const ModelData central = load_model_data(data_dir_or_default(cmd.data_dir));  // parsed once for every draw
    const int at_once = draws_at_once(cmd);
    RunCommand each = cmd;
    if (each.threads <= 0) each.threads = std::max(1, static_cast<int>(hardware_threads()) / at_once);
    // Each thread takes the next draw; the first failure stops the others after their current draw.
    run_side_by_side(static_cast<std::size_t>(cmd.draws), at_once,
                     [&](std::size_t k) { run_one_draw(each, written, central, static_cast<int>(k) + 1, seed); });
    if (distributed().rank != 0) return 0;
    write_file_atomic(out / "manifest.json", draws_manifest_json(cmd, written, replicates));
    if (!cmd.quiet)
        std::printf("wrote %s: %d parameter draws (draw seed %llu) x %d replicate(s) of %s\n", cmd.out.c_str(),
                    cmd.draws, static_cast<unsigned long long>(cmd.draw_seed), replicates, written.name.c_str());
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
    options.whole_years = true;
    Simulation sim(data, scenario, options);
    Progress progress("hhu validate " + scenario.name, sim.end_step(), cmd.quiet);
    while (!sim.finished()) {
        sim.step();
        progress.update(sim.lived_to_step(), year_of_step(sim.current_step() - 1));
    }
    progress.finish();
    const auto checks = check_targets(Indicators(data, sim.results()), targets, cmd.scale);
    std::cout << "hhu validate: scenario " << scenario.name << ", seed " << scenario.seed << ", scale " << cmd.scale
              << "; targets from " << (data.directory / "targets").string() << " (sources: data/sources.csv)\n"
              << format_checks(checks);
    return std::all_of(checks.begin(), checks.end(), [](const TargetCheck& c) { return c.passes(); }) ? 0 : 1;
}


}  // namespace hhu
