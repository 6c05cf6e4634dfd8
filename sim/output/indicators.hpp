#pragma once
// The indicators a run reports, computed from its Results: counts per reporting unit (a zone or an
// aggregate) for any combination of sex, age group and education, and life expectancy. Writers
// (yearly.csv, summary.json) and the viewer read results only through this.
#include <string>
#include <string_view>
#include <vector>

#include "sim/model/model_data.hpp"
#include "sim/output/results.hpp"

namespace hhu {

inline constexpr int kAll = -1;

struct ReportingUnit {
    std::string code;
    std::string name;
    int zone = -1;       // a zone, or
    int aggregate = -1;  // an aggregate (index into kAggregateCodes)
};

// The zones in data order, then Utrecht city, U10, U16 and the province.
std::vector<ReportingUnit> reporting_units(const ModelData& data);

struct IndicatorInfo {
    std::string_view name;
    std::string_view unit;
    std::string_view population;
    std::string_view definition;
};
// Every indicator the run writes, in output order.
const std::vector<IndicatorInfo>& indicator_catalogue();

class Indicators {
public:
    Indicators(const ModelData& data, const Results& results);

    const std::vector<ReportingUnit>& units() const { return units_; }
    // Full-population value of a counter (population on 1 January, or events during the year).
    double count(int year, int unit, Counter c, int sex = kAll, int group = kAll, int edu = kAll) const;
    double end_population(int unit) const;  // 1 January after the last simulated year
    double life_expectancy(int year, int unit, int sex = kAll, int age = 0) const;
    // Any indicator of the catalogue by name; throws InputError for an unknown name.
    double value(std::string_view indicator, int year, int unit, int sex = kAll, int group = kAll,
                 int edu = kAll) const;
    int unit_index(std::string_view code) const;  // -1 if unknown
    int first_year() const { return results_.first_year; }
    int last_complete_year() const { return results_.first_year + results_.completed_years - 1; }

private:
    double cells(const YearCounters& y, int unit, Counter c, int sex, int group, int edu) const;
    const ModelData& data_;
    const Results& results_;
    std::vector<ReportingUnit> units_;
};

// yearly.csv: year,zone,sex,age_group,education,indicator,value for every complete year.
std::string yearly_csv(const Indicators& indicators);
// Formats a value: whole numbers without decimals, others rounded to 4 decimals, shortest form.
std::string format_value(double v);

}  // namespace hhu
