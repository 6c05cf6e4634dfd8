#include "sim/simulation/simulation.hpp"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cmath>

#include "sim/core/error.hpp"
#include "sim/population/synthesis.hpp"

namespace hhu {

struct Simulation::Parallel {
    tbb::task_arena arena;
    tbb::enumerable_thread_specific<YearCounters> counters;
    Parallel(int threads, const YearCounters& exemplar)
        : arena(threads > 0 ? threads : tbb::task_arena::automatic), counters(exemplar) {}
};

std::vector<std::string_view> Simulation::step_plan() {
    return {
        "1. new year (January only): drop the dead and departed, count residents and their health on "
        "1 January, align arrivals and departures to the registered flows or the population forecast, set "
        "this year's rates",
        "2. per block of residents, while it is in cache: interventions (who is offered a place and enrols "
        "this month), demography (deaths, deliveries and conceptions, "
        "moves out of the zone), then health (risk-factor transitions, incidence and remission of chronic "
        "conditions, falls, hip fractures, home care and nursing-home admission; accrual of good-health "
        "months, QALYs, DALYs, care hours and costs)",
        "3. conceptions: some smoking mothers-to-be quit (in block order)",
        "4. newborns join their mother's zone, education and household; Big2 and neonatal death",
        "5. arrivals from outside the province join their zone, with their health",
        "6. record: merge the blocks' counters into the year's results",
    };
}

namespace {

double population_total(const BySexGroup<std::int64_t>& p) {
    double t = 0;
    for (const auto& s : p)
        for (auto n : s) t += static_cast<double>(n);
    return t;
}

// Population forecast for zone z on 1 January of `year`: geometric interpolation between anchors,
// the 2021 table being the first; beyond the last anchor, the last interval's growth rate continues.
double forecast_population(const ModelData& data, int z, int year) {
    std::vector<YearValue> anchors = {{kFirstYear, population_total(data.population_2021[z])}};
    for (const auto& v : data.forecast[z])
        if (v.year > kFirstYear) anchors.push_back(v);
    if (anchors.size() == 1) return anchors[0].value;
    std::size_t i = 1;
    while (i + 1 < anchors.size() && anchors[i].year < year) ++i;
    const auto& a = anchors[i - 1];
    const auto& b = anchors[i];
    const double rate = std::log(b.value / a.value) / (b.year - a.year);
    return a.value * std::exp(rate * (year - a.year));
}

}  // namespace

Simulation::Simulation(const ModelData& data, const Scenario& scenario, const RunOptions& options)
    : data_(data), scenario_(scenario), options_(options), rng_(options.seed) {
    end_step_ = first_step_of_year(scenario.end_year + 1);
    pop_ = synthesize_population(data, options.scale, rng_);
    assign_pregnancies_and_parity(pop_, data, scenario.demography.fertility_scale, rng_);
    if (scenario.health.enabled && data.health) {
        health_ = std::make_unique<HealthModel>(data, *data.health);
        health_->initialise(pop_, rng_);
    }
    results_.weight = 1.0 / options.scale;
    results_.health = health_ != nullptr;
    pop_.in_intervention.assign(pop_.size(), 0);
    if (!scenario.interventions.empty()) {
        // The engine keeps pointers into the scenario's interventions: give it the simulation's own copy.
        interventions_ = std::make_unique<InterventionEngine>(data, scenario_);
        if (interventions_->needs_health() && !health_)
            throw InputError("scenario " + scenario.name +
                             ": its interventions act on health, but the health model is off (health.enabled)");
        pop_.enrolment.assign(interventions_->size(), std::vector<std::int16_t>(pop_.size(), kNotEnrolled));
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
        labour_ = std::make_unique<LabourMarket>(
            *data.labour, LabourLevers::from_specs(levers, kFirstYear, std::max(kFirstYear, scenario.end_year)));
    }
    results_.years.resize(scenario.end_year - kFirstYear + 1);
    for (auto& y : results_.years) y.reset(data.num_zones());
    results_.end_population.reset(data.num_zones());
    out_multiplier_.assign(data.num_zones(), 1.0);
    arrivals_this_year_.assign(data.num_zones(), 0);
    for (const auto& by_age : data.arrival_share) arrival_shares_.insert(arrival_shares_.end(), by_age.begin(), by_age.end());
    YearCounters exemplar;
    exemplar.reset(data.num_zones());
    parallel_ = std::make_unique<Parallel>(options.threads, exemplar);
    if (options.baseline_migration && interventions_ && interventions_->needs_health() && !options.migration_plan) {
        Scenario policy_free = scenario_;
        policy_free.interventions.clear();
        RunOptions o = options;
        o.baseline_migration = false;
        shadow_ = std::make_unique<Simulation>(data, policy_free, o);
    }
}

Simulation::~Simulation() = default;

void Simulation::step() {
    if (finished()) return;
    if (shadow_) shadow_->step();  // first: its January alignment is this year's migration
    if (month_of_step(step_) == 0) begin_year();
    run_demography();
    add_arrivals();
    finish_step();
}

void Simulation::count_population(YearCounters& into) const {
    // In parallel over blocks, each thread into its own counters, then summed (integers: exact).
    const std::size_t n = pop_.size();
    const std::size_t blocks = (n + kBlockSize - 1) / kBlockSize;
    YearCounters exemplar;
    exemplar.reset(data_.num_zones());
    tbb::enumerable_thread_specific<YearCounters> locals(exemplar);
    parallel_->arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks, 1), [&](const tbb::blocked_range<std::size_t>& r) {
            auto& local = locals.local();
            for (std::size_t b = r.begin(); b != r.end(); ++b)
                for (std::size_t i = b * kBlockSize; i < std::min(n, (b + 1) * kBlockSize); ++i) {
                    if (pop_.status[i] != static_cast<std::uint8_t>(Status::Present)) continue;
                    const int age = age_in_years(step_, pop_.birth_step[i]);
                    ++local.count(Counter::Population, pop_.zone[i],
                                  cell_of(pop_.sex[i], age_group_of(age), pop_.education[i]));
                    if (health_) health_->count_stocks(pop_, i, age, local);
                }
        });
    });
    for (const auto& local : locals) into.add(local);
}

