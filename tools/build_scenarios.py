#!/usr/bin/env python3
"""Writes the library of Health Hub programme scenarios in scenarios/ (python3 tools/build_scenarios.py).

Run from anywhere:  python3 tools/build_scenarios.py [--data DIR] [--out DIR]
(--data: the data directory whose zones.csv is read, default data/; --out: where the scenario files go, default
scenarios/.)

Each programme is defined once here; the single-programme files, the combined Health Hub agenda and the
equity scenario are built from the same definitions, so their numbers cannot drift apart. Two runs give
identical files. Every effect size and cost names its source (figures.md section E, with the paper) in
`source`; whatever is not in figures.md is listed in `assumptions`, each with its reason.
"""
import argparse
import copy
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.dont_write_bytecode = True  # importing databuild must not leave tools/__pycache__ behind
from databuild import cli  # noqa: E402
from databuild.output import read_csv  # noqa: E402
from databuild.prices import PRICE_YEAR, price_factor  # noqa: E402

OVERVECHT, ZUIDWEST = "WK034403", "WK034408"
# Utrecht districts with the least public green per dwelling (data/health/environment.csv, A-H-ENV):
# Binnenstad 21, West 48, Noordwest 48, Zuidwest 53, Zuid 59 m2 (target 75 m2, REKENKAMER-GROEN).
STONY_DISTRICTS = ["WK034406", "WK034401", "WK034402", "WK034408", "WK034407"]

START, END, RAMP = 2025, 2040, 2

# Hourly price of a nurse used for visit costs (data/health A-H-CARE-COSTS: district nursing 75 euro/h, M-CARE-PRICES),
# in 2021 prices (A-H-CARE-COSTS).
NURSE_EUR_PER_HOUR = 75
NURSE_PRICE_YEAR = 2021
# The price year of the costs that are judgements without a dated source: 2023, the latest year of the consumer price
# index (data/consumer_prices.csv), i.e. current prices when the judgement was made (docs/research/price_years.md).
JUDGEMENT_PRICE_YEAR = PRICE_YEAR
# The GLI's cost: insurers' payments summed over the years to 2023 (figures.md E), taken as 2022 prices.
GLI_PRICE_YEAR = 2022
# The data directory whose consumer price index a cost with parts of two price years is indexed with (set by main).
DATA_DIR = [cli.DEFAULT_DATA]


def to_judgement_prices(eur, year):
    """An amount of price `year` in JUDGEMENT_PRICE_YEAR prices, indexed with the CPI (as the model does)."""
    return eur * price_factor(DATA_DIR[0], year)


def dutch_number(x):
    """A number as Dutch readers write it (1,5), for the Dutch descriptions."""
    return f"{x:g}".replace(".", ",")


def zones(data):
    path = Path(data) / "zones.csv"
    if not path.is_file():
        cli.die(f"{path} not found: run tools/build_data.py first (or use --data DIR)")
    return [row["code"] for row in read_csv(path)]


def base_scenario(name, description, notes, interventions, notes_nl=None):
    title_nl, description_nl = DUTCH[name]
    return {
        "name": name,
        "title": ENGLISH_TITLES[name],
        "description": description,
        "title_nl": title_nl,
        "description_nl": description_nl,
        "notes": notes,
        "notes_nl": NOTES_NL if notes_nl is None else notes_nl,
        "extends": "baseline.json",
        "interventions": interventions,
    }


# ------------------------------------------------------------------------------------------------
# The programmes (issue 4, item 2)
# ------------------------------------------------------------------------------------------------

def home_visiting():
    visits = 50
    cost = visits * 1.5 * NURSE_EUR_PER_HOUR
    return {
        "id": "voorzorg_home_visiting",
        "name": "Nurse home visiting for vulnerable first-time mothers (VoorZorg-like)",
        "name_nl": "Huisbezoeken bij kwetsbare jonge moeders (zoals VoorZorg)",
        "programme": "healthy_start",
        "description": "Low-educated women under 26 in their first pregnancy are offered nurse home visits from "
                       "pregnancy until the child is two. In the model it lowers smoking in pregnancy (so preterm "
                       "and SGA births) and the restart of smoking after birth, and child protection reports in the "
                       "child's first three years (11% vs 19%) with the costs after them; internalising problems "
                       "(RR 0.56 at 24 months) are not modelled (children's mental health starts at 12 in the "
                       "health model), so the health gain is an underestimate.",
        "description_nl": "Jonge vrouwen (onder de 26) met een lage opleiding die voor het eerst zwanger zijn, krijgen "
                          "huisbezoeken van een verpleegkundige, vanaf de zwangerschap tot het kind twee jaar is. In het model "
                          "roken zij minder tijdens de zwangerschap (dus minder vroeggeboortes en te kleine baby's) en beginnen "
                          "zij na de bevalling minder vaak weer met roken. Er zijn minder meldingen bij de jeugdbescherming in "
                          "de eerste drie levensjaren van het kind (11 tegen 19 procent), en dus minder kosten daarna. Minder "
                          "angst en somberheid bij het kind zitten niet in het model (dat volgt de psychische gezondheid pas "
                          "vanaf 12 jaar): de gezondheidswinst is dus eerder groter dan hier berekend.",
        "source": "figures.md E, Nurse home visiting: Mejdoubi 2014 Midwifery; Mejdoubi 2015 PLoS One (Dutch NFP RCT, "
                  "n=460, <26 y, low SES, first pregnancy): smoking in pregnancy 40% vs 48% (RR 0.83), 2 months "
                  "post partum 49% vs 62% (RR 0.79); 40-60 visits; child protection reports by age 3 11% vs 19% "
                  "(Mejdoubi 2015, docs/research/figures_wave2.md D2).",
        "assumptions": [
            "coverage 0.5 and uptake 0.7: no reach figure in figures.md; half of the eligible pregnancies offered, "
            "7 in 10 accepting (a judgement for a programme run by youth health care)",
            "pregnancy_smoking 0.83 = 40/48: the trial's ratio of smokers in pregnancy is read as the multiplier on "
            "the probability of continuing to smoke",
            "smoking_start 0.79 = 49/62 for 2.5 years: the trial's post-partum ratio is read as a rate ratio on "
            "(re)starting to smoke while the visits last (pregnancy + 2 years)",
            "child_protection_report 0.58 = 11/19 for 1 year: the trial's percentages (its printed 'RR 0.91' does not "
            "match them) as the multiplier on the chance of a report for the child born while the effect lasts (the "
            "birth follows enrolment by about nine months)",
            f"cost {cost:.0f} euro = {visits} visits (figures.md: 40-60) x 1.5 h x {NURSE_EUR_PER_HOUR} euro/h (the "
            "district-nursing hourly price of data/health A-H-CARE-COSTS, 2021 prices, so price_year 2021); figures.md "
            "has no programme cost",
        ],
        "who": {"age_min": 16, "age_max": 25, "sex": "female", "education": ["low"], "pregnancy": "first_pregnancy"},
        "when": {"start_year": START, "end_year": END, "ramp_up_years": RAMP},
        "reach": {"coverage": 0.5, "uptake": 0.7},
        "effects": [
            {"target": "pregnancy_smoking", "relative_risk": 0.83, "duration_years": 1},
            {"target": "smoking_start", "relative_risk": 0.79, "duration_years": 2.5},
            {"target": "child_protection_report", "relative_risk": round(11 / 19, 4), "duration_years": 1},
        ],
        "cost": {"per_participant_eur": round(cost), "price_year": NURSE_PRICE_YEAR},
    }


