// data/indicators.csv is the catalogue the library reports from; they must not drift apart.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "sim/output/indicators.hpp"

using namespace hhu;

TEST_CASE("data/indicators.csv matches the library's indicator catalogue") {
    std::ifstream in(std::string(HHU_SOURCE_DIR) + "/data/indicators.csv");
    REQUIRE_MESSAGE(in.good(), "missing data/indicators.csv: write it with `hhu indicators > data/indicators.csv`");
    std::stringstream text;
    text << in.rdbuf();
    CHECK_MESSAGE(text.str() == indicator_catalogue_csv(),
                  "data/indicators.csv is out of date: `build/hhu indicators > data/indicators.csv`");
}

TEST_CASE("indicator names are unique snake_case") {
    std::set<std::string> names;
    for (const auto& i : indicator_catalogue()) {
        CHECK(names.insert(std::string(i.name)).second);
        for (char c : i.name) CHECK(((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'));
        CHECK(find_indicator(i.name) == &i);
    }
    CHECK(find_indicator("no_such_indicator") == nullptr);
}
