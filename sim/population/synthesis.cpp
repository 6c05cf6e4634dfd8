#include "sim/population/synthesis.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "sim/core/error.hpp"
#include "sim/core/parallel.hpp"

namespace hhu {

std::int64_t sampled_count(double expected, double u) {
    if (expected <= 0) return 0;
    const double whole = std::floor(expected);
    return static_cast<std::int64_t>(whole) + (u < expected - whole ? 1 : 0);
}

std::size_t append_resident(Population& pop, const Rng& rng, int step, int birth_step, int sex, int zone,
                            int education, int household) {
    const std::size_t i = pop.size();
    pop.resize(i + 1);
    set_resident(pop, i, pop.next_id++, rng, step, birth_step, sex, zone, education, household);
    return i;
}

void set_resident(Population& pop, std::size_t i, ResidentId id, const Rng& rng, int step, int birth_step, int sex,
                  int zone, int education, int household) {
    pop.id[i] = id;
    pop.birth_step[i] = static_cast<std::int16_t>(birth_step);
    pop.sex[i] = static_cast<std::uint8_t>(sex);
    pop.zone[i] = static_cast<std::uint8_t>(zone);
    pop.education[i] = static_cast<std::uint8_t>(education);
    pop.household[i] = static_cast<std::uint8_t>(household);
    pop.status[i] = static_cast<std::uint8_t>(Status::Present);
    const auto w = rng.words(key::InitialBudgets, id, static_cast<std::uint32_t>(step));
    pop.death_budget[i] = Rng::to_exponential(w[0]);
    pop.move_budget[i] = Rng::to_exponential(w[1]);
    pop.birth_budget[i] = Rng::to_exponential(w[2]);
    pop.mortality_rr[i] = 1.0f;
    pop.pregnancy[i] = 0;
    pop.parity[i] = 0;
    if (pop.interventions) {
        for (auto& column : pop.enrolment) column[i] = kNotEnrolled;
        for (auto& column : pop.offer_month) column[i] = kOfferUndrawn;
        pop.offer_drawn[i] = 0;
        pop.offer_wake[i] = kNoOfferWake;
        pop.engine_wake[i] = 0;  // seen in their first month
        pop.standing_offers[i] = 0;  // computed when first seen (the health model's first rates mark it stale)
        pop.in_intervention[i] = 0;
    }
}

namespace {

// Ages within the open group 95+: proportional to survivorship l(x) of the 2021 life table
// (a stationary-population approximation; the group is about 0.2% of residents).
std::array<double, kNumAges> oldest_age_weights(const ModelData& data, int sex) {
    std::array<double, kNumAges> w{};
    double l = 1.0;
    for (int a = 95; a <= kMaxAge; ++a) {
        w[a] = l;
        l *= std::exp(-data.mortality[0][sex][a]);
    }
    return w;
}

}  // namespace

Population synthesize_population(const ModelData& data, double scale, const Rng& rng) {
    // Written so that NaN fails too: a NaN scale would turn into an unbounded count of residents.
    if (!(scale > 0 && scale <= 1)) throw InputError("scale must be a number above 0 and at most 1, got " + std::to_string(scale));
    Population pop;
    std::int64_t total = 0;
    for (const auto& zone : data.population_2021)
        for (const auto& by_group : zone)
            for (auto n : by_group) total += n;
    // Room for the largest population of the run, so that the columns are never moved as it grows: the province's
    // largest forecast (data.forecast: each zone's largest anchor), plus a year's arrivals and newborns, who share the
    // columns with the year's departed and dead until January's compaction (an engineering margin, not a model
    // number: a run that outgrows it has its columns grown as before).
    double forecast = 0;
    for (const auto& anchors : data.forecast) {
        double zone_largest = 0;
        for (const auto& v : anchors) zone_largest = std::max(zone_largest, v.value);
        forecast += zone_largest;
    }
    const double largest = std::max(static_cast<double>(total), forecast);
    constexpr double kYearOfArrivalsMargin = 1.10;
    pop.reserve(static_cast<std::size_t>(largest * std::min(1.0, scale) * kYearOfArrivalsMargin) + 1024);

    // First the count of each cell (zone, sex, age group; its rounding drawn by cell), then every resident at once:
    // resident k of a cell is numbered after the cells before it, and each is drawn from its own id, so the residents
    // are filled in parallel and are the same at any thread count (and the same as when appended one by one).
    std::vector<std::int64_t> first_of_cell(1, 0);
    for (int z = 0, cell = 0; z < data.num_zones(); ++z)
        for (int s = 0; s < kNumSexes; ++s)
            for (int g = 0; g < kNumAgeGroups; ++g, ++cell)
                first_of_cell.push_back(first_of_cell.back() +
                                        sampled_count(static_cast<double>(data.population_2021[z][s][g]) * scale,
                                                      rng.uniform(key::SynthesisRounding, static_cast<std::uint32_t>(cell), 0)));
    const auto residents = static_cast<std::size_t>(first_of_cell.back());
    pop.resize(residents);
    pop.next_id = residents;
    // The single ages of the open group 95+, by sex: their shares of it.
    std::array<std::array<double, kNumAges - 95>, kNumSexes> oldest_shares{};
    for (int s = 0; s < kNumSexes; ++s) {
        const auto oldest = oldest_age_weights(data, s);
        double sum = 0;
        for (int a = 95; a <= kMaxAge; ++a) sum += oldest[a];
        for (int a = 95; a <= kMaxAge; ++a) oldest_shares[s][a - 95] = oldest[a] / sum;
    }
    const std::size_t cells = first_of_cell.size() - 1;
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, cells), [&](const tbb::blocked_range<std::size_t>& range) {
        for (std::size_t cell = range.begin(); cell != range.end(); ++cell) {
            const int z = static_cast<int>(cell / (kNumSexes * kNumAgeGroups));
            const int s = static_cast<int>(cell / kNumAgeGroups % kNumSexes), g = static_cast<int>(cell % kNumAgeGroups);
            const auto& edu = data.education[z][s][g];
            const auto& hh = data.household[z][s][g];
            for (auto i = static_cast<std::size_t>(first_of_cell[cell]); i < static_cast<std::size_t>(first_of_cell[cell + 1]); ++i) {
                const auto id = static_cast<ResidentId>(i);
                const auto w = rng.words(key::SynthesisAge, id, 0);
                int age_months;
                if (g + 1 < kNumAgeGroups) {
                    age_months = age_group_lower(g) * kMonthsPerYear + static_cast<int>(w[0] % (5 * kMonthsPerYear));
                } else {
                    const int age = 95 + draw_category(oldest_shares[s], Rng::to_unit(w[0]));
                    age_months = age * kMonthsPerYear + static_cast<int>(w[3] % kMonthsPerYear);
                }
                set_resident(pop, i, id, rng, 0, -age_months, s, z, draw_category(edu, Rng::to_unit(w[1])),
                             draw_category(hh, Rng::to_unit(w[2])));
            }
        }
    });
    return pop;
}

