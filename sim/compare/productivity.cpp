#include "sim/compare/productivity.hpp"

namespace hhu {

namespace {

// Paid work by ten-year age group, the Netherlands, both sexes, first quarter of 2022:
// - employed share: werkzame beroepsbevolking / beroeps- en niet-beroepsbevolking (x 1,000), CBS StatLine
//   82922NED (Arbeidsdeelname; binding met de arbeidsmarkt): 15-25 1,578 / 2,137; 25-35 1,981 / 2,259;
//   35-45 1,806 / 2,097; 45-55 2,020 / 2,345; 55-65 1,738 / 2,403; 65-75 290 / 1,934;
// - usual hours a week of the employed (gemiddelde arbeidsduur), CBS StatLine 82647NED (Werkzame
//   beroepsbevolking; arbeidsduur): 20.2, 35.5, 35.0, 35.6, 33.3, 24.2.
struct TenYearGroup {
    double employed, residents, hours_per_week;
};
constexpr std::array<TenYearGroup, 6> kWork2022 = {{
    {1578, 2137, 20.2},  // 15-24
    {1981, 2259, 35.5},  // 25-34
    {1806, 2097, 35.0},  // 35-44
    {2020, 2345, 35.6},  // 45-54
    {1738, 2403, 33.3},  // 55-64
    {290, 1934, 24.2},   // 65-74
}};

}  // namespace

WorkProfile work_profile(int age_group) {
    if (age_group < kFirstWorkingAgeGroup || age_group > kLastWorkingAgeGroup) return {};
    const TenYearGroup& g = kWork2022[static_cast<std::size_t>((age_group - kFirstWorkingAgeGroup) / 2)];
    return {g.employed / g.residents, g.hours_per_week};
}

const std::vector<std::string>& working_age_groups() {
    static const std::vector<std::string> groups = [] {
        std::vector<std::string> v;
        for (int g = kFirstWorkingAgeGroup; g <= kLastWorkingAgeGroup; ++g) v.emplace_back(kAgeGroupNames[g]);
        return v;
    }();
    return groups;
}

double friction_hours_lost(int age_group, const FrictionCostParameters& p) {
    const WorkProfile w = work_profile(age_group);
    return w.employed_share * w.hours_per_week * p.friction_days / 7.0;
}

double friction_cost_per_event(int age_group, const FrictionCostParameters& p) {
    return friction_hours_lost(age_group, p) * p.price_per_hour * p.elasticity;
}

}  // namespace hhu
