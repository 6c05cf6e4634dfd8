#!/usr/bin/env python3
"""Build the input data tables of hhu (data/*.csv and data/README.md).

Reads the published figures in the research directory (--research DIR, default
../shared/research relative to the repository root) plus the constants below, each with a
comment naming its source id (defined in SOURCES, written to data/sources.csv), and writes
the tables into data/ (also data/targets/demography.csv). Python 3 standard library only; the helpers
shared by the builders are in tools/databuild/. Deterministic: running it twice gives byte-identical files.
Run it first: tools/build_health_data.py, build_labour_data.py and build_scenarios.py read its tables.
tools/check_data.py (the test data.builders_reproduce) checks that the builders reproduce data/ and scenarios/.

Run from anywhere:  python3 tools/build_data.py [--research DIR] [--out DIR]
"""
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.dont_write_bytecode = True  # importing databuild must not leave tools/__pycache__ behind
from databuild import cli, numeric  # noqa: E402
from databuild.cli import die  # noqa: E402
from databuild.numeric import bisect, fmt, fmt_fixed, ipf2, largest_remainder, shares_to_units  # noqa: E402
from databuild.numeric import interp  # noqa: E402
from databuild.output import Readme, Sources, read_csv, say, write_csv, write_sources  # noqa: E402

# ---------------------------------------------------------------------------------------------
# Sources. Every number written to data/ names one or more of these ids in its `source` column.
# (id, publisher, title, table, year, url, confidence, notes)
# ---------------------------------------------------------------------------------------------
SOURCES = [
    ("CBS-KADASTER-GEM2021", "CBS / Kadaster", "Wijk- en Buurtkaart 2021, gegeneraliseerde gemeentegrenzen (PDOK layer "
     "cbs_gemeente_2021_gegeneraliseerd), via the TopoJSON wgs84/gemeente_2021.topojson of the public repository "
     "cartomap/nl", "municipal outlines 1 January 2021", "2021", "https://www.pdok.nl", "C-x",
     "CC BY 4.0, credit CBS / Kadaster; research/geo/README.md: simplified to 7-26 vertices per municipality, "
     "borders off by up to a few hundred metres; for an overview map only"),
    ("CBS-GEMINDELING-2021", "CBS", "Gemeentelijke indeling op 1 januari 2021", "municipality codes GM####", "2021",
     "https://www.cbs.nl", "M",
     "Codes as given in the build brief; the same 26 codes of the province appear in a third-party public code list; "
     "not read in the CBS file itself: verify"),
    ("PROV-U10U16", "Provincie Utrecht; vierklank.nl", "Omgevingswet: Werkbijeenkomst regio U16", "U10 and U16 membership",
     "", "https://www.provincie-utrecht.nl", "C", "figures.md A1 (region definitions)"),
    ("CBS-83502NED", "CBS", "Bevolking en leeftijd per postcode (4-digit), 1 januari 2021, summed per municipality",
     "83502NED", "2021", "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/83502NED", "C-x",
     "research file municipality_age_sex_2021.csv (figures.md A1-A3); CBS rounds PC4 counts to 5; the male and "
     "female columns are used as published (their sum differs from the total column by at most 15 per municipality)"),
    ("UM-BEVSAMENSTELLING", "Gemeente Utrecht", "utrecht-monitor.nl Bevolkingssamenstelling (BRP)",
     "inhabitants, age groups and households on 1 January 2018-2024", "2024", "https://utrecht-monitor.nl", "C",
     "figures.md A4; inhabitants 1-1-2021 = 359,355"),
    ("UM-BEVPROGNOSE2021", "Gemeente Utrecht", "Bevolkingsprognose 2021 (utrecht-monitor.nl Bevolkingsprognose)",
     "wijk populations 1-1-2022 (BRP) and projections 2025/2030/2035/2040", "2021", "https://utrecht-monitor.nl", "C",
     "figures.md A5"),
    ("UM-BEVONTWIKKELING", "Gemeente Utrecht", "utrecht-monitor.nl Bevolkingsontwikkeling (BRP)",
     "births, deaths, domestic and international migration, administrative corrections 2018-2022", "2023",
     "https://utrecht-monitor.nl", "C", "figures.md A6"),
    ("DUIC-2024-01", "DUIC quoting CBS provisional figures", "Utrecht population change January-November 2023", "",
     "2024", "https://www.duic.nl", "C-2", "figures.md A6 (2023 row: Jan-Nov only)"),
    ("CBS-KWB2023", "CBS", "Kerncijfers wijken en buurten 2023", "84799NED", "2023",
     "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/84799NED", "C-x",
     "research file utrecht_districts_kwb_2023_2024.csv, rows kwb_year 2023: population on 1-1-2023; a_geb/a_ste = "
     "births/deaths in 2022; households; tenure. District codes WK0344nn = CBS convention WK + municipality number + "
     "the wijk number of the file (Wijk 01 ... Wijk 10)"),
    ("CBS-KWB2024", "CBS", "Kerncijfers wijken en buurten 2024", "85984NED", "2024",
     "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85984NED", "C-x",
     "research file utrecht_districts_kwb_2023_2024.csv, rows kwb_year 2024: population on 1-1-2024"),
    ("UM-WONEN-VERHUIZINGEN", "Gemeente Utrecht", "utrecht-monitor.nl Wonen in Utrecht - 4. Verhuizingen en "
     "doorstroming (BRP)", "settlers from other Dutch municipalities by age, 2023", "2024", "https://utrecht-monitor.nl",
     "C", "docs/research/figures_wave2.md: 25,250 settlers in 2023, three quarters of them aged 18-34; leavers "
     "mostly in their 20s and 30s"),
    ("UM-PROGNOSE-65PLUS", "Gemeente Utrecht", "Bevolkingsprognose (2020 edition; repeated for the 2021/2022 "
     "edition by AD/Gelderlander)", "residents 65+ in 2040", "2022", "https://www.utrecht.nl", "C",
     "docs/research/figures_wave2.md: 65+ 37,300 (2020) / 38,600 (2022) -> almost 61,000 in 2040; the growth "
     "comes from the ageing of current residents, few settlers are 65+"),
    ("FRWIKI-PROV2020", "CBS via fr.wikipedia 'Utrecht (provincie)'", "Population of the province of Utrecht 1-1-2020",
     "", "2020", "https://fr.wikipedia.org", "C-2", "figures.md A1: 1,354,834"),
    ("SVU-PROGNOSE2016", "staatvanutrecht.nl (PBL/CBS Regionale bevolkingsprognose 2016)", "Stand en prognose",
     "province ~1,274,000 (2016) -> ~1,440,000 (2040); municipal growth 2016-2040", "2016",
     "https://www.staatvanutrecht.nl/thema/stand-prognose", "C",
     "figures.md A1: Utrecht +29%, Bunnik +23%, Vianen +20%, IJsselstein -11%, Lopik -10%, Montfoort -6%, "
     "Oudewater -1%, De Ronde Venen -1%. The 2016 forecast is for the province within its 2016 boundary "
     "(Leerdam and Zederik joined in 2019)"),
    ("SVU-POP2019", "staatvanutrecht.nl (CBS)", "Stand en prognose: municipal populations 31-12-2018", "", "2019",
     "https://www.staatvanutrecht.nl/thema/stand-en-prognose", "C", "figures.md A1"),
    ("PBL-CAVEAT", "PBL", "PBL/CBS Regionale bevolkings- en huishoudensprognose 2019-2050: belangrijkste uitkomsten",
     "", "2019", "https://www.pbl.nl", "C",
     "figures.md A1 caveat: age/household detail of the 2019 and 2022 regional forecasts withdrawn; only totals valid"),
    ("VZINFO-LE2022", "vzinfo.nl (RIVM; CBS data)", "Levensverwachting / leeftijd en geslacht",
     "period life expectancy at birth and at 65, 2022", "2022", "https://www.vzinfo.nl", "C",
     "figures.md B2: men 80.1 / 19.0, women 83.1 / 21.2"),
    ("EENVANDAAG-LE", "EenVandaag quoting CBS", "Life expectancy at birth 2015 and 2023", "", "2024", "", "C-2",
     "figures.md B2: men 79.7, women 83.1 in 2015"),
    ("CBS-83598NED", "CBS", "Prognose periode-levensverwachting; geslacht en leeftijd, 2016-2060", "83598NED", "2016",
     "https://www.cbs.nl/nl-nl/cijfers/detail/83598NED", "C",
     "figures.md B2: e0 2040 men+women 85.77, men 84.18; women 83.88 (2020) and 85.66 (2030), 2040 not read"),
    ("CBS-84647NED", "CBS", "Prognose levensverwachting 2019-2060", "84647NED", "2019",
     "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/84647NED", "C", "figures.md B2: men+women e0 2040 = 85.43"),
    ("STAATVENZ-IMR2022", "staatvenz.nl (RIVM) quoting CBS StatLine", "Kerncijfer sterfte zuigelingen",
     "infant mortality 2022", "2023", "https://www.staatvenz.nl/kerncijfers/sterfte-zuigelingen", "C-2",
     "3.2 deaths in the first year per 1,000 live births (2022). Looked up for this build; not in figures.md"),
    ("VZINFO-IMR-SEX", "vzinfo.nl (RIVM; CBS Doodsoorzakenstatistiek)", "Sterfte nuljarigen", "", "2023",
     "https://www.vzinfo.nl/sterfte/leeftijd-en-geslacht/sterfte-nuljarigen", "C",
     "'in every calendar year since 1950 more boys than girls died per 1,000 live births' (direction only). Looked up "
     "for this build; not in figures.md"),
    ("CBS-85747NED", "CBS", "Prognose geboorten en vruchtbaarheid (Bevolkingsprognose 2023-2070)", "85747NED", "2023",
     "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85747NED", "C",
     "figures.md B1: TFR 1.433 (2023), 1.491 (2030), 1.634 (2040)"),
    ("NIEUWS-TFR2022", "nieuws.nl quoting CBS", "CBS: minder kinderen per vrouw, maar aantal per moeder gelijk",
     "TFR 2022", "2023", "https://nieuws.nl/algemeen/20231206/cbs-minder-kinderen-per-vrouw-maar-aantal-per-moeder-gelijk/",
     "C-2", "'In 2022 was er 1,49 kind per vrouw gemiddeld'. Looked up for this build; not in figures.md"),
    ("M-TFR2021", "CBS (remembered)", "Total fertility rate 2021", "", "2022", "", "M",
     "1.62 children per woman in 2021: remembered, not confirmed"),
    ("M-MEANAGE-BIRTH", "CBS (remembered)", "Mean age of mothers at childbirth (all birth orders)", "", "2021", "", "M",
     "about 31.8 years around 2021: remembered, not confirmed (CBS reported ~30 years for the first child in 2019)"),
    ("SVU-TFR2015", "staatvanutrecht.nl (CBS)", "TFR history", "", "2016", "https://www.staatvanutrecht.nl", "C",
     "figures.md B1: TFR 1.80 (2010) -> 1.66 (2015)"),
    ("SVU-GEZONDHEID-LE", "staatvanutrecht.nl 'Gezondheid' (CBS 2012 prognosis)", "Municipal life expectancy at birth",
     "", "2012", "https://www.staatvanutrecht.nl", "C",
     "figures.md B2: Bunnik 85, Renswoude 84.8, Montfoort 84.4, Baarn 80.3, Utrecht 80.6, Zeist 80.8"),
    ("VGM-UTRECHT-LE", "Gemeente Utrecht, volksgezondheidsmonitor.nl", "Levensverwachting", "", "2018",
     "https://www.volksgezondheidsmonitor.nl", "C", "figures.md B2: Utrecht city LE 81.3, about 0.5 y below NL"),
    ("AD-2017", "AD (Algemeen Dagblad)", "Crude birth and death rates by municipality, 2016", "", "2017", "", "C-2",
     "figures.md A6: crude birth rate 2016 Utrecht 14.3/1000, Utrechtse Heuvelrug 7.7/1000; crude death rate De Bilt "
     "and Baarn 12.9/1000"),
    ("CBS-2011-INST", "CBS press release 2011 (secondary)", "Living in an institution, 80+", "", "2011", "", "C-2",
     "figures.md C5: 102k (20%) in 2000 -> 90k (14%) in 2010"),
    ("TROUW-2017-INST", "Trouw quoting CBS", "55+ living long-term in a nursing or care home", "", "2017", "", "C-2",
     "figures.md C5: 116,000 = 2% of 55+ in 2016; 30% aged 90+; three quarters women"),
    ("CBS-85525NED", "CBS", "Bevolking; hoogstbehaald onderwijsniveau en regio", "85525NED", "2022 and 2024",
     "https://www.cbs.nl/nl-nl/cijfers/detail/85525NED", "C",
     "15-75 years, % basisonderwijs / vmbo-mbo1 / havo-vwo-mbo2-4 / hbo-wo bachelor / master-doctor. 2022*: Nederland "
     "8.6/17.6/41.7/20.1/11.9; Utrecht (PV) 7.4/15.3/36.7/22.2/18.4. 2024*: Utrecht (PV) 7.5/14.8/35.5/22.1/20.1 "
     "(1,057,200); Utrecht (gemeente) 7.5/10.5/26.8/24.0/31.2 (299,300); Stichtse Vecht 6.9/16.6/38.2/21.9/16.5 "
     "(48,300); Utrechtse Heuvelrug 8.1/15.2/33.7/20.6/22.4 (36,000). Read on the StatLine page text during this "
     "build; not in figures.md; provisional (*) figures"),
    ("VZINFO-EDUC2023", "vzinfo.nl (RIVM) from CBS Enquete beroepsbevolking", "Opleidingsniveau 2023", "", "2023",
     "https://www.vzinfo.nl/sociaaleconomische-status/opleiding", "C-2",
     "25+: high 38%, middle 35%, low 26%; low: men 25%, women 27%. Looked up for this build; not in figures.md"),
    ("M-EDUC-AGE", "CBS StatLine 'Bevolking; onderwijsniveau' (remembered)",
     "Education level by age and sex, Netherlands, about 2021", "", "2021", "", "M",
     "age-sex pattern of low/middle/high education remembered approximately; only its shape is used, its level is "
     "calibrated to VZINFO-EDUC2023"),
]

# Assumptions (confidence ASSUMPTION): id -> (title, reason). Written to sources.csv and README.
SOURCES.append(
    ("M-CBS-DIGITAL", "CBS", "ICT-gebruik van personen; digitale vaardigheden (remembered, not in figures.md)",
     "share with at least basic digital skills by age", "2021", "https://opendata.cbs.nl", "M",
     "remembered levels: about 90% of 12-24, 88% of 25-44, 75% of 45-64, 55% of 65-74 and 30% of 75+ have at least "
     "basic digital skills; verify against CBS before relying on it"))

SOURCES.append(
    ("CBS-CPI-2023", "CBS", "Inflatie 3,8 procent in 2023; exclusief energie 6,5 procent (news release, February 2024)",
     "consumer price index (CPI, all households): yearly change 1965-2023", "2024", "https://www.cbs.nl", "C-2",
     "the yearly changes 2005-2023 as the release tabulates them; chained to an index with 2023 = 1, they give the "
     "costing manual's own 2022 -> 2023 indexing of a hospital day (644 -> 668.47 euro, Kostenhandleiding 2024 as "
     "reproduced in docs/research/figures_wave2.md A)"))

