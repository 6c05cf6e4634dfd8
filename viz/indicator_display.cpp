#include "indicator_display.hpp"

#include "sim/output/indicator_labels.hpp"

namespace hhu::viz {

namespace {

// Stocks are counted on 1 January, so their year is known from its first month: sim's own
// classification of every measure (measure_timing), so that a new measure cannot be forgotten here.
bool is_stock(Measure m) { return measure_timing(m) == MeasureTiming::Stock; }

std::string words(std::string_view english, std::string_view dutch, Language lang) {
    return std::string(lang == Language::Dutch && !dutch.empty() ? dutch : english);
}

}  // namespace

DisplayIndicator display_indicator(int catalogue_index, Language lang) {
    const auto& info = indicator_catalogue().at(catalogue_index);
    DisplayIndicator d;
    d.index = catalogue_index;
    d.info = &info;
    d.lang = lang;
    d.stock = info.kind == IndicatorKind::Count || info.kind == IndicatorKind::Ratio;
    for (Measure m : info.numerator) d.stock = d.stock && is_stock(m);
    for (Measure m : info.denominator) d.stock = d.stock && is_stock(m);
    const bool per_birth = info.population == "live births";
    d.denominator.numerator = {per_birth ? Measure::Births : Measure::Population};
    d.denominator_label = per_birth ? "live births" : "residents";
    switch (info.kind) {
        case IndicatorKind::Count:
            d.scaling = info.numerator.size() == 1 && info.numerator[0] == Measure::Population ? Scaling::AsIs
                                                                                               : Scaling::PerThousand;
            break;
        case IndicatorKind::Ratio:  // shares as percentages; a mean (the life-satisfaction score) as it is
            d.scaling = info.unit == "share (0-1)" ? Scaling::Percent : Scaling::AsIs;
            break;
        case IndicatorKind::Amount:  // amounts counted over births (e.g. attributable preterm births): per 1,000 births
            d.scaling = per_birth ? Scaling::PerThousand : Scaling::PerResident;
            break;
        case IndicatorKind::LifeTable:
        case IndicatorKind::Labour:
            d.scaling = Scaling::AsIs;
            break;
    }
    return d;
}

int catalogue_index(std::string_view name) {
    const auto& cat = indicator_catalogue();
    for (std::size_t i = 0; i < cat.size(); ++i)
        if (cat[i].name == name) return static_cast<int>(i);
    return -1;
}

std::string DisplayIndicator::label() const {
    const std::string_view l = indicator_label(info->name, lang == Language::Dutch);
    return l.empty() ? std::string(info->name) : std::string(l);  // every indicator has one (tests/output)
}

std::string DisplayIndicator::per_thousand() const {
    if (lang == Language::Dutch) return denominator_label == "residents" ? "per 1.000 inwoners" : "per 1.000 levendgeborenen";
    return "per 1,000 " + denominator_label;
}

std::string DisplayIndicator::title() const {
    switch (scaling) {
        case Scaling::PerThousand:
            return label() + " " + per_thousand();
        case Scaling::PerResident:
            return label() + words(" per resident", " per inwoner", lang);
        default:
            return label();
    }
}

std::string DisplayIndicator::unit_label() const {
    switch (scaling) {
        case Scaling::PerThousand:
            return per_thousand();
        case Scaling::PerResident:
            return words(info->unit, unit_nl(info->unit), lang) + words(" per resident", " per inwoner", lang);
        case Scaling::Percent:
            return words("% of ", "% van ", lang) + words(info->population, population_nl(info->population), lang);
        default:
            if (info->kind == IndicatorKind::Count) return words("residents", "inwoners", lang);
            return words(info->unit, unit_nl(info->unit), lang);
    }
}

std::string DisplayIndicator::csv_name() const {
    switch (scaling) {
        case Scaling::PerThousand:
            return name() + "_per_1000_" + (denominator_label == "residents" ? "residents" : "live_births");
        case Scaling::PerResident:
            return name() + "_per_resident";
        case Scaling::Percent:
            return name() + "_percent";
        default:
            return name();
    }
}

std::string DisplayIndicator::group() const {
    switch (info->kind) {
        case IndicatorKind::LifeTable:
            return words("Life expectancy", "Levensverwachting", lang);
        case IndicatorKind::Ratio:
            return words("Health: shares of residents", "Gezondheid: aandelen van inwoners", lang);
        case IndicatorKind::Amount:
            return words("Health: care, costs, QALYs", "Gezondheid: zorg, kosten, QALY's", lang);
        case IndicatorKind::Count:
            return info->needs_health ? words("Health: new cases and events", "Gezondheid: nieuwe gevallen en gebeurtenissen", lang)
                                      : words("Demography", "Bevolking", lang);
        case IndicatorKind::Labour:
            return words("Care labour market (province)", "Arbeidsmarkt zorg (provincie)", lang);
    }
    return "";
}

}  // namespace hhu::viz