void Simulation::begin_year() {
    const int year = current_year();
    parallel_->arena.execute([&] { pop_.compact(); });
    count_population(results_.years[year - kFirstYear]);
    align_migration(year);
    if (interventions_) interventions_->begin_year(year, pop_, options_.scale, results_.years[year - kFirstYear]);
    if (health_) {
        update_environment(year);
        health_->begin_year(year);
    }
    const auto factors = death_factors(year);
    annual_ = annual_rates(data_, scenario_.demography, year, out_multiplier_, infant_factor(year),
                           health_ ? &factors : nullptr);
    rates_ = step_rates(annual_, data_.num_zones());
}

namespace {

// Expected flows of the coming year for residents counted by (zone, sex, age) at its start, from the
// annual hazards with competing risks (a resident who dies or leaves is not at risk any more).
struct ExpectedFlows {
    std::vector<double> residents, births, deaths, departures;
};

ExpectedFlows expected_flows(const std::vector<double>& histogram, const AnnualRates& rates,
                             const std::vector<double>& out_multiplier, int zones) {
    ExpectedFlows f{std::vector<double>(zones, 0), std::vector<double>(zones, 0), std::vector<double>(zones, 0),
                    std::vector<double>(zones, 0)};
    for (int z = 0; z < zones; ++z)
        for (int s = 0; s < kNumSexes; ++s)
            for (int a = 0; a < kNumAges; ++a) {
                const std::size_t k = (static_cast<std::size_t>(z) * kNumSexes + s) * kNumAges + a;
                const double n = histogram[k];
                if (n == 0) continue;
                const double hd = rates.death[k], hm = rates.move[k] * out_multiplier[z];
                const double exit = hd + hm > 0 ? 1.0 - std::exp(-(hd + hm)) : 0.0;
                f.residents[z] += n;
                if (hd + hm > 0) {
                    f.deaths[z] += n * exit * hd / (hd + hm);
                    f.departures[z] += n * exit * hm / (hd + hm);
                }
                if (s == static_cast<int>(Sex::Female))
                    f.births[z] += n * rates.birth[static_cast<std::size_t>(z) * kNumAges + a] * (1.0 - 0.5 * exit);
            }
    return f;
}

// Share of arrivals who die or leave again before the end of the year (arriving on average mid-year).
std::vector<double> arrival_exit_share(const ModelData& data, const AnnualRates& rates,
                                       const std::vector<double>& out_multiplier) {
    const int zones = data.num_zones();
    std::vector<double> exit(zones, 0);
    for (int z = 0; z < zones; ++z)
        for (int s = 0; s < kNumSexes; ++s)
            for (int a = 0; a < kNumAges; ++a) {
                const std::size_t k = (static_cast<std::size_t>(z) * kNumSexes + s) * kNumAges + a;
                exit[z] += data.arrival_share[s][a] *
                           (1.0 - std::exp(-0.5 * (rates.death[k] + rates.move[k] * out_multiplier[z])));
            }
    return exit;
}

}  // namespace

