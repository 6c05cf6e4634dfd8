#pragma once
// The map of a change by municipality: the real outlines projected (geo_map.hpp), each filled with a
// diverging colour for its value, the name of the larger ones on top, and a legend.
#include <map>
#include <string>
#include <vector>

#include "sim/report/geo_map.hpp"
#include "sim/report/svg.hpp"

namespace hhu {

struct MapChart {
    std::string title, unit, no_data_label;
    std::map<std::string, double> values;  // by statcode; a shape without a value is drawn grey
    int width = 560, height = 440;
};

std::string municipality_map_svg(const std::vector<GeoShape>& shapes, const MapChart& chart, const NumberFormat& format);

}  // namespace hhu
