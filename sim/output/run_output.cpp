#include "sim/output/run_output.hpp"

#include <array>
#include <nlohmann/json.hpp>

#include <cmath>

#include "sim/core/error.hpp"
#include "sim/core/system.hpp"
#include "sim/io/atomic_dir.hpp"
#include "sim/output/ensemble.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace hhu {

using nlohmann::ordered_json;

namespace {

// An estimate as summary.json shows it: null where there is no interval (one replicate).
ordered_json estimate_json(const Estimate& e) {
    auto opt = [](const std::optional<double>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); };
    return {{"mean", e.mean}, {"lower", opt(e.lower)}, {"upper", opt(e.upper)}, {"mcse", opt(e.mcse)}};
}

}  // namespace

namespace {
ordered_json manifest_tree(const Scenario& scenario, const ModelData& data, const RunProvenance& run) {
    ordered_json m;
    m["hhu_version"] = version_string();
    m["scenario_file"] = scenario.source_file;
    m["scenario"] = nlohmann::json::parse(scenario.resolved_json);
    // Which modules ran: only the scenario switches one off (the labour market runs with health).
    m["modules"] = {{"demography", true},
                    {"health", scenario.health.enabled},
                    {"care_labour_market", scenario.health.enabled}};
    m["seed"] = run.seed;
    m["replicate"] = run.replicate;
    m["threads"] = run.threads;
    m["scale"] = run.scale;
    m["started_at"] = run.started_at;
    m["wall_seconds"] = run.wall_seconds;
    m["person_steps"] = run.person_steps;
    m["peak_memory_bytes"] = run.peak_memory_bytes;
    if (run.started_from_year > 0) m["started_from_saved_state_of"] = run.started_from_year;
    if (!run.started_from_file.empty()) m["started_from_saved_state_file"] = run.started_from_file;
    m["output"] = {{"detail", std::string(detail_name(run.output.detail))}, {"gzip", run.output.gzip}};
    m["data_directory"] = data.directory.string();
    ordered_json files = ordered_json::object();
    for (const auto& f : data.files) files[f.name] = "sha256:" + f.sha256;
    m["data_files"] = files;
    // A parameter draw (hhu run --draws): which one, its seed, and the values it drew (absent at draw 0,
    // the central values, so that such a run's manifest is today's).
    if (data.parameter_draw > 0) {
        m["parameter_draw"] = data.parameter_draw;
        m["draw_seed"] = data.draw_seed;
        auto drawn = ordered_json::object();
        for (const auto& p : data.patches) drawn[p.name] = p.value;
        m["drawn_values"] = drawn;
    }
    return m;
}
}  // namespace

std::string manifest_json(const Scenario& scenario, const ModelData& data, const RunProvenance& run) {
    return manifest_tree(scenario, data, run).dump(2) + "\n";
}

