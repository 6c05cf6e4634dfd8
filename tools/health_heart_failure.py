"""Heart failure in the health build: its age shape and level of prevalence, its relative risks (onset, death,
perceived health), disability weight mix, GP hours, cost per case, and the table of its hospital admissions
(data/health/heart_failure.csv). Imported by tools/build_health_data.py, which writes the tables and the sources;
kept apart so that the health builder's shared lists only gain a line per table.

Python 3 standard library only. Every constant names its source id (SOURCES / ASSUMPTIONS below).
"""
import math

# (id, publisher, title, table, year, url, confidence, notes): rows of data/health/sources.csv.
SOURCES = [
    ("VZINFO-HF2021", "vzinfo.nl (RIVM; Nivel Zorgregistraties eerste lijn)", "Hartfalen: leeftijd en geslacht",
     "Jaarprevalentie hartfalen in huisartsenpraktijk 2021 (ICPC K77)", "2021",
     "https://www.vzinfo.nl/hartfalen/leeftijd-en-geslacht", "C",
     "241,300 people with heart failure known to the GP in 2021: 116,300 men and 125,000 women, 13.3 and 14.2 per "
     "1000; in most age groups men have the higher rate, women the higher count (more older women). Looked up for "
     "this build"),
    ("HARTENVAAT-HF2021", "Hartstichting / UMC Utrecht (Koop, Wimmers, Bots, Vaartjes), hartenvaatcijfers.nl",
     "Basiscijfers hartfalen", "Tabel 1, kerncijfers over hartfalen naar leeftijd en geslacht in Nederland in 2021",
     "2021", "https://www.hartenvaatcijfers.nl/jaarcijfers/jaarcijfers-hartfalen-01238", "C",
     "2021: deaths from heart failure (ICD-10 I50, CBS) 7,471 (men 3,317, women 4,154; mean age 86); hospital "
     "admissions for heart failure (Dutch Hospital Data) 31,034 (men 16,430, women 14,604; 0-44 487, 45-54 1,051, "
     "55-64 2,732, 65-74 6,924, 75-84 11,569, 85-94 7,762, 95+ 509), mean stay 7 days; 1-year mortality after a "
     "first admission 33%. Looked up for this build"),
    ("BLEUMINK2004", "Bleumink GS, Knetsch AM, Sturkenboom MCJM et al., Eur Heart J 25(18):1614-1619 (2004)",
     "Quantifying the heart failure epidemic: prevalence, incidence rate, lifetime risk and prognosis of heart "
     "failure. The Rotterdam Study", "abstract", "2004", "https://doi.org/10.1016/j.ehj.2004.06.038", "C",
     "7,983 participants 55+ (ESC criteria, diagnosed or not): prevalence 0.9% at 55-64 rising to 17.4% at 85+, "
     "higher in men; incidence 14.4 per 1000 person-years (men 17.6, women 12.5), from 1.4 at 55-59 to 47.4 at "
     "90+. Looked up for this build"),
    ("MOSTERD2001", "Mosterd A, Cost B, Hoes AW et al., Eur Heart J 22(15):1318-1327 (2001)",
     "The prognosis of heart failure in the general population: the Rotterdam Study", "abstract", "2001",
     "https://doi.org/10.1053/euhj.2000.2533", "C",
     "5,255 participants, 181 with heart failure: age-adjusted mortality hazard ratio 2.1 (95% CI 1.8-2.7) against "
     "those without; 1-, 2- and 5-year survival 89%, 79%, 59%. Looked up for this build"),
    ("AUNE2018-HF", "Aune D, Schlesinger S, Neuenschwander M et al., Nutr Metab Cardiovasc Dis 28(11):1081-1091 "
     "(2018)", "Diabetes mellitus, blood glucose and the risk of heart failure: a systematic review and "
     "meta-analysis of prospective studies", "abstract", "2018", "https://doi.org/10.1016/j.numecd.2018.07.005", "C",
     "population-based prospective studies: summary RR of heart failure with vs without diabetes 2.06 (95% CI "
     "1.73-2.46; 30 studies, 401,495 cases). Looked up for this build"),
    ("DUNLAY2009", "Dunlay SM, Weston SA, Jacobsen SJ, Roger VL, Am J Med 122(11):1023-1028 (2009)",
     "Risk factors for heart failure: a population-based case-control study (Olmsted County)", "abstract", "2009",
     "", "C",
     "962 incident heart-failure cases matched on age and sex to population controls: odds ratio of coronary "
     "heart disease 3.05 (95% CI 2.36-3.95), diabetes 2.65 (1.98-3.54); population attributable risk of coronary "
     "disease and of hypertension 20% each. Looked up for this build"),
    ("HU2010-HF", "Hu G, Jousilahti P, Antikainen R, Katzmarzyk PT, Tuomilehto J, Circulation 121(2):237-244 "
     "(2010)", "Joint effects of physical activity, body mass index, waist circumference, and waist-to-hip ratio on "
     "the risk of heart failure", "abstract", "2010", "", "C",
     "Finnish cohorts 25-74, 18.4 years: multivariable HRs of heart failure by BMI <25, 25-29.9, 30+: men 1.00, "
     "1.25, 1.99; women 1.00, 1.33, 2.06; by low, moderate, high physical activity: men 1.00, 0.79, 0.69; women "
     "1.00, 0.86, 0.68. Looked up for this build"),
    ("VZINFO-HF-KOSTEN", "vzinfo.nl (RIVM Kosten van Ziekten 2017)", "Hartfalen: kosten", "", "2017",
     "https://www.volksgezondheidenzorg.info/onderwerp/hartfalen/kosten", "C",
     "health spending on heart failure 817 million euro in 2017 (Kosten van Ziekten). Looked up for this build"),
]

