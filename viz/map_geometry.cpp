#include "map_geometry.hpp"

#include "viewer_text.hpp"

#include <algorithm>
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

namespace {

// Voronoi cells of `sites` inside the convex polygon `bounds`.
std::vector<Ring> voronoi_cells(const std::vector<Vec2>& sites, const Ring& bounds) {
    std::vector<Ring> cells;
    for (std::size_t i = 0; i < sites.size(); ++i) {
        Ring cell = bounds;
        for (std::size_t j = 0; j < sites.size() && cell.size() >= 3; ++j) {
            if (j == i) continue;
            // Points closer to site i than to site j: dot(pj - pi, p) <= (|pj|^2 - |pi|^2) / 2.
            cell = clip_half_plane(cell, sites[j] - sites[i], (dot(sites[j], sites[j]) - dot(sites[i], sites[i])) / 2);
        }
        cells.push_back(std::move(cell));
    }
    return cells;
}

}  // namespace

MapGeometry schematic_map(const ModelData& data, double buffer_km) {
    // Two levels, so that municipalities keep their place and a city's districts stay together:
    // cells of the municipalities first (a municipality of several zones sits at the mean of their
    // centroids), then each such municipality's cell is divided among its zones.
    std::vector<Vec2> sites;
    for (const auto& z : data.zones) sites.push_back(project_wgs84(z.lat, z.lon));
    std::vector<std::string> municipalities;
    std::vector<std::vector<int>> members;
    for (int z = 0; z < data.num_zones(); ++z) {
        const auto& code = data.zones[z].municipality_code;
        auto it = std::find(municipalities.begin(), municipalities.end(), code);
        if (it == municipalities.end()) {
            municipalities.push_back(code);
            members.emplace_back();
            it = municipalities.end() - 1;
        }
        members[it - municipalities.begin()].push_back(z);
    }
    std::vector<Vec2> municipal_sites;
    for (const auto& m : members) {
        Vec2 mean;
        for (int z : m) mean = mean + sites[z] * (1.0 / m.size());
        municipal_sites.push_back(mean);
    }
    const Ring outline = buffer_convex(convex_hull(sites), buffer_km);
    const auto municipal_cells = voronoi_cells(municipal_sites, outline);

    MapGeometry map;
    map.schematic = true;
    map.source = ui_text(Language::English, "map.source_schematic");
    map.source_nl = ui_text(Language::Dutch, "map.source_schematic");
    map.zones.resize(data.zones.size());
    for (std::size_t m = 0; m < members.size(); ++m) {
        std::vector<Vec2> zone_sites;
        for (int z : members[m]) zone_sites.push_back(sites[z]);
        const auto cells = members[m].size() == 1 ? std::vector<Ring>{municipal_cells[m]}
                                                  : voronoi_cells(zone_sites, municipal_cells[m]);
        for (std::size_t k = 0; k < members[m].size(); ++k) {
            ZoneShape& shape = map.zones[members[m][k]];
            shape.polygons.push_back({cells[k]});
            finish_shape(shape);  // labels at the middle of the (convex) cell, which can be far from the site
        }
    }
    return map;
}

}  // namespace hhu::viz
