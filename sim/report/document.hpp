#pragma once
// The policy brief as one self-contained HTML page: inline CSS and SVG, no scripts, no fonts or images
// fetched, laid out to print on A4. The same data and language give the same bytes.
#include <string>

#include "sim/report/report_data.hpp"
#include "sim/report/report_text.hpp"

namespace hhu {

std::string report_html(const ReportData& data, Language lang);

}  // namespace hhu