ASSUMPTIONS = [
    ("A-DIGITAL-EDUCATION", "Digital skills by education",
     "no table by age and education in the research files: the age levels (M-CBS-DIGITAL) times 0.75 for low, 1.0 for "
     "middle and 1.1 for high education (capped at 0.98); under 10: 0, 10-11: 0.6. Used only to scale the uptake of "
     "digital interventions (connected health)"),
    ("A-CENTROIDS", "Zone centroids approximate",
     "lat/lon are approximate centroids (3 decimals) from general geography, not from a boundary file; good enough "
     "for maps and distance-based choices, not for area statistics"),
    ("A-DISTRICT-2021-TOTALS", "Utrecht district totals on 1-1-2021",
     "no district counts for 1-1-2021 in the research files: linear back-extrapolation 2*P(2022) - P(2023) from the "
     "BRP 1-1-2022 wijk totals (UM-BEVPROGNOSE2021) and KWB 1-1-2023 (CBS-KWB2023), scaled to the BRP city total "
     "359,355 (UM-BEVSAMENSTELLING)"),
    ("A-DISTRICT-STRUCTURE", "Utrecht district age-sex structure by IPF",
     "no district age-sex tables for 2021: iterative proportional fitting with the city's own 5-year x sex profile "
     "(CBS-83502NED) as seed, the city 5-year x sex counts scaled to 359,355 as one margin, and the districts' 2023 "
     "broad-band (0-14,15-24,25-44,45-64,65+) and sex shares (CBS-KWB2023) as the others; assumes the 2023 "
     "structure holds for 2021 and that within a broad band a district's age profile follows the city's"),
    ("A-INTEGERISE", "Largest-remainder rounding",
     "fractional IPF (and scaled) counts are rounded by largest remainder so that the districts sum exactly to the "
     "city's integer margin in every sex x age-group cell; ties broken by district order"),
    ("A-UNIFORM-AGE", "Single ages within 5-year groups",
     "where single ages are needed, a 5-year group is spread uniformly over its 5 ages and 95+ over 95-99 (100+ "
     "taken as 0; under 0.05% of residents)"),
    ("A-MORT-PATTERN", "Parametric mortality age pattern",
     "figures.md has only e0 and e65: m(x) = a1*exp(-b1*x) + a2 + h*exp(-((x-c)/w)^2) + A*exp(B*x) for x >= 1 "
     "(Siler-type with an accident hump); a1,b1,a2,h,c,w fixed by judgement (values in README), the Gompertz A,B "
     "fitted per sex to e0 and e65 of 2022 (VZINFO-LE2022); m(0) from the infant mortality rate"),
    ("A-MORT-A0", "Life-table conventions",
     "a_x = 0.5 for ages 1-104, a_0 = 0.1 (typical for low-mortality populations where most infant deaths are "
     "neonatal), open interval 105+: L = l/m"),
    ("A-IMR-SEX", "Infant mortality by sex",
     "only the total IMR 3.2 per 1000 (STAATVENZ-IMR2022) and the direction (boys higher, VZINFO-IMR-SEX) are cited: "
     "boys 3.5 and girls 2.9 per 1000 (ratio about 1.2, a usual value), which averages 3.2 with 51.3% boys"),
    ("A-MORT-2021", "Mortality 2021 = 2022",
     "2021 and 2022 were both COVID-affected years; 2022 is the latest national life expectancy in figures.md"),
    ("A-MORT-IMPROVEMENT", "Mortality improvement 2022-2040",
     "all log-rates of a sex fall at one uniform annual rate, solved so that e0 in 2040 equals the CBS forecast "
     "(men 83.84, women 87.02, A-E0-2040-SEX); years in between are geometric interpolation "
     "m(y) = m(2022)*exp(-r*(y-2022))"),
    ("A-E0-2040-SEX", "Life expectancy at birth in 2040 by sex",
     "the latest forecast read (2019 edition, CBS-84647NED) gives men and women together only: 85.43; the latest "
     "edition read with a 2040 value by sex (2016, CBS-83598NED: men 84.18, men+women 85.77) puts the sexes "
     "2 x (85.77 - 84.18) = 3.18 years apart; so men 85.43 - 1.59 = 83.84 and women 85.43 + 1.59 = 87.02. This "
     "treats the combined value as the mean of the sexes: in the 2016 edition's 2020 and 2030 values, where both "
     "sexes were read, the mean differs from the combined value by 0.035 and 0.005 years. A gap of over 3 years "
     "agrees with the VTV-2024 outlook. (Before: women 2 x 85.43 - 84.02 with men 84.02 from the 2015 edition, "
     "mixing two editions, a gap of 2.82.)"),
    ("A-FERT-SHAPE", "Fertility age pattern",
     "a gamma-shaped schedule over ages 15-49 (evaluated at age+0.5) with mean age at childbirth 31.8 "
     "(M-MEANAGE-BIRTH) and standard deviation 5.0 years (judgement), normalised to sum to 1 and multiplied by "
     "the TFR; the shape is held fixed over 2021-2040"),
    ("A-TFR-PATH", "TFR path",
     "2021: 1.62 (M-TFR2021), 2022: 1.49 (NIEUWS-TFR2022), 2023/2030/2040 from CBS-85747NED with linear "
     "interpolation between these years"),
    ("A-SEXRATIO", "Sex ratio at birth",
     "male share 0.513, the usual 105-106 boys per 100 girls (remembered general demographic regularity, M)"),
    ("A-CITY-CALIBRATION", "District factors scaled to Utrecht city's register",
     "the KWB district counts give the districts' relative fertility and mortality; their level is scaled so that "
     "the city's expected births and deaths in 2021-2022 equal the register's (4,948 + 4,330 births; 2,076 + 2,058 "
     "deaths), because KWB counts 4,145 births in 2022 against the register's 4,330 and the register is the "
     "figure the back-cast is judged against"),
    ("A-ZONE-FACTOR-DENOM", "Denominators of the district factors",
     "expected 2022 births and deaths use the 2021 population table (1-1-2021) as exposure, the national 2022 "
     "rates, and ages spread uniformly within 5-year groups; the KWB counts are small and rounded to 5 and are not "
     "smoothed"),
    ("A-LE-HR-RULE", "Mortality hazard ratio from municipal life expectancy",
     "ln HR = -(e0_mun - e0_ref) / (e0_ref * H) where H is Keyfitz's life-table entropy of the national 2022 table "
     "(both sexes averaged) and e0_ref = 80.6 + 0.5 = 81.1: the NL reference implied by Utrecht's 80.6 in the same "
     "CBS 2012 prognosis (SVU-GEZONDHEID-LE) and Utrecht being about 0.5 y below NL (VGM-UTRECHT-LE); the 2012 "
     "differences are assumed to persist; no shrinkage of the (small-area) values"),
    ("A-CDR-HR", "De Bilt hazard ratio from its crude death rate",
     "HR = crude death rate 2016 (12.9/1000, AD-2017) / expected crude death rate with national 2022 rates and the "
     "1-1-2021 age structure; 2022 rates stand in for 2016 because NL e0 was nearly equal (men 79.7 vs 80.1, women "
     "83.1 vs 83.1: EENVANDAAG-LE, VZINFO-LE2022). Baarn, which has both, uses the life-expectancy rule (C over C-2)"),
    ("A-CBR-FF", "Utrechtse Heuvelrug fertility factor from its crude birth rate",
     "factor = crude birth rate 2016 (7.7/1000, AD-2017) / expected crude birth rate with the national age pattern "
     "at TFR 1.66 (2015 value, SVU-TFR2015, taken for 2016) and the 1-1-2021 age structure"),
    ("A-ZONE-DEFAULT", "Default zone factors",
     "mortality_hr = 1.0 and fertility_factor = 1.0 where the research files give no municipal life expectancy, "
     "death rate or birth rate"),
    ("A-ROGERS-CASTRO", "Migration age schedule",
     "Rogers-Castro model schedule m(x) = a1*exp(-alpha1*x) + a2*exp(-alpha2*(x-mu2) - exp(-lambda2*(x-mu2))) + c "
     "with alpha1 = alpha2 (children move with their parents); parameters in README; women's labour peak 1.5 years "
     "earlier than men's (a common finding); normalised to a population-weighted mean of 1.0 over the province's "
     "1-1-2021 population"),
    ("A-OUTRATE-DISTRICTS", "Out-migration of the Utrecht districts",
     "every district gets the city's 2021 rate (domestic out-migration + emigration) / population; moves between "
     "districts are not modelled (the city registers only moves across its boundary); no district differences "
     "because no district migration figures are in the research files"),
    ("A-OUTRATE-MUNI", "Out-migration of the other municipalities",
     "no figures in research: 0.05 per year (domestic out + emigration), a typical Dutch municipal out-migration "
     "rate, remembered (M)"),
    ("A-INTERNAL-SHARE", "Share of leavers who stay in the province",
     "no origin-destination figures in research. Utrecht districts: 45% of the city's domestic leavers are assumed "
     "to move within the province (suburbanisation to neighbouring municipalities, remembered order of magnitude, "
     "M), emigrants never: 0.45 x out_dom/(out_dom+emigration) of 2021. Other municipalities: 0.5 (judgement)"),
    ("A-IMMIGRANT-PROFILE", "Age-sex profile of arrivals",
     "the Rogers-Castro schedule applied to the province's 1-1-2021 age-sex structure and normalised to sum to 1"),
    ("A-ARRIVALS-CITY", "Age-sex profile of arrivals in Utrecht city's districts",
     "the province profile (A-IMMIGRANT-PROFILE) reweighted so that ages 18-34 hold 75% of the arrivals, the share "
     "among settlers from other Dutch municipalities in 2023 (UM-WONEN-VERHUIZINGEN); the same split is assumed for "
     "arrivals from abroad (no age figures by municipality found); within 18-34 and outside it the province "
     "profile's shape is kept"),
    ("A-AGE-ALIGNMENT", "Yearly alignment of migration by age group",
     "each January the expected population by age group on the next 1 January (ageing, births, deaths, moves, "
     "arrivals at the zone's profile) is compared with the registered or forecast age shares of that date "
     "(population_by_age.csv) times the expected total, so the totals stay on their own targets: arrivals are "
     "shifted from the groups above their share to those below it, and where a group has too few arrivals to "
     "give up, its departure hazard is raised and the same number of arrivals added to the groups below their "
     "share (SimPaths-style alignment by age, sex-neutral). Districts are aligned one by one where the register "
     "has them (KWB 2023, 2024), otherwise the city's districts together. Part of what one unit sheds moves into "
     "the others (moves within the province), so the units are aligned in 4 passes a year, each on a fresh "
     "projection; a departure hazard is never raised above 5 times its level from the alignment of totals"),
    ("A-MOVE-DESTINATION", "Where moves within the province go",
     "a gravity model: from zone z to zone t with probability proportional to t's residents over the squared "
     "distance between their centroids plus 5 km (so that neighbouring districts do not take nearly all moves); "
     "the exponent 2 and the 5 km are judgement, no origin-destination table of the province's moves having been "
     "read; the destinations follow each January's residents and are part of a baseline's migration plan"),
    ("A-FORECAST-CONVERGENCE", "Return to the forecast path",
     "from 2024 each zone's arrivals are set so that its population follows the municipal or district forecast "
     "(A-FORECAST-MUNI), and a zone off that path (by chance, or after the back-cast years) returns to it with a "
     "time constant of two years (judgement: fast enough to hold the forecast's totals, slow enough not to make "
     "one year's arrivals swing)"),
    ("A-PARITY-2021", "Children born to the women of 1 January 2021",
     "each woman's parity is Poisson with mean the sum of the 2021 age-specific fertility rates up to her age, a "
     "period approximation of her cohort's fertility (no parity distribution by age read); it decides who is in "
     "a first pregnancy (nurse home visiting) and the child-protection risk group"),
    ("A-BACKCAST-DISTRICTS", "Utrecht city's districts in the back-cast years",
     "the city's registered arrivals from outside the province (less those expected from its other zones) go "
     "to the districts by how far each is below its registered count of the next 1 January (KWB 2023, 2024; "
     "the forecast path where the register has none); a district above it even without arrivals (a central "
     "district draws many of the moves between zones) has its departure rate raised, at most 5 times the "
     "city's factor, as the alignment to the forecast does, while the city's departures stay on the register"),
    ("A-FORECAST-65PLUS-PATH", "Utrecht city's 65+ share between 2024 and 2040",
     "the share of 65+ in the city moves linearly from the register's 1-1-2024 share (40,264 / 374,374, "
     "UM-BEVSAMENSTELLING) to the forecast's 2040 share (61,000 (UM-PROGNOSE-65PLUS) / 474,173 "
     "(UM-BEVPROGNOSE2021)); the other ages keep the rest, their split left to the model"),
    ("A-REGISTER-2023", "Utrecht migration register 2023",
     "the CBS provisional January-November 2023 counts (DUIC-2024-01) multiplied by 12/11 for a full year; the "
     "administrative correction is 0 because the Jan-Nov components add up exactly to the reported growth 6,462"),
    ("A-FORECAST-MUNI", "Municipal population 2040",
     "the 2019/2022 regional forecasts' detail was withdrawn (PBL-CAVEAT), so the 2016 PBL/CBS forecast is used: "
     "named municipalities get their own 2016-2040 growth; 2016 municipal populations are estimated as the "
     "province's 1,274,000 shared in proportion to the 31-12-2018 populations (SVU-POP2019) within the 2016 "
     "boundary; the remaining growth to 1,440,000 is shared proportionally by the unnamed municipalities; Leerdam "
     "and Zederik (in Vijfheerenlanden since 2019, outside the 2016 province) get the unnamed rate; the growth is "
     "applied geometrically from the 2021 base: pop2040 = pop2021 x (1+g)^(19/24). Utrecht city uses its own "
     "forecast (UM-BEVPROGNOSE2021)"),
    ("A-EDUC-CALIBRATION", "National education pattern by age and sex",
     "the remembered age-sex pattern (M-EDUC-AGE) is shifted in log-odds (per sex for 'low', common for 'high') so "
     "that, weighted with the province's 1-1-2021 population aged 25+, it reproduces the national 25+ shares of "
     "VZINFO-EDUC2023 (the province's age structure stands in for the nation's)"),
    ("A-EDUC-ZONE", "Zone education adjustment",
     "a zone's log-odds (low vs middle, high vs middle) differ from the national ones by a constant over age and "
     "sex: shift = logodds(zone, 2024) - logodds(province, 2024) + logodds(province, 2022) - logodds(NL, 2022), "
     "all from CBS-85525NED (15-75 years); this ignores that part of a zone's difference is due to its age "
     "structure"),
    ("A-EDUC-REST", "Education of municipalities without a published value",
     "the province minus Utrecht city, Stichtse Vecht and Utrechtse Heuvelrug (CBS-85525NED 2024 counts): one "
     "common distribution for the other 23 municipalities"),
    ("A-EDUC-DISTRICT", "Education of the Utrecht districts",
     "no district education figures in research: a district index = mean of ln(share of housing-corporation homes "
     "/ city share) and ln(share of residents of non-European origin / city share) (CBS-KWB2023) shifts the city's "
     "log-odds by +0.75 x index for 'low' and -0.75 x index for 'high' (elasticity 0.75 by judgement, giving "
     "roughly 46% (Overvecht) to 75% (Noordoost) highly educated among 25-74-year-olds), re-centred so the city "
     "total is unchanged"),
    ("A-EDUC-UNDER25", "Education under 25",
     "rows for ages 0-24 give the education of the household a child grows up in, taken as the distribution of the "
     "zone's 25-44-year-olds (both sexes), not the person's own attained level"),
    ("A-HH-PATTERN", "Household position by age and sex",
     "shares of persons in private households who live alone, as a couple without children, as a parent, or as a "
     "child, by 5-year group and sex: a judgement approximating the national pattern of CBS household statistics "
     "(remembered, M); values in README"),
    ("A-HH-MAPPING", "Household categories",
     "the model has no category for 'other multi-person households' (e.g. shared student houses): in the age "
     "pattern they count as 'alone' (no partner, no children at home); in the KWB-based district totals they are "
     "inside the multi-person households without children (a_hh_z_k), all counted as couples of 2 persons; all "
     "other private-household residents live in households with children and are split into parent and child by "
     "the age pattern's parent:child ratio within each age-sex row"),
    ("A-HH-DISTRICT", "Household position in the Utrecht districts",
     "per district the person totals alone = a_1p_hh, couple = 2 x a_hh_z_k and family (parents + children) = the "
     "rest of the private-household residents, from KWB 2023 as shares of a_inw applied to the 2021 population; "
     "IPF of the age pattern (parent and child merged) to the district's age-sex private population and these "
     "three totals. Check printed: parents = 1.779 adults per household with children (A4 2023: (2 x 38,830 + "
     "11,037) / 49,867) per district, and the city totals against the A4 2021 household counts"),
    ("A-HH-INSTITUTION", "Institutional residents",
     "share in institutions = c_sex x exp(b x (age - 90)) from age 55 (0 below: the cited figures cover 55+ only), "
     "with c_male, c_female, b solved so that, weighted with the province's 1-1-2021 population, 2% of 55+ live in "
     "institutions, 30% of them are 90+ and 75% women (TROUW-2017-INST, national 2016); the CBS 2010 figure of 14% "
     "of 80+ (CBS-2011-INST) is printed as a check; same pattern in every zone"),
    ("A-HH-MUNI", "Household position in the other municipalities",
     "no municipal household figures in research: the age-sex pattern of A-HH-PATTERN with the institutional "
     "shares of A-HH-INSTITUTION"),
]

# ---------------------------------------------------------------------------------------------
# Constants with their sources.
# ---------------------------------------------------------------------------------------------
SEXES = ["male", "female"]
AGE_GROUPS = ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54",
              "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90-94", "95+"]
# NOTE: the research file and the brief use 20 groups 0-4 ... 90-94, 95+ (the brief's "21 groups" counts
# one too many: 19 closed groups + 95+ = 20). Checked below against the research file.
NG = len(AGE_GROUPS)
MAXAGE = 105  # single ages 0..105, 105 = open interval 105+

# Municipality codes (CBS-GEMINDELING-2021) and U10/U16 membership (PROV-U10U16).
MUNICIPALITIES = {  # name: code
    "Amersfoort": "GM0307", "Baarn": "GM0308", "De Bilt": "GM0310", "Bunnik": "GM0312", "Bunschoten": "GM0313",
    "Eemnes": "GM0317", "Houten": "GM0321", "Leusden": "GM0327", "Lopik": "GM0331", "Montfoort": "GM0335",
    "Renswoude": "GM0339", "Rhenen": "GM0340", "Soest": "GM0342", "Utrecht": "GM0344", "Veenendaal": "GM0345",
    "Woudenberg": "GM0351", "Wijk bij Duurstede": "GM0352", "IJsselstein": "GM0353", "Zeist": "GM0355",
    "Nieuwegein": "GM0356", "Oudewater": "GM0589", "Woerden": "GM0632", "De Ronde Venen": "GM0736",
    "Utrechtse Heuvelrug": "GM1581", "Stichtse Vecht": "GM1904", "Vijfheerenlanden": "GM1961",
}
U10 = {"Bunnik", "De Bilt", "Houten", "IJsselstein", "Nieuwegein", "Stichtse Vecht", "Utrecht",
       "Utrechtse Heuvelrug", "Vijfheerenlanden", "Wijk bij Duurstede", "Woerden", "Zeist"}  # PROV-U10U16
