#!/usr/bin/env python3
"""Build the care labour-market tables of hhu (data/labour/*.csv and data/labour/README.md).

Reads figures.md section D (the published figures on the care labour market), the province's
population of 1 January 2021 (data/population_2021.csv, written by tools/build_data.py) and the
constants below, each commented with its source id (defined in SOURCES / ASSUMPTIONS, written to
data/labour/sources.csv), and writes the tables of the labour module into data/labour/ (and
data/targets/labour.csv). Python 3 standard library only, with the shared helpers of tools/databuild/.
Deterministic: running it twice gives byte-identical files.

Run from anywhere:  python3 tools/build_labour_data.py [--research DIR] [--data DIR]
"""
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.dont_write_bytecode = True  # importing databuild must not leave tools/__pycache__ behind
from databuild import cli, output  # noqa: E402
from databuild.cli import die  # noqa: E402
from databuild.numeric import bisect, fmt, interp  # noqa: E402
from databuild.output import read_csv, say, write_csv  # noqa: E402

MIN_AGE, MAX_AGE = 14, 74      # table rows; the stock holds ages 15..74 (14: entrants only)
STOCK_MIN = 15
SEXES = ["male", "female"]
AGE_GROUPS = ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54",
              "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90-94", "95+"]
KINDS = ["gp", "home_care", "nursing_home", "mental_health", "hospital", "other_welfare"]
LEVERS = ["student_inflow", "study_dropout", "retention", "hours_per_worker", "productivity", "lateral_entry"]

# ---------------------------------------------------------------------------------------------
# Sources. (id, publisher, title, table, year, url, confidence, notes)
# ---------------------------------------------------------------------------------------------
SOURCES = [
    ("CBS-FAQ-ZW-1000", "CBS", "FAQ: werkzame personen in zorg en welzijn per 1000 inwoners, per provincie",
     "residents employed in care and welfare per 1000 residents", "2020", "https://www.cbs.nl", "C",
     "figures.md D: province of Utrecht 78.5 per 1000 residents in Q2 2020 (NL range 66.5-97.4); by place of "
     "residence"),
    ("UZ-WISTUDAT-2018", "Utrechtzorg", "Wist u dat ... (werkgebied Utrechtzorg)", "workforce Q4 2018", "2019",
     "https://utrechtzorg.net", "C",
     "figures.md D: 121,100 workers in Q4 2018 in the Utrechtzorg area (Utrecht e.o. + Amersfoort-Eemland + "
     "Gooi & Vecht, 1.6 M inhabitants, 17% 65+), about 65% in regio Utrecht (~78,700); hospitals 25.7%; 23% aged "
     "55+; 18% men"),
    ("UZ-PROGNOSE-2019", "Utrechtzorg", "Arbeidsmarktcijfers Zorg en Welzijn: prognoses Utrechtzorg in 2022",
     "shortage forecast for 2022 and policy levers", "2019",
     "https://utrechtzorg.net/nieuws/arbeidsmarktcijfers-zorg-en-welzijn-prognoses-utrechtzorg-in-2022", "C",
     "figures.md D (26-9-2019): shortage 2022 in the three regions 5,617 (69% nurses and carers); regio Utrecht "
     "3,269 = 7.5% of its care and welfare workforce; Gooi & Vecht 1,225 (12.8%); Amersfoort 1,123 (7.8%). Levers: "
     "retaining 1 in 10 leavers -918 in 2022; 1 in 10 study drop-outs kept -558; +15% intake in education -402"),
    ("UZ-FLOWS-2019", "medischondernemen.nl quoting Utrechtzorg (Prismant regional model)",
     "Grote tekorten verpleegkundigen en verzorgenden verwacht in 2022", "yearly flows in the three regions",
     "2019", "https://medischondernemen.nl/artikel/grote-tekorten-verpleegkundigen-en-verzorgenden-verwacht-in-2022",
     "C-2",
     "about 4,500 people leave care per year, about 5,200 choose a job in care per year, and demand grows by "
     "1,400 per year in the three regions (2019). Looked up for this build; not in figures.md. Used in checks"),
    ("UZ-PROGNOSE-2022", "Utrechtzorg (ABF Research prognoses)", "Verwachte personeelstekorten in regio meer dan "
     "verdubbeld", "shortage forecast 2031", "2022",
     "https://utrechtzorg.net/nieuws/verwachte-personeelstekorten-in-regio-meer-dan-verdubbeld", "C",
     "figures.md D (7-3-2022): the regions Utrecht, Amersfoort-Eemland and Gooi & Vecht together expect a shortage "
     "of 13,900 care workers in 2031, against about 6,000 forecast in 2020 for 2030"),
    ("ABF-PROGNOSE-NL", "ABF Research / prognosemodelzw.nl; azwinfo.nl", "Prognosemodel Zorg en Welzijn",
     "national shortage", "2022-2023", "https://prognosemodelzw.nl", "C",
     "figures.md D: NL shortage about 49k (2022) -> 135k (2031) in the January 2022 run. Used in checks"),
    ("CBS-ST-2020-AZW", "CBS", "Arbeidsmarktprofiel van zorg en welzijn (Statistische Trends 2020)",
     "3.1.1 age of employees, Q1 2020; 5.1 mobility", "2020",
     "https://www.cbs.nl/nl-nl/longread/statistische-trends/2020/arbeidsmarktprofiel-van-zorg-en-welzijn", "C",
     "employees in zorg en welzijn (breed), Q1 2020: under 35 34.5%, 35-54 41.6%, 55+ 23.9%; 84% women; flows "
     "Q1 2019 -> Q1 2020: 164 thousand in, 125 thousand out. Looked up for this build; not in figures.md"),
    ("CBS-AZW-FLOWS-2023", "CBS", "Opnieuw meer werknemers in zorg en welzijn, ondanks grotere uitstroom",
     "mobility of employees Q1 2022 -> Q1 2023", "2023", "https://www.cbs.nl", "C",
     "1.4 million employees in Q1 2023; 176 thousand in and 155 thousand out over the year; most leavers went to "
     "another sector. Looked up for this build; not in figures.md. Used in checks"),
    ("CBS-ST-2023-AZW", "CBS", "Arbeidsmarktprofiel van zorg en welzijn in 2022 (Statistische Trends 2023)",
     "2.1 employment; hours worked", "2023",
     "https://www.cbs.nl/nl-nl/longread/statistische-trends/2023/arbeidsmarktprofiel-van-zorg-en-welzijn-in-2022",
     "C",
     "employees (thousands) 1,275 (2019), 1,314 (2020), 1,350 (2021), 1,370 (2022), and 246 thousand "
     "self-employed in 2022, in zorg en welzijn; 1,875 million hours worked in 2022; employment grew 2.7% a year "
     "from 2017. Looked up for this build; not in figures.md"),
    ("STAATVENZ-AZW-2018", "staatvenz.nl (RIVM) from AZWinfo.nl", "Werkgelegenheid in de sectoren zorg en welzijn",
     "employees and FTE by branch, Q1 2018", "2018",
     "https://www.staatvenz.nl/kerncijfers/werkgelegenheid-de-sectoren-zorg-en-welzijn", "C",
     "employees / FTE: UMC 72,987 / 61,330; general and other hospitals 218,530 / 172,557; mental health 88,566 / "
     "72,452; nursing and care homes (verpleging en verzorging) 252,593 / 170,270; home care (thuiszorg) "
     "142,811 / 87,408; disability care 172,772 / 126,537; GPs and health centres 32,832 / 22,671; other care "
     "113,041 / 82,942; welfare and social services 58,014 / 46,181; youth care 28,168 / 23,796; total "
     "1,180,314 / 866,144 (without childcare). Looked up for this build; not in figures.md"),
    ("SKIPR-2019-DEELTIJD", "Skipr quoting CBS", "Meer banen in zorg en welzijn", "part-time factor Q3 2018", "2019",
     "https://www.skipr.nl/actueel/id37392-meer-banen-in-zorg-en-welzijn.html", "C-2",
     "contract hours in zorg en welzijn average 67% of a full-time job (all employees: 75%), Q3 2018 (includes "
     "childcare). Looked up for this build; used in checks"),
    ("CBS-2024-ARBEIDSDUUR", "blikopnieuws.nl quoting CBS (AZW)", "In zorg en welzijn vooral bij kleinere "
     "arbeidsduur meer uren werken", "employees Q4 2021 -> Q4 2023", "2024",
     "https://www.blikopnieuws.nl/nieuws/304324/"
     "in-zorg-en-welzijn-vooral-bij-kleinere-arbeidsduur-meer-uren-werken.html",
     "C-2",
     "19.1% of the employees of Q4 2021 no longer worked in zorg en welzijn two years later. Looked up for this "
     "build; used in checks"),
    ("CBS-2022-UITVAL", "Skipr / nationalezorggids.nl quoting CBS (AZW)", "Studieuitval in eerste jaar "
     "zorgopleidingen", "first-year dropout 2020/21", "2022",
     "https://www.skipr.nl/nieuws/studieuitval-in-eerste-jaar-zorgopleidingen-blijft-hoog/", "C-2",
     "first-year dropout in care and welfare programmes 2020/21: 21% overall (mbo 18%, hbo 26%, wo 21%); 28% in "
     "2010/11. Looked up for this build; not in figures.md"),
    ("SECTORPLANPLUS-2017", "subsidiescanner.nu (VWS SectorplanPlus 2017-2021)", "Zorg & Welzijn - SectorplanPlus",
     "maximum subsidy per participant", "2017", "https://sectorplanplus.nl", "C-2",
     "qualifying vocational training of new entrants (mbo BBL, hbo duaal): at most EUR 5,000 per participant for "
     "2 years; co-financed by the employer. Looked up for this build; not in figures.md"),
    ("PRAKTIJKLEREN-SUBSIDY", "leerpuntkoel.nl (OCW Subsidieregeling Praktijkleren)", "Subsidies",
     "maximum per practice place per year", "2023", "https://leerpuntkoel.nl", "C-2",
     "Subsidieregeling Praktijkleren: at most EUR 2,700 per practice place per year (40 weeks of practice). Looked "
     "up for this build; not in figures.md"),
    ("CBS-2024-INSTROOM-ZORGOPL", "CBS (AZW)", "Minder nieuwe studenten verpleegkunde en verzorgende",
     "new students of mbo nursing, hbo nursing and mbo verzorgende IG, 2011/'12-2023/'24 (x 1,000); all new "
     "students of care and welfare programmes", "2024",
     "https://www.cbs.nl/nl-nl/nieuws/2024/21/minder-nieuwe-studenten-verpleegkunde-en-verzorgende", "C",
     "new students (x 1,000) mbo nursing / hbo nursing / mbo verzorgende IG: 2017/'18 9.0 / 7.4 / 10.8; 2018/'19 "
     "10.2 / 7.4 / 11.2; 2019/'20 10.1 / 8.1 / 10.6; 2020/'21 10.1 / 9.1 / 9.6; 2021/'22 11.2 / 9.1 / 9.9; 2022/'23 "
     "10.0 / 7.5 / 8.4; 2023/'24 (provisional) 8.9 / 6.7 / 6.7; all new mbo students of care and welfare "
     "programmes 73 thousand (2021/'22) and 67 thousand (2023/'24); new hbo students for care and welfare 48 "
     "thousand (2021/'22) and 45 thousand (2023/'24). Looked up for this build; not in figures.md"),
    ("SKIPR-2024-CONTRACTEN", "Skipr", "Zorgmedewerkers krijgen steeds grotere contracten",
     "contract size of employees, 2017 and 2024", "2024",
     "https://www.skipr.nl/nieuws/zorgmedewerkers-krijgen-steeds-grotere-contracten/", "C-2",
     "employees of general hospitals, disability care, mental health and nursing, care and home care (over half a "
     "million): contracts under 40% of full time 11% (2017) -> 8% (2024); 40-60% over 20% -> 16%; 60-80% up 5 "
     "points; 80% or more rising towards 40%; 72.1% still part-time; the mean contract grows every year. Looked up "
     "for this build; not in figures.md"),
    ("AOW-2024-2027", "ED (ANP) quoting the Ministry of Social Affairs (SZW)", "AOW-leeftijd blijft ook in 2027 op "
     "67 jaar", "state pension age 2024-2027", "2021", "https://www.ed.nl", "C-2",
     "the state pension age rises step by step to 67 in 2024 and stays 67 in 2025, 2026 and 2027. Looked up for "
     "this build; not in figures.md"),
    ("AOW-2028-2031", "inhetnieuws.nl and syfers.nl quoting the Minister of SZW", "AOW-leeftijd 2028-2031",
     "state pension age 2028-2031", "2024-2025", "https://www.rijksoverheid.nl", "C-2",
     "the state pension age becomes 67 years and 3 months in 2028 and stays so in 2029 and 2030 (letter to "
     "parliament); 67 years and 3 months also in 2031. Looked up for this build; not in figures.md"),
    ("M-AOW-AGE", "Rijksoverheid (remembered)", "AOW-leeftijd", "", "2021", "https://www.rijksoverheid.nl", "M",
     "state pension age 66 years 4 months (2020-2021), 66 years 7 months (2022), 66 years 10 months (2023), 67 "
     "(2024-2027): remembered, not looked up for this build"),
]