std::vector<double> Simulation::age_histogram(std::vector<double>* mortality_rr_sum) const {
    const std::size_t cells = static_cast<std::size_t>(data_.num_zones()) * kNumSexes * kNumAges;
    std::vector<double> h(cells, 0.0);
    if (mortality_rr_sum) mortality_rr_sum->assign(cells, 0.0);
    for (std::size_t i = 0; i < pop_.size(); ++i)
        if (pop_.status[i] == static_cast<std::uint8_t>(Status::Present)) {
            const std::size_t k = (static_cast<std::size_t>(pop_.zone[i]) * kNumSexes + pop_.sex[i]) * kNumAges +
                                  age_in_years(step_, pop_.birth_step[i]);
            h[k] += 1.0;
            if (mortality_rr_sum) (*mortality_rr_sum)[k] += pop_.mortality_rr[i];
        }
    return h;
}

void Simulation::align_migration(int year) {
    const int zones = data_.num_zones();
    const auto& params = scenario_.demography;
    const std::vector<double> ones(zones, 1.0);
    const auto factors = death_factors(year);
    AnnualRates base = annual_rates(data_, params, year, ones, infant_factor(year), health_ ? &factors : nullptr);
    std::vector<double> rr_sum;
    const std::vector<double> histogram = age_histogram(&rr_sum);
    // The residents' own death hazards (their health) enter the expected deaths.
    for (std::size_t k = 0; k < histogram.size(); ++k)
        if (histogram[k] > 0) base.death[k] *= rr_sum[k] / histogram[k];
    january_residents_ = {};
    for (int z = 0; z < zones; ++z)
        for (int s = 0; s < kNumSexes; ++s)
            for (int a = 0; a < kNumAges; ++a)
                january_residents_[s][a] += histogram[(static_cast<std::size_t>(z) * kNumSexes + s) * kNumAges + a] *
                                            results_.weight;
    out_multiplier_.assign(zones, 1.0);
    ExpectedFlows f = expected_flows(histogram, base, out_multiplier_, zones);
    destination_p_ = destination_probabilities(data_, f.residents);
    destination_cdf_ = cumulative_rows(destination_p_);
    auto internal_inflow = [&](const ExpectedFlows& flows) {
        std::vector<double> in(zones, 0);
        for (int j = 0; j < zones; ++j)
            for (int z = 0; z < zones; ++z)
                in[z] += flows.departures[j] * data_.internal_share[j] * destination_p_[j][z];
        return in;
    };

    // Arrivals wanted per zone (simulated residents). The population follows the forecast path; a
    // zone that is off the path (after the back-cast years, or by chance) returns to it gradually,
    // its relative deviation decaying with a time constant of kConvergenceYears (an assumption).
    constexpr double kConvergenceYears = 2.0;
    std::vector<double> wanted(zones, 0.0);
    if (params.align_migration_to_forecast) {
        const auto inflow = internal_inflow(f);
        const auto exit = arrival_exit_share(data_, base, out_multiplier_);
        for (int z = 0; z < zones; ++z) {
            const double now = forecast_population(data_, z, year) * options_.scale;
            const double deviation = now > 0 ? f.residents[z] / now - 1.0 : 0.0;
            const double target = forecast_population(data_, z, year + 1) * options_.scale *
                                  (1.0 + deviation * std::exp(-1.0 / kConvergenceYears));
            const double gap = target - (f.residents[z] + f.births[z] - f.deaths[z] - f.departures[z] + inflow[z]);
            if (gap >= 0)
                wanted[z] = gap / (1.0 - exit[z]);
            else if (f.departures[z] > 0)
                out_multiplier_[z] = std::min(5.0, 1.0 - gap / f.departures[z]);
        }
    }

    const RegisteredFlows* reg = nullptr;
    if (params.use_registered_migration)
        for (const auto& r : data_.city_register)
            if (r.year == year) reg = &r;
    if (reg != nullptr) {
        // Back-cast: Utrecht city's registered arrivals and departures of this year. Departures set
        // one multiplier on the districts' leaving rates (solved by fixed-point iteration); arrivals
        // from outside the province are the registered arrivals less those expected from its other
        // zones, shared among the districts by how far each is below its forecast path.
        const auto& city = data_.membership[0];
        const double out_registered = (reg->out_domestic + reg->out_international + reg->admin_removals) * options_.scale;
        const double in_registered = (reg->in_domestic + reg->in_international) * options_.scale;
        std::vector<double> to_city(zones, 0.0);
        for (int z = 0; z < zones; ++z)
            for (int t = 0; t < zones; ++t)
                if (city[t]) to_city[z] += destination_p_[z][t];
        double inflow_from_rest = 0;
        for (int z = 0; z < zones; ++z)
            if (!city[z]) inflow_from_rest += f.departures[z] * data_.internal_share[z] * to_city[z];
        const double arrivals = std::max(0.0, in_registered - inflow_from_rest);
        double k = 1.0;
        for (int iteration = 0; iteration < 30; ++iteration) {
            std::vector<double> m(zones, 1.0);
            for (int z = 0; z < zones; ++z)
                if (city[z]) m[z] = k;
            const ExpectedFlows fk = expected_flows(histogram, base, m, zones);
            const auto exit = arrival_exit_share(data_, base, m);
            double leaving = 0, pop_city = 0, arrival_exit = 0;
            for (int z = 0; z < zones; ++z) {
                if (!city[z]) continue;
                leaving += fk.departures[z] * (1.0 - data_.internal_share[z] * to_city[z]);
                pop_city += fk.residents[z];
                arrival_exit += fk.residents[z] * exit[z];
            }
            leaving += arrivals * arrival_exit / pop_city;
            if (leaving <= 0) break;
            k *= out_registered / leaving;
        }
        for (int z = 0; z < zones; ++z)
            if (city[z]) out_multiplier_[z] = k;
        const ExpectedFlows fk = expected_flows(histogram, base, out_multiplier_, zones);
        const auto inflow = internal_inflow(fk);
        double weight_sum = 0, pop_city = 0;
        std::vector<double> weight(zones, 0.0);
        for (int z = 0; z < zones; ++z) {
            if (!city[z]) continue;
            const double expected = fk.residents[z] + fk.births[z] - fk.deaths[z] - fk.departures[z] + inflow[z];
            weight[z] = std::max(0.0, forecast_population(data_, z, year + 1) * options_.scale - expected);
            weight_sum += weight[z];
            pop_city += fk.residents[z];
        }
        for (int z = 0; z < zones; ++z)
            if (city[z]) wanted[z] = arrivals * (weight_sum > 0 ? weight[z] / weight_sum : fk.residents[z] / pop_city);
    }
    for (int z = 0; z < zones; ++z)
        arrivals_this_year_[z] = sampled_count(
            wanted[z], rng_.uniform(Stream::Arrival, static_cast<std::uint32_t>(z), static_cast<std::uint32_t>(year), 1));
    if (shadow_) {
        // Migration is not part of the policy: the policy-free run's arrivals and departure multipliers
        // (identical to the above when the interventions have changed no one).
        arrivals_this_year_ = shadow_->arrivals_this_year_;
        out_multiplier_ = shadow_->out_multiplier_;
    } else if (options_.baseline_migration && options_.migration_plan && interventions_ &&
               interventions_->needs_health()) {
        const auto& plan = *options_.migration_plan;
        const std::size_t y = static_cast<std::size_t>(year - kFirstYear);
        if (y >= plan.arrivals.size() || y >= plan.out_multiplier.size() ||
            plan.arrivals[y].size() != arrivals_this_year_.size())
            throw InputError("the baseline migration handed to scenario " + scenario_.name + " has no year " +
                             std::to_string(year) + " (run the baseline to the scenario's end year first)");
        arrivals_this_year_ = plan.arrivals[y];
        out_multiplier_ = plan.out_multiplier[y];
    }
    plan_.arrivals.push_back(arrivals_this_year_);
    plan_.out_multiplier.push_back(out_multiplier_);
}

