#include "viewer.hpp"

#include <imgui.h>

#include <SFML/Graphics.hpp>
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <thread>
#include <vector>

#include "app.hpp"
#include "imgui_sfml_glue.hpp"
#include "map_view.hpp"
#include "screenshot.hpp"
#include "sim/core/error.hpp"
#include "sim_runner.hpp"
#include "theme.hpp"
#include "thread_cpu.hpp"
#include "viewer_text.hpp"

namespace hhu::viz {

namespace {

// The whole screen up to full HD; on Xvfb (no window manager) the window covers the screen.
sf::VideoMode window_mode(bool workshop) {
    const sf::VideoMode desktop = sf::VideoMode::getDesktopMode();
    if (workshop) return desktop;
    return sf::VideoMode(std::min(desktop.width, 1920u), std::min(desktop.height, 1080u));
}

RunOptions run_options(const ViewerOptions& o, const Scenario& s) {
    RunOptions r;
    r.scale = o.scale;
    r.seed = s.seed;
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    // All cores: the window keeps its share without a core of its own (while an edit re-runs it draws 5 frames a
    // second; with the simulation on both cores of a 2-core machine it still drew 48.9 frames a second at full
    // scale, viz/README.md), and an edit's full result comes sooner (3.0-3.2 s instead of 4.2-4.6 s at scale 0.1).
    r.threads = o.threads > 0 ? o.threads : cores;
    r.live_counters = true;  // the charts show the year in progress
    return r;
}

struct FrameStats {
    int frames = 0;
    double seconds = 0, slowest = 0;
    std::vector<double> times;  // every frame's duration (from the frame before), for percentiles
    std::vector<double> work;   // every frame's own work: view, panels, drawing and presenting
    // Where a frame's time goes: reading the snapshot and computing the view, building the panels,
    // drawing (map and ImGui), presenting.
    double update = 0, panels = 0, draw = 0, present = 0;
    void add(double dt) {
        ++frames;
        seconds += dt;
        slowest = std::max(slowest, dt);
        times.push_back(dt);
    }
    static double percentile(const std::vector<double>& v, double p) {
        if (v.empty()) return 0;
        std::vector<double> sorted = v;
        std::sort(sorted.begin(), sorted.end());
        return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(p * sorted.size()))];
    }
};

double ms_since(sf::Clock& c) { return c.restart().asSeconds() * 1000; }

// Sleeps until 1/limit seconds after the last frame began (`since_frame` restarted then).
void pace(const sf::Clock& since_frame, unsigned limit) {
    const sf::Time left = sf::seconds(1.f / static_cast<float>(limit)) - since_frame.getElapsedTime();
    if (left > sf::Time::Zero) sf::sleep(left);
}

class Viewer final : public ScriptTarget {
public:
    Viewer(const ViewerOptions& o, const ModelData& data, const Scenario& scenario, MapGeometry geometry,
           std::vector<ScriptCommand> script)
        : options_(o), data_(data), scenario_(scenario), geometry_(std::move(geometry)) {
        if (!o.script.empty()) player_.emplace(std::move(script), o.script);
    }

    int run();

