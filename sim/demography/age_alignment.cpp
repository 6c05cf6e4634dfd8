// The yearly alignment of migration by age group (sim/demography/age_alignment.hpp).
#include "sim/demography/age_alignment.hpp"

#include <algorithm>
#include <cmath>

#include "sim/demography/forecast.hpp"

namespace hhu {

namespace {

constexpr std::size_t cell(int zone, int sex, int age) {
    return (static_cast<std::size_t>(zone) * kNumSexes + sex) * kNumAges + age;
}

// The same bound on raising a departure hazard as the alignment of totals uses.
constexpr double kMaxDepartureFactor = 5.0;

// Passes of the alignment by age over all units in a year (see align_by_age).
constexpr int kAlignmentPasses = 4;

std::vector<const AgeGroupCount*> groups_of(const ModelData& data, const std::string& code, int year) {
    std::vector<const AgeGroupCount*> g;
    for (const auto& c : data.population_by_age)
        if (c.code == code && c.year == year) g.push_back(&c);
    std::sort(g.begin(), g.end(), [](auto* a, auto* b) { return a->age_from < b->age_from; });
    return g;
}

bool cover_every_age(const std::vector<const AgeGroupCount*>& g) {
    int next = 0;
    for (const auto* c : g) {
        if (c->age_from != next) return false;
        next = c->age_to + 1;
    }
    return next == kNumAges;
}

std::vector<AgeShare> anchor_shares(const ModelData& data, const std::string& code, const std::vector<int>& zones,
                                    int year) {
    const auto g = groups_of(data, code, year);
    if (g.empty()) return {};
    double total = 0;
    if (cover_every_age(g)) {
        for (const auto* c : g) total += c->population;
    } else {
        for (int z : zones) total += forecast_population(data, z, year);
    }
    std::vector<AgeShare> s;
    for (const auto* c : g) s.push_back({c->age_from, c->age_to, total > 0 ? c->population / total : 0.0});
    return s;
}

// [age] -> index of the unit's group, or shares.size() for the ages outside every group.
std::vector<int> group_index(const std::vector<AgeShare>& shares) {
    std::vector<int> g(kNumAges, static_cast<int>(shares.size()));
    for (std::size_t i = 0; i < shares.size(); ++i)
        for (int a = shares[i].age_from; a <= shares[i].age_to; ++a) g[a] = static_cast<int>(i);
    return g;
}

// Hazards of a cell this year: death, departure (with the multiplier), and the share leaving the
// zone by either during a whole year and during half of one (arrivals come on average mid-year).
struct CellHazard {
    double death, move, exit_year, exit_half;
};
CellHazard hazard(const AnnualRates& base, const MigrationByAge& m, std::size_t k) {
    const double hd = base.death[k], hm = base.move[k] * m.out_multiplier[k];
    return {hd, hm, 1.0 - std::exp(-(hd + hm)), 1.0 - std::exp(-0.5 * (hd + hm))};
}

// Per group of a unit: expected residents next January, arrivals among them, and departures out of
// the unit during the year of those who would be in the group.
struct UnitGroups {
    std::vector<double> residents, arrivals, departures, departures_at_cap;
};

UnitGroups unit_groups(const ModelData& data, const AgeAlignmentUnit& u, const std::vector<double>& projected,
                       const std::vector<double>& histogram, const AnnualRates& base,
                       const std::vector<std::vector<double>>& destination_p, const MigrationByAge& m,
                       const MigrationByAge& capped) {
    const std::vector<int> gi = group_index(u.shares);
    const std::size_t n = u.shares.size() + 1;
    UnitGroups g{std::vector<double>(n, 0), std::vector<double>(n, 0), std::vector<double>(n, 0),
                 std::vector<double>(n, 0)};
    auto leaving = [&](std::size_t k, const CellHazard& h) {
        return h.death + h.move > 0 ? histogram[k] * h.exit_year * h.move / (h.death + h.move) : 0.0;
    };
    std::vector<bool> in_unit(data.num_zones(), false);
    for (int z : u.zones) in_unit[z] = true;
    for (int z : u.zones) {
        double stay_in_unit = 0;  // share of a zone's leavers who move to another zone of the unit
        for (int t = 0; t < data.num_zones(); ++t)
            if (in_unit[t]) stay_in_unit += data.internal_share[z] * destination_p[z][t];
        for (int a = 0; a < kNumAges; ++a) g.residents[gi[a]] += projected[static_cast<std::size_t>(z) * kNumAges + a];
        for (int s = 0; s < kNumSexes; ++s)
            for (int a = 0; a < kNumAges; ++a) {
                const std::size_t k = cell(z, s, a);
                const CellHazard h = hazard(base, m, k);
                g.arrivals[gi[a]] += m.wanted[z] * m.arrival_shares[k] * (1.0 - h.exit_half);
                const int next = gi[std::min(a + 1, kMaxAge)];
                g.departures[next] += leaving(k, h) * (1.0 - stay_in_unit);
                g.departures_at_cap[next] += leaving(k, hazard(base, capped, k)) * (1.0 - stay_in_unit);
            }
    }
    return g;
}

// Moves arrivals between the groups of a unit (factor per group) and raises departures where arrivals
// do not suffice (multiplier per group), so that the groups reach their shares of the expected total.
void align_unit(const AgeAlignmentUnit& u, const UnitGroups& g, const MigrationByAge& capped, MigrationByAge& m) {
    const std::size_t n = g.residents.size();
    double total = 0, listed = 0;
    for (double r : g.residents) total += r;
    std::vector<double> delta(n, 0.0);
    for (std::size_t i = 0; i + 1 < n; ++i) {
        delta[i] = u.shares[i].share * total - g.residents[i];
        listed += u.shares[i].share;
    }
    delta[n - 1] = (1.0 - listed) * total - g.residents[n - 1];

    std::vector<double> arrival_factor(n, 1.0), departure_factor(n, 1.0);
    double freed = 0, wanted_more = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (delta[i] >= 0) {
            if (g.arrivals[i] > 0) wanted_more += delta[i];
            continue;
        }
        const double fewer_arrivals = std::min(g.arrivals[i], -delta[i]);
        const double more_departures =
            g.departures[i] > 0
                ? std::clamp(-delta[i] - fewer_arrivals, 0.0, std::max(0.0, g.departures_at_cap[i] - g.departures[i]))
                : 0;
        if (g.arrivals[i] > 0) arrival_factor[i] = 1.0 - fewer_arrivals / g.arrivals[i];
        if (g.departures[i] > 0) departure_factor[i] = 1.0 + more_departures / g.departures[i];
        freed += fewer_arrivals + more_departures;
    }
    for (std::size_t i = 0; i < n; ++i)
        if (delta[i] > 0 && g.arrivals[i] > 0 && wanted_more > 0)
            arrival_factor[i] = 1.0 + freed * delta[i] / wanted_more / g.arrivals[i];

