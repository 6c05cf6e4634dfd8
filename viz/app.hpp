#pragma once
// The viewer's panels and their layout: a title bar, the selection sidebar (indicator, area, scenario),
// the map, the charts and the player bar (run controls and the year). It reads snapshots from the
// runner and sends it commands; it never touches the live simulation.
#include <imgui.h>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <array>
#include <chrono>
#include <cstdint>
#include <unordered_map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "changes.hpp"
#include "indicator_values.hpp"
#include "map_view.hpp"
#include "scenario_edit.hpp"
#include "sim/output/indicators.hpp"
#include "session.hpp"
#include "sim_runner.hpp"
#include "theme.hpp"
#include "view_data.hpp"
#include "viewer_text.hpp"

namespace hhu::viz {

struct Layout {
    sf::FloatRect title, sidebar, map, player;
    sf::FloatRect series, pyramid, breakdown, districts, costs;  // the charts; in workshop mode one tabbed panel (series)
    std::vector<sf::FloatRect> gaps;                      // the strips between panels
};
// Panels for a window of this size and text height; nothing overlaps. Workshop mode has one chart
// panel, with tabs, so that each chart is large.
Layout compute_layout(sf::Vector2f window, float font_px, bool workshop);

// One chart alone as a PNG, asked for by a script or a button; drawn in a frame of its own.
struct ChartRequest {
    std::string path;
    int chart = 0;  // 0 trend, 1 districts, 2 age, 3 education, 4 costs
};
// The size of a chart saved alone: 16:10, wide enough for a chart with its numbers beside it.
inline constexpr unsigned kChartPngWidth = 1280, kChartPngHeight = 800;
// Saves an image as PNG aside and renames it into place; InputError naming the path.
void save_png(const sf::Image& image, const std::string& path);

// "2021–2040".
std::string years_text(int first, int last);
// `text`, shortened with an ellipsis to fit `width` pixels in the current ImGui font.
std::string fit(const std::string& text, float width);
// `text` wrapped to the width available, at spaces only: ImGui's own wrapping also breaks after '.' and
// ',', which splits a number at its thousands separator ("20." / "000"). A word wider than the width
// stays whole on its line.
// `width` 0: the width available.
void text_wrapped_at_spaces(const std::string& text, float width = 0);
// The width of the widest word of `text` in the current font: a column narrower than it clips the word.
float widest_word(const std::string& text);

class App {
public:
    App(const ModelData& data, Session& session, MapView& map, Fonts fonts, bool workshop, Language lang);
    ~App();

    // Once per frame, before the panels: the latest snapshot, and what is drawn from it if needed.
    // Whether anything to draw changed (a snapshot, the session's runs, a message).
    bool update();
    // A message is in the title bar (it disappears after a few seconds: frames go on until then).
    // Messages put in the title bar so far: a new one (a preview or a result ready) is drawn at once.
    std::uint64_t messages_reported() const { return messages_reported_; }
    bool message_showing() const { return std::chrono::steady_clock::now() < message_until_ + std::chrono::seconds(1); }
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
    // The scenarios on screen (the live one and those side by side) and the maps drawn for them.
    int scenarios_shown() const { return 1 + static_cast<int>(side_views_.size()); }
    int maps_drawn() const { return map_switcher() ? 1 : scenarios_shown(); }
    Language language() const { return lang_; }

    // A screenshot asked for by the button or a script: saved at the end of this frame.
    void request_screenshot(std::string path) { screenshot_request_ = std::move(path); }
    std::optional<std::string> take_screenshot_request();
    void export_csv(const std::string& path);  // throws InputError
    void report(std::string message);          // shown in the title bar for a few seconds

