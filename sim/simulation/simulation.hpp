#pragma once
// A run of the model: the residents, the clock and the recorded results. One call of step() is one
// month: the engine runs the phases of the step plan (step_plan()) in order, each when it is due, and
// times each one (profile()). `hhu plan` prints the plan; `hhu run --profile` and `hhu bench` the times.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "sim/core/groups_in_order.hpp"
#include "sim/core/rng.hpp"
#include "sim/demography/demography.hpp"
#include "sim/health/health_model.hpp"
#include "sim/health/wellbeing.hpp"
#include "sim/interventions/interventions.hpp"
#include "sim/model/model_data.hpp"
#include "sim/simulation/migration_plan.hpp"
#include "sim/simulation/saved_state.hpp"
#include "sim/output/results.hpp"
#include "sim/population/population.hpp"
#include "sim/scenario/scenario.hpp"

namespace hhu {

struct RunOptions {
    double scale = 1.0;       // share of residents simulated; results are weighted back
    int threads = 0;          // 0: all cores
    std::uint64_t seed = 0;   // the scenario's seed, or another (replicates)
    // A scenario with interventions on health takes each year's arrivals from outside the province and
    // its out-migration multipliers from a policy-free run of the same seed, stepped alongside: the
    // alignment to the population forecast would otherwise offset lives saved by fewer arrivals.
    bool baseline_migration = true;
    // The policy-free run's migration, when the caller has it already (the viewer's cached baseline, a
    // batch's baseline row, a baseline's run directory): then no twin is stepped alongside. Its key must
    // be this run's (migration_plan_key: InputError otherwise) and it must hold every year of the run.
    std::shared_ptr<const MigrationPlan> migration_plan;
    // A policy-free run's state on 1 January of a year (Simulation::save_state; sim/simulation/saved_state.hpp): the run
    // starts there instead of from synthesis, with the results of the years before it. Its key must be this run's, and
    // no programme of the scenario may start before its year (InputError otherwise); a scenario that follows a
    // policy-free migration must be handed it too (migration_plan).
    std::shared_ptr<const SavedState> start_from;
    // A run without programmes keeps its states of 1 January of these years as it passes them (saved_states(): hhu run
    // --save-state, a batch plan's baseline rows, the viewer's baselines, whose scenarios' runs start there).
    std::vector<int> save_state_years;
    // Merge the threads' counters into results() every month (a viewer showing the year in progress),
    // or only when a year is complete (faster; the results of complete years are the same).
    bool live_counters = false;
    // Each block of the residents present on 1 January lives the year's twelve months at once, while its columns are
    // in the cache (the phase residents.year), instead of every resident one month at a time: the same results (each
    // resident's month reads only their own columns and the year's rates; tested), the columns read from memory
    // once a year instead of twelve times. Between steps the residents of 1 January are then already in December:
    // for runs nobody looks into before a year is over (the headless commands, the viewer's unwatched runs): then
    // population() is refused mid-year, and results() are those of a month at a time. Off with live_counters (a
    // viewer shows the year in progress).
    bool whole_years = false;
    // The health model's quiet months sixteen residents at a time (sim/health/quiet_month.hpp), or every resident's
    // month one by one: the same results, bit for bit (tests/health/test_quiet_month.cpp compares the two).
    bool bulk_quiet_months = true;
};


class Simulation;
class StockTally;

// Whether a run of `scenario` (with RunOptions::baseline_migration) follows a policy-free twin's
// migration: it has interventions that act on health. Such a run takes a plan keyed like it when one
// is handed over, and steps a twin otherwise.
bool follows_policy_free_twin(const ModelData& data, const Scenario& scenario);

// When a phase of the step plan runs.
enum class PhaseWhen {
    EveryMonth,  // every month
    NewYear,     // in January, before the residents' month
    YearEnd,     // after December, once the clock has passed into the next year
    RunEnd,      // once, after the last month
};
const char* phase_when_name(PhaseWhen w);

// One phase of a step: what it is called (module.action), when it runs, the state it reads and writes
// (declared for the reader and the printout; sim/simulation/simulation.cpp keeps them true), one line on
// what it does, and the function the engine calls.
struct Phase {
    const char* name;
    PhaseWhen when;
    const char* reads;
    const char* writes;
    const char* does;
    void (Simulation::*fn)();
};

// Seconds spent in each phase of the plan so far (in plan order), over all steps of a run.
struct PhaseTime {
    const char* name;
    double seconds = 0;
    int calls = 0;
};

// Residents per block of the parallel loops. Blocks are fixed by data, not by threads, and all
// per-block results are merged in block order: the thread count cannot change a result.
inline constexpr std::size_t kBlockSize = 8192;
// Residents per block of residents.year, which lives twelve months while in cache: the full model's columns take
// some 150-250 bytes a resident, so a block of 2,048 fits a core's 512 KB second-level cache.
inline constexpr std::size_t kYearBlockSize = 2048;
static_assert(kYearBlockSize <= kBlockSize, "a month's block-sized scratch holds a block of residents.year");

class Simulation {
public:
    Simulation(const ModelData& data, const Scenario& scenario, const RunOptions& options);
    ~Simulation();

