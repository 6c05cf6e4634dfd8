#include "sim/report/report_text.hpp"

#include <array>
#include <stdexcept>

#include "sim/core/error.hpp"

namespace hhu {

namespace {

struct Entry {
    std::string_view key;
    std::string en, nl;
};

// Every fixed text of the brief. Sources of the numbers named here: the discount rates and reference
// values are compare's (sim/compare/compare.hpp, with their sources); the Atkinson aversion is compare's.
const std::array kTexts = std::to_array<Entry>({
    {"title.brief", "Policy brief", "Beleidsnotitie"},
    {"title.region", "Province of Utrecht, all residents, simulated month by month", "Provincie Utrecht, alle inwoners, maand voor maand gesimuleerd"},
    {"title.compared_1", "Compared with the run", "Vergeleken met de run"},
    {"title.compared_2", "with", "met"},
    {"title.replicates", "paired replicates", "gepaarde herhalingen"},
    {"scenario.heading", "Scenario:", "Scenario:"},

    {"section.headline", "What changes", "Wat verandert er"},
    {"section.trends", "Trends with and without the scenario", "Trends met en zonder het scenario"},
    {"section.map", "Where: the change by municipality and district", "Waar: de verandering per gemeente en wijk"},
    {"section.equity", "For whom: equity", "Voor wie: gezondheidsverschillen"},
    {"section.costs", "Costs, cost per QALY and net benefit", "Kosten, kosten per QALY en netto baten"},
    {"section.workforce", "The care workforce gap", "Het tekort aan zorgpersoneel"},
    {"section.interventions", "What the scenario does", "Wat het scenario doet"},
    {"section.assumptions", "Main assumptions and their sources", "Belangrijkste aannames en hun bronnen"},
    {"section.all", "All figures of the comparison", "Alle cijfers van de vergelijking"},
    {"section.provenance", "Provenance", "Herkomst"},

    {"headline.what", "What", "Wat"},
    {"headline.intro_1", "The scenario", "Het scenario"},
    {"headline.intro_2", "compared with the baseline (no new policy), for the whole province of Utrecht,",
     "vergeleken met de referentie (geen nieuw beleid), voor de hele provincie Utrecht,"},
    {"headline.healthy_life_years_gained", "Years lived in good health gained", "Gewonnen jaren in goede gezondheid"},
    {"headline.qalys_gained", "Quality-adjusted life years (QALYs) gained", "Gewonnen voor kwaliteit gecorrigeerde levensjaren (QALY's)"},
    {"headline.wellbys_gained", "Wellbeing-adjusted life years (WELLBYs: points of life satisfaction x years) gained",
     "Gewonnen WELLBY's (punten levenstevredenheid x jaren)"},
    {"headline.deaths_averted", "Deaths averted", "Voorkomen sterfgevallen"},
    {"headline.care_hours_change", "Change in hours of care", "Verandering in het aantal zorguren"},
    {"headline.intervention_cost_change", "Cost of the programmes", "Kosten van de programma's"},
    {"headline.care_cost_change", "Change in care costs", "Verandering in zorgkosten"},
    {"headline.cost_per_qaly_gained", "Cost per QALY gained", "Kosten per gewonnen QALY"},
    {"headline.net_monetary_benefit_20k", "Net benefit at EUR 20,000 per QALY", "Netto baten bij 20.000 euro per QALY"},
    {"headline.district_atkinson_healthy_life_expectancy_change",
     "Change in the inequality of healthy life expectancy between Utrecht's districts (Atkinson index; negative: smaller)",
     "Verandering in de ongelijkheid van de gezonde levensverwachting tussen de Utrechtse wijken (Atkinson-index; negatief: kleiner)"},
    {"period.total", "Total", "Totaal"},
    {"unit.per_year", " per year", " per jaar"},
    {"period.discounted", "Total, discounted", "Totaal, verdisconteerd"},
    {"period.in", "In", "In"},

    {"note.single_replicate", "One run per scenario: each figure is the difference itself, without an interval.",
     "Eén run per scenario: elk cijfer is het verschil zelf, zonder onzekerheidsmarge."},
    {"note.interval_1", "Each figure: the mean of the", "Elk cijfer: het gemiddelde van de"},
    {"note.interval_2",
     "paired differences (the scenario minus the baseline, run with the same random numbers) with its 95% interval in brackets; "
     "cost per QALY: the ratio of the mean differences with Fieller's 95% interval. These are the numbers of hhu compare.",
     "gepaarde verschillen (het scenario min de referentie, met dezelfde toevalsgetallen gerekend), met tussen haken het "
     "95%-betrouwbaarheidsinterval; kosten per QALY: de verhouding van de gemiddelde verschillen met het 95%-interval van "
     "Fieller. Het zijn de cijfers van hhu compare."},
    {"note.discounting_1", "Discounted: each year's costs and care hours at", "Verdisconteerd: de kosten en zorguren van elk jaar tegen"},
    {"note.discounting_2", "a year and health at", "per jaar en gezondheid tegen"},
    {"note.discounting_3", "a year (Zorginstituut Nederland guideline, 2024), to",
     "per jaar (richtlijn van Zorginstituut Nederland, 2024), teruggerekend naar"},
    {"note.horizon", "Health gained after the last simulated year is not counted.",
     "Gezondheidswinst na het laatste gesimuleerde jaar telt niet mee."},
    {"note.warning", "Warning:", "Waarschuwing:"},

    {"trends.intro",
     "Lines: the mean over the runs; shaded: the 95% interval (as in yearly_interval.csv). Grey dashed: the baseline.",
     "Lijnen: het gemiddelde over de runs; gearceerd: het 95%-interval (zoals in yearly_interval.csv). Grijs gestippeld: de referentie."},
    {"label.baseline", "baseline", "referentie"},

    {"map.title", "QALYs gained by municipality", "Gewonnen QALY's per gemeente"},
    {"map.intro_1", "QALYs gained over", "Gewonnen QALY's over"},
    {"map.intro_2",
     "per 1,000 residents of the first year (blue: gain, orange: loss). Utrecht city's ten districts have no outline on the map; "
     "they are shown beside it. Small municipalities are too small at this scale and are named in the table.",
     "per 1.000 inwoners van het eerste jaar (blauw: winst, oranje: verlies). De tien wijken van de stad Utrecht hebben geen eigen "
     "omtrek op de kaart; ze staan ernaast. Kleine gemeenten zijn op deze schaal te klein voor een naam en staan in de tabel."},
    {"map.no_data", "no data", "geen gegevens"},
    {"map.districts_title", "Utrecht city, by district", "Stad Utrecht, per wijk"},
    {"map.districts_caption", "Bars: the mean; whiskers: the 95% interval.", "Balken: het gemiddelde; strepen: het 95%-interval."},
    {"map.municipality", "Municipality", "Gemeente"},
    {"unit.qalys_per_1000", "QALYs per 1,000 residents", "QALY's per 1.000 inwoners"},

    {"equity.intro_1", "Healthy life expectancy at birth in", "Gezonde levensverwachting bij geboorte in"},
    {"equity.intro_2",
     "in the baseline and its change with the scenario, and the QALYs gained over the whole period, by education level and by "
     "district of Utrecht city.",
     "in de referentie en de verandering door het scenario, en de gewonnen QALY's over de hele periode, naar opleidingsniveau en "
     "naar wijk van de stad Utrecht."},
    {"equity.group", "Group", "Groep"},
    {"equity.hle_baseline", "Healthy life expectancy (years), baseline", "Gezonde levensverwachting (jaren), referentie"},
    {"equity.hle_change", "Change (years)", "Verandering (jaren)"},
    {"equity.qalys_gained", "QALYs gained", "Gewonnen QALY's"},
    {"equity.by_education", "By education level", "Naar opleidingsniveau"},
    {"equity.by_district", "By district of Utrecht city", "Naar wijk van de stad Utrecht"},
    {"equity.gaps", "Change in the gaps in health (scenario - baseline)", "Verandering van de verschillen in gezondheid (scenario - basis)"},
    {"equity.change_in", "Change in", "Verandering in"},
    {"equity.gaps_note", "The change of each gap, not the gap itself. Negative: the gap narrows with the scenario.", "De verandering van elk verschil, niet het verschil zelf. Negatief: het verschil wordt kleiner door het scenario."},
    {"education.low", "Low education", "Laag opgeleid"},
    {"education.middle", "Middle education", "Middelbaar opgeleid"},
    {"education.high", "High education", "Hoog opgeleid"},

    {"costs.intro",
     "Costs of the programmes and the change in care costs (negative: savings), from the perspective of health care. Cost per "
     "QALY: the programmes' costs plus the change in care costs, per QALY gained. Net benefit: the value of the QALYs gained "
     "minus those costs (positive: worth its cost at that value).",
     "Kosten van de programma's en de verandering in zorgkosten (negatief: besparing), vanuit het perspectief van de "
     "gezondheidszorg. Kosten per QALY: de kosten van de programma's plus de verandering in zorgkosten, per gewonnen QALY. Netto "
     "baten: de waarde van de gewonnen QALY's min die kosten (positief: de kosten waard bij die waarde)."},
    {"costs.plane_title", "Each run on the cost-effectiveness plane", "Elke run op het kosteneffectiviteitsvlak"},
    {"costs.plane_x", "QALYs gained", "Gewonnen QALY's"},
    {"costs.plane_y", "Net cost (EUR)", "Netto kosten (euro)"},
    {"costs.plane_caption", "One point per pair of runs, whole period, not discounted.",
     "Eén punt per paar runs, hele periode, niet verdisconteerd."},

    {"workforce.intro",
     "The shortage of care workers in the province (full-time equivalents needed minus available) without and with the scenario.",
     "Het tekort aan zorgmedewerkers in de provincie (benodigde min beschikbare voltijdbanen) zonder en met het scenario."},
    {"workforce.year", "Year", "Jaar"},
    {"workforce.without", "Shortage without the scenario (FTE)", "Tekort zonder het scenario (fte)"},
    {"workforce.with", "Shortage with the scenario (FTE)", "Tekort met het scenario (fte)"},
    {"workforce.change", "Change (FTE)", "Verandering (fte)"},

    {"all.intro", "Every row of hhu compare for the province, with the same numbers.",
     "Alle regels van hhu compare voor de provincie, met dezelfde cijfers."},

    {"intervention.intro",
     "As recorded in the scenario run (manifest.json). Descriptions, sources and assumptions are quoted from the scenario file.",
     "Zoals vastgelegd in de run van het scenario (manifest.json). Beschrijvingen, bronnen en aannames zijn overgenomen uit het "
     "scenariobestand (in het Engels)."},
    {"intervention.none", "The scenario has no interventions.", "Het scenario heeft geen interventies."},
    {"intervention.programme", "Programme", "Programma"},
    {"intervention.who", "Who", "Voor wie"},
    {"intervention.when", "When", "Wanneer"},
    {"intervention.reach", "How many", "Hoeveel"},
    {"intervention.effects", "Effect", "Effect"},
    {"intervention.cost", "Cost", "Kosten"},
    {"intervention.source", "Source", "Bron"},
    {"intervention.assumptions", "Assumptions", "Aannames"},

    {"assumption.model",
     "Every resident of the province is simulated month by month; every number of the model has its published source, or a "
     "stated assumption with its reason, in the data tables of hhu (data/README.md) or, for the economic evaluation, in "
     "docs/economics.md.",
     "Elke inwoner van de provincie wordt maand voor maand gesimuleerd; elk getal van het model heeft zijn gepubliceerde bron, "
     "of een vermelde aanname met de reden ervan, in de gegevenstabellen van hhu (data/README.md) of, voor de economische "
     "evaluatie, in docs/economics.md."},
    {"assumption.replicates",
     "The intervals show the chance variation of the simulation (runs with different random seeds), not the uncertainty of the "
     "input figures.",
     "De intervallen tonen de toevalsvariatie van de simulatie (runs met verschillende toevalsgetallen), niet de onzekerheid van "
     "de invoergegevens."},
    {"assumption.discounting",
     "Discounting: 3% a year for costs and 1.5% for health (Zorginstituut Nederland, Richtlijn voor het uitvoeren van economische "
     "evaluaties in de gezondheidszorg, 2024).",
     "Verdiscontering: 3% per jaar voor kosten en 1,5% voor gezondheid (Zorginstituut Nederland, Richtlijn voor het uitvoeren van "
     "economische evaluaties in de gezondheidszorg, 2024)."},
    {"assumption.reference_values",
     "Net benefit at the Dutch reference values of EUR 20,000, 50,000 and 80,000 per QALY (Zorginstituut Nederland, "
     "Kosteneffectiviteit in de praktijk, 2015).",
     "Netto baten bij de Nederlandse referentiewaarden van 20.000, 50.000 en 80.000 euro per QALY (Zorginstituut Nederland, "
     "Kosteneffectiviteit in de praktijk, 2015)."},
    {"assumption.atkinson",
     "Atkinson index with an inequality aversion of 10.95 (Robson, Asaria, Cookson, Tsuchiya and Ali, Health Economics 2017).",
     "Atkinson-index met een ongelijkheidsaversie van 10,95 (Robson, Asaria, Cookson, Tsuchiya en Ali, Health Economics 2017)."},
    {"assumption.horizon",
     "Horizon: health gained and costs after the last simulated year count only in the lifetime rows, when the runs followed "
     "the residents alive at the end to death (hhu run --lifetime); the other rows understate prevention whose effects come "
     "late.",
     "Tijdshorizon: gezondheidswinst en kosten na het laatste gesimuleerde jaar tellen alleen mee in de levenslange rijen, als "
     "de runs de inwoners die aan het eind leven tot hun overlijden volgden (hhu run --lifetime); de overige rijen geven "
     "preventie met late effecten te laag weer."},
    {"assumption.costs",
     "Costs are those of care and of the programmes, also split by payer; the societal perspective adds informal care and "
     "productivity losses (friction costs). All amounts are in 2023 prices: each source's amount (from 2007 to 2023 prices) "
     "is indexed with the consumer price index (CBS).",
     "Kosten zijn die van de zorg en van de programma's, ook per financier; het maatschappelijk perspectief telt mantelzorg en "
     "productiviteitsverlies (frictiekosten) mee. Alle bedragen zijn in prijzen van 2023: het bedrag van elke bron (in prijzen "
     "van 2007 tot 2023) is geïndexeerd met de consumentenprijsindex (CBS)."},

    {"provenance.scenario", "Scenario", "Scenario"},
    {"provenance.dir", "Run directory", "Runmap"},
    {"provenance.version", "hhu version", "hhu-versie"},
    {"provenance.seed", "Seed", "Seed"},
    {"provenance.scale", "Scale", "Schaal"},
    {"provenance.replicates", "Replicates", "Herhalingen"},
    {"provenance.checksums", "Data files read by the scenario run, with their SHA-256 checksums:",
     "Gegevensbestanden die de scenariorun las, met hun SHA-256-controlegetallen:"},
    {"provenance.file", "File", "Bestand"},
    {"provenance.differs", "(differs from the baseline run)", "(wijkt af van de referentierun)"},

    // compare's groups (sim/compare/compare.cpp)
    {"group.Health gained", "Health gained", "Gewonnen gezondheid"},
    {"group.Cases averted (baseline - scenario)", "Cases averted (baseline - scenario)", "Voorkomen ziektegevallen (referentie - scenario)"},
    {"group.Care, change (scenario - baseline)", "Care, change (scenario - baseline)", "Zorg, verandering (scenario - referentie)"},
    {"group.Costs, change (scenario - baseline)", "Costs, change (scenario - baseline)", "Kosten, verandering (scenario - referentie)"},
    {"group.Inequality, change in the gap (scenario - baseline; negative: narrower)",
     "Inequality, change in the gap (scenario - baseline; negative: narrower)",
     "Ongelijkheid, verandering van het verschil (scenario - referentie; negatief: kleiner)"},
    {"group.Who gains (scenario - baseline)", "Who gains (scenario - baseline)", "Wie wint (scenario - referentie)"},

    // units of compare's rows
    {"unit.years", "years", "jaren"},
    {"unit.QALY", "QALY", "QALY"},
    {"unit.DALY", "DALY", "DALY"},
    {"unit.WELLBY", "WELLBY", "WELLBY"},
    {"unit.deaths", "deaths", "sterfgevallen"},
    {"unit.cases", "cases", "gevallen"},
    {"unit.hours", "hours", "uren"},
    {"unit.EUR", "EUR", "euro"},
    {"unit.EUR per QALY", "EUR per QALY", "euro per QALY"},
    {"unit.EUR (2023 prices)", "EUR (2023 prices)", "euro (prijzen 2023)"},
    {"unit.EUR (2023 prices) per QALY", "EUR (2023 prices) per QALY", "euro (prijzen 2023) per QALY"},
    {"unit.index", "index", "index"},

    // fields and values of an intervention (sim/scenario/scenario.cpp)
    {"field.age_min", "age from", "leeftijd vanaf"},
    {"field.age_max", "age to", "leeftijd tot en met"},
    {"field.sex", "sex", "geslacht"},
    {"field.education", "education", "opleiding"},
    {"field.zones", "zones", "gebieden"},
    {"field.household", "household", "huishouden"},
    {"field.risk_factors", "risk factors", "risicofactoren"},
    {"field.conditions", "conditions", "aandoeningen"},
    {"field.pregnancy", "pregnancy", "zwangerschap"},
    {"field.start_year", "from", "vanaf"},
    {"field.end_year", "to", "tot en met"},
    {"field.ramp_up_years", "years to full reach", "jaren tot volledig bereik"},
    {"field.coverage", "share offered each year", "aandeel dat per jaar een aanbod krijgt"},
    {"field.uptake", "share accepting", "aandeel dat meedoet"},
    {"field.capacity_per_year", "places per year", "plaatsen per jaar"},
    {"field.digital_skills", "needs digital skills", "vraagt digitale vaardigheden"},
    {"field.per_participant_eur", "EUR per participant", "euro per deelnemer"},
    {"field.per_year_eur", "EUR per year", "euro per jaar"},
    {"field.price_year", "in the prices of", "prijspeil"},
    {"field.target", "on", "op"},
    {"field.relative_risk", "relative risk", "relatief risico"},
    {"field.probability", "probability", "kans"},
    {"field.duration_years", "lasting (years)", "duur (jaren)"},
    {"field.decay", "decay", "afname"},
    {"field.kind", "kind", "soort"},
    {"field.half_life_years", "half-life (years)", "halfwaardetijd (jaren)"},
    {"field.active_mobility_index", "active mobility index", "index actieve mobiliteit"},
    {"field.green_m2_per_dwelling", "green space per dwelling (m2)", "groen per woning (m2)"},
    {"value.rate", "a rate", "een kans per jaar"},
    {"value.attribute", "an attribute", "een kenmerk"},
    {"value.exponential", "exponential", "exponentieel"},
    {"value.female", "female", "vrouw"},
    {"value.male", "male", "man"},
    {"value.low", "low", "laag"},
    {"value.middle", "middle", "middelbaar"},
    {"value.high", "high", "hoog"},
    {"value.true", "yes", "ja"},
    {"value.false", "no", "nee"},
    {"value.linear", "linear", "lineair"},
    {"period.lifetime", "Lifetime", "Levenslang"},
    {"period.lifetime_discounted", "Lifetime, discounted", "Levenslang, verdisconteerd"},
    {"costs.payers_intro",
     "Who pays and who saves: the change in costs by payer (negative: savings), the return on the programmes' costs "
     "for each payer (euros saved per euro spent) and the year in which a payer's savings would have repaid the "
     "programmes. Nursing-home care is long-term care (Wlz), household help the municipality's (Wmo), the other care "
     "the health insurers' (Zvw). Lifetime: the residents alive at the end followed to death.",
     "Wie betaalt en wie bespaart: de verandering in kosten per financier (negatief: besparing), het rendement op de "
     "kosten van de programma's per financier (euro bespaard per uitgegeven euro) en het jaar waarin de besparing van "
     "een financier de programma's zou hebben terugverdiend. Verpleeghuiszorg valt onder de Wlz, huishoudelijke hulp "
     "onder de Wmo (gemeente), de overige zorg onder de Zvw (zorgverzekeraars). Levenslang: de inwoners die aan het eind "
     "in leven zijn, gevolgd tot hun overlijden."},
});

// Dutch labels of compare's rows by measure id (English: compare's own label).
const std::array kMeasuresDutch = std::to_array<std::pair<std::string_view, std::string_view>>({
    {"healthy_life_years_gained", "gewonnen gezonde levensjaren"},
    {"healthy_life_expectancy_change", "gezonde levensverwachting bij geboorte"},
    {"care_fte_gap_change", "tekort aan zorgpersoneel in fte (nodig - beschikbaar), provincie"},
    {"qalys_gained", "gewonnen QALY's"},
    {"dalys_averted", "voorkomen DALY's"},
    {"deaths_averted", "voorkomen sterfgevallen"},
    {"heart_failure_admissions_change", "ziekenhuisopnames voor hartfalen"},
    {"cases_averted_diabetes", "diabetes (type 2)"},
    {"cases_averted_chd", "coronaire hartziekte"},
    {"cases_averted_stroke", "beroerte"},
    {"cases_averted_copd", "COPD"},
    {"cases_averted_dementia", "dementie"},
    {"cases_averted_depression_anxiety", "depressie of angststoornis"},
    {"care_hours_change", "zorguren"},
    {"care_hours_gp_change", "zorguren, huisartsenzorg"},
    {"care_hours_home_care_change", "zorguren, thuiszorg"},
    {"care_hours_nursing_home_change", "zorguren, verpleeghuis"},
    {"care_hours_mental_health_change", "zorguren, ggz"},
    {"intervention_cost_change", "kosten van de programma's"},
    {"care_cost_change", "zorgkosten"},
    {"cost_per_qaly_gained", "kosten per gewonnen QALY"},
    {"net_monetary_benefit_20k", "netto baten bij 20.000 euro per QALY"},
    {"net_monetary_benefit_50k", "netto baten bij 50.000 euro per QALY"},
    {"net_monetary_benefit_80k", "netto baten bij 80.000 euro per QALY"},
    {"education_gap_life_expectancy_change", "levensverwachting, hoog - laag opgeleid"},
    {"education_gap_healthy_life_expectancy_change", "gezonde levensverwachting, hoog - laag opgeleid"},
    {"district_gap_life_expectancy_change", "levensverwachting, beste - slechtste wijk"},
    {"district_gap_healthy_life_expectancy_change", "gezonde levensverwachting, beste - slechtste wijk"},
    {"district_atkinson_healthy_life_expectancy_change", "gezonde levensverwachting, Atkinson-index van de wijken"},
    {"qalys_gained_low_education", "gewonnen QALY's, laag opgeleid"},
    {"qalys_gained_middle_education", "gewonnen QALY's, middelbaar opgeleid"},
    {"qalys_gained_high_education", "gewonnen QALY's, hoog opgeleid"},
    {"cost_change_insurer_zvw", "zorgverzekeraars (Zvw)"},
    {"cost_change_long_term_care_wlz", "langdurige zorg (Wlz): verpleeghuizen"},
    {"cost_change_municipality", "gemeente (Wmo huishoudelijke hulp)"},
    {"cost_change_programme_funder", "financier van de programma's"},
    {"return_on_investment_insurer_zvw", "rendement, zorgverzekeraars (Zvw)"},
    {"return_on_investment_long_term_care_wlz", "rendement, langdurige zorg (Wlz)"},
    {"return_on_investment_municipality", "rendement, gemeente (Wmo)"},
    {"return_on_investment_all_payers", "rendement, alle financiers van zorg"},
    {"break_even_year_insurer_zvw", "terugverdienjaar, zorgverzekeraars (Zvw)"},
    {"break_even_year_long_term_care_wlz", "terugverdienjaar, langdurige zorg (Wlz)"},
    {"break_even_year_municipality", "terugverdienjaar, gemeente (Wmo)"},
    {"break_even_year_all_payers", "terugverdienjaar, alle financiers van zorg"},
    {"equity_weighted_qalys_gained", "gewonnen QALY's, gewogen naar gelijkheid (opleiding)"},
    {"net_monetary_benefit_equity_weighted_20k", "netto baten bij 20.000 euro per gelijkheidsgewogen QALY"},
    {"education_atkinson_healthy_life_expectancy_change", "gezonde levensverwachting, Atkinson-index van de opleidingsniveaus"},
    {"wellbys_gained", "gewonnen WELLBY's (punten levenstevredenheid x jaren)"},
    {"informal_care_hours_change", "gegeven mantelzorg (uren)"},
    {"informal_care_value_change", "gegeven mantelzorg, tegen de schaduwprijs"},
    {"productivity_loss_deaths_change", "productiviteitsverlies, sterfgevallen op werkende leeftijd (frictiekosten)"},
    {"productivity_loss_new_cases_change",
     "productiviteitsverlies, nieuwe ziektegevallen op werkende leeftijd (frictiekosten, ten hoogste)"},
    {"productivity_loss_change", "productiviteitsverlies (frictiekosten)"},
    {"societal_cost_change", "nettokosten, maatschappelijk (zorg + mantelzorg + productiviteit)"},
    {"net_monetary_benefit_societal_20k", "netto baten bij 20.000 euro per QALY, maatschappelijk"},
});

const Entry* find(std::string_view key) {
    for (const auto& e : kTexts)
        if (e.key == key) return &e;
    return nullptr;
}

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

}  // namespace

Language parse_language(const std::string& code) {
    if (code == "en") return Language::English;
    if (code == "nl") return Language::Dutch;
    throw InputError("--lang: expected nl or en, got '" + code + "'");
}

const char* language_code(Language lang) { return lang == Language::Dutch ? "nl" : "en"; }

const std::string& text(Language lang, std::string_view key) {
    const Entry* e = find(key);
    if (e == nullptr) throw std::logic_error("report text without an entry: " + std::string(key));
    return lang == Language::Dutch ? e->nl : e->en;
}

std::string text_or(Language lang, std::string_view key, std::string_view fallback) {
    const Entry* e = find(key);
    return e == nullptr ? std::string(fallback) : (lang == Language::Dutch ? e->nl : e->en);
}

std::string measure_label(Language lang, const std::string& measure, const std::string& english_label) {
    if (lang == Language::Dutch)
        for (const auto& [id, label] : kMeasuresDutch)
            if (id == measure) return capitalised(std::string(label));
    return capitalised(english_label);
}

std::string localise_figure(Language lang, const std::string& figure) {
    if (lang == Language::English) return figure;
    std::string s = figure;
    replace_all(s, "n/a (dominated)", "n.v.t. (gedomineerd)");
    replace_all(s, "n/a (no QALYs gained)", "n.v.t. (geen QALY's gewonnen)");
    replace_all(s, "n/a", "n.v.t.");
    replace_all(s, "[no interval]", "[geen interval]");
    replace_all(s, "not reached", "niet bereikt");  // a break-even year not reached in the horizon
    replace_all(s, "dominant: ", "dominant: ");
    replace_all(s, ", ", "\x01");  // the separator of an interval's bounds
    for (char& c : s) c = c == '.' ? ',' : c == ',' ? '.' : c;
    replace_all(s, "n,v,t,", "n.v.t.");
    replace_all(s, "\x01", "; ");
    // Suffixes of compare's formatter: M (million) and bn (billion); k stays.
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool after_digit = i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9';
        if (after_digit && s.compare(i, 2, "bn") == 0) {
            out += " mld";
            ++i;
        } else if (after_digit && s[i] == 'M') {
            out += " mln";
        } else {
            out += s[i];
        }
    }
    return out;
}

}  // namespace hhu