    // ScriptTarget
    void select_indicator(const std::string& name) override { app_->state().indicator = catalogue_index(name); }
    void select_unit(const std::string& code) override { app_->state().unit = find_unit(app_->units(), code); }
    void select_year(int year) override {
        app_->state().year = year;
        app_->state().follow_latest = false;
    }
    int last_complete_year() const override {
        const auto s = runner_->latest();
        return s ? s->last_complete_year() : kFirstYear - 1;
    }
    std::uint64_t run_id() const override {
        const auto s = runner_->latest();
        return s ? s->run_id : 0;
    }
    void play() override { runner_->play(); }
    void pause() override { runner_->pause(); }
    void step_month() override { runner_->step_months(1); }
    void step_year() override { runner_->step_to_next_year(); }
    void restart() override { runner_->restart(); }
    void set_speed(double mps) override { runner_->set_speed(mps); }
    void request_screenshot(const std::string& path) override { app_->request_screenshot(path); }
    void export_csv(const std::string& path) override {
        app_->update();
        app_->export_csv(path);
    }
    void show_panel(const std::string& which) override {
        if (which == "scenario")
            app_->show_scenario_panel();
        else
            app_->show_show_panel();
    }
    void show_tab(const std::string& which) override {
        const char* names[] = {"trend", "districts", "age", "education", "costs"};
        for (int t = 0; t < 5; ++t)
            if (which == names[t]) app_->show_chart_tab(t);
    }
    void load_scenario(const std::string& path) override { app_->load_scenario_file(path); }
    void enable_intervention(const std::string& id, bool on) override { session_->edit_enable(id, on); }
    void set_coverage(const std::string& id, double percent) override { session_->edit_coverage(id, percent / 100); }
    void set_start_year(const std::string& id, int year) override { session_->edit_start_year(id, year); }
    void set_target(const std::string& id, const std::string& code) override { session_->edit_zones(id, code); }
    void side_by_side(const std::string& name) override { session_->toggle_side_by_side(name); }
    void save_scenario(const std::string& path) override { app_->save_scenario(path); }
    std::optional<double> result_ready() const override {
        if (!session_->background_ready()) return std::nullopt;
        if (session_->edited()) return session_->result_latency();
        const auto s = runner_->latest();
        return s && s->finished() ? std::optional<double>(0.0) : std::nullopt;
    }
    std::optional<double> preview_ready() const override { return session_->preview_latency(); }
    bool has_preview() const override { return session_->preview_enabled(); }
    void set_uncertainty(bool on) override { session_->set_uncertainty(on); }
    std::optional<int> replicates_ready() const override {
        if (!session_->replicates_ready() || session_->rerunning()) return std::nullopt;
        return std::max(1, session_->replicates_wanted());
    }
    void show_changes(bool on) override {
        app_->show_changes(on);
        if (on) app_->show_chart_tab(5);  // workshop: its tab
    }
    void show_difference(bool on) override { app_->show_difference(on); }
    std::optional<int> changes_ready() const override {
        app_->update();
        return app_->changes_replicates();
    }
    void export_changes_csv(const std::string& path) override {
        app_->update();
        app_->export_changes_csv(path);
    }
    void export_scenarios_csv(const std::string& path) override { app_->export_scenarios_csv(path); }
    void export_map_png(const std::string& path) override {
        app_->update();
        app_->export_map_png(path);
    }
    void export_chart_png(const std::string& path, int chart) override {
        // Between two frames: the chart's own ImGui frame is drawn and saved at once.
        app_->request_chart_png(path, chart);
        save_chart(*app_->take_chart_request());
    }
    void show_costs(bool on) override {
        app_->show_costs(on);
        if (on) app_->show_chart_tab(5);  // workshop: the tab of What changes
    }
    void export_costs_csv(const std::string& path) override {
        app_->update();
        app_->export_costs_csv(path);
    }
    void open_runs(const std::string& baseline_dir, const std::string& scenario_dir) override {
        app_->open_runs(baseline_dir, scenario_dir);
    }
    void pointer(float x, float y, Button button) override {
        sf::Event e;
        e.type = sf::Event::MouseMoved;
        e.mouseMove = {static_cast<int>(x), static_cast<int>(y)};
        pending_events_.push_back(e);
        if (button == Button::None) return;
        e.mouseButton = {sf::Mouse::Left, static_cast<int>(x), static_cast<int>(y)};
        e.type = sf::Event::MouseButtonPressed;
        if (button != Button::Release) pending_events_.push_back(e);
        e.type = sf::Event::MouseButtonReleased;
        if (button != Button::Press) pending_events_.push_back(e);
    }

private:
    bool headless_run() const { return options_.frames > 0 || player_.has_value(); }
    bool handle_events(sf::RenderWindow& window, ImGuiSfmlGlue& glue, bool& input);  // input: an event came
    // Runs the script's steps for this frame; an exit status if the run ends (quit, or an error).
    std::optional<int> advance_script(ImGuiSfmlGlue& glue);
    // Frames to draw now (0: none): see the definition.
    int frames_due(bool input, bool changed, const sf::Clock& since_drawn);
    void draw_frame(sf::RenderWindow& window, ImGuiSfmlGlue& glue, float dt);
    // A chart asked for alone: drawn in an ImGui frame of its own into an off-screen texture and saved;
    // an exit status if that fails in a scripted run.
    std::optional<int> export_chart();
    void save_chart(const ChartRequest& request);  // throws InputError
    // Saves a requested screenshot; an exit status if that fails in a scripted run.
    std::optional<int> save_screenshot(const sf::RenderWindow& window);
    void print_summary() const;