    void step();
    bool finished() const { return step_ >= end_step_; }
    int current_step() const { return step_; }
    int end_step() const { return end_step_; }
    int current_year() const { return year_of_step(step_); }
    // The step up to which the residents of 1 January have lived: current_step(), or in a run of whole years after
    // January the year's end (residents.year has lived it; what is left of the year are the newcomers' months). For
    // progress bars: it measures the run's work done.
    int lived_to_step() const;

    const Results& results() const { return results_; }
    // The migration this run has used so far (a baseline's, to hand to its scenarios' runs), keyed by
    // its policy-free province.
    const MigrationPlan& migration_plan() const { return plan_; }
    // Whether migration_plan() is the policy-free province's (this run has no interventions, or follows
    // its policy-free twin or a given plan): only then may scenarios take it instead of a twin.
    bool follows_policy_free_migration() const;
    // Whether this run follows a policy-free twin's migration (a twin is stepped, or a plan is taken).
    bool needs_policy_free_migration() const;
    // The residents: between steps of a run of whole years, only in January or at the end (the residents of 1 January
    // have lived the year already; std::logic_error otherwise).
    const Population& population() const;
    const ModelData& data() const { return data_; }
    const Scenario& scenario() const { return scenario_; }
    const HealthModel* health() const { return health_.get(); }
    const WellbeingModel* wellbeing() const { return wellbeing_.get(); }
    const InterventionEngine* interventions() const { return interventions_.get(); }
    HealthModel* health() { return health_.get(); }
    std::uint64_t person_steps() const { return person_steps_; }
    // The annual demographic hazards of the current year (after the run: of its last year), before the
    // step length: the lifetime tail's death rates (sim/simulation/lifetime_tail).
    const AnnualRates& this_years_rates() const { return annual_; }

    // The run's state now (sim/simulation/saved_state.hpp), to start runs of its scenarios from: only between steps on
    // 1 January, before the year's first month, and only of a run without programmes (std::logic_error otherwise).
    // The run goes on unchanged.
    SavedState save_state();
    // The states kept on 1 January of RunOptions::save_state_years that the run has passed, in year order.
    const std::vector<std::shared_ptr<const SavedState>>& saved_states() const { return saved_; }
    // The run's first month: 0, or the January it started from (RunOptions::start_from).
    int first_step() const { return first_step_; }
    // The first year in which a programme of `scenario` acts (its earliest start year; after the end year when it has
    // none).
    static int first_programme_year(const Scenario& scenario);
    // The latest 1 January whose policy-free state a run of `scenario` may start from: its first programme's year, or
    // its last year's.
    static int latest_state_year(const Scenario& scenario) {
        return std::min(first_programme_year(scenario), scenario.end_year);
    }

    // The phases of a step, in the order the engine runs them (printed by `hhu plan`).
    static const std::vector<Phase>& step_plan();
    // Time spent in each phase so far (the policy-free twin's own phases are inside its phase).
    const std::vector<PhaseTime>& profile() const { return profile_; }

private:
    bool due(PhaseWhen when) const;
    // The phases (see step_plan() for what each reads and writes).
    void step_twin();
    void compact_population();
    void count_january();
    void wellbeing_begin_year();
    void align_migration_phase();
    void interventions_begin_year();
    void update_environment_phase();
    void health_begin_year();
    void set_annual_rates();
    void run_year();
    void run_blocks();
    void conceptions_phase();
    void newborns_phase();
    void merge_counters();
    // merge_counters() merges the threads' counters after month `step` (and the health model flushes its accruals).
    bool counters_merged_after(int step) const;
    void advance_clock();
    void labour_year_end();
    void count_end_population();

