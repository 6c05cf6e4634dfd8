#include "map_view.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace hhu::viz {

namespace {

const sf::Color kNoValue(206, 208, 212);
const sf::Color kBorder(255, 255, 255, 200);
const sf::Color kInk(30, 33, 40);
const sf::Color kMutedInk(90, 96, 108);
const sf::Color kFrame(120, 126, 138);

sf::Color to_sf(Rgb c) { return sf::Color(c.r, c.g, c.b); }

// Long names go on two lines, split at the space nearest the middle.
std::string wrap_name(const std::string& name) {
    if (name.size() <= 12) return name;
    std::size_t best = std::string::npos;
    for (std::size_t i = 0; i < name.size(); ++i)
        if (name[i] == ' ' &&
            (best == std::string::npos || std::abs(static_cast<int>(i) - static_cast<int>(name.size() / 2)) <
                                              std::abs(static_cast<int>(best) - static_cast<int>(name.size() / 2))))
            best = i;
    if (best == std::string::npos) return name;
    return name.substr(0, best) + "\n" + name.substr(best + 1);
}

void add_quad(sf::VertexArray& va, sf::Vector2f a, sf::Vector2f b, sf::Vector2f c, sf::Vector2f d, sf::Color col) {
    for (sf::Vector2f p : {a, b, c, a, c, d}) va.append(sf::Vertex(p, col));
}

void add_rect(sf::VertexArray& va, sf::FloatRect r, sf::Color col) {
    add_quad(va, {r.left, r.top}, {r.left + r.width, r.top}, {r.left + r.width, r.top + r.height},
             {r.left, r.top + r.height}, col);
}

void add_thick_line(sf::VertexArray& va, sf::Vector2f a, sf::Vector2f b, float width, sf::Color col) {
    const sf::Vector2f d = b - a;
    const float len = std::sqrt(d.x * d.x + d.y * d.y);
    if (len <= 0) return;
    const sf::Vector2f n(-d.y / len * width / 2, d.x / len * width / 2);
    const sf::Vector2f t(d.x / len * width / 2, d.y / len * width / 2);  // overlap at the joints
    add_quad(va, a + n - t, b + n + t, b - n + t, a - n - t, col);
}

void add_frame(sf::VertexArray& va, sf::FloatRect r, float width, sf::Color col) {
    const sf::Vector2f tl(r.left, r.top), tr(r.left + r.width, r.top), br(r.left + r.width, r.top + r.height),
        bl(r.left, r.top + r.height);
    add_thick_line(va, tl, tr, width, col);
    add_thick_line(va, tr, br, width, col);
    add_thick_line(va, br, bl, width, col);
    add_thick_line(va, bl, tl, width, col);
}

Box padded(Box b, double fraction) {
    const double px = b.width() * fraction, py = b.height() * fraction;
    b.min = b.min - Vec2{px, py};
    b.max = b.max + Vec2{px, py};
    return b;
}

}  // namespace

sf::Vector2f MapView::Panel::to_pixel(Vec2 p) const {
    return {offset.x + static_cast<float>((p.x - world.min.x) * scale),
            offset.y + static_cast<float>((world.max.y - p.y) * scale)};
}

Vec2 MapView::Panel::to_world(sf::Vector2f px) const {
    return {world.min.x + (px.x - offset.x) / scale, world.max.y - (px.y - offset.y) / scale};
}

MapView::MapView(const ModelData& data, MapGeometry geometry, const sf::Font& font, const sf::Font& bold,
                 MapStyle style)
    : data_(data), geometry_(std::move(geometry)), font_(font), bold_(bold), style_(style) {
    std::size_t at = 0;
    for (const auto& z : geometry_.zones) {
        first_vertex_.push_back(at);
        at += z.triangles.size();
    }
    first_vertex_.push_back(at);
    for (int z = 0; z < data_.num_zones(); ++z) {
        province_box_.add(geometry_.zones[z].box);
        if (data_.is_utrecht_district(z)) city_box_.add(geometry_.zones[z].box);
    }
    province_box_ = padded(province_box_, 0.02);
    can_inset_ = !city_box_.empty();
    has_inset_ = can_inset_;
    if (has_inset_) city_box_ = padded(city_box_, 0.03);
}

