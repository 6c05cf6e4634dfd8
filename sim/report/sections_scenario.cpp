// What the scenario does (each intervention as its run recorded it: who, when, how many, effect, cost,
// source), the main assumptions with their sources, and the provenance of the runs.
#include <cmath>
#include <cstdio>

#include "sim/compare/compare_format.hpp"
#include "sim/report/sections.hpp"

namespace hhu {

namespace {

bool is_number(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789.-") == std::string::npos;
}

// "key: value; key: value" with the keys, words and numbers in the page's language.
std::string fields_text(const Page& page, const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string s;
    for (const auto& [key, value] : fields) {
        // Large amounts as compare writes them (6M, not 6000000).
        const std::string number = is_number(value) && std::abs(std::stod(value)) >= 1e4 ? human_number(std::stod(value)) : value;
        const std::string shown = is_number(value) ? localise_figure(page.lang, number) : text_or(page.lang, "value." + value, value);
        s += (s.empty() ? "" : "; ") + text_or(page.lang, "field." + key, key) + ": " + shown;
    }
    return s;
}

std::string definition(const Page& page, const char* key, const std::string& value) {
    if (value.empty()) return "";
    return escaped("dt", page.t(key)) + escaped("dd", value);
}

std::string intervention_card(const Page& page, const InterventionSummary& i) {
    std::string out = escaped("h3", intervention_name(i.id, i.name, i.name_nl, page.lang));
    const std::string& description = intervention_description(i.description, i.description_nl, page.lang);
    if (!description.empty()) out += escaped("p", description);
    std::string effects;
    for (const auto& e : i.effects) effects += (effects.empty() ? "" : " | ") + fields_text(page, e);
    std::string dl = definition(page, "intervention.programme", programme_name(i.programme, page.lang)) +
                     definition(page, "intervention.who", fields_text(page, i.who)) +
                     definition(page, "intervention.when", fields_text(page, i.when)) +
                     definition(page, "intervention.reach", fields_text(page, i.reach)) +
                     definition(page, "intervention.effects", effects) +
                     definition(page, "intervention.cost", fields_text(page, i.cost)) +
                     definition(page, "intervention.source", i.source);
    out += element("dl", dl);
    if (!i.assumptions.empty()) {
        std::string items;
        for (const auto& a : i.assumptions) items += escaped("li", a);
        out += escaped("p", page.t("intervention.assumptions"), "class=\"label\"") + element("ul", items);
    }
    return element("div", out, "class=\"card\"");
}

std::string scale_text(double scale) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", scale);
    return buf;
}

}  // namespace

std::string interventions_section(const Page& page, const ScenarioReport& s) {
    std::string out = escaped("h2", page.t("section.interventions"));
    const std::string& description = scenario_description(s.provenance.words, page.lang);
    if (!description.empty()) out += escaped("p", description);
    if (s.interventions.empty()) return element("section", out + escaped("p", page.t("intervention.none")), "id=\"interventions\"");
    out += escaped("p", page.t("intervention.intro"), "class=\"note\"");
    for (const auto& i : s.interventions) out += intervention_card(page, i);
    return element("section", out, "id=\"interventions\"");
}

std::string assumptions_section(const Page& page, const ScenarioReport& s) {
    std::string items;
    for (const char* key : {"assumption.model", "assumption.replicates", "assumption.discounting", "assumption.reference_values",
                            "assumption.atkinson", "assumption.horizon", "assumption.costs"})
        items += escaped("li", page.t(key));
    // The scenario's notes in the page's language when the file has them so (notes_nl), else as written.
    const auto& notes =
        page.lang == Language::Dutch && !s.provenance.notes_nl.empty() ? s.provenance.notes_nl : s.provenance.notes;
    for (const auto& note : notes) items += escaped("li", note);
    return element("section", escaped("h2", page.t("section.assumptions")) + element("ul", items), "id=\"assumptions\"");
}

std::string provenance_section(const Page& page, const Provenance& baseline, const ScenarioReport& s) {
    std::vector<std::vector<std::string>> runs;
    for (const Provenance* p : {&baseline, &s.provenance})
        runs.push_back({xml_escape(p->scenario_name), xml_escape(p->dir.string()), xml_escape(p->version),
                        std::to_string(p->seed), scale_text(p->scale), std::to_string(p->replicates)});
    std::string out = escaped("h2", page.t("section.provenance"));
    out += html_table({xml_escape(page.t("provenance.scenario")), xml_escape(page.t("provenance.dir")),
                       xml_escape(page.t("provenance.version")), xml_escape(page.t("provenance.seed")),
                       xml_escape(page.t("provenance.scale")), xml_escape(page.t("provenance.replicates"))},
                      runs);
    std::vector<std::vector<std::string>> sums;
    for (const auto& [file, sum] : s.provenance.data_checksums) {
        std::string base_sum;
        for (const auto& [f, b] : baseline.data_checksums)
            if (f == file) base_sum = b;
        sums.push_back({xml_escape(file), "<code>" + xml_escape(sum) + "</code>" +
                                              (base_sum == sum ? "" : " <strong>" + xml_escape(page.t("provenance.differs")) + "</strong>")});
    }
    out += escaped("p", page.t("provenance.checksums"), "class=\"label\"");
    out += html_table({xml_escape(page.t("provenance.file")), "SHA-256"}, sums, "checksums");
    return element("section", out, "id=\"provenance\"");
}

}  // namespace hhu
