#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app.hpp"
#include "charts.hpp"
#include "csv_export.hpp"
#include "screenshot.hpp"
#include "sim/core/error.hpp"
#include "sim/core/statistics.hpp"

// The scenario panel (library cards, interventions and their sliders, load and save), the runs in the
// background (the baseline, scenarios side by side) and what the charts draw from them.
namespace hhu::viz {

namespace {

constexpr ImU32 kBaselineColour = IM_COL32(70, 70, 70, 255);
constexpr ImU32 kSideColours[] = {IM_COL32(230, 159, 0, 255), IM_COL32(0, 158, 115, 255)};  // Okabe-Ito

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

// `text` broken at spaces into lines of at most `width` pixels ('\n' between them), at most `lines` of
// them, the last shortened with an ellipsis if the rest does not fit: a label of a checkbox or a button
// on two lines rather than cut ("+ Interventie / toevoegen" in the workshop's narrow sidebar).
std::string break_lines(const std::string& text, float width, int lines) {
    std::string out, line;
    std::size_t from = 0;
    for (int k = 1; from < text.size(); ++k) {
        if (k == lines) return out + fit(text.substr(from), width);
        std::size_t end = from, next = text.find(' ', from);
        while (next != std::string::npos && ImGui::CalcTextSize(text.substr(from, next - from).c_str()).x <= width) {
            end = next;
            next = text.find(' ', next + 1);
        }
        if (next == std::string::npos && ImGui::CalcTextSize(text.substr(from).c_str()).x <= width)
            return out + text.substr(from);
        if (end == from) return out + fit(text.substr(from), width);  // one word wider than the line
        out += text.substr(from, end - from) + "\n";
        from = end + 1;
    }
    return out;
}

// Pieces of text on `lines` lines of `width` pixels: as many on a line as fit ("; " between them), the
// next on the next line with a capital; what does not fit on the last line is shortened with an ellipsis.
std::vector<std::string> pack_lines(const std::vector<std::string>& pieces, float width, std::size_t lines) {
    std::vector<std::string> out(lines);
    std::size_t k = 0;
    for (const auto& piece : pieces) {
        if (piece.empty()) continue;
        const std::string joined = out[k].empty() ? piece : out[k] + "; " + piece;
        if (out[k].empty() || ImGui::CalcTextSize(joined.c_str()).x <= width || k + 1 == lines) {
            out[k] = joined;
        } else {
            out[++k] = piece;
        }
    }
    for (auto& line : out) {
        if (!line.empty() && line[0] >= 'a' && line[0] <= 'z') line[0] = static_cast<char>(line[0] - 'a' + 'A');
        line = fit(line, width);
    }
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Files

void App::load_scenario_file(const std::string& path) {
    session_.load_scenario_file(path);
    scenario_path_ = path;
}

void App::save_scenario(const std::string& path) {
    session_.save_scenario(path);
    scenario_path_ = path;
}

// ---------------------------------------------------------------------------------------------
// What the charts draw from the other runs

void App::add_comparisons() {
    const Scenario& live = session_.scenario();
    view_.series_name = live.name;  // the CSV's scenario column: the file's name (scenario_title has the words)
    view_.series_title = plain_title(live, lang_);
    view_.has_interventions = has_enabled_interventions(live);
    const int years = view_.end_year - view_.first_year + 1;
    auto series_of = [&](IndicatorValues& values) {
        std::vector<std::optional<double>> out(years);
        for (int y = 0; y < years; ++y) out[y] = values.get(view_.ind, view_.first_year + y, view_.unit);
        return out;
    };
    if (session_.showing_preview()) {
        view_.preview_note = localise_figure(lang_, printf_text(t("scenario.preview_note"), session_.preview_options().scale * 100,
                                                                session_.full_options().scale * 100));
    }
    // The interval over replicates (sim/compare's yearly_band), the full result only.
    TrendBands bands = session_.trend_bands(view_.ind, view_.unit, view_.first_year, view_.series);
    if (!bands.lower.empty()) {
        view_.series = std::move(bands.mean);
        view_.series_lower = std::move(bands.lower);
        view_.series_upper = std::move(bands.upper);
    }
    view_.band_note = bands.note;
    const BackgroundRun& baseline = session_.shown_baseline();
    const auto& side = session_.side();
    const bool comparing = view_.has_interventions || !side.empty();
    if (comparing && baseline.values && baseline.synced)
        view_.lines.push_back({"Baseline (no interventions)",
                               bands.baseline_mean.empty() ? series_of(*baseline.values) : bands.baseline_mean,
                               bands.baseline_lower, bands.baseline_upper, kBaselineColour, true, t("chart.baseline")});
    // Side by side: each scenario's line and its map, on the live map's colour scale.
    side_views_.resize(side.size());
    while (side_maps_.size() < side.size()) side_maps_.push_back(std::make_unique<MapView>(map_));
    side_maps_.resize(side.size());
    for (std::size_t k = 0; k < side.size(); ++k) {
        const BackgroundRun& run = side[k];
        side_views_[k] = ViewData{};
        if (!run.synced) continue;
        view_.lines.push_back({run.scenario.name, series_of(*run.values), {}, {}, kSideColours[k], false,
                               plain_title(run.scenario, lang_)});
        side_views_[k] = compute_view_data(data_, *run.synced, *run.values, state_);
        side_views_[k].scale = view_.scale;  // one colour scale for the maps side by side
        side_views_[k].has_scale = view_.has_scale;
        side_views_[k].caption = plain_title(run.scenario, lang_);
    }
    // Costs against QALYs gained, cumulated, for the province; each scenario against the baseline.
    for (const SessionCostCurve& s : session_.cost_curves()) {
        CostCurve c;
        c.name = s.side < 0 ? live.name : side[s.side].scenario.name;
        c.title = plain_title(s.side < 0 ? live : side[s.side].scenario, lang_);
        c.colour = s.side < 0 ? colours::accent : kSideColours[s.side];
        c.years = s.curve.years;
        c.qalys_gained = s.curve.qalys_gained;
        c.cost_eur = s.curve.net_cost;
        c.intervention_cost_eur = s.curve.intervention_cost;
        c.care_cost_change_eur = s.curve.care_cost_change;
        c.participants = s.curve.participants;
        view_.costs.push_back(std::move(c));
    }
}

void App::costs_chart() {
    heading(t("chart.costs_title"), t("chart.costs_detail"));
    if (!view_.costs.empty())
        ImGui::TextDisabled("%s", fit(t("chart.costs_note"), ImGui::GetContentRegionAvail().x).c_str());
    cost_chart(view_, ImGui::GetContentRegionAvail());
}

// ---------------------------------------------------------------------------------------------
// The panel

std::string App::zone_choice_label(const InterventionSpec& spec) const {
    if (spec.zones.empty()) return t("scenario.everywhere");
    if (spec.zones.size() == 1) {
        const int u = find_unit(units_, spec.zones[0]);
        return u >= 0 ? units_[u].name : spec.zones[0];
    }
    return std::to_string(spec.zones.size()) + " " + t("scenario.areas");
}

std::array<std::string, 2> App::run_status_lines(float width) const {
    // The pieces in order: the preview, the full run (refining or its result), the baseline (left out once
    // the result is there: the result waits for it), packed on the two lines as they fit.
    std::vector<std::string> pieces;
    const auto preview = session_.preview_latency();
    const auto result = session_.result_latency();
    if (session_.rerunning() || result) {
        if (preview)
            pieces.push_back(printf_text(t("status.preview_in"), *preview));
        else if (session_.rerunning() && session_.preview_enabled())
            pieces.push_back(t("status.preview"));
        if (result)
            pieces.push_back(printf_text(t("status.result_in"), *result));
        else if (preview || !session_.preview_enabled())
            pieces.push_back(printf_text(t(preview ? "status.refining" : "status.rerunning"), session_.rerun_year()));
    }
    const BackgroundRun& b = session_.baseline();
    if (b.runner && !(result && b.finished())) {
        if (b.finished())
            pieces.push_back(t(workshop_ ? "status.baseline_ready" : "status.baseline_ready_long"));
        else
            pieces.push_back(printf_text(t("status.baseline_year"), b.synced ? b.synced->live_year() : kFirstYear));
    }
    for (auto& p : pieces) p = localise_figure(lang_, p);  // the seconds with a decimal comma in Dutch
    const auto lines = pack_lines(pieces, width, 2);
    return {lines[0], lines[1]};
}

int App::scenario_title_lines(const std::string& title, int most) {
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(fonts_.bold);
    const float bold_w = ImGui::CalcTextSize(t("tab.scenario").c_str()).x;
    ImGui::PopFont();
    if (bold_w + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(title.c_str()).x <= width) {
        heading(t("tab.scenario"), title);
        return 1;
    }
    heading(t("tab.scenario"), "");
    const std::string shown = fit_lines(title, width, most);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(shown.c_str());
    ImGui::PopTextWrapPos();
    const float lines = ImGui::CalcTextSize(shown.c_str(), nullptr, false, width).y / ImGui::GetTextLineHeight();
    return std::clamp(static_cast<int>(std::lround(lines)), 1, most);
}

void App::scenario_panel() {
    const Scenario& sc = session_.scenario();
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::BeginChild("##scenario_scroll", ImVec2(0, 0), false);
    drag_to_scroll();
    // The title whole: beside "Scenario" when it fits, else on lines of its own (two; three in workshop
    // mode, whose narrow sidebar holds the Dutch titles in three), in the text's colour; each line more
    // of title is taken from the description, so that the status lines and sliders below stay in place.
    const int title_lines = scenario_title_lines(plain_title(sc, lang_), workshop_ ? 3 : 2);
    const std::string description = plain_description(sc, lang_);
    const int description_lines = (workshop_ ? 2 : 3) - (title_lines - 1);
    if (!description.empty() && description_lines > 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, st.Colors[ImGuiCol_TextDisabled]);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(fit_lines(first_sentence(description, 200), ImGui::GetContentRegionAvail().x,
                                         description_lines)
                                   .c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    // Where the runs are: always two lines in the same place, so that nothing below moves when a run
    // starts or ends (a second tap on a slider must land on the slider, not on what moved there).
    const float avail = ImGui::GetContentRegionAvail().x;
    const auto lines = run_status_lines(avail);
    for (int k = 0; k < 2; ++k) {
        const bool preview = k == 0 && session_.rerunning() && session_.preview_latency();
        if (preview) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colours::preview));
        else ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextUnformatted(lines[k].empty() ? " " : lines[k].c_str());
        ImGui::PopStyleColor();
    }
    // The interval over replicates (off unless the scenario has replicates of its own: it keeps one
    // core busy in the background after every change).
    if (sc.replicates > 1) {
        ImGui::TextDisabled("%s", fit(printf_text(t("scenario.file_replicates"), sc.replicates), ImGui::GetContentRegionAvail().x)
                                      .c_str());
    } else {
        bool on = session_.uncertainty();
        // "Show uncertainty (5 replicates)", on two lines if the sidebar is narrow.
        const std::string full = t("scenario.uncertainty") + " (" + std::to_string(kUserReplicates) + " " +
                                 t("scenario.replicates") + ")##uncertainty";
        const float room = ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - st_inner_spacing();
        const bool one_line = ImGui::CalcTextSize(full.c_str(), nullptr, true).x <= room;
        const std::string short_label = fit(t("scenario.uncertainty"), room) + "##uncertainty";
        if (ImGui::Checkbox(one_line ? full.c_str() : short_label.c_str(), &on)) session_.set_uncertainty(on);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", printf_text(t("tip.uncertainty"), kUserReplicates - 1).c_str());
        if (!one_line) {
            ImGui::Indent(ImGui::GetFrameHeight() + st_inner_spacing());
            ImGui::TextDisabled("(%d %s)", kUserReplicates, t("scenario.replicates").c_str());
            ImGui::Unindent(ImGui::GetFrameHeight() + st_inner_spacing());
        }
    }
    ImGui::Spacing();
    intervention_editor();
    ImGui::Spacing();
    library_cards();
    ImGui::Spacing();

    // Files.
    group_heading(t("scenario.file").c_str());
    if (!workshop_) {
        ImGui::SetNextItemWidth(-1);
        char buffer[512];
        std::snprintf(buffer, sizeof buffer, "%s", scenario_path_.c_str());
        if (ImGui::InputText("##path", buffer, sizeof buffer)) scenario_path_ = buffer;
        if (ImGui::Button(t("scenario.load").c_str())) {
            try {
                load_scenario_file(scenario_path_);
            } catch (const std::exception& e) {
                report(t("scenario.cannot_load") + e.what());
            }
        }
        ImGui::SameLine();
        if (ImGui::Button(t("scenario.save").c_str())) {
            try {
                save_scenario(scenario_path_);
            } catch (const std::exception& e) {
                report(e.what());
            }
        }
        ImGui::SameLine();
    }
    if (ImGui::Button(t(workshop_ ? "scenario.save_copy" : "scenario.save_copy_long").c_str())) {
        try {
            save_scenario(timestamped_file_name(sc.name, "json"));
        } catch (const std::exception& e) {
            report(e.what());
        }
    }
    ImGui::EndChild();
}

void App::intervention_editor() {
    Scenario sc = session_.scenario();  // a copy: edits below replace the editor's
    group_heading(t("scenario.interventions").c_str());
    if (sc.interventions.empty()) ImGui::TextDisabled("%s", t("scenario.none").c_str());
    const float width = ImGui::GetContentRegionAvail().x;
    for (int i = 0; i < static_cast<int>(sc.interventions.size()); ++i) {
        const InterventionSpec& spec = sc.interventions[i];
        ImGui::PushID(i);
        bool on = spec.enabled;
        const std::string label =
            break_lines(intervention_name(spec, lang_), width - ImGui::GetFrameHeight() - st_inner_spacing(), 3);
        if (ImGui::Checkbox(label.c_str(), &on)) session_.set_enabled(i, on);
        const std::string& description = intervention_description(spec, lang_);
        if (ImGui::IsItemHovered() && !description.empty()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(fonts_.px * 30);
            ImGui::TextUnformatted(description.c_str());
            if (!spec.source.empty()) ImGui::TextDisabled("%s%s", t("scenario.source").c_str(), spec.source.c_str());
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
                return it != slider_buffer_.end() ? it->second.value : value;
            };
            // A slider runs its value when released, or while held once it has not moved for 150 ms
            // (a newer value then cancels that run).
            auto settle = [&](const std::string& k, float v, float applied) -> bool {
                const auto now = std::chrono::steady_clock::now();
                if (ImGui::IsItemActive()) {
                    const auto it = slider_buffer_.find(k);
                    if (it == slider_buffer_.end() || it->second.value != v) {
                        slider_buffer_[k] = {v, now};
                        return false;
                    }
                    return v != applied && now - it->second.moved >= std::chrono::milliseconds(150);
                }
                const bool done = ImGui::IsItemDeactivatedAfterEdit();
                slider_buffer_.erase(k);
                return done && v != applied;
            };
            if (spec.capacity_per_year > 0) {
                ImGui::TextDisabled("%s %s", format_value_for_display(spec.capacity_per_year, lang_).c_str(),
                                    t("scenario.places").c_str());
            } else {
                float pct = buffered(key + "/coverage", static_cast<float>(spec.coverage * 100));
                ImGui::SetNextItemWidth(w);
                ImGui::SliderFloat("##coverage", &pct, 0, 100, t("scenario.coverage").c_str(), ImGuiSliderFlags_NoInput);
                slider_held_ |= ImGui::IsItemActive();
                if (settle(key + "/coverage", std::round(pct), std::round(static_cast<float>(spec.coverage * 100)))) session_.set_coverage(i, std::round(pct) / 100.0);
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t("tip.coverage").c_str());
            }
            float start = buffered(key + "/start", static_cast<float>(spec.start_year));
            int start_i = static_cast<int>(start);
            ImGui::SetNextItemWidth(w);
            ImGui::SliderInt("##start", &start_i, sc.start_year, spec.end_year, t("scenario.starts").c_str(), ImGuiSliderFlags_NoInput);
            slider_held_ |= ImGui::IsItemActive();
            if (settle(key + "/start", static_cast<float>(start_i), static_cast<float>(spec.start_year))) session_.set_start_year(i, start_i);
            ImGui::PopStyleColor(2);
            // Target zones: everywhere, or a set of areas (each click adds or removes one).
            ImGui::SetNextItemWidth(w);
            const std::string zones_label = t("scenario.where") + zone_choice_label(spec);
            if (ImGui::BeginCombo("##zones", fit(zones_label, w - ImGui::GetFrameHeight() * 1.5f).c_str(),
                                  ImGuiComboFlags_HeightLarge)) {
                if (ImGui::Selectable(t("scenario.everywhere").c_str(), spec.zones.empty())) session_.set_zones(i, {});
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
                        session_.set_zones(i, zones);
                    }
                }
                ImGui::EndCombo();
            }
            if (!spec.programme.empty() || spec.cost_per_participant_eur > 0) {
                // The programme and the cost a participant, on two lines when they do not fit on one.
                std::vector<std::string> note{programme_name(spec.programme, lang_)};
                // In the prices of every amount the viewer shows (kPriceYear): the spec's, indexed from its year.
                if (spec.cost_per_participant_eur > 0 && data_.prices.covers(spec.cost_price_year))
                    note.push_back(printf_text(t("scenario.cost_per_participant"),
                                               format_number(spec.cost_per_participant_eur *
                                                                 data_.prices.factor(spec.cost_price_year),
                                                             1, lang_).c_str()));
                const std::string one = note.size() == 2 && !note[0].empty() ? note[0] + " \u00B7 " + note[1] : note.back();
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
                if (ImGui::CalcTextSize(one.c_str()).x <= w || note.size() < 2 || note[0].empty()) {
                    ImGui::TextUnformatted(fit(one, w).c_str());
                } else {
                    ImGui::TextUnformatted(fit(note[0], w).c_str());
                    ImGui::TextUnformatted(fit(note[1], w).c_str());
                }
                ImGui::PopStyleColor();
            }
            ImGui::Unindent(fonts_.px * 0.8f);
        }
        ImGui::PopID();
    }
    // Add an intervention defined by another scenario of the library.
    std::vector<int> addable;
    const ScenarioLibrary& library = session_.library();
    for (int k = 0; k < static_cast<int>(library.interventions.size()); ++k)
        if (session_.editor().find(library.interventions[k].id) < 0) addable.push_back(k);
    if (!addable.empty()) {
        // A button across the sidebar, its words on two lines when the sidebar is narrow (a combo's preview
        // was cut there), that opens the list of the library's other interventions.
        const std::string label =
            break_lines(t("scenario.add"), width - 2 * ImGui::GetStyle().FramePadding.x, 2) + "##add";
        if (ImGui::Button(label.c_str(), ImVec2(width, 0))) ImGui::OpenPopup("##add_list");
        ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(std::max(width, fonts_.px * 32), fonts_.px * 24));
        if (ImGui::BeginPopup("##add_list")) {
            for (int k : addable) {
                const auto& spec = library.interventions[k];
                const std::string item = intervention_name(spec, lang_) + "##" + spec.id;
                if (ImGui::Selectable(item.c_str())) session_.add_from_library(spec.id);
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("%s%s", t("scenario.from").c_str(), library.intervention_file[k].c_str());
            }
            ImGui::EndPopup();
        }
    }
}

