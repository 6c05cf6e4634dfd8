#include "indicator_values.hpp"

#include <cmath>
#include <stdexcept>

namespace hhu::viz {

namespace {

// One cache slot per (indicator, year, unit, sex, age group, education), packed into 64 bits with a
// field wide enough for each part: a key that dropped bits once let indicators equal modulo 16 show
// each other's numbers. A part out of its field's range is a programming error, never a shared slot.
std::uint64_t key(int indicator, int year, int unit, int sex, int group, int edu) {
    struct Field {
        int value, bits;
    };
    const Field fields[] = {{indicator, 16}, {year, 12}, {unit, 12}, {sex + 1, 4}, {group + 1, 8}, {edu + 1, 4}};
    std::uint64_t k = 0;
    for (const auto& [value, bits] : fields) {
        if (value < 0 || value >= (1 << bits)) throw std::logic_error("indicator value cache: key part out of range");
        k = (k << bits) | static_cast<std::uint64_t>(value);
    }
    return k;
}

}  // namespace

IndicatorValues::IndicatorValues(const ModelData& data)
    : indicators_(data, mirror_.results()), province_(indicators_.unit_index(kAggregateCodes[kNumAggregates - 1])) {}

bool IndicatorValues::update(const Snapshot& snap) {
    const bool new_run = mirror_.sync(snap);
    steps_done_ = snap.steps_done;
    finished_ = snap.finished();
    cells_year_ = cells_unit_ = -1;  // the live year's counters may have moved on
    if (new_run) {
        cache_.clear();
        total_cache_.clear();
    }
    return new_run;
}

bool IndicatorValues::available(const DisplayIndicator& d) const {
    if (d.info->kind == IndicatorKind::Labour) return !mirror_.results().labour.empty();
    return !d.info->needs_health || has_health();
}

int IndicatorValues::last_viewable_year(const DisplayIndicator& d) const {
    if (steps_done_ == 0 || !available(d)) return kFirstYear - 1;
    return d.stock ? year_of_step(steps_done_ - 1) : kFirstYear + steps_done_ / kMonthsPerYear - 1;
}

const std::vector<double>& IndicatorValues::cells(int year, int unit) {
    if (year != cells_year_ || unit != cells_unit_) {
        cells_ = indicators_.unit_cells(indicators_.year_counters(year), unit);
        cells_year_ = year;
        cells_unit_ = unit;
    }
    return cells_;
}

std::optional<double> IndicatorValues::get(const DisplayIndicator& d, int year, int unit, int sex, int group, int edu) {
    if (year < kFirstYear || year > last_viewable_year(d)) return std::nullopt;
    const std::uint64_t k = key(d.index, year, unit, sex, group, edu);
    if (const auto it = cache_.find(k); it != cache_.end()) return it->second;
    const auto v = compute(d, year, unit, sex, group, edu);
    cache_.emplace(k, v);
    return v;
}

std::optional<double> IndicatorValues::total(const IndicatorInfo& info, int year, int unit) const {
    if (year < kFirstYear || year > last_complete_year()) return std::nullopt;
    if (info.needs_health && !has_health()) return std::nullopt;
    const std::uint64_t k = key(static_cast<int>(&info - indicator_catalogue().data()), year, unit, 0, 0, 0);
    if (const auto it = total_cache_.find(k); it != total_cache_.end()) return it->second;
    const double v = indicators_.value(info, year, unit);
    const auto out = std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
    total_cache_.emplace(k, out);
    return out;
}

std::optional<double> IndicatorValues::compute(const DisplayIndicator& d, int year, int unit, int sex, int group,
                                               int edu) {
    if (d.province_only()) {
        if (unit != province_ || sex != kAll || group != kAll || edu != kAll) return std::nullopt;
        const double v = indicators_.labour_value(*d.info, year);
        return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
    }
    if (d.info->kind == IndicatorKind::LifeTable) {
        const double e = indicators_.value(*d.info, year, unit, sex, group, edu);
        return std::isfinite(e) && e > 0 ? std::optional<double>(e) : std::nullopt;
    }
    const auto& c = cells(year, unit);
    const double v = indicator_from_cells(*d.info, c, sex, group, edu);
    switch (d.scaling) {
        case Scaling::Percent: {
            // A share of nobody has no value (the library returns 0 for it).
            IndicatorInfo denominator;
            denominator.numerator = d.info->denominator;
            if (indicator_from_cells(denominator, c, sex, group, edu) <= 0) return std::nullopt;
            return 100 * v;
        }
        case Scaling::PerThousand:
        case Scaling::PerResident: {
            const double residents = indicator_from_cells(d.denominator, c, sex, group, edu);
            if (residents <= 0) return std::nullopt;
            return v / residents * (d.scaling == Scaling::PerThousand ? 1000 : 1);
        }
        default:
            return v;
    }
}

}  // namespace hhu::viz