# (id, title, reason): assumptions, rows of data/health/sources.csv with confidence ASSUMPTION.
ASSUMPTIONS = [
    ("A-H-HF-AGE", "Heart failure prevalence by age",
     "the Rotterdam Study's prevalence (BLEUMINK2004) rises log-linearly with age from 0.9% at 55-64 (taken at age "
     "60) to 17.4% at 85+ (taken at age 89): 10.2% more a year of age; the same line is carried down to age 20 and "
     "up to the 85+ value, which holds at 90 and over (the open group's mean cannot be exceeded by its oldest); none "
     "under 20 (congenital heart disease is not modelled). Only the shape is used: it is scaled per sex so that "
     "the national crude rate with A-H-NL-WEIGHTS equals the GP-registered 13.3 (men) and 14.2 (women) per 1000 of "
     "2021 (VZINFO-HF2021); the scale factors are 1.20 (men) and 1.00 (women), so the registered rates are close "
     "to the Rotterdam Study's (which counted undiagnosed cases, but two decades earlier); the same shape for both "
     "sexes, which leaves men the higher rate at every age, as the GP registration shows"),
    ("A-H-HF-RR", "Relative risks of heart failure onset",
     "coronary heart disease 3.05 (DUNLAY2009, an odds ratio of incident heart failure, taken as a relative risk: "
     "about 5% of the controls' age groups develop heart failure, so the two are close at this size), diabetes 2.06 "
     "(AUNE2018-HF), overweight 1.29 and obesity 2.03 (HU2010-HF, the mean of men's and women's hazard ratios), "
     "physical inactivity 1.2 (HU2010-HF: low against moderate activity, 1/0.79 in men and 1/0.86 in women, "
     "about 1.2; the model's inactive residents do not meet the guideline, close to the study's low group). "
     "Hypertension, the other large cause, is not a state of the model: its share of cases is in the base "
     "incidence. No direct education effect: the gradient runs through diabetes, coronary heart disease and BMI"),
    ("A-H-HF-PH", "Heart failure and perceived health",
     "odds ratio of good perceived health 0.35 with heart failure, as for stroke and COPD (M-PH-OR): a symptomatic "
     "condition limiting exertion; no Dutch survey figure for heart failure was read"),
    ("A-H-HF-ADMISSIONS", "Hospital admissions for heart failure",
     "31,034 clinical admissions with heart failure as main diagnosis in 2021 (HARTENVAAT-HF2021) over the 241,300 "
     "people with heart failure known to the GP (VZINFO-HF2021): 0.129 admissions per case-year, the same at every "
     "age (counted as expected admissions of each resident with heart failure, not as events); their cost is in "
     "the cost per case (VZINFO-HF-KOSTEN includes hospital care), so an admission avoided lowers the count and "
     "not the costs (conservative)"),
    ("A-H-HF-COST", "Cost per case of heart failure",
     "817 million euro (2017, VZINFO-HF-KOSTEN) over the 241,300 cases known to the GP in 2021 (VZINFO-HF2021): 3,386 "
     "euro per case-year at 2017 prices (indexed by the model with the CPI, as costs.csv); the number of cases grew between 2017 and "
     "2021, so the cost per case is if anything understated"),
]

