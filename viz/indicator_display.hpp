#pragma once
// How the viewer shows an indicator of the catalogue, so that zones of different size compare:
// the population as residents, other counts (events) per 1,000 residents (or live births), shares as
// percentages, amounts (care hours, costs, QALYs) per resident, life tables in years; the care
// labour market (province only) as it comes.
#include <string>

#include "sim/output/indicators.hpp"
#include "sim/report/report_text.hpp"

namespace hhu::viz {

enum class Scaling { AsIs, PerThousand, PerResident, Percent };

struct DisplayIndicator {
    int index = 0;  // into indicator_catalogue()
    const IndicatorInfo* info = nullptr;
    Scaling scaling = Scaling::AsIs;
    IndicatorInfo denominator;      // PerThousand / PerResident: the residents (or births) counted
    std::string denominator_label;  // "residents", "live births"
    bool stock = false;             // counted on 1 January: known from a year's first month
    Language lang = Language::English;  // of the label, title, unit and group

    std::string name() const { return std::string(info->name); }
    // The care labour market is modelled for the province as a whole only.
    bool province_only() const { return info->kind == IndicatorKind::Labour; }
    std::string label() const;       // "COPD", "Heupfracturen": sim/output/indicator_labels
    std::string title() const;       // label with its scaling: "Births per 1,000 residents"
    std::string unit_label() const;  // "per 1,000 residents", "% of residents aged 18+", "years"
    std::string csv_name() const;    // "births_per_1000_residents", "prevalence_copd_percent"
    std::string per_thousand() const;  // "per 1,000 residents", "per 1.000 levendgeborenen"
    std::string group() const;       // where it is listed: "Population", "Life expectancy", ...
};

DisplayIndicator display_indicator(int catalogue_index, Language lang = Language::English);
int catalogue_index(std::string_view name);  // -1 if not in the catalogue

}  // namespace hhu::viz
