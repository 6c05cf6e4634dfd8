#include "sim/simulation/simulation.hpp"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <span>
#include <stdexcept>
#include <string>

#include "sim/core/error.hpp"
#include "sim/core/groups_in_order.hpp"
#include "sim/core/state_archive.hpp"
#include "sim/demography/migration_alignment.hpp"
#include "sim/health/wellbeing.hpp"
#include "sim/output/stock_tally.hpp"
#include "sim/population/synthesis.hpp"

namespace hhu {

struct Simulation::Parallel {
    tbb::task_arena arena;
    // The months' flows since the last merge; empty from each December's merge to the next month (kept from year to
    // year: a fresh copy each year would fault in a few megabytes per thread).
    tbb::enumerable_thread_specific<YearCounters> counters;
    // The health and wellbeing stocks of 1 January as they are counted (count_residents), added to the counters when
    // a count is done: residents.year's as soon as the year ends (the months' flows wait for December), so that the
    // year in progress reads as it does a month at a time.
    tbb::enumerable_thread_specific<StockTally> stocks;
    // The residents counted by zone and cell ([zone][cell]: Counter::Population's rows), in count_population.
    tbb::enumerable_thread_specific<std::vector<std::int64_t>> residents;
    // Demography's plan of a block of residents.year (run_year), kept from block to block.
    tbb::enumerable_thread_specific<DemographyYear> demography;
    Parallel(int threads, const YearCounters& exemplar, const StockTally& empty)
        : arena(threads > 0 ? threads : tbb::task_arena::automatic), counters(exemplar), stocks(empty) {}
};

// A month of a block of residents, every module in turn (residents.month and residents.year).
struct Simulation::MonthModules {
    DemographyKernel kernel;
    BySexAge<double> remaining_le{};
    const HealthModel* health = nullptr;
    const InterventionEngine* interventions = nullptr;
    const WellbeingModel* wellbeing = nullptr;
    const Rng* rng = nullptr;

    DemographyKernel demography_at(int step) const {
        DemographyKernel demography = kernel;
        demography.step = step;
        demography.remaining_life_expectancy = health ? &remaining_le : nullptr;
        return demography;
    }

    void run(Population& pop, std::size_t begin, std::size_t end, int step, bool flush_accruals, StepEvents& events,
             YearCounters& counters) const {
        if (interventions) interventions->run_block(pop, begin, end, step, *rng, counters);
        demography_at(step).run(pop, begin, end, events, counters);
        after_demography(pop, begin, end, step, flush_accruals, counters);
    }

    // Month `month` (0-11) of a block of residents.year, whose demography sees a resident only when needed (year:
    // begun with demography_at(January).begin_year, ended with demography_at(December).end_year).
    void run_in_year(Population& pop, std::size_t begin, std::size_t end, int step, int month, bool flush_accruals,
                     DemographyYear& year, StepEvents& events, YearCounters& counters) const {
        if (interventions) interventions->run_block(pop, begin, end, step, *rng, counters);
        demography_at(step).run_month(pop, begin, end, month, year, events, counters);
        after_demography(pop, begin, end, step, flush_accruals, counters);
    }

    void after_demography(Population& pop, std::size_t begin, std::size_t end, int step, bool flush_accruals,
                          YearCounters& counters) const {
        // The wellbeing model's month of each resident follows the health model's (whose state it reads; there is no
        // wellbeing model without it), while the resident's columns are at hand.
        if (health) health->run_block(pop, begin, end, step, *rng, flush_accruals, counters, wellbeing);
    }
};

// The children a block of residents.year's mothers bear in the year, in month order and in their mothers' order
// within a month ([month_begin[m], month_begin[m + 1]): month m's), until they join the population in their month.
struct Simulation::Nursery {
    Population children;
    std::array<std::size_t, kMonthsPerYear + 1> month_begin{};

