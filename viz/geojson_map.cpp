#include "geojson_map.hpp"

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "sim/core/error.hpp"
#include "viewer_text.hpp"

namespace hhu::viz {

namespace {

using nlohmann::json;

// Boundaries are simplified to this tolerance (kilometres): far below a pixel at any zoom we draw,
// and it keeps ear clipping fast on detailed CBS boundaries.
constexpr double kSimplifyKm = 0.02;

struct Reader {
    std::string file;
    bool projected = false;  // metres rather than degrees

    [[noreturn]] void fail(const std::string& where, const std::string& what) const {
        throw InputError("GeoJSON " + file + ": " + where + ": " + what);
    }

    Vec2 point(const json& p, const std::string& where) const {
        if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number())
            fail(where, "a position must be an array of two numbers");
        const double x = p[0].get<double>(), y = p[1].get<double>();
        return projected ? Vec2{x / 1000, y / 1000} : project_wgs84(y, x);
    }

    Ring ring(const json& r, const std::string& where) const {
        if (!r.is_array()) fail(where, "a linear ring must be an array of positions");
        Ring out;
        for (std::size_t i = 0; i < r.size(); ++i) out.push_back(point(r[i], where + "[" + std::to_string(i) + "]"));
        if (out.size() >= 2 && out.front().x == out.back().x && out.front().y == out.back().y) out.pop_back();
        if (out.size() < 3) fail(where, "a linear ring needs at least 3 distinct positions");
        return simplify_ring(out, kSimplifyKm);
    }

    std::vector<Ring> polygon(const json& p, const std::string& where) const {
        if (!p.is_array() || p.empty()) fail(where, "a Polygon's coordinates must be a non-empty array of rings");
        std::vector<Ring> rings;
        for (std::size_t i = 0; i < p.size(); ++i) rings.push_back(ring(p[i], where + "[" + std::to_string(i) + "]"));
        return rings;
    }
};

bool any_projected(const json& coords) {
    if (coords.is_number()) return std::abs(coords.get<double>()) > 180;
    if (!coords.is_array()) return false;
    for (const auto& c : coords)
        if (any_projected(c)) return true;
    return false;
}

std::string feature_code(const json& feature) {
    const auto props = feature.find("properties");
    if (props == feature.end() || !props->is_object()) return "";
    for (const char* key : {"statcode", "code"}) {
        const auto v = props->find(key);
        if (v != props->end() && v->is_string()) return v->get<std::string>();
    }
    return "";
}

// A municipality of several zones (Utrecht city and its 10 districts) has one outline in the file:
// its zones get cells inside it, each the part of the outline nearer to its own centroid than to
// the others' (Voronoi). The cells are schematic; the outline is real.
void split_among_zones(const ModelData& data, const std::vector<std::vector<Ring>>& outline,
                       const std::vector<int>& zones, MapGeometry& map) {
    std::vector<Vec2> sites;
    for (int z : zones) sites.push_back(project_wgs84(data.zones[z].lat, data.zones[z].lon));
    for (std::size_t i = 0; i < zones.size(); ++i) {
        auto& shape = map.zones[zones[i]];
        for (const auto& polygon : outline) {
            Ring cell = polygon.front();  // the outer ring; the city outline has no holes
            for (std::size_t j = 0; j < zones.size() && cell.size() >= 3; ++j)
                if (j != i)
                    cell = clip_half_plane(cell, sites[j] - sites[i],
                                           (dot(sites[j], sites[j]) - dot(sites[i], sites[i])) / 2);
            if (cell.size() >= 3 && std::abs(signed_area(cell)) > 1e-6) shape.polygons.push_back({cell});
        }
    }
}

// The zones of a municipality code that is not itself a zone (GM0344: Utrecht city's districts).
std::vector<int> zones_of_municipality(const ModelData& data, const std::string& code) {
    std::vector<int> out;
    for (int z = 0; z < data.num_zones(); ++z)
        if (data.zones[z].municipality_code == code && data.zones[z].code != code) out.push_back(z);
    return out;
}

json read_json(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw InputError("GeoJSON " + file.string() + ": cannot open the file");
    std::stringstream text;
    text << in.rdbuf();
    try {
        return json::parse(text.str());
    } catch (const json::parse_error& e) {
        throw InputError("GeoJSON " + file.string() + ": not valid JSON: " + e.what());
    }
}

void add_geometry(const Reader& reader, const json& g, const std::string& where, const std::string& code,
                  ZoneShape& shape) {
    const std::string type = g.value("type", "");
    const json coords = g.value("coordinates", json());
    if (type == "Polygon") {
        shape.polygons.push_back(reader.polygon(coords, where + " (" + code + ") coordinates"));
    } else if (type == "MultiPolygon") {
        if (!coords.is_array()) reader.fail(where, "a MultiPolygon's coordinates must be an array of polygons");
        for (std::size_t p = 0; p < coords.size(); ++p)
            shape.polygons.push_back(
                reader.polygon(coords[p], where + " (" + code + ") coordinates[" + std::to_string(p) + "]"));
    } else {
        reader.fail(where, "geometry type \"" + type + "\" is not Polygon or MultiPolygon");
    }
}

}  // namespace

