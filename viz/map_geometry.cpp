#include "map_geometry.hpp"

#include <cmath>

namespace hhu::viz {

namespace {
// A point in the middle of the province; kilometres per degree from the WGS84 ellipsoid at 52 N.
constexpr double kLat0 = 52.09, kLon0 = 5.22;
constexpr double kKmPerDegreeLat = 111.25;
constexpr double kKmPerDegreeLonAtEquator = 111.32;
}  // namespace

bool ZoneShape::contains(Vec2 p) const {
    if (p.x < box.min.x || p.x > box.max.x || p.y < box.min.y || p.y > box.max.y) return false;
    for (const auto& polygon : polygons)
        if (point_in_rings(polygon, p)) return true;
    return false;
}

Vec2 project_wgs84(double lat, double lon) {
    return {(lon - kLon0) * kKmPerDegreeLonAtEquator * std::cos(kLat0 * M_PI / 180), (lat - kLat0) * kKmPerDegreeLat};
}

void finish_shape(ZoneShape& shape) {
    shape.triangles.clear();
    shape.box = Box{};
    double largest = -1;
    for (const auto& polygon : shape.polygons) {
        const auto tris = triangulate(polygon);
        shape.triangles.insert(shape.triangles.end(), tris.begin(), tris.end());
        shape.box.add(bounds(polygon));
        const double area = polygon.empty() ? 0 : std::abs(signed_area(polygon[0]));
        if (area > largest) largest = area, shape.label = label_point(polygon);
    }
}

MapGeometry schematic_map(const ModelData& data, double buffer_km) {
    std::vector<Vec2> sites;
    for (const auto& z : data.zones) sites.push_back(project_wgs84(z.lat, z.lon));
    const Ring outline = buffer_convex(convex_hull(sites), buffer_km);

    MapGeometry map;
    map.schematic = true;
    map.source = "Schematic map: cells around zone centroids (no boundary file given)";
    for (std::size_t i = 0; i < sites.size(); ++i) {
        Ring cell = outline;
        for (std::size_t j = 0; j < sites.size() && cell.size() >= 3; ++j) {
            if (j == i) continue;
            // Points closer to site i than to site j: dot(pj - pi, p) <= (|pj|^2 - |pi|^2) / 2.
            const Vec2 n = sites[j] - sites[i];
            cell = clip_half_plane(cell, n, (dot(sites[j], sites[j]) - dot(sites[i], sites[i])) / 2);
        }
        ZoneShape shape;
        shape.polygons.push_back({cell});
        finish_shape(shape);
        shape.label = sites[i];  // a Voronoi site always lies inside its own cell
        map.zones.push_back(std::move(shape));
    }
    return map;
}

}  // namespace hhu::viz
