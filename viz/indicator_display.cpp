#include "indicator_display.hpp"

#include <cctype>
#include <sstream>

namespace hhu::viz {

namespace {

// Typography only: words of catalogue names that are acronyms or need a capital.
std::string word_for_display(const std::string& w) {
    static const std::pair<const char*, const char*> kWords[] = {{"chd", "CHD"},
                                                                 {"copd", "COPD"},
                                                                 {"gp", "GP"},
                                                                 {"fte", "FTE"},
                                                                 {"eur", "(EUR)"},
                                                                 {"ed", "(emergency department)"},
                                                                 {"qalys", "QALYs"},
                                                                 {"dalys", "DALYs"},
                                                                 {"big2", "Big2"},
                                                                 {"psych", "psychological"},
                                                                 {"65", "at 65"}};
    for (const auto& [from, to] : kWords)
        if (w == from) return to;
    return w;
}

std::string humanise(std::string_view name) {
    std::istringstream in{std::string(name)};
    std::string word, out;
    while (std::getline(in, word, '_')) {
        if (!out.empty()) out += ' ';
        out += word_for_display(word);
    }
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

bool is_stock(Measure m) {
    return m == Measure::Population || (measure_index(m) >= measure_index(Measure::Adults) &&
                                        measure_index(m) <= measure_index(Measure::InformalCareNeed));
}

}  // namespace

DisplayIndicator display_indicator(int catalogue_index) {
    const auto& info = indicator_catalogue().at(catalogue_index);
    DisplayIndicator d;
    d.index = catalogue_index;
    d.info = &info;
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
        case IndicatorKind::Ratio:
            d.scaling = Scaling::Percent;
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

std::string DisplayIndicator::label() const { return humanise(info->name); }

std::string DisplayIndicator::title() const {
    switch (scaling) {
        case Scaling::PerThousand:
            return label() + " per 1,000 " + denominator_label;
        case Scaling::PerResident:
            return label() + " per resident";
        default:
            return label();
    }
}

std::string DisplayIndicator::unit_label() const {
    switch (scaling) {
        case Scaling::PerThousand:
            return "per 1,000 " + denominator_label;
        case Scaling::PerResident:
            return std::string(info->unit) + " per resident";
        case Scaling::Percent:
            return "% of " + std::string(info->population);
        default:
            return info->kind == IndicatorKind::Count ? "residents" : std::string(info->unit);
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
            return "Life expectancy";
        case IndicatorKind::Ratio:
            return "Health: shares of residents";
        case IndicatorKind::Amount:
            return "Health: care, costs, QALYs";
        case IndicatorKind::Count:
            return info->needs_health ? "Health: new cases and events" : "Demography";
        case IndicatorKind::Labour:
            return "Care labour market (province)";
    }
    return "";
}

}  // namespace hhu::viz