def smoking_in_pregnancy():
    return {
        "id": "smoking_cessation_pregnancy",
        "name": "Smoking cessation support in pregnancy",
        "name_nl": "Hulp bij stoppen met roken in de zwangerschap",
        "programme": "healthy_start",
        "description": "Pregnant women who still smoke are offered behavioural cessation support by the midwife. "
                       "Quitting lowers the odds of preterm birth (OR 1.27 of smoking) and of small for gestational "
                       "age (OR 2.26), so neonatal deaths, neonatal care costs and the preterm child's lifelong "
                       "utility loss, and the mother's own smoking risks.",
        "description_nl": "Zwangere vrouwen die nog roken, krijgen van de verloskundige begeleiding bij het stoppen. Wie stopt, "
                          "heeft minder kans op een vroeggeboorte en op een te klein kind: minder sterfte rond de geboorte, "
                          "lagere zorgkosten voor pasgeborenen, minder blijvende gezondheidsschade bij het kind, en minder "
                          "risico's van roken voor de moeder zelf.",
        "source": "figures.md E, Smoking cessation: behavioural support + medication vs unaided +10-20 pp 6-month "
                  "abstinence, +5-10 pp permanent (ERJ table, Cochrane-based); smoking in pregnancy 7.7% (2021, "
                  "Trimbos, figures.md C3).",
        "assumptions": [
            "pregnancy_smoking 0.9: 1 in 10 of the women still smoking quits for the pregnancy because of the "
            "support (the low end of +10-20 pp, as medication is little used in pregnancy)",
            "coverage 0.8 (asked and offered by the midwife) and uptake 0.5: no reach figure in figures.md",
            "cost 300 euro = 4 h counselling x 75 euro/h (data/health A-H-CARE-COSTS hourly price, 2021 prices, so "
            "price_year 2021); no cost in figures.md",
        ],
        "who": {"age_min": 15, "age_max": 50, "sex": "female", "pregnancy": "pregnant", "risk_factors": ["smoking"]},
        "when": {"start_year": START, "end_year": END, "ramp_up_years": RAMP},
        "reach": {"coverage": 0.8, "uptake": 0.5},
        "effects": [{"target": "pregnancy_smoking", "relative_risk": 0.9, "duration_years": 1}],
        "cost": {"per_participant_eur": 300, "price_year": NURSE_PRICE_YEAR},
    }


def school_universal():
    return {
        "id": "school_resilience_universal",
        "name": "School-based mental resilience programme, universal (secondary school)",
        "name_nl": "Weerbaarheid op school voor alle leerlingen (voortgezet onderwijs)",
        "programme": "mental_resilience",
        "description": "Every secondary-school pupil follows a teacher-delivered resilience programme once (one "
                       "grade a year). Effects on the onset of psychological distress and of depression or anxiety, "
                       "fading over a year.",
        "description_nl": "Alle leerlingen van het voortgezet onderwijs volgen een keer een weerbaarheidsprogramma, gegeven "
                          "door hun eigen docent (elk jaar een leerjaar). Minder leerlingen krijgen psychische klachten, een "
                          "depressie of een angststoornis; het effect ebt in een jaar weg.",
        "source": "figures.md E, School mental health: Shelemy 2020 Ment Health Prev (teacher-delivered, 52 studies): "
                  "depression g=-0.12, anxiety g=-0.13; Werner-Seidler 2021 Clin Psychol Rev (118 RCTs): universal "
                  "smaller than targeted; overview of reviews: universal resilience programmes in secondary schools "
                  "no significant effects.",
        "assumptions": [
            "relative risk 0.8 = exp(-0.125 x 1.81): the standardised mean difference converted to an odds ratio "
            "(Chinn 2000: ln OR = g x pi/sqrt 3), read as a rate ratio on onset; an optimistic reading given the "
            "overview's null result for universal programmes",
            "effect lasts 1 year, fading linearly (post-intervention effects; follow-up effects are smaller)",
            "coverage 1/6 a year of 12-17-year-olds (each pupil once in six school years), uptake 0.95 (classroom)",
            "cost 50 euro per pupil (teacher training and materials): no cost in figures.md (a judgement, in 2023 prices)",
        ],
        "who": {"age_min": 12, "age_max": 17},
        "when": {"start_year": START, "end_year": END, "ramp_up_years": RAMP},
        "reach": {"coverage": 0.167, "uptake": 0.95},
        "effects": [
            {"target": "distress_on", "relative_risk": 0.8, "duration_years": 1, "decay": "linear"},
            {"target": "incidence_depression_anxiety", "relative_risk": 0.8, "duration_years": 1, "decay": "linear"},
        ],
        "cost": {"per_participant_eur": 50, "price_year": JUDGEMENT_PRICE_YEAR},
    }


def school_targeted():
    return {
        "id": "school_resilience_targeted",
        "name": "School-based mental resilience programme, targeted (pupils with psychological complaints)",
        "name_nl": "Weerbaarheidsprogramma voor jongeren met psychische klachten",
        "programme": "mental_resilience",
        "description": "Pupils and students aged 12-24 with psychological complaints (screened at school) are offered "
                       "a group programme. Effects on recovery from distress and on the onset of depression or anxiety.",
        "description_nl": "Scholieren en studenten van 12 tot 24 jaar met psychische klachten (op school opgemerkt) krijgen een "
                          "groepsprogramma aangeboden. Meer van hen komen van hun klachten af en minder krijgen een depressie "
                          "of angststoornis.",
        "source": "figures.md E, School mental health: Werner-Seidler 2021 Clin Psychol Rev 89:102079 (118 RCTs, "
                  "n=45,924): depression g=0.21, anxiety g=0.18 post-intervention; targeted > universal.",
        "assumptions": [
            "relative risk 0.69 = exp(-0.20 x 1.81) on the onset of depression/anxiety and 1/0.69 = 1.45 on recovery "
            "from distress: g about 0.20 (the mean of 0.21 and 0.18; targeted programmes are above the pooled value) "
            "converted to an odds ratio (ln OR = g x pi/sqrt 3)",
            "effect lasts 1 year, fading linearly",
            "coverage 0.3 and uptake 0.6 of those with complaints a year: screening reaches part of them; no figure",
            "cost 400 euro per participant (8-10 group sessions led by a psychologist): no cost in figures.md (a judgement, in 2023 prices)",
        ],
        "who": {"age_min": 12, "age_max": 24, "risk_factors": ["psych_distress"]},
        "when": {"start_year": START, "end_year": END, "ramp_up_years": RAMP},
        "reach": {"coverage": 0.3, "uptake": 0.6},
        "effects": [
            {"target": "distress_off", "relative_risk": 1.45, "duration_years": 1, "decay": "linear"},
            {"target": "incidence_depression_anxiety", "relative_risk": 0.69, "duration_years": 1, "decay": "linear"},
        ],
        "cost": {"per_participant_eur": 400, "price_year": JUDGEMENT_PRICE_YEAR},
    }


