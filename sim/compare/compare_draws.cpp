#include "sim/compare/compare_draws.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "sim/compare/compare_format.hpp"
#include "sim/core/error.hpp"
#include "sim/core/statistics_evppi.hpp"
#include "sim/output/indicators.hpp"
#include "sim/uncertainty/parameter_uncertainty.hpp"

namespace hhu {

namespace fs = std::filesystem;

namespace {

struct DrawsManifest {
    std::string scenario_name;
    int draws = 0;
    std::uint64_t draw_seed = 0;
    std::vector<std::string> folders;
};

DrawsManifest read_draws_manifest(const fs::path& dir) {
    const fs::path file = dir / "manifest.json";
    std::ifstream in(file);
    if (!in) throw InputError(file.string() + ": missing (not a finished set of parameter draws)");
    try {
        const auto m = nlohmann::json::parse(in);
        if (m.value("kind", std::string()) != "parameter_draws")
            throw InputError(file.string() + ": not a set of parameter draws (no \"kind\": \"parameter_draws\")");
        DrawsManifest d;
        d.scenario_name = m.at("scenario_name").get<std::string>();
        d.draws = m.at("draws").get<int>();
        d.draw_seed = m.at("draw_seed").get<std::uint64_t>();
        d.folders = m.at("draw_folders").get<std::vector<std::string>>();
        if (d.draws < 1 || static_cast<int>(d.folders.size()) != d.draws)
            throw InputError(file.string() + ": \"draw_folders\" must list the " + std::to_string(d.draws) + " draws");
        return d;
    } catch (const nlohmann::json::exception& e) {
        throw InputError(file.string() + ": " + e.what());
    }
}

// The values[d * R + r] of one row and period over the draws' comparisons; empty if any is missing.
std::vector<double> gather(const std::vector<Comparison>& per_draw, std::size_t row, int period, int replicates) {
    std::vector<double> v;
    for (const auto& c : per_draw) {
        const auto& d = c.rows[row].differences[period];
        if (static_cast<int>(d.size()) != replicates) return {};
        v.insert(v.end(), d.begin(), d.end());
    }
    return v;
}

double mean_of(const std::vector<PlanePoint>& plane, bool discounted, bool qalys) {
    double s = 0;
    for (const auto& p : plane)
        s += qalys ? (discounted ? p.qalys_gained_discounted : p.qalys_gained)
                   : (discounted ? p.net_cost_discounted : p.net_cost);
    return s / static_cast<double>(plane.size());
}

std::string cell(const std::optional<double>& x) { return x ? format_value(*x) : "n/a"; }

// The drawn values of a draw's run directory (manifest.json "drawn_values": parameter name -> value).
nlohmann::json drawn_values(const fs::path& draw_dir) {
    const fs::path file = draw_dir / "manifest.json";
    std::ifstream in(file);
    if (!in) throw InputError(file.string() + ": missing (expected the manifest of a parameter draw)");
    try {
        const auto m = nlohmann::json::parse(in);
        if (!m.contains("drawn_values") || !m.at("drawn_values").is_object())
            throw InputError(file.string() + ": no \"drawn_values\" object (expected the values of the draw)");
        return m.at("drawn_values");
    } catch (const nlohmann::json::exception& e) {
        throw InputError(file.string() + ": " + e.what());
    }
}

// The groups of the parameters drawn (the uncertainty table of the runs' data), each parameter's value per
// draw from the baseline draws' manifests. A parameter drawn in no draw (fixed) is left out.
std::vector<DrawComparison::Group> parameter_groups(const fs::path& data_dir, const fs::path& baseline,
                                                    const std::vector<std::string>& folders, int draws) {
    const auto table = load_parameter_uncertainty(data_dir);
    std::vector<nlohmann::json> drawn;
    for (int k = 0; k < draws; ++k) drawn.push_back(drawn_values(baseline / folders[k]));
    std::vector<DrawComparison::Group> groups;
    for (const auto& p : table) {
        if (!drawn.front().contains(p.name)) continue;
        std::vector<double> v;
        for (int k = 0; k < draws; ++k) {
            if (!drawn[k].contains(p.name) || !drawn[k].at(p.name).is_number())
                throw InputError((baseline / folders[k] / "manifest.json").string() + ": drawn_values has no number for " +
                                 p.name + ", which draw 1 has");
            v.push_back(drawn[k].at(p.name).get<double>());
        }
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.name == p.group; });
        if (it == groups.end()) it = groups.insert(groups.end(), {p.group, {}, {}});
        it->parameters.push_back(p.name);
        it->values.push_back(std::move(v));
    }
    return groups;
}

}  // namespace

bool is_draws_directory(const fs::path& dir) {
    std::ifstream in(dir / "manifest.json");
    if (!in) return false;
    try {
        return nlohmann::json::parse(in).value("kind", std::string()) == "parameter_draws";
    } catch (const nlohmann::json::exception&) {
        return false;
    }
}

