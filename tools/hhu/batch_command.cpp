#include "batch_command.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <tbb/parallel_for.h>
#include <thread>

#include "distributed.hpp"
#include "kill_point.hpp"
#include "side_by_side.hpp"
#include "sim/inputs/inputs.hpp"
#include "sim/batch/plan.hpp"
#include "sim/batch/plan_tables.hpp"
#include "sim/core/error.hpp"
#include "sim/core/system.hpp"
#include "sim/io/atomic_dir.hpp"
#include "sim/io/gzip.hpp"
#include "sim/model/model_data.hpp"
#include "sim/output/indicators.hpp"
#include "sim/output/run_output.hpp"
#include "sim/simulation/simulation.hpp"
#include "sim/uncertainty/parameter_uncertainty.hpp"

namespace hhu {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// At scale 0.1 a run has about 136,000 residents, 17 blocks of 8,192 (the unit of parallel work in a
// step), and serial parts (synthesis, the first January's calibration, the outputs) that leave cores idle:
// small runs go side by side instead (one thread each), which keeps every core busy.
constexpr double kSmallScale = 0.1;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// One replicate of one row: the unit of work that a thread or a rank takes.
struct Job {
    const PlanRow* row = nullptr;
    int replicate = 1;  // from 1
    std::uint64_t seed = 0;
    fs::path dir;       // ROW.partial/replicates/NNN
    int number = 0;     // 1, 2, ... over the whole plan (kill points, rank assignment)
};

std::string three_digits(int r) {
    char name[16];
    std::snprintf(name, sizeof name, "%03d", r);
    return name;
}

fs::path partial_folder(const fs::path& out, const Plan& plan, int row) {
    return out / "rows" / (row_folder_name(plan, row) + ".partial");
}

bool row_done(const fs::path& out, const Plan& plan, int row) {
    return fs::exists(row_folder(out, plan, row) / "manifest.json");
}

// The plan's progress on one line: runs done, the share of their months simulated, and the time left
// for the whole plan (from the pace so far), on a terminal redrawn in place, otherwise a line per run.
class PlanProgress {
public:
    PlanProgress(std::string label, long total_steps, int runs, bool quiet)
        : label_(std::move(label)), total_(total_steps), runs_(runs), quiet_(quiet),
          terminal_(isatty(STDERR_FILENO) != 0), start_(Clock::now()), last_(start_) {}