    // Empty, with the columns of `pop` (a nursery is kept from year to year).
    void begin_year(const Population& pop) {
        if (!same_columns(children, pop)) {
            children = Population{};
            children.health.enabled = pop.health.enabled;
            if (pop.interventions) children.set_interventions(pop.enrolment.size());
        }
        children.resize(0);
        month_begin.fill(0);
    }
};

namespace {
// Adds the threads' counters into `into` and leaves them empty (integer sums: the order cannot change a result).
void add_and_empty(tbb::enumerable_thread_specific<YearCounters>& locals, YearCounters& into) {
    for (auto& local : locals) {
        into.add(local);
        local.reset(into.num_zones);
    }
}
void add_and_empty(tbb::enumerable_thread_specific<StockTally>& locals, YearCounters& into) {
    for (auto& local : locals) local.add_into(into);
}
}  // namespace

const char* phase_when_name(PhaseWhen w) {
    switch (w) {
        case PhaseWhen::EveryMonth: return "every month";
        case PhaseWhen::NewYear: return "January";
        case PhaseWhen::YearEnd: return "after December";
        case PhaseWhen::RunEnd: return "at the end";
    }
    return "";
}

// The step plan: the engine runs these in this order (step()), each when it is due. Changing the order
// changes results; the determinism and baseline tests say so.
const std::vector<Phase>& Simulation::step_plan() {
    using W = PhaseWhen;
    static const std::vector<Phase> plan = {
        {"twin.step", W::EveryMonth, "the policy-free twin (scenarios with health interventions only)",
         "the twin's own state", "steps the policy-free run of the same seed first: its January alignment is this "
         "year's migration", &Simulation::step_twin},
        {"population.compact", W::NewYear, "status", "all resident columns",
         "drops the dead and the departed", &Simulation::compact_population},
        {"wellbeing.begin_year", W::NewYear, "residents' health, household and age; the twin's or a handed plan's fit",
         "the year's need for informal care "
         "(and, the first year, the calibration of life satisfaction)", "the need for informal care relative to the first "
         "year; the first year, fits life satisfaction to CBS 84572NED on the population of the day (or takes the fit of "
         "the policy-free twin or of a handed baseline's plan: the same residents, the same bits)",
         &Simulation::wellbeing_begin_year},
        {"output.count_january", W::NewYear, "zone, sex, age, education, health state",
         "the year's stock counters", "counts residents and their health on 1 January (in a run of whole years, "
         "residents.year counts their health and wellbeing, each block before its first month: the phases between "
         "write nothing those count)",
         &Simulation::count_january},
        {"demography.align_migration", W::NewYear, "residents by zone, sex and age; death hazards; register; forecast",
         "arrivals and out-migration multipliers of the year; destination probabilities; migration plan",
         "aligns arrivals and departures to the registered flows or the population forecast (or takes the twin's "
         "or a given baseline's, and counts only the residents of 1 January)", &Simulation::align_migration_phase},
        {"interventions.begin_year", W::NewYear, "scenario, eligible residents, the year's population counts",
         "offers and capacity of the year",
         "sets each programme's offer for the year", &Simulation::interventions_begin_year},
        {"health.environment", W::NewYear, "scenario (environment programmes)", "zones' environment; rates of their "
         "residents (invalidated)", "updates the living environment of zones a programme changes",
         &Simulation::update_environment_phase},
        {"health.begin_year", W::NewYear, "calibration, trends", "the year's health rates",
         "sets the year's risk-factor trends and calibration", &Simulation::health_begin_year},
        {"demography.annual_rates", W::NewYear, "life tables, fertility, migration schedules, health death factors",
         "the month's death, birth and move hazards", "sets this year's demographic rates",
         &Simulation::set_annual_rates},
        {"residents.year", W::NewYear, "every resident column; this year's rates",
         "the columns of the residents of 1 January (mothers' household and parity included); the threads' counters; "
         "the year's stock counters; the year's children, kept in each block's nursery until their month",
         "in a run of whole years (RunOptions::whole_years: the headless commands, the viewer's unwatched runs), each "
         "block of the residents of 1 January lives the year's twelve months while in cache: first "
         "output.count_january's health and wellbeing stocks of the block, then each month residents.month's modules, "
         "then the block's conceptions and deliveries as health.conceptions and demography.newborns would handle them "
         "(the same results)",
         &Simulation::run_year},
        {"residents.month", W::EveryMonth, "every resident column; this year's rates",
         "every resident column; the threads' counters; this month's conceptions and deliveries",
         "per block of residents, while in cache: interventions (offers, enrolment, effects), demography (deaths, "
         "deliveries and conceptions, moves), health (risk factors, conditions, falls, care; accrual of healthy "
         "months, QALYs, DALYs, care hours and costs); after residents.year, the year's newcomers only",
         &Simulation::run_blocks},
        {"health.conceptions", W::EveryMonth, "this month's conceptions", "smoking of mothers-to-be",
         "some smoking mothers-to-be quit (in block order)", &Simulation::conceptions_phase},
        {"demography.newborns", W::EveryMonth, "this month's deliveries; mothers; residents.year's nurseries",
         "new residents; the year's counters",
         "newborns join their mother's zone, education and household; Big2 and neonatal death (after residents.year, "
         "its children of the month first)",
         &Simulation::newborns_phase},
        {"demography.arrivals", W::EveryMonth, "arrivals of the year", "new residents; the year's counters",
         "arrivals from outside the province join their zone, with their health", &Simulation::add_arrivals},
        {"output.merge_counters", W::EveryMonth, "the threads' counters", "the year's results",
         "merges the threads' counters into the year's results (in December, or every month for a viewer)",
         &Simulation::merge_counters},
        {"clock.advance", W::EveryMonth, "step", "step", "the next month", &Simulation::advance_clock},
        {"labour.year_end", W::YearEnd, "the year's care hours; residents on 1 January",
         "the care labour market; the measures' unit costs into the year's intervention costs",
         "advances the care labour market by the year just completed", &Simulation::labour_year_end},
        {"output.end_population", W::RunEnd, "every resident", "the end population",
         "drops the dead and departed and counts the residents on 1 January after the last year",
         &Simulation::count_end_population},
    };
    return plan;
}


Simulation::Simulation(const ModelData& data, const Scenario& scenario, const RunOptions& options)
    : data_(data), scenario_(scenario), options_(options), rng_(options.seed) {
    end_step_ = first_step_of_year(scenario.end_year + 1);
    YearCounters exemplar;
    exemplar.reset(data.num_zones());
    StockTally empty;
    empty.reset(data.num_zones());
    parallel_ = std::make_unique<Parallel>(options.threads, exemplar, empty);
    if (options.start_from) {
        // The residents and the modules' state come from the saved state (start_from, below).
        if (scenario.health.enabled && data.health) {
            health_ = std::make_unique<HealthModel>(data, *data.health);
            pop_.health.enabled = true;
        }
    } else {
        // The residents of 1 January 2021 on the run's threads (each drawn from their own id: the same at any count).
        parallel_->arena.execute([&] {
            pop_ = synthesize_population(data, options.scale, rng_);
            assign_pregnancies_and_parity(pop_, data, scenario.demography.fertility_scale, rng_);
            if (scenario.health.enabled && data.health) {
                health_ = std::make_unique<HealthModel>(data, *data.health);
                health_->initialise(pop_, rng_);
            }
        });
    }
    if (health_) health_->set_bulk_quiet_months(options.bulk_quiet_months);
    if (health_ && data.wellbeing) wellbeing_ = std::make_unique<WellbeingModel>(*data.wellbeing);
    results_.weight = 1.0 / options.scale;
    results_.health = health_ != nullptr;
    if (!scenario.interventions.empty()) {
        // The engine keeps pointers into the scenario's interventions: give it the simulation's own copy.
        interventions_ = std::make_unique<InterventionEngine>(data, scenario_);
        if (interventions_->needs_health() && !health_)
            throw InputError("scenario " + scenario.name +
                             ": its interventions act on health, but the health model is off (health.enabled)");
        if (!options.start_from) pop_.set_interventions(interventions_->size());  // else after the residents are read
        if (health_) health_->set_modifier(interventions_.get());
    }
    if (health_) environment_ = data.health->environment;
    if (health_ && data.labour) {
        // Labour levers come from the scenario's interventions with labour_* effects.
        std::vector<LeverSpec> levers;
        for (const auto& spec : scenario.interventions)
            if (spec.enabled)
                for (const auto& e : spec.effects)
                    if (LabourLevers::is_labour_target(e.target))
                        levers.push_back({e.target, e.relative_risk, spec.start_year, spec.end_year, spec.ramp_up_years, 0.0});
        const auto& l = scenario.labour;
        labour_ = std::make_unique<LabourMarket>(
            *data.labour, LabourLevers::from_specs(levers, kFirstYear, std::max(kFirstYear, scenario.end_year)),
            LabourSupplyOptions{l.inflow_at_published_rates, l.education_intake_trend,
                                l.retirement_follows_pension_age, l.hours_trend});
    }
    results_.years.resize(scenario.end_year - kFirstYear + 1);
    for (auto& y : results_.years) y.reset(data.num_zones());
    results_.end_population.reset(data.num_zones());
    out_multiplier_.assign(static_cast<std::size_t>(data.num_zones()) * kNumSexes * kNumAges, 1.0);
    arrivals_this_year_.assign(data.num_zones(), 0);
    for (int z = 0; z < data.num_zones(); ++z)
        for (const auto& by_age : data.arrival_profile(z))
            arrival_shares_.insert(arrival_shares_.end(), by_age.begin(), by_age.end());
    for (const Phase& phase : step_plan()) profile_.push_back({phase.name});
    plan_.key = migration_plan_key(scenario_, data, options.seed, options.scale);
    if (options.start_from) start_from(*options.start_from);
    options_.start_from.reset();  // read: its image (some 110 bytes a resident) is not kept for the run
    first_step_ = step_;
    if (needs_policy_free_migration() && options.migration_plan) {
        check_migration_plan(*options.migration_plan, plan_.key, "the baseline handed to scenario " + scenario.name);
        // Its key leaves the end year out: a baseline that stops earlier is refused here, not at its first year missing.
        const int last = kFirstYear + static_cast<int>(options.migration_plan->arrivals.size()) - 1;
        if (last < scenario.end_year)
            throw InputError("the baseline handed to scenario " + scenario.name + " ends in " + std::to_string(last) +
                             ", the scenario in " + std::to_string(scenario.end_year) +
                             ": run the baseline to the scenario's end year");
    } else if (needs_policy_free_migration()) {
        Scenario policy_free = scenario_;
        policy_free.interventions.clear();
        RunOptions o = options;
        o.baseline_migration = false;
        o.start_from = nullptr;  // (never here: a run from a state is handed its migration)
        o.save_state_years.clear();
        shadow_ = std::make_unique<Simulation>(data, policy_free, o);
    }
}

int Simulation::first_programme_year(const Scenario& scenario) {
    int first = scenario.end_year + 1;
    for (const auto& spec : scenario.interventions)
        if (spec.enabled) first = std::min(first, spec.start_year);
    return first;
}

SavedState Simulation::save_state() {
    if (month_of_step(step_) != 0 || finished())
        throw std::logic_error("Simulation::save_state: only on 1 January before the year's first month (step " +
                               std::to_string(step_) + ")");
    if (!scenario_.interventions.empty())
        throw std::logic_error("Simulation::save_state: a run with programmes (only a policy-free run's state is saved)");
    StateWriter count;  // the bytes counted first: the image is allocated once
    transfer_state(count);
    SavedState state{plan_.key, current_year(), StateImage(kStateHead + count.position())};
    StateWriter w(state.image.data() + kStateHead, count.position());
    transfer_state(w);
    if (w.position() != count.position()) w.fail("fewer bytes than counted");
    write_state_head(state);
    return state;
}

void Simulation::start_from(const SavedState& state) {
    const std::string source = "the saved state of 1 January " + std::to_string(state.year) +
                               (state.source.empty() ? "" : " (" + state.source + ")");
    if (const std::string why = key_difference(state.key, plan_.key); !why.empty())
        throw InputError(source + " is not of this run's policy-free province: " + why + " (save it from the baseline "
                         "with the same settings, seed, scale and data)");
    const int first = first_programme_year(scenario_);
    if (state.year > first)
        throw InputError(source + " comes after the start of scenario " + scenario_.name + "'s first programme (" +
                         std::to_string(first) + "): save the baseline's state of " + std::to_string(first) +
                         " or earlier, or run with --from-start");
    if (state.year <= kFirstYear || state.year > scenario_.end_year)
        throw InputError(source + ": a run of " + std::to_string(kFirstYear) + "-" + std::to_string(scenario_.end_year) +
                         " starts from a state of 1 January " + std::to_string(kFirstYear + 1) + " to " +
                         std::to_string(scenario_.end_year));
    if (needs_policy_free_migration() && !options_.migration_plan)
        throw InputError(source + ": scenario " + scenario_.name + " follows its baseline's migration: hand the "
                         "baseline's migration plan too (a policy-free twin is not started from a state)");
    StateReader r(state.bytes(), source,
                  state.source.empty() ? "" : "save the baseline's state again, or run with --from-start");
    transfer_state(r);
    if (!r.at_end()) r.fail("more bytes than this build's state");
    if (current_year() != state.year || month_of_step(step_) != 0)
        r.fail("a state of step " + std::to_string(step_) + ", not of 1 January " + std::to_string(state.year));
    if (interventions_) pop_.set_interventions(interventions_->size());
}

template <typename Archive>
void Simulation::transfer_state(Archive& a) {
    constexpr bool kReading = std::is_same_v<Archive, StateReader>;
    a.section("simulation");
    a(step_);
    if constexpr (kReading) pop_.load_state(a);
    else pop_.save_state(a);
    // The results of the years before (the counters of the years to come are empty), and the care labour market's.
    a.section("results");
    int done = current_year() - kFirstYear;
    a(done);
    if (done < 0 || static_cast<std::size_t>(done) > results_.years.size()) a.fail("more years than this run has");
    for (int y = 0; y < done; ++y) {
        YearCounters& c = results_.years[static_cast<std::size_t>(y)];
        a(c.num_zones);
        a.counters(c.counts);
        a.counters(c.internal_moves);
        a.counters(c.exposure_months);
        a.counters(c.deaths_by_age);
        a.counters(c.good_health_months);
        a.counters(c.adult_months);
    }
    a(results_.completed_years);
    a(results_.labour);
    // The year's rates and migration (each January sets them anew; kept whole all the same: the month's rates and the
    // destinations' cumulative rows follow from them), the zones' environment, the province of 1 January for the
    // labour market, and the migration so far.
    a.section("demography");
    a(annual_.death);
    a(annual_.move);
    a(annual_.birth);
    a(destination_p_);
    if constexpr (kReading) {
        rates_ = step_rates(annual_, data_.num_zones());
        destination_cdf_ = cumulative_rows(destination_p_);
    }
    a(out_multiplier_);
    a(arrivals_this_year_);
    a(arrival_shares_);
    a(january_residents_);
    a(environment_);
    a(plan_.arrivals);
    a(plan_.arrival_shares);
    a(plan_.out_multiplier);
    a(plan_.destination_p);
    a(plan_.wellbeing);
    // The modules: a state of a run with the health model (and wellbeing, the labour market) only for such a run.
    bool health = health_ != nullptr, wellbeing = wellbeing_ != nullptr, labour = labour_ != nullptr;
    a(health);
    a(wellbeing);
    a(labour);
    if (health != (health_ != nullptr) || wellbeing != (wellbeing_ != nullptr) || labour != (labour_ != nullptr))
        a.fail("a state of a run with other modules (health, wellbeing, the care labour market)");
    if (health_) health_->transfer_state(a);
    if (wellbeing_) wellbeing_->transfer_state(a);
    if (labour_) labour_->transfer_state(a);
    a.section("end");
}

bool follows_policy_free_twin(const ModelData& data, const Scenario& scenario) {
    return !scenario.interventions.empty() && InterventionEngine(data, scenario).needs_health();
}

bool Simulation::needs_policy_free_migration() const {
    return options_.baseline_migration && interventions_ && interventions_->needs_health();
}

bool Simulation::follows_policy_free_migration() const {
    return scenario_.interventions.empty() || needs_policy_free_migration();
}

Simulation::~Simulation() = default;

int Simulation::lived_to_step() const {
    if (year_residents_ == 0 || month_of_step(step_) == 0) return step_;
    return std::min(end_step_, first_step_of_year(year_of_step(step_) + 1));
}

const Population& Simulation::population() const {
    if (whole_years() && month_of_step(step_) != 0 && !finished())
        throw std::logic_error("Simulation::population() in month " + std::to_string(month_of_step(step_) + 1) +
                               " of a run of whole years: its residents of 1 January have lived the year already "
                               "(RunOptions::whole_years; step months to look at them between months)");
    return pop_;
}

bool Simulation::due(PhaseWhen when) const {
    switch (when) {
        case PhaseWhen::EveryMonth: return true;
        case PhaseWhen::NewYear:
        case PhaseWhen::YearEnd: return month_of_step(step_) == 0;  // before, and after, the clock's advance
        case PhaseWhen::RunEnd: return finished();
    }
    return false;
}

void Simulation::step() {
    if (finished()) return;
    if (month_of_step(step_) == 0 && scenario_.interventions.empty() &&
        std::find(options_.save_state_years.begin(), options_.save_state_years.end(), current_year()) !=
            options_.save_state_years.end())
        saved_.push_back(std::make_shared<const SavedState>(save_state()));
    const auto& plan = step_plan();
    for (std::size_t k = 0; k < plan.size(); ++k) {
        if (!due(plan[k].when)) continue;
        const auto start = std::chrono::steady_clock::now();
        (this->*plan[k].fn)();
        profile_[k].seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        ++profile_[k].calls;
    }
}

void Simulation::step_twin() {
    if (shadow_) shadow_->step();
}

void Simulation::count_population(YearCounters& into, Count what) {
    // In parallel over blocks, each thread into its own rows of residents by zone and cell (and stocks), then summed
    // (integers: exact). Only Counter::Population is counted: the rows of one counter, not the threads' counters of
    // every measure, which a sum and an emptying would read and write whole (3 MB a thread, twice a year).
    const std::size_t n = pop_.size();
    const std::size_t blocks = (n + kBlockSize - 1) / kBlockSize;
    const std::size_t rows = static_cast<std::size_t>(into.num_zones) * kCellsPerZone;
    auto& residents = parallel_->residents;
    auto& stocks = parallel_->stocks;
    parallel_->arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks, 1), [&](const tbb::blocked_range<std::size_t>& r) {
            auto& local = residents.local();
            local.resize(rows, 0);
            auto& local_stocks = stocks.local();
            for (std::size_t b = r.begin(); b != r.end(); ++b)
                count_residents(b * kBlockSize, std::min(n, (b + 1) * kBlockSize), what, local.data(), local_stocks);
        });
    });
    for (auto& local : residents) {
        for (std::size_t k = 0; k < local.size(); ++k)
            into.count(Counter::Population, static_cast<int>(k / kCellsPerZone), static_cast<int>(k % kCellsPerZone)) +=
                local[k];
        std::fill(local.begin(), local.end(), 0);
    }
    if (what != Count::Residents) add_and_empty(stocks, into);  // a count of residents alone tallies no stocks
}

