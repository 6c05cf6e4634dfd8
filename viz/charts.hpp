#pragma once
// Charts drawn with ImGui draw lists (ImPlot is not in Debian): each fills a given size from the
// current cursor, with real years and units on its axes and a tooltip on hover. Vertex counts stay
// small (tens of points and bars).
#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

#include "view_data.hpp"

namespace hhu::viz {

// The selected indicator over the years for the selected area (and the province for comparison).
// Returns the year clicked, if any.
std::optional<int> time_series_chart(const ViewData& view, ImVec2 size);

// Cumulated intervention costs against cumulated QALYs gained over the baseline, one curve per
// scenario with interventions, and a line of 20,000 euros per QALY for reference.
void cost_chart(const ViewData& view, ImVec2 size);

// Residents by five-year age group and sex on 1 January of the selected year; the first year as an
// outline.
void pyramid_chart(const ViewData& view, ImVec2 size);

struct BarChart {
    const char* id = "bars";
    const std::vector<Bar>* bars = nullptr;
    bool sort_descending = false;
    bool map_colours = false;         // colour the bars as on the map
    int highlight_unit = -1;          // outline the bar of this reporting unit
    std::optional<double> reference;  // a vertical line, e.g. the city as a whole
    std::string reference_label;
};
// Horizontal bars of the selected indicator; returns the index (into *bars) of a clicked bar.
std::optional<int> bar_chart(const ViewData& view, const BarChart& chart, ImVec2 size);

}  // namespace hhu::viz
