// Reading and checking data/labour/*.csv (see data/labour/README.md).
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "sim/core/error.hpp"
#include "sim/io/csv.hpp"
#include "sim/io/sha256.hpp"
#include "sim/labour/labour_market.hpp"

namespace hhu {

const std::array<std::string_view, kNumCareKinds> kCareKindNames = {"gp",           "home_care", "nursing_home",
                                                                    "mental_health", "hospital",  "other_welfare"};

namespace {

std::string line_of(const CsvTable& t, std::size_t row) { return t.name() + ":" + std::to_string(t.line(row)); }

class Reader {
public:
    Reader(const std::filesystem::path& data_dir, LabourData& d, const PriceIndex& prices)
        : dir_(data_dir / "labour"), d_(d), prices_(prices) {}

    CsvTable open(const std::string& name, const std::vector<std::string>& columns) {
        const auto path = dir_ / name;
        CsvTable t = CsvTable::read(path);
        t.require_columns(columns);
        d_.files.push_back({"labour/" + name, sha256_file(path)});
        return t;
    }

    template <typename Key>
    static void once(const CsvTable& t, std::size_t row, std::map<Key, std::size_t>& seen, const Key& key) {
        const auto [it, fresh] = seen.emplace(key, row);
        if (!fresh)
            throw InputError(line_of(t, row) + ": duplicate row (first given on line " +
                             std::to_string(t.line(it->second)) + ")");
    }
    template <typename Key>
    static void complete(const CsvTable& t, const std::map<Key, std::size_t>& seen, std::size_t expected,
                         const std::string& what) {
        if (seen.size() != expected)
            throw InputError(t.name() + ": expected " + std::to_string(expected) + " rows (" + what + "), found " +
                             std::to_string(seen.size()));
    }

    void parameters() {
        auto t = open("parameters.csv", {"name", "value"});
        struct Param {
            std::string_view name;
            double lo, hi;
            bool whole;
        };
        static constexpr std::array<Param, 9> params = {{{"base_year", 2000, 2100, true},
                                                         {"workers_per_1000_residents", 1, 500, false},
                                                         {"fte_hours_per_week", 1, 60, false},
                                                         {"productive_hours_per_fte", 100, 3000, false},
                                                         {"base_gap_share", -0.5, 2, false},
                                                         {"study_dropout_rate", 0, 0.95, false},
                                                         {"student_inflow_lag_years", 0, 10, true},
                                                         {"study_dropout_lag_years", 0, 10, true},
                                                         {"inflow_scale", 0.2, 5, false}}};
        std::map<std::string, std::size_t> seen;
        std::array<double, params.size()> value{};
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const auto& name = t.str(r, "name");
            std::size_t i = 0;
            while (i < params.size() && params[i].name != name) ++i;
            if (i == params.size()) {
                std::string valid;
                for (const auto& p : params) valid += (valid.empty() ? "" : ", ") + std::string(p.name);
                throw InputError(t.where(r, "name") + ": unknown parameter '" + name + "' (expected one of: " + valid +
                                 ")");
            }
            once(t, r, seen, name);
            value[i] = t.num_in(r, "value", params[i].lo, params[i].hi);
            if (params[i].whole && value[i] != std::floor(value[i]))
                throw InputError(t.where(r, "value") + ": expected a whole number for " + name);
        }
        for (const auto& p : params)
            if (!seen.count(std::string(p.name)))
                throw InputError(t.name() + ": missing parameter '" + std::string(p.name) + "'");
        d_.base_year = static_cast<int>(value[0]);
        d_.workers_per_1000 = value[1];
        d_.fte_hours_per_week = value[2];
        d_.productive_hours_per_fte = value[3];
        d_.base_gap_share = value[4];
        d_.study_dropout_rate = value[5];
        d_.student_inflow_lag_years = static_cast<int>(value[6]);
        d_.study_dropout_lag_years = static_cast<int>(value[7]);
        d_.inflow_scale = value[8];
    }

    // supply_trends.csv: every year base_year..kLabourLastYear once, neutral in the base year (which the
    // module calibrates on).
    void trends() {
        auto t = open("supply_trends.csv",
                      {"year", "education_intake_index", "retirement_age_shift_years", "hours_index"});
        const int first = d_.base_year;
        if (first > kLabourLastYear)
            throw InputError(t.name() + ": the base year " + std::to_string(first) + " is after " +
                             std::to_string(kLabourLastYear));
        d_.trends.assign(static_cast<std::size_t>(kLabourLastYear - first + 1), SupplyTrend{});
        std::map<int, std::size_t> seen;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int y = static_cast<int>(t.num_in(r, "year", first, kLabourLastYear));
            if (y != t.num(r, "year")) throw InputError(t.where(r, "year") + ": expected a whole year");
            once(t, r, seen, y);
            SupplyTrend x;
            x.education_intake = t.num_in(r, "education_intake_index", 0.05, 5);
            x.retirement_shift_years = t.num_in(r, "retirement_age_shift_years", -5, 5);
            x.hours = t.num_in(r, "hours_index", 0.5, 2);
            if (y == first && (x.education_intake != 1 || x.retirement_shift_years != 0 || x.hours != 1))
                throw InputError(line_of(t, r) + ": the base year " + std::to_string(first) +
                                 " must be neutral (education_intake_index 1, retirement_age_shift_years 0, "
                                 "hours_index 1): the module starts from it");
            d_.trends[y - first] = x;
        }
        complete(t, seen, d_.trends.size(),
                 "one per year " + std::to_string(first) + ".." + std::to_string(kLabourLastYear));
    }