    // The runs (edits, side by side, replicates, comparisons) live in the session; scripts drive it directly.
    Session& session() { return session_; }
    void show_scenario_panel() { sidebar_tab_request_ = 1; }
    void show_show_panel() { sidebar_tab_request_ = 0; }
    void show_chart_tab(int tab) {
        chart_tab_request_ = tab;
        changes_tab_shown_ = true;  // a tab chosen: "What changes" is no longer brought forward by itself
    }
    void load_scenario_file(const std::string& path);  // throws InputError
    void save_scenario(const std::string& path);       // throws InputError

    // "What changes" (changes.hpp), shown in place of the charts: the live scenario against its
    // baseline once both have run to the end, or two run directories opened by path.
    void show_changes(bool on) { show_changes_ = on; }
    void show_difference(bool on) { state_.difference = on; }
    // The replicates paired in "What changes" once it holds the runs as they are now; nothing before.
    std::optional<int> changes_replicates() const {
        return session_.changes_current() ? std::optional<int>(session_.changes()->replicates) : std::nullopt;
    }
    void open_runs(const std::string& baseline_dir, const std::string& scenario_dir);  // throws InputError
    void export_changes_csv(const std::string& path);                                   // throws InputError
    void export_map_png(const std::string& path);  // the map alone, for a memo (app_export.cpp); InputError
    // One chart alone for a memo: asked for here, drawn by the viewer in a frame of its own with
    // draw_chart_alone (no tooltip, no other panel), saved with save_png.
    void request_chart_png(std::string path, int chart);  // InputError for an unknown chart
    std::optional<ChartRequest> take_chart_request();
    void draw_chart_alone(int chart, sf::Vector2u size);
    // The costs panel of "What changes" (payers, returns, cost per QALY, net benefit).
    void show_costs(bool on) {
        show_costs_ = on;
        if (on) show_changes(true);
    }
    void export_costs_csv(const std::string& path);  // throws InputError
    // The scenario panel's words (the live scenario's title, the ready scenarios' cards) as CSV.
    void export_scenarios_csv(const std::string& path);  // throws InputError

private:
    // "Scenario" and the live scenario's title (on up to `most` lines); returns the lines the title took.
    int scenario_title_lines(const std::string& title, int most);
    void changes_panel();
    void costs_table(const Comparison& c);
    // A table of labels and periods (What changes, the costs panel): a heading row, then lines of a label
    // and its cells, or a group's heading. Labels beside the numbers when the panel is wide enough, else
    // above them; headings and cells wrap at spaces only, and no column is narrower than its longest word.
    struct PeriodTable {
        std::vector<std::string> heads;  // the labels' column, then one a period
        struct Line {
            bool group = false;  // a group's heading (no cells)
            std::string label;
            std::vector<std::string> cells;
        };
        std::vector<Line> lines;
    };
    void period_table(const char* id, const PeriodTable& table);
    // One table of period_table: these columns (indices of periods), at least `least` wide each, in
    // `room` pixels (the width beside the labels, or the whole width).
    void period_table_part(const char* id, const PeriodTable& table, const std::vector<std::size_t>& columns,
                           const std::vector<float>& least, std::vector<float> want, bool beside, float room);
    std::vector<std::string> export_footer() const;  // scenario, year, scale, seed; source and version
    std::string localised_estimate(const ComparisonRow& row, int period) const;  // in the panel's language
    void refresh_view();
    void difference_map();  // the map's values become the scenario minus its baseline
    void draw_title_bar();
    void draw_sidebar();
    void draw_show_tab();
    void indicator_list(float height);
    void area_list(float height);
    void scenario_summary();
    void group_heading(const char* text);
    // The title bar's buttons: their table keys (the first, the switch to What changes, none in workshop
    // mode) and their width, in the long words or the short ones.
    std::array<const char*, 5> title_button_keys(bool short_words) const;
    float title_buttons_width(bool short_words) const;
    void draw_player_bar();
    void draw_chart_panels();
    void draw_chart_tabs();
    void series_chart();
    void pyramid_chart_with_heading();
    void breakdown_chart();
    void districts_chart();
    void costs_chart();
    void scenario_panel();
    void library_cards();
    void intervention_editor();
    void add_comparisons();
    std::string zone_choice_label(const InterventionSpec& spec) const;
    float st_inner_spacing() const;
    const std::string& t(std::string_view key) const { return ui_text(lang_, key); }
    void handle_map_mouse();
    bool map_switcher() const;           // one large map and a switcher instead of maps side by side
    sf::FloatRect switcher_strip() const;  // the switcher's strip at the top of the map area
    void draw_map_switcher();
    // In a scrolling list (call after BeginChild): a drag scrolls it, as on a touch screen, unless it
    // started on a slider; the item the drag started on is then not clicked.
    void drag_to_scroll();
    // A bar chart's numbers: beside it when the panel is wide, else a "Numbers" checkbox switches the
    // chart for the table. Returns the chart's size (zero: the table alone); then numbers_table.
    ImVec2 chart_beside_table(const std::vector<Bar>& bars, bool& numbers);
    void numbers_table(const char* id, const std::vector<Bar>& bars, bool sort_descending);
    bool begin_panel(const char* id, const sf::FloatRect& r, bool scroll = false);
    void heading(const std::string& bold, const std::string& detail = "");
    void select_unit(int unit);
    void select_year(int year);  // clamped to simulated years; follows the simulation if the latest
    std::string status_text() const;
    std::array<std::string, 2> run_status_lines(float width) const;  // the scenario panel's, always two (may be empty)