# Ids defined in data/sources.csv (the demographic tables) and cited here.
EXTERNAL_SOURCES = {"CBS-83502NED", "UM-BEVSAMENSTELLING", "A-UNIFORM-AGE"}

ASSUMPTIONS = [
    ("A-LAB-RESIDENTS", "The care workforce is the residents employed in care",
     "the module follows the residents of the province who work in care and welfare (CBS-FAQ-ZW-1000 counts by "
     "place of residence) and sets them against the care its residents need: commuting in and out of the province "
     "is taken as balanced, and employees and self-employed are not distinguished"),
    ("A-LAB-STEADY-STATE", "Base-year age profile is the steady state of the flows",
     "no regional flows by age: the base-year participation in care by single age (workers per resident) is the "
     "synthetic-cohort steady state of the age schedules of inflow from education, lateral entry, outflow to "
     "other sectors and retirement: p(a+1) = p(a) (1 - outflow(a) - retirement(a)) + education(a) + lateral(a). "
     "Calibrated on the province's 1-1-2021 population by alternating one-dimensional solves: the outflow level "
     "so that outflow plus retirement is 7.0% of the workers a year (A-LAB-OUTFLOW-AGE), the lateral/education "
     "mix so that 34.5% of the workers are under 35 (CBS-ST-2020-AZW, national Q1 2020), the older workers' "
     "relative outflow so that 23% are 55+ (UZ-WISTUDAT-2018); then one scale for 78.5 workers per 1000 "
     "residents (CBS-FAQ-ZW-1000) and the men's factor for 18% men (UZ-WISTUDAT-2018). The steady state gives "
     "the base-year stock by age and the age shapes of the flows; the flows' levels and trends from the base year "
     "on are those published (A-LAB-INFLOW-RATE, A-LAB-INTAKE-INDEX, A-LAB-RETIREMENT-AOW, A-LAB-HOURS-TREND), so "
     "participation by age moves away from it. With every supply trend off (scenario "
     "labour_frozen_participation, A-LAB-SUPPLY-FROZEN) participation by age stays at its base-year value. The "
     "stationary profile ignores that the workforce has been ageing (55+ went from 15% to 24% of employees in "
     "2010-2020, CBS-ST-2020-AZW)"),
    ("A-LAB-SEX", "Same age pattern for men and women",
     "men's participation and inflows are a constant fraction of women's at every age (no published regional "
     "pattern by age and sex); outflow, retirement and the hours' age shape are the same"),
    ("A-LAB-EDUCATION-AGE", "Age pattern of inflow from education ('choosing care')",
     "relative entrants per resident by age, piecewise linear between 14: 0.15, 16: 0.5, 18-21: 1, 23: 0.7, "
     "25: 0.4, 27: 0.2, 30: 0.05, 31+: 0 (mbo graduates at 18-21, hbo at 21-23, some later; ages 14-17 stand for "
     "pupils whose main job is in care); level calibrated (A-LAB-STEADY-STATE)"),
    ("A-LAB-LATERAL-AGE", "Age pattern of lateral entry",
     "relative entrants from other sectors or from outside the labour force per resident, piecewise linear between "
     "21: 0, 25-45: 1, 55: 0.6, 62+: 0; level calibrated (A-LAB-STEADY-STATE)"),
    ("A-LAB-OUTFLOW-AGE", "Age pattern of outflow to other sectors",
     "annual probability that a worker leaves care for another sector or for inactivity (before retirement), "
     "relative to age 35, piecewise linear between 14: 4.0, 18: 3.0, 22: 2.0, 26: 1.4, 30: 1.15, 35: 1.0 and a "
     "value from 55 on that is calibrated for the 55+ share (young workers switch most, older ones least; see "
     "Checks). Level: outflow to other sectors plus retirement = 7.0% of the base-year workers a year, the mean "
     "of the regional net rate (UZ-FLOWS-2019: 4,500 of 121,100 = 3.7%, including retirement) and the national "
     "gross rate (CBS-ST-2020-AZW: 125 thousand of about 1.3 million employees = 9.6% in 2019-20; "
     "CBS-AZW-FLOWS-2023: 155 thousand of 1.4 million = 11.1% in 2022-23; mean 10.4%), which counts leavers "
     "who return to care later and administrative moves as outflow"),
    ("A-LAB-RETIREMENT", "Retirement by age",
     "annual probability of retiring: 60: 0.02, 61: 0.03, 62: 0.04, 63: 0.06, 64: 0.09, 65: 0.15, 66: 0.55 "
     "(state pension age 66y4m-67, M-AOW-AGE), 67: 0.45, 68-73: 0.25, 74: 1 (the stock ends at 74); death "
     "in service is left out (negligible before 67) except through the cohort factor (A-LAB-MIGRATION)"),
    ("A-LAB-INFLOW-RATE", "Entrants at the published inflow rate",
     "as the regional forecasts do, entrants come at the observed rates rather than at the rate that holds the "
     "workforce stationary: entrants (education and lateral) = 8.44% of the workers a year in the base year, the "
     "mean of the regional rate (UZ-FLOWS-2019: 5,200 of 121,100 = 4.3%) and the national gross rate "
     "(CBS-ST-2020-AZW: 164 thousand of about 1.3 million = 12.6% in 2019-20; CBS-AZW-FLOWS-2023: 176 thousand of "
     "1.4 million = 12.6% in 2022-23), built like the outflow (A-LAB-OUTFLOW-AGE) so that the net of the two is "
     "that of the published pairs (in/out 1.16 regionally, 1.31 and 1.14 nationally). Both kinds of entrant are "
     "scaled alike (parameter inflow_scale = this rate / the steady state's inflow rate); the age shapes stay. "
     "Held from the base year on (A-LAB-TREND-HOLD): participation in care rises until outflow catches up with "
     "the larger inflow"),
    ("A-LAB-INTAKE-INDEX", "Intake from care education by year",
     "entrants from education in a year follow the new students of care and welfare programmes three years "
     "earlier (mbo-3 verzorgende IG 3 years, mbo-4 and hbo nursing 4, shorter BBL routes: 3 on average), relative "
     "to the new students of 2018/'19 (who enter in the base year 2021). The index weighs the three nursing and "
     "caring programmes (mbo nursing, hbo nursing, mbo verzorgende IG: 30.2 of the 121 thousand new mbo and hbo "
     "care and welfare students of 2021/'22 = 25%) with their yearly series, and the other care and welfare "
     "programmes (75%) with all new mbo and hbo care and welfare students minus the three (2021/'22 and 2023/'24; "
     "2022/'23 interpolated; held at 2021/'22 before, for want of a series), CBS-2024-INSTROOM-ZORGOPL; national "
     "numbers, read as intake per resident of study age since the model's residents carry the regional "
     "demography; after the last observed intake (2023/'24, entrants of 2026) held (A-LAB-TREND-HOLD)"),
    ("A-LAB-RETIREMENT-AOW", "Retirement follows the state pension age",
     "the retirement probabilities by age (A-LAB-RETIREMENT) move to later ages by the rise of the state pension "
     "age over its base-year value (66 years 4 months in 2021, M-AOW-AGE; 66y7m 2022; 66y10m 2023; 67 in "
     "2024-2027, AOW-2024-2027; 67y3m in 2028-2031, AOW-2028-2031; held after 2031, A-LAB-TREND-HOLD), "
     "interpolated between single ages; the stock still ends at 74"),
    ("A-LAB-HOURS-TREND", "Contract hours rise as observed",
     "contract hours of every worker x an index that grows 0.54% a year from the base year through 2024 and is "
     "held after (A-LAB-TREND-HOLD): SKIPR-2024-CONTRACTEN's shift of contract sizes 2017-2024 (under 40%: -3 "
     "points; 40-60%: -4 points, 'over 20%' read as 20%; 60-80%: +5; 80% or more: +2, so that the shares still sum "
     "to 100), valued at class midpoints 25%, 50%, 70% and 90% of full time, raises the mean contract by 2.55 "
     "points of full time, on a mean of 67% (SKIPR-2019-DEELTIJD, 2018): x1.038 in 7 years"),
    ("A-LAB-TREND-HOLD", "Trends held after their last observation",
     "no trend is extrapolated beyond its last published year: the inflow rate stays at its base-year level, "
     "intake from education at that of 2023/'24, the state pension age at 67y3m, contract hours at 2024's; this "
     "is how the regional forecasts' reference scenario treats policy-dependent trends, and it keeps the module "
     "from inventing growth"),
    ("A-LAB-SUPPLY-FROZEN", "Sensitivity: participation frozen at 2021",
     "scenario labour_frozen_participation switches the four supply trends off (labour.inflow_at_published_rates, "
     "education_intake_trend, retirement_follows_pension_age, hours_trend = false): the flows are those of the "
     "base-year steady state, so participation and hours by age stay at 2021's and supply follows the size and "
     "age of the population only (the module before the trends were added)"),
    ("A-LAB-MIGRATION", "Workers move and die like their cohort",
     "each year a cohort's workers (and its entrants) are multiplied by the change of the cohort's resident "
     "count, P(t+1, a+1) / P(t, a), from the simulation: care workers migrate and die at the rates of all "
     "residents of their age and sex"),
    ("A-LAB-FTE36", "FTE = 36 hours per week",
     "one FTE is a working week of 36 hours, the full-time week of the main care collective agreements (hospitals, "
     "nursing and home care, mental health, disability care); supply FTE = workers x hours per week / 36"),
    ("A-LAB-HOURS", "Contract hours per week by age and sex",
     "mean hours = 36 x the FTE per employee of the kinds' mix (STAATVENZ-AZW-2018, 0.735 with the regional "
     "hospital share) = 26.5 h/week over the 2021 workers; age shape: 14-16: 10 h, 17-19: 14 h, 20-22: 22 h, "
     "23-29: 28 h, 30-44: 25 h, 45-59: 27 h, 60-66: 25 h, 67+: 16 h (relative values; pupils' side jobs, "
     "part-time work while children are young), men x1.2 relative to women; rescaled to the mean"),
    ("A-LAB-KINDS", "Workers by kind of care",
     "AZW branches -> kinds: gp = GPs and health centres; home_care = thuiszorg; nursing_home = verpleging en "
     "verzorging; mental_health = GGZ; hospital = UMC + general and other hospitals; other_welfare = disability "
     "care, other care, welfare and social services, youth care (STAATVENZ-AZW-2018, national Q1 2018). The "
     "hospital share of workers is set to the region's 25.7% (UZ-WISTUDAT-2018) and the other kinds are scaled "
     "proportionally; the FTE shares weight each kind by its FTE per employee. Fixed over time: every kind's "
     "supply grows with the whole workforce"),
    ("A-LAB-PRODUCTIVE-HOURS", "Worked hours per FTE per year",
     "1,580 hours: hours worked in zorg en welzijn per worker in 2022 (1,875 M hours / 1.616 M workers = 1,160 h, "
     "CBS-ST-2023-AZW) divided by 0.735 FTE per worker (STAATVENZ-AZW-2018); only converts the health model's care "
     "hours into FTE before the base-year calibration, so it changes the reported FTE per care hour, not the FTE"),
    ("A-LAB-BASE-GAP", "Base-year shortage",
     "the 2021 FTE demand of every kind = its 2021 FTE supply x 1.075: the shortage forecast for 2022 in regio "
     "Utrecht, 7.5% of its care and welfare workforce (UZ-PROGNOSE-2019), applied to FTE and to every kind alike "
     "(69% of that shortage was nurses and carers: the real gap is larger in home and nursing-home care)"),
    ("A-LAB-DEMAND-HEALTH", "Demand of the health-driven kinds",
     "FTE demand of gp, home_care, nursing_home and mental_health = the health model's care hours of the kind in "
     "the year (full population) x FTE per care hour / the productivity lever; FTE per care hour is fixed in the "
     "base year so that demand = supply x 1.075 (A-LAB-BASE-GAP); a kind with no care hours in the base year "
     "falls back to 1 / productive hours per FTE (A-LAB-PRODUCTIVE-HOURS). The gap's growth thus comes from the "
     "health model's care use against the workforce's demography"),
    ("A-LAB-DEMAND-DRIVERS", "Demand of hospitals and other welfare",
     "the health model gives no hospital or welfare care: hospital FTE demand grows with the residents weighted by "
     "relative hospital use per head by age (0-4: 0.8, 5-14: 0.3, 15-24: 0.4, 25-44: 0.6, 45-54: 0.8, 55-64: 1.2, "
     "65-74: 2.0, 75-84: 3.0, 85+: 3.2; a judgement shaped like the age profile of Dutch hospital spending per "
     "head, remembered, M); other welfare (disability and youth care, social work) grows with the number of "
     "residents; both divided by the productivity lever"),
    ("A-LAB-LEVER-LAGS", "Lags of the education levers",
     "more students (student_inflow) reach the workforce 2 years after the lever year (mbo-2/3 and most BBL routes "
     "take 2-3 years; hbo 4); lower dropout (study_dropout) 1 year after, since it also keeps students already in "
     "training"),
    ("A-LAB-DROPOUT", "Dropout rate behind the dropout lever",
     "graduates per entrant = 1 - dropout; the study_dropout lever multiplies a base dropout of 21% (first-year "
     "dropout of care and welfare programmes 2020/21, CBS-2022-UITVAL; later-year dropout is left out), so "
     "inflow from education x (1 - 0.21 m) / (1 - 0.21)"),
    ("A-LAB-LEVER-COSTS", "Costs of the levers",
     "published amounts are subsidies, a lower bound of the full cost: an extra lateral entrant EUR 5,000 "
     "(SectorplanPlus maximum for a 2-year BBL or hbo-duaal route, SECTORPLANPLUS-2017); an extra student "
     "EUR 5,400 = 2 years x EUR 2,700 per practice place (PRAKTIJKLEREN-SUBSIDY), booked in the year the extra "
     "students enter (the 2017 scheme's and the 2023 subsidy's amounts, indexed to 2023 prices by the model); no "
     "published unit cost for lower dropout, retention, more hours or productivity (0: give "
     "the cost per year in the scenario)"),
    ("A-LAB-UZ-SCALE", "Utrechtzorg forecasts scaled to the province",
     "the Utrechtzorg area (regio Utrecht + Amersfoort-Eemland + Gooi & Vecht, 1.6 M inhabitants) overlaps the "
     "province but is not the same area: its forecasts are scaled by residents, 1,361,135 / 1,600,000 = 0.851, "
     "and persons are turned into FTE at 0.735 FTE per worker (A-LAB-HOURS); tolerance wide because the forecasts "
     "themselves moved (about 6,000 for 2030 in the 2020 edition, 13,900 for 2031 in the 2022 edition)"),
]

