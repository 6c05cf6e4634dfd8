// Demography's year of a block (DemographyKernel::begin_year, run_month, end_year) against the same twelve months run
// one by one (DemographyKernel::run): the same budgets, statuses, zones and pregnancies bit for bit, the same counters
// and the same mothers and conceptions in each month. The residents' budgets are set a few roundings either side of
// running out in each month of the year, where the year form's test that a budget cannot run out is tightest, and the
// mortality multipliers change between months as the health model changes them.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "../support.hpp"
#include "sim/demography/demography.hpp"

using namespace hhu;

namespace {

constexpr int kFirstStep = 36;  // January 2024
constexpr float kDeath = 0.0123f, kMove = 0.0371f, kBirth = 0.0517f;

DemographyRates rates_of(int zones) {
    const std::size_t n = static_cast<std::size_t>(zones) * kNumSexes * kNumAges;
    std::vector<float> death(n), move(n), birth(static_cast<std::size_t>(zones) * kNumAges, 0.0f);
    for (int z = 0; z < zones; ++z)
        for (int s = 0; s < kNumSexes; ++s)
            for (int a = 0; a < kNumAges; ++a) {
                // Rates that change with every age (a birthday changes each budget's subtraction), zone and sex.
                const std::size_t k = (static_cast<std::size_t>(z) * kNumSexes + s) * kNumAges + a;
                const float place = (1.0f + static_cast<float>(z) / 64.0f) * (s == 1 ? 1.125f : 1.0f);
                death[k] = kDeath * (1.0f + static_cast<float>(a) / 64.0f) * place;
                move[k] = kMove * (1.0f + static_cast<float>(a % 7) / 8.0f) * place;
            }
    for (int z = 0; z < zones; ++z)
        for (int a = 15; a <= 49; ++a)
            birth[static_cast<std::size_t>(z) * kNumAges + a] =
                kBirth * (a % 2 == 0 ? 1.0f : 0.5f) * (1.0f + static_cast<float>(z) / 32.0f);
    return DemographyRates::of(zones, death, move, birth);
}

// Resident i's one change of mortality multiplier, for the residents who have one (i % 6 == 5): after month
// `changed_after` (as the health model changes it, after demography's month), to 1.25 times the first.
bool scheduled(std::size_t i) { return i % 6 == 5; }
int changed_after(std::size_t i) { return static_cast<int>(i % 11); }

// The hazard resident i's budget `budget` (0 death, 1 move, 2 birth) is used up by in month m of the year, as the
// month computes it (with the multiplier `rr`).
float hazard(const DemographyRates& r, const Population& pop, std::size_t i, int budget, int m, float rr) {
    const int age = age_of_months(months_lived(kFirstStep + m, pop.birth_step[i]));
    const auto& row = r.lanes[r.index(pop.zone[i], pop.sex[i], age)];  // death, conception, move
    if (budget == 0) return row[0] * rr;
    if (budget == 1) return row[2];
    return row[1];
}

Population residents(const DemographyRates& r, int zones) {
    Population pop;
    const int n = 12 * 3 * 5 * 2 * 2 + 37;  // months x budgets x edges x sexes x two birthdays, and a ragged last sixteen
    pop.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const std::size_t u = static_cast<std::size_t>(i);
        pop.id[u] = static_cast<ResidentId>(1000 + i);
        // Ages 20-45 (fertile), half with their birthday in January (the same hazards all year), the others' in every
        // month; some 110 and older (past the oldest age, 105), some who turn 105 during the year.
        int birthday = (i / 360) % 2 == 0 ? 0 : (i / 7) % 12, age = 20 + i % 26;
        if (i % 50 == 0) age += 90;
        if (i % 50 == 25) age = 104, birthday = 1 + i % 11;
        pop.birth_step[u] = static_cast<std::int16_t>(kFirstStep - 12 * age + birthday);
        pop.sex[u] = static_cast<std::uint8_t>(i % 2);
        pop.zone[u] = static_cast<std::uint8_t>(i % zones);
        pop.education[u] = static_cast<std::uint8_t>(i % kNumEducation);
        pop.household[u] = 0;
        pop.status[u] = static_cast<std::uint8_t>(Status::Present);
        pop.death_budget[u] = 5.0f;
        pop.move_budget[u] = 5.0f;
        pop.birth_budget[u] = 5.0f;
        pop.mortality_rr[u] = i % 3 == 0 ? 1.0f : 0.75f + static_cast<float>(i % 5) / 8.0f;
        // Some women pregnant on 1 January, in every month of the pregnancy.
        const bool pregnant = pop.sex[u] == static_cast<std::uint8_t>(Sex::Female) && (i / 2) % 23 == 0;
        pop.pregnancy[u] = static_cast<std::uint8_t>(pregnant ? 1 + (i / 46) % 9 : 0);
        pop.parity[u] = 0;
        // One budget near its edge: the sum of the hazards of its first `months` months (with the multiplier of each
        // month), moved a few representable floats up or down. 12 months is where the year form's test that no budget
        // can run out this year is tightest; after a scheduled change of multiplier, 11 - changed_after months are.
        const int months = 1 + (i / 2) % 12, ulps = ((i / 72) % 5 - 2) * (1 + i % 7);
        const int budget = scheduled(u) ? 0 : (i / 24) % 3;
        const float rr = pop.mortality_rr[u];
        float b = 0.0f;
        for (int m = 0; m < months; ++m)
            b += hazard(r, pop, u, budget, m, scheduled(u) && m > changed_after(u) ? rr * 1.25f : rr);
        for (int step = 0; step < std::abs(ulps); ++step) b = std::nextafter(b, ulps > 0 ? 1e9f : 0.0f);
        (budget == 0 ? pop.death_budget : budget == 1 ? pop.move_budget : pop.birth_budget)[u] = b;
    }
    return pop;
}

