#include "charts.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "sim/compare/compare.hpp"
#include "theme.hpp"
#include "viewer_text.hpp"

namespace hhu::viz {

namespace {

ImU32 to_imgui(Rgb c) { return IM_COL32(c.r, c.g, c.b, 255); }

// The chart's words, in the language of its indicator's labels.
const std::string& words(const ViewData& v, std::string_view key) { return ui_text(v.ind.lang, key); }

float text_width(const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x; }

void text_at(ImDrawList* dl, ImVec2 p, ImU32 col, const std::string& s) {
    dl->AddText(ImVec2(std::round(p.x), std::round(p.y)), col, s.c_str());
}

void text_right(ImDrawList* dl, ImVec2 p, ImU32 col, const std::string& s) {
    text_at(dl, ImVec2(p.x - text_width(s), p.y), col, s);
}

void text_centred(ImDrawList* dl, ImVec2 p, ImU32 col, const std::string& s) {
    text_at(dl, ImVec2(p.x - text_width(s) / 2, p.y), col, s);
}

void dashed_vline(ImDrawList* dl, float x, float y0, float y1, ImU32 col, float thickness) {
    for (float y = y0; y < y1; y += 8) dl->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + 4, y1)), col, thickness);
}

// Linear map of a value range onto a pixel range.
struct Axis {
    double lo, hi;
    float p0, p1;
    float operator()(double v) const { return p0 + static_cast<float>((v - lo) / (hi - lo)) * (p1 - p0); }
};

void value_range(const std::vector<std::optional<double>>& values, double& lo, double& hi) {
    for (const auto& v : values)
        if (v) lo = std::min(lo, *v), hi = std::max(hi, *v);
}

std::string value_with_unit(const DisplayIndicator& ind, double v) {
    return format_value_for_display(v, ind.lang) + " " + ind.unit_label();
}

// Draws a series as polylines that break where a year has no value.
void draw_series(ImDrawList* dl, const std::vector<std::optional<double>>& values, int first_year, const Axis& x,
                 const Axis& y, ImU32 col, float thickness, bool markers) {
    std::vector<ImVec2> run;
    auto flush = [&] {
        if (run.size() >= 2) dl->AddPolyline(run.data(), static_cast<int>(run.size()), col, 0, thickness);
        run.clear();
    };
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!values[i]) {
            flush();
            continue;
        }
        const ImVec2 p(x(first_year + static_cast<int>(i)), y(*values[i]));
        run.push_back(p);
        if (markers) dl->AddCircleFilled(p, thickness * 1.3f, col, 12);
    }
    flush();
}

int year_label_step(float pixels_per_year, float label_width) {
    for (int step : {1, 2, 5, 10})
        if (pixels_per_year * step >= label_width * 1.5f) return step;
    return 20;
}

}  // namespace