# Figures of figures.md section D this script uses: the build stops if one disappears.
FIGURES_KEYS = ["Utrecht province 78.5", "shortage 13,900 in 2031", "regio Utrecht 3,269 (= 7.5% of its Z&W workforce)",
                "hospitals 25.7%; 23% aged 55+; 18% male; area 1.6 M inhabitants",
                "retain 1 in 10 leavers → −918 shortage (2022); cut study dropout by 1/10 → −558; "
                "+15% intake → −402"]

# ---------------------------------------------------------------------------------------------
# Constants (each with its source id)
# ---------------------------------------------------------------------------------------------
WORKERS_PER_1000 = 78.5              # CBS-FAQ-ZW-1000
SHARE_55PLUS = 0.23                  # UZ-WISTUDAT-2018
SHARE_MEN = 0.18                     # UZ-WISTUDAT-2018
SHARE_UNDER35 = 0.345                # CBS-ST-2020-AZW (national, Q1 2020)
HOSPITAL_SHARE = 0.257               # UZ-WISTUDAT-2018
UZ_WORKERS_2018 = 121100             # UZ-WISTUDAT-2018
UZ_INHABITANTS = 1600000             # UZ-WISTUDAT-2018
UZ_SHORTAGE_2031 = 13900             # UZ-PROGNOSE-2022
UZ_SHORTAGE_2030_OLD = 6000          # UZ-PROGNOSE-2022 (the 2020 forecast)
UZ_BASE_GAP = 0.075                  # UZ-PROGNOSE-2019 (regio Utrecht, 2022)
UZ_LEVERS_2022 = {"retention 0.9": 918, "study_dropout 0.9": 558, "student_inflow 1.15": 402}  # UZ-PROGNOSE-2019
UZ_FLOWS = {"leave": 4500, "enter": 5200}                                                     # UZ-FLOWS-2019
FTE_HOURS = 36.0                     # A-LAB-FTE36
DROPOUT = 0.21                       # CBS-2022-UITVAL
CBS_HOURS_2022 = 1875e6              # CBS-ST-2023-AZW
CBS_WORKERS_2022 = 1370e3 + 246e3    # CBS-ST-2023-AZW
CBS_EMPLOYEES = {2019: 1275, 2020: 1314, 2021: 1350, 2022: 1370}  # thousands, CBS-ST-2023-AZW
# STAATVENZ-AZW-2018: (employees, FTE) by branch, mapped to kinds (A-LAB-KINDS)
AZW_2018 = {
    "gp": [(32832, 22671)],
    "home_care": [(142811, 87408)],
    "nursing_home": [(252593, 170270)],
    "mental_health": [(88566, 72452)],
    "hospital": [(72987, 61330), (218530, 172557)],
    "other_welfare": [(172772, 126537), (113041, 82942), (58014, 46181), (28168, 23796)],
}
AZW_2018_TOTAL = (1180314, 866144)   # STAATVENZ-AZW-2018
# (unit, cost, price year, sources): the price year of a subsidy is the year of the scheme's amount (the model
# indexes it to 2023 prices with the CPI, data/consumer_prices.csv); none for a lever without a cost.
LEVER_UNIT_COSTS = {                 # A-LAB-LEVER-COSTS
    "student_inflow": ("eur per extra entrant from education", 2 * 2700.0, 2023,
                       ["PRAKTIJKLEREN-SUBSIDY", "A-LAB-LEVER-COSTS"]),
    "study_dropout": ("no published unit cost", 0.0, "", ["A-LAB-LEVER-COSTS"]),
    "retention": ("no published unit cost", 0.0, "", ["A-LAB-LEVER-COSTS"]),
    "hours_per_worker": ("no published unit cost", 0.0, "", ["A-LAB-LEVER-COSTS"]),
    "productivity": ("no published unit cost", 0.0, "", ["A-LAB-LEVER-COSTS"]),
    "lateral_entry": ("eur per extra lateral entrant", 5000.0, 2017, ["SECTORPLANPLUS-2017", "A-LAB-LEVER-COSTS"]),
}
STUDENT_LAG, DROPOUT_LAG = 2, 1      # A-LAB-LEVER-LAGS

