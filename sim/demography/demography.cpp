#include "sim/demography/demography.hpp"

#include <algorithm>
#include <cmath>

namespace hhu {

AnnualRates annual_rates(const ModelData& data, const DemographyParams& params, int year,
                         const std::vector<double>& out_multiplier, double infant_factor,
                         const std::vector<double>* death_factor) {
    const int zones = data.num_zones();
    const int y = std::clamp(year, data.first_year, data.last_year) - data.first_year;
    AnnualRates r;
    const std::size_t n = static_cast<std::size_t>(zones) * kNumSexes * kNumAges;
    r.death.assign(n, 0);
    r.move.assign(n, 0);
    r.birth.assign(static_cast<std::size_t>(zones) * kNumAges, 0);
    for (int z = 0; z < zones; ++z) {
        for (int s = 0; s < kNumSexes; ++s) {
            for (int a = 0; a < kNumAges; ++a) {
                const std::size_t i = (static_cast<std::size_t>(z) * kNumSexes + s) * kNumAges + a;
                r.death[i] = data.mortality[y][s][a] * data.mortality_hr[z] * params.mortality_scale *
                             (a == 0 ? infant_factor : 1.0) * (death_factor ? (*death_factor)[i] : 1.0);
                r.move[i] = data.out_rate[z] * data.migration_profile[s][a] * params.out_migration_scale *
                            out_multiplier[i];
            }
        }
        for (int a = 0; a < kNumAges; ++a)
            r.birth[static_cast<std::size_t>(z) * kNumAges + a] =
                data.fertility[y][a] * data.fertility_factor[z] * params.fertility_scale;
    }
    return r;
}

DemographyRates step_rates(const AnnualRates& annual, int zones) {
    DemographyRates r;
    r.zones = zones;
    auto per_step = [](const std::vector<double>& v) {
        std::vector<float> out(v.size());
        std::transform(v.begin(), v.end(), out.begin(), [](double x) { return static_cast<float>(x * kStepYears); });
        return out;
    };
    r.death = per_step(annual.death);
    r.move = per_step(annual.move);
    // Women are not at risk of conceiving while pregnant (0.75 of a year per birth): the hazard of
    // conception among the non-pregnant is f / (1 - 0.75 f), with f the annual fertility rate.
    r.birth.resize(annual.birth.size());
    std::transform(annual.birth.begin(), annual.birth.end(), r.birth.begin(), [](double f) {
        return static_cast<float>(f / std::max(0.05, 1.0 - 0.75 * f) * kStepYears);
    });
    return r;
}

std::vector<std::vector<double>> destination_probabilities(const ModelData& data,
                                                           const std::vector<double>& zone_population) {
    const int zones = data.num_zones();
    constexpr double kKmPerDegreeLat = 111.2;
    const double km_per_degree_lon = kKmPerDegreeLat * std::cos(52.1 * M_PI / 180.0);
    constexpr double kDistanceOffsetKm = 5.0;
    std::vector<std::vector<double>> p(zones, std::vector<double>(zones, 0.0));
    for (int from = 0; from < zones; ++from) {
        double total = 0;
        for (int to = 0; to < zones; ++to) {
            if (to == from) continue;
            const double dy = (data.zones[to].lat - data.zones[from].lat) * kKmPerDegreeLat;
            const double dx = (data.zones[to].lon - data.zones[from].lon) * km_per_degree_lon;
            const double d = std::sqrt(dx * dx + dy * dy) + kDistanceOffsetKm;
            p[from][to] = zone_population[to] / (d * d);
            total += p[from][to];
        }
        for (int to = 0; to < zones; ++to) p[from][to] = total > 0 ? p[from][to] / total : 0.0;
    }
    return p;
}

std::vector<std::vector<double>> cumulative_rows(const std::vector<std::vector<double>>& p) {
    std::vector<std::vector<double>> c(p.size());
    for (std::size_t from = 0; from < p.size(); ++from) {
        c[from].resize(p[from].size());
        double cum = 0;
        std::size_t last = 0;
        for (std::size_t to = 0; to < p[from].size(); ++to) {
            cum += p[from][to];
            c[from][to] = cum;
            if (p[from][to] > 0) last = to;
        }
        for (std::size_t to = last; to < c[from].size(); ++to) c[from][to] = 1.0;
    }
    return c;
}

void DemographyKernel::run(Population& pop, std::size_t begin, std::size_t end, StepEvents& events,
                           YearCounters& counters) const {
    const auto& r = *rates;
    const auto& cdf = *destination_cdf;
    constexpr auto kPresent = static_cast<std::uint8_t>(Status::Present);
    // The columns read every month, as local pointers: the counters' and the columns' stores cannot then make the
    // compiler load each column's address again for every resident.
    std::uint8_t* const status = pop.status.data();
    const std::int16_t* const birth_step = pop.birth_step.data();
    const std::uint8_t* const sex_of = pop.sex.data();
    const std::uint8_t* const zone_of = pop.zone.data();
    const std::uint8_t* const education = pop.education.data();
    float* const death_budget = pop.death_budget.data();
    float* const move_budget = pop.move_budget.data();
    const float* const mortality_rr = pop.mortality_rr.data();
    const float* const death = r.death.data();
    const float* const move = r.move.data();
    std::int64_t* const exposure = counters.exposure_months.data();
    for (std::size_t i = begin; i < end; ++i) {
        if (status[i] != kPresent) continue;
        const int age = age_of_months(months_lived(step, birth_step[i]));
        const int sex = sex_of[i];
        const int zone = zone_of[i];
        const std::size_t k = r.index(zone, sex, age);
        const int edu = education[i];
        const std::size_t lt = counters.age_index(zone, sex, edu, age);
        ++exposure[lt];

        death_budget[i] -= death[k] * mortality_rr[i];
        if (death_budget[i] <= 0.0f) {
            status[i] = static_cast<std::uint8_t>(Status::Dead);
            const int cell = cell_of(sex, age_group_of(age), edu);
            ++counters.count(Counter::Deaths, zone, cell);
            ++counters.deaths_by_age[lt];
            if (remaining_life_expectancy != nullptr)
                counters.count(Measure::Yll, zone, cell) +=
                    to_amount_units((*remaining_life_expectancy)[sex][age] * kAmountScale);
            continue;
        }
        if (sex == static_cast<int>(Sex::Female)) {
            if (pop.pregnancy[i] > 0) {
                if (--pop.pregnancy[i] == 0) events.mothers.push_back(static_cast<std::uint32_t>(i));
            } else {
                // Conception at the fertility of the age at delivery, nine months on.
                const float h = r.birth[static_cast<std::size_t>(zone) * kNumAges + std::min(age + 1, kMaxAge)];
                if (h > 0.0f) {
                    pop.birth_budget[i] -= h;
                    if (pop.birth_budget[i] <= 0.0f) {
                        events.conceptions.push_back(static_cast<std::uint32_t>(i));
                        pop.pregnancy[i] = kPregnancyMonths;
                        // A programme for pregnancies offers a place in the pregnancy's first month: the programmes must
                        // look at her next month (what she may be offered is otherwise the same).
                        pop.health.invalidate_offers(i);
                        pop.birth_budget[i] += Rng::to_exponential(rng.words(key::Conception, pop.id[i], step)[0]);
                    }
                }
            }
        }
        move_budget[i] -= move[k];
        if (move_budget[i] <= 0.0f) move_or_leave(pop, i, zone, cell_of(sex, age_group_of(age), edu), cdf, counters);
    }
}

void DemographyKernel::move_or_leave(Population& pop, std::size_t i, int zone, int cell,
                                     const std::vector<std::vector<double>>& cdf, YearCounters& counters) const {
    const auto w = rng.words(key::Move, pop.id[i], step);
    pop.move_budget[i] += Rng::to_exponential(w[0]);
    ++counters.count(Counter::Emigration, zone, cell);
    if (Rng::to_unit(w[1]) < data->internal_share[zone]) {
        const auto& c = cdf[zone];
        const int to = static_cast<int>(std::upper_bound(c.begin(), c.end(), Rng::to_unit(w[2])) - c.begin());
        pop.zone[i] = static_cast<std::uint8_t>(to);
        pop.health.invalidate_rates(i);  // zone-specific rates change
        ++counters.count(Counter::Immigration, to, cell);
        for (int a = 0; a < kNumAggregates; ++a)
            if (data->membership[a][zone] && data->membership[a][to]) ++counters.internal(a, cell);
    } else {
        pop.status[i] = static_cast<std::uint8_t>(Status::Left);
    }
}

}  // namespace hhu
