// yearly.csv: the exact columns, and an all/all/all row for every zone, aggregate, year and indicator.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "../support.hpp"
#include "sim/output/indicators.hpp"
#include "sim/io/gzip.hpp"
#include "sim/output/output_format.hpp"
#include "sim/output/run_output.hpp"

using namespace hhu;

namespace {
// 2021 at a 1% sample: shared by the tests that check the table's values cell by cell.
const hhu::test::BaselineRun& one_year_run() {
    static const hhu::test::BaselineRun run(0.01, 5, 2021);
    return run;
}
}  // namespace

TEST_CASE("yearly.csv has an aggregate row for every zone, aggregate, year and indicator") {
    const hhu::test::BaselineRun run(0.01, 3, 2022);
    const Indicators& ind = run.indicators;
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
    const hhu::test::BaselineRun run(0.005, 5, 2022);
    const Indicators& ind = run.indicators;
    const std::string full = yearly_csv(ind, Detail::Full);
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

TEST_CASE("yearly.csv's values (sums of each breakdown computed once) are those of Indicators::value") {
    const Indicators& ind = one_year_run().indicators;
    auto index_of = [](const auto& names, const std::string& s) {
        for (std::size_t k = 0; k < std::size(names); ++k)
            if (names[k] == s) return static_cast<int>(k);
        return s == "all" ? kAll : -2;
    };
    std::istringstream csv(yearly_csv(ind));
    std::string line;
    std::getline(csv, line);
    std::size_t row = 0, checked = 0;
    std::set<std::string> kinds;
    while (std::getline(csv, line)) {
        if (row++ % 37 != 0) continue;  // a sample: each value() sums the unit's cells again
        std::vector<std::string> f;
        std::stringstream ls(line);
        for (std::string cell; std::getline(ls, cell, ',');) f.push_back(cell);
        REQUIRE(f.size() == 7);
        const int sex = index_of(kSexNames, f[2]), group = index_of(kAgeGroupNames, f[3]),
                  edu = index_of(kEducationNames, f[4]);
        REQUIRE(sex != -2);
        REQUIRE(group != -2);
        REQUIRE(edu != -2);
        INFO(line);
        CHECK(format_value(ind.value(f[5], std::stoi(f[0]), ind.unit_index(f[1]), sex, group, edu)) == f[6]);
        kinds.insert(std::to_string(static_cast<int>(find_indicator(f[5])->kind)));
        ++checked;
    }
    CHECK(checked > 1000);
    CHECK(kinds.size() >= 4);  // counts, ratios, amounts and life tables among them
}

TEST_CASE("a unit's cells of some measures only are those of every measure, the others 0") {
    const Indicators& ind = one_year_run().indicators;
    const std::vector<Measure> some = {Counter::Population, Counter::Deaths, Counter::Immigration};
    int checked = 0, differ = 0;
    for (int u = 0; u < static_cast<int>(ind.units().size()); ++u) {  // zones and aggregates (internal moves)
        const auto all = ind.unit_cells(ind.year_counters(2021), u);
        const auto part = ind.unit_cells(ind.year_counters(2021), u, some);
        REQUIRE(part.size() == all.size());
        for (int m = 0; m < kNumMeasures; ++m) {
            const bool kept = std::find(some.begin(), some.end(), static_cast<Measure>(m)) != some.end();
            for (int cell = 0; cell < kCellsPerZone; ++cell) {
                const std::size_t k = static_cast<std::size_t>(m) * kCellsPerZone + cell;
                differ += kept ? part[k] != all[k] : part[k] != 0;  // exactly
                checked += kept && all[k] != 0;
            }
        }
    }
    CHECK(differ == 0);
    CHECK(checked > 100);
}

TEST_CASE("yearly.csv formatted on several threads: the same bytes, handed over in year order") {
    const hhu::test::BaselineRun run(0.005, 5, 2024);  // four years, more than the threads
    const Indicators& ind = run.indicators;
    for (Detail detail : {Detail::Full, Detail::Zones, Detail::Summary}) {
        const std::string serial = yearly_csv(ind, detail, 1);
        CHECK(yearly_csv(ind, detail, 2) == serial);
        CHECK(yearly_csv(ind, detail, 3) == serial);
        std::vector<std::string> pieces;
        write_yearly_csv(ind, detail, 2, [&](std::string_view rows) { pieces.emplace_back(rows); });
        REQUIRE(pieces.size() == 5);  // the header, then one piece per year
        CHECK(pieces[0] == "year,zone,sex,age_group,education,indicator,value\n");
        std::string joined;
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            joined += pieces[k];
            if (k > 0) CHECK(pieces[k].rfind(std::to_string(2020 + static_cast<int>(k)) + ",", 0) == 0);
        }
        CHECK(joined == serial);
    }
}

TEST_CASE("a run directory written on two threads holds yearly.csv as formatted on one, plain or compressed") {
    const hhu::test::BaselineRun run(0.005, 5, 2023);
    const Indicators& ind = run.indicators;
    const std::string serial = yearly_csv(ind, Detail::Full, 1);
    const hhu::test::TempDir tmp("yearly_threads");
    RunProvenance provenance;
    provenance.threads = 2;
    const Scenario scenario = hhu::test::baseline({"end_year=2023"});
    write_run_directory(tmp.path / "plain", false, scenario, ind.data(), ind, provenance);
    CHECK(read_text_file(tmp.path / "plain" / "yearly.csv") == serial);
    provenance.output.gzip = true;
    provenance.output.detail = Detail::Zones;
    write_run_directory(tmp.path / "gz", false, scenario, ind.data(), ind, provenance);
    std::ifstream in(tmp.path / "gz" / "yearly.csv.gz", std::ios::binary);
    const std::string stored((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(stored == gzip(yearly_csv(ind, Detail::Zones, 1)));  // the bytes of compressing the whole table at once
}
