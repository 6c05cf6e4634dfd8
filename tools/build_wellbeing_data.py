#!/usr/bin/env python3
"""Build the tables of life satisfaction and informal care (data/wellbeing/*.csv, data/wellbeing/README.md and
data/targets/wellbeing.csv).

The figures are constants below, each with its source id (defined in SOURCES / ASSUMPTIONS, written to
data/wellbeing/sources.csv); they were read in the publications listed there (docs/research/figures_wave2.md
D5, D6 and A). Python 3 standard library only, with the shared helpers of tools/databuild/. Deterministic:
running it twice gives byte-identical files.

Run from anywhere:  python3 tools/build_wellbeing_data.py [--research DIR] [--data DIR]
"""
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.dont_write_bytecode = True  # importing databuild must not leave tools/__pycache__ behind
from databuild import cli, output  # noqa: E402
from databuild.numeric import bisect, fmt  # noqa: E402
from databuild.output import say, write_csv  # noqa: E402

SOURCES = [
    ("CBS-84572NED", "CBS", "Welzijn; gelukkig en tevreden, persoonskenmerken vanaf 1997", "84572NED", "2022",
     "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/84572NED", "C",
     "18+, 2021: happy 86.4% (95% CI 86.0-86.8), satisfied with life 83.6% (83.2-84.1); by sex, age band and "
     "education as in satisfaction_targets.csv; a score of 7 or more on the 1-10 scale counts as happy / satisfied "
     "(docs/research/figures_wave2.md D5)"),
    ("CBS-WELZIJN-2016", "CBS", "Nederlanders iets meer tevreden over eigen leven (news release, via NU.nl 2017-06)",
     "", "2017", "https://www.nu.nl", "C-2",
     "mean score (1-10) 7.5-7.6, stable over 2013-2016 (docs/research/figures_wave2.md D5)"),
    ("CBS-GELUK-2017", "CBS", "International Day of Happiness release (20-3-2017), via Volkskrant and women-online.nl",
     "", "2017", "http://www.volkskrant.nl", "C-2",
     "2016, 18+: happy with a partner 92%, living alone 79%; happy in (very) poor perceived health 58%, very "
     "good health 94%"),
    ("CBS-JEUGDMONITOR-2020", "CBS", "Jeugdmonitor 2020, Welzijn van jongeren", "longread ch. 10", "2020",
     "https://longreads.cbs.nl/jeugdmonitor-2020/welzijn-van-jongeren/", "C",
     "young adults 18-25: satisfied with life 85-86% for years; of the severely lonely (over one in ten) "
     "half are satisfied with their life"),
    ("CLARK2018", "Clark AE, Fleche S, Layard R, Powdthavee N, Ward G",
     "The Origins of Happiness: The Science of Well-Being over the Life Course. Princeton University Press", "ch. 16",
     "2018", "https://press.princeton.edu/books/hardcover/9780691177892/the-origins-of-happiness", "C-2",
     "life satisfaction (0-10): depression or anxiety disorder -0.72 points; one of a list of physical illnesses "
     "-0.22 points; partnering: panel estimates about half the cross-sectional ones"),
    ("MCDONALD2024", "McDonald R, Powdthavee N",
     "The Shadow Prices of Voluntary Caregiving: Using Well-Being Panel Data to Estimate the Cost of Informal Care. "
     "J Benefit Cost Anal", "abstract", "2024", "https://doi.org/10.1017/bca.2024.21", "C",
     "British Household Panel Survey: those providing unanticipated informal care would pay about GBP 13,167 on "
     "average to avoid the first year's well-being loss"),
    ("HMT-WELLBEING-2021", "HM Treasury", "Wellbeing Guidance for Appraisal: Supplementary Green Book Guidance",
     "", "2021", "https://www.gov.uk/government/publications/green-book-supplementary-guidance-wellbeing", "C-2",
     "one WELLBY = one point of life satisfaction (0-10) for one person for one year; value GBP 13,000 "
     "(10,000-16,000), 2019 prices (docs/research/figures_wave2.md A)"),
    ("CBS-ST-2024-MANTELZORG", "CBS (Reep C, Bruggink JW)", "Vader en moeder op leeftijd. Statistische Trends",
     "section 4.1 (Gezondheidsmonitor Volwassenen en Ouderen 2022)", "2024", "https://www.cbs.nl", "C",
     "informal carers (3 months or more and/or 8 h/week or more) 13% of 20+ in 2022; mean 12 h/week; 19% "
     "heavily burdened; share giving informal care by five-year age group as in carers_by_age.csv"),
    ("THOMAS2015", "Thomas GPA, Saunders CL, Roland MO, Paddison CAM",
     "Informal carers' health-related quality of life and patient experience in primary care: evidence from 195,364 "
     "carers in England responding to a national survey. BMC Family Practice 16:62", "abstract", "2015",
     "https://doi.org/10.1186/s12875-015-0277-y", "C",
     "English GP Patient Survey 2011-12, adjusted for age, sex, ethnicity and deprivation: carers scored worse on "
     "EQ-5D than non-carers, increasingly with the hours of care; carers of 50+ hours a week 0.05 lower (95% CI "
     "0.04-0.05); anxiety/depression OR 1.69 and pain OR 1.53 at 50+ hours"),
    ("CBS-2015-MANTELZORG", "CBS (via informedics.nl)", "Mantelzorg 2015", "", "2016", "https://www.informedics.nl",
     "C-2", "16+: heavily burdened carers give 28 h/week, the others 8 h/week"),
    ("SCP-2016-INFORMELE-HULP", "SCP (de Boer A, de Klerk M)", "Informele hulp: wie doet er wat?", "ch. 4", "2013",
     "https://www.scp.nl", "C", "carers 56% women, 44% men"),
    ("KOSTENHANDLEIDING-2024", "Hakkaart-van Roijen L, Peeters S, Kanters T, et al. (Zorginstituut Nederland)",
     "Kostenhandleiding voor economische evaluaties in de gezondheidszorg: methodologie en referentieprijzen "
     "(herziene versie 2024)", "reference prices, informal care", "2024",
     "https://www.zorginstituutnederland.nl", "C-2",
     "shadow price of an hour of informal care EUR 18.80 (2022 prices), as quoted in a public model's inputs "
     "(docs/research/figures_wave2.md A)"),
    ("CBS-85012NED-MZ", "CBS / GGD'en / RIVM", "Gezondheidsmonitor Volwassenen en Ouderen 2020, by GGD region",
     "85012NED", "2020", "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85012NED", "C",
     "18+, informal carers: Nederland 13.5%, GGD regio Utrecht 13.2% (figures.md C1)"),
]