    const ModelData& data_;
    Session& session_;
    SimRunner& runner_;  // the session's live run
    MapView& map_;
    std::vector<std::unique_ptr<MapView>> side_maps_;  // [session side run]: its map
    std::vector<ViewData> side_views_;                 // [session side run]: its map's data
    bool slider_held_ = false, slider_held_last_ = false;  // a slider of the scenario panel is held (this, last frame)
    bool show_numbers_districts_ = false, show_numbers_breakdown_ = false;  // narrow panels: the table, not the chart
    float table_width_ = 0;  // of the numbers table being drawn: > 0 beside the chart, -1 alone, 0 none
    int map_choice_ = 0;                               // the switcher's map: 0 the live scenario, k side run k-1
    Fonts fonts_;
    bool workshop_;
    Language lang_;
    std::vector<ReportingUnit> units_;
    Layout layout_;
    sf::Vector2u window_size_{0, 0};

    std::shared_ptr<const Snapshot> snap_;
    ViewState state_;
    ViewData view_;
    std::shared_ptr<const Snapshot> view_snap_;  // what view_ was computed from
    ViewState view_state_;
    std::optional<double> province_residents_;
    std::shared_ptr<const Snapshot> synced_province_;  // 1 January of the live year
    int hovered_zone_ = -1;
    int edits_seen_ = 0;  // the session's edits already followed (an edit shows the latest year again)

    struct SliderDrag {
        float value = 0;
        std::chrono::steady_clock::time_point moved;
    };
    std::unordered_map<std::string, SliderDrag> slider_buffer_;  // a slider being dragged
    std::string scenario_path_;        // the load/save path field
    int sidebar_tab_request_ = -1, chart_tab_request_ = -1;
    int chart_tab_ = 0;                // workshop: the chart tab shown (0 trend ... 4 costs)

    std::uint64_t comparisons_seen_ = 0;  // the session's comparisons already brought forward
    bool show_changes_ = false;        // the panel replaces the charts
    bool show_costs_ = false;          // "What changes" shows the costs panel
    std::optional<ChartRequest> chart_request_;
    bool changes_shown_once_ = false;  // the first comparison is shown unasked, later ones when chosen
    bool changes_tab_shown_ = false;   // workshop: the tab was brought forward once

    std::optional<std::string> screenshot_request_;
    std::string message_;
    std::chrono::steady_clock::time_point message_until_;
    std::uint64_t messages_reported_ = 0;
};

}  // namespace hhu::viz