U16 = U10 | {"De Ronde Venen", "Lopik", "Montfoort", "Oudewater"}  # PROV-U10U16
# Utrecht city's districts: code, name, KWB label (CBS-KWB2023), BRP 1-1-2022 and forecasts (UM-BEVPROGNOSE2021)
DISTRICTS = [
    ("WK034401", "West", "Wijk 01 West"),
    ("WK034402", "Noordwest", "Wijk 02 Noordwest"),
    ("WK034403", "Overvecht", "Wijk 03 Overvecht"),
    ("WK034404", "Noordoost", "Wijk 04 Noordoost"),
    ("WK034405", "Oost", "Wijk 05 Oost"),
    ("WK034406", "Binnenstad", "Wijk 06 Binnenstad"),
    ("WK034407", "Zuid", "Wijk 07 Zuid"),
    ("WK034408", "Zuidwest", "Wijk 08 Zuidwest"),
    ("WK034409", "Leidsche Rijn", "Wijk 09 Leidsche Rijn"),
    ("WK034410", "Vleuten-De Meern", "Wijk 10 Vleuten-De Meern"),
]
# Approximate centroids (A-CENTROIDS).
CENTROIDS = {
    "Amersfoort": (52.156, 5.388), "Baarn": (52.211, 5.288), "Bunnik": (52.062, 5.200),
    "Bunschoten": (52.243, 5.376), "De Bilt": (52.125, 5.185), "De Ronde Venen": (52.230, 4.900),
    "Eemnes": (52.254, 5.257), "Houten": (52.028, 5.168), "IJsselstein": (52.020, 5.043),
    "Leusden": (52.110, 5.430), "Lopik": (51.973, 4.945), "Montfoort": (52.046, 4.952),
    "Nieuwegein": (52.029, 5.081), "Oudewater": (52.025, 4.868), "Renswoude": (52.074, 5.540),
    "Rhenen": (51.959, 5.568), "Soest": (52.174, 5.292), "Stichtse Vecht": (52.170, 5.020),
    "Utrechtse Heuvelrug": (52.040, 5.370), "Veenendaal": (52.028, 5.559), "Vijfheerenlanden": (51.940, 5.060),
    "Wijk bij Duurstede": (51.975, 5.342), "Woerden": (52.086, 4.883), "Woudenberg": (52.081, 5.417),
    "Zeist": (52.089, 5.233),
    "WK034401": (52.088, 5.092), "WK034402": (52.105, 5.098), "WK034403": (52.117, 5.115),
    "WK034404": (52.100, 5.135), "WK034405": (52.085, 5.150), "WK034406": (52.091, 5.120),
    "WK034407": (52.072, 5.122), "WK034408": (52.072, 5.097), "WK034409": (52.097, 5.050),
    "WK034410": (52.087, 5.010),
}

UTRECHT_BRP_2021 = 359355  # UM-BEVSAMENSTELLING (A4), inhabitants 1-1-2021
# Utrecht city inhabitants on 1 January (UM-BEVSAMENSTELLING, A4)
UTRECHT_BRP = {2018: 347574, 2019: 352941, 2020: 357719, 2021: 359355, 2022: 361742, 2023: 367984, 2024: 374374}
# Utrecht households 1-1-2021 and 1-1-2023 (UM-BEVSAMENSTELLING, A4): total, single, couple no kids,
# couple with kids, single parent
UTRECHT_HH = {2021: (183018, 93568, 38872, 38232, 10762), 2023: (188657, 97917, 39245, 38830, 11037)}
# District populations: 1-1-2022 (BRP) and forecasts 2025/2030/2035/2040 (UM-BEVPROGNOSE2021, A5)
FORECAST_YEARS = [2022, 2025, 2030, 2035, 2040]
UTRECHT_FORECAST = [361742, 372477, 422500, 454815, 474173]
DISTRICT_FORECAST = {
    "WK034401": [28829, 30825, 37599, 38218, 38224],
    "WK034402": [44562, 45450, 49267, 49595, 49719],
    "WK034403": [34559, 34544, 39913, 43272, 45645],
    "WK034404": [39851, 40227, 41402, 41672, 41930],
    "WK034405": [32031, 32584, 38002, 43009, 46966],
    "WK034406": [19206, 21208, 25512, 28627, 29952],
    "WK034407": [27526, 27898, 28608, 30024, 32134],
    "WK034408": [39537, 40225, 51272, 63743, 71182],
    "WK034409": [44678, 49142, 59155, 64113, 65447],
    "WK034410": [50963, 50374, 51770, 52542, 52974],
}
# Utrecht city migration (UM-BEVONTWIKKELING, A6): year: births, deaths, in_dom, out_dom, immigration, emigration,
# admin correction, growth
UTRECHT_FLOWS = {
    2018: (4817, 1838, 22480, 22451, 7290, 4638, -293, 5367),
    2019: (4715, 1921, 22070, 22982, 8312, 5122, -294, 4778),
    2020: (4781, 2064, 22157, 24310, 6512, 5088, -352, 1636),
    2021: (4948, 2076, 22216, 26230, 7879, 4134, -216, 2387),
    2022: (4330, 2058, 22855, 24769, 10944, 4866, -194, 6242),
}
# 2023 Jan-Nov provisional (DUIC-2024-01): births, deaths, immigration, emigration, in, out, growth
UTRECHT_2023_JANNOV = dict(births=3783, deaths=1956, imm=8894, emig=4937, in_dom=23117, out_dom=22439, growth=6462)
# Utrecht city inhabitants by age group on 1 January (UM-BEVSAMENSTELLING, figures.md A4); groups inclusive,
# None = open-ended.
UTRECHT_AGE_GROUPS = [(0, 3), (4, 11), (12, 17), (18, 26), (27, 44), (45, 64), (65, None)]
UTRECHT_BY_AGE = {
    2022: [17467, 31199, 21809, 60494, 114796, 77352, 38625],
    2023: [16952, 31106, 22510, 62243, 117398, 78403, 39372],
    2024: [16495, 31068, 22739, 64638, 119944, 79226, 40264],
}
UTRECHT_65PLUS_2040 = 61000  # UM-PROGNOSE-65PLUS: "almost 61,000" residents 65+ in 2040
CITY_ARRIVALS_18_34 = 0.75   # UM-WONEN-VERHUIZINGEN: three quarters of the 2023 settlers were aged 18-34
# KWB age-group columns (CBS-KWB2023, CBS-KWB2024) and the indicators that count them
KWB_AGE_COLUMNS = [("a_00_14", 0, 14, "population_0_14"), ("a_15_24", 15, 24, "population_15_24"),
                   ("a_25_44", 25, 44, "population_25_44"), ("a_45_64", 45, 64, "population_45_64"),
                   ("a_65_oo", 65, None, "population_65plus")]
PROVINCE_2020 = 1354834  # FRWIKI-PROV2020 (A1)

# Life expectancy (VZINFO-LE2022): 2022 period e0 and e65
LE_2022 = {"male": (80.1, 19.0), "female": (83.1, 21.2)}
E0_2040_BOTH = 85.43  # CBS-84647NED (2019 edition), men and women
E0_2040_SEX_GAP = 2 * (85.77 - 84.18)  # CBS-83598NED (2016 edition): 2 x (men+women - men) = 3.18 (A-E0-2040-SEX)
E0_2040_MALE = round(E0_2040_BOTH - E0_2040_SEX_GAP / 2, 2)    # A-E0-2040-SEX: 83.84
E0_2040_FEMALE = round(E0_2040_BOTH + E0_2040_SEX_GAP / 2, 2)  # A-E0-2040-SEX: 87.02
IMR_2022_TOTAL = 3.2 / 1000  # STAATVENZ-IMR2022
IMR_2022 = {"male": 3.5 / 1000, "female": 2.9 / 1000}  # A-IMR-SEX (averages 3.2 with 51.3% boys)
A0 = 0.1  # A-MORT-A0
# Fixed parts of the mortality pattern (A-MORT-PATTERN): childhood a1*exp(-b1 x), constant a2, accident hump
# h*exp(-((x-c)/w)^2). Judgement values giving roughly 2-3 per 10,000 at age 1, 1 per 10,000 around age 10,
# and a young-adult hump larger for men.
MORT_FIXED = {
    "male": dict(a1=0.0008, b1=1.2, a2=0.00006, h=0.00035, c=22.0, w=7.0),
    "female": dict(a1=0.0007, b1=1.2, a2=0.00005, h=0.00010, c=22.0, w=7.0),
}
YEARS = list(range(2021, 2041))

# Fertility: TFR by year
TFR_POINTS = {2021: 1.62,   # M-TFR2021
              2022: 1.49,   # NIEUWS-TFR2022
              2023: 1.433, 2030: 1.491, 2040: 1.634}  # CBS-85747NED
TFR_SOURCE = {2021: "M-TFR2021", 2022: "NIEUWS-TFR2022"}
FERT_MEAN_AGE = 31.8  # M-MEANAGE-BIRTH
FERT_SD = 5.0  # A-FERT-SHAPE
MALE_SHARE_BIRTHS = 0.513  # A-SEXRATIO

# Zone factors
MUNI_LE_2012 = {"Bunnik": 85.0, "Renswoude": 84.8, "Montfoort": 84.4, "Baarn": 80.3, "Utrecht": 80.6,
                "Zeist": 80.8}  # SVU-GEZONDHEID-LE
UTRECHT_LE_GAP_NL = 0.5  # VGM-UTRECHT-LE: Utrecht about 0.5 y below NL
CDR_2016 = {"De Bilt": 12.9 / 1000, "Baarn": 12.9 / 1000}  # AD-2017
CBR_2016 = {"Utrechtse Heuvelrug": 7.7 / 1000, "Utrecht": 14.3 / 1000}  # AD-2017
TFR_2016 = 1.66  # SVU-TFR2015 (2015 value used for 2016, A-CBR-FF)

# Migration
RC = {  # A-ROGERS-CASTRO (Rogers & Castro 1981 'standard' schedule family; mu2 set for a peak near 23-25)
    "male": dict(a1=0.02, alpha1=0.10, a2=0.06, alpha2=0.10, mu2=21.0, lambda2=0.40, c=0.003),
    "female": dict(a1=0.02, alpha1=0.10, a2=0.06, alpha2=0.10, mu2=19.5, lambda2=0.40, c=0.003),
}
OUT_RATE_MUNI = 0.05  # A-OUTRATE-MUNI (M)
INTERNAL_SHARE_CITY_DOMESTIC = 0.45  # A-INTERNAL-SHARE (M)
INTERNAL_SHARE_MUNI = 0.5  # A-INTERNAL-SHARE

# Population forecast 2016 (SVU-PROGNOSE2016) and 31-12-2018 populations (SVU-POP2019)
PROV_2016 = 1274000
PROV_2040 = 1440000
GROWTH_2016_2040 = {"Utrecht": 0.29, "Bunnik": 0.23, "Vianen": 0.20, "IJsselstein": -0.11, "Lopik": -0.10,
                    "Montfoort": -0.06, "Oudewater": -0.01, "De Ronde Venen": -0.01}
POP_2019 = {"Amersfoort": 156294, "Baarn": 24764, "De Bilt": 42809, "Bunnik": 15188, "Bunschoten": 21588,
            "Eemnes": 9117, "Houten": 49902, "IJsselstein": 34162, "Leerdam": 21223, "Leusden": 30028,
            "Lopik": 14477, "Montfoort": 13996, "Nieuwegein": 63055, "Oudewater": 10199, "Renswoude": 5258,
            "Rhenen": 20012, "De Ronde Venen": 44064, "Soest": 46194, "Stichtse Vecht": 64372, "Utrecht": 352795,
            "Utrechtse Heuvelrug": 49526, "Veenendaal": 65599, "Vianen": 20457, "Wijk bij Duurstede": 23763,
            "Woerden": 52204, "Woudenberg": 13165, "Zederik": 14023, "Zeist": 63960}
VHL_PARTS = ["Leerdam", "Vianen", "Zederik"]  # Vijfheerenlanden since 1-1-2019 (A1)
NOT_IN_2016_PROVINCE = {"Leerdam", "Zederik"}  # joined the province in 2019 (A1 note)

# Education (CBS-85525NED): 15-75 years, (low = basis + vmbo/mbo1, middle = havo/vwo/mbo2-4, high = hbo/wo), count
EDU_NL_2022 = (8.6 + 17.6, 41.7, 20.1 + 11.9)
EDU_PV_2022 = (7.4 + 15.3, 36.7, 22.2 + 18.4)
EDU_2024 = {  # name: ((low, middle, high) %, population 15-75)
    "PV": ((7.5 + 14.8, 35.5, 22.1 + 20.1), 1057200),
    "Utrecht": ((7.5 + 10.5, 26.8, 24.0 + 31.2), 299300),
    "Stichtse Vecht": ((6.9 + 16.6, 38.2, 21.9 + 16.5), 48300),
    "Utrechtse Heuvelrug": ((8.1 + 15.2, 33.7, 20.6 + 22.4), 36000),
}
EDU_NL_25PLUS_2023 = (26.0, 35.0, 38.0)  # VZINFO-EDUC2023 (sums to 99 by rounding; normalised)
EDU_NL_25PLUS_LOW_BY_SEX = {"male": 25.0, "female": 27.0}  # VZINFO-EDUC2023
# M-EDUC-AGE: (low, middle, high) % by age band, remembered shape only
EDU_AGE_PATTERN = {
    "male": {25: (17, 41, 42), 35: (18, 38, 44), 45: (22, 40, 38), 55: (27, 38, 35), 65: (33, 35, 32),
             75: (42, 31, 27)},
    "female": {25: (11, 36, 53), 35: (14, 37, 49), 45: (22, 42, 36), 55: (31, 40, 29), 65: (44, 35, 21),
               75: (60, 28, 12)},
}
EDU_DISTRICT_ELASTICITY = 0.75  # A-EDUC-DISTRICT

# Households: A-HH-PATTERN, private-household persons (alone, couple, parent, child) in %, by 5-year group
HH_PATTERN = {
    "male": [(0, 0, 0, 100), (0, 0, 0, 100), (0, 0, 0, 100), (4, 0.5, 0.5, 95), (25, 12, 3, 60),
             (30, 35, 15, 20), (22, 28, 43, 7), (17, 15, 65, 3), (16, 10, 72, 2), (16, 12, 71, 1),
             (16, 22, 61, 1), (16, 42, 42, 0), (17, 60, 23, 0), (18, 72, 10, 0), (19, 75, 6, 0),
             (22, 74, 4, 0), (28, 69, 3, 0), (38, 59, 3, 0), (52, 45, 3, 0), (65, 32, 3, 0)],
    "female": [(0, 0, 0, 100), (0, 0, 0, 100), (0, 0, 0, 100), (5, 1, 1, 93), (27, 20, 8, 45),
               (25, 40, 25, 10), (15, 24, 58, 3), (11, 10, 78, 1), (11, 8, 80, 1), (12, 12, 76, 0),
               (13, 25, 62, 0), (15, 45, 40, 0), (19, 62, 19, 0), (25, 67, 8, 0), (32, 62, 6, 0),
               (43, 53, 4, 0), (58, 38, 4, 0), (73, 22, 5, 0), (85, 10, 5, 0), (90, 5, 5, 0)],
}
INST_55PLUS = 0.02        # TROUW-2017-INST
INST_SHARE_90PLUS = 0.30  # TROUW-2017-INST
INST_SHARE_FEMALE = 0.75  # TROUW-2017-INST
INST_80PLUS_2010 = 0.14   # CBS-2011-INST (check only)
ADULTS_PER_HH_WITH_KIDS = (2 * 38830 + 11037) / (38830 + 11037)  # UM-BEVSAMENSTELLING A4 2023 (check only)

# Numbers copied from figures.md into the constants above; the build stops if figures.md no longer has them.
FIGURES_KEYS = ["359,355", "| 80.1 | 83.1 | 2022", "| 19.0 | 21.2 | 2022", "84.18 (2040)", "85.77 (2040)", "85.43 (2040)",
                "1.433 (2023)", "1.491 (2030)", "1.634 (2040)", "~1,274,000 → ~1,440,000", "Utrecht +29%",
                "| 2021 | 4,948 | 2,076 |", "26,230", "4,134", "474,173", "50,963", "1,354,834", "14.3/1000",
                "7.7/1000", "12.9/1000", "Bunnik 85, Renswoude 84.8, Montfoort 84.4", "2% of 55+",
                "births 3,783", "1.80 (2010) → 1.66 (2015)", "156,294", "Zederik 14,023"]

# Sources used only in printed checks, not in any table value.
CHECK_ONLY_SOURCES = {"CBS-2011-INST", "CBS-KADASTER-GEM2021"}  # cited in README.md, not by a CSV row (the GeoJSON has no source column)

RESEARCH_FILES = ["figures.md", "municipality_age_sex_2021.csv", "utrecht_districts_kwb_2023_2024.csv",
                  "geo/utrecht_municipalities_2021.geojson"]


# ---------------------------------------------------------------------------------------------
# Life tables
# ---------------------------------------------------------------------------------------------
def life_table(m, a0=A0):
    """Returns (l, L, e) for single ages 0..MAXAGE, radix 1, last age open (A-MORT-A0)."""
    return numeric.life_table(m, a0)


