// hhu compare: the differences of a scenario from a baseline, as a table for people (stdout) and as
// CSV and JSON files. The numbers come from sim/compare; this file only presents them.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "sim/compare/compare.hpp"
#include "sim/compare/compare_draws.hpp"
#include "sim/output/indicators.hpp"
#include "sim/compare/compare_format.hpp"
#include "sim/core/error.hpp"
#include "sim/io/atomic_dir.hpp"

namespace hhu {

namespace {

std::string pad(const std::string& s, std::size_t width, bool right) {
    if (s.size() >= width) return s;
    return right ? std::string(width - s.size(), ' ') + s : s + std::string(width - s.size(), ' ');
}

void print_table(const Comparison& c) {
    std::vector<std::string> header = {"measure", "unit"};
    for (int k = 0; k < kNumPeriods; ++k)
        if (c.period_years[k] != 0)
            header.push_back(k == static_cast<int>(PeriodKind::Cumulated)
                                 ? "cumulated " + std::to_string(c.first_year) + "-" + std::to_string(c.last_year)
                             : k == static_cast<int>(PeriodKind::Discounted) ? "discounted to " + std::to_string(c.discount_base_year)
                                                                              : c.periods[k]);
    std::vector<std::vector<std::string>> lines;  // one entry: a group heading
    std::string group;
    for (const auto& row : c.rows) {
        if (row.group != group) {
            group = row.group;
            lines.push_back({group});
        }
        std::vector<std::string> line = {"  " + row.label, row.unit};
        for (int k = 0; k < kNumPeriods; ++k)
            if (c.period_years[k] != 0) line.push_back(comparison_cell(c, row, k));
        lines.push_back(line);
    }
    std::vector<std::size_t> width(header.size());
    for (std::size_t i = 0; i < header.size(); ++i) width[i] = header[i].size();
    for (const auto& line : lines)
        if (line.size() > 1)
            for (std::size_t i = 0; i < line.size(); ++i) width[i] = std::max(width[i], line[i].size());
    auto print_line = [&](const std::vector<std::string>& line) {
        std::string out;
        for (std::size_t i = 0; i < line.size(); ++i) out += (i ? "  " : "") + pad(line[i], width[i], i >= 2);
        while (!out.empty() && out.back() == ' ') out.pop_back();
        std::cout << out << "\n";
    };
    print_line(header);
    for (const auto& line : lines) {
        if (line.size() == 1) std::cout << line.front() << "\n";
        else print_line(line);
    }
}

void print_notes(const Comparison& c) {
    std::cout << "\n";
    if (c.replicates > 1)
        std::cout << "Each cell: mean [95% t-interval] of the " << c.replicates
                  << " paired differences (replicate r of the scenario minus replicate r of the baseline); cost per "
                     "QALY: ratio of the mean differences [Fieller's 95% interval]. Monte Carlo standard errors are in "
                     "the CSV and JSON.\n";
    else
        std::cout << "Single replicate: each value is the difference itself, without an interval "
                     "(run with -r N for an interval over replicates).\n";
    std::cout << "Cumulated: the sum over " << c.first_year << "-" << c.last_year
              << " for flows; for the gaps, the last year's change. Discounted: the same sum with each year's flow "
                 "discounted to "
              << c.discount_base_year << " at " << 100 * c.discount_costs << "% a year for costs and care hours and "
              << 100 * c.discount_effects
              << "% for health (Zorginstituut Nederland 2024 guideline).";
    if (c.lifetime)
        std::cout << " Lifetime: the cumulated period plus the residents alive at its end followed to death (the "
                     "expected-value tail of hhu run --lifetime, each survivor's end state held; to "
                  << c.period_years[static_cast<int>(PeriodKind::Lifetime)]
                  << "); programme costs end with the run; deaths, cases and gaps have no lifetime value.\n";
    else
        std::cout << " The horizon is the end of the runs: health gained after it is not counted (hhu run --lifetime "
                     "adds the lifetime horizon).\n";
    for (const auto& row : c.rows)
        if (row.available && !row.note.empty() && row.measure == "cost_per_qaly_gained")
            std::cout << "Cost per QALY gained: " << row.note << ".\n";
    std::vector<std::string> missing;
    for (const auto& row : c.rows)
        if (!row.available) missing.push_back(row.label);
    if (!missing.empty()) {
        std::cout << "Not available (their indicators are not in the runs' yearly.csv):";
        for (std::size_t i = 0; i < missing.size(); ++i) std::cout << (i ? "; " : " ") << missing[i];
        std::cout << ".\n";
    }
}

std::string safe_name(const std::string& name) {
    std::string s = name;
    for (char& ch : s)
        if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '_' && ch != '-') ch = '_';
    return s.empty() ? "baseline" : s;
}

std::string share(const std::optional<double>& x) {
    if (!x) return "n/a";
    char b[16];
    std::snprintf(b, sizeof b, "%.0f%%", 100 * *x);
    return b;
}

// Over parameter draws: per measure and period the mean, the 95% interval of the draw means, and how
// much of that interval's variance is the parameters' and how much Monte Carlo noise.
int compare_draws_command(const CompareCommand& cmd, const CompareOptions& options) {
    const DrawComparison c = compare_draws(cmd.baseline, cmd.scenario, options);
    for (const auto& w : c.warnings) std::cerr << "hhu compare: warning: " << w << "\n";
    std::cout << "hhu compare: scenario '" << c.scenario_name << "' minus baseline '" << c.baseline_name << "', zone "
              << c.zone << ", " << c.draws << " parameter draws (draw seed " << c.draw_seed << ") x " << c.replicates
              << " paired replicate" << (c.replicates > 1 ? "s" : "") << "\n\n";
    std::printf("%-44s %-10s %14s %30s %10s %8s\n", "measure", "period", "mean", "95% interval over draws",
                "parameters", "noise");
    for (const auto& r : c.rows) {
        const auto& v = r.spread;
        std::string interval = "n/a";
        if (v.lower && v.upper) {
            interval = "[";  // appended, not "[" + ...: GCC 12 warns falsely (-Wrestrict) on the latter
            interval += format_value(*v.lower);
            interval += ", ";
            interval += format_value(*v.upper);
            interval += "]";
        }
        std::printf("%-44s %-10s %14s %30s %10s %8s\n", r.measure.c_str(), c.periods[r.period].c_str(),
                    format_value(v.mean).c_str(), interval.c_str(), share(v.parameter_share).c_str(),
                    share(v.noise_share).c_str());
    }
    std::cout << "\nInterval: the 2.5% and 97.5% quantiles of the draw means (each the mean of the replicates of one "
                 "parameter draw); n/a with fewer than " << kDrawIntervalMinDraws << " draws (it would be their range). Parameters / noise: the shares of their variance that are parameter uncertainty and "
                 "Monte Carlo noise (one-way analysis of variance over draws x replicates; n/a with one replicate per "
                 "draw). The acceptability curve and the expected value of perfect information are in the CSV.\n";
    const std::string prefix = cmd.out.empty()
        ? (std::filesystem::path(cmd.scenario) / ("compare_" + safe_name(c.baseline_name))).string()
        : cmd.out;
    write_file_atomic(prefix + "_draws.csv", draws_csv(c));
    write_file_atomic(prefix + "_acceptability_draws.csv", draws_acceptability_csv(c));
    write_file_atomic(prefix + "_evppi_draws.csv", draws_evppi_csv(c));
    std::cout << "wrote " << prefix << "_draws.csv, " << prefix
              << "_acceptability_draws.csv (acceptability curve and EVPI over draws) and " << prefix
              << "_evppi_draws.csv (EVPPI per group of parameters, at EUR 20,000, 50,000 and 80,000 per QALY)\n";
    return 0;
}

}  // namespace

