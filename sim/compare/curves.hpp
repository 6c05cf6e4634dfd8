#pragma once
// The year-by-year figures a viewer draws beside compare's table, from series it holds in memory: the
// mean of replicates with its 95% band, and the cost-effect curve (cumulated QALYs gained against the
// cumulated net cost of the one definition in compare.hpp). Every interval is sim/core/statistics.hpp's,
// as in `hhu run --replicates` and `hhu compare`.
#include <optional>
#include <vector>

#include "sim/core/statistics.hpp"

namespace hhu {

// A series per replicate: [replicate][year index]; a year without a value yet is absent.
using ReplicateSeries = std::vector<std::vector<std::optional<double>>>;

// The mean over replicates in each year with its 95% t-interval; absent in a year that not every
// replicate has yet (and for every year with fewer than two replicates, where there is no interval).
std::vector<std::optional<Estimate>> yearly_band(const ReplicateSeries& replicates);

// A run's province totals in one complete year (the catalogue's own values).
struct CostEffectYear {
    int year = 0;
    double qalys = 0, intervention_cost = 0, participants = 0, care_cost = 0;
};

// Cumulated from the first year to each year: the scenario minus its baseline, paired year by year.
struct CostEffectCurve {
    std::vector<int> years;
    std::vector<double> qalys_gained, intervention_cost, care_cost_change, net_cost, participants;
};

// The curve over the years both runs have, in order; it stops at the first year one of them lacks.
// net_cost = intervention costs + change in care costs (compare.hpp's cost_per_qaly).
CostEffectCurve cost_effect_curve(const std::vector<CostEffectYear>& scenario,
                                  const std::vector<CostEffectYear>& baseline);

}  // namespace hhu
