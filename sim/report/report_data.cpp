#include "sim/report/report_data.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "sim/compare/paired_series.hpp"
#include "sim/core/error.hpp"
#include "sim/io/csv.hpp"

namespace hhu {

namespace fs = std::filesystem;

namespace {

using nlohmann::json;

constexpr const char* kProvince = "PV26";
constexpr int kMidYear = 2030;
// Per how many residents the change by zone is shown: QALYs gained per 1,000 residents of the first year.
constexpr double kPerResidents = 1000;

const std::vector<std::string> kTrendIndicators = {"healthy_life_expectancy", "qalys", "care_hours", "cost_eur",
                                                   "intervention_participants"};
const std::vector<std::string> kEducationLevels = {"low", "middle", "high"};

json read_manifest(const fs::path& dir) {
    const fs::path file = dir / "manifest.json";
    std::ifstream in(file);
    if (!in) throw InputError(file.string() + ": missing (expected the manifest of a run directory written by hhu run)");
    try {
        return json::parse(in);
    } catch (const json::parse_error& e) {
        throw InputError(file.string() + ": not valid JSON: " + e.what());
    }
}

// A JSON value as a person reads it: strings bare, arrays joined with ", ", whole numbers without decimals.
std::string plain(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_float()) {
        const double d = v.get<double>();
        if (d == std::floor(d) && std::abs(d) < 1e15) return std::to_string(static_cast<long long>(d));
    }
    if (v.is_array()) {
        std::string s;
        for (const auto& e : v) s += (s.empty() ? "" : ", ") + plain(e);
        return s;
    }
    return v.dump();
}

// The order in which a person reads an intervention's fields (the manifest's JSON is sorted by key);
// fields not listed come after, in key order.
const std::vector<std::string> kFieldOrder = {
    "age_min", "age_max", "sex", "education", "zones", "household", "risk_factors", "conditions", "pregnancy",
    "start_year", "end_year", "ramp_up_years", "coverage", "uptake", "capacity_per_year", "digital_skills",
    "target", "kind", "relative_risk", "probability", "duration_years", "decay", "half_life_years",
    "per_participant_eur", "per_year_eur", "price_year"};

// A field left at its default says nothing to a reader (the resolved scenario lists every field).
bool is_default(const json& v) {
    const auto is_word = [&](const char* w) { return v.is_string() && v.get<std::string>() == w; };
    return v.is_null() || is_word("") || is_word("none") || is_word("all") || is_word("any") ||
           (v.is_array() && v.empty()) || (v.is_boolean() && !v.get<bool>()) || (v.is_number() && v.get<double>() == 0);
}

std::size_t rank(const std::string& key) {
    const auto at = std::find(kFieldOrder.begin(), kFieldOrder.end(), key);
    return static_cast<std::size_t>(at - kFieldOrder.begin());
}

std::vector<std::pair<std::string, std::string>> fields(const json& object) {
    std::vector<std::pair<std::string, std::string>> out;
    if (!object.is_object()) return out;
    for (const auto& [k, v] : object.items())
        if (!is_default(v)) out.emplace_back(k, plain(v));
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
    return out;
}

std::string string_at(const json& j, const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

InterventionSummary intervention(const json& i) {
    InterventionSummary s;
    s.id = string_at(i, "id");
    s.name = string_at(i, "name");
    s.programme = string_at(i, "programme");
    s.description = string_at(i, "description");
    s.name_nl = string_at(i, "name_nl");
    s.description_nl = string_at(i, "description_nl");
    s.source = string_at(i, "source");
    if (i.contains("assumptions") && i["assumptions"].is_array())
        for (const auto& a : i["assumptions"]) s.assumptions.push_back(plain(a));
    s.who = fields(i.value("who", json::object()));
    s.when = fields(i.value("when", json::object()));
    s.reach = fields(i.value("reach", json::object()));
    s.cost = fields(i.value("cost", json::object()));
    if (i.contains("environment")) {
        for (auto& f : fields(i["environment"])) s.reach.push_back(std::move(f));
    }
    if (i.contains("effects") && i["effects"].is_array())
        for (const auto& e : i["effects"]) {
            // A half-life is read only with exponential decay (the resolved scenario lists its default, 1, for every
            // effect): shown beside it alone.
            json shown = e;
            if (shown.is_object() && shown.value("decay", json()) != "exponential") shown.erase("half_life_years");
            s.effects.push_back(fields(shown));
        }
    return s;
}

std::vector<std::pair<std::string, std::string>> zone_names(const fs::path& data_dir) {
    const CsvTable zones = CsvTable::read(data_dir / "zones.csv");
    zones.require_columns({"code", "name"});
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t r = 0; r < zones.rows(); ++r) out.emplace_back(zones.str(r, "code"), zones.str(r, "name"));
    return out;
}

bool every_replicate_has(const PairedRuns& runs, const SeriesKey& key) {
    for (const auto* side : {&runs.base, &runs.scen})
        for (const auto& t : *side)
            if (!t.has(key)) return false;
    return true;
}

TrendPair trend_pair(const PairedRuns& runs, const std::string& indicator) {
    const SeriesKey key{indicator, kProvince, "all"};
    return {indicator, trend(runs.base, key), trend(runs.scen, key)};
}

Estimate baseline_level(const PairedRuns& runs, const SeriesKey& key, int year) {
    std::vector<double> v;
    for (const auto& t : runs.base) v.push_back(t.value(key, year));
    return estimate_mean(v);
}

// QALYs gained per 1,000 residents, summed over the period, in each zone of `zones`.
std::vector<GroupChange> qalys_by_zone(const PairedRuns& runs, const std::vector<std::pair<std::string, std::string>>& zones) {
    std::vector<GroupChange> out;
    for (const auto& [code, name] : zones) {
        const SeriesKey qalys{"qalys", code, "all"}, residents{"population", code, "all"};
        if (!every_replicate_has(runs, qalys) || !every_replicate_has(runs, residents)) continue;
        out.push_back({code, name, {}, paired_difference_cumulated(runs, qalys, residents, kPerResidents)});
    }
    return out;
}

std::vector<GroupChange> hle_changes(const PairedRuns& runs, const std::vector<std::pair<std::string, std::string>>& groups,
                                     bool by_education) {
    std::vector<GroupChange> out;
    for (const auto& [code, name] : groups) {
        const SeriesKey key = by_education ? SeriesKey{"healthy_life_expectancy", kProvince, code}
                                           : SeriesKey{"healthy_life_expectancy", code, "all"};
        if (!every_replicate_has(runs, key)) continue;
        out.push_back({code, name, baseline_level(runs, key, runs.last_year), paired_difference_at(runs, key, runs.last_year)});
    }
    return out;
}

YearlyFilter report_filter(const std::vector<std::pair<std::string, std::string>>& zones) {
    YearlyFilter f;
    for (const auto& [code, name] : zones) f.zones.push_back(code);
    f.zones.push_back(kProvince);
    f.indicators = kTrendIndicators;
    for (const char* i : {"population", "care_fte_gap"}) f.indicators.emplace_back(i);
    f.educations = {"all", "low", "middle", "high"};
    return f;
}

ScenarioReport scenario_report(const fs::path& baseline_dir, const fs::path& scenario_dir,
                               const std::vector<std::pair<std::string, std::string>>& zones) {
    const PairedRuns runs = read_paired_runs(baseline_dir, scenario_dir, report_filter(zones));
    ScenarioReport s;
    s.comparison = compare_runs(baseline_dir, scenario_dir);
    s.provenance = read_provenance(scenario_dir);
    s.interventions = read_interventions(scenario_dir);
    s.first_year = runs.first_year;
    s.last_year = runs.last_year;
    for (const auto& indicator : kTrendIndicators)
        if (every_replicate_has(runs, {indicator, kProvince, "all"})) s.trends.push_back(trend_pair(runs, indicator));
    const SeriesKey gap{"care_fte_gap", kProvince, "all"};
    if (every_replicate_has(runs, gap)) {
        s.workforce_gap = trend_pair(runs, "care_fte_gap");
        for (int year : {kMidYear, runs.last_year})
            if (year >= runs.first_year && year <= runs.last_year && (year != kMidYear || year != runs.last_year))
                s.workforce_gap_change.push_back({std::to_string(year), std::to_string(year), baseline_level(runs, gap, year),
                                                  paired_difference_at(runs, gap, year)});
    }
    std::vector<std::pair<std::string, std::string>> municipalities, districts;
    for (const auto& z : zones) (z.first.rfind("GM", 0) == 0 ? municipalities : districts).push_back(z);
    s.municipalities = qalys_by_zone(runs, municipalities);
    s.districts = qalys_by_zone(runs, districts);
    std::vector<std::pair<std::string, std::string>> levels;
    for (const auto& l : kEducationLevels) levels.emplace_back(l, l);
    s.hle_by_education = hle_changes(runs, levels, true);
    s.hle_by_district = hle_changes(runs, districts, false);
    return s;
}

}  // namespace