void Simulation::count_residents(std::size_t begin, std::size_t end, Count what, std::int64_t* population,
                                 StockTally& stocks) {
    const bool residents = what != Count::Stocks;
    const bool health = what != Count::Residents && health_, wellbeing = health && wellbeing_;
    if (!residents && !health) return;  // stocks without the health model: none
    for (std::size_t i = begin; i < end; ++i) {
        if (pop_.status[i] != static_cast<std::uint8_t>(Status::Present)) continue;
        const int age = age_in_years(step_, pop_.birth_step[i]);
        const int zone = pop_.zone[i], cell = cell_of(pop_.sex[i], age_group_of(age), pop_.education[i]);
        if (residents) ++population[static_cast<std::size_t>(zone) * kCellsPerZone + static_cast<std::size_t>(cell)];
        if (!health) continue;
        const WellbeingModel::Stocks w = wellbeing ? wellbeing_->stocks(pop_, i, age, rng_, step_) : WellbeingModel::Stocks{};
        stocks.add(zone, cell, health_->stock_bits(pop_, i, age) | w.bits, w.points);
    }
}

void Simulation::compact_population() {
    year_residents_ = 0;  // a new year: no one has lived it yet
    parallel_->arena.execute([&] { pop_.compact(); });
}

void Simulation::count_january() {
    // A run of whole years counts the residents here (interventions.begin_year shares the year's fixed costs by them)
    // and their health and wellbeing in residents.year, each block before its first month while in cache: the phases
    // between write nothing those count.
    count_population(results_.years[current_year() - kFirstYear], whole_years() ? Count::Residents : Count::All);
}