DrawComparison compare_draws(const fs::path& baseline, const fs::path& scenario, const CompareOptions& options) {
    const DrawsManifest b = read_draws_manifest(baseline), s = read_draws_manifest(scenario);
    if (b.draw_seed != s.draw_seed)
        throw InputError("the sets of draws were drawn with different draw seeds (" + baseline.string() + ": " +
                         std::to_string(b.draw_seed) + ", " + scenario.string() + ": " + std::to_string(s.draw_seed) +
                         "): draw k is not the same parameter set in both, so they cannot be paired");
    DrawComparison c;
    c.baseline = baseline;
    c.scenario = scenario;
    c.baseline_name = b.scenario_name;
    c.scenario_name = s.scenario_name;
    c.zone = options.zone;
    c.draw_seed = b.draw_seed;
    c.draws = std::min(b.draws, s.draws);
    if (b.draws != s.draws)
        c.warnings.push_back("the sets have different numbers of draws (baseline " + std::to_string(b.draws) +
                             ", scenario " + std::to_string(s.draws) + "); pairing the first " + std::to_string(c.draws));
    std::vector<Comparison> per_draw;
    for (int k = 0; k < c.draws; ++k) per_draw.push_back(compare_runs(baseline / b.folders[k], scenario / s.folders[k], options));
    c.replicates = per_draw.front().replicates;
    c.periods = per_draw.front().periods;
    for (const auto& d : per_draw) {
        if (d.replicates != c.replicates)
            throw InputError(d.scenario.dir.string() + ": " + std::to_string(d.replicates) + " paired replicates, draw 1 has " +
                             std::to_string(c.replicates) + " (every draw needs the same replicates)");
        for (const auto& w : d.warnings) c.warnings.push_back(d.scenario.dir.filename().string() + ": " + w);
    }
    const auto& rows = per_draw.front().rows;
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (int k = 0; k < kNumPeriods; ++k) {
            if (!reported(per_draw.front(), rows[i], k)) continue;
            const auto v = gather(per_draw, i, k, c.replicates);
            if (v.empty()) continue;
            c.rows.push_back({rows[i].measure, rows[i].label, rows[i].unit, rows[i].group, k,
                              decompose_variance(v, c.draws, c.replicates)});
        }
    const fs::path data_dir = per_draw.front().baseline.data_directory;
    if (data_dir.empty())
        c.warnings.push_back("the runs do not record their data directory: no EVPPI per group of parameters");
    else
        try {
            c.groups = parameter_groups(data_dir, baseline, b.folders, c.draws);
        } catch (const InputError& e) {
            c.warnings.push_back(std::string("no EVPPI per group of parameters: ") + e.what());
        }
    for (const auto& d : per_draw) {
        if (d.plane.empty()) break;
        for (int disc = 0; disc < 2; ++disc) {
            c.qalys_gained[disc].push_back(mean_of(d.plane, disc == 1, true));
            c.net_cost[disc].push_back(mean_of(d.plane, disc == 1, false));
        }
    }
    return c;
}

std::string draws_csv(const DrawComparison& c) {
    std::string out =
        "measure,unit,period,mean,lower,upper,sd_parameter,sd_monte_carlo,parameter_share,monte_carlo_share,draws,"
        "replicates\n";
    for (const auto& r : c.rows) {
        const auto& v = r.spread;
        const auto sd = [&](double var) { return v.separable ? std::optional<double>(std::sqrt(var)) : std::nullopt; };
        out += r.measure + "," + r.unit + "," + c.periods[r.period] + "," + format_value(v.mean) + "," +
               cell(v.lower) + "," + cell(v.upper) + "," + cell(sd(v.sigma2_parameter)) + "," +
               cell(sd(v.sigma2_mc)) + "," + cell(v.parameter_share) + "," + cell(v.noise_share) + "," +
               std::to_string(v.draws) + "," + std::to_string(v.replicates) + "\n";
    }
    return out;
}

std::string draws_acceptability_csv(const DrawComparison& c) {
    std::string out = "value_per_qaly_eur,probability_cost_effective,probability_cost_effective_discounted,evpi_eur,"
                      "evpi_eur_discounted,draws\n";
    if (c.qalys_gained[0].empty()) return out;
    const std::size_t n = c.qalys_gained[0].size();
    for (int value = 0; value <= 200000; value += 5000) {
        std::array<std::vector<double>, 2> nmb;
        std::array<double, 2> yes{};
        for (int disc = 0; disc < 2; ++disc)
            for (std::size_t k = 0; k < n; ++k) {
                nmb[disc].push_back(value * c.qalys_gained[disc][k] - c.net_cost[disc][k]);
                yes[disc] += nmb[disc].back() > 0;
            }
        out += std::to_string(value) + "," + format_value(yes[0] / n) + "," + format_value(yes[1] / n) + "," +
               format_value(expected_value_of_perfect_information(nmb[0])) + "," +
               format_value(expected_value_of_perfect_information(nmb[1])) + "," + std::to_string(n) + "\n";
    }
    return out;
}

}  // namespace hhu

namespace hhu {

std::string draws_evppi_csv(const DrawComparison& c) {
    std::string out = "group,parameters,value_per_qaly_eur,evppi_eur,evppi_eur_discounted,evpi_eur,evpi_eur_discounted,draws\n";
    if (c.qalys_gained[0].empty()) return out;
    const std::size_t n = c.qalys_gained[0].size();
    for (const double value : kReferenceValuesPerQaly) {
        std::array<std::vector<double>, 2> nmb;
        for (int disc = 0; disc < 2; ++disc)
            for (std::size_t k = 0; k < n; ++k) nmb[disc].push_back(value * c.qalys_gained[disc][k] - c.net_cost[disc][k]);
        const std::string evpi = format_value(expected_value_of_perfect_information(nmb[0])) + "," +
                                 format_value(expected_value_of_perfect_information(nmb[1]));
        for (const auto& g : c.groups)
            out += g.name + "," + std::to_string(g.parameters.size()) + "," + format_value(value) + "," +
                   cell(partial_evpi(nmb[0], g.values)) + "," + cell(partial_evpi(nmb[1], g.values)) + "," + evpi + "," +
                   std::to_string(n) + "\n";
    }
    return out;
}

}  // namespace hhu