    // `months` done (a run started from a saved state counts the months it did not live as done at once).
    void step(long months = 1) {
        if (months <= 0) return;
        const long done = steps_ += months;
        if (quiet_ || !terminal_) return;
        std::lock_guard lock(mutex_);
        if (Clock::now() - last_ < std::chrono::milliseconds(200) && done < total_) return;
        last_ = Clock::now();
        draw("\r", " ");
    }
    void run_finished() {
        ++finished_;
        if (quiet_) return;
        std::lock_guard lock(mutex_);
        draw(terminal_ ? "\r" : "", terminal_ ? " " : "\n");
    }
    void finish() {
        if (!quiet_ && terminal_ && runs_ > 0) std::fprintf(stderr, "\n");
    }

private:
    void draw(const char* lead, const char* tail) {
        const double elapsed = seconds_since(start_);
        const double f = total_ > 0 ? static_cast<double>(steps_) / static_cast<double>(total_) : 1.0;
        const double left = f > 0 ? elapsed * (1 - f) / f : 0;
        std::fprintf(stderr, "%s%s: %d/%d runs done, %3.0f%%, elapsed %.1f s, about %.1f s left%s", lead,
                     label_.c_str(), finished_.load(), runs_, 100 * f, elapsed, left, tail);
        std::fflush(stderr);
    }
    std::string label_;
    long total_;
    int runs_;
    bool quiet_, terminal_;
    std::atomic<long> steps_{0};
    std::atomic<int> finished_{0};
    std::mutex mutex_;
    Clock::time_point start_, last_;
};

// The output folder holds this plan (plan.json the same) or nothing yet; anything else is refused.
void claim_output(const fs::path& out, const Plan& plan) {
    std::error_code ec;
    if (fs::exists(out / "plan.json", ec)) {
        const std::string why = plan_difference(read_text_file(out / "plan.json"), plan);
        if (!why.empty())
            throw InputError(out.string() + " holds another plan (" + why + "); give another --out, or remove " +
                             out.string() + " to start afresh");
        return;
    }
    if (fs::exists(out, ec) && (!fs::is_directory(out, ec) || !fs::is_empty(out, ec)))
        throw InputError(out.string() + " exists and is not a plan's folder (it has no plan.json); give another --out");
    write_file_atomic(out / "plan.json", plan.resolved_json);
}

// A folder of a finished replicate that does not match its job is refused, never mixed in.
void check_existing(const Job& job, const ModelData& data, double scale, const OutputFormat& format,
                    std::vector<std::string>& problems) {
    if (!fs::exists(job.dir)) return;
    const std::string why = replicate_mismatch(job.dir, job.row->scenario, data, job.seed, scale, format);
    if (!why.empty()) problems.push_back(job.dir.string() + ": " + why);
}

std::vector<Job> list_jobs(const fs::path& out, const Plan& plan) {
    std::vector<Job> jobs;
    int number = 0;
    for (const auto& row : plan.rows)
        for (int r = 1; r <= row.replicates; ++r) {
            Job j;
            j.row = &row;
            j.replicate = r;
            j.seed = row.seed + static_cast<std::uint64_t>(r - 1);
            j.dir = partial_folder(out, plan, row.number) / "replicates" / three_digits(r);
            j.number = ++number;
            jobs.push_back(std::move(j));
        }
    return jobs;
}

// The migration plans of the policy-free runs (baseline rows) of this process, handed to the runs of
// scenarios with health interventions of the same key: they then step no policy-free twin. A run
// waits for a plan that a run of this process is making (those run first: see share_migration); it steps
// a twin when no run of this process makes its plan (or when that run failed). The results are the
// same either way. With the plan, the policy-free run's state of 1 January of its takers' earliest programme year
// (sim/simulation/saved_state.hpp): each taker whose programmes start no earlier starts there, and the state is
// dropped once every taker has had it (it is some 110 bytes a resident).
class MigrationShare {
public:
    static std::string text(const MigrationPlanKey& k) {
        char scale[32];
        std::snprintf(scale, sizeof scale, "%a", k.scale);  // exact
        return k.settings_sha256 + "|" + std::to_string(k.seed) + "|" + scale + "|" + k.data_sha256 + "|" + k.hhu_version;
    }
    // A run of this process makes the plan of `k`; `takers` runs will wait for it, the earliest of their programmes
    // starting in `state_year` (0: no state to keep).
    void will_make(const MigrationPlanKey& k, const void* maker, int state_year, int takers) {
        std::lock_guard lock(m_);
        auto& slot = plans_[text(k)];
        slot.maker = maker;
        slot.state_year = state_year;
        slot.takers = takers;
    }
    // Whether `job` is the run that makes the plan of `k` (another policy-free run of the key, such as a row with
    // another end year, is not: its plan may be shorter).
    bool is_maker(const MigrationPlanKey& k, const void* job) const {
        std::lock_guard lock(m_);
        const auto it = plans_.find(text(k));
        return it != plans_.end() && it->second.maker == job;
    }
    // The 1 January whose state the maker of `k` keeps (RunOptions::save_state_years; 0: none).
    int state_year(const MigrationPlanKey& k) const {
        std::lock_guard lock(m_);
        const auto it = plans_.find(text(k));
        return it == plans_.end() ? 0 : it->second.state_year;
    }
    // `plan` null: its run failed. The first plan made stays (a plan may hold the same row twice).
    void made(const MigrationPlanKey& k, std::shared_ptr<const MigrationPlan> plan,
              std::shared_ptr<const SavedState> state = nullptr) {
        {
            std::lock_guard lock(m_);
            auto& slot = plans_[text(k)];
            if (slot.done && slot.plan) return;
            slot.done = true;
            slot.plan = std::move(plan);
            slot.state = slot.takers > 0 ? std::move(state) : nullptr;
        }
        cv_.notify_all();
    }
    // After wait(k): the state a taker whose programmes start in `first_year` starts from (null: none, or a later one).
    // Each taker asks once; the state is dropped after the last.
    std::shared_ptr<const SavedState> take_state(const MigrationPlanKey& k, int first_year) {
        std::lock_guard lock(m_);
        const auto it = plans_.find(text(k));
        if (it == plans_.end()) return nullptr;
        Slot& slot = it->second;
        auto state = slot.state && slot.state->year <= first_year ? slot.state : nullptr;
        if (--slot.takers <= 0) slot.state.reset();
        return state;
    }
    // The plan of `k` once made (null if none is made here, or its run failed).
    std::shared_ptr<const MigrationPlan> wait(const MigrationPlanKey& k) {
        std::unique_lock lock(m_);
        const auto it = plans_.find(text(k));
        if (it == plans_.end()) return nullptr;
        cv_.wait(lock, [&] { return it->second.done; });
        return it->second.plan;
    }

private:
    struct Slot {
        bool done = false;
        std::shared_ptr<const MigrationPlan> plan;
        const void* maker = nullptr;
        int state_year = 0, takers = 0;
        std::shared_ptr<const SavedState> state;
    };
    mutable std::mutex m_;
    std::condition_variable cv_;
    std::map<std::string, Slot> plans_;
};

// A finished policy-free run's plan of key `k` on disk (a resumed plan's baseline rows): its replicate
// folder, or the row's run directory once assembled; null when there is none or it cannot be read
// (the scenario's run then steps its twin: the same bytes).
std::shared_ptr<const MigrationPlan> stored_migration(const fs::path& out, const Plan& plan, const Job& producer,
                                                      const MigrationPlanKey& k) {
    for (const fs::path& dir : {producer.dir, row_folder(out, plan, producer.row->number) / "replicates" /
                                                  three_digits(producer.replicate)}) {
        const fs::path file = plan_file_in(dir);
        if (file.empty()) continue;
        try {
            MigrationPlan p = read_migration_plan(file);
            if (p.key == k) return std::make_shared<const MigrationPlan>(std::move(p));
        } catch (const InputError&) {
            continue;  // unreadable: the twin instead
        }
    }
    return nullptr;
}

// The tables each row runs with: the central ones, or its parameter draw's (loaded once per draw).
struct RowInputs {
    std::vector<std::shared_ptr<const ModelData>> by_draw;  // [draw]
    const ModelData& of(const PlanRow& row) const { return *by_draw[row.draw]; }
};

// Loads the tables of every draw the plan's rows use and applies each row's draw to its scenario (draw k
// is the same parameter set in every row: rows stay paired). The plan's resolved_json keeps the scenarios
// as written, with each row's draw beside them. The draws are read side by side on every core (each parses
// only the health tables again: load_model_data from the central tables), so they keep no core idle before
// the runs start.
RowInputs prepare_draws(Plan& plan, const ModelData& central) {
    RowInputs in;
    int draws = 0;
    for (const auto& row : plan.rows) draws = std::max(draws, row.draw);
    in.by_draw.resize(static_cast<std::size_t>(draws) + 1);
    in.by_draw[0] = std::make_shared<const ModelData>(central);
    tbb::parallel_for(1, draws + 1, [&](int k) {
        in.by_draw[k] = std::make_shared<const ModelData>(load_model_data(central, k, plan.rows.front().draw_seed));
    });
    tbb::parallel_for(std::size_t{0}, plan.rows.size(), [&](std::size_t r) {
        auto& row = plan.rows[r];
        if (row.draw > 0) row.scenario = with_parameter_draw(row.scenario, in.of(row));
    });
    return in;
}

struct Runner {
    const Plan& plan;
    const RowInputs& inputs;
    int threads_per_run;
    PlanProgress& progress;
    MigrationShare& share;
    const std::map<const Job*, std::shared_ptr<const MigrationPlan>>& stored;  // consumers' plans from disk

