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
    // Coale-Demeny West, for m0 below 0.107 (all Dutch values are far below).
    const double a0_male = 0.045 + 2.684 * m0, a0_female = 0.053 + 2.800 * m0;
    const double a1_male = 1.651 - 2.816 * m0, a1_female = 1.522 - 1.518 * m0;
    if (start == 0) return sex == 0 ? a0_male : sex == 1 ? a0_female : 0.5 * (a0_male + a0_female);
    return sex == 0 ? a1_male : sex == 1 ? a1_female : 0.5 * (a1_male + a1_female);
}

}  // namespace

namespace {
double expectancy(const LifeTableInput& in, int age, bool healthy) {
    const auto intervals = abridged_intervals();
    std::vector<double> m(intervals.size()), L(intervals.size()), l(intervals.size() + 1), share(intervals.size(), 1.0);
    for (std::size_t i = 0; i < intervals.size(); ++i) {
        const int lo = intervals[i].start;
        const int hi = intervals[i].width ? lo + intervals[i].width : kNumAges;
        double d = 0, e = 0, fallback = 0, good = 0;
        for (int a = lo; a < hi; ++a) {
            d += in.deaths[a];
            e += in.exposure_years[a];
            fallback += in.fallback_rates[a];
            good += in.good_health_years[a];
        }
        if (healthy) share[i] = e > 0 ? std::clamp(good / e, 0.0, 1.0) : (i > 0 ? share[i - 1] : 1.0);
        fallback /= (hi - lo);
        const bool usable = e >= 1.0 && (intervals[i].width > 0 || d > 0);
        m[i] = usable ? d / e : fallback;
    }
    l[0] = 1.0;
    for (std::size_t i = 0; i < intervals.size(); ++i) {
        const double n = intervals[i].width;
        if (n == 0) {
            L[i] = m[i] > 0 ? l[i] / m[i] : 0.0;
            l[i + 1] = 0;
            continue;
        }
        const double a = intervals[i].start <= 1 ? separation_factor(intervals[i].start, m[0], in.sex) : n / 2;
        const double q = std::min(1.0, n * m[i] / (1.0 + (n - a) * m[i]));
        l[i + 1] = l[i] * (1.0 - q);
        L[i] = n * l[i + 1] + a * (l[i] - l[i + 1]);
    }
    std::size_t first = 0;
    while (first < intervals.size() && intervals[first].start < age) ++first;
    if (first >= intervals.size() || l[first] <= 0) return 0.0;
    double T = 0;
    for (std::size_t i = first; i < intervals.size(); ++i) T += L[i] * share[i];
    return T / l[first];
}
}  // namespace

double life_expectancy_at(const LifeTableInput& in, int age) { return expectancy(in, age, false); }
double healthy_life_expectancy_at(const LifeTableInput& in, int age) { return expectancy(in, age, true); }

}  // namespace hhu