sf::Text MapView::text(const std::string& s, unsigned px, sf::Color colour) const {
    sf::Text t(sf::String::fromUtf8(s.begin(), s.end()), font_, px);
    t.setFillColor(colour);
    return t;
}

void MapView::set_inset(bool on) {
    if (on == want_inset_) return;
    want_inset_ = on;
    has_inset_ = can_inset_ && on;
    area_ = {};  // lay out again
}

void MapView::set_area(sf::FloatRect area) {
    if (area == area_) return;
    area_ = area;
    const float m = 10;
    const float title_h = style_.title_px * 1.35f + style_.label_px * 1.5f + m;
    const float legend_h = style_.legend_px * 4.6f + m;
    title_rect_ = {area.left + m, area.top + m, area.width - 2 * m, title_h - m};
    legend_rect_ = {area.left + m, area.top + area.height - legend_h, area.width - 2 * m, legend_h - m};
    const sf::FloatRect region(area.left + m, area.top + title_h, area.width - 2 * m,
                               std::max(10.f, area.height - title_h - legend_h - m));
    sf::FloatRect main_rect = region, inset_rect;
    if (has_inset_) {
        const float gap = 12;
        const float aspect = static_cast<float>(province_box_.width() / province_box_.height());
        if (region.height > region.width * 0.85f) {  // tall: city below the province
            const float h = std::min(region.width / aspect, region.height * 0.5f);
            main_rect = {region.left, region.top, region.width, h};
            inset_rect = {region.left, region.top + h + gap, region.width, region.height - h - gap};
        } else {  // wide: city beside the province
            const float w = std::min(region.height * aspect, region.width * 0.6f);
            main_rect = {region.left, region.top, w, region.height};
            inset_rect = {region.left + w + gap, region.top, region.width - w - gap, region.height};
        }
    }
    build_panel(main_, main_rect, province_box_, false);
    if (has_inset_) {
        const float caption = style_.label_px * 1.7f;
        build_panel(inset_, {inset_rect.left, inset_rect.top + caption, inset_rect.width, inset_rect.height - caption},
                    city_box_, true);
    }
}

void MapView::build_panel(Panel& p, sf::FloatRect pixels, const Box& world, bool city_labels) {
    p.pixels = pixels;
    p.world = world;
    p.scale = std::min(pixels.width / world.width(), pixels.height / world.height());
    p.offset = {pixels.left + static_cast<float>((pixels.width - world.width() * p.scale) / 2),
                pixels.top + static_cast<float>((pixels.height - world.height() * p.scale) / 2)};
    p.fill.clear();
    p.borders.clear();
    for (int z = 0; z < data_.num_zones(); ++z) {
        const auto& shape = geometry_.zones[z];
        for (Vec2 v : shape.triangles) p.fill.append(sf::Vertex(p.to_pixel(v), kNoValue));
        for (const auto& polygon : shape.polygons)
            for (const auto& ring : polygon)
                for (std::size_t i = 0; i < ring.size(); ++i) {
                    p.borders.append(sf::Vertex(p.to_pixel(ring[i]), kBorder));
                    p.borders.append(sf::Vertex(p.to_pixel(ring[(i + 1) % ring.size()]), kBorder));
                }
    }
    // In the city's inset the zones around the city are washed out, so the districts stand out.
    p.dim.clear();
    if (city_labels)
        for (int z = 0; z < data_.num_zones(); ++z)
            if (!data_.is_utrecht_district(z))
                for (Vec2 v : geometry_.zones[z].triangles)
                    p.dim.append(sf::Vertex(p.to_pixel(v), sf::Color(255, 255, 255, 185)));
    place_labels(p, city_labels);
}

