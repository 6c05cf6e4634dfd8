#pragma once
// The simulation on its own thread. The UI sends commands (play, pause, step, restart, speed) and
// reads immutable snapshots; it never touches the live Simulation. The runner holds its lock only
// to read commands and to swap the published snapshot, never while stepping.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "sim/model/model_data.hpp"
#include "sim/output/results.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/simulation/simulation.hpp"

namespace hhu::viz {

// What the UI sees of a run at one moment. Immutable once published. A year's counters are copied
// once when the year is complete and then shared by every later snapshot; only the year in progress
// is copied again (each year holds about 2 MB of counters).
struct Snapshot {
    std::vector<std::shared_ptr<const YearCounters>> years;  // [year - first year], through the live year
    std::shared_ptr<const YearCounters> end_population;      // once the run has finished
    // Once the run has finished: its migration, which a scenario of the same non-policy settings, seed
    // and scale takes instead of stepping a policy-free twin (RunOptions::migration_plan).
    std::shared_ptr<const MigrationPlan> migration;
    // Once the run has finished: its state of 1 January of RunOptions::save_state_years (a baseline's), from which its
    // scenarios' runs start (RunOptions::start_from); null when none was kept.
    std::shared_ptr<const SavedState> state;
    int first_step = 0;                                      // 0, or the January the run started from (start_from)
    std::vector<LabourYear> labour;                          // the care labour market, per complete year (small)
    double weight = 1;                                       // residents per simulated resident
    double scale = 1;                                        // share of residents simulated (RunOptions)
    std::uint64_t seed = 0;                                  // the run's seed (RunOptions)
    bool health = false;                                     // the health model runs
    int steps_done = 0;                                      // months simulated (0: nothing yet)
    int end_step = 0;
    std::uint64_t run_id = 0;  // changes on every restart
    std::uint64_t scenario_version = 0;  // changes when the scenario is replaced (replace_scenario)
    double step_seconds = 0;   // wall time of the latest month

    bool started() const { return steps_done > 0; }
    bool finished() const { return steps_done >= end_step; }
    int end_year() const { return year_of_step(end_step > 0 ? end_step - 1 : 0); }
    // The year of the latest simulated month; its 1 January counts are known.
    int live_year() const { return year_of_step(steps_done > 0 ? steps_done - 1 : 0); }
    // The latest year whose twelve months are simulated (first year - 1 if none).
    int last_complete_year() const { return kFirstYear + steps_done / kMonthsPerYear - 1; }
};

class SimRunner {
public:
    // `data` must outlive the runner. The first Simulation is built on the runner's thread. A
    // low-priority runner lowers its thread's scheduling priority (nice 19: replicates in the
    // background that must not slow the window or the runs a user waits for). `start_idle`: no
    // Simulation is built until the first replace_scenario (a runner kept for later runs).
    SimRunner(const ModelData& data, Scenario scenario, RunOptions options, bool low_priority = false,
              bool start_idle = false);
    ~SimRunner();
    SimRunner(const SimRunner&) = delete;
    SimRunner& operator=(const SimRunner&) = delete;

    void play();
    void pause();
    void step_months(int months);  // pauses, then simulates that many months
    void step_to_next_year();      // pauses, then simulates to the next 1 January
    void restart();                // a fresh run of the same scenario and seed, paused at January 2021
    // A fresh run of another scenario (same options), simulated as fast as possible to the end (a
    // re-run after an edit); the speed set for playing is kept for later. Returns its version, which
    // the snapshots of the new run carry.
    // With `options`, the new run (and later restarts) use them: another scale (a quick preview) or
    // another seed (a replicate). Cancels the run under way at its next month: it never blocks.
    std::uint64_t replace_scenario(Scenario scenario, std::optional<RunOptions> options = std::nullopt);
    // Simulates to the end as fast as possible (a background run), whatever the speed setting.
    void run_to_end();
    // Simulated months per wall-clock second; 0 or less: as fast as possible.
    void set_speed(double months_per_second);
    double speed() const;
    bool playing() const;

    // Names the runner's thread (at most 15 characters: "hhu-preview"), so that the CPU time of each run
    // can be told apart (thread_cpu.hpp) in the viewer's summary, `top -H` and a profiler.
    void name_thread(const char* name);

    std::shared_ptr<const Snapshot> latest() const;
    // Non-empty if the simulation threw; the runner stops.
    std::string error() const;
    Scenario scenario() const;  // the scenario of the latest (re)start request
    RunOptions options() const;  // of the latest (re)start request

private:
    using Clock = std::chrono::steady_clock;
    void thread_main();
    void run_loop();
    // Waits for work; returns false when asked to quit. Called with the lock held.
    bool wait_for_work(std::unique_lock<std::mutex>& lock, Clock::time_point next_due);
    void publish(const Simulation& sim, double step_seconds);

    // The runner thread's own: complete years already copied, shared by the snapshots.
    std::vector<std::shared_ptr<const YearCounters>> complete_years_;

    const ModelData& data_;
    Scenario scenario_;  // guarded by mutex_
    RunOptions options_;  // guarded by mutex_
    std::unique_ptr<RunOptions> pending_options_;  // guarded by mutex_
    const bool low_priority_;
    const bool start_idle_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    // Commands, guarded by mutex_.
    bool quit_ = false;
    bool playing_ = false;
    bool restart_requested_ = false;
    int pending_steps_ = 0;
    bool to_next_year_ = false;
    double speed_ = 12;
    bool rush_ = false;  // as fast as possible to the end (run_to_end, replace_scenario)
    std::uint64_t scenario_version_ = 0;
    std::unique_ptr<Scenario> pending_scenario_;
    // Published state, guarded by mutex_.
    std::shared_ptr<const Snapshot> snapshot_;
    std::string error_;
    std::uint64_t run_id_ = 0;  // the runner thread's own
    std::uint64_t published_version_ = 0;  // guarded by mutex_: the version of the run being simulated

    std::thread thread_;  // last: starts after everything above is initialised
};

}  // namespace hhu::viz