def fall_prevention():
    return {
        "id": "fall_prevention_exercise",
        "name": "Fall-prevention exercise for seniors living at home",
        "name_nl": "Valpreventie: beweegprogramma voor thuiswonende ouderen",
        "programme": "seniors",
        "description": "Residents of 65 and over living at home are offered a group exercise programme with balance "
                       "and functional training. Fewer falls and hip fractures while the benefit lasts.",
        "description_nl": "Thuiswonende inwoners van 65 jaar en ouder krijgen een beweegprogramma in een groep aangeboden, met "
                          "oefeningen voor evenwicht en alledaagse bewegingen. Zolang het effect duurt, vallen zij minder vaak "
                          "en breken zij minder vaak een heup.",
        "source": "figures.md E, Fall prevention: Sherrington 2019 Cochrane CD012424 (108 RCTs, community 60+): rate of "
                  "falls RaR 0.77 (0.71-0.83), fallers RR 0.85 (0.81-0.89); balance/functional RaR 0.76.",
        "assumptions": [
            "hip fractures 0.85: the fallers RR (fewer people falling), as figures.md has no fracture outcome; "
            "fractures need a fall, so the falls rate ratio 0.77 would be an upper bound of the benefit",
            "the benefit lasts 2 years after enrolment, fading linearly (trials last about a year; adherence falls after)",
            "coverage 0.1 a year and uptake 0.5: no reach figure in figures.md",
            "cost 300 euro per participant (a group course of about 20 sessions by a physiotherapist, shared by 10): "
            "no cost in figures.md (a judgement, in 2023 prices)",
        ],
        "who": {"age_min": 65, "age_max": 105, "household": ["alone", "couple", "parent", "child"]},
        "when": {"start_year": START, "end_year": END, "ramp_up_years": RAMP},
        "reach": {"coverage": 0.1, "uptake": 0.5},
        "effects": [
            {"target": "fall", "relative_risk": 0.77, "duration_years": 2, "decay": "linear"},
            {"target": "hip_fracture", "relative_risk": 0.85, "duration_years": 2, "decay": "linear"},
        ],
        "cost": {"per_participant_eur": 300, "price_year": JUDGEMENT_PRICE_YEAR},
    }


def social_prescribing():
    return {
        "id": "social_prescribing_loneliness",
        "name": "Social prescribing against loneliness (Welzijn op Recept)",
        "name_nl": "Welzijn op Recept tegen eenzaamheid",
        "programme": "seniors",
        "description": "Severely lonely residents of 65 and over living at home are referred by the GP to a "
                       "link worker and local activities. Some leave severe loneliness at once.",
        "description_nl": "Thuiswonende inwoners van 65 jaar en ouder die zich ernstig eenzaam voelen, worden door de huisarts "
                          "verwezen naar een welzijnscoach en naar activiteiten in de buurt. Een deel van hen is daarna niet "
                          "meer ernstig eenzaam.",
        "source": "figures.md E, Social prescribing: Foster 2021 (UK BRC, pre-post n=2,250): UCLA-3 -1.84, 72.6% less "
                  "lonely; Welzijn op Recept in 83 NL municipalities, robust effect evidence lacking (Huisarts & "
                  "Wetenschap); NL community programme 65+: no effect after 2 years (PMC4015556).",
        "assumptions": [
            "end_loneliness with probability 0.1: the uncontrolled 72.6% 'less lonely' is mostly regression to the "
            "mean and natural recovery (the model already lets 35% a year leave severe loneliness), and the Dutch "
            "controlled study found no effect; one in ten leaving severe loneliness because of the programme is a "
            "cautious judgement",
            "coverage 0.15 a year and uptake 0.6: no reach figure in figures.md",
            "cost 250 euro per participant (3-4 h of a link worker at 60-75 euro/h): no cost in figures.md (a judgement, in 2023 prices)",
        ],
        "who": {"age_min": 65, "age_max": 105, "household": ["alone", "couple", "parent", "child"],
                "risk_factors": ["lonely_severe"]},
        "when": {"start_year": START, "end_year": END, "ramp_up_years": RAMP},
        "reach": {"coverage": 0.15, "uptake": 0.6},
        "effects": [{"kind": "attribute", "target": "end_loneliness", "probability": 0.1, "duration_years": 1}],
        "cost": {"per_participant_eur": 250, "price_year": JUDGEMENT_PRICE_YEAR},
    }


HOME_ADAPTATION_VISITS_EUR = 8 * 1.5 * NURSE_EUR_PER_HOUR  # 900 euro, 2021 prices
HOME_ADAPTATION_ADAPTATIONS_EUR = 1600                      # judgement, 2023 prices


def home_adaptation_cost():
    """The programme's cost per participant in 2023 prices: the visits (2021 prices) indexed, plus the adaptations."""
    return to_judgement_prices(HOME_ADAPTATION_VISITS_EUR, NURSE_PRICE_YEAR) + HOME_ADAPTATION_ADAPTATIONS_EUR