std::string summary_json(const Scenario& scenario, const Indicators& ind) {
    ordered_json s;
    s["scenario"] = scenario.name;
    const int first = ind.first_year(), last = ind.last_complete_year();
    s["first_year"] = first;
    s["last_year"] = last;
    ordered_json units = ordered_json::object();
    for (int u = 0; u < static_cast<int>(ind.units().size()); ++u) {
        const auto& unit = ind.units()[u];
        // The unit's cell sums of a year, computed once (count() and value() would sum the zones again per
        // call): of every measure for the years of the health figures, of the demographic counts alone for
        // the totals over every year (the same numbers, at a fraction of the cost: the plan's overhead).
        static constexpr std::array<Measure, 5> kCounts = {Counter::Population, Counter::Births, Counter::Deaths,
                                                           Counter::Immigration, Counter::Emigration};
        std::map<int, std::vector<double>> cells, counts;
        auto cells_of = [&](int y) -> const std::vector<double>& {
            auto it = cells.find(y);
            if (it == cells.end()) it = cells.emplace(y, ind.unit_cells(ind.year_counters(y), u)).first;
            return it->second;
        };
        auto counts_of = [&](int y) -> const std::vector<double>& {
            if (const auto full = cells.find(y); full != cells.end()) return full->second;
            auto it = counts.find(y);
            if (it == counts.end()) it = counts.emplace(y, ind.unit_cells(ind.year_counters(y), u, kCounts)).first;
            return it->second;
        };
        auto count = [&](int y, Measure m) {
            IndicatorInfo total;
            total.kind = IndicatorKind::Count;
            total.numerator = {m};
            return indicator_from_cells(total, counts_of(y), kAll, kAll, kAll);
        };
        auto value = [&](std::string_view name, int y) {
            const IndicatorInfo* info = find_indicator(name);
            if (info == nullptr || info->kind == IndicatorKind::LifeTable || info->kind == IndicatorKind::Labour)
                return ind.value(name, y, u);
            return indicator_from_cells(*info, cells_of(y), kAll, kAll, kAll);
        };
        ordered_json j;
        j["name"] = unit.name;
        ordered_json pop = ordered_json::object();
        for (int y = first; y <= last; ++y)
            if (y == first || y % 5 == 0 || y == last) pop[std::to_string(y)] = count(y, Counter::Population);
        pop[std::to_string(last + 1)] = ind.end_population(u);
        j["population_1_january"] = pop;
        double births = 0, deaths = 0, in = 0, out = 0;
        for (int y = first; y <= last; ++y) {
            births += count(y, Counter::Births);
            deaths += count(y, Counter::Deaths);
            in += count(y, Counter::Immigration);
            out += count(y, Counter::Emigration);
        }
        j["births_total"] = births;
        j["deaths_total"] = deaths;
        j["immigration_total"] = in;
        j["emigration_total"] = out;
        auto le = [&](int year) {
            ordered_json e;
            e["all"] = std::round(ind.life_expectancy(year, u, kAll) * 100) / 100;
            e["male"] = std::round(ind.life_expectancy(year, u, 0) * 100) / 100;
            e["female"] = std::round(ind.life_expectancy(year, u, 1) * 100) / 100;
            return e;
        };
        j["life_expectancy_" + std::to_string(first)] = le(first);
        j["life_expectancy_" + std::to_string(last)] = le(last);
        if (ind.has_health()) {
            // Headline health figures for the first year, 2030 (when simulated) and the last year.
            std::vector<int> years{first};
            if (first < 2030 && last > 2030) years.push_back(2030);
            if (last > first) years.push_back(last);
            auto round_to = [](double v, double unit_) {
                const double per = std::round(1 / unit_);  // divide, so that 0.088 prints as 0.088
                return std::round(v * per) / per;
            };
            auto series = [&](std::string_view name, double unit_) {
                ordered_json e = ordered_json::object();
                for (int y : years) e[std::to_string(y)] = round_to(value(name, y), unit_);
                return e;
            };
            ordered_json h;
            h["healthy_life_expectancy"] = series("healthy_life_expectancy", 0.01);
            for (auto name : {"prevalence_smoking", "prevalence_obesity", "prevalence_diabetes", "prevalence_dementia",
                              "prevalence_depression_anxiety", "prevalence_lonely_severe", "prevalence_frail",
                              "prevalence_home_care", "prevalence_nursing_home"})
                h[name] = series(name, 0.0001);
            for (auto name : {"healthy_life_years", "qalys", "dalys", "care_hours", "cost_eur"})
                h[std::string(name) + "_per_year"] = series(name, 1);
            j["health"] = h;
            if (ind.has_labour() && u == ind.unit_index("PV26")) {
                ordered_json l;
                for (auto name : {"care_workers", "care_fte_supply", "care_fte_demand", "care_fte_gap"})
                    l[name] = series(name, 1);
                j["care_labour_market"] = l;
            }
        }
        units[unit.code] = j;
    }
    s["units"] = units;
    return s.dump(2) + "\n";
}

namespace {

std::string format_scale(double x) {
    std::ostringstream s;
    s << x;
    return s.str();
}

// The first top-level key of the scenario whose value differs (for the message).
std::string first_difference(const nlohmann::json& had, const nlohmann::json& wants) {
    for (const auto& [key, value] : wants.items())
        if (!had.contains(key) || had.at(key) != value) return key;
    for (const auto& [key, value] : had.items())
        if (!wants.contains(key)) return key;
    return "?";
}

}  // namespace

