// hhu-viewer: the interactive viewer of a run. Parses the command line, loads the scenario, the data,
// the map and the script (every input error is reported before a window opens), then runs the window.
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdlib>
#include <iostream>

#include "geojson_map.hpp"
#include "map_geometry.hpp"
#include "options.hpp"
#include "script.hpp"
#include "sim/inputs/inputs.hpp"
#include "sim/compare/compare.hpp"
#include "sim/core/error.hpp"
#include "sim/report/report_text.hpp"
#include "sim/model/model_data.hpp"
#include "sim/output/indicators.hpp"
#include "sim/scenario/scenario.hpp"
#include "viewer.hpp"

namespace {

using namespace hhu;
using namespace hhu::viz;

void parse_command_line(int argc, char** argv, ViewerOptions& o) {
    CLI::App cli{"hhu-viewer: watch the Utrecht region simulation run, as a map and charts"};
    o.scenario = std::string(HHU_SOURCE_DIR) + "/scenarios/baseline.json";
    cli.add_option("scenario", o.scenario, "scenario file")->capture_default_str();
    // CLI11's range check lets NaN through (it compares false): refuse what is not a finite number.
    const CLI::Validator finite(
        [](std::string& text) -> std::string {
            char* end = nullptr;
            const double v = std::strtod(text.c_str(), &end);
            return end == text.c_str() || *end != '\0' || !std::isfinite(v) ? "expected a finite number, got '" + text + "'" : "";
        },
        "FINITE");
    cli.add_option("--scale", o.scale, "share of residents simulated (results are weighted back)")
        ->check(finite)
        ->check(CLI::Range(0.0001, 1.0))
        ->capture_default_str();
    cli.add_option("--threads", o.threads, "simulation threads (default: all cores)")
        ->check(CLI::Range(0, 1024));
    cli.add_flag("--workshop", o.workshop, "full screen, large type, big buttons, no keyboard needed");
    cli.add_option("--frames", o.frames, "draw this many frames with the simulation at full speed, then exit")
        ->check(CLI::PositiveNumber);
    cli.add_option("--screenshot", o.screenshot, "with --frames: save the last frame as PNG");
    cli.add_option("--script", o.script, "drive the viewer from a file of steps (see viz/script.hpp)");
    cli.add_option("--geojson", o.geojson,
                   "zone boundaries (Polygon/MultiPolygon features, property statcode or code); default: the "
                   "data directory's geo/utrecht_municipalities_2021.geojson")
        ->excludes(cli.add_flag("--schematic-map", o.schematic_map,
                                "draw the schematic map (cells around the zones' centroids) instead"));
    o.library = std::string(HHU_SOURCE_DIR) + "/scenarios";
    cli.add_option("--library", o.library, "folder of ready scenarios (*.json) for the scenario panel")
        ->capture_default_str();
    cli.add_option("--open-runs", o.open_runs,
                   "two run directories written by hhu run (replicates included), the baseline's then the "
                   "scenario's: \"What changes\" shows the second minus the first, without simulating them")
        ->expected(2);
    cli.add_option("--language", o.language, "en or nl (default: nl with --workshop, else en)");
    cli.add_option("--frame-log", o.frame_log, "write every frame's duration to this CSV file");
    cli.add_option("--data", o.data_dir, "data directory (default: $HHU_DATA, else the source tree's data/)");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        std::exit(cli.exit(e));
    }
    if (!o.language.empty() && o.language != "en" && o.language != "nl")
        throw InputError("--language: expected en or nl, got '" + o.language + "'");
    if (!o.screenshot.empty() && o.frames == 0) throw InputError("--screenshot needs --frames N");
    if (o.frames > 0 && !o.script.empty())
        throw InputError(
            "--frames and --script do not go together: use `frames N` and `screenshot PATH` in the script");
}

ScriptVocabulary vocabulary(const ModelData& data, const Scenario& scenario) {
    ScriptVocabulary v;
    for (const auto& i : indicator_catalogue()) v.indicators.emplace_back(i.name);
    for (const auto& u : reporting_units(data)) v.units.push_back(u.code);
    v.first_year = scenario.start_year;
    v.end_year = scenario.end_year;
    return v;
}

// The real boundaries of the data directory unless another file or the schematic map is asked for;
// the schematic map, with a warning, if the data directory has no boundaries.
MapGeometry load_map(const ViewerOptions& o, const ModelData& data) {
    if (o.schematic_map) return schematic_map(data);
    std::filesystem::path file = o.geojson;
    if (file.empty()) {
        file = (o.data_dir.empty() ? default_data_directory() : std::filesystem::path(o.data_dir)) / kDefaultGeojson;
        if (!std::filesystem::exists(file)) {
            std::cerr << "hhu-viewer: warning: no boundaries at " << file.string()
                      << "; drawing the schematic map (cells around the zones' centroids)\n";
            return schematic_map(data);
        }
    }
    std::vector<std::string> warnings;
    MapGeometry geometry = geojson_map(data, file, warnings);
    for (const auto& w : warnings) std::cerr << "hhu-viewer: warning: " << w << "\n";
    return geometry;
}

int run(int argc, char** argv) {
    ViewerOptions o;
    parse_command_line(argc, argv, o);
    const Scenario scenario = load_scenario(o.scenario);
    const ModelData data =
        load_model_data(o.data_dir.empty() ? default_data_directory() : std::filesystem::path(o.data_dir));
    MapGeometry geometry = load_map(o, data);
    for (const auto& dir : o.open_runs) (void)read_run_info(dir);  // a wrong directory is said before a window opens
    std::vector<ScriptCommand> script;
    if (!o.script.empty()) script = load_script(o.script, vocabulary(data, scenario));
    return run_viewer(o, data, scenario, std::move(geometry), std::move(script));
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "hhu-viewer: " << e.what() << "\n";
        return 1;
    }
}
