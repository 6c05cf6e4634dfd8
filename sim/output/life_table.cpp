#include "sim/output/life_table.hpp"

#include <algorithm>
#include <vector>

namespace hhu {

namespace {

struct Interval {
    int start, width;  // width 0: open
};

std::vector<Interval> abridged_intervals() {
    std::vector<Interval> v = {{0, 1}, {1, 4}};
    for (int a = 5; a < 95; a += 5) v.push_back({a, 5});
    v.push_back({95, 0});
    return v;
}

double separation_factor(int start, double m0, int sex) {
    // Coale-Demeny West, for m0 below 0.107 (all Dutch values are far below): Preston, Heuveline and Guillot,
    // Demography: measuring and modeling population processes (Blackwell 2001), Table 3.3.
    const double a0_male = 0.045 + 2.684 * m0, a0_female = 0.053 + 2.800 * m0;
    const double a1_male = 1.651 - 2.816 * m0, a1_female = 1.522 - 1.518 * m0;
    if (start == 0) return sex == 0 ? a0_male : sex == 1 ? a0_female : 0.5 * (a0_male + a0_female);
    return sex == 0 ? a1_male : sex == 1 ? a1_female : 0.5 * (a1_male + a1_female);
}

}  // namespace

LifeTable::LifeTable(const LifeTableInput& in) {
    const auto intervals = abridged_intervals();
    const std::size_t n = intervals.size();
    starts_.resize(n);
    m_.resize(n);
    L_.resize(n);
    l_.resize(n + 1);
    healthy_share_.assign(n, 1.0);
    for (std::size_t i = 0; i < n; ++i) {
        const int lo = intervals[i].start;
        const int hi = intervals[i].width ? lo + intervals[i].width : kNumAges;
        starts_[i] = lo;
        double d = 0, e = 0, fallback = 0, good = 0;
        for (int a = lo; a < hi; ++a) {
            d += in.deaths[a];
            e += in.exposure_years[a];
            fallback += in.fallback_rates[a];
            good += in.good_health_years[a];
        }
        healthy_share_[i] = e > 0 ? std::clamp(good / e, 0.0, 1.0) : (i > 0 ? healthy_share_[i - 1] : 1.0);
        fallback /= (hi - lo);
        const bool usable = e >= 1.0 && (intervals[i].width > 0 || d > 0);
        m_[i] = usable ? d / e : fallback;
    }
    l_[0] = 1.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double width = intervals[i].width;
        if (width == 0) {
            L_[i] = m_[i] > 0 ? l_[i] / m_[i] : 0.0;
            l_[i + 1] = 0;
            continue;
        }
        const double a = intervals[i].start <= 1 ? separation_factor(intervals[i].start, m_[0], in.sex) : width / 2;
        const double q = std::min(1.0, width * m_[i] / (1.0 + (width - a) * m_[i]));
        l_[i + 1] = l_[i] * (1.0 - q);
        L_[i] = width * l_[i + 1] + a * (l_[i] - l_[i + 1]);
    }
}

double LifeTable::expectancy(int age, bool healthy) const {
    std::size_t first = 0;
    while (first < starts_.size() && starts_[first] < age) ++first;
    if (first >= starts_.size() || l_[first] <= 0) return 0.0;
    double T = 0;
    // Without the healthy share every interval counts whole (L x 1.0 is L, to the bit).
    for (std::size_t i = first; i < starts_.size(); ++i) T += L_[i] * (healthy ? healthy_share_[i] : 1.0);
    return T / l_[first];
}

double life_expectancy_at(const LifeTableInput& in, int age) { return LifeTable(in).expectancy(age, false); }
double healthy_life_expectancy_at(const LifeTableInput& in, int age) { return LifeTable(in).expectancy(age, true); }

}  // namespace hhu
