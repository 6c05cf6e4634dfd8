#include "sim/compare/payers.hpp"

#include "sim/core/error.hpp"
#include "sim/compare/productivity.hpp"
#include "sim/io/csv.hpp"
#include "sim/model/prices.hpp"

namespace hhu {

namespace {

// The positive number in `column` of the row whose `key_column` is `key` (and `basis`, if given).
double value_of(const CsvTable& t, const char* key_column, const std::string& key, const char* column,
                const char* basis = nullptr) {
    for (std::size_t r = 0; r < t.rows(); ++r)
        if (t.str(r, key_column) == key && (basis == nullptr || t.str(r, "basis") == basis))
            return t.num_in(r, column, 1e-9, 1e9);
    throw InputError(t.name() + ": no row with " + key_column + " " + key +
                     (basis ? std::string(" and basis ") + basis : std::string()) +
                     " (expected the model's data table; hhu compare prices care by payer from it)");
}

// The cost per case of `condition` in costs.csv, indexed from its row's price year to kPriceYear.
double indexed_cost(const CsvTable& costs, const PriceIndex& index, const std::string& condition) {
    for (std::size_t r = 0; r < costs.rows(); ++r)
        if (costs.str(r, "condition") == condition) return indexed_amount(index, costs, r, "cost_per_case_eur", 1e-9, 1e9);
    throw InputError(costs.name() + ": no row with condition " + condition +
                     " (expected the model's data table; hhu compare prices care by payer from it)");
}

}  // namespace

CarePrices read_care_prices(const std::filesystem::path& data_dir) {
    const PriceIndex index = read_price_index(data_dir);
    const CsvTable costs = CsvTable::read(data_dir / "health" / "costs.csv");
    const CsvTable use = CsvTable::read(data_dir / "health" / "care_use.csv");
    costs.require_columns({"condition", "cost_per_case_eur", "price_year"});
    CarePrices p;
    p.nursing_home_per_hour = indexed_cost(costs, index, "nursing_home") /
                              value_of(use, "kind", "nursing_home", "hours_per_year", "resident");
    p.home_care_per_hour = indexed_cost(costs, index, "home_care") /
                           value_of(use, "kind", "home_care", "hours_per_year", "client");
    p.productivity_per_hour = kProductivityCostPerHour * index.factor(kProductivityPriceYear);
    return p;
}

std::array<double, kNumPayers> split_by_payer(const CarePrices& prices, double care_cost, double nursing_home_hours,
                                              double home_care_hours, double intervention_cost) {
    std::array<double, kNumPayers> v{};
    v[static_cast<int>(Payer::LongTermCare)] = nursing_home_hours * prices.nursing_home_per_hour;
    v[static_cast<int>(Payer::Municipality)] = home_care_hours * prices.home_care_per_hour * kHomeCareMunicipalShare;
    // The rest of the care costs: the conditions' cost of illness and district nursing.
    v[static_cast<int>(Payer::Insurer)] =
        care_cost - v[static_cast<int>(Payer::LongTermCare)] - v[static_cast<int>(Payer::Municipality)];
    v[static_cast<int>(Payer::Funder)] = intervention_cost;
    return v;
}

}  // namespace hhu
