#include "sim/report/geo_map.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <numbers>
#include <sstream>

#include "sim/core/error.hpp"

namespace hhu {

namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& name, const std::string& path, const std::string& what) {
    throw InputError(name + ": " + path + ": " + what);
}

std::vector<LonLat> parse_ring(const json& ring, const std::string& name, const std::string& path) {
    if (!ring.is_array() || ring.size() < 4) fail(name, path, "expected a ring of at least 4 [lon, lat] positions");
    std::vector<LonLat> out;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const json& p = ring[i];
        const std::string where = path + "/" + std::to_string(i);
        if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number())
            fail(name, where, "expected a position [lon, lat] of two numbers");
        const double lon = p[0].get<double>(), lat = p[1].get<double>();
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90))
            fail(name, where, "expected WGS84 degrees (lon -180..180, lat -90..90)");
        out.push_back({lon, lat});
    }
    return out;
}

void parse_polygon(const json& polygon, const std::string& name, const std::string& path, GeoShape& shape) {
    if (!polygon.is_array() || polygon.empty()) fail(name, path, "expected a polygon: an array of rings");
    for (std::size_t r = 0; r < polygon.size(); ++r)
        shape.rings.push_back(parse_ring(polygon[r], name, path + "/" + std::to_string(r)));
}

GeoShape parse_feature(const json& f, const std::string& name, const std::string& path) {
    GeoShape shape;
    const auto props = f.find("properties");
    if (props == f.end() || !props->is_object()) fail(name, path + "/properties", "expected an object");
    for (const char* key : {"statcode", "statnaam"})
        if (!props->contains(key) || !(*props)[key].is_string())
            fail(name, path + "/properties/" + key, "expected a string");
    shape.code = (*props)["statcode"].get<std::string>();
    shape.name = (*props)["statnaam"].get<std::string>();
    const auto geometry = f.find("geometry");
    if (geometry == f.end() || !geometry->is_object() || !geometry->contains("type") || !geometry->contains("coordinates"))
        fail(name, path + "/geometry", "expected an object with type and coordinates");
    const std::string type = (*geometry)["type"].is_string() ? (*geometry)["type"].get<std::string>() : "";
    const json& coordinates = (*geometry)["coordinates"];
    const std::string cpath = path + "/geometry/coordinates";
    if (type == "Polygon") {
        parse_polygon(coordinates, name, cpath, shape);
    } else if (type == "MultiPolygon") {
        if (!coordinates.is_array() || coordinates.empty()) fail(name, cpath, "expected an array of polygons");
        for (std::size_t k = 0; k < coordinates.size(); ++k)
            parse_polygon(coordinates[k], name, cpath + "/" + std::to_string(k), shape);
    } else {
        fail(name, path + "/geometry/type", "expected \"Polygon\" or \"MultiPolygon\"");
    }
    return shape;
}

}  // namespace

std::vector<GeoShape> parse_geojson(std::string_view text, const std::string& name) {
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        throw InputError(name + ": not valid JSON: " + e.what());
    }
    if (!doc.is_object() || !doc.contains("features") || !doc["features"].is_array())
        fail(name, "/features", "expected a GeoJSON FeatureCollection with an array of features");
    std::vector<GeoShape> shapes;
    const json& features = doc["features"];
    for (std::size_t i = 0; i < features.size(); ++i) {
        const std::string path = "/features/" + std::to_string(i);
        if (!features[i].is_object()) fail(name, path, "expected a Feature object");
        shapes.push_back(parse_feature(features[i], name, path));
    }
    if (shapes.empty()) fail(name, "/features", "expected at least one feature");
    return shapes;
}

std::vector<GeoShape> read_geojson(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file.string() + ": missing (expected the municipal outlines, GeoJSON)");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_geojson(text.str(), file.string());
}

MapProjection::MapProjection(const std::vector<GeoShape>& shapes, double width, double height, double margin)
    : cos_lat_(std::cos(kProjectionLatitudeDeg * std::numbers::pi / 180.0)) {
    double min_x = std::numeric_limits<double>::infinity(), max_x = -min_x, min_y = min_x, max_y = -min_x;
    for (const auto& s : shapes)
        for (const auto& ring : s.rings)
            for (const auto& p : ring) {
                min_x = std::min(min_x, p.lon * cos_lat_);
                max_x = std::max(max_x, p.lon * cos_lat_);
                min_y = std::min(min_y, p.lat);
                max_y = std::max(max_y, p.lat);
            }
    const double w = std::max(max_x - min_x, 1e-9), h = std::max(max_y - min_y, 1e-9);
    const double room_w = std::max(width - 2 * margin, 1.0), room_h = std::max(height - 2 * margin, 1.0);
    scale_ = std::min(room_w / w, room_h / h);
    min_x_ = min_x;
    max_y_ = max_y;
    offset_x_ = margin + (room_w - w * scale_) / 2;
    offset_y_ = margin + (room_h - h * scale_) / 2;
}

Point MapProjection::operator()(LonLat p) const {
    return {offset_x_ + (p.lon * cos_lat_ - min_x_) * scale_, offset_y_ + (max_y_ - p.lat) * scale_};
}

}  // namespace hhu
