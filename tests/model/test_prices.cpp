// Every euro amount in one price year (sim/model/prices.hpp): the consumer price index chains the published yearly
// changes, reproduces the costing manual's own indexing, and every amount the model reads is indexed from its
// row's price year; a table that cannot say which year an amount is in is refused.
#include <doctest/doctest.h>

#include <string>

#include "../support.hpp"
#include "sim/core/error.hpp"
#include "sim/health/health_data.hpp"
#include "sim/health/wellbeing_data.hpp"
#include "sim/io/csv.hpp"
#include "sim/labour/labour_market.hpp"
#include "sim/model/prices.hpp"

using namespace hhu;

namespace {

std::string parse_error(const std::string& text) {
    try {
        parse_price_index(CsvTable::parse(text, "consumer_prices.csv"));
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("prices: the index chains the yearly changes back from the price year") {
    const PriceIndex p(2021, {2.7, 10.0, 3.8});
    CHECK(p.first_year() == 2020);
    CHECK(p.covers(2020));
    CHECK_FALSE(p.covers(2019));
    CHECK_FALSE(p.covers(kPriceYear + 1));
    CHECK(p.factor(kPriceYear) == 1.0);
    CHECK(p.factor(2022) == doctest::Approx(1.038).scale(0).epsilon(1e-15));
    CHECK(p.factor(2020) == doctest::Approx(1.027 * 1.10 * 1.038).scale(0).epsilon(1e-15));
}

TEST_CASE("prices: the project's index reproduces the costing manual's 2022 -> 2023 indexing and CBS's factors") {
    const PriceIndex& p = test::project_data().prices;
    CHECK(p.first_year() == 2004);
    // Kostenhandleiding 2024: a hospital nursing day of 644 euro (2022) is 668.47 euro in 2023.
    CHECK(644 * p.factor(2022) == doctest::Approx(668.472).scale(0).epsilon(1e-6));
    // docs/research/price_years.md: the factors to 2023 of the years the model's amounts are in.
    CHECK(p.factor(2007) == doctest::Approx(1.4466).scale(0).epsilon(5e-5));
    CHECK(p.factor(2016) == doctest::Approx(1.2568).scale(0).epsilon(5e-5));
    CHECK(p.factor(2019) == doctest::Approx(1.1879).scale(0).epsilon(5e-5));
    CHECK(p.factor(2021) == doctest::Approx(1.1418).scale(0).epsilon(5e-5));
}

TEST_CASE("prices: a table with a gap, a wrong last year or a wild change is refused, naming the line") {
    CHECK(parse_error("year,change_percent\n2022,10.0\n2023,3.8\n").empty());
    CHECK(parse_error("year,change_percent\n2021,2.7\n2023,3.8\n").find("consumer_prices.csv:3: column 'year': expected 2022") !=
          std::string::npos);
    CHECK(parse_error("year,change_percent\n2021,2.7\n2022,10.0\n").find("the last year is 2022, expected 2023") !=
          std::string::npos);
    CHECK(parse_error("year,change_percent\n2022,10.0\n2023,-60\n").find("consumer_prices.csv:3: column 'change_percent'") !=
          std::string::npos);
    CHECK(parse_error("year,change_percent\n").find("no rows") != std::string::npos);
}

TEST_CASE("prices: the amounts the model reads are in the price year's prices, each indexed from its own year") {
    const ModelData& d = test::project_data();
    const PriceIndex& p = d.prices;
    const HealthData& h = *d.health;
    // data/health/costs.csv: diabetes 1,142 euro (2019), heart failure 3,386 (2017), nursing home 85,000 (2021).
    CHECK(h.cost_per_case[static_cast<int>(condition_index("diabetes"))] ==
          doctest::Approx(1142 * p.factor(2019)).scale(0).epsilon(1e-9));
    CHECK(h.cost_per_case[static_cast<int>(condition_index("heart_failure"))] ==
          doctest::Approx(3386 * p.factor(2017)).scale(0).epsilon(1e-9));
    CHECK(h.cost_nursing_home_per_resident == doctest::Approx(85000 * p.factor(2021)).scale(0).epsilon(1e-9));
    // data/health/perinatal.csv: neonatal care 11,880 (2022), asthma 350 (2007); a share is not indexed.
    CHECK(h.perinatal_value("neonatal_cost_preterm_eur") == doctest::Approx(11880 * p.factor(2022)).scale(0).epsilon(1e-9));
    CHECK(h.perinatal_value("asthma_cost_per_child_year_eur") == doctest::Approx(350 * p.factor(2007)).scale(0).epsilon(1e-9));
    CHECK(h.perinatal_value("preterm_share_nl") == doctest::Approx(0.066).scale(0).epsilon(1e-9));
    // data/wellbeing/parameters.csv: informal care 18.80 an hour (2022); data/labour/lever_costs.csv: 5,000 (2017).
    CHECK(d.wellbeing->informal_care_price_eur == doctest::Approx(18.8 * p.factor(2022)).scale(0).epsilon(1e-9));
    CHECK(d.labour->unit_cost_eur[static_cast<int>(Lever::LateralEntry)] ==
          doctest::Approx(5000 * p.factor(2017)).scale(0).epsilon(1e-9));
}
