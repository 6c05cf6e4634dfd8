#pragma once
// Every euro amount in one price year. The amounts the model reads are in their sources' prices, from 2007
// to 2023, each with its price year next to it in data/ (a `price_year` column; docs/research/price_years.md
// lists every one with the evidence for its year). The model indexes each to kPriceYear with the consumer
// price index (CBS CPI, all households: data/consumer_prices.csv, source CBS-CPI-2023), as the Dutch costing
// manual does for its reference prices (Kostenhandleiding 2024: 644 euro in 2022 -> 668.47 in 2023).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hhu {

class CsvTable;

// The price year of every amount the model reports: the last year of the CPI table read.
inline constexpr int kPriceYear = 2023;

class PriceIndex {
public:
    // From the yearly changes in percent of the years first_change_year .. kPriceYear, in order (the last change
    // must be kPriceYear's: std::invalid_argument otherwise; parse_price_index checks a table's).
    PriceIndex(int first_change_year, const std::vector<double>& changes_percent);
    PriceIndex() = default;  // empty: covers kPriceYear only (factor 1)

    // The earliest price year the index reaches: the year before its first change.
    int first_year() const { return first_year_; }
    bool covers(int year) const { return year >= first_year_ && year <= kPriceYear; }
    // The factor taking an amount in `price_year` prices to kPriceYear prices: the product of (1 + change/100)
    // over the years after price_year up to kPriceYear. std::out_of_range unless covers(price_year).
    double factor(int price_year) const;

private:
    int first_year_ = kPriceYear;
    std::vector<double> factor_{1.0};  // [year - first_year_]
};

// The index of a consumer_prices.csv table (columns year, change_percent): consecutive years up to and
// including kPriceYear, each change above -50%. Throws InputError naming the line and what was expected.
PriceIndex parse_price_index(const CsvTable& table);
// The same, read from data_directory/consumer_prices.csv (hhu compare, which reads no other model table).
PriceIndex read_price_index(const std::filesystem::path& data_directory);
inline constexpr std::string_view kConsumerPricesFile = "consumer_prices.csv";

// The euro amount in `amount_column` of `row` (checked to lie in [lo, hi]) in kPriceYear prices: taken from
// the price year in the row's `price_year` column. A year the index does not cover is an error naming the cell.
double indexed_amount(const PriceIndex& prices, const CsvTable& table, std::size_t row, std::string_view amount_column,
                      double lo, double hi);
// The row's price year: a whole year the index covers, else an error naming the cell.
int price_year_of(const PriceIndex& prices, const CsvTable& table, std::size_t row);
// Throws when a row that is not an amount gives a price year (its `price_year` cell must be empty).
void require_no_price_year(const CsvTable& table, std::size_t row);
// The number in `column` of `row` (checked to lie in [lo, hi]): indexed from the row's price year when it is a euro
// amount, else as written, the row giving no price year. For tables that mix amounts with other parameters.
double value_or_indexed_amount(const PriceIndex& prices, const CsvTable& table, std::size_t row, std::string_view column,
                               double lo, double hi, bool euro_amount);

// The unit of every euro amount the model reports.
inline constexpr const char* kEurUnit = "EUR (2023 prices)";
inline constexpr const char* kEurPerQalyUnit = "EUR (2023 prices) per QALY";
static_assert(kPriceYear == 2023, "kEurUnit names the price year");

}  // namespace hhu
