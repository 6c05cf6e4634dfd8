"""The falls table of the health build (data/health/falls.csv): the quality of life lost after an injurious fall
and after a hip fracture, by time since the event, and the cost of each. Imported by tools/build_health_data.py,
which writes the table and its sources; kept apart so that the health builder's shared lists only gain a line.

Python 3 standard library only. Every constant names its source id (SOURCES / ASSUMPTIONS below).
"""

# (id, publisher, title, table, year, url, confidence, notes): rows of data/health/sources.csv.
SOURCES = [
    ("SYSTREV2024-FALLS-HRQOL", "Systematic Reviews 13:289 (2024), doi 10.1186/s13643-024-02681-3 (PMC11590344)",
     "Health state utilities and disutilities of falls, fractures and long-term care in older adults "
     "(systematic review)", "Table 5, summary of findings for outcome valuation (KQ2)", "2024",
     "https://pmc.ncbi.nlm.nih.gov/articles/PMC11590344/table/Tab5", "C",
     "EQ-5D disutility of a hip fracture 0.53 (0.44-0.62) within 3 months of the fracture (16 studies, n=7,409, "
     "moderate certainty) and 0.16 (0.12-0.20) at 12 months (27 studies, n=9,399, high certainty); of a non-hip "
     "fracture 0.57 and 0.19; of a fall within the last 12 months 0.09 (-0.04 to 0.22; 6 studies, n=4,653, low "
     "certainty); no study of an injurious fall as such. Looked up for this build"),
    ("NHFR2024-EQ5D", "Bone & Joint Journal 106-B(4) (2024), Norwegian Hip Fracture Register 2014-2018",
     "Patient-reported outcome measures in hip fracture patients (35,206 patients)", "abstract", "2024",
     "https://online.boneandjoint.org.uk/Article/10.1302/0301-620X.106B4.BJJ-2023-0904.R1", "C",
     "EQ-5D-3L 0.81 before the fracture, 0.66 at 4 months, 0.70 at 12 months, 0.73 at 36 months; with imputation "
     "the reduction stays about 0.15 and improves only 0.01-0.03 up to 36 months. Looked up for this build"),
    ("HARTHOLT2012-COSTS", "Hartholt KA et al., Injury 2012 (Erasmus MC; Dutch Injury Surveillance System)",
     "Costs of falls in an ageing population: a nationwide study from the Netherlands (2007-2009)", "abstract",
     "2012", "", "C",
     "each year 3% of the 65+ visit an emergency department after a fall; medical costs 675.4 million euro a year, "
     "80% for fractures; mean cost per fall 9,370 euro (women 9,990, men 7,510; 3,900 at 65-69 to 14,600 at 85+); "
     "long-term care at home and in nursing homes 54% of the costs. Looked up for this build"),
    ("HARTHOLT2011-QOL", "Hartholt KA et al., J Trauma 71(3):748-753 (2011)",
     "Societal consequences of falls in the older population: injuries, healthcare costs, and long-term reduced "
     "quality of life", "abstract", "2011", "https://repub.eur.nl/pub/30927", "C",
     "fall-related injuries of the 65+ treated at an emergency department (2003-2007): admitted and not admitted "
     "patients report a reduced quality of life up to 9 months after the injury. Looked up for this build"),
    ("KANTERS2020-COSTS", "Kanters TA, van de Ree CLP, de Jongh MAC, Gosens T, Hakkaart-van Roijen L, "
     "Arch Osteoporos 15:11 (2020)", "Burden of illness of hip fractures in elderly Dutch patients", "abstract",
     "2020", "https://pmc.ncbi.nlm.nih.gov/articles/PMC6940317", "C",
     "hip fracture 65+: first-year costs 27,573 euro per patient (procedure 2,706, follow-up 24,876, mostly health "
     "care); EQ-5D-3L (Dutch tariff) below the pre-injury level at every follow-up to 12 months; about 20% die "
     "within a year. docs/research/figures_wave2.md D3"),
]

