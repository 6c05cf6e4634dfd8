#include "sim/health/health_data.hpp"

#include <cmath>
#include <cstdlib>
#include <set>
#include <tuple>

#include "sim/core/error.hpp"
#include "sim/io/csv.hpp"
#include "sim/io/sha256.hpp"

namespace hhu {

namespace {

class Reader {
public:
    Reader(const ModelData& data, HealthData& h) : data_(data), h_(h), dir_(data.directory / "health") {}

    CsvTable open(const std::string& name, const std::vector<std::string>& columns) {
        const auto path = dir_ / name;
        CsvTable t = CsvTable::read(path);
        t.require_columns(columns);
        apply_patches(t, "health/" + name, data_.patches);  // a parameter draw, if any
        h_.files.push_back({"health/" + name, sha256_file(path)});
        return t;
    }
    int sex(const CsvTable& t, std::size_t r) const { return t.choice(r, "sex", kSexNames); }
    int group(const CsvTable& t, std::size_t r) const { return t.choice(r, "age_group", kAgeGroupNames); }
    int edu(const CsvTable& t, std::size_t r) const { return t.choice(r, "education", kEducationNames); }
    int zone(const CsvTable& t, std::size_t r) const {
        const int z = data_.zone_index(t.str(r, "zone"));
        if (z < 0) throw InputError(t.where(r, "zone") + ": unknown zone code '" + t.str(r, "zone") + "'");
        return z;
    }
    int condition(const CsvTable& t, std::size_t r, const char* column = "condition") const {
        const auto& s = t.str(r, column);
        if (const int c = condition_index(s); c >= 0) return c;
        throw InputError(t.where(r, column) + ": unknown condition '" + s + "'");
    }
    // Every key must appear exactly once and `expected` keys in all.
    template <typename Key>
    void once(const CsvTable& t, std::size_t r, std::set<Key>& seen, const Key& key) const {
        if (!seen.insert(key).second) throw InputError(t.name() + ":" + std::to_string(t.line(r)) + ": duplicate row");
    }
    template <typename Key>
    void complete(const CsvTable& t, const std::set<Key>& seen, std::size_t expected, const std::string& what) const {
        if (seen.size() != expected)
            throw InputError(t.name() + ": expected " + std::to_string(expected) + " rows (" + what + "), found " +
                             std::to_string(seen.size()));
    }

    void prevalence() {
        auto t = open("risk_factor_prevalence.csv", {"factor", "sex", "age_group", "education", "prevalence"});
        static constexpr std::array<std::string_view, kNumFactors> names = {
            "smoking_current", "overweight", "obese", "physically_active", "excessive_alcohol",
            "psych_distress", "lonely_severe", "frail", "smoking_former"};
        std::set<std::tuple<int, int, int, int>> seen;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int f = t.choice(r, "factor", names), s = sex(t, r), g = group(t, r), e = edu(t, r);
            once(t, r, seen, {f, s, g, e});
            const double p = t.num_in(r, "prevalence", 0, 1);
            if (f == kNumFactors - 1)
                h_.smoking_former[s][g][e] = p;
            else
                h_.prevalence[f][s][g][e] = p;
        }
        complete(t, seen, static_cast<std::size_t>(kNumFactors) * kNumSexes * kNumAgeGroups * kNumEducation,
                 "factor x sex x age group x education");
    }

    void dynamics() {
        auto t = open("risk_factor_dynamics.csv", {"factor", "exit_rate", "relapse_share"});
        std::set<int> seen;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const auto& name = t.str(r, "factor");
            if (name == "home_care") continue;  // given in seniors.csv
            if (name == "smoking_former") continue;  // former smokers follow from quitting; no chain of their own
            const int f = t.choice(r, "factor", kFactorNames);
            once(t, r, seen, f);
            h_.exit_rate[f] = t.num_in(r, "exit_rate", 0, 20);
            if (f == static_cast<int>(Factor::SmokingCurrent)) h_.smoking_relapse_share = t.num_in(r, "relapse_share", 0, 1);
        }
        complete(t, seen, kNumFactors - 1, "one per factor except home_care");
    }

