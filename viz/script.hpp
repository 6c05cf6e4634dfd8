#pragma once
// --script FILE: the viewer driven by a text file, one step a line, for tests and prepared demos.
//   indicator NAME      select an indicator of the catalogue (e.g. deaths)
//   zone CODE           select a zone or aggregate (WK034403, GM0307, GM0344, U10, U16, PV26)
//   year YYYY           show that year (stops following the simulation)
//   advance_to YYYY     play until the simulation has completed that year
//   frames N            draw N frames
//   screenshot PATH     save the window as PNG at the end of this frame
//   csv PATH            save the time-series data as CSV
//   play | pause | step_month | step_year | restart
//   speed N|max         simulated months per second
//   mouse X Y           move the pointer to window pixel (X, Y), e.g. to show a tooltip
//   press X Y           move there, and press the left button in the next frame (held: a drag)
//   release X Y         move there, and release the left button in the next frame
//   click X Y           move there, and click in the next frame (press and release)
//   panel scenario|show show the sidebar's Scenario tab (or What to show)
//   tab NAME            workshop chart tab: trend, districts, age, education, costs
//   load PATH           load a scenario file as the live scenario (re-runs it)
//   enable ID           switch an intervention on (added from the library if the scenario lacks it)
//   disable ID          switch it off
//   coverage ID PCT     its coverage, percent of the eligible a year
//   start_year ID YYYY  its start year
//   target ID CODE|all  its target zone (a zone or aggregate code), or everywhere
//   side_by_side NAME   show a library scenario (file name or scenario name) side by side; again: remove
//   wait_result         wait until the latest edit's re-run has reached the end and the background runs
//                       are done; prints "result: ... s after the change"
//   wait_preview        wait until the latest edit's quick preview (a lower scale, same seed, against a
//                       baseline of that scale) has reached the end year; prints "preview: ... s after
//                       the change" (or that there is no preview at this scale, after the result)
//   uncertainty on|off  the interval over 5 replicates (extra seeds run in the background)
//   wait_replicates     wait until every replicate wanted has finished; prints "replicates: N ..."
//   save_scenario PATH  save the edited scenario as JSON
//   changes on|off      "What changes" in place of the charts (workshop: its tab), or the charts again
//   wait_changes        wait until "What changes" has its numbers; prints "changes: N replicates"
//   difference on|off   the map shows the scenario minus its baseline (or the scenario again)
//   changes_csv PATH    save the "What changes" table as CSV
//   map_png PATH        save the map alone (title, legend, scenario, source, version) as PNG
//   chart_png PATH CHART save one chart alone (trend, districts, age, education, costs) as PNG, with its
//                       title, unit, scenario, year, source and version, no tooltip
//   costs on|off        "What changes" shows the costs panel (payers, ROI, cost per QALY, net benefit)
//   costs_csv PATH      save the costs panel as CSV, each cell as hhu compare prints it
//   open_runs BASE SCEN compare two run directories written by hhu run (replicates included)
//   scenarios_csv PATH  save the scenario panel's words as CSV: the live scenario's title and each
//                       ready scenario's card (title, description), in the viewer's language
//   quit                exit (status 0)
// Blank lines and lines starting with # are ignored. The whole file is checked before the window
// opens; an error names the file and line.
#include <chrono>
#include <cstdint>
#include <optional>
#include <filesystem>
#include <string>
#include <vector>

