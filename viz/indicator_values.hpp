#pragma once
// What the viewer shows for an indicator of the catalogue: residents as counts, events per 1,000
// residents (so zones of different size compare), life expectancy in years; and which years of a
// running simulation have a value yet.
#include <optional>
#include <string>

#include "sim/output/indicators.hpp"
#include "sim_runner.hpp"

namespace hhu::viz {

enum class Measure {
    Residents,    // population on 1 January
    PerThousand,  // events during the year per 1,000 residents on 1 January
    Years,        // life expectancy at birth
    NotViewable,  // a catalogue entry this viewer does not know how to show yet
};

struct IndicatorKind {
    int index = 0;     // into indicator_catalogue()
    std::string name;  // the catalogue's name
    Measure measure = Measure::NotViewable;
    Counter counter = Counter::Population;

    bool viewable() const { return measure != Measure::NotViewable; }
    bool has_education() const { return measure == Measure::Residents || measure == Measure::PerThousand; }
    std::string title() const;       // "Births per 1,000 residents"
    std::string unit_label() const;  // "residents", "per 1,000 residents", "years"
    std::string csv_name() const;    // "births_per_1000_residents"
};

IndicatorKind describe_indicator(int catalogue_index);
int find_indicator(const std::string& name);  // -1 if not in the catalogue

// The last year with a value in this snapshot (first year - 1 if none): the live year for residents
// (its 1 January count is made in its first month), the last complete year for everything else.
int last_viewable_year(const IndicatorKind& kind, const Snapshot& snap);

// nullopt if the year has no value yet, or the denominator is empty.
std::optional<double> indicator_value(const Indicators& ind, const Snapshot& snap, const IndicatorKind& kind, int year,
                                      int unit, int sex = kAll, int edu = kAll);

}  // namespace hhu::viz