std::string replicate_mismatch(const std::filesystem::path& dir, const Scenario& scenario, const ModelData& data,
                               std::uint64_t seed, double scale, const OutputFormat& format) {
    std::ifstream in(dir / "manifest.json");
    if (!in) return "no manifest.json (incomplete)";
    try {
        const auto m = nlohmann::json::parse(in);
        // Run directories written before output levels existed have no "output": full, not compressed.
        const auto output = m.value("output", nlohmann::json::object());
        const std::string detail = output.value("detail", std::string("full"));
        const bool gzipped = output.value("gzip", false);
        if (detail != detail_name(format.detail))
            return "its tables are at detail " + detail + ", this batch's at " + std::string(detail_name(format.detail));
        if (gzipped != format.gzip)
            return std::string("its tables are ") + (gzipped ? "" : "not ") + "compressed, this batch's are " +
                   (format.gzip ? "" : "not ") + "compressed";
        if (!std::filesystem::exists(dir / format.file_name("yearly")))
            return "no " + format.file_name("yearly") + " (incomplete)";
        if (m.at("hhu_version") != version_string())
            return "written by hhu " + m.at("hhu_version").get<std::string>() + ", this is " + version_string();
        const auto wants = nlohmann::json::parse(scenario.resolved_json);
        if (m.at("scenario") != wants) {
            const std::string had = m.at("scenario").value("name", std::string("?"));
            return "its scenario " + (had == scenario.name ? "" : "(" + had + ") ") + "differs from this batch's (" +
                   scenario.name + ", as resolved) at '" + first_difference(m.at("scenario"), wants) + "'";
        }
        const int draw = m.value("parameter_draw", 0);
        const std::uint64_t draw_seed = m.value("draw_seed", std::uint64_t{0});
        if (draw != data.parameter_draw || draw_seed != data.draw_seed)
            return "it is parameter draw " + std::to_string(draw) + " (draw seed " + std::to_string(draw_seed) +
                   "), this batch's is draw " + std::to_string(data.parameter_draw) + " (draw seed " +
                   std::to_string(data.draw_seed) + ")";
        if (m.at("seed").get<std::uint64_t>() != seed)
            return "its seed is " + std::to_string(m.at("seed").get<std::uint64_t>()) + ", this batch's is " +
                   std::to_string(seed);
        if (m.at("scale").get<double>() != scale)
            return "its scale is " + format_scale(m.at("scale").get<double>()) + ", this batch's is " + format_scale(scale);
        // Files of another size than written (a replicate damaged or edited after its run; written before sizes were
        // kept: none to check).
        const nlohmann::json written = m.value("file_bytes", nlohmann::json::object());
        for (const auto& [name, bytes] : written.items()) {
            std::error_code ec;
            const auto size = std::filesystem::file_size(dir / name, ec);
            if (ec || size != bytes.get<std::uintmax_t>())
                return name + " is not the file written (" + (ec ? std::string("missing") : std::to_string(size) +
                       " bytes, written " + std::to_string(bytes.get<std::uintmax_t>())) + ")";
        }
        const auto& files = m.at("data_files");
        for (const auto& f : data.files)
            if (files.value(f.name, "") != "sha256:" + f.sha256) return "data file " + f.name + " has changed since";
        if (files.size() != data.files.size()) return "it was run with other data files";
        return "";
    } catch (const std::exception& e) {
        return std::string("unreadable manifest.json (") + e.what() + ")";
    }
}

void add_replicate_totals(const std::filesystem::path& dir, RunProvenance& batch) {
    std::ifstream in(dir / "manifest.json");
    const auto m = nlohmann::json::parse(in);
    batch.wall_seconds += m.at("wall_seconds").get<double>();
    batch.person_steps += m.at("person_steps").get<std::uint64_t>();
    batch.peak_memory_bytes = std::max(batch.peak_memory_bytes, m.at("peak_memory_bytes").get<std::size_t>());
}

std::string ensemble_summary_json(const Scenario& scenario, const std::vector<std::uint64_t>& seeds,
                                  const Ensemble& ensemble, int last_year) {
    ordered_json s;
    s["scenario"] = scenario.name;
    s["replicates"] = seeds.size();
    s["seeds"] = seeds;
    s["interval"] = "mean over replicates with its 95% t-interval and Monte Carlo standard error (mcse)";
    ordered_json units = ordered_json::object();
    for (const char* unit : {"PV26", "GM0344", "U16", "U10"}) {
        ordered_json u = ordered_json::object();
        for (int year : {2030, last_year}) {
            if (year > last_year) continue;
            ordered_json y = ordered_json::object();
            for (const char* indicator : {"population", "deaths", "life_expectancy", "healthy_life_expectancy", "qalys",
                                          "dalys", "care_hours", "cost_eur", "intervention_cost_eur"}) {
                const std::string key = std::to_string(year) + "," + unit + ",all,all,all," + indicator;
                if (const auto e = ensemble.find(key)) y[indicator] = estimate_json(*e);
            }
            u[std::to_string(year)] = y;
        }
        units[unit] = u;
    }
    s["units"] = units;
    return s.dump(2) + "\n";
}

