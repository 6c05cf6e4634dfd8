#include "sim/model/prices.hpp"

#include <cmath>
#include <stdexcept>

#include "sim/core/error.hpp"
#include "sim/io/csv.hpp"

namespace hhu {

PriceIndex::PriceIndex(int first_change_year, const std::vector<double>& changes_percent)
    : first_year_(first_change_year - 1), factor_(changes_percent.size() + 1, 1.0) {
    if (first_change_year + static_cast<int>(changes_percent.size()) - 1 != kPriceYear)
        throw std::invalid_argument("PriceIndex: the changes must end at the price year " + std::to_string(kPriceYear));
    // factor_[k] = prod over the years after first_year_ + k of (1 + change/100): filled from kPriceYear back.
    for (std::size_t k = changes_percent.size(); k-- > 0;) factor_[k] = factor_[k + 1] * (1.0 + changes_percent[k] / 100.0);
}

double PriceIndex::factor(int price_year) const {
    if (!covers(price_year))
        throw std::out_of_range("PriceIndex::factor: " + std::to_string(price_year) + " is outside " +
                                std::to_string(first_year_) + "-" + std::to_string(kPriceYear));
    return factor_[static_cast<std::size_t>(price_year - first_year_)];
}

PriceIndex parse_price_index(const CsvTable& t) {
    t.require_columns({"year", "change_percent"});
    if (t.rows() == 0) throw InputError(t.name() + ": no rows (expected the CPI's yearly change up to " +
                                        std::to_string(kPriceYear) + ")");
    const auto first = static_cast<int>(t.integer(0, "year"));
    std::vector<double> changes;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        const int expected = first + static_cast<int>(r);
        if (t.integer(r, "year") != expected)
            throw InputError(t.where(r, "year") + ": expected " + std::to_string(expected) +
                             " (consecutive years, each once, in order)");
        changes.push_back(t.num_in(r, "change_percent", -50, 100));
    }
    const int last = first + static_cast<int>(t.rows()) - 1;
    if (last != kPriceYear)
        throw InputError(t.name() + ": the last year is " + std::to_string(last) + ", expected " +
                         std::to_string(kPriceYear) + " (the price year the model reports in, sim/model/prices.hpp)");
    return PriceIndex(first, changes);
}

PriceIndex read_price_index(const std::filesystem::path& data_directory) {
    return parse_price_index(CsvTable::read(data_directory / kConsumerPricesFile));
}

int price_year_of(const PriceIndex& prices, const CsvTable& t, std::size_t row) {
    const double y = t.num(row, "price_year");
    // Compared as a double first: a huge value must not be converted to int.
    if (y != std::floor(y) || y < prices.first_year() || y > kPriceYear)
        throw InputError(t.where(row, "price_year") + ": expected a year from " + std::to_string(prices.first_year()) +
                         " to " + std::to_string(kPriceYear) + " (the years " + std::string(kConsumerPricesFile) +
                         " reaches), got '" + t.str(row, "price_year") + "'");
    return static_cast<int>(y);
}

double indexed_amount(const PriceIndex& prices, const CsvTable& t, std::size_t row, std::string_view amount_column,
                      double lo, double hi) {
    const double amount = t.num_in(row, amount_column, lo, hi);
    return amount * prices.factor(price_year_of(prices, t, row));
}

double value_or_indexed_amount(const PriceIndex& prices, const CsvTable& t, std::size_t row, std::string_view column,
                               double lo, double hi, bool euro_amount) {
    if (euro_amount) return indexed_amount(prices, t, row, column, lo, hi);
    require_no_price_year(t, row);
    return t.num_in(row, column, lo, hi);
}

void require_no_price_year(const CsvTable& t, std::size_t row) {
    if (!t.str(row, "price_year").empty())
        throw InputError(t.where(row, "price_year") + ": a price year on a row that is not a euro amount (expected "
                                                      "an empty cell)");
}

}  // namespace hhu
