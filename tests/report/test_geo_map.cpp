// The municipal outlines and their projection (sim/report/geo_map).
#include <doctest/doctest.h>

#include <cmath>
#include <numbers>
#include <string>

#include "sim/core/error.hpp"
#include "sim/report/geo_map.hpp"

using namespace hhu;

namespace {

std::string square(double lon, double lat, double side) {
    auto pos = [](double x, double y) {
        std::string s = "[";
        s += std::to_string(x);
        s += ",";
        s += std::to_string(y);
        s += "]";
        return s;
    };
    return R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"statcode":"GM0001","statnaam":"A"},)"
           R"("geometry":{"type":"Polygon","coordinates":[[)" +
           pos(lon, lat) + "," + pos(lon + side, lat) + "," + pos(lon + side, lat + side) + "," + pos(lon, lat + side) +
           "," + pos(lon, lat) + "]]}}]}";
}

std::string error_of(const std::string& text) {
    try {
        parse_geojson(text, "outlines.geojson");
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("report map: a square of one degree projects with width / height = cos(52.1 deg), north up") {
    const auto shapes = parse_geojson(square(5.0, 52.0, 1.0), "square");
    REQUIRE(shapes.size() == 1);
    CHECK(shapes[0].code == "GM0001");
    CHECK(shapes[0].rings.at(0).size() == 5);
    const MapProjection project(shapes, 1000, 1000, 0);
    const Point sw = project({5.0, 52.0}), ne = project({6.0, 53.0});
    const double w = ne.x - sw.x, h = sw.y - ne.y;  // y grows downwards: north is smaller y
    CHECK(h == doctest::Approx(1000));
    CHECK(w / h == doctest::Approx(std::cos(52.1 * std::numbers::pi / 180)));
    CHECK(sw.x == doctest::Approx((1000 - w) / 2));  // centred in the spare width
}

TEST_CASE("report map: the real outlines are the 26 municipalities, all inside the drawing") {
    const auto shapes = read_geojson(std::string(HHU_SOURCE_DIR) + "/data/geo/utrecht_municipalities_2021.geojson");
    CHECK(shapes.size() == 26);
    const MapProjection project(shapes, 560, 360, 6);
    bool utrecht = false;
    for (const auto& s : shapes) {
        CHECK(s.code.rfind("GM", 0) == 0);
        utrecht = utrecht || s.code == "GM0344";
        for (const auto& ring : s.rings)
            for (const auto& p : ring) {
                const Point q = project(p);
                CHECK(q.x >= 5.999);
                CHECK(q.x <= 554.001);
                CHECK(q.y >= 5.999);
                CHECK(q.y <= 354.001);
            }
    }
    CHECK(utrecht);
}

TEST_CASE("report map: bad GeoJSON names the file and the JSON path") {
    CHECK(error_of("{").find("outlines.geojson: not valid JSON") == 0);
    CHECK(error_of(R"({"type":"FeatureCollection"})").find("/features: expected") != std::string::npos);
    std::string bad = square(5, 52, 1);
    bad.replace(bad.find("[5.000000,52.000000]"), 20, "[5.0,\"x\"]");
    CHECK(error_of(bad).find("/features/0/geometry/coordinates/0/0: expected a position") != std::string::npos);
    std::string far = square(5, 52, 1);
    far.replace(far.find("[5.000000,52.000000]"), 20, "[500,52]");
    CHECK(error_of(far).find("expected WGS84 degrees") != std::string::npos);
    std::string point = square(5, 52, 1);
    point.replace(point.find("\"Polygon\""), 9, "\"Point\"");
    CHECK(error_of(point).find("/features/0/geometry/type: expected \"Polygon\" or \"MultiPolygon\"") != std::string::npos);
    std::string nameless = square(5, 52, 1);
    nameless.replace(nameless.find("\"statnaam\""), 10, "\"name\"");
    CHECK(error_of(nameless).find("/features/0/properties/statnaam: expected a string") != std::string::npos);
}