void Simulation::wellbeing_begin_year() {
    if (!wellbeing_) return;
    // In the run's arena: the first year's calibration computes its normal terms on the run's threads.
    parallel_->arena.execute([&] { wellbeing_->begin_year(pop_, step_, policy_free_fit()); });
    if (!plan_.wellbeing) plan_.wellbeing = wellbeing_->calibration();
}

const WellbeingCalibration* Simulation::policy_free_fit() const {
    if (wellbeing_->calibrated()) return nullptr;  // the first year only
    // The twin has stepped this month already (twin.step comes first): its fit is done.
    if (shadow_ && shadow_->plan_.wellbeing) return &*shadow_->plan_.wellbeing;
    // A handed plan's key was checked in the constructor (needs_policy_free_migration: it is this run's).
    if (!shadow_ && needs_policy_free_migration() && options_.migration_plan && options_.migration_plan->wellbeing)
        return &*options_.migration_plan->wellbeing;
    return nullptr;
}

void Simulation::align_migration_phase() { align_migration(current_year()); }

void Simulation::interventions_begin_year() {
    const int year = current_year();
    // In the run's arena: the year's counts of residents run on the run's threads.
    if (interventions_)
        parallel_->arena.execute(
            [&] { interventions_->begin_year(year, pop_, options_.scale, results_.years[year - kFirstYear]); });
}

