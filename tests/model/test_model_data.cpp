// The data tables load, and a broken table gives an error that names the file, line and column.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "../support.hpp"
#include "sim/inputs/inputs.hpp"
#include "sim/core/error.hpp"

using namespace hhu;
namespace fs = std::filesystem;

namespace {

struct DataCopy {
    fs::path dir;
    DataCopy() {
        dir = fs::temp_directory_path() / ("hhu-data-test-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::copy(std::string(HHU_SOURCE_DIR) + "/data", dir, fs::copy_options::recursive);
    }
    ~DataCopy() { fs::remove_all(dir); }
    void replace(const std::string& file, const std::string& from, const std::string& to) {
        std::ifstream in(dir / file);
        std::stringstream ss;
        ss << in.rdbuf();
        std::string text = ss.str();
        const auto pos = text.find(from);
        REQUIRE(pos != std::string::npos);
        text.replace(pos, from.size(), to);
        std::ofstream(dir / file) << text;
    }
    std::string error() {
        try {
            load_model_data(dir);
        } catch (const InputError& e) {
            return e.what();
        }
        return "";
    }
};

}  // namespace

TEST_CASE("the project's data load: 35 zones, 2021-2040, checksums of every file") {
    const auto& d = hhu::test::project_data();
    CHECK(d.num_zones() == 35);
    CHECK(d.last_year >= 2040);
    CHECK(d.files.size() >= 12);
    for (const auto& f : d.files) CHECK(f.sha256.size() == 64);
    int districts = 0;
    for (int z = 0; z < d.num_zones(); ++z) districts += d.is_utrecht_district(z);
    CHECK(districts == 10);
}

TEST_CASE("a missing data directory is named") {
    CHECK_THROWS_WITH_AS(load_model_data("/nonexistent/hhu-data"), doctest::Contains("/nonexistent/hhu-data"),
                         InputError);
}

TEST_CASE("a bad number names file, line and column") {
    DataCopy copy;
    copy.replace("zone_factors.csv", "\nGM0307,", "\nGM0307,abc");
    const auto e = copy.error();
    CHECK(e.find("zone_factors.csv:2") != std::string::npos);
    CHECK(e.find("mortality_hr") != std::string::npos);
    CHECK(e.find("expected a number") != std::string::npos);
}

TEST_CASE("an unknown zone code is reported") {
    DataCopy copy;
    copy.replace("zone_migration.csv", "\nGM0307,", "\nGM9999,");
    const auto e = copy.error();
    CHECK(e.find("zone_migration.csv:2") != std::string::npos);
    CHECK(e.find("unknown zone code 'GM9999'") != std::string::npos);
}

TEST_CASE("a missing column is reported with the header") {
    DataCopy copy;
    copy.replace("population_2021.csv", "count", "cnt");
    CHECK(copy.error().find("missing column(s) count") != std::string::npos);
}

TEST_CASE("shares that do not sum to one are reported") {
    DataCopy copy;
    fs::path f = copy.dir / "education.csv";
    std::ifstream in(f);
    std::string header, line;
    std::getline(in, header);
    std::getline(in, line);
    in.close();
    // Double the first share of the first row.
    auto first_comma = line.find(',', line.find(',', line.find(',') + 1) + 1);
    auto second_comma = line.find(',', first_comma + 1);
    const double v = std::stod(line.substr(first_comma + 1, second_comma - first_comma - 1));
    copy.replace("education.csv", line, line.substr(0, first_comma + 1) + std::to_string(v + 0.5) + line.substr(second_comma));
    CHECK(copy.error().find("shares must sum to 1") != std::string::npos);
}

TEST_CASE("a missing table is an error, never a module switched off") {
    for (const char* file : {"health/conditions.csv", "labour/parameters.csv", "digital_skills.csv"}) {
        DataCopy copy;
        fs::remove(copy.dir / file);
        const auto e = copy.error();
        CHECK_MESSAGE(e.find(std::string(file) + ": missing data file") != std::string::npos, e);
    }
}

TEST_CASE("a count that would exhaust memory is refused, naming the cell") {
    DataCopy copy;
    std::ifstream in(copy.dir / "population_2021.csv");
    std::string header, line;
    std::getline(in, header);
    std::getline(in, line);
    in.close();
    // zone,sex,age_group,count,source: the fourth field.
    const auto c3 = line.find(',', line.find(',', line.find(',') + 1) + 1);
    const auto c4 = line.find(',', c3 + 1);
    copy.replace("population_2021.csv", line, line.substr(0, c3 + 1) + "1000000000000" + line.substr(c4));
    const auto e = copy.error();
    CHECK_MESSAGE(e.find("population_2021.csv:2: column 'count': expected a count from 0 to 10000000") != std::string::npos, e);
}

TEST_CASE("a truncated mortality table is reported in mortality.csv") {
    DataCopy copy;
    const std::string text = hhu::test::read_file(copy.dir / "mortality.csv");
    const auto cut = text.find("\n2030,");
    REQUIRE(cut != std::string::npos);
    std::ofstream(copy.dir / "mortality.csv", std::ios::trunc) << text.substr(0, cut + 1);
    const auto e = copy.error();
    CHECK_MESSAGE(e.find("mortality.csv: rates for 2021 to 2029, expected every year up to 2040") != std::string::npos, e);
}

TEST_CASE("a UTF-8 byte-order mark before the header is skipped") {
    DataCopy copy;
    const std::string text = hhu::test::read_file(copy.dir / "zones.csv");
    std::ofstream(copy.dir / "zones.csv", std::ios::trunc) << "\xEF\xBB\xBF" << text;
    CHECK(copy.error().empty());
}

TEST_CASE("population_by_age.csv: overlapping groups and an unknown kind are reported") {
    {
        DataCopy copy;
        copy.replace("population_by_age.csv", "GM0344,2022,4,11,", "GM0344,2022,3,11,");
        const auto e = copy.error();
        CHECK_MESSAGE(e.find("population_by_age.csv:3") != std::string::npos, e);
        CHECK_MESSAGE(e.find("overlaps 0-3 of GM0344 2022") != std::string::npos, e);
    }
    {
        DataCopy copy;
        copy.replace("population_by_age.csv", ",forecast,", ",guess,");
        const auto e = copy.error();
        CHECK_MESSAGE(e.find("expected register or forecast, got 'guess'") != std::string::npos, e);
    }
}

TEST_CASE("a euro amount without its price year, or a price year on a row that is no amount, names the cell") {
    struct Case {
        const char* file;
        const char* from;
        const char* to;
        const char* where;  // file:line: column 'price_year'
        const char* what;
    };
    const Case cases[] = {
        {"health/costs.csv", "diabetes,1142,2019,", "diabetes,1142,,", "costs.csv:2: column 'price_year'", "expected a number"},
        {"health/costs.csv", "diabetes,1142,2019,", "diabetes,1142,1980,", "costs.csv:2: column 'price_year'",
         "expected a year from 2004 to 2023"},
        {"health/perinatal.csv", "neonatal_cost_preterm_eur,11880,2022,", "neonatal_cost_preterm_eur,11880,,",
         "perinatal.csv:20: column 'price_year'", "expected a number"},
        {"health/perinatal.csv", "big2_share_nl,0.148,,", "big2_share_nl,0.148,2022,", "perinatal.csv:2: column 'price_year'",
         "a price year on a row that is not a euro amount"},
        {"wellbeing/parameters.csv", "18.8,EUR per hour,2022,", "18.8,EUR per hour,2022.5,",
         "parameters.csv:15: column 'price_year'", "expected a year from 2004 to 2023"},
        {"wellbeing/parameters.csv", "6.5,score,,", "6.5,score,2020,", "parameters.csv:2: column 'price_year'",
         "a price year on a row that is not a euro amount"},
    };
    for (const Case& c : cases) {
        INFO(c.file, " ", c.to);
        DataCopy copy;
        copy.replace(c.file, c.from, c.to);
        const auto e = copy.error();
        CHECK(e.find(c.where) != std::string::npos);
        CHECK(e.find(c.what) != std::string::npos);
    }
}

TEST_CASE("a perinatal parameter given twice is an error, not the last value read") {
    DataCopy copy;
    copy.replace("health/perinatal.csv", "\nbig2_share_nl,0.148,,", "\nbig2_share_nl,0.148,,VZINFO-PERINATAL\nbig2_share_nl,0.2,,");
    const auto e = copy.error();
    CHECK(e.find("perinatal.csv:3: column 'parameter': 'big2_share_nl' given twice") != std::string::npos);
}