bool MapView::within_zone(const Panel& p, const sf::FloatRect& r, int zone) const {
    // The label's corners and the middles of its sides, each inside the zone (or, for the city's own
    // label, inside one of its districts): a label never crosses a border.
    const float xs[] = {r.left, r.left + r.width / 2, r.left + r.width};
    const float ys[] = {r.top, r.top + r.height / 2, r.top + r.height};
    for (float x : xs)
        for (float y : ys) {
            const Vec2 w = p.to_world({x, y});
            bool in = false;
            for (int z = 0; z < data_.num_zones() && !in; ++z)
                in = (zone >= 0 ? z == zone : data_.is_utrecht_district(z)) && geometry_.zones[z].contains(w);
            if (!in) return false;
        }
    return true;
}

void MapView::place_labels(Panel& p, bool city_labels) {
    p.labels.clear();
    p.label_zone.clear();
    p.label_outside.clear();
    struct Candidate {
        int zone;
        double priority;
        std::string name;
        Vec2 at;
    };
    std::vector<Candidate> candidates;
    Vec2 city;
    int districts = 0;
    for (int z = 0; z < data_.num_zones(); ++z) {
        const auto& shape = geometry_.zones[z];
        if (!shape.present()) continue;
        if (data_.is_utrecht_district(z)) city = city + shape.label, ++districts;
        if (data_.is_utrecht_district(z) != city_labels) continue;
        candidates.push_back({z, shape.box.width() * shape.box.height(), data_.zones[z].name, shape.label});
    }
    if (!city_labels && districts > 0) candidates.push_back({-1, 1e300, "Utrecht", city * (1.0 / districts)});
    std::sort(candidates.begin(), candidates.end(),
              [](const auto& a, const auto& b) { return a.priority > b.priority; });
    // Larger zones first; a label that would overlap one already placed, or leave the panel, is left
    // out (the tooltip still names the zone).
    std::vector<sf::FloatRect> placed;
    std::vector<Candidate> outside;
    p.leaders.clear();
    for (const auto& c : candidates) {
        // Where the label may go: its label point first, then points of the zone nearer to it first.
        std::vector<Vec2> spots = {c.at};
        const Box box = c.zone >= 0 ? geometry_.zones[c.zone].box : city_box_;
        constexpr int kGrid = 9;
        for (int i = 1; i < kGrid; ++i)
            for (int j = 1; j < kGrid; ++j)
                spots.push_back({box.min.x + box.width() * i / kGrid, box.min.y + box.height() * j / kGrid});
        std::stable_sort(spots.begin() + 1, spots.end(), [&](Vec2 a, Vec2 b) {
            return dot(a - c.at, a - c.at) < dot(b - c.at, b - c.at);
        });
        if (auto t = fit_label(p, c.zone, c.name, spots, placed)) {
            p.labels.push_back(std::move(*t));
            p.label_zone.push_back(c.zone);
            p.label_outside.push_back(false);
        } else if (c.zone >= 0) {
            outside.push_back(c);
        }
    }
    // Zones too small for their name: the name beside the province (or the city, in its inset), on the
    // side nearer the zone, joined to it by a leader line. Each side is filled from the top in the
    // order of the zones' heights, so that leader lines do not cross.
    const Box& subject = city_labels ? city_box_ : province_box_;
    const double middle = (subject.min.x + subject.max.x) / 2;
    for (const bool west : {true, false}) {
        std::vector<Candidate> side;
        for (const auto& c : outside)
            if ((c.at.x < middle) == west) side.push_back(c);
        std::sort(side.begin(), side.end(), [](const auto& a, const auto& b) { return a.at.y > b.at.y; });
        float below = -1e9f;  // the lowest pixel used on this side so far
        for (const auto& c : side) place_leader_label(p, c.zone, c.name, c.at, subject, west, below, placed);
    }
}

