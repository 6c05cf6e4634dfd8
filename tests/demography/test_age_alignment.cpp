// The yearly alignment of migration by age group: which targets apply when, and that the aligned
// flows bring the expected age structure to its shares while keeping the totals.
#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>

#include "../support.hpp"
#include "sim/demography/age_alignment.hpp"

using namespace hhu;

namespace {

std::vector<int> city_zones(const ModelData& d) {
    std::vector<int> z;
    for (int i = 0; i < d.num_zones(); ++i)
        if (d.is_utrecht_district(i)) z.push_back(i);
    return z;
}

double share_of(const std::vector<AgeShare>& s, int from, int to) {
    for (const auto& g : s)
        if (g.age_from == from && g.age_to == to) return g.share;
    return -1;
}

// Residents by [zone][sex][age] from the 2021 table, spread evenly within each five-year group.
std::vector<double> histogram_2021(const ModelData& d) {
    std::vector<double> h(static_cast<std::size_t>(d.num_zones()) * kNumSexes * kNumAges, 0.0);
    for (int z = 0; z < d.num_zones(); ++z)
        for (int s = 0; s < kNumSexes; ++s)
            for (int a = 0; a < kNumAges; ++a) {
                const int g = age_group_of(a);
                const int width = g == kNumAgeGroups - 1 ? kNumAges - 95 : 5;
                h[(static_cast<std::size_t>(z) * kNumSexes + s) * kNumAges + a] =
                    static_cast<double>(d.population_2021[z][s][g]) / width;
            }
    return h;
}

struct Setup {
    const ModelData& d = test::project_data();
    std::vector<double> histogram = histogram_2021(d);
    AnnualRates base;
    std::vector<std::vector<double>> destination_p;
    MigrationByAge m;
    explicit Setup(int year) {
        const std::size_t cells = histogram.size();
        base = annual_rates(d, DemographyParams{}, year, std::vector<double>(cells, 1.0));
        std::vector<double> pop(d.num_zones(), 0.0);
        for (std::size_t k = 0; k < cells; ++k) pop[k / (kNumSexes * kNumAges)] += histogram[k];
        destination_p = destination_probabilities(d, pop);
        m.wanted.resize(d.num_zones());
        m.arrival_shares.resize(cells);
        m.out_multiplier.assign(cells, 1.0);
        for (int z = 0; z < d.num_zones(); ++z) {
            m.wanted[z] = 0.08 * pop[z];  // arrivals of the order of the city's (30,000 a year on 360,000)
            for (int s = 0; s < kNumSexes; ++s)
                for (int a = 0; a < kNumAges; ++a)
                    m.arrival_shares[(static_cast<std::size_t>(z) * kNumSexes + s) * kNumAges + a] =
                        d.arrival_profile(z)[s][a];
        }
    }
    // Expected residents next January of `zones` in ages [from, to], and in all.
    std::pair<double, double> projected(const std::vector<int>& zones, int from, int to) const {
        const auto p = projected_by_age(d, histogram, base, destination_p, m);
        double in = 0, all = 0;
        for (int z : zones)
            for (int a = 0; a < kNumAges; ++a) {
                const double v = p[static_cast<std::size_t>(z) * kNumAges + a];
                all += v;
                if (a >= from && a <= to) in += v;
            }
        return {in, all};
    }
};

}  // namespace