ASSUMPTIONS = [
    ("A-WB-PROBIT", "A latent score with a normal personal term",
     "a resident's life satisfaction is mu + sigma x z, reported as the nearest whole score in 0-10 (satisfied: 7 "
     "or more, CBS); mu is the calibrated offset of the resident's age band, sex and education plus the "
     "published effects of the determinants; z is a standard normal personal term, fixed for life (drawn from "
     "the resident's id). A share difference between two groups (p1, p0) is a shift of "
     "sigma x (probit(p1) - probit(p0)) in mu"),
    ("A-WB-CALIB", "Calibration in 2021",
     "the offsets by age band, sex and education are fitted on the simulated population of 1 January 2021 (raking "
     "the expected share satisfied to each CBS margin), sigma so that the mean score is the CBS mean, and one "
     "offset on the happiness question so that the share happy of adults is the CBS share; the other years follow "
     "from the residents' states"),
    ("A-WB-MEAN", "The mean score",
     "CBS publishes the mean happiness score (7.5-7.6 in 2013-2016), not the mean life satisfaction; the lower "
     "end, 7.5, is taken for the mean life-satisfaction score of adults"),
    ("A-WB-YOUTH", "Ages 12-17",
     "CBS 84572NED covers adults 18+; residents aged 12-17 take the offset of the 18-25 band"),
    ("A-WB-DISTRESS", "Distress and depression counted once",
     "the effect of a depression or anxiety disorder (CLARK2018) applies to residents with the condition or at high "
     "risk of anxiety or depression (K10), once"),
    ("A-WB-ALONE", "Living alone",
     "the cross-sectional gap in happiness between adults with a partner (92%) and living alone (79%) "
     "(CBS-GELUK-2017) halved, as Clark et al. find panel estimates of partnering about half the cross-sectional "
     "ones; applies to residents 18+ living alone"),
    ("A-WB-LONELY", "Severe loneliness",
     "the gap in the share satisfied between all young adults (85.5%) and the severely lonely among them (50%) "
     "(CBS-JEUGDMONITOR-2020), taken for every age; it is a raw gap (the lonely are also less healthy), so the "
     "effect may be overstated"),
    ("A-WB-BURDEN", "Burden of heavy caregiving",
     "a heavily burdened carer loses GBP 13,167 / GBP 13,000 per WELLBY = 1.01 points of life satisfaction "
     "(MCDONALD2024 over HMT-WELLBEING-2021, both near 2019 prices); carers who are not heavily burdened lose "
     "nothing (the losses grow with hours of care; the other carers give 8 h/week)"),
    ("A-MZ-QALY", "Carers' health burden",
     "the EQ-5D deficit of carers grows with the hours of care (THOMAS2015); it is taken as linear in the hours, from "
     "0 without care to 0.05 at 50 h/week (the lower end of the published top band, so that the loss per hour is not "
     "understated): 0.001 a week-hour, so heavily burdened carers (28 h/week) lose 0.028 and the others (8 h/week) "
     "0.008 of a QALY a year while they give care. It is subtracted from the carer's QALYs (counted in the qalys "
     "indicator and apart as qaly_loss_carers), so care needs that fall relieve carers. A cross-sectional, "
     "adjusted difference taken as causal; English carers for Dutch ones"),
    ("A-MZ-NEED", "Informal care follows need",
     "the published share giving informal care by age and sex (2022) holds in 2021 and scales with the number of "
     "residents 65+ living at home who are frail, receive home care or have dementia (the model's need for "
     "informal care) relative to 2021: the need met informally in 2021 is what carers gave then, and the same "
     "share of each year's need is met informally. No need, no informal care"),
    ("A-MZ-AGE", "Carers by age and sex",
     "ages 18-19 take the 20-24 share; the sex ratio of carers (56% women, SCP) applies at every age: the share "
     "of women is 2 x 0.56 and of men 2 x 0.44 times the age group's share (equal numbers of men and women)"),
    ("A-MZ-HOURS", "Hours of care",
     "heavily burdened carers (19%) give 28 h/week, the others 8 h/week (CBS 2015): a mean of 11.8 h/week, the "
     "12 h/week of CBS 2022; 52 weeks a year"),
    ("A-WB-TARGET-TOL", "Validation tolerances",
     "national shares (CBS 84572NED) are compared with the province: 3 percentage points allow for the province's "
     "composition and the survey's interval; the regional carers' share with 2 points"),
]