int compare_command(const CompareCommand& cmd) {
    CompareOptions options;
    options.zone = cmd.zone;
    options.discount_costs = cmd.discount_costs;
    options.discount_effects = cmd.discount_effects;
    options.discount_base_year = cmd.discount_base_year;
    options.friction_days = cmd.friction_days;
    const bool base_draws = is_draws_directory(cmd.baseline), scen_draws = is_draws_directory(cmd.scenario);
    if (base_draws != scen_draws)
        throw InputError(std::string(base_draws ? cmd.baseline : cmd.scenario) +
                         " is a set of parameter draws and the other is not: compare draws with draws (hhu run --draws N "
                         "for both)");
    if (base_draws) return compare_draws_command(cmd, options);
    const Comparison c = compare_runs(cmd.baseline, cmd.scenario, options);
    for (const auto& w : c.warnings) std::cerr << "hhu compare: warning: " << w << "\n";

    std::cout << "hhu compare: scenario '" << c.scenario.scenario_name << "' (" << c.scenario.dir.string()
              << ") minus baseline '" << c.baseline.scenario_name << "' (" << c.baseline.dir.string() << "), zone "
              << c.zone << ", " << c.first_year << "-" << c.last_year << ", " << c.replicates << " paired replicate"
              << (c.replicates > 1 ? "s" : "") << "\n";
    // The same runs in plain words, as the viewer and the policy brief title them.
    std::cout << "  \"" << scenario_title(c.scenario.words, Language::English) << "\" minus \""
              << scenario_title(c.baseline.words, Language::English) << "\"\n\n";
    print_table(c);
    print_notes(c);

    const std::string default_prefix =
        (std::filesystem::path(cmd.scenario) / ("compare_" + safe_name(c.baseline.scenario_name))).string();
    const std::string prefix = cmd.out.empty() ? default_prefix : cmd.out;
    write_file_atomic(prefix + ".csv", comparison_csv(c));
    write_file_atomic(prefix + ".json", comparison_json(c));
    write_file_atomic(prefix + "_plane.csv", comparison_plane_csv(c));
    write_file_atomic(prefix + "_acceptability.csv", comparison_acceptability_csv(c));
    std::cout << "wrote " << prefix << ".csv, " << prefix << ".json, " << prefix
              << "_plane.csv (cost-effectiveness plane) and " << prefix
              << "_acceptability.csv (acceptability curve over replicates)\n";
    return 0;
}

}  // namespace hhu
