#include "view_data.hpp"

#include <algorithm>

#include "viewer_text.hpp"

namespace hhu::viz {

int find_unit(const std::vector<ReportingUnit>& units, const std::string& code) {
    for (std::size_t i = 0; i < units.size(); ++i)
        if (units[i].code == code) return static_cast<int>(i);
    return -1;
}

int province_unit(const std::vector<ReportingUnit>& units) {
    return find_unit(units, std::string(kAggregateCodes[kNumAggregates - 1]));
}

std::string area_name(const ReportingUnit& unit, Language lang) {
    if (unit.aggregate == 0) return ui_text(lang, "area.city");
    if (unit.aggregate == kNumAggregates - 1) return ui_text(lang, "area.province");
    return unit.name;
}

namespace {

void fill_series(ViewData& v, IndicatorValues& values) {
    const int years = v.end_year - v.first_year + 1;
    v.series.assign(years, std::nullopt);
    for (int y = 0; y < years; ++y) v.series[y] = values.get(v.ind, v.first_year + y, v.unit);
    // The province for comparison, where values of areas of any size compare (not plain counts).
    const int province = province_unit(values.units());
    const bool comparable = !(v.ind.info->kind == IndicatorKind::Count && v.ind.scaling == Scaling::AsIs);
    if (comparable && v.unit != province && province >= 0) {
        v.reference.assign(years, std::nullopt);
        for (int y = 0; y < years; ++y) v.reference[y] = values.get(v.ind, v.first_year + y, province);
        v.reference_name = area_name(values.units()[province], v.ind.lang);
    }
}

void fill_map(ViewData& v, IndicatorValues& values, int num_zones, bool all_years) {
    v.zone_values.assign(num_zones, std::nullopt);
    for (int z = 0; z < num_zones; ++z) v.zone_values[z] = values.get(v.ind, v.year, z);
    double lo = 1e300, hi = -1e300;
    const int from = all_years ? v.first_year : v.year, to = all_years ? v.last_viewable : v.year;
    for (int y = from; y <= to; ++y)
        for (int z = 0; z < num_zones; ++z)
            if (const auto value = values.get(v.ind, y, z)) {
                lo = std::min(lo, *value);
                hi = std::max(hi, *value);
            }
    v.has_scale = lo <= hi;
    const bool from_zero = v.ind.info->kind == IndicatorKind::Count && v.ind.scaling == Scaling::AsIs;
    if (v.has_scale) v.scale = nice_ticks(from_zero ? 0 : lo, hi, 5);
}

void fill_pyramid(ViewData& v, IndicatorValues& values) {
    const DisplayIndicator residents = display_indicator(catalogue_index("population"));
    auto& p = v.pyramid;
    p.base_year = v.first_year;
    p.year = std::clamp(v.year, v.first_year, std::max(v.first_year, values.last_viewable_year(residents)));
    p.has_now = values.last_viewable_year(residents) >= p.year;
    p.has_base = p.has_now && p.year != p.base_year;
    if (!p.has_now) return;
    for (int s = 0; s < kNumSexes; ++s)
        for (int g = 0; g < kNumAgeGroups; ++g) {
            p.now[s][g] = values.get(residents, p.year, v.unit, s, g).value_or(0);
            if (p.has_base) p.base[s][g] = values.get(residents, p.base_year, v.unit, s, g).value_or(0);
        }
}

void fill_bars(ViewData& v, IndicatorValues& values, const ModelData& data) {
    if (v.ind.province_only()) return;  // no districts, no breakdown
    for (int z = 0; z < data.num_zones(); ++z)
        if (data.is_utrecht_district(z)) v.districts.push_back({data.zones[z].name, values.get(v.ind, v.year, z), z});
    const int city = find_unit(values.units(), std::string(kAggregateCodes[0]));
    if (city >= 0) v.city_value = values.get(v.ind, v.year, city);
    const bool births = v.ind.info->numerator.size() == 1 && v.ind.info->numerator[0] == Measure::Births;
    v.breakdown_title = ui_text(v.ind.lang, births ? "education.by_mother" : "education.by");
    for (int e = 0; e < kNumEducation; ++e)
        v.breakdown.push_back({ui_text(v.ind.lang, "education." + std::string(kEducationNames[e])),
                               values.get(v.ind, v.year, v.unit, kAll, kAll, e)});
}

}  // namespace

ViewData compute_view_data(const ModelData& data, const Snapshot& snap, IndicatorValues& values,
                           const ViewState& state) {
    ViewData v;
    v.ind = display_indicator(state.indicator, state.lang);
    v.year = state.year;
    // An indicator of the province as a whole is charted for the province, whatever is selected.
    v.unit = v.ind.province_only() ? province_unit(values.units()) : state.unit;
    v.unit_name = area_name(values.units().at(v.unit), state.lang);
    v.first_year = kFirstYear;
    v.end_year = snap.end_year();
    v.last_viewable = values.last_viewable_year(v.ind);
    v.year_has_values = state.year <= v.last_viewable;
    fill_series(v, values);
    fill_map(v, values, data.num_zones(), state.scale_over_all_years);
    fill_pyramid(v, values);
    fill_bars(v, values, data);
    return v;
}

}  // namespace hhu::viz
