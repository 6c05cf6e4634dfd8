#pragma once
// The map: a choropleth of the selected indicator and year over the 35 zones, drawn with SFML (the
// ImGui OpenGL2 renderer cannot take large vertex counts). Utrecht city's ten districts are small at
// province scale, so they are shown again, enlarged, in an inset. A legend gives the colour scale,
// its values and unit.
#include <SFML/Graphics.hpp>
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "map_geometry.hpp"
#include "sim/model/model_data.hpp"
#include "view_data.hpp"
#include "viewer_text.hpp"

namespace hhu::viz {

struct MapStyle {
    unsigned title_px = 18;
    unsigned label_px = 12;
    unsigned legend_px = 13;
};

class MapView {
public:
    // `bold` is used for the map's title.
    MapView(const ModelData& data, MapGeometry geometry, const sf::Font& font, const sf::Font& bold, MapStyle style);

    // Lays the map out inside `area` (window pixels); cheap when the area is unchanged.
    void set_area(sf::FloatRect area);
    sf::FloatRect area() const { return area_; }
    // Whether Utrecht city is shown again, enlarged (off for maps side by side); takes effect at set_area.
    void set_inset(bool on);
    // A caption above the map (a scenario's name, side by side); "" for none.
    void set_caption(std::string caption) { caption_ = std::move(caption); }
    // A note in place of the subtitle, in the preview colour (a quick preview is shown); "" for none.
    void set_note(std::string note) { note_ = std::move(note); }
    // `selected`: the zones of the selected area (one zone, or an aggregate's), outlined together.
    void draw(sf::RenderTarget& target, const ViewData& view, const std::vector<int>& selected, int hovered_zone);
    // The map alone for a memo: drawn on `target` (its whole size) with the title, legend and units, no
    // selection or hover, and `footer` lines (scenario, source, version) under it; the window's layout
    // is restored afterwards.
    void draw_export(sf::RenderTarget& target, const ViewData& view, const std::vector<std::string>& footer);
    // The zone under a window pixel, or -1.
    int zone_at(sf::Vector2f pixel) const;
    const MapGeometry& geometry() const { return geometry_; }

private:
    // One drawing of the zones: the whole province, or the enlarged city.
    struct Panel {
        sf::FloatRect pixels;  // where it is drawn
        Box world;             // what it shows (km)
        double scale = 1;      // pixels per km
        sf::Vector2f offset;   // pixel of world (world.min.x, world.max.y)
        sf::VertexArray fill{sf::Triangles};
        sf::VertexArray borders{sf::Lines};
        sf::VertexArray dim{sf::Triangles};  // washes out what is not the subject of the panel
        std::vector<sf::Text> labels;
        std::vector<int> label_zone;  // -1: the city as a whole
        std::vector<bool> label_outside;  // beside the province, with a leader line
        sf::VertexArray leaders{sf::Lines};
        sf::Vector2f to_pixel(Vec2 p) const;
        Vec2 to_world(sf::Vector2f px) const;
    };

    void build_panel(Panel& panel, sf::FloatRect pixels, const Box& world, bool city_labels);
    void place_labels(Panel& panel, bool city_labels);
    void colour_panel(Panel& panel, const ViewData& view);
    void place_leader_label(Panel& panel, int zone, const std::string& name, Vec2 anchor, const Box& subject,
                            bool west, float& below, std::vector<sf::FloatRect>& placed);
    bool within_zone(const Panel& panel, const sf::FloatRect& label, int zone) const;
    std::optional<sf::Text> fit_label(const Panel& panel, int zone, const std::string& name,
                                      const std::vector<Vec2>& spots, std::vector<sf::FloatRect>& placed) const;
    using Edge = std::pair<Vec2, Vec2>;
    void draw_panel(sf::RenderTarget& target, Panel& panel, bool clip, int hovered);
    void draw_edges(sf::RenderTarget& target, const Panel& panel, const std::vector<Edge>& edges, float width,
                    sf::Color colour) const;
    // The boundary of a set of zones: their edges that no other zone of the set shares.
    std::vector<Edge> boundary(const std::vector<int>& zones) const;
    void draw_titles(sf::RenderTarget& target, const ViewData& view);
    void draw_legend(sf::RenderTarget& target, const ViewData& view);
    void draw_inset_frame(sf::RenderTarget& target, Language lang);
    sf::Color fill_colour(const ViewData& view, int zone) const;
    sf::Text text(const std::string& s, unsigned px, sf::Color colour) const;

    const ModelData& data_;
    MapGeometry geometry_;
    const sf::Font& font_;
    const sf::Font& bold_;
    MapStyle style_;
    std::vector<std::size_t> first_vertex_;  // [zone]: start of its triangles in a panel's fill
    Box province_box_, city_box_;
    sf::FloatRect area_;
    sf::FloatRect legend_rect_, title_rect_;
    Panel main_, inset_;
    bool has_inset_ = false, can_inset_ = false, want_inset_ = true;
    std::string caption_;
    std::string note_;
    std::vector<int> outlined_;  // the zones selection_edges_ belong to
    std::vector<Edge> selection_edges_;
};

}  // namespace hhu::viz