void MapView::place_leader_label(Panel& p, int zone, const std::string& name, Vec2 anchor, const Box& subject,
                                 bool west, float& below, std::vector<sf::FloatRect>& placed) {
    sf::Text t = text(name, style_.label_px, kInk);
    const auto b = t.getLocalBounds();
    t.setOrigin(std::round(b.left), std::round(b.top + b.height / 2));
    const sf::Vector2f a = p.to_pixel(anchor);
    const float x = west ? p.to_pixel({subject.min.x, 0}).x - 6 - b.width : p.to_pixel({subject.max.x, 0}).x + 6;
    const float step = style_.label_px * 1.25f;
    for (float y = std::max(a.y, below + step / 2); y + step / 2 <= p.pixels.top + p.pixels.height; y += step / 2) {
        t.setPosition(std::round(x), std::round(y));
        sf::FloatRect r = t.getGlobalBounds();
        r = {r.left - 2, r.top - 1, r.width + 4, r.height + 2};
        const bool inside = r.left >= p.pixels.left && r.top >= p.pixels.top &&
                            r.left + r.width <= p.pixels.left + p.pixels.width &&
                            r.top + r.height <= p.pixels.top + p.pixels.height;
        if (!inside) return;  // no room on this side: the zone keeps its tooltip only
        if (std::any_of(placed.begin(), placed.end(), [&](const auto& q) { return q.intersects(r); })) continue;
        placed.push_back(r);
        below = y + step / 2;
        p.leaders.append(sf::Vertex(a, kMutedInk));
        p.leaders.append(sf::Vertex(sf::Vector2f(west ? r.left + r.width : r.left, y), kMutedInk));
        p.labels.push_back(std::move(t));
        p.label_zone.push_back(zone);
        p.label_outside.push_back(true);
        return;
    }
}

// The first of the names (wrapped, then on one line) and spots where the label stays inside the panel,
// inside its zone, and clear of the labels placed before (larger zones first); none: no label (the
// tooltip still names the zone).
std::optional<sf::Text> MapView::fit_label(const Panel& p, int zone, const std::string& name,
                                           const std::vector<Vec2>& spots, std::vector<sf::FloatRect>& placed) const {
    for (const std::string& s : {wrap_name(name), name}) {
        sf::Text t = text(s, style_.label_px, kInk);
        t.setLineSpacing(0.9f);
        if (zone < 0) t.setStyle(sf::Text::Bold);
        const auto b = t.getLocalBounds();
        t.setOrigin(std::round(b.left + b.width / 2), std::round(b.top + b.height / 2));
        for (Vec2 spot : spots) {
            const sf::Vector2f at = p.to_pixel(spot);
            t.setPosition(std::round(at.x), std::round(at.y));
            sf::FloatRect r = t.getGlobalBounds();
            r = {r.left - 2, r.top - 1, r.width + 4, r.height + 2};
            const bool inside = r.left >= p.pixels.left && r.top >= p.pixels.top &&
                                r.left + r.width <= p.pixels.left + p.pixels.width &&
                                r.top + r.height <= p.pixels.top + p.pixels.height;
            const bool clear =
                std::none_of(placed.begin(), placed.end(), [&](const auto& q) { return q.intersects(r); });
            if (!inside || !clear || !within_zone(p, r, zone)) continue;
            placed.push_back(r);
            return t;
        }
    }
    return std::nullopt;
}

sf::Color MapView::fill_colour(const ViewData& view, int zone) const {
    if (!view.has_scale || zone >= static_cast<int>(view.zone_values.size()) || !view.zone_values[zone])
        return kNoValue;
    const double span = view.scale.hi - view.scale.lo;
    const double t = span > 0 ? (*view.zone_values[zone] - view.scale.lo) / span : 0.5;
    return to_sf(view.difference ? diverging(t) : viridis(t));
}