    // The first year's wellbeing calibration of this run's policy-free province, when this run has it without
    // fitting: from its twin, or from a handed plan (MigrationPlan::wellbeing); null otherwise (then it fits).
    const WellbeingCalibration* policy_free_fit() const;
    void update_environment(int year);
    void advance_labour_market(int year);
    // The labour-market measures' unit costs of a year (euros, the whole province) into its intervention costs.
    void book_lever_unit_costs(double eur, YearCounters& counters) const;
    // What a count of residents counts: the residents present (Counter::Population), their health and wellbeing
    // stocks (which draws and keeps wellbeing's personal terms), or both.
    enum class Count { Residents, Stocks, All };
    void count_population(YearCounters& into, Count what);
    // `population`: Counter::Population's rows ([zone][cell]), counted into when `what` counts residents (else null).
    void count_residents(std::size_t begin, std::size_t end, Count what, std::int64_t* population, StockTally& stocks);
    void align_migration(int year);
    // Present residents by [zone][sex][age]; optionally the sum of their death-hazard multipliers.
    std::vector<double> age_histogram(std::vector<double>* mortality_rr_sum = nullptr) const;
    bool whole_years() const { return options_.whole_years && !options_.live_counters; }
    // The month's work of residents [begin, end) of every module, in the step plan's order, into `events`.
    struct MonthModules;
    MonthModules month_modules() const;
    // Conceptions and deliveries of residents [begin, end) in a month of residents.year, as the monthly phases would
    // handle them: the children into `nursery`.
    struct Nursery;
    void handle_year_events(const StepEvents& events, int step, Nursery& nursery, YearCounters& counters);
    void add_newborns(const std::vector<StepEvents>& events);
    void join_year_newborns();  // this month's children of residents.year's mothers, block by block
    // A mother's delivery at `step`: her side (household, parity) and the child into slot `child` of `children`
    // (the population itself, or a nursery of residents.year).
    void add_newborn(std::size_t mother, int step, Population& children, std::size_t child, YearCounters& counters);
    void handle_conceptions(const StepEvents& events, int step);  // in the order of the columns
    double infant_factor(int year) const;
    std::vector<double> death_factors(int year) const;  // [zone][sex][age]
    void add_arrivals();
    // The state between years (save_state): written by a StateWriter, read by a StateReader (start_from).
    template <typename Archive>
    void transfer_state(Archive& a);
    void start_from(const SavedState& state);
    // Draws arrival `id` into slot i (already allocated) of zone `zone`; returns its cell.
    int add_arrival(std::size_t i, ResidentId id, int zone);

    const ModelData& data_;
    Scenario scenario_;
    RunOptions options_;
    Rng rng_;
    Population pop_;
    Results results_;
    int step_ = 0;
    int first_step_ = 0;
    int end_step_ = 0;
    std::vector<std::shared_ptr<const SavedState>> saved_;  // RunOptions::save_state_years
    std::uint64_t person_steps_ = 0;

    AnnualRates annual_;
    DemographyRates rates_;
    std::vector<std::vector<double>> destination_p_;
    std::vector<std::vector<double>> destination_cdf_;
    std::vector<double> out_multiplier_;           // [zone][sex][age], this year (alignment)
    std::vector<std::int64_t> arrivals_this_year_; // per zone, simulated residents
    std::vector<double> arrival_shares_;           // [zone][sex][age], this year (alignment)

    std::unique_ptr<HealthModel> health_;
    std::unique_ptr<WellbeingModel> wellbeing_;  // with the health model, when data/wellbeing/ was loaded
    std::unique_ptr<InterventionEngine> interventions_;
    std::unique_ptr<LabourMarket> labour_;
    LabourMarket::Residents january_residents_{};  // the province on 1 January of the current year
    mutable GroupsInOrder by_cell_;  // age_histogram's grouping, its memory kept from one January to the next
    std::vector<std::array<double, 3>> environment_;  // the zones' living environment this year
    struct Parallel;
    std::unique_ptr<Parallel> parallel_;
    MigrationPlan plan_;                 // this run's own migration, year by year
    std::unique_ptr<Simulation> shadow_;  // the policy-free run whose migration this one follows (or null)
    std::vector<StepEvents> events_;      // this month's conceptions and deliveries, per block
    // Residents [0, year_residents_) have lived the current year already (residents.year); residents.month steps the
    // year's newcomers after them. 0 in a run that steps months.
    std::size_t year_residents_ = 0;
    std::vector<Nursery> nurseries_;  // per block of residents.year: its mothers' children of the year, month by month
    std::vector<PhaseTime> profile_;      // [phase of step_plan()]
};

}  // namespace hhu
