#include "sim/compare/curves.hpp"

#include <algorithm>

namespace hhu {

std::vector<std::optional<Estimate>> yearly_band(const ReplicateSeries& replicates) {
    std::size_t years = 0;
    for (const auto& r : replicates) years = std::max(years, r.size());
    std::vector<std::optional<Estimate>> out(years);
    if (replicates.size() < 2) return out;
    for (std::size_t y = 0; y < years; ++y) {
        std::vector<double> v;
        for (const auto& r : replicates)
            if (y < r.size() && r[y]) v.push_back(*r[y]);
        if (v.size() == replicates.size()) out[y] = estimate_mean(v);
    }
    return out;
}

CostEffectCurve cost_effect_curve(const std::vector<CostEffectYear>& scenario,
                                  const std::vector<CostEffectYear>& baseline) {
    CostEffectCurve c;
    double q = 0, e = 0, d = 0, n = 0;
    for (std::size_t i = 0; i < scenario.size() && i < baseline.size(); ++i) {
        const CostEffectYear& s = scenario[i];
        const CostEffectYear& b = baseline[i];
        if (s.year != b.year) break;
        q += s.qalys - b.qalys;
        e += s.intervention_cost;
        d += s.care_cost - b.care_cost;
        n += s.participants;
        c.years.push_back(s.year);
        c.qalys_gained.push_back(q);
        c.intervention_cost.push_back(e);
        c.care_cost_change.push_back(d);
        c.net_cost.push_back(e + d);
        c.participants.push_back(n);
    }
    return c;
}

}  // namespace hhu
