#include "sim/report/document.hpp"

#include "sim/report/sections.hpp"

namespace hhu {

namespace {

// Screen: one column up to 1120 px; print: A4 portrait, figures and tables kept whole where they fit.
constexpr const char* kStyle = R"(
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #222; margin: 0; background: #fff; font-size: 14px; line-height: 1.45; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 40px; }
header.title { border-bottom: 4px solid #2c7fb8; margin-bottom: 12px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 26px 0 8px; color: #1d5a85; border-bottom: 1px solid #ccd; padding-bottom: 3px; }
h3 { font-size: 16px; margin: 16px 0 6px; }
p { margin: 6px 0; }
.subtitle { color: #555; margin: 0 0 10px; }
.note { color: #555; font-size: 12.5px; }
.warning { color: #8a3b00; font-weight: bold; }
.label { font-weight: bold; margin-top: 8px; }
.unit { color: #666; font-size: 12px; }
table { border-collapse: collapse; margin: 8px 0 10px; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #eef3f8; font-weight: bold; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.group td { background: #f6f6f6; font-weight: bold; }
table.headline td { font-size: 14px; padding: 6px 8px; }
table.headline td:first-child, table.all td:first-child { width: 32%; min-width: 240px; }
table.headline td.num, table.all td.num { white-space: normal; }
td.num .ci { white-space: nowrap; display: inline-block; }
table.columns { width: auto; min-width: 50%; }
table.checksums td { font-size: 11px; }
table.checksums code { word-break: break-all; white-space: normal; }
.grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 12px 24px; align-items: start; }
figure { margin: 8px 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: 12px; }
.card { border: 1px solid #d5dbe3; border-radius: 4px; padding: 8px 12px; margin: 10px 0; break-inside: avoid; page-break-inside: avoid; }
dl { display: grid; grid-template-columns: 150px 1fr; gap: 2px 10px; margin: 6px 0; font-size: 13px; }
dt { font-weight: bold; color: #444; }
dd { margin: 0; }
ul { margin: 4px 0 8px 18px; padding: 0; font-size: 13px; }
section { break-inside: auto; }
.scenario { break-before: page; page-break-before: always; }
.scenario:first-of-type { break-before: auto; page-break-before: auto; }
@media print { body { font-size: 11pt; } main { padding: 0; max-width: none; } h2 { break-after: avoid; } }
)";

std::string scenario_block(const Page& page, const ReportData& data, const ScenarioReport& s) {
    std::string out;
    if (data.scenarios.size() > 1)
        out += escaped("h2", page.t("scenario.heading") + " " + page.title(s.provenance.words), "class=\"scenario-title\"");
    out += headline_section(page, s);
    out += trends_section(page, s);
    out += map_section(page, s, data.municipalities);
    out += equity_section(page, s);
    out += costs_section(page, s);
    out += workforce_section(page, s);
    out += interventions_section(page, s);
    out += assumptions_section(page, s);
    out += all_figures_section(page, s);
    out += provenance_section(page, data.baseline, s);
    return element("div", out, "class=\"scenario\"");
}

std::string title_block(const Page& page, const ReportData& data) {
    std::string names;
    for (const auto& s : data.scenarios) names += (names.empty() ? "" : ", ") + page.title(s.provenance.words);
    const ScenarioReport& first = data.scenarios.front();
    std::string subtitle = page.t("title.region") + ", " + std::to_string(first.first_year) + "-" +
                           std::to_string(first.last_year) + ". " + page.t("title.compared_1") + " “" +
                           page.title(data.baseline.words) + "” " + page.t("title.compared_2") + " " +
                           std::to_string(first.comparison.replicates) + " " + page.t("title.replicates") + ".";
    return element("header", escaped("h1", page.t("title.brief") + ": " + names) + escaped("p", subtitle, "class=\"subtitle\""),
                   "class=\"title\"");
}

}  // namespace

std::string report_html(const ReportData& data, Language lang) {
    const Page page{lang};
    std::string body = title_block(page, data);
    for (const auto& s : data.scenarios) body += scenario_block(page, data, s);
    std::string names;
    for (const auto& s : data.scenarios) names += (names.empty() ? "" : ", ") + page.title(s.provenance.words);
    return std::string("<!DOCTYPE html>\n<html lang=\"") + language_code(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n" +
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
           "<title>" + xml_escape(page.t("title.brief") + ": " + names) + "</title>\n<style>" + kStyle +
           "</style>\n</head>\n<body>\n<main>\n" + body + "\n</main>\n</body>\n</html>\n";
}

}  // namespace hhu