void Simulation::run_demography() {
    const std::size_t n = pop_.size();
    const std::size_t blocks = (n + kBlockSize - 1) / kBlockSize;
    std::vector<StepEvents> events(blocks);
    DemographyKernel kernel;
    kernel.rates = &rates_;
    kernel.destination_cdf = &destination_cdf_;
    kernel.data = &data_;
    kernel.rng = rng_;
    kernel.step = step_;
    BySexAge<double> remaining_le{};
    if (health_) {
        for (int s = 0; s < kNumSexes; ++s)
            for (int a = 0; a < kNumAges; ++a) remaining_le[s][a] = health_->remaining_life_expectancy(s, a);
        kernel.remaining_life_expectancy = &remaining_le;
    }
    const HealthModel* health = health_.get();
    const InterventionEngine* interventions = interventions_.get();
    auto& counters = parallel_->counters;
    parallel_->arena.execute([&] {
        tbb::parallel_for(
            tbb::blocked_range<std::size_t>(0, blocks, 1),
            [&](const tbb::blocked_range<std::size_t>& range) {
                auto& local = counters.local();
                for (std::size_t b = range.begin(); b != range.end(); ++b) {
                    const std::size_t begin = b * kBlockSize, end = std::min(n, (b + 1) * kBlockSize);
                    if (interventions) interventions->run_block(pop_, begin, end, step_, rng_, local);
                    kernel.run(pop_, begin, end, events[b], local);
                    if (health) health->run_block(pop_, begin, end, step_, rng_, local);
                }
            },
            tbb::simple_partitioner());
    });
    person_steps_ += n;
    handle_conceptions(events);
    add_newborns(events);
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
        if (changed[pop_.zone[i]]) pop_.health.hazard[i] = -1.0f;
}