    const std::vector<int> gi = group_index(u.shares);
    for (int z : u.zones) {
        double sum = 0;
        for (int s = 0; s < kNumSexes; ++s)
            for (int a = 0; a < kNumAges; ++a) {
                const std::size_t k = cell(z, s, a);
                m.arrival_shares[k] *= arrival_factor[gi[a]];
                sum += m.arrival_shares[k];
                m.out_multiplier[k] = std::min(capped.out_multiplier[k],
                                               m.out_multiplier[k] * departure_factor[gi[std::min(a + 1, kMaxAge)]]);
            }
        for (int s = 0; s < kNumSexes; ++s)
            for (int a = 0; a < kNumAges; ++a) m.arrival_shares[cell(z, s, a)] /= sum > 0 ? sum : 1.0;
        m.wanted[z] *= sum;
    }
}

}  // namespace

std::vector<AgeShare> age_shares(const ModelData& data, const std::string& code, const std::vector<int>& zones,
                                 int year) {
    auto exact = anchor_shares(data, code, zones, year);
    if (!exact.empty()) return exact;
    int before = 0, after = 0;
    for (const auto& c : data.population_by_age) {
        if (c.code != code) continue;
        if (c.year < year) before = std::max(before, c.year);
        if (c.year > year) after = after == 0 ? c.year : std::min(after, c.year);
    }
    if (before == 0 || after == 0) return {};
    const auto a = anchor_shares(data, code, zones, before);
    const auto b = anchor_shares(data, code, zones, after);
    const double w = static_cast<double>(year - before) / (after - before);
    std::vector<AgeShare> s;
    for (const auto& gb : b)
        for (const auto& ga : a)
            if (ga.age_from == gb.age_from && ga.age_to == gb.age_to)
                s.push_back({ga.age_from, ga.age_to, ga.share + w * (gb.share - ga.share)});
    return s;
}

