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
    Entry{"chart.costs_note", "Net cost (interventions + change in care costs) against QALYs gained",
          "Nettokosten (interventies + verandering in zorgkosten) tegenover gewonnen QALY's"},
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
    Entry{"scenario.save_copy_long", "Save a copy in the working folder", "Kopie opslaan in de werkmap"},
    Entry{"scenario.uncertainty", "Show uncertainty", "Onzekerheid"},
    Entry{"scenario.replicates", "replicates", "herhalingen"},
    Entry{"scenario.coverage", "coverage %.0f%% a year", "bereik %.0f%% per jaar"},
    Entry{"scenario.starts", "starts in %d", "start in %d"},
    Entry{"scenario.where", "where: ", "waar: "},
    Entry{"scenario.everywhere", "Everywhere", "Overal"},
    Entry{"scenario.areas", "areas", "gebieden"},
    Entry{"scenario.add", "+ Add an intervention", "+ Interventie toevoegen"},
    Entry{"scenario.places", "places a year", "plaatsen per jaar"},
    Entry{"scenario.cost_per_participant", "\u20AC%s per participant", "\u20AC %s per deelnemer"},
    Entry{"scenario.preview_note", "Preview at %g%% of residents, refining to %g%%\u2026",
          "Voorproef met %g%% van de inwoners, verfijnen tot %g%%\u2026"},
    Entry{"scenario.file_replicates", "Uncertainty: %d replicates (scenario file)", "Onzekerheid: %d herhalingen (scenariobestand)"},
    Entry{"tip.uncertainty",
          "Runs %d more seeds of the scenario and its baseline in the background, after each\nresult, and shades the "
          "95%% interval in the trend chart",
          "Rekent na elke uitkomst op de achtergrond %d startgetallen meer van het scenario en de basis\ndoor, en "
          "kleurt het 95%%-interval in de trendgrafiek"},
    Entry{"scenario.load", "Load", "Openen"},
    Entry{"scenario.save", "Save", "Opslaan"},
    Entry{"scenario.cannot_load", "Cannot load: ", "Kan niet openen: "},
    Entry{"scenario.source", "Source: ", "Bron: "},
    Entry{"scenario.from", "From ", "Uit "},
    Entry{"scenario.no_files", "No scenario files found.", "Geen scenariobestanden gevonden."},
    Entry{"tip.coverage", "Share of eligible residents offered a place each year",
          "Aandeel van de inwoners die in aanmerking komen dat elk jaar een plaats krijgt aangeboden"},
    // Where the runs are (the panel's two status lines).
    // Pieces packed on the two lines as they fit (a lower-case piece that starts a line gets a capital).
    Entry{"status.preview_in", "Preview in %.1f s", "Voorproef in %.1f s"},
    Entry{"status.refining", "refining: %d\u2026", "verfijnen: %d\u2026"},
    Entry{"status.preview", "Preview\u2026", "Voorproef\u2026"},
    Entry{"status.rerunning", "re-running: %d\u2026", "opnieuw doorrekenen: %d\u2026"},
    Entry{"status.result_in", "result in %.1f s", "uitkomst in %.1f s"},
    Entry{"status.baseline_ready", "Baseline ready", "Basis klaar"},
    Entry{"status.baseline_ready_long", "Baseline ready (no interventions)", "Basis klaar (zonder interventies)"},
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
    Entry{"changes.paired_mean", "paired (same seeds): mean of %d replicates [95%% interval]",
          "gepaard (zelfde startgetallen): gemiddelde van %d herhalingen [95%%-interval]"},
    Entry{"changes.one_run", "same seed; one run each: no interval", "zelfde startgetal; \u00e9\u00e9n run elk: geen interval"},
    Entry{"changes.province", "Province of Utrecht", "Provincie Utrecht"},
    Entry{"changes.save", "Save table", "Tabel opslaan"},
    Entry{"changes.save_long", "Save this table (CSV)", "Deze tabel opslaan (CSV)"},
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
    Entry{"costs.prices_note", "All amounts in euros at 2023 prices.", "Alle bedragen in euro, prijzen 2023."},
    // Dutch: "contante waarde" (present value), shorter than "verdisconteerd" in a narrow column.
    Entry{"costs.discounted", "Discounted", "Contante waarde"},
    Entry{"costs.lifetime", "Lifetime", "Levenslang"},
    Entry{"costs.lifetime_discounted", "Lifetime, discounted", "Levenslang, contante waarde"},
    Entry{"costs.save", "Save costs (CSV)", "Kosten opslaan (CSV)"},
    Entry{"costs.group_costs", "Costs, change (scenario - baseline)", "Kosten, verandering (scenario - basis)"},
    Entry{"costs.group_payers", "Costs by payer, change (scenario - baseline)",
          "Kosten per betaler, verandering (scenario - basis)"},
    Entry{"costs.group_societal", "Societal perspective (scenario - baseline)",
          "Maatschappelijk perspectief (scenario - basis)"},
    Entry{"costs.group_return", "Return on investment (savings / programme costs)",
          "Rendement (besparing / kosten van de programma's)"},
    // Under a chart or the map saved alone.
    Entry{"export.unit", "Unit:", "Eenheid:"},
    Entry{"export.scenario", "Scenario:", "Scenario:"},
    Entry{"export.simulated", "%s%% of residents simulated, seed %s", "%s%% van de inwoners gesimuleerd, startgetal %s"},
    Entry{"export.source", "Source: hhu simulation of the Utrecht region, version",
          "Bron: hhu-simulatie van de regio Utrecht, versie"},
    Entry{"costs.discount_note",
          "Discounted to %d at %s%% a year for costs and %s%% for health (Zorginstituut Nederland 2024). "
          "Payers: the change in care costs split by the care acts (Zvw, Wlz, Wmo) and the programmes' funder; "
          "return on investment: a payer's savings per euro of programme; net benefit: value x QALYs gained - net cost.",
          "Contante waarde: verdisconteerd naar %d met %s%% per jaar voor kosten en %s%% voor gezondheid (Zorginstituut Nederland 2024). "
          "Betalers: de verandering in zorgkosten verdeeld naar de zorgwetten (Zvw, Wlz, Wmo) en de financier van de "
          "programma's; rendement: besparing van een betaler per euro programma; netto baten: waarde x gewonnen QALY's "
          "- nettokosten."},
    Entry{"side.switcher", "Map of", "Kaart van"},
    // Messages in the title bar.
    Entry{"message.no_baseline", "No baseline: ", "Geen basis: "},
    Entry{"message.not_applied", "Not applied: ", "Niet toegepast: "},
    Entry{"message.rerunning", "Re-running the scenario to %d\u2026", "Scenario opnieuw doorrekenen tot %d\u2026"},
    Entry{"message.preview", "Preview to %d in %.1f s; refining at %g%% of residents\u2026",
          "Voorproef tot %d in %.1f s; verfijnen met %g%% van de inwoners\u2026"},
    Entry{"message.result", "Result to %d in %.1f s", "Uitkomst tot %d in %.1f s"},
    Entry{"message.side_by_side", "%s side by side: simulating in the background",
          "%s naast elkaar: wordt op de achtergrond doorgerekend"},
    Entry{"message.saved", "Saved ", "Opgeslagen: "},
    Entry{"message.could_not_save", "Could not save ", "Kon niet opslaan: "},
    Entry{"message.opened", "Opened %s against %s", "%s geopend tegenover %s"},
    Entry{"changes.simulated_here", "simulated in the viewer", "doorgerekend in de viewer"},
    Entry{"changes.run_dirs", "run directories %s and %s", "runmappen %s en %s"},
    // Areas: the aggregates' names (municipalities and districts keep theirs), education levels.
    Entry{"area.city", "Utrecht (city)", "Utrecht (stad)"},
    Entry{"area.province", "Province of Utrecht", "Provincie Utrecht"},
    Entry{"area.or_click", "(or click the map)", "(of klik op de kaart)"},
    Entry{"area.district_of", ", district of ", ", wijk van "},
    Entry{"education.low", "low", "laag"},
    Entry{"education.middle", "middle", "middelbaar"},
    Entry{"education.high", "high", "hoog"},
    Entry{"education.by", "By education level", "Naar opleidingsniveau"},
    Entry{"education.by_mother", "By education (mother's)", "Naar opleiding (van de moeder)"},
    // The title bar, outside workshop mode (workshop mode has the short words above).
    Entry{"button.save_screenshot", "Save screenshot", "Schermafdruk opslaan"},
    Entry{"button.save_csv", "Save chart data (CSV)", "Grafiekgegevens opslaan (CSV)"},
    Entry{"button.save_map", "Save map (PNG)", "Kaart opslaan (PNG)"},
    Entry{"button.save_chart", "Save chart (PNG)", "Grafiek opslaan (PNG)"},
    Entry{"button.show_charts", "Show the charts", "Grafieken tonen"},
    Entry{"tip.map_png", "Saves the map alone, with its title, legend, scenario and source",
          "Slaat de kaart alleen op, met titel, legenda, scenario en bron"},
    Entry{"tip.chart_png", "Saves the chart alone, with its title, unit, scenario and source",
          "Slaat de grafiek alleen op, met titel, eenheid, scenario en bron"},
    Entry{"tip.screenshot", "Saves the whole window as a PNG in the working folder",
          "Slaat het hele venster op als PNG in de werkmap"},
    Entry{"tip.csv", "Saves the time series shown (year,zone,indicator,value) in the working folder",
          "Slaat de getoonde tijdreeks op (jaar, gebied, indicator, waarde) in de werkmap"},
    Entry{"tip.restart", "Start again from 1 January 2021 (same scenario and seed)",
          "Opnieuw beginnen op 1 januari 2021 (zelfde scenario en startgetal)"},
    Entry{"tip.space", "Space bar", "Spatiebalk"},
    Entry{"tip.next_year", "Simulate to the next 1 January", "Doorrekenen tot de volgende 1 januari"},
    Entry{"player.follow_long", "Follow the simulation", "De simulatie volgen"},
    // The status line (title bar).
    Entry{"status.building", "Building the population\u2026", "De bevolking wordt opgebouwd\u2026"},
    Entry{"status.stopped", "Simulation stopped: ", "Simulatie gestopt: "},
    Entry{"status.starting", "Starting at 1 January 2021\u2026", "Start op 1 januari 2021\u2026"},
    Entry{"status.ready", "Ready at 1 January 2021: press \u25B6 Play", "Klaar op 1 januari 2021: druk op \u25B6 Start"},
    Entry{"status.finished", "Finished: ", "Klaar: "},
    Entry{"status.simulating", "Simulating, through ", "Simuleren, tot en met "},
    Entry{"status.paused", "Paused after ", "Gepauzeerd na "},
    Entry{"status.province", "  \u00B7  province: %s residents on 1 January %d",
          "  \u00B7  provincie: %s inwoners op 1 januari %d"},
    Entry{"months", "January,February,March,April,May,June,July,August,September,October,November,December",
          "januari,februari,maart,april,mei,juni,juli,augustus,september,oktober,november,december"},
    Entry{"speed", "1 month/s,2 months/s,4 months/s,1 year/s,2 years/s,5 years/s,10 years/s,fastest",
          "1 maand/s,2 maanden/s,4 maanden/s,1 jaar/s,2 jaar/s,5 jaar/s,10 jaar/s,snelst"},
    // The sidebar.
    Entry{"show.same_colours", "Same colours every year", "Elk jaar dezelfde kleuren"},
    Entry{"tip.same_colours", "On: a colour on the map means the same value in every year.\nOff: colours span this year's values.",
          "Aan: een kleur op de kaart betekent elk jaar dezelfde waarde.\nUit: de kleuren beslaan de waarden van dit jaar."},
    Entry{"show.shown_as", "Shown as: ", "Getoond als: "},
    Entry{"show.needs_health", "Needs the health model, which this run does not have.",
          "Vraagt het gezondheidsmodel, dat deze run niet heeft."},
    Entry{"show.sample", "%g%% sample", "steekproef van %g%%"},
    Entry{"show.all_residents", "all residents", "alle inwoners"},
    Entry{"show.no_interventions", "No interventions: add some \u203A", "Geen interventies: voeg toe \u203A"},
    Entry{"show.interventions_on", "Interventions: %d of %d on \u203A", "Interventies: %d van %d aan \u203A"},
    // The charts.
    Entry{"chart.not_yet", "not yet simulated", "nog niet gesimuleerd"},
    Entry{"band.mean", "Line: mean of %d replicates; band: its 95%% interval",
          "Lijn: gemiddelde van %d herhalingen; band: het 95%%-interval"},
    Entry{"band.mean_so_far", "Line: mean of %d of %d replicates; band: its 95%% interval\u2026",
          "Lijn: gemiddelde van %d van %d herhalingen; band: het 95%%-interval\u2026"},
    Entry{"band.computing", "Computing %d replicates for the 95%% interval\u2026",
          "%d herhalingen worden doorgerekend voor het 95%%-interval\u2026"},
    Entry{"chart.interval", "  95%% interval %s to %s", "  95%%-interval %s tot %s"},
    Entry{"chart.not_simulated", "%s: not simulated yet", "%s: nog niet gesimuleerd"},
    Entry{"chart.click_year", "Click to show this year", "Klik om dit jaar te tonen"},
    Entry{"chart.costs_preview",
          "Costs and QALYs gained appear with the full result: the quick preview's sample is too small for a difference of QALYs.",
          "Kosten en gewonnen QALY's verschijnen met de volledige uitkomst: de steekproef van de voorproef is te klein voor een verschil in QALY's."},
    Entry{"chart.costs_waiting", "Costs and QALYs appear once the scenario and its baseline have simulated a year.",
          "Kosten en QALY's verschijnen zodra het scenario en de basis een jaar hebben doorgerekend."},
    Entry{"chart.costs_none",
          "No intervention is switched on. Switch one on in the Scenario panel to see its costs against the QALYs gained over the baseline.",
          "Er staat geen interventie aan. Zet er een aan in het paneel Scenario om de kosten te zien tegenover de gewonnen QALY's ten opzichte van de basis."},
    Entry{"chart.per_qaly_20k", "\u20AC20,000 per QALY", "\u20AC 20.000 per QALY"},
    Entry{"chart.net_cost_axis", "net cost, \u20AC million", "nettokosten, mln euro"},
    Entry{"chart.qalys_axis_long", "QALYs gained over the baseline", "Gewonnen QALY's ten opzichte van de basis"},
    Entry{"chart.qalys_axis", "QALYs gained", "Gewonnen QALY's"},
    Entry{"chart.net_cost_tip", "Net cost: \u20AC%s (interventions \u20AC%s, care costs %s\u20AC%s)",
          "Nettokosten: \u20AC %s (interventies \u20AC %s, zorgkosten %s\u20AC %s)"},
    Entry{"chart.qalys_tip", "QALYs gained: %s", "Gewonnen QALY's: %s"},
    Entry{"chart.participants_tip", "Participants: %s", "Deelnemers: %s"},
    Entry{"chart.cost_per_qaly_tip", "Cost per QALY gained: \u20AC%s", "Kosten per gewonnen QALY: \u20AC %s"},
    Entry{"chart.no_qalys_yet", "No QALYs gained yet", "Nog geen QALY's gewonnen"},
    Entry{"chart.no_residents", "No residents counted yet: they appear once the simulation starts.",
          "Nog geen inwoners geteld: ze verschijnen zodra de simulatie start."},
    Entry{"chart.men", "Men", "Mannen"},
    Entry{"chart.women", "Women", "Vrouwen"},
    Entry{"chart.age_tip", "Age %s on 1 January %d", "Leeftijd %s op 1 januari %d"},
    Entry{"chart.men_women_tip", "Men: %s   Women: %s", "Mannen: %s   Vrouwen: %s"},
    Entry{"chart.base_tip", "%d: men %s, women %s", "%d: mannen %s, vrouwen %s"},
    Entry{"chart.not_available", "Not available for this indicator.", "Niet beschikbaar voor deze indicator."},
    Entry{"chart.not_simulated_yet", "Not simulated yet.", "Nog niet gesimuleerd."},
    Entry{"chart.no_value", "no value", "geen waarde"},
    Entry{"chart.no_value_yet", "%s, %d: no value yet", "%s, %d: nog geen waarde"},
    Entry{"chart.click_select", "Click to select", "Klik om te kiezen"},
    Entry{"chart.click_show", "Click to show it in the charts", "Klik om het in de grafieken te tonen"},
    Entry{"chart.city_dashed", "Dashed line: the city as a whole (%s)", "Stippellijn: de stad als geheel (%s)"},
    Entry{"chart.on_1_january", "1 January ", "1 januari "},
    Entry{"chart.scenario_tip", "Scenario %s", "Scenario %s"},
    // The map.
    Entry{"map.change_in", "Change in %s, %d: scenario minus baseline", "Verandering in %s, %d: scenario min basis"},
    Entry{"map.change_unit", "change, ", "verandering, "},
    Entry{"map.province_only", "%s is modelled for the province as a whole: see the charts.",
          "%s is gemodelleerd voor de provincie als geheel: zie de grafieken."},
    Entry{"map.no_values", "No values yet: they appear as the first year is simulated.",
          "Nog geen waarden: ze verschijnen zodra het eerste jaar is doorgerekend."},
    Entry{"map.appears", "%s for %d appears once that year has been simulated.",
          "%s voor %d verschijnt zodra dat jaar is doorgerekend."},
    Entry{"map.inset_schematic", "Utrecht city: its 10 districts as schematic cells, enlarged|Utrecht city: 10 districts, schematic|Utrecht (schematic)",
          "Stad Utrecht: de 10 wijken als schematische vlakken, vergroot|Stad Utrecht: 10 wijken, schematisch|Utrecht (schematisch)"},
    Entry{"map.inset", "Utrecht city: its 10 districts, enlarged|Utrecht city, enlarged|Utrecht city",
          "Stad Utrecht: de 10 wijken, vergroot|Stad Utrecht, vergroot|Stad Utrecht"},
    Entry{"map.source_cbs", "Municipal boundaries: CBS / Kadaster 2021 (CC BY 4.0)",
          "Gemeentegrenzen: CBS / Kadaster 2021 (CC BY 4.0)"},
    Entry{"map.source_schematic", "Schematic map: cells around the zones' centroids",
          "Schematische kaart: vlakken rond de middelpunten van de gebieden"},
    Entry{"map.source_file", "Boundaries: ", "Grenzen: "},
    Entry{"map.districts_schematic", "; Utrecht city's districts: schematic cells", "; wijken van de stad Utrecht: schematische vlakken"},
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
