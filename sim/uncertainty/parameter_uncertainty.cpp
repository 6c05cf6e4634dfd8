#include "sim/uncertainty/parameter_uncertainty.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "sim/core/error.hpp"
#include "sim/core/rng.hpp"
#include "sim/io/csv.hpp"
#include "sim/model/model_data.hpp"
#include "sim/scenario/scenario.hpp"

namespace hhu {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string part;
    std::istringstream in(s);
    while (std::getline(in, part, sep)) out.push_back(part);
    if (!s.empty() && s.back() == sep) out.emplace_back();
    return out;
}

// "column=value;column=value" -> pairs; throws naming the cell when a part is not column=value.
std::vector<std::pair<std::string, std::string>> parse_key(const CsvTable& t, std::size_t r) {
    std::vector<std::pair<std::string, std::string>> key;
    for (const auto& part : split(t.str(r, "key"), ';')) {
        const auto eq = part.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == part.size())
            throw InputError(t.where(r, "key") + ": expected column=value pairs joined by ';', got '" + t.str(r, "key") + "'");
        key.emplace_back(part.substr(0, eq), part.substr(eq + 1));
    }
    if (key.empty()) throw InputError(t.where(r, "key") + ": empty (expected column=value pairs joined by ';')");
    return key;
}

// A scenario effect's key: interventions=<id>+<id>...;effect=<index>.
void check_scenario_key(const CsvTable& t, std::size_t r, const CellPatch& p) {
    const bool shape = p.key.size() == 2 && p.key[0].first == "interventions" && p.key[1].first == "effect" &&
                       !p.key[1].second.empty() &&
                       std::all_of(p.key[1].second.begin(), p.key[1].second.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!shape)
        throw InputError(t.where(r, "key") + ": a scenario effect's key is interventions=<id>+<id>...;effect=<index>, got '" +
                         t.str(r, "key") + "'");
    if (p.column != "relative_risk" && p.column != "probability")
        throw InputError(t.where(r, "column") + ": a scenario effect draws relative_risk or probability, got '" + p.column + "'");
}

UncertainParameter read_row(const CsvTable& t, std::size_t r, const fs::path& data_directory) {
    UncertainParameter u;
    u.name = t.str(r, "parameter");
    if (u.name.empty()) throw InputError(t.where(r, "parameter") + ": empty (expected the parameter's name)");
    u.group = t.str(r, "group");
    if (u.group.empty()) throw InputError(t.where(r, "group") + ": empty (expected the parameter's group)");
    u.source = t.str(r, "source");
    if (u.source.empty()) throw InputError(t.where(r, "source") + ": empty (every distribution names its source)");
    u.subject = parameter_subject(u.name);
    CellPatch& p = u.target;
    p.table = t.str(r, "table");
    p.column = t.str(r, "column");
    p.origin = t.name() + ":" + std::to_string(t.line(r));
    p.name = u.name;
    p.key = parse_key(t, r);
    if (p.table == "scenario") {
        check_scenario_key(t, r, p);
    } else {
        const bool health = p.table.rfind("health/", 0) == 0 && p.table.find("..") == std::string::npos;
        std::error_code ec;
        if (!health || !fs::is_regular_file(data_directory / p.table, ec))
            throw InputError(t.where(r, "table") + ": expected a table of data/health/ (e.g. health/relative_risks.csv) "
                             "or 'scenario', got '" + p.table + "'");
    }
    p.central = t.num(r, "central");
    const int kind = t.choice(r, "distribution", kDistributionNames);
    const bool fixed = static_cast<Distribution>(kind) == Distribution::Fixed;
    if (!fixed) {
        u.low = t.num(r, "low");
        u.high = t.num(r, "high");
    } else if (!t.str(r, "low").empty() || !t.str(r, "high").empty()) {
        throw InputError(t.where(r, "low") + ": a fixed parameter has no interval (leave low and high empty)");
    }
    const std::string why = fit_distribution(static_cast<Distribution>(kind), p.central, u.low, u.high, u.distribution);
    if (!why.empty()) throw InputError(t.where(r, "distribution") + ": " + why);
    return u;
}

}  // namespace