    const ViewerOptions& options_;
    const ModelData& data_;
    const Scenario& scenario_;
    MapGeometry geometry_;
    std::optional<ScriptPlayer> player_;
    std::unique_ptr<SimRunner> runner_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<App> app_;
    std::vector<sf::Event> pending_events_;  // from the script, handed to the glue like real input
    std::FILE* frame_log_ = nullptr;         // --frame-log: one line a frame
    ImGuiSfmlGlue* glue_ = nullptr;          // the window's, while run() runs
    FrameStats stats_;
    std::uint64_t messages_seen_ = 0;  // the App's messages_reported() at the last look
};

bool Viewer::handle_events(sf::RenderWindow& window, ImGuiSfmlGlue& glue, bool& input) {
    sf::Event e;
    while (window.pollEvent(e)) {
        input = true;
        if (e.type == sf::Event::Closed) return false;
        if (e.type == sf::Event::Resized)
            window.setView(
                sf::View(sf::FloatRect(0, 0, static_cast<float>(e.size.width), static_cast<float>(e.size.height))));
        glue.handle_event(e);
    }
    return true;
}

void Viewer::print_summary() const {
    const FrameStats& stats = stats_;
    const auto snap = runner_->latest();
    const Layout& l = app_->current_layout();
    std::printf("map area: %.0f %.0f %.0f %.0f\n", l.map.left, l.map.top, l.map.width, l.map.height);
    std::printf("map: %s\n", geometry_.source.c_str());
    std::printf("maps: %d drawn for %d scenarios%s; language %s\n", app_->maps_drawn(), app_->scenarios_shown(),
                app_->maps_drawn() < app_->scenarios_shown() ? " (one large map and a switcher)" : "",
                language_code(app_->language()));
    std::printf(
        "frames: %d in %.2f s, average %.1f fps; frame time 95th percentile %.1f ms, slowest %.1f ms "
        "(scale %g, %d simulation threads)\n",
        stats.frames, stats.seconds, stats.seconds > 0 ? stats.frames / stats.seconds : 0.0,
        FrameStats::percentile(stats.times, 0.95) * 1000, stats.slowest * 1000, runner_->options().scale, runner_->options().threads);
    const double n = std::max(1, stats.frames);
    std::printf("per frame: view %.1f ms, panels %.1f ms, drawing %.1f ms, presenting %.1f ms; work median %.1f ms, "
                "95th percentile %.1f ms\n",
                stats.update / n, stats.panels / n, stats.draw / n, stats.present / n,
                FrameStats::percentile(stats.work, 0.5) * 1000, FrameStats::percentile(stats.work, 0.95) * 1000);
    std::printf("cpu: %s\n", thread_cpu_text(thread_cpu_times()).c_str());
    if (snap)
        std::printf("simulated: %d of %d months (last complete year %d), %.1f ms per month\n", snap->steps_done,
                    snap->end_step, snap->last_complete_year(), snap->step_seconds * 1000);
}

MapStyle map_style(float px) {
    MapStyle style;
    style.title_px = static_cast<unsigned>(std::round(px * 1.15f));
    style.label_px = static_cast<unsigned>(std::round(std::max(11.f, px * 0.8f)));
    style.legend_px = static_cast<unsigned>(std::round(px * 0.9f));
    return style;
}

