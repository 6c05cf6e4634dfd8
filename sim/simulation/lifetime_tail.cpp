#include "sim/simulation/lifetime_tail.hpp"

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cmath>

#include "sim/core/error.hpp"
#include "sim/output/indicators.hpp"
#include "sim/simulation/simulation.hpp"

namespace hhu {

namespace {

// The survivors are split into this many chunks whatever the thread count, each summed on its own and
// the chunks merged in order: the tail does not depend on the threads.
constexpr int kChunks = 16;

enum TailIndicator { LifeYears, Qalys, HealthyYears, Cost, CareHours, CareFirst };

// The measures the health model accrues for the tail's indicators (CareFirst + kind: care hours by kind,
// kCareHourKinds order).
constexpr std::array<Measure, 4> kCareMeasures = {Measure::CareHoursGp, Measure::CareHoursHomeCare,
                                                  Measure::CareHoursNursingHome, Measure::CareHoursMentalHealth};

// A year's accruals of one state, read back from (and cleared in) scratch counters.
std::array<double, kNumTailIndicators> year_in_state(const HealthModel& health, const Population& pop, std::size_t i,
                                                     int age, YearCounters& scratch) {
    health.accrue_year(pop, i, age, scratch);
    const int zone = pop.zone[i];
    const int cell = cell_of(pop.sex[i], age_group_of(age), pop.education[i]);
    auto take = [&](Measure m) {
        std::int64_t& c = scratch.count(m, zone, cell);
        const double v = static_cast<double>(c) / kAmountScale;
        c = 0;
        return v;
    };
    std::array<double, kNumTailIndicators> v{};
    v[LifeYears] = 1;
    v[Qalys] = take(Measure::Qalys);
    v[HealthyYears] = take(Measure::HealthyYears);
    v[Cost] = take(Measure::CostEur);
    for (int k = 0; k < 4; ++k) {
        v[CareFirst + k] = take(kCareMeasures[k]);
        v[CareHours] += v[CareFirst + k];
    }
    return v;
}

// One survivor's expected flows, added to `into` (unweighted).
void follow(const Simulation& sim, std::size_t i, int start_age, YearCounters& scratch, LifetimeTail& into) {
    const Population& pop = sim.population();
    const AnnualRates& rates = sim.this_years_rates();
    const auto& health = *sim.health();
    const int zone = pop.zone[i], sex = pop.sex[i], edu = pop.education[i];
    const double rr = pop.mortality_rr[i];
    double alive = 1;  // S(t): the chance of being alive on 1 January of year t
    for (int t = 0; t < kTailYears && alive > 1e-12; ++t) {
        const int age = std::min(start_age + t, kMaxAge);
        const double h = rates.death[(static_cast<std::size_t>(zone) * kNumSexes + sex) * kNumAges + age] * rr;
        const double years = h > 1e-12 ? alive * (1 - std::exp(-h)) / h : alive;
        const auto flows = year_in_state(health, pop, i, age, scratch);
        for (int k = 0; k < kNumTailIndicators; ++k) into.at(t, zone, edu, k) += years * flows[k];
        alive *= std::exp(-h);
    }
}

}  // namespace

LifetimeTail lifetime_tail(const Simulation& sim, int threads) {
    if (!sim.finished()) throw InputError("the lifetime tail needs a finished run");
    if (sim.health() == nullptr)
        throw InputError("the lifetime tail needs the health model (scenario " + sim.scenario().name +
                         " has health.enabled false)");
    const ModelData& data = sim.data();
    const Population& pop = sim.population();
    LifetimeTail tail;
    tail.first_year = sim.scenario().end_year + 1;
    tail.zones = data.num_zones();
    tail.weight = sim.results().weight;
    const std::size_t size = static_cast<std::size_t>(kTailYears) * tail.zones * 3 * kNumTailIndicators;
    std::vector<LifetimeTail> chunks(kChunks, tail);
    for (auto& c : chunks) c.values.assign(size, 0.0);
    const std::size_t n = pop.size();
    const int step = sim.current_step();
    tbb::task_arena arena(threads > 0 ? threads : tbb::task_arena::automatic);
    arena.execute([&] {
        tbb::parallel_for(0, kChunks, [&](int c) {
            YearCounters scratch;
            scratch.reset(data.num_zones());
            const std::size_t begin = n * c / kChunks, end = n * (c + 1) / kChunks;
            for (std::size_t i = begin; i < end; ++i)
                if (pop.status[i] == static_cast<std::uint8_t>(Status::Present)) follow(sim, i, age_in_years(step, pop.birth_step[i]), scratch, chunks[c]);
        });
    });
    tail.values.assign(size, 0.0);
    for (const auto& c : chunks)
        for (std::size_t k = 0; k < size; ++k) tail.values[k] += c.values[k];
    for (double& v : tail.values) v *= tail.weight;
    return tail;
}

std::string lifetime_csv(const LifetimeTail& tail, const ModelData& data) {
    const auto units = reporting_units(data);
    auto in_unit = [&](const ReportingUnit& u, int z) { return u.zone >= 0 ? u.zone == z : data.membership[u.aggregate][z]; };
    auto sum = [&](const ReportingUnit& u, int year, int edu, int k) {
        double s = 0;
        for (int z = 0; z < tail.zones; ++z)
            if (in_unit(u, z))
                for (int e = 0; e < 3; ++e)
                    if (edu < 0 || edu == e) s += tail.at(year, z, e, k);
        return s;
    };
    const ReportingUnit& province = units.back();
    int years = 0;
    while (years < kTailYears && sum(province, years, -1, LifeYears) > 0.01) ++years;
    std::string out = "year,zone,sex,age_group,education,indicator,value\n";
    for (int y = 0; y < years; ++y)
        for (const auto& u : units)
            for (int edu = -1; edu < 3; ++edu)
                for (int k = 0; k < kNumTailIndicators; ++k) {
                    out += std::to_string(tail.first_year + y) + "," + u.code + ",all,all," +
                           (edu < 0 ? std::string("all") : std::string(kEducationNames[edu])) + "," +
                           kTailIndicators[k] + "," + format_value(sum(u, y, edu, k)) + "\n";
                }
    return out;
}

}  // namespace hhu
