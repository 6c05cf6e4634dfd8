#include "indicator_values.hpp"

#include <cctype>
#include <cmath>

namespace hhu::viz {

namespace {

std::string sentence_case(std::string_view name) {
    std::string s(name);
    for (char& c : s)
        if (c == '_') c = ' ';
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

}  // namespace

IndicatorKind describe_indicator(int catalogue_index) {
    const auto& info = indicator_catalogue().at(catalogue_index);
    IndicatorKind k;
    k.index = catalogue_index;
    k.name = std::string(info.name);
    if (info.name == "life_expectancy") {
        k.measure = Measure::Years;
        return k;
    }
    for (int c = 0; c < kNumCounters; ++c)
        if (kCounterNames[c] == info.name) {
            k.counter = static_cast<Counter>(c);
            k.measure = k.counter == Counter::Population ? Measure::Residents : Measure::PerThousand;
        }
    return k;
}

int find_indicator(const std::string& name) {
    const auto& cat = indicator_catalogue();
    for (std::size_t i = 0; i < cat.size(); ++i)
        if (cat[i].name == name) return static_cast<int>(i);
    return -1;
}

std::string IndicatorKind::title() const {
    switch (measure) {
        case Measure::PerThousand: return sentence_case(name) + " per 1,000 residents";
        case Measure::Years: return sentence_case(name) + " at birth";
        default: return sentence_case(name);
    }
}

std::string IndicatorKind::unit_label() const {
    switch (measure) {
        case Measure::Residents: return "residents";
        case Measure::PerThousand: return "per 1,000 residents";
        case Measure::Years: return "years";
        default: return std::string(indicator_catalogue().at(index).unit);
    }
}

std::string IndicatorKind::csv_name() const {
    switch (measure) {
        case Measure::PerThousand: return name + "_per_1000_residents";
        case Measure::Years: return name + "_years";
        default: return name;
    }
}

int last_viewable_year(const IndicatorKind& kind, const Snapshot& snap) {
    if (!snap.started()) return kFirstYear - 1;
    return kind.measure == Measure::Residents ? snap.live_year() : snap.last_complete_year();
}

std::optional<double> indicator_value(const Indicators& ind, const Snapshot& snap, const IndicatorKind& kind, int year,
                                      int unit, int sex, int edu) {
    if (!kind.viewable() || year < ind.first_year() || year > last_viewable_year(kind, snap)) return std::nullopt;
    switch (kind.measure) {
        case Measure::Residents: return ind.count(year, unit, Counter::Population, sex, kAll, edu);
        case Measure::PerThousand: {
            const double residents = ind.count(year, unit, Counter::Population, sex, kAll, edu);
            if (residents <= 0) return std::nullopt;
            return 1000.0 * ind.count(year, unit, kind.counter, sex, kAll, edu) / residents;
        }
        case Measure::Years: {
            if (edu != kAll) return std::nullopt;  // life tables are by sex only
            const double e0 = ind.life_expectancy(year, unit, sex);
            return std::isfinite(e0) ? std::optional<double>(e0) : std::nullopt;
        }
        default: return std::nullopt;
    }
}

}  // namespace hhu::viz