void assign_pregnancies_and_parity(Population& pop, const ModelData& data, double fertility_scale, const Rng& rng) {
    // Women pregnant on 1 January 2021: probability 0.75 f(age+1) (nine months of next year's births),
    // months to delivery uniform 1-9, with the zone's fertility factor and the scenario's scale.
    // Parity: Poisson with the cumulative 2021 fertility up to her age
    // (a period approximation of completed cohort fertility: assumption A-PARITY-2021).
    // Each woman from her own draws: in parallel.
    const auto& f = data.fertility[0];
    for_each_resident(pop.size(), [&](std::size_t i) {
        if (pop.sex[i] != static_cast<std::uint8_t>(Sex::Female)) return;
        const int age = age_in_years(0, pop.birth_step[i]);
        const auto w = rng.words(key::InitialPregnancy, pop.id[i], 0);
        const double p = 0.75 * f[std::min(age + 1, kMaxAge)] * data.fertility_factor[pop.zone[i]] * fertility_scale;
        if (p > 0 && Rng::to_unit(w[0]) < p) pop.pregnancy[i] = static_cast<std::uint8_t>(1 + w[1] % 9);
        double mean = 0;
        for (int a = 0; a < std::min(age, 50); ++a) mean += f[a];
        // Poisson by inversion.
        const double u = Rng::to_unit(w[2]);
        double term = std::exp(-mean), cum = term;
        int k = 0;
        while (u > cum && k < 15) {
            ++k;
            term *= mean / k;
            cum += term;
        }
        pop.parity[i] = static_cast<std::uint8_t>(k);
    });
}

}  // namespace hhu
