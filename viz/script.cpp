#include "script.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <utility>

#include "sim/core/error.hpp"

namespace hhu::viz {

namespace {

struct OpInfo {
    const char* name;
    ScriptOp op;
    const char* argument;  // nullptr: none; else what it is, for messages
};

constexpr OpInfo kOps[] = {
    {"indicator", ScriptOp::Indicator, "an indicator name"},
    {"zone", ScriptOp::Zone, "a zone code"},
    {"year", ScriptOp::Year, "a year"},
    {"advance_to", ScriptOp::AdvanceTo, "a year"},
    {"frames", ScriptOp::Frames, "a number of frames"},
    {"screenshot", ScriptOp::Screenshot, "a PNG path"},
    {"csv", ScriptOp::Csv, "a CSV path"},
    {"play", ScriptOp::Play, nullptr},
    {"pause", ScriptOp::Pause, nullptr},
    {"step_month", ScriptOp::StepMonth, nullptr},
    {"step_year", ScriptOp::StepYear, nullptr},
    {"restart", ScriptOp::Restart, nullptr},
    {"speed", ScriptOp::Speed, "months per second or max"},
    {"mouse", ScriptOp::Mouse, "window coordinates X Y"},
    {"click", ScriptOp::Click, "window coordinates X Y"},
    {"press", ScriptOp::Press, "window coordinates X Y"},
    {"release", ScriptOp::Release, "window coordinates X Y"},
    {"panel", ScriptOp::Panel, "scenario or show"},
    {"tab", ScriptOp::Tab, "a chart tab (trend, districts, age, education, costs)"},
    {"load", ScriptOp::Load, "a scenario file"},
    {"enable", ScriptOp::Enable, "an intervention id"},
    {"disable", ScriptOp::Disable, "an intervention id"},
    {"coverage", ScriptOp::Coverage, "an intervention id and a percentage"},
    {"start_year", ScriptOp::StartYear, "an intervention id and a year"},
    {"target", ScriptOp::Target, "an intervention id and a zone code (or all)"},
    {"side_by_side", ScriptOp::SideBySide, "a scenario of the library"},
    {"wait_result", ScriptOp::WaitResult, nullptr},
    {"wait_preview", ScriptOp::WaitPreview, nullptr},
    {"uncertainty", ScriptOp::Uncertainty, "on or off"},
    {"wait_replicates", ScriptOp::WaitReplicates, nullptr},
    {"save_scenario", ScriptOp::SaveScenario, "a JSON path"},
    {"changes", ScriptOp::Changes, "on or off"},
    {"wait_changes", ScriptOp::WaitChanges, nullptr},
    {"changes_csv", ScriptOp::ChangesCsv, "a CSV path"},
    {"open_runs", ScriptOp::OpenRuns, "two run directories: the baseline's and the scenario's"},
    {"map_png", ScriptOp::MapPng, "a PNG path"},
    {"chart_png", ScriptOp::ChartPng, "a PNG path and a chart (trend, districts, age, education, costs)"},
    {"costs", ScriptOp::Costs, "on or off"},
    {"costs_csv", ScriptOp::CostsCsv, "a CSV path"},
    {"difference", ScriptOp::Difference, "on or off"},
    {"scenarios_csv", ScriptOp::ScenariosCsv, "a CSV path"},
    {"quit", ScriptOp::Quit, nullptr},
};

// The charts by name, in the order of the workshop's chart tabs.
int chart_number(const std::string& name) {
    const char* names[] = {"trend", "districts", "age", "education", "costs"};
    for (int k = 0; k < 5; ++k)
        if (name == names[k]) return k;
    return -1;
}

std::string trim(const std::string& s) {
    const auto a = s.find_first_not_of(" \t\r");
    if (a == std::string::npos) return "";
    return s.substr(a, s.find_last_not_of(" \t\r") + 1 - a);
}

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) {
        if (!out.empty()) out += ", ";
        out += s;
    }
    return out;
}