void Simulation::update_environment_phase() {
    if (health_) update_environment(current_year());
}

void Simulation::health_begin_year() {
    if (health_) health_->begin_year(current_year());
}

void Simulation::set_annual_rates() {
    const int year = current_year();
    const auto factors = death_factors(year);
    annual_ = annual_rates(data_, scenario_.demography, year, out_multiplier_, infant_factor(year),
                           health_ ? &factors : nullptr);
    rates_ = step_rates(annual_, data_.num_zones());
}


std::vector<double> Simulation::age_histogram(std::vector<double>* mortality_rr_sum) const {
    // The residents by zone, sex and age, each cell's in resident order (a stable counting sort on the run's threads):
    // the counts, and the multipliers' sums in the order of one serial pass over the residents (the same bits).
    const std::size_t cells = static_cast<std::size_t>(data_.num_zones()) * kNumSexes * kNumAges;
    std::vector<double> h(cells, 0.0);
    auto cell_of_resident = [&](std::size_t i) {
        if (pop_.status[i] != static_cast<std::uint8_t>(Status::Present)) return cells;  // left out
        return (static_cast<std::size_t>(pop_.zone[i]) * kNumSexes + pop_.sex[i]) * kNumAges +
               static_cast<std::size_t>(age_in_years(step_, pop_.birth_step[i]));
    };
    parallel_->arena.execute([&] {
        if (mortality_rr_sum == nullptr) {  // the counts alone: no residents listed
            const std::vector<std::size_t> size = group_sizes(pop_.size(), cells, cell_of_resident);
            for (std::size_t k = 0; k < cells; ++k) h[k] = static_cast<double>(size[k]);
            return;
        }
        GroupsInOrder& by_cell = by_cell_;  // its memory kept from last year's
        group_in_order(pop_.size(), cells, cell_of_resident, by_cell);
        for (std::size_t k = 0; k < cells; ++k) h[k] = static_cast<double>(by_cell.size(k));
        const auto sums = sum_each_group_in_order<1>(by_cell, [&](std::size_t k) {
            return std::array<double, 1>{static_cast<double>(pop_.mortality_rr[by_cell.entries[k]])};
        });
        mortality_rr_sum->resize(cells);
        for (std::size_t k = 0; k < cells; ++k) (*mortality_rr_sum)[k] = sums[k][0];
    });
    return h;
}

namespace {
// Whether a handed table has n rows of n (the destinations' probabilities: [zone][zone]).
bool square(const std::vector<std::vector<double>>& a, int n) {
    if (a.size() != static_cast<std::size_t>(n)) return false;
    for (const auto& row : a)
        if (row.size() != static_cast<std::size_t>(n)) return false;
    return true;
}
}  // namespace

