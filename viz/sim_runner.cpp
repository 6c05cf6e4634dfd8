#include "sim_runner.hpp"

#include <algorithm>
#include <exception>

#ifdef __linux__
#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace hhu::viz {

namespace {

// At full speed a month of a small run takes about a millisecond: publish at most this often (and
// always at a year's end, when paused and when finished), so copies of the live year stay rare.
constexpr double kMinPublishInterval = 1.0 / 15;

}  // namespace

SimRunner::SimRunner(const ModelData& data, Scenario scenario, RunOptions options, bool low_priority, bool start_idle)
    : data_(data),
      scenario_(std::move(scenario)),
      options_(options),
      low_priority_(low_priority),
      start_idle_(start_idle),
      thread_([this] { thread_main(); }) {}

SimRunner::~SimRunner() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void SimRunner::play() {
    {
        std::lock_guard lock(mutex_);
        playing_ = true;
    }
    wake_.notify_all();
}

void SimRunner::pause() {
    std::lock_guard lock(mutex_);
    playing_ = false;
    rush_ = false;
    pending_steps_ = 0;
    to_next_year_ = false;
}

void SimRunner::step_months(int months) {
    {
        std::lock_guard lock(mutex_);
        playing_ = false;
        to_next_year_ = false;
        pending_steps_ += std::max(months, 0);
    }
    wake_.notify_all();
}

void SimRunner::step_to_next_year() {
    {
        std::lock_guard lock(mutex_);
        playing_ = false;
        to_next_year_ = true;
    }
    wake_.notify_all();
}

void SimRunner::restart() {
    {
        std::lock_guard lock(mutex_);
        restart_requested_ = true;
        playing_ = false;
        pending_steps_ = 0;
        to_next_year_ = false;
    }
    wake_.notify_all();
}

std::uint64_t SimRunner::replace_scenario(Scenario scenario, std::optional<RunOptions> options) {
    std::uint64_t version;
    {
        std::lock_guard lock(mutex_);
        pending_scenario_ = std::make_unique<Scenario>(std::move(scenario));
        if (options) pending_options_ = std::make_unique<RunOptions>(*options);
        version = ++scenario_version_;
        restart_requested_ = true;
        playing_ = true;
        rush_ = true;
        pending_steps_ = 0;
        to_next_year_ = false;
    }
    wake_.notify_all();
    return version;
}

void SimRunner::run_to_end() {
    {
        std::lock_guard lock(mutex_);
        playing_ = true;
        rush_ = true;
    }
    wake_.notify_all();
}

Scenario SimRunner::scenario() const {
    std::lock_guard lock(mutex_);
    return pending_scenario_ ? *pending_scenario_ : scenario_;
}

RunOptions SimRunner::options() const {
    std::lock_guard lock(mutex_);
    return pending_options_ ? *pending_options_ : options_;
}

void SimRunner::set_speed(double months_per_second) {
    {
        std::lock_guard lock(mutex_);
        speed_ = months_per_second;
    }
    wake_.notify_all();
}

double SimRunner::speed() const {
    std::lock_guard lock(mutex_);
    return speed_;
}

bool SimRunner::playing() const {
    std::lock_guard lock(mutex_);
    return playing_ || pending_steps_ > 0 || to_next_year_;
}

void SimRunner::name_thread(const char* name) {
#ifdef __linux__
    pthread_setname_np(thread_.native_handle(), name);  // fails harmlessly on a name over 15 characters
#else
    (void)name;
#endif
}

std::shared_ptr<const Snapshot> SimRunner::latest() const {
    std::lock_guard lock(mutex_);
    return snapshot_;
}

std::string SimRunner::error() const {
    std::lock_guard lock(mutex_);
    return error_;
}

void SimRunner::thread_main() {
#ifdef __linux__
    // Linux schedules threads individually: this lowers the runner's thread only (and the threads it
    // starts inherit it). Nice 10 weighs a tenth of normal work: the window and the main result keep the
    // cores, yet the replicates still finish on a machine that something else keeps busy (at nice 19,
    // a sixty-fourth, a long run elsewhere starved the band for as long as it ran).
    if (low_priority_) setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
#endif
    try {
        run_loop();
    } catch (const std::exception& e) {
        std::lock_guard lock(mutex_);
        error_ = e.what();
        playing_ = false;
    }
}

bool SimRunner::wait_for_work(std::unique_lock<std::mutex>& lock, Clock::time_point next_due) {
    for (;;) {
        if (quit_) return false;
        if (restart_requested_ || pending_steps_ > 0 || to_next_year_) return true;
        if (playing_ && (rush_ || speed_ <= 0 || Clock::now() >= next_due)) return true;
        if (playing_)
            wake_.wait_until(lock, next_due);
        else
            wake_.wait(lock);
    }
}

