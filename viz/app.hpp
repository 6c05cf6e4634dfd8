#pragma once
// The viewer's panels and their layout: a title bar, the selection sidebar (indicator, area, scenario),
// the map, the charts and the player bar (run controls and the year). It reads snapshots from the
// runner and sends it commands; it never touches the live simulation.
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "indicator_values.hpp"
#include "map_view.hpp"
#include "sim/output/indicators.hpp"
#include "sim_runner.hpp"
#include "theme.hpp"
#include "view_data.hpp"

namespace hhu::viz {

struct Layout {
    sf::FloatRect title, sidebar, map, player;
    sf::FloatRect series, pyramid, breakdown, districts;  // the charts; in workshop mode one tabbed panel (series)
    std::vector<sf::FloatRect> gaps;                      // the strips between panels
};
// Panels for a window of this size and text height; nothing overlaps. Workshop mode has one chart
// panel, with tabs, so that each chart is large.
Layout compute_layout(sf::Vector2f window, float font_px, bool workshop);

// "2021–2040".
std::string years_text(int first, int last);
// `text`, shortened with an ellipsis to fit `width` pixels in the current ImGui font.
std::string fit(const std::string& text, float width);

class App {
public:
    App(const ModelData& data, SimRunner& runner, MapView& map, Fonts fonts, bool workshop);

    // Once per frame, before the panels: the latest snapshot, and what is drawn from it if needed.
    void update();
    void layout(sf::Vector2u window_size);
    // The ImGui panels, the map's tooltip and clicks (between ImGui's new frame and render).
    void draw_panels();
    // The window's backdrop and the map, with SFML (before ImGui renders). Panels have no
    // background of their own: the window is cleared to the panels' colour and only the strips
    // between them are painted, because every covered pixel costs on a software renderer.
    void draw_backdrop(sf::RenderTarget& target) const;
    void draw_map(sf::RenderTarget& target);

    ViewState& state() { return state_; }
    const ViewData& view() const { return view_; }
    const std::vector<ReportingUnit>& units() const { return units_; }
    std::shared_ptr<const Snapshot> snapshot() const { return snap_; }
    const Layout& current_layout() const { return layout_; }

    // A screenshot asked for by the button or a script: saved at the end of this frame.
    void request_screenshot(std::string path) { screenshot_request_ = std::move(path); }
    std::optional<std::string> take_screenshot_request();
    void export_csv(const std::string& path);  // throws InputError
    void report(std::string message);          // shown in the title bar for a few seconds

private:
    void refresh_view();
    void draw_title_bar();
    void draw_sidebar();
    void indicator_list(float height);
    void area_list(float height);
    void scenario_summary();
    void group_heading(const char* text);
    void draw_player_bar();
    void draw_chart_panels();
    void draw_chart_tabs();
    void series_chart();
    void pyramid_chart_with_heading();
    void breakdown_chart();
    void districts_chart();
    void handle_map_mouse();
    bool begin_panel(const char* id, const sf::FloatRect& r, bool scroll = false);
    void heading(const std::string& bold, const std::string& detail = "");
    void select_unit(int unit);
    void select_year(int year);  // clamped to simulated years; follows the simulation if the latest
    std::string status_text() const;

    const ModelData& data_;
    SimRunner& runner_;
    MapView& map_;
    Fonts fonts_;
    bool workshop_;
    std::vector<ReportingUnit> units_;
    Layout layout_;
    sf::Vector2u window_size_{0, 0};

    std::shared_ptr<const Snapshot> snap_;
    std::shared_ptr<const Snapshot> synced_snap_;  // what values_ last took
    IndicatorValues values_;
    ViewState state_;
    ViewData view_;
    std::shared_ptr<const Snapshot> view_snap_;  // what view_ was computed from
    ViewState view_state_;
    std::optional<double> province_residents_;  // 1 January of the live year
    int hovered_zone_ = -1;

    std::optional<std::string> screenshot_request_;
    std::string message_;
    std::chrono::steady_clock::time_point message_until_;
};

}  // namespace hhu::viz