def home_adaptation():
    return {
        "id": "home_adaptation_care_support",
        "name": "Home adaptation and home care support (preventive home visits)",
        "name_nl": "Preventief huisbezoek en woningaanpassing",
        "programme": "seniors",
        "description": "Frail residents of 75 and over, or those with home care, living at home get preventive home "
                       "visits by a nurse with home adaptations where needed. Lower mortality and fewer falls; "
                       "no effect on nursing-home admission (as in the meta-analysis).",
        "description_nl": "Kwetsbare thuiswonende inwoners van 75 jaar en ouder, of met thuiszorg, krijgen preventieve "
                          "huisbezoeken van een verpleegkundige en waar nodig aanpassingen in huis. Minder sterfte en minder "
                          "valpartijen; geen effect op opname in een verpleeghuis (zoals in het onderzoek waarop dit berust).",
        "source": "figures.md E, Preventive home visits: Mayo-Wilson 2014 PLoS One (64 RCTs, n=28,642): mortality RR "
                  "0.93 (0.87-0.99), institutionalisation RR 1.02 (0.88-1.18), fallers OR 0.86 (0.73-1.01); Huss "
                  "2008 J Gerontol: mortality OR 0.92.",
        "assumptions": [
            "falls 0.86: the fallers odds ratio read as a rate ratio on falls (no home-adaptation effect size in "
            "figures.md beyond this)",
            "nursing-home admission unchanged (RR 1.02 is not significant; the >9-visit RR 0.66 of Stuck 2002 is "
            "marked M in figures.md and not used)",
            "effects last 2 years (the visiting period) without decay",
            "coverage 0.2 a year and uptake 0.7: no reach figure",
            f"cost {home_adaptation_cost():,.0f} euro per participant in 2023 prices = 8 visits x 1.5 h x 75 euro/h "
            f"(900 euro in 2021 prices, {to_judgement_prices(HOME_ADAPTATION_VISITS_EUR, NURSE_PRICE_YEAR):,.0f} in "
            "2023 prices) + 1,600 euro of small home adaptations (a judgement, taken as 2023 prices): no cost in "
            "figures.md",
        ],
        "who": {"age_min": 75, "age_max": 105, "household": ["alone", "couple", "parent", "child"],
                "risk_factors": ["frail", "home_care"]},
        "when": {"start_year": START, "end_year": END, "ramp_up_years": RAMP},
        "reach": {"coverage": 0.2, "uptake": 0.7},
        "effects": [
            {"target": "death", "relative_risk": 0.93, "duration_years": 2},
            {"target": "fall", "relative_risk": 0.86, "duration_years": 2},
        ],
        "cost": {"per_participant_eur": round(home_adaptation_cost()), "price_year": JUDGEMENT_PRICE_YEAR},
    }


def green_mobility(zone_codes=STONY_DISTRICTS, ident="green_active_mobility", cost=6_000_000):
    return {
        "id": ident,
        "name": "More public green and active mobility in chosen districts",
        "name_nl": "Meer groen, lopen en fietsen in gekozen wijken",
        "programme": "living_environment",
        "description": "+10 m2 public green per dwelling and +0.05 share of trips on foot or by bicycle in the chosen "
                       "districts, reached over 5 years; acts through the environment effects of the health model "
                       "(distress, loneliness, physical activity, obesity).",
        "description_nl": "In de gekozen wijken per woning 10 m² meer openbaar groen en 5 procentpunt meer verplaatsingen te "
                          "voet of op de fiets, in 5 jaar bereikt. Dat werkt via de leefomgeving op psychische klachten, "
                          "eenzaamheid, bewegen en overgewicht.",
        "source": "figures.md E, Green space: Maas 2009 JECH, Maas 2006 JECH, de Vries 2016 BJPsych Open; Active "
                  "mobility: Kelly 2014 IJBNPA (mortality -10% cycling, -11% walking per 11.25 MET-h/wk); the odds "
                  "ratios per unit are data/health/environment_effects.csv (A-H-ENV-EFFECT, conservative values); "
                  "Utrecht target >=75 m2 per dwelling, actual 65.5 (Rekenkamer Utrecht, REKENKAMER-GROEN).",
        "assumptions": [
            "+10 m2 green per dwelling: about the gap between the city's 65.5 m2 and its 75 m2 target",
            "+0.05 active-mobility share: a judgement for new cycling routes and car-free streets",
            f"cost {cost / 1e6:.0f} M euro a year: about 95 ha of new green at 100 euro/m2 plus upkeep and cycling "
            "infrastructure, spread over 2025-2040; no cost in figures.md (a judgement, in 2023 prices)",
        ],
        "who": {"zones": list(zone_codes)},
        "when": {"start_year": START, "end_year": END, "ramp_up_years": 5},
        "effects": [],
        "cost": {"per_year_eur": cost, "price_year": JUDGEMENT_PRICE_YEAR},
        "environment": {"green_m2_per_dwelling": 10, "active_mobility_index": 0.05},
    }


def gli():
    return {
        "id": "combined_lifestyle_intervention",
        "name": "Combined lifestyle intervention (GLI)",
        "name_nl": "Gecombineerde leefstijlinterventie (GLI)",
        "programme": "lifestyle",
        "description": "Adults with obesity follow the two-year GLI (diet, exercise, behaviour). Some move down a BMI "
                       "class at once; fewer move up while the programme lasts.",
        "description_nl": "Volwassenen met ernstig overgewicht volgen de gecombineerde leefstijlinterventie van twee jaar "
                          "(eten, bewegen, gedrag). Een deel gaat meteen een gewichtsklasse omlaag; zolang het programma loopt, "
                          "gaan minder deelnemers een klasse omhoog.",
        "source": "figures.md E, GLI: RIVM GLI monitor 2022-2023: -3.5% weight, -1.2 kg/m2 BMI, 1/3 lose >=5%, 83% "
                  "lose weight or stay stable, start BMI mean 36, dropout 26% yr-1; uptake 23k/yr expected in NL; "
                  "cost about 400 euro per participant (19.5 M euro for 48,688 reached, derived in figures.md; the "
                  "insurers' payments up to 2023, taken as 2022 prices).",
        "assumptions": [
            "bmi_class_down with probability 0.06: of the 1 in 3 losing >=5% (1.8 kg/m2 at BMI 36), only those "
            "starting below about 32 fall under 30 (about 1 in 6 of participants, judgement)",
            "bmi_up 0.8 for 2 years: 83% lose weight or stay stable (the programme's weight maintenance)",
            "capacity 1,800 participants a year: the national 23k a year times the province's share of the "
            "population (1.36 of 17.5 million)",
        ],
        "who": {"age_min": 18, "age_max": 105, "risk_factors": ["obese"]},
        "when": {"start_year": START, "end_year": END, "ramp_up_years": RAMP},
        "reach": {"capacity_per_year": 1800, "uptake": 1.0},
        "effects": [
            {"kind": "attribute", "target": "bmi_class_down", "probability": 0.06, "duration_years": 2},
            {"target": "bmi_up", "relative_risk": 0.8, "duration_years": 2},
        ],
        "cost": {"per_participant_eur": 400, "price_year": GLI_PRICE_YEAR},
    }