    void workforce() {
        auto t = open("workforce.csv", {"sex", "age", "participation", "hours_per_week", "education_inflow",
                                        "lateral_inflow", "outflow_other", "retirement"});
        std::map<std::pair<int, int>, std::size_t> seen;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int s = t.choice(r, "sex", kSexNames);
            const int a = static_cast<int>(t.num_in(r, "age", kLabourMinAge - 1, kLabourMaxAge));
            if (a != t.num(r, "age")) throw InputError(t.where(r, "age") + ": expected a whole age");
            once(t, r, seen, std::pair{s, a});
            LabourAgeRates x;
            x.participation = t.num_in(r, "participation", 0, 1);
            x.hours_per_week = t.num_in(r, "hours_per_week", 0, 80);
            x.education_inflow = t.num_in(r, "education_inflow", 0, 1);
            x.lateral_inflow = t.num_in(r, "lateral_inflow", 0, 1);
            x.outflow_other = t.num_in(r, "outflow_other", 0, 1);
            x.retirement = t.num_in(r, "retirement", 0, 1);
            if (x.outflow_other + x.retirement > 1 + 1e-9)
                throw InputError(line_of(t, r) + ": outflow_other + retirement must not exceed 1");
            if (a == kLabourMinAge - 1 && x.participation != 0)
                throw InputError(t.where(r, "participation") + ": must be 0 at age " +
                                 std::to_string(kLabourMinAge - 1) + " (the stock starts at " +
                                 std::to_string(kLabourMinAge) + ")");
            if (a == kLabourMaxAge && x.retirement != 1)
                throw InputError(t.where(r, "retirement") + ": must be 1 at age " + std::to_string(kLabourMaxAge) +
                                 " (the stock ends there)");
            if (a == kLabourMaxAge && (x.education_inflow != 0 || x.lateral_inflow != 0))
                throw InputError(line_of(t, r) + ": no inflow at age " + std::to_string(kLabourMaxAge) +
                                 " (entrants would be older than the stock)");
            d_.rates[s][a - kLabourMinAge + 1] = x;
        }
        complete(t, seen, static_cast<std::size_t>(kNumSexes) * (kLabourAges + 1),
                 "sex x age " + std::to_string(kLabourMinAge - 1) + ".." + std::to_string(kLabourMaxAge));
    }

    void kinds() {
        auto t = open("care_kinds.csv", {"kind", "worker_share", "fte_share", "demand_driver"});
        std::map<int, std::size_t> seen;
        static constexpr std::array<std::string_view, 3> drivers = {"health_model", "hospital_use", "residents"};
        double workers = 0, fte = 0;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int k = t.choice(r, "kind", kCareKindNames);
            once(t, r, seen, k);
            workers += d_.worker_share[k] = t.num_in(r, "worker_share", 0, 1);
            fte += d_.fte_share[k] = t.num_in(r, "fte_share", 0, 1);
            const int driver = t.choice(r, "demand_driver", drivers);
            if ((driver == 0) != (k < kNumHealthCareKinds))
                throw InputError(t.where(r, "demand_driver") + ": the kinds gp, home_care, nursing_home and "
                                 "mental_health (and only they) are driven by the health_model");
        }
        complete(t, seen, kNumCareKinds, "one per kind of care");
        if (std::abs(workers - 1) > 1e-3 || std::abs(fte - 1) > 1e-3) {
            std::ostringstream msg;
            msg << t.name() << ": worker_share and fte_share must each sum to 1, they sum to " << workers << " and "
                << fte;
            throw InputError(msg.str());
        }
    }

    void drivers() {
        auto t = open("demand_drivers.csv", {"kind", "age_group", "weight"});
        std::map<std::pair<int, int>, std::size_t> seen;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int k = t.choice(r, "kind", kCareKindNames);
            if (k < kNumHealthCareKinds)
                throw InputError(t.where(r, "kind") + ": '" + std::string(kCareKindNames[k]) +
                                 "' takes its demand from the health model, not from a driver");
            const int g = t.choice(r, "age_group", kAgeGroupNames);
            once(t, r, seen, std::pair{k, g});
            d_.driver_weight[k][g] = t.num_in(r, "weight", 0, 100);
        }
        complete(t, seen, static_cast<std::size_t>(kNumCareKinds - kNumHealthCareKinds) * kNumAgeGroups,
                 "hospital and other_welfare x age group");
    }

    void lever_costs() {
        auto t = open("lever_costs.csv", {"lever", "cost_eur", "price_year"});
        std::map<int, std::size_t> seen;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int l = t.choice(r, "lever", kLeverNames);
            once(t, r, seen, l);
            // A lever without a published unit cost has 0 and no price year.
            d_.unit_cost_eur[l] = value_or_indexed_amount(prices_, t, r, "cost_eur", 0, 1e7, t.num_in(r, "cost_eur", 0, 1e7) != 0);
        }
        complete(t, seen, kNumLevers, "one per lever");
    }

private:
    std::filesystem::path dir_;
    LabourData& d_;
    const PriceIndex& prices_;
};

}  // namespace

LabourData load_labour_data(const std::filesystem::path& data_dir, const PriceIndex& prices) {
    if (!std::filesystem::is_directory(data_dir / "labour"))
        throw InputError((data_dir / "labour").string() +
                         ": labour data directory not found (run tools/build_labour_data.py)");
    LabourData d;
    Reader read(data_dir, d, prices);
    read.parameters();
    read.workforce();
    read.kinds();
    read.drivers();
    read.lever_costs();
    read.trends();
    return d;
}

}  // namespace hhu
