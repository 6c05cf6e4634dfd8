#pragma once
// Alignment of migration by age group, once a year, in the manner of SimPaths (A-AGE-ALIGNMENT in
// data/README.md). The expected residents by age group on the next 1 January (this January's residents
// aged by a year, less deaths and departures, plus births, moves from other zones and arrivals at each
// zone's profile) are compared with the registered or forecast age shares of that date
// (data/population_by_age.csv) times the expected total: totals stay on their own targets (the
// forecast and the register's flows), only the age structure is aligned. Arrivals are moved from the
// groups above their share to those below it; where a group above its share has too few arrivals to
// give up, its departure hazard is raised, and as many arrivals go to the groups below their share.
// What one unit sheds partly moves into the others, so the units are aligned in several passes a year,
// each on a fresh projection; a departure hazard stays within 5 times its level before the alignment.
#include <vector>

#include "sim/demography/demography.hpp"
#include "sim/model/model_data.hpp"

namespace hhu {

struct AgeShare {
    int age_from = 0, age_to = 0;  // inclusive
    double share = 0;              // of the unit's residents
};

// Zones aligned together to one age structure.
struct AgeAlignmentUnit {
    std::vector<int> zones;
    std::vector<AgeShare> shares;  // the ages outside these groups take the rest
};

// The age shares of `code` (a zone or GM0344) on 1 January of `year`: its groups of that year (as shares
// of their sum when they cover every age, else of the forecast total of `zones`), or else the groups
// its last anchor before and first anchor after `year` share, their shares linear in the year. Empty if
// neither exists.
std::vector<AgeShare> age_shares(const ModelData& data, const std::string& code, const std::vector<int>& zones,
                                 int year);

// What to align the residents of 1 January `year` to: each zone with shares of its own; if no zone has
// any, Utrecht city's districts together with the city's shares.
std::vector<AgeAlignmentUnit> age_alignment_units(const ModelData& data, int year);

// This year's migration, as the alignment sets it (per simulated resident).
struct MigrationByAge {
    std::vector<double> wanted;          // [zone] arrivals from outside the province
    std::vector<double> arrival_shares;  // [zone][sex][age], each zone's row sums to 1
    std::vector<double> out_multiplier;  // [zone][sex][age], on the departure hazards
};

// Expected residents by [zone][age] on 1 January of the next year. base: annual rates with departure
// multipliers 1; histogram: residents by [zone][sex][age] now; destination_p: moves within the province.
std::vector<double> projected_by_age(const ModelData& data, const std::vector<double>& histogram,
                                     const AnnualRates& base, const std::vector<std::vector<double>>& destination_p,
                                     const MigrationByAge& m);

// Aligns m to the units of 1 January year + 1 (see the top of this file).
void align_by_age(const ModelData& data, int year, const std::vector<double>& histogram, const AnnualRates& base,
                  const std::vector<std::vector<double>>& destination_p, MigrationByAge& m);

}  // namespace hhu