int Viewer::run() {
    // The fallback cursor is declared before the window so that it outlives it (viz/README.md, Pitfalls).
    sf::Cursor arrow;
    arrow.loadFromSystem(sf::Cursor::Arrow);
    // No multisampling: on a software renderer (Xvfb, Mesa) it costs half the frame rate.
    const sf::ContextSettings gl(0, 0, 0);
    const Language lang = options_.language.empty() ? (options_.workshop ? Language::Dutch : Language::English)
                                                    : parse_language(options_.language);
    const std::string title = "hhu \u2013 " + ui_text(lang, "title.region") + " (" + scenario_.name + ")";
    sf::RenderWindow window(window_mode(options_.workshop), sf::String::fromUtf8(title.begin(), title.end()),
                            options_.workshop ? sf::Style::Fullscreen : sf::Style::Default, gl);
    window.setPosition({0, 0});  // SFML places windows partly off-screen on Xvfb
    window.setFramerateLimit(0);  // paced by the loop itself (pace)

    const float px = font_px_for(window.getSize().y, options_.workshop);
    ImGuiSfmlGlue glue(window, arrow);
    glue_ = &glue;
    const Fonts fonts = load_fonts(px);
    apply_theme(options_.workshop, px);
    sf::Font map_font, map_bold;
    if (!map_font.loadFromFile(kFontPath)) std::cerr << "hhu-viewer: warning: cannot load " << kFontPath << "\n";
    if (!map_bold.loadFromFile(kBoldFontPath)) map_bold = map_font;
    MapView map(data_, geometry_, map_font, map_bold, map_style(px));

    runner_ = std::make_unique<SimRunner>(data_, scenario_, run_options(options_, scenario_));
    runner_->name_thread("hhu-live");
    ScenarioLibrary library = load_library(options_.library);
    for (const auto& w : library.warnings) std::cerr << "hhu-viewer: warning: scenario library: " << w << "\n";
    session_ = std::make_unique<Session>(data_, *runner_, std::move(library));
    app_ = std::make_unique<App>(data_, *session_, map, fonts, options_.workshop, lang);
    if (options_.open_runs.size() == 2) app_->open_runs(options_.open_runs[0], options_.open_runs[1]);
    if (headless_run()) {
        runner_->set_speed(0);
        runner_->play();
    }
    if (!options_.frame_log.empty()) {
        frame_log_ = std::fopen(options_.frame_log.c_str(), "w");
        if (!frame_log_) throw InputError("cannot write " + options_.frame_log);
        std::fprintf(frame_log_, "frame,seconds,frame_ms,work_ms,months_simulated\n");
    }
    int status = 0;
    sf::Clock clock, since_drawn;
    int settle = 0;  // frames still to draw after the last change, so that ImGui's hover and layout settle
    while (window.isOpen()) {
        bool input = false;
        if (!handle_events(window, glue, input)) break;
        if (const auto end = advance_script(glue)) {
            status = *end;
            break;
        }
        if (const auto end = export_chart()) {
            status = *end;
            break;
        }
        const bool changed = app_->update();
        settle = std::max(settle, frames_due(input || glue.mouse_held(), changed, since_drawn));
        // While an edit re-runs, 36 frames a second leave the simulation more of a 2-core machine.
        const unsigned limit = session_->rerunning() ? 36 : 60;
        if (settle == 0) {  // nothing to draw: look again for input in 10 ms
            sf::sleep(sf::milliseconds(10));
            continue;
        }
        pace(clock, limit);  // our own frame pacing, so that "presenting" below is the swap alone
        --settle;
        const float dt = clock.restart().asSeconds();
        since_drawn.restart();
        stats_.add(dt);
        sf::Clock work;
        draw_frame(window, glue, dt);
        const bool last_frame = options_.frames > 0 && stats_.frames >= options_.frames;
        if (last_frame && !options_.screenshot.empty()) app_->request_screenshot(options_.screenshot);
        if (const auto end = save_screenshot(window)) {
            status = *end;
            break;
        }
        sf::Clock phase;
        window.display();
        stats_.present += ms_since(phase);
        const double work_ms = work.getElapsedTime().asSeconds() * 1000;
        stats_.work.push_back(work_ms / 1000);
        if (frame_log_) {
            const auto s = runner_->latest();
            std::fprintf(frame_log_, "%d,%.3f,%.2f,%.2f,%d\n", stats_.frames, stats_.seconds, dt * 1000.0, work_ms,
                         s ? s->steps_done : 0);
        }
        if (last_frame) break;
    }
    if (headless_run()) print_summary();
    if (frame_log_) std::fclose(frame_log_);
    app_.reset();
    session_.reset();  // joins the background runs
    runner_.reset();   // joins the simulation thread
    return status;
}