void write_run_directory(const std::filesystem::path& dir, bool force, const Scenario& scenario,
                         const ModelData& data, const Indicators& indicators, const RunProvenance& run,
                         const std::vector<RunFile>& extra) {
    AtomicDir out(dir, force);
    // yearly.csv a few years at a time, formatted on the run's threads: never the whole table in memory
    // (some 110 MB at full detail, twice while it was copied), the same bytes as at one thread.
    TableWriter yearly(out.staging() / run.output.file_name("yearly"), run.output.gzip);
    write_yearly_csv(indicators, run.output.detail, run.threads, [&](std::string_view rows) { yearly.write(rows); });
    yearly.commit();
    out.write_file("summary.json", summary_json(scenario, indicators));
    for (const auto& f : extra) out.write_file(f.name, f.bytes());
    // The bytes of every file written, in the manifest: a resumed batch redoes a replicate whose files are not those
    // (damaged or edited after the run; replicate_mismatch), instead of taking them as done.
    ordered_json m = manifest_tree(scenario, data, run);
    ordered_json bytes = ordered_json::object();
    std::vector<std::filesystem::path> written;
    for (const auto& entry : std::filesystem::directory_iterator(out.staging()))
        if (entry.is_regular_file()) written.push_back(entry.path());
    std::sort(written.begin(), written.end());
    for (const auto& f : written) bytes[f.filename().string()] = std::filesystem::file_size(f);
    m["file_bytes"] = bytes;
    out.write_file("manifest.json", m.dump(2) + "\n");
    out.commit();
}

namespace {

// Links (or copies) the finished replicates into the staging folder of the run directory: the
// originals stay where they are until the run directory is committed.
void stage_replicates(const std::vector<std::filesystem::path>& dirs, const std::filesystem::path& target) {
    namespace fs = std::filesystem;
    for (const auto& dir : dirs) {
        const fs::path to = target / dir.filename();
        std::error_code ec;
        fs::create_directories(to, ec);
        if (ec) throw InputError("cannot create the folder " + to.string() + ": " + ec.message());
        for (const auto& entry : fs::directory_iterator(dir)) {
            fs::create_hard_link(entry.path(), to / entry.path().filename(), ec);
            if (ec) fs::copy_file(entry.path(), to / entry.path().filename(), ec);
            if (ec) throw InputError("cannot copy " + entry.path().string() + " to " + to.string() + ": " + ec.message());
        }
    }
}

}  // namespace

void write_ensemble_directory(const std::filesystem::path& dir, bool force, const EnsembleSpec& spec,
                              const std::function<void()>& before_commit) {
    const Scenario& scenario = *spec.scenario;
    const OutputFormat& format = spec.batch.output;
    Ensemble ensemble;
    RunProvenance p = spec.batch;
    for (std::size_t r = 0; r < spec.replicates.size(); ++r) {
        const auto& rep = spec.replicates[r];
        if (const std::string why = replicate_mismatch(rep, scenario, *spec.data, spec.seeds[r], p.scale, format);
            !why.empty())
            throw InputError(rep.string() + ": replicate " + std::to_string(r + 1) + " is missing or incomplete (" + why +
                             "; a distributed batch needs a file system all ranks share)");
        ensemble.add(read_text_file(rep / format.file_name("yearly")));
        add_replicate_totals(rep, p);
    }
    AtomicDir out(dir, force);
    out.write_file(format.file_name("yearly"), encode_table(ensemble.mean_csv(), format));
    out.write_file(format.file_name("yearly_interval"), encode_table(ensemble.interval_csv(), format));
    out.write_file("summary.json", ensemble_summary_json(scenario, spec.seeds, ensemble, scenario.end_year));
    p.started_at = utc_timestamp();
    out.write_file("manifest.json", manifest_json(scenario, *spec.data, p));
    stage_replicates(spec.replicates, out.staging() / "replicates");
    if (before_commit) before_commit();
    out.commit();
}

}  // namespace hhu