# Supply trends (supply_trends.csv), for the flow years BASE_YEAR..LAST_YEAR.
BASE_YEAR, LAST_YEAR = 2021, 2040
CBS_FLOWS = {"2019-20": (164e3, 125e3, 1300e3), "2022-23": (176e3, 155e3, 1400e3)}  # in, out, employees:
#                                                                   CBS-ST-2020-AZW, CBS-AZW-FLOWS-2023
# A-LAB-INFLOW-RATE: entrants in % of the workers a year, the mean of the regional and national rates (as OUTFLOW_TOTAL).
INFLOW_TOTAL = (100.0 * UZ_FLOWS["enter"] / UZ_WORKERS_2018 +
                sum(100.0 * i / n for i, _, n in CBS_FLOWS.values()) / len(CBS_FLOWS)) / 2
# CBS-2024-INSTROOM-ZORGOPL: new students (x 1,000) by study year (its first calendar year):
# mbo nursing, hbo nursing, mbo verzorgende IG; and all new mbo + hbo students of care and welfare programmes.
CORE_INTAKE = {2017: (9.0, 7.4, 10.8), 2018: (10.2, 7.4, 11.2), 2019: (10.1, 8.1, 10.6), 2020: (10.1, 9.1, 9.6),
               2021: (11.2, 9.1, 9.9), 2022: (10.0, 7.5, 8.4), 2023: (8.9, 6.7, 6.7)}
ALL_CARE_INTAKE = {2021: 73.0 + 48.0, 2023: 67.0 + 45.0}
INTAKE_LAG = 3                       # A-LAB-INTAKE-INDEX: study years from intake to entering the workforce
# State pension age by year (A-LAB-RETIREMENT-AOW): M-AOW-AGE (2021-2023), AOW-2024-2027, AOW-2028-2031.
PENSION_AGE = {2021: 66 + 4 / 12, 2022: 66 + 7 / 12, 2023: 66 + 10 / 12, 2024: 67.0, 2025: 67.0, 2026: 67.0,
               2027: 67.0, 2028: 67.25, 2029: 67.25, 2030: 67.25, 2031: 67.25}
# SKIPR-2024-CONTRACTEN: change 2017 -> 2024 of the share of employees (points) by contract size (class midpoint,
# share of full time; A-LAB-HOURS-TREND); SKIPR-2019-DEELTIJD: mean contract 67% of full time.
CONTRACT_SHIFT = {0.25: -3.0, 0.5: -4.0, 0.7: 5.0, 0.9: 2.0}
CONTRACT_MEAN = 0.67
CONTRACT_YEARS = (2017, 2024)

# Age shapes (piecewise linear between nodes; constant beyond the last node).
EDU_NODES = [(14, 0.15), (16, 0.5), (18, 1.0), (21, 1.0), (23, 0.7), (25, 0.4), (27, 0.2), (30, 0.05), (31, 0.0)]
LATERAL_NODES = [(14, 0.0), (21, 0.0), (25, 1.0), (45, 1.0), (55, 0.6), (62, 0.0)]
OUTFLOW_NODES = [(14, 4.0), (18, 3.0), (22, 2.0), (26, 1.4), (30, 1.15), (35, 1.0)]  # then (55, calibrated)
OUTFLOW_TOTAL = (3.7 + (9.6 + 11.1) / 2) / 2  # % a year, A-LAB-OUTFLOW-AGE: UZ-FLOWS-2019 and CBS gross rates
RETIREMENT = {60: 0.02, 61: 0.03, 62: 0.04, 63: 0.06, 64: 0.09, 65: 0.15, 66: 0.55, 67: 0.45,
              68: 0.25, 69: 0.25, 70: 0.25, 71: 0.25, 72: 0.25, 73: 0.25, 74: 1.0}
HOURS_NODES = [(14, 10), (16, 10), (17, 14), (19, 14), (20, 22), (22, 22), (23, 28), (29, 28), (30, 25), (44, 25),
               (45, 27), (59, 27), (60, 25), (66, 25), (67, 16)]
HOURS_MEN_FACTOR = 1.2
# A-LAB-DEMAND-DRIVERS: relative hospital use per head by 5-year group (M-shaped judgement).
HOSPITAL_USE = [0.8, 0.3, 0.3, 0.4, 0.4, 0.6, 0.6, 0.6, 0.6, 0.8, 0.8, 1.2, 1.2, 2.0, 2.0, 3.0, 3.0, 3.2, 3.2, 3.2]


# ---------------------------------------------------------------------------------------------
# The workforce's steady state
# ---------------------------------------------------------------------------------------------
AGES = list(range(MIN_AGE, MAX_AGE + 1))


def schedules(outflow_level, outflow_old):
    edu = {a: interp(EDU_NODES, a) for a in AGES}
    lat = {a: interp(LATERAL_NODES, a) for a in AGES}
    nodes = OUTFLOW_NODES + [(55, outflow_old)]
    out = {a: min(0.95, outflow_level * interp(nodes, a)) for a in AGES}
    ret = {a: RETIREMENT.get(a, 0.0) for a in AGES}
    for a in AGES:
        if out[a] + ret[a] > 1.0:
            out[a] = 1.0 - ret[a]
    return edu, lat, out, ret


def profile(edu_level, lateral_level, out, ret, edu, lat):
    """Steady-state participation by age (workers per resident) for the given inflow levels."""
    p = {MIN_AGE: 0.0}
    for a in AGES[:-1]:
        p[a + 1] = p[a] * (1.0 - out[a] - ret[a]) + edu_level * edu[a] + lateral_level * lat[a]
    return p


def shares(p, pop_age):
    """Workers' shares under 35 and 55+ of a participation profile applied to the weights pop_age."""
    w = {a: p[a] * pop_age[a] for a in AGES if a >= STOCK_MIN}
    tot = sum(w.values())
    return sum(v for a, v in w.items() if a < 35) / tot, sum(v for a, v in w.items() if a >= 55) / tot