void Simulation::align_migration(int year) {
    const int zones = data_.num_zones();
    // A run that follows its policy-free twin or a handed baseline's plan takes their migration: only its residents of
    // 1 January are its own (the labour market's supply). The alignment, some 3% of a scenario's run at scale 0.1,
    // would be computed and then replaced.
    const bool own = !shadow_ && !needs_policy_free_migration();
    std::vector<double> rr_sum;
    const std::vector<double> histogram = age_histogram(own ? &rr_sum : nullptr);
    january_residents_ = {};
    for (int z = 0; z < zones; ++z)
        for (int s = 0; s < kNumSexes; ++s)
            for (int a = 0; a < kNumAges; ++a)
                january_residents_[s][a] += histogram[(static_cast<std::size_t>(z) * kNumSexes + s) * kNumAges + a] *
                                            results_.weight;
    if (own) {
        const auto& params = scenario_.demography;
        const std::vector<double> ones(static_cast<std::size_t>(zones) * kNumSexes * kNumAges, 1.0);
        const auto factors = death_factors(year);
        AnnualRates base = annual_rates(data_, params, year, ones, infant_factor(year), health_ ? &factors : nullptr);
        // The residents' own death hazards (their health) enter the expected deaths.
        for (std::size_t k = 0; k < histogram.size(); ++k)
            if (histogram[k] > 0) base.death[k] *= rr_sum[k] / histogram[k];
        const MigrationYear m = align_migration_flows(data_, params, year, options_.scale, base, histogram);
        out_multiplier_ = m.flows.out_multiplier;
        arrival_shares_ = m.flows.arrival_shares;
        destination_p_ = m.destination_p;
        const std::vector<double>& wanted = m.flows.wanted;
        for (int z = 0; z < zones; ++z)
            arrivals_this_year_[z] = sampled_count(
                wanted[z], rng_.uniform(key::ArrivalRounding, static_cast<std::uint32_t>(z), static_cast<std::uint32_t>(year)));
    } else if (shadow_) {
        // Migration is not part of the policy: the policy-free run's arrivals and departure multipliers
        // (identical to this run's own when the interventions have changed no one).
        arrivals_this_year_ = shadow_->arrivals_this_year_;
        arrival_shares_ = shadow_->arrival_shares_;
        out_multiplier_ = shadow_->out_multiplier_;
        destination_p_ = shadow_->destination_p_;
    } else {
        const auto& plan = *options_.migration_plan;
        const std::size_t y = static_cast<std::size_t>(year - kFirstYear);
        // Every year is there (the constructor refuses a plan that ends before the run; a plan read from a file has
        // as many years of each array): only its shape is checked here.
        if (plan.arrivals[y].size() != arrivals_this_year_.size() || plan.arrival_shares[y].size() != arrival_shares_.size() ||
            plan.out_multiplier[y].size() != out_multiplier_.size() || !square(plan.destination_p[y], zones))
            throw InputError("the baseline migration handed to scenario " + scenario_.name + ": its year " +
                             std::to_string(year) + " is not of this province's shape (arrivals of " +
                             std::to_string(plan.arrivals[y].size()) + " zones, destinations from " +
                             std::to_string(plan.destination_p[y].size()) + "; this run has " + std::to_string(zones) +
                             " zones): the plan is damaged, or of other data");
        arrivals_this_year_ = plan.arrivals[y];
        arrival_shares_ = plan.arrival_shares[y];
        out_multiplier_ = plan.out_multiplier[y];
        destination_p_ = plan.destination_p[y];
    }
    destination_cdf_ = cumulative_rows(destination_p_);
    plan_.arrivals.push_back(arrivals_this_year_);
    plan_.arrival_shares.push_back(arrival_shares_);
    plan_.out_multiplier.push_back(out_multiplier_);
    plan_.destination_p.push_back(destination_p_);
}

Simulation::MonthModules Simulation::month_modules() const {
    MonthModules m;
    m.kernel.rates = &rates_;
    m.kernel.destination_cdf = &destination_cdf_;
    m.kernel.data = &data_;
    m.kernel.rng = rng_;
    if (health_) {
        for (int s = 0; s < kNumSexes; ++s)
            for (int a = 0; a < kNumAges; ++a) m.remaining_le[s][a] = health_->remaining_life_expectancy(s, a);
    }
    m.health = health_.get();
    m.interventions = interventions_.get();
    m.wellbeing = wellbeing_.get();
    m.rng = &rng_;
    return m;
}

bool Simulation::counters_merged_after(int step) const {
    // The health model's pending accruals go into the counters whenever merge_counters() merges them.
    return options_.live_counters || month_of_step(step + 1) == 0 || step + 1 >= end_step_;
}

void Simulation::run_year() {
    year_residents_ = 0;
    if (!whole_years()) return;
    const std::size_t n = pop_.size();
    const std::size_t blocks = (n + kYearBlockSize - 1) / kYearBlockSize;
    if (nurseries_.size() < blocks) nurseries_.resize(blocks);
    const MonthModules modules = month_modules();
    auto& counters = parallel_->counters;
    auto& stocks = parallel_->stocks;
    parallel_->arena.execute([&] {
        tbb::parallel_for(
            tbb::blocked_range<std::size_t>(0, blocks, 1),
            [&](const tbb::blocked_range<std::size_t>& range) {
                auto& local = counters.local();
                auto& local_stocks = stocks.local();
                auto& demography = parallel_->demography.local();
                StepEvents events;
                for (std::size_t b = range.begin(); b != range.end(); ++b) {
                    const std::size_t begin = b * kYearBlockSize, end = std::min(n, (b + 1) * kYearBlockSize);
                    Nursery& nursery = nurseries_[b];
                    nursery.begin_year(pop_);
                    count_residents(begin, end, Count::Stocks, nullptr, local_stocks);  // output.count_january's, of the block
                    modules.demography_at(step_).begin_year(pop_, begin, end, demography, local);
                    for (int m = 0; m < kMonthsPerYear; ++m) {  // a run ends with a year (end_step_)
                        const int step = step_ + m;
                        events.mothers.clear();
                        events.conceptions.clear();
                        modules.run_in_year(pop_, begin, end, step, m, counters_merged_after(step), demography, events,
                                            local);
                        handle_year_events(events, step, nursery, local);
                        nursery.month_begin[m + 1] = nursery.children.size();
                    }
                    modules.demography_at(step_ + kMonthsPerYear - 1).end_year(pop_, begin, end, demography, local);
                }
            },
            tbb::simple_partitioner());
    });
    add_and_empty(stocks, results_.years[current_year() - kFirstYear]);
    year_residents_ = n;
    person_steps_ += n * static_cast<std::uint64_t>(kMonthsPerYear);
}

