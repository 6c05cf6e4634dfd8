#pragma once
// Parameter uncertainty (probabilistic sensitivity analysis): the table of uncertain parameters
// (data/uncertainty/parameter_uncertainty.csv, built by tools/build_uncertainty_data.py), each with a
// distribution fitted to its 95% interval (sim/core/statistics.hpp), and parameter draws.
//
// Draw k (k >= 1) of a parameter is the quantile of its distribution at one uniform number drawn
// through key::ParameterDraw with the draw seed, the parameter's name (hashed) as the subject and k as
// the step: a pure function of (draw seed, name, k). So draw k is the same parameter set in every
// scenario and replicate (scenarios stay paired), adding a parameter changes no other's draws, and
// the replicate seed (the model's Monte Carlo noise) is independent of it. Draw 0 is the central values:
// no table is touched, and a run is today's run byte for byte.
//
// Calibration under a draw: the calibration files (data/health/*_calibration*.csv, fitted by `hhu
// calibrate` at the central values) are held fixed. So under a draw the baseline no longer reproduces
// the life table and prevalence exactly; that departure is part of what the parameters' uncertainty
// does to the outcomes (standard practice when recalibration is costly: Briggs et al. 2006, 4.5).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/core/statistics.hpp"
#include "sim/io/csv_patch.hpp"

namespace hhu {

struct Scenario;
struct ModelData;

struct UncertainParameter {
    std::string name;   // e.g. rr.chd.lonely_severe.yes
    std::string group;  // relative_risks, disability_weights, costs, environment, intervention_effects
    CellPatch target;   // table, key, column, central and origin (value: unset)
    FittedDistribution distribution;
    double low = 0, high = 0;
    std::string source;
    std::uint32_t subject = 0;  // the name's hash: the random subject of its draws
};

inline constexpr const char* kParameterUncertaintyFile = "uncertainty/parameter_uncertainty.csv";

// Reads and checks the table (under the data directory). Every problem throws InputError naming
// file:line and column: an unknown distribution, a number that is not one, an interval that does not fit
// (statistics.hpp's reasons), a table that is not a data file, a malformed key, a name given twice.
std::vector<UncertainParameter> load_parameter_uncertainty(const std::filesystem::path& data_directory);

// The value of each parameter in draw k (k >= 1), in table order.
std::vector<double> draw_values(const std::vector<UncertainParameter>& parameters, std::uint64_t draw_seed, int draw);

// The table edits of draw k (fixed parameters left out).
std::vector<CellPatch> draw_patches(const std::vector<UncertainParameter>& parameters, std::uint64_t draw_seed,
                                    int draw);

// The scenario with the draw's intervention effects (data.patches with table "scenario"): an effect of
// a listed intervention is scaled by draw / central (a probability at most 1). The scenario's
// resolved_json is left as written; the draw is recorded in the run's manifest. InputError naming the
// patch's origin when a listed intervention lacks the effect or it is of the other kind.
Scenario with_parameter_draw(const Scenario& scenario, const ModelData& data);

// 32-bit FNV-1a of a name: the random subject of a parameter.
std::uint32_t parameter_subject(const std::string& name);

}  // namespace hhu