bool parse_int(const std::string& s, int& out) {
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

std::vector<ScriptCommand> parse_script(const std::string& text, const std::string& file,
                                        const ScriptVocabulary& vocab) {
    std::vector<ScriptCommand> out;
    std::istringstream in(text);
    std::string raw;
    for (int line = 1; std::getline(in, raw); ++line) {
        const std::string s = trim(raw);
        if (s.empty() || s[0] == '#') continue;
        const auto space = s.find_first_of(" \t");
        const std::string word = s.substr(0, space);
        const std::string arg = space == std::string::npos ? "" : trim(s.substr(space));
        auto fail = [&](const std::string& what) {
            throw InputError("script " + file + ":" + std::to_string(line) + ": " + what);
        };
        const auto* info =
            std::find_if(std::begin(kOps), std::end(kOps), [&](const OpInfo& o) { return word == o.name; });
        if (info == std::end(kOps)) {
            std::vector<std::string> names;
            for (const auto& o : kOps) names.emplace_back(o.name);
            fail("unknown command '" + word + "' (known: " + join(names) + ")");
        }
        if (info->argument && arg.empty()) fail(word + " needs " + info->argument);
        if (!info->argument && !arg.empty()) fail(word + " takes no argument, got '" + arg + "'");
        ScriptCommand c;
        c.op = info->op;
        c.text = arg;
        c.line = line;
        switch (c.op) {
            case ScriptOp::Indicator:
                if (std::find(vocab.indicators.begin(), vocab.indicators.end(), arg) == vocab.indicators.end())
                    fail("unknown indicator '" + arg + "' (known: " + join(vocab.indicators) + ")");
                break;
            case ScriptOp::Zone:
                if (std::find(vocab.units.begin(), vocab.units.end(), arg) == vocab.units.end())
                    fail("unknown zone '" + arg +
                         "' (a zone code such as WK034403 or GM0307, or GM0344, U10, U16, PV26)");
                break;
            case ScriptOp::Year:
            case ScriptOp::AdvanceTo: {
                int y = 0;
                if (!parse_int(arg, y) || y < vocab.first_year || y > vocab.end_year)
                    fail(word + " needs a year from " + std::to_string(vocab.first_year) + " to " +
                         std::to_string(vocab.end_year) + ", got '" + arg + "'");
                c.number = y;
                break;
            }
            case ScriptOp::Frames: {
                int n = 0;
                if (!parse_int(arg, n) || n < 1) fail("frames needs a positive whole number, got '" + arg + "'");
                c.number = n;
                break;
            }
            case ScriptOp::Speed: {
                int n = 0;
                if (arg == "max")
                    c.number = 0;
                else if (parse_int(arg, n) && n >= 1)
                    c.number = n;
                else
                    fail("speed needs months per second (a whole number from 1) or max, got '" + arg + "'");
                break;
            }
            case ScriptOp::Mouse:
            case ScriptOp::Click:
            case ScriptOp::Press:
            case ScriptOp::Release: {
                std::istringstream xy(arg);
                int x = 0, y = 0;
                std::string rest;
                if (!(xy >> x >> y) || (xy >> rest) || x < 0 || y < 0)
                    fail(word + " needs two whole numbers X Y (window pixels), got '" + arg + "'");
                c.x = x;
                c.y = y;
                break;
            }
            case ScriptOp::ChartPng: {
                std::istringstream words(arg);
                std::string rest;
                if (!(words >> c.text >> c.text2) || (words >> rest))
                    fail("chart_png needs a PNG path and a chart, got '" + arg + "'");
                c.number = chart_number(c.text2);
                if (c.number < 0) fail("chart_png needs trend, districts, age, education or costs, got '" + c.text2 + "'");
                break;
            }
            case ScriptOp::Uncertainty:
            case ScriptOp::Difference:
            case ScriptOp::Changes:
            case ScriptOp::Costs:
                if (arg != "on" && arg != "off") fail(word + " needs on or off, got '" + arg + "'");
                break;
            case ScriptOp::OpenRuns: {
                std::istringstream words(arg);
                std::string rest;
                if (!(words >> c.text >> c.text2) || (words >> rest))
                    fail("open_runs needs two run directories (the baseline's, then the scenario's), got '" + arg + "'");
                break;
            }
            case ScriptOp::Panel:
                if (arg != "scenario" && arg != "show") fail("panel needs scenario or show, got '" + arg + "'");
                break;
            case ScriptOp::Tab:
                if (arg != "trend" && arg != "districts" && arg != "age" && arg != "education" && arg != "costs")
                    fail("tab needs trend, districts, age, education or costs, got '" + arg + "'");
                break;
            case ScriptOp::Coverage:
            case ScriptOp::StartYear:
            case ScriptOp::Target: {
                std::istringstream words(arg);
                std::string id, value, rest;
                if (!(words >> id >> value) || (words >> rest))
                    fail(word + " needs " + info->argument + ", got '" + arg + "'");
                c.text = id;
                c.text2 = value;
                if (c.op == ScriptOp::Coverage) {
                    double pct = -1;
                    try {
                        pct = std::stod(value);
                    } catch (...) {
                    }
                    if (pct < 0 || pct > 100) fail("coverage needs a percentage from 0 to 100, got '" + value + "'");
                    c.number = pct;
                } else if (c.op == ScriptOp::StartYear) {
                    int y = 0;
                    if (!parse_int(value, y) || y < vocab.first_year || y > vocab.end_year)
                        fail("start_year needs a year from " + std::to_string(vocab.first_year) + " to " +
                             std::to_string(vocab.end_year) + ", got '" + value + "'");
                    c.number = y;
                } else if (value != "all" &&
                           std::find(vocab.units.begin(), vocab.units.end(), value) == vocab.units.end()) {
                    fail("unknown zone '" + value + "' (a zone or aggregate code, or all)");
                }
                break;
            }
            default:
                break;
        }
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<ScriptCommand> load_script(const std::filesystem::path& file, const ScriptVocabulary& vocab) {
    std::ifstream in(file);
    if (!in) throw InputError("script " + file.string() + ": cannot open the file");
    std::stringstream text;
    text << in.rdbuf();
    return parse_script(text.str(), file.string(), vocab);
}

ScriptPlayer::ScriptPlayer(std::vector<ScriptCommand> commands, std::string file)
    : commands_(std::move(commands)), file_(std::move(file)) {}

std::string ScriptPlayer::where() const {
    const int line = next_ < commands_.size() ? commands_[next_].line : 0;
    return "script " + file_ + ":" + std::to_string(line);
}

bool ScriptPlayer::waits_for_runs() const {
    if (!waiting_ || next_ >= commands_.size()) return false;
    const ScriptOp op = commands_[next_].op;
    return op == ScriptOp::WaitPreview || op == ScriptOp::WaitResult || op == ScriptOp::WaitReplicates ||
           op == ScriptOp::WaitChanges;
}

ScriptPlayer::State ScriptPlayer::tick(ScriptTarget& t) {
    while (next_ < commands_.size()) {
        const ScriptCommand& c = commands_[next_];
        const bool started = std::exchange(waiting_, false);
        switch (c.op) {
            case ScriptOp::Indicator:
                t.select_indicator(c.text);
                break;
            case ScriptOp::Zone:
                t.select_unit(c.text);
                break;
            case ScriptOp::Year:
                t.select_year(static_cast<int>(c.number));
                break;
            case ScriptOp::Play:
                t.play();
                break;
            case ScriptOp::Pause:
                t.pause();
                break;
            case ScriptOp::StepMonth:
                t.step_month();
                break;
            case ScriptOp::StepYear:
                t.step_year();
                break;
            case ScriptOp::Speed:
                t.set_speed(c.number);
                break;
            case ScriptOp::Csv:
                t.export_csv(c.text);
                break;
            case ScriptOp::Mouse:
                t.pointer(static_cast<float>(c.x), static_cast<float>(c.y), ScriptTarget::Button::None);
                ++next_;
                return State::Running;  // the glue sees it in this frame
            case ScriptOp::Click:
            case ScriptOp::Press:
            case ScriptOp::Release:
                // As a hand would: the pointer arrives in one frame and clicks in the next (ImGui's
                // overlapping items, such as tabs, only take a click where the pointer already was).
                t.pointer(static_cast<float>(c.x), static_cast<float>(c.y),
                          !started                    ? ScriptTarget::Button::None
                          : c.op == ScriptOp::Click   ? ScriptTarget::Button::Click
                          : c.op == ScriptOp::Press   ? ScriptTarget::Button::Press
                                                      : ScriptTarget::Button::Release);
                if (!started) {
                    waiting_ = true;
                    return State::Running;
                }
                ++next_;
                return State::Running;
            case ScriptOp::Quit:
                return State::Quit;
            case ScriptOp::Panel:
                t.show_panel(c.text);
                break;
            case ScriptOp::Tab:
                t.show_tab(c.text);
                break;
            case ScriptOp::Load:
                t.load_scenario(c.text);
                break;
            case ScriptOp::Enable:
            case ScriptOp::Disable:
                t.enable_intervention(c.text, c.op == ScriptOp::Enable);
                break;
            case ScriptOp::Coverage:
                t.set_coverage(c.text, c.number);
                break;
            case ScriptOp::StartYear:
                t.set_start_year(c.text, static_cast<int>(c.number));
                break;
            case ScriptOp::Target:
                t.set_target(c.text, c.text2);
                break;
            case ScriptOp::SideBySide:
                t.side_by_side(c.text);
                break;
            case ScriptOp::SaveScenario:
                t.save_scenario(c.text);
                break;
            case ScriptOp::Changes:
                t.show_changes(c.text == "on");
                break;
            case ScriptOp::ChangesCsv:
                t.export_changes_csv(c.text);
                break;
            case ScriptOp::ScenariosCsv:
                t.export_scenarios_csv(c.text);
                break;
            case ScriptOp::OpenRuns:
                t.open_runs(c.text, c.text2);
                break;
            case ScriptOp::MapPng:
                t.export_map_png(c.text);
                break;
            case ScriptOp::ChartPng:
                t.export_chart_png(c.text, static_cast<int>(c.number));
                break;
            case ScriptOp::Costs:
                t.show_costs(c.text == "on");
                break;
            case ScriptOp::CostsCsv:
                t.export_costs_csv(c.text);
                break;
            case ScriptOp::Difference:
                t.show_difference(c.text == "on");
                break;
            case ScriptOp::WaitChanges:
                if (const auto n = t.changes_ready()) {
                    std::printf("changes: %d replicate%s paired\n", *n, *n == 1 ? "" : "s");
                    std::fflush(stdout);
                    break;
                }
                waiting_ = true;
                return State::Running;
            case ScriptOp::WaitResult:
                if (const auto s = t.result_ready()) {
                    std::printf("result: %.2f s after the change (re-run to the end year, background runs done)\n",
                                *s);
                    std::fflush(stdout);
                    break;
                }
                waiting_ = true;
                return State::Running;
            case ScriptOp::WaitPreview:
                if (!t.has_preview()) {
                    if (!t.result_ready()) {
                        waiting_ = true;
                        return State::Running;
                    }
                    std::printf("preview: none at this scale (the full run is the preview)\n");
                } else if (const auto s = t.preview_ready()) {
                    std::printf("preview: %.2f s after the change (quick run to the end year against its baseline)\n",
                                *s);
                } else {
                    waiting_ = true;
                    return State::Running;
                }
                std::fflush(stdout);
                break;
            case ScriptOp::Uncertainty:
                t.set_uncertainty(c.text == "on");
                break;
            case ScriptOp::WaitReplicates:
                if (!started) wait_start_ = std::chrono::steady_clock::now();
                if (const auto n = t.replicates_ready()) {
                    std::printf("replicates: %d (including the main run) after %.1f s of waiting\n", *n,
                                std::chrono::duration<double>(std::chrono::steady_clock::now() - wait_start_).count());
                    std::fflush(stdout);
                    break;
                }
                waiting_ = true;
                return State::Running;
            case ScriptOp::Restart:
                if (!started) {
                    run_before_restart_ = t.run_id();
                    t.restart();
                }
                if (t.run_id() == run_before_restart_) {  // wait for the new run's first snapshot
                    waiting_ = true;
                    return State::Running;
                }
                break;
            case ScriptOp::AdvanceTo:
                if (t.last_complete_year() < static_cast<int>(c.number)) {
                    if (!started) t.play();
                    waiting_ = true;
                    return State::Running;
                }
                break;
            case ScriptOp::Frames:
                if (!started) frames_left_ = static_cast<int>(c.number);
                if (frames_left_-- > 0) {
                    waiting_ = true;
                    return State::Running;
                }
                break;
            case ScriptOp::Screenshot:
                if (!started) {
                    t.request_screenshot(c.text);
                    waiting_ = true;
                    return State::Running;  // this frame is drawn, then saved
                }
                break;
        }
        ++next_;
    }
    return State::Done;
}

}  // namespace hhu::viz