void Simulation::handle_year_events(const StepEvents& events, int step, Nursery& nursery, YearCounters& counters) {
    // As health.conceptions and demography.newborns after the month: each reads and writes only the mother's own
    // columns (and the child's), so a block's may come before the other blocks' month.
    handle_conceptions(events, step);
    if (events.mothers.empty()) return;
    const std::size_t first = nursery.children.size();
    nursery.children.resize(first + events.mothers.size());
    for (std::size_t j = 0; j < events.mothers.size(); ++j)
        add_newborn(events.mothers[j], step, nursery.children, first + j, counters);
}

void Simulation::run_blocks() {
    // After residents.year, only the year's newcomers (newborns and arrivals since January) are left for the month.
    const std::size_t first = year_residents_, n = pop_.size();
    const std::size_t blocks = (n - first + kBlockSize - 1) / kBlockSize;
    std::vector<StepEvents>& events = events_;
    events.assign(blocks, StepEvents{});
    const MonthModules modules = month_modules();
    const bool flush_accruals = counters_merged_after(step_);
    auto& counters = parallel_->counters;
    parallel_->arena.execute([&] {
        tbb::parallel_for(
            tbb::blocked_range<std::size_t>(0, blocks, 1),
            [&](const tbb::blocked_range<std::size_t>& range) {
                auto& local = counters.local();
                for (std::size_t b = range.begin(); b != range.end(); ++b) {
                    const std::size_t begin = first + b * kBlockSize, end = std::min(n, first + (b + 1) * kBlockSize);
                    modules.run(pop_, begin, end, step_, flush_accruals, events[b], local);
                }
            },
            tbb::simple_partitioner());
    });
    person_steps_ += n - first;
}

void Simulation::conceptions_phase() {
    for (const auto& block : events_) handle_conceptions(block, step_);
}

void Simulation::newborns_phase() {
    // The children of the residents of 1 January come before the newcomers' (mothers in the order of the columns).
    if (year_residents_ > 0) join_year_newborns();
    add_newborns(events_);
}

void Simulation::join_year_newborns() {
    const int m = month_of_step(step_);
    const std::size_t blocks = (year_residents_ + kYearBlockSize - 1) / kYearBlockSize;
    for (std::size_t b = 0; b < blocks; ++b) {
        const Nursery& nursery = nurseries_[b];
        if (nursery.month_begin[m + 1] > nursery.month_begin[m])
            pop_.append(nursery.children, nursery.month_begin[m], nursery.month_begin[m + 1]);
    }
}

void Simulation::advance_labour_market(int year) {
    if (!labour_) return;
    const auto& y = results_.years[year - kFirstYear];
    std::array<double, kNumHealthCareKinds> hours{};
    const std::array<Measure, kNumHealthCareKinds> measures = {Measure::CareHoursGp, Measure::CareHoursHomeCare,
                                                                Measure::CareHoursNursingHome,
                                                                Measure::CareHoursMentalHealth};
    for (int k = 0; k < kNumHealthCareKinds; ++k) {
        std::int64_t total = 0;
        for (int z = 0; z < data_.num_zones(); ++z)
            for (int cell = 0; cell < kCellsPerZone; ++cell) total += y.count(measures[k], z, cell);
        hours[k] = static_cast<double>(total) / kAmountScale * results_.weight;
    }
    results_.labour.push_back(labour_->advance_year(year, january_residents_, hours));
    book_lever_unit_costs(results_.labour.back().lever_cost_unit_eur, results_.years[year - kFirstYear]);
}

void Simulation::book_lever_unit_costs(double eur, YearCounters& counters) const {
    // The labour-market measures' published unit costs (data/labour/lever_costs.csv) are programme costs like any
    // other: booked in the year's intervention costs (the measure intervention_cost_eur, which compare and the brief
    // sum as the programmes' costs, the funder's share and the net cost), shared by every resident of 1 January of the
    // province as a programme's yearly cost is (InterventionEngine::book_yearly_cost). A labour programme's fixed
    // yearly cost (its cost_per_year_eur) is booked there by the engine like any programme's, not by the labour market.
    if (eur > 0) counters.share_among_residents(Measure::InterventionCost, eur * options_.scale, [](int) { return true; });
}

void Simulation::update_environment(int year) {
    if (!interventions_) return;
    const auto next = interventions_->environment(year, data_.health->environment);
    std::vector<bool> changed(data_.num_zones(), false);
    bool any = false;
    for (int z = 0; z < data_.num_zones(); ++z) any |= changed[z] = next[z] != environment_[z];
    if (!any) return;
    environment_ = next;
    health_->set_environment(environment_);
    // Residents of zones whose environment changed get their rates recomputed.
    for (std::size_t i = 0; i < pop_.size(); ++i)
        if (changed[pop_.zone[i]]) pop_.health.invalidate_rates_only(i);
}

void Simulation::handle_conceptions(const StepEvents& events, int step) {
    if (!health_) return;
    for (const std::uint32_t mother : events.conceptions) health_->on_conception(pop_, mother, step, rng_);
}

std::vector<double> Simulation::death_factors(int year) const {
    std::vector<double> f(static_cast<std::size_t>(data_.num_zones()) * kNumSexes * kNumAges, 1.0);
    if (!health_) return f;
    for (int z = 0; z < data_.num_zones(); ++z)
        for (int s = 0; s < kNumSexes; ++s)
            for (int a = 0; a < kNumAges; ++a)
                f[(static_cast<std::size_t>(z) * kNumSexes + s) * kNumAges + a] = health_->death_rate_factor(year, z, s, a);
    return f;
}

double Simulation::infant_factor(int year) const {
    return health_ ? 1.0 - health_->neonatal_share_of_infant_mortality(year) : 1.0;
}

