#pragma once
// What the user has chosen (ViewState) and everything drawn from it for one snapshot (ViewData),
// computed once when either changes, so an idle frame only draws.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "indicator_display.hpp"
#include "indicator_values.hpp"
#include "scales.hpp"
#include "sim/model/model_data.hpp"
#include "sim_runner.hpp"

namespace hhu::viz {

struct ViewState {
    int indicator = 0;  // index into indicator_catalogue()
    int unit = 0;       // reporting unit: a zone, or an aggregate after the zones
    int year = kFirstYear;
    bool follow_latest = true;         // the year moves with the simulation
    bool scale_over_all_years = true;  // map colours comparable across years
    bool difference = false;           // the map shows the scenario minus its baseline
    Language lang = Language::English; // of the indicators' names and units
    bool operator==(const ViewState&) const = default;
};

struct Bar {
    std::string label;
    std::optional<double> value;
    int unit = -1;  // reporting unit the bar stands for, if any
};

struct Pyramid {
    // Residents on 1 January by [sex][age group], of the selected year and of the first year.
    std::array<std::array<double, kNumAgeGroups>, kNumSexes> now{}, base{};
    bool has_now = false, has_base = false;
    int year = kFirstYear, base_year = kFirstYear;
};

// Another run's series for the time-series chart: the baseline, or a scenario side by side.
struct SeriesLine {
    std::string name;
    std::vector<std::optional<double>> values;        // [year - first_year]
    std::vector<std::optional<double>> lower, upper;  // a 95% interval over replicates, if any
    std::uint32_t colour = 0;                         // ImU32
    bool dashed = false;
    std::string title;  // in plain words for the legend (the name is the CSV's scenario column)
};

// Cumulated intervention costs against cumulated QALYs gained over the baseline, year by year, for
// one scenario (the province as a whole).
struct CostCurve {
    std::string name;   // the scenario's name (the CSV's scenario column)
    std::string title;  // in plain words, in the viewer's language (the legend)
    std::uint32_t colour = 0;
    std::vector<int> years;
    // Cumulated to each year. cost_eur is the net cost of the one definition of cost per QALY
    // (sim/compare/compare.hpp cost_per_qaly): intervention costs + change in care costs.
    std::vector<double> qalys_gained, cost_eur, intervention_cost_eur, care_cost_change_eur, participants;
};

struct ViewData {
    DisplayIndicator ind;
    int year = kFirstYear;
    int unit = 0;
    std::string unit_name;
    int first_year = kFirstYear, end_year = kFirstYear;
    int last_viewable = kFirstYear - 1;  // last year with values of this indicator
    bool year_has_values = false;

    std::vector<std::optional<double>> zone_values;  // [zone], selected year
    bool has_scale = false;
    Ticks scale;  // the map's colour domain and legend ticks

    std::vector<std::optional<double>> series;     // [year - first_year], selected unit
    std::vector<std::optional<double>> series_lower, series_upper;  // its 95% interval over replicates, if any
    std::vector<std::optional<double>> reference;  // same for the province (rates only), else empty
    std::string reference_name;

    Pyramid pyramid;
    std::vector<Bar> districts;  // Utrecht city's districts, selected year
    std::optional<double> city_value;
    std::vector<Bar> breakdown;  // by education (or by sex for life expectancy)
    std::string breakdown_title;

    // Comparisons (filled by the App): the live scenario's name, the baseline and scenarios side by side.
    std::string series_name;
    std::string series_title;  // the same scenario in plain words, for the chart's legend
    std::vector<SeriesLine> lines;
    std::vector<CostCurve> costs;
    bool has_interventions = false;  // the live scenario has interventions switched on
    std::string caption;             // a map of a scenario side by side: its name
    std::string preview_note;        // the edit's quick preview is shown (the full run is refining it)
    std::string band_note;           // what the band is (the interval over replicates)
    bool difference = false;         // zone_values and scale are the scenario minus its baseline
};

int province_unit(const std::vector<ReportingUnit>& units);
// An area's name in the language: the city and the province translated; municipalities, districts, U10
// and U16 keep their names.
std::string area_name(const ReportingUnit& unit, Language lang);
int find_unit(const std::vector<ReportingUnit>& units, const std::string& code);  // -1 if none

ViewData compute_view_data(const ModelData& data, const Snapshot& snap, IndicatorValues& values,
                           const ViewState& state);

}  // namespace hhu::viz