def smoking_cessation():
    return {
        "id": "smoking_cessation_support",
        "name": "Smoking cessation support (behavioural support + medication)",
        "name_nl": "Hulp bij stoppen met roken (begeleiding en medicijnen)",
        "programme": "lifestyle",
        "description": "Adult smokers are offered cessation support with medication through the GP. Some quit for "
                       "good at once (former smokers may relapse as in the baseline).",
        "description_nl": "Volwassen rokers krijgen via de huisarts hulp bij het stoppen, met begeleiding en medicijnen. Een "
                          "deel stopt meteen voorgoed (wie gestopt is, kan weer gaan roken, even vaak als zonder programma).",
        "source": "figures.md E, Smoking cessation: behavioural support + medication vs unaided +10-20 pp 6-month "
                  "abstinence, +5-10 pp permanent (ERJ table, Cochrane-based); 6-month abstinence varenicline "
                  "23-29% vs 8-13% placebo (Ioannides-Demos & McNeil).",
        "assumptions": [
            "quit_smoking with probability 0.075: the middle of +5-10 pp permanent abstinence",
            "coverage 0.08 a year and uptake 0.5 of smokers: no reach figure in figures.md",
            "cost 350 euro per participant (counselling about 200 euro + 12 weeks of medication): no cost in figures.md (a judgement, in 2023 prices)",
        ],
        "who": {"age_min": 18, "age_max": 105, "risk_factors": ["smoking"]},
        "when": {"start_year": START, "end_year": END, "ramp_up_years": RAMP},
        "reach": {"coverage": 0.08, "uptake": 0.5},
        "effects": [{"kind": "attribute", "target": "quit_smoking", "probability": 0.075, "duration_years": 1}],
        "cost": {"per_participant_eur": 350, "price_year": JUDGEMENT_PRICE_YEAR},
    }


# Remote monitoring in heart failure: non-invasive home telemonitoring vs usual care. The effect sizes are those
# of the meta-analysis read in source (J Telemed Telecare 2024, doi 10.1177/1357633X241299156; 34 RCTs): all-cause
# mortality OR 0.82 (0.71-0.95; 28 RCTs, n=15,211) and heart-failure hospitalisation OR 0.80 (0.69-0.94; 18 RCTs),
# applied as risk ratios (A-TM-OR-AS-RR: with trial event risks of about 10-20% an OR lies slightly further from 1
# than the RR, so the effect is if anything overstated by a few points). The Cochrane review (Inglis et al. 2015,
# CD007228.pub3) points the same way (telemonitoring RR 0.80 on mortality, 0.71 on heart-failure hospitalisation, as
# remembered: its results were never returned, figures_wave2.md D4), so it is named as agreeing, not used. They
# act on the residents with heart failure (a condition of the health model, data/health/conditions.csv) while
# monitored; the intervals are drawn (data/uncertainty/).
TM_DEATH_RR = 0.82
TM_HF_ADMISSION_RR = 0.80


def connected_health():
    return {
        "id": "connected_health_monitoring",
        "name": "Connected health: remote monitoring for chronic conditions",
        "name_nl": "Zorg op afstand bij chronische aandoeningen",
        "programme": "digital_transformation",
        "description": "Residents of 40 and over with diabetes, CHD, COPD or heart failure are offered remote "
                       "monitoring at home; only those with basic digital skills take it up (data/digital_skills.csv). "
                       "It saves GP and home-care hours and, in heart failure, lowers mortality and hospital "
                       "admissions.",
        "description_nl": "Inwoners van 40 jaar en ouder met diabetes, een hartziekte, COPD of hartfalen krijgen zorg op "
                          "afstand aangeboden: metingen thuis die de zorgverlener volgt. Alleen wie basale digitale "
                          "vaardigheden heeft, doet mee. Het bespaart uren van huisarts en thuiszorg, en bij hartfalen zijn er "
                          "minder sterfgevallen en ziekenhuisopnames.",
        "source": "Heart failure: non-invasive home telemonitoring, meta-analysis of 34 RCTs (J Telemed Telecare "
                  f"2024, doi 10.1177/1357633X241299156): all-cause mortality OR {TM_DEATH_RR} (0.71-0.95), heart-failure "
                  f"hospitalisation OR {TM_HF_ADMISSION_RR} (0.69-0.94), applied as risk ratios (A-TM-OR-AS-RR); the "
                  "Cochrane review (Inglis et al. 2015, CD007228.pub3) agrees in direction and size; applied to participants with heart "
                  "failure (data/health/conditions.csv, VZINFO-HF2021). COPD: telemonitoring did not reduce hospital "
                  "admissions (Int J Environ Res Public Health 2021;18:6757, 22 RCTs) and no mortality effect is "
                  "shown, so none is modelled. Digital skills by age and education from data/digital_skills.csv "
                  "(M-CBS-DIGITAL, A-DIGITAL-EDUCATION).",
        "assumptions": [
            "care_hours_gp 0.85 and care_hours_home_care 0.9 while monitored (3 years): a judgement of the contacts "
            "replaced by remote readings; no figure in figures.md",
            "A-TM-OR-AS-RR: the meta-analysis' odds ratios on death and heart-failure admissions are applied as risk "
            "ratios (with trial event risks of 10-20% the OR overstates the effect by a few points)",
            "the trials' effects on death and heart-failure admissions (follow-up mostly 6-12 months) hold for the 3 "
            "years of monitoring and end with it",
            "the admissions avoided lower the count of hospital admissions, not the costs: their cost is inside the "
            "cost per case of heart failure (A-H-HF-ADMISSIONS)",
            "no health effect for diabetes or COPD: no trial effect on mortality found",
            "coverage 0.2 a year and uptake 0.6 among those with basic digital skills; residents without them do not "
            "take it up (the devices and apps need them)",
            "cost 600 euro per participant (devices and platform for 3 years): no cost in figures.md (a judgement, in 2023 prices)",
        ],
        "who": {"age_min": 40, "age_max": 105, "conditions": ["diabetes", "chd", "copd", "heart_failure"],
                "household": ["alone", "couple", "parent", "child"]},
        "when": {"start_year": START, "end_year": END, "ramp_up_years": 3},
        "reach": {"coverage": 0.2, "uptake": 0.6, "digital_skills": True},
        "effects": [
            {"target": "care_hours_gp", "relative_risk": 0.85, "duration_years": 3},
            {"target": "care_hours_home_care", "relative_risk": 0.9, "duration_years": 3},
            {"target": "death", "relative_risk": TM_DEATH_RR, "duration_years": 3, "condition": "heart_failure"},
            {"target": "hospital_admissions_heart_failure", "relative_risk": TM_HF_ADMISSION_RR, "duration_years": 3,
             "condition": "heart_failure"},
        ],
        "cost": {"per_participant_eur": 600, "price_year": JUDGEMENT_PRICE_YEAR},
    }