void Simulation::add_newborns(const std::vector<StepEvents>& events) {
    // The month's mothers in block order, each child in its slot in that order: every child and its mother are drawn
    // from their own ids (a mother delivers once a month), so the children are added in parallel, each thread
    // counting into its own counters of the month (integers, merged with the month's: the same sums).
    std::vector<std::uint32_t> mothers;
    for (const auto& block : events) mothers.insert(mothers.end(), block.mothers.begin(), block.mothers.end());
    if (mothers.empty()) return;
    const std::size_t first_child = pop_.size();
    pop_.resize(first_child + mothers.size());  // one resize for the month's newborns
    auto& locals = parallel_->counters;
    parallel_->arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, mothers.size(), 64), [&](const tbb::blocked_range<std::size_t>& r) {
            auto& counters = locals.local();
            for (std::size_t j = r.begin(); j != r.end(); ++j) add_newborn(mothers[j], step_, pop_, first_child + j, counters);
        });
    });
}

void Simulation::add_newborn(std::size_t mother, int step, Population& children, std::size_t child,
                             YearCounters& counters) {
    const auto w = rng_.words(key::Newborn, pop_.id[mother], static_cast<std::uint32_t>(step));
    const int sex = Rng::to_unit(w[0]) < data_.male_birth_share ? 0 : 1;
    const int zone = pop_.zone[mother];
    const int edu = pop_.education[mother];
    auto& hh = pop_.household[mother];
    if (hh == static_cast<std::uint8_t>(Household::Alone) || hh == static_cast<std::uint8_t>(Household::Couple)) {
        // Living alone is an input of her health rates (and of her wellbeing's state): recompute them.
        if (health_ && hh == static_cast<std::uint8_t>(Household::Alone)) pop_.health.invalidate_rates(mother);
        pop_.health.invalidate_offers(mother);  // a programme may be for a household of one kind
        hh = static_cast<std::uint8_t>(Household::Parent);
    }
    ++pop_.parity[mother];
    set_resident(children, child, newborn_id(pop_.id[mother], step), rng_, step, step, sex, zone, edu,
                 static_cast<int>(Household::Child));
    ++counters.count(Counter::Births, zone, cell_of(sex, 0, edu));
    if (health_) {
        health_->init_newborn(children, child, rng_, step);
        if (health_->on_birth(pop_, mother, children, child, step, rng_, counters)) {
            children.status[child] = static_cast<std::uint8_t>(Status::Dead);
            ++counters.count(Counter::Deaths, zone, cell_of(sex, 0, edu));
            ++counters.deaths_by_age[counters.age_index(zone, sex, edu, 0)];
        }
    }
}

int Simulation::add_arrival(std::size_t i, ResidentId id, int zone) {
    const auto w = rng_.words(key::Arrival, id, static_cast<std::uint32_t>(step_));
    const auto zone_shares = std::span<const double>(arrival_shares_).subspan(
        static_cast<std::size_t>(zone) * kNumSexes * kNumAges, static_cast<std::size_t>(kNumSexes) * kNumAges);
    const int drawn = draw_category(zone_shares, Rng::to_unit(w[0]));
    const int sex = drawn / kNumAges, age = drawn % kNumAges;
    const int group = age_group_of(age);
    const int edu = draw_category(data_.education[zone][sex][group], Rng::to_unit(w[1]));
    const int hh = draw_category(data_.household[zone][sex][group], Rng::to_unit(w[2]));
    const int age_months = age * kMonthsPerYear + static_cast<int>(w[3] % kMonthsPerYear);
    set_resident(pop_, i, id, rng_, step_, step_ - age_months, sex, zone, edu, hh);
    if (health_) health_->init_arrival(pop_, i, rng_, step_);
    return cell_of(sex, group, edu);
}

void Simulation::add_arrivals() {
    auto& year = results_.years[current_year() - kFirstYear];
    const int month = month_of_step(step_);
    const int zones = data_.num_zones();
    // This month's arrivals of zone z are [first[z], first[z + 1]), zone after zone: their ids are the
    // ones they would get one by one, so each is drawn on its own, in parallel.
    std::vector<std::size_t> first(static_cast<std::size_t>(zones) + 1, 0);
    for (int z = 0; z < zones; ++z) {
        const std::int64_t total = arrivals_this_year_[z];
        const std::int64_t count = (month + 1) * total / kMonthsPerYear - month * total / kMonthsPerYear;
        first[z + 1] = first[z] + static_cast<std::size_t>(count);
    }
    const std::size_t total = first[zones];
    if (total == 0) return;
    const std::size_t base = pop_.size();
    const ResidentId first_id = pop_.next_id;
    pop_.resize(base + total);
    pop_.next_id += total;
    std::vector<int> cells(total);
    parallel_->arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, total, 256), [&](const tbb::blocked_range<std::size_t>& r) {
            int z = static_cast<int>(std::upper_bound(first.begin(), first.end(), r.begin()) - first.begin()) - 1;
            for (std::size_t j = r.begin(); j != r.end(); ++j) {
                while (j >= first[z + 1]) ++z;
                cells[j] = add_arrival(base + j, first_id + j, z);
            }
        });
    });
    for (int z = 0; z < zones; ++z)
        for (std::size_t j = first[z]; j < first[z + 1]; ++j) ++year.count(Counter::Immigration, z, cells[j]);
}

void Simulation::merge_counters() {
    auto& year = results_.years[current_year() - kFirstYear];
    // The threads' counters hold the months since the last merge (integer sums: the order of merging
    // cannot change a result).
    if (!counters_merged_after(step_)) return;
    add_and_empty(parallel_->counters, year);
    if (wellbeing_) wellbeing_->settle_carers(year);
}

void Simulation::advance_clock() { ++step_; }

void Simulation::labour_year_end() {
    advance_labour_market(year_of_step(step_ - 1));
    ++results_.completed_years;
}

void Simulation::count_end_population() {
    parallel_->arena.execute([&] { pop_.compact(); });
    count_population(results_.end_population, Count::All);
}

}  // namespace hhu
