#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app.hpp"
#include "charts.hpp"
#include "screenshot.hpp"
#include "sim/core/error.hpp"

// The scenario panel (library cards, interventions and their sliders, load and save), the runs in the
// background (the baseline, scenarios side by side) and what the charts draw from them.
namespace hhu::viz {

namespace {

constexpr ImU32 kBaselineColour = IM_COL32(70, 70, 70, 255);
constexpr ImU32 kSideColours[] = {IM_COL32(230, 159, 0, 255), IM_COL32(0, 158, 115, 255)};  // Okabe-Ito
constexpr std::size_t kMaxSide = 2;  // with the live scenario: three side by side

// The first sentence of a description, at most `max` characters.
std::string first_sentence(const std::string& text, std::size_t max) {
    std::string s = text.substr(0, text.find(". ") == std::string::npos ? text.size() : text.find(". ") + 1);
    if (s.size() > max) {
        s.resize(max);
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
        if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
        s += "\u2026";
    }
    return s;
}

// `text` shortened (with an ellipsis) so that, wrapped at `width`, it takes at most `lines` lines.
std::string fit_lines(const std::string& text, float width, int lines) {
    const float most = ImGui::GetTextLineHeight() * (lines + 0.5f);
    if (ImGui::CalcTextSize(text.c_str(), nullptr, false, width).y <= most) return text;
    std::string s = text;
    while (!s.empty()) {
        const auto cut = s.find_last_of(' ');
        s.resize(cut == std::string::npos ? 0 : cut);
        if (ImGui::CalcTextSize((s + "\u2026").c_str(), nullptr, false, width).y <= most) break;
    }
    return s + "\u2026";
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Runs

void App::ensure_baseline() {
    const Scenario& live = editor_.scenario();
    // Eagerly at small scales (cheap, and ready for the first edit); at large ones only when needed.
    const bool needed = has_enabled_interventions(live) || runner_.options().scale <= 0.25;
    if (!needed) return;
    Scenario wanted;
    try {
        wanted = without_interventions(live);
    } catch (const std::exception& e) {
        report(std::string("No baseline: ") + e.what());
        return;
    }
    if (baseline_.runner && baseline_.scenario.resolved_json == wanted.resolved_json) return;
    baseline_.runner.reset();  // joins its thread
    baseline_.scenario = std::move(wanted);
    baseline_.values = std::make_unique<IndicatorValues>(data_);
    baseline_.synced.reset();
    baseline_.runner = std::make_unique<SimRunner>(data_, baseline_.scenario, runner_.options());
    baseline_.runner->run_to_end();
}

void App::rerun(bool changed) {
    if (!changed) {
        if (!editor_.error().empty()) report("Not applied: " + editor_.error());
        return;
    }
    edit_version_ = runner_.replace_scenario(editor_.scenario());
    edit_time_ = std::chrono::steady_clock::now();
    latency_.reset();
    state_.follow_latest = true;
    ensure_baseline();
    report("Re-running " + editor_.scenario().name + " to " + std::to_string(editor_.scenario().end_year) + "\u2026");
}

std::optional<double> App::result_latency() const { return latency_; }

bool App::background_ready() const {
    if (baseline_.runner && !(baseline_.synced && baseline_.synced->finished())) return false;
    for (const auto& run : side_)
        if (!(run.synced && run.synced->finished())) return false;
    return true;
}

void App::toggle_side_by_side(const std::string& which) {
    const LibraryEntry* entry = nullptr;
    for (const auto& e : library_.entries)
        if (e.file.string() == which || e.file.filename().string() == which || e.file.stem().string() == which ||
            e.scenario.name == which)
            entry = &e;
    if (!entry) throw InputError("no scenario '" + which + "' in the library (" + std::to_string(library_.entries.size()) +
                                 " files in scenarios/)");
    const std::string key = entry->file.string();
    for (auto it = side_.begin(); it != side_.end(); ++it)
        if (it->library_file == key) {
            side_.erase(it);
            view_snap_.reset();
            return;
        }
    if (side_.size() >= kMaxSide) side_.erase(side_.begin());
    BackgroundRun run;
    run.scenario = entry->scenario;
    run.library_file = key;
    run.values = std::make_unique<IndicatorValues>(data_);
    run.map = std::make_unique<MapView>(map_);
    run.runner = std::make_unique<SimRunner>(data_, run.scenario, runner_.options());
    run.runner->run_to_end();
    side_.push_back(std::move(run));
    ensure_baseline();
    view_snap_.reset();
    report(entry->scenario.name + " side by side: simulating in the background");
}

// ---------------------------------------------------------------------------------------------
// Edits (buttons, sliders and scripts)

void App::load_scenario_file(const std::string& path) {
    Scenario s = load_scenario(path);  // throws ScenarioError, an InputError
    editor_.load(std::move(s));
    scenario_path_ = path;
    rerun(true);
}

void App::edit_enable(const std::string& id, bool on) {
    int i = editor_.find(id);
    bool changed;
    if (i < 0 && on)
        changed = editor_.add_from_library(id);
    else if (i < 0)
        throw InputError("the scenario has no intervention '" + id + "'");
    else
        changed = editor_.set_enabled(i, on);
    if (!changed && !editor_.error().empty()) throw InputError(editor_.error());
    rerun(changed);
}

void App::edit_coverage(const std::string& id, double coverage) {
    const int i = editor_.find(id);
    if (i < 0) throw InputError("the scenario has no intervention '" + id + "'");
    const bool changed = editor_.set_coverage(i, coverage);
    if (!changed && !editor_.error().empty()) throw InputError(editor_.error());
    rerun(changed);
}

void App::edit_start_year(const std::string& id, int year) {
    const int i = editor_.find(id);
    if (i < 0) throw InputError("the scenario has no intervention '" + id + "'");
    const bool changed = editor_.set_start_year(i, year);
    if (!changed && !editor_.error().empty()) throw InputError(editor_.error());
    rerun(changed);
}

void App::edit_zones(const std::string& id, const std::string& code) {
    const int i = editor_.find(id);
    if (i < 0) throw InputError("the scenario has no intervention '" + id + "'");
    std::vector<std::string> zones;
    if (code != "all") {
        if (find_unit(units_, code) < 0) throw InputError("unknown zone '" + code + "'");
        zones.push_back(code);
    }
    const bool changed = editor_.set_zones(i, zones);
    if (!changed && !editor_.error().empty()) throw InputError(editor_.error());
    rerun(changed);
}

void App::save_scenario(const std::string& path) {
    editor_.save(path);
    scenario_path_ = path;
    report("Saved " + path);
}

// ---------------------------------------------------------------------------------------------
// What the charts draw from the other runs

void App::add_comparisons() {
    const Scenario& live = editor_.scenario();
    view_.series_name = live.name;
    view_.has_interventions = has_enabled_interventions(live);
    const int years = view_.end_year - view_.first_year + 1;
    auto series_of = [&](IndicatorValues& values) {
        std::vector<std::optional<double>> out(years);
        for (int y = 0; y < years; ++y) out[y] = values.get(view_.ind, view_.first_year + y, view_.unit);
        return out;
    };
    const bool comparing = view_.has_interventions || !side_.empty();
    if (comparing && baseline_.values && baseline_.synced)
        view_.lines.push_back({"Baseline (no interventions)", series_of(*baseline_.values), {}, {}, kBaselineColour,
                               true});
    for (std::size_t k = 0; k < side_.size(); ++k) {
        BackgroundRun& run = side_[k];
        if (!run.synced) continue;
        view_.lines.push_back({run.scenario.name, series_of(*run.values), {}, {}, kSideColours[k], false});
        run.view = compute_view_data(data_, *run.synced, *run.values, state_);
        run.view.scale = view_.scale;  // one colour scale for the maps side by side
        run.view.has_scale = view_.has_scale;
    }

    // Costs against QALYs gained, cumulated, for the province; each scenario against the baseline.
    const IndicatorInfo* qalys = find_indicator("qalys");
    const IndicatorInfo* cost = find_indicator("intervention_cost_eur");
    const IndicatorInfo* participants = find_indicator("intervention_participants");
    if (!qalys || !cost || !participants || !baseline_.values || !baseline_.synced) return;
    const int province = province_unit(units_);
    auto curve = [&](const std::string& name, ImU32 colour, IndicatorValues& values) {
        CostCurve c;
        c.name = name;
        c.colour = colour;
        const int last = std::min(values.last_complete_year(), baseline_.values->last_complete_year());
        double q = 0, e = 0, n = 0;
        for (int y = view_.first_year; y <= last; ++y) {
            const auto qs = values.total(*qalys, y, province), qb = baseline_.values->total(*qalys, y, province);
            const auto es = values.total(*cost, y, province), ns = values.total(*participants, y, province);
            if (!qs || !qb || !es) break;
            q += *qs - *qb;
            e += *es;
            n += ns.value_or(0);
            c.years.push_back(y);
            c.qalys_gained.push_back(q);
            c.cost_eur.push_back(e);
            c.participants.push_back(n);
        }
        if (!c.years.empty()) view_.costs.push_back(std::move(c));
    };
    if (view_.has_interventions) curve(live.name, colours::accent, values_);
    for (std::size_t k = 0; k < side_.size(); ++k)
        if (side_[k].synced && has_enabled_interventions(side_[k].scenario))
            curve(side_[k].scenario.name, kSideColours[k], *side_[k].values);
}

void App::costs_chart() {
    heading("Costs and QALYs gained", "province, cumulated since 2021");
    if (!view_.costs.empty())
        ImGui::TextDisabled("%s", fit("Intervention costs against QALYs gained over the baseline",
                                      ImGui::GetContentRegionAvail().x)
                                      .c_str());
    cost_chart(view_, ImGui::GetContentRegionAvail());
}

// ---------------------------------------------------------------------------------------------
// The panel

std::string App::zone_choice_label(const InterventionSpec& spec) const {
    if (spec.zones.empty()) return "Everywhere";
    if (spec.zones.size() == 1) {
        const int u = find_unit(units_, spec.zones[0]);
        return u >= 0 ? units_[u].name : spec.zones[0];
    }
    return std::to_string(spec.zones.size()) + " areas";
}

void App::scenario_panel() {
    const Scenario& sc = editor_.scenario();
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::BeginChild("##scenario_scroll", ImVec2(0, 0), false);
    heading("Scenario", sc.name);
    if (!sc.description.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, st.Colors[ImGuiCol_TextDisabled]);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(
            fit_lines(first_sentence(sc.description, 200), ImGui::GetContentRegionAvail().x, workshop_ ? 2 : 3).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    // Where the runs are.
    if (edit_version_ > 0 && !latency_) {
        const int y = snap_ && snap_->scenario_version == edit_version_ ? snap_->live_year() : kFirstYear;
        ImGui::Text("Re-running: %d of %d\u2026", y, sc.end_year);
    } else if (latency_) {
        char text[120];
        std::snprintf(text, sizeof text, "Last change: result to %d in %.1f s", sc.end_year, *latency_);
        ImGui::TextDisabled("%s", fit(text, ImGui::GetContentRegionAvail().x).c_str());
    }
    if (baseline_.runner) {
        const auto b = baseline_.synced;
        if (b && b->finished())
            ImGui::TextDisabled("Baseline ready (no interventions)");
        else
            ImGui::TextDisabled("Baseline: simulating %d\u2026", b ? b->live_year() : kFirstYear);
    }
    ImGui::Spacing();
    intervention_editor();
    ImGui::Spacing();
    library_cards();
    ImGui::Spacing();

    // Files.
    group_heading("Scenario file");
    if (!workshop_) {
        ImGui::SetNextItemWidth(-1);
        char buffer[512];
        std::snprintf(buffer, sizeof buffer, "%s", scenario_path_.c_str());
        if (ImGui::InputText("##path", buffer, sizeof buffer)) scenario_path_ = buffer;
        if (ImGui::Button("Load")) {
            try {
                load_scenario_file(scenario_path_);
            } catch (const std::exception& e) {
                report(std::string("Cannot load: ") + e.what());
            }
        }
        ImGui::SameLine();
        if (ImGui::Button("Save")) {
            try {
                save_scenario(scenario_path_);
            } catch (const std::exception& e) {
                report(e.what());
            }
        }
        ImGui::SameLine();
    }
    if (ImGui::Button(workshop_ ? "Save a copy" : "Save a copy in the working folder")) {
        try {
            save_scenario(timestamped_file_name(sc.name, "json"));
        } catch (const std::exception& e) {
            report(e.what());
        }
    }
    ImGui::EndChild();
}

void App::intervention_editor() {
    Scenario sc = editor_.scenario();  // a copy: edits below replace the editor's
    group_heading("Interventions");
    if (sc.interventions.empty()) ImGui::TextDisabled("None in this scenario: add one below.");
    const float width = ImGui::GetContentRegionAvail().x;
    for (int i = 0; i < static_cast<int>(sc.interventions.size()); ++i) {
        const InterventionSpec& spec = sc.interventions[i];
        ImGui::PushID(i);
        bool on = spec.enabled;
        const std::string label = fit(spec.name.empty() ? spec.id : spec.name,
                                      width - ImGui::GetFrameHeight() - st_inner_spacing());
        if (ImGui::Checkbox(label.c_str(), &on)) rerun(editor_.set_enabled(i, on));
        if (ImGui::IsItemHovered() && !spec.description.empty()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(fonts_.px * 30);
            ImGui::TextUnformatted(spec.description.c_str());
            if (!spec.source.empty()) ImGui::TextDisabled("Source: %s", spec.source.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        if (on) {
            ImGui::Indent(fonts_.px * 0.8f);
            // Light grabs, so that the values written on the sliders stay readable under them.
            ImGui::PushStyleColor(ImGuiCol_SliderGrab, ImVec4(0.62f, 0.76f, 0.90f, 1));
            ImGui::PushStyleColor(ImGuiCol_SliderGrabActive, ImVec4(0.52f, 0.68f, 0.86f, 1));
            const float w = ImGui::GetContentRegionAvail().x;
            // Coverage: the share of the eligible offered a place each year.
            const std::string key = spec.id;
            auto buffered = [&](const std::string& k, float value) {
                const auto it = slider_buffer_.find(k);
                return it != slider_buffer_.end() ? it->second : value;
            };
            auto settle = [&](const std::string& k, float v) -> bool {
                if (ImGui::IsItemActive()) {
                    slider_buffer_[k] = v;
                    return false;
                }
                const bool done = ImGui::IsItemDeactivatedAfterEdit();
                slider_buffer_.erase(k);
                return done;
            };
            if (spec.capacity_per_year > 0) {
                ImGui::TextDisabled("%s places a year", format_value_for_display(spec.capacity_per_year).c_str());
            } else {
                float pct = buffered(key + "/coverage", static_cast<float>(spec.coverage * 100));
                ImGui::SetNextItemWidth(w);
                ImGui::SliderFloat("##coverage", &pct, 0, 100, "coverage %.0f%% a year", ImGuiSliderFlags_NoInput);
                if (settle(key + "/coverage", pct)) rerun(editor_.set_coverage(i, std::round(pct) / 100.0));
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("Share of eligible residents offered a place each year");
            }
            float start = buffered(key + "/start", static_cast<float>(spec.start_year));
            int start_i = static_cast<int>(start);
            ImGui::SetNextItemWidth(w);
            ImGui::SliderInt("##start", &start_i, sc.start_year, spec.end_year, "starts in %d", ImGuiSliderFlags_NoInput);
            if (settle(key + "/start", static_cast<float>(start_i))) rerun(editor_.set_start_year(i, start_i));
            ImGui::PopStyleColor(2);
            // Target zones: everywhere, or a set of areas (each click adds or removes one).
            ImGui::SetNextItemWidth(w);
            const std::string zones_label = "where: " + zone_choice_label(spec);
            if (ImGui::BeginCombo("##zones", fit(zones_label, w - ImGui::GetFrameHeight() * 1.5f).c_str(),
                                  ImGuiComboFlags_HeightLarge)) {
                if (ImGui::Selectable("Everywhere", spec.zones.empty())) rerun(editor_.set_zones(i, {}));
                const int nz = data_.num_zones();
                std::vector<int> order;
                for (int a = kNumAggregates - 2; a >= 0; --a) order.push_back(nz + a);  // not the province again
                for (int z = 0; z < nz; ++z) order.push_back(z);
                for (int u : order) {
                    const std::string& code = units_[u].code;
                    auto zones = spec.zones;
                    const auto it = std::find(zones.begin(), zones.end(), code);
                    const bool member = it != zones.end();
                    if (ImGui::Selectable(units_[u].name.c_str(), member, ImGuiSelectableFlags_DontClosePopups)) {
                        if (member)
                            zones.erase(it);
                        else
                            zones.push_back(code);
                        rerun(editor_.set_zones(i, zones));
                    }
                }
                ImGui::EndCombo();
            }
            if (!spec.programme.empty() || spec.cost_per_participant_eur > 0) {
                std::string note = spec.programme;
                if (spec.cost_per_participant_eur > 0)
                    note += (note.empty() ? "" : " \u00B7 ") + std::string("\u20AC") +
                            format_value_for_display(spec.cost_per_participant_eur) + " per participant";
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
                ImGui::TextUnformatted(fit(note, w).c_str());
                ImGui::PopStyleColor();
            }
            ImGui::Unindent(fonts_.px * 0.8f);
        }
        ImGui::PopID();
    }
    // Add an intervention defined by another scenario of the library.
    std::vector<int> addable;
    for (int k = 0; k < static_cast<int>(library_.interventions.size()); ++k)
        if (editor_.find(library_.interventions[k].id) < 0) addable.push_back(k);
    if (!addable.empty()) {
        ImGui::SetNextItemWidth(width);
        if (ImGui::BeginCombo("##add", "+ Add an intervention\u2026", ImGuiComboFlags_HeightLarge)) {
            for (int k : addable) {
                const auto& spec = library_.interventions[k];
                const std::string item = (spec.name.empty() ? spec.id : spec.name) + "##" + spec.id;
                if (ImGui::Selectable(item.c_str())) rerun(editor_.add_from_library(spec.id));
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("From %s", library_.intervention_file[k].c_str());
            }
            ImGui::EndCombo();
        }
    }
}

float App::st_inner_spacing() const { return ImGui::GetStyle().ItemInnerSpacing.x; }

void App::library_cards() {
    group_heading(workshop_ ? "Ready scenarios" : "Ready scenarios (scenarios/*.json)");
    if (library_.entries.empty()) ImGui::TextDisabled("No scenario files found.");
    const ImGuiStyle& st = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    for (std::size_t k = 0; k < library_.entries.size(); ++k) {
        const LibraryEntry& e = library_.entries[k];
        ImGui::PushID(static_cast<int>(k));
        const bool live = e.scenario.name == editor_.scenario().name;
        const bool beside = std::any_of(side_.begin(), side_.end(),
                                        [&](const BackgroundRun& r) { return r.library_file == e.file.string(); });
        // The card's height: name, up to two lines of description, the buttons.
        const float inner = ImGui::GetContentRegionAvail().x - 2 * st.WindowPadding.x - st.ScrollbarSize;
        const std::string desc = fit_lines(first_sentence(e.scenario.description, 200), inner, 2);
        const float desc_h = desc.empty() ? 0
                                          : ImGui::CalcTextSize(desc.c_str(), nullptr, false, inner).y + st.ItemSpacing.y;
        const float h = line + desc_h + ImGui::GetFrameHeightWithSpacing() + 2 * st.WindowPadding.y;
        if (live || beside) ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(colours::accent));
        ImGui::BeginChild("##card", ImVec2(0, h), true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        ImGui::PushFont(fonts_.bold);
        ImGui::TextUnformatted(fit(e.scenario.name, inner).c_str());
        ImGui::PopFont();
        if (!desc.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, st.Colors[ImGuiCol_TextDisabled]);
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
            ImGui::TextUnformatted(desc.c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopStyleColor();
        }
        ImGui::SetCursorPosY(h - st.WindowPadding.y - ImGui::GetFrameHeight());
        ImGui::BeginDisabled(live);
        if (ImGui::Button(live ? "Shown" : "Show")) {
            editor_.load(e.scenario);
            scenario_path_ = e.file.string();
            rerun(true);
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(live);
        if (ImGui::Button(beside ? "Remove from side by side" : "Side by side")) toggle_side_by_side(e.file.string());
        ImGui::EndDisabled();
        ImGui::EndChild();
        if (live || beside) ImGui::PopStyleColor();
        ImGui::PopID();
    }
    for (const auto& w : library_.warnings) ImGui::TextDisabled("%s", fit(w, ImGui::GetContentRegionAvail().x).c_str());
}

}  // namespace hhu::viz