// The health model's changes of mortality multiplier after month m: the scheduled ones; and a third of the others,
// women and men, each in a third of the months (some back to a value they had).
void change_multipliers(Population& pop, int m) {
    for (std::size_t i = 0; i < pop.size(); ++i) {
        if (scheduled(i) && m == changed_after(i)) pop.mortality_rr[i] *= 1.25f;
        if (i % 3 == 1 && (i / 3 + static_cast<std::size_t>(m)) % 3 == 0)
            pop.mortality_rr[i] = 0.5f + static_cast<float>((i * 7 + static_cast<std::size_t>(m)) % 11) / 4.0f;
    }
}

bool same_floats(const Column<float>& a, const Column<float>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

}  // namespace

TEST_CASE("demography's year of a block is its twelve months one by one, bit for bit") {
    const ModelData& data = test::project_data();
    const int zones = data.num_zones();
    const DemographyRates rates = rates_of(zones);
    const auto cdf = cumulative_rows(destination_probabilities(data, std::vector<double>(static_cast<std::size_t>(zones), 1.0)));
    DemographyKernel kernel;
    kernel.rates = &rates;
    kernel.destination_cdf = &cdf;
    kernel.data = &data;
    kernel.rng = Rng(7);
    BySexAge<double> remaining{};  // years of life lost at each age (Measure::Yll)
    for (int sex = 0; sex < kNumSexes; ++sex)
        for (int age = 0; age < kNumAges; ++age) remaining[sex][age] = 0.5 * (kNumAges - age) + sex;
    kernel.remaining_life_expectancy = &remaining;

    Population by_month = residents(rates, zones), by_year = residents(rates, zones);
    const std::size_t n = by_month.size();
    YearCounters month_counters, year_counters;
    month_counters.reset(zones);
    year_counters.reset(zones);
    DemographyYear year;
    kernel.step = kFirstStep;
    kernel.begin_year(by_year, 0, n, year, year_counters);
    int events = 0;
    for (int m = 0; m < kMonthsPerYear; ++m) {
        kernel.step = kFirstStep + m;
        StepEvents a, b;
        kernel.run(by_month, 0, n, a, month_counters);
        kernel.run_month(by_year, 0, n, m, year, b, year_counters);
        CHECK(a.mothers == b.mothers);
        CHECK(a.conceptions == b.conceptions);
        events += static_cast<int>(a.mothers.size() + a.conceptions.size());
        change_multipliers(by_month, m);
        change_multipliers(by_year, m);
    }
    kernel.end_year(by_year, 0, n, year, year_counters);

    CHECK(same_floats(by_month.death_budget, by_year.death_budget));
    CHECK(same_floats(by_month.move_budget, by_year.move_budget));
    CHECK(same_floats(by_month.birth_budget, by_year.birth_budget));
    CHECK(std::vector<std::uint8_t>(by_month.status.begin(), by_month.status.end()) ==
          std::vector<std::uint8_t>(by_year.status.begin(), by_year.status.end()));
    CHECK(std::vector<std::uint8_t>(by_month.zone.begin(), by_month.zone.end()) ==
          std::vector<std::uint8_t>(by_year.zone.begin(), by_year.zone.end()));
    CHECK(std::vector<std::uint8_t>(by_month.pregnancy.begin(), by_month.pregnancy.end()) ==
          std::vector<std::uint8_t>(by_year.pregnancy.begin(), by_year.pregnancy.end()));
    CHECK(test::same_counters(month_counters, year_counters));

    // The test means something: deaths, moves and leavers, conceptions and deliveries in the year, on both sides of
    // the edges.
    std::int64_t deaths = 0, leavers = 0, moves = 0;
    for (std::size_t i = 0; i < n; ++i) {
        deaths += by_month.status[i] == static_cast<std::uint8_t>(Status::Dead);
        leavers += by_month.status[i] == static_cast<std::uint8_t>(Status::Left);
    }
    for (int z = 0; z < zones; ++z)
        for (int c = 0; c < kCellsPerZone; ++c) moves += month_counters.count(Counter::Immigration, z, c);
    CHECK(deaths > 20);
    CHECK(leavers > 5);
    CHECK(moves > 5);
    CHECK(events > 20);
}