# CBS 84572NED 2021, adults 18+: share (%) satisfied with life and happy, by margin. (CBS-84572NED)
SATISFIED = {
    ("age", "18-24"): (76.9, 80.9), ("age", "25-34"): (81.9, 85.2), ("age", "35-44"): (84.5, 86.9),
    ("age", "45-54"): (82.7, 86.5), ("age", "55-64"): (86.4, 87.4), ("age", "65-74"): (87.2, 90.0),
    ("age", "75+"): (84.5, 86.8),
    ("sex", "male"): (83.3, 85.2), ("sex", "female"): (84.0, 87.6),
    ("education", "low"): (80.1, 81.9), ("education", "middle"): (83.4, 86.5), ("education", "high"): (86.1, 89.1),
    ("all", "all"): (83.6, 86.4),
}

# CBS 2022 share (%) of each five-year age group giving informal care (CBS-ST-2024-MANTELZORG); 18-19: A-MZ-AGE.
CARERS_2022 = [("15-19", 3.7), ("20-24", 3.7), ("25-29", 4.8), ("30-34", 5.9), ("35-39", 8.2), ("40-44", 11.0),
               ("45-49", 14.6), ("50-54", 20.1), ("55-59", 23.5), ("60-64", 21.7), ("65-69", 17.8), ("70-74", 14.9),
               ("75-79", 13.6), ("80-84", 12.0), ("85-89", 10.8), ("90-94", 8.7), ("95+", 7.3)]
WOMEN_SHARE_OF_CARERS = 0.56  # SCP-2016-INFORMELE-HULP


