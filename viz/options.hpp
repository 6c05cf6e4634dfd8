#pragma once
// The viewer's command line, parsed in main.cpp.
#include <string>
#include <vector>

namespace hhu::viz {

struct ViewerOptions {
    std::string scenario;    // scenario file
    double scale = 1.0;      // share of residents simulated
    int threads = 0;         // simulation threads; 0: all cores
    bool workshop = false;   // full screen, large type, no keyboard needed
    int frames = 0;          // > 0: draw this many frames with the simulation at full speed, then exit
    std::string screenshot;  // with frames: save the last frame here
    std::string script;      // a --script file
    std::string geojson;     // zone boundaries; "" for the data directory's (geo/utrecht_municipalities_2021.geojson)
    bool schematic_map = false;  // cells around the zones' centroids instead of boundaries
    std::string data_dir;    // data tables; "" for the default
    std::string library;     // the ready scenarios: every *.json here (default: the source tree's scenarios/)
    std::vector<std::string> open_runs;  // two run directories of hhu run: baseline, scenario ("What changes")
    std::string frame_log;   // a CSV of every frame's duration
    std::string language;    // "en" or "nl"; "" for Dutch in workshop mode, else English
};

}  // namespace hhu::viz
