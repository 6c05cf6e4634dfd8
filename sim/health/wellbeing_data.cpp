#include "sim/health/wellbeing_data.hpp"

#include <map>
#include <string>

#include "sim/core/error.hpp"
#include "sim/io/csv.hpp"
#include "sim/io/sha256.hpp"

namespace hhu {

namespace {

CsvTable read_table(const std::filesystem::path& directory, const std::string& name, WellbeingData& d) {
    const auto path = directory / "wellbeing" / name;
    CsvTable t = CsvTable::read(path);
    d.files.push_back({"wellbeing/" + name, sha256_file(path)});
    return t;
}

// parameters.csv: every parameter once, each within its range.
void read_parameters(const std::filesystem::path& directory, const PriceIndex& prices, WellbeingData& d) {
    const CsvTable t = read_table(directory, "parameters.csv", d);
    t.require_columns({"parameter", "value", "unit", "price_year", "source"});
    struct Spec {
        double* into;
        double lo, hi;
    };
    const std::map<std::string, Spec> specs = {
        {"satisfied_threshold", {&d.satisfied_threshold, 0, 10}},
        {"mean_score_target", {&d.mean_score_target, 0, 10}},
        {"share_happy_target", {&d.share_happy_target, 0.01, 0.99}},
        {"effect_depression_anxiety", {&d.effect_depression_anxiety, -10, 10}},
        {"effect_physical_condition", {&d.effect_physical_condition, -10, 10}},
        {"effect_living_alone", {&d.effect_living_alone_sigma, -10, 10}},
        {"effect_lonely_severe", {&d.effect_lonely_severe_sigma, -10, 10}},
        {"effect_heavy_caregiving", {&d.effect_heavy_caregiving, -10, 10}},
        {"heavily_burdened_share", {&d.heavily_burdened_share, 0, 1}},
        {"hours_per_week_heavy", {&d.hours_per_week_heavy, 0, 168}},
        {"hours_per_week_other", {&d.hours_per_week_other, 0, 168}},
        {"utility_loss_heavy_carer", {&d.utility_loss_heavy_carer, 0, 1}},
        {"utility_loss_other_carer", {&d.utility_loss_other_carer, 0, 1}},
        {"informal_care_price_eur", {&d.informal_care_price_eur, 0, 1000}},
    };
    std::map<std::string, int> seen;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        const auto& name = t.str(r, "parameter");
        const auto it = specs.find(name);
        if (it == specs.end()) throw InputError(t.where(r, "parameter") + ": unknown parameter '" + name + "'");
        if (seen.count(name) != 0)
            throw InputError(t.where(r, "parameter") + ": '" + name + "' given twice (first on line " +
                             std::to_string(seen[name]) + ")");
        seen[name] = t.line(r);
        // The one euro amount, the shadow price of informal care, is indexed to kPriceYear from its price year.
        *it->second.into = value_or_indexed_amount(prices, t, r, "value", it->second.lo, it->second.hi,
                                                   name == "informal_care_price_eur");
    }
    for (const auto& [name, spec] : specs)
        if (seen.count(name) == 0) throw InputError(t.name() + ": missing parameter '" + name + "'");
}

// satisfaction_targets.csv: a share satisfied and happy for every age band, sex and education level.
void read_targets(const std::filesystem::path& directory, WellbeingData& d) {
    const CsvTable t = read_table(directory, "satisfaction_targets.csv", d);
    t.require_columns({"dimension", "group", "satisfied", "happy", "source"});
    std::array<bool, kNumWellbeingBands + kNumSexes + kNumEducation> given{};
    static constexpr std::array<std::string_view, 4> kDimensions = {"age", "sex", "education", "all"};
    for (std::size_t r = 0; r < t.rows(); ++r) {
        const int dim = t.choice(r, "dimension", kDimensions);
        if (dim == 3) continue;  // the total: documented, not used (the margins carry it)
        const double satisfied = t.num_in(r, "satisfied", 0.01, 0.99), happy = t.num_in(r, "happy", 0.01, 0.99);
        int k = 0;
        if (dim == 0) {
            k = t.choice(r, "group", kWellbeingBandNames);
            d.satisfied_by_band[k] = satisfied, d.happy_by_band[k] = happy;
        } else if (dim == 1) {
            const int s = t.choice(r, "group", kSexNames);
            d.satisfied_by_sex[s] = satisfied, d.happy_by_sex[s] = happy;
            k = kNumWellbeingBands + s;
        } else {
            const int e = t.choice(r, "group", kEducationNames);
            d.satisfied_by_education[e] = satisfied, d.happy_by_education[e] = happy;
            k = kNumWellbeingBands + kNumSexes + e;
        }
        given[k] = true;
    }
    for (bool g : given)
        if (!g)
            throw InputError(t.name() + ": expected a row for every age band (" + std::to_string(kNumWellbeingBands) +
                             "), sex and education level");
}

// carers_by_age.csv: the share giving informal care by sex and five-year age group (groups not given: 0).
void read_carers(const std::filesystem::path& directory, WellbeingData& d) {
    const CsvTable t = read_table(directory, "carers_by_age.csv", d);
    t.require_columns({"sex", "age_group", "share", "source"});
    for (std::size_t r = 0; r < t.rows(); ++r) {
        const int s = t.choice(r, "sex", kSexNames), g = t.choice(r, "age_group", kAgeGroupNames);
        d.carer_share[s][g] = t.num_in(r, "share", 0, 1);
    }
}

}  // namespace

WellbeingData load_wellbeing_data(const std::filesystem::path& directory, const PriceIndex& prices) {
    WellbeingData d;
    read_parameters(directory, prices, d);
    read_targets(directory, d);
    read_carers(directory, d);
    return d;
}

}  // namespace hhu
