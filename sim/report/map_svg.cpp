#include "sim/report/map_svg.hpp"

#include <algorithm>
#include <cmath>

namespace hhu {

namespace {

constexpr double kTop = 30, kLegendHeight = 46, kMargin = 6;

std::string path_of(const GeoShape& s, const MapProjection& project) {
    std::string d;
    for (const auto& ring : s.rings) {
        for (std::size_t i = 0; i < ring.size(); ++i) {
            const Point p = project(ring[i]);
            d += i == 0 ? 'M' : 'L';
            d += svg_number(p.x);
            d += ' ';
            d += svg_number(p.y);
        }
        d += "Z";
    }
    return d;
}

// The label point of a shape: the mean of its largest ring's vertices (good enough for the compact
// Dutch municipalities), and that ring's area in square pixels (small shapes get no label).
std::pair<Point, double> label_point(const GeoShape& s, const MapProjection& project) {
    const std::vector<LonLat>* largest = nullptr;
    double best = -1;
    for (const auto& ring : s.rings) {
        double area = 0;
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const Point a = project(ring[i]), b = project(ring[i + 1]);
            area += a.x * b.y - b.x * a.y;
        }
        if (std::abs(area) / 2 > best) {
            best = std::abs(area) / 2;
            largest = &ring;
        }
    }
    Point c;
    if (largest == nullptr || largest->empty()) return {c, 0};
    for (const auto& p : *largest) {
        const Point q = project(p);
        c.x += q.x;
        c.y += q.y;
    }
    c.x /= static_cast<double>(largest->size());
    c.y /= static_cast<double>(largest->size());
    return {c, best};
}

std::string legend(const MapChart& chart, double max_abs, double y, const NumberFormat& format) {
    std::string out;
    const int steps = 9;
    const double x0 = 20, cell = (chart.width - 40.0) / steps;
    for (int i = 0; i < steps; ++i) {
        const double v = -max_abs + 2 * max_abs * (i + 0.5) / steps;
        out += "<rect x=\"" + svg_number(x0 + i * cell) + "\" y=\"" + svg_number(y) + "\" width=\"" +
               svg_number(cell) + "\" height=\"12\" fill=\"" + diverging_colour(v, max_abs) + "\" stroke=\"#999\" stroke-width=\"0.5\"/>";
    }
    for (int i = 0; i <= 2; ++i) {
        const double v = -max_abs + max_abs * i;
        out += "<text x=\"" + svg_number(x0 + i * cell * steps / 2.0) + "\" y=\"" + svg_number(y + 27) +
               "\" text-anchor=\"" + (i == 0 ? "start" : i == 1 ? "middle" : "end") + "\" font-size=\"11\" fill=\"#444\">" +
               xml_escape(format(v)) + "</text>";
    }
    return out;
}

}  // namespace

std::string municipality_map_svg(const std::vector<GeoShape>& shapes, const MapChart& chart, const NumberFormat& format) {
    const double map_height = chart.height - kTop - kLegendHeight;
    const MapProjection project(shapes, chart.width, map_height, kMargin);
    double max_abs = 0;
    for (const auto& [code, v] : chart.values)
        if (std::isfinite(v)) max_abs = std::max(max_abs, std::abs(v));
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(chart.width) +
                      "\" height=\"" + std::to_string(chart.height) + "\" viewBox=\"0 0 " + std::to_string(chart.width) +
                      " " + std::to_string(chart.height) + "\" role=\"img\" aria-label=\"" + xml_escape(chart.title) +
                      "\" font-family=\"DejaVu Sans, Arial, sans-serif\">";
    out += "<text x=\"0\" y=\"18\" font-size=\"14\" font-weight=\"bold\" fill=\"#222\">" +
           xml_escape(chart.title + (chart.unit.empty() ? "" : " (" + chart.unit + ")")) + "</text>";
    out += "<g transform=\"translate(0," + svg_number(kTop) + ")\">";
    for (const auto& s : shapes) {
        const auto v = chart.values.find(s.code);
        const std::string fill = v == chart.values.end() ? "#cccccc" : diverging_colour(v->second, max_abs);
        out += "<path d=\"" + path_of(s, project) + "\" fill=\"" + fill +
               "\" fill-rule=\"evenodd\" stroke=\"#555\" stroke-width=\"0.8\"><title>" + xml_escape(s.name) +
               (v == chart.values.end() ? ": " + chart.no_data_label : ": " + format(v->second)) + "</title></path>";
    }
    for (const auto& s : shapes) {
        const auto [c, area] = label_point(s, project);
        if (area < 900) continue;  // too small for a readable name; the table lists every municipality
        out += "<text x=\"" + svg_number(c.x) + "\" y=\"" + svg_number(c.y + 3) +
               "\" text-anchor=\"middle\" font-size=\"9\" fill=\"#111\" stroke=\"#fff\" stroke-width=\"2.2\" "
               "paint-order=\"stroke\">" + xml_escape(s.name) + "</text>";
    }
    out += "</g>";
    out += legend(chart, max_abs > 0 ? max_abs : 1, chart.height - kLegendHeight + 8, format);
    return out + "</svg>";
}

}  // namespace hhu
