#include "sim/batch/plan.hpp"

#include <algorithm>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

#include "sim/io/strict_json.hpp"
#include "sim/output/indicators.hpp"

namespace hhu {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;
using Issues = std::vector<ValidationIssue>;

namespace {

// A plan is a small JSON file, as a scenario; larger inputs are refused before they fill memory.
constexpr std::size_t kMaxPlanBytes = 1 << 20;
// Rows of one plan: a grid multiplies quickly; beyond this a typo (a list of 1,000 values) is more
// likely than a study, and the output folder would hold that many run directories.
constexpr std::size_t kMaxRows = 10000;
// Replicates of a row: the same bound as a scenario's "replicates" (sim/scenario).
constexpr int kMaxReplicates = 1000;
// Parameter draws of a plan: every row runs each (a plan holds the tables of every draw in memory).
constexpr int kMaxDraws = 1000;

std::string child(const std::string& path, const std::string& key) { return path + "/" + json_pointer_token(key); }
std::string item(const std::string& path, std::size_t k) { return path + "/" + std::to_string(k); }

bool valid_name(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

// Reports every key of `obj` not among `allowed`, naming the keys that are.
void unknown_keys(const Json& obj, const std::string& path, std::initializer_list<const char*> allowed, Issues& issues) {
    for (const auto& [key, value] : obj.items()) {
        const bool allowed_here = std::find_if(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }) !=
                                  allowed.end();
        if (key == "draws" && !allowed_here) {
            issues.push_back({child(path, key), "parameter draws are not available yet per entry: give \"draws\" for "
                                                "the whole plan (every row runs draws x replicates)"});
            continue;
        }
        if (allowed_here) continue;
        std::string list;
        for (const char* a : allowed) list += std::string(list.empty() ? "" : ", ") + a;
        issues.push_back({child(path, key), "unknown key; expected one of: " + list});
    }
}

std::optional<std::string> get_string(const Json& obj, const std::string& path, const char* key, bool required,
                                      Issues& issues) {
    if (!obj.contains(key)) {
        if (required) issues.push_back({child(path, key), "is required (a string)"});
        return std::nullopt;
    }
    const Json& v = obj.at(key);
    if (!v.is_string() || v.get<std::string>().empty()) {
        issues.push_back({child(path, key), "must be a non-empty string, got " + v.dump()});
        return std::nullopt;
    }
    return v.get<std::string>();
}

std::optional<int> get_replicates(const Json& obj, const std::string& path, Issues& issues) {
    if (!obj.contains("replicates")) return std::nullopt;
    const Json& v = obj.at("replicates");
    if (!v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > kMaxReplicates) {
        issues.push_back({child(path, "replicates"),
                          "must be a whole number from 1 to " + std::to_string(kMaxReplicates) + ", got " + v.dump()});
        return std::nullopt;
    }
    return v.get<int>();
}

// "set": {"key": value, ...} as KEY=VALUE assignments (the -D form), in the file's order.
std::vector<std::string> get_set(const Json& obj, const std::string& path, Issues& issues) {
    std::vector<std::string> out;
    if (!obj.contains("set")) return out;
    const Json& set = obj.at("set");
    if (!set.is_object()) {
        issues.push_back({child(path, "set"), "must be an object of -D keys and values, e.g. {\"end_year\": 2030}"});
        return out;
    }
    for (const auto& [key, value] : set.items()) out.push_back(key + "=" + value.dump());
    return out;
}

// What one entry (a run, a grid or a sweep) asks for before it is expanded into rows.
struct Entry {
    std::string origin;
    std::string scenario_file;
    std::vector<std::string> overrides;
    std::string label;
    std::optional<int> replicates;
};

struct Context {
    fs::path folder;
    std::vector<std::string> plan_set;
    std::optional<int> replicates;
    std::optional<std::uint64_t> seed;
    int draws = 0;                 // the plan's parameter draws (0: none)
    std::uint64_t draw_seed = 1;
    Issues& issues;
    std::vector<PlanRow>& rows;
};

std::string resolve(const Context& c, const std::string& file) {
    const fs::path p(file);
    return (p.is_absolute() || c.folder.empty() ? p : c.folder / p).lexically_normal().string();
}

// Loads the entry's scenario with the plan's and the entry's overrides; problems go to the entry's path.
void add_row(Context& c, Entry e) {
    if (c.rows.size() >= kMaxRows) {
        if (c.rows.size() == kMaxRows)
            c.issues.push_back({e.origin, "the plan has more than " + std::to_string(kMaxRows) +
                                              " rows; split it into several plans"});
        c.rows.emplace_back();
        return;
    }
    PlanRow row;
    row.number = static_cast<int>(c.rows.size()) + 1;
    row.origin = e.origin;
    row.scenario_file = resolve(c, e.scenario_file);
    row.overrides = c.plan_set;
    row.overrides.insert(row.overrides.end(), e.overrides.begin(), e.overrides.end());
    try {
        const Scenario base = load_scenario(row.scenario_file);
        row.scenario = row.overrides.empty() ? base : with_overrides(base, row.overrides);
    } catch (const ScenarioError& err) {
        for (const auto& i : err.issues())
            c.issues.push_back({e.origin, "scenario " + err.file() + (i.path.empty() ? "" : " at " + i.path) + ": " + i.message});
        c.rows.push_back(std::move(row));
        return;
    }
    row.label = e.label.empty() ? row.scenario.name : e.label;
    row.replicates = e.replicates.value_or(c.replicates.value_or(row.scenario.replicates));
    row.seed = c.seed.value_or(row.scenario.seed);
    if (row.seed > std::numeric_limits<std::uint64_t>::max() - static_cast<std::uint64_t>(row.replicates - 1))
        c.issues.push_back({e.origin, "seed " + std::to_string(row.seed) + " with " + std::to_string(row.replicates) +
                                          " replicates needs seeds beyond 18446744073709551615"});
    c.rows.push_back(std::move(row));
}

std::string varied_label(const std::vector<std::pair<std::string, std::string>>& values) {
    std::string s;
    for (const auto& [key, value] : values) s += " " + key + "=" + value;
    return s;
}

void read_runs(const Json& runs, Context& c) {
    const std::string path = "/runs";
    if (!runs.is_array()) return c.issues.push_back({path, "must be a list of runs"});
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const std::string at = item(path, k);
        const Json& r = runs[k];
        if (!r.is_object()) {
            c.issues.push_back({at, "must be an object such as {\"scenario\": \"baseline.json\"}"});
            continue;
        }
        unknown_keys(r, at, {"name", "scenario", "set", "replicates"}, c.issues);
        Entry e;
        e.origin = at;
        const auto name = get_string(r, at, "name", false, c.issues);
        const auto scenario = get_string(r, at, "scenario", true, c.issues);
        e.overrides = get_set(r, at, c.issues);
        e.replicates = get_replicates(r, at, c.issues);
        if (!scenario) continue;
        e.scenario_file = *scenario;
        e.label = name.value_or("");
        add_row(c, std::move(e));
    }
}

// The keys and value lists of a grid's or a sweep's varied "set", checked.
std::vector<std::pair<std::string, std::vector<std::string>>> varied_values(const Json& set, const std::string& path,
                                                                             Issues& issues) {
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    for (const auto& [key, values] : set.items()) {
        if (!values.is_array() || values.empty()) {
            issues.push_back({child(path, key), "must be a non-empty list of values, got " + values.dump()});
            continue;
        }
        std::vector<std::string> texts;
        for (const auto& v : values) texts.push_back(v.dump());
        out.emplace_back(key, std::move(texts));
    }
    return out;
}

void read_grids(const Json& grids, Context& c) {
    const std::string path = "/grids";
    if (!grids.is_array()) return c.issues.push_back({path, "must be a list of grids"});
    for (std::size_t k = 0; k < grids.size(); ++k) {
        const std::string at = item(path, k);
        const Json& g = grids[k];
        if (!g.is_object()) {
            c.issues.push_back({at, "must be an object such as {\"scenarios\": [\"a.json\"], \"set\": {\"key\": [1, 2]}}"});
            continue;
        }
        unknown_keys(g, at, {"scenarios", "set", "replicates"}, c.issues);
        const auto replicates = get_replicates(g, at, c.issues);
        std::vector<std::string> scenarios;
        if (!g.contains("scenarios") || !g.at("scenarios").is_array() || g.at("scenarios").empty()) {
            c.issues.push_back({child(at, "scenarios"), "is required: a non-empty list of scenario files"});
        } else {
            for (std::size_t s = 0; s < g.at("scenarios").size(); ++s) {
                const Json& f = g.at("scenarios")[s];
                if (f.is_string() && !f.get<std::string>().empty()) scenarios.push_back(f.get<std::string>());
                else c.issues.push_back({item(child(at, "scenarios"), s), "must be a scenario file name, got " + f.dump()});
            }
        }
        std::vector<std::pair<std::string, std::vector<std::string>>> axes;
        if (g.contains("set")) {
            if (g.at("set").is_object()) axes = varied_values(g.at("set"), child(at, "set"), c.issues);
            else c.issues.push_back({child(at, "set"), "must be an object of -D keys and lists of values"});
        }
        // Every combination, the last key varying fastest; the scenarios slowest.
        std::size_t combos = 1;
        for (const auto& a : axes) combos *= a.second.size();
        if (combos * std::max<std::size_t>(scenarios.size(), 1) > kMaxRows) {
            c.issues.push_back({at, "makes " + std::to_string(combos * scenarios.size()) + " rows, more than " +
                                        std::to_string(kMaxRows) + "; split it"});
            continue;
        }
        for (const auto& file : scenarios)
            for (std::size_t n = 0; n < combos; ++n) {
                Entry e;
                e.origin = at;
                e.scenario_file = file;
                e.replicates = replicates;
                std::vector<std::pair<std::string, std::string>> chosen;
                std::size_t rest = n;
                for (auto a = axes.rbegin(); a != axes.rend(); ++a) {
                    chosen.emplace(chosen.begin(), a->first, a->second[rest % a->second.size()]);
                    rest /= a->second.size();
                }
                for (const auto& [key, value] : chosen) e.overrides.push_back(key + "=" + value);
                const std::size_t before = c.rows.size();
                add_row(c, e);
                if (c.rows.size() > before && !c.rows.back().label.empty()) c.rows.back().label += varied_label(chosen);
            }
    }
}

void read_sweep(const Json& s, const std::string& at, Context& c, std::vector<PlanSweep>& sweeps,
                const std::vector<std::string>& unit_codes) {
    unknown_keys(s, at, {"name", "scenario", "key", "values", "set", "replicates", "indicator", "zone", "year"}, c.issues);
    PlanSweep sweep;
    const auto name = get_string(s, at, "name", true, c.issues);
    if (name && !valid_name(*name))
        c.issues.push_back({child(at, "name"), "must be letters, digits, '_' or '-' (it names curves/" + *name + ".csv)"});
    if (name && std::any_of(sweeps.begin(), sweeps.end(), [&](const PlanSweep& o) { return o.name == *name; }))
        c.issues.push_back({child(at, "name"), "another sweep is named '" + *name + "'"});
    const auto scenario = get_string(s, at, "scenario", true, c.issues);
    const auto key = get_string(s, at, "key", true, c.issues);
    const auto indicator = get_string(s, at, "indicator", true, c.issues);
    if (indicator && !find_indicator(*indicator))
        c.issues.push_back({child(at, "indicator"), "unknown indicator '" + *indicator + "' (hhu indicators lists them)"});
    sweep.zone = get_string(s, at, "zone", false, c.issues).value_or("PV26");
    if (!unit_codes.empty() && std::find(unit_codes.begin(), unit_codes.end(), sweep.zone) == unit_codes.end())
        c.issues.push_back({child(at, "zone"), "unknown zone or aggregate '" + sweep.zone + "'"});
    std::optional<int> year;
    if (s.contains("year")) {
        if (s.at("year").is_number_integer()) year = s.at("year").get<int>();
        else c.issues.push_back({child(at, "year"), "must be a whole year, got " + s.at("year").dump()});
    }
    const auto replicates = get_replicates(s, at, c.issues);
    const auto fixed = get_set(s, at, c.issues);
    if (!s.contains("values") || !s.at("values").is_array() || s.at("values").empty()) {
        c.issues.push_back({child(at, "values"), "is required: a non-empty list of the values of \"key\""});
        return;
    }
    if (!name || !scenario || !key || !indicator) return;
    sweep.name = *name;
    sweep.key = *key;
    sweep.indicator = *indicator;
    for (const auto& v : s.at("values")) {
        Entry e;
        e.origin = at;
        e.scenario_file = *scenario;
        e.overrides = fixed;
        e.overrides.push_back(*key + "=" + v.dump());
        e.replicates = replicates;
        const std::size_t before = c.rows.size();
        add_row(c, e);
        if (c.rows.size() == before) continue;
        PlanRow& row = c.rows.back();
        if (!row.label.empty()) row.label += " " + *key + "=" + v.dump();
        sweep.values.push_back(v.dump());
        sweep.rows.push_back(row.number);
        if (row.label.empty()) continue;  // its scenario failed to load: already reported
        const int y = year.value_or(row.scenario.end_year);
        if (y < row.scenario.start_year || y > row.scenario.end_year) {
            c.issues.push_back({child(at, "year"), std::to_string(y) + " is not simulated (the scenario runs " +
                                                      std::to_string(row.scenario.start_year) + "-" +
                                                      std::to_string(row.scenario.end_year) + ")"});
            return;
        }
        sweep.year = y;
    }
    sweeps.push_back(std::move(sweep));
}

void read_sweeps(const Json& list, Context& c, std::vector<PlanSweep>& sweeps, const std::vector<std::string>& units) {
    const std::string path = "/sweeps";
    if (!list.is_array()) return c.issues.push_back({path, "must be a list of sweeps"});
    for (std::size_t k = 0; k < list.size(); ++k) {
        if (list[k].is_object()) read_sweep(list[k], item(path, k), c, sweeps, units);
        else c.issues.push_back({item(path, k), "must be an object with name, scenario, key, values and indicator"});
    }
}

void read_options(const Json& doc, Plan& plan, Context& c) {
    if (const auto name = get_string(doc, "", "name", true, c.issues)) {
        if (valid_name(*name)) plan.name = *name;
        else c.issues.push_back({"/name", "must be letters, digits, '_' or '-', got '" + *name + "'"});
    }
    plan.description = get_string(doc, "", "description", false, c.issues).value_or("");
    if (doc.contains("scale")) {
        const Json& v = doc.at("scale");
        if (v.is_number() && v.get<double>() >= 1e-4 && v.get<double>() <= 1.0) plan.scale = v.get<double>();
        else c.issues.push_back({"/scale", "must be a number from 0.0001 to 1 (the share of residents), got " + v.dump()});
    }
    if (doc.contains("seed")) {
        const Json& v = doc.at("seed");
        if (v.is_number_unsigned()) c.seed = v.get<std::uint64_t>();
        else c.issues.push_back({"/seed", "must be a whole number from 0 to 18446744073709551615, got " + v.dump()});
    }
    c.replicates = get_replicates(doc, "", c.issues);
    if (doc.contains("draws")) {
        const Json& v = doc.at("draws");
        if (v.is_number_integer() && v.get<long long>() >= 1 && v.get<long long>() <= kMaxDraws) c.draws = v.get<int>();
        else c.issues.push_back({"/draws", "must be a whole number from 1 to " + std::to_string(kMaxDraws) + ", got " + v.dump()});
    }
    if (doc.contains("draw_seed")) {
        const Json& v = doc.at("draw_seed");
        if (v.is_number_unsigned()) c.draw_seed = v.get<std::uint64_t>();
        else c.issues.push_back({"/draw_seed", "must be a whole number from 0 to 18446744073709551615, got " + v.dump()});
    }
    if (const auto detail = get_string(doc, "", "detail", false, c.issues)) {
        if (const auto d = parse_detail(*detail)) plan.output.detail = *d;
        else c.issues.push_back({"/detail", "must be summary, zones or full, got '" + *detail + "'"});
    }
    if (doc.contains("gzip")) {
        if (doc.at("gzip").is_boolean()) plan.output.gzip = doc.at("gzip").get<bool>();
        else c.issues.push_back({"/gzip", "must be true or false, got " + doc.at("gzip").dump()});
    }
    c.plan_set = get_set(doc, "", c.issues);
}

std::string resolved_json(const Plan& plan) {
    Json j;
    j["plan"] = plan.name;
    j["scale"] = plan.scale;
    j["detail"] = std::string(detail_name(plan.output.detail));
    j["gzip"] = plan.output.gzip;
    Json rows = Json::array();
    for (const auto& r : plan.rows) {
        Json row = {{"row", r.number}, {"label", r.label}, {"scenario_file", r.scenario_file}, {"set", r.overrides},
                    {"replicates", r.replicates}, {"seed", r.seed},
                    {"scenario", nlohmann::json::parse(r.scenario.resolved_json)}};
        if (r.draw > 0) {  // absent without draws: a plan folder written before draws existed still resumes
            row["draw"] = r.draw;
            row["draw_seed"] = r.draw_seed;
        }
        rows.push_back(std::move(row));
    }
    j["rows"] = rows;
    Json sweeps = Json::array();
    for (const auto& s : plan.sweeps)
        sweeps.push_back({{"name", s.name}, {"key", s.key}, {"values", s.values}, {"rows", s.rows},
                          {"indicator", s.indicator}, {"zone", s.zone}, {"year", s.year}});
    j["sweeps"] = sweeps;
    return j.dump(2) + "\n";
}

// Every row once per draw (draw 1..N, in that order within the row), renumbered.
std::vector<PlanRow> with_draws(std::vector<PlanRow> rows, int draws, std::uint64_t draw_seed) {
    if (draws == 0) return rows;
    std::vector<PlanRow> out;
    for (const auto& row : rows)
        for (int k = 1; k <= draws; ++k) {
            PlanRow r = row;
            r.number = static_cast<int>(out.size()) + 1;
            r.draw = k;
            r.draw_seed = draw_seed;
            r.label += " draw " + std::to_string(k);
            out.push_back(std::move(r));
        }
    return out;
}

std::string format_message(const std::string& file, const Issues& issues) {
    std::string m = "plan " + file + ": " + std::to_string(issues.size()) + " problem(s):";
    for (const auto& i : issues) m += "\n  " + (i.path.empty() ? "" : i.path + ": ") + i.message;
    return m;
}

}  // namespace

