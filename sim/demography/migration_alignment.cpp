// The yearly alignment of migration (sim/demography/migration_alignment.hpp).
#include "sim/demography/migration_alignment.hpp"

#include "sim/demography/forecast.hpp"

#include <algorithm>
#include <cmath>

namespace hhu {

namespace {

// Expected flows of the coming year for residents counted by (zone, sex, age) at its start, from the
// annual hazards with competing risks (a resident who dies or leaves is not at risk any more).
struct ExpectedFlows {
    std::vector<double> residents, births, deaths, departures;
};

// `only`: the zones wanted (the others left 0; each zone's sums are its own, so theirs are the same bits).
ExpectedFlows expected_flows(const std::vector<double>& histogram, const AnnualRates& rates,
                             const std::vector<double>& out_multiplier, int zones,
                             const std::vector<bool>* only = nullptr) {
    ExpectedFlows f{std::vector<double>(zones, 0), std::vector<double>(zones, 0), std::vector<double>(zones, 0),
                    std::vector<double>(zones, 0)};
    for (int z = 0; z < zones; ++z) {
        if (only != nullptr && !(*only)[z]) continue;
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
    }
    return f;
}

// Share of arrivals who die or leave again before the end of the year (arriving on average mid-year);
// `only` as for expected_flows.
std::vector<double> arrival_exit_share(const ModelData& data, const AnnualRates& rates,
                                       const std::vector<double>& out_multiplier,
                                       const std::vector<bool>* only = nullptr) {
    const int zones = data.num_zones();
    std::vector<double> exit(zones, 0);
    for (int z = 0; z < zones; ++z) {
        if (only != nullptr && !(*only)[z]) continue;
        for (int s = 0; s < kNumSexes; ++s)
            for (int a = 0; a < kNumAges; ++a) {
                const std::size_t k = (static_cast<std::size_t>(z) * kNumSexes + s) * kNumAges + a;
                exit[z] += data.arrival_profile(z)[s][a] *
                           (1.0 - std::exp(-0.5 * (rates.death[k] + rates.move[k] * out_multiplier[z])));
            }
    }
    return exit;
}

// Residents of each zone on 1 January of next year (simulated) if no one arrived from outside.
std::vector<double> expected_without_arrivals(const ExpectedFlows& f, const std::vector<double>& inflow) {
    std::vector<double> e(f.residents.size());
    for (std::size_t z = 0; z < e.size(); ++z)
        e[z] = f.residents[z] + f.births[z] - f.deaths[z] - f.departures[z] + inflow[z];
    return e;
}

std::vector<double> internal_inflow(const ModelData& data, const ExpectedFlows& flows,
                                    const std::vector<std::vector<double>>& destination_p) {
    const int zones = data.num_zones();
    std::vector<double> in(zones, 0);
    for (int j = 0; j < zones; ++j)
        for (int z = 0; z < zones; ++z) in[z] += flows.departures[j] * data.internal_share[j] * destination_p[j][z];
    return in;
}

// Bound on raising a district's departure rate above the city's (as in the alignment to the forecast).
constexpr double kMaxDistrictDepartureFactor = 5.0;
// Rounds of the two fixed points of the back-cast (the city's factor, the districts' own factors).
constexpr int kBackcastRounds = 10;

// Where Utrecht city's districts should be on 1 January of `year` (simulated residents): their
// registered count (KWB) where the register has one for that year, else their forecast path.
std::vector<double> district_targets(const ModelData& data, int year, double scale) {
    std::vector<double> t(data.num_zones(), 0.0);
    for (int z = 0; z < data.num_zones(); ++z) {
        if (!data.membership[0][z]) continue;
        const double registered = registered_population(data, z, year);
        t[z] = (registered >= 0 ? registered : forecast_population(data, z, year)) * scale;
    }
    return t;
}

// The city-wide factor k on the districts' departure rates (each district's own factor `own` on top)
// that makes the residents leaving the city equal the registered departures (fixed-point iteration). Only
// the districts' flows are computed (only they are read), and an iteration that leaves k's bits as they
// were is a fixed point: the iterations after it would change nothing.
double city_departure_factor(const ModelData& data, const AnnualRates& base, const std::vector<double>& histogram,
                             const std::vector<double>& to_city, const std::vector<double>& own,
                             double out_registered, double arrivals) {
    const int zones = data.num_zones();
    const auto& city = data.membership[0];
    double k = 1.0;
    for (int iteration = 0; iteration < 30; ++iteration) {
        std::vector<double> m(zones, 1.0);
        for (int z = 0; z < zones; ++z)
            if (city[z]) m[z] = k * own[z];
        const ExpectedFlows fk = expected_flows(histogram, base, m, zones, &city);
        const auto exit = arrival_exit_share(data, base, m, &city);
        double leaving = 0, pop_city = 0, arrival_exit = 0;
        for (int z = 0; z < zones; ++z) {
            if (!city[z]) continue;
            leaving += fk.departures[z] * (1.0 - data.internal_share[z] * to_city[z]);
            pop_city += fk.residents[z];
            arrival_exit += fk.residents[z] * exit[z];
        }
        leaving += arrivals * arrival_exit / pop_city;
        if (leaving <= 0) break;
        const double before = k;
        k *= out_registered / leaving;
        if (k == before) break;
    }
    return k;
}

// Back-cast: Utrecht city's registered arrivals and departures of `year`. The departures set one factor
// on the districts' leaving rates; arrivals from outside the province are the registered arrivals less
// those expected from its other zones, shared among the districts by how far each is below where it
// should be next January (district_targets). A district above it even without arrivals (a central
// district that draws many of the moves within the province) has its own departure factor raised until
// it reaches it, as the alignment to the forecast does, while the city's departures stay on the register.
void backcast_city(const ModelData& data, const RegisteredFlows& reg, int year, double scale, const AnnualRates& base,
                   const std::vector<double>& histogram, const std::vector<std::vector<double>>& destination_p,
                   std::vector<double>& wanted, std::vector<double>& out_multiplier) {
    const int zones = data.num_zones();
    const auto& city = data.membership[0];
    const double out_registered = (reg.out_domestic + reg.out_international + reg.admin_removals) * scale;
    const double in_registered = (reg.in_domestic + reg.in_international) * scale;
    std::vector<double> to_city(zones, 0.0);
    for (int z = 0; z < zones; ++z)
        for (int t = 0; t < zones; ++t)
            if (city[t]) to_city[z] += destination_p[z][t];
    const ExpectedFlows f = expected_flows(histogram, base, std::vector<double>(zones, 1.0), zones);
    double inflow_from_rest = 0;
    for (int z = 0; z < zones; ++z)
        if (!city[z]) inflow_from_rest += f.departures[z] * data.internal_share[z] * to_city[z];
    const double arrivals = std::max(0.0, in_registered - inflow_from_rest);
    const std::vector<double> target = district_targets(data, year + 1, scale);

    std::vector<double> own(zones, 1.0), gap(zones, 0.0);
    double k = 1.0;
    for (int round = 0; round < kBackcastRounds; ++round) {
        k = city_departure_factor(data, base, histogram, to_city, own, out_registered, arrivals);
        for (int z = 0; z < zones; ++z)
            if (city[z]) out_multiplier[z] = k * own[z];
        const ExpectedFlows fk = expected_flows(histogram, base, out_multiplier, zones);
        const auto expected = expected_without_arrivals(fk, internal_inflow(data, fk, destination_p));
        for (int z = 0; z < zones; ++z) {
            if (!city[z]) continue;
            gap[z] = target[z] - expected[z];
            if (fk.departures[z] > 0)
                own[z] = std::clamp(own[z] * (1.0 - gap[z] / fk.departures[z]), 1.0, kMaxDistrictDepartureFactor);
        }
    }
    double weight_sum = 0, pop_city = 0;
    for (int z = 0; z < zones; ++z)
        if (city[z]) {
            weight_sum += std::max(0.0, gap[z]);
            pop_city += f.residents[z];
        }
    for (int z = 0; z < zones; ++z)
        if (city[z])
            wanted[z] = arrivals * (weight_sum > 0 ? std::max(0.0, gap[z]) / weight_sum : f.residents[z] / pop_city);
}

}  // namespace

MigrationYear align_migration_flows(const ModelData& data, const DemographyParams& params, int year, double scale,
                                    const AnnualRates& base, const std::vector<double>& histogram) {
    const int zones = data.num_zones();
    std::vector<double> out_multiplier(zones, 1.0);
    ExpectedFlows f = expected_flows(histogram, base, out_multiplier, zones);
    const std::vector<std::vector<double>> destination_p = destination_probabilities(data, f.residents);

    // Arrivals wanted per zone (simulated residents). The population follows the forecast path; a
    // zone that is off the path (after the back-cast years, or by chance) returns to it gradually,
    // its relative deviation decaying with a time constant of kConvergenceYears (assumption A-FORECAST-CONVERGENCE).
    constexpr double kConvergenceYears = 2.0;
    std::vector<double> wanted(zones, 0.0);
    if (params.align_migration_to_forecast) {
        const auto inflow = internal_inflow(data, f, destination_p);
        const auto exit = arrival_exit_share(data, base, out_multiplier);
        for (int z = 0; z < zones; ++z) {
            const double now = forecast_population(data, z, year) * scale;
            const double deviation = now > 0 ? f.residents[z] / now - 1.0 : 0.0;
            const double target = forecast_population(data, z, year + 1) * scale *
                                  (1.0 + deviation * std::exp(-1.0 / kConvergenceYears));
            const double gap = target - (f.residents[z] + f.births[z] - f.deaths[z] - f.departures[z] + inflow[z]);
            if (gap >= 0)
                wanted[z] = gap / (1.0 - exit[z]);
            else if (f.departures[z] > 0)
                out_multiplier[z] = std::min(5.0, 1.0 - gap / f.departures[z]);
        }
    }

    const RegisteredFlows* reg = nullptr;
    if (params.use_registered_migration)
        for (const auto& r : data.city_register)
            if (r.year == year) reg = &r;
    if (reg != nullptr) backcast_city(data, *reg, year, scale, base, histogram, destination_p, wanted, out_multiplier);
    MigrationByAge flows{std::move(wanted), {}, {}};
    const std::size_t cells = static_cast<std::size_t>(zones) * kNumSexes * kNumAges;
    flows.arrival_shares.resize(cells);
    flows.out_multiplier.resize(cells);
    for (int z = 0; z < zones; ++z)
        for (int s = 0; s < kNumSexes; ++s)
            for (int a = 0; a < kNumAges; ++a) {
                const std::size_t k = (static_cast<std::size_t>(z) * kNumSexes + s) * kNumAges + a;
                flows.arrival_shares[k] = data.arrival_profile(z)[s][a];
                flows.out_multiplier[k] = out_multiplier[z];
            }
    if (params.align_migration_by_age) align_by_age(data, year, histogram, base, destination_p, flows);
    return {std::move(flows), destination_p};
}

}  // namespace hhu