# (id, title, reason): assumptions, rows of data/health/sources.csv with confidence ASSUMPTION.
ASSUMPTIONS = [
    ("A-H-FALL-HISTORY", "Falls and hip fractures before the model",
     "a resident entering the model (of 1 January 2021, an arrival) remembers a fall in the last year with the chance "
     "1 - exp(-rate) of the 2021 fall rate of their age and sex (seniors.csv, without the relative risks), its month "
     "uniform over the year; and their last hip fracture survived, at the ages lived before, each year's chance the "
     "2021 hip-fracture rate of that age x exp(-its first year's excess death hazard) (seniors.csv; a stationary "
     "history: past years at 2021's rates), dated mid-year. So the quality of life lost after falls and fractures "
     "(A-H-FALL-QOL, A-H-HIPFX-QOL: 0.16 points for life after a fracture) is there from the start; without a history "
     "nobody remembered one in 2021 and the loss tripled by 2040 as the run's own fractures accumulated"),
    ("A-H-FALL-QOL", "Quality of life lost after an injurious fall",
     "the review's disutility of a fall within the last 12 months, 0.09 EQ-5D points (SYSTREV2024-FALLS-HRQOL; low "
     "certainty, no study of injurious falls as such), for the 12 months after each fall treated at an emergency "
     "department (Dutch ED patients report reduced quality of life up to 9 months, HARTHOLT2011-QOL). Fear of "
     "falling is not modelled apart: the studies behind 0.09 measure the utility of fallers, which includes it"),
    ("A-H-HIPFX-QOL", "Quality of life lost after a hip fracture, by time",
     "the review's disutility 0.53 for the first 3 months (SYSTREV2024-FALLS-HRQOL, <3 months), 0.345 for months "
     "4-12 (the mean of 0.53 and the 12-month value 0.16: a linear recovery between the two published time points), "
     "and 0.16 from month 13 for the rest of life (the 12-month value; the Norwegian register sees the loss "
     "improve by only 0.01-0.03 points up to 36 months, NHFR2024-EQ5D). Subtracted from the resident's utility "
     "(floored at 0). Replaces, for QALYs, the first-year disability weight 0.15 by judgement (A-H-DW-MIX), "
     "which stays in the years lived with disability"),
    ("A-H-FALL-COST", "Cost of an injurious fall other than a hip fracture",
     "the model's falls (seniors.csv fall_ed) and hip fractures are separate events, so a fall's cost excludes "
     "hip fractures: (9,370 - 0.15 x 27,573) / 0.85, the mean cost per ED-treated fall (HARTHOLT2012-COSTS, "
     "2007-2009 prices, taken as 2009: the last year of the study, the latest its prices can be) less the hip "
     "fractures' share (15% of injuries, VEILIGHEIDNL-FALLS) at the Dutch first-year cost (KANTERS2020-COSTS, taken "
     "as 2017 prices: the paper, submitted in 2019, gives no price year; patients of about 2015-2017), booked at the "
     "fall. The model indexes each amount from its own year to 2023 prices (CBS-CPI-2023) before the subtraction: "
     "(9,370 x 1.3945 - 0.15 x 27,573 x 1.2395) / 0.85 = 9,342 euro (6,158 if the two years were mixed unindexed)"),
    ("A-H-HIPFX-COST", "Cost of a hip fracture",
     "the Dutch first-year cost per patient 27,573 euro (KANTERS2020-COSTS; taken as 2017 prices, A-H-FALL-COST), "
     "booked at the fracture. It includes "
     "rehabilitation stays; a resident the model admits to a nursing home after the fracture also accrues the "
     "nursing-home cost (costs.csv), a partial double count of the first months"),
]