std::uint32_t parameter_subject(const std::string& name) {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : name) h = (h ^ c) * 16777619u;
    return h;
}

std::vector<UncertainParameter> load_parameter_uncertainty(const fs::path& data_directory) {
    const CsvTable t = CsvTable::read(data_directory / kParameterUncertaintyFile);
    t.require_columns({"parameter", "group", "table", "key", "column", "central", "distribution", "low", "high", "source"});
    std::vector<UncertainParameter> out;
    std::map<std::string, int> line_of_name;
    std::map<std::uint32_t, std::string> name_of_subject;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        UncertainParameter u = read_row(t, r, data_directory);
        if (const auto it = line_of_name.find(u.name); it != line_of_name.end())
            throw InputError(t.where(r, "parameter") + ": '" + u.name + "' already defined on line " + std::to_string(it->second));
        line_of_name[u.name] = t.line(r);
        // Two names with one hash would share their uniforms (perfectly correlated draws): rename one.
        if (const auto it = name_of_subject.find(u.subject); it != name_of_subject.end())
            throw InputError(t.where(r, "parameter") + ": '" + u.name + "' draws the same random numbers as '" + it->second +
                             "' (their names hash alike); rename one");
        name_of_subject[u.subject] = u.name;
        out.push_back(std::move(u));
    }
    return out;
}

std::vector<double> draw_values(const std::vector<UncertainParameter>& parameters, std::uint64_t draw_seed, int draw) {
    const Rng rng(draw_seed);
    std::vector<double> out;
    out.reserve(parameters.size());
    for (const auto& u : parameters) {
        if (draw == 0 || u.distribution.kind == Distribution::Fixed) {
            out.push_back(u.target.central);
            continue;
        }
        const double p = rng.uniform(key::ParameterDraw, u.subject, static_cast<std::uint32_t>(draw));
        out.push_back(distribution_quantile(u.distribution, p));
    }
    return out;
}

std::vector<CellPatch> draw_patches(const std::vector<UncertainParameter>& parameters, std::uint64_t draw_seed, int draw) {
    const auto values = draw_values(parameters, draw_seed, draw);
    std::vector<CellPatch> out;
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        if (draw == 0 || parameters[i].distribution.kind == Distribution::Fixed) continue;
        CellPatch p = parameters[i].target;
        p.value = values[i];
        out.push_back(std::move(p));
    }
    return out;
}

Scenario with_parameter_draw(const Scenario& scenario, const ModelData& data) {
    Scenario s = scenario;
    for (const CellPatch& p : data.patches) {
        if (p.table != "scenario") continue;
        const auto ids = split(p.key[0].second, '+');
        const std::size_t index = std::stoul(p.key[1].second);
        for (auto& iv : s.interventions) {
            if (std::find(ids.begin(), ids.end(), iv.id) == ids.end()) continue;
            if (index >= iv.effects.size())
                throw InputError(p.origin + ": intervention " + iv.id + " of scenario " + scenario.name + " has " +
                                 std::to_string(iv.effects.size()) + " effect(s), no effect " + p.key[1].second);
            InterventionEffect& e = iv.effects[index];
            const bool attribute = e.kind == EffectKind::Attribute;
            if (attribute != (p.column == "probability"))
                throw InputError(p.origin + ": effect " + p.key[1].second + " of intervention " + iv.id + " is " +
                                 (attribute ? "an attribute effect (a probability)" : "a rate effect (a relative risk)") +
                                 ", the row draws its " + p.column);
            const double factor = p.value / p.central;
            if (attribute)
                e.probability = std::min(1.0, e.probability * factor);
            else
                e.relative_risk *= factor;
        }
    }
    return s;
}

}  // namespace hhu