PlanError::PlanError(const std::string& file, const std::vector<ValidationIssue>& issues)
    : InputError(format_message(file, issues)) {}

Plan parse_plan(const std::string& text, const std::string& name, const fs::path& folder,
                const std::vector<std::string>& unit_codes) {
    JsonProblem problem;
    const auto doc = parse_strict_json(text, problem);
    if (!doc) throw PlanError(name, {{problem.path, problem.message}});
    Issues issues;
    if (!doc->is_object()) throw PlanError(name, {{"", "must be a JSON object with \"name\" and \"runs\", \"grids\" or \"sweeps\""}});
    Plan plan;
    plan.source_file = name;
    std::vector<PlanRow> rows;
    Context c{folder, {}, std::nullopt, std::nullopt, 0, 1, issues, rows};
    unknown_keys(*doc, "", {"name", "description", "scale", "seed", "replicates", "draws", "draw_seed", "detail",
                            "gzip", "set", "runs", "grids", "sweeps"}, issues);
    read_options(*doc, plan, c);
    if (doc->contains("runs")) read_runs(doc->at("runs"), c);
    if (doc->contains("grids")) read_grids(doc->at("grids"), c);
    if (doc->contains("sweeps")) read_sweeps(doc->at("sweeps"), c, plan.sweeps, unit_codes);
    if (!doc->contains("runs") && !doc->contains("grids") && !doc->contains("sweeps"))
        issues.push_back({"", "has no rows: give \"runs\", \"grids\" or \"sweeps\""});
    for (const auto& s : plan.sweeps)
        if (!row_in_detail("0," + s.zone + ",all,all,all", plan.output.detail))
        {
            std::string m(detail_name(plan.output.detail));
            m += " keeps only the aggregates (GM0344, U10, U16, PV26), but sweep '" + s.name + "' reads zone " + s.zone +
                 "; use detail zones";
            issues.push_back({"/detail", m});
        }
    if (c.draws > 0 && doc->contains("sweeps"))
        issues.push_back({"/draws", "parameter draws are not available yet with sweeps (a response curve over draws): "
                                    "leave out \"draws\" or the sweeps"});
    if (c.draws > 0 && rows.size() * static_cast<std::size_t>(c.draws) > kMaxRows)
        issues.push_back({"/draws", std::to_string(rows.size()) + " rows x " + std::to_string(c.draws) +
                                        " draws makes more than " + std::to_string(kMaxRows) + " rows; split the plan"});
    // One problem repeated by every row of a grid is reported once.
    Issues unique;
    for (auto& i : issues)
        if (std::none_of(unique.begin(), unique.end(),
                         [&](const ValidationIssue& u) { return u.path == i.path && u.message == i.message; }))
            unique.push_back(std::move(i));
    if (!unique.empty()) throw PlanError(name, unique);
    plan.rows = with_draws(std::move(rows), c.draws, c.draw_seed);
    plan.resolved_json = resolved_json(plan);
    return plan;
}

