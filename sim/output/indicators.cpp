#include "sim/output/indicators.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "sim/core/error.hpp"
#include "sim/output/life_table.hpp"

namespace hhu {

std::vector<ReportingUnit> reporting_units(const ModelData& data) {
    std::vector<ReportingUnit> u;
    for (int z = 0; z < data.num_zones(); ++z) u.push_back({data.zones[z].code, data.zones[z].name, z, -1});
    const std::array<std::string_view, kNumAggregates> names = {"Utrecht (city)", "U10", "U16",
                                                                "Province of Utrecht"};
    for (int a = 0; a < kNumAggregates; ++a)
        u.push_back({std::string(kAggregateCodes[a]), std::string(names[a]), -1, a});
    return u;
}

const std::vector<IndicatorInfo>& indicator_catalogue() {
    static const std::vector<IndicatorInfo> catalogue = {
        {"population", "persons", "all residents", "residents on 1 January of the year"},
        {"births", "persons", "all residents", "live births to residents during the year"},
        {"deaths", "persons", "all residents", "deaths of residents during the year"},
        {"immigration", "persons", "all residents",
         "arrivals into the zone or aggregate during the year (from elsewhere in the province or from outside)"},
        {"emigration", "persons", "all residents",
         "departures from the zone or aggregate during the year (to elsewhere in the province or outside)"},
        {"life_expectancy", "years", "all residents",
         "period life expectancy at birth from the year's deaths and person-years (abridged life table)"},
    };
    return catalogue;
}

Indicators::Indicators(const ModelData& data, const Results& results)
    : data_(data), results_(results), units_(reporting_units(data)) {}

double Indicators::cells(const YearCounters& y, int unit, Counter c, int sex, int group, int edu) const {
    const auto& u = units_[unit];
    const bool flow = c == Counter::Immigration || c == Counter::Emigration;
    std::int64_t total = 0;
    for (int s = 0; s < kNumSexes; ++s) {
        if (sex != kAll && s != sex) continue;
        for (int g = 0; g < kNumAgeGroups; ++g) {
            if (group != kAll && g != group) continue;
            for (int e = 0; e < kNumEducation; ++e) {
                if (edu != kAll && e != edu) continue;
                const int cell = cell_of(s, g, e);
                if (u.zone >= 0) {
                    total += y.count(c, u.zone, cell);
                } else {
                    for (int z = 0; z < data_.num_zones(); ++z)
                        if (data_.membership[u.aggregate][z]) total += y.count(c, z, cell);
                    if (flow) total -= y.internal(u.aggregate, cell);
                }
            }
        }
    }
    return static_cast<double>(total) * results_.weight;
}

double Indicators::count(int year, int unit, Counter c, int sex, int group, int edu) const {
    return cells(results_.years[year - results_.first_year], unit, c, sex, group, edu);
}

double Indicators::end_population(int unit) const {
    return cells(results_.end_population, unit, Counter::Population, kAll, kAll, kAll);
}

double Indicators::life_expectancy(int year, int unit, int sex, int age) const {
    const auto& y = results_.years[year - results_.first_year];
    const auto& u = units_[unit];
    LifeTableInput in;
    in.sex = sex;
    const int rate_year = std::clamp(year, data_.first_year, data_.last_year) - data_.first_year;
    for (int s = 0; s < kNumSexes; ++s) {
        if (sex != kAll && s != sex) continue;
        for (int a = 0; a < kNumAges; ++a)
            in.fallback_rates[a] += data_.mortality[rate_year][s][a] / (sex == kAll ? kNumSexes : 1);
        for (int z = 0; z < data_.num_zones(); ++z) {
            if (u.zone >= 0 ? z != u.zone : !data_.membership[u.aggregate][z]) continue;
            for (int a = 0; a < kNumAges; ++a) {
                const auto k = y.age_index(z, s, a);
                in.deaths[a] += static_cast<double>(y.deaths_by_age[k]);
                in.exposure_years[a] += static_cast<double>(y.exposure_months[k]) / kMonthsPerYear;
            }
        }
    }
    return life_expectancy_at(in, age);
}

double Indicators::value(std::string_view indicator, int year, int unit, int sex, int group, int edu) const {
    for (int c = 0; c < kNumCounters; ++c)
        if (indicator == kCounterNames[c]) return count(year, unit, static_cast<Counter>(c), sex, group, edu);
    if (indicator == "life_expectancy") return life_expectancy(year, unit, sex, 0);
    throw InputError("unknown indicator '" + std::string(indicator) + "' (see data/indicators.csv)");
}

int Indicators::unit_index(std::string_view code) const {
    for (std::size_t u = 0; u < units_.size(); ++u)
        if (units_[u].code == code) return static_cast<int>(u);
    return -1;
}

std::string format_value(double v) {
    char buf[64];
    if (std::abs(v - std::round(v)) < 1e-9 && std::abs(v) < 1e15) {
        auto [p, ec] = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(std::llround(v)));
        return std::string(buf, p);
    }
    const double r = std::round(v * 1e4) / 1e4;
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, r);
    return std::string(buf, p);
}

namespace {

struct Breakdown {
    int sex, group, edu;
};

std::vector<Breakdown> count_breakdowns() {
    std::vector<Breakdown> b = {{kAll, kAll, kAll}};
    for (int s = 0; s < kNumSexes; ++s) b.push_back({s, kAll, kAll});
    for (int g = 0; g < kNumAgeGroups; ++g) b.push_back({kAll, g, kAll});
    for (int s = 0; s < kNumSexes; ++s)
        for (int g = 0; g < kNumAgeGroups; ++g) b.push_back({s, g, kAll});
    for (int e = 0; e < kNumEducation; ++e) b.push_back({kAll, kAll, e});
    for (int s = 0; s < kNumSexes; ++s)
        for (int e = 0; e < kNumEducation; ++e) b.push_back({s, kAll, e});
    return b;
}

void append_row(std::string& out, int year, const std::string& unit, const Breakdown& b, std::string_view indicator,
                double value) {
    out += std::to_string(year);
    out += ',';
    out += unit;
    out += ',';
    out += b.sex == kAll ? std::string_view("all") : kSexNames[b.sex];
    out += ',';
    out += b.group == kAll ? std::string_view("all") : kAgeGroupNames[b.group];
    out += ',';
    out += b.edu == kAll ? std::string_view("all") : kEducationNames[b.edu];
    out += ',';
    out += indicator;
    out += ',';
    out += format_value(value);
    out += '\n';
}

}  // namespace

std::string yearly_csv(const Indicators& ind) {
    std::string out = "year,zone,sex,age_group,education,indicator,value\n";
    out.reserve(16u << 20);
    const auto breakdowns = count_breakdowns();
    for (int year = ind.first_year(); year <= ind.last_complete_year(); ++year) {
        for (int u = 0; u < static_cast<int>(ind.units().size()); ++u) {
            const auto& code = ind.units()[u].code;
            for (int c = 0; c < kNumCounters; ++c)
                for (const auto& b : breakdowns)
                    append_row(out, year, code, b, kCounterNames[c],
                               ind.count(year, u, static_cast<Counter>(c), b.sex, b.group, b.edu));
            for (int s : {kAll, 0, 1})
                append_row(out, year, code, {s, kAll, kAll}, "life_expectancy", ind.life_expectancy(year, u, s));
        }
    }
    return out;
}

}  // namespace hhu
