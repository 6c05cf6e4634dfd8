#include "sim/output/run_output.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

#include "sim/core/system.hpp"
#include "sim/io/atomic_dir.hpp"

namespace hhu {

using nlohmann::ordered_json;

std::string manifest_json(const Scenario& scenario, const ModelData& data, const RunProvenance& run) {
    ordered_json m;
    m["hhu_version"] = version_string();
    m["scenario_file"] = scenario.source_file;
    m["scenario"] = nlohmann::json::parse(scenario.resolved_json);
    m["seed"] = run.seed;
    m["replicate"] = run.replicate;
    m["threads"] = run.threads;
    m["scale"] = run.scale;
    m["started_at"] = run.started_at;
    m["wall_seconds"] = run.wall_seconds;
    m["person_steps"] = run.person_steps;
    m["peak_memory_bytes"] = run.peak_memory_bytes;
    m["data_directory"] = data.directory.string();
    ordered_json files = ordered_json::object();
    for (const auto& f : data.files) files[f.name] = "sha256:" + f.sha256;
    m["data_files"] = files;
    return m.dump(2) + "\n";
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
        ordered_json j;
        j["name"] = unit.name;
        ordered_json pop = ordered_json::object();
        for (int y = first; y <= last; ++y)
            if (y == first || y % 5 == 0 || y == last) pop[std::to_string(y)] = ind.count(y, u, Counter::Population);
        pop[std::to_string(last + 1)] = ind.end_population(u);
        j["population_1_january"] = pop;
        double births = 0, deaths = 0, in = 0, out = 0;
        for (int y = first; y <= last; ++y) {
            births += ind.count(y, u, Counter::Births);
            deaths += ind.count(y, u, Counter::Deaths);
            in += ind.count(y, u, Counter::Immigration);
            out += ind.count(y, u, Counter::Emigration);
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
        units[unit.code] = j;
    }
    s["units"] = units;
    return s.dump(2) + "\n";
}

void write_run_directory(const std::filesystem::path& dir, bool force, const Scenario& scenario,
                         const ModelData& data, const Indicators& indicators, const RunProvenance& run) {
    AtomicDir out(dir, force);
    out.write_file("yearly.csv", yearly_csv(indicators));
    out.write_file("summary.json", summary_json(scenario, indicators));
    out.write_file("manifest.json", manifest_json(scenario, data, run));
    out.commit();
}

}  // namespace hhu