HF_PREV_55_64 = 9.0           # BLEUMINK2004, per 1000 (0.9%)
HF_PREV_85PLUS = 174.0        # BLEUMINK2004, per 1000 (17.4%)
HF_AGE_AT_55_64 = 60.0        # A-H-HF-AGE
HF_AGE_AT_85PLUS = 89.0       # A-H-HF-AGE
HF_MIN_AGE = 20               # A-H-HF-AGE
HF_CRUDE_2021 = (13.3, 14.2)  # VZINFO-HF2021, per 1000 (men, women)
HF_CASES_2021 = 241300        # VZINFO-HF2021
HF_ADMISSIONS_2021 = 31034    # HARTENVAAT-HF2021
HF_DEATHS_2021 = 7471         # HARTENVAAT-HF2021 (a check: deaths from heart failure as the underlying cause)
HF_COST_M = 817.0             # VZINFO-HF-KOSTEN (2017)
HF_COST_YEAR = 2017
HF_DEATH_RR = 2.1             # MOSTERD2001
HF_PH_OR = 0.35               # A-H-HF-PH
HF_GP_EXTRA = 0.6             # A-H-GP (as CHD)
# GBD-DW heart failure mild / moderate / severe with an assumed mix of the GP-registered cases (A-H-DW-MIX).
HF_DW_MIX = [(0.40, 0.041), (0.40, 0.072), (0.20, 0.179)]

# Relative risks (outcome, factor, level, RR, published 95% interval low, high (None: none read), sources) for the
# health builder's RR list.
RR_ROWS = [
    ("heart_failure", "chd", "yes", 3.05, 2.36, 3.95, "DUNLAY2009;A-H-HF-RR"),
    ("heart_failure", "diabetes", "yes", 2.06, 1.73, 2.46, "AUNE2018-HF;A-H-HF-RR"),
    ("heart_failure", "bmi", "overweight", 1.29, None, None, "HU2010-HF;A-H-HF-RR"),
    ("heart_failure", "bmi", "obese", 2.03, None, None, "HU2010-HF;A-H-HF-RR"),
    ("heart_failure", "inactive", "yes", 1.2, None, None, "HU2010-HF;A-H-HF-RR"),
]
DEATH_ROW = ("death", "heart_failure", "yes", HF_DEATH_RR, 1.8, 2.7, "MOSTERD2001;A-H-RR-DEATH-MUTUAL")
PH_ROW = ("perceived_good_health", "heart_failure", "yes", HF_PH_OR, None, None, "M-PH-OR;A-H-HF-PH")
COND_SOURCE = ("VZINFO-HF2021;BLEUMINK2004;M-NL-POP2021;LOKET-POP2021;A-H-NL-WEIGHTS;A-H-HF-AGE;A-H-INCIDENCE;"
               "VZINFO-LE2022")
COST_SOURCE = "VZINFO-HF-KOSTEN;VZINFO-HF2021;A-H-HF-COST"
PUBLISHED_NEW = ("Rotterdam Study 14.4 per 1000 person-years at 55+ (ESC criteria, diagnosed or not; "
                 "BLEUMINK2004); no GP-registered count read")

TABLE_DOC = ("heart_failure.csv", "parameter,value,unit,source",
             "Hospital admissions for heart failure per resident with heart failure and year (accrued as expected "
             "admissions, the target of a programme's `hospital_admissions_heart_failure` effect).",
             "HARTENVAAT-HF2021, VZINFO-HF2021; A-H-HF-ADMISSIONS.")


def age_shape(group_midpoints):
    """Prevalence per 1000 at each age-group midpoint (A-H-HF-AGE): log-linear through the Rotterdam anchors."""
    slope = math.log(HF_PREV_85PLUS / HF_PREV_55_64) / (HF_AGE_AT_85PLUS - HF_AGE_AT_55_64)
    out = []
    for a in group_midpoints:
        if a < HF_MIN_AGE:
            out.append(0.0)
        else:
            out.append(min(HF_PREV_85PLUS, HF_PREV_55_64 * math.exp(slope * (a - HF_AGE_AT_55_64))))
    return out


def disability_weight():
    return sum(share * w for share, w in HF_DW_MIX)


def cost_per_case():
    return HF_COST_M * 1e6 / HF_CASES_2021


def admissions_per_case_year():
    return HF_ADMISSIONS_2021 / HF_CASES_2021


def build_heart_failure(fmt):
    """Rows (parameter, value, unit, source) of data/health/heart_failure.csv."""
    return [["admissions_per_case_year", fmt(admissions_per_case_year(), 4), "admissions per resident-year",
             "HARTENVAAT-HF2021;VZINFO-HF2021;A-H-HF-ADMISSIONS"]]
