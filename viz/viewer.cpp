#include "viewer.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <thread>

#include <SFML/Graphics.hpp>
#include <imgui.h>

#include "app.hpp"
#include "imgui_sfml_glue.hpp"
#include "map_view.hpp"
#include "screenshot.hpp"
#include "sim/core/error.hpp"
#include "sim_runner.hpp"
#include "theme.hpp"

namespace hhu::viz {

namespace {

const sf::Color kBackground(222, 226, 232);

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
    r.threads = o.threads > 0 ? o.threads : std::max(1, cores - 1);
    return r;
}

struct FrameStats {
    int frames = 0;
    double seconds = 0, slowest = 0;
    void add(double dt) {
        ++frames;
        seconds += dt;
        slowest = std::max(slowest, dt);
    }
};

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

private:
    bool headless_run() const { return options_.frames > 0 || player_.has_value(); }
    bool handle_events(sf::RenderWindow& window, ImGuiSfmlGlue& glue);
    void print_summary(const FrameStats& stats) const;

    const ViewerOptions& options_;
    const ModelData& data_;
    const Scenario& scenario_;
    MapGeometry geometry_;
    std::optional<ScriptPlayer> player_;
    std::unique_ptr<SimRunner> runner_;
    std::unique_ptr<App> app_;
};

bool Viewer::handle_events(sf::RenderWindow& window, ImGuiSfmlGlue& glue) {
    sf::Event e;
    while (window.pollEvent(e)) {
        if (e.type == sf::Event::Closed) return false;
        if (e.type == sf::Event::Resized)
            window.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(e.size.width), static_cast<float>(e.size.height))));
        glue.handle_event(e);
    }
    return true;
}

void Viewer::print_summary(const FrameStats& stats) const {
    const auto snap = runner_->latest();
    const Layout& l = app_->current_layout();
    std::printf("map area: %.0f %.0f %.0f %.0f\n", l.map.left, l.map.top, l.map.width, l.map.height);
    std::printf("frames: %d in %.2f s, average %.1f fps, slowest frame %.1f ms (scale %g, %d simulation threads)\n",
                stats.frames, stats.seconds, stats.seconds > 0 ? stats.frames / stats.seconds : 0.0,
                stats.slowest * 1000, runner_->options().scale, runner_->options().threads);
    if (snap)
        std::printf("simulated: %d of %d months (last complete year %d), %.1f ms per month\n", snap->steps_done,
                    snap->end_step, snap->last_complete_year(), snap->step_seconds * 1000);
}

int Viewer::run() {
    // The fallback cursor is declared before the window so that it outlives it (TOOLCHAIN.md).
    sf::Cursor arrow;
    arrow.loadFromSystem(sf::Cursor::Arrow);
    sf::ContextSettings gl;
    gl.antialiasingLevel = 4;
    const std::string title = "hhu \u2013 Utrecht region 2021\u20132040 (" + scenario_.name + ")";
    const sf::VideoMode mode = window_mode(options_.workshop);
    sf::RenderWindow window(mode, sf::String::fromUtf8(title.begin(), title.end()),
                            options_.workshop ? sf::Style::Fullscreen : sf::Style::Default, gl);
    window.setPosition({0, 0});  // SFML places windows partly off-screen on Xvfb
    window.setFramerateLimit(60);

    const float px = font_px_for(window.getSize().y, options_.workshop);
    ImGuiSfmlGlue glue(window, arrow);
    const Fonts fonts = load_fonts(px);
    apply_theme(options_.workshop, px);
    sf::Font map_font;
    if (!map_font.loadFromFile(kFontPath)) std::cerr << "hhu-viewer: warning: cannot load " << kFontPath << "\n";
    MapStyle style;
    style.title_px = static_cast<unsigned>(std::round(px * 1.15f));
    style.label_px = static_cast<unsigned>(std::round(std::max(11.f, px * 0.8f)));
    style.legend_px = static_cast<unsigned>(std::round(px * 0.9f));
    MapView map(data_, geometry_, map_font, style);

    runner_ = std::make_unique<SimRunner>(data_, scenario_, run_options(options_, scenario_));
    app_ = std::make_unique<App>(data_, *runner_, map, fonts, options_.workshop);
    if (headless_run()) {
        runner_->set_speed(0);
        runner_->play();
    }

    int status = 0;
    FrameStats stats;
    sf::Clock clock;
    bool running = true;
    while (running && window.isOpen()) {
        if (!handle_events(window, glue)) break;
        const float dt = clock.restart().asSeconds();
        if (stats.frames > 0 || dt > 0) stats.add(dt);
        try {
            if (player_) {
                const auto state = player_->tick(*this);
                if (state == ScriptPlayer::State::Quit) break;
                if (state == ScriptPlayer::State::Done) player_.reset();
            }
        } catch (const InputError& e) {
            std::cerr << "hhu-viewer: " << player_->where() << ": " << e.what() << "\n";
            status = 1;
            break;
        }
        if (const std::string err = runner_->error(); !err.empty() && headless_run()) {
            std::cerr << "hhu-viewer: the simulation failed: " << err << "\n";
            status = 1;
            break;
        }
        app_->update();
        app_->layout(window.getSize());
        glue.new_frame(dt);
        app_->draw_panels();
        window.clear(kBackground);
        app_->draw_map(window);
        glue.render();

        const bool last_frame = options_.frames > 0 && stats.frames >= options_.frames;
        if (last_frame && !options_.screenshot.empty()) app_->request_screenshot(options_.screenshot);
        if (const auto path = app_->take_screenshot_request()) {
            if (save_window_png(window, *path)) {
                app_->report("Saved " + *path);
            } else if (headless_run()) {
                std::cerr << "hhu-viewer: cannot save the screenshot " << *path << "\n";
                status = 1;
                break;
            } else {
                app_->report("Could not save " + *path);
            }
        }
        window.display();
        if (last_frame) running = false;
    }
    if (headless_run()) print_summary(stats);
    app_.reset();
    runner_.reset();  // joins the simulation thread
    return status;
}

}  // namespace

int run_viewer(const ViewerOptions& options, const ModelData& data, const Scenario& scenario, MapGeometry geometry,
               std::vector<ScriptCommand> script) {
    Viewer viewer(options, data, scenario, std::move(geometry), std::move(script));
    return viewer.run();
}

}  // namespace hhu::viz
