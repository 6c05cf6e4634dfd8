#include "viewer_text.hpp"

#include <array>
#include <stdexcept>

namespace hhu::viz {

namespace {

struct Entry {
    std::string_view key;
    std::string en, nl;
};

// Short words: the workshop's sidebar is narrow and the projector's type large.
const std::array kTable = {
    // The sidebar and the title bar.
    Entry{"tab.show", "Show", "Tonen"},
    Entry{"tab.what_to_show", "What to show", "Wat tonen"},
    Entry{"tab.scenario", "Scenario", "Scenario"},
    Entry{"heading.indicator", "Indicator", "Indicator"},
    Entry{"heading.area", "Area", "Gebied"},
    Entry{"heading.municipalities", "Municipalities", "Gemeenten"},
    Entry{"heading.districts", "Utrecht city districts", "Wijken van de stad Utrecht"},
    Entry{"title.region", "Utrecht region 2021\u20132040", "Regio Utrecht 2021\u20132040"},
    Entry{"button.screenshot", "Screenshot", "Schermafdruk"},
    Entry{"button.data_csv", "Data (CSV)", "Gegevens (CSV)"},
    Entry{"button.map_png", "Map", "Kaart"},
    Entry{"button.chart_png", "Chart", "Grafiek"},
    // The chart tabs and headings.
    Entry{"chart.trend", "Trend", "Trend"},
    Entry{"chart.districts", "Districts", "Wijken"},
    Entry{"chart.age", "Age", "Leeftijd"},
    Entry{"chart.education", "Education", "Opleiding"},
    Entry{"chart.costs", "Costs", "Kosten"},
    Entry{"chart.changes", "What changes", "Wat verandert"},
    Entry{"chart.age_sex", "Age and sex", "Leeftijd en geslacht"},
    Entry{"chart.costs_title", "Costs and QALYs gained", "Kosten en gewonnen QALY's"},
    Entry{"chart.costs_detail", "province, cumulated since 2021", "provincie, opgeteld sinds 2021"},
    Entry{"chart.baseline", "Baseline (no interventions)", "Basis (zonder interventies)"},
    Entry{"chart.numbers", "Numbers", "Getallen"},
    Entry{"chart.city_whole", "Utrecht city as a whole", "Stad Utrecht als geheel"},
    // The player bar.
    Entry{"player.play", "\u25B6 Play", "\u25B6 Start"},
    Entry{"player.pause", "\u275A\u275A Pause", "\u275A\u275A Pauze"},
    Entry{"player.restart", "\u21BA Restart", "\u21BA Opnieuw"},
    Entry{"player.year", "Year", "Jaar"},
    Entry{"player.month_step", "+1 month", "+1 maand"},
    Entry{"player.year_step", "+1 year", "+1 jaar"},
    Entry{"player.speed", "Speed", "Snelheid"},
    Entry{"player.follow", "Follow", "Volgen"},
    // The scenario panel.
    Entry{"scenario.interventions", "Interventions", "Interventies"},
    Entry{"scenario.none", "None in this scenario: add one below.", "Geen in dit scenario: voeg er hieronder een toe."},
    Entry{"scenario.ready", "Ready scenarios", "Kant-en-klare scenario's"},
    Entry{"scenario.show", "Show", "Tonen"},
    Entry{"scenario.shown", "Shown", "Getoond"},
    Entry{"scenario.side_by_side", "Side by side", "Naast elkaar"},
    Entry{"scenario.remove_side", "Remove from side by side", "Niet meer naast elkaar"},
    Entry{"scenario.file", "Scenario file", "Scenariobestand"},
    Entry{"scenario.save_copy", "Save a copy", "Kopie opslaan"},
    Entry{"scenario.uncertainty", "Show uncertainty", "Onzekerheid tonen"},
    Entry{"scenario.replicates", "replicates", "herhalingen"},
    Entry{"scenario.coverage", "coverage %.0f%% a year", "bereik %.0f%% per jaar"},
    Entry{"scenario.starts", "starts in %d", "start in %d"},
    Entry{"scenario.where", "where: ", "waar: "},
    Entry{"scenario.everywhere", "Everywhere", "Overal"},
    Entry{"scenario.areas", "areas", "gebieden"},
    Entry{"scenario.add", "+ Add an intervention\u2026", "+ Interventie toevoegen\u2026"},
    Entry{"scenario.places", "places a year", "plaatsen per jaar"},
    Entry{"scenario.per_participant", "per participant", "per deelnemer"},
    // Where the runs are (the panel's two status lines).
    Entry{"status.preview_refining", "Preview in %.1f s; refining: %d\u2026", "Voorproef in %.1f s; verfijnen: %d\u2026"},
    Entry{"status.preview", "Preview\u2026", "Voorproef\u2026"},
    Entry{"status.rerunning", "Re-running: %d\u2026", "Opnieuw doorrekenen: %d\u2026"},
    Entry{"status.preview_result", "Preview in %.1f s, result in %.1f s", "Voorproef in %.1f s, uitkomst in %.1f s"},
    Entry{"status.result", "Result in %.1f s", "Uitkomst in %.1f s"},
    Entry{"status.baseline_ready", "Baseline ready", "Basis klaar"},
    Entry{"status.baseline_year", "Baseline: %d\u2026", "Basis: %d\u2026"},
    // What changes.
    Entry{"changes.title", "What changes", "Wat verandert"},
    Entry{"changes.waiting", "Appears when the scenario and its baseline have run to the end.",
          "Verschijnt zodra het scenario en de basis tot het eind zijn doorgerekend."},
    Entry{"changes.no_interventions",
          "Switch on an intervention, or show a ready scenario, to see what it changes against the baseline.",
          "Zet een interventie aan, of toon een kant-en-klaar scenario, om te zien wat het verandert ten opzichte "
          "van de basis."},
    Entry{"changes.minus", "Minus", "Min"},
    Entry{"changes.paired_mean", "paired (same seeds): mean of %d replicates [95% interval]",
          "gepaard (zelfde startgetallen): gemiddelde van %d herhalingen [95%-interval]"},
    Entry{"changes.one_run", "same seed; one run each: no interval", "zelfde startgetal; \u00e9\u00e9n run elk: geen interval"},
    Entry{"changes.province", "Province of Utrecht", "Provincie Utrecht"},
    Entry{"changes.save", "Save table", "Tabel opslaan"},
    Entry{"changes.difference_map", "Map: scenario minus baseline", "Kaart: scenario min basis"},
    Entry{"changes.measure", "Measure", "Maat"},
    Entry{"changes.in", "In", "In"},
    Entry{"changes.all_years", "All years", "Alle jaren"},
    Entry{"changes.cost_per_qaly_note",
          "Cost per QALY: (intervention costs + change in care costs) / QALYs gained. Source: hhu simulation, "
          "version",
          "Kosten per QALY: (kosten van interventies + verandering in zorgkosten) / gewonnen QALY's. Bron: "
          "hhu-simulatie, versie"},
    // The costs panel (sim/compare's cost rows).
    Entry{"costs.show_health", "Health and care", "Gezondheid en zorg"},
    Entry{"costs.show_costs", "Costs and payers", "Kosten en betalers"},
    Entry{"costs.title", "Who pays, and value for money", "Wie betaalt, en wat levert het op"},
    Entry{"costs.cumulated", "Total", "Totaal"},
    Entry{"costs.discounted", "Discounted", "Verdisconteerd"},
    Entry{"costs.lifetime", "Lifetime", "Levenslang"},
    Entry{"costs.lifetime_discounted", "Lifetime, discounted", "Levenslang, verdisconteerd"},
    Entry{"costs.save", "Save costs (CSV)", "Kosten opslaan (CSV)"},
    Entry{"costs.group_costs", "Costs, change (scenario - baseline)", "Kosten, verandering (scenario - referentie)"},
    Entry{"costs.group_payers", "Costs by payer, change (scenario - baseline)",
          "Kosten per betaler, verandering (scenario - referentie)"},
    Entry{"costs.group_return", "Return on investment (savings / programme costs)",
          "Rendement (besparing / kosten van de programma's)"},
    // Under a chart or the map saved alone.
    Entry{"export.unit", "Unit:", "Eenheid:"},
    Entry{"export.scenario", "Scenario:", "Scenario:"},
    Entry{"export.simulated", "% of residents simulated, seed", "% van de inwoners gesimuleerd, startgetal"},
    Entry{"export.source", "Source: hhu simulation of the Utrecht region, version",
          "Bron: hhu-simulatie van de regio Utrecht, versie"},
    Entry{"costs.discount_note",
          "Discounted to %d at %g%% a year for costs and %g%% for health (Zorginstituut Nederland 2024). "
          "Payers: the change in care costs split by the care acts (Zvw, Wlz, Wmo) and the programmes' funder; "
          "return on investment: a payer's savings per euro of programme; net benefit: value x QALYs gained - net cost.",
          "Verdisconteerd naar %d met %g%% per jaar voor kosten en %g%% voor gezondheid (Zorginstituut Nederland 2024). "
          "Betalers: de verandering in zorgkosten verdeeld naar de zorgwetten (Zvw, Wlz, Wmo) en de financier van de "
          "programma's; rendement: besparing van een betaler per euro programma; netto baten: waarde x gewonnen QALY's "
          "- nettokosten."},
    Entry{"side.switcher", "Map of", "Kaart van"},
};

}  // namespace

const std::string& ui_text(Language lang, std::string_view key) {
    for (const Entry& e : kTable)
        if (e.key == key) return lang == Language::Dutch ? e.nl : e.en;
    throw std::logic_error("viewer text: no key '" + std::string(key) + "'");
}

std::string ui_keys() {
    std::string out;
    for (const Entry& e : kTable) {
        out += e.key;
        out += '\n';
    }
    return out;
}

}  // namespace hhu::viz
