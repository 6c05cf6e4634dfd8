// Demography's month of each resident (DemographyKernel): month by month over a block, or a whole year of a block
// of residents.year, in which a resident is seen only in the months something may happen to them.
#include <algorithm>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "sim/demography/demography.hpp"

namespace hhu {

namespace {
constexpr auto kPresent = static_cast<std::uint8_t>(Status::Present);
constexpr auto kFemale = static_cast<int>(Sex::Female);
}  // namespace

// The columns a month reads and writes, as local pointers: the counters' and the columns' stores cannot then make
// the compiler load each column's address again for every resident.
struct DemographyKernel::Columns {
    std::uint8_t* status;
    const std::int16_t* birth_step;
    const std::uint8_t* sex;
    const std::uint8_t* zone;
    const std::uint8_t* education;
    float* death_budget;
    float* move_budget;
    float* birth_budget;
    std::uint8_t* pregnancy;
    const float* mortality_rr;
    std::int64_t* exposure;

    Columns(Population& pop, YearCounters& counters)
        : status(pop.status.data()), birth_step(pop.birth_step.data()), sex(pop.sex.data()), zone(pop.zone.data()),
          education(pop.education.data()), death_budget(pop.death_budget.data()), move_budget(pop.move_budget.data()),
          birth_budget(pop.birth_budget.data()), pregnancy(pop.pregnancy.data()), mortality_rr(pop.mortality_rr.data()),
          exposure(counters.exposure_months.data()) {}
};

inline void DemographyKernel::month(Population& pop, const Columns& c, std::size_t i, int at, StepEvents& events,
                                    YearCounters& counters) const {
    const auto& r = *rates;
    const int age = age_of_months(months_lived(at, c.birth_step[i]));
    const int sex = c.sex[i];
    const int zone = c.zone[i];
    const auto& rates_of_age = r.lanes[r.index(zone, sex, age)];  // death, conception, move
    const int edu = c.education[i];
    const std::size_t lt = counters.age_index(zone, sex, edu, age);
    ++c.exposure[lt];

    c.death_budget[i] -= rates_of_age[0] * c.mortality_rr[i];
    if (c.death_budget[i] <= 0.0f) {
        c.status[i] = static_cast<std::uint8_t>(Status::Dead);
        const int cell = cell_of(sex, age_group_of(age), edu);
        ++counters.count(Counter::Deaths, zone, cell);
        ++counters.deaths_by_age[lt];
        if (remaining_life_expectancy != nullptr)
            counters.count(Measure::Yll, zone, cell) += to_amount_units((*remaining_life_expectancy)[sex][age] * kAmountScale);
        return;
    }
    if (sex == kFemale) {
        if (c.pregnancy[i] > 0) {
            if (--c.pregnancy[i] == 0) events.mothers.push_back(static_cast<std::uint32_t>(i));
        } else {
            // Conception at the fertility of the age at delivery, nine months on.
            const float h = rates_of_age[1];
            if (h > 0.0f) {
                c.birth_budget[i] -= h;
                if (c.birth_budget[i] <= 0.0f) {
                    events.conceptions.push_back(static_cast<std::uint32_t>(i));
                    c.pregnancy[i] = kPregnancyMonths;
                    // A programme for pregnancies offers a place in the pregnancy's first month: the programmes must
                    // look at her next month (what she may be offered is otherwise the same).
                    pop.health.invalidate_offers(i);
                    c.birth_budget[i] += Rng::to_exponential(rng.words(key::Conception, pop.id[i], at)[0]);
                }
            }
        }
    }
    c.move_budget[i] -= rates_of_age[2];
    if (c.move_budget[i] <= 0.0f) move_or_leave(pop, i, zone, cell_of(sex, age_group_of(age), edu), at, counters);
}

void DemographyKernel::run(Population& pop, std::size_t begin, std::size_t end, StepEvents& events,
                           YearCounters& counters) const {
    const Columns c(pop, counters);
    for (std::size_t i = begin; i < end; ++i)
        if (c.status[i] == kPresent) month(pop, c, i, step, events, counters);
}

void DemographyKernel::move_or_leave(Population& pop, std::size_t i, int zone, int cell, int at,
                                     YearCounters& counters) const {
    const auto w = rng.words(key::Move, pop.id[i], at);
    pop.move_budget[i] += Rng::to_exponential(w[0]);
    ++counters.count(Counter::Emigration, zone, cell);
    if (Rng::to_unit(w[1]) < data->internal_share[zone]) {
        const auto& c = (*destination_cdf)[zone];
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

namespace {
// Of the residents [j, j + 16) of a block: bit b set when resident j + b must be seen in `month` (their plan names it,
// or their mortality multiplier is not the plan's).
inline unsigned seen16(const std::uint8_t* next, const float* mortality_rr, const float* planned_rr, int month) {
#if defined(__SSE2__)
    const __m128i due = _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(next)),
                                       _mm_set1_epi8(static_cast<char>(month)));
    unsigned seen = static_cast<unsigned>(_mm_movemask_epi8(due));
    for (int q = 0; q < 4; ++q) {
        // Not equal (or unordered): as the scalar test `!=`.
        const __m128 changed = _mm_cmpneq_ps(_mm_loadu_ps(mortality_rr + 4 * q), _mm_loadu_ps(planned_rr + 4 * q));
        seen |= static_cast<unsigned>(_mm_movemask_ps(changed)) << (4 * q);
    }
    return seen;
#else
    unsigned seen = 0;
    for (unsigned b = 0; b < 16; ++b)
        if (next[b] == month || mortality_rr[b] != planned_rr[b]) seen |= 1u << b;
    return seen;
#endif
}
}  // namespace

void DemographyKernel::quiet_rates(const Columns& c, std::size_t i, int first_step, int from, float rr,
                                   const YearCounters& counters, QuietRates& q) const {
    const auto& r = *rates;
    const unsigned lived = months_lived(first_step + from, c.birth_step[i]);
    const unsigned years = lived / kMonthsPerYear;
    const int to_birthday = kMonthsPerYear - static_cast<int>(lived - years * kMonthsPerYear);
    q.split = static_cast<std::uint8_t>(std::min(kMonthsPerYear, from + to_birthday));
    const int sex = c.sex[i], zone = c.zone[i];
    // age_of_months of the two parts' months; the second part only if there is one this year.
    const int age = std::min(static_cast<int>(years), kMaxAge);
    const int next_age = q.split < kMonthsPerYear ? std::min(age + 1, kMaxAge) : age;
    const std::size_t k = r.index(zone, sex, age);
    const auto& first = r.lanes[k];
    const auto& second = r.lanes[k + static_cast<std::size_t>(next_age - age)];
    q.death[0] = first[0];
    q.death[1] = second[0];
    // Each lane as month() computes it: the death rate times the multiplier (float times float, rounded before the
    // subtraction: no fused multiply-add, CMakeLists.txt); the conception rate (a resident planned is not pregnant:
    // plan_resident), the move rate and the fourth lane times 1, exactly. A rate of 0 subtracts nothing, as month()
    // subtracts none.
#if defined(__SSE2__)
    const __m128 factors = _mm_setr_ps(rr, 1.0f, 1.0f, 1.0f);
    _mm_storeu_ps(q.part[0], _mm_mul_ps(_mm_loadu_ps(first.data()), factors));
    _mm_storeu_ps(q.part[1], _mm_mul_ps(_mm_loadu_ps(second.data()), factors));
#else
    const float factors[4] = {rr, 1.0f, 1.0f, 1.0f};
    for (int lane = 0; lane < 4; ++lane) {
        q.part[0][lane] = first[static_cast<std::size_t>(lane)] * factors[lane];
        q.part[1][lane] = second[static_cast<std::size_t>(lane)] * factors[lane];
    }
#endif
    const std::size_t exposure = counters.age_index(zone, sex, c.education[i], age);
    q.exposure[0] = static_cast<std::uint32_t>(exposure);
    q.exposure[1] = static_cast<std::uint32_t>(exposure + static_cast<std::size_t>(next_age - age));
}

int DemographyKernel::first_event(const Columns& c, std::size_t i, int from, const QuietRates& q) {
    const int months = kMonthsPerYear - from;
    float death = c.death_budget[i], birth = c.birth_budget[i], move = c.move_budget[i];  // the lanes of QuietRates
    const int last = q.split < kMonthsPerYear ? 1 : 0;
    // No budget can run out in the months left when each exceeds the months' hazards with room for the roundings. A
    // single-precision subtraction's result is off by at most 2^-24 of itself and the budget only falls (rates are
    // not negative), so n <= 12 subtractions from b leave at least b (1 - n 2^-24) - n h_max, which is positive when
    // b (1 - 2^-20) > n h_max holds in single precision too (its two products each off by at most 2^-24 of themselves:
    // the room is 2^-20 - 12 2^-24 = 2^-22 of b; a product or difference in the subnormal range is exact). This
    // assumes rounding to nearest and subnormals kept (the defaults: nothing here sets flush-to-zero). Most residents'
    // year ends here.
#if defined(__SSE2__)
    const __m128 most = _mm_max_ps(_mm_loadu_ps(q.part[0]), _mm_loadu_ps(q.part[last]));
    // The lanes from the columns straight into a register (through memory, the three stores and the wider load after
    // them stall the load: in `perf`, the kernel's costliest instruction).
    const __m128 budgets = _mm_setr_ps(death, birth, move, 0.0f);
    const __m128 room = _mm_mul_ps(budgets, _mm_set1_ps(1.0f - 0x1p-20f));
    const __m128 safe = _mm_cmpgt_ps(room, _mm_mul_ps(_mm_set1_ps(static_cast<float>(months)), most));
    if ((_mm_movemask_ps(safe) & 7) == 7) return kMonthsPerYear;
#else
    const float budget[3] = {death, birth, move};
    bool may_run_out = false;
    for (int lane = 0; lane < 3; ++lane) {
        const float most = std::max(q.part[0][lane], q.part[last][lane]);
        may_run_out |= !(budget[lane] * (1.0f - 0x1p-20f) > static_cast<float>(months) * most);
    }
    if (!may_run_out) return kMonthsPerYear;
#endif
    // The months one by one, as month() tests them.
    for (int month = from; month < kMonthsPerYear; ++month) {
        const auto& h = q.part[month < q.split ? 0 : 1];
        death -= h[0];
        if (death <= 0.0f) return month;
        if (h[1] > 0.0f) {
            birth -= h[1];
            if (birth <= 0.0f) return month;
        }
        move -= h[2];
        if (move <= 0.0f) return month;
    }
    return kMonthsPerYear;
}

void DemographyKernel::live_quiet(const Columns& c, std::size_t i, int from, int to, const QuietRates& q) {
    // The months [from, to), none of which runs a budget out: their subtractions, the lanes side by side (the same
    // single-precision subtractions; a lane whose hazard is 0 is unchanged), and their months of exposure.
    const int split = q.split, first = std::min(to, split), second = std::max(from, split);
#if defined(__SSE2__)
    // In a register, not through memory (first_event).
    __m128 v = _mm_setr_ps(c.death_budget[i], c.birth_budget[i], c.move_budget[i], 0.0f);
    const __m128 h0 = _mm_loadu_ps(q.part[0]), h1 = _mm_loadu_ps(q.part[1]);
    for (int month = from; month < first; ++month) v = _mm_sub_ps(v, h0);
    for (int month = second; month < to; ++month) v = _mm_sub_ps(v, h1);
    c.death_budget[i] = _mm_cvtss_f32(v);
    c.birth_budget[i] = _mm_cvtss_f32(_mm_shuffle_ps(v, v, _MM_SHUFFLE(1, 1, 1, 1)));
    c.move_budget[i] = _mm_cvtss_f32(_mm_shuffle_ps(v, v, _MM_SHUFFLE(2, 2, 2, 2)));
#else
    float b[3] = {c.death_budget[i], c.birth_budget[i], c.move_budget[i]};
    for (int month = from; month < first; ++month)
        for (int lane = 0; lane < 3; ++lane) b[lane] -= q.part[0][lane];
    for (int month = second; month < to; ++month)
        for (int lane = 0; lane < 3; ++lane) b[lane] -= q.part[1][lane];
    c.death_budget[i] = b[0];
    c.birth_budget[i] = b[1];
    c.move_budget[i] = b[2];
#endif
    c.exposure[q.exposure[0]] += std::max(0, first - from);
    if (second < to) c.exposure[q.exposure[1]] += to - second;
}

void DemographyKernel::plan_resident(const Columns& c, std::size_t i, std::size_t j, int first_step, int from,
                                     DemographyYear& year, const YearCounters& counters) const {
    const float rr = c.mortality_rr[i];
    year.from[j] = static_cast<std::uint8_t>(from);
    year.rr[j] = rr;
    int next = kMonthsPerYear;
    if (c.status[i] == kPresent && from < kMonthsPerYear) {
        if (c.pregnancy[i] > 0) {
            next = from;
        } else {
            quiet_rates(c, i, first_step, from, rr, counters, year.quiet[j]);
            next = first_event(c, i, from, year.quiet[j]);
        }
    }
    year.next[j] = static_cast<std::uint8_t>(next);
}

void DemographyKernel::begin_year(Population& pop, std::size_t begin, std::size_t end, DemographyYear& year,
                                  YearCounters& counters) const {
    const Columns c(pop, counters);
    const std::size_t n = end - begin;
    // Rounded up to whole sixteens for run_month's look (the rest: never seen).
    const std::size_t padded = (n + 15) / 16 * 16;
    year.from.resize(padded);
    year.next.resize(padded);
    year.rr.resize(padded);
    year.quiet.resize(padded);
    for (std::size_t j = 0; j < n; ++j) plan_resident(c, begin + j, j, step, 0, year, counters);
    for (std::size_t j = n; j < padded; ++j) {
        year.next[j] = kMonthsPerYear;
        year.rr[j] = 0.0f;
    }
}

void DemographyKernel::run_month(Population& pop, std::size_t begin, std::size_t end, int month, DemographyYear& year,
                                 StepEvents& events, YearCounters& counters) const {
    const Columns c(pop, counters);
    const int first_step = step - month;
    const std::size_t n = end - begin;
    for (std::size_t j0 = 0; j0 < n; j0 += 16) {
        // The multipliers of the last residents of a block that is not whole sixteens: its padding's (0, as planned).
        const float* rr = j0 + 16 <= n ? c.mortality_rr + begin + j0 : nullptr;
        alignas(16) float tail[16];
        if (rr == nullptr) {
            for (std::size_t b = 0; b < 16; ++b) tail[b] = j0 + b < n ? c.mortality_rr[begin + j0 + b] : 0.0f;
            rr = tail;
        }
        for (unsigned seen = seen16(&year.next[j0], rr, &year.rr[j0], month); seen != 0; seen &= seen - 1) {
            const std::size_t j = j0 + static_cast<std::size_t>(__builtin_ctz(seen)), i = begin + j;
            see(pop, c, i, j, first_step, month, year, events, counters);
        }
    }
}

void DemographyKernel::see(Population& pop, const Columns& c, std::size_t i, std::size_t j, int first_step, int month,
                           DemographyYear& year, StepEvents& events, YearCounters& counters) const {
    if (c.status[i] != kPresent) {  // gone in an earlier month: never seen again
        year.next[j] = kMonthsPerYear;
        year.rr[j] = c.mortality_rr[i];
        return;
    }
    // The health model's new mortality multiplier (set after last month's demography) counts from this month on; the
    // months before were lived with the planned one. Only the death budget's months change: the plan goes on.
    const float rr = c.mortality_rr[i];
    if (year.next[j] != month && c.pregnancy[i] == 0) {
        QuietRates& q = year.quiet[j];
        live_quiet(c, i, year.from[j], month, q);
        q.part[0][0] = q.death[0] * rr;
        q.part[1][0] = q.death[1] * rr;
        year.from[j] = static_cast<std::uint8_t>(month);
        year.rr[j] = rr;
        const int next = first_event(c, i, month, q);
        year.next[j] = static_cast<std::uint8_t>(next);
        if (next != month) return;
    } else if (year.from[j] < month) {
        // A pregnant resident's months were all seen (nothing to live); anyone else's quiet months were planned.
        live_quiet(c, i, year.from[j], month, year.quiet[j]);
    }
    this->month(pop, c, i, step, events, counters);
    plan_resident(c, i, j, first_step, month + 1, year, counters);
}

void DemographyKernel::end_year(Population& pop, std::size_t begin, std::size_t end, DemographyYear& year,
                                YearCounters& counters) const {
    // The quiet months each resident still owes the year (after December).
    const Columns c(pop, counters);
    for (std::size_t j = 0, n = end - begin; j < n; ++j) {
        const std::size_t i = begin + j;
        if (c.status[i] == kPresent && year.from[j] < kMonthsPerYear)
            live_quiet(c, i, year.from[j], kMonthsPerYear, year.quiet[j]);
    }
}

}  // namespace hhu