void MapView::colour_panel(Panel& p, const ViewData& view) {
    // White borders vanish on the pale middle of a difference map: grey ones there.
    const sf::Color border = view.difference ? sf::Color(150, 155, 165, 220) : kBorder;
    if (p.borders.getVertexCount() > 0 && p.borders[0].color != border)
        for (std::size_t i = 0; i < p.borders.getVertexCount(); ++i) p.borders[i].color = border;
    for (int z = 0; z < data_.num_zones(); ++z) {
        const sf::Color c = fill_colour(view, z);
        for (std::size_t i = first_vertex_[z]; i < first_vertex_[z + 1]; ++i) p.fill[i].color = c;
    }
    for (std::size_t i = 0; i < p.labels.size(); ++i) {
        const int z = p.label_zone[i];
        const sf::Color bg = z >= 0 && !p.label_outside[i] ? fill_colour(view, z) : sf::Color::White;
        const Rgb ink = text_colour_on({bg.r, bg.g, bg.b});
        const bool light = ink.r > 128;
        p.labels[i].setFillColor(to_sf(ink));
        p.labels[i].setOutlineColor(light ? sf::Color(0, 0, 0, 120) : sf::Color(255, 255, 255, 170));
        p.labels[i].setOutlineThickness(1.f);
    }
}

std::vector<MapView::Edge> MapView::boundary(const std::vector<int>& zones) const {
    // Edges are matched on endpoints rounded to 10 cm: neighbours computed apart agree to far better.
    auto key = [](Vec2 a, Vec2 b) {
        auto r = [](double v) { return static_cast<long long>(std::llround(v * 1e4)); };
        auto pa = std::make_pair(r(a.x), r(a.y)), pb = std::make_pair(r(b.x), r(b.y));
        return pa < pb ? std::make_pair(pa, pb) : std::make_pair(pb, pa);
    };
    std::map<decltype(key(Vec2{}, Vec2{})), int> uses;
    std::vector<Edge> all;
    for (int z : zones)
        for (const auto& polygon : geometry_.zones[z].polygons)
            for (const auto& ring : polygon)
                for (std::size_t i = 0; i < ring.size(); ++i) {
                    const Edge e{ring[i], ring[(i + 1) % ring.size()]};
                    ++uses[key(e.first, e.second)];
                    all.push_back(e);
                }
    std::vector<Edge> out;
    for (const auto& e : all)
        if (uses[key(e.first, e.second)] == 1) out.push_back(e);
    return out;
}

void MapView::draw_edges(sf::RenderTarget& target, const Panel& p, const std::vector<Edge>& edges, float width,
                         sf::Color colour) const {
    sf::VertexArray va(sf::Triangles);
    for (const auto& [a, b] : edges) add_thick_line(va, p.to_pixel(a), p.to_pixel(b), width, colour);
    target.draw(va);
}

void MapView::draw_panel(sf::RenderTarget& target, Panel& p, bool clip, int hovered) {
    const sf::View saved = target.getView();
    if (clip) {
        sf::View v(p.pixels);
        const sf::Vector2f size(target.getSize());
        v.setViewport(
            {p.pixels.left / size.x, p.pixels.top / size.y, p.pixels.width / size.x, p.pixels.height / size.y});
        target.setView(v);
    }
    target.draw(p.fill);
    target.draw(p.borders);
    target.draw(p.dim);
    if (hovered >= 0) draw_edges(target, p, boundary({hovered}), 2.5f, sf::Color(255, 255, 255));
    draw_edges(target, p, selection_edges_, 5.f, sf::Color(20, 20, 20));
    draw_edges(target, p, selection_edges_, 2.f, sf::Color(255, 255, 255));
    target.draw(p.leaders);
    for (const auto& t : p.labels) target.draw(t);
    target.setView(saved);
}