namespace {

struct LegendItem {
    std::string name;
    ImU32 colour;
    bool dashed;
};

// `text` shortened with an ellipsis to `width` pixels, at a whole UTF-8 character.
std::string shortened(const std::string& text, float width) {
    if (text_width(text) <= width) return text;
    std::string s = text;
    while (!s.empty() && text_width(s + "\u2026") > width) {
        s.pop_back();
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
        if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
    }
    return s + "\u2026";
}

// Legend items in rows from the left, after `indent` on the first row; returns the rows used. A name
// longer than a row is shortened with an ellipsis rather than run past the chart's edge.
int draw_legend_rows(ImDrawList* dl, const std::vector<LegendItem>& items, ImVec2 p0, float width, float indent,
                     bool draw) {
    const float fh = ImGui::GetFontSize();
    const float swatch = fh * 1.5f, gap = fh * 1.0f;
    float x = indent;
    int rows = 1;
    for (const auto& item : items) {
        LegendItem it = item;
        it.name = shortened(item.name, width - swatch - fh * 0.3f);
        const float w = swatch + fh * 0.3f + text_width(it.name);
        if (x > 0 && x + w > width) {
            ++rows;
            x = 0;
        }
        if (draw) {
            const float y = p0.y + (rows - 1) * fh * 1.25f;
            const float ym = y + fh * 0.55f;
            if (it.dashed)
                for (float a = 0; a < swatch - 1; a += fh * 0.5f)
                    dl->AddLine(ImVec2(p0.x + x + a, ym), ImVec2(p0.x + x + std::min(a + fh * 0.3f, swatch), ym),
                                it.colour, 3.f);
            else
                dl->AddLine(ImVec2(p0.x + x, ym), ImVec2(p0.x + x + swatch, ym), it.colour, 3.f);
            text_at(dl, ImVec2(p0.x + x + swatch + fh * 0.3f, y), colours::ink, it.name);
        }
        x += w + gap;
    }
    return rows;
}

void draw_dashed_series(ImDrawList* dl, const std::vector<std::optional<double>>& values, int first_year,
                        const Axis& x, const Axis& y, ImU32 col, float thickness) {
    for (std::size_t i = 0; i + 1 < values.size(); ++i) {
        if (!values[i] || !values[i + 1]) continue;
        const ImVec2 a(x(first_year + static_cast<int>(i)), y(*values[i]));
        const ImVec2 b(x(first_year + static_cast<int>(i) + 1), y(*values[i + 1]));
        const float len = std::hypot(b.x - a.x, b.y - a.y);
        for (float t = 0; t < len; t += 9) {
            const float t1 = std::min(t + 5, len);
            dl->AddLine(ImVec2(a.x + (b.x - a.x) * t / len, a.y + (b.y - a.y) * t / len),
                        ImVec2(a.x + (b.x - a.x) * t1 / len, a.y + (b.y - a.y) * t1 / len), col, thickness);
        }
    }
}

// A band between lower and upper (a 95% interval), drawn as quads year to year.
void draw_band(ImDrawList* dl, const std::vector<std::optional<double>>& lower,
               const std::vector<std::optional<double>>& upper, ImU32 colour, int first_year, const Axis& x,
               const Axis& y) {
    const ImU32 fill = (colour & 0x00FFFFFF) | (60u << 24);
    for (std::size_t i = 0; i + 1 < lower.size() && i + 1 < upper.size(); ++i) {
        if (!lower[i] || !upper[i] || !lower[i + 1] || !upper[i + 1]) continue;
        const float x0 = x(first_year + static_cast<int>(i)), x1 = x(first_year + static_cast<int>(i) + 1);
        // Two triangles: a band that narrows to nothing is not a convex quad.
        const ImVec2 a(x0, y(*upper[i])), b(x1, y(*upper[i + 1])), c(x1, y(*lower[i + 1])), d(x0, y(*lower[i]));
        dl->AddTriangleFilled(a, b, c, fill);
        dl->AddTriangleFilled(a, c, d, fill);
    }
}

}  // namespace

