#pragma once
// Reading the few rows a comparison needs from a run's yearly.csv (up to a million rows, ~40 MB):
// a streaming parser that checks every row's shape but keeps only the rows of the wanted zones,
// indicators and education levels with sex and age_group "all", and (for the few indicators that ask for
// them) the rows of some age groups, sex and education "all".
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hhu {

struct YearlyFilter {
    std::vector<std::string> zones;
    std::vector<std::string> indicators;
    std::vector<std::string> educations = {"all"};
    // Rows by age group (sex and education "all") of these indicators in these age groups, beside the
    // rows of age group "all" (compare's productivity losses need deaths and new cases by age).
    std::vector<std::string> age_group_indicators;
    std::vector<std::string> age_groups;
};

// A series of yearly.csv: one indicator of one zone at one education level and age group, sex "all" (an age
// group other than "all" goes with education "all").
struct SeriesKey {
    std::string indicator;
    std::string zone;
    std::string education = "all";
    std::string age_group = "all";
    auto operator<=>(const SeriesKey&) const = default;
};
std::string describe(const SeriesKey& key);  // "indicator qalys, zone PV26, education all" (and ", age group 15-19")

struct YearlyRows {
    std::filesystem::path file;
    int first_year = 0;
    int last_year = 0;
    std::vector<std::string> zones;  // every zone code of the file (not only the kept ones), sorted
    std::map<SeriesKey, std::map<int, double>> series;

    bool has(const SeriesKey& key) const { return series.count(key) != 0; }
    bool has_zone(const std::string& zone) const;
    // The value of a kept series in a year; InputError naming the file when the row is absent.
    double value(const SeriesKey& key, int year) const;
};

// Reads `file`. InputError naming the file (and line) when it is missing, its header is not
// year,zone,sex,age_group,education,indicator,value, a row has not 7 fields, a year or a value is not
// a number, a kept row appears twice, or the file has no rows.
YearlyRows read_yearly(const std::filesystem::path& file, const YearlyFilter& filter);
// Several files read in parallel; an error is rethrown in file order, so the message is the same
// whatever the thread timing.
std::vector<YearlyRows> read_yearly_files(const std::vector<std::filesystem::path>& files, const YearlyFilter& filter);
// The same from the text of a yearly table; `name` stands for the file in messages.
YearlyRows parse_yearly(std::string_view text, const std::filesystem::path& name, const YearlyFilter& filter);

}  // namespace hhu
