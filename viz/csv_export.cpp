#include "csv_export.hpp"

#include <fstream>

#include "sim/core/error.hpp"

namespace hhu::viz {

namespace {

void append_rows(std::string& out, const ViewData& view, const std::vector<std::optional<double>>& series,
                 const std::string& code) {
    for (std::size_t i = 0; i < series.size(); ++i) {
        if (!series[i]) continue;
        out += std::to_string(view.first_year + static_cast<int>(i)) + "," + code + "," + view.ind.csv_name() + "," +
               format_value(*series[i]) + "\n";
    }
}

}  // namespace

std::string time_series_csv(const ViewData& view, const std::vector<ReportingUnit>& units) {
    std::string out = "year,zone,indicator,value\n";
    append_rows(out, view, view.series, units.at(view.unit).code);
    if (!view.reference.empty()) append_rows(out, view, view.reference, units.at(province_unit(units)).code);
    return out;
}

void write_text_file(const std::string& path, const std::string& text) {
    std::ofstream f(path, std::ios::binary);
    if (!f || !(f << text) || !f.flush()) throw InputError("cannot write " + path);
}

}  // namespace hhu::viz