    // Runs the job's simulation and writes its run directory (atomically); the seconds it took to write it.
    double run(const Job& job) const {
        const ModelData& data = inputs.of(*job.row);
        const MigrationPlanKey key = migration_plan_key(job.row->scenario, data, job.seed, plan.scale);
        const bool producer = job.row->scenario.interventions.empty() && share.is_maker(key, &job);
        try {
            return run(job, key, producer);
        } catch (...) {
            if (producer) share.made(key, nullptr);
            throw;
        }
    }

    double run(const Job& job, const MigrationPlanKey& key, bool producer) const {
        const ModelData& data = inputs.of(*job.row);
        RunOptions options;
        options.scale = plan.scale;
        options.threads = threads_per_run;
        options.seed = job.seed;
        options.whole_years = true;
        if (follows_policy_free_twin(data, job.row->scenario)) {
            const auto it = stored.find(&job);
            options.migration_plan = it != stored.end() ? it->second : share.wait(key);
            if (it == stored.end()) options.start_from = share.take_state(key, Simulation::latest_state_year(job.row->scenario));
        }
        if (const int year = producer ? share.state_year(key) : 0; year > 0) options.save_state_years = {year};
        RunProvenance p;
        p.seed = job.seed;
        p.threads = threads_per_run;
        p.scale = plan.scale;
        p.replicate = job.replicate;
        p.output = plan.output;
        p.started_at = utc_timestamp();
        const auto start = Clock::now();
        Simulation sim(data, job.row->scenario, options);
        if (options.start_from) p.started_from_year = options.start_from->year;
        options.start_from.reset();  // read: its image is freed
        const int first_step = sim.current_step();
        progress.step(first_step);  // the months lived by the run the state is of
        while (!sim.finished()) {
            sim.step();
            if (sim.current_step() == first_step + 1) kill_point("plan-job-running:" + std::to_string(job.number));
            progress.step();
        }
        const Indicators indicators(data, sim.results());
        p.wall_seconds = seconds_since(start);
        p.person_steps = sim.person_steps();
        p.peak_memory_bytes = peak_resident_bytes();
        std::vector<RunFile> files;
        if (sim.follows_policy_free_migration())
            files.push_back(migration_plan_file(sim.migration_plan(), p.output.gzip));
        write_run_directory(job.dir, false, job.row->scenario, data, indicators, p, files);
        const double writing = seconds_since(start) - p.wall_seconds;  // the migration plan formatted too
        if (producer)
            share.made(key, std::make_shared<const MigrationPlan>(sim.migration_plan()),
                       sim.saved_states().empty() ? nullptr : sim.saved_states().front());
        kill_point("plan-job-done:" + std::to_string(job.number));
        return writing;
    }
};

// Policy-free runs before the scenarios' runs that take their migration and state (MigrationShare), a few keys at a
// time: the makers of `chunk` keys, then their takers, then the next keys' makers, so that the states kept wait only for
// the takers of the keys under way (a thousand draws' baselines all first would hold a thousand states). The rest
// (runs whose maker is not this process's, or none) after them. `stored` gets the plans of policy-free runs finished
// before (a resumed plan) or elsewhere.
void share_migration(const fs::path& out, const Plan& plan, const RowInputs& inputs, const std::vector<Job>& jobs,
                     std::vector<const Job*>& mine, MigrationShare& share,
                     std::map<const Job*, std::shared_ptr<const MigrationPlan>>& stored, std::size_t chunk) {
    std::map<std::string, const Job*> producers;
    for (const auto& j : jobs)
        if (j.row->scenario.interventions.empty()) {
            // Of the policy-free runs of a key, the one that reaches the latest year (the key leaves the end year out):
            // a scenario row taking a shorter one's plan would stop at its first year past it.
            const Job*& maker = producers[MigrationShare::text(
                migration_plan_key(j.row->scenario, inputs.of(*j.row), j.seed, plan.scale))];
            if (maker == nullptr || j.row->scenario.end_year > maker->row->scenario.end_year) maker = &j;
        }
    auto is_mine = [&](const Job* j) { return std::find(mine.begin(), mine.end(), j) != mine.end(); };
    std::map<const Job*, std::vector<const Job*>> takers;  // of each maker of this process
    std::vector<const Job*> makers, rest;
    for (const Job* j : mine) {
        const ModelData& data = inputs.of(*j->row);
        const MigrationPlanKey key = migration_plan_key(j->row->scenario, data, j->seed, plan.scale);
        const auto it = producers.find(MigrationShare::text(key));
        if (it != producers.end() && it->second == j) {
            makers.push_back(j);
            takers[j];
        } else if (it != producers.end() && follows_policy_free_twin(data, j->row->scenario)) {
            if (is_mine(it->second)) {
                takers[it->second].push_back(j);
                continue;
            }
            if (auto p = stored_migration(out, plan, *it->second, key)) stored[j] = std::move(p);
            rest.push_back(j);
        } else {
            rest.push_back(j);
        }
    }
    for (const Job* m : makers) {
        const ModelData& data = inputs.of(*m->row);
        // The earliest January a taker may start from (one whose programmes start in the first year takes none).
        int state_year = 0;
        for (const Job* t : takers[m])
            if (const int y = Simulation::latest_state_year(t->row->scenario); y > kFirstYear)
                state_year = state_year == 0 ? y : std::min(state_year, y);
        if (state_year > m->row->scenario.end_year) state_year = 0;
        share.will_make(migration_plan_key(m->row->scenario, data, m->seed, plan.scale), m, state_year,
                        static_cast<int>(takers[m].size()));
    }
    std::vector<const Job*> order;
    for (std::size_t c = 0; c < makers.size(); c += chunk) {
        const std::size_t end = std::min(makers.size(), c + chunk);
        order.insert(order.end(), makers.begin() + static_cast<std::ptrdiff_t>(c), makers.begin() + static_cast<std::ptrdiff_t>(end));
        for (std::size_t k = c; k < end; ++k) order.insert(order.end(), takers[makers[k]].begin(), takers[makers[k]].end());
    }
    order.insert(order.end(), rest.begin(), rest.end());
    mine = std::move(order);
}

// Where the lanes' time went besides the runs' own (a run's wall_seconds: its simulation and indicators).
struct LaneTimes {
    // Each lane's wait (each of the runs at once), after its last run, for the others' last runs, summed over the
    // lanes. With a few runs per lane it is half a run per lane on average; with a thousand it is nothing.
    double idle_end = 0;
    double writing = 0;  // writing the runs' directories (as `hhu run` writes its own)
};

// Runs `jobs` with `at_once` threads, each taking the next job; the first failure stops the others
// after their current run and is rethrown.
LaneTimes run_jobs(const std::vector<const Job*>& jobs, const Runner& runner, int at_once) {
    const auto start = Clock::now();
    std::mutex m;
    LaneTimes times;
    std::map<std::thread::id, Clock::time_point> last_end;  // of each lane
    run_side_by_side(jobs.size(), at_once, [&](std::size_t k) {
        const double writing = runner.run(*jobs[k]);
        runner.progress.run_finished();
        std::lock_guard lock(m);
        times.writing += writing;
        last_end[std::this_thread::get_id()] = Clock::now();
    });
    if (last_end.empty()) return times;
    Clock::time_point end = start;
    for (const auto& [lane, t] : last_end) end = std::max(end, t);
    times.idle_end = static_cast<double>(at_once - static_cast<int>(last_end.size())) *
                     std::chrono::duration<double>(end - start).count();  // lanes that ran nothing
    for (const auto& [lane, t] : last_end) times.idle_end += std::chrono::duration<double>(end - t).count();
    return times;
}

// The row's run directory from its finished replicates (rank 0, once every rank is done).
void assemble_row(const fs::path& out, const Plan& plan, const PlanRow& row, const RowInputs& inputs,
                  const std::vector<Job>& jobs, int threads) {
    const ModelData& data = inputs.of(row);
    EnsembleSpec spec;
    spec.scenario = &row.scenario;
    spec.data = &data;
    for (const auto& j : jobs)
        if (j.row == &row) {
            spec.seeds.push_back(j.seed);
            spec.replicates.push_back(j.dir);
        }
    spec.batch.seed = row.seed;
    spec.batch.scale = plan.scale;
    spec.batch.output = plan.output;
    spec.batch.threads = threads;  // of this session's runs (a resumed row may have had others)
    write_ensemble_directory(row_folder(out, plan, row.number), false, spec,
                             [&] { kill_point("plan-row-staged:" + std::to_string(row.number)); });
    std::error_code ec;
    fs::remove_all(partial_folder(out, plan, row.number), ec);  // best effort: the row is complete
}

double rows_wall_seconds(const fs::path& out, const Plan& plan) {
    double s = 0;
    for (const auto& row : plan.rows) {
        const auto m = nlohmann::json::parse(read_text_file(row_folder(out, plan, row.number) / "manifest.json"));
        s += m.at("wall_seconds").get<double>();
    }
    return s;
}

std::string plan_manifest(const Plan& plan, int runs, int runs_now, double wall, double runs_wall,
                          const LaneTimes& lanes, int at_once) {
    nlohmann::ordered_json m;
    m["hhu_version"] = version_string();
    m["plan"] = plan.name;
    m["plan_file"] = plan.source_file;
    m["rows"] = plan.rows.size();
    m["runs"] = runs;
    m["runs_this_session"] = runs_now;
    m["runs_at_once"] = at_once;
    m["finished_at"] = utc_timestamp();
    m["wall_seconds_this_session"] = wall;
    m["runs_wall_seconds"] = runs_wall;
    m["runs_writing_seconds"] = lanes.writing;    // this session's runs writing their directories (LaneTimes)
    m["lanes_idle_end_seconds"] = lanes.idle_end;  // this session's lanes waiting, after their last run, for the others'
    m["output"] = {{"detail", std::string(detail_name(plan.output.detail))}, {"gzip", plan.output.gzip}};
    return m.dump(2) + "\n";
}

std::vector<std::string> unit_codes(const ModelData& data) {
    std::vector<std::string> codes;
    for (const auto& u : reporting_units(data)) codes.push_back(u.code);
    return codes;
}

int choose_runs_at_once(const BatchCommand& cmd, const Plan& plan, std::size_t jobs) {
    int k = cmd.runs_at_once;
    if (k <= 0) k = plan.scale <= kSmallScale ? static_cast<int>(hardware_threads()) : 1;
    return std::max(1, std::min<int>(k, static_cast<int>(std::max<std::size_t>(jobs, 1))));
}

}  // namespace