Plan load_plan(const fs::path& file, const std::vector<std::string>& unit_codes) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) throw PlanError(file.string(), {{"", "file not found (or not a file)"}});
    if (fs::file_size(file, ec) > kMaxPlanBytes)
        throw PlanError(file.string(), {{"", "larger than " + std::to_string(kMaxPlanBytes >> 10) + " KB: not a plan"}});
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) throw PlanError(file.string(), {{"", "cannot be read"}});
    return parse_plan(text.str(), file.string(), file.parent_path(), unit_codes);
}

std::string plan_difference(const std::string& had, const Plan& plan) {
    if (had == plan.resolved_json) return "";
    Json old;
    try {
        old = Json::parse(had);
    } catch (const std::exception&) {
        return "its plan.json is unreadable";
    }
    const Json now = Json::parse(plan.resolved_json);
    for (const char* key : {"plan", "scale", "detail", "gzip"})
        if (old.value(key, Json()) != now.at(key)) return std::string("its plan has another \"") + key + "\"";
    Json a = old.value("rows", Json::array());
    Json b = now.at("rows");
    // A row's scenario file is named as the plan was given (relative to the folder it was run from, or absolute): the
    // same plan resumed from another folder names it otherwise. The resolved scenario it holds is what must agree.
    for (Json* rows : {&a, &b})
        if (rows->is_array())
            for (Json& row : *rows)
                if (row.is_object()) row.erase("scenario_file");
    for (std::size_t k = 0; k < std::min(a.size(), b.size()); ++k)
        if (a[k] != b[k]) {
            // A key a row has only in one of them (a row's draw, for one) is a difference too, not a missing key.
            if (!a[k].is_object()) return "row " + std::to_string(k + 1) + " differs";
            for (const char* key : {"label", "set", "replicates", "seed", "draw", "draw_seed", "scenario"})
                if (a[k].value(key, Json()) != b[k].value(key, Json()))
                    return "row " + std::to_string(k + 1) + " (" + b[k].at("label").get<std::string>() + "): its " + key +
                           " differs";
            return "row " + std::to_string(k + 1) + " differs";
        }
    if (a.size() != b.size())
        return "it has " + std::to_string(a.size()) + " rows, this plan " + std::to_string(b.size());
    if (old.value("sweeps", Json()) != now.value("sweeps", Json())) return "its sweeps differ";
    return "";  // the same plan, its scenario files named from another folder
}

}  // namespace hhu
