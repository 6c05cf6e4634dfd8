#pragma once
// Real zone boundaries from a GeoJSON FeatureCollection: Polygon and MultiPolygon features whose
// properties hold the CBS code of a zone as `statcode` or `code` (GM#### or WK0344##).
// Coordinates are WGS84 longitude/latitude, or metres of a projected system such as RD New
// (EPSG:28992), recognised by values beyond +-180.
#include <filesystem>
#include <string>
#include <vector>

#include "map_geometry.hpp"
#include "sim/model/model_data.hpp"

namespace hhu::viz {

// The map drawn by default: the 26 municipal outlines of 2021 in data/ (data/README.md gives the
// source: CBS / Kadaster, CC BY 4.0). Utrecht city appears there as one outline (GM0344): its ten
// districts are drawn as schematic cells inside it.
inline const std::filesystem::path kDefaultGeojson = "geo/utrecht_municipalities_2021.geojson";

// Throws InputError naming `file` if it cannot be read or is not such a collection. Features with an
// unknown code, and zones without a feature, are reported in `warnings`.
MapGeometry geojson_map(const ModelData& data, const std::filesystem::path& file, std::vector<std::string>& warnings);

}  // namespace hhu::viz
