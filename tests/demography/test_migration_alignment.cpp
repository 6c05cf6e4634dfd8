// The yearly alignment of migration in total: in the back-cast years Utrecht city's districts go to their
// registered counts, and a district above its count sheds residents instead of keeping them.
#include <doctest/doctest.h>

#include "../support.hpp"
#include "sim/demography/forecast.hpp"
#include "sim/demography/migration_alignment.hpp"

using namespace hhu;

namespace {

// Residents by [zone][sex][age] from the 2021 table, spread evenly within each five-year group, with
// zone `big` multiplied by `factor`.
std::vector<double> histogram_2021(const ModelData& d, int big, double factor) {
    std::vector<double> h(static_cast<std::size_t>(d.num_zones()) * kNumSexes * kNumAges, 0.0);
    for (int z = 0; z < d.num_zones(); ++z)
        for (int s = 0; s < kNumSexes; ++s)
            for (int a = 0; a < kNumAges; ++a) {
                const int g = age_group_of(a);
                const int width = g == kNumAgeGroups - 1 ? kNumAges - 95 : 5;
                h[(static_cast<std::size_t>(z) * kNumSexes + s) * kNumAges + a] =
                    static_cast<double>(d.population_2021[z][s][g]) / width * (z == big ? factor : 1.0);
            }
    return h;
}

double zone_total(const std::vector<double>& by_zone_age, int z) {
    double t = 0;
    for (int a = 0; a < kNumAges; ++a) t += by_zone_age[static_cast<std::size_t>(z) * kNumAges + a];
    return t;
}

}  // namespace

TEST_CASE("registered population: the districts' KWB counts, none where the register has no count") {
    const auto& d = test::project_data();
    const int binnenstad = d.zone_index("WK034406");
    REQUIRE(binnenstad >= 0);
    CHECK(registered_population(d, binnenstad, 2024) == doctest::Approx(20190));
    CHECK(registered_population(d, binnenstad, 2030) < 0);
    CHECK(registered_population(d, d.zone_index("GM0307"), 2024) < 0);
}

TEST_CASE("back-cast: a district above its registered count gets no arrivals and sheds residents to reach it") {
    const auto& d = test::project_data();
    const int big = d.zone_index("WK034406");
    REQUIRE(big >= 0);
    // Binnenstad starts 2023 a fifth above its 2021 count, far above its registered 1 January 2024.
    const auto histogram = histogram_2021(d, big, 1.2);
    const std::size_t cells = histogram.size();
    DemographyParams params;
    params.align_migration_by_age = false;  // totals only: the age alignment keeps them anyway
    const AnnualRates base = annual_rates(d, params, 2023, std::vector<double>(cells, 1.0));
    const MigrationYear y = align_migration_flows(d, params, 2023, 1.0, base, histogram);

    CHECK(y.flows.wanted[big] == 0.0);
    double lowest_other = 1e9;
    for (int z = 0; z < d.num_zones(); ++z)
        if (d.is_utrecht_district(z) && z != big)
            lowest_other = std::min(lowest_other, y.flows.out_multiplier[static_cast<std::size_t>(z) * kNumSexes * kNumAges]);
    const double own = y.flows.out_multiplier[static_cast<std::size_t>(big) * kNumSexes * kNumAges];
    MESSAGE("Binnenstad's departure multiplier ", own, ", the other districts' lowest ", lowest_other);
    CHECK(own > 1.5 * lowest_other);

    // Expected residents next January under the aligned flows (projected_by_age applies the flows'
    // departure multipliers to the base hazards).
    const auto expected = projected_by_age(d, histogram, base, y.destination_p, y.flows);
    double start = 0;
    for (std::size_t k = 0; k < static_cast<std::size_t>(kNumSexes * kNumAges); ++k)
        start += histogram[static_cast<std::size_t>(big) * kNumSexes * kNumAges + k];
    const double registered = registered_population(d, big, 2024);
    MESSAGE("Binnenstad: start ", start, ", expected next January ", zone_total(expected, big), ", registered ", registered);
    CHECK(zone_total(expected, big) == doctest::Approx(registered).epsilon(0.01));
}
