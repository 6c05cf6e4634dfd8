#include "csv_export.hpp"

#include <filesystem>
#include <fstream>

#include "sim/core/error.hpp"

namespace hhu::viz {

namespace {

// A scenario name for a CSV cell: quoted if it holds a comma or a quote.
std::string cell(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// A series' rows; lower and upper are its 95% interval over replicates (sim/core/statistics.hpp) where
// the chart shows one, else empty.
void append_rows(std::string& out, const ViewData& view, const std::vector<std::optional<double>>& series,
                 const std::vector<std::optional<double>>& lower, const std::vector<std::optional<double>>& upper,
                 const std::string& code, const std::string& scenario, const std::string& tail) {
    auto at = [](const std::vector<std::optional<double>>& v, std::size_t i) {
        return i < v.size() && v[i] ? format_value(*v[i]) : std::string();
    };
    for (std::size_t i = 0; i < series.size(); ++i) {
        if (!series[i]) continue;
        out += std::to_string(view.first_year + static_cast<int>(i)) + "," + code + "," + view.ind.csv_name() + "," +
               format_value(*series[i]) + "," + at(lower, i) + "," + at(upper, i) + "," + cell(scenario) + tail + "\n";
    }
}

}  // namespace

std::string time_series_csv(const ViewData& view, const std::vector<ReportingUnit>& units, const CsvRun& run) {
    std::string out = "year,zone,indicator,value,lower,upper,scenario,zone_name,unit,scenario_title,scale,seed,version\n";
    // What every row shares after the scenario: the zone's name, the unit, and the run.
    auto tail = [&](const ReportingUnit& u) {
        return "," + cell(u.name) + "," + cell(view.ind.unit_label()) + "," + cell(run.scenario_title) + "," +
               format_value(run.scale) + "," + std::to_string(run.seed) + "," + cell(run.version);
    };
    const ReportingUnit& unit = units.at(view.unit);
    append_rows(out, view, view.series, view.series_lower, view.series_upper, unit.code, view.series_name, tail(unit));
    for (const auto& l : view.lines) append_rows(out, view, l.values, l.lower, l.upper, unit.code, l.name, tail(unit));
    if (!view.reference.empty() && view.lines.empty()) {
        const ReportingUnit& province = units.at(province_unit(units));
        append_rows(out, view, view.reference, {}, {}, province.code, view.series_name, tail(province));
    }
    return out;
}

std::string cost_curves_csv(const ViewData& view) {
    std::string out =
        "year,scenario,intervention_cost_eur,care_cost_change_eur,net_cost_eur,qalys_gained,participants\n";
    for (const auto& c : view.costs)
        for (std::size_t i = 0; i < c.years.size(); ++i)
            out += std::to_string(c.years[i]) + "," + cell(c.name) + "," + format_value(c.intervention_cost_eur[i]) +
                   "," + format_value(c.care_cost_change_eur[i]) + "," + format_value(c.cost_eur[i]) + "," +
                   format_value(c.qalys_gained[i]) + "," + format_value(c.participants[i]) + "\n";
    return out;
}

std::string scenario_words_csv(const std::vector<ShownScenario>& shown) {
    std::string out = "place,file,name,title,description\n";
    for (const auto& s : shown)
        out += cell(s.place) + "," + cell(s.file) + "," + cell(s.name) + "," + cell(s.title) + "," + cell(s.description) + "\n";
    return out;
}

void write_text_file(const std::string& path, const std::string& text) {
    // Written aside and renamed into place: a reader never sees half a file.
    const std::string tmp = path + ".partial";
    {
        std::ofstream f(tmp, std::ios::binary);
        if (!f || !(f << text) || !f.flush()) throw InputError("cannot write " + path);
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) throw InputError("cannot write " + path + ": " + ec.message());
}

}  // namespace hhu::viz
