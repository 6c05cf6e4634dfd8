#pragma once
// Who pays: the change in care costs split by payer, and the programme's funder. The split follows the
// Dutch care acts (docs/research/figures_wave2.md, "Payer split"): nursing-home care is long-term care
// (Wlz, the care offices); home care is district nursing (wijkverpleging: health insurance, Zvw) and
// household help (Wmo 2015: the municipality); the rest of the model's care costs (the conditions' cost
// of illness: GP, hospital, medicines, curative mental health; RIVM cost of illness 2019) is health
// insurance (Zvw). Programme costs are the funder's.
#include "sim/compare/compare.hpp"

namespace hhu {

// The prices of the model's care from its data tables (DATA/health/costs.csv: home_care and nursing_home
// per client- and resident-year; DATA/health/care_use.csv: their hours per year). InputError naming the
// file when one is missing or lacks a row.
CarePrices read_care_prices(const std::filesystem::path& data_dir);
// The same, or none with a warning saying what compare leaves out without them (the reason appended).
std::optional<CarePrices> read_care_prices_or_warn(const std::filesystem::path& data_dir, std::vector<std::string>& warnings);

// Household help's share of the cost of a home-care client-year: 78 h x 30 euro of 166.4 h x 75 euro +
// 78 h x 30 euro = 2,340 / 14,820 (A-H-CARE-COSTS, tools/build_health_data.py HOMECARE_COST; prices
// M-CARE-PRICES). Household help is the municipality's (Wmo 2015), district nursing the insurer's (Zvw).
inline constexpr double kHomeCareMunicipalShare = 78.0 * 30.0 / (166.4 * 75.0 + 78.0 * 30.0);

// The payers, in the order of compare's rows.
enum class Payer { Insurer, LongTermCare, Municipality, Funder };
inline constexpr int kNumPayers = 4;
struct PayerRow {
    const char* name;   // measure suffix
    const char* label;  // for people
};
// What each covers is in the rows' note and docs/economics.md: the insurers' is the conditions' cost of
// illness (GP, hospital, medicines, curative mental health) and district nursing; the Wlz's nursing homes;
// the municipality's household help (youth care and public health are not separate in the model's costs).
inline constexpr std::array<PayerRow, kNumPayers> kPayers = {
    PayerRow{"insurer_zvw", "health insurers (Zvw)"},
    PayerRow{"long_term_care_wlz", "long-term care (Wlz)"},
    PayerRow{"municipality", "municipality (Wmo)"},
    PayerRow{"programme_funder", "programme funder"},
};

// One year's change in costs by payer (euro, scenario - baseline), from the changes in care costs, in
// nursing-home and home-care hours and in intervention costs. The payers sum to care + intervention costs.
std::array<double, kNumPayers> split_by_payer(const CarePrices& prices, double care_cost, double nursing_home_hours,
                                              double home_care_hours, double intervention_cost);

}  // namespace hhu
