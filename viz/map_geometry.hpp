#pragma once
// The shapes of the 35 zones, in kilometres (x east, y north). No boundary file ships with the
// model, so the default is a schematic map: Voronoi cells around the zone centroids, clipped to the
// region's convex outline. A GeoJSON file of real boundaries replaces it (geojson_map.hpp).
#include <string>
#include <vector>

#include "geometry.hpp"
#include "sim/model/model_data.hpp"

namespace hhu::viz {

struct ZoneShape {
    std::vector<std::vector<Ring>> polygons;  // each: outer ring, then holes
    std::vector<Vec2> triangles;              // fill, three vertices per triangle
    Vec2 label;                               // where the name goes
    Box box;
    bool present() const { return !triangles.empty(); }
    bool contains(Vec2 p) const;
};

struct MapGeometry {
    std::vector<ZoneShape> zones;  // in ModelData zone order
    bool schematic = true;
    bool schematic_districts = false;  // real outlines, but a city's districts are cells inside its outline
    std::string source;     // shown under the map: where the shapes come from
    std::string source_nl;  // the same in Dutch
};

// Kilometres east and north of a fixed point in the middle of the province (equirectangular; the
// province spans 0.35 degrees of latitude, so the distortion is under 0.5%).
Vec2 project_wgs84(double lat, double lon);

// Voronoi cells of the zone centroids inside their convex hull grown by `buffer_km`.
MapGeometry schematic_map(const ModelData& data, double buffer_km = 4.0);

// Fills in triangles, label point and bounding box from the polygons.
void finish_shape(ZoneShape& shape);

}  // namespace hhu::viz
