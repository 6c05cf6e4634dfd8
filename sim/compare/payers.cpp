#include "sim/compare/payers.hpp"

#include "sim/core/error.hpp"
#include "sim/compare/productivity.hpp"
#include "sim/io/csv.hpp"
#include "sim/model/prices.hpp"

namespace hhu {

namespace {

// The row whose `key_column` is `key` (and `basis`, if given).
std::size_t row_of(const CsvTable& t, const char* key_column, const std::string& key, const char* basis = nullptr) {
    for (std::size_t r = 0; r < t.rows(); ++r)
        if (t.str(r, key_column) == key && (basis == nullptr || t.str(r, "basis") == basis)) return r;
    throw InputError(t.name() + ": no row with " + key_column + " " + key +
                     (basis ? std::string(" and basis ") + basis : std::string()) +
                     " (expected the model's data table; hhu compare prices care by payer from it)");
}

// The hours a year of a kind of care per client or resident (care_use.csv).
double hours_of(const CsvTable& use, const std::string& kind, const char* basis) {
    return use.num_in(row_of(use, "kind", kind, basis), "hours_per_year", 1e-9, 1e9);
}

// The cost per case of `condition` in costs.csv, indexed from its row's price year to kPriceYear.
double indexed_cost(const CsvTable& costs, const PriceIndex& index, const std::string& condition) {
    return indexed_amount(index, costs, row_of(costs, "condition", condition), "cost_per_case_eur", 1e-9, 1e9);
}

}  // namespace

CarePrices read_care_prices(const std::filesystem::path& data_dir) {
    const PriceIndex index = read_price_index(data_dir);
    const CsvTable costs = CsvTable::read(data_dir / "health" / "costs.csv");
    const CsvTable use = CsvTable::read(data_dir / "health" / "care_use.csv");
    costs.require_columns({"condition", "cost_per_case_eur", "price_year"});
    CarePrices p;
    p.nursing_home_per_hour = indexed_cost(costs, index, "nursing_home") / hours_of(use, "nursing_home", "resident");
    p.home_care_per_hour = indexed_cost(costs, index, "home_care") / hours_of(use, "home_care", "client");
    p.productivity_per_hour = kProductivityCostPerHour * index.factor(kProductivityPriceYear);
    return p;
}

std::optional<CarePrices> read_care_prices_or_warn(const std::filesystem::path& data_dir, std::vector<std::string>& warnings) {
    try {
        return read_care_prices(data_dir);
    } catch (const InputError& e) {
        warnings.push_back(std::string("costs by payer, productivity losses and the societal totals left out: ") + e.what());
        return std::nullopt;
    }
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