def probit(p):
    return bisect(lambda x: 0.5 * math.erfc(-x / math.sqrt(2)) - p, -10, 10)


def parameters(src):
    alone_gap = 0.5 * (probit(0.92) - probit(0.79))
    lonely_gap = probit(0.855) - probit(0.50)
    burden = 13167 / 13000
    say(f"living alone: probit gap {probit(0.92) - probit(0.79):.4f}, halved {alone_gap:.4f} sigma")
    say(f"severe loneliness: probit gap {lonely_gap:.4f} sigma")
    say(f"heavy caregiving: {burden:.4f} points")
    heavy, h_heavy, h_other = 0.19, 28.0, 8.0
    loss_per_hour = 0.05 / 50  # THOMAS2015, A-MZ-QALY
    say(f"carers' utility loss: {loss_per_hour * h_heavy:.4f} heavily burdened, {loss_per_hour * h_other:.4f} others")
    say(f"mean hours per carer: {heavy * h_heavy + (1 - heavy) * h_other:.2f} h/week (CBS 2022: 12)")
    rows = [
        ("satisfied_threshold", 6.5, "score", "the score of 7 or more: satisfied or happy", src("CBS-84572NED")),
        ("mean_score_target", 7.5, "score", "mean life-satisfaction score of adults 18+",
         src("CBS-WELZIJN-2016", "A-WB-MEAN")),
        ("share_happy_target", 0.864, "share", "share happy of adults 18+, 2021", src("CBS-84572NED", "A-WB-CALIB")),
        ("effect_depression_anxiety", -0.72, "points", "a depression or anxiety disorder, or high risk of one (K10)",
         src("CLARK2018", "A-WB-DISTRESS")),
        ("effect_physical_condition", -0.22, "points", "each chronic physical condition (diabetes, CHD, stroke, COPD, "
         "dementia)", src("CLARK2018")),
        ("effect_living_alone", round(-alone_gap, 4), "sigma", "adults 18+ living alone",
         src("CBS-GELUK-2017", "CLARK2018", "A-WB-PROBIT", "A-WB-ALONE")),
        ("effect_lonely_severe", round(-lonely_gap, 4), "sigma", "severely lonely",
         src("CBS-JEUGDMONITOR-2020", "A-WB-PROBIT", "A-WB-LONELY")),
        ("effect_heavy_caregiving", round(-burden, 4), "points", "a heavily burdened informal carer",
         src("MCDONALD2024", "HMT-WELLBEING-2021", "A-WB-BURDEN")),
        ("heavily_burdened_share", heavy, "share", "share of carers heavily burdened", src("CBS-ST-2024-MANTELZORG")),
        ("hours_per_week_heavy", h_heavy, "hours", "hours of care a week, heavily burdened carers",
         src("CBS-2015-MANTELZORG", "A-MZ-HOURS")),
        ("hours_per_week_other", h_other, "hours", "hours of care a week, the other carers",
         src("CBS-2015-MANTELZORG", "A-MZ-HOURS")),
        ("utility_loss_heavy_carer", round(loss_per_hour * h_heavy, 4), "QALY a year",
         "EQ-5D utility lost by a heavily burdened carer while giving care", src("THOMAS2015", "A-MZ-QALY")),
        ("utility_loss_other_carer", round(loss_per_hour * h_other, 4), "QALY a year",
         "EQ-5D utility lost by a carer who is not heavily burdened while giving care", src("THOMAS2015", "A-MZ-QALY")),
        ("informal_care_price_eur", 18.8, "EUR per hour", "shadow price of an hour of informal care",
         src("KOSTENHANDLEIDING-2024")),
    ]
    return [[name, fmt(value), unit, PRICE_YEARS.get(name, ""), what, source] for name, value, unit, what, source in rows]


# The price year of each euro amount (the model indexes it to 2023 prices with the CPI, data/consumer_prices.csv).
PRICE_YEARS = {"informal_care_price_eur": 2022}  # KOSTENHANDLEIDING-2024: reference prices in 2022 prices


def targets(src):
    rows = []
    for (dim, group), (satisfied, happy) in SATISFIED.items():
        ids = ("CBS-84572NED", "A-WB-YOUTH") if group == "18-24" else ("CBS-84572NED",)
        rows.append([dim, group, fmt(satisfied / 100), fmt(happy / 100), src(*ids)])
    return rows