void MapView::draw_inset_frame(sf::RenderTarget& target, Language lang) {
    sf::VertexArray va(sf::Triangles);
    // Where the city is on the province map.
    const sf::Vector2f a = main_.to_pixel({city_box_.min.x, city_box_.max.y});
    const sf::Vector2f b = main_.to_pixel({city_box_.max.x, city_box_.min.y});
    add_frame(va, {a.x, a.y, b.x - a.x, b.y - a.y}, 1.5f, kInk);
    // The inset's own frame, caption above the enlarged city.
    const float caption = style_.label_px * 1.7f;
    const sf::FloatRect frame(inset_.pixels.left, inset_.pixels.top - caption, inset_.pixels.width,
                              inset_.pixels.height + caption);
    add_frame(va, frame, 1.f, kFrame);
    target.draw(va);
    // The longest caption that fits the frame.
    sf::Text t;
    // The districts' cells are schematic unless the boundaries gave them (a file with WK0344## codes).
    const bool schematic = geometry_.schematic || geometry_.schematic_districts;
    // Longest first, separated by '|' in the table.
    std::vector<std::string> captions;
    const std::string& all = ui_text(lang, schematic ? "map.inset_schematic" : "map.inset");
    for (std::size_t from = 0, bar = 0; from <= all.size(); from = bar + 1) {
        bar = std::min(all.find('|', from), all.size());
        captions.push_back(all.substr(from, bar - from));
    }
    for (const std::string& caption : captions) {
        t = text(caption, style_.label_px, kMutedInk);
        if (t.getLocalBounds().width + 12 <= frame.width) break;
    }
    t.setPosition(std::round(frame.left + 6), std::round(frame.top + caption * 0.18f));
    target.draw(t);
}

void MapView::draw_titles(sf::RenderTarget& target, const ViewData& view) {
    // Side by side, the scenario is the title and the indicator the subtitle; both are shortened to fit.
    const std::string indicator = view.difference ? printf_text(ui_text(view.ind.lang, "map.change_in"), view.ind.title(), view.year)
                                                  : view.ind.title() + ", " + std::to_string(view.year);
    const std::string title = caption_.empty() ? indicator : caption_;
    // Shortened with an ellipsis to fit; the year at the end of the indicator's title stays ("Heupfracturen
    // per 1.000 inw…, 2021"): a map without its year says nothing.
    const std::string year_tail = ", " + std::to_string(view.year);
    auto fitted = [&](const std::string& full, const sf::Font& font, unsigned px) {
        const bool keep_year = !view.difference && full == indicator;
        std::string base = keep_year ? full.substr(0, full.size() - year_tail.size()) : full;
        const std::string tail = keep_year ? year_tail : "";
        bool cut = false;
        for (;;) {
            const std::string shown = (cut ? base + "\u2026" : base) + tail;
            sf::Text t(sf::String::fromUtf8(shown.begin(), shown.end()), font, px);
            if (t.getLocalBounds().width <= title_rect_.width || base.size() <= 3) return t;
            // One UTF-8 character: its continuation bytes, then its first byte.
            while (!base.empty() && (static_cast<unsigned char>(base.back()) & 0xC0) == 0x80) base.pop_back();
            if (!base.empty()) base.pop_back();
            cut = true;
        }
    };
    sf::Text t = fitted(title, bold_, style_.title_px);
    t.setFillColor(kInk);
    t.setPosition(std::round(title_rect_.left), std::round(title_rect_.top));
    target.draw(t);
    std::string source = view.ind.lang == Language::Dutch ? geometry_.source_nl : geometry_.source;
    // The boundaries' source whole, or without its note on the districts ("; wijken van de stad Utrecht:
    // schematische vlakken") when it does not fit: the inset's caption says that too.
    const std::size_t note_at = source.find("; ");
    if (note_at != std::string::npos &&
        sf::Text(sf::String::fromUtf8(source.begin(), source.end()), font_, style_.label_px).getLocalBounds().width >
            title_rect_.width)
        source.resize(note_at);
    sf::Text s = fitted(!note_.empty() ? note_ : caption_.empty() ? source : indicator, font_, style_.label_px);
    s.setFillColor(note_.empty() ? kMutedInk : sf::Color(184, 78, 0));  // colours::preview
    s.setPosition(std::round(title_rect_.left), std::round(title_rect_.top + style_.title_px * 1.35f));
    target.draw(s);
}

