#include "sim/health/falls.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/io/csv.hpp"
#include "sim/model/prices.hpp"

namespace hhu {

FallsData read_falls(const CsvTable& t, const PriceIndex& prices) {
    FallsData f;
    double cost_ed_fall = 0, hip_share = 0;
    struct Field {
        std::string_view name;
        double* value;
        int* months;
        double lo, hi;
        bool euro = false;  // a euro amount: indexed from its row's price year
    };
    // Disutilities are EQ-5D points (0-1); durations whole months up to 20 years; costs euros per event.
    const std::array<Field, 10> fields = {{
        {"fall_disutility", &f.fall_disutility, nullptr, 0, 1},
        {"fall_months", nullptr, &f.fall_months, 0, 240},
        {"hip_disutility_acute", &f.hip_disutility_acute, nullptr, 0, 1},
        {"hip_acute_months", nullptr, &f.hip_acute_months, 0, 240},
        {"hip_disutility_recovery", &f.hip_disutility_recovery, nullptr, 0, 1},
        {"hip_recovery_months", nullptr, &f.hip_recovery_months, 0, 240},
        {"hip_disutility_later", &f.hip_disutility_later, nullptr, 0, 1},
        {"cost_ed_fall_eur", &cost_ed_fall, nullptr, 0, 1e6, true},
        {"hip_fracture_share_of_ed_falls", &hip_share, nullptr, 0, 0.99},
        {"cost_hip_fracture_eur", &f.cost_hip_fracture_eur, nullptr, 0, 1e6, true},
    }};
    std::array<std::string_view, fields.size()> names{};
    for (std::size_t j = 0; j < fields.size(); ++j) names[j] = fields[j].name;
    std::array<bool, fields.size()> seen{};
    std::array<std::size_t, fields.size()> row_of{};
    for (std::size_t r = 0; r < t.rows(); ++r) {
        const int k = t.choice(r, "parameter", names);
        if (seen[k]) throw InputError(t.name() + ":" + std::to_string(t.line(r)) + ": duplicate parameter");
        seen[k] = true;
        row_of[k] = r;
        const double v = value_or_indexed_amount(prices, t, r, "value", fields[k].lo, fields[k].hi, fields[k].euro);
        if (fields[k].value != nullptr) *fields[k].value = v;
        else if (v != static_cast<int>(v)) throw InputError(t.where(r, "value") + ": expected a whole number of months");
        else *fields[k].months = static_cast<int>(v);
    }
    for (std::size_t j = 0; j < fields.size(); ++j)
        if (!seen[j]) throw InputError(t.name() + ": missing parameter '" + std::string(fields[j].name) + "'");
    // The rows an error about several parameters names ("lines 9, 10 and 11"), in the order of the file.
    const auto lines = [&](std::initializer_list<std::string_view> named) {
        std::vector<std::size_t> at;
        for (const std::string_view name : named)
            for (std::size_t j = 0; j < fields.size(); ++j)
                if (fields[j].name == name) at.push_back(t.line(row_of[j]));
        std::sort(at.begin(), at.end());
        std::string out;
        for (std::size_t n = 0; n < at.size(); ++n)
            out += (n == 0 ? "" : n + 1 == at.size() ? " and " : ", ") + std::to_string(at[n]);
        return t.name() + ": lines " + out;
    };
    const auto number = [](double v) {
        char text[32];
        std::snprintf(text, sizeof text, "%.6g", v);
        return std::string(text);
    };
    if (f.hip_recovery_months < f.hip_acute_months)
        throw InputError(lines({"hip_acute_months", "hip_recovery_months"}) + ": hip_recovery_months (" +
                         std::to_string(f.hip_recovery_months) + ") must be at least hip_acute_months (" +
                         std::to_string(f.hip_acute_months) + ")");
    f.cost_fall_eur = (cost_ed_fall - hip_share * f.cost_hip_fracture_eur) / (1 - hip_share);
    if (f.cost_fall_eur < 0)
        throw InputError(lines({"cost_ed_fall_eur", "hip_fracture_share_of_ed_falls", "cost_hip_fracture_eur"}) +
                         ": cost_ed_fall_eur (" + number(cost_ed_fall) + " in " + std::to_string(kPriceYear) +
                         " prices) is below hip_fracture_share_of_ed_falls x cost_hip_fracture_eur (" + number(hip_share) +
                         " x " + number(f.cost_hip_fracture_eur) + "): a fall other than a hip fracture would cost "
                         "less than nothing");
    return f;
}

double fall_disutility(const FallsData& f, HipPhase hip, bool recent_fall) {
    double d = recent_fall ? f.fall_disutility : 0.0;
    switch (hip) {
        case HipPhase::None: break;
        case HipPhase::Acute: d += f.hip_disutility_acute; break;
        case HipPhase::Recovery: d += f.hip_disutility_recovery; break;
        case HipPhase::Later: d += f.hip_disutility_later; break;
    }
    return d;
}

}  // namespace hhu