std::optional<int> time_series_chart(const ViewData& v, ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##series", size);
    const bool hovered = ImGui::IsItemHovered();
    const float fh = ImGui::GetFontSize();

    // With scenarios compared, the province's line would crowd the chart: it is left out.
    const bool comparing = !v.lines.empty();
    const std::vector<std::optional<double>> no_reference;
    const auto& reference = comparing ? no_reference : v.reference;
    double lo = 1e300, hi = -1e300;
    value_range(v.series, lo, hi);
    value_range(v.series_lower, lo, hi);
    value_range(v.series_upper, lo, hi);
    value_range(reference, lo, hi);
    for (const auto& l : v.lines) {
        value_range(l.values, lo, hi);
        value_range(l.lower, lo, hi);
        value_range(l.upper, lo, hi);
    }
    const bool any = lo <= hi;

    // Legend: the unit on the left, then the lines, in as many rows as they need.
    std::vector<LegendItem> items;
    const std::string main_name = !v.series_title.empty() ? v.series_title
                                  : v.series_name.empty() ? v.unit_name
                                                          : v.series_name;
    items.push_back({main_name, colours::accent, false});
    for (const auto& l : v.lines) items.push_back({l.title.empty() ? l.name : l.title, l.colour, l.dashed});
    if (!reference.empty()) items.push_back({v.reference_name, colours::reference, false});
    const std::string unit = v.ind.unit_label();
    const float indent = text_width(unit) + fh * 1.5f;
    const int rows = draw_legend_rows(dl, items, ImVec2(p0.x, p0.y), size.x, indent, true);
    text_at(dl, ImVec2(p0.x, p0.y), colours::muted, unit);

    const float top = p0.y + fh * (1.25f * rows + 0.6f), bottom = p0.y + size.y - fh * 1.6f;
    const Ticks ticks = any ? nice_ticks(lo, hi, std::clamp(static_cast<int>((bottom - top) / (fh * 2.6f)), 2, 6))
                            : nice_ticks(0, 1, 4);
    float label_w = 0;
    for (double t : ticks.values) label_w = std::max(label_w, text_width(format_compact(t, ticks.step, v.ind.lang)));
    const float left = p0.x + label_w + fh * 0.6f, right = p0.x + size.x - fh * 1.2f;
    const Axis x{static_cast<double>(v.first_year), static_cast<double>(std::max(v.end_year, v.first_year + 1)), left,
                 right};
    const Axis y{ticks.lo, ticks.hi, bottom, top};

    // Years not simulated yet are shaded.
    if (v.last_viewable < v.end_year) {
        const float from = v.last_viewable < v.first_year ? left : (x(v.last_viewable) + x(v.last_viewable + 1)) / 2;
        dl->AddRectFilled(ImVec2(from, top), ImVec2(right, bottom), colours::future);
        const std::string& note = words(v, "chart.not_yet");
        if (right - from > text_width(note) + fh)
            text_centred(dl, ImVec2((from + right) / 2, top + fh * 0.3f), colours::muted, note);
    }
    for (double t : ticks.values) {
        dl->AddLine(ImVec2(left, y(t)), ImVec2(right, y(t)), colours::grid);
        text_right(dl, ImVec2(left - fh * 0.35f, y(t) - fh / 2), colours::muted, format_compact(t, ticks.step, v.ind.lang));
    }
    dl->AddLine(ImVec2(left, bottom), ImVec2(right, bottom), colours::axis);
    const int step = year_label_step((right - left) / std::max(1, v.end_year - v.first_year), text_width("2040"));
    // Round years (2025, 2030, ...) are labelled, and the first year if it has room.
    const float year_w = text_width("2040");
    for (int yr = v.first_year; yr <= v.end_year; ++yr) {
        const bool round = yr % step == 0;
        const bool first = yr == v.first_year && !round && x(yr + (step - yr % step)) - x(yr) > year_w * 1.3f;
        dl->AddLine(ImVec2(x(yr), bottom), ImVec2(x(yr), bottom + (round ? fh * 0.35f : fh * 0.2f)), colours::axis);
        if (round || first) text_centred(dl, ImVec2(x(yr), bottom + fh * 0.4f), colours::muted, std::to_string(yr));
    }
    // The selected year.
    dl->AddLine(ImVec2(x(v.year), top), ImVec2(x(v.year), bottom), IM_COL32(0, 96, 160, 90), 2.f);

    for (const auto& l : v.lines) draw_band(dl, l.lower, l.upper, l.colour, v.first_year, x, y);
    draw_band(dl, v.series_lower, v.series_upper, colours::accent, v.first_year, x, y);
    draw_series(dl, reference, v.first_year, x, y, colours::reference, 2.f, false);
    for (const auto& l : v.lines) {
        if (l.dashed)
            draw_dashed_series(dl, l.values, v.first_year, x, y, l.colour, 2.5f);
        else
            draw_series(dl, l.values, v.first_year, x, y, l.colour, 2.5f, false);
    }
    draw_series(dl, v.series, v.first_year, x, y, colours::accent, 2.5f, true);

    if (!hovered || !any) return std::nullopt;
    const float mx = ImGui::GetIO().MousePos.x;
    const int year = std::clamp(static_cast<int>(std::lround(x.lo + (mx - left) / (right - left) * (x.hi - x.lo))),
                                v.first_year, v.end_year);
    const std::size_t i = static_cast<std::size_t>(year - v.first_year);
    dl->AddLine(ImVec2(x(year), top), ImVec2(x(year), bottom), colours::axis);
    ImGui::BeginTooltip();
    ImGui::Text("%d, %s", year, v.unit_name.c_str());
    if (i < v.series.size() && v.series[i]) {
        ImGui::Text("%s: %s", main_name.c_str(), value_with_unit(v.ind, *v.series[i]).c_str());
        if (i < v.series_lower.size() && v.series_lower[i] && i < v.series_upper.size() && v.series_upper[i])
            ImGui::TextDisabled("%s", printf_text(words(v, "chart.interval"), format_value_for_display(*v.series_lower[i], v.ind.lang),
                                                      format_value_for_display(*v.series_upper[i], v.ind.lang))
                                              .c_str());
    } else
        ImGui::TextDisabled("%s", printf_text(words(v, "chart.not_simulated"), main_name).c_str());
    for (const auto& l : v.lines) {
        if (i >= l.values.size() || !l.values[i]) continue;
        ImGui::Text("%s: %s", l.name.c_str(), value_with_unit(v.ind, *l.values[i]).c_str());
        if (i < l.lower.size() && l.lower[i] && i < l.upper.size() && l.upper[i])
            ImGui::TextDisabled("%s", printf_text(words(v, "chart.interval"), format_value_for_display(*l.lower[i], v.ind.lang),
                                                      format_value_for_display(*l.upper[i], v.ind.lang))
                                              .c_str());
    }
    if (i < reference.size() && reference[i])
        ImGui::Text("%s: %s", v.reference_name.c_str(), value_with_unit(v.ind, *reference[i]).c_str());
    ImGui::TextDisabled("%s", words(v, "chart.click_year").c_str());
    ImGui::EndTooltip();
    if (ImGui::IsItemClicked()) return year;
    return std::nullopt;
}

