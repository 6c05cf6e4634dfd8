// The brief's SVG charts (sim/report/svg, map_svg).
#include <doctest/doctest.h>

#include <string>

#include "sim/report/map_svg.hpp"
#include "sim/report/svg.hpp"

using namespace hhu;

namespace {

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

const NumberFormat kPlain = [](double v) { return svg_number(v); };

}  // namespace

TEST_CASE("report svg: text is escaped, coordinates have at most one decimal") {
    CHECK(xml_escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
    CHECK(svg_number(12.34) == "12.3");
    CHECK(svg_number(3.0) == "3");
    CHECK(svg_number(-0.01) == "0");
}

TEST_CASE("report svg: ticks are round and cover the range") {
    const auto t = nice_ticks(0.3, 9.2, 5);
    CHECK(t.front() <= 0.3);
    CHECK(t.back() >= 9.2);
    CHECK(t[1] - t[0] == doctest::Approx(2));
    const auto small = nice_ticks(-0.013, 0.021, 5);
    CHECK(small.front() <= -0.013);
    CHECK(small.back() >= 0.021);
}

TEST_CASE("report svg: a trend chart draws a line per series and a band only where there is an interval") {
    TrendChart chart;
    chart.title = "Care <hours>";
    TrendSeries a{"baseline", "#777", {2021, 2022, 2023}, {1, 2, 3}, {0.5, 1.5, 2.5}, {1.5, 2.5, 3.5}, true};
    TrendSeries b{"scenario", "#27b", {2021, 2022, 2023}, {1, 2, 2}, {std::nullopt, std::nullopt, std::nullopt},
                  {std::nullopt, std::nullopt, std::nullopt}, false};
    chart.series = {a, b};
    const std::string svg = trend_chart_svg(chart, kPlain);
    CHECK(count(svg, "<polyline") == 2);
    CHECK(count(svg, "<polygon") == 1);
    CHECK(svg.find("Care &lt;hours&gt;") != std::string::npos);
    CHECK(svg.find("<script") == std::string::npos);
}

TEST_CASE("report svg: bars go left of zero for losses, with whiskers for intervals") {
    BarChart chart;
    chart.bars = {{"gain", 2, 1, 3}, {"loss", -1, std::nullopt, std::nullopt}};
    const std::string svg = bar_chart_svg(chart, kPlain);
    CHECK(count(svg, "<rect") == 2);
    CHECK(svg.find(chart.positive_colour) != std::string::npos);
    CHECK(svg.find(chart.negative_colour) != std::string::npos);
    CHECK(count(svg, "stroke=\"#222\"") == 3);  // one whisker: its line and two caps
}

TEST_CASE("report svg: diverging colours are white at zero and saturate at the ends") {
    CHECK(diverging_colour(0, 1) == "#f7f7f7");
    CHECK(diverging_colour(1, 1) == "#2166ac");
    CHECK(diverging_colour(-5, 1) == "#d95f0e");
    CHECK(diverging_colour(0.5, 0) == "#f7f7f7");
}

TEST_CASE("report svg: the map fills every municipality, grey without a value") {
    std::vector<GeoShape> shapes(2);
    shapes[0] = {"GM0001", "A", {{{5, 52}, {5.1, 52}, {5.1, 52.1}, {5, 52}}}};
    shapes[1] = {"GM0002", "B", {{{5.1, 52}, {5.2, 52}, {5.2, 52.1}, {5.1, 52}}}};
    MapChart chart;
    chart.values = {{"GM0001", 3.0}};
    chart.no_data_label = "no data";
    const std::string svg = municipality_map_svg(shapes, chart, kPlain);
    CHECK(count(svg, "<path") == 2);
    CHECK(svg.find("fill=\"#cccccc\"") != std::string::npos);
    CHECK(svg.find("fill=\"#2166ac\"") != std::string::npos);
    CHECK(svg.find("B: no data") != std::string::npos);
}
