#include <doctest/doctest.h>

#include <string>

#include "sim/output/output_format.hpp"

using namespace hhu;

namespace {

const std::string kTable =
    "year,zone,sex,age_group,education,indicator,value\n"
    "2021,GM0307,all,all,all,population,1000\n"
    "2021,GM0307,male,all,all,population,490\n"
    "2021,GM0307,all,0-14,all,population,150\n"
    "2021,GM0307,all,all,low,population,200\n"
    "2021,GM0344,all,all,all,population,360000\n"
    "2021,GM0344,female,all,all,population,180000\n"
    "2021,PV26,all,all,all,population,1360000\n";

}  // namespace

TEST_CASE("output format: full keeps every row, zones the totals of every zone, summary the aggregates' totals") {
    CHECK(filter_rows(kTable, Detail::Full) == kTable);
    CHECK(filter_rows(kTable, Detail::Zones) ==
          "year,zone,sex,age_group,education,indicator,value\n"
          "2021,GM0307,all,all,all,population,1000\n"
          "2021,GM0344,all,all,all,population,360000\n"
          "2021,PV26,all,all,all,population,1360000\n");
    CHECK(filter_rows(kTable, Detail::Summary) ==
          "year,zone,sex,age_group,education,indicator,value\n"
          "2021,GM0344,all,all,all,population,360000\n"
          "2021,PV26,all,all,all,population,1360000\n");
}

TEST_CASE("output format: names and file names") {
    CHECK(parse_detail("zones") == Detail::Zones);
    CHECK(!parse_detail("Zones"));
    CHECK(detail_name(Detail::Summary) == "summary");
    CHECK(OutputFormat{Detail::Full, false}.file_name("yearly") == "yearly.csv");
    CHECK(OutputFormat{Detail::Zones, true}.file_name("yearly") == "yearly.csv.gz");
    CHECK(gunzip(encode_table(kTable, {Detail::Full, true}), "t") == kTable);
    CHECK(encode_table(kTable, {}) == kTable);
}