# Digital health literacy courses for older adults: eHealth Literacy Scale +1.15 SD (0.46-1.84; 7 studies, n=710),
# Dong et al., J Med Internet Res 2023;25:e48166 (single-arm meta-analysis).
def digital_skills_course():
    return {
        "id": "digital_skills_course",
        "name": "Digital skills course for residents without basic digital skills",
        "name_nl": "Cursus digitale vaardigheden",
        "programme": "digital_transformation",
        "description": "Residents of 55 and over living at home without basic digital skills are offered a short "
                       "course (library or community centre). Those who gain the skills can take up digital care.",
        "description_nl": "Thuiswonende inwoners van 55 jaar en ouder zonder basale digitale vaardigheden krijgen een korte "
                          "cursus aangeboden (in de bibliotheek of het buurthuis). Wie de vaardigheden leert, kan daarna ook "
                          "zorg op afstand gebruiken.",
        "source": "Dong et al. 2023, J Med Internet Res 25:e48166 (meta-analysis of digital health literacy "
                  "interventions for older adults, 7 studies, n=710): eHealth Literacy Scale +1.15 SD (0.46-1.84) "
                  "after courses of 2-8 weeks.",
        "assumptions": [
            "half of the participants gain basic digital skills for good: a shift of 1.15 SD moves a participant at "
            "the untrained mean past about the 87th percentile; the share crossing the survey's basic-skills level "
            "is not published (judgement)",
            "coverage 0.1 a year and uptake 0.4 of those offered: no reach figure published",
            "cost 150 euro per participant (about 5 sessions by a trainer, groups of 8): no cost figure published (a judgement, in 2023 prices)",
        ],
        "who": {"age_min": 55, "age_max": 105, "household": ["alone", "couple", "parent", "child"],
                "without_digital_skills": True},
        "when": {"start_year": START, "end_year": END, "ramp_up_years": RAMP},
        "reach": {"coverage": 0.1, "uptake": 0.4},
        "effects": [{"kind": "attribute", "target": "gain_digital_skills", "probability": 0.5, "duration_years": 1}],
        "cost": {"per_participant_eur": 150, "price_year": JUDGEMENT_PRICE_YEAR},
    }


def care_workforce():
    return {
        "id": "care_workforce_levers",
        "name": "Care workforce: retention, study dropout and intake",
        "name_nl": "Zorgpersoneel: behoud, minder studie-uitval, meer instroom",
        "programme": "labour_market",
        "description": "The regional care employers' levers: keep 1 in 10 leavers, 1 in 10 study drop-outs, and "
                       "+15% intake in care education. Acts on the care labour market module only (no health "
                       "effect); the labour module books the published unit costs of the levers "
                       "(data/labour/lever_costs.csv) in the intervention costs, and reports them as "
                       "labour_lever_cost_eur.",
        "description_nl": "De maatregelen van de zorgwerkgevers in de regio: 1 op de 10 vertrekkers behouden, 1 op de 10 "
                          "studie-uitvallers behouden en 15 procent meer instroom in de zorgopleidingen. Dit werkt alleen op de "
                          "arbeidsmarkt in de zorg, niet op de gezondheid; de kosten zijn de gepubliceerde kosten van deze "
                          "maatregelen.",
        "source": "figures.md D, Policy levers (Utrechtzorg 2019, UZ-PROGNOSE-2019): retain 1 in 10 leavers -918 "
                  "shortage (2022); cut study dropout by 1/10 -558; +15% intake -402.",
        "assumptions": [
            "the levers reach full strength over 3 years and stay until 2040",
        ],
        "who": {},
        "when": {"start_year": START, "end_year": END, "ramp_up_years": 3},
        "effects": [
            {"target": "labour_retention", "relative_risk": 0.9},
            {"target": "labour_study_dropout", "relative_risk": 0.9},
            {"target": "labour_student_inflow", "relative_risk": 1.15},
        ],
        "cost": {},
    }


SINGLE = [
    ("healthy_start_home_visiting", "Healthy start, first 1000 days: nurse home visiting for vulnerable first-time "
                                    "mothers (VoorZorg-like).", [home_visiting]),
    ("healthy_start_smoking_pregnancy", "Healthy start, first 1000 days: smoking cessation support in pregnancy.",
     [smoking_in_pregnancy]),
    ("mental_resilience_school_universal", "Mental resilience: a universal school-based programme in secondary "
                                           "schools.", [school_universal]),
    ("mental_resilience_school_targeted", "Mental resilience: a targeted programme for pupils and students with "
                                          "psychological complaints.", [school_targeted]),
    ("seniors_fall_prevention", "Seniors living independently: fall-prevention exercise.", [fall_prevention]),
    ("seniors_social_prescribing", "Seniors living independently: social prescribing against loneliness.",
     [social_prescribing]),
    ("seniors_home_adaptation", "Seniors living independently: home adaptation and home care support "
                                "(preventive home visits).", [home_adaptation]),
    ("living_environment_green_mobility", "Healthy living environment: more public green and active mobility in the "
                                          "five Utrecht districts with the least green (Binnenstad, West, Noordwest, "
                                          "Zuidwest, Zuid).", [green_mobility]),
    ("lifestyle_gli", "Lifestyle: the combined lifestyle intervention (GLI) for adults with obesity.", [gli]),
    ("lifestyle_smoking_cessation", "Lifestyle: smoking cessation support for adult smokers.", [smoking_cessation]),
    ("digital_connected_health", "Digital transformation: remote monitoring for chronic conditions, uptake by "
                                 "digital skills, and a digital skills course.", [connected_health,
                                                                                 digital_skills_course]),
    ("labour_care_workforce", "Care labour market: retention, study dropout and intake levers.", [care_workforce]),
]