def unit_profile(o_level, o_old, rho):
    """Participation per unit of education inflow, with lateral inflow rho times that; and the outflows."""
    edu, lat, out, ret = schedules(o_level, o_old)
    return profile(1.0, rho, out, ret, edu, lat), out, ret


def outflow_rate(o_level, o_old, rho, pop_both):
    """The stock's yearly outflow (other sectors and retirement) with the weights pop_both."""
    p, out, ret = unit_profile(o_level, o_old, rho)
    w = sum(p[a] * pop_both[a] for a in AGES if a >= STOCK_MIN)
    return sum(p[a] * pop_both[a] * (out[a] + ret[a]) for a in AGES if a >= STOCK_MIN) / w


def men_weight(p_unit, pop):
    """kappa: men's participation relative to women's that gives the share of men SHARE_MEN."""
    return SHARE_MEN * sum(p_unit[a] * pop["female"][a] for a in AGES if a >= STOCK_MIN) / (
        (1.0 - SHARE_MEN) * sum(p_unit[a] * pop["male"][a] for a in AGES if a >= STOCK_MIN))


def calibrate_flows(pop):
    """Outflow level, older workers' relative outflow and lateral/education mix so that the steady state has the
    published outflow, share under 35 and share 55+ (A-LAB-STEADY-STATE). Gauss-Seidel over three
    one-dimensional solves. Returns (o_level, o_old, rho, pop_both)."""
    o_level, o_old, rho = 0.05, 0.7, 0.2
    pop_both = {}
    for _ in range(200):
        # weights: women plus men at the men's relative participation (kappa, from the previous round)
        p_unit, _, _ = unit_profile(o_level, o_old, rho)
        kappa = men_weight(p_unit, pop)
        pop_both = {a: pop["female"][a] + kappa * pop["male"][a] for a in AGES}
        o_level = bisect(lambda o: outflow_rate(o, o_old, rho, pop_both) - OUTFLOW_TOTAL / 100.0, 0.001, 0.3)
        rho = math.exp(bisect(lambda lr: shares(unit_profile(o_level, o_old, math.exp(lr))[0], pop_both)[0]
                              - SHARE_UNDER35, -8.0, 4.0))
        o_old = bisect(lambda x: shares(unit_profile(o_level, x, rho)[0], pop_both)[1] - SHARE_55PLUS, 0.01, 3.0)
    p_unit, out, ret = unit_profile(o_level, o_old, rho)
    res = (abs(outflow_rate(o_level, o_old, rho, pop_both) - OUTFLOW_TOTAL / 100.0) +
           sum(abs(x - t) for x, t in zip(shares(p_unit, pop_both), (SHARE_UNDER35, SHARE_55PLUS))))
    if res > 1e-9:
        die(f"the steady-state calibration did not converge (residual {res:.2e})")
    return o_level, o_old, rho, p_unit


class Ctx:
    """What the tables share: the population, the calibrated workforce, the kinds of care and the hours."""


