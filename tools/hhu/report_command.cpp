// hhu report: the policy brief of one or more scenario runs against a baseline run, as one
// self-contained HTML file. The numbers come from sim/compare and the page from sim/report; this file
// checks the arguments and writes the file (atomically, and only when everything could be read).
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "sim/core/error.hpp"
#include "sim/io/atomic_dir.hpp"
#include "sim/model/model_data.hpp"
#include "sim/report/document.hpp"

namespace hhu {

int report_command(const ReportCommand& cmd) {
    const Language lang = parse_language(cmd.lang);
    if (cmd.out.empty()) throw InputError("hhu report: --out FILE.html is required");
    std::error_code ec;
    if (std::filesystem::is_directory(cmd.out, ec))
        throw InputError(cmd.out + ": is a directory (expected the name of the HTML file to write)");
    std::vector<std::filesystem::path> scenarios(cmd.scenarios.begin(), cmd.scenarios.end());
    const std::filesystem::path data_dir = cmd.data_dir.empty() ? default_data_directory() : std::filesystem::path(cmd.data_dir);
    const ReportData data = load_report_data(cmd.baseline, scenarios, data_dir);
    for (const auto& s : data.scenarios)
        for (const auto& w : s.comparison.warnings) std::cerr << "hhu report: warning: " << w << "\n";
    write_file_atomic(cmd.out, report_html(data, lang));
    std::cout << "wrote " << cmd.out << " (" << data.scenarios.size() << " scenario" << (data.scenarios.size() > 1 ? "s" : "")
              << " against '" << data.baseline.scenario_name << "', " << language_code(lang) << ")\n";
    return 0;
}

}  // namespace hhu