# Each scenario in plain Dutch for the province's aldermen and workshops (the viewer's cards and the policy
# brief in Dutch): a title, and a description whose first sentence says who gets what. The English
# descriptions above stay as they are; the numbers are those of the programmes' definitions in this file.
DUTCH = {
    "healthy_start_home_visiting": (
        "Kansrijke start: huisbezoeken bij jonge moeders",
        "Een verpleegkundige bezoekt laagopgeleide vrouwen onder de 26 die voor het eerst zwanger zijn thuis, van de "
        "zwangerschap tot het kind twee jaar is (zoals VoorZorg). Zij roken minder tijdens en na de zwangerschap, en "
        "er zijn minder meldingen bij de jeugdbescherming."),
    "healthy_start_smoking_pregnancy": (
        "Kansrijke start: stoppen met roken in de zwangerschap",
        "Zwangere vrouwen die nog roken, krijgen van de verloskundige begeleiding bij het stoppen. Wie stopt, heeft "
        "minder kans op een te vroeg of te klein geboren kind, en zelf minder risico's van roken."),
    "mental_resilience_school_universal": (
        "Mentale weerbaarheid: programma voor alle scholieren",
        "Alle leerlingen van het voortgezet onderwijs volgen één keer een weerbaarheidsprogramma van hun docent. "
        "Minder beginnende psychische klachten, depressie en angst; het effect neemt in een jaar af."),
    "mental_resilience_school_targeted": (
        "Mentale weerbaarheid: hulp voor jongeren met klachten",
        "Scholieren en studenten van 12 tot 24 jaar met psychische klachten krijgen via school een groepsprogramma "
        "aangeboden. Sneller herstel van psychische klachten en minder beginnende depressie en angst."),
    "seniors_fall_prevention": (
        "Thuis ouder worden: valpreventie",
        "Thuiswonende 65-plussers krijgen een beweegprogramma in groepen aangeboden, met balans- en krachttraining. "
        "Minder valpartijen en heupbreuken zolang het effect duurt."),
    "seniors_social_prescribing": (
        "Thuis ouder worden: Welzijn op Recept",
        "De huisarts verwijst ernstig eenzame thuiswonende 65-plussers naar een welzijnscoach en activiteiten in de "
        "buurt. Een deel van hen is daarna niet meer ernstig eenzaam."),
    "seniors_home_adaptation": (
        "Thuis ouder worden: huisbezoek en woningaanpassing",
        "Kwetsbare thuiswonende 75-plussers en ouderen met thuiszorg krijgen een preventief huisbezoek van een "
        "verpleegkundige, met aanpassingen in huis waar nodig. Minder sterfte en minder valpartijen; niet minder "
        "opnames in het verpleeghuis."),
    "living_environment_green_mobility": (
        "Gezonde leefomgeving: meer groen, lopen en fietsen",
        "Meer openbaar groen en meer lopen en fietsen in de vijf Utrechtse wijken met het minste groen: Binnenstad, "
        "West, Noordwest, Zuidwest en Zuid. In vijf jaar komt er 10 vierkante meter groen per woning bij, en gaan "
        "5 procentpunt meer verplaatsingen te voet of per fiets. Het werkt via minder psychische klachten en "
        "eenzaamheid, meer bewegen en minder overgewicht."),
    "lifestyle_gli": (
        "Leefstijl: gecombineerde leefstijlinterventie (GLI)",
        "Volwassenen met obesitas volgen de GLI van twee jaar: voeding, bewegen en gedrag. Een deel gaat meteen een "
        "gewichtsklasse omlaag, en zolang het programma loopt, gaan minder deelnemers een klasse omhoog."),
    "lifestyle_smoking_cessation": (
        "Leefstijl: hulp bij stoppen met roken",
        "Volwassen rokers krijgen via de huisarts begeleiding en medicijnen om te stoppen. Een deel stopt meteen "
        "voorgoed (wie gestopt is, kan terugvallen, zoals zonder het programma)."),
    "digital_connected_health": (
        "Digitale zorg: zorg op afstand en digitale vaardigheden",
        "Thuiswonende 40-plussers met diabetes, een hartziekte, COPD of hartfalen krijgen zorg op afstand "
        "aangeboden; alleen wie digitaal vaardig is, doet mee. 55-plussers zonder digitale vaardigheden krijgen een "
        "korte cursus. Het scheelt uren van huisarts en thuiszorg, en bij hartfalen sterfte en ziekenhuisopnames."),
    "labour_care_workforce": (
        "Zorgpersoneel: behouden, opleiden, instromen",
        "De maatregelen van de regionale zorgwerkgevers: 1 op de 10 vertrekkers blijft, 1 op de 10 studenten die "
        "zouden uitvallen maakt de zorgopleiding af, en 15% meer instroom in zorgopleidingen. Het werkt op de "
        "arbeidsmarkt van de zorg, niet op de gezondheid."),
    "health_hub_agenda": (
        "De Health Hub-agenda: alle programma's samen",
        "Alle programma's van Health Hub Utrecht tegelijk: kansrijke start, mentale weerbaarheid, thuis ouder "
        "worden, gezonde leefomgeving, leefstijl, digitale zorg en zorgpersoneel. Met dezelfde instellingen als de "
        "afzonderlijke scenario's."),
    "equity": (
        "Gelijke kansen: Overvecht, Zuidwest en lage opleiding",
        "De programma's gericht op de wijken Overvecht en Zuidwest en op inwoners met een lage opleiding elders, met "
        "een groter bereik door outreach. Daarbij meer groen, lopen en fietsen in de twee wijken."),
    "labour_frozen_participation": (
        "Zorgpersoneel zonder trends (gevoeligheid)",
        "Een gevoeligheidsanalyse, geen programma: deelname en contracturen in de zorg per leeftijd blijven op het "
        "niveau van 2021. De vier gepubliceerde trends van het aanbod staan uit, dus het zorgpersoneel volgt alleen "
        "de omvang en leeftijd van de bevolking. De gezondheid is die van het basisscenario."),
}

# The scenarios' titles in English, as DUTCH's in Dutch (a brief's headings: without one, the English brief fell back to
# the description's first words, and several scenarios read alike, "Lifestyle", "Seniors living independently").
ENGLISH_TITLES = {
    "healthy_start_home_visiting": "Healthy start: home visits to young mothers",
    "healthy_start_smoking_pregnancy": "Healthy start: quitting smoking in pregnancy",
    "mental_resilience_school_universal": "Mental resilience: a programme for every pupil",
    "mental_resilience_school_targeted": "Mental resilience: help for young people with complaints",
    "seniors_fall_prevention": "Seniors living at home: fall prevention",
    "seniors_social_prescribing": "Seniors living at home: social prescribing",
    "seniors_home_adaptation": "Seniors living at home: home visits and adaptations",
    "living_environment_green_mobility": "Healthy living environment: more green, walking and cycling",
    "lifestyle_gli": "Lifestyle: combined lifestyle intervention (GLI)",
    "lifestyle_smoking_cessation": "Lifestyle: help to quit smoking",
    "digital_connected_health": "Digital care: remote monitoring and digital skills",
    "labour_care_workforce": "Care workforce: retain, train, recruit",
    "health_hub_agenda": "The Health Hub agenda: every programme at once",
    "equity": "Equal chances: Overvecht, Zuidwest and low education",
    "labour_frozen_participation": "Care workforce without trends (sensitivity)",
}

# Notes for the scenario's readers (the policy brief lists them among its assumptions). That the files are generated
# by this script, not edited, is said in scenarios/README.md.
NOTES = [
    "Every programme names the published source of its effects and lists its assumptions, each with its reason "
    "(most programmes' costs among them: published costs are few).",
    "The programmes start in 2025 and run to 2040; their coverage reaches its full level over their ramp-up years.",
]
NOTES_NL = [
    "Elk programma noemt de gepubliceerde bron van zijn effecten en vermeldt zijn aannames, elk met de reden ervan "
    "(de kosten van de meeste programma's daaronder: gepubliceerde kosten zijn schaars).",
    "De programma's beginnen in 2025 en lopen tot 2040; hun bereik groeit in de opbouwjaren naar het volle niveau.",
]