def read_population(data):
    """The province's residents 1-1-2021 by sex and single age (A-UNIFORM-AGE) from population_2021.csv."""
    pop_group = {s: [0.0] * len(AGE_GROUPS) for s in SEXES}
    pop_file = data / "population_2021.csv"
    if not pop_file.is_file():
        die(f"{pop_file} not found: run tools/build_data.py first")
    for r in read_csv(pop_file):
        pop_group[r["sex"]][AGE_GROUPS.index(r["age_group"])] += int(r["count"])
    pop = {s: {a: pop_group[s][min(a // 5, 19)] / 5.0 for a in range(0, 100)} for s in SEXES}
    total_pop = sum(sum(v) for v in pop_group.values())
    say("== Population 1-1-2021 (data/population_2021.csv) ==")
    working_age = sum(pop[s][a] for s in SEXES for a in AGES if a >= 15)
    say(f"   province {total_pop:.0f} residents; aged 15-74: {working_age:.0f}")
    return pop, total_pop


def steady_state(c):
    """The workforce 1-1-2021 as the steady state of the flows, scaled to 78.5 per 1000 residents."""
    pop = c.pop
    o_level, o_old, rho, p_unit = calibrate_flows(pop)
    c.edu, c.lat, c.out, c.ret = schedules(o_level, o_old)
    a_f = sum(p_unit[a] * pop["female"][a] for a in AGES if a >= STOCK_MIN)
    a_m = sum(p_unit[a] * pop["male"][a] for a in AGES if a >= STOCK_MIN)
    kappa = SHARE_MEN * a_f / ((1.0 - SHARE_MEN) * a_m)
    c.target_workers = WORKERS_PER_1000 / 1000.0 * c.total_pop
    c.edu_level = c.target_workers / (a_f + kappa * a_m)
    c.lat_level = rho * c.edu_level
    c.sexfac = {"male": kappa, "female": 1.0}
    c.part = {s: {a: c.sexfac[s] * c.edu_level * p_unit[a] for a in AGES} for s in SEXES}
    c.workers = {s: {a: c.part[s][a] * pop[s][a] for a in AGES} for s in SEXES}
    c.w_total = sum(sum(v.values()) for v in c.workers.values())
    c.inflow_ss = sum(c.sexfac[s] * (c.edu_level * c.edu[a] + c.lat_level * c.lat[a]) * pop[s][a]
                      for s in SEXES for a in AGES[:-1]) / c.w_total
    print_steady_state(c, o_level, o_old, rho, kappa)


def print_steady_state(c, o_level, o_old, rho, kappa):
    part, workers, w_total = c.part, c.workers, c.w_total
    w_age = {a: workers["male"][a] + workers["female"][a] for a in AGES}
    say("== Workforce 1-1-2021: steady state of the flows (A-LAB-STEADY-STATE) ==")
    say(f"   outflow to other sectors: {o_level:.4f}/yr at 35, x{o_old:.3f} of that from 55; total outflow target "
        f"{OUTFLOW_TOTAL:.2f}%/yr; lateral/education level ratio {rho:.4f}; men's factor {kappa:.4f}")
    say(f"   workers {w_total:.0f} = {1000 * w_total / c.total_pop:.2f} per 1000 residents (target 78.5); men "
        f"{100 * sum(workers['male'].values()) / w_total:.1f}% (18%); under 35 "
        f"{100 * sum(v for a, v in w_age.items() if a < 35) / w_total:.1f}% (34.5%); 35-54 "
        f"{100 * sum(v for a, v in w_age.items() if 35 <= a < 55) / w_total:.1f}% (national 41.6%); 55+ "
        f"{100 * sum(v for a, v in w_age.items() if a >= 55) / w_total:.1f}% (23%)")
    peak = max(AGES, key=lambda a: part["female"][a])
    say(f"   participation (workers per resident) women/men: age 20 {part['female'][20]:.3f}/{part['male'][20]:.3f}, "
        f"30 {part['female'][30]:.3f}/{part['male'][30]:.3f}, 45 {part['female'][45]:.3f}/{part['male'][45]:.3f}, "
        f"60 {part['female'][60]:.3f}/{part['male'][60]:.3f}, 67 {part['female'][67]:.3f}/{part['male'][67]:.3f}; "
        f"women's peak {part['female'][peak]:.3f} at {peak}")
    # Flows of the base year implied by the steady state.
    pop, sexfac = c.pop, c.sexfac
    inflow_edu = sum(sexfac[s] * c.edu_level * c.edu[a] * pop[s][a] for s in SEXES for a in AGES)
    inflow_lat = sum(sexfac[s] * c.lat_level * c.lat[a] * pop[s][a] for s in SEXES for a in AGES)
    outflow_o = sum(workers[s][a] * c.out[a] for s in SEXES for a in AGES)
    outflow_r = sum(workers[s][a] * c.ret[a] for s in SEXES for a in AGES)
    say(f"   base-year flows: from education {inflow_edu:.0f} ({100 * inflow_edu / w_total:.1f}% of the stock), "
        f"lateral {inflow_lat:.0f} ({100 * inflow_lat / w_total:.1f}%), to other sectors {outflow_o:.0f} "
        f"({100 * outflow_o / w_total:.1f}%), retirement {outflow_r:.0f} ({100 * outflow_r / w_total:.1f}%)")
    say(f"   compare: Utrechtzorg area 2019 (UZ-FLOWS-2019) leave {100 * UZ_FLOWS['leave'] / UZ_WORKERS_2018:.1f}%, "
        f"enter {100 * UZ_FLOWS['enter'] / UZ_WORKERS_2018:.1f}% a year (regional Prismant model); CBS employees "
        f"(CBS-ST-2020-AZW) Q1 2020 in {100 * 164 / 1300:.1f}% / out {100 * 125 / 1300:.1f}%, "
        f"(CBS-AZW-FLOWS-2023) Q1 2023 in {100 * 176 / 1400:.1f}% / out {100 * 155 / 1400:.1f}% (gross); "
        f"(CBS-2024-ARBEIDSDUUR) 19.1% gone after 2 years = {100 * (1 - math.sqrt(1 - 0.191)):.1f}% a year")


def kinds_of_care(c):
    """Shares of workers and FTE per kind of care (A-LAB-KINDS)."""
    nat = {k: (sum(e for e, _ in v), sum(f for _, f in v)) for k, v in AZW_2018.items()}
    if (sum(e for e, _ in nat.values()), sum(f for _, f in nat.values())) != AZW_2018_TOTAL:
        die("the AZW 2018 branches do not add up to the published totals")
    nat_share = {k: nat[k][0] / AZW_2018_TOTAL[0] for k in KINDS}
    fte_per_worker = {k: nat[k][1] / nat[k][0] for k in KINDS}
    rest = 1.0 - nat_share["hospital"]
    c.worker_share = {k: (HOSPITAL_SHARE if k == "hospital" else nat_share[k] * (1.0 - HOSPITAL_SHARE) / rest)
                      for k in KINDS}
    c.mean_ptf = sum(c.worker_share[k] * fte_per_worker[k] for k in KINDS)
    c.fte_share = {k: c.worker_share[k] * fte_per_worker[k] / c.mean_ptf for k in KINDS}
    say("== Kinds of care (A-LAB-KINDS; STAATVENZ-AZW-2018, hospital share UZ-WISTUDAT-2018) ==")
    for k in KINDS:
        say(f"   {k:14s} national {100 * nat_share[k]:5.1f}%  region {100 * c.worker_share[k]:5.1f}% of workers, "
            f"{100 * c.fte_share[k]:5.1f}% of FTE; FTE per worker {fte_per_worker[k]:.3f}")
    say(f"   FTE per worker: national {AZW_2018_TOTAL[1] / AZW_2018_TOTAL[0]:.4f}, regional mix {c.mean_ptf:.4f} "
        f"(CBS Q3 2018 incl. childcare: 0.67, SKIPR-2019-DEELTIJD)")


def hours_per_week(c):
    """Contract hours by sex and age (A-LAB-HOURS), FTE supply and productive hours per FTE."""
    hshape = {s: {a: interp(HOURS_NODES, a) * (HOURS_MEN_FACTOR if s == "male" else 1.0) for a in AGES}
              for s in SEXES}
    mean_hours = FTE_HOURS * c.mean_ptf
    hscale = mean_hours * c.w_total / sum(c.workers[s][a] * hshape[s][a] for s in SEXES for a in AGES)
    c.hours = {s: {a: hshape[s][a] * hscale for a in AGES} for s in SEXES}
    c.fte_total = sum(c.workers[s][a] * c.hours[s][a] for s in SEXES for a in AGES) / FTE_HOURS
    say("== Hours per week (A-LAB-HOURS, A-LAB-FTE36) ==")
    say(f"   mean {mean_hours:.2f} h/week; women 30-44 {c.hours['female'][35]:.1f} h, "
        f"men 30-44 {c.hours['male'][35]:.1f} h; "
        f"FTE supply 1-1-2021 {c.fte_total:.0f}")
    productive = CBS_HOURS_2022 / CBS_WORKERS_2022 / (AZW_2018_TOTAL[1] / AZW_2018_TOTAL[0])
    c.productive = round(productive / 10.0) * 10.0
    say(f"   worked hours per FTE-year (A-LAB-PRODUCTIVE-HOURS): {CBS_HOURS_2022 / CBS_WORKERS_2022:.0f} h per worker "
        f"/ {AZW_2018_TOTAL[1] / AZW_2018_TOTAL[0]:.3f} = {c.productive:.0f} h")


def intake_index():
    """Entrants from education by flow year relative to the base year (A-LAB-INTAKE-INDEX)."""
    core = {y: sum(v) for y, v in CORE_INTAKE.items()}
    first, last = min(ALL_CARE_INTAKE), max(ALL_CARE_INTAKE)
    w_core = core[first] / ALL_CARE_INTAKE[first]

    def other(y):  # new students of the other care and welfare programmes, interpolated, held outside
        y = min(max(y, first), last)
        return interp([(first, ALL_CARE_INTAKE[first] - core[first]), (last, ALL_CARE_INTAKE[last] - core[last])], y)

    def mix(y):
        y = min(y, max(core))
        return w_core * core[y] + (1.0 - w_core) * other(y) * core[first] / other(first)

    base = mix(BASE_YEAR - INTAKE_LAG)
    return {t: mix(t - INTAKE_LAG) / base for t in range(BASE_YEAR, LAST_YEAR + 1)}, w_core


def hours_index():
    """Contract hours by year relative to the base year (A-LAB-HOURS-TREND)."""
    gain = sum(mid * pts / 100.0 for mid, pts in CONTRACT_SHIFT.items())
    if abs(sum(CONTRACT_SHIFT.values())) > 1e-9:
        die("the contract-size shifts (SKIPR-2024-CONTRACTEN) must sum to 0 points")
    growth = ((CONTRACT_MEAN + gain) / CONTRACT_MEAN) ** (1.0 / (CONTRACT_YEARS[1] - CONTRACT_YEARS[0]))
    return {t: growth ** (min(t, CONTRACT_YEARS[1]) - BASE_YEAR) for t in range(BASE_YEAR, LAST_YEAR + 1)}, growth


def supply_trends(c):
    """The published trends of the supply by year (supply_trends.csv) and the inflow scale."""
    c.inflow_scale = INFLOW_TOTAL / 100.0 / c.inflow_ss
    c.intake, w_core = intake_index()
    c.hours_index, growth = hours_index()
    last_pension = max(PENSION_AGE)
    c.pension_shift = {t: PENSION_AGE[min(t, last_pension)] - PENSION_AGE[BASE_YEAR]
                       for t in range(BASE_YEAR, LAST_YEAR + 1)}
    say("== Supply trends (A-LAB-INFLOW-RATE, A-LAB-INTAKE-INDEX, A-LAB-RETIREMENT-AOW, A-LAB-HOURS-TREND) ==")
    say(f"   entrants {INFLOW_TOTAL:.2f}% of the workers a year (steady state {100 * c.inflow_ss:.2f}%): "
        f"inflow_scale {c.inflow_scale:.4f}; outflow {OUTFLOW_TOTAL:.2f}%; published in/out: Utrechtzorg "
        f"{UZ_FLOWS['enter'] / UZ_FLOWS['leave']:.2f}, CBS " +
        ", ".join(f"{k} {i / o:.2f}" for k, (i, o, _) in CBS_FLOWS.items()))
    say(f"   intake index (entrants from education; nursing and caring programmes {100 * w_core:.0f}% of the "
        "intake): " + ", ".join(f"{t} {c.intake[t]:.3f}" for t in range(BASE_YEAR, BASE_YEAR + 7)) + ", then held")
    say(f"   contract hours x{growth:.5f} a year {BASE_YEAR}-{CONTRACT_YEARS[1]}: index {c.hours_index[LAST_YEAR]:.4f} "
        f"from {CONTRACT_YEARS[1]}; state pension age shift: " +
        ", ".join(f"{t} +{c.pension_shift[t]:.2f}" for t in (2022, 2023, 2024, 2028)) + " years, then held")


def supply_trends_table(c, out_dir):
    rows = []
    for t in range(BASE_YEAR, LAST_YEAR + 1):
        rows.append([t, fmt(c.intake[t]), fmt(c.pension_shift[t], 4), fmt(c.hours_index[t]),
                     src("CBS-2024-INSTROOM-ZORGOPL", "A-LAB-INTAKE-INDEX", "M-AOW-AGE", "AOW-2024-2027",
                         "AOW-2028-2031", "A-LAB-RETIREMENT-AOW", "SKIPR-2024-CONTRACTEN", "SKIPR-2019-DEELTIJD",
                         "A-LAB-HOURS-TREND", "A-LAB-TREND-HOLD", "A-LAB-SUPPLY-FROZEN")])
    write_csv(out_dir / "supply_trends.csv", ["year", "education_intake_index", "retirement_age_shift_years",
                                              "hours_index", "source"], rows)


def parse_args():
    ap = cli.parser(__doc__, "directory with figures.md (default ../shared/research relative to the repository)")
    ap.add_argument("--data", default=str(cli.DEFAULT_DATA),
                    help="the data directory: reads population_2021.csv, writes labour/ (default data/)")
    return ap.parse_args()


def main():
    args = parse_args()
    research, data = Path(args.research), Path(args.data)
    cli.figures_text(research, FIGURES_KEYS)
    out_dir = data / "labour"
    out_dir.mkdir(parents=True, exist_ok=True)
    c = Ctx()
    c.pop, c.total_pop = read_population(data)
    steady_state(c)
    kinds_of_care(c)
    hours_per_week(c)
    supply_trends(c)
    workforce_table(c, out_dir)
    supply_trends_table(c, out_dir)
    care_kinds_table(c, out_dir)
    demand_drivers_table(out_dir)
    parameters_table(c, out_dir)
    lever_costs_table(out_dir)
    labour_targets(c, out_dir.parent / "targets")
    # Check-only sources (printed above, not in any table value).
    src.used.update({"SKIPR-2019-DEELTIJD", "CBS-2024-ARBEIDSDUUR", "ABF-PROGNOSE-NL"})
    output.write_sources(out_dir / "sources.csv", SOURCES, ASSUMPTIONS, "hhu (tools/build_labour_data.py)")
    unused = src.unused()
    if unused:
        die(f"sources defined but cited by no row: {', '.join(unused)}")
    write_readme(out_dir)
    print(f"== wrote {len(list(out_dir.glob('*.csv')))} CSV tables and README.md to {out_dir} ==")


# ---------------------------------------------------------------------------------------------
# The tables
# ---------------------------------------------------------------------------------------------
src = output.Sources(SOURCES, ASSUMPTIONS, external=EXTERNAL_SOURCES)  # src(*ids) cites ids in a row


def workforce_table(c, out_dir):
    rows = []
    s_work = src("CBS-FAQ-ZW-1000", "UZ-WISTUDAT-2018", "CBS-ST-2020-AZW", "CBS-83502NED", "A-UNIFORM-AGE",
                 "A-LAB-RESIDENTS", "A-LAB-STEADY-STATE", "A-LAB-SEX", "A-LAB-EDUCATION-AGE", "A-LAB-LATERAL-AGE",
                 "A-LAB-OUTFLOW-AGE", "UZ-FLOWS-2019", "CBS-AZW-FLOWS-2023", "A-LAB-RETIREMENT", "M-AOW-AGE",
                 "A-LAB-MIGRATION", "A-LAB-HOURS", "STAATVENZ-AZW-2018")
    for s in SEXES:
        f = c.sexfac[s]
        for a in AGES:
            rows.append([s, a, fmt(c.part[s][a]) if a >= STOCK_MIN else "0", fmt(c.hours[s][a], 4),
                         fmt(f * c.edu_level * c.edu[a]) if a < MAX_AGE else "0",
                         fmt(f * c.lat_level * c.lat[a]) if a < MAX_AGE else "0",
                         fmt(c.out[a], 5) if a < MAX_AGE else "0", fmt(c.ret[a], 4), s_work])
    write_csv(out_dir / "workforce.csv", ["sex", "age", "participation", "hours_per_week", "education_inflow",
                                          "lateral_inflow", "outflow_other", "retirement", "source"], rows)


def care_kinds_table(c, out_dir):
    rows = []
    ws = {k: round(c.worker_share[k], 5) for k in KINDS}
    fs = {k: round(c.fte_share[k], 5) for k in KINDS}
    ws["other_welfare"] = round(1.0 - sum(v for k, v in ws.items() if k != "other_welfare"), 5)
    fs["other_welfare"] = round(1.0 - sum(v for k, v in fs.items() if k != "other_welfare"), 5)
    for k in KINDS:
        driver = "health_model" if KINDS.index(k) < 4 else ("hospital_use" if k == "hospital" else "residents")
        ids = ["STAATVENZ-AZW-2018", "A-LAB-KINDS"] + (["UZ-WISTUDAT-2018"] if k == "hospital" else [])
        ids += ["A-LAB-DEMAND-HEALTH"] if driver == "health_model" else ["A-LAB-DEMAND-DRIVERS"]
        rows.append([k, f"{ws[k]:.5f}", f"{fs[k]:.5f}", driver, src(*ids)])
    write_csv(out_dir / "care_kinds.csv", ["kind", "worker_share", "fte_share", "demand_driver", "source"], rows)


def demand_drivers_table(out_dir):
    rows = []
    for k, weights in (("hospital", HOSPITAL_USE), ("other_welfare", [1.0] * len(AGE_GROUPS))):
        for g, w in zip(AGE_GROUPS, weights):
            rows.append([k, g, fmt(w, 3), src("A-LAB-DEMAND-DRIVERS")])
    write_csv(out_dir / "demand_drivers.csv", ["kind", "age_group", "weight", "source"], rows)


def parameters_table(c, out_dir):
    params = [
        ("base_year", "2021", "year", ["A-LAB-BASE-GAP"]),
        ("workers_per_1000_residents", fmt(WORKERS_PER_1000), "workers per 1000 residents (all ages)",
         ["CBS-FAQ-ZW-1000", "A-LAB-RESIDENTS"]),
        ("fte_hours_per_week", fmt(FTE_HOURS), "hours per week in one FTE", ["A-LAB-FTE36"]),
        ("productive_hours_per_fte", fmt(c.productive), "hours worked per FTE per year",
         ["CBS-ST-2023-AZW", "STAATVENZ-AZW-2018", "A-LAB-PRODUCTIVE-HOURS"]),
        ("base_gap_share", fmt(UZ_BASE_GAP), "base-year FTE demand / FTE supply - 1",
         ["UZ-PROGNOSE-2019", "A-LAB-BASE-GAP"]),
        ("study_dropout_rate", fmt(DROPOUT), "share of care students who drop out",
         ["CBS-2022-UITVAL", "A-LAB-DROPOUT"]),
        ("inflow_scale", fmt(c.inflow_scale), "published entrants / steady-state entrants, base year",
         ["UZ-FLOWS-2019", "CBS-ST-2020-AZW", "CBS-AZW-FLOWS-2023", "A-LAB-INFLOW-RATE", "A-LAB-SUPPLY-FROZEN"]),
        ("student_inflow_lag_years", str(STUDENT_LAG), "years", ["A-LAB-LEVER-LAGS"]),
        ("study_dropout_lag_years", str(DROPOUT_LAG), "years", ["A-LAB-LEVER-LAGS"]),
    ]
    write_csv(out_dir / "parameters.csv", ["name", "value", "unit", "source"],
              [[n, v, u, src(*ids)] for n, v, u, ids in params])


def lever_costs_table(out_dir):
    rows = [[lv, unit, fmt(cost), year, src(*ids)] for lv in LEVERS for unit, cost, year, ids in [LEVER_UNIT_COSTS[lv]]]
    write_csv(out_dir / "lever_costs.csv", ["lever", "unit", "cost_eur", "price_year", "source"], rows)


def labour_targets(c, targets_dir):
    """targets/labour.csv: care workers and the FTE gap for `hhu validate`."""
    uz_scale = c.total_pop / UZ_INHABITANTS
    gap_2021 = UZ_BASE_GAP * c.fte_total
    gap_2031 = UZ_SHORTAGE_2031 * uz_scale * c.mean_ptf
    workers_2022 = c.target_workers * CBS_EMPLOYEES[2022] / CBS_EMPLOYEES[2021]
    rows = [
        ["care_workers", "PV26", 2021, "all", f"{c.target_workers:.0f}", "0.02", "relative",
         src("CBS-FAQ-ZW-1000", "A-LAB-RESIDENTS"),
         "78.5 residents employed in care and welfare per 1000 residents (Q2 2020) x 1-1-2021 residents; the module "
         "starts from it, so this checks the plumbing", "check"],
        ["care_workers", "PV26", 2022, "all", f"{workers_2022:.0f}", "0.02", "relative",
         src("CBS-FAQ-ZW-1000", "CBS-ST-2023-AZW", "A-LAB-RESIDENTS"),
         f"the 2021 workers x the national growth of employees in zorg en welzijn 2021-2022 ({CBS_EMPLOYEES[2021]:,.0f} "
         f"-> {CBS_EMPLOYEES[2022]:,.0f} thousand); no regional series was found. Role compare: a national trend "
         f"set next to the province's, not failed; with participation frozen at 2021 the module had 107,051", "compare"],
        ["care_fte_gap", "PV26", 2021, "all", f"{gap_2021:.0f}", "0.05", "relative",
         src("UZ-PROGNOSE-2019", "A-LAB-BASE-GAP"),
         "7.5% of the FTE supply (regio Utrecht's shortage forecast for 2022, 2019 edition); the demand is "
         "calibrated to it, so this checks the plumbing", "check"],
        ["care_fte_gap", "PV26", 2031, "all", f"{gap_2031:.0f}", "0.4", "relative",
         src("UZ-PROGNOSE-2022", "UZ-WISTUDAT-2018", "A-LAB-UZ-SCALE"),
         f"Utrechtzorg/ABF forecast of 13,900 workers short in 2031 in its area (1.6 M inhabitants) x "
         f"{uz_scale:.3f} (residents) x {c.mean_ptf:.3f} FTE per worker; wide tolerance: the 2020 edition expected "
         f"about 6,000 for 2030. Role compare: another model's forecast, shown next to ours, not failed. Both "
         f"let the workforce grow with the published inflow, intake and hours; the forecast of early 2022 carried "
         f"the intake peak of 2021/'22, ours the lower intake since (A-LAB-INTAKE-INDEX); the demand definitions "
         f"differ (A-LAB-DEMAND-HEALTH)", "compare"],
    ]
    targets_dir.mkdir(exist_ok=True)
    write_csv(targets_dir / "labour.csv", ["indicator", "zone", "year", "sex", "value", "tolerance", "tolerance_kind",
                                           "source", "note", "role"], rows)
    say("== Validation targets (data/targets/labour.csv) ==")
    say(f"   care_workers 2021 {c.target_workers:.0f}; care_fte_gap 2021 {gap_2021:.0f} FTE; care_fte_gap 2031 "
        f"{gap_2031:.0f} FTE (13,900 x {uz_scale:.3f} x {c.mean_ptf:.3f}); old edition for 2030: "
        f"{UZ_SHORTAGE_2030_OLD * uz_scale * c.mean_ptf:.0f} FTE")
    scale_uz = c.w_total / UZ_WORKERS_2018
    say("   Utrechtzorg lever effects for 2022 (UZ-PROGNOSE-2019) scaled by workers "
        f"({c.w_total:.0f} / 121,100 = {scale_uz:.3f}): " +
        ", ".join(f"{k}: {v * scale_uz:.0f}" for k, v in UZ_LEVERS_2022.items()) + " (compared in tests/labour)")
    say(f"   national growth of the shortage 2022 -> 2031 (ABF-PROGNOSE-NL): 49k -> 135k = x{135 / 49:.2f}")


TABLE_DOCS = [  # (file, columns, what a row holds, derivation and sources) for README.md
    ("parameters.csv", "name,value,unit,source",
     "Scalars: base_year, workers_per_1000_residents, fte_hours_per_week, productive_hours_per_fte, "
     "base_gap_share, study_dropout_rate, inflow_scale, student_inflow_lag_years, study_dropout_lag_years.",
     "See the source column of each row."),
    ("workforce.csv",
     "sex,age,participation,hours_per_week,education_inflow,lateral_inflow,outflow_other,retirement,source",
     "By sex and single age 14..74. participation: workers per resident on 1 January of the base year (0 at "
     "14); hours_per_week: contract hours; education_inflow, lateral_inflow: entrants during a year per resident "
     "aged a on 1 January (they are a+1 next 1 January; 0 at 74); outflow_other: annual probability that a "
     "worker aged a leaves for another sector or inactivity; retirement: annual probability of retiring (1 at "
     "74: the stock ends there).",
     "A-LAB-STEADY-STATE: the participation profile is the steady state of the four schedules, calibrated to "
     "78.5 per 1000 (CBS-FAQ-ZW-1000), 18% men and 23% aged 55+ (UZ-WISTUDAT-2018), 34.5% under 35 "
     "(CBS-ST-2020-AZW) and 7.0% outflow a year (UZ-FLOWS-2019, CBS-ST-2020-AZW, CBS-AZW-FLOWS-2023); age "
     "shapes A-LAB-EDUCATION-AGE, A-LAB-LATERAL-AGE, A-LAB-OUTFLOW-AGE, "
     "A-LAB-RETIREMENT; A-LAB-SEX; hours A-LAB-HOURS (level STAATVENZ-AZW-2018); population CBS-83502NED with "
     "A-UNIFORM-AGE."),
    ("supply_trends.csv", "year,education_intake_index,retirement_age_shift_years,hours_index,source",
     "By year 2021..2040 (1 and 0 in the base year). education_intake_index: entrants from education during the "
     "year relative to the base year's; retirement_age_shift_years: how many years later than in the base year "
     "the retirement probabilities by age apply during the year; hours_index: contract hours on 1 January "
     "relative to the base year's. Each trend can be switched off in a scenario (section labour).",
     "A-LAB-INTAKE-INDEX (CBS-2024-INSTROOM-ZORGOPL), A-LAB-RETIREMENT-AOW (M-AOW-AGE, AOW-2024-2027, "
     "AOW-2028-2031), A-LAB-HOURS-TREND (SKIPR-2024-CONTRACTEN, SKIPR-2019-DEELTIJD), A-LAB-TREND-HOLD, "
     "A-LAB-SUPPLY-FROZEN."),
    ("care_kinds.csv", "kind,worker_share,fte_share,demand_driver,source",
     "The six kinds of care (gp, home_care, nursing_home, mental_health, hospital, other_welfare): share of the "
     "workers and of the FTE (each sums to 1) and the demand driver (health_model, hospital_use, residents).",
     "STAATVENZ-AZW-2018 national branch counts, hospital share 25.7% (UZ-WISTUDAT-2018), A-LAB-KINDS; "
     "A-LAB-DEMAND-HEALTH, A-LAB-DEMAND-DRIVERS."),
    ("demand_drivers.csv", "kind,age_group,weight,source",
     "Relative demand per resident by 5-year age group for the kinds the health model does not cover "
     "(hospital, other_welfare).", "A-LAB-DEMAND-DRIVERS (M-shaped judgement for hospitals)."),
    ("lever_costs.csv", "lever,unit,cost_eur,price_year,source",
     "Published unit cost of each lever (0 where none was found) and the year of its prices (the scheme's: 2017 "
     "for SectorplanPlus, the 2023 amount of the practice-place subsidy; the model indexes both to 2023 prices).", "A-LAB-LEVER-COSTS, "
     "SECTORPLANPLUS-2017, PRAKTIJKLEREN-SUBSIDY."),
    ("../targets/labour.csv", "indicator,zone,year,sex,value,tolerance,tolerance_kind,source,note",
     "Validation targets for `hhu validate`: care workers 2021 and the base-year gap (both plumbing checks: "
     "the module starts from them), care workers 2022 at the national growth (compare) and the Utrechtzorg 2031 "
     "forecast scaled to the province (compare).",
     "CBS-FAQ-ZW-1000, CBS-ST-2023-AZW, UZ-PROGNOSE-2019, UZ-PROGNOSE-2022, UZ-WISTUDAT-2018, A-LAB-UZ-SCALE."),
    ("sources.csv", "id,publisher,title,table,year,url,confidence,notes",
     "Every source id cited in these tables and the assumptions (confidence ASSUMPTION).", "this script."),
]


def write_readme(out):
    a = output.Readme()
    a("# hhu care labour market data (data/labour)")
    a("")
    a("Generated by `python3 tools/build_labour_data.py` (Python 3 standard library only) from figures.md section D")
    a("(the care labour market), the province's 1-1-2021 population (`data/population_2021.csv`) and the constants")
    a("in the script, each commented with its source id. Do not edit by hand: change the script and run it again")
    a("(deterministic: two runs give identical files). Read by `sim/labour/labour_market.cpp`.")
    a("")
    a("Conventions as in `data/README.md`: plain CSV, one header line, UTF-8, `\\n`; the last column `source` lists")
    a("ids separated by `;`, defined in `labour/sources.csv` (or, for CBS-83502NED, UM-BEVSAMENSTELLING and")
    a("A-UNIFORM-AGE, in `data/sources.csv`). Confidence marks as there: C, C-x, C-2, M (remembered, verify),")
    a("ASSUMPTION (a modelling choice with its reason).")
    a("")
    a("## The model in one paragraph")
    a("")
    a("A cohort stock-flow model of the province's residents employed in care and welfare, by sex and single age")
    a("15..74, advanced once a year (not agent-level), with flows as the regional forecasts (Prognosemodel Zorg en")
    a("Welzijn) model them. Stock on 1 January of the base year = participation(sex, age) x residents, scaled to 78.5")
    a("workers per 1000 residents. During year t a cohort aged a loses `outflow_other` (x the retention lever) and")
    a("`retirement` (at ages moved by the state pension age's rise, `retirement_age_shift_years`), gains")
    a("`education_inflow` (x `inflow_scale` x `education_intake_index` of t x the student and dropout levers, lagged)")
    a("and `lateral_inflow` (x `inflow_scale` x the lateral-entry lever) per resident, and the result is multiplied by")
    a("the cohort's resident change P(t+1, a+1) / P(t, a) (migration and deaths). Supply FTE = workers x")
    a("`hours_per_week` x `hours_index` (x the hours lever) / 36, shared over the kinds of care by `fte_share`. The")
    a("scenario section `labour` switches each of the four trends off; all off (scenarios/labour_frozen_participation)")
    a("is the base-year steady state: participation by age frozen at 2021. Demand FTE per kind =")
    a("driver x FTE per driver unit / the productivity lever, the FTE per unit fixed in the base year so that demand")
    a("= supply x (1 + `base_gap_share`). Drivers: the health model's care hours (gp, home_care, nursing_home,")
    a("mental_health); residents weighted by hospital use (hospital); residents (other_welfare). Gap = demand -")
    a("supply.")
    a("")
    a("## Tables")
    a("")
    a.tables(TABLE_DOCS)
    a("## Levers")
    a("")
    a("Scenario interventions with an effect target `labour_<lever>` and a `relative_risk` m set a lever; the")
    a("multiplier ramps linearly from the start year over `ramp_up_years` (as interventions do) and ends after")
    a("end_year. m multiplies the named quantity:")
    a("")
    a("| target | m multiplies | e.g. |")
    a("|---|---|---|")
    a("| labour_student_inflow | inflow from education (intake), effective 2 years later | 1.15: +15% intake |")
    a("| labour_study_dropout | the dropout rate (21%), effective 1 year later | 0.9: 1 in 10 drop-outs kept |")
    a("| labour_retention | outflow to other sectors | 0.9: 1 in 10 leavers kept |")
    a("| labour_hours_per_worker | contract hours per worker | 1.05: +5% hours |")
    a("| labour_productivity | productivity: demand FTE / m | 1.1: 10% less FTE per care hour |")
    a("| labour_lateral_entry | lateral entry | 1.2: +20% lateral entrants |")
    a("")
    a("## Sources")
    a("")
    for sid, pub, title, table, year, url, conf, notes in SOURCES:
        a(f"- **{sid}** ({conf}): {pub}, *{title}*{', ' + table if table else ''}{', ' + year if year else ''}. "
          f"{notes}")
    a("")
    a.assumptions(ASSUMPTIONS)
    a("## Limits")
    a("")
    a("- The supply trends are national (intake, contract hours, pension age) or a mean of regional and national")
    a("  rates (inflow), held after their last observation; no regional intake series was found. The intake index")
    a("  weighs nursing and caring programmes at their 25% share of new students; the other programmes have two")
    a("  observed years only. No wages, vacancies or feedback of the gap on flows.")
    a("- The kinds of care have fixed shares of the workforce (no moves between them) and the same base-year gap")
    a("  (7.5%), although the published shortage is concentrated in nursing, home and nursing-home care.")
    a("- The workforce is the province's residents working in care; commuting is taken as balanced.")
    a("- The health model's care hours drive four kinds; a health intervention or lever acting in the base year is")
    a("  calibrated away unless the scenario reuses its baseline's `LabourCalibration`.")
    a("- The study_dropout lever works on first-year dropout only (21%), so it is likely weaker than Utrechtzorg's")
    a("  (which had keeping 1 in 10 drop-outs outweigh 15% more intake).")
    a("")
    a("Figures marked M that are used: `M-AOW-AGE` (retirement ages); A-LAB-DEMAND-DRIVERS rests on a remembered")
    a("age profile of hospital spending. Sources looked up for this build that are not in figures.md are marked so")
    a("in their notes.")
    a("")
    a.build_log()
    a.write(out / "README.md")


if __name__ == "__main__":
    main()
