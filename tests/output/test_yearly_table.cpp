// yearly.csv: the exact columns, and an all/all/all row for every zone, aggregate, year and indicator.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "../support.hpp"
#include "sim/output/output_format.hpp"

using namespace hhu;

TEST_CASE("yearly.csv has an aggregate row for every zone, aggregate, year and indicator") {
    const auto& data = hhu::test::project_data();
    RunOptions o;
    o.scale = 0.01;
    o.seed = 3;
    Simulation sim(data, hhu::test::baseline({"end_year=2022"}), o);
    hhu::test::run_to_end(sim);
    const Indicators ind(data, sim.results());
    std::istringstream csv(yearly_csv(ind));
    std::string line;
    std::getline(csv, line);
    CHECK(line == "year,zone,sex,age_group,education,indicator,value");
    std::set<std::string> seen;
    std::size_t rows = 0;
    while (std::getline(csv, line)) {
        ++rows;
        std::vector<std::string> f;
        std::stringstream ls(line);
        for (std::string cell; std::getline(ls, cell, ',');) f.push_back(cell);
        REQUIRE(f.size() == 7);
        if (f[2] == "all" && f[3] == "all" && f[4] == "all") seen.insert(f[0] + "," + f[1] + "," + f[5]);
    }
    CHECK(rows > 0);
    for (int year : {2021, 2022})
        for (const auto& unit : ind.units())
            for (const auto* info : ind.available()) {
                if (info->kind == IndicatorKind::Labour && unit.code != "PV26") continue;  // province only
                INFO(year << " " << unit.code << " " << info->name);
                CHECK(seen.count(std::to_string(year) + "," + unit.code + "," + std::string(info->name)) == 1);
            }
    for (const char* code : {"GM0344", "U10", "U16", "PV26", "WK034403", "GM0307"})
        CHECK(std::any_of(ind.units().begin(), ind.units().end(), [&](const auto& u) { return u.code == code; }));
}

TEST_CASE("values are formatted as whole numbers or with at most four decimals") {
    CHECK(format_value(1361135.0) == "1361135");
    CHECK(format_value(81.296512) == "81.2965");
    CHECK(format_value(0.0) == "0");
    CHECK(format_value(12.5) == "12.5");
}

TEST_CASE("yearly.csv at the zones and summary levels: the rows of the full table that the level keeps") {
    const auto& data = hhu::test::project_data();
    RunOptions o;
    o.scale = 0.005;
    o.seed = 5;
    Simulation sim(data, hhu::test::baseline({"end_year=2022"}), o);
    hhu::test::run_to_end(sim);
    const Indicators ind(data, sim.results());
    const std::string full = yearly_csv(ind);
    CHECK(yearly_csv(ind, Detail::Full) == full);
    const std::string zones = yearly_csv(ind, Detail::Zones);
    const std::string summary = yearly_csv(ind, Detail::Summary);
    CHECK(zones == filter_rows(full, Detail::Zones));
    CHECK(summary == filter_rows(full, Detail::Summary));
    // Every zone and aggregate in zones, the four aggregates alone in summary; both far smaller.
    CHECK(zones.find(",GM0307,") != std::string::npos);
    CHECK(summary.find(",GM0307,") == std::string::npos);
    CHECK(summary.find("\n2022,U16,all,all,all,population,") != std::string::npos);
    CHECK(zones.size() * 10 < full.size());
    CHECK(summary.size() * 5 < zones.size());
}