// A frame is drawn only when something may have changed: input (or a button held: a slider's debounce),
// a new message in the title bar (a preview or a result ready), a new snapshot or session state, and at
// least twice a second. On a software renderer a frame of identical pixels costs as much as any other,
// and the cores it takes are the simulation's (viz/README.md, "Frame rate"). While an edit re-runs and
// the user does nothing, what changes is the preview growing year by year and the status line's year: a
// few frames a second show it, and the cores go to the preview and the full run. --frames runs and
// scripts draw every frame (their counts are frames), except while a script waits for runs, when the
// window draws as it does for a user.
int Viewer::frames_due(bool input, bool changed, const sf::Clock& since_drawn) {
    constexpr int kSettle = 3;  // frames after a change, so that ImGui's hover and layout settle
    const bool counted = options_.frames > 0 || (player_ && !player_->waits_for_runs());
    const bool news = std::exchange(messages_seen_, app_->messages_reported()) != app_->messages_reported();
    if (counted || input || news) return kSettle;
    const float idle = since_drawn.getElapsedTime().asSeconds();
    if (idle > 0.5f) return 1;
    if (!changed && !app_->message_showing()) return 0;
    // 1/5 s between frames while the edit's runs compute: 5 frames a second show the years passing.
    if (session_->rerunning()) return idle >= 0.2f ? 1 : 0;
    return kSettle;
}

std::optional<int> Viewer::advance_script(ImGuiSfmlGlue& glue) {
    try {
        if (player_) {
            const auto state = player_->tick(*this);
            if (state == ScriptPlayer::State::Quit) return 0;
            if (state == ScriptPlayer::State::Done) player_.reset();
        }
        for (const auto& e : pending_events_) glue.handle_event(e);
        pending_events_.clear();
    } catch (const InputError& e) {
        std::cerr << "hhu-viewer: " << player_->where() << ": " << e.what() << "\n";
        return 1;
    }
    if (const std::string err = runner_->error(); !err.empty() && headless_run()) {
        std::cerr << "hhu-viewer: the simulation failed: " << err << "\n";
        return 1;
    }
    return std::nullopt;
}

void Viewer::draw_frame(sf::RenderWindow& window, ImGuiSfmlGlue& glue, float dt) {
    sf::Clock phase;
    app_->update();
    app_->layout(window.getSize());
    stats_.update += ms_since(phase);
    glue.new_frame(dt);
    app_->draw_panels();
    stats_.panels += ms_since(phase);
    window.clear(colours::panel);
    app_->draw_backdrop(window);
    app_->draw_map(window);
    glue.render();
    stats_.draw += ms_since(phase);
}

void Viewer::save_chart(const ChartRequest& request) {
    app_->update();
    const sf::Vector2u size(kChartPngWidth, kChartPngHeight);
    sf::RenderTexture texture;
    if (!texture.create(size.x, size.y)) throw InputError(request.path + ": cannot create an image for the chart");
    texture.clear(colours::panel);
    glue_->new_offscreen_frame(size);
    app_->draw_chart_alone(request.chart, size);
    glue_->render_to(texture);
    texture.display();
    save_png(texture.getTexture().copyToImage(), request.path);
    app_->report(ui_text(app_->language(), "message.saved") + request.path);
    if (headless_run()) {
        std::printf("chart png: %s %ux%u\n", request.path.c_str(), size.x, size.y);
        std::fflush(stdout);
    }
}

std::optional<int> Viewer::export_chart() {
    const auto request = app_->take_chart_request();  // the button's
    if (!request) return std::nullopt;
    try {
        save_chart(*request);
    } catch (const InputError& e) {
        if (headless_run()) {
            std::cerr << "hhu-viewer: " << e.what() << "\n";
            return 1;
        }
        app_->report(e.what());
    }
    return std::nullopt;
}

std::optional<int> Viewer::save_screenshot(const sf::RenderWindow& window) {
    const auto path = app_->take_screenshot_request();
    if (!path) return std::nullopt;
    if (save_window_png(window, *path)) {
        app_->report(ui_text(app_->language(), "message.saved") + *path);
        return std::nullopt;
    }
    if (headless_run()) {
        std::cerr << "hhu-viewer: cannot save the screenshot " << *path << "\n";
        return 1;
    }
    app_->report(ui_text(app_->language(), "message.could_not_save") + *path);
    return std::nullopt;
}

}  // namespace

int run_viewer(const ViewerOptions& options, const ModelData& data, const Scenario& scenario, MapGeometry geometry,
               std::vector<ScriptCommand> script) {
    Viewer viewer(options, data, scenario, std::move(geometry), std::move(script));
    return viewer.run();
}

}  // namespace hhu::viz
