#include "view_data.hpp"

#include <algorithm>

namespace hhu::viz {

int find_unit(const std::vector<ReportingUnit>& units, const std::string& code) {
    for (std::size_t i = 0; i < units.size(); ++i)
        if (units[i].code == code) return static_cast<int>(i);
    return -1;
}

int province_unit(const std::vector<ReportingUnit>& units) {
    return find_unit(units, std::string(kAggregateCodes[kNumAggregates - 1]));
}

namespace {

void fill_series(ViewData& v, const Indicators& ind, const Snapshot& snap) {
    const int years = v.end_year - v.first_year + 1;
    v.series.assign(years, std::nullopt);
    for (int y = 0; y < years; ++y) v.series[y] = indicator_value(ind, snap, v.kind, v.first_year + y, v.unit);
    const int province = province_unit(ind.units());
    if (v.kind.measure != Measure::Residents && v.unit != province && province >= 0) {
        v.reference.assign(years, std::nullopt);
        for (int y = 0; y < years; ++y)
            v.reference[y] = indicator_value(ind, snap, v.kind, v.first_year + y, province);
        v.reference_name = ind.units()[province].name;
    }
}

void fill_map(ViewData& v, const Indicators& ind, const Snapshot& snap, const ModelData& data, bool all_years) {
    v.zone_values.assign(data.num_zones(), std::nullopt);
    for (int z = 0; z < data.num_zones(); ++z) v.zone_values[z] = indicator_value(ind, snap, v.kind, v.year, z);
    double lo = 1e300, hi = -1e300;
    const int from = all_years ? v.first_year : v.year, to = all_years ? v.last_viewable : v.year;
    for (int y = from; y <= to; ++y)
        for (int z = 0; z < data.num_zones(); ++z)
            if (const auto value = y == v.year ? v.zone_values[z] : indicator_value(ind, snap, v.kind, y, z)) {
                lo = std::min(lo, *value);
                hi = std::max(hi, *value);
            }
    v.has_scale = lo <= hi;
    if (v.has_scale) v.scale = nice_ticks(v.kind.measure == Measure::Residents ? 0 : lo, hi, 5);
}

void fill_pyramid(ViewData& v, const Indicators& ind, const Snapshot& snap) {
    IndicatorKind residents;
    residents.measure = Measure::Residents;
    auto& p = v.pyramid;
    p.base_year = v.first_year;
    p.year = std::clamp(v.year, v.first_year, std::max(v.first_year, last_viewable_year(residents, snap)));
    p.has_now = last_viewable_year(residents, snap) >= p.year;
    p.has_base = p.has_now && p.year != p.base_year;
    if (!p.has_now) return;
    for (int s = 0; s < kNumSexes; ++s)
        for (int g = 0; g < kNumAgeGroups; ++g) {
            p.now[s][g] = ind.count(p.year, v.unit, Counter::Population, s, g);
            if (p.has_base) p.base[s][g] = ind.count(p.base_year, v.unit, Counter::Population, s, g);
        }
}

void fill_bars(ViewData& v, const Indicators& ind, const Snapshot& snap, const ModelData& data) {
    for (int z = 0; z < data.num_zones(); ++z)
        if (data.is_utrecht_district(z))
            v.districts.push_back({data.zones[z].name, indicator_value(ind, snap, v.kind, v.year, z), z});
    const int city = find_unit(ind.units(), std::string(kAggregateCodes[0]));
    if (city >= 0) v.city_value = indicator_value(ind, snap, v.kind, v.year, city);
    if (v.kind.has_education()) {
        v.breakdown_title = "By education level";
        for (int e = 0; e < kNumEducation; ++e)
            v.breakdown.push_back(
                {std::string(kEducationNames[e]), indicator_value(ind, snap, v.kind, v.year, v.unit, kAll, e)});
        if (v.kind.counter == Counter::Births) v.breakdown_title = "By education level (of the mother)";
    } else if (v.kind.viewable()) {
        v.breakdown_title = "By sex";
        const char* names[kNumSexes] = {"men", "women"};
        for (int s = 0; s < kNumSexes; ++s)
            v.breakdown.push_back({names[s], indicator_value(ind, snap, v.kind, v.year, v.unit, s)});
    }
}

}  // namespace

ViewData compute_view_data(const ModelData& data, const Snapshot& snap, const ViewState& state) {
    ViewData v;
    v.kind = describe_indicator(state.indicator);
    v.year = state.year;
    v.unit = state.unit;
    v.first_year = kFirstYear;
    v.end_year = year_of_step(std::max(snap.end_step - 1, 0));
    v.last_viewable = last_viewable_year(v.kind, snap);
    v.year_has_values = v.kind.viewable() && state.year <= v.last_viewable;
    if (!snap.results) return v;
    const Indicators ind(data, *snap.results);
    v.unit_name = ind.units().at(state.unit).name;
    fill_series(v, ind, snap);
    fill_map(v, ind, snap, data, state.scale_over_all_years);
    fill_pyramid(v, ind, snap);
    fill_bars(v, ind, snap, data);
    return v;
}

}  // namespace hhu::viz