std::vector<AgeAlignmentUnit> age_alignment_units(const ModelData& data, int year) {
    std::vector<AgeAlignmentUnit> units;
    for (int z = 0; z < data.num_zones(); ++z) {
        auto s = anchor_shares(data, data.zones[z].code, {z}, year);
        if (!s.empty()) units.push_back({{z}, std::move(s)});
    }
    if (!units.empty()) return units;
    AgeAlignmentUnit city;
    for (int z = 0; z < data.num_zones(); ++z)
        if (data.is_utrecht_district(z)) city.zones.push_back(z);
    city.shares = age_shares(data, "GM0344", city.zones, year);
    if (!city.shares.empty()) units.push_back(std::move(city));
    return units;
}

std::vector<double> projected_by_age(const ModelData& data, const std::vector<double>& histogram,
                                     const AnnualRates& base, const std::vector<std::vector<double>>& destination_p,
                                     const MigrationByAge& m) {
    const int zones = data.num_zones();
    // Summed age by age ([age][zone]), so that the moves within the province into every zone at once are one row
    // (vectorised, without a branch: a destination of probability 0 adds +0.0, which leaves a sum of terms of one sign
    // as it was). Each cell receives the same additions in the same order as [zone][age] summed them: the same bits.
    std::vector<double> by_age(static_cast<std::size_t>(kNumAges) * zones, 0.0);
    auto row = [&](int a) { return by_age.data() + static_cast<std::size_t>(std::min(a, kMaxAge)) * zones; };
    for (int z = 0; z < zones; ++z)
        for (int s = 0; s < kNumSexes; ++s)
            for (int a = 0; a < kNumAges; ++a) {
                const std::size_t k = cell(z, s, a);
                const CellHazard h = hazard(base, m, k);
                row(a)[z] += m.wanted[z] * m.arrival_shares[k] * (1.0 - h.exit_half);
                const double n = histogram[k];
                if (n == 0) continue;
                row(a + 1)[z] += n * (1.0 - h.exit_year);
                if (s == static_cast<int>(Sex::Female))
                    row(0)[z] += n * base.birth[static_cast<std::size_t>(z) * kNumAges + a] * (1.0 - 0.5 * h.exit_year);
                if (h.death + h.move <= 0) continue;
                const double internal = n * h.exit_year * h.move / (h.death + h.move) * data.internal_share[z];
                double* const next = row(a + 1);
                const double* const to = destination_p[z].data();
                for (int t = 0; t < zones; ++t) next[t] += internal * to[t];
            }
    std::vector<double> p(static_cast<std::size_t>(zones) * kNumAges);
    for (int z = 0; z < zones; ++z)
        for (int a = 0; a < kNumAges; ++a) p[static_cast<std::size_t>(z) * kNumAges + a] = row(a)[z];
    return p;
}

void align_by_age(const ModelData& data, int year, const std::vector<double>& histogram, const AnnualRates& base,
                  const std::vector<std::vector<double>>& destination_p, MigrationByAge& m) {
    const auto units = age_alignment_units(data, year + 1);
    if (units.empty()) return;
    // The departures one unit sheds partly move into the others (moves within the province), so one
    // pass leaves each unit off its shares by what the others sent it (a central district receives the
    // children the other districts shed): the units are aligned again on a fresh projection until the
    // moves between them settle. A departure hazard is never raised above kMaxDepartureFactor times
    // its level from the alignment of totals, whatever the number of passes.
    MigrationByAge capped = m;
    for (auto& x : capped.out_multiplier) x *= kMaxDepartureFactor;
    for (int pass = 0; pass < kAlignmentPasses; ++pass) {
        const std::vector<double> projected = projected_by_age(data, histogram, base, destination_p, m);
        for (const auto& u : units)
            align_unit(u, unit_groups(data, u, projected, histogram, base, destination_p, m, capped), capped, m);
    }
}

}  // namespace hhu