FALL_DISUTILITY = 0.09          # SYSTREV2024-FALLS-HRQOL; A-H-FALL-QOL
FALL_MONTHS = 12                # A-H-FALL-QOL
HIP_DISUTILITY_ACUTE = 0.53     # SYSTREV2024-FALLS-HRQOL (<3 months)
HIP_ACUTE_MONTHS = 3            # SYSTREV2024-FALLS-HRQOL
HIP_DISUTILITY_12M = 0.16       # SYSTREV2024-FALLS-HRQOL (12 months)
HIP_RECOVERY_MONTHS = 12        # A-H-HIPFX-QOL: the recovery phase ends at the 12-month measurement
COST_PER_ED_FALL = 9370         # HARTHOLT2012-COSTS
HIP_SHARE_OF_INJURIES = 0.15    # VEILIGHEIDNL-FALLS
COST_HIP_FRACTURE = 27573       # KANTERS2020-COSTS

COST_PRICE_YEARS = {"cost_ed_fall_eur": 2009, "cost_hip_fracture_eur": 2017}  # A-H-FALL-COST

TABLE_DOC = ("falls.csv", "parameter,value,unit,price_year,source",
             "Quality of life lost after an injurious fall (fall_ed of seniors.csv) and a hip fracture, by time since "
             "the event (EQ-5D points subtracted from the utility norm), and the costs from which the model derives "
             "the cost booked at each event: a fall's is (cost_ed_fall_eur - hip_fracture_share_of_ed_falls x "
             "cost_hip_fracture_eur) / (1 - that share), each amount indexed from its price_year to 2023 prices first.",
             "SYSTREV2024-FALLS-HRQOL, NHFR2024-EQ5D, HARTHOLT2012-COSTS, KANTERS2020-COSTS; A-H-FALL-QOL, "
             "A-H-HIPFX-QOL, A-H-FALL-COST, A-H-HIPFX-COST.")


def build_falls(fmt):
    """Rows (parameter, value, unit, source) of data/health/falls.csv."""
    recovery = (HIP_DISUTILITY_ACUTE + HIP_DISUTILITY_12M) / 2
    Y = COST_PRICE_YEARS
    return [
        ["fall_disutility", fmt(FALL_DISUTILITY, 4), "EQ-5D points", "", "SYSTREV2024-FALLS-HRQOL;A-H-FALL-QOL"],
        ["fall_months", FALL_MONTHS, "months", "", "HARTHOLT2011-QOL;A-H-FALL-QOL"],
        ["hip_disutility_acute", fmt(HIP_DISUTILITY_ACUTE, 4), "EQ-5D points", "", "SYSTREV2024-FALLS-HRQOL"],
        ["hip_acute_months", HIP_ACUTE_MONTHS, "months", "", "SYSTREV2024-FALLS-HRQOL"],
        ["hip_disutility_recovery", fmt(recovery, 4), "EQ-5D points", "", "SYSTREV2024-FALLS-HRQOL;A-H-HIPFX-QOL"],
        ["hip_recovery_months", HIP_RECOVERY_MONTHS, "months", "", "SYSTREV2024-FALLS-HRQOL;A-H-HIPFX-QOL"],
        ["hip_disutility_later", fmt(HIP_DISUTILITY_12M, 4), "EQ-5D points", "",
         "SYSTREV2024-FALLS-HRQOL;NHFR2024-EQ5D;A-H-HIPFX-QOL"],
        ["cost_ed_fall_eur", COST_PER_ED_FALL, "EUR per fall treated at an ED, hip fractures included",
         Y["cost_ed_fall_eur"], "HARTHOLT2012-COSTS;A-H-FALL-COST"],
        ["hip_fracture_share_of_ed_falls", fmt(HIP_SHARE_OF_INJURIES, 4), "share", "",
         "VEILIGHEIDNL-FALLS;A-H-FALL-COST"],
        ["cost_hip_fracture_eur", COST_HIP_FRACTURE, "EUR per fracture", Y["cost_hip_fracture_eur"],
         "KANTERS2020-COSTS;A-H-HIPFX-COST;A-H-FALL-COST"],
    ]