namespace hhu::viz {

enum class ScriptOp {
    Indicator,
    Zone,
    Year,
    AdvanceTo,
    Frames,
    Screenshot,
    Csv,
    Play,
    Pause,
    StepMonth,
    StepYear,
    Restart,
    Speed,
    Mouse,
    Click,
    Press,
    Release,
    Panel,
    Tab,
    Load,
    Enable,
    Disable,
    Coverage,
    StartYear,
    Target,
    SideBySide,
    WaitResult,
    WaitPreview,
    Uncertainty,
    WaitReplicates,
    SaveScenario,
    Changes,
    WaitChanges,
    ChangesCsv,
    OpenRuns,
    MapPng,
    ChartPng,
    Costs,
    CostsCsv,
    Difference,
    ScenariosCsv,
    Quit
};

struct ScriptCommand {
    ScriptOp op = ScriptOp::Quit;
    std::string text;  // name, code, path or intervention id
    std::string text2;  // a second word (target's zone code)
    double number = 0;
    double x = 0, y = 0;  // mouse and click
    int line = 0;
};

// What the script may name, to check it before running.
struct ScriptVocabulary {
    std::vector<std::string> indicators;
    std::vector<std::string> units;
    int first_year = 0, end_year = 0;
};

std::vector<ScriptCommand> parse_script(const std::string& text, const std::string& file,
                                        const ScriptVocabulary& vocab);
std::vector<ScriptCommand> load_script(const std::filesystem::path& file, const ScriptVocabulary& vocab);

// What a script drives: the viewer.
class ScriptTarget {
public:
    virtual ~ScriptTarget() = default;
    virtual void select_indicator(const std::string& name) = 0;
    virtual void select_unit(const std::string& code) = 0;
    virtual void select_year(int year) = 0;
    virtual int last_complete_year() const = 0;
    virtual std::uint64_t run_id() const = 0;
    virtual void play() = 0;
    virtual void pause() = 0;
    virtual void step_month() = 0;
    virtual void step_year() = 0;
    virtual void restart() = 0;
    virtual void set_speed(double months_per_second) = 0;          // 0: as fast as possible
    virtual void request_screenshot(const std::string& path) = 0;  // saved when this frame is drawn
    virtual void export_csv(const std::string& path) = 0;          // throws InputError if it cannot
    enum class Button { None, Click, Press, Release };
    virtual void pointer(float x, float y, Button button) = 0;     // as if the mouse moved (and clicked)
    // The scenario panel; each throws InputError if the value or the intervention is unknown.
    virtual void show_panel(const std::string& which) = 0;
    virtual void show_tab(const std::string& which) = 0;
    virtual void load_scenario(const std::string& path) = 0;
    virtual void enable_intervention(const std::string& id, bool on) = 0;
    virtual void set_coverage(const std::string& id, double percent) = 0;
    virtual void set_start_year(const std::string& id, int year) = 0;
    virtual void set_target(const std::string& id, const std::string& code) = 0;
    virtual void side_by_side(const std::string& name) = 0;
    virtual void save_scenario(const std::string& path) = 0;
    // Seconds from the latest edit to its result at the end year with every background run done, or
    // nothing while it runs.
    virtual std::optional<double> result_ready() const = 0;
    // Seconds from the latest edit to its preview at the end year; nothing while it runs.
    virtual std::optional<double> preview_ready() const = 0;
    virtual bool has_preview() const = 0;  // edits are previewed at a lower scale
    virtual void set_uncertainty(bool on) = 0;
    // The replicates wanted (including the main run) once all have finished; nothing while they run.
    virtual std::optional<int> replicates_ready() const = 0;
    // "What changes": shown or not; its replicates once it has numbers; its CSV; two run directories.
    virtual void show_changes(bool on) = 0;
    virtual void show_difference(bool on) = 0;
    virtual std::optional<int> changes_ready() const = 0;
    virtual void export_changes_csv(const std::string& path) = 0;  // throws InputError if there is none
    virtual void export_map_png(const std::string& path) = 0;  // throws InputError if it cannot
    // One chart alone (0 trend, 1 districts, 2 age, 3 education, 4 costs), drawn off screen at the end
    // of this frame; throws InputError if it cannot.
    virtual void export_chart_png(const std::string& path, int chart) = 0;
    virtual void show_costs(bool on) = 0;
    virtual void export_costs_csv(const std::string& path) = 0;  // throws InputError if there is none
    virtual void open_runs(const std::string& baseline_dir, const std::string& scenario_dir) = 0;
    virtual void export_scenarios_csv(const std::string& path) = 0;  // throws InputError if it cannot
};

class ScriptPlayer {
public:
    enum class State { Running, Done, Quit };
    ScriptPlayer(std::vector<ScriptCommand> commands, std::string file);
    // Call once per frame before drawing: runs commands until one waits (for frames, for the
    // simulation, for a screenshot). Done: nothing left; the viewer stays open.
    State tick(ScriptTarget& target);
    // The current command waits for runs to finish (wait_preview, wait_result, wait_replicates,
    // wait_changes): the window then draws as it does for a user, not every frame.
    bool waits_for_runs() const;
    // "script FILE:LINE" of the current command, for error messages.
    std::string where() const;

private:
    std::vector<ScriptCommand> commands_;
    std::string file_;
    std::size_t next_ = 0;
    int frames_left_ = 0;
    bool waiting_ = false;  // the command at next_ has started and waits
    std::uint64_t run_before_restart_ = 0;
    std::chrono::steady_clock::time_point wait_start_;
};

}  // namespace hhu::viz
