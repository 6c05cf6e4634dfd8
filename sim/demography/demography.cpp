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
    auto per_step = [](const std::vector<double>& v) {
        std::vector<float> out(v.size());
        std::transform(v.begin(), v.end(), out.begin(), [](double x) { return static_cast<float>(x * kStepYears); });
        return out;
    };
    // Women are not at risk of conceiving while pregnant (0.75 of a year per birth): the hazard of
    // conception among the non-pregnant is f / (1 - 0.75 f), with f the annual fertility rate.
    std::vector<float> birth(annual.birth.size());
    std::transform(annual.birth.begin(), annual.birth.end(), birth.begin(), [](double f) {
        return static_cast<float>(f / std::max(0.05, 1.0 - 0.75 * f) * kStepYears);
    });
    return DemographyRates::of(zones, per_step(annual.death), per_step(annual.move), birth);
}

DemographyRates DemographyRates::of(int zones, const std::vector<float>& death, const std::vector<float>& move,
                                    const std::vector<float>& birth) {
    DemographyRates r;
    r.zones = zones;
    r.lanes.resize(death.size());
    for (int z = 0; z < zones; ++z)
        for (int s = 0; s < kNumSexes; ++s)
            for (int a = 0; a < kNumAges; ++a) {
                const std::size_t k = r.index(z, s, a);
                const float conception = s == static_cast<int>(Sex::Female)
                                             ? birth[static_cast<std::size_t>(z) * kNumAges + std::min(a + 1, kMaxAge)]
                                             : 0.0f;
                r.lanes[k] = {death[k], conception, move[k], 0.0f};
            }
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

}  // namespace hhu
