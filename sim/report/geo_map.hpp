#pragma once
// The municipalities' real outlines (data/geo/utrecht_municipalities_2021.geojson, WGS84) and their
// projection onto a drawing: equirectangular, longitudes scaled by cos(52.1 deg), the latitude of the
// middle of the province, so that shapes keep their proportions there (the province spans 0.6 deg of
// latitude: the scale error at its edges is under 1%).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hhu {

struct LonLat {
    double lon = 0, lat = 0;
};

struct GeoShape {
    std::string code, name;                 // statcode (GM####), statnaam
    std::vector<std::vector<LonLat>> rings;  // outer rings and holes of every polygon
};

// Parses a GeoJSON FeatureCollection of Polygon or MultiPolygon features with properties statcode and
// statnaam. InputError naming `name` and the JSON path of the problem.
std::vector<GeoShape> parse_geojson(std::string_view text, const std::string& name);
std::vector<GeoShape> read_geojson(const std::filesystem::path& file);

inline constexpr double kProjectionLatitudeDeg = 52.1;

struct Point {
    double x = 0, y = 0;
};

// Maps the shapes' bounding box into width x height (pixels, y down) less `margin`, keeping the
// projected aspect ratio and centring the spare room.
class MapProjection {
public:
    MapProjection(const std::vector<GeoShape>& shapes, double width, double height, double margin);
    Point operator()(LonLat p) const;

private:
    double cos_lat_, min_x_ = 0, max_y_ = 0, scale_ = 1, offset_x_ = 0, offset_y_ = 0;
};

}  // namespace hhu
