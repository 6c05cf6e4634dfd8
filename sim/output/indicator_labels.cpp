#include "sim/output/indicator_labels.hpp"

#include <array>
#include <utility>

namespace hhu {

namespace {

// In catalogue order. Dutch terms as used by RIVM's VZinfo and CBS StatLine (zelfredzaamheid aside).
constexpr auto kLabels = std::to_array<IndicatorLabel>({
    {"population", "Population", "Inwoners"},
    {"population_0_14", "Residents aged 0-14", "Inwoners van 0-14 jaar"},
    {"population_15_24", "Residents aged 15-24", "Inwoners van 15-24 jaar"},
    {"population_25_44", "Residents aged 25-44", "Inwoners van 25-44 jaar"},
    {"population_45_64", "Residents aged 45-64", "Inwoners van 45-64 jaar"},
    {"population_65plus", "Residents aged 65+", "Inwoners van 65 jaar en ouder"},
    {"population_80plus", "Residents aged 80+", "Inwoners van 80 jaar en ouder"},
    {"births", "Births", "Geboorten"},
    {"deaths", "Deaths", "Sterfgevallen"},
    {"immigration", "Moving in", "Vestiging"},
    {"emigration", "Moving out", "Vertrek"},
    {"life_expectancy", "Life expectancy", "Levensverwachting"},
    {"life_expectancy_65", "Life expectancy at 65", "Levensverwachting op 65-jarige leeftijd"},
    {"healthy_life_expectancy", "Healthy life expectancy", "Gezonde levensverwachting"},
    {"healthy_life_expectancy_65", "Healthy life expectancy at 65", "Gezonde levensverwachting op 65-jarige leeftijd"},
    {"prevalence_smoking", "Smoking", "Roken"},
    {"prevalence_overweight", "Overweight", "Overgewicht"},
    {"prevalence_obesity", "Obesity", "Ernstig overgewicht (obesitas)"},
    {"prevalence_physically_active", "Physically active", "Voldoende bewegen"},
    {"prevalence_excessive_alcohol", "Excessive drinking", "Overmatig drinken"},
    {"prevalence_psych_distress", "Psychological distress", "Psychische klachten"},
    {"prevalence_lonely_severe", "Severe loneliness", "Ernstige eenzaamheid"},
    {"prevalence_youth_psych_complaints", "Psychological complaints of young people", "Psychische klachten bij jongeren"},
    {"prevalence_diabetes", "Diabetes", "Diabetes"},
    {"prevalence_chd", "Coronary heart disease (CHD)", "Coronaire hartziekten"},
    {"prevalence_stroke", "Stroke", "Beroerte"},
    {"prevalence_copd", "COPD", "COPD"},
    {"prevalence_dementia", "Dementia", "Dementie"},
    {"prevalence_depression_anxiety", "Depression or anxiety", "Depressie of angststoornis"},
    {"prevalence_heart_failure", "Heart failure", "Hartfalen"},
    {"prevalence_overweight_children", "Overweight children", "Kinderen met overgewicht"},
    {"prevalence_frail", "Frailty", "Kwetsbaarheid"},
    {"prevalence_home_care", "Home care", "Thuiszorg"},
    {"prevalence_nursing_home", "Nursing home", "Verpleeghuis"},
    {"informal_care_receivers", "Residents who rely on informal care", "Inwoners die op mantelzorg steunen"},
    {"prevalence_informal_care_need", "Need for informal care", "Behoefte aan mantelzorg"},
    {"incidence_diabetes", "New cases of diabetes", "Nieuwe gevallen van diabetes"},
    {"incidence_chd", "New cases of coronary heart disease", "Nieuwe gevallen van coronaire hartziekten"},
    {"incidence_stroke", "New cases of stroke", "Nieuwe gevallen van beroerte"},
    {"incidence_copd", "New cases of COPD", "Nieuwe gevallen van COPD"},
    {"incidence_dementia", "New cases of dementia", "Nieuwe gevallen van dementie"},
    {"incidence_depression_anxiety", "New cases of depression or anxiety", "Nieuwe gevallen van depressie of angst"},
    {"incidence_heart_failure", "New cases of heart failure", "Nieuwe gevallen van hartfalen"},
    {"big2_share", "Big2 births (preterm or small for gestational age)", "Big2-geboorten (vroeggeboorte of klein voor de zwangerschapsduur)"},
    {"perinatal_deaths", "Neonatal deaths (within 28 days)", "Neonatale sterfte (binnen 28 dagen)"},  // the id is older than its definition
    {"hip_fractures", "Hip fractures", "Heupfracturen"},
    {"falls_ed", "Falls (emergency department)", "Valongevallen (spoedeisende hulp)"},
    {"nursing_home_admissions", "Nursing home admissions", "Opnames in het verpleeghuis"},
    {"healthy_life_years", "Years lived in good health", "Jaren in goede gezondheid"},
    {"qalys", "QALYs lived", "Geleefde QALY's"},
    {"dalys", "DALYs (disease burden)", "DALY's (ziektelast)"},
    {"care_hours", "Hours of care", "Zorguren"},
    {"care_hours_gp", "Hours of GP care", "Uren huisartsenzorg"},
    {"care_hours_home_care", "Hours of home care", "Uren thuiszorg"},
    {"care_hours_nursing_home", "Hours of nursing-home care", "Uren verpleeghuiszorg"},
    {"care_hours_mental_health", "Hours of mental health care", "Uren geestelijke gezondheidszorg"},
    {"cost_eur", "Care costs", "Zorgkosten"},
    {"intervention_participants", "Participants in the programmes", "Deelnemers aan de programma's"},
    {"intervention_cost_eur", "Cost of the programmes", "Kosten van de programma's"},
    {"care_workers", "Care workers", "Zorgmedewerkers"},
    {"care_fte_supply", "Care workforce supply", "Aanbod zorgpersoneel"},
    {"care_fte_demand", "Care workforce demand", "Vraag naar zorgpersoneel"},
    {"care_fte_gap", "Care workforce gap", "Tekort aan zorgpersoneel"},
    {"labour_lever_cost_eur", "Cost of the labour-market measures", "Kosten van de arbeidsmarktmaatregelen"},
    {"care_fte_supply_gp", "GP care workforce supply", "Aanbod personeel huisartsenzorg"},
    {"care_fte_demand_gp", "GP care workforce demand", "Vraag naar personeel huisartsenzorg"},
    {"care_fte_gap_gp", "GP care workforce gap", "Tekort aan personeel huisartsenzorg"},
    {"care_fte_supply_home_care", "Home care workforce supply", "Aanbod personeel thuiszorg"},
    {"care_fte_demand_home_care", "Home care workforce demand", "Vraag naar personeel thuiszorg"},
    {"care_fte_gap_home_care", "Home care workforce gap", "Tekort aan personeel thuiszorg"},
    {"care_fte_supply_nursing_home", "Nursing-home workforce supply", "Aanbod personeel verpleeghuiszorg"},
    {"care_fte_demand_nursing_home", "Nursing-home workforce demand", "Vraag naar personeel verpleeghuiszorg"},
    {"care_fte_gap_nursing_home", "Nursing-home workforce gap", "Tekort aan personeel verpleeghuiszorg"},
    {"care_fte_supply_mental_health", "Mental health workforce supply", "Aanbod personeel ggz"},
    {"care_fte_demand_mental_health", "Mental health workforce demand", "Vraag naar personeel ggz"},
    {"care_fte_gap_mental_health", "Mental health workforce gap", "Tekort aan personeel ggz"},
    {"care_fte_supply_hospital", "Hospital workforce supply", "Aanbod ziekenhuispersoneel"},
    {"care_fte_demand_hospital", "Hospital workforce demand", "Vraag naar ziekenhuispersoneel"},
    {"care_fte_gap_hospital", "Hospital workforce gap", "Tekort aan ziekenhuispersoneel"},
    {"care_fte_supply_other_welfare", "Other care and welfare workforce supply", "Aanbod personeel overige zorg en welzijn"},
    {"care_fte_demand_other_welfare", "Other care and welfare workforce demand", "Vraag naar personeel overige zorg en welzijn"},
    {"care_fte_gap_other_welfare", "Other care and welfare workforce gap", "Tekort aan personeel overige zorg en welzijn"},
    {"preterm_births", "Preterm births", "Vroeggeboorten"},
    {"sga_births", "Births small for gestational age", "Geboorten klein voor de zwangerschapsduur"},
    {"preterm_share", "Share of births preterm", "Aandeel vroeggeboorten"},
    {"sga_share", "Share of births small for gestational age", "Aandeel geboorten klein voor de zwangerschapsduur"},
    {"preterm_births_smoking_attributable", "Preterm births due to smoking in pregnancy", "Vroeggeboorten door roken in de zwangerschap"},
    {"sga_births_smoking_attributable", "Small-for-age births due to smoking in pregnancy", "Te kleine baby's door roken in de zwangerschap"},
    {"child_protection_reports", "Child protection reports", "Meldingen bij Veilig Thuis over kinderen"},
    {"child_protection_report_share", "Share of children with a child protection report", "Aandeel kinderen met een melding bij Veilig Thuis"},
    {"neonatal_care_cost_eur", "Neonatal care costs", "Kosten van neonatale zorg"},
    {"child_protection_cost_eur", "Costs after child protection reports", "Kosten na meldingen over kinderen"},
    {"qalys_children_0_4", "QALYs lived by children aged 0-4", "Geleefde QALY's van kinderen van 0-4 jaar"},
    {"qalys_ages_15_49", "QALYs lived at ages 15-49", "Geleefde QALY's op 15-49-jarige leeftijd"},
    {"qaly_loss_falls", "QALYs lost after falls", "Verloren QALY's na valongevallen"},
    {"nursing_home_admissions_after_hip_fracture", "Nursing home admissions after a hip fracture", "Opnames in het verpleeghuis na een heupfractuur"},
    {"digital_care_participants", "Participants in digital care", "Deelnemers aan digitale zorg"},
    {"prevalence_digital_skills", "Basic digital skills", "Digitale basisvaardigheden"},
    {"hospital_admissions_heart_failure", "Hospital admissions for heart failure", "Ziekenhuisopnamen voor hartfalen"},
    {"life_satisfaction_mean", "Life satisfaction", "Tevredenheid met het leven"},
    {"share_satisfied", "Satisfied with life", "Tevreden met het leven"},
    {"share_happy", "Happy", "Gelukkig"},
    {"wellbys", "WELLBYs (wellbeing-adjusted life years)", "WELLBY's (voor welzijn gecorrigeerde levensjaren)"},
    {"informal_carers", "Informal carers", "Mantelzorgers"},
    {"prevalence_informal_carer", "Informal carers", "Mantelzorgers"},
    {"share_carers_heavily_burdened", "Informal carers heavily burdened", "Zwaarbelaste mantelzorgers"},
    {"informal_care_hours_given", "Hours of informal care given", "Gegeven uren mantelzorg"},
    {"informal_care_value_eur", "Value of informal care", "Waarde van de mantelzorg"},
    {"heavily_burdened_carers", "Informal carers heavily burdened", "Zwaarbelaste mantelzorgers"},
    {"qaly_loss_carers", "QALYs carers lose while giving care", "Verloren QALY's van mantelzorgers"},
    {"preterm_asthma_child_years", "Child-years with asthma after preterm birth", "Kindjaren met astma na vroeggeboorte"},
    {"preterm_asthma_cost_eur", "Asthma care after preterm birth", "Astmazorg na vroeggeboorte"},
    {"preterm_special_education_pupil_years", "Pupil-years with special educational needs after preterm birth",
     "Leerlingjaren met extra onderwijsondersteuning na vroeggeboorte"},
    {"preterm_special_education_cost_eur", "Special education after preterm birth", "Speciaal onderwijs na vroeggeboorte"},
});

constexpr auto kUnits = std::to_array<std::pair<std::string_view, std::string_view>>({
    {"persons", "personen"},
    {"years", "jaren"},
    {"share (0-1)", "aandeel (0-1)"},
    {"QALY", "QALY"},
    {"DALY", "DALY"},
    {"hours", "uren"},
    {"EUR", "euro"},
    {"EUR (2023 prices)", "euro (prijzen 2023)"},
    {"child-years", "kindjaren"},
    {"FTE", "fte"},
    {"score (0-10)", "score (0-10)"},
    {"WELLBY", "WELLBY"},
    {"admissions", "opnamen"},
    {"pupil-years", "leerlingjaren"},
});

constexpr auto kPopulations = std::to_array<std::pair<std::string_view, std::string_view>>({
    {"all residents", "alle inwoners"},
    {"residents aged 0-14", "inwoners van 0-14 jaar"},
    {"residents aged 15-24", "inwoners van 15-24 jaar"},
    {"residents aged 25-44", "inwoners van 25-44 jaar"},
    {"residents aged 45-64", "inwoners van 45-64 jaar"},
    {"residents aged 65+", "inwoners van 65 jaar en ouder"},
    {"residents aged 80+", "inwoners van 80 jaar en ouder"},
    {"residents aged 18+", "inwoners van 18 jaar en ouder"},
    {"residents aged 12-25", "inwoners van 12-25 jaar"},
    {"residents aged 4-17", "inwoners van 4-17 jaar"},
    {"residents aged 12+", "inwoners van 12 jaar en ouder"},
    {"residents aged 0-4", "inwoners van 0-4 jaar"},
    {"residents aged 15-49", "inwoners van 15-49 jaar"},
    {"live births", "levendgeborenen"},
    {"informal carers aged 18+", "mantelzorgers van 18 jaar en ouder"},
    {"the province (PV26 rows only)", "de provincie (alleen rijen PV26)"},
});

template <class Table>
std::string_view look_up(const Table& table, std::string_view key) {
    for (const auto& [from, to] : table)
        if (from == key) return to;
    return {};
}

}  // namespace

std::string_view indicator_label(std::string_view name, bool dutch) {
    for (const auto& l : kLabels)
        if (l.name == name) return dutch ? l.nl : l.en;
    return {};
}

std::span<const IndicatorLabel> indicator_labels() { return kLabels; }

std::string_view unit_nl(std::string_view unit) { return look_up(kUnits, unit); }
std::string_view population_nl(std::string_view population) { return look_up(kPopulations, population); }

}  // namespace hhu