void SimRunner::run_loop() {
    std::unique_ptr<Simulation> sim;
    if (start_idle_) {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return quit_ || restart_requested_; });
        if (quit_) return;
    } else {
        Scenario first;
        RunOptions options;
        {
            std::lock_guard lock(mutex_);
            first = scenario_;
            options = options_;
            options_.start_from.reset();  // for this run only (as on a restart, below)
        }
        sim = std::make_unique<Simulation>(data_, first, options);
        publish(*sim, 0);
    }
    auto next_due = Clock::now();
    auto last_publish = Clock::now();
    for (;;) {
        bool paced = false;
        {
            std::unique_lock lock(mutex_);
            if (!wait_for_work(lock, next_due)) return;
            if (restart_requested_) {
                restart_requested_ = false;
                if (pending_scenario_) {
                    scenario_ = std::move(*pending_scenario_);
                    pending_scenario_.reset();
                    published_version_ = scenario_version_;
                }
                if (pending_options_) {
                    options_ = *pending_options_;
                    pending_options_.reset();
                }
                const Scenario scenario = scenario_;
                const RunOptions options = options_;
                // A saved state is for this run only: a restart is from 2021 (and its image, some 110 bytes a
                // resident, is not kept for it).
                options_.start_from.reset();
                lock.unlock();
                sim.reset();  // free the old population before building the new one
                complete_years_.clear();
                sim = std::make_unique<Simulation>(data_, scenario, options);
                ++run_id_;
                publish(*sim, 0);
                continue;
            }
            if (!sim || sim->finished()) {  // (no Simulation yet: an idle runner before its first run)
                playing_ = false;
                rush_ = false;
                pending_steps_ = 0;
                to_next_year_ = false;
                continue;
            }
            if (pending_steps_ > 0) --pending_steps_;
            paced = playing_ && !rush_ && speed_ > 0 && pending_steps_ == 0 && !to_next_year_;
            if (paced)
                next_due = std::max(
                    next_due + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / speed_)),
                    Clock::now());
        }
        // The lock is not held while stepping.
        const auto t0 = Clock::now();
        sim->step();
        const auto t1 = Clock::now();
        bool idle_after;
        {
            std::lock_guard lock(mutex_);
            if (to_next_year_ && month_of_step(sim->current_step()) == 0) to_next_year_ = false;
            idle_after = !playing_ && pending_steps_ == 0 && !to_next_year_;
        }
        const bool year_end = month_of_step(sim->current_step()) == 0;
        if (idle_after || year_end || sim->finished() ||
            std::chrono::duration<double>(t1 - last_publish).count() >= kMinPublishInterval) {
            publish(*sim, std::chrono::duration<double>(t1 - t0).count());
            last_publish = Clock::now();
        }
    }
}

void SimRunner::publish(const Simulation& sim, double step_seconds) {
    const Results& live = sim.results();
    auto snap = std::make_shared<Snapshot>();
    snap->steps_done = sim.current_step();
    snap->end_step = sim.end_step();
    snap->weight = live.weight;
    {
        std::lock_guard lock(mutex_);
        snap->scale = options_.scale;
        snap->seed = options_.seed;
    }
    snap->health = live.health;
    snap->run_id = run_id_;
    snap->scenario_version = published_version_;
    snap->step_seconds = step_seconds;
    const int years = snap->steps_done == 0 ? 0 : (snap->steps_done - 1) / kMonthsPerYear + 1;
    const int complete = snap->steps_done / kMonthsPerYear;
    for (int y = 0; y < years && y < static_cast<int>(live.years.size()); ++y) {
        if (y < static_cast<int>(complete_years_.size())) {
            snap->years.push_back(complete_years_[y]);
            continue;
        }
        auto copy = std::make_shared<const YearCounters>(live.years[y]);
        if (y < complete) complete_years_.push_back(copy);
        snap->years.push_back(std::move(copy));
    }
    snap->labour = live.labour;
    if (sim.finished()) {
        snap->end_population = std::make_shared<const YearCounters>(live.end_population);
        snap->migration = std::make_shared<const MigrationPlan>(sim.migration_plan());
        snap->state = sim.saved_states().empty() ? nullptr : sim.saved_states().front();
    }
    snap->first_step = sim.first_step();
    std::shared_ptr<const Snapshot> old;
    {
        std::lock_guard lock(mutex_);
        old = std::move(snapshot_);
        snapshot_ = std::move(snap);
    }
    // `old` is released here, outside the lock.
}

}  // namespace hhu::viz