def carers(src):
    rows = []
    for group, pct in CARERS_2022:
        for sex, factor in (("male", 2 * (1 - WOMEN_SHARE_OF_CARERS)), ("female", 2 * WOMEN_SHARE_OF_CARERS)):
            rows.append([sex, group, fmt(pct / 100 * factor),
                         src("CBS-ST-2024-MANTELZORG", "SCP-2016-INFORMELE-HULP", "A-MZ-AGE", "A-MZ-NEED")])
    return rows


def validation_targets(src):
    """Happy shares (not fitted: the calibration fits the share satisfied) and the regional carers' share."""
    rows = []
    note = "national CBS 84572NED 2021 (adults 18+) against the province; the share happy is not fitted by education"
    for edu in ("low", "middle", "high"):
        rows.append(["share_happy", "PV26", "2021", "all", edu, fmt(SATISFIED[("education", edu)][1] / 100), "0.03",
                     "absolute", src("CBS-84572NED", "A-WB-TARGET-TOL"), note])
    rows.append(["prevalence_informal_carer", "PV26", "2021", "all", "all", "0.132", "0.02", "absolute",
                 src("CBS-85012NED-MZ", "A-WB-TARGET-TOL"),
                 "18+, GGD regio Utrecht 2020 = the province; the model's shares are the national ones of 2022 by age"])
    return rows


def readme(path):
    r = output.Readme()
    r("# hhu life satisfaction and informal care data (data/wellbeing)")
    r()
    r("Generated by `python3 tools/build_wellbeing_data.py` from the constants in the script, each with its source id "
      "(defined in `wellbeing/sources.csv`). Do not edit by hand. Read by `sim/health/wellbeing_data.cpp`.")
    r()
    r.tables([
        ("parameters.csv", "parameter,value,unit,price_year,definition,source",
         "the effects of the determinants on life satisfaction (in points of the 0-10 score, or in sigma: the "
         "standard deviation of the personal term), the calibration targets, the hours and price of informal care, "
         "the carers' utility loss",
         "see the source ids"),
        ("satisfaction_targets.csv", "dimension,group,satisfied,happy,source",
         "CBS 84572NED 2021 shares satisfied and happy of adults by age band, sex and education, and all",
         "CBS-84572NED; the shares satisfied are the calibration's margins, the shares happy by education validate"),
        ("carers_by_age.csv", "sex,age_group,share,source",
         "share of residents giving informal care in 2021 by sex and five-year age group (18+)",
         "CBS-ST-2024-MANTELZORG by age, SCP sex ratio (A-MZ-AGE); scaled by need (A-MZ-NEED)"),
    ])
    r.assumptions(ASSUMPTIONS)
    r.build_log()
    r.write(path)


def main():
    ap = cli.parser(__doc__, "accepted like the other builders' (the figures are constants of this script)")
    ap.add_argument("--data", default=str(cli.DEFAULT_DATA), help="the data directory to write into")
    data_dir = Path(ap.parse_args().data)
    out = data_dir / "wellbeing"
    out.mkdir(parents=True, exist_ok=True)
    (data_dir / "targets").mkdir(parents=True, exist_ok=True)
    src = output.Sources(SOURCES, ASSUMPTIONS)
    write_csv(out / "parameters.csv", ["parameter", "value", "unit", "price_year", "definition", "source"],
              parameters(src))
    write_csv(out / "satisfaction_targets.csv", ["dimension", "group", "satisfied", "happy", "source"], targets(src))
    write_csv(out / "carers_by_age.csv", ["sex", "age_group", "share", "source"], carers(src))
    write_csv(data_dir / "targets" / "wellbeing.csv",
              ["indicator", "zone", "year", "sex", "education", "value", "tolerance", "tolerance_kind", "source", "note"],
              validation_targets(src))
    unused = src.unused()
    if unused:
        cli.die("source ids defined but never cited: " + ", ".join(unused))
    output.write_sources(out / "sources.csv", SOURCES, ASSUMPTIONS, "hhu (tools/build_wellbeing_data.py)")
    readme(out / "README.md")


if __name__ == "__main__":
    main()