int batch_command(const BatchCommand& cmd) {
    const auto start = Clock::now();
    const fs::path data_dir = cmd.data_dir.empty() ? default_data_directory() : fs::path(cmd.data_dir);
    const ModelData data = load_model_data(data_dir);
    Plan plan = load_plan(cmd.plan, unit_codes(data));
    const RowInputs inputs = prepare_draws(plan, data);
    const auto& ranks = distributed();
    const fs::path out = cmd.out;
    const std::vector<Job> jobs = list_jobs(out, plan);
    if (cmd.check_only) {
        std::printf("plan %s: valid (%s): %zu rows, %zu runs, %zu sweeps; scale %g, detail %s%s\n", cmd.plan.c_str(),
                    plan.name.c_str(), plan.rows.size(), jobs.size(), plan.sweeps.size(), plan.scale,
                    std::string(detail_name(plan.output.detail)).c_str(), plan.output.gzip ? ", gzip" : "");
        return 0;
    }
    if (fs::exists(out / "manifest.json") && fs::exists(out / "plan.json") &&
        plan_difference(read_text_file(out / "plan.json"), plan).empty()) {
        if (!cmd.quiet && ranks.rank == 0) std::printf("plan %s: already complete in %s\n", plan.name.c_str(), out.c_str());
        return 0;
    }
    // Rank 0 claims the folder; the others wait for it and then check it the same way.
    int status = 0;
    std::string failure;
    std::vector<const Job*> mine;
    int done_before = 0;
    try {
        if (ranks.rank == 0) claim_output(out, plan);
    } catch (const std::exception& e) {
        status = 1;
        failure = e.what();
    }
    if (distributed_max(status) != 0) throw InputError(status ? failure : "rank 0 refused the output folder");
    try {
        if (ranks.rank != 0) claim_output(out, plan);
        std::vector<std::string> problems;
        for (const auto& j : jobs) {
            if (row_done(out, plan, j.row->number) ||
                replicate_mismatch(j.dir, j.row->scenario, inputs.of(*j.row), j.seed, plan.scale, plan.output).empty()) {
                ++done_before;
                continue;
            }
            check_existing(j, inputs.of(*j.row), plan.scale, plan.output, problems);
            if ((j.number - 1) % ranks.size == ranks.rank) mine.push_back(&j);
        }
        if (!problems.empty()) {
            std::string m = out.string() + " holds runs that this plan cannot reuse:";
            for (const auto& p : problems) m += "\n  " + p;
            throw InputError(m + "\nremove " + out.string() + " to start afresh");
        }
    } catch (const std::exception& e) {
        status = 1;
        failure = e.what();
    }
    if (status == 0 && done_before > 0 && !cmd.quiet && ranks.rank == 0)
        std::fprintf(stderr, "plan %s: resuming: %d of %zu runs done\n", plan.name.c_str(), done_before, jobs.size());
    // The runs of this process.
    const int at_once = choose_runs_at_once(cmd, plan, mine.size());
    const int threads = cmd.threads > 0 ? cmd.threads : std::max(1, static_cast<int>(hardware_threads()) / at_once);
    long steps = 0;
    for (const Job* j : mine) steps += (j->row->scenario.end_year - j->row->scenario.start_year + 1) * kMonthsPerYear;
    std::string label = "plan " + plan.name + (ranks.size > 1 ? " (rank " + std::to_string(ranks.rank) + ")" : "");
    PlanProgress progress(label, steps, static_cast<int>(mine.size()), cmd.quiet);
    LaneTimes lanes;
    if (status == 0) {
        try {
            MigrationShare share;
            std::map<const Job*, std::shared_ptr<const MigrationPlan>> stored;
            // Two keys per lane at a time: a lane's taker then finds its maker done (the lanes take the runs in order).
            share_migration(out, plan, inputs, jobs, mine, share, stored, 2 * static_cast<std::size_t>(at_once));
            lanes = run_jobs(mine, Runner{plan, inputs, threads, progress, share, stored}, at_once);
        } catch (const std::exception& e) {
            status = 1;
            failure = e.what();
        }
    }
    progress.finish();
    if (distributed_max(status) != 0) {
        if (status != 0) throw InputError(failure);
        throw InputError("another rank of the plan failed; the finished runs stay in " + out.string());
    }
    lanes.writing = distributed_sum(lanes.writing);  // every rank's runs, as runs_wall_seconds counts them
    lanes.idle_end = distributed_sum(lanes.idle_end);
    if (ranks.rank != 0) return 0;  // rank 0 writes the rows' directories and the tables
    for (const auto& row : plan.rows)
        if (!row_done(out, plan, row.number)) assemble_row(out, plan, row, inputs, jobs, threads);
    kill_point("plan-rows-done");
    write_plan_tables(out, plan);
    kill_point("plan-tables-written");
    const double wall = seconds_since(start);
    const double runs_wall = rows_wall_seconds(out, plan);
    write_file_atomic(out / "manifest.json", plan_manifest(plan, static_cast<int>(jobs.size()),
                                                          static_cast<int>(jobs.size()) - done_before, wall, runs_wall,
                                                          lanes, at_once));
    if (!cmd.quiet) {
        std::printf("plan %s: %zu rows, %zu runs (%d done before, %zu now, %d at once, %d thread(s) each) in %s\n",
                    plan.name.c_str(), plan.rows.size(), jobs.size(), done_before, jobs.size() - done_before, at_once,
                    threads, out.c_str());
        if (done_before == 0 && ranks.size == 1)
            std::printf("plan %s: %.2f s; the runs' own time %.2f s (%.2f s at %d at once); overhead %.1f%%: the runs "
                        "writing their directories %.1f%%, the lanes' idle end %.1f%% (waiting for the last runs), "
                        "the plan's own work %.1f%%\n",
                        plan.name.c_str(), wall, runs_wall, runs_wall / at_once, at_once,
                        100 * (wall * at_once / runs_wall - 1), 100 * lanes.writing / runs_wall,
                        100 * lanes.idle_end / runs_wall,
                        100 * ((wall * at_once - lanes.idle_end - lanes.writing) / runs_wall - 1));
    }
    return 0;
}

}  // namespace hhu