def expand5(counts):
    """5-year group counts -> single ages 0..MAXAGE (A-UNIFORM-AGE: uniform; 95+ over 95-99)."""
    return numeric.expand5(counts, MAXAGE)


def entropy(m):
    """Keyfitz's life-table entropy H = -sum(L ln l)/T0 (approximated on the single-age grid)."""
    l, L, e = life_table(m)
    num = 0.0
    for x in range(len(m)):
        lm = 0.5 * (l[x] + (l[x + 1] if x + 1 < len(m) else 0.0))
        if x == len(m) - 1:
            lm = l[x]
        if lm > 0:
            num -= L[x] * math.log(lm)
    return num / e[0]


def mort_pattern(sex, A, B):
    p = MORT_FIXED[sex]
    m = [0.0] * (MAXAGE + 1)
    q0 = IMR_2022[sex]
    m[0] = q0 / (1.0 - (1.0 - A0) * q0)
    for x in range(1, MAXAGE + 1):
        m[x] = (p["a1"] * math.exp(-p["b1"] * x) + p["a2"] + p["h"] * math.exp(-((x - p["c"]) / p["w"]) ** 2)
                + A * math.exp(B * x))
    return m


def fit_mortality(sex):
    e0t, e65t = LE_2022[sex]

    def a_for_b(B):
        # e65 decreasing in ln A
        return math.exp(bisect(lambda lnA: life_table(mort_pattern(sex, math.exp(lnA), B))[2][65] - e65t,
                               -25.0, -2.0, tol=1e-11))

    def e0_err(B):
        return life_table(mort_pattern(sex, a_for_b(B), B))[2][0] - e0t

    B = bisect(e0_err, 0.06, 0.16, tol=1e-10)
    A = a_for_b(B)
    return A, B, mort_pattern(sex, A, B)


# ---------------------------------------------------------------------------------------------
# The build: one function per table or concept; they share the context `c` (inputs and results)
# ---------------------------------------------------------------------------------------------
src = Sources(SOURCES, ASSUMPTIONS)  # src(*ids) cites ids in a row's `source` column


class Ctx:
    """What the tables of one build share: the research inputs, the zones and the results so far."""

    def kv(self, year, label, col):
        """A number of the KWB district file (year, region label, column)."""
        return float(self.kwb[(year, label)][col])


def parse_args():
    ap = cli.parser(__doc__, "directory with figures.md and the research CSVs (default ../shared/research from the repo)")
    ap.add_argument("--out", default=str(cli.DEFAULT_DATA), help="output directory (default data/ in the repo)")
    return ap.parse_args()


def main():
    args = parse_args()
    research, out = Path(args.research), Path(args.out)
    cli.require_files(research, RESEARCH_FILES, "research file(s)", "use --research DIR")
    cli.figures_text(research, FIGURES_KEYS)
    out.mkdir(parents=True, exist_ok=True)
    c = load_inputs(research)
    c.out = out
    zones_table(c)
    population_2021(c)
    mortality(c)
    fertility(c)
    zone_factors(c)
    migration(c)
    population_forecast(c)
    population_register(c)
    population_by_age(c)
    digital_skills(c)
    consumer_prices(c)
    demography_targets(c)
    education(c)
    households(c)
    geo(c, research)
    sources_table(out)
    write_readme(out)
    print(f"== wrote {len(list(out.glob('*.csv')))} CSV tables and README.md to {out} ==")


def geo(c, research):
    """data/geo/: the municipal outlines, copied as published after checking that the 26 codes are ours."""
    import json
    src_path = research / "geo" / "utrecht_municipalities_2021.geojson"
    raw = src_path.read_bytes()
    codes = sorted(f["properties"]["statcode"] for f in json.loads(raw)["features"])
    if codes != sorted(MUNICIPALITIES.values()):
        die(f"{src_path}: municipality codes {codes} are not the province's 26")
    (c.out / "geo").mkdir(parents=True, exist_ok=True)
    (c.out / "geo" / "utrecht_municipalities_2021.geojson").write_bytes(raw)


# ---------------- research inputs ----------------
def read_municipalities(path):
    """municipality_age_sex_2021.csv: name -> age group -> (male, female)."""
    mun_rows = {}
    rows = read_csv(path)
    need = {"gemeente", "age_group", "total", "male", "female"}
    have = set(rows[0]) if rows else set()
    if not need <= have:
        die("municipality_age_sex_2021.csv lacks columns " + ", ".join(sorted(need - have)))
    for r in rows:
        mun_rows.setdefault(r["gemeente"], {})[r["age_group"]] = (int(r["male"]), int(r["female"]))
    for name in MUNICIPALITIES:
        if name not in mun_rows:
            die(f"municipality {name} missing from municipality_age_sex_2021.csv")
        if list(mun_rows[name].keys()) != AGE_GROUPS:
            die(f"age groups of {name} in municipality_age_sex_2021.csv are not {AGE_GROUPS}")
    return mun_rows


def read_kwb(path):
    """utrecht_districts_kwb_2023_2024.csv: (year, region label) -> row."""
    kwb = {(int(r["kwb_year"]), r["regio"]): r for r in read_csv(path)}
    for y in (2023, 2024):
        for _, _, lab in DISTRICTS + [("", "", "Utrecht")]:
            if (y, lab) not in kwb:
                die(f"utrecht_districts_kwb_2023_2024.csv lacks row {y} {lab}")
    return kwb


def load_inputs(research):
    c = Ctx()
    c.mun_rows = read_municipalities(research / "municipality_age_sex_2021.csv")
    c.kwb = read_kwb(research / "utrecht_districts_kwb_2023_2024.csv")
    c.muni_names = sorted(n for n in MUNICIPALITIES if n != "Utrecht")
    c.dcodes = [d[0] for d in DISTRICTS]
    c.dlabel = {d[0]: d[2] for d in DISTRICTS}
    c.dname = {d[0]: d[1] for d in DISTRICTS}
    c.zone_codes = [MUNICIPALITIES[n] for n in c.muni_names] + c.dcodes
    c.zone_name = {MUNICIPALITIES[n]: n for n in c.muni_names}
    c.zone_name.update(c.dname)
    return c


# ---------------- 1. zones ----------------
def zones_table(c):
    rows = []
    for n in c.muni_names:
        lat, lon = CENTROIDS[n]
        rows.append([MUNICIPALITIES[n], n, MUNICIPALITIES[n], n, int(n in U10), int(n in U16),
                     f"{lat:.3f}", f"{lon:.3f}", src("CBS-GEMINDELING-2021", "PROV-U10U16", "A-CENTROIDS",
                                                     "A-MOVE-DESTINATION")])
    for code, name, _ in DISTRICTS:
        lat, lon = CENTROIDS[code]
        rows.append([code, name, "GM0344", "Utrecht", 1, 1, f"{lat:.3f}", f"{lon:.3f}",
                     src("CBS-KWB2023", "CBS-GEMINDELING-2021", "PROV-U10U16", "A-CENTROIDS", "A-MOVE-DESTINATION")])
    write_csv(c.out / "zones.csv", ["code", "name", "municipality_code", "municipality", "u10", "u16", "lat", "lon",
                                    "source"], rows)


# ---------------- 2. population 2021 ----------------
BANDS = [(0, 3), (3, 5), (5, 9), (9, 13), (13, NG)]  # group index ranges of 0-14,15-24,25-44,45-64,65+
BAND_COLS = ["a_00_14", "a_15_24", "a_25_44", "a_45_64", "a_65_oo"]  # the same bands in the KWB file


def city_population(c):
    """Utrecht city's sex x age counts (CBS-83502NED) scaled to the BRP total, rounded by largest remainder."""
    city = {s: [c.mun_rows["Utrecht"][g][k] for g in AGE_GROUPS] for k, s in enumerate(SEXES)}
    c.city_sum = sum(sum(v) for v in city.values())
    scale = UTRECHT_BRP_2021 / c.city_sum
    flat = [city[s][g] * scale for s in SEXES for g in range(NG)]
    flat_int = largest_remainder(flat, UTRECHT_BRP_2021)
    c.city_total = sum(flat_int)
    return {s: flat_int[k * NG:(k + 1) * NG] for k, s in enumerate(SEXES)}


def district_totals(c):
    """District totals on 1-1-2021 (A-DISTRICT-2021-TOTALS)."""
    raw2021 = {d: 2 * DISTRICT_FORECAST[d][0] - c.kv(2023, c.dlabel[d], "a_inw") for d in c.dcodes}
    f2021 = UTRECHT_BRP_2021 / sum(raw2021.values())
    say("== Population 1-1-2021: Utrecht district totals ==")
    say(f"   2 x P(2022) - P(2023) summed over districts: {sum(raw2021.values()):.0f}; scaled by {f2021:.6f} to "
        f"{UTRECHT_BRP_2021}")
    return {d: raw2021[d] * f2021 for d in c.dcodes}


def district_margins(c, T, city_int):
    """District x band and district x sex totals: KWB 2023 shares made consistent with the city by 2-way IPF."""
    city_band = [sum(city_int[s][g] for s in SEXES for g in range(lo, hi)) for lo, hi in BANDS]
    city_sex = [sum(city_int[s]) for s in SEXES]
    M1 = []
    M2 = []
    for d in c.dcodes:
        bv = [c.kv(2023, c.dlabel[d], col) for col in BAND_COLS]
        M1.append([T[d] * v / sum(bv) for v in bv])
        sv = [c.kv(2023, c.dlabel[d], "a_man"), c.kv(2023, c.dlabel[d], "a_vrouw")]
        M2.append([T[d] * v / sum(sv) for v in sv])
    Tl = [T[d] for d in c.dcodes]
    return ipf2(M1, Tl, city_band), ipf2(M2, Tl, city_sex)


def ipf3(city_int, M1, M2, D):
    """Three-way IPF (A-DISTRICT-STRUCTURE): district x sex x group, seeded with the city's profile, to the margins
    city sex x group, district x band (M1) and district x sex (M2). Returns (table, iterations, last error)."""
    x3 = [[[float(city_int[s][g]) for g in range(NG)] for s in SEXES] for _ in range(D)]
    for it in range(5000):
        for si in range(2):  # city sex x age margin
            for g in range(NG):
                tot = sum(x3[di][si][g] for di in range(D))
                f = city_int[SEXES[si]][g] / tot if tot > 0 else 0.0
                for di in range(D):
                    x3[di][si][g] *= f
        for di in range(D):  # district x band
            for b, (lo, hi) in enumerate(BANDS):
                tot = sum(x3[di][si][g] for si in range(2) for g in range(lo, hi))
                f = M1[di][b] / tot if tot > 0 else 0.0
                for si in range(2):
                    for g in range(lo, hi):
                        x3[di][si][g] *= f
        err = 0.0
        for di in range(D):  # district x sex
            for si in range(2):
                tot = sum(x3[di][si])
                err = max(err, abs(tot - M2[di][si]))
                f = M2[di][si] / tot
                x3[di][si] = [v * f for v in x3[di][si]]
        if err < 1e-5:
            break
    return x3, it + 1, err


def population_2021(c):
    """population_2021.csv: the municipalities as published, the districts by IPF and largest-remainder rounding."""
    pop = {}  # zone -> sex -> [counts by group]
    for n in c.muni_names:
        pop[MUNICIPALITIES[n]] = {s: [c.mun_rows[n][g][k] for g in AGE_GROUPS] for k, s in enumerate(SEXES)}
    city_int = city_population(c)
    T = district_totals(c)
    M1, M2 = district_margins(c, T, city_int)
    x3, iterations, ipf_err = ipf3(city_int, M1, M2, len(c.dcodes))
    for si, s in enumerate(SEXES):
        for g in range(NG):
            ints = largest_remainder([x3[di][si][g] for di in range(len(c.dcodes))], city_int[s][g])
            for di, d in enumerate(c.dcodes):
                pop.setdefault(d, {s2: [0] * NG for s2 in SEXES})[s][g] = ints[di]
    c.pop = pop
    rows = []
    for z in c.zone_codes:
        ztype_src = (src("CBS-83502NED") if z.startswith("GM") else
                     src("CBS-83502NED", "UM-BEVSAMENSTELLING", "UM-BEVPROGNOSE2021", "CBS-KWB2023",
                         "A-DISTRICT-2021-TOTALS", "A-DISTRICT-STRUCTURE", "A-INTEGERISE"))
        for s in SEXES:
            for g, ag in enumerate(AGE_GROUPS):
                rows.append([z, s, ag, pop[z][s][g], ztype_src])
    write_csv(c.out / "population_2021.csv", ["zone", "sex", "age_group", "count", "source"], rows)
    print_districts(c, T, iterations, ipf_err)
    c.prov_pop = {s: [sum(pop[z][s][g] for z in c.zone_codes) for g in range(NG)] for s in SEXES}
    prov_total = sum(sum(v) for v in c.prov_pop.values())
    say(f"   province total in table: {prov_total} (PC4 sum 1,360,950 with Utrecht at BRP 359,355 instead of "
        f"359,180; sex columns as published)")


def print_districts(c, T, iterations, ipf_err):
    say("== Population 1-1-2021: Utrecht districts after IPF and rounding ==")
    say(f"   IPF: {iterations} iterations, last max margin error {ipf_err:.2e} persons; city total {c.city_total} (BRP {UTRECHT_BRP_2021}); "
        f"PC4 city sum {c.city_sum}")
    say(f"   {'district':18s} {'target':>9s} {'table':>7s} {'male%':>6s} {'0-14%':>6s} {'15-24%':>6s} "
        f"{'25-44%':>6s} {'45-64%':>6s} {'65+%':>6s}")
    c.dist_tot = {}
    for d in c.dcodes:
        pd = c.pop[d]
        tot = sum(sum(pd[s]) for s in SEXES)
        c.dist_tot[d] = tot
        bs = [sum(pd[s][g] for s in SEXES for g in range(lo, hi)) / tot * 100 for lo, hi in BANDS]
        say(f"   {c.dname[d]:18s} {T[d]:9.1f} {tot:7d} {sum(pd['male']) / tot * 100:6.1f} "
            + " ".join(f"{v:6.1f}" for v in bs))
    say(f"   {'sum':18s} {sum(T.values()):9.1f} {sum(c.dist_tot.values()):7d}")


# ---------------- 3. mortality ----------------
def improvement_rates(base):
    """Annual fall of the log-rates per sex so that e0 in 2040 meets the CBS forecast (A-MORT-IMPROVEMENT)."""
    target2040 = {"male": E0_2040_MALE, "female": E0_2040_FEMALE}
    rate = {}
    for s in SEXES:
        m = base[s]
        rate[s] = bisect(lambda r: life_table([v * math.exp(-18 * r) for v in m])[2][0] - target2040[s],
                         0.0, 0.1, tol=1e-12)
    return rate


def mortality_source(y):
    if y <= 2022:
        return src("VZINFO-LE2022", "STAATVENZ-IMR2022", "VZINFO-IMR-SEX", "A-IMR-SEX", "A-MORT-PATTERN",
                   "A-MORT-A0") + (";" + src("A-MORT-2021") if y == 2021 else "")
    return src("VZINFO-LE2022", "STAATVENZ-IMR2022", "A-IMR-SEX", "A-MORT-PATTERN", "A-MORT-A0",
               "CBS-84647NED", "CBS-83598NED", "A-E0-2040-SEX", "A-MORT-IMPROVEMENT")


def mortality(c):
    """mortality.csv: the fitted 2022 pattern, improved to the 2040 forecast; then checked from the file."""
    base = {}
    fitted = {}
    for s in SEXES:
        A, B, m = fit_mortality(s)
        base[s] = m
        fitted[s] = (A, B)
    rate = improvement_rates(base)
    c.mort = {}
    rows = []
    for y in YEARS:
        for s in SEXES:
            k = max(0, y - 2022)
            vals = [float(fmt(v * math.exp(-rate[s] * k), 6)) for v in base[s]]
            c.mort[(y, s)] = vals
            sid = mortality_source(y)
            for x in range(MAXAGE + 1):
                rows.append([y, s, x, fmt(vals[x], 6), sid])
    write_csv(c.out / "mortality.csv", ["year", "sex", "age", "rate", "source"], rows)
    check_mortality(c.out / "mortality.csv")
    c.H = {s: entropy(base[s]) for s in SEXES}
    say(f"   fitted Gompertz: male A={fitted['male'][0]:.4e} B={fitted['male'][1]:.5f}; "
        f"female A={fitted['female'][0]:.4e} B={fitted['female'][1]:.5f}")
    say(f"   annual improvement of log-rates 2022-2040: male {rate['male'] * 100:.3f}%, "
        f"female {rate['female'] * 100:.3f}%; entropy H 2022: male {c.H['male']:.4f}, female {c.H['female']:.4f}")
    for a in (0, 1, 10, 20, 30, 50, 65, 80, 90, 100, 105):
        say(f"   m({a:3d}) 2022: male {base['male'][a]:.6f}  female {base['female'][a]:.6f}")


