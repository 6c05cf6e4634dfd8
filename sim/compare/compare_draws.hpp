#pragma once
// Comparing two sets of parameter draws (`hhu run --draws N`, each draw a run directory of replicates):
// draw k of the scenario is paired with draw k of the baseline (the same parameter set) and, within it,
// replicate r with replicate r (the same seed). For every measure of `hhu compare` this gives draws x
// replicates paired differences, whose spread is split into parameter uncertainty and Monte Carlo
// noise (decompose_variance, sim/core/statistics.hpp); the probability that the scenario is cost-effective
// over the draws (the acceptability curve of a probabilistic sensitivity analysis) and the expected
// value of perfect information follow from the net monetary benefit per draw.
#include <filesystem>
#include <string>
#include <vector>

#include "sim/compare/compare.hpp"

namespace hhu {

// True when DIR/manifest.json says it is a set of parameter draws.
bool is_draws_directory(const std::filesystem::path& dir);

struct DrawRow {
    std::string measure, label, unit, group;
    int period = 0;  // PeriodKind
    VarianceDecomposition spread;
};

struct DrawComparison {
    std::filesystem::path baseline, scenario;
    std::string baseline_name, scenario_name, zone;
    int draws = 0, replicates = 0;
    std::uint64_t draw_seed = 0;
    std::array<std::string, kNumPeriods> periods;
    std::vector<DrawRow> rows;
    // Per draw: the mean over replicates of QALYs gained and net cost (whole period; [0] undiscounted,
    // [1] discounted).
    std::array<std::vector<double>, 2> qalys_gained, net_cost;
    // Per group of parameters (data/uncertainty/parameter_uncertainty.csv's groups, in the table's order):
    // the parameters drawn, and each one's value per draw ([parameter][draw], from the baseline draws'
    // manifests), for the expected value of partial perfect information.
    struct Group {
        std::string name;
        std::vector<std::string> parameters;
        std::vector<std::vector<double>> values;
    };
    std::vector<Group> groups;
    std::vector<std::string> warnings;
};

// Reads both sets (their manifests must agree on the draws and the draw seed) and every draw's pair of
// run directories. InputError naming the directory when a draw is missing or the sets do not pair.
DrawComparison compare_draws(const std::filesystem::path& baseline, const std::filesystem::path& scenario,
                             const CompareOptions& options = {});

// measure,unit,period,mean,lower,upper,sd_parameter,sd_monte_carlo,parameter_share,monte_carlo_share,draws,replicates
// (lower/upper: 2.5% and 97.5% quantiles of the draw means; shares of their variance; "n/a" where not
// separable).
std::string draws_csv(const DrawComparison& c);
// value_per_qaly_eur,probability_cost_effective,probability_cost_effective_discounted,evpi_eur,
// evpi_eur_discounted,draws: the share of draws whose mean net monetary benefit is positive, and the
// expected value of perfect information over all parameters.
std::string draws_acceptability_csv(const DrawComparison& c);
// group,parameters,value_per_qaly_eur,evppi_eur,evppi_eur_discounted,evpi_eur,evpi_eur_discounted,draws: the
// expected value of partial perfect information of each group of parameters (partial_evpi,
// sim/core/statistics_evppi.hpp: Strong, Oakley and Brennan 2014) at the Dutch reference values per QALY,
// beside the EVPI over all parameters; "n/a" where the draws are too few for the group.
std::string draws_evppi_csv(const DrawComparison& c);

}  // namespace hhu