void cost_chart(const ViewData& v, ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##costs", size);
    const bool hovered = ImGui::IsItemHovered();
    const float fh = ImGui::GetFontSize();
    bool any = false;
    double qlo = 0, qhi = 0, clo = 0, chi = 0;
    for (const auto& c : v.costs)
        for (std::size_t i = 0; i < c.years.size(); ++i) {
            any = true;
            qlo = std::min(qlo, c.qalys_gained[i]);
            qhi = std::max(qhi, c.qalys_gained[i]);
            clo = std::min(clo, c.cost_eur[i] / 1e6);
            chi = std::max(chi, c.cost_eur[i] / 1e6);
        }
    if (!any) {
        ImGui::SetCursorScreenPos(p0);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + size.x);
        ImGui::TextDisabled("%s", words(v, v.has_interventions && !v.preview_note.empty() ? "chart.costs_preview"
                                           : v.has_interventions                             ? "chart.costs_waiting"
                                                                                             : "chart.costs_none")
                                      .c_str());
        ImGui::PopTextWrapPos();
        return;
    }
    // Legend rows, then the plot: x QALYs gained, y euros (millions), both cumulated since 2021.
    std::vector<LegendItem> items;
    for (const auto& c : v.costs) items.push_back({c.title.empty() ? c.name : c.title, c.colour, false});
    items.push_back({words(v, "chart.per_qaly_20k"), colours::axis, true});
    const int rows = draw_legend_rows(dl, items, p0, size.x, 0, true);
    const float top = p0.y + fh * (1.25f * rows + 1.6f), bottom = p0.y + size.y - fh * 2.8f;
    if (bottom - top < fh * 2) return;
    if (qhi - qlo <= 0) qhi = qlo + 1;
    const Ticks yt = nice_ticks(clo, std::max(chi, clo + 0.1), std::clamp(static_cast<int>((bottom - top) / (fh * 2.4f)), 2, 5));
    float label_w = 0;
    for (double t : yt.values) label_w = std::max(label_w, text_width(format_compact(t, yt.step, v.ind.lang)));
    const float left = p0.x + label_w + fh * 0.6f, right = p0.x + size.x - fh * 1.2f;
    const Ticks xt = nice_ticks(qlo, qhi, std::clamp(static_cast<int>((right - left) / (fh * 5.f)), 2, 6));
    const Axis x{xt.lo, xt.hi, left, right};
    const Axis y{yt.lo, yt.hi, bottom, top};
    text_at(dl, ImVec2(p0.x, top - fh * 1.45f), colours::muted, words(v, "chart.net_cost_axis"));
    for (double t : yt.values) {
        dl->AddLine(ImVec2(left, y(t)), ImVec2(right, y(t)), colours::grid);
        text_right(dl, ImVec2(left - fh * 0.35f, y(t) - fh / 2), colours::muted, format_compact(t, yt.step, v.ind.lang));
    }
    for (double t : xt.values) {
        dl->AddLine(ImVec2(x(t), top), ImVec2(x(t), bottom), colours::grid);
        text_centred(dl, ImVec2(x(t), bottom + fh * 0.3f), colours::muted, format_compact(t, xt.step, v.ind.lang));
    }
    const std::string& x_long = words(v, "chart.qalys_axis_long");
    const std::string& x_title = text_width(x_long) <= right - left ? x_long : words(v, "chart.qalys_axis");
    text_centred(dl, ImVec2((left + right) / 2, bottom + fh * 1.45f), colours::muted, x_title);
    dl->AddLine(ImVec2(left, bottom), ImVec2(right, bottom), colours::axis);
    dl->AddLine(ImVec2(x(0), top), ImVec2(x(0), bottom), colours::axis);
    // The reference: 20,000 euros per QALY, a common Dutch threshold.
    {
        const double q1 = std::min(xt.hi, yt.hi * 1e6 / 20000.0);
        if (q1 > 0) {
            const ImVec2 a(x(0), y(0)), b(x(q1), y(q1 * 20000.0 / 1e6));
            const float len = std::hypot(b.x - a.x, b.y - a.y);
            for (float t = 0; t < len; t += 10)
                dl->AddLine(ImVec2(a.x + (b.x - a.x) * t / len, a.y + (b.y - a.y) * t / len),
                            ImVec2(a.x + (b.x - a.x) * std::min(t + 5, len) / len,
                                   a.y + (b.y - a.y) * std::min(t + 5, len) / len),
                            colours::axis, 1.5f);
        }
    }
    for (const auto& c : v.costs) {
        std::vector<ImVec2> pts;
        for (std::size_t i = 0; i < c.years.size(); ++i) pts.emplace_back(x(c.qalys_gained[i]), y(c.cost_eur[i] / 1e6));
        if (pts.size() >= 2) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), c.colour, 0, 2.5f);
        for (const auto& p : pts) dl->AddCircleFilled(p, 3.f, c.colour, 10);
        if (!pts.empty()) {
            const std::string label = std::to_string(c.years.back());
            const ImVec2 e = pts.back();
            const float lx = std::min(e.x + fh * 0.4f, right - text_width(label));
            text_at(dl, ImVec2(lx, e.y - fh * 1.2f), c.colour, label);
        }
    }
    if (!hovered) return;
    // The nearest point.
    const ImVec2 m = ImGui::GetIO().MousePos;
    const CostCurve* best = nullptr;
    std::size_t bi = 0;
    float bd = fh * 3;
    for (const auto& c : v.costs)
        for (std::size_t i = 0; i < c.years.size(); ++i) {
            const float d = std::hypot(x(c.qalys_gained[i]) - m.x, y(c.cost_eur[i] / 1e6) - m.y);
            if (d < bd) bd = d, best = &c, bi = i;
        }
    if (!best) return;
    ImGui::BeginTooltip();
    ImGui::Text("%s, 2021\u2013%d", best->name.c_str(), best->years[bi]);
    const Language lang = v.ind.lang;
    ImGui::TextUnformatted(printf_text(words(v, "chart.net_cost_tip"), format_value_for_display(best->cost_eur[bi], lang),
                                       format_value_for_display(best->intervention_cost_eur[bi], lang),
                                       best->care_cost_change_eur[bi] < 0 ? "-" : "+",
                                       format_value_for_display(std::abs(best->care_cost_change_eur[bi]), lang))
                               .c_str());
    ImGui::TextUnformatted(
        printf_text(words(v, "chart.qalys_tip"), format_value_for_display(best->qalys_gained[bi], lang)).c_str());
    ImGui::TextUnformatted(
        printf_text(words(v, "chart.participants_tip"), format_value_for_display(best->participants[bi], lang)).c_str());
    if (best->qalys_gained[bi] > 0)
        ImGui::TextUnformatted(
            printf_text(words(v, "chart.cost_per_qaly_tip"),
                        format_value_for_display(cost_per_qaly(best->intervention_cost_eur[bi],
                                                               best->care_cost_change_eur[bi], best->qalys_gained[bi]),
                                                 lang))
                .c_str());
    else
        ImGui::TextDisabled("%s", words(v, "chart.no_qalys_yet").c_str());
    ImGui::EndTooltip();
}