def check_mortality(path):
    """Re-read the written rates and check e0 and e65 against their targets (0.05 years)."""
    back = {}
    for r in read_csv(path):
        back.setdefault((int(r["year"]), r["sex"]), [0.0] * (MAXAGE + 1))[int(r["age"])] = float(r["rate"])
    say("== Mortality: life expectancy recomputed from data/mortality.csv ==")
    imr_mean = MALE_SHARE_BIRTHS * IMR_2022["male"] + (1 - MALE_SHARE_BIRTHS) * IMR_2022["female"]
    say(f"   infant mortality by sex {IMR_2022['male'] * 1000:.1f} / {IMR_2022['female'] * 1000:.1f} per 1000 -> "
        f"births-weighted {imr_mean * 1000:.2f} (cited total {IMR_2022_TOTAL * 1000:.1f})")
    checks = {(2022, "male"): (80.1, 19.0), (2022, "female"): (83.1, 21.2), (2040, "male"): (E0_2040_MALE, None),
              (2040, "female"): (E0_2040_FEMALE, None)}
    ok = True
    for y in (2021, 2022, 2030, 2040):
        for s in SEXES:
            l, L, e = life_table(back[(y, s)])
            tgt = checks.get((y, s))
            note = ""
            if tgt:
                d0 = abs(e[0] - tgt[0])
                d65 = abs(e[65] - tgt[1]) if tgt[1] is not None else 0.0
                note = f"  target e0 {tgt[0]}" + (f", e65 {tgt[1]}" if tgt[1] is not None else "")
                if d0 > 0.05 or d65 > 0.05:
                    ok = False
                    note += "  <-- OUT OF TOLERANCE"
            say(f"   {y} {s:6s} e0 {e[0]:6.2f}  e65 {e[65]:6.2f}{note}")
    if not ok:
        die("life expectancy check failed (tolerance 0.05 years)")


# ---------------- 4. fertility ----------------
FERT_AGES = range(15, 50)


def fertility_shape():
    """Gamma-shaped age pattern over 15-49 summing to 1 (A-FERT-SHAPE): (k, theta, shares)."""
    k_shape = ((FERT_MEAN_AGE - 14.0) / FERT_SD) ** 2  # gamma on (age+0.5-14)
    theta = FERT_SD ** 2 / (FERT_MEAN_AGE - 14.0)
    dens = []
    for x in FERT_AGES:
        t = x + 0.5 - 14.0
        dens.append(math.exp((k_shape - 1) * math.log(t) - t / theta))
    sd_ = sum(dens)
    return k_shape, theta, [v / sd_ for v in dens]


def tfr(y):
    """TFR of year y: the cited years, linear in between (A-TFR-PATH)."""
    if y in TFR_POINTS:
        return TFR_POINTS[y]
    if not min(TFR_POINTS) < y < max(TFR_POINTS):
        raise ValueError(y)
    return interp(sorted(TFR_POINTS.items()), y)


def fertility_source(y):
    if y == 2021:  # the first year's rates also give the parity of the women of 1 January 2021
        return src(TFR_SOURCE[y] if y in TFR_SOURCE else "CBS-85747NED", "M-MEANAGE-BIRTH", "A-FERT-SHAPE",
                   *(["A-TFR-PATH"] if y in TFR_SOURCE or y not in TFR_POINTS else []), "A-PARITY-2021")
    if y in TFR_SOURCE:
        return src(TFR_SOURCE[y], "M-MEANAGE-BIRTH", "A-FERT-SHAPE", "A-TFR-PATH")
    if y in TFR_POINTS:
        return src("CBS-85747NED", "M-MEANAGE-BIRTH", "A-FERT-SHAPE")
    return src("CBS-85747NED", "M-MEANAGE-BIRTH", "A-FERT-SHAPE", "A-TFR-PATH")


def fertility(c):
    """fertility.csv and births_sex_ratio.csv."""
    k_shape, theta, c.fert_shape = fertility_shape()
    shape = c.fert_shape
    mean_age = sum((x + 0.5) * shape[i] for i, x in enumerate(FERT_AGES))
    c.asfr = {}
    rows = []
    for y in YEARS:
        t = tfr(y)
        sid = fertility_source(y)
        vals = [float(fmt(t * v, 6)) for v in shape]
        c.asfr[y] = [0.0] * (MAXAGE + 1)
        for i, x in enumerate(FERT_AGES):
            c.asfr[y][x] = vals[i]
            rows.append([y, x, fmt(vals[i], 6), sid])
    write_csv(c.out / "fertility.csv", ["year", "age", "rate", "source"], rows)
    write_csv(c.out / "births_sex_ratio.csv", ["male_share", "source"],
              [[f"{MALE_SHARE_BIRTHS:.3f}", src("A-SEXRATIO")]])
    say("== Fertility ==")
    say(f"   gamma shape k={k_shape:.3f} theta={theta:.4f}; mean age {mean_age:.2f}; peak age "
        f"{15 + max(range(35), key=lambda i: shape[i])}; TFR " +
        ", ".join(f"{y}:{sum(c.asfr[y]):.3f}" for y in (2021, 2022, 2023, 2025, 2030, 2035, 2040)))


# ---------------- 5. zone factors ----------------
def exp_births(c, z, y):
    """Expected births in zone z in year y at the national rates (single ages, A-UNIFORM-AGE)."""
    return sum(c.asfr[y][x] * c.single[z]["female"][x] for x in range(MAXAGE + 1))


def exp_deaths(c, z, y):
    """Expected deaths in zone z in year y at the national rates."""
    return sum(c.mort[(y, s)][x] * c.single[z][s][x] for s in SEXES for x in range(MAXAGE + 1))


def district_factors(c):
    """(mortality_hr, fertility_factor) per district from the KWB 2022 counts, scaled to the register."""
    zf = {}
    say("== Zone factors: Utrecht districts (KWB 2023: births and deaths in 2022; no smoothing) ==")
    say(f"   {'district':18s} {'births':>6s} {'expect':>8s} {'fert_f':>6s} {'deaths':>6s} {'expect':>8s} {'HR':>6s}")
    for d in c.dcodes:
        b = c.kv(2023, c.dlabel[d], "a_geb")
        dd = c.kv(2023, c.dlabel[d], "a_ste")
        eb = exp_births(c, d, 2022)
        ed = exp_deaths(c, d, 2022)
        zf[d] = (dd / ed, b / eb)
        say(f"   {c.dname[d]:18s} {b:6.0f} {eb:8.1f} {b / eb:6.3f} {dd:6.0f} {ed:8.1f} {dd / ed:6.3f}")
    tb = sum(c.kv(2023, c.dlabel[d], "a_geb") for d in c.dcodes)
    td = sum(c.kv(2023, c.dlabel[d], "a_ste") for d in c.dcodes)
    say(f"   sum of districts: births 2022 {tb:.0f} (KWB city row {c.kv(2023, 'Utrecht', 'a_geb'):.0f}; BRP 2022 "
        f"{UTRECHT_FLOWS[2022][0]}), deaths 2022 {td:.0f} (KWB city row {c.kv(2023, 'Utrecht', 'a_ste'):.0f}; BRP "
        f"2022 {UTRECHT_FLOWS[2022][1]})")
    eb21 = sum(zf[d][1] * exp_births(c, d, 2021) for d in c.dcodes)
    ed21 = sum(zf[d][0] * exp_deaths(c, d, 2021) for d in c.dcodes)
    eb21n = sum(exp_births(c, d, 2021) for d in c.dcodes)
    ed21n = sum(exp_deaths(c, d, 2021) for d in c.dcodes)
    say(f"   Utrecht 2021 check: births register {UTRECHT_FLOWS[2021][0]} vs district-weighted expectation "
        f"{eb21:.0f} (national rates only {eb21n:.0f}); deaths register {UTRECHT_FLOWS[2021][1]} vs "
        f"{ed21:.0f} (national rates only {ed21n:.0f})")
    # City-level calibration (A-CITY-CALIBRATION): the districts' KWB counts give the distribution over
    # districts; the level is set so that the expected births and deaths of 2021-2022 match the city's
    # register (utrecht-monitor.nl, UM-BEVONTWIKKELING), which counts more births than KWB.
    b_reg = UTRECHT_FLOWS[2021][0] + UTRECHT_FLOWS[2022][0]
    d_reg = UTRECHT_FLOWS[2021][1] + UTRECHT_FLOWS[2022][1]
    b_exp = sum(zf[d][1] * (exp_births(c, d, 2021) + exp_births(c, d, 2022)) for d in c.dcodes)
    d_exp = sum(zf[d][0] * (exp_deaths(c, d, 2021) + exp_deaths(c, d, 2022)) for d in c.dcodes)
    kb, kd = b_reg / b_exp, d_reg / d_exp
    for d in c.dcodes:
        zf[d] = (zf[d][0] * kd, zf[d][1] * kb)
    say(f"   city calibration to the register 2021-2022: fertility x{kb:.4f} (births {b_reg} vs {b_exp:.0f}), "
        f"mortality x{kd:.4f} (deaths {d_reg} vs {d_exp:.0f})")
    return zf


def municipal_hazard_ratios(c, zf):
    """Mortality HR of the municipalities with a published life expectancy (A-LE-HR-RULE) or crude death
    rate (A-CDR-HR): name -> (HR, source ids)."""
    Hboth = 0.5 * (c.H["male"] + c.H["female"])
    e0_ref = MUNI_LE_2012["Utrecht"] + UTRECHT_LE_GAP_NL

    def hr_from_le(e0m):
        return math.exp(-(e0m - e0_ref) / (e0_ref * Hboth))

    say("== Zone factors: other municipalities ==")
    say(f"   LE rule: e0_ref = {e0_ref:.1f}, H = {Hboth:.4f}")
    muni_hr = {}
    for n in c.muni_names:
        if n in MUNI_LE_2012:
            muni_hr[n] = (hr_from_le(MUNI_LE_2012[n]),
                          src("SVU-GEZONDHEID-LE", "VGM-UTRECHT-LE", "VZINFO-LE2022", "A-LE-HR-RULE"))
            say(f"   {n:20s} e0 {MUNI_LE_2012[n]:.1f} -> HR {muni_hr[n][0]:.3f}")
    say(f"   (Utrecht city 80.6 -> HR {hr_from_le(80.6):.3f}; districts' population-weighted HR from 2022 "
        f"deaths: {sum(zf[d][0] * exp_deaths(c, d, 2022) for d in c.dcodes) / sum(exp_deaths(c, d, 2022) for d in c.dcodes):.3f})")
    for n, cdr in CDR_2016.items():
        z = MUNICIPALITIES[n]
        tot = sum(sum(c.pop[z][s]) for s in SEXES)
        ecdr = exp_deaths(c, z, 2022) / tot
        say(f"   {n:20s} crude death rate 2016 {cdr * 1000:.1f}/1000 vs expected {ecdr * 1000:.2f}/1000 -> "
            f"HR {cdr / ecdr:.3f}" + ("  (used)" if n not in muni_hr else "  (not used: LE rule preferred)"))
        if n not in muni_hr:
            muni_hr[n] = (cdr / ecdr, src("AD-2017", "EENVANDAAG-LE", "VZINFO-LE2022", "A-CDR-HR"))
    return muni_hr


def municipal_fertility_factors(c, zf):
    """Fertility factor of the municipalities with a published crude birth rate (A-CBR-FF): name -> (factor,
    source ids). Utrecht city's is printed as a check only."""
    asfr2016 = [TFR_2016 * v for v in c.fert_shape]

    def exp_cbr(z_single, tot):
        return sum(asfr2016[i] * z_single["female"][x] for i, x in enumerate(FERT_AGES)) / tot

    muni_ff = {}
    for n, cbr in CBR_2016.items():
        if n == "Utrecht":
            tot = sum(c.dist_tot.values())
            csingle = {"female": [sum(c.single[d]["female"][x] for d in c.dcodes) for x in range(MAXAGE + 1)]}
            e = exp_cbr(csingle, tot)
            wf = (sum(zf[d][1] * exp_births(c, d, 2022) for d in c.dcodes)
                  / sum(exp_births(c, d, 2022) for d in c.dcodes))
            say(f"   Utrecht city crude birth rate 2016 {cbr * 1000:.1f}/1000 vs expected {e * 1000:.2f}/1000 -> "
                f"factor {cbr / e:.3f} (check only; districts' weighted factor from 2022 births {wf:.3f})")
            continue
        z = MUNICIPALITIES[n]
        tot = sum(sum(c.pop[z][s]) for s in SEXES)
        e = exp_cbr(c.single[z], tot)
        muni_ff[n] = (cbr / e, src("AD-2017", "SVU-TFR2015", "M-MEANAGE-BIRTH", "A-FERT-SHAPE", "A-CBR-FF"))
        say(f"   {n:20s} crude birth rate 2016 {cbr * 1000:.1f}/1000 vs expected {e * 1000:.2f}/1000 -> "
            f"fertility factor {cbr / e:.3f}")
    return muni_ff


def zone_factors(c):
    """zone_factors.csv: mortality hazard ratio and fertility factor per zone."""
    c.single = {z: {s: expand5(c.pop[z][s]) for s in SEXES} for z in c.zone_codes}
    zf = district_factors(c)
    muni_hr = municipal_hazard_ratios(c, zf)
    muni_ff = municipal_fertility_factors(c, zf)
    rows = []
    for n in c.muni_names:
        hr, hr_ids = muni_hr.get(n, (1.0, ""))
        ff, ff_ids = muni_ff.get(n, (1.0, ""))
        ids = (hr_ids.split(";") if hr_ids else []) + (ff_ids.split(";") if ff_ids else [])
        if n not in muni_hr or n not in muni_ff:
            ids.append("A-ZONE-DEFAULT")
        ids = list(dict.fromkeys(ids))
        rows.append([MUNICIPALITIES[n], fmt_fixed(hr, 4), fmt_fixed(ff, 4), src(*ids)])
    for d in c.dcodes:
        rows.append([d, fmt_fixed(zf[d][0], 4), fmt_fixed(zf[d][1], 4),
                     src("CBS-KWB2023", "VZINFO-LE2022", "STAATVENZ-IMR2022", "A-MORT-PATTERN", "NIEUWS-TFR2022",
                         "M-MEANAGE-BIRTH", "A-FERT-SHAPE", "A-DISTRICT-STRUCTURE", "A-UNIFORM-AGE",
                         "A-ZONE-FACTOR-DENOM", "A-CITY-CALIBRATION", "UM-BEVONTWIKKELING")])
    write_csv(c.out / "zone_factors.csv", ["zone", "mortality_hr", "fertility_factor", "source"], rows)


# ---------------- 6. migration ----------------
def rogers_castro(sex, x):
    """The migration age schedule (A-ROGERS-CASTRO)."""
    p = RC[sex]
    return (p["a1"] * math.exp(-p["alpha1"] * x)
            + p["a2"] * math.exp(-p["alpha2"] * (x - p["mu2"]) - math.exp(-p["lambda2"] * (x - p["mu2"])))
            + p["c"])


def migration_profiles(c):
    """migration_age_profile.csv and immigrant_profile.csv. Returns (peak ages, normalising mean)."""
    prov_single = {s: expand5(c.prov_pop[s]) for s in SEXES}
    raw = {s: [rogers_castro(s, x) for x in range(MAXAGE + 1)] for s in SEXES}
    wmean = (sum(raw[s][x] * prov_single[s][x] for s in SEXES for x in range(MAXAGE + 1))
             / sum(prov_single[s][x] for s in SEXES for x in range(MAXAGE + 1)))
    rows = []
    for s in SEXES:
        for x in range(MAXAGE + 1):
            rows.append([s, x, fmt(raw[s][x] / wmean, 6), src("A-ROGERS-CASTRO", "CBS-83502NED", "A-UNIFORM-AGE")])
    write_csv(c.out / "migration_age_profile.csv", ["sex", "age", "relative_rate", "source"], rows)
    peaks = {s: max(range(10, 40), key=lambda x: raw[s][x]) for s in SEXES}
    w = {s: [raw[s][x] * prov_single[s][x] for x in range(MAXAGE + 1)] for s in SEXES}
    tw = sum(sum(v) for v in w.values())
    units = largest_remainder([w[s][x] / tw * 1e8 for s in SEXES for x in range(MAXAGE + 1)], 10 ** 8)
    young = sum(w[s][x] for s in SEXES for x in range(18, 35)) / tw
    city_w = [w[s][x] / tw * (CITY_ARRIVALS_18_34 / young if 18 <= x <= 34 else (1 - CITY_ARRIVALS_18_34) / (1 - young))
              for s in SEXES for x in range(MAXAGE + 1)]
    city_units = largest_remainder([v * 1e8 for v in city_w], 10 ** 8)
    rows = []
    k = 0
    for s in SEXES:
        for x in range(MAXAGE + 1):
            rows.append([s, x, f"{units[k] / 1e8:.8f}", f"{city_units[k] / 1e8:.8f}",
                         src("A-IMMIGRANT-PROFILE", "A-ROGERS-CASTRO", "CBS-83502NED", "A-UNIFORM-AGE",
                             "A-ARRIVALS-CITY", "UM-WONEN-VERHUIZINGEN")])
            k += 1
    write_csv(c.out / "immigrant_profile.csv", ["sex", "age", "share", "share_utrecht_city", "source"], rows)
    say(f"   arrivals aged 18-34: province profile {young:.3f}, Utrecht city's districts {CITY_ARRIVALS_18_34}")
    return peaks, wmean