float App::st_inner_spacing() const { return ImGui::GetStyle().ItemInnerSpacing.x; }

void App::export_scenarios_csv(const std::string& path) {
    const Scenario& live = session_.scenario();
    std::vector<ShownScenario> shown{{"heading", live.source_file, live.name, plain_title(live, lang_),
                                      first_sentence(plain_description(live, lang_), 200)}};
    for (const LibraryEntry& e : session_.library().entries)
        shown.push_back({"card", e.file.filename().string(), e.scenario.name, plain_title(e.scenario, lang_),
                         first_sentence(plain_description(e.scenario, lang_), 200)});
    write_text_file(path, scenario_words_csv(shown));
    report(t("message.saved") + path);
}

void App::library_cards() {
    // The folder beside the heading when it fits (outside workshop mode), never cut.
    const std::string with_folder = t("scenario.ready") + " (scenarios/*.json)";
    ImGui::PushFont(fonts_.bold);
    const bool folder = !workshop_ && ImGui::CalcTextSize(with_folder.c_str()).x <= ImGui::GetContentRegionAvail().x;
    ImGui::PopFont();
    group_heading(folder ? with_folder.c_str() : t("scenario.ready").c_str());
    const ScenarioLibrary& library = session_.library();
    if (library.entries.empty()) ImGui::TextDisabled("%s", t("scenario.no_files").c_str());
    const ImGuiStyle& st = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    for (std::size_t k = 0; k < library.entries.size(); ++k) {
        const LibraryEntry& e = library.entries[k];
        ImGui::PushID(static_cast<int>(k));
        const bool live = e.scenario.name == session_.scenario().name;
        const bool beside = session_.is_side_by_side(e.file.string());
        // The card's height: the title (whole, on up to two lines), up to two lines of description, the buttons.
        const float inner = ImGui::GetContentRegionAvail().x - 2 * st.WindowPadding.x - st.ScrollbarSize;
        ImGui::PushFont(fonts_.bold);
        const std::string title = fit_lines(plain_title(e.scenario, lang_), inner, 2);
        const float title_h = ImGui::CalcTextSize(title.c_str(), nullptr, false, inner).y + st.ItemSpacing.y;
        ImGui::PopFont();
        const std::string desc = fit_lines(first_sentence(plain_description(e.scenario, lang_), 200), inner, 2);
        const float desc_h = desc.empty() ? 0
                                          : ImGui::CalcTextSize(desc.c_str(), nullptr, false, inner).y + st.ItemSpacing.y;
        const float h = std::max(line, title_h) + desc_h + ImGui::GetFrameHeightWithSpacing() + 2 * st.WindowPadding.y;
        if (live || beside) ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(colours::accent));
        ImGui::BeginChild("##card", ImVec2(0, h), true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        ImGui::PushFont(fonts_.bold);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
        ImGui::TextUnformatted(title.c_str());
        ImGui::PopTextWrapPos();
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
        if (ImGui::Button(t(live ? "scenario.shown" : "scenario.show").c_str())) {
            session_.show_library_entry(k);
            scenario_path_ = e.file.string();
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(live);
        if (ImGui::Button(t(beside ? "scenario.remove_side" : "scenario.side_by_side").c_str())) session_.toggle_side_by_side(e.file.string());
        ImGui::EndDisabled();
        ImGui::EndChild();
        if (live || beside) ImGui::PopStyleColor();
        ImGui::PopID();
    }
    for (const auto& w : library.warnings) ImGui::TextDisabled("%s", fit(w, ImGui::GetContentRegionAvail().x).c_str());
}

}  // namespace hhu::viz