def equity_interventions(zone_codes):
    """The programmes concentrated on Overvecht, Zuidwest and low education.

    Eligibility criteria are combined with AND, so 'Overvecht or Zuidwest or low education' is two arms:
    the two districts (every education level) and low education in every other zone. No resident is in
    both arms, so no one's effects are counted twice."""
    districts = [OVERVECHT, ZUIDWEST]
    others = [z for z in zone_codes if z not in districts]
    out = []

    def arms(make, boost, ident):
        d = make()
        d["id"] = ident + "_districts"
        d["name"] += " (Overvecht and Zuidwest)"
        d["name_nl"] += " (Overvecht en Zuidwest)"
        d["programme"] = "equity"
        d["who"]["zones"] = districts
        e = make()
        e["id"] = ident + "_low_education"
        e["name"] += " (low education, elsewhere)"
        e["name_nl"] += " (lage opleiding, elders)"
        e["programme"] = "equity"
        e["who"]["zones"] = others
        e["who"]["education"] = ["low"]
        more = f", met {dutch_number(boost)} keer het bereik van het provinciale programma" if boost > 1 else ""
        d["description_nl"] += f" In dit scenario alleen in Overvecht en Zuidwest{more}."
        e["description_nl"] += f" In dit scenario voor inwoners met een lage opleiding buiten die twee wijken{more}."
        for x in (d, e):
            if "coverage" in x["reach"]:
                x["reach"]["coverage"] = min(1.0, round(x["reach"]["coverage"] * boost, 3))
            x["assumptions"] = x["assumptions"] + [
                f"equity scenario: coverage {boost:g} times the province-wide programme's, as outreach in the "
                "target groups (judgement)"]
        return [d, e]

    out += arms(smoking_cessation, 2.0, "smoking_cessation")
    out += arms(fall_prevention, 2.0, "fall_prevention")
    out += arms(social_prescribing, 2.0, "social_prescribing")
    out += arms(school_targeted, 1.5, "school_targeted")
    out += arms(home_adaptation, 1.5, "home_adaptation")
    # GLI by coverage rather than the national capacity: 5% of the obese in the target groups a year.
    for g in arms(gli, 1.0, "gli"):
        g["reach"] = {"coverage": 0.05, "uptake": 1.0}
        g["assumptions"] = [a for a in g["assumptions"] if not a.startswith("capacity")] + [
            "coverage 0.05 of the obese a year in the target groups instead of the province's capacity"]
        out.append(g)
    hv = home_visiting()
    hv["id"] = "voorzorg_home_visiting_districts"
    hv["name"] += " (Overvecht and Zuidwest, every education level)"
    hv["name_nl"] += " (Overvecht en Zuidwest, elk opleidingsniveau)"
    hv["description_nl"] += " In dit scenario in Overvecht en Zuidwest, voor jonge moeders van elk opleidingsniveau."
    hv["programme"] = "equity"
    hv["who"]["zones"] = districts
    del hv["who"]["education"]
    out.append(hv)
    out.append(green_mobility(districts, "green_active_mobility_districts", 2_500_000))
    out[-1]["programme"] = "equity"
    out[-1]["assumptions"][-1] = ("cost 2.5 M euro a year: the two districts' share (about 40 of the 95 ha) of the "
                                  "five-district estimate; no cost in figures.md (a judgement, in 2023 prices)")
    return out


def frozen_participation():
    """Sensitivity: the care workforce's supply without the published trends (data/labour A-LAB-SUPPLY-FROZEN)."""
    return {
        "name": "labour_frozen_participation",
        "description": "Sensitivity of the care labour market: participation and contract hours in care by age "
                       "frozen at 2021. The supply's four published trends are off (entrants at the published rate, "
                       "intake from care education by year, retirement moving with the state pension age, rising "
                       "contract hours): the workforce's flows are the base-year steady state, so supply follows "
                       "the size and age of the population only. The health model is the baseline's.",
        "title": ENGLISH_TITLES["labour_frozen_participation"],
        "title_nl": DUTCH["labour_frozen_participation"][0],
        "description_nl": DUTCH["labour_frozen_participation"][1],
        "notes": [
            "The care workforce as modelled before its supply followed the regional forecasts' method (assumptions "
            "A-LAB-SUPPLY-FROZEN and A-LAB-STEADY-STATE, data/labour/README.md): compared with the baseline, it "
            "shows what the published supply trends contribute to the care gap."],
        "notes_nl": [
            "Het zorgpersoneel zoals het werd gemodelleerd voordat het aanbod de methode van de regionale prognoses "
            "volgde (aannames A-LAB-SUPPLY-FROZEN en A-LAB-STEADY-STATE, data/labour/README.md): vergeleken met het "
            "basisscenario toont het wat de gepubliceerde trends van het aanbod bijdragen aan het tekort."],
        "extends": "baseline.json",
        "labour": {"inflow_at_published_rates": False, "education_intake_trend": False,
                   "retirement_follows_pension_age": False, "hours_trend": False},
    }


def write(out, name, scenario):
    with open(Path(out) / (name + ".json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(scenario, indent=2, ensure_ascii=False) + "\n")


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(cli.DEFAULT_DATA), help="data directory with zones.csv (default data/)")
    ap.add_argument("--out", default=str(cli.DEFAULT_SCENARIOS), help="output directory (default scenarios/)")
    return ap.parse_args()


def main():
    args = parse_args()
    out = Path(args.out)
    zone_codes = zones(args.data)
    DATA_DIR[0] = args.data
    out.mkdir(parents=True, exist_ok=True)
    for name, description, makers in SINGLE:
        write(out, name, base_scenario(name, description, NOTES, [m() for m in makers]))
    agenda = [m() for _, _, makers in SINGLE for m in makers]
    write(out, "health_hub_agenda", base_scenario(
        "health_hub_agenda",
        "The Health Hub Utrecht agenda: every programme of the library at once (healthy start, mental resilience, "
        "seniors, living environment, lifestyle, digital transformation, care workforce), with the same parameters "
        "as the single-programme scenarios.",
        NOTES + ["The programmes are those of the twelve single-programme scenarios, with the same parameters."],
        agenda,
        NOTES_NL + ["De programma's zijn die van de twaalf afzonderlijke scenario's, met dezelfde instellingen."]))
    write(out, "equity", base_scenario(
        "equity",
        "Equity: the programmes concentrated on Overvecht (WK034403), Zuidwest (WK034408) and residents with low "
        "education elsewhere, with higher coverage (outreach), plus green and active mobility in the two districts.",
        NOTES + ["Each programme has two arms: the two districts (all education levels) and low education in every "
                 "other zone, so no resident is in both."],
        copy.deepcopy(equity_interventions(zone_codes)),
        NOTES_NL + ["Elk programma heeft twee delen: de twee wijken (alle opleidingsniveaus) en laag opgeleiden in alle "
                    "andere gebieden, zodat niemand in beide valt."]))
    write(out, "labour_frozen_participation", frozen_participation())


if __name__ == "__main__":
    main()