void pyramid_chart(const ViewData& v, ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##pyramid", size);
    const bool hovered = ImGui::IsItemHovered();
    const float fh = ImGui::GetFontSize();
    const Pyramid& p = v.pyramid;
    if (!p.has_now) {
        text_at(dl, ImVec2(p0.x, p0.y + fh), colours::muted, words(v, "chart.no_residents"));
        return;
    }
    double most = 0;
    for (int s = 0; s < kNumSexes; ++s)
        for (int g = 0; g < kNumAgeGroups; ++g) most = std::max({most, p.now[s][g], p.has_base ? p.base[s][g] : 0.0});
    const Ticks ticks = nice_ticks(0, std::max(most, 1.0), 2);

    float age_w = 0;
    for (auto name : kAgeGroupNames) age_w = std::max(age_w, text_width(std::string(name)));
    age_w += fh * 0.8f;
    const float cx = p0.x + size.x / 2;
    const float top = p0.y + fh * 1.5f, bottom = p0.y + size.y - fh * 1.5f;
    const float half = size.x / 2 - age_w / 2 - fh * 0.8f;
    const Axis men{0, ticks.hi, cx - age_w / 2, cx - age_w / 2 - half};
    const Axis women{0, ticks.hi, cx + age_w / 2, cx + age_w / 2 + half};
    const float row = (bottom - top) / kNumAgeGroups;

    text_at(dl, ImVec2(men.p1, p0.y), colours::men, words(v, "chart.men"));
    text_right(dl, ImVec2(women.p1, p0.y), colours::women, words(v, "chart.women"));
    if (p.has_base) {  // legend of the outline
        const std::string base = std::to_string(p.base_year);
        const float w = fh * 1.1f + text_width(base);
        dl->AddRect(ImVec2(cx - w / 2, p0.y + fh * 0.2f), ImVec2(cx - w / 2 + fh * 0.8f, p0.y + fh * 0.9f),
                    colours::ink, 0, 0, 1.2f);
        text_at(dl, ImVec2(cx - w / 2 + fh * 1.1f, p0.y), colours::muted, base);
    }
    for (double t : ticks.values) {
        for (const Axis* a : {&men, &women}) {
            dl->AddLine(ImVec2((*a)(t), top), ImVec2((*a)(t), bottom), colours::grid);
            text_centred(dl, ImVec2((*a)(t), bottom + fh * 0.3f), colours::muted, format_compact(t, ticks.step, v.ind.lang));
        }
    }
    const int label_every = std::max(1, static_cast<int>(std::ceil(fh * 1.1f / row)));
    for (int g = 0; g < kNumAgeGroups; ++g) {
        const float y1 = bottom - row * g, y0 = y1 - row;
        const float pad = std::max(1.f, row * 0.12f);
        dl->AddRectFilled(ImVec2(men(p.now[0][g]), y0 + pad), ImVec2(men.p0, y1 - pad), colours::men);
        dl->AddRectFilled(ImVec2(women.p0, y0 + pad), ImVec2(women(p.now[1][g]), y1 - pad), colours::women);
        if (p.has_base) {
            dl->AddRect(ImVec2(men(p.base[0][g]), y0 + pad), ImVec2(men.p0, y1 - pad), colours::ink, 0, 0, 1.2f);
            dl->AddRect(ImVec2(women.p0, y0 + pad), ImVec2(women(p.base[1][g]), y1 - pad), colours::ink, 0, 0, 1.2f);
        }
        if (g % label_every == 0)
            text_centred(dl, ImVec2(cx, (y0 + y1) / 2 - fh / 2), colours::muted, std::string(kAgeGroupNames[g]));
    }
    if (!hovered) return;
    const float my = ImGui::GetIO().MousePos.y;
    const int g = std::clamp(static_cast<int>((bottom - my) / row), 0, kNumAgeGroups - 1);
    dl->AddRect(ImVec2(men.p1, bottom - row * (g + 1)), ImVec2(women.p1, bottom - row * g), colours::axis);
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(printf_text(words(v, "chart.age_tip"), std::string(kAgeGroupNames[g]), p.year).c_str());
    ImGui::TextUnformatted(printf_text(words(v, "chart.men_women_tip"), format_value_for_display(p.now[0][g], v.ind.lang),
                                       format_value_for_display(p.now[1][g], v.ind.lang))
                               .c_str());
    if (p.has_base)
        ImGui::TextDisabled("%s", printf_text(words(v, "chart.base_tip"), p.base_year,
                                              format_value_for_display(p.base[0][g], v.ind.lang),
                                              format_value_for_display(p.base[1][g], v.ind.lang))
                                      .c_str());
    ImGui::EndTooltip();
}