def zone_migration(c, peaks, wmean):
    """zone_migration.csv: out-migration hazard and the share of leavers staying in the province."""
    b, dth, ind, outd, imm, emi, adm, gr = UTRECHT_FLOWS[2021]
    city_out = (outd + emi) / UTRECHT_BRP[2021]
    city_internal = INTERNAL_SHARE_CITY_DOMESTIC * outd / (outd + emi)
    rows = []
    for n in c.muni_names:
        rows.append([MUNICIPALITIES[n], fmt_fixed(OUT_RATE_MUNI, 4), fmt_fixed(INTERNAL_SHARE_MUNI, 4),
                     src("A-OUTRATE-MUNI", "A-INTERNAL-SHARE")])
    for d in c.dcodes:
        rows.append([d, fmt_fixed(city_out, 5), fmt_fixed(city_internal, 4),
                     src("UM-BEVONTWIKKELING", "UM-BEVSAMENSTELLING", "A-OUTRATE-DISTRICTS", "A-INTERNAL-SHARE")])
    write_csv(c.out / "zone_migration.csv", ["zone", "out_rate", "internal_share", "source"], rows)
    say("== Migration ==")
    say(f"   Rogers-Castro peak age: male {peaks['male']}, female {peaks['female']}; normalising mean of raw "
        f"schedule {wmean:.5f}")
    say(f"   Utrecht out_rate 2021 = ({outd} + {emi}) / {UTRECHT_BRP[2021]} = {city_out:.5f}; internal_share = "
        f"{INTERNAL_SHARE_CITY_DOMESTIC} x {outd}/{outd + emi} = {city_internal:.4f}")


def migration_register(c):
    """migration_register.csv: Utrecht city's registered migration 2018-2023."""
    rows = []
    for y in sorted(UTRECHT_FLOWS):
        b, dth, ind, outd, imm, emi, adm, gr = UTRECHT_FLOWS[y]
        rows.append(["GM0344", y, ind, imm, outd, emi, adm, src("UM-BEVONTWIKKELING")])
    j = UTRECHT_2023_JANNOV
    resid = j["growth"] - (j["births"] - j["deaths"] + j["in_dom"] - j["out_dom"] + j["imm"] - j["emig"])
    sc = 12.0 / 11.0
    rows.append(["GM0344", 2023, round(j["in_dom"] * sc), round(j["imm"] * sc), round(j["out_dom"] * sc),
                 round(j["emig"] * sc), round(resid * sc), src("DUIC-2024-01", "A-REGISTER-2023")])
    write_csv(c.out / "migration_register.csv", ["zone", "year", "in_domestic", "in_international", "out_domestic",
                                                 "out_international", "admin_correction", "source"], rows)
    say(f"   2023 Jan-Nov components minus growth = {resid} (admin correction); scaled by 12/11")


def migration(c):
    peaks, wmean = migration_profiles(c)
    zone_migration(c, peaks, wmean)
    migration_register(c)


# ---------------- population forecast and register ----------------
def municipal_growth(c):
    """Growth 2016-2040 per municipality (A-FORECAST-MUNI) and the rate of the unnamed ones."""
    old_prov_2019 = sum(v for k2, v in POP_2019.items() if k2 not in NOT_IN_2016_PROVINCE)
    est2016 = {k2: PROV_2016 * v / old_prov_2019 for k2, v in POP_2019.items() if k2 not in NOT_IN_2016_PROVINCE}
    named16 = sum(est2016[k2] for k2 in GROWTH_2016_2040)
    named40 = sum(est2016[k2] * (1 + g) for k2, g in GROWTH_2016_2040.items())
    g_rest = (PROV_2040 - named40) / (PROV_2016 - named16) - 1
    growth = {}
    for n in c.muni_names:
        if n == "Vijfheerenlanden":
            tot19 = sum(POP_2019[p] for p in VHL_PARTS)
            growth[n] = sum(POP_2019[p] * (1 + GROWTH_2016_2040.get(p, g_rest)) for p in VHL_PARTS) / tot19 - 1
        else:
            growth[n] = GROWTH_2016_2040.get(n, g_rest)
    return growth, g_rest


def population_forecast(c):
    """population_forecast.csv: the city's own forecast; the municipalities' 2040 from the 2016 regional one."""
    growth, g_rest = municipal_growth(c)
    rows = []
    for z in ["GM0344"] + c.dcodes:
        vals = UTRECHT_FORECAST if z == "GM0344" else DISTRICT_FORECAST[z]
        for y, v in zip(FORECAST_YEARS, vals):
            rows.append([z, y, v, src("UM-BEVPROGNOSE2021", "A-FORECAST-CONVERGENCE")])
    pv2040 = UTRECHT_FORECAST[-1]
    c.fsrc = src("SVU-PROGNOSE2016", "SVU-POP2019", "PBL-CAVEAT", "CBS-83502NED", "A-FORECAST-MUNI",
                 "A-FORECAST-CONVERGENCE")
    c.muni2040 = {}
    for n in c.muni_names:
        z = MUNICIPALITIES[n]
        p21 = sum(sum(c.pop[z][s]) for s in SEXES)
        p40 = round(p21 * (1 + growth[n]) ** (19 / 24))
        c.muni2040[n] = p40
        pv2040 += p40
        rows.append([z, 2040, p40, c.fsrc])
    rows.append(["PV26", 2040, pv2040, src("UM-BEVPROGNOSE2021", "SVU-PROGNOSE2016", "SVU-POP2019", "PBL-CAVEAT",
                                           "CBS-83502NED", "A-FORECAST-MUNI", "A-FORECAST-CONVERGENCE")])
    write_csv(c.out / "population_forecast.csv", ["zone", "year", "population", "source"], rows)
    say(f"   2016->2040 growth of the unnamed municipalities: {g_rest * 100:.2f}%; Vijfheerenlanden "
        f"{growth['Vijfheerenlanden'] * 100:.2f}%")
    say(f"   PV26 on 1-1-2040: {pv2040} (municipalities {pv2040 - UTRECHT_FORECAST[-1]} + Utrecht city "
        f"{UTRECHT_FORECAST[-1]}) vs PBL/CBS 2016 forecast ~1,440,000 (2016 boundary, without Leerdam and Zederik)")


def population_register(c):
    """population_register.csv: registered populations, for validation only."""
    rows = []
    for y in sorted(UTRECHT_BRP):
        rows.append(["GM0344", y, UTRECHT_BRP[y], src("UM-BEVSAMENSTELLING")])
    for d in c.dcodes:
        rows.append([d, 2023, int(c.kv(2023, c.dlabel[d], "a_inw")), src("CBS-KWB2023")])
        rows.append([d, 2024, int(c.kv(2024, c.dlabel[d], "a_inw")), src("CBS-KWB2024")])
    rows.append(["PV26", 2020, PROVINCE_2020, src("FRWIKI-PROV2020")])
    write_csv(c.out / "population_register.csv", ["zone", "year", "population", "source"], rows)


def population_by_age(c):
    """population_by_age.csv: registered and forecast residents by age group, the alignment's targets."""
    rows = []
    for y in sorted(UTRECHT_BY_AGE):
        for (lo, hi), v in zip(UTRECHT_AGE_GROUPS, UTRECHT_BY_AGE[y]):
            rows.append(["GM0344", y, lo, MAXAGE if hi is None else hi, v, "register",
                         src("UM-BEVSAMENSTELLING", "A-AGE-ALIGNMENT")])
    for d in c.dcodes:
        for y in (2023, 2024):
            for col, lo, hi, _ in KWB_AGE_COLUMNS:
                rows.append([d, y, lo, MAXAGE if hi is None else hi, int(c.kv(y, c.dlabel[d], col)), "register",
                             src(f"CBS-KWB{y}", "A-AGE-ALIGNMENT")])
    rows.append(["GM0344", 2040, 65, MAXAGE, UTRECHT_65PLUS_2040, "forecast",
                 src("UM-PROGNOSE-65PLUS", "A-FORECAST-65PLUS-PATH", "A-AGE-ALIGNMENT")])
    write_csv(c.out / "population_by_age.csv",
              ["zone", "year", "age_from", "age_to", "population", "kind", "source"], rows)
    for y in sorted(UTRECHT_BY_AGE):
        say(f"   Utrecht city 1-1-{y}: age groups sum to {sum(UTRECHT_BY_AGE[y])} (BRP total {UTRECHT_BRP[y]})")


# ---------------- digital skills (uptake of digital interventions) ----------------
def digital_level(lo):
    """Share with basic digital skills from age `lo` (M-CBS-DIGITAL; under 12 A-DIGITAL-EDUCATION)."""
    return 0.0 if lo < 10 else 0.6 if lo < 12 else 0.90 if lo < 25 else 0.88 if lo < 45 else 0.75 if lo < 65 \
        else 0.55 if lo < 75 else 0.30


def digital_skills(c):
    rows = []
    for g in AGE_GROUPS:
        level = digital_level(int(g.rstrip("+").split("-")[0]))
        for e, k in (("low", 0.75), ("middle", 1.0), ("high", 1.1)):
            rows.append([g, e, f"{min(0.98, level * k):.3f}", src("M-CBS-DIGITAL", "A-DIGITAL-EDUCATION")])
    write_csv(c.out / "digital_skills.csv", ["age_group", "education", "share", "source"], rows)


# ---------------- consumer prices (docs/research/price_years.md) ----------------
# CBS-CPI-2023: the yearly change of the CPI (all households), percent, by year. The model indexes every euro
# amount from its source's price year to one year with these (sim/model/prices.hpp).
CPI_CHANGE_PERCENT = {2005: 1.7, 2006: 1.1, 2007: 1.6, 2008: 2.5, 2009: 1.2, 2010: 1.3, 2011: 2.3, 2012: 2.5,
                      2013: 2.5, 2014: 1.0, 2015: 0.6, 2016: 0.3, 2017: 1.4, 2018: 1.7, 2019: 2.6, 2020: 1.3,
                      2021: 2.7, 2022: 10.0, 2023: 3.8}


def consumer_prices(c):
    rows = [[y, fmt(v), src("CBS-CPI-2023")] for y, v in sorted(CPI_CHANGE_PERCENT.items())]
    write_csv(c.out / "consumer_prices.csv", ["year", "change_percent", "source"], rows)


# ---------------- validation targets (hhu validate) ----------------
# Published figures the baseline must reproduce, with the tolerance we hold it to. The model reads
# none of these values, except the forecasts, which it is aligned to after 2023 (so their check
# shows how well the alignment holds, not an independent validation).
def register_targets(c):
    """Back-cast targets: registered populations, births and deaths."""
    trows = []
    for y in (2022, 2023, 2024):
        trows.append(["population", "GM0344", y, "all", UTRECHT_BRP[y], 0.015, "relative",
                      src("UM-BEVSAMENSTELLING"), "back-cast: registered 1 January population of Utrecht city"])
    for d in c.dcodes:
        trows.append(["population", d, 2024, "all", int(c.kv(2024, c.dlabel[d], "a_inw")), 0.05, "relative",
                      src("CBS-KWB2024", "A-BACKCAST-DISTRICTS"),
                      "back-cast: district on 1 January 2024 (KWB 2024; the back-cast aligns the districts to it)"])
    for y in sorted(UTRECHT_BY_AGE):
        trows.append(["population_65plus", "GM0344", y, "all", UTRECHT_BY_AGE[y][-1], 0.02, "relative",
                      src("UM-BEVSAMENSTELLING"), "back-cast: registered residents 65+ of Utrecht city (aligned to)"])
    for y in (2023, 2024):
        for z, label, tol in [("GM0344", "Utrecht", 0.02)] + [(d, c.dlabel[d], 0.05) for d in c.dcodes]:
            for col, lo, hi, name in KWB_AGE_COLUMNS:
                trows.append([name, z, y, "all", int(c.kv(y, label, col)), tol, "relative", src(f"CBS-KWB{y}"),
                              f"back-cast: registered residents aged {lo}{'+' if hi is None else '-' + str(hi)} on "
                              f"1 January {y} (KWB {y}; the districts are aligned to it)"])
    for y in (2021, 2022):
        # A year's count is random twice over: in the register and in the simulation. Three standard
        # deviations of the difference of two Poisson counts of about n: 3 sqrt(2 n) / n.
        for kind, n in (("births", UTRECHT_FLOWS[y][0]), ("deaths", UTRECHT_FLOWS[y][1])):
            tol = math.ceil(300 * math.sqrt(2 * n) / n) / 100
            trows.append([kind, "GM0344", y, "all", n, tol, "relative", src("UM-BEVONTWIKKELING"),
                          f"registered {kind} in Utrecht city; {100 * tol:.0f}% allows three standard deviations of "
                          f"the difference of two Poisson counts of ~{n:,} (the register's year and the simulation's)"])
    return trows


def forecast_targets(c):
    """Life expectancy and the population forecasts (the latter aligned to, so they check the alignment)."""
    trows = []
    for sex in ("male", "female"):
        trows.append(["life_expectancy", "PV26", 2022, sex, LE_2022[sex][0], 0.75, "absolute",
                      src("VZINFO-LE2022"), "national period life expectancy; the province is expected within 0.75 y"])
    for sex, e0 in (("male", E0_2040_MALE), ("female", E0_2040_FEMALE)):
        trows.append(["life_expectancy", "PV26", 2040, sex, e0, 0.75, "absolute",
                      src("CBS-84647NED", "CBS-83598NED", "A-E0-2040-SEX"),
                      "CBS forecast for the Netherlands (2019 level, 2016 sex gap, A-E0-2040-SEX); the province is "
                      "expected within 0.75 y"])
    for z in c.dcodes:
        for y, v in zip(FORECAST_YEARS, DISTRICT_FORECAST[z]):
            if y >= 2030:  # the 2025 anchor of the 2021 prognosis was overtaken by the register by 2024
                trows.append(["population", z, y, "all", v, 0.015, "relative", src("UM-BEVPROGNOSE2021"),
                              "district forecast (aligned to after 2023, returning to its path from the 2024 "
                              "back-cast with a 2-year time constant)"])
    for y, v in zip(FORECAST_YEARS, UTRECHT_FORECAST):
        if y >= 2030:
            trows.append(["population", "GM0344", y, "all", v, 0.01, "relative", src("UM-BEVPROGNOSE2021"),
                          "city forecast (sum of the aligned districts)"])
    trows.append(["population_65plus", "GM0344", 2040, "all", UTRECHT_65PLUS_2040, 0.03, "relative",
                  src("UM-PROGNOSE-65PLUS"), "municipal forecast of residents 65+ (aligned to, A-FORECAST-65PLUS-PATH)"])
    for n in c.muni_names:
        trows.append(["population", MUNICIPALITIES[n], 2040, "all", c.muni2040[n], 0.01, "relative", c.fsrc,
                      "municipal 2040 population from the 2016 regional forecast (aligned to)"])
    return trows


def demography_targets(c):
    """targets/demography.csv."""
    (c.out / "targets").mkdir(exist_ok=True)
    write_csv(c.out / "targets" / "demography.csv",
              ["indicator", "zone", "year", "sex", "value", "tolerance", "tolerance_kind", "source", "note"],
              register_targets(c) + forecast_targets(c))


# ---------------- 7. education ----------------
def logodds(t):
    """(low vs middle, high vs middle) log-odds of a (low, middle, high) distribution."""
    lo, mi, hi = t
    return (math.log(lo / mi), math.log(hi / mi))


def from_lo(ll, lh):
    """The (low, middle, high) distribution of two log-odds against middle."""
    a, c = math.exp(ll), math.exp(lh)
    s = 1 + a + c
    return (a / s, 1 / s, c / s)