MapGeometry geojson_map(const ModelData& data, const std::filesystem::path& file, std::vector<std::string>& warnings) {
    const json doc = read_json(file);
    Reader reader{file.string()};
    if (!doc.is_object() || doc.value("type", "") != "FeatureCollection" || !doc.contains("features") ||
        !doc["features"].is_array())
        reader.fail("top level", "expected a FeatureCollection with a \"features\" array");

    const auto& features = doc["features"];
    for (const auto& f : features)
        if (f.is_object() && f.contains("geometry") && f["geometry"].is_object() &&
            any_projected(f["geometry"].value("coordinates", json())))
            reader.projected = true;

    MapGeometry map;
    map.schematic = false;
    for (const Language lang : {Language::English, Language::Dutch}) {
        std::string& source = lang == Language::Dutch ? map.source_nl : map.source;
        source = file.filename() == kDefaultGeojson.filename() ? ui_text(lang, "map.source_cbs")
                                                                : ui_text(lang, "map.source_file") + file.filename().string();
    }
    map.zones.resize(data.zones.size());
    for (std::size_t i = 0; i < features.size(); ++i) {
        const std::string where = "feature " + std::to_string(i);
        const auto& f = features[i];
        if (!f.is_object() || !f.contains("geometry") || !f["geometry"].is_object())
            reader.fail(where, "a feature must be an object with a \"geometry\" object");
        const std::string code = feature_code(f);
        if (code.empty()) reader.fail(where, "no \"statcode\" or \"code\" string property");
        const int zone = data.zone_index(code);
        const std::vector<int> members = zone < 0 ? zones_of_municipality(data, code) : std::vector<int>{};
        if (zone < 0 && !members.empty()) {
            MapGeometry outline;
            outline.zones.resize(1);
            add_geometry(reader, f["geometry"], where, code, outline.zones[0]);
            split_among_zones(data, outline.zones[0].polygons, members, map);
            map.schematic_districts = true;
            continue;
        }
        if (zone < 0) {
            warnings.push_back("GeoJSON " + file.string() + ": " + where + ": code " + code +
                               " is not one of the model's zones; ignored");
            continue;
        }
        add_geometry(reader, f["geometry"], where, code, map.zones[zone]);
    }
    std::size_t drawn = 0;
    for (std::size_t z = 0; z < map.zones.size(); ++z) {
        finish_shape(map.zones[z]);
        drawn += map.zones[z].present() ? 1 : 0;
        if (!map.zones[z].present())
            warnings.push_back("GeoJSON " + file.string() + ": no boundary for zone " + data.zones[z].code + " (" +
                               data.zones[z].name + "); it is not drawn");
    }
    if (map.schematic_districts) {
        map.source += ui_text(Language::English, "map.districts_schematic");
        map.source_nl += ui_text(Language::Dutch, "map.districts_schematic");
    }
    if (drawn == 0) reader.fail("features", "no feature has the code of one of the model's zones (GM#### or WK0344##)");
    return map;
}

}  // namespace hhu::viz