std::optional<int> bar_chart(const ViewData& v, const BarChart& c, ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(c.id, size);
    const bool hovered = ImGui::IsItemHovered();
    const float fh = ImGui::GetFontSize();
    const auto& bars = *c.bars;
    if (bars.empty()) {
        text_at(dl, ImVec2(p0.x, p0.y + fh * 0.5f), colours::muted, words(v, "chart.not_available"));
        return std::nullopt;
    }

    std::vector<std::size_t> order(bars.size());
    std::iota(order.begin(), order.end(), 0);
    if (c.sort_descending)
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return bars[a].value.value_or(-1e300) > bars[b].value.value_or(-1e300);
        });
    double lo = 1e300, hi = -1e300;
    for (const auto& b : bars)
        if (b.value) lo = std::min(lo, *b.value), hi = std::max(hi, *b.value);
    if (c.reference) lo = std::min(lo, *c.reference), hi = std::max(hi, *c.reference);
    if (lo > hi) {
        text_at(dl, ImVec2(p0.x, p0.y + fh * 0.5f), colours::muted, words(v, "chart.not_simulated_yet"));
        return std::nullopt;
    }
    // Years of life expectancy differ by little: their axis does not start at zero (dots, not bars).
    const bool dots = v.ind.info->kind == IndicatorKind::LifeTable;
    float label_w = 0;
    for (const auto& b : bars) label_w = std::max(label_w, text_width(b.label));
    const float value_w = text_width(format_value_for_display(hi, v.ind.lang)) + fh * 0.8f;
    const float left = p0.x + label_w + fh * 0.6f, right = p0.x + size.x - value_w;
    // As many ticks as fit with room between their labels.
    const float tick_w = text_width(format_value_for_display(hi, v.ind.lang)) + fh * 1.5f;
    const Ticks ticks =
        nice_ticks(dots ? lo : std::min(0.0, lo), hi, std::clamp(static_cast<int>((right - left) / tick_w), 1, 5));
    const float top = p0.y, bottom = p0.y + size.y - fh * 1.5f;
    const Axis x{ticks.lo, ticks.hi, left, right};
    const float row = (bottom - top) / static_cast<float>(bars.size());
    const float pad = std::max(1.f, row * 0.15f);

    // A tick's label only where it does not run into the one before (a narrow panel in Dutch: "0" and "1 mln").
    float last_right = -1e30f;
    for (double t : ticks.values) {
        dl->AddLine(ImVec2(x(t), top), ImVec2(x(t), bottom), colours::grid);
        const std::string label = format_compact(t, ticks.step, v.ind.lang);
        const float half = text_width(label) / 2;
        if (x(t) - half < last_right + fh * 0.5f) continue;
        text_centred(dl, ImVec2(x(t), bottom + fh * 0.3f), colours::muted, label);
        last_right = x(t) + half;
    }
    const double span = v.scale.hi - v.scale.lo;
    int hovered_row = -1;
    if (hovered)
        hovered_row =
            std::clamp(static_cast<int>((ImGui::GetIO().MousePos.y - top) / row), 0, static_cast<int>(bars.size()) - 1);
    // Names and values a line apart: when the rows are thinner than the text (ten districts at 1280x720),
    // some bars go without them rather than overlap (the table of numbers and the tooltip have them all);
    // the selected area's first, then from the top.
    std::vector<bool> labelled(order.size(), row >= fh);
    if (row < fh) {
        std::vector<float> taken;
        auto place = [&](std::size_t r) {
            const float ym = top + row * (static_cast<float>(r) + 0.5f);
            for (float t : taken)
                if (std::fabs(t - ym) < fh) return;
            taken.push_back(ym);
            labelled[r] = true;
        };
        for (std::size_t r = 0; r < order.size(); ++r)
            if (bars[order[r]].unit >= 0 && bars[order[r]].unit == c.highlight_unit) place(r);
        for (std::size_t r = 0; r < order.size(); ++r) place(r);
    }
    for (std::size_t r = 0; r < order.size(); ++r) {
        const Bar& b = bars[order[r]];
        const float y0 = top + row * r, y1 = y0 + row, ym = (y0 + y1) / 2;
        const bool highlight = b.unit >= 0 && b.unit == c.highlight_unit;
        if (static_cast<int>(r) == hovered_row)
            dl->AddRectFilled(ImVec2(p0.x, y0), ImVec2(p0.x + size.x, y1), IM_COL32(0, 96, 160, 20));
        if (labelled[r])
            text_right(dl, ImVec2(left - fh * 0.4f, ym - fh / 2), highlight ? colours::selection : colours::ink, b.label);
        if (!b.value) {
            if (labelled[r]) text_at(dl, ImVec2(left + fh * 0.3f, ym - fh / 2), colours::muted, words(v, "chart.no_value"));
            continue;
        }
        const ImU32 col = c.map_colours && v.has_scale && span > 0 ? to_imgui(viridis((*b.value - v.scale.lo) / span))
                                                                   : colours::accent;
        const float xe = x(*b.value);
        if (dots) {
            dl->AddLine(ImVec2(left, ym), ImVec2(xe, ym), colours::grid, 2.f);
            dl->AddCircleFilled(ImVec2(xe, ym), std::min(row * 0.35f, fh * 0.45f), col, 16);
        } else {
            dl->AddRectFilled(ImVec2(x(std::max(0.0, ticks.lo)), y0 + pad), ImVec2(xe, y1 - pad), col);
        }
        if (highlight)
            dl->AddRect(ImVec2(x(std::max(0.0, ticks.lo)) - 1, y0 + pad - 1), ImVec2(xe + 1, y1 - pad + 1),
                        colours::selection, 0, 0, 2.f);
        const float after = dots ? std::min(row * 0.35f, fh * 0.45f) + fh * 0.25f : fh * 0.3f;
        if (labelled[r])
            text_at(dl, ImVec2(xe + after, ym - fh / 2), colours::ink, format_value_for_display(*b.value, v.ind.lang));
    }
    if (c.reference) {
        dashed_vline(dl, x(*c.reference), top, bottom, colours::ink, 1.5f);
    }
    if (hovered_row < 0) return std::nullopt;
    const Bar& b = bars[order[hovered_row]];
    ImGui::BeginTooltip();
    ImGui::Text("%s, %d", b.label.c_str(), v.year);
    if (b.value)
        ImGui::Text("%s", value_with_unit(v.ind, *b.value).c_str());
    else
        ImGui::TextDisabled("%s", words(v, "chart.no_value").c_str());
    if (c.reference)
        ImGui::TextDisabled("%s: %s", c.reference_label.c_str(), value_with_unit(v.ind, *c.reference).c_str());
    if (b.unit >= 0) ImGui::TextDisabled("%s", words(v, "chart.click_select").c_str());
    ImGui::EndTooltip();
    if (ImGui::IsItemClicked()) return static_cast<int>(order[hovered_row]);
    return std::nullopt;
}

}  // namespace hhu::viz