def band_idx(g):
    """5-year group -> band of the education age pattern (25, 35, ..., 75); None under 25."""
    age = 5 * g
    if age < 25:
        return None
    return min(75, 25 + 10 * ((age - 25) // 10))


class NationalEducation:
    """The national age-sex education pattern (M-EDUC-AGE) shifted in log-odds, per sex for low and in common for
    high, so that with the weights `pop` (sex -> group counts) 25+ has the national shares (A-EDUC-CALIBRATION)."""

    def __init__(self, pop):
        self.pop = pop
        self.nat_lo = {s: {bnd: logodds(v) for bnd, v in EDU_AGE_PATTERN[s].items()} for s in SEXES}
        self.sh_low = {s: 0.0 for s in SEXES}
        self.sh_high = 0.0
        self.target = [v / sum(EDU_NL_25PLUS_2023) for v in EDU_NL_25PLUS_2023]
        for _ in range(500):
            res, tot = self.totals()
            for s in SEXES:
                cur = res[s][0][0]
                t_ = EDU_NL_25PLUS_LOW_BY_SEX[s] / 100.0
                self.sh_low[s] += math.log(t_ / (1 - t_)) - math.log(cur / (1 - cur))
            res, tot = self.totals()
            self.sh_high += math.log(self.target[2] / (1 - self.target[2])) - math.log(tot[2] / (1 - tot[2]))

    def share(self, s, g, z_shift=(0.0, 0.0)):
        """(low, middle, high) of sex s in group g (25+), with a zone's log-odds shift."""
        ll, lh = self.nat_lo[s][band_idx(g)]
        return from_lo(ll + self.sh_low[s] + z_shift[0], lh + self.sh_high + z_shift[1])

    def totals(self):
        """Per sex ((low, middle, high) of 25+, persons 25+) and the (low, middle, high) of both sexes."""
        res = {}
        for s in SEXES:
            wsum = [0.0, 0.0, 0.0]
            n_ = 0.0
            for g in range(5, NG):
                sh = self.share(s, g)
                for i in range(3):
                    wsum[i] += sh[i] * self.pop[s][g]
                n_ += self.pop[s][g]
            res[s] = ([v / n_ for v in wsum], n_)
        tot = [(res["male"][0][i] * res["male"][1] + res["female"][0][i] * res["female"][1]) /
               (res["male"][1] + res["female"][1]) for i in range(3)]
        return res, tot


def municipal_education_shifts(c):
    """Log-odds shift per municipality from the CBS 2024 and 2022 15-75 figures (A-EDUC-ZONE, A-EDUC-REST)."""
    pvv, pvn = EDU_2024["PV"]
    named = [k2 for k2 in EDU_2024 if k2 != "PV"]
    rest_n = pvn - sum(EDU_2024[k2][1] for k2 in named)
    rest_v = tuple((pvv[i] * pvn - sum(EDU_2024[k2][0][i] * EDU_2024[k2][1] for k2 in named)) / rest_n
                   for i in range(3))
    lo_pv24 = logodds(pvv)
    lo_pv22 = logodds(EDU_PV_2022)
    lo_nl22 = logodds(EDU_NL_2022)

    def zone_shift(v):
        lz = logodds(v)
        return tuple(lz[i] - lo_pv24[i] + lo_pv22[i] - lo_nl22[i] for i in range(2))

    shift = {}
    for n in c.muni_names:
        shift[MUNICIPALITIES[n]] = zone_shift(EDU_2024[n][0] if n in EDU_2024 else rest_v)
    say(f"   rest of province 2024 (15-75, n={rest_n}): low/mid/high {rest_v[0]:.1f}/{rest_v[1]:.1f}/"
        f"{rest_v[2]:.1f}")
    return shift, zone_shift(EDU_2024["Utrecht"][0])


def district_education_index(c):
    """Mean log ratio to the city of the housing-corporation and non-European-origin shares (A-EDUC-DISTRICT)."""
    c_corp = c.kv(2023, "Utrecht", "p_wcorpw")
    c_neu = c.kv(2023, "Utrecht", "a_neu_al") / c.kv(2023, "Utrecht", "a_inw")
    idx = {}
    for d in c.dcodes:
        corp = c.kv(2023, c.dlabel[d], "p_wcorpw")
        neu = c.kv(2023, c.dlabel[d], "a_neu_al") / c.kv(2023, c.dlabel[d], "a_inw")
        idx[d] = 0.5 * (math.log(corp / c_corp) + math.log(neu / c_neu))
    return idx


def education_mix(c, nat, zshifts, zones, groups):
    """(low, middle, high) of the residents of `zones` in `groups` (both sexes)."""
    acc = [0.0, 0.0, 0.0]
    n_ = 0.0
    for z in zones:
        for s in SEXES:
            for g in groups:
                sh = nat.share(s, g, zshifts[z])
                for i in range(3):
                    acc[i] += sh[i] * c.pop[z][s][g]
                n_ += c.pop[z][s][g]
    return [v / n_ for v in acc]


def district_education_shifts(c, nat, city_shift, idx):
    """The city's shift plus the elasticity x index, re-centred so the city's 25-74 mix is unchanged."""
    target_city = education_mix(c, nat, {d: city_shift for d in c.dcodes}, c.dcodes, range(5, 15))
    cen = [0.0, 0.0]
    k_el = EDU_DISTRICT_ELASTICITY

    def shifts():
        return {d: (city_shift[0] + k_el * idx[d] + cen[0], city_shift[1] - k_el * idx[d] + cen[1]) for d in c.dcodes}

    for _ in range(200):
        cur = education_mix(c, nat, shifts(), c.dcodes, range(5, 15))
        cen[0] += math.log(target_city[0] / target_city[1]) - math.log(cur[0] / cur[1])
        cen[1] += math.log(target_city[2] / target_city[1]) - math.log(cur[2] / cur[1])
    return shifts()


def education_source_ids(c, z):
    if z.startswith("WK"):
        return ["M-EDUC-AGE", "VZINFO-EDUC2023", "CBS-85525NED", "CBS-KWB2023", "A-EDUC-CALIBRATION",
                "A-EDUC-ZONE", "A-EDUC-DISTRICT"]
    ids = ["M-EDUC-AGE", "VZINFO-EDUC2023", "CBS-85525NED", "A-EDUC-CALIBRATION", "A-EDUC-ZONE"]
    if c.zone_name[z] not in EDU_2024:
        ids.append("A-EDUC-REST")
    return ids


def education(c):
    """education.csv: share low/middle/high per zone x sex x age group."""
    nat = NationalEducation(c.prov_pop)
    res, tot = nat.totals()
    tgt = nat.target
    say("== Education ==")
    say(f"   national calibration: shifts low m {nat.sh_low['male']:+.3f} f {nat.sh_low['female']:+.3f}, high "
        f"{nat.sh_high:+.3f}; 25+ low/mid/high {tot[0] * 100:.1f}/{tot[1] * 100:.1f}/{tot[2] * 100:.1f} "
        f"(target {tgt[0] * 100:.1f}/{tgt[1] * 100:.1f}/{tgt[2] * 100:.1f}); low m {res['male'][0][0] * 100:.1f} "
        f"f {res['female'][0][0] * 100:.1f}")
    shift, city_shift = municipal_education_shifts(c)
    idx = district_education_index(c)
    shift.update(district_education_shifts(c, nat, city_shift, idx))
    rows = []
    for z in c.zone_codes:
        young = education_mix(c, nat, shift, [z], range(5, 9))  # under 25: the zone's 25-44 (A-EDUC-UNDER25)
        zsrc = education_source_ids(c, z)
        for s in SEXES:
            for g, ag in enumerate(AGE_GROUPS):
                if g < 5:
                    sh = young
                    ids = zsrc + ["A-EDUC-UNDER25"]
                else:
                    sh = nat.share(s, g, shift[z])
                    ids = zsrc
                u = shares_to_units(sh)
                rows.append([z, s, ag] + [fmt_fixed(v / 10000, 4) for v in u] + [src(*ids)])
    write_csv(c.out / "education.csv", ["zone", "sex", "age_group", "low", "middle", "high", "source"], rows)
    say("   modelled 25-74 low/mid/high by zone (%):")
    for z in c.zone_codes:
        e = education_mix(c, nat, shift, [z], range(5, 15))
        extra = f"  index {idx[z]:+.3f}" if z in idx else ""
        say(f"     {c.zone_name[z]:20s} {e[0] * 100:5.1f} {e[1] * 100:5.1f} {e[2] * 100:5.1f}{extra}")


# ---------------- 8. households ----------------
MIDS = [5 * g + 2.5 for g in range(NG - 1)] + [97.5]  # group midpoints
INST_GROUPS = list(range(11, NG))  # 55-59 ...


def inst_rates(cm, cf, b):
    """Share in institutions c_sex x exp(b (age - 90)) from 55 (A-HH-INSTITUTION)."""
    r = {}
    for s, c in (("male", cm), ("female", cf)):
        r[s] = [0.0] * NG
        for g in INST_GROUPS:
            r[s][g] = min(0.95, c * math.exp(b * (MIDS[g] - 90.0)))
    return r


def inst_stats(r, prov_pop):
    """(share of 55+ in institutions, share of them 90+, share of them women)."""
    tot = sum(r[s][g] * prov_pop[s][g] for s in SEXES for g in INST_GROUPS)
    p55 = sum(prov_pop[s][g] for s in SEXES for g in INST_GROUPS)
    old = sum(r[s][g] * prov_pop[s][g] for s in SEXES for g in (18, 19))
    fem = sum(r["female"][g] * prov_pop["female"][g] for g in INST_GROUPS)
    return tot / p55, old / tot, fem / tot


def fit_institutions(prov_pop):
    """c_male, c_female and b fitted to 2% of 55+, 30% of them 90+ and 75% women; the rates by sex and group."""
    def solve_for_b(b):
        # ratio cf/cm for female share, then level for 2% of 55+
        def fem_err(lnr):
            return inst_stats(inst_rates(0.1, 0.1 * math.exp(lnr), b), prov_pop)[2] - INST_SHARE_FEMALE
        lnr = bisect(fem_err, -5, 5, tol=1e-12)
        ratio = math.exp(lnr)

        def lvl_err(lnc):
            return inst_stats(inst_rates(math.exp(lnc), math.exp(lnc) * ratio, b), prov_pop)[0] - INST_55PLUS
        c = math.exp(bisect(lvl_err, -15, 0, tol=1e-12))
        return c, c * ratio

    b_inst = bisect(lambda b: inst_stats(inst_rates(*solve_for_b(b), b), prov_pop)[1] - INST_SHARE_90PLUS, 0.02, 0.4,
                    tol=1e-10)
    cm, cf = solve_for_b(b_inst)
    inst = inst_rates(cm, cf, b_inst)
    s55, s90, sfem = inst_stats(inst, prov_pop)
    i80 = (sum(inst[s][g] * prov_pop[s][g] for s in SEXES for g in range(16, NG))
           / sum(prov_pop[s][g] for s in SEXES for g in range(16, NG)))
    say("== Households ==")
    say(f"   institutions: b={b_inst:.4f} c_male={cm:.4f} c_female={cf:.4f}; 55+ {s55 * 100:.2f}%, 90+ share "
        f"{s90 * 100:.1f}%, female share {sfem * 100:.1f}%; implied 80+ share {i80 * 100:.1f}% "
        f"(CBS 2010: {INST_80PLUS_2010 * 100:.0f}%)")
    return inst


def household_pattern():
    """A-HH-PATTERN as shares (alone, couple, parent, child) per sex and group; each row sums to 1."""
    pat = {s: [[v / 100.0 for v in row] for row in HH_PATTERN[s]] for s in SEXES}
    for s in SEXES:
        for g in range(NG):
            if abs(sum(pat[s][g]) - 1.0) > 1e-9:
                raise ValueError(f"HH_PATTERN {s} {AGE_GROUPS[g]} does not sum to 100")
    return pat


def district_households(c, z, priv, pat):
    """Persons (alone, couple, parent, child) per sex x group of district z: the pattern fitted by IPF to the KWB
    2023 totals (A-HH-DISTRICT). Returns the fit and the district's line of the printed check."""
    lab = c.dlabel[z]
    ainw = c.kv(2023, lab, "a_inw")
    ptot = sum(sum(c.pop[z][s]) for s in SEXES)
    alone = c.kv(2023, lab, "a_1p_hh") / ainw * ptot
    couple = 2 * c.kv(2023, lab, "a_hh_z_k") / ainw * ptot
    privtot = sum(sum(priv[s]) for s in SEXES)
    family = privtot - alone - couple  # parents + children in households with children
    seed = []
    rowt = []
    for s in SEXES:
        for g in range(NG):
            pv = pat[s][g]
            seed.append([priv[s][g] * pv[0], priv[s][g] * pv[1], priv[s][g] * (pv[2] + pv[3])])
            rowt.append(priv[s][g])
    fit3 = ipf2(seed, rowt, [alone, couple, family])
    fit = []
    k = 0
    for s in SEXES:
        for g in range(NG):
            pv = pat[s][g]
            pshare = pv[2] / (pv[2] + pv[3]) if pv[2] + pv[3] > 0 else 0.0
            a_, c_, f_ = fit3[k]
            fit.append([a_, c_, f_ * pshare, f_ * (1 - pshare)])
            k += 1
    parent = sum(r[2] for r in fit)
    child = sum(r[3] for r in fit)
    exp_fam = sum(priv[s][g] * (pat[s][g][2] + pat[s][g][3]) for s in SEXES for g in range(NG))
    line = (alone, couple, parent, child, family, exp_fam,
            ADULTS_PER_HH_WITH_KIDS * c.kv(2023, lab, "a_hh_m_k") / ainw * ptot)
    return fit, line


def households(c):
    """household.csv: share alone/couple/parent/child/institution per zone x sex x age group."""
    inst = fit_institutions(c.prov_pop)
    pat = household_pattern()
    hh_rows = []
    hh_print = {}
    for z in c.zone_codes:
        priv = {s: [c.pop[z][s][g] * (1 - inst[s][g]) for g in range(NG)] for s in SEXES}
        if z.startswith("WK"):
            fit, hh_print[z] = district_households(c, z, priv, pat)
            zsrc = src("CBS-KWB2023", "A-HH-PATTERN", "A-HH-MAPPING", "A-HH-DISTRICT",
                       "TROUW-2017-INST", "A-HH-INSTITUTION")
        else:
            fit = [[priv[s][g] * v for v in pat[s][g]] for s in SEXES for g in range(NG)]
            zsrc = src("A-HH-PATTERN", "A-HH-MAPPING", "A-HH-MUNI", "TROUW-2017-INST", "A-HH-INSTITUTION")
        k = 0
        for s in SEXES:
            for g, ag in enumerate(AGE_GROUPS):
                n_ = c.pop[z][s][g]
                if n_ > 0:
                    vals = [v / n_ for v in fit[k]] + [inst[s][g]]
                else:  # empty cell: use the pattern
                    vals = [v * (1 - inst[s][g]) for v in pat[s][g]] + [inst[s][g]]
                u = shares_to_units(vals)
                hh_rows.append([z, s, ag] + [fmt_fixed(v / 10000, 4) for v in u] + [zsrc])
                k += 1
    write_csv(c.out / "household.csv", ["zone", "sex", "age_group", "alone", "couple", "parent", "child",
                                         "institution", "source"], hh_rows)
    print_households(c, hh_print)


def print_households(c, hh_print):
    say("   Utrecht districts, persons (2021 population; KWB 2023 shares): alone couple parent child | family "
        "total (pattern-expected) | parents if 1.779 adults per household with children")
    tots = [0.0] * 4
    for d in c.dcodes:
        a_, c_, p_, ch_, fam, efam, p179 = hh_print[d]
        for i, v in enumerate((a_, c_, p_, ch_)):
            tots[i] += v
        say(f"     {c.dname[d]:18s} {a_:8.0f} {c_:8.0f} {p_:8.0f} {ch_:8.0f} | {fam:8.0f} ({efam:8.0f}) | {p179:8.0f}")
    hh21 = UTRECHT_HH[2021]
    say(f"     {'city':18s} {tots[0]:8.0f} {tots[1]:8.0f} {tots[2]:8.0f} {tots[3]:8.0f}")
    say(f"   A4 2021 check: single-person households {hh21[1]}, persons in couples without kids "
        f"{2 * hh21[2]}, parents {2 * hh21[3] + hh21[4]} (couples with kids x 2 + single parents)")


# ---------------- sources.csv ----------------
def sources_table(out):
    write_sources(out / "sources.csv", SOURCES, ASSUMPTIONS, "hhu (this build)")
    unused = src.unused(CHECK_ONLY_SOURCES)
    if unused:
        die(f"sources defined but cited by no row: {', '.join(unused)}")


TABLE_DOCS = [  # (file, columns, what a row holds, derivation and sources) for README.md
    ("sources.csv", "id,publisher,title,table,year,url,confidence,notes",
     "Every source id used in the `source` columns: publications (with confidence C, C-x, C-2 or M) and "
     "assumptions (confidence ASSUMPTION, reason in notes).",
     "figures.md; this build's look-ups; the build's own assumptions."),
    ("zones.csv", "code,name,municipality_code,municipality,u10,u16,lat,lon,source",
     "The 35 zones: the 25 municipalities in alphabetical order of name, then the 10 Utrecht districts "
     "(West, Noordwest, Overvecht, Noordoost, Oost, Binnenstad, Zuid, Zuidwest, Leidsche Rijn, "
     "Vleuten-De Meern). u10/u16 = 1 when the zone belongs to the U10/U16 region (districts: both). lat/lon "
     "approximate centroid, WGS84 degrees.",
     "Codes CBS-GEMINDELING-2021 (M: from the brief, cross-checked against a third-party list) and the "
     "KWB wijk numbering (CBS-KWB2023); U10/U16 from PROV-U10U16; centroids A-CENTROIDS."),
    ("population_2021.csv", "zone,sex,age_group,count,source",
     "Residents on 1 January 2021, integers, 35 zones x 2 sexes x 20 groups.",
     "Municipalities: the male and female columns of CBS 83502NED summed over postcode areas "
     "(CBS-83502NED, C-x). Districts: the city's 5-year x sex counts (CBS-83502NED) scaled to the BRP total "
     "359,355 (UM-BEVSAMENSTELLING) and rounded by largest remainder; district totals 2021 = 2 x P(1-1-2022, "
     "BRP, UM-BEVPROGNOSE2021) - P(1-1-2023, KWB), scaled to 359,355; three-way IPF (seed: the city's "
     "profile; margins: city sex x age, district x broad band, district x sex with the 2023 KWB shares made "
     "consistent with the city margins by 2-way IPF); then each sex x age cell is rounded over the districts "
     "by largest remainder so the districts add up exactly to the city cell."),
    ("mortality.csv", "year,sex,age,rate,source",
     "Annual central death rate m(x), single ages 0..105 (105 = 105+), years 2021-2040, national.",
     "Age pattern (A-MORT-PATTERN): m(0) from the infant mortality rate (3.2 per 1000 in 2022, "
     "STAATVENZ-IMR2022, split boys 3.5 / girls 2.9, A-IMR-SEX) with a_0 = 0.1; ages 1+: "
     "a1*exp(-b1 x) + a2 + h*exp(-((x-c)/w)^2) + A*exp(B x); fixed parts: men a1=0.0008, b1=1.2, "
     "a2=0.00006, h=0.00035, c=22, w=7; women a1=0.0007, b1=1.2, a2=0.00005, h=0.0001, c=22, w=7; the "
     "Gompertz A, B fitted per sex to e0 and e65 of 2022 (VZINFO-LE2022: men 80.1/19.0, women 83.1/21.2). "
     "Life table: a_x = 0.5 (x >= 1), a_0 = 0.1, q = m/(1+(1-a)m), open interval L = l/m (A-MORT-A0). "
     "2021 = 2022 (A-MORT-2021). 2023-2040: m(y) = m(2022) exp(-r (y-2022)) with r per sex solved so that "
     "e0(2040) = 83.84 for men and 87.02 for women (85.43 for both, CBS-84647NED, with the 2016 edition's sex gap "
     "of 3.18 years, CBS-83598NED: A-E0-2040-SEX) (A-MORT-IMPROVEMENT). Rates written with 6 significant digits; the build re-reads "
     "the file and checks e0/e65 (see Checks)."),
    ("fertility.csv", "year,age,rate,source",
     "Births per woman per year by single age of mother 15..49, years 2021-2040, national.",
     "Shape (A-FERT-SHAPE): gamma density of (age + 0.5 - 14) with mean age 31.8 (M-MEANAGE-BIRTH) and "
     "sd 5.0, normalised to 1 over 15-49. Level: TFR 2021 1.62 (M-TFR2021), 2022 1.49 (NIEUWS-TFR2022, C-2), "
     "2023 1.433, 2030 1.491, 2040 1.634 (CBS-85747NED), linear in between (A-TFR-PATH)."),
    ("births_sex_ratio.csv", "male_share,source", "Share of boys among births: 0.513.",
     "A-SEXRATIO (the usual 105-106 boys per 100 girls, M)."),
    ("zone_factors.csv", "zone,mortality_hr,fertility_factor,source",
     "Per zone: hazard ratio on the national death rates and factor on the national fertility rates.",
     "Districts: fertility_factor = KWB births in 2022 (a_geb, CBS-KWB2023) / expected births (2022 national "
     "rates x the district's women by single age from population_2021, uniform within groups); mortality_hr "
     "= KWB deaths in 2022 (a_ste) / expected deaths (2022 national rates x population by age and sex); no "
     "smoothing (A-ZONE-FACTOR-DENOM); both then scaled by one city-wide factor each so that the city's "
     "expected births and deaths of 2021-2022 equal the register's (A-CITY-CALIBRATION). Municipalities: mortality_hr from the CBS 2012 municipal life "
     "expectancy where available (Baarn, Bunnik, Montfoort, Renswoude, Zeist; SVU-GEZONDHEID-LE) by "
     "ln HR = -(e0 - 81.1)/(81.1 H), H = Keyfitz entropy of the national 2022 table (A-LE-HR-RULE); De Bilt "
     "from its 2016 crude death rate (AD-2017, A-CDR-HR); fertility_factor of Utrechtse Heuvelrug from its "
     "2016 crude birth rate (AD-2017, A-CBR-FF); all others 1.0 (A-ZONE-DEFAULT)."),
    ("migration_age_profile.csv", "sex,age,relative_rate,source",
     "Relative out-migration hazard by sex and single age (multiplies a zone's out_rate); population-weighted "
     "mean over the province's 1-1-2021 population = 1.0.",
     "Rogers-Castro schedule (A-ROGERS-CASTRO): a1 = 0.02, alpha1 = alpha2 = 0.10 (children move with their "
     "parents), a2 = 0.06, lambda2 = 0.40, c = 0.003, mu2 = 21.0 (men) / 19.5 (women), i.e. a labour peak at "
     "about 24 (men) and 23 (women); weights from population_2021 spread uniformly within groups "
     "(A-UNIFORM-AGE)."),
    ("zone_migration.csv", "zone,out_rate,internal_share,source",
     "Per zone: annual hazard of leaving the zone (before the age profile) and the share of leavers who move "
     "to another zone of the province (the rest leave the province).",
     "Districts: Utrecht city's (domestic out 26,230 + emigration 4,134) / 359,355 in 2021 "
     "(UM-BEVONTWIKKELING, UM-BEVSAMENSTELLING) = 0.0845 for every district (A-OUTRATE-DISTRICTS); "
     "internal_share = 0.45 x 26,230 / 30,364 = 0.389 (A-INTERNAL-SHARE). Municipalities: out_rate 0.05 "
     "(A-OUTRATE-MUNI, M), internal_share 0.5 (A-INTERNAL-SHARE)."),
    ("immigrant_profile.csv", "sex,age,share,share_utrecht_city,source",
     "Age-sex distribution of residents arriving in a zone from outside the province: share for the "
     "municipalities, share_utrecht_city for Utrecht city's districts; each column sums to exactly 1 over "
     "both sexes and ages 0..105.",
     "The Rogers-Castro schedule times the province's 1-1-2021 age-sex structure, normalised "
     "(A-IMMIGRANT-PROFILE); for the city reweighted to 75% aged 18-34 (UM-WONEN-VERHUIZINGEN, A-ARRIVALS-CITY). "
     "The yearly alignment by age group (A-AGE-ALIGNMENT) adjusts both where population_by_age.csv has a target."),
    ("population_by_age.csv", "zone,year,age_from,age_to,population,kind,source",
     "Residents by age group (ages inclusive; 105 = open-ended) on 1 January: the targets of the yearly "
     "alignment of migration by age (A-AGE-ALIGNMENT). A zone-year with groups covering all ages is aligned to "
     "their shares; one with only some groups (the city's 65+ in 2040) to those groups' shares of the forecast "
     "total; between a last register year and a forecast year the shares of the groups both have move linearly.",
     "Utrecht city 2022-2024 in the municipality's groups (UM-BEVSAMENSTELLING, C); the districts 2023 and 2024 "
     "in the KWB groups (CBS-KWB2023, CBS-KWB2024, C-x); the city's 65+ in 2040, about 61,000 "
     "(UM-PROGNOSE-65PLUS, C; A-FORECAST-65PLUS-PATH). No register figures by age for the other municipalities "
     "after 2021 are in the research files, so they are not aligned by age."),
    ("migration_register.csv",
     "zone,year,in_domestic,in_international,out_domestic,out_international,admin_correction,source",
     "Registered migration of Utrecht city (GM0344) 2018-2023, for alignment and validation.",
     "2018-2022 BRP (UM-BEVONTWIKKELING, C). 2023: CBS provisional January-November counts (DUIC-2024-01, "
     "C-2) x 12/11; admin_correction 0 because the Jan-Nov components add up to the reported growth "
     "(A-REGISTER-2023)."),
    ("population_forecast.csv", "zone,year,population,source",
     "Population on 1 January of forecast anchor years: districts and GM0344 for 2022 (BRP), 2025, 2030, "
     "2035, 2040; the other municipalities and PV26 (province) for 2040.",
     "Districts and city: gemeente Utrecht Bevolkingsprognose 2021 (UM-BEVPROGNOSE2021, C). Municipalities: "
     "PBL/CBS regional forecast 2016 growth 2016-2040 (SVU-PROGNOSE2016) applied as a geometric rate to the "
     "2021 base: pop2040 = pop2021 x (1+g)^(19/24) (A-FORECAST-MUNI). PV26 = the 25 municipalities + "
     "Utrecht city's 474,173."),
    ("population_register.csv", "zone,year,population,source",
     "Registered populations for validation only (not used by the model): GM0344 on 1-1-2018..2024, the "
     "districts on 1-1-2023 and 1-1-2024, PV26 on 1-1-2020.",
     "UM-BEVSAMENSTELLING (C), CBS-KWB2023 / CBS-KWB2024 a_inw (C-x), FRWIKI-PROV2020 (C-2)."),
    ("consumer_prices.csv", "year,change_percent,source",
     "The yearly change of the consumer price index (CPI, all households) in percent, 2005-2023.",
     "CBS-CPI-2023. The model chains the changes to an index with 2023 = 1 (so 2004 is the earliest price year it "
     "can index from) and states every euro amount in 2023 prices: an amount of price year y is multiplied by "
     "the product of (1 + change/100) over the years after y up to 2023 (docs/research/price_years.md)."),
    ("digital_skills.csv", "age_group,education,share,source",
     "Share with at least basic digital skills by age group and education; scales the uptake of digital "
     "interventions (connected health).", "M-CBS-DIGITAL (M), A-DIGITAL-EDUCATION."),
    ("indicators.csv", "name,unit,population,definition",
     "Every indicator hhu writes: written by `hhu indicators` from the library's catalogue (a test keeps the two "
     "in step).", "the model's own definitions."),
    ("targets/demography.csv", "indicator,zone,year,sex,value,tolerance,tolerance_kind,source,note",
     "Published figures `hhu validate` compares the baseline with: Utrecht city's registered population "
     "1-1-2022..2024 (the back-cast, 1.5%), the districts on 1-1-2024 (5%; aligned to), the city's registered births and "
     "deaths 2021-2022 (5% / 7.5%), national life expectancy 2022 and the CBS forecast for 2040 (0.75 y), "
     "the district forecasts 2030-2040 (1.5%) and the municipal 2040 forecasts (1%); residents by age band: the "
     "city's 65+ 1-1-2022..2024 (2%) and the city's and districts' KWB age groups 1-1-2023 and 2024 (2% / 5%), "
     "the city's 65+ forecast for 2040 (3%). The model is aligned to "
     "the forecasts after 2023, so those rows check the alignment; the rest are independent of the model's "
     "inputs except as noted in each row.",
     "UM-BEVSAMENSTELLING, CBS-KWB2024, UM-BEVONTWIKKELING, VZINFO-LE2022, CBS-84647NED, CBS-83598NED, "
     "UM-BEVPROGNOSE2021, SVU-PROGNOSE2016 (via population_forecast.csv), CBS-KWB2023, UM-PROGNOSE-65PLUS; the "
     "age-band rows are aligned to (population_by_age.csv), so they check the alignment."),
    ("education.csv", "zone,sex,age_group,low,middle,high,source",
     "Share of residents by highest attained education (low = basisonderwijs, vmbo, havo/vwo lower years, "
     "mbo1; middle = havo/vwo, mbo2-4; high = hbo, wo), per zone x sex x age group, rows sum to 1. "
     "Ages 0-24: the education of the household the person grows up in (the zone's 25-44-year-olds).",
     "National age-sex pattern (M-EDUC-AGE, M) calibrated in log-odds to the national 25+ shares of 2023 "
     "(VZINFO-EDUC2023) with the province's age structure as weights (A-EDUC-CALIBRATION); per zone a "
     "constant log-odds shift from CBS 85525NED 15-75 figures (A-EDUC-ZONE): Utrecht city, Stichtse Vecht, "
     "Utrechtse Heuvelrug own values, other municipalities the rest of the province (A-EDUC-REST); districts: "
     "the city's shift plus 0.75 x an index of housing-corporation share and non-European-origin share "
     "(CBS-KWB2023), re-centred on the city (A-EDUC-DISTRICT); under 25 A-EDUC-UNDER25."),
    ("geo/utrecht_municipalities_2021.geojson", "GeoJSON properties statcode, statnaam",
     "The real outlines of the 26 municipalities (WGS84, one Polygon each, counter-clockwise): the viewer's map "
     "and the report's. Utrecht city's 10 districts have no outline here; they are drawn as schematic cells "
     "inside GM0344.", "CBS-KADASTER-GEM2021 (C-x), copied byte for byte after checking its 26 codes."),
    ("household.csv", "zone,sex,age_group,alone,couple,parent,child,institution,source",
     "Share of residents by household position, per zone x sex x age group, rows sum to 1: alone "
     "(one-person household; also other multi-person households), couple (couple without children at "
     "home), parent (adult living with own children, couple or single parent), child (living as a child in "
     "a parental household), institution (institutional household, e.g. nursing home).",
     "Institution: c_sex x exp(b (age-90)) from age 55, fitted to 2% of 55+, 30% of them 90+, 75% women "
     "(TROUW-2017-INST; A-HH-INSTITUTION). Private households: an age-sex pattern (A-HH-PATTERN, M; values "
     "below). Districts: IPF of that pattern to the district's age-sex private population and the KWB 2023 "
     "person totals alone = a_1p_hh, couple = 2 x a_hh_z_k, family (parents + children) = the rest, as "
     "shares of a_inw applied to the 2021 population; family split into parent and child by the pattern's "
     "ratio in each row (A-HH-MAPPING, A-HH-DISTRICT). Municipalities: the pattern (A-HH-MUNI)."),
]


def write_readme(out):
    """data/README.md: tables, derivations, sources, assumptions, and the checks of this build."""
    conf = {sid: c for sid, _, _, _, _, _, c, _ in SOURCES}
    m_ids = [sid for sid, c in conf.items() if c == "M"]
    m_assump = [aid for aid, _, reason in ASSUMPTIONS if "(M)" in reason or ", M)" in reason or "remembered" in reason]
    a = Readme()
    a("# hhu input data")
    a("")
    a("Generated by `python3 tools/build_data.py` (Python 3 standard library only) from the published figures in")
    a("`shared/research/` (figures.md and the CSVs beside it) and the constants in the script, each commented with")
    a("its source id. Do not edit these files by hand: change the script and run it again (the output is")
    a("deterministic: two runs give identical files). The builders share their helpers in `tools/databuild/`;")
    a("`python3 tools/check_data.py` (the test `data.builders_reproduce`) rebuilds `data/` and `scenarios/` into a")
    a("temporary folder and fails, listing the files, if anything differs from the files in the checkout.")
    a("")
    a("Conventions: plain CSV, comma separated, one header line, no comment lines, UTF-8, `\\n` line ends. The last")
    a("column `source` of every table lists one or more ids separated by `;`, each defined in `sources.csv`.")
    a("Sexes are `male`, `female`. Age groups are the 20 five-year groups `0-4,5-9,...,90-94,95+` of the CBS")
    a("research file (19 closed groups plus 95+). Single ages run 0..105, 105 meaning 105 and over.")
    a("Zones: the 25 municipalities of the province other than Utrecht city (CBS code GM####) and Utrecht city's 10")
    a("districts (WK034401..WK034410). Utrecht city itself is GM0344, the province PV26.")
    a("")
    a("Confidence of a source (column `confidence` of sources.csv), as in figures.md: **C** read in the cited")
    a("source's own text; **C-x** computed from a machine-readable extract of the cited table; **C-2** read in a")
    a("secondary source quoting the primary one; **M** remembered, not confirmed; **ASSUMPTION** a modelling")
    a("choice, with its reason in `notes` and in the section Assumptions below.")
    a("")
    a("**Figures marked M that are used** (verify before relying on them): " +
      "; ".join(f"`{i}`" for i in m_ids) + ". Assumptions that rest on remembered (M) values: " +
      "; ".join(f"`{i}`" for i in m_assump) + ".")
    a("")
    a("Figures looked up for this build that are not in figures.md (each named in sources.csv): infant mortality")
    a("2022 (`STAATVENZ-IMR2022`, C-2), boys' higher infant mortality (`VZINFO-IMR-SEX`), TFR 2022")
    a("(`NIEUWS-TFR2022`, C-2), education by region (`CBS-85525NED`) and national education 25+ (`VZINFO-EDUC2023`).")
    a("")
    a("Subdirectories with their own README, sources and build script: `health/` (risk factors, conditions,")
    a("seniors, perinatal, care use, costs, utilities; `tools/build_health_data.py`; plus the calibration files")
    a("`mortality_calibration.csv`, `mortality_calibration_zones.csv` and `prevalence_calibration.csv` written by")
    a("`hhu calibrate`), `labour/` (the care labour market; `tools/build_labour_data.py`) and `targets/` (the")
    a("published figures `hhu validate` compares with: demography here, health and labour from their scripts; a")
    a("row with role `compare` is another model's forecast, shown next to ours but not failed).")
    a("")
    a("## Tables")
    a("")
    a.tables(TABLE_DOCS)
    readme_patterns(a)
    a.assumptions(ASSUMPTIONS, ["Each is a row of sources.csv with confidence ASSUMPTION; the id is cited in the "
                                "`source` column of every", "row that depends on it."])
    a.build_log()
    a("")
    a.write(out / "README.md")


def readme_patterns(a):
    """The remembered age patterns of households and education, as tables."""
    a("### Household age pattern (A-HH-PATTERN), % of persons in private households: alone/couple/parent/child")
    a("")
    a("| age | men | women |")
    a("|---|---|---|")
    for g, ag in enumerate(AGE_GROUPS):
        m = "/".join(fmt(v, 3) for v in HH_PATTERN["male"][g])
        w = "/".join(fmt(v, 3) for v in HH_PATTERN["female"][g])
        a(f"| {ag} | {m} | {w} |")
    a("")
    a("### Education age pattern before calibration (M-EDUC-AGE), % low/middle/high")
    a("")
    a("| age | men | women |")
    a("|---|---|---|")
    for bnd in sorted(EDU_AGE_PATTERN["male"]):
        lab = f"{bnd}-{bnd + 9}" if bnd < 75 else "75+"
        a(f"| {lab} | " + "/".join(str(v) for v in EDU_AGE_PATTERN["male"][bnd]) + " | " +
          "/".join(str(v) for v in EDU_AGE_PATTERN["female"][bnd]) + " |")
    a("")


if __name__ == "__main__":
    main()