    void trend() {
        auto t = open("risk_factor_trend.csv", {"factor", "year", "odds_multiplier"});
        h_.trend.assign(data_.last_year - data_.first_year + 1, {});
        for (auto& y : h_.trend) y.fill(1.0);
        std::set<std::pair<int, int>> seen;
        h_.trend_smoking_former.assign(h_.trend.size(), 1.0);
        for (std::size_t r = 0; r < t.rows(); ++r) {
            if (t.str(r, "factor") == "home_care") continue;
            if (t.str(r, "factor") == "smoking_former") {
                const int y = static_cast<int>(t.num_in(r, "year", data_.first_year, data_.last_year));
                h_.trend_smoking_former[y - data_.first_year] = t.num_in(r, "odds_multiplier", 0.01, 100);
                continue;
            }
            const int f = t.choice(r, "factor", kFactorNames);
            const int y = static_cast<int>(t.num_in(r, "year", data_.first_year, data_.last_year));
            once(t, r, seen, {f, y});
            h_.trend[y - data_.first_year][f] = t.num_in(r, "odds_multiplier", 0.01, 100);
        }
        complete(t, seen, (kNumFactors - 1) * h_.trend.size(), "factor x year");
    }

    void zone_odds() {
        auto t = open("zone_odds_ratios.csv", {"zone", "factor", "odds_ratio"});
        h_.zone_odds.assign(data_.num_zones(), {});
        for (auto& z : h_.zone_odds) z.fill(1.0);
        h_.zone_odds_big2.assign(data_.num_zones(), 1.0);
        h_.zone_odds_smoking_former.assign(data_.num_zones(), 1.0);
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int z = zone(t, r);
            const double v = t.num_in(r, "odds_ratio", 0.05, 20);
            if (t.str(r, "factor") == "big2")
                h_.zone_odds_big2[z] = v;
            else if (t.str(r, "factor") == "smoking_former")
                h_.zone_odds_smoking_former[z] = v;
            else if (t.str(r, "factor") != "home_care")
                h_.zone_odds[z][t.choice(r, "factor", kFactorNames)] = v;
        }
    }

    void conditions() {
        auto t = open("conditions.csv", {"condition", "sex", "age_group", "prevalence", "incidence", "remission"});
        std::set<std::tuple<int, int, int>> seen;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int c = condition(t, r), s = sex(t, r), g = group(t, r);
            once(t, r, seen, {c, s, g});
            h_.condition_prevalence[c][s][g] = t.num_in(r, "prevalence", 0, 1);
            h_.incidence[c][s][g] = t.num_in(r, "incidence", 0, 2);
            h_.remission[c][s][g] = t.num_in(r, "remission", 0, 20);
            // The chronic conditions other than depression/anxiety are lifelong in the model (as in the
            // RIVM chronic disease model): a remission rate for them would be read and never used.
            if (c != condition::DepressionAnxiety && h_.remission[c][s][g] != 0)
                throw InputError(t.where(r, "remission") + ": must be 0 for " + t.str(r, "condition") +
                                 ": the model has remission for depression_anxiety only (the other conditions are "
                                 "lifelong)");
        }
        complete(t, seen, static_cast<std::size_t>(kNumConditions) * kNumSexes * kNumAgeGroups,
                 "condition x sex x age group");
    }

    void relative_risks() {
        auto t = open("relative_risks.csv", {"outcome", "factor", "level", "relative_risk"});
        for (auto& o : h_.rr) o.fill(1.0);
        std::set<std::pair<int, int>> seen;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int o = t.choice(r, "outcome", kOutcomeNames);
            const int x = exposure(t, r);
            if (o == static_cast<int>(Outcome::Death) &&
                (x == static_cast<int>(Exposure::EducationLow) || x == static_cast<int>(Exposure::EducationMiddle)))
                throw InputError(t.where(r, "factor") + ": education on death is given by sex and age group in "
                                 "education_death.csv, not here");
            once(t, r, seen, {o, x});
            h_.rr[o][x] = t.num_in(r, "relative_risk", 0.01, 100);
        }
    }

    void education_death() {
        auto t = open("education_death.csv", {"sex", "age_group", "education", "relative_risk"});
        static constexpr std::array<std::string_view, 2> levels = {"low", "middle"};
        std::set<std::tuple<int, int, int>> seen;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int s = sex(t, r), g = group(t, r), e = t.choice(r, "education", levels);
            once(t, r, seen, {s, g, e});
            h_.education_death[s][g][e] = t.num_in(r, "relative_risk", 0.01, 100);
        }
        complete(t, seen, static_cast<std::size_t>(kNumSexes) * kNumAgeGroups * 2, "sex x age group x low, middle");
    }

    int exposure(const CsvTable& t, std::size_t r) const {
        using X = Exposure;
        const auto& f = t.str(r, "factor");
        const auto& l = t.str(r, "level");
        auto bad = [&]() -> X {
            throw InputError(t.where(r, "level") + ": unknown factor/level '" + f + "/" + l + "'");
        };
        auto x = [&]() -> X {
            if (f == "smoking") return l == "current" ? X::SmokingCurrent : l == "former" ? X::SmokingFormer : bad();
            if (f == "bmi") return l == "overweight" ? X::Overweight : l == "obese" ? X::Obese : bad();
            if (f == "inactive") return X::Inactive;
            if (f == "excessive_alcohol") return X::Alcohol;
            if (f == "psych_distress") return X::Distress;
            if (f == "lonely_severe") return X::Lonely;
            if (f == "frail") return X::Frail;
            if (f == "education") return l == "low" ? X::EducationLow : l == "middle" ? X::EducationMiddle : bad();
            if (const int c = condition_index(f); c >= 0) return condition_exposure(c);
            if (f == "hip_fracture_recent") return X::HipFractureRecent;
            if (f == "living_alone") return X::LivingAlone;
            return X::kCount;
        }();
        if (x != X::kCount) return static_cast<int>(x);
        throw InputError(t.where(r, "factor") + ": unknown risk factor '" + f + "'");
    }

    void seniors() {
        auto t = open("seniors.csv", {"outcome", "sex", "age_group", "rate"});
        std::set<std::tuple<std::string, int, int>> seen;
        double exit_rate = -1;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const auto& o = t.str(r, "outcome");
            const int s = sex(t, r), g = group(t, r);
            if (o == "home_care_exit") {
                // One exit rate for the home-care chain: the rows must agree.
                const double v = t.num_in(r, "rate", 0, 20);
                if (exit_rate >= 0 && std::abs(v - exit_rate) > 1e-12)
                    throw InputError(t.where(r, "rate") + ": home_care_exit must be the same in every row (the model "
                                     "has one exit rate per chain), got " + std::to_string(v) + " and " + std::to_string(exit_rate));
                exit_rate = v;
                once(t, r, seen, {o, s, g});
                continue;
            }
            once(t, r, seen, {o, s, g});
            const double v = t.num_in(r, "rate", 0, 20);
            if (o == "fall_ed") h_.fall_rate[s][g] = v;
            else if (o == "hip_fracture") h_.hip_fracture_rate[s][g] = v;
            else if (o == "nursing_home_admission") h_.nursing_home_rate[s][g] = v;
            else if (o == "hip_fracture_excess_mortality") h_.hip_fracture_excess[s][g] = v;
            else if (o == "nursing_home_prevalence") {
                if (v > 1) throw InputError(t.where(r, "rate") + ": a prevalence must be at most 1");
                h_.nursing_home_prevalence[s][g] = v;
            }
            else if (o == "home_care_prevalence") {
                if (v > 1) throw InputError(t.where(r, "rate") + ": a prevalence must be at most 1");
                for (int e = 0; e < kNumEducation; ++e) h_.prevalence[static_cast<int>(Factor::HomeCare)][s][g][e] = v;
            } else
                throw InputError(t.where(r, "outcome") + ": unknown outcome '" + o + "'");
        }
        complete(t, seen, 7u * kNumSexes * kNumAgeGroups, "7 outcomes x sex x age group");
        h_.exit_rate[static_cast<int>(Factor::HomeCare)] = exit_rate;
    }

    void perinatal() {
        auto t = open("perinatal.csv", {"parameter", "value", "price_year"});
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const auto& name = t.str(r, "parameter");
            if (h_.perinatal.count(name) != 0) throw InputError(t.where(r, "parameter") + ": '" + name + "' given twice");
            // Euro amounts (the names ending in _eur) are indexed to kPriceYear from their row's price year.
            const bool amount = name.size() > 4 && name.compare(name.size() - 4, 4, "_eur") == 0;
            if (amount) h_.perinatal[name] = indexed_amount(data_.prices, t, r, "value", 0, 1e7);
            else require_no_price_year(t, r), h_.perinatal[name] = t.num(r, "value");
        }
        for (const char* k : {"or_mother_under20", "or_mother_40plus", "or_low_education", "smoking_in_pregnancy_share",
                              "neonatal_mortality_big2", "neonatal_mortality_other", "preterm_share_reference",
                              "sga_share_reference", "or_sga_when_preterm", "or_smoking_preterm", "or_smoking_sga",
                              "neonatal_cost_preterm_eur", "utility_loss_preterm", "child_protection_risk_group",
                              "child_protection_other", "child_protection_cost_per_year_eur", "asthma_excess_share_preterm",
                              "asthma_last_age", "asthma_cost_per_child_year_eur", "special_education_excess_share_preterm",
                              "special_education_first_age", "special_education_last_age",
                              "special_education_extra_cost_per_pupil_year_eur"})
            if (!h_.perinatal.count(k)) throw InputError(t.name() + ": missing parameter '" + std::string(k) + "'");
        for (const char* age : {"asthma_last_age", "special_education_first_age", "special_education_last_age"})
            if (const double a = h_.perinatal[age]; a < 0 || a >= kNumAges || a != std::floor(a))
                throw InputError(t.name() + ": parameter '" + age + "' = " + std::to_string(a) +
                                 ": expected a whole age in [0, " + std::to_string(kNumAges - 1) + "]");
        if (h_.perinatal["special_education_first_age"] > h_.perinatal["special_education_last_age"])
            throw InputError(t.name() + ": special_education_first_age is above special_education_last_age");
        // Shares and probabilities lie in [0, 1]; odds ratios are positive; costs and utility losses not negative.
        for (const auto& [name, v] : h_.perinatal) {
            const bool share = name.find("share") != std::string::npos || name.find("mortality") != std::string::npos ||
                               name.find("child_protection_risk") == 0 || name == "child_protection_other" ||
                               name == "utility_loss_preterm";
            const bool ratio = name.rfind("or_", 0) == 0;
            if ((share && (v < 0 || v > 1)) || (ratio && v <= 0) || v < 0)
                throw InputError(t.name() + ": parameter '" + name + "' = " + std::to_string(v) + ": expected " +
                                 (share ? "a share in [0, 1]" : ratio ? "an odds ratio above 0" : "a value of at least 0"));
        }
    }

    void quality_of_life() {
        auto t = open("perceived_health.csv", {"sex", "age_group", "education", "share_good"});
        std::set<std::tuple<int, int, int>> seen;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int s = sex(t, r), g = group(t, r), e = edu(t, r);
            once(t, r, seen, {s, g, e});
            h_.good_health_share[s][g][e] = t.num_in(r, "share_good", 0.001, 0.999);
        }
        complete(t, seen, static_cast<std::size_t>(kNumSexes) * kNumAgeGroups * kNumEducation, "sex x age group x education");
        auto u = open("utility_norms.csv", {"sex", "age_group", "utility"});
        std::set<std::pair<int, int>> seen_u;
        for (std::size_t r = 0; r < u.rows(); ++r) {
            const int s = sex(u, r), g = group(u, r);
            once(u, r, seen_u, {s, g});
            h_.utility[s][g] = u.num_in(r, "utility", 0, 1);
        }
        complete(u, seen_u, static_cast<std::size_t>(kNumSexes) * kNumAgeGroups, "sex x age group");
        auto d = open("disability_weights.csv", {"condition", "disability_weight"});
        std::set<std::string> seen_d;
        for (std::size_t r = 0; r < d.rows(); ++r) {
            const auto& c = d.str(r, "condition");
            once(d, r, seen_d, c);
            const double w = d.num_in(r, "disability_weight", 0, 1);
            if (c == "hip_fracture") h_.disability_weight_hip_fracture = w;
            else if (c == "frail") h_.disability_weight_frail = w;
            else h_.disability_weight[condition(d, r)] = w;
        }
        complete(d, seen_d, kNumConditions + 2, "the seven conditions, hip_fracture and frail");
    }

    void environment() {
        auto t = open("environment.csv", {"zone", "green_m2_per_dwelling", "active_mobility_index", "social_housing_share"});
        h_.environment.assign(data_.num_zones(), {});
        std::set<int> seen;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int z = zone(t, r);
            once(t, r, seen, z);
            for (int a = 0; a < 3; ++a) h_.environment[z][a] = t.num_in(r, kEnvironmentAttributes[a], 0, 1e4);
        }
        complete(t, seen, data_.zones.size(), "one per zone");
        auto e = open("environment_effects.csv", {"attribute", "factor", "odds_ratio_per_unit", "unit"});
        for (std::size_t r = 0; r < e.rows(); ++r) {
            EnvironmentEffect x;
            x.attribute = e.choice(r, "attribute", kEnvironmentAttributes);
            x.factor = e.choice(r, "factor", kFactorNames);
            x.odds_ratio_per_unit = e.num_in(r, "odds_ratio_per_unit", 0.1, 10);
            // The unit is "<number> <description>", e.g. "10 m2 per dwelling".
            const auto& unit = e.str(r, "unit");
            char* end = nullptr;
            x.unit = std::strtod(unit.c_str(), &end);
            if (end == unit.c_str() || !(x.unit > 0))
                throw InputError(e.where(r, "unit") + ": expected a positive number followed by its unit, got '" + unit + "'");
            h_.environment_effects.push_back(x);
        }
    }

    void calibration() {
        h_.mortality_calibration.assign(data_.last_year - data_.first_year + 1, {});
        for (auto& y : h_.mortality_calibration)
            for (auto& sx : y) sx.fill(1.0);
        h_.mortality_calibration_zone.assign(data_.num_zones(), 1.0);
        for (auto& f : h_.entry_calibration)
            for (auto& sx : f) sx.fill(1.0);
        for (auto& sx : h_.nursing_home_calibration) sx.fill(1.0);
        if (!std::filesystem::exists(dir_ / "mortality_calibration.csv")) return;
        // Written together by `hhu calibrate`: one without the other is an incomplete calibration.
        auto pt = open("prevalence_calibration.csv", {"target", "sex", "age_group", "multiplier"});
        std::set<std::tuple<int, int, int>> seen_targets;
        std::vector<std::string_view> targets(kFactorNames.begin(), kFactorNames.end());
        targets.push_back("nursing_home_admission");  // index kNumFactors
        for (std::size_t r = 0; r < pt.rows(); ++r) {
            const int f = pt.choice(r, "target", targets);
            const int s = sex(pt, r), g = group(pt, r);
            once(pt, r, seen_targets, {f, s, g});
            const double m = pt.num_in(r, "multiplier", 0.02, 50);
            if (f < kNumFactors) h_.entry_calibration[f][s][g] = m;
            else h_.nursing_home_calibration[s][g] = m;
        }
        complete(pt, seen_targets, static_cast<std::size_t>(kNumFactors + 1) * kNumSexes * kNumAgeGroups,
                 "(risk factor or nursing_home_admission) x sex x age group");
        auto t = open("mortality_calibration.csv", {"year", "sex", "age_group", "factor"});
        std::set<std::tuple<int, int, int>> seen;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int y = static_cast<int>(t.num_in(r, "year", data_.first_year, data_.last_year));
            const int s = sex(t, r), g = group(t, r);
            once(t, r, seen, {y, s, g});
            h_.mortality_calibration[y - data_.first_year][s][g] = t.num_in(r, "factor", 0.1, 10);
        }
        complete(t, seen, h_.mortality_calibration.size() * kNumSexes * kNumAgeGroups, "year x sex x age group");
        auto zt = open("mortality_calibration_zones.csv", {"zone", "factor"});
        std::set<int> seen_zones;
        for (std::size_t r = 0; r < zt.rows(); ++r) {
            const int z = zone(zt, r);
            once(zt, r, seen_zones, z);
            h_.mortality_calibration_zone[z] = zt.num_in(r, "factor", 0.2, 5);
        }
        complete(zt, seen_zones, data_.zones.size(), "one per zone");
        h_.calibrated = true;
    }

    void care_and_costs() {
        auto t = open("care_use.csv", {"kind", "basis", "key", "hours_per_year"});
        bool client = false, resident = false, mental = false;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const auto& kind = t.str(r, "kind");
            const auto& basis = t.str(r, "basis");
            const double v = t.num_in(r, "hours_per_year", 0, 9000);
            if (kind == "gp" && basis == "age_group") h_.gp_hours_by_group[t.choice(r, "key", kAgeGroupNames)] = v;
            else if (kind == "gp" && basis == "condition") h_.gp_hours_by_condition[condition(t, r, "key")] = v;
            else if (kind == "home_care" && basis == "client") h_.home_care_hours_per_client = v, client = true;
            else if (kind == "nursing_home" && basis == "resident") h_.nursing_home_hours_per_resident = v, resident = true;
            else if (kind == "mental_health" && basis == "case") h_.mental_health_hours_per_case = v, mental = true;
            else throw InputError(t.where(r, "basis") + ": unknown kind/basis '" + kind + "/" + basis + "'");
        }
        if (!client || !resident || !mental)
            throw InputError(t.name() + ": needs rows home_care/client, nursing_home/resident and mental_health/case");
        auto c = open("costs.csv", {"condition", "cost_per_case_eur", "price_year"});
        for (std::size_t r = 0; r < c.rows(); ++r) {
            const auto& name = c.str(r, "condition");
            const double v = indexed_amount(data_.prices, c, r, "cost_per_case_eur", 0, 1e6);
            if (name == "home_care") h_.cost_home_care_per_client = v;
            else if (name == "nursing_home") h_.cost_nursing_home_per_resident = v;
            else h_.cost_per_case[condition(c, r)] = v;
        }
    }

    void falls() {
        auto t = open("falls.csv", {"parameter", "value", "price_year"});
        h_.falls = read_falls(t, data_.prices);
    }

    void heart_failure() {
        auto t = open("heart_failure.csv", {"parameter", "value"});
        constexpr std::array<std::string_view, 1> names = {"admissions_per_case_year"};
        bool seen = false;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            t.choice(r, "parameter", names);
            if (seen) throw InputError(t.name() + ":" + std::to_string(t.line(r)) + ": duplicate parameter");
            seen = true;
            // Admissions a year per resident with heart failure: a few at most (the 2021 figure is 0.13).
            h_.heart_failure_admissions_per_year = t.num_in(r, "value", 0, 10);
        }
        if (!seen) throw InputError(t.name() + ": missing parameter 'admissions_per_case_year'");
    }

private:
    const ModelData& data_;
    HealthData& h_;
    std::filesystem::path dir_;
};

}  // namespace

double HealthData::perinatal_value(const std::string& name) const {
    const auto it = perinatal.find(name);
    if (it == perinatal.end()) throw InputError("data/health/perinatal.csv: missing parameter '" + name + "'");
    return it->second;
}

HealthData load_health_data(const ModelData& data) {
    HealthData h;
    Reader r(data, h);
    r.prevalence();
    r.dynamics();
    r.trend();
    r.zone_odds();
    r.conditions();
    r.relative_risks();
    r.education_death();
    r.seniors();
    r.perinatal();
    r.quality_of_life();
    r.environment();
    r.care_and_costs();
    r.calibration();
    r.falls();
    r.heart_failure();
    return h;
}

}  // namespace hhu
