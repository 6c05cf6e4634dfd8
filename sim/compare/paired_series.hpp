#pragma once
// Series of two run directories read once and paired replicate by replicate (replicate r of the
// scenario against replicate r of the baseline, both with seed + r), for the figures that the policy
// brief draws beside `hhu compare`'s table: trends of either run with their 95% bands, and the paired
// difference of one series in a year or summed over the years, per zone or education level. Every
// interval comes from sim/core/statistics.hpp, as in compare and yearly_interval.csv.
#include <filesystem>
#include <map>
#include <vector>

#include "sim/compare/compare.hpp"
#include "sim/compare/yearly_reader.hpp"
#include "sim/core/statistics.hpp"

namespace hhu {

struct PairedRuns {
    RunInfo baseline, scenario;
    std::vector<YearlyRows> base, scen;  // [replicate], the same number in both
    int first_year = 0, last_year = 0;
};

// Reads the rows of `filter` from every replicate of both runs. InputError (writing nothing, naming the
// files) when the runs are not paired: different seeds, scales, numbers of replicates, years or zones.
PairedRuns read_paired_runs(const std::filesystem::path& baseline_dir, const std::filesystem::path& scenario_dir,
                            const YearlyFilter& filter);

// The mean over replicates of one series in each year, with its 95% t-interval (a trend and its band).
std::map<int, Estimate> trend(const std::vector<YearlyRows>& replicates, const SeriesKey& key);

// The mean paired difference (scenario - baseline) of a series in `year`.
Estimate paired_difference_at(const PairedRuns& runs, const SeriesKey& key, int year);

// The mean paired difference (scenario - baseline) of a flow summed over every year of the runs,
// divided by `per` residents of the baseline's first year (the series `per_key`; per = 0: not divided).
Estimate paired_difference_cumulated(const PairedRuns& runs, const SeriesKey& key, const SeriesKey& per_key = {},
                                     double per = 0);

}  // namespace hhu