void Simulation::handle_conceptions(const std::vector<StepEvents>& events) {
    if (!health_) return;
    for (const auto& block : events)
        for (const std::uint32_t mother : block.conceptions) health_->on_conception(pop_, mother, step_, rng_);
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
    auto& year = results_.years[current_year() - kFirstYear];
    for (const auto& block : events) {
        for (const std::uint32_t mother : block.mothers) {
            const auto w = rng_.words(Stream::Newborn, pop_.id[mother], static_cast<std::uint32_t>(step_));
            const int sex = Rng::to_unit(w[0]) < data_.male_birth_share ? 0 : 1;
            const int zone = pop_.zone[mother];
            const int edu = pop_.education[mother];
            auto& hh = pop_.household[mother];
            if (hh == static_cast<std::uint8_t>(Household::Alone) || hh == static_cast<std::uint8_t>(Household::Couple))
                hh = static_cast<std::uint8_t>(Household::Parent);
            ++pop_.parity[mother];
            const std::size_t child =
                append_resident(pop_, rng_, step_, step_, sex, zone, edu, static_cast<int>(Household::Child));
            ++year.count(Counter::Births, zone, cell_of(sex, 0, edu));
            if (health_) {
                health_->init_newborn(pop_, child, rng_, step_);
                if (health_->on_birth(pop_, mother, child, step_, rng_, year)) {
                    pop_.status[child] = static_cast<std::uint8_t>(Status::Dead);
                    ++year.count(Counter::Deaths, zone, cell_of(sex, 0, edu));
                    ++year.deaths_by_age[year.age_index(zone, sex, edu, 0)];
                }
            }
        }
    }
}

void Simulation::add_arrivals() {
    auto& year = results_.years[current_year() - kFirstYear];
    const int month = month_of_step(step_);
    for (int z = 0; z < data_.num_zones(); ++z) {
        const std::int64_t total = arrivals_this_year_[z];
        const std::int64_t count = (month + 1) * total / kMonthsPerYear - month * total / kMonthsPerYear;
        for (std::int64_t k = 0; k < count; ++k) {
            const auto w = rng_.words(Stream::Arrival, pop_.next_id, static_cast<std::uint32_t>(step_));
            const int drawn = draw_category(arrival_shares_, Rng::to_unit(w[0]));
            const int sex = drawn / kNumAges, age = drawn % kNumAges;
            const int group = age_group_of(age);
            const int edu = draw_category(data_.education[z][sex][group], Rng::to_unit(w[1]));
            const int hh = draw_category(data_.household[z][sex][group], Rng::to_unit(w[2]));
            const int age_months = age * kMonthsPerYear + static_cast<int>(w[3] % kMonthsPerYear);
            const std::size_t i = append_resident(pop_, rng_, step_, step_ - age_months, sex, z, edu, hh);
            if (health_) health_->init_arrival(pop_, i, rng_, step_);
            ++year.count(Counter::Immigration, z, cell_of(sex, group, edu));
        }
    }
}

void Simulation::finish_step() {
    auto& year = results_.years[current_year() - kFirstYear];
    // The threads' counters hold the months since the last merge (integer sums: the order of merging
    // cannot change a result).
    if (options_.live_counters || month_of_step(step_ + 1) == 0 || step_ + 1 >= end_step_)
        for (auto& local : parallel_->counters) {
            year.add(local);
            local.reset(data_.num_zones());
        }
    ++step_;
    if (month_of_step(step_) == 0) {
        advance_labour_market(year_of_step(step_ - 1));
        ++results_.completed_years;
    }
    if (finished()) {
        parallel_->arena.execute([&] { pop_.compact(); });
        count_population(results_.end_population);
    }
}

}  // namespace hhu
