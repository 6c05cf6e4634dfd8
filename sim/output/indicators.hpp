#pragma once
// The indicators a run reports, computed from its Results: counts, ratios (prevalences, shares) and
// amounts per reporting unit (a zone or an aggregate) for any combination of sex, age group and
// education, and life-table indicators. Writers (yearly.csv, summary.json), the validation and the
// viewer read results only through this; the catalogue is the one list of indicators.
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/model/model_data.hpp"
#include "sim/output/detail.hpp"
#include "sim/output/life_table.hpp"
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

enum class IndicatorKind { Count, Ratio, Amount, LifeTable, Labour };
// What a labour-market indicator reads from a LabourYear.
enum class LabourValue { Workers, Supply, Demand, Gap, LeverCost };

struct IndicatorInfo {
    std::string_view name;
    std::string_view unit;
    std::string_view population;
    std::string_view definition;
    IndicatorKind kind = IndicatorKind::Count;
    std::vector<Measure> numerator;    // summed
    std::vector<Measure> denominator;  // Ratio only
    int life_table_age = 0;            // LifeTable only
    bool healthy = false;              // LifeTable: healthy life expectancy (Sullivan)
    bool needs_health = false;         // only when the health model ran
    LabourValue labour = LabourValue::Workers;  // Labour only
    int care_kind = -1;                         // Labour only: a kind of care, or -1 for all
    int first_group = 0;                        // the five-year age groups counted (Count, Ratio, Amount)
    int last_group = kNumAgeGroups - 1;
};
// Every indicator, in output order.
const std::vector<IndicatorInfo>& indicator_catalogue();
const IndicatorInfo* find_indicator(std::string_view name);
// data/indicators.csv: name,unit,population,definition.
std::string indicator_catalogue_csv();

class Indicators {
public:
    Indicators(const ModelData& data, const Results& results);

    const std::vector<ReportingUnit>& units() const { return units_; }
    bool has_health() const { return results_.health; }
    bool has_labour() const { return !results_.labour.empty(); }
    // A labour-market indicator (province only); NaN when the year has no labour result.
    double labour_value(const IndicatorInfo& info, int year) const;
    // The indicators this run has (the health ones only when the health model ran).
    std::vector<const IndicatorInfo*> available() const;
    // Full-population value of a measure (stock on 1 January, events or amount during the year).
    double count(int year, int unit, Measure m, int sex = kAll, int group = kAll, int edu = kAll) const;
    double end_population(int unit) const;  // 1 January after the last simulated year
    double life_expectancy(int year, int unit, int sex = kAll, int age = 0, int edu = kAll, bool healthy = false) const;
    // The life table's input (deaths, exposure, healthy years by age) of a unit, year, sex and education.
    LifeTableInput life_table_input(int year, int unit, int sex = kAll, int edu = kAll) const;
    // Any indicator of the catalogue by name; throws InputError for an unknown name.
    double value(std::string_view indicator, int year, int unit, int sex = kAll, int group = kAll,
                 int edu = kAll) const;
    double value(const IndicatorInfo& info, int year, int unit, int sex = kAll, int group = kAll, int edu = kAll) const;
    int unit_index(std::string_view code) const;  // -1 if unknown
    int first_year() const { return results_.first_year; }
    int last_complete_year() const { return results_.first_year + results_.completed_years - 1; }
    const ModelData& data() const { return data_; }

    // Sums of every measure per cell for one unit and year (full-population weighted): [measure][cell].
    std::vector<double> unit_cells(const YearCounters& y, int unit) const;
    // The same for some measures only, the others' cells left 0: each of those exactly as unit_cells gives
    // it, at a fraction of the cost for a reader of a few measures of every year (summary.json's totals).
    std::vector<double> unit_cells(const YearCounters& y, int unit, std::span<const Measure> only) const;
    const YearCounters& year_counters(int year) const { return results_.years[year - results_.first_year]; }

private:
    const ModelData& data_;
    const Results& results_;
    std::vector<ReportingUnit> units_;
};

// The value of an indicator (not a life table) from a unit's cell sums, for a breakdown.
double indicator_from_cells(const IndicatorInfo& info, const std::vector<double>& cells, int sex, int group, int edu);

// yearly.csv: year,zone,sex,age_group,education,indicator,value for every complete year, with the
// rows of `detail` only (the same rows as filter_rows of the full table, computed without the others).
// `threads` format years side by side (0: every core); the bytes are the same at any number.
std::string yearly_csv(const Indicators& indicators, Detail detail = Detail::Full, int threads = 1);
// The same bytes handed to `sink` in pieces (the header, then a year at a time, in order), so that a
// writer holds a few years at once instead of the whole table.
void write_yearly_csv(const Indicators& indicators, Detail detail, int threads,
                      const std::function<void(std::string_view)>& sink);
// The rows of yearly.csv for these reporting units (codes) and indicators only (names; those the run
// does not have are left out), in the same order and format.
std::string yearly_csv(const Indicators& indicators, const std::vector<std::string>& units,
                       const std::vector<std::string>& indicator_names);
// Formats a value: whole numbers without decimals, others rounded to 4 decimals, shortest form.
std::string format_value(double v);

}  // namespace hhu
