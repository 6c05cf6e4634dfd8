#include "sim/compare/paired_series.hpp"

#include <exception>

#include <tbb/parallel_for.h>

#include "sim/core/error.hpp"

namespace hhu {

namespace fs = std::filesystem;

namespace {

std::string manifest_of(const RunInfo& run) { return (run.dir / "manifest.json").string(); }

std::string number(double v) {
    std::string s = std::to_string(v);
    while (s.size() > 1 && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

void check_manifests_paired(const RunInfo& b, const RunInfo& s) {
    const std::string why = " (a report compares runs made with the same seed and scale: run the scenario "
                            "with the baseline's --seed, --scale and -r)";
    if (b.seed != s.seed)
        throw InputError("the runs are not paired: " + manifest_of(b) + " has seed " + std::to_string(b.seed) + ", " +
                         manifest_of(s) + " has seed " + std::to_string(s.seed) + why);
    if (b.scale != s.scale)
        throw InputError("the runs are not paired: " + manifest_of(b) + " has scale " + number(b.scale) + ", " +
                         manifest_of(s) + " has scale " + number(s.scale) + why);
    if (b.yearly_files.size() != s.yearly_files.size())
        throw InputError("the runs are not paired: " + b.dir.string() + " has " +
                         std::to_string(b.yearly_files.size()) + " replicate(s), " + s.dir.string() + " has " +
                         std::to_string(s.yearly_files.size()) + " replicate(s)" + why);
}


void check_tables_paired(const std::vector<YearlyRows>& all) {
    const YearlyRows& ref = all.front();
    for (const auto& t : all) {
        if (t.first_year != ref.first_year || t.last_year != ref.last_year)
            throw InputError("the runs are not paired: " + ref.file.string() + " covers " +
                             std::to_string(ref.first_year) + "-" + std::to_string(ref.last_year) + ", " +
                             t.file.string() + " covers " + std::to_string(t.first_year) + "-" +
                             std::to_string(t.last_year) + " (run both over the same years)");
        if (t.zones != ref.zones)
            throw InputError("the runs are not paired: " + ref.file.string() + " and " + t.file.string() +
                             " have different zones (run both with the same data)");
    }
}

}  // namespace

PairedRuns read_paired_runs(const fs::path& baseline_dir, const fs::path& scenario_dir, const YearlyFilter& filter) {
    PairedRuns runs;
    runs.baseline = read_run_info(baseline_dir);
    runs.scenario = read_run_info(scenario_dir);
    check_manifests_paired(runs.baseline, runs.scenario);
    std::vector<fs::path> files = runs.baseline.yearly_files;
    files.insert(files.end(), runs.scenario.yearly_files.begin(), runs.scenario.yearly_files.end());
    std::vector<YearlyRows> all = read_yearly_files(files, filter);
    check_tables_paired(all);
    runs.first_year = all.front().first_year;
    runs.last_year = all.front().last_year;
    const std::size_t n = runs.baseline.yearly_files.size();
    for (std::size_t i = 0; i < all.size(); ++i) (i < n ? runs.base : runs.scen).push_back(std::move(all[i]));
    return runs;
}

std::map<int, Estimate> trend(const std::vector<YearlyRows>& replicates, const SeriesKey& key) {
    std::map<int, Estimate> out;
    if (replicates.empty()) return out;
    for (const auto& [year, value] : replicates.front().series.at(key)) {
        std::vector<double> v;
        for (const auto& t : replicates) v.push_back(t.value(key, year));
        out[year] = estimate_mean(v);
    }
    return out;
}

Estimate paired_difference_at(const PairedRuns& runs, const SeriesKey& key, int year) {
    std::vector<double> d;
    for (std::size_t r = 0; r < runs.base.size(); ++r) d.push_back(runs.scen[r].value(key, year) - runs.base[r].value(key, year));
    return estimate_mean(d);
}

Estimate paired_difference_cumulated(const PairedRuns& runs, const SeriesKey& key, const SeriesKey& per_key, double per) {
    std::vector<double> d;
    for (std::size_t r = 0; r < runs.base.size(); ++r) {
        double sum = 0;
        for (int y = runs.first_year; y <= runs.last_year; ++y) sum += runs.scen[r].value(key, y) - runs.base[r].value(key, y);
        if (per > 0) sum *= per / runs.base[r].value(per_key, runs.first_year);
        d.push_back(sum);
    }
    return estimate_mean(d);
}

}  // namespace hhu