void MapView::draw_legend(sf::RenderTarget& target, const ViewData& view) {
    const sf::FloatRect r = legend_rect_;
    if (!view.has_scale || !view.year_has_values) {
        const Language lang = view.ind.lang;
        const std::string why = view.ind.province_only() ? printf_text(ui_text(lang, "map.province_only"), view.ind.label())
                                : view.last_viewable < view.first_year
                                    ? ui_text(lang, "map.no_values")
                                    : printf_text(ui_text(lang, "map.appears"), view.ind.title(), view.year);
        // Wrapped at spaces to the legend's width, in at most two lines (the legend's height).
        std::vector<std::string> lines(1);
        for (std::size_t from = 0; from <= why.size();) {
            const std::size_t space = std::min(why.find(' ', from), why.size());
            const std::string word = why.substr(from, space - from);
            const std::string longer = lines.back().empty() ? word : lines.back() + " " + word;
            if (!lines.back().empty() && text(longer, style_.legend_px, kMutedInk).getLocalBounds().width > r.width)
                lines.push_back(word);
            else
                lines.back() = longer;
            from = space + 1;
        }
        if (lines.size() > 2) lines.resize(2), lines[1] += "\u2026";
        for (std::size_t i = 0; i < lines.size(); ++i) {
            sf::Text t = text(lines[i], style_.legend_px, kMutedInk);
            t.setPosition(std::round(r.left), std::round(r.top + style_.legend_px * (1 + 1.3f * i)));
            target.draw(t);
        }
        if (!view.has_scale) return;
    }
    const std::string unit_text =
        view.difference ? ui_text(view.ind.lang, "map.change_unit") + view.ind.unit_label() : view.ind.unit_label();
    const float unit_w = text(unit_text, style_.legend_px, kInk).getLocalBounds().width;
    float bar_w = std::min(440.f, r.width - unit_w - style_.legend_px * 9.f);
    // A narrow map (side by side): the unit goes under the tick labels and the bar takes the width.
    const bool stacked = bar_w < r.width * 0.45f;
    if (stacked) bar_w = r.width - 16 - style_.legend_px;
    const float bar_h = style_.legend_px * 1.0f;
    const float top = r.top + style_.legend_px * 0.6f;
    const float left = r.left + 8;
    if (!view.year_has_values) return;
    sf::VertexArray va(sf::Triangles);
    const int segments = 48;
    for (int i = 0; i < segments; ++i) {
        const float x0 = left + bar_w * i / segments, x1 = left + bar_w * (i + 1) / segments;
        const double t = (i + 0.5) / segments;
        add_rect(va, {x0, top, x1 - x0 + 0.5f, bar_h}, to_sf(view.difference ? diverging(t) : viridis(t)));
    }
    const double span = view.scale.hi - view.scale.lo;
    for (double v : view.scale.values) {
        const float x = left + static_cast<float>(span > 0 ? (v - view.scale.lo) / span : 0.5) * bar_w;
        add_rect(va, {x - 0.5f, top + bar_h, 1.5f, style_.legend_px * 0.35f}, kInk);
    }
    target.draw(va);
    // Tick labels: full numbers if they fit between the ticks, else short ones (50k), else every other.
    const std::size_t n = view.scale.values.size();
    const float spacing = n > 1 ? bar_w / static_cast<float>(n - 1) : bar_w;
    auto widest = [&](bool compact) {
        float w = 0;
        for (double v : view.scale.values) {
            const std::string s = compact ? format_compact(v, view.scale.step, view.ind.lang) : format_number(v, view.scale.step, view.ind.lang);
            w = std::max(w, text(s, style_.legend_px, kInk).getLocalBounds().width);
        }
        return w + style_.legend_px * 0.8f;
    };
    const bool compact = widest(false) > spacing;
    const std::size_t every = compact && widest(true) > spacing ? 2 : 1;
    for (std::size_t i = 0; i < n; i += every) {
        const double v = view.scale.values[i];
        const float x = left + static_cast<float>(span > 0 ? (v - view.scale.lo) / span : 0.5) * bar_w;
        sf::Text t = text(compact ? format_compact(v, view.scale.step, view.ind.lang) : format_number(v, view.scale.step, view.ind.lang),
                          style_.legend_px, kInk);
        const auto b = t.getLocalBounds();
        t.setPosition(std::round(x - b.width / 2 - b.left), std::round(top + bar_h + style_.legend_px * 0.5f));
        target.draw(t);
    }
    sf::Text unit = text(unit_text, style_.legend_px, kInk);
    const float unit_y = stacked ? top + bar_h + style_.legend_px * 1.9f : top - 1;
    unit.setPosition(std::round(stacked ? left : left + bar_w + style_.legend_px), std::round(unit_y));
    target.draw(unit);
    const bool any_missing =
        std::any_of(view.zone_values.begin(), view.zone_values.end(), [](const auto& v) { return !v.has_value(); });
    if (any_missing) {
        sf::VertexArray sw(sf::Triangles);
        const float x = stacked ? left + unit_w + style_.legend_px : left + bar_w + style_.legend_px;
        const float y = stacked ? unit_y + 1 : top + bar_h + style_.legend_px * 0.6f;
        add_rect(sw, {x, y, bar_h, bar_h}, kNoValue);
        target.draw(sw);
        sf::Text t = text(ui_text(view.ind.lang, "chart.no_value"), style_.legend_px, kMutedInk);
        t.setPosition(std::round(x + bar_h * 1.4f), std::round(y - 1));
        target.draw(t);
    }
}