Provenance read_provenance(const fs::path& dir) {
    const RunInfo info = read_run_info(dir);
    const json m = read_manifest(dir);
    const std::string file = (dir / "manifest.json").string();
    Provenance p;
    p.dir = dir;
    p.scenario_name = info.scenario_name;
    p.words = info.words;
    p.seed = info.seed;
    p.scale = info.scale;
    p.replicates = static_cast<int>(info.yearly_files.size());
    p.version = string_at(m, "hhu_version");
    if (p.version.empty()) throw InputError(file + ": /hhu_version: expected a string (the version of hhu that ran)");
    const json& scenario = m["scenario"];
    p.description = string_at(scenario, "description");
    if (scenario.contains("notes") && scenario["notes"].is_array())
        for (const auto& n : scenario["notes"]) p.notes.push_back(plain(n));
    if (scenario.contains("notes_nl") && scenario["notes_nl"].is_array())
        for (const auto& n : scenario["notes_nl"]) p.notes_nl.push_back(plain(n));
    if (!m.contains("data_files") || !m["data_files"].is_object())
        throw InputError(file + ": /data_files: expected an object of data file checksums");
    for (const auto& [name, sum] : m["data_files"].items()) p.data_checksums.emplace_back(name, plain(sum));
    return p;
}

std::vector<InterventionSummary> read_interventions(const fs::path& dir) {
    const json m = read_manifest(dir);
    std::vector<InterventionSummary> out;
    const json& scenario = m.at("scenario");
    if (!scenario.contains("interventions")) return out;
    if (!scenario["interventions"].is_array())
        throw InputError((dir / "manifest.json").string() + ": /scenario/interventions: expected an array");
    for (const auto& i : scenario["interventions"]) out.push_back(intervention(i));
    return out;
}

ReportData load_report_data(const fs::path& baseline_dir, const std::vector<fs::path>& scenario_dirs,
                            const fs::path& data_dir) {
    if (scenario_dirs.empty()) throw InputError("hhu report: give at least one scenario run after the baseline run");
    ReportData data;
    data.baseline = read_provenance(baseline_dir);
    for (const auto& dir : scenario_dirs) read_run_info(dir);  // every directory checked before any is read
    data.municipalities = read_geojson(data_dir / "geo" / "utrecht_municipalities_2021.geojson");
    // The municipalities of the outlines (Utrecht city, GM0344, is one of them; data/zones.csv lists its
    // districts instead), then Utrecht's districts with their names from data/zones.csv.
    std::vector<std::pair<std::string, std::string>> zones;
    for (const auto& shape : data.municipalities) zones.emplace_back(shape.code, shape.name);
    for (const auto& z : zone_names(data_dir))
        if (z.first.rfind("WK0344", 0) == 0) zones.push_back(z);
    for (const auto& dir : scenario_dirs) data.scenarios.push_back(scenario_report(baseline_dir, dir, zones));
    return data;
}

}  // namespace hhu