TEST_CASE("age targets: the register's groups in its years, the city's 65+ share in between, none after") {
    const auto& d = test::project_data();
    const auto city = city_zones(d);
    // 2022: the city's seven register groups, as shares of their sum (the registered total).
    const auto s2022 = age_shares(d, "GM0344", city, 2022);
    CHECK(s2022.size() == 7);
    CHECK(share_of(s2022, 65, kMaxAge) == doctest::Approx(38625.0 / 361742.0));
    // 2032: halfway from 2024 (40,264 of 374,374) to 2040 (61,000 of the forecast's 474,173), 65+ only.
    const auto s2032 = age_shares(d, "GM0344", city, 2032);
    REQUIRE(s2032.size() == 1);
    const double forecast_2040 = 61000.0 / 474173.0;
    CHECK(share_of(s2032, 65, kMaxAge) == doctest::Approx(0.5 * (40264.0 / 374374.0 + forecast_2040)).epsilon(2e-3));
    // The districts have register groups only for 2023 and 2024: they lead then, the city otherwise.
    const auto u2023 = age_alignment_units(d, 2023);
    CHECK(u2023.size() == 10);
    for (const auto& u : u2023) CHECK(u.zones.size() == 1);
    const auto u2030 = age_alignment_units(d, 2030);
    REQUIRE(u2030.size() == 1);
    CHECK(u2030[0].zones.size() == 10);
    CHECK(age_shares(d, d.zones[city[0]].code, {city[0]}, 2030).empty());
    CHECK(age_alignment_units(d, 2041).empty());
}

TEST_CASE("aligning by age brings each district's groups to their register shares and keeps its total") {
    Setup s(2022);
    const auto units = age_alignment_units(s.d, 2023);
    REQUIRE(!units.empty());
    std::vector<double> before_total;
    for (const auto& u : units) before_total.push_back(s.projected(u.zones, 0, kMaxAge).second);
    double worst_before = 0;
    for (const auto& u : units)
        for (const auto& g : u.shares) {
            const auto [in, all] = s.projected(u.zones, g.age_from, g.age_to);
            worst_before = std::max(worst_before, std::abs(in / all - g.share));
        }
    align_by_age(s.d, 2022, s.histogram, s.base, s.destination_p, s.m);
    double worst_after = 0;
    for (std::size_t i = 0; i < units.size(); ++i) {
        for (const auto& g : units[i].shares) {
            const auto [in, all] = s.projected(units[i].zones, g.age_from, g.age_to);
            worst_after = std::max(worst_after, std::abs(in / all - g.share));
        }
        const double total = s.projected(units[i].zones, 0, kMaxAge).second;
        CHECK(total == doctest::Approx(before_total[i]).epsilon(0.005));
    }
    MESSAGE("largest gap to a district's age share: before ", worst_before, ", after ", worst_after);
    CHECK(worst_before > 0.01);  // the 2021 structure aged by two years is not the 2023 register's
    CHECK(worst_after < 0.003);
    // However many passes, no departure hazard is raised above 5 times its level before the alignment.
    const double highest = *std::max_element(s.m.out_multiplier.begin(), s.m.out_multiplier.end());
    MESSAGE("highest departure multiplier ", highest);
    CHECK(highest <= 5.0 + 1e-9);
    CHECK(highest > 1.0);
    for (int z = 0; z < s.d.num_zones(); ++z) {
        double sum = 0;
        for (std::size_t k = 0; k < static_cast<std::size_t>(kNumSexes * kNumAges); ++k)
            sum += s.m.arrival_shares[static_cast<std::size_t>(z) * kNumSexes * kNumAges + k];
        CHECK(sum == doctest::Approx(1.0));
    }
}

TEST_CASE("the city's 65+ follow the path to the forecast: fewer arrivals of that age, else more departures") {
    Setup s(2030);
    const auto city = city_zones(s.d);
    const double target = age_shares(s.d, "GM0344", city, 2031)[0].share;
    const auto [old_before, all_before] = s.projected(city, 65, kMaxAge);
    const std::vector<double> wanted_before = s.m.wanted;
    align_by_age(s.d, 2030, s.histogram, s.base, s.destination_p, s.m);
    const auto [old_after, all_after] = s.projected(city, 65, kMaxAge);
    CHECK(all_after == doctest::Approx(all_before).epsilon(0.005));
    CHECK(std::abs(old_after / all_after - target) < std::abs(old_before / all_before - target));
    // The municipalities have no targets by age: their flows are untouched.
    for (int z = 0; z < s.d.num_zones(); ++z)
        if (!s.d.is_utrecht_district(z)) {
            CHECK(s.m.wanted[z] == wanted_before[z]);
            CHECK(s.m.out_multiplier[(static_cast<std::size_t>(z) * kNumSexes) * kNumAges + 70] == 1.0);
        }
}