void MapView::draw(sf::RenderTarget& target, const ViewData& view, const std::vector<int>& selected, int hovered_zone) {
    if (selected != outlined_) {
        outlined_ = selected;
        // The whole province selected: the map's edge says it; and the real boundaries, simplified one
        // municipality at a time, do not share their edges exactly, so the outline would trace borders.
        const bool everything = static_cast<int>(selected.size()) == data_.num_zones();
        selection_edges_ = everything ? std::vector<Edge>{} : boundary(selected);
    }
    colour_panel(main_, view);
    draw_panel(target, main_, false, hovered_zone);
    if (has_inset_) {
        colour_panel(inset_, view);
        draw_panel(target, inset_, true, hovered_zone);
        draw_inset_frame(target, view.ind.lang);
    }
    draw_titles(target, view);
    draw_legend(target, view);
}

void MapView::draw_export(sf::RenderTarget& target, const ViewData& view, const std::vector<std::string>& footer) {
    const sf::FloatRect saved = area_;
    const sf::Vector2f size(target.getSize());
    const float line = style_.label_px * 1.45f;
    const float footer_h = line * static_cast<float>(footer.size()) + 12;
    target.setView(sf::View(sf::FloatRect(0, 0, size.x, size.y)));
    set_area({0, 0, size.x, size.y - footer_h});
    draw(target, view, {}, -1);
    for (std::size_t i = 0; i < footer.size(); ++i) {
        sf::Text t = text(footer[i], style_.label_px, kMutedInk);
        t.setPosition(10, std::round(size.y - footer_h + 4 + line * static_cast<float>(i)));
        target.draw(t);
    }
    set_area(saved);
}

int MapView::zone_at(sf::Vector2f pixel) const {
    const Panel* p = nullptr;
    if (has_inset_ && inset_.pixels.contains(pixel))
        p = &inset_;
    else if (main_.pixels.contains(pixel))
        p = &main_;
    if (!p) return -1;
    const Vec2 w = p->to_world(pixel);
    for (int z = 0; z < data_.num_zones(); ++z)
        if (geometry_.zones[z].contains(w)) return z;
    return -1;
}

}  // namespace hhu::viz
