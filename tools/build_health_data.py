#!/usr/bin/env python3
"""Build the health input tables of hhu (data/health/*.csv, data/health/README.md, data/targets/health.csv).

Reads the published figures in the research directory (--research DIR, default ../shared/research relative
to the repository root: figures.md and the KWB district file) and the demographic tables written by
tools/build_data.py (data/population_2021.csv, education.csv, household.csv, mortality.csv, sources.csv),
plus the constants below, each commented with its source id (defined in SOURCES / ASSUMPTIONS here, or in
data/sources.csv), and writes the health tables into data/health/. Python 3 standard library only: the shared
helpers of tools/databuild/ and the demographic conventions of tools/build_data.py (age groups, education pattern,
life table). Deterministic: running it twice gives byte-identical files.

Run from anywhere:  python3 tools/build_health_data.py [--research DIR] [--data DIR]
"""
import itertools
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.dont_write_bytecode = True  # importing databuild and build_data must not leave tools/__pycache__ behind
from databuild import cli, output  # noqa: E402
from databuild.cli import die  # noqa: E402
from databuild.numeric import bisect, fmt, interp, pct  # noqa: E402
from databuild.output import read_csv, say, write_csv  # noqa: E402
import build_data as bd  # noqa: E402  (the demographic conventions: age groups, education pattern, life table)
import health_falls  # noqa: E402
import health_relative_risks as rrs  # noqa: E402  (relative_risks.csv: published relative risks, their sources)  (falls.csv: quality of life and costs after falls and hip fractures)
import health_heart_failure as hf  # noqa: E402  (heart failure: prevalence shape, risks, admissions)

SEXES = bd.SEXES
AGE_GROUPS = bd.AGE_GROUPS
NG = bd.NG
EDUS = ["low", "middle", "high"]
YEARS = list(range(2021, 2041))

# ---------------------------------------------------------------------------------------------
# Sources of this build (data/health/sources.csv). Ids of data/sources.csv may be cited as well; an id
# defined here must not exist there. (id, publisher, title, table, year, url, confidence, notes)
# ---------------------------------------------------------------------------------------------
SOURCES = [
    ("CBS-84842NED", "CBS", "Gezonde levensverwachting; geslacht, leeftijd en onderwijsniveau", "84842NED", "2023",
     "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/84842NED", "C",
     "period 2019/2022 (four years pooled), men and women: life expectancy at birth low / middle / high education "
     "79.0 / 81.8 / 83.8, at 65 19.4 / 20.3 / 21.4, in good perceived health at birth 56.6 / 65.0 / 70.3 "
     "(docs/research/figures_wave2.md B2)"),
    ("KULHANOVA2014", "Kulhanova I, Hoffmann R, Eikemo TA, Menvielle G, Mackenbach JP",
     "Educational inequalities in mortality by cause of death: first national data for the Netherlands. "
     "Int J Public Health 59(5):687-696", "abstract: hazard ratio primary vs tertiary education, ages 30-79",
     "2014", "https://doi.org/10.1007/s00038-014-0576-4", "C-2",
     "read in the abstract (publisher page and the Erasmus MC repository): the relative risk of dying about two "
     "times higher for primary than tertiary educated men and women; partial life expectancy 30-79 gap 3.4 years "
     "(men) and 2.4 (women)"),
    ("REQUES2015", "Reques L, Giraldez-Garcia C, Miqueleiz E, Belza MJ, Regidor E",
     "Educational differences in mortality and the relative importance of different causes of death: a 7-year "
     "follow-up study of Spanish adults (2001 census, ages 65+). Eur J Public Health 25(6):990-995",
     "abstract: mortality rate ratio low vs high education by age group 65-74, 75-84, 85+", "2015",
     "https://www.ncbi.nlm.nih.gov/pubmed/26082447", "C-2",
     "read in the abstract (PubMed): rate ratio low vs high education, women 1.48 (65-74), 1.43 (75-84), 1.40 "
     "(85+); men 1.30, 1.25, 1.29. The per-age rate ratios of Huisman et al. JECH 2004 (11 European populations, "
     "pooled: relative inequality declines with age but persists) were not readable in the stored pages; their "
     "abstract gives the direction only"),
    # --- C1 adult lifestyle & wellbeing
    ("CBS-85012NED", "CBS / GGD'en / RIVM", "Gezondheidsmonitor Volwassenen en Ouderen 2020, by GGD region",
     "85012NED", "2020", "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85012NED", "C",
     "figures.md C1, 18+, Nederland vs GGD regio Utrecht (%): good/very good perceived health 79.1 vs 81.1; "
     "overweight (BMI>=25) 49.4 vs 44.3; moderate overweight 34.8 vs 32.1; obesity 14.7 vs 12.2; smokers 16.7 vs "
     "15.1; meets alcohol guideline 43.4 vs 42.3. GGD regio Utrecht taken as the province (PV26)"),
    ("CBS-83021NED", "CBS (Leefstijlmonitor, Gezondheidsenquete)", "Leefstijl; persoonskenmerken (by education and "
     "welfare quintile)", "83021NED", "2021", "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/83021NED", "C",
     "figures.md C1, 2021, 18+: smokers 20.6%; by education low/mid/high: smokers 23.6/22.8/14.2%, overweight "
     "(BMI>=25) 60.7/57.7/43.9%, obesity 18.6/17.9/10.9%; overweight 50.0%, obesity 14.3% (2021)"),
    ("CBS-LSM-TREND", "CBS Leefstijlmonitor via skipr, zeelandnet, blikopnieuws", "Trend in smoking and drinking, 18+",
     "", "2014-2024", "", "C-2",
     "figures.md C1: excessive drinkers 9.9% (2014), 8.2% (2018), 7% (2020), 7.3% (2021), 6% (2024); smokers 22.4% "
     "(2018), 20% (2020), 18% (2024). Mixed C and C-2 in figures.md; the lower grade is given here"),
    ("NOS-SMOKING2018", "NOS quoting CBS Gezondheidsenquete/Leefstijlmonitor 2018", "Minder volwassen rokers en "
     "overmatige drinkers, meer zwaarlijvigen", "", "2019",
     "https://nos.nl/artikel/2276617-minder-volwassen-rokers-en-overmatige-drinkers-meer-zwaarlijvigen.html", "C-2",
     "2018, 18+: 22.4% smoke, 44.2% never smoked, 33.4% smoked in the past (former). Looked up for this build; not "
     "in figures.md"),
    ("NIEUWS-SMOKING2017", "nieuws.nl quoting CBS Gezondheidsenquete/Leefstijlmonitor", "Weer minder rokers", "",
     "2018", "https://nieuws.nl/algemeen/20180420/weer-minder-rokers/", "C-2",
     "2017: 23.1% of adults smoke; men 27.0%, women 19.9%. Looked up for this build; not in figures.md"),
    ("MVO-VTV2014", "mvo.nl quoting RIVM VTV-2014 'Een gezonder Nederland'", "Percentage volwassenen met overgewicht",
     "", "2014", "https://mvo.nl/rivm-percentage-volwassenen-met-overgewicht-zal-niet-verder-toenemen", "C-2",
     "adults about 2012: overweight men 53%, women 44%; obesity women 14%, men 11%; youth 2-21: 14% overweight of "
     "which 2% obese; about 8% of 2-year-olds and 20% of 21-year-olds overweight. Looked up for this build"),
    ("RIVM-BEWEEG2021", "CBS/RIVM Leefstijlmonitor (blikopnieuws 2023-09, RIVM 'Beweeggedrag in 2021', "
     "sportenbewegenincijfers.nl)", "Meets the Dutch physical activity guidelines", "", "2021-2022", "", "C",
     "figures.md C1: 4+: 47% (2021), 44% (2022); adults 44% (2022); 75+: 29%; 18-35: 48%; children 4-11: 62%, "
     "12-17: 36% (2021)"),
    ("RIVM-K10-2020", "RIVM Gezondheidsmonitor (via medicalfacts / NRC)", "High risk of anxiety or depression (K10), 18+",
     "", "2020-2022", "", "C",
     "figures.md C1: 6% (2020; 18-34 about 9%, lowest education 15%, high 5%; women 7, men 5; GGD range 5 to about "
     "9%); 10% (2022)"),
    ("VZINFO-EENZAAMHEID", "vzinfo.nl (RIVM; Gezondheidsmonitor)", "Eenzaamheid", "", "2020 and 2016",
     "https://www.vzinfo.nl", "C",
     "figures.md C1: 2020 18+: lonely 46.6% (men 47.6, women 45.6), severely lonely 11.0%; 75+ 12% severe; 75-84 "
     "11%; 85+ 14%. 2016 19+: severe 10%; 65-74 8.4%, 85+ 14.8%"),
    ("TRIMBOS-YOUTH-MH", "Trimbos-instituut / CBS", "Young people 12-25 'psychisch ongezond'", "", "2020-2021", "",
     "C", "figures.md C4: 10.9% (2020) -> 18% (2021)"),
    ("RIVM-GM2022", "RIVM Gezondheidsmonitor Volwassenen en Ouderen 2022 page", "Good perceived health 18+", "",
     "2022", "", "C", "figures.md C1: 76% (2012/2016), 79% (2020), 70% (2022); GGD range 2022 64.9-74.7"),
    ("CBS-LSM-CHILD2020", "CBS Leefstijlmonitor 2020 (secondary)", "Overweight children 4-17", "", "2020", "", "C-2",
     "figures.md C1: 14.7% overweight incl. obesity, 2.5% obesity"),
    ("UM-GEZONDHEID", "Gemeente Utrecht, utrecht-monitor.nl 'Gezondheid volwassenen'",
     "Utrecht city adults 2014-2020 (Gezondheidsmonitor)", "", "2020", "https://utrecht-monitor.nl", "C",
     "figures.md C1, 2020: good perceived health 83%; overweight incl. obesity 38%; meets PA guideline 60%; "
     "excessive drinking 6%; smokers 18%; high risk of psychological problems 7%; severely lonely 11%"),
    ("VGM-UTRECHT-UGP2022", "Gemeente Utrecht, volksgezondheidsmonitor.nl (Utrechtse Gezondheidspeiling 2022)",
     "Utrecht city adults and seniors 2022", "", "2022", "https://www.volksgezondheidsmonitor.nl", "C",
     "figures.md C1: 35% of adults overweight; 56% of seniors overweight; overweight highest in Vleuten-De Meern, "
     "Overvecht, Leidsche Rijn; 11% of adults severely lonely (21% in Overvecht); 13% of seniors severely lonely. "
     "Older editions: obesity 8% of 19-64 (2016/2018); overweight about half in Overvecht and Vleuten-De Meern vs "
     "about a quarter in Oost and Binnenstad (2016)"),
    ("VGM-UTRECHT-HLE", "Gemeente Utrecht, volksgezondheidsmonitor.nl", "Utrecht city life expectancy in good "
     "perceived health", "", "2020", "https://www.volksgezondheidsmonitor.nl", "C",
     "figures.md B3: 65.0 years (earlier edition 64.0)"),
    ("VTV2018-LEEFSTIJL", "RIVM VTV-2018 (vtv2018.nl/leefstijl; Geron)", "Trendscenario leefstijl", "", "2018",
     "https://www.vtv2018.nl/leefstijl", "C",
     "figures.md C1: smoking 25% (2015) -> 14% (2040); overweight (BMI>=25) 49% (2015) -> 62% (2040)"),
    ("VTV2024-TREND", "RIVM VTV-2024 via ANP/RD", "Trendscenario 2050", "", "2024", "", "C-2",
     "figures.md C1: overweight 50% (2022) -> 64% (2050); smoking 11% in 2050. Used as a check only"),
    # --- B3 healthy life expectancy
    ("STAATVENZ-HLE2021", "staatvenz.nl kerncijfer; De Medisch Specialist quoting RIVM/CBS",
     "Life expectancy in good perceived health", "", "2021", "https://www.staatvenz.nl", "C-2",
     "figures.md B3: 65 years at birth (average of the sexes, C); men 65.4, women 65.1 (C-2)"),
    # --- C2 chronic conditions
    ("VZINFO-DIABETES", "vzinfo.nl (RIVM; Nivel Zorgregistraties eerste lijn)", "Diabetes: huidige situatie", "",
     "2017-2020", "https://www.vzinfo.nl", "C",
     "figures.md C2: 2017 1,135,100 known to the GP (men 69.7, women 62.9 per 1000), new 60,200 (3.9 / 3.2 per "
     "1000); prevalence per 1000 by age 2017 (men/women): 0-4 1.0/1.1; 15-19 5.3/5.9; 30-34 10.2/9.6; 40-44 "
     "29.5/23.1; 50-54 70.0/54.1; 60-64 144.1/109.6; 65-69 189.8/140.7; 70-74 228.8/182.6; 75-79 257.4/218.8; "
     "80-84 267.5/254.8; 85+ 262.3/251.1. 2020: 1,145,500 (men 70.3, women 61.1 per 1000); new 51,600 (2019, Nivel)"),
    ("VZINFO-CHD", "vzinfo.nl (RIVM; Nivel Zorgregistraties eerste lijn)", "Coronaire hartziekten: leeftijd en "
     "geslacht", "", "2020", "https://vzinfo.nl/coronaire-hartziekten/leeftijd-en-geslacht", "C",
     "figures.md C2: 2020 777,400 (men 55.7, women 33.5 per 1000). New cases 2020 (page text, looked up): acute "
     "myocardial infarction 68,400 (men 47,500, women 20,900), angina pectoris 26,300, other/chronic ischaemic heart "
     "disease 10,000"),
    ("VZINFO-HVZ2021", "vzinfo.nl (RIVM; Nivel Zorgregistraties eerste lijn)", "Hart- en vaatziekten naar type in 2021",
     "", "2021", "https://www.vzinfo.nl/onderwerpen/hart-en-vaatziekten/leeftijd-en-geslacht", "C",
     "coronary heart disease 490,300 men / 296,300 women (56.3 / 33.6 per 1000); stroke incl. TIA 266,300 / 255,200 "
     "(30.6 / 28.9 per 1000). Looked up for this build; figures.md has the 2021 CHD total 786,600 (staatvenz)"),
    ("VZINFO-BEROERTE2021", "vzinfo.nl (RIVM; Nivel)", "Beroerte: leeftijd en geslacht", "", "2021",
     "https://www.vzinfo.nl/beroerte/leeftijd-en-geslacht", "C",
     "521,500 people with stroke incl. TIA known to the GP in 2021; nursing-home residents not included. Looked up "
     "for this build; not in figures.md"),
    ("HARTENVAAT-STROKE2021", "Hartstichting / Julius Centrum (hartenvaatcijfers.nl)", "Basiscijfers beroerte 2021",
     "Tabel 1", "2021", "https://www.hartenvaatcijfers.nl/jaarcijfers/basiscijfers-beroerte-bd9e4", "C",
     "hospital admissions for stroke 2021: 42,749 (men 23,172, women 19,577; admissions, not persons); 1-year "
     "mortality after a first admission 20.1%. Looked up for this build; used as checks"),
    ("VZINFO-COPD", "vzinfo.nl (RIVM; Nivel)", "COPD: leeftijd en geslacht; kosten", "", "2021",
     "https://www.vzinfo.nl/copd/leeftijd-en-geslacht", "C",
     "figures.md C2: 545,900 (men 31.0, women 31.2 per 1000) in 2021; new emphysema/COPD 17,500 and chronic "
     "bronchitis 5,600 in 2021. Health spending on COPD 2019: 753 million euro (vzinfo COPD page, looked up)"),
    ("ALZHEIMER-NL", "Alzheimer Nederland (ERGO-based) via vzinfo / Geron; zorgvoorbeter.nl", "Dementia estimates",
     "", "2020-2021", "", "C",
     "figures.md C2: 280,000 (2020, 1.6% of pop), 290,000 (2021); more than 8% of 65+, more than 25% of 80+, more "
     "than 40% of 90+; incidence 65-69 about 0.2%/yr, 90+ about 5%/yr; GP-known 114,000 (2019; new 8,000 men, "
     "12,400 women)"),
    ("NEMESIS3", "Trimbos-instituut 'Cijfers: psychische gezondheid' (NEMESIS-3)", "12-month prevalence of mental "
     "disorders, 18-75", "", "2019-2022", "https://www.trimbos.nl", "C",
     "figures.md C2: any disorder about 26%; anxiety disorders about 15%; depressive disorder about 9% (the decimals "
     "26.2/15.2/9.8 are M and not used)"),
    # --- C3 perinatal
    ("VZINFO-PERINATAL", "vzinfo.nl (RIVM; Perined)", "Zwangerschap en geboorte", "", "2017-2021",
     "https://www.vzinfo.nl", "C",
     "figures.md C3: preterm <37 wk 6.6% (2021, >=24 wk); SGA <p10 9.7% (2021); Big2 14.8% (2021); >=24 wk 2021: "
     "neonatal mortality 1.7 per 1000 (295); perinatal mortality by gestational age 2017 per 1000: 24-25 wk 561, "
     "26-31 137, 32-36 18, 37-41 1.7, >=42 4.3; perinatal death RR: maternal age <20 or >40 1.7, smoking in "
     "pregnancy 1.5"),
    ("TRIMBOS-ZWANGER", "Trimbos Monitor Middelengebruik en Zwangerschap (staatvenz)", "Smoking during pregnancy",
     "", "2021", "https://www.staatvenz.nl", "C", "figures.md C3: 7.7% (2021); 6.3% (2023)"),
    ("VGM-UTRECHT-1000D", "Gemeente Utrecht, volksgezondheidsmonitor.nl", "Eerste 1000 dagen", "", "2020",
     "https://www.volksgezondheidsmonitor.nl", "C",
     "figures.md C3: Big2 fell 1.4 percentage points 2009-2019, lower than G4 and NL, but not in Overvecht, "
     "Zuidwest, Binnenstad; perinatal death risk in Overvecht and Zuidwest about 1.5x the rest of the city"),
    # --- C4 children
    ("VGM-UTRECHT-KIDS", "Gemeente Utrecht (volksgezondheidsmonitor.nl; zorgprofessionals.utrecht.nl; DUIC)",
     "Overweight in Utrecht children", "", "2019", "https://www.volksgezondheidsmonitor.nl", "C",
     "figures.md C4: overweight 10/11 y 14% (2019), 5/6 y 11%; group 7 with low-educated parents 32% (2016). "
     "Used as checks"),
    # --- C5 seniors
    ("VEILIGHEIDNL-FALLS", "VeiligheidNL via Telegraaf / nieuws.nl / skipr / NU.nl", "Falls of 65+ treated at an "
     "emergency department", "", "2021-2024", "", "C-2",
     "figures.md C5: about 280 per day in 2021; 112,000 (2023), 119,000 (2024); two thirds women (2024); hip "
     "fracture 15% of injuries"),
    ("VEKTIS-HIP2017", "Vektis via Nationale Zorggids", "Hip fractures 2017", "", "2017", "", "C-2",
     "figures.md C5: about 25,000 patients (2017); 143 per 100,000 insured; 65-74: 238; 85+: 2,043 per 100,000"),
    ("KANTERS2020", "Kanters et al. 2020, Osteoporosis International; vzinfo", "Mortality after hip fracture", "",
     "2020", "", "C", "figures.md C5: about 20% die within a year (65+); almost 25% (55+)"),
    ("ACTIZ-2023", "ActiZ", "Nursing home residents and waiting lists", "", "2023", "https://www.actiz.nl", "C",
     "figures.md C5: 122,445 nursing-home residents on 1-10-2023"),
    ("TVGG-INST2020", "Tijdschrift voor Gezondheidswetenschappen quoting CBS", "Verschuivingen in formele zorg en "
     "mantelzorg voor thuiswonende ouderen", "", "2021",
     "https://tvgg-archief.nl/artikelen/verschuivingen-in-formele-zorg-en-mantelzorg-voor-thuiswonende-ouderen-in-"
     "nederland-van-2009-tot-2013/", "C-2",
     "share of 75+ living in a care or nursing home: 17% (1995), 10% (2014), 7.6% (2020). Looked up for this "
     "build; used as a check"),
    ("CBS-GMSD-WMO2022", "Schulinck quoting CBS Gemeentelijke Monitor Sociaal Domein", "Ruim kwart van 85-plussers "
     "ontvangt hulp bij het huishouden", "", "2023",
     "https://schulinck.nl/sociaal-domein-nieuws-ruim-kwart-van-85-plussers-ontvangt-hulp-bij-het-huishouden", "C-2",
     "second half of 2022: Wmo household help used by 29.3% of 85+ and 14.7% of 75-84. Looked up for this build"),
    ("VEKTIS-WIJKVERPLEGING", "NU.nl quoting Vektis", "Helft van alle zorgkosten gaat naar 65-plussers", "", "2018",
     "https://www.nu.nl/economie/5449763/helft-van-alle-zorgkosten-gaat-65-plussers.html", "C-2",
     "2017: clients of district nursing aged 85+ receive on average 9 hours a week, 65-74 7 hours a week. Looked up "
     "for this build"),
    ("VEKTIS-FRAIL", "Vektis", "Factsheet kwetsbare ouderen / Populatie kwetsbare ouderen in beeld", "", "",
     "https://www.vektis.nl/intelligence/publicaties/factsheet-kwetsbare-ouderen", "C",
     "22% of 65+ are frail (730,000; U-PRIM frailty score from GP and claims data); 547,000 live at home (17% of "
     "home-dwelling 65+), 180,000 in institutions; two thirds of home-dwelling frail elderly are women. Year of the "
     "data not stated in the text read (published about 2021). Looked up for this build; not in figures.md"),
    ("GGDHL-TFI2016", "GGD Haaglanden Gezondheidsmonitor (Gezondheidsenquete 2016, Tilburg Frailty Indicator)",
     "Kwetsbare ouderen, Midden-Delfland", "Tabel 1", "2016",
     "https://gezondheidsmonitor.ggdhaaglanden.nl/gemeenten/midden-delfland/themas/kwetsbaar/kwetsbare-ouderen/", "C",
     "13% of 65-74 and 45% of 85+ frail; women and low SES more often frail. One municipality: used for the age "
     "shape only. Looked up for this build"),
    ("SCP-FRAIL-NU", "NU.nl quoting SCP", "Forse toename kwetsbare ouderen verwacht", "", "2011",
     "https://www.nu.nl/gezondheid/2438847/forse-toename-kwetsbare-ouderen-verwacht.html", "C-2",
     "a quarter of 65+ frail; frail elderly have 2-3 times the chance to die within three years and 4-5 times the "
     "chance of admission to a nursing or care home. Looked up for this build"),
    ("LOKET-POP2021", "loketgezondleven.nl (RIVM) quoting CBS", "Feiten en cijfers ouderen", "", "2021",
     "https://www.loketgezondleven.nl/gezondheidsthema/gezond-en-vitaal-ouder-worden/feiten-en-cijfers-ouderen",
     "C-2", "Netherlands 1-1-2021: 2,618,874 aged 65-79 and 838,661 aged 80+; 65+ = 19.8% of the population. Looked "
     "up for this build"),
    ("HARTENVAAT-GP", "Hartstichting / Julius Centrum (hartenvaatcijfers.nl) citing Nivel",
     "Hart- en vaatziekten in de Nederlandse huisartsenpraktijk", "", "2019",
     "https://www.hartenvaatcijfers.nl/artikelen/hart-en-vaatziekten-in-de-nederlandse-huisartsenpraktijk-9cf0a", "C",
     "about three quarters of the population visit the GP at least once a year; the average number of visits is "
     "6 a year. Looked up for this build"),
    # --- C6 costs
    ("RIVM-KVZ2019", "RIVM Kosten van Ziekten 2019 (vzinfo ranglijst; mentale gezondheid monitor)",
     "Health spending by condition 2019", "", "2019", "https://www.vzinfo.nl", "C",
     "figures.md C6: total 97 bn; dementia 10,309 M; intellectual disability 9,638 M; CHD 1,439 M; schizophrenia "
     "1,421 M; stroke 1,361 M; diabetes 1,308 M; all mental disorders 28.4 bn; dementia 2,947 euro per 65+ "
     "inhabitant"),
    ("VZINFO-DEMENTIE-KOSTEN", "vzinfo.nl (RIVM Kosten van Ziekten 2019)", "Dementie: zorguitgaven",
     "Zorguitgaven dementie naar sector 2019", "2019", "https://www.vzinfo.nl/dementie/zorguitgaven", "C",
     "health spending on dementia 2019: 10,309 million euro, of which 92.5% (almost 9.6 bn) elderly care "
     "(ouderenzorg: institutions for nursing, personal care, rehabilitation and home care of mainly the elderly); "
     "the 2017 edition: 96% of 9.1 bn. Looked up for this build"),
    # --- E environment and interventions
    ("MAAS2009", "Maas et al. 2009, J Epidemiol Community Health 63:967", "Morbidity is related to a green living "
     "environment", "", "2009", "", "C",
     "figures.md E: lower prevalence of 15/24 disease clusters with more green within 1 km, strongest for anxiety "
     "and depression, children and low SES (ORs not extracted)"),
    ("DEVRIES2016", "de Vries et al. 2016, BJPsych Open (NEMESIS-2)", "Green and blue space and mental disorders", "",
     "2016", "", "C", "figures.md E: green linked to fewer anxiety disorders, not mood disorders; blue OR up to 0.74"),
    ("KELLY2014", "Kelly et al. 2014, Int J Behav Nutr Phys Act 11:132", "Walking and cycling and all-cause "
     "mortality", "", "2014", "", "C",
     "figures.md E: mortality -10% (cycling), -11% (walking) per 11.25 MET-h/week"),
    ("REKENKAMER-GROEN", "Rekenkamer Utrecht via NH Nieuws; Sweco/N&M via PvdD", "Public green per household, "
     "Utrecht city", "", "2024", "", "C-2",
     "figures.md E: target at least 75 m2 public green per dwelling; actual 68 -> 65.5 m2 per household; 59% of "
     "buurten below 75 m2 or without 1 ha of green, 29% below 30 m2"),
    ("GBD-DW", "GBD 2017/2019 disability weights (secondary extracts)", "Disability weights", "", "2019", "", "C-2",
     "figures.md E2: diabetes uncomplicated 0.049, neuropathy 0.133, retinopathy 0.184; angina 0.033/0.080/0.167; "
     "heart failure 0.041/0.072/0.179; stroke long-term levels 1-5 0.019/0.070/0.316/0.552/0.588; COPD "
     "0.019/0.225/0.408; depression 0.145/0.396/0.658; anxiety 0.030/0.133/0.523; dementia 0.069/0.377/0.449"),
    ("CLARIJS2022", "Clarijs et al. 2022, Quality of Life Research", "EQ-5D-5L normative utility scores in a Dutch "
     "female population", "", "2022", "https://link.springer.com/article/10.1007/s11136-022-03271-3", "C",
     "9,037 Dutch women, 2020, Dutch EQ-5D-5L value set: weighted mean utility 0.911; lower in older age groups. "
     "Looked up for this build"),
    # --- remembered (M)
    ("M-NL-POP2021", "CBS StatLine bevolking 1 januari (remembered)", "Population of the Netherlands by 5-year age "
     "group, 1-1-2021", "", "2021", "", "M",
     "approximate counts by 5-year group remembered (values in README); rescaled to the cited 65-79 and 80+ totals "
     "(LOKET-POP2021) and a total of 17,475,415 (remembered)"),
    ("M-RF-AGE", "CBS Gezondheidsenquete / Leefstijlmonitor age tables (remembered)", "Age and sex shapes of the risk "
     "factors", "", "2018-2021", "", "M",
     "shapes of prevalence by age and sex remembered approximately (values in README); only the shape is used, the "
     "level is calibrated to the cited national totals"),
    ("M-EDU-OR", "Dutch survey literature (remembered)", "Education gradients without a cited figure", "", "", "", "M",
     "odds ratios low and middle vs high education for physical activity, loneliness, frailty, perceived health "
     "(values in README)"),
    ("M-COND-AGE", "Nivel Zorgregistraties / vzinfo age tables (remembered)", "Age shapes of CHD, stroke, COPD, "
     "dementia, depression/anxiety prevalence", "", "2019-2021", "", "M",
     "age shapes remembered approximately (values in README); the level is scaled to the cited sex totals"),
    ("M-CDM-RR", "RIVM Chronic Disease Model and meta-analyses (remembered)", "Relative risks of risk factors on "
     "diseases and mortality", "", "", "", "M",
     "smoking, BMI, inactivity, alcohol, education on diabetes, CHD, stroke, COPD and death; disease on death "
     "(values in relative_risks.csv); orders of magnitude of the CDM and of Willi 2007, Aune 2015, Jha 2013 as "
     "remembered"),
    ("M-LIVINGSTON2020", "Livingston et al. 2020, Lancet Commission on dementia (remembered)", "Dementia risk factors",
     "", "2020", "", "M",
     "RRs: less education 1.6, physical inactivity 1.4, smoking 1.6, excessive alcohol 1.2, social isolation 1.6, "
     "depression 1.9, diabetes 1.5, obesity 1.6 (midlife); as remembered"),
    ("M-PSYCH-RR", "Valtorta 2016 Heart; Holt-Lunstad 2015; Cuijpers 2014; Mezuk 2008 (remembered)", "Loneliness and "
     "depression as risk factors", "", "", "", "M",
     "loneliness on CHD 1.29 and stroke 1.32; loneliness/isolation on mortality about 1.26; depression on mortality "
     "about 1.5; chronic disease raises depression risk; as remembered"),
    ("M-SENIOR-RR", "Falls and hip fracture literature (Kanis 2004/2005; fall-risk meta-analyses) (remembered)",
     "Risk factors for falls, hip fracture and nursing-home admission", "", "", "", "M",
     "smoking on hip fracture about 1.8, alcohol >3 units/day 1.7, dementia about 2, low BMI higher risk; dementia "
     "strongest predictor of institutionalisation; as remembered"),
    ("M-PH-OR", "Dutch health-survey literature (remembered)", "Odds ratios of chronic conditions on good perceived "
     "health", "", "", "", "M", "values in relative_risks.csv"),
    ("M-BIG2-OR", "Perinatal epidemiology (Generation R, Perined analyses) (remembered)", "Odds ratios for Big2",
     "", "", "", "M",
     "teenage and 40+ motherhood and low education raise both preterm birth and SGA moderately; values in "
     "perinatal.csv (smoking's odds ratios come from SHAH2000 and OHIO-FGR2017)"),
    ("M-PERINATAL-MIX", "Perined (remembered)", "Distribution of births by gestational age and of mothers' risk "
     "factors", "", "", "", "M",
     "of all births about 0.15% at 24-25 wk, 0.9% at 26-31 wk, the rest of the 6.6% preterm at 32-36 wk; mothers "
     "under 20 about 0.6%, 40+ about 4.5%, low education about 20%; term SGA perinatal mortality about 2.5x term "
     "non-SGA"),
    ("M-EQ5D-NORMS", "Dutch EQ-5D-5L population norms (Versteegh 2016 value set; remembered)", "EQ-5D utility by "
     "age and sex", "", "", "", "M",
     "level, age shape and the men-women difference remembered (values in README); CLARIJS2022 (women 0.911, "
     "online sample) printed as a check"),
    ("M-DYNAMICS", "Longitudinal studies of lifestyle and wellbeing transitions (remembered)", "Annual exit hazards "
     "of risk-factor states", "", "", "", "M", "values in risk_factor_dynamics.csv"),
    ("M-GP-CONTACTS", "Nivel Zorgregistraties eerste lijn (remembered)", "GP contacts per person per year by age", "",
     "", "", "M", "age shape remembered; level calibrated to 6 visits per inhabitant (HARTENVAAT-GP)"),
    ("M-CARE-PRICES", "NZa tariffs / Wlz package prices (remembered)", "Prices of home care and nursing-home care",
     "", "2021", "", "M",
     "district nursing about 75 euro/h; household help about 30 euro/h; nursing-home care (Wlz VV package) about "
     "85,000 euro per resident-year; about 20 h of direct care per resident-week"),
    # --- the first 1000 days: birth outcomes, neonatal care, the child's later health, child protection
    ("SHAH2000", "Shah NR, Bracken MB, Am J Obstet Gynecol 2000;182:465-72 (PMC2706697)", "A systematic review and "
     "meta-analysis of prospective studies on the association between maternal cigarette smoking and preterm "
     "delivery", "abstract", "2000", "https://pmc.ncbi.nlm.nih.gov/articles/PMC2706697", "C",
     "figures_wave2.md D1: preterm delivery, any smoking vs none, OR 1.27 (95% CI 1.21-1.33), 20 prospective studies"),
    ("OHIO-FGR2017", "Ohio birth-certificate cohort 2006-2012, n=927,424 (PMC5215872)", "Smoking cessation in "
     "pregnancy and fetal growth restriction (<p10)", "abstract", "2017",
     "https://pmc.ncbi.nlm.nih.gov/articles/PMC5215872", "C",
     "figures_wave2.md D1: growth restriction <p10, smoking throughout pregnancy aOR 2.26 (2.22-2.31); quit after "
     "the first trimester 1.19"),
    ("DI2022-LBW", "Di HK, Gan Y, Lu K et al., World J Pediatr 2022;18(3):176-185", "Maternal smoking status during "
     "pregnancy and low birth weight: meta-analysis of 55 cohort studies", "abstract", "2022",
     "https://doi.org/10.1007/s12519-021-00501-5", "C",
     "figures_wave2.md D1: low birth weight (<2500 g) OR 1.89 (1.80-1.98); used as a check of the preterm-SGA model"),
    ("EPICE-LOS2019", "Seaton SE et al. (MOSAIC and EPICE cohorts), Pediatr Crit Care Med 2019 (PMC6282674)",
     "Length of hospital stay of very preterm infants in 10 European regions", "abstract", "2019",
     "https://pmc.ncbi.nlm.nih.gov/articles/PMC6282674", "C",
     "infants 22+0 to 31+6 weeks surviving to discharge: mean length of stay 63.1 days in 2011/2012 (range of regions "
     "54.0-70.1; the Eastern region of the Netherlands above 67). Looked up for this build"),
    ("ZIN-REFPRICES2022", "Hakkaart-van Roijen et al., Kostenhandleiding 2024 (Zorginstituut), reference prices",
     "Hospital nursing day incl. personnel", "reference prices", "2022 prices", "", "C-2",
     "figures_wave2.md A: hospital nursing day (verpleegdag) 644 euro, 2022 prices"),
    ("BOLBOCEAN2022", "Bolbocean C, van der Pal S, van Buuren S et al., PharmacoEconomics 2023;41:93-105",
     "Health-related quality-of-life outcomes of very preterm or very low birth weight adults: individual "
     "participant data meta-analysis (RECAP)", "Key Points", "2022", "https://doi.org/10.1007/s40273-022-01201-2", "C",
     "very preterm (<32 wk) or VLBW: HUI3 utility -0.06 (95% CI -0.08 to -0.04) vs term, adults 18-29 (over 2,100 "
     "VP/VLBW); not replicated with the SF-6D. Looked up for this build"),
    ("BEEN2014", "Been JV, Lugtenberg MJ, Smets E et al., PLoS Med 2014;11(1):e1001596", "Preterm birth and "
     "childhood wheezing disorders: systematic review and meta-analysis", "abstract", "2014",
     "https://doi.org/10.1371/journal.pmed.1001596", "C",
     "preterm vs term: wheezing disorders 13.7% vs 8.3%, OR 1.71 (1.57-1.87) unadjusted, 1.46 (1.29-1.65) adjusted "
     "(17 studies, 874,710 children); very preterm adjusted 2.81. Looked up for this build"),
    ("VZINFO-ASTMA", "vzinfo.nl (RIVM)", "Astma: in het kort", "", "2020-2021", "https://vzinfo.nl/astma", "C-2",
     "about 7% of children and young people have asthma; 517,200 persons in GP care for asthma in 2021"),
    ("SUIJKERBUIJK2013", "Suijkerbuijk AWM, de Wit GA, Wijga AH et al., Ned Tijdschr Geneeskd 2013",
     "Maatschappelijke kosten van astma, COPD en respiratoire allergie", "results; RIVM report ch. 6", "2013",
     "https://www.ntvg.nl/artikelen/maatschappelijke-kosten-van-astma-copd-en-respiratoire-allergie", "C",
     "asthma care costs 2007: 287 million euro, 530 euro per patient a year on average, from 350 euro for children "
     "0-10 to 960 euro above 79; about 70% medication"),
    ("PLEASANT-UTILITY", "Economic evaluation of the PLEASANT trial (PMC5385191), Table 1, citing a Dutch RCT",
     "Health-state utility values applied in economic evaluation", "Table 1", "2017",
     "https://pmc.ncbi.nlm.nih.gov/articles/PMC5385191", "C-2",
     "children 7-18 with asthma (GINA I-III) in usual outpatient care in the Netherlands, control arm of an RCT "
     "(n = 27): EQ-5D 0.96 (SD 0.07) without an exacerbation"),
    ("MACKAY2010", "MacKay DF, Smith GCS, Dobbie R, Pell JP, PLoS Med 2010;7(6):e1000289", "Gestational age at "
     "delivery and special educational need: retrospective cohort study of 407,503 schoolchildren (Scottish school "
     "census linked to birth records)", "abstract", "2010", "https://doi.org/10.1371/journal.pmed.1000289", "C",
     "special educational need recorded in 4.9% of schoolchildren: 8.4% of those born preterm, 4.7% of those born at "
     "term; adjusted ORs by gestation 37-39 wk 1.16, 33-36 wk 1.53, 28-32 wk 2.66, 24-27 wk 6.92. Looked up for this "
     "build"),
    ("ESB2009-ZORGLEERLINGEN", "de Kam F, Koning P, Minne B, Mot E, ESB (15 May 2009); CPB Document 192 (Minne, "
     "Webbink, van der Wiel 2009)", "Zorgonderwijs tussen maatwerk en kostenbeheersing", "", "2009",
     "https://esb.nu/zorgonderwijs-tussen-maatwerk-en-kostenbeheersing/", "C",
     "pupils with special support needs (zorgleerlingen: special (primary) schools and pupil-bound budgets) were 1 in "
     "16 of primary pupils in 2007 (1 in 20 in 1997); their direct costs were on average 2.8 times those of other "
     "pupils in 2002 and 3.2 times in 2007. Looked up for this build"),
    ("BALANS-BEKOSTIGING", "Balans (parents' association), citing OCW's funding tables", "Bedrag per leerling voor "
     "passend onderwijs", "", "2022", "https://balansdigitaal.nl/kennisbank/onderwijs/bedrag-per-leerling-voor-"
     "passend-onderwijs", "C-2",
     "basic funding per pupil 2022: 9,100 euro per pupil of primary education (po, which includes special schools), "
     "8,500 per pupil of regular secondary education; vso 2020-2021 7,100 (personnel 5,840.66 + material "
     "1,273.07). Looked up for this build"),
    ("CBS-JEUGDMONITOR-SO2020", "CBS Jeugdmonitor 2020 (van Yperen, Donker, Deen; Nederlands Jeugdinstituut)",
     "Trends in gebruik speciale onderwijsvoorzieningen", "section 11", "2020",
     "https://longreads.cbs.nl/jeugdmonitor-2020/trends-in-gebruik-speciale-onderwijsvoorzieningen/", "C",
     "100,000 to 110,000 pupils a year in special primary and special education 2000-2019, from 3.8% to 4.3% of all "
     "pupils in primary and secondary education (a check on the Scottish 4.9%). Looked up for this build"),
    ("MEJDOUBI2015", "Mejdoubi J, van den Heijkant S, van Leerdam F et al., PLoS One 2015;10(4):e0120182",
     "Effects of nurse home visitation (VoorZorg) on child protection reports and child behaviour", "abstract",
     "2015", "https://doi.org/10.1371/journal.pone.0120182", "C",
     "figures_wave2.md D2: RCT, 460 women <26, low education, first pregnancy; child protection reports by age 3: "
     "11% (visited) vs 19% (control); the paper's 'RR 0.91' does not match the percentages (11/19 = 0.58): the "
     "percentages are used"),
    ("CBS-VEILIGTHUIS2024", "CBS via ANP (upday, welingelichtekringen, metronieuws, 24-10-2025)", "Meldingen bij "
     "Veilig Thuis", "", "2024-2025", "https://www.upday.com/nl/binnenland/66000-meldingen-kindermishandeling-cbs-"
     "ziet-verdere-stijging/wev3qpw", "C-2",
     "about 64,000 reports in the first half of 2024 (66,000 first half 2025); in 2024 half of the reports concerned "
     "(suspected) child maltreatment. Looked up for this build"),
    ("TRIMBOS-KM2016", "Trimbos-instituut via ActiZ (9-11-2016)", "Kindermishandeling kost jaarlijks miljarden",
     "", "2016", "https://www.actiz.nl/nieuws/jeugd/2016/11/kindermishandeling-kost-jaarlijks-miljarden", "C-2",
     "extra health-care use and lost productivity of adults maltreated as children (NEMESIS-1): 869 to 2,893 euro "
     "per maltreated person per year depending on the type. Looked up for this build"),
]

# Assumptions (confidence ASSUMPTION): id -> (title, reason). Written to sources.csv and README.
ASSUMPTIONS = [
    ("A-H-NL-WEIGHTS", "National population used to calibrate national figures",
     "national totals are reproduced with the remembered 2021 age structure of the Netherlands (M-NL-POP2021), "
     "rescaled to the cited 65-79 and 80+ counts (LOKET-POP2021), split by sex with the province's male share per "
     "age group (CBS-83502NED), and the national education pattern of the demographic build (M-EDUC-AGE calibrated "
     "to VZINFO-EDUC2023, recomputed exactly as in tools/build_data.py; under 25 the national 25-44 mix)"),
    ("A-H-LEVEL-SURVEY", "National level of lifestyle indicators from the Gezondheidsmonitor 2020",
     "where the Gezondheidsmonitor 2020 (CBS-85012NED) gives a national value (smoking 16.7%, moderate overweight "
     "34.8%, obesity 14.7%) it is the national level, because the regional and Utrecht city figures the model is "
     "validated against come from the same survey; CBS Leefstijlmonitor 2021 figures (smoking 20.6%) measure "
     "higher and are used only for gradients. Year 2020 stands for the base year 2021"),
    ("A-H-RF-MODEL", "Risk-factor prevalence model",
     "logit p = logit(shape(sex, age)) + level + female shift + education offset; the level is fitted to the "
     "national total of the target ages, the female shift to the cited sex ratio or sex totals, the education "
     "offsets to the cited education marginals (fitted factors) or set to the odds ratios in README; rows of an age "
     "group that straddles a minimum age or age 18 are the average over the group's eligible single ages (uniform "
     "within the group, A-UNIFORM-AGE)"),
    ("A-H-EDU-MARGINAL", "Education figures read as marginals of 25+",
     "the CBS 83021NED education breakdown (smoking, overweight, obesity 2021) is matched as odds ratios between "
     "the education groups among residents 25+ (people under 25 often have not finished education); the ratios "
     "are transferred to the Gezondheidsmonitor level (A-H-LEVEL-SURVEY)"),
    ("A-H-YOUTH", "Risk factors under 18",
     "children and adolescents get their own level: BMI classes 2-17 calibrated to 12.2% moderate overweight and "
     "2.5% obesity at 4-17 (CBS-LSM-CHILD2020) with a mild age rise (8% of 2-year-olds overweight, MVO-VTV2014); "
     "physical activity 62% at 4-11 and 36% at 12-17 (RIVM-BEWEEG2021); psychological complaints 10.9% at 12-17 "
     "(the 12-25 figure of 2020, TRIMBOS-YOUTH-MH; girls higher); smoking 2% at 12-14 and 8% "
     "at 15-17, former smoking 1-2%, excessive drinking 5% at 16-17 (judgement); the education offsets of adults "
     "apply with the household's education"),
    ("A-H-FORMER", "Former smokers",
     "former smokers 33.4% of adults (2018, NOS-SMOKING2018) taken for 2021; shape rising with age and higher in "
     "men (M-RF-AGE); education odds ratios 1.1 (low) and 1.05 (middle): ever smoking is more common and quitting "
     "less common among the low educated, which nearly cancel; no trend (the former state arises from the "
     "smoking dynamics)"),
    ("A-H-PA-ADULT", "Adults meeting the physical activity guideline 2021",
     "derived: 47% of 4+ (2021) minus the children's 62% (4-11) and 36% (12-17), with the national age structure "
     "(A-H-NL-WEIGHTS), gives the adult share; no sex difference; education odds ratios 0.65 (low) and 0.8 (middle) "
     "(M-EDU-OR)"),
    ("A-H-ALCOHOL", "Excessive drinking", "7% of adults (2020, CBS-LSM-TREND) with a shape higher at 18-24 and "
     "55-74 and in men (M-RF-AGE); no education gradient (findings are mixed: heavy drinking is not consistently "
     "more common in one education group)"),
    ("A-H-DISTRESS", "Psychological distress (K10) gradient",
     "the cited lowest-education 15% refers to the lowest category (primary school), narrower than 'low' here: "
     "odds ratios 2.0 (low) and 1.3 (middle) vs high; sex totals men 5%, women 7% (2020)"),
    ("A-H-FRAIL", "Frailty 65+",
     "22% of 65+ (VEKTIS-FRAIL, claims-based U-PRIM score, including institutions) with the age shape of the "
     "Tilburg Frailty Indicator (13% at 65-74, 45% at 85+; GGDHL-TFI2016); women's share of frail 65+ two thirds "
     "(VEKTIS-FRAIL, home-dwelling); education odds ratios 2.0 (low) and 1.4 (middle) (M-EDU-OR)"),
    ("A-H-DYNAMICS", "Risk-factor exit hazards",
     "annual exit hazards are judgement values consistent with the instability of these states in panel data "
     "(M-DYNAMICS): quitting smoking 0.06 (with 50% of new smokers being relapsing former smokers); overweight to "
     "normal 0.08; obese to overweight 0.08; physically active to inactive 0.25; excessive drinking 0.30; "
     "distress remission 0.50; severe loneliness 0.35; frailty recovery 0.12"),
    ("A-H-TREND-SMOKING", "Smoking trend",
     "odds of current smoking fall at the VTV-2018 trend rate: ln odds(14%) - ln odds(25%) over 2015-2040 = "
     "-0.0287 per year, applied from 2021 (the relative rate, not the level, because the model's level comes from "
     "another survey, A-H-LEVEL-SURVEY)"),
    ("A-H-TREND-BMI", "Overweight and obesity trend",
     "the odds of BMI>=25 rise at the VTV-2018 rate (ln odds(62%) - ln odds(49%) over 2015-2040 = +0.0212 per year, "
     "applied from 2021); moderate overweight and obesity share one common odds multiplier per year, solved so "
     "that their national sum follows that trend (no cited split of the trend)"),
    ("A-H-TREND-NONE", "No trend",
     "no VTV trend scenario in figures.md for physical activity, excessive drinking, distress, loneliness, frailty "
     "and former smoking: odds multiplier 1.0 (excessive drinking has fallen since 2014 and distress rose in "
     "2022; neither is extrapolated)"),
    ("A-H-MORTALITY-CALIBRATION", "Death hazard calibrated to the life table (hhu calibrate)",
     "the health model's relative risks of death are normalised in 2021; as the population's risks evolve the "
     "baseline's deaths drift from the CBS life table (mortality.csv). `hhu calibrate` runs the baseline and sets "
     "a factor per year, sex and age group so that simulated deaths equal the life-table expectation for the "
     "simulated person-years (data/health/mortality_calibration.csv, written by the model, not by this script); "
     "scenarios use the same factors. A year's ratio is used when the group has 300 deaths in it, else the ratio "
     "over the year and its two neighbours, and the factors are then smoothed over the years (weights 1, 2, 1), so "
     "that neither one year's noise nor a pattern alternating from year to year is fitted; groups under 30 keep 1; "
     "a factor per zone (mortality_calibration_zones.csv) removes the double count of the zone hazard ratios and the "
     "health model's composition"),
    ("A-H-PREVALENCE-CALIBRATION", "Entry hazards calibrated to keep the prevalence by age (hhu calibrate)",
     "the entry hazard of a risk factor is set cell by cell to its stationary value (exit rate x odds of the target "
     "prevalence), which ignores that residents age into an age group from a younger one with another prevalence "
     "and that the frail and sick die first: without correction frailty among 65-69 fell from 9.7% to 2.5% and home "
     "care by a quarter by 2030. `hhu calibrate` runs the baseline and multiplies each factor's entry hazard by sex "
     "and age group (adults 20+; frailty and home care 65+) by the ratio of the target to the simulated odds over "
     "2022-2040, and the nursing-home admission rate by the ratio of the shares (data/health/"
     "prevalence_calibration.csv, written by the model); the baseline then keeps the published prevalence by age "
     "(age-specific rates constant, or following their trend), so that changes in totals come from demography. "
     "Scenarios use the same factors; one group stays off: male smokers aged 25-29 (odds 17% above target: the "
     "6%/yr quit rate cannot bring the 20-24 peak down fast enough)"),
    ("A-H-DALY-YLL", "The standard life table of the years of life lost",
     "a death's years of life lost are the remaining life expectancy at its age and sex in the model's own 2021 "
     "national life table (data/mortality.csv), with a_x = 0.5 at every age: a national table, not the GBD "
     "reference table, so that DALYs averted are in the province's own years of life (GBD's frontier table would "
     "give every death some years more); a_0 = 0.5 instead of A-MORT-A0's 0.1 changes e(0) by about 0.001 years at "
     "today's infant mortality"),
    ("A-H-INFORMAL-CARE", "Who relies on informal care",
     "the indicators informal_care_receivers and prevalence_informal_care_need count residents 65+ living at home "
     "who are frail, receive home care or have dementia: the groups that rely on informal care (mantelzorg). The "
     "hours given and who gives them are the wellbeing model's (data/wellbeing/, A-MZ-HOURS); this count is the need "
     "they meet. Check: the count grows x1.65 from 2021 to 2040 in the baseline, in line with VTV-2024's doubling of "
     "the 75+ needing informal care by 2050 (figures.md C)"),
    ("A-H-ZONE-CALIB", "Zone odds ratios calibrated to regional and city figures",
     "a zone odds ratio is what remains after the model's own age, sex and education composition: with the "
     "national prevalence table, the 2021 zone populations (population_2021.csv) and education (education.csv), "
     "one odds ratio for Utrecht city (all districts, times the district pattern) is solved so that the city's "
     "18+ prevalence equals the city figure, and one for the 25 other municipalities so that the province equals "
     "the GGD regio Utrecht figure (GGD regio Utrecht taken as the province); where no regional figure exists the "
     "other municipalities get 1.0, where no city figure exists the city keeps its composition-only level"),
    ("A-H-CITY-OBESE", "Utrecht city split of overweight",
     "the city publishes overweight incl. obesity (38%, 2020) but not obesity for all adults: the region's obese "
     "share of overweight (12.2/44.3, CBS-85012NED) is applied (city obesity 10.5%)"),
    ("A-H-ALCOHOL-REGION", "Regional excessive drinking",
     "no regional excessive-drinking figure: the odds ratio of not meeting the alcohol guideline (57.7% region vs "
     "56.6% NL, CBS-85012NED) is transferred to excessive drinking"),
    ("A-H-DISTRICT", "Differences between Utrecht districts",
     "within the city, a district's odds ratio relative to the city = published raw odds ratio / the odds ratio "
     "its age, sex and education composition already gives, where a district figure exists: severe loneliness "
     "Overvecht 21% vs city 11% (2022) in full; overweight (Overvecht and Vleuten-De Meern about 50%, Oost and "
     "Binnenstad about 25% vs city 37% in 2016, Leidsche Rijn taken as 45% from the 2022 ranking) to the power 0.5, "
     "halving the remaining log difference because these values are approximate ('about half'), older, and partly "
     "explained by origin and income already correlated with the modelled education; elsewhere exp(e x index) with the "
     "deprivation index of A-EDUC-DISTRICT (mean log ratio of housing-corporation share and non-European origin "
     "share to the city's, CBS-KWB2023) and e = +0.25 (smoking, distress, loneliness, frailty), -0.25 (physical "
     "activity), 0 (drinking, former smoking); obesity takes the overweight pattern; then re-centred by the city "
     "odds ratio (A-H-ZONE-CALIB)"),
    ("A-H-BIG2-ZONE", "Big2 by zone",
     "Utrecht city is reported below NL and the G4 without a figure: city odds ratio 0.93 (about 1 percentage "
     "point below 14.8%); relative to the rest of the city Overvecht and Zuidwest 1.3 (part of their 1.5x "
     "perinatal death risk runs through Big2; education is modelled separately), Binnenstad 1.1 (no decline "
     "there), re-centred so the births-weighted city mean (KWB births 2022) is 0.93; other municipalities 1.0"),
    ("A-H-COND-LEVEL", "Condition prevalence by age",
     "diabetes: the 2017 age table (missing groups log-linearly interpolated, 85+ value for 85-89, 90-94, 95+) "
     "scaled per sex by the ratio of the 2020 to the 2017 crude rates; CHD, stroke, COPD: remembered age shapes "
     "(M-COND-AGE) scaled per sex so that the crude national rate with A-H-NL-WEIGHTS equals the published 2021 "
     "rate; dementia: shape scaled to 290,000 (2021) with women's odds 1.2x men's at the same age; "
     "depression/anxiety: A-H-DEPANX"),
    ("A-H-DEPANX", "Depression and anxiety",
     "12-month mood or anxiety disorder: 15% anxiety + 9% depression - 4.5% with both (half of the depressed also "
     "have an anxiety disorder, judgement) = 19.5% of 18-75 (NEMESIS3), with an age shape falling after 55 and "
     "women's odds 1.6x men's (M-COND-AGE); 6% at 12-14 and 10% at 15-17 (judgement); none under 12; remission "
     "0.30 per year (the 12-month state lasts an episode plus up to a year; anxiety disorders are often chronic)"),
    ("A-H-INCIDENCE", "Incidence consistent with prevalence",
     "incidence per person-year without the condition at single age x: i = [p(x+1) - p(x) + r p + p(1-p)(RR-1) "
     "m0(x)] / (1-p), p linear between group midpoints, r remission, RR the condition's death RR "
     "(relative_risks.csv), m0 = m/(1+p(RR-1)) with m the 2022 death rate (mortality.csv); negative values set to "
     "0; averaged over the group weighted by 1-p. This keeps the base-year age pattern stable in a stationary "
     "population; the published new-case counts are printed as checks"),
    ("A-H-PH-LEVEL", "Perceived health level from healthy life expectancy",
     "no 2021 share by age is cited: an age shape (M-RF-AGE) with education odds ratios 0.45 (low) and 0.70 "
     "(middle) (M-EDU-OR) is shifted per sex at ages 18+ so that the Sullivan healthy life expectancy with the "
     "2022 life table (mortality.csv, = 2021) equals 65.4 (men) and 65.1 (women) (STAATVENZ-HLE2021); children "
     "keep the shape. The implied 18+ share is printed against 79% (2020) and 70% (2022)"),
    ("A-H-PH-BASE", "Perceived health of people without the conditions",
     "perceived_health.csv gives the share for residents without any modelled condition: per cell the base odds "
     "b are solved so that the average over the 128 combinations of the seven conditions (independent, with the "
     "age-sex prevalence of conditions.csv scaled by the education RR) of logistic(logit b + sum ln OR) equals the "
     "population-average share; multiplying by the condition odds ratios then reproduces the population average"),
    ("A-H-UTILITY-BASE", "Utility of people without the conditions",
     "EQ-5D norms are population averages: utility_norms.csv = norm / E[prod(1 - dw)] with the conditions "
     "independent at their age-sex prevalence (conditions.csv), capped at 1; frailty and recent hip fracture are "
     "not removed (they add weights on top); under 18 utility 0.95 (no Dutch EQ-5D-Y tariff)"),
    ("A-H-DW-MIX", "Disability weights as severity mixes",
     "GBD weights (GBD-DW) mixed by an assumed distribution of severity among prevalent cases: diabetes 75% "
     "uncomplicated, 20% neuropathy, 5% retinopathy; CHD 50% asymptomatic (weight 0), angina 30/15/5% mild/moderate/"
     "severe (its former 15% of heart failure, 5/5/5%, is the condition heart_failure since it has its own "
     "prevalence); heart failure 40/40/20% mild/moderate/severe (GP-registered cases, judgement); stroke levels 1-5 45/25/15/10/5%; COPD 55/30/15%; dementia 50/30/20%; "
     "depression_anxiety: depression (9 of 19.5 points) 40/40/20%, anxiety 50/35/15%; hip fracture (first year) "
     "0.15 and frailty 0.10 by judgement (no GBD weight in figures.md)"),
    ("A-H-RR-DEATH-RESIDUAL", "Direct effects of risk factors on death",
     "risk factors act on death partly through the modelled conditions: the direct RRs on death are residuals "
     "(smoking current 1.6 / former 1.2 for cancers and other smoking deaths not modelled; obesity 1.2; inactivity "
     "1.2; excessive drinking 1.3; severe loneliness 1.2), smaller than the total associations in the literature; "
     "the model normalises death hazards to the life table. Frailty and the conditions are not among them: their "
     "rows are associations adjusted for age and sex only (A-H-RR-DEATH-MUTUAL); education's are totals "
     "(A-H-RR-EDU-MEDIATED)"),
    ("A-H-RR-DEATH-MUTUAL", "Death rows of the conditions and frailty are marginal associations; the model makes them conditional",
     "the published relative risks of death of diabetes, CHD, stroke, COPD, dementia, depression/anxiety and frailty "
     "compare those with and without it at the same age and sex, not adjusted for the others, so each carries the "
     "deaths of the conditions that come with it; multiplied together they counted the shared part once per "
     "condition (the mean relative risk of death at 85+ was 10.9 for low- and 4.6 for high-educated men, and the "
     "education gradient in death grew with age from 1.3 at 30-49 to 2.4 at 85+). The model applies conditional "
     "relative risks: computed from the residents of 1 January 2021 so that, with the others and the residual risk "
     "factors as they are drawn, the model reproduces each published association (mean relative risk of the "
     "exposed over the unexposed per sex and age group, averaged with the expected deaths of the exposed as "
     "weights; fixed point, never below 1)"),
    ("A-H-RR-NH-MUTUAL", "Nursing-home rows of dementia and frailty are associations with admission; the model makes them conditional",
     "dementia's hazard ratio of nursing-home admission (5.44, Alzheimer's disease against age-matched controls, "
     "EAKER2002; other dementia 5.08) and frailty's (4-5 times, SCP-FRAIL-NU; 4.5 taken; probably a crude ratio, "
     "not within age, so it may overstate the association within an age group, which the model fits) are not "
     "adjusted for the model's other relative risks of admission (stroke 2.59, living alone, a recent hip fracture) "
     "and of what comes with them in the model (stroke with dementia, ...): multiplied, the shared part is counted "
     "once per factor. As for death (A-H-RR-DEATH-MUTUAL), the model applies conditional relative risks computed from "
     "the residents of 1 January 2021 not in a nursing home, so that with its other relative risks as they are it "
     "reproduces both published associations (per sex and age group, averaged with the expected admissions of the "
     "exposed as weights; fixed point, never below 1). The model does not correlate frailty with dementia within an "
     "age group (frailty is drawn by zone, sex, age and education): the adjustment removes the overlap the model "
     "produces, mostly through stroke, not the real one, and does not cap their joint effect (the frail with dementia "
     "are admitted at about 17 times the others' rate). The conditional values depend on the residents drawn: at full "
     "scale dementia 4.04 and frailty 4.26, at scale 0.05 3.9-4.4 over seeds. Before, dementia's 4 was a judgement "
     "between its marginal and adjusted values, and frailty's 3 lay below its source's range with no reason written "
     "down"),
    ("A-H-TARGET-EDU", "Tolerance of the life expectancy targets by education",
     "the register's figures are national and pooled over 2019-2022, the model's the province's 2022 period table: "
     "1 year for life expectancy (the province's lead over the nation is about half a year), 2 years for healthy "
     "life expectancy (shown for comparison)"),
    ("A-H-RR-EDU-MEDIATED", "Education rows are total associations; the model applies the direct part",
     "the published relative risks of low and middle education (on the onset of each condition and on death) are "
     "total associations, part of which runs through risk factors and conditions the model carries itself and that "
     "are more common with less education. The model applies only the direct part: the total divided by the "
     "mediated part, computed from the residents of 1 January 2021 (product method: per sex and age group, the "
     "mean relative risk of the modelled risk factors (and, for death, of the conditions) at that education level "
     "over that of the highly educated; for a condition averaged with the expected onsets as weights, for death, "
     "whose total is by sex and age group (education_death.csv), kept per group), never below 1. Before this, "
     "the totals were applied on top of the mediators and life expectancy by education came out 7.6 years apart "
     "in 2022 against 4.8 in the register (CBS-84842NED)"),
    ("A-H-EDU-DEATH-TOTAL", "Total relative risk of death by education, per CBS level",
     "KULHANOVA2014 reports all-cause mortality about two times higher for primary than for tertiary educated men "
     "and women aged 30-79 (Dutch Labour Force Surveys linked to the death register 1998-2007): 2.0 for primary, "
     "both sexes. Upper secondary (CBS middle) 1.4, the geometric midpoint between 1 and 2.0; lower secondary "
     "(vmbo, mbo-1) 1.67, the geometric midpoint between upper secondary and primary (the paper's per-level hazard "
     "ratios were not readable in the stored pages). CBS low holds primary and lower secondary: its relative risk "
     "is their mean weighted by their shares in the province, 7.4% basisonderwijs and 15.3% vmbo/mbo-1 of the "
     "15-75-year-olds in 2022 (CBS-85525NED), so 1.78 (the share of primary among the low-educated is higher at "
     "older ages, not published by age here)"),
    ("A-H-EDU-DEATH-AGE", "Age pattern of the total relative risk of death by education",
     "the Dutch totals (A-H-EDU-DEATH-TOTAL) are held from birth to 74 (the study covers 30-79; few deaths before "
     "30); from 75 their logarithm is scaled by the decline REQUES2015 reports from 65-74 to 75-84 and to 85+ "
     "(ln RR of the older group over ln RR at 65-74: men 0.85 and 0.97, women 0.91 and 0.86). Relative "
     "educational inequality in mortality declines with age but persists (Huisman et al. JECH 2004, abstract); "
     "the Spanish census figures are the per-age ratios that could be read, Southern rather than North-Western "
     "Europe"),
    ("A-H-HIPFX-DEATH", "Excess death after hip fracture",
     "one excess hazard for 65+ during the 12 months after a hip fracture, solved so that, with the case mix of "
     "seniors.csv hip fractures in the national population and a background death rate of 1.5x the population "
     "rate (fracture patients are frailer; the model carries this through the frailty and dementia RRs), 20% die "
     "within a year (KANTERS2020). relative_risks.csv has no death row for hip_fracture_recent, so the effect is "
     "not counted twice"),
    ("A-H-FALLS", "Falls treated at an emergency department",
     "about 280 a day in 2021 (102,200 a year, VEILIGHEIDNL-FALLS) over the 65+ population of 2021 (LOKET-POP2021); "
     "rate rising 8.5% per year of age (judgement: doubling about every 8 years); women's rate ratio solved so that "
     "women are two thirds of cases (2024 figure)"),
    ("A-H-HIPFX-RATE", "Hip fracture rates by 5-year group",
     "Vektis 2017 rates (65-74 238, 85+ 2,043 per 100,000; 75-84 interpolated geometrically: 697) spread over "
     "5-year groups with the log-linear age slope these points imply (0.1075 per year), rescaled so that each "
     "band's population-weighted mean equals the published value (A-H-NL-WEIGHTS); women's rate 1.8x men's "
     "(M-SENIOR-RR) with the band mean kept; 0 below 65 (the model starts hip fractures at 65)"),
    ("A-H-NH-STOCK", "Nursing-home residents by age and sex",
     "the institutional age-sex pattern of household.csv (A-HH-INSTITUTION) scaled so that the national stock "
     "(A-H-NL-WEIGHTS) is 122,445 (ACTIZ-2023, 1-10-2023, taken for 2021); nursing home and institution are the "
     "same residents"),
    ("A-H-NH-ADMISSION", "Nursing-home admission hazard",
     "admission hazard consistent with the stock profile in a stationary population: h = [P(x+1) - P(x) + P(1-P)"
     "(HR-1) d_out] / (1-P) with the death rate of residents HR = 3 times that of people at home of the same age "
     "(median survival after admission about two years, judgement), population death rate 2022; from age 55. It is "
     "the population-average hazard: the model multiplies it by the RRs (dementia, frailty, recent hip fracture, "
     "living alone, stroke) normalised like incidence"),
    ("A-H-HOMECARE", "Home care",
     "share of home-dwelling residents receiving home care (Wmo household help and/or district nursing): anchored "
     "on Wmo household help 14.7% (75-84) and 29.3% (85+) in 2022 (CBS-GMSD-WMO2022) times 1.3 for clients with "
     "district nursing only (judgement); women's odds 1.3x men's; exit hazard 0.30 per year besides death and "
     "admission (many short post-hospital episodes); 0 below 65"),
    ("A-H-NEONATAL", "Neonatal mortality by Big2",
     "perinatal mortality of preterm births from the 2017 gestational-age table with the gestational-age mix of "
     "M-PERINATAL-MIX; term SGA 2.5x term non-SGA; the ratio Big2 : other is applied to the 2021 neonatal mortality "
     "1.7 per 1000 (>=24 wk) so that the national rate is met. These deaths are part of infant mortality in "
     "mortality.csv (m(0)): the model must not add them on top"),
    ("A-H-ENV", "Environment attributes",
     "green per dwelling: Utrecht city 65.5 m2 per household (REKENKAMER-GROEN) spread over the districts by "
     "judgement (Binnenstad dense, Overvecht and the new western districts green) and re-centred on the household-"
     "weighted city mean (KWB households 2023); 100 m2 for the other municipalities (no figure found; only changes of an attribute enter the model, so this level does not affect results); "
     "active mobility index = share of trips on foot or by bicycle, 0.55 city (0.65 Binnenstad ... 0.45 outer "
     "districts) and 0.42 elsewhere (judgement, M); social housing = KWB 2023 housing-corporation share "
     "(CBS-KWB2023) in the districts and 0.28 elsewhere (M)"),
    ("A-H-ENV-EFFECT", "Environment effects",
     "conservative odds ratios (the cited studies give associations without usable ORs, MAAS2009, DEVRIES2016, "
     "KELLY2014): per +10 m2 green per dwelling psych_distress 0.98, lonely_severe 0.99, physically_active 1.01; "
     "per +0.10 active-mobility share physically_active 1.15, obese 0.95. They apply to the change of an attribute "
     "from its value in environment.csv (the 2021 baseline), because zone_odds_ratios.csv already contains the "
     "baseline environment"),
    ("A-H-GP", "GP hours",
     "GP contacts by age (M-GP-CONTACTS) scaled to 6 per inhabitant (HARTENVAAT-GP, national weights), 0.2 hours "
     "per contact (10-minute consult plus documentation and phone work); extra hours per case: diabetes 1.0, CHD "
     "0.6, heart failure 0.6 (as CHD), stroke 0.6, COPD 0.8, dementia 1.2, depression/anxiety 0.5; the age-group hours are for residents "
     "without these conditions (total minus prevalence x extra), so condition hours are not counted twice"),
    ("A-H-CARE-HOURS", "Home care, nursing home and mental health hours",
     "home care 244 h per client-year: 40% of clients receive district nursing at 8 h/week (VEKTIS-WIJKVERPLEGING: "
     "7-9 h) and 75% household help at 2 h/week (judgement); nursing home 1,040 h per resident-year (20 h direct "
     "care a week, M-CARE-PRICES); mental health 5.3 h per 12-month depression/anxiety case (35% treated, 15 h per "
     "treated case including POH-GGZ, judgement)"),
    ("A-H-COSTS", "Costs per case",
     "RIVM cost of illness 2019 (RIVM-KVZ2019; COPD 753 M from VZINFO-COPD) divided by the prevalent cases of about "
     "that year (diabetes 1,145,500 in 2020; CHD 777,400 in 2020; stroke 521,500 in 2021; COPD 545,900 in 2021; "
     "dementia 280,000 in 2020); depression/anxiety: 30% (judgement) of all mental disorders (28.4 bn) minus "
     "dementia, intellectual disability and schizophrenia, over the 12-month cases of 18-75 (NEMESIS3 with "
     "A-H-DEPANX and A-H-NL-WEIGHTS). Dementia's is without its elderly care (92.5% of it in 2019, "
     "VZINFO-DEMENTIE-KOSTEN: nursing homes, personal care, home care): 7.5% of 10,309 M over 280,000 cases; the "
     "model costs nursing-home and home care by each resident's care state, with dementia or without, so that the "
     "care costs and their payers (the long-term care act's nursing-home hours, the municipalities' home care) are "
     "of the same residents, and a programme that keeps a resident with dementia at home saves its nursing-home "
     "cost. Before, the per-case cost included the elderly care and the care states were not costed for residents "
     "with dementia, while the payers' split priced every nursing-home hour: the health insurer's remainder took "
     "some -53,000 euro a year of a resident with dementia in a nursing home. Other conditions' long-term care is "
     "small and ignored"),
    ("A-H-CARE-COSTS", "Home care and nursing home costs",
     "home care per client-year = 166 h district nursing x 75 euro + 78 h household help x 30 euro; nursing home "
     "85,000 euro per resident-year (M-CARE-PRICES); price year 2021 (indexed by the model with the CPI); for every "
     "resident in the care state, with dementia or without (dementia's per-case cost is without its elderly care, "
     "A-H-COSTS)"),
    ("A-H-TARGET-TOL", "Tolerances of the health targets",
     "survey figures: 2 percentage points (sampling error of regional samples, rounding of published whole "
     "percentages, and Monte Carlo noise); figures calibrated by construction are flagged in the note; national "
     "condition rates applied to the province: the difference between the national crude rate and the rate "
     "expected with the province's age structure, plus 10%"),
    ("A-H-BIRTH-OUTCOMES", "Preterm birth and SGA as two outcomes at birth",
     "logit P(preterm) = base + ln OR of the mother's age (<20, 40+), low education (M-BIG2-OR, the same odds "
     "ratios for both outcomes: no separate figures found) and smoking in pregnancy (OR 1.27, SHAH2000); logit "
     "P(SGA) = base + the same age and education terms + smoking (aOR 2.26 for smoking throughout pregnancy, "
     "OHIO-FGR2017) + ln OR of being born preterm; the two base odds and the preterm-SGA odds ratio are solved so "
     "that the national averages over mothers (M-PERINATAL-MIX shares, smoking 7.7% TRIMBOS-ZWANGER, factors "
     "independent) are preterm 6.6%, SGA 9.7% and Big2 (preterm or SGA) 14.8% (VZINFO-PERINATAL 2021). The zone "
     "odds ratios of Big2 (A-H-BIG2-ZONE) multiply both odds. Low birth weight is not a third outcome: it is "
     "mostly preterm and/or SGA; the published LBW odds ratio of smoking (1.89, DI2022-LBW) is printed beside the "
     "model's implied Big2 odds ratio as a check"),
    ("A-H-NEONATAL-COST", "Neonatal care costs per preterm birth",
     "very preterm (<32 wk, 15.9% of preterm births: M-PERINATAL-MIX 0.15% + 0.9% of 6.6%) 63.1 days in hospital "
     "(EPICE-LOS2019); moderate and late preterm (32-36 wk) 10 days (judgement: no Dutch length of stay found; "
     "searched 'Netherlands neonatal admission length of stay moderate late preterm'); every day at the hospital "
     "nursing-day price 644 euro (ZIN-REFPRICES2022; the NICU day price is not used because the split of the stay "
     "between NICU and level II care is not known, so the cost is a lower bound); term SGA and term births: no "
     "extra neonatal cost. Price year 2022 (the model indexes it to 2023 prices, CBS-CPI-2023)"),
    ("A-H-PRETERM-UTILITY", "Lifelong utility loss after preterm birth",
     "residents born very preterm lose 0.06 of utility (BOLBOCEAN2022, HUI3, adults); it is applied at every age "
     "(the only pooled figure read is for young adults) as a mean over all preterm births: 0.06 x 15.9% very "
     "preterm = 0.0095; moderate and late preterm: none. Residents of 1 January 2021 and arrivals were born "
     "preterm with the national share 6.6% (VZINFO-PERINATAL; 7.6% in 2011). The EQ-5D norms are not rescaled for "
     "it (0.066 x 0.0095 = 0.06% of mean utility)"),
    ("A-H-PRETERM-ASTHMA", "Asthma in children born preterm",
     "children 0-17 born preterm have asthma with the odds of term children times the adjusted OR 1.46 (BEEN2014, "
     "wheezing disorders); the term children's share is solved so that the mix with 6.6% preterm births "
     "(VZINFO-PERINATAL) averages the 7% of children with asthma (VZINFO-ASTMA), and the preterm children's excess "
     "share over it (about 2.9 percentage points) is accrued as expected child-years with asthma attributable to "
     "preterm birth (no asthma state). Each costs 350 euro a year, the asthma care cost of a child 0-10 "
     "(SUIJKERBUIJK2013, 2007 prices, indexed by the model with the CPI: a lower bound, as care prices rose faster "
     "than consumer prices). No "
     "utility loss is added: Dutch children with asthma in usual care score 0.96 on the EQ-5D (PLEASANT-UTILITY), "
     "no lower than the model's norms for children (0.95-0.96), and the lifelong loss after very preterm birth "
     "(A-H-PRETERM-UTILITY) already applies to them"),
    ("A-H-PRETERM-SEN", "Special educational needs of children born preterm",
     "children born preterm have special educational needs 3.7 percentage points more often than children born at "
     "term (8.4% against 4.7%, MACKAY2010, the Scottish school census; no Dutch or other European effect size by "
     "gestation was found: the Dutch POPS cohort reports school outcomes of very preterm children only), at school "
     "ages 4-17 (the Dutch compulsory school ages; the Scottish census covers school-aged children): accrued as "
     "expected pupil-years with special needs attributable to preterm birth (no state). The crude difference is "
     "used: the adjusted odds ratios by gestation (1.53 at 33-36 weeks to 6.92 at 24-27) imply about the same "
     "excess with the Dutch mix of gestations. The Scottish share (4.9%) is close to the Dutch share of pupils in "
     "special education facilities (4.3%, CBS-JEUGDMONITOR-SO2020). Each pupil-year costs 2.2 times the basic "
     "funding of a primary pupil, 9,100 euro (BALANS-BEKOSTIGING, 2022): the direct costs of a pupil with special "
     "support needs were 3.2 times those of another pupil (ESB2009-ZORGLEERLINGEN, 2007), so 20,020 euro a year "
     "more (2022 prices). Education spending: counted apart (preterm_special_education_cost_eur), not in the "
     "health-care costs (cost_eur); no utility loss is added (the lifelong loss after very preterm birth, "
     "A-H-PRETERM-UTILITY, already applies)"),
    ("A-H-CHILD-PROTECTION", "Child protection reports in the first three years",
     "a newborn of a mother in the VoorZorg target group (under 26, low education, first child) has a child "
     "protection report by age 3 with probability 19% (control arm of MEJDOUBI2015); other newborns 5.6% = "
     "1 - (1 - 0.0192)^3, with 0.0192 per child-year = 64,000 child-maltreatment reports a year (half of 2 x "
     "64,000, CBS-VEILIGTHUIS2024) over 3.33 million children 0-17 (M-NL-POP2021); reports, not children, so an "
     "upper bound. The report is counted in the year of birth (the cohort's outcome), decided at birth. Residents "
     "born before they enter the model (those of 1 January 2021, arrivals) carry a report with the chance of other "
     "newborns, 5.6% (their mothers unknown; an assumption), so that its lifelong costs (A-H-CHILD-PROTECTION-COST) "
     "are there from the start and do not grow from nothing as the run's own cohorts age; their reports are not "
     "counted (they were made before the run)"),
    ("A-H-CHILD-PROTECTION-COST", "Costs after a child protection report",
     "869 euro a year from birth for as long as the child lives in the model: the lowest per-person excess cost of "
     "TRIMBOS-KM2016 (adult health care and productivity after childhood maltreatment); no Dutch youth-care cost per "
     "report was found (searched 'kosten jeugdbescherming per kind', 'maatschappelijke kosten kindermishandeling "
     "per slachtoffer'), so the adult figure stands in for the child's care use. Price year 2016, the date of the "
     "report that quotes it (an earlier year is possible); indexed by the model with the CPI"),
]
SOURCES += health_falls.SOURCES
ASSUMPTIONS += health_falls.ASSUMPTIONS
SOURCES += rrs.SOURCES
ASSUMPTIONS += rrs.ASSUMPTIONS
SOURCES += hf.SOURCES
ASSUMPTIONS += hf.ASSUMPTIONS

# ---------------------------------------------------------------------------------------------
# Constants with their sources.
# ---------------------------------------------------------------------------------------------
# National population 1-1-2021 by 5-year group, thousands (M-NL-POP2021), rescaled to LOKET-POP2021.
NL_POP_2021_K = [855, 890, 955, 1050, 1110, 1130, 1090, 1040, 1040, 1190, 1300, 1280, 1140, 1020, 960, 640, 440, 260,
                 110, 28]
NL_TOTAL_2021 = 17475415          # M-NL-POP2021
NL_65_79_2021 = 2618874           # LOKET-POP2021
NL_80PLUS_2021 = 838661           # LOKET-POP2021

# Risk-factor shapes (M-RF-AGE): prevalence % by age group for the adult part (ages >= 18; group 15-19 = 18-19),
# per sex (male, female); youth: % for the eligible ages under 18 in the group.
ADULT_GROUPS = list(range(3, NG))  # 15-19 (18-19 part) .. 95+
RF_SPEC = {
    "smoking_current": dict(
        min_age=12, target_min=18, total=16.7, sex=("or", 27.0, 19.9), edu=("fit", (23.6, 22.8, 14.2)),
        adult={3: (20, 17), 4: (27, 22), 5: (30, 22), 6: (30, 21), 7: (28, 20), 8: (27, 20), 9: (27, 21),
               10: (26, 21), 11: (25, 20), 12: (22, 18), 13: (18, 15), 14: (14, 12), 15: (11, 9), 16: (8, 6),
               17: (6, 4), 18: (4, 3), 19: (3, 2)},
        youth={2: (2, 2), 3: (8, 7)}, youth_total=None,
        src=["CBS-85012NED", "CBS-83021NED", "NIEUWS-SMOKING2017", "M-RF-AGE", "A-H-NL-WEIGHTS",
             "A-H-LEVEL-SURVEY", "A-H-RF-MODEL", "A-H-EDU-MARGINAL", "A-H-YOUTH"]),
    "smoking_former": dict(
        min_age=12, target_min=18, total=33.4, sex=None, edu=("fixed", (1.10, 1.05)),
        adult={3: (3, 3), 4: (6, 6), 5: (12, 12), 6: (17, 16), 7: (22, 20), 8: (26, 24), 9: (30, 27), 10: (34, 30),
               11: (40, 34), 12: (45, 38), 13: (52, 40), 14: (58, 40), 15: (62, 38), 16: (63, 35), 17: (62, 30),
               18: (60, 28), 19: (58, 25)},
        youth={2: (1, 1), 3: (2, 2)}, youth_total=None,
        src=["NOS-SMOKING2018", "M-RF-AGE", "A-H-NL-WEIGHTS", "A-H-RF-MODEL", "A-H-FORMER", "A-H-YOUTH"]),
    "overweight": dict(
        min_age=2, target_min=18, total=34.8, sex=("or", 42.0, 30.0),
        edu=("fit", (60.7 - 18.6, 57.7 - 17.9, 43.9 - 10.9)),
        adult={3: (15, 13), 4: (22, 17), 5: (32, 22), 6: (38, 26), 7: (42, 29), 8: (45, 31), 9: (47, 33),
               10: (48, 35), 11: (49, 36), 12: (50, 38), 13: (50, 39), 14: (50, 40), 15: (49, 40), 16: (47, 38),
               17: (44, 35), 18: (40, 32), 19: (36, 28)},
        youth={0: (8, 9), 1: (11, 12), 2: (12.5, 13.5), 3: (13, 14)}, youth_total=(4, 14.7 - 2.5),
        src=["CBS-85012NED", "CBS-83021NED", "MVO-VTV2014", "CBS-LSM-CHILD2020", "M-RF-AGE", "A-H-NL-WEIGHTS",
             "A-H-LEVEL-SURVEY", "A-H-RF-MODEL", "A-H-EDU-MARGINAL", "A-H-YOUTH"]),
    "obese": dict(
        min_age=2, target_min=18, total=14.7, sex=("or", 11.0, 14.0), edu=("fit", (18.6, 17.9, 10.9)),
        adult={3: (5, 6), 4: (7, 8), 5: (9, 10), 6: (11, 12), 7: (12, 14), 8: (14, 15), 9: (15, 16), 10: (16, 17),
               11: (17, 18), 12: (18, 19), 13: (18, 20), 14: (17, 19), 15: (15, 17), 16: (12, 14), 17: (9, 11),
               18: (7, 8), 19: (5, 6)},
        youth={0: (1.2, 1.2), 1: (2.3, 2.3), 2: (2.7, 2.7), 3: (3.0, 3.0)}, youth_total=(4, 2.5),
        src=["CBS-85012NED", "CBS-83021NED", "MVO-VTV2014", "CBS-LSM-CHILD2020", "M-RF-AGE", "A-H-NL-WEIGHTS",
             "A-H-LEVEL-SURVEY", "A-H-RF-MODEL", "A-H-EDU-MARGINAL", "A-H-YOUTH"]),
    "physically_active": dict(
        min_age=4, target_min=18, total=None, sex=None, edu=("fixed", (0.65, 0.80)),
        adult={3: (48, 48), 4: (48, 48), 5: (47, 47), 6: (46, 46), 7: (45, 45), 8: (45, 45), 9: (46, 46),
               10: (47, 47), 11: (48, 48), 12: (49, 49), 13: (48, 48), 14: (42, 42), 15: (35, 35), 16: (30, 30),
               17: (22, 22), 18: (16, 16), 19: (12, 12)},
        youth={0: (62, 62), 1: (62, 62), 2: ((2 * 62 + 3 * 36) / 5, (2 * 62 + 3 * 36) / 5), 3: (36, 36)},
        youth_total=None,
        src=["RIVM-BEWEEG2021", "M-RF-AGE", "M-EDU-OR", "A-H-NL-WEIGHTS", "A-H-RF-MODEL", "A-H-PA-ADULT",
             "A-H-YOUTH"]),
    "excessive_alcohol": dict(
        min_age=16, target_min=18, total=7.0, sex=None, edu=("fixed", (1.0, 1.0)),
        adult={3: (12, 10), 4: (12, 10), 5: (8, 6), 6: (6, 5), 7: (5, 4), 8: (5, 4), 9: (6, 5), 10: (7, 6),
               11: (8, 7), 12: (9, 8), 13: (9, 8), 14: (8, 7), 15: (6, 5), 16: (4, 3), 17: (3, 2), 18: (2, 1.5),
               19: (2, 1.5)},
        youth={3: (5, 5)}, youth_total=None,
        src=["CBS-LSM-TREND", "M-RF-AGE", "A-H-NL-WEIGHTS", "A-H-RF-MODEL", "A-H-ALCOHOL", "A-H-YOUTH"]),
    "psych_distress": dict(
        min_age=12, target_min=18, total=None, sex=("levels", 5.0, 7.0), edu=("fixed", (2.0, 1.3)),
        adult={3: (9, 12), 4: (9, 12), 5: (7, 10), 6: (6, 9), 7: (5, 8), 8: (5, 7), 9: (5, 7), 10: (5, 6),
               11: (4, 5), 12: (4, 5), 13: (3, 4), 14: (3, 4), 15: (3, 5), 16: (4, 5), 17: (4, 6), 18: (5, 6),
               19: (5, 6)},
        youth={2: (7, 11), 3: (9, 15)}, youth_total=(12, 10.9),
        src=["RIVM-K10-2020", "TRIMBOS-YOUTH-MH", "M-RF-AGE", "A-H-NL-WEIGHTS", "A-H-RF-MODEL", "A-H-DISTRESS",
             "A-H-YOUTH"]),
    "lonely_severe": dict(
        min_age=18, target_min=18, total=11.0, sex=None, edu=("fixed", (1.6, 1.2)),
        adult={3: (12, 12), 4: (12, 12), 5: (11, 11), 6: (11, 11), 7: (11, 11), 8: (11, 11), 9: (12, 12),
               10: (12, 12), 11: (11, 11), 12: (10, 10), 13: (8, 8), 14: (8, 8), 15: (10, 10), 16: (10, 10),
               17: (12.5, 12.5), 18: (12.5, 12.5), 19: (12.5, 12.5)},
        youth={}, youth_total=None,
        src=["VZINFO-EENZAAMHEID", "M-RF-AGE", "M-EDU-OR", "A-H-NL-WEIGHTS", "A-H-RF-MODEL"]),
    "frail": dict(
        min_age=65, target_min=65, total=22.0, sex=("female_share", 2.0 / 3.0), edu=("fixed", (2.0, 1.4)),
        adult={13: (9, 11), 14: (14, 17), 15: (21, 26), 16: (30, 36), 17: (37, 44), 18: (46, 53), 19: (54, 61)},
        youth={}, youth_total=None,
        src=["VEKTIS-FRAIL", "GGDHL-TFI2016", "M-EDU-OR", "A-H-NL-WEIGHTS", "A-H-RF-MODEL", "A-H-FRAIL"]),
}
RF_FACTORS = list(RF_SPEC)
PA_4PLUS_2021 = 47.0          # RIVM-BEWEEG2021
PA_4_11, PA_12_17 = 62.0, 36.0  # RIVM-BEWEEG2021

# Dynamics (A-H-DYNAMICS): exit hazard per year, relapse share
DYNAMICS = {"smoking_current": (0.06, 0.5), "smoking_former": (0.0, 0.0), "overweight": (0.08, 0.0),
            "obese": (0.08, 0.0), "physically_active": (0.25, 0.0), "excessive_alcohol": (0.30, 0.0),
            "psych_distress": (0.50, 0.0), "lonely_severe": (0.35, 0.0), "frail": (0.12, 0.0)}

# Trends (VTV2018-LEEFSTIJL)
VTV_SMOKING = (2015, 0.25, 2040, 0.14)
VTV_OVERWEIGHT = (2015, 0.49, 2040, 0.62)
VTV2024_OVERWEIGHT = (2022, 0.50, 2050, 0.64)  # check only

# Zone figures: GGD regio Utrecht and NL 2020 (CBS-85012NED), Utrecht city 2020 (UM-GEZONDHEID), 2022 (VGM...)
REGION = {"smoking_current": (15.1, 16.7), "overweight": (32.1, 34.8), "obese": (12.2, 14.7),
          "overweight_total": (44.3, 49.4), "alcohol_guideline": (42.3, 43.4), "good_health": (81.1, 79.1)}
CITY_2020 = {"smoking_current": 18.0, "overweight_total": 38.0, "physically_active": 60.0, "excessive_alcohol": 6.0,
             "psych_distress": 7.0, "lonely_severe": 11.0, "good_health": 83.0}
CITY_2022 = {"overweight_total": 35.0, "lonely_severe": 11.0, "lonely_overvecht": 21.0}
CITY_2016_OVERWEIGHT = 37.0                      # UM-GEZONDHEID (2016 column)
DISTRICT_OVERWEIGHT_RAW = {"WK034403": 50.0, "WK034410": 50.0, "WK034405": 25.0, "WK034406": 25.0,
                           "WK034409": 45.0}     # VGM-UTRECHT-UGP2022 (2016 text; Leidsche Rijn A-H-DISTRICT)
DISTRICT_SHRINK = 0.5                            # A-H-DISTRICT
INDEX_ELASTICITY = {"smoking_current": 0.25, "psych_distress": 0.25, "lonely_severe": 0.25, "frail": 0.25,
                    "physically_active": -0.25, "excessive_alcohol": 0.0, "smoking_former": 0.0}
BIG2_CITY_OR = 0.93                              # A-H-BIG2-ZONE
BIG2_DISTRICT_REL = {"WK034403": 1.3, "WK034408": 1.3, "WK034406": 1.1}

# Conditions
COND = ["diabetes", "chd", "stroke", "copd", "dementia", "depression_anxiety", "heart_failure"]
DIAB_2017 = {  # VZINFO-DIABETES, per 1000 (men, women); group index: value
    0: (1.0, 1.1), 3: (5.3, 5.9), 6: (10.2, 9.6), 8: (29.5, 23.1), 10: (70.0, 54.1), 12: (144.1, 109.6),
    13: (189.8, 140.7), 14: (228.8, 182.6), 15: (257.4, 218.8), 16: (267.5, 254.8), 17: (262.3, 251.1)}
DIAB_CRUDE = {2017: (69.7, 62.9), 2020: (70.3, 61.1)}  # VZINFO-DIABETES per 1000
COND_SHAPE = {  # M-COND-AGE, per 1000 by group 0..19, (men list, women list)
    "chd": ([0.2] * 6 + [1, 3, 8, 18, 35, 60, 95, 135, 180, 220, 250, 265, 270, 270],
            [0.1] * 6 + [0.5, 1.5, 4, 9, 17, 30, 48, 72, 105, 140, 170, 190, 195, 195]),
    "stroke": ([0.5] * 6 + [1.5, 3, 5, 9, 15, 25, 40, 60, 85, 115, 145, 165, 170, 170],
               [0.5] * 6 + [1.2, 2.4, 4, 7.2, 12, 20, 32, 48, 68, 92, 116, 132, 136, 136]),
    "copd": ([0.5] * 7 + [3, 6, 12, 22, 40, 60, 85, 110, 130, 140, 135, 120, 110],
             [0.5] * 7 + [3, 6, 12, 22, 40, 60, 85, 110, 130, 140, 135, 120, 110]),
    "dementia": ([0] * 9 + [0.3, 0.6, 1.2, 2.5, 9, 23, 55, 150, 290, 420, 520],
                 [0] * 9 + [0.3, 0.6, 1.2, 2.5, 9, 23, 55, 150, 290, 420, 520]),
}
COND_CRUDE_2021 = {"chd": (56.3, 33.6), "stroke": (30.6, 28.9), "copd": (31.0, 31.2)}  # per 1000 by sex
DEMENTIA_2021 = 290000            # ALZHEIMER-NL
DEMENTIA_FEMALE_OR = 1.2          # A-H-COND-LEVEL
DEPANX_SHAPE = [0, 0, 6, 15, 24, 23, 22, 21, 20, 20, 19, 17, 15, 11, 9, 8, 8, 8, 8, 8]  # % (M-COND-AGE)
DEPANX_18_75 = 15.0 + 9.0 - 4.5  # A-H-DEPANX (NEMESIS3)
DEPANX_FEMALE_OR = 1.6
DEPANX_YOUTH = {2: 6.0, 3: 10.0}  # 12-14, 15-17 (A-H-DEPANX)
DEPANX_REMISSION = 0.30
COND_MIN_AGE = {"depression_anxiety": 12, "heart_failure": hf.HF_MIN_AGE}

# Relative risks: (outcome, factor, level, RR, published 95% interval low, high (None: none read), sources); the
# published ones in tools/health_relative_risks.py with their sources.
RR = [
    *rrs.CONDITION_ROWS,
    # heart failure (tools/health_heart_failure.py)
    *hf.RR_ROWS,
    # death (conditions and frailty: marginal associations made conditional, A-H-RR-DEATH-MUTUAL; risk factors:
    # residual, A-H-RR-DEATH-RESIDUAL); by education: by sex and age group in education_death.csv
    *rrs.DEATH_ROWS,
    hf.DEATH_ROW,
    # falls treated at an ED, hip fractures, nursing-home admission
    *rrs.SENIOR_ROWS,
    # perceived good health (odds ratios; no per-condition odds ratio was found in a source read)
    *[("perceived_good_health", c, "yes", v, None, None, "M-PH-OR") for c, v in
      (("diabetes", 0.50), ("chd", 0.45), ("stroke", 0.35), ("copd", 0.35), ("dementia", 0.30),
       ("depression_anxiety", 0.30))],
    hf.PH_ROW,
]

# The rows still resting on remembered values (an M- source), for the table's documentation.
REMEMBERED_RR = ", ".join(f"{o} {f} {l}" for o, f, l, *_, src in RR if any(i.startswith("M-") for i in src.split(";")))

# Seniors
FALLS_PER_DAY_2021 = 280            # VEILIGHEIDNL-FALLS
FALLS_FEMALE_SHARE = 2.0 / 3.0      # VEILIGHEIDNL-FALLS (2024)
FALLS_AGE_SLOPE = 0.085             # A-H-FALLS
HIP_RATES_2017 = {(13, 14): 238.0, (15, 16): math.sqrt(238.0 * 2043.0), (17, 18, 19): 2043.0}  # VEKTIS-HIP2017
HIP_PATIENTS_2017 = 25000           # VEKTIS-HIP2017 (check)
HIP_FEMALE_RR = 1.8                 # A-H-HIPFX-RATE (M-SENIOR-RR)
HIP_1Y_MORTALITY = 0.20             # KANTERS2020
HIP_BACKGROUND_HR = 1.5             # A-H-HIPFX-DEATH
NH_RESIDENTS = 122445               # ACTIZ-2023
NH_HR = 3.0                         # A-H-NH-ADMISSION
INST_75PLUS_2020 = 0.076            # TVGG-INST2020 (check)
HOMECARE_SHAPE = {13: 5, 14: 8, 15: 14, 16: 24, 17: 37, 18: 48, 19: 55}  # % home-dwelling (A-H-HOMECARE)
HOMECARE_FEMALE_OR = 1.3
HOMECARE_EXIT = 0.30
WMO_2022 = {"75-84": 14.7, "85+": 29.3}  # CBS-GMSD-WMO2022 (check)

# Perinatal
BIG2_NL = 0.148; PRETERM_NL = 0.066; SGA_NL = 0.097   # VZINFO-PERINATAL 2021
SMOKING_PREGNANCY = 0.077                             # TRIMBOS-ZWANGER 2021
NEONATAL_NL = 0.0017                                  # VZINFO-PERINATAL 2021, >=24 wk
PERI_GA_MORT = {"24-25": 561.0, "26-31": 137.0, "32-36": 18.0, "37-41": 1.7}  # per 1000, 2017, VZINFO-PERINATAL
GA_MIX = {"24-25": 0.0015, "26-31": 0.009}             # share of births, M-PERINATAL-MIX (32-36 = rest of preterm)
TERM_SGA_RR = 2.5                                     # M-PERINATAL-MIX
BIG2_OR = {"or_mother_under20": 1.3, "or_mother_40plus": 1.3, "or_low_education": 1.4}  # smoking: OR_SMOKING_*
MOTHER_MIX = {"under20": 0.006, "40plus": 0.045, "low_education": 0.20}  # M-PERINATAL-MIX
# The first 1000 days (A-H-BIRTH-OUTCOMES, A-H-NEONATAL-COST, A-H-PRETERM-UTILITY, A-H-CHILD-PROTECTION)
OR_SMOKING_PRETERM = 1.27        # SHAH2000
OR_SMOKING_SGA = 2.26            # OHIO-FGR2017, smoking throughout pregnancy
OR_SMOKING_LBW = 1.89            # DI2022-LBW (check only)
LOS_VERY_PRETERM = 63.1          # days, EPICE-LOS2019
LOS_OTHER_PRETERM = 10.0         # days, judgement (A-H-NEONATAL-COST)
HOSPITAL_DAY_EUR = 644.0         # 2022 prices, ZIN-REFPRICES2022
UTILITY_LOSS_VERY_PRETERM = 0.06  # BOLBOCEAN2022
CPS_RISK_GROUP = 0.19            # MEJDOUBI2015, control arm, by age 3
CPS_REPORTS_PER_YEAR = 64000     # CBS-VEILIGTHUIS2024: half of 2 x 64,000 reports concern children
CPS_COST_PER_YEAR = 869.0        # TRIMBOS-KM2016, euro per maltreated person per year (2016)
ASTHMA_OR_PRETERM = 1.46         # BEEN2014, adjusted
ASTHMA_SHARE_CHILDREN = 0.07     # VZINFO-ASTMA
ASTHMA_COST_CHILD_EUR = 350.0    # SUIJKERBUIJK2013, children 0-10, 2007 prices
ASTHMA_LAST_AGE = 17             # A-H-PRETERM-ASTHMA: children 0-17
SEN_PRETERM, SEN_TERM = 0.084, 0.047  # MACKAY2010
SEN_FIRST_AGE, SEN_LAST_AGE = 4, 17   # A-H-PRETERM-SEN
SEN_COST_RATIO = 3.2                  # ESB2009-ZORGLEERLINGEN (2007)
PUPIL_FUNDING_PO_EUR = 9100.0         # BALANS-BEKOSTIGING (2022)
# The price year of each euro amount of perinatal.csv (docs/research/price_years.md); the model indexes each to
# 2023 prices with the CPI (data/consumer_prices.csv).
PERINATAL_PRICE_YEARS = {
    "neonatal_cost_preterm_eur": 2022,                        # ZIN-REFPRICES2022: the nursing day, 2022 prices
    "child_protection_cost_per_year_eur": 2016,               # TRIMBOS-KM2016 (A-H-CHILD-PROTECTION-COST)
    "asthma_cost_per_child_year_eur": 2007,                   # SUIJKERBUIJK2013: asthma care costs 2007
    "special_education_extra_cost_per_pupil_year_eur": 2022,  # BALANS-BEKOSTIGING: basic funding 2022
}

# Perceived health (population average, %, by group; men; women = men - 2 at 18+) (M-RF-AGE), edu ORs (M-EDU-OR)
PH_SHAPE_M = [97, 97, 95, 91, 87, 85, 83, 81, 78, 75, 72, 69, 67, 66, 63, 58, 53, 48, 44, 40]
PH_EDU_OR = (0.45, 0.70)
HLE_2021 = {"male": 65.4, "female": 65.1}          # STAATVENZ-HLE2021
PH_18PLUS = {2020: 79.1, 2022: 70.0}              # CBS-85012NED / RIVM-GM2022 (check)

# Utility norms (M-EQ5D-NORMS), both sexes by adult band; men +0.015, women -0.015, then women's level calibrated
EQ5D_BAND = {3: 0.925, 4: 0.925, 5: 0.910, 6: 0.910, 7: 0.885, 8: 0.885, 9: 0.860, 10: 0.860, 11: 0.855, 12: 0.855,
             13: 0.865, 14: 0.865, 15: 0.815, 16: 0.815, 17: 0.770, 18: 0.740, 19: 0.720}
EQ5D_SEX_DIFF = 0.015
EQ5D_WOMEN_MEAN = 0.911            # CLARIJS2022 (check only)
UTILITY_CHILD = 0.95               # A-H-UTILITY-BASE
# Disability weights: GBD-DW values with severity mixes (A-H-DW-MIX)
DW_MIX = {
    "diabetes": [(0.75, 0.049), (0.20, 0.133), (0.05, 0.184)],
    # CHD without its heart failure (a condition of its own since; its 15% moved to the asymptomatic share)
    "chd": [(0.50, 0.0), (0.30, 0.033), (0.15, 0.080), (0.05, 0.167)],
    "stroke": [(0.45, 0.019), (0.25, 0.070), (0.15, 0.316), (0.10, 0.552), (0.05, 0.588)],
    "copd": [(0.55, 0.019), (0.30, 0.225), (0.15, 0.408)],
    "dementia": [(0.50, 0.069), (0.30, 0.377), (0.20, 0.449)],
    "heart_failure": hf.HF_DW_MIX,
}
DEPANX_DW_PARTS = {"depression": (9.0, [(0.4, 0.145), (0.4, 0.396), (0.2, 0.658)]),
                   "anxiety": (DEPANX_18_75 - 9.0, [(0.5, 0.030), (0.35, 0.133), (0.15, 0.523)])}
DW_OTHER = {"hip_fracture": 0.15, "frail": 0.10}   # A-H-DW-MIX

# Environment (A-H-ENV)
GREEN_CITY = 65.5                  # REKENKAMER-GROEN
GREEN_DISTRICT_REL = {"WK034401": 45, "WK034402": 45, "WK034403": 95, "WK034404": 60, "WK034405": 60,
                      "WK034406": 20, "WK034407": 55, "WK034408": 50, "WK034409": 85, "WK034410": 90}
GREEN_MUNI = 100.0
ACTIVE_DISTRICT = {"WK034401": 0.58, "WK034402": 0.55, "WK034403": 0.45, "WK034404": 0.58, "WK034405": 0.62,
                   "WK034406": 0.65, "WK034407": 0.57, "WK034408": 0.52, "WK034409": 0.45, "WK034410": 0.45}
ACTIVE_MUNI = 0.42
SOCIAL_MUNI = 0.28
ENV_EFFECTS = [  # attribute, factor, OR per unit, unit
    ("green_m2_per_dwelling", "psych_distress", 0.98, "10 m2 per dwelling"),
    ("green_m2_per_dwelling", "lonely_severe", 0.99, "10 m2 per dwelling"),
    ("green_m2_per_dwelling", "physically_active", 1.01, "10 m2 per dwelling"),
    ("active_mobility_index", "physically_active", 1.15, "0.10 share of trips"),
    ("active_mobility_index", "obese", 0.95, "0.10 share of trips"),
]

# Care use (A-H-GP, A-H-CARE-HOURS)
GP_CONTACTS_SHAPE = [5.0, 2.5, 2.2, 2.8, 3.2, 3.6, 3.9, 4.0, 4.2, 4.6, 5.1, 5.8, 6.6, 7.6, 8.8, 10.4, 12.0, 13.0,
                     13.5, 13.5]
GP_CONTACTS_MEAN = 6.0             # HARTENVAAT-GP
GP_HOURS_PER_CONTACT = 0.2
GP_EXTRA = {"diabetes": 1.0, "chd": 0.6, "stroke": 0.6, "copd": 0.8, "dementia": 1.2, "depression_anxiety": 0.5,
            "heart_failure": hf.HF_GP_EXTRA}
HOMECARE_HOURS = 0.40 * 8 * 52 + 0.75 * 2 * 52   # = 166.4 + 78 = 244.4
NH_HOURS = 20 * 52
MH_HOURS = 0.35 * 15
# Costs (RIVM-KVZ2019, VZINFO-COPD; A-H-COSTS)
COSTS_M = {"diabetes": (1308.0, 1145500), "chd": (1439.0, 777400), "stroke": (1361.0, 521500),
           "copd": (753.0, 545900), "dementia": (10309.0, 280000)}
# The share of dementia's health spending that is elderly care (nursing homes, personal care, home care): the model
# costs its residents' nursing-home and home care by their care state, like everyone's, and dementia without it
# (VZINFO-DEMENTIE-KOSTEN; A-H-COSTS).
DEMENTIA_ELDERLY_CARE_SHARE = 0.925
MENTAL_TOTAL_M = 28400.0; INTELLECTUAL_M = 9638.0; SCHIZO_M = 1421.0
DEPANX_COST_SHARE = 0.30
HOMECARE_COST = 166.4 * 75 + 78 * 30
NH_COST = 85000.0

# Numbers copied from figures.md into the constants above; the build stops if figures.md no longer has them.
FIGURES_KEYS = ["| smokers | 16.7 | 15.1 |", "| overweight (BMI≥25) | 49.4 | 44.3 |", "| moderate overweight | 34.8 | 32.1 |",
                "| obesity | 14.7 | 12.2 |", "| meets alcohol guideline | 43.4 | 42.3 |",
                "smokers low 23.6 / mid 22.8 / high 14.2%; overweight 60.7/57.7/43.9%; obesity 18.6/17.9/10.9%",
                "4+: 47% (2021)", "children 4-11: 62%, 12-17: 36% (2021)", "7% (2020)", "F 7, M 5",
                "severely 11.0% (2020)", "85+: 66/14", "65-74 8.4%", "14.7% (obesity 2.5%)",
                "| smokers | 22 | 22 | 20 | 18 |", "| overweight incl. obesity | 37 | 37 | 36 | 38 |",
                "| meets PA guideline | – | 60 | 60 | 60 |", "| excessive drinking | 8 | 8 | 7 | 6 |",
                "| high risk psychological problems | 5 | 7 | 7 | 7 |", "| severely lonely | – | – | 10 | 11 |",
                "(21% in Overvecht)", "smoking 25% (2015) → 14% (2040); overweight 49% → 62%",
                "65.4 / 65.1", "0-4 1.0/1.1; 15-19 5.3/5.9; 30-34 10.2/9.6", "85+ 262.3/251.1", "M 70.3, F 61.1",
                "69.7/1000", "290,000 (2021)", "anxiety disorders ≈15%; depressive disorder ≈9%",
                "6.6% (2021, 11,350 births", "9.7% (2021, 16,677)", "14.8% (2021)", "neonatal 1.7 per 1000",
                "24-25 561; 26-31 137; 32-36 18; 37-41 1.7", "7.7% (2021)", "~280/day", "2/3 women",
                "65-74: 238/100k; 85+: 2,043/100k", "~20% (65+)", "| 122,445;", "€10,309 M", "CHD €1,439 M",
                "stroke €1,361 M; diabetes €1,308 M", "all mental disorders €28.4 bn", "intellectual disability €9,638 M",
                "schizophrenia €1,421 M", "68 → 65.5 m² per household", "diabetes uncomplicated 0.049",
                "stroke long-term L1 0.019, L2 0.070, L3 0.316, L4 0.552, L5 0.588", "COPD 0.019 / 0.225 / 0.408",
                "depression 0.145 / 0.396 / 0.658; anxiety 0.030 / 0.133 / 0.523", "dementia 0.069 / 0.377 / 0.449",
                "Overvecht & Zuidwest ≈1.5×", "| good/very good perceived health | 79.1 | 81.1",
                "**70% (2022)**", "65.0 y (earlier edition 64.0)", "M 31.0, F 31.2"]
# Sources used only in printed checks (and named in README), not in any table value.
CHECK_ONLY_SOURCES = {"VTV2024-TREND", "VGM-UTRECHT-KIDS", "TVGG-INST2020", "RIVM-GM2022", "CBS-GMSD-WMO2022",
                      "CLARIJS2022"}


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
def logit(p):
    return math.log(p / (1.0 - p))


def expit(x):
    if x < -700:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


def odds(p):
    return p / (1.0 - p)


def shift(p, lnor):
    """Apply a log odds ratio to a probability (0 stays 0)."""
    if p <= 0.0:
        return 0.0
    return expit(logit(p) + lnor)


def solve(f, target, lo=-30.0, hi=30.0):
    """x with f(x) = target for increasing f (bisection)."""
    return bisect(lambda x: f(x) - target, lo, hi, tol=1e-12)


def group_ages(g):
    return list(range(5 * g, 5 * g + 5))  # 95+ spread over 95-99 (A-UNIFORM-AGE)


def n_ages(g, lo, hi=1000):
    return sum(1 for a in group_ages(g) if lo <= a < hi)


def mid_eligible(g, lo):
    a0 = max(5 * g, lo)
    return (a0 + 5 * g + 5) / 2.0


# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------
class Ctx:
    pass


def load_inputs(research, data):
    c = Ctx()
    cli.require_files(data, ["population_2021.csv", "education.csv", "household.csv", "mortality.csv", "zones.csv",
                             "sources.csv"], "demographic table(s)", "run tools/build_data.py first, or use --data DIR")
    cli.require_files(research, ["figures.md", "utrecht_districts_kwb_2023_2024.csv"], "research file(s)",
                      "use --research DIR")
    cli.figures_text(research, FIGURES_KEYS)
    c.zones = [r["code"] for r in read_csv(data / "zones.csv")]
    c.zone_name = {r["code"]: r["name"] for r in read_csv(data / "zones.csv")}
    c.districts = [r["code"] for r in read_csv(data / "zones.csv") if r["municipality_code"] == "GM0344"]
    c.munis = [z for z in c.zones if z not in c.districts]
    if len(c.zones) != 35 or len(c.districts) != 10:
        die("zones.csv: expected 35 zones of which 10 Utrecht districts")
    gi = {g: i for i, g in enumerate(AGE_GROUPS)}
    c.pop = {z: {s: [0.0] * NG for s in SEXES} for z in c.zones}
    for r in read_csv(data / "population_2021.csv"):
        c.pop[r["zone"]][r["sex"]][gi[r["age_group"]]] = float(r["count"])
    c.edu = {z: {s: [None] * NG for s in SEXES} for z in c.zones}
    for r in read_csv(data / "education.csv"):
        c.edu[r["zone"]][r["sex"]][gi[r["age_group"]]] = (float(r["low"]), float(r["middle"]), float(r["high"]))
    c.inst = {z: {s: [0.0] * NG for s in SEXES} for z in c.zones}
    c.alone = {z: {s: [0.0] * NG for s in SEXES} for z in c.zones}
    for r in read_csv(data / "household.csv"):
        c.inst[r["zone"]][r["sex"]][gi[r["age_group"]]] = float(r["institution"])
        c.alone[r["zone"]][r["sex"]][gi[r["age_group"]]] = float(r["alone"])
    c.mort = {}
    for r in read_csv(data / "mortality.csv"):
        c.mort.setdefault(int(r["year"]), {}).setdefault(r["sex"], {})[int(r["age"])] = float(r["rate"])
    c.m22 = {s: [c.mort[2022][s][x] for x in range(bd.MAXAGE + 1)] for s in SEXES}
    c.data_source_ids = {r["id"] for r in read_csv(data / "sources.csv")}
    c.kwb = {(int(r["kwb_year"]), r["regio"]): r for r in read_csv(research / "utrecht_districts_kwb_2023_2024.csv")}
    c.kwb_label = {}
    for z in c.districts:
        name = c.zone_name[z]
        lab = [k[1] for k in c.kwb if k[0] == 2023 and k[1].endswith(" " + name) and k[1].startswith("Wijk")]
        if len(lab) != 1:
            die(f"KWB file: no unique row for district {name}")
        c.kwb_label[z] = lab[0]
    c.prov_pop = {s: [sum(c.pop[z][s][g] for z in c.zones) for g in range(NG)] for s in SEXES}
    return c


def national_structure(c):
    """NL population 2021 by sex and group (A-H-NL-WEIGHTS) and national education shares."""
    k = [v * 1000.0 for v in NL_POP_2021_K]
    u65 = NL_TOTAL_2021 - NL_65_79_2021 - NL_80PLUS_2021
    f_u65 = u65 / sum(k[:13])
    f_6579 = NL_65_79_2021 / sum(k[13:16])
    f_80 = NL_80PLUS_2021 / sum(k[16:])
    tot = [v * (f_u65 if g < 13 else f_6579 if g < 16 else f_80) for g, v in enumerate(k)]
    c.nl_pop = {s: [0.0] * NG for s in SEXES}
    for g in range(NG):
        mshare = c.prov_pop["male"][g] / (c.prov_pop["male"][g] + c.prov_pop["female"][g])
        c.nl_pop["male"][g] = tot[g] * mshare
        c.nl_pop["female"][g] = tot[g] * (1 - mshare)
    # the national education pattern of tools/build_data.py (A-EDUC-CALIBRATION, with the province's weights)
    nat = bd.NationalEducation(c.prov_pop)
    c.nat_edu = {s: [None] * NG for s in SEXES}
    for s in SEXES:
        for g in range(5, NG):
            c.nat_edu[s][g] = nat.share(s, g)
    acc = [0.0] * 3
    n = 0.0
    for s in SEXES:
        for g in range(5, 9):
            for i in range(3):
                acc[i] += c.nat_edu[s][g][i] * c.nl_pop[s][g]
            n += c.nl_pop[s][g]
    young = tuple(v / n for v in acc)
    for s in SEXES:
        for g in range(5):
            c.nat_edu[s][g] = young
    c.W = {s: [[c.nl_pop[s][g] * c.nat_edu[s][g][e] for e in range(3)] for g in range(NG)] for s in SEXES}
    say("== National structure (A-H-NL-WEIGHTS) ==")
    say(f"   NL 1-1-2021: total {sum(tot):,.0f}; 65-79 {sum(tot[13:16]):,.0f}; 80+ {sum(tot[16:]):,.0f}; 65+ share "
        f"{100 * sum(tot[13:]) / sum(tot):.1f}% (cited 19.8%); scale factors <65 {f_u65:.4f}, 65-79 {f_6579:.4f}, "
        f"80+ {f_80:.4f}")
    say(f"   national education shifts (as build_data.py): low m {nat.sh_low['male']:+.3f} f "
        f"{nat.sh_low['female']:+.3f}, high {nat.sh_high:+.3f}; NL 25+ low/mid/high with NL weights: " +
        "/".join(pct(sum(c.W[s][g][e] for s in SEXES for g in range(5, NG)) /
                     sum(c.nl_pop[s][g] for s in SEXES for g in range(5, NG))) for e in range(3)))
    pv = sum(sum(c.prov_pop[s]) for s in SEXES)
    pv65 = sum(sum(c.prov_pop[s][13:]) for s in SEXES)
    say(f"   province 1-1-2021: {pv:,.0f}, 65+ {100 * pv65 / pv:.1f}% (younger than NL)")


# ---------------------------------------------------------------------------------------------
# 1. Risk-factor prevalence (national, sex x age x education)
# ---------------------------------------------------------------------------------------------
def rf_parts(spec, g):
    """(number of eligible youth ages, number of eligible adult ages) in group g."""
    mn = spec["min_age"]
    return n_ages(g, mn, 18), n_ages(g, max(mn, 18))


class RiskFactorModel:
    """The logistic model of one risk factor (A-H-RF-MODEL): logit of the shape's prevalence plus a level `c`, a
    female shift `d` and an education term `E`; under 18 a youth shift (`cyt` in total or `cy` per sex and group)."""

    SEX_INDEX = {"male": 0, "female": 1}

    def __init__(self, c, spec):
        self.c, self.spec = c, spec
        self.mn, self.tmin = spec["min_age"], spec["target_min"]
        self.par = dict(c=0.0, d=0.0, E=[0.0, 0.0, 0.0], cy={}, cyt=0.0)
        if spec["edu"][0] == "fixed":
            self.par["E"] = [math.log(spec["edu"][1][0]), math.log(spec["edu"][1][1]), 0.0]

    def adult(self, s, g, e):
        par = self.par
        base = self.spec["adult"][g][self.SEX_INDEX[s]] / 100.0
        return expit(logit(base) + par["c"] + (par["d"] if s == "female" else 0.0) + par["E"][e])

    def youth(self, s, g, e):
        par = self.par
        base = self.spec["youth"][g][self.SEX_INDEX[s]] / 100.0
        cy = par["cyt"] if self.spec["youth_total"] else par["cy"].get((s, g), 0.0)
        return expit(logit(base) + cy + par["E"][e])

    def row(self, s, g, e):
        """Prevalence of the group's eligible ages (youth and adult parts weighted by their number of ages)."""
        ny, na = rf_parts(self.spec, g)
        if ny + na == 0:
            return 0.0
        v = 0.0
        if ny:
            v += ny * self.youth(s, g, e)
        if na:
            v += na * self.adult(s, g, e)
        return v / (ny + na)

    def avg(self, sexes, lo, hi=1000, edus=(0, 1, 2), gmin=0):
        """National prevalence among the eligible ages lo..hi-1 (national weights)."""
        num = den = 0.0
        for s in sexes:
            for g in range(gmin, NG):
                frac = n_ages(g, max(lo, self.mn), hi) / 5.0
                if frac == 0:
                    continue
                for e in edus:
                    w = self.c.W[s][g][e] * frac
                    num += w * self.row(s, g, e)
                    den += w
        return num / den

    def fit_youth(self):
        spec, par, W = self.spec, self.par, self.c.W
        if not spec["youth"]:
            return
        if spec["youth_total"]:
            a0, tv = spec["youth_total"]

            def yavg(x):
                par["cyt"] = x
                num = den = 0.0
                for s in SEXES:
                    for g in spec["youth"]:
                        k = n_ages(g, max(a0, self.mn), 18)
                        for e in range(3):
                            num += W[s][g][e] * k * self.youth(s, g, e)
                            den += W[s][g][e] * k
                return num / den
            par["cyt"] = solve(yavg, tv / 100.0)
            return
        for g in spec["youth"]:
            for s in SEXES:
                tv = spec["youth"][g][self.SEX_INDEX[s]] / 100.0

                def ya(x, s=s, g=g):
                    par["cy"][(s, g)] = x
                    return sum(W[s][g][e] * self.youth(s, g, e) for e in range(3)) / sum(W[s][g])
                par["cy"][(s, g)] = solve(ya, tv)

    def fit_level_and_sex(self, total):
        par, tmin, sexo, W = self.par, self.tmin, self.spec["sex"], self.c.W
        if sexo and sexo[0] == "levels":
            def am(x):
                par["c"] = x
                return self.avg(["male"], tmin)
            par["c"] = solve(am, sexo[1] / 100.0)

            def af(x):
                par["d"] = x
                return self.avg(["female"], tmin)
            par["d"] = solve(af, sexo[2] / 100.0)
            return

        def at(x):
            par["c"] = x
            return self.avg(SEXES, tmin)
        par["c"] = solve(at, total / 100.0)
        if sexo and sexo[0] == "or":
            tor = odds(sexo[1] / 100.0) / odds(sexo[2] / 100.0)
            mor = odds(self.avg(["male"], tmin)) / odds(self.avg(["female"], tmin))
            par["d"] += math.log(mor) - math.log(tor)
        elif sexo and sexo[0] == "female_share":
            nf = sum(W["female"][g][e] * n_ages(g, tmin) / 5 * self.row("female", g, e) for g in range(NG)
                     for e in range(3))
            nm = sum(W["male"][g][e] * n_ages(g, tmin) / 5 * self.row("male", g, e) for g in range(NG)
                     for e in range(3))
            par["d"] += logit(sexo[1]) - logit(nf / (nf + nm))

    def fit_education(self):
        """Education odds ratios to the CBS 25+ marginals (A-H-EDU-MARGINAL), when the spec says "fit"."""
        spec, par = self.spec, self.par
        if spec["edu"][0] != "fit":
            return
        pl, pm, ph = (v / 100.0 for v in spec["edu"][1])
        gmin = max(5, (max(self.tmin, 25)) // 5)
        ml = self.avg(SEXES, 25, edus=(0,), gmin=gmin)
        mm = self.avg(SEXES, 25, edus=(1,), gmin=gmin)
        mh = self.avg(SEXES, 25, edus=(2,), gmin=gmin)
        par["E"][0] += math.log(odds(pl) / odds(ph)) - math.log(odds(ml) / odds(mh))
        par["E"][1] += math.log(odds(pm) / odds(ph)) - math.log(odds(mm) / odds(mh))


def physically_active_adults(c):
    """A-H-PA-ADULT: the adults' share from the 4+ total minus the children's published shares."""
    n4_11 = sum(c.nl_pop[s][g] * n_ages(g, 4, 12) / 5 for s in SEXES for g in range(NG))
    n12_17 = sum(c.nl_pop[s][g] * n_ages(g, 12, 18) / 5 for s in SEXES for g in range(NG))
    n18 = sum(c.nl_pop[s][g] * n_ages(g, 18) / 5 for s in SEXES for g in range(NG))
    return (PA_4PLUS_2021 * (n4_11 + n12_17 + n18) - PA_4_11 * n4_11 - PA_12_17 * n12_17) / n18


def fit_risk_factor(c, f, spec):
    """Fit the model of factor f (80 rounds of youth, level and sex, education); its rows and averages."""
    model = RiskFactorModel(c, spec)
    total = spec["total"]
    if f == "physically_active":
        total = physically_active_adults(c)
        c.pa_adult = total
    for _ in range(80):
        model.fit_youth()
        model.fit_level_and_sex(total)
        model.fit_education()
    rows = {(s, g, e): model.row(s, g, e) for s in SEXES for g in range(NG) for e in range(3)}
    return dict(par=model.par, rows=rows, avg=model.avg, total=total)


def build_risk_factors(c):
    say("== Risk factors: national prevalence model (A-H-RF-MODEL), NL weights ==")
    c.rf = {}
    for f, spec in RF_SPEC.items():
        res = fit_risk_factor(c, f, spec)
        c.rf[f] = res
        par, avg = res["par"], res["avg"]
        tmin = spec["target_min"]
        tot = avg(SEXES, tmin)
        line = (f"   {f:18s} {tmin}+ {pct(tot)}% (target {fmt(res['total'], 4) if res['total'] else '-'}); men "
                f"{pct(avg(['male'], tmin))} women {pct(avg(['female'], tmin))}")
        gmin = max(5, max(tmin, 25) // 5)
        marg = [avg(SEXES, 25, edus=(e,), gmin=gmin) for e in range(3)]
        line += f"; {max(tmin, 25)}+ by education {'/'.join(pct(v) for v in marg)}"
        if spec["edu"][0] == "fit":
            line += f" (cited {'/'.join(fmt(v, 3) for v in spec['edu'][1])}, matched as odds ratios)"
        line += f"; edu OR low {math.exp(par['E'][0]):.2f} mid {math.exp(par['E'][1]):.2f}"
        say(line)
    # specific checks
    rf = c.rf
    say(f"   physically_active adult level derived from 47% of 4+ (A-H-PA-ADULT): {c.pa_adult:.1f}%; 18-34 "
        f"{pct(rf['physically_active']['avg'](SEXES, 18, 35))}% (cited 48%), 75+ "
        f"{pct(rf['physically_active']['avg'](SEXES, 75))}% (cited 29%), 4-11 "
        f"{pct(rf['physically_active']['avg'](SEXES, 4, 12))}% (62%), 12-17 "
        f"{pct(rf['physically_active']['avg'](SEXES, 12, 18))}% (36%)")
    say(f"   lonely_severe 65-74 {pct(rf['lonely_severe']['avg'](SEXES, 65, 75))}% (2016: 8.4), 75-84 "
        f"{pct(rf['lonely_severe']['avg'](SEXES, 75, 85))}% (11), 85+ {pct(rf['lonely_severe']['avg'](SEXES, 85))}% "
        f"(14), 75+ {pct(rf['lonely_severe']['avg'](SEXES, 75))}% (12)")
    say(f"   psych_distress 18-34 {pct(rf['psych_distress']['avg'](SEXES, 18, 35))}% (about 9); 12-17 "
        f"{pct(rf['psych_distress']['avg'](SEXES, 12, 18))}% (10.9, the 12-25 figure)")
    fr = rf["frail"]
    nf = sum(c.W["female"][g][e] * fr["rows"][("female", g, e)] for g in range(13, NG) for e in range(3))
    nm = sum(c.W["male"][g][e] * fr["rows"][("male", g, e)] for g in range(13, NG) for e in range(3))
    say(f"   frail 65-74 {pct(fr['avg'](SEXES, 65, 75))}% (TFI shape 13), 75-84 {pct(fr['avg'](SEXES, 75, 85))}%, 85+ "
        f"{pct(fr['avg'](SEXES, 85))}% (TFI 45); women's share of frail {pct(nf / (nf + nm))}% (2/3)")
    for f in ("overweight", "obese"):
        say(f"   {f} children 4-17 {pct(rf[f]['avg'](SEXES, 4, 18))}%, 2-4 {pct(rf[f]['avg'](SEXES, 2, 5))}%")
    ow2 = rf["overweight"]["avg"](SEXES, 2, 3) + rf["obese"]["avg"](SEXES, 2, 3)
    say(f"   BMI>=25 at 2-4 {pct(ow2)}% (VTV-2014: about 8% of 2-year-olds); BMI>=25 18+ "
        f"{pct(rf['overweight']['avg'](SEXES, 18) + rf['obese']['avg'](SEXES, 18))}% (cited 49.4)")
    say(f"   smoking_current 12-17 {pct(rf['smoking_current']['avg'](SEXES, 12, 18))}%; excessive_alcohol 16-17 "
        f"{pct(rf['excessive_alcohol']['avg'](SEXES, 16, 18))}%")
    worst = max((rf["smoking_current"]["rows"][k] + rf["smoking_former"]["rows"][k], k) for k in rf["obese"]["rows"])
    worst2 = max((rf["overweight"]["rows"][k] + rf["obese"]["rows"][k], k) for k in rf["obese"]["rows"])
    say(f"   max current+former smoking in a cell {pct(worst[0])}% {worst[1][0]} {AGE_GROUPS[worst[1][1]]} "
        f"{EDUS[worst[1][2]]}; max overweight+obese {pct(worst2[0])}% {worst2[1][0]} {AGE_GROUPS[worst2[1][1]]} "
        f"{EDUS[worst2[1][2]]}")
    if worst[0] > 0.97 or worst2[0] > 0.97:
        die("risk-factor shares of a cell add up to almost 1")
    rows = []
    for f in RF_FACTORS:
        src = ";".join(RF_SPEC[f]["src"] + ["A-UNIFORM-AGE"])
        for s in SEXES:
            for g in range(NG):
                for e in range(3):
                    rows.append([f, s, AGE_GROUPS[g], EDUS[e], fmt(c.rf[f]["rows"][(s, g, e)], 4), src])
    return rows


# ---------------------------------------------------------------------------------------------
# 2./3. Dynamics and trends
# ---------------------------------------------------------------------------------------------
def build_dynamics(c):
    rows = []
    for f in RF_FACTORS:
        mu, rel = DYNAMICS[f]
        src = "M-DYNAMICS;A-H-DYNAMICS" if f != "smoking_former" else "A-H-FORMER"
        rows.append([f, fmt(mu, 4), fmt(rel, 4), src])
    p = 0.167
    mu, rel = DYNAMICS["smoking_current"]
    entries = mu * p
    say("== Risk-factor dynamics ==")
    say(f"   adult smokers: quitting {entries * 100:.2f}% of adults a year; relapse hazard of former smokers "
        f"{100 * entries * rel / 0.334:.2f}%/yr, initiation hazard of never-smokers {100 * entries * (1 - rel) / 0.499:.2f}%/yr "
        f"(stationary, 16.7% current, 33.4% former); smoking_former is not a Markov target (exit 0)")
    return rows


def build_trend(c):
    say("== Trends (VTV-2018 trend scenario) ==")
    y0, p0, y1, p1 = VTV_SMOKING
    k_smoke = (logit(p1) - logit(p0)) / (y1 - y0)
    y0, p0, y1, p1 = VTV_OVERWEIGHT
    k_bmi = (logit(p1) - logit(p0)) / (y1 - y0)
    ow, ob = c.rf["overweight"], c.rf["obese"]
    adult_w = {(s, g, e): c.W[s][g][e] * n_ages(g, 18) / 5 for s in SEXES for g in range(NG) for e in range(3)}
    den = sum(adult_w.values())

    def bmi_total(x):
        return sum(w * (shift(ow["rows"][k], x) + shift(ob["rows"][k], x)) for k, w in adult_w.items()) / den
    t0 = bmi_total(0.0)
    bmi_x = {}
    for y in YEARS:
        tgt = expit(logit(t0) + k_bmi * (y - 2021))
        bmi_x[y] = solve(bmi_total, tgt, -5, 5)
    c.trend = {}
    rows = []
    for f in RF_FACTORS:
        for y in YEARS:
            if f == "smoking_current":
                m, src = math.exp(k_smoke * (y - 2021)), "VTV2018-LEEFSTIJL;A-H-TREND-SMOKING"
            elif f in ("overweight", "obese"):
                m, src = math.exp(bmi_x[y]), "VTV2018-LEEFSTIJL;A-H-TREND-BMI"
            else:
                m, src = 1.0, "A-H-TREND-NONE"
            c.trend[(f, y)] = m
            rows.append([f, y, fmt(m, 6), src])
    sm40 = sum(w * shift(c.rf["smoking_current"]["rows"][k], k_smoke * 19) for k, w in adult_w.items()) / den
    say(f"   smoking log-odds slope {k_smoke:+.4f}/yr: national 18+ 16.7% (2021) -> {pct(sm40)}% (2040); the VTV-2018 "
        f"relative change 25% -> 14% is applied to the Gezondheidsmonitor level; VTV-2024 expects 11% in 2050")
    say(f"   BMI>=25 log-odds slope {k_bmi:+.4f}/yr: national 18+ {pct(t0)}% (2021) -> {pct(bmi_total(bmi_x[2040]))}% "
        f"(2040) with odds multiplier {math.exp(bmi_x[2040]):.3f} on both classes; obese 2040 "
        f"{pct(sum(w * shift(ob['rows'][k], bmi_x[2040]) for k, w in adult_w.items()) / den)}%; VTV-2024: 50% "
        f"(2022) -> 64% (2050) implies {(logit(0.64) - logit(0.50)) / 28:+.4f}/yr")
    return rows


# ---------------------------------------------------------------------------------------------
# 4. Zone odds ratios
# ---------------------------------------------------------------------------------------------
def district_index(c):
    cl = c.kwb[(2023, "Utrecht")]
    c_corp = float(cl["p_wcorpw"])
    c_neu = float(cl["a_neu_al"]) / float(cl["a_inw"])
    idx = {}
    for d in c.districts:
        r = c.kwb[(2023, c.kwb_label[d])]
        idx[d] = 0.5 * (math.log(float(r["p_wcorpw"]) / c_corp) + math.log(float(r["a_neu_al"]) / float(r["a_inw"]) / c_neu))
    return idx


def zone_avg(c, f, zones, lnor, tmin=18, extra=None):
    """18+ (tmin+) prevalence of factor f over zones with zone log odds ratios lnor[z]; extra: second factor summed."""
    spec = RF_SPEC[f]
    num = den = 0.0
    for z in zones:
        for s in SEXES:
            for g in range(NG):
                frac = n_ages(g, max(tmin, spec["min_age"])) / 5.0
                if frac == 0:
                    continue
                for e in range(3):
                    w = c.pop[z][s][g] * c.edu[z][s][g][e] * frac
                    p = shift(c.rf[f]["rows"][(s, g, e)], lnor[z])
                    if extra:
                        p += shift(c.rf[extra]["rows"][(s, g, e)], lnor[z])
                    num += w * p
                    den += w
    return num / den


def zone_calibration_targets(c):
    """18+ prevalence (%) of Utrecht city 2020 and of GGD regio Utrecht (the province) 2020 per factor."""
    obese_share = REGION["obese"][0] / REGION["overweight_total"][0]
    city_t = {"smoking_current": CITY_2020["smoking_current"], "physically_active": CITY_2020["physically_active"],
              "excessive_alcohol": CITY_2020["excessive_alcohol"], "psych_distress": CITY_2020["psych_distress"],
              "lonely_severe": CITY_2020["lonely_severe"],
              "overweight": CITY_2020["overweight_total"] * (1 - obese_share),
              "obese": CITY_2020["overweight_total"] * obese_share}
    alc_or = odds(1 - REGION["alcohol_guideline"][0] / 100) / odds(1 - REGION["alcohol_guideline"][1] / 100)
    region_t = {"smoking_current": REGION["smoking_current"][0], "overweight": REGION["overweight"][0],
                "obese": REGION["obese"][0], "excessive_alcohol": 100 * shift(0.07, math.log(alc_or))}
    c.zone_targets = (city_t, region_t)
    return city_t, region_t


def district_pattern(c, zero):
    """Log odds ratios of the districts relative to the city per factor (A-H-DISTRICT): overweight from the 2016
    district figures (shrunk), severe loneliness in Overvecht from 2022, the rest from the deprivation index.
    Returns the pattern and its check lines."""
    D = c.districts
    comp_city_ow = zone_avg(c, "overweight", D, zero, extra="obese")
    ow_rel = {}
    for d in D:
        if d in DISTRICT_OVERWEIGHT_RAW:
            comp = zone_avg(c, "overweight", [d], zero, extra="obese")
            raw_or = odds(DISTRICT_OVERWEIGHT_RAW[d] / 100) / odds(CITY_2016_OVERWEIGHT / 100)
            comp_or = odds(comp) / odds(comp_city_ow)
            ow_rel[d] = DISTRICT_SHRINK * (math.log(raw_or) - math.log(comp_or))
        else:
            ow_rel[d] = 0.0
    comp_city_lon = zone_avg(c, "lonely_severe", D, zero)
    lon_ov = zone_avg(c, "lonely_severe", ["WK034403"], zero)
    lon_ov_rel = (math.log(odds(CITY_2022["lonely_overvecht"] / 100) / odds(CITY_2022["lonely_severe"] / 100)) -
                  math.log(odds(lon_ov) / odds(comp_city_lon)))
    rel = {}
    for f in RF_FACTORS:
        if f in ("overweight", "obese"):
            rel[f] = dict(ow_rel)
        else:
            rel[f] = {d: INDEX_ELASTICITY.get(f, 0.0) * c.idx[d] for d in D}
        if f == "lonely_severe":
            rel[f]["WK034403"] = lon_ov_rel
    lines = [
        "   overweight districts (BMI>=25, 2016 raw vs composition): " + ", ".join(
            f"{c.zone_name[d]} {fmt(DISTRICT_OVERWEIGHT_RAW[d], 3)}%/{pct(zone_avg(c, 'overweight', [d], zero, extra='obese'))}% "
            f"rel {math.exp(ow_rel[d]):.2f}" for d in D if d in DISTRICT_OVERWEIGHT_RAW),
        f"   lonely Overvecht: raw 21% vs city 11%, composition {pct(lon_ov)}% vs {pct(comp_city_lon)}% -> relative OR "
        f"{math.exp(lon_ov_rel):.2f}"]
    return rel, lines


def calibrate_zone_or(c, f, rel, city_t, region_t, zero):
    """Log odds ratio per zone of factor f: the city level to the city target (or composition), the other
    municipalities to the region target (or 0). Returns (zone -> log OR, printed line)."""
    allz, D, M = c.zones, c.districts, c.munis
    tmin = RF_SPEC[f]["target_min"]
    comp_city = zone_avg(c, f, D, zero, tmin)
    comp_prov = zone_avg(c, f, allz, zero, tmin)

    def city_avg(k):
        return zone_avg(c, f, D, {**zero, **{d: k + rel[f][d] for d in D}}, tmin)
    kc = solve(city_avg, city_t[f] / 100, -5, 5) if f in city_t else solve(city_avg, comp_city, -5, 5)
    lz = {**{d: kc + rel[f][d] for d in D}, **{m: 0.0 for m in M}}
    if f in region_t:
        def prov_avg(k):
            return zone_avg(c, f, allz, {**lz, **{m: k for m in M}}, tmin)
        kr = solve(prov_avg, region_t[f] / 100, -5, 5)
    else:
        kr = 0.0
    for m in M:
        lz[m] = kr
    line = (f"   {f:18s} composition only: city {pct(comp_city)}% province {pct(comp_prov)}%; city target "
            f"{fmt(city_t[f], 3) if f in city_t else '-'} -> OR {math.exp(kc):.3f} (model {pct(zone_avg(c, f, D, lz, tmin))}); "
            f"region target {fmt(region_t[f], 3) if f in region_t else '-'} -> other municipalities OR {math.exp(kr):.3f} "
            f"(province model {pct(zone_avg(c, f, allz, lz, tmin))}%)")
    return lz, line


def zone_big2_or(c):
    """big2 (A-H-BIG2-ZONE): the district pattern re-centred, births-weighted, on the city's odds ratio."""
    D, M = c.districts, c.munis
    births = {d: float(c.kwb[(2023, c.kwb_label[d])]["a_geb"]) for d in D}
    relb = {d: math.log(BIG2_DISTRICT_REL.get(d, 1.0)) for d in D}

    def city_big2(k):
        return sum(births[d] * shift(BIG2_NL, k + relb[d]) for d in D) / sum(births.values())
    kb = solve(city_big2, shift(BIG2_NL, math.log(BIG2_CITY_OR)), -3, 3)
    c.zone_or["big2"] = {**{d: math.exp(kb + relb[d]) for d in D}, **{m: 1.0 for m in M}}
    say(f"   big2: city OR {BIG2_CITY_OR} at 14.8% = {pct(city_big2(kb))}%; districts " +
        ", ".join(f"{c.zone_name[d]} {c.zone_or['big2'][d]:.3f}" for d in D))


ZONE_OR_SOURCES = {
    "smoking_current": "CBS-85012NED;UM-GEZONDHEID;CBS-83502NED;CBS-KWB2023;A-H-ZONE-CALIB;A-H-DISTRICT;A-EDUC-DISTRICT",
    "smoking_former": "A-H-ZONE-CALIB;A-H-DISTRICT",
    "overweight": "CBS-85012NED;UM-GEZONDHEID;VGM-UTRECHT-UGP2022;CBS-83502NED;A-H-ZONE-CALIB;A-H-DISTRICT;A-H-CITY-OBESE",
    "obese": "CBS-85012NED;UM-GEZONDHEID;VGM-UTRECHT-UGP2022;CBS-83502NED;A-H-ZONE-CALIB;A-H-DISTRICT;A-H-CITY-OBESE",
    "physically_active": "UM-GEZONDHEID;CBS-83502NED;CBS-KWB2023;A-H-ZONE-CALIB;A-H-DISTRICT;A-EDUC-DISTRICT",
    "excessive_alcohol": "UM-GEZONDHEID;CBS-85012NED;CBS-83502NED;A-H-ZONE-CALIB;A-H-ALCOHOL-REGION;A-H-DISTRICT",
    "psych_distress": "UM-GEZONDHEID;CBS-83502NED;CBS-KWB2023;A-H-ZONE-CALIB;A-H-DISTRICT;A-EDUC-DISTRICT",
    "lonely_severe": "UM-GEZONDHEID;VGM-UTRECHT-UGP2022;CBS-83502NED;CBS-KWB2023;A-H-ZONE-CALIB;A-H-DISTRICT;A-EDUC-DISTRICT",
    "frail": "CBS-83502NED;CBS-KWB2023;A-H-ZONE-CALIB;A-H-DISTRICT;A-EDUC-DISTRICT",
    "big2": "VGM-UTRECHT-1000D;VZINFO-PERINATAL;CBS-KWB2023;A-H-BIG2-ZONE",
}


def build_zone_ors(c):
    """zone_odds_ratios.csv: the odds ratio of every zone per risk factor and big2 (A-H-ZONE-CALIB)."""
    say("== Zone odds ratios (A-H-ZONE-CALIB) ==")
    c.idx = district_index(c)
    zero = {z: 0.0 for z in c.zones}
    city_t, region_t = zone_calibration_targets(c)
    rel, pattern_lines = district_pattern(c, zero)
    c.zone_or = {}
    for f in RF_FACTORS:
        lz, line = calibrate_zone_or(c, f, rel, city_t, region_t, zero)
        c.zone_or[f] = {z: math.exp(lz[z]) for z in c.zones}
        say(line)
    for line in pattern_lines:
        say(line)
    zone_big2_or(c)
    D, M = c.districts, c.munis
    say("   district odds ratios (index = A-EDUC-DISTRICT deprivation index):")
    say("     district            index " + " ".join(f"{f[:9]:>9s}" for f in RF_FACTORS))
    for d in D:
        say(f"     {c.zone_name[d]:18s} {c.idx[d]:+.3f} " + " ".join(f"{c.zone_or[f][d]:9.3f}" for f in RF_FACTORS))
    say("     other municipalities      " + " ".join(f"{c.zone_or[f][M[0]]:9.3f}" for f in RF_FACTORS))
    return [[z, f, fmt(c.zone_or[f][z], 5), ZONE_OR_SOURCES[f]] for z in c.zones for f in RF_FACTORS + ["big2"]]


# ---------------------------------------------------------------------------------------------
# 5. Conditions
# ---------------------------------------------------------------------------------------------
def rr_of(outcome, factor, level="yes"):
    for o, f, l, v, *_ in RR:
        if o == outcome and f == factor and l == level:
            return v
    return 1.0


def nl_crude(c, prev, sexes=SEXES, lo=0, hi=1000):
    num = sum(c.nl_pop[s][g] * n_ages(g, lo, hi) / 5 * prev[s][g] for s in sexes for g in range(NG))
    den = sum(c.nl_pop[s][g] * n_ages(g, lo, hi) / 5 for s in sexes for g in range(NG))
    return num / den


def prov_crude(c, prev, sexes=SEXES, lo=0):
    num = sum(c.prov_pop[s][g] * n_ages(g, lo) / 5 * prev[s][g] for s in sexes for g in range(NG))
    den = sum(c.prov_pop[s][g] * n_ages(g, lo) / 5 for s in sexes for g in range(NG))
    return num / den


def consistent_incidence(c, prev_s, min_age, rr_death, remission, sex):
    """A-H-INCIDENCE: group incidence per person-year without the condition (and number of clamped ages)."""
    pts = [(float(min_age), 0.0)] + [(mid_eligible(g, min_age), prev_s[g]) for g in range(NG)
                                     if n_ages(g, min_age) > 0]
    m = c.m22[sex]
    inc = [0.0] * NG
    clamped = 0
    for g in range(NG):
        if n_ages(g, min_age) == 0:
            continue
        num = den = 0.0
        for x in group_ages(g):
            if x < min_age:
                continue
            p0, p1, pm = interp(pts, x), interp(pts, x + 1), interp(pts, x + 0.5)
            m0 = m[x] / (1 + pm * (rr_death - 1))
            i = (p1 - p0 + remission * pm + pm * (1 - pm) * (rr_death - 1) * m0) / (1 - pm)
            if i < 0:
                i = 0.0
                clamped += 1
            num += (1 - pm) * i
            den += (1 - pm)
        inc[g] = num / den
    return inc, clamped


def diabetes_prevalence(c):
    """The 2017 age table (log-linear between published groups) scaled to the 2020 crude rates (A-H-COND-LEVEL)."""
    known = sorted(DIAB_2017)
    d = {}
    for si, s in enumerate(SEXES):
        v = [0.0] * NG
        for g in range(NG):
            if g in DIAB_2017:
                v[g] = DIAB_2017[g][si]
            elif g > 17:
                v[g] = DIAB_2017[17][si]
            else:
                lo = max(k for k in known if k < g)
                hi = min(k for k in known if k > g)
                a, b = math.log(DIAB_2017[lo][si]), math.log(DIAB_2017[hi][si])
                v[g] = math.exp(a + (b - a) * (g - lo) / (hi - lo))
        d[s] = [x / 1000.0 for x in v]
    crude17 = {s: nl_crude(c, d, [s]) for s in SEXES}
    say(f"   diabetes: 2017 age table with NL weights gives crude {1000 * crude17['male']:.1f} / "
        f"{1000 * crude17['female']:.1f} per 1000 (published 2017: 69.7 / 62.9 with the younger 2017 population; a "
        f"rough check of the NL age structure)")
    return {s: [x * DIAB_CRUDE[2020][i] / DIAB_CRUDE[2017][i] for x in d[s]] for i, s in enumerate(SEXES)}


def shape_prevalence(c, cond):
    """The remembered age shape (M-COND-AGE) scaled to the published crude rate per sex."""
    shp = {s: [x / 1000.0 for x in COND_SHAPE[cond][i]] for i, s in enumerate(SEXES)}
    out = {}
    for i, s in enumerate(SEXES):
        f = COND_CRUDE_2021[cond][i] / 1000.0 / nl_crude(c, shp, [s])
        out[s] = [x * f for x in shp[s]]
    return out


def heart_failure_prevalence(c):
    """The Rotterdam age shape (A-H-HF-AGE) scaled to the GP-registered crude rate per sex (VZINFO-HF2021)."""
    shape = [x / 1000.0 for x in hf.age_shape([min(5 * g + 2.5, 97.5) for g in range(NG)])]
    shp = {s: shape for s in SEXES}
    out = {}
    for i, s in enumerate(SEXES):
        f = hf.HF_CRUDE_2021[i] / 1000.0 / nl_crude(c, shp, [s])
        out[s] = [x * f for x in shape]
    say(f"   heart_failure: shape scaled by men {hf.HF_CRUDE_2021[0] / 1000.0 / nl_crude(c, shp, ['male']):.3f}, women "
        f"{hf.HF_CRUDE_2021[1] / 1000.0 / nl_crude(c, shp, ['female']):.3f} (GP-registered vs Rotterdam level); "
        f"75-79 men {1000 * out['male'][15]:.1f} women {1000 * out['female'][15]:.1f} per 1000")
    return out


def dementia_prevalence(c):
    """The age shape shifted in log-odds (women's odds ratio fixed) to the national count."""
    shp = [x / 1000.0 for x in COND_SHAPE["dementia"][0]]

    def dem(x):
        return {s: [shift(min(p, 0.999), x + (math.log(DEMENTIA_FEMALE_OR) if s == "female" else 0.0)) for p in shp]
                for s in SEXES}

    def dem_count(x):
        pr = dem(x)
        return sum(c.nl_pop[s][g] * pr[s][g] for s in SEXES for g in range(NG))
    return dem(solve(dem_count, DEMENTIA_2021, -5, 5))


def depanx_prevalence(c):
    """Youth levels and the adult shape, shifted in log-odds to the 18-75 figure of NEMESIS-3 (A-H-DEPANX)."""
    half = 0.5 * math.log(DEPANX_FEMALE_OR)
    adult_shape = {g: DEPANX_SHAPE[g] / 100.0 for g in range(NG)}
    adult_shape[3] = DEPANX_SHAPE[4] / 100.0  # the 18-19 part of 15-19 as 20-24

    def depanx(x):
        out = {s: [0.0] * NG for s in SEXES}
        for s in SEXES:
            sg = half if s == "female" else -half
            for g in range(2, NG):
                ny, na = n_ages(g, 12, 18), n_ages(g, 18)
                v = 0.0
                if ny:
                    v += ny * shift(DEPANX_YOUTH[g] / 100.0, sg)
                if na:
                    v += na * shift(adult_shape[g], x + sg)
                out[s][g] = v / (ny + na)
        return out

    def dep_18_75(x):
        pr = depanx(x)
        return nl_crude(c, pr, SEXES, 18, 76)
    return depanx(solve(dep_18_75, DEPANX_18_75 / 100.0, -5, 5))


# The published new cases the implied incidence is printed against.
PUBLISHED_NEW = {"diabetes": "51,600 (2019) / 60,200 (2017), GP-registered",
                 "chd": "104,700 new episodes (2020: AMI 68,400 + angina 26,300 + other 10,000; includes people "
                        "already registered)",
                 "stroke": "42,749 hospital admissions (2021, incl. repeat admissions; TIA mostly not admitted)",
                 "copd": "23,100 (2021: emphysema/COPD 17,500 + chronic bronchitis 5,600)",
                 "dementia": "20,400 new at the GP (2019; diagnosed only)",
                 "depression_anxiety": "(no cited incidence)",
                 "heart_failure": hf.PUBLISHED_NEW}


def condition_incidence(c):
    """Incidence consistent with prevalence, the death RRs and the 2022 life table (A-H-INCIDENCE)."""
    prev = c.prev
    c.inc = {}
    for cond in COND:
        mn = COND_MIN_AGE.get(cond, 0)
        rem = DEPANX_REMISSION if cond == "depression_anxiety" else 0.0
        c.inc[cond] = {}
        ncl = 0
        for s in SEXES:
            c.inc[cond][s], k = consistent_incidence(c, prev[cond][s], mn, rr_of("death", cond), rem, s)
            ncl += k
        new = sum(c.nl_pop[s][g] * n_ages(g, mn) / 5 * (1 - prev[cond][s][g]) * c.inc[cond][s][g]
                  for s in SEXES for g in range(NG))
        cases = sum(c.nl_pop[s][g] * prev[cond][s][g] for s in SEXES for g in range(NG))
        say(f"   {cond:18s} NL crude men {1000 * nl_crude(c, prev[cond], ['male']):.1f} women "
            f"{1000 * nl_crude(c, prev[cond], ['female']):.1f} per 1000, cases {cases:,.0f}; province crude "
            f"{1000 * prov_crude(c, prev[cond]):.1f}; implied new cases NL {new:,.0f} vs published {PUBLISHED_NEW[cond]}; "
            f"{ncl} single ages clamped")


def print_condition_checks(c):
    prev = c.prev
    dm = prev["dementia"]
    say(f"   dementia: 65+ {pct(nl_crude(c, dm, SEXES, 65))}% (>8), 80+ {pct(nl_crude(c, dm, SEXES, 80))}% (>25), 90+ "
        f"{pct(nl_crude(c, dm, SEXES, 90))}% (>40); incidence 65-69 men/women {pct(c.inc['dementia']['male'][13], 2)}/"
        f"{pct(c.inc['dementia']['female'][13], 2)}% (about 0.2), 90-94 {pct(c.inc['dementia']['male'][18], 1)}/"
        f"{pct(c.inc['dementia']['female'][18], 1)}% (about 5)")
    say(f"   diabetes incidence 2017 published 3.9 / 3.2 per 1000 (all residents); model (per resident) "
        f"{1000 * sum(c.nl_pop['male'][g] * (1 - prev['diabetes']['male'][g]) * c.inc['diabetes']['male'][g] for g in range(NG)) / sum(c.nl_pop['male']):.1f} / "
        f"{1000 * sum(c.nl_pop['female'][g] * (1 - prev['diabetes']['female'][g]) * c.inc['diabetes']['female'][g] for g in range(NG)) / sum(c.nl_pop['female']):.1f}")
    say(f"   depression_anxiety 18-75 {pct(nl_crude(c, prev['depression_anxiety'], SEXES, 18, 76))}% (19.5); 12-17 "
        f"{pct(nl_crude(c, prev['depression_anxiety'], SEXES, 12, 18))}%; men/women 18-75 "
        f"{pct(nl_crude(c, prev['depression_anxiety'], ['male'], 18, 76))}/"
        f"{pct(nl_crude(c, prev['depression_anxiety'], ['female'], 18, 76))}%; remission {DEPANX_REMISSION}/yr")


COND_SOURCES = {"diabetes": "VZINFO-DIABETES;A-H-COND-LEVEL;A-H-INCIDENCE;VZINFO-LE2022",
                "chd": "VZINFO-HVZ2021;VZINFO-CHD;M-COND-AGE;M-NL-POP2021;LOKET-POP2021;A-H-NL-WEIGHTS;A-H-COND-LEVEL;"
                       "A-H-INCIDENCE;VZINFO-LE2022",
                "stroke": "VZINFO-HVZ2021;VZINFO-BEROERTE2021;M-COND-AGE;M-NL-POP2021;LOKET-POP2021;A-H-NL-WEIGHTS;"
                          "A-H-COND-LEVEL;A-H-INCIDENCE;VZINFO-LE2022",
                "copd": "VZINFO-COPD;M-COND-AGE;M-NL-POP2021;LOKET-POP2021;A-H-NL-WEIGHTS;A-H-COND-LEVEL;A-H-INCIDENCE;"
                        "VZINFO-LE2022",
                "dementia": "ALZHEIMER-NL;M-COND-AGE;M-NL-POP2021;LOKET-POP2021;A-H-NL-WEIGHTS;A-H-COND-LEVEL;"
                            "A-H-INCIDENCE;VZINFO-LE2022",
                "depression_anxiety": "NEMESIS3;M-COND-AGE;M-NL-POP2021;A-H-NL-WEIGHTS;A-H-DEPANX;A-H-INCIDENCE;"
                                      "VZINFO-LE2022",
                "heart_failure": hf.COND_SOURCE}


def build_conditions(c):
    """conditions.csv: prevalence, incidence and remission per condition x sex x group."""
    say("== Conditions: prevalence (A-H-COND-LEVEL), incidence consistent with prevalence (A-H-INCIDENCE) ==")
    prev = {"diabetes": diabetes_prevalence(c)}
    for cond in ("chd", "stroke", "copd"):
        prev[cond] = shape_prevalence(c, cond)
    prev["dementia"] = dementia_prevalence(c)
    prev["depression_anxiety"] = depanx_prevalence(c)
    prev["heart_failure"] = heart_failure_prevalence(c)
    c.prev = prev
    condition_incidence(c)
    print_condition_checks(c)
    rows = []
    for cond in COND:
        rem = DEPANX_REMISSION if cond == "depression_anxiety" else 0.0
        for s in SEXES:
            for g in range(NG):
                p = prev[cond][s][g]
                r = rem if p > 0 else 0.0
                rows.append([cond, s, AGE_GROUPS[g], fmt(p, 4), fmt(c.inc[cond][s][g], 4), fmt(r, 4),
                             COND_SOURCES[cond] + ";M-CDM-RR;A-UNIFORM-AGE"])
    return rows


def build_relative_risks(c):
    rows = []
    seen = set()
    for o, f, l, v, low, high, src in RR:
        if (o, f, l) in seen:
            die(f"duplicate relative risk {o} {f} {l}")
        seen.add((o, f, l))
        if (low is None) != (high is None) or (low is not None and not low < v < high):
            die(f"relative risk {o} {f} {l} = {v}: its interval ({low}, {high}) must hold it")
        ci = ["", ""] if low is None else [fmt(low, 4), fmt(high, 4)]
        rows.append([o, f, l, fmt(v, 4), *ci, src])
    return rows


# Total relative risk of death by education vs high, per CBS level, sex and age group (A-H-EDU-DEATH-TOTAL,
# A-H-EDU-DEATH-AGE); the model derives the direct part from it (A-H-RR-EDU-MEDIATED).
EDU_DEATH_PRIMARY = 2.0          # KULHANOVA2014: primary vs tertiary, men and women, 30-79
EDU_DEATH_UPPER_SECONDARY = 1.4  # A-H-EDU-DEATH-TOTAL: geometric midpoint of 1 and 2.0
EDU_SHARE_PRIMARY, EDU_SHARE_LOWER_SECONDARY = 7.4, 15.3  # CBS-85525NED: Utrecht (PV) 2022, % of 15-75
# REQUES2015: rate ratio low vs high education at 65-74, 75-84, 85+
EDU_DEATH_OLD_RR = {"male": (1.30, 1.25, 1.29), "female": (1.48, 1.43, 1.40)}


def education_death_totals():
    """(low, middle) total relative risk of death vs high education at ages 30-79 (A-H-EDU-DEATH-TOTAL)."""
    lower_secondary = math.sqrt(EDU_DEATH_PRIMARY * EDU_DEATH_UPPER_SECONDARY)
    w = EDU_SHARE_PRIMARY / (EDU_SHARE_PRIMARY + EDU_SHARE_LOWER_SECONDARY)
    return w * EDU_DEATH_PRIMARY + (1 - w) * lower_secondary, EDU_DEATH_UPPER_SECONDARY


def education_death_age_factor(sex, g):
    """The share of the log relative risk held at age group g (A-H-EDU-DEATH-AGE): 1 to 74, then REQUES2015."""
    lower = 5 * g
    if lower < 75:
        return 1.0
    base, r75, r85 = EDU_DEATH_OLD_RR[sex]
    return math.log(r75 if lower < 85 else r85) / math.log(base)


def build_education_death(c):
    low, middle = education_death_totals()
    rows = []
    for sex in SEXES:
        for g, name in enumerate(AGE_GROUPS):
            f = education_death_age_factor(sex, g)
            src = "KULHANOVA2014;CBS-85525NED;A-H-EDU-DEATH-TOTAL;A-H-RR-EDU-MEDIATED" + (";REQUES2015;A-H-EDU-DEATH-AGE" if f != 1.0 else "")
            rows.append([sex, name, "low", fmt(math.exp(f * math.log(low)), 4), src])
            rows.append([sex, name, "middle", fmt(math.exp(f * math.log(middle)), 4), src])
    return rows


# ---------------------------------------------------------------------------------------------
# 7. Seniors
# ---------------------------------------------------------------------------------------------
def group_mid(g):
    return 5 * g + 2.5


def seniors_falls(c):
    """Falls treated at an ED per 65+ resident by sex and group (A-H-FALLS)."""
    nl = c.nl_pop
    n_falls = FALLS_PER_DAY_2021 * 365
    fshape = {g: math.exp(FALLS_AGE_SLOPE * (group_mid(g) - 67.5)) for g in range(13, NG)}
    ff = [1.0]

    def fshare(x):
        ff[0] = math.exp(x)
        nf = sum(nl["female"][g] * fshape[g] * ff[0] for g in fshape)
        nm = sum(nl["male"][g] * fshape[g] for g in fshape)
        return nf / (nf + nm)
    ff[0] = math.exp(solve(fshare, FALLS_FEMALE_SHARE, -3, 3))
    base = n_falls / sum(nl["male"][g] * fshape[g] + nl["female"][g] * fshape[g] * ff[0] for g in fshape)
    falls = {s: [0.0] * NG for s in SEXES}
    for g in fshape:
        falls["male"][g] = base * fshape[g]
        falls["female"][g] = base * fshape[g] * ff[0]
    p65 = sum(nl[s][g] for s in SEXES for g in range(13, NG))
    say(f"   falls at ED: {n_falls:,} a year (280/day, 2021) = {100 * n_falls / p65:.2f}% of 65+; women's rate ratio "
        f"{ff[0]:.2f}; 65-69 men {pct(falls['male'][13], 2)}%, 85-89 women {pct(falls['female'][17], 2)}%; 2023 "
        f"(112,000) and 2024 (119,000) counts are higher (ageing and trend)")
    c.falls = falls


def seniors_hip_fractures(c):
    """Hip fractures per 65+ resident by sex and group (A-H-HIPFX-RATE)."""
    nl = c.nl_pop
    pts = sorted((sum(group_mid(g) for g in band) / len(band), r) for band, r in HIP_RATES_2017.items())
    slope = 0.5 * (math.log(pts[1][1] / pts[0][1]) + math.log(pts[2][1] / pts[1][1])) / 10.0
    hip = {s: [0.0] * NG for s in SEXES}
    for band, r in HIP_RATES_2017.items():
        shp = {g: math.exp(slope * (group_mid(g) - 67.5)) for g in band}
        w = {g: nl["male"][g] + nl["female"][g] for g in band}
        k = r / 1e5 * sum(w.values()) / sum(w[g] * shp[g] for g in band)
        for g in band:
            rg = k * shp[g]
            rm = rg * w[g] / (nl["male"][g] + HIP_FEMALE_RR * nl["female"][g])
            hip["male"][g], hip["female"][g] = rm, HIP_FEMALE_RR * rm
    n_hip = sum(nl[s][g] * hip[s][g] for s in SEXES for g in range(NG))
    c.hip = hip
    say(f"   hip fractures: age slope {slope:.4f}/yr; 65+ cases NL (2021 population) {n_hip:,.0f} vs about 25,000 "
        f"patients of all ages in 2017 (143/100k x 17.1 M = 24,500, of which under 65 about {24500 - n_hip:,.0f}); "
        f"rates 65-69 {1e5 * hip['male'][13]:.0f}/{1e5 * hip['female'][13]:.0f}, 95+ {1e5 * hip['male'][19]:.0f}/"
        f"{1e5 * hip['female'][19]:.0f} per 100k (men/women)")


def nursing_home_stock(c):
    """The institution pattern of household.csv scaled to the national nursing-home stock (A-H-NH-STOCK)."""
    z0 = c.munis[0]
    inst = {s: list(c.inst[z0][s]) for s in SEXES}
    for z in c.munis:
        for s in SEXES:
            for g in range(NG):
                if abs(c.inst[z][s][g] - inst[s][g]) > 1e-9:
                    die("household.csv: institution shares differ between municipalities (expected one pattern)")
    scale = NH_RESIDENTS / sum(c.nl_pop[s][g] * inst[s][g] for s in SEXES for g in range(NG))
    c.nh = {s: [min(0.95, inst[s][g] * scale) for g in range(NG)] for s in SEXES}
    return scale


def stationary_nursing_home(c, adm):
    """Share in a nursing home by sex and group of a stationary cohort from 55 (check of the admission hazard)."""
    sim = {s: [0.0] * NG for s in SEXES}
    for s in SEXES:
        m = c.m22[s]
        H, N = 1.0, 0.0
        acc = {g: [0.0, 0.0] for g in range(11, NG)}
        for x in range(55, 100):
            g = x // 5
            P = N / (H + N)
            acc[g][0] += N
            acc[g][1] += H + N
            d_out = m[x] / (1 + P * (NH_HR - 1))
            h = adm[s][g]
            H, N = H * math.exp(-(d_out + h)), N * math.exp(-NH_HR * d_out) + H * (1 - math.exp(-h)) * math.exp(-0.5 * NH_HR * d_out)
        for g in acc:
            sim[s][g] = acc[g][0] / acc[g][1]
    return sim


def seniors_nursing_home(c):
    """Nursing-home prevalence and admission hazard (A-H-NH-STOCK, A-H-NH-ADMISSION), checked by a cohort."""
    nl = c.nl_pop
    scale = nursing_home_stock(c)
    nh = c.nh
    adm = {s: [0.0] * NG for s in SEXES}
    for s in SEXES:
        adm[s], _ = consistent_incidence(c, nh[s], 55, NH_HR, 0.0, s)
    c.nh_admission = adm
    sim = stationary_nursing_home(c, adm)
    stock_t = sum(nl[s][g] * nh[s][g] for s in SEXES for g in range(NG))
    stock_s = sum(nl[s][g] * sim[s][g] for s in SEXES for g in range(NG))
    prov_s = sum(c.prov_pop[s][g] * sim[s][g] for s in SEXES for g in range(NG))
    prov_t = sum(c.prov_pop[s][g] * nh[s][g] for s in SEXES for g in range(NG))
    n75 = sum(nl[s][g] for s in SEXES for g in range(15, NG))
    nh75 = sum(nl[s][g] * nh[s][g] for s in SEXES for g in range(15, NG))
    nh80 = sum(nl[s][g] * nh[s][g] for s in SEXES for g in range(16, NG)) / sum(nl[s][g] for s in SEXES for g in range(16, NG))
    fem = sum(nl["female"][g] * nh["female"][g] for g in range(NG)) / stock_t
    say(f"   nursing home: institution pattern x {scale:.3f} -> NL stock {stock_t:,.0f} (ActiZ 2023: 122,445); 75+ "
        f"{100 * nh75 / n75:.1f}% (2020: 7.6%), 80+ {100 * nh80:.1f}% (2010: 14%), women {100 * fem:.0f}%")
    say(f"   admission hazard (HR of residents {NH_HR}): 65-69 {pct(adm['female'][13], 2)}%, 80-84 "
        f"{pct(adm['female'][16], 2)}%, 90-94 {pct(adm['female'][18], 1)}% (women); stationary cohort check: NL stock "
        f"implied {stock_s:,.0f} (target {stock_t:,.0f}); province stock implied {prov_s:,.0f} (pattern {prov_t:,.0f})")


def seniors_hip_excess(c):
    """Excess death hazard in the first year after a hip fracture (A-H-HIPFX-DEATH)."""
    nl = c.nl_pop
    cases = {(s, g): nl[s][g] * c.hip[s][g] for s in SEXES for g in range(13, NG)}
    mg = {(s, g): sum(c.m22[s][x] for x in group_ages(g)) / 5 for s in SEXES for g in range(13, NG)}

    def mort1y(hx):
        return sum(w * (1 - math.exp(-(HIP_BACKGROUND_HR * mg[k] + hx))) for k, w in cases.items()) / sum(cases.values())
    hx = solve(mort1y, HIP_1Y_MORTALITY, 0.0, 5.0)
    bg = mort1y(0.0)
    say(f"   hip fracture excess hazard {hx:.4f}/yr in the first year: 1-year mortality {pct(mort1y(hx))}% (20%), "
        f"background alone {pct(bg)}%")
    c.hip_excess = hx


def seniors_home_care(c):
    """Home-care prevalence by sex and group (A-H-HOMECARE)."""
    nl, nh = c.nl_pop, c.nh
    hc = {s: [0.0] * NG for s in SEXES}
    for g, v in HOMECARE_SHAPE.items():
        hc["male"][g] = shift(v / 100.0, -0.5 * math.log(HOMECARE_FEMALE_OR))
        hc["female"][g] = shift(v / 100.0, 0.5 * math.log(HOMECARE_FEMALE_OR))
    c.hc = hc

    def all_res(gs):
        num = sum(nl[s][g] * hc[s][g] * (1 - nh[s][g]) for s in SEXES for g in gs)
        return num / sum(nl[s][g] for s in SEXES for g in gs)
    say(f"   home care (share of all residents): 75-84 {pct(all_res([15, 16]))}%, 85+ {pct(all_res([17, 18, 19]))}% "
        f"(Wmo household help alone 2022: 14.7%, 29.3%); 65+ {pct(all_res(range(13, NG)))}%")


def build_seniors(c):
    """seniors.csv: one block of sex x group rows per outcome."""
    say("== Seniors ==")
    seniors_falls(c)
    seniors_hip_fractures(c)
    seniors_nursing_home(c)
    seniors_hip_excess(c)
    seniors_home_care(c)
    hx = c.hip_excess
    outcomes = [
        ("fall_ed", c.falls, "VEILIGHEIDNL-FALLS;LOKET-POP2021;M-NL-POP2021;A-H-NL-WEIGHTS;A-H-FALLS"),
        ("hip_fracture", c.hip, "VEKTIS-HIP2017;M-NL-POP2021;A-H-NL-WEIGHTS;A-H-HIPFX-RATE;M-SENIOR-RR"),
        ("hip_fracture_excess_mortality", {s: [hx if g >= 13 else 0.0 for g in range(NG)] for s in SEXES},
         "KANTERS2020;VEKTIS-HIP2017;VZINFO-LE2022;A-H-HIPFX-DEATH"),
        ("nursing_home_prevalence", c.nh,
         "ACTIZ-2023;TROUW-2017-INST;A-HH-INSTITUTION;M-NL-POP2021;A-H-NL-WEIGHTS;A-H-NH-STOCK"),
        ("nursing_home_admission", c.nh_admission,
         "ACTIZ-2023;TROUW-2017-INST;A-HH-INSTITUTION;VZINFO-LE2022;A-H-NH-STOCK;A-H-NH-ADMISSION"),
        ("home_care_prevalence", c.hc, "CBS-GMSD-WMO2022;A-H-HOMECARE"),
        ("home_care_exit", {s: [HOMECARE_EXIT] * NG for s in SEXES}, "A-H-HOMECARE"),
    ]
    return [[name, s, AGE_GROUPS[g], fmt(rates[s][g], 4), ids]
            for name, rates, ids in outcomes for s in SEXES for g in range(NG)]


# ---------------------------------------------------------------------------------------------
# 8. Perinatal
# ---------------------------------------------------------------------------------------------
def build_perinatal(c):
    say("== Perinatal ==")
    birth = birth_outcome_model()
    # neonatal mortality by Big2 (A-H-NEONATAL)
    p32 = PRETERM_NL - sum(GA_MIX.values())
    pre_rate = (GA_MIX["24-25"] * PERI_GA_MORT["24-25"] + GA_MIX["26-31"] * PERI_GA_MORT["26-31"] +
                p32 * PERI_GA_MORT["32-36"]) / PRETERM_NL
    sga_term = (BIG2_NL - PRETERM_NL) / (1 - PRETERM_NL)
    t_non = PERI_GA_MORT["37-41"] / (sga_term * TERM_SGA_RR + (1 - sga_term))
    big2_rate = (PRETERM_NL * pre_rate + (BIG2_NL - PRETERM_NL) * TERM_SGA_RR * t_non) / BIG2_NL
    ratio = big2_rate / t_non
    q_other = NEONATAL_NL / (BIG2_NL * ratio + (1 - BIG2_NL))
    q_big2 = ratio * q_other
    say(f"   perinatal mortality per 1000: preterm {pre_rate:.1f}, term SGA {TERM_SGA_RR * t_non:.2f}, term "
        f"non-SGA {t_non:.2f}; Big2/other ratio {ratio:.1f}")
    say(f"   neonatal mortality per birth: Big2 {1000 * q_big2:.2f}, other {1000 * q_other:.3f} per 1000 -> national "
        f"{1000 * (BIG2_NL * q_big2 + (1 - BIG2_NL) * q_other):.2f} (1.7, >=24 wk 2021); these deaths are inside m(0) "
        f"of mortality.csv (infant mortality 3.2 per 1000)")
    d = c.districts
    births = {z: float(c.kwb[(2023, c.kwb_label[z])]["a_geb"]) for z in d}
    city = sum(births[z] * shift(BIG2_NL, math.log(c.zone_or["big2"][z])) for z in d) / sum(births.values())
    say(f"   Utrecht city Big2 level: not derivable from figures.md (only 'lower than G4 and NL'); zone odds ratios "
        f"give {pct(city)}% at the national reference (A-H-BIG2-ZONE)")
    P = "VZINFO-PERINATAL"
    rows = [
        ["big2_share_nl", fmt(BIG2_NL, 4), P],
        ["preterm_share_nl", fmt(PRETERM_NL, 4), P],
        ["sga_share_nl", fmt(SGA_NL, 4), P],
        ["or_mother_under20", fmt(BIG2_OR["or_mother_under20"], 4), "M-BIG2-OR"],
        ["or_mother_40plus", fmt(BIG2_OR["or_mother_40plus"], 4), "M-BIG2-OR"],
        ["or_low_education", fmt(BIG2_OR["or_low_education"], 4), "M-BIG2-OR"],
        ["smoking_in_pregnancy_share", fmt(SMOKING_PREGNANCY, 4), "TRIMBOS-ZWANGER"],
        ["mother_under20_share", fmt(MOTHER_MIX["under20"], 4), "M-PERINATAL-MIX"],
        ["mother_40plus_share", fmt(MOTHER_MIX["40plus"], 4), "M-PERINATAL-MIX"],
        ["mother_low_education_share", fmt(MOTHER_MIX["low_education"], 4), "M-PERINATAL-MIX"],
        ["neonatal_mortality_nl", fmt(NEONATAL_NL, 4), P],
        ["neonatal_mortality_big2", fmt(q_big2, 4), f"{P};M-PERINATAL-MIX;A-H-NEONATAL"],
        ["neonatal_mortality_other", fmt(q_other, 4), f"{P};M-PERINATAL-MIX;A-H-NEONATAL"],
    ]
    return rows + first_1000_days_rows(birth)


def birth_outcome_model():
    """Preterm and SGA at birth (A-H-BIRTH-OUTCOMES): the base odds of each and the odds ratio of SGA when born
    preterm, solved so that the averages over mothers are the national preterm, SGA and Big2 shares."""
    age_cat = [(MOTHER_MIX["under20"], math.log(BIG2_OR["or_mother_under20"])),
               (MOTHER_MIX["40plus"], math.log(BIG2_OR["or_mother_40plus"])),
               (1 - MOTHER_MIX["under20"] - MOTHER_MIX["40plus"], 0.0)]
    edu = [(MOTHER_MIX["low_education"], math.log(BIG2_OR["or_low_education"])), (1 - MOTHER_MIX["low_education"], 0.0)]
    smk = [(SMOKING_PREGNANCY, True), (1 - SMOKING_PREGNANCY, False)]
    mothers = [(pa * pe * ps, la + le, smoker) for (pa, la), (pe, le), (ps, smoker) in itertools.product(age_cat, edu, smk)]

    def shares(x_pt, x_sga, link, smoking_share=None):
        """National preterm, SGA and Big2 shares (and, with smoking_share, those of smokers or non-smokers)."""
        pt = sga = big2 = w = 0.0
        for p, lo, smoker in mothers:
            if smoking_share is not None and smoker != smoking_share:
                continue
            q = expit(x_pt + lo + (math.log(OR_SMOKING_PRETERM) if smoker else 0))
            ls = lo + (math.log(OR_SMOKING_SGA) if smoker else 0)
            s_pt, s_term = expit(x_sga + ls + link), expit(x_sga + ls)
            pt += p * q
            sga += p * (q * s_pt + (1 - q) * s_term)
            big2 += p * (q + (1 - q) * s_term)
            w += p
        return pt / w, sga / w, big2 / w

    x_pt = solve(lambda x: shares(x, 0, 0)[0], PRETERM_NL, -10, 10)

    def x_sga_for(link):
        return solve(lambda x: shares(x_pt, x, link)[1], SGA_NL, -10, 10)
    link = solve(lambda l: -shares(x_pt, x_sga_for(l), l)[2], -BIG2_NL, -5, 5)
    x_sga = x_sga_for(link)
    pt, sga, big2 = shares(x_pt, x_sga, link)
    smokers, others = shares(x_pt, x_sga, link, True), shares(x_pt, x_sga, link, False)
    big2_or = (smokers[2] / (1 - smokers[2])) / (others[2] / (1 - others[2]))
    say(f"   preterm {pct(pt, 2)}% (6.6), SGA {pct(sga, 2)}% (9.7), Big2 {pct(big2, 2)}% (14.8); reference shares "
        f"(no maternal risk factor) preterm {pct(expit(x_pt), 2)}%, SGA {pct(expit(x_sga), 2)}%; OR of SGA when "
        f"preterm {math.exp(link):.2f}")
    say(f"   check: implied odds ratio of Big2 for smoking in pregnancy {big2_or:.2f} against the low-birth-weight odds "
        f"ratio {OR_SMOKING_LBW} (DI2022-LBW)")
    return {"preterm_ref": expit(x_pt), "sga_ref": expit(x_sga), "or_sga_preterm": math.exp(link)}


def with_price_years(rows):
    """perinatal.csv rows (parameter, value, source) with the price year of each euro amount (names ending in _eur)
    inserted before the source; empty for the other rows."""
    out = []
    for name, value, source in rows:
        if name.endswith("_eur") and name not in PERINATAL_PRICE_YEARS:
            die(f"perinatal.csv: the amount {name} has no price year in PERINATAL_PRICE_YEARS")
        out.append([name, value, PERINATAL_PRICE_YEARS.get(name, ""), source])
    return out


def first_1000_days_rows(birth):
    """Birth outcomes, neonatal care cost, the preterm child's utility, child protection reports (the first 1000
    days)."""
    very = sum(GA_MIX.values()) / PRETERM_NL
    neonatal_cost = HOSPITAL_DAY_EUR * (very * LOS_VERY_PRETERM + (1 - very) * LOS_OTHER_PRETERM)
    children = 1000 * (sum(NL_POP_2021_K[:3]) + 0.6 * NL_POP_2021_K[3])  # ages 0-17
    per_year = CPS_REPORTS_PER_YEAR / children
    cps_other = 1 - (1 - per_year) ** 3
    say(f"   neonatal care per preterm birth {neonatal_cost:,.0f} euro ({pct(very, 1)}% very preterm); preterm utility "
        f"loss {UTILITY_LOSS_VERY_PRETERM * very:.4f}; child protection reports by age 3: {pct(cps_other, 2)}% "
        f"({pct(per_year, 2)}% per child-year over {children:,.0f} children), VoorZorg target group {pct(CPS_RISK_GROUP)}%")
    P, B, A = "VZINFO-PERINATAL", "A-H-BIRTH-OUTCOMES", "A-H-CHILD-PROTECTION"
    asthma_term, asthma_preterm = preterm_asthma_shares()
    say(f"   asthma in children 0-{ASTHMA_LAST_AGE}: term {pct(asthma_term, 2)}%, preterm {pct(asthma_preterm, 2)}% "
        f"(adjusted OR {ASTHMA_OR_PRETERM}); excess {pct(asthma_preterm - asthma_term, 2)} points")
    AS = "BEEN2014;VZINFO-ASTMA;VZINFO-PERINATAL;A-H-PRETERM-ASTHMA"
    return [
        ["preterm_share_reference", fmt(birth["preterm_ref"], 4), f"{P};TRIMBOS-ZWANGER;M-BIG2-OR;M-PERINATAL-MIX;{B}"],
        ["sga_share_reference", fmt(birth["sga_ref"], 4), f"{P};TRIMBOS-ZWANGER;M-BIG2-OR;M-PERINATAL-MIX;{B}"],
        ["or_sga_when_preterm", fmt(birth["or_sga_preterm"], 4), f"{P};{B}"],
        ["or_smoking_preterm", fmt(OR_SMOKING_PRETERM, 4), "SHAH2000"],
        ["or_smoking_sga", fmt(OR_SMOKING_SGA, 4), "OHIO-FGR2017"],
        ["neonatal_cost_preterm_eur", fmt(round(neonatal_cost), 6),
         "EPICE-LOS2019;ZIN-REFPRICES2022;M-PERINATAL-MIX;A-H-NEONATAL-COST"],
        ["utility_loss_preterm", fmt(UTILITY_LOSS_VERY_PRETERM * very, 4), "BOLBOCEAN2022;M-PERINATAL-MIX;A-H-PRETERM-UTILITY"],
        ["child_protection_risk_group", fmt(CPS_RISK_GROUP, 4), f"MEJDOUBI2015;{A}"],
        ["child_protection_other", fmt(cps_other, 4), f"CBS-VEILIGTHUIS2024;M-NL-POP2021;{A}"],
        ["child_protection_cost_per_year_eur", fmt(CPS_COST_PER_YEAR, 6), "TRIMBOS-KM2016;A-H-CHILD-PROTECTION-COST"],
        ["asthma_excess_share_preterm", fmt(asthma_preterm - asthma_term, 4), AS],
        ["asthma_last_age", fmt(ASTHMA_LAST_AGE, 4), "A-H-PRETERM-ASTHMA"],
        ["asthma_cost_per_child_year_eur", fmt(ASTHMA_COST_CHILD_EUR, 6),
         "SUIJKERBUIJK2013;PLEASANT-UTILITY;A-H-PRETERM-ASTHMA"],
        ["special_education_excess_share_preterm", fmt(SEN_PRETERM - SEN_TERM, 4),
         "MACKAY2010;CBS-JEUGDMONITOR-SO2020;A-H-PRETERM-SEN"],
        ["special_education_first_age", fmt(SEN_FIRST_AGE, 4), "A-H-PRETERM-SEN"],
        ["special_education_last_age", fmt(SEN_LAST_AGE, 4), "A-H-PRETERM-SEN"],
        ["special_education_extra_cost_per_pupil_year_eur", fmt(round((SEN_COST_RATIO - 1) * PUPIL_FUNDING_PO_EUR), 6),
         "ESB2009-ZORGLEERLINGEN;BALANS-BEKOSTIGING;A-H-PRETERM-SEN"],
    ]


def preterm_asthma_shares():
    """The asthma shares of term and preterm children (A-H-PRETERM-ASTHMA): term odds x OR for the preterm, the mix
    averaging the published share of children with asthma."""
    def preterm_share(term):
        o = ASTHMA_OR_PRETERM * term / (1 - term)
        return o / (1 + o)
    term = bisect(lambda t: PRETERM_NL * preterm_share(t) + (1 - PRETERM_NL) * t - ASTHMA_SHARE_CHILDREN, 1e-6, 0.5)
    return term, preterm_share(term)


# ---------------------------------------------------------------------------------------------
# 9. Perceived health; 10. utility and disability weights
# ---------------------------------------------------------------------------------------------
def cond_combos(c, s, g, e_rr=None):
    """List of (probability, tuple of present conditions) over the 128 combinations (independent)."""
    ps = []
    for cond in COND:
        p = c.prev[cond][s][g]
        if e_rr is not None:
            p = min(0.99, p * e_rr[cond])
        ps.append(p)
    out = []
    for bits in itertools.product((0, 1), repeat=len(COND)):
        pr = 1.0
        for b, p in zip(bits, ps):
            pr *= p if b else (1 - p)
        out.append((pr, bits))
    return out


def edu_rr_scale(c, s, g):
    """Per education: factor on the age-sex prevalence of each condition (prevalence in proportion to the RR)."""
    res = []
    w = c.W[s][g]
    for e, lev in enumerate(EDUS):
        d = {}
        for cond in COND:
            rrs = [rr_of(cond, "education", l) for l in ("low", "middle")] + [1.0]
            mean = sum(w[i] * rrs[i] for i in range(3)) / sum(w)
            d[cond] = rrs[e] / mean
        res.append(d)
    return res


def sullivan(c, share_by_group, sex):
    l, L, e = bd.life_table(c.m22[sex])
    return sum(L[x] * share_by_group[min(x // 5, NG - 1)] for x in range(len(L))), e[0]


def build_perceived_health(c):
    say("== Perceived good health (A-H-PH-LEVEL, A-H-PH-BASE) ==")
    lnE = [math.log(PH_EDU_OR[0]), math.log(PH_EDU_OR[1]), 0.0]

    def shape(s, g):
        v = PH_SHAPE_M[g]
        if s == "female":
            v -= 2.0 if g >= 4 else (0.8 if g == 3 else 0.0)
        return v / 100.0

    def cell(s, g, e, x):
        ny, na = n_ages(g, 0, 18), n_ages(g, 18)
        yv = expit(logit(shape(s, g)) + lnE[e])
        av = expit(logit(shape(s, g)) + x + lnE[e])
        return (ny * yv + na * av) / 5.0

    def group_avg(s, x):
        return [sum(c.W[s][g][e] * cell(s, g, e, x) for e in range(3)) / sum(c.W[s][g]) for g in range(NG)]
    xs = {}
    for s in SEXES:
        xs[s] = solve(lambda x, s=s: sullivan(c, group_avg(s, x), s)[0], HLE_2021[s], -5, 5)
    popavg = {(s, g, e): cell(s, g, e, xs[s]) for s in SEXES for g in range(NG) for e in range(3)}
    for s in SEXES:
        h, e0 = sullivan(c, group_avg(s, xs[s]), s)
        say(f"   {s:6s}: Sullivan HLE {h:.2f} (target {HLE_2021[s]}), e0 {e0:.2f}; adult shift {xs[s]:+.3f}")
    s18 = sum(c.W[s][g][e] * n_ages(g, 18) / 5 * popavg[(s, g, e)] for s in SEXES for g in range(NG) for e in range(3))
    n18 = sum(c.W[s][g][e] * n_ages(g, 18) / 5 for s in SEXES for g in range(NG) for e in range(3))
    say(f"   implied good perceived health 18+: {pct(s18 / n18)}% (Gezondheidsmonitor 79.1% in 2020, 70% in 2022; "
        f"CBS HLE uses the Gezondheidsenquete)")
    # education HLE gap (same life table): indicative only
    for s in SEXES:
        gl = [popavg[(s, g, 0)] for g in range(NG)]
        gh = [popavg[(s, g, 2)] for g in range(NG)]
        say(f"   {s}: HLE with low-education shares {sullivan(c, gl, s)[0]:.1f}, high {sullivan(c, gh, s)[0]:.1f} "
            f"(same life table; VTV-2024: ~14 y gap incl. mortality differences)")
    # condition-free base (A-H-PH-BASE)
    lnor = [math.log(rr_of("perceived_good_health", cond)) for cond in COND]
    base = {}
    for s in SEXES:
        for g in range(NG):
            scales = edu_rr_scale(c, s, g)
            for e in range(3):
                combos = cond_combos(c, s, g, scales[e])
                target = popavg[(s, g, e)]

                def mean(x, combos=combos):
                    return sum(pr * expit(x + sum(l for b, l in zip(bits, lnor) if b)) for pr, bits in combos)
                base[(s, g, e)] = expit(solve(mean, target, -20, 20))
    c.ph_popavg = popavg
    say(f"   condition-free shares, men 75-79: low {pct(base[('male', 15, 0)])} / high {pct(base[('male', 15, 2)])}% "
        f"vs population average {pct(popavg[('male', 15, 0)])} / {pct(popavg[('male', 15, 2)])}%")
    rows = []
    src = ("STAATVENZ-HLE2021;VZINFO-LE2022;M-RF-AGE;M-EDU-OR;M-PH-OR;M-NL-POP2021;A-H-NL-WEIGHTS;A-H-PH-LEVEL;"
           "A-H-PH-BASE;A-UNIFORM-AGE")
    for s in SEXES:
        for g in range(NG):
            for e in range(3):
                rows.append([s, AGE_GROUPS[g], EDUS[e], fmt(base[(s, g, e)], 4), src])
    return rows


def build_utility(c):
    say("== Utility norms and disability weights ==")
    dw = {cond: sum(w * v for w, v in mix) for cond, mix in DW_MIX.items()}
    tot = sum(DEPANX_DW_PARTS[k][0] for k in DEPANX_DW_PARTS)
    dw["depression_anxiety"] = sum(DEPANX_DW_PARTS[k][0] / tot * sum(w * v for w, v in DEPANX_DW_PARTS[k][1])
                                   for k in DEPANX_DW_PARTS)
    dw.update(DW_OTHER)
    c.dw = dw
    say("   disability weights: " + ", ".join(f"{k} {v:.3f}" for k, v in dw.items()))

    def norm(s, g, x):
        if g < 3:
            return UTILITY_CHILD
        a = EQ5D_BAND[g] + (EQ5D_SEX_DIFF if s == "male" else -EQ5D_SEX_DIFF) + x
        if g == 3:
            return (3 * UTILITY_CHILD + 2 * a) / 5
        return a

    def women_mean(x):
        num = sum(c.nl_pop["female"][g] * n_ages(g, 18) / 5 * (EQ5D_BAND[g] - EQ5D_SEX_DIFF + x) for g in range(3, NG))
        den = sum(c.nl_pop["female"][g] * n_ages(g, 18) / 5 for g in range(3, NG))
        return num / den
    x = 0.0  # the remembered level is kept; CLARIJS2022 (online sample) is a check only
    rows = []
    for s in SEXES:
        for g in range(NG):
            n = norm(s, g, x)
            ex = 1.0
            for cond in COND:
                ex *= 1 - dw[cond] * c.prev[cond][s][g]
            u = min(1.0, n / ex)
            rows.append([s, AGE_GROUPS[g], fmt(u, 4),
                         "M-EQ5D-NORMS;GBD-DW;A-H-UTILITY-BASE;A-H-DW-MIX"])
    say(f"   EQ-5D norms (M): women 18+ mean {women_mean(0.0):.3f} with NL weights (CLARIJS2022 online sample of "
        f"9,037 women, 2020: 0.911, a healthier sample than the population); condition-free utility men 80-84 "
        f"{float(rows[16][2]):.3f} vs norm {norm('male', 16, x):.3f}, men 95+ {float(rows[19][2]):.3f} vs "
        f"{norm('male', 19, x):.3f}")
    if any(float(r[2]) >= 1.0 for r in rows):
        die("condition-free utility reaches 1: disability weights and norms are inconsistent")
    dwrows = []
    for k in COND + ["hip_fracture", "frail"]:
        src = "GBD-DW;A-H-DW-MIX" + (";NEMESIS3" if k == "depression_anxiety" else "")
        dwrows.append([k, fmt(dw[k], 4), src if k in COND else "A-H-DW-MIX"])
    return rows, dwrows


# ---------------------------------------------------------------------------------------------
# 11. Environment
# ---------------------------------------------------------------------------------------------
def build_environment(c):
    say("== Environment (A-H-ENV; effects A-H-ENV-EFFECT, applied to changes from these values) ==")
    hh = {d: float(c.kwb[(2023, c.kwb_label[d])]["a_hh"]) for d in c.districts}
    f = GREEN_CITY * sum(hh.values()) / sum(hh[d] * GREEN_DISTRICT_REL[d] for d in c.districts)
    rows = []
    for z in c.zones:
        if z in c.districts:
            corp = float(c.kwb[(2023, c.kwb_label[z])]["p_wcorpw"]) / 100.0
            rows.append([z, fmt(GREEN_DISTRICT_REL[z] * f, 4), fmt(ACTIVE_DISTRICT[z], 3), fmt(corp, 3),
                         "REKENKAMER-GROEN;CBS-KWB2023;A-H-ENV"])
        else:
            rows.append([z, fmt(GREEN_MUNI, 4), fmt(ACTIVE_MUNI, 3), fmt(SOCIAL_MUNI, 3), "A-H-ENV"])
    city = sum(hh[d] * GREEN_DISTRICT_REL[d] * f for d in c.districts) / sum(hh.values())
    say(f"   green per dwelling: city household-weighted mean {city:.1f} m2 (65.5); districts " +
        ", ".join(f"{c.zone_name[d]} {GREEN_DISTRICT_REL[d] * f:.0f}" for d in c.districts))
    erows = [[a, fa, fmt(v, 4), u, "MAAS2009;DEVRIES2016;A-H-ENV-EFFECT" if a.startswith("green") else
              "KELLY2014;A-H-ENV-EFFECT"] for a, fa, v, u in ENV_EFFECTS]
    return rows, erows


# ---------------------------------------------------------------------------------------------
# 12. Care use and costs
# ---------------------------------------------------------------------------------------------
def build_care(c):
    say("== Care use and costs ==")
    tot = [c.nl_pop["male"][g] + c.nl_pop["female"][g] for g in range(NG)]
    k = GP_CONTACTS_MEAN * sum(tot) / sum(tot[g] * GP_CONTACTS_SHAPE[g] for g in range(NG))
    rows = []
    gp_tot = 0.0
    for g in range(NG):
        hours_all = GP_CONTACTS_SHAPE[g] * k * GP_HOURS_PER_CONTACT
        extra = sum(GP_EXTRA[cond] * (c.nl_pop["male"][g] * c.prev[cond]["male"][g] +
                                      c.nl_pop["female"][g] * c.prev[cond]["female"][g]) / tot[g] for cond in COND)
        base = hours_all - extra
        if base <= 0:
            die(f"GP hours for {AGE_GROUPS[g]} negative after removing condition hours")
        gp_tot += tot[g] * hours_all
        rows.append(["gp", "age_group", AGE_GROUPS[g], fmt(base, 4),
                     "HARTENVAAT-GP;M-GP-CONTACTS;M-NL-POP2021;A-H-NL-WEIGHTS;A-H-GP"])
    for cond in COND:
        rows.append(["gp", "condition", cond, fmt(GP_EXTRA[cond], 4), "A-H-GP"])
    rows.append(["home_care", "client", "all", fmt(HOMECARE_HOURS, 4), "VEKTIS-WIJKVERPLEGING;A-H-CARE-HOURS"])
    rows.append(["nursing_home", "resident", "all", fmt(NH_HOURS, 4), "M-CARE-PRICES;A-H-CARE-HOURS"])
    rows.append(["mental_health", "case", "depression_anxiety", fmt(MH_HOURS, 4), "A-H-CARE-HOURS"])
    say(f"   GP: contacts scale {k:.3f} (6 per inhabitant); {gp_tot / sum(tot):.2f} GP hours per inhabitant, "
        f"{gp_tot / 1e6:.1f} M hours NL; 65-69 total {GP_CONTACTS_SHAPE[13] * k * GP_HOURS_PER_CONTACT:.2f} h of which "
        f"condition extras {GP_CONTACTS_SHAPE[13] * k * GP_HOURS_PER_CONTACT - float(rows[13][3]):.2f} h")
    # costs
    n18_75 = sum(c.nl_pop[s][g] * n_ages(g, 18, 76) / 5 for s in SEXES for g in range(NG))
    dep_cases = DEPANX_18_75 / 100.0 * n18_75
    dep_cost = DEPANX_COST_SHARE * (MENTAL_TOTAL_M - COSTS_M["dementia"][0] - INTELLECTUAL_M - SCHIZO_M)
    crow = []
    for cond in COND:
        if cond == "depression_anxiety":
            v = dep_cost * 1e6 / dep_cases
            src = "RIVM-KVZ2019;NEMESIS3;M-NL-POP2021;A-H-NL-WEIGHTS;A-H-DEPANX;A-H-COSTS"
        elif cond == "heart_failure":
            crow.append([cond, fmt(round(hf.cost_per_case()), 6), hf.HF_COST_YEAR, hf.COST_SOURCE])
            continue
        else:
            m_, n_ = COSTS_M[cond]
            v = m_ * 1e6 / n_
            if cond == "dementia":  # without its elderly care, which the care states cost
                v *= 1.0 - DEMENTIA_ELDERLY_CARE_SHARE
            src = {"diabetes": "RIVM-KVZ2019;VZINFO-DIABETES;A-H-COSTS", "chd": "RIVM-KVZ2019;VZINFO-CHD;A-H-COSTS",
                   "stroke": "RIVM-KVZ2019;VZINFO-BEROERTE2021;A-H-COSTS", "copd": "VZINFO-COPD;A-H-COSTS",
                   "dementia": "RIVM-KVZ2019;VZINFO-DEMENTIE-KOSTEN;ALZHEIMER-NL;A-H-COSTS"}[cond]
        crow.append([cond, fmt(round(v), 6), 2019, src])
    crow.append(["home_care", fmt(round(HOMECARE_COST), 6), 2021, "VEKTIS-WIJKVERPLEGING;M-CARE-PRICES;A-H-CARE-COSTS;A-H-COSTS"])
    crow.append(["nursing_home", fmt(round(NH_COST), 6), 2021, "M-CARE-PRICES;A-H-CARE-COSTS;A-H-COSTS"])
    say("   cost per case-year: " + ", ".join(f"{r[0]} {r[1]} ({r[2]})" for r in crow) +
        f"; depression/anxiety: {dep_cost:,.0f} M over {dep_cases:,.0f} cases")
    return rows, crow


# ---------------------------------------------------------------------------------------------
# 13. Targets
# ---------------------------------------------------------------------------------------------
class Targets(list):
    """The rows of targets/health.csv."""

    def add(self, ind, zone, year, sex, value, tol, kind, src, note):
        self.append([ind, zone, year, sex, fmt(value, 6), fmt(tol, 4), kind, src, note])


# Life expectancy by education, the Netherlands, 2019/2022 pooled (CBS 84842NED; docs/research/figures_wave2.md
# B2): at birth and at 65, men and women together; healthy life expectancy (good perceived health) at birth.
LE_BY_EDUCATION = {"life_expectancy": (79.0, 81.8, 83.8), "life_expectancy_65": (19.4, 20.3, 21.4),
                   "healthy_life_expectancy": (56.6, 65.0, 70.3)}


def education_targets():
    """targets/education.csv: the register's life expectancy by education (role check; healthy LE compare)."""
    rows = []
    for ind, values in LE_BY_EDUCATION.items():
        healthy = ind == "healthy_life_expectancy"
        for edu, v in zip(("low", "middle", "high"), values):
            rows.append([ind, "PV26", 2022, "all", edu, fmt(v, 6), fmt(2.0 if healthy else 1.0, 4), "absolute",
                         "compare" if healthy else "check", "CBS-84842NED;A-H-TARGET-EDU",
                         "national figure (2019/2022 pooled) against the province's 2022 period table; the province "
                         "lives about half a year longer than the nation"
                         + ("; healthy years rest on the perceived-health table by education: shown, not failed"
                            if healthy else "")])
    return rows


def build_targets(c):
    """targets/health.csv: the published figures `hhu validate` compares the baseline with."""
    T = Targets()
    lifestyle_targets(T.add)
    condition_targets(c, T.add)
    senior_targets(c, T.add)
    other_targets(c, T.add)
    return T


def lifestyle_targets(add):
    """Lifestyle and wellbeing, 18+: the region and the city (calibrated to) and the city and Overvecht 2022."""
    cal = "calibrated by construction (zone odds ratio, A-H-ZONE-CALIB): checks the implementation"
    R = "CBS-85012NED;A-H-TARGET-TOL"
    U = "UM-GEZONDHEID;A-H-TARGET-TOL"
    add("prevalence_smoking", "PV26", 2021, "all", 0.151, 0.02, "absolute", R,
        "18+; GGD regio Utrecht = the province; Gezondheidsmonitor autumn 2020; " + cal)
    add("prevalence_overweight", "PV26", 2021, "all", 0.443, 0.02, "absolute", R,
        "18+, BMI>=25 (overweight incl. obese); GGD regio Utrecht 2020 = the province; " + cal)
    add("prevalence_obesity", "PV26", 2021, "all", 0.122, 0.02, "absolute", R,
        "18+, BMI>=30; GGD regio Utrecht 2020 = the province; " + cal)
    add("prevalence_smoking", "GM0344", 2021, "all", 0.18, 0.02, "absolute", U, "18+; Utrecht city 2020; " + cal)
    add("prevalence_overweight", "GM0344", 2021, "all", 0.38, 0.02, "absolute", U,
        "18+, BMI>=25; Utrecht city 2020; " + cal)
    add("prevalence_overweight", "GM0344", 2022, "all", 0.35, 0.04, "absolute",
        "VGM-UTRECHT-UGP2022;A-H-TARGET-TOL",
        "18+, BMI>=25; Utrecht city 2022; may fail: the city's 38% -> 35% (2020-2022) runs against the national trend "
        "the model follows (A-H-TREND-BMI); tolerance doubled")
    add("prevalence_physically_active", "GM0344", 2021, "all", 0.60, 0.02, "absolute", U,
        "18+ meeting the PA guideline; Utrecht city 2020; " + cal + "; the national level is from another survey "
        "(RIVM-BEWEEG2021), so the city odds ratio also carries the survey difference")
    add("prevalence_excessive_alcohol", "GM0344", 2021, "all", 0.06, 0.02, "absolute", U,
        "18+; Utrecht city 2020; " + cal)
    add("prevalence_psych_distress", "GM0344", 2021, "all", 0.07, 0.02, "absolute", U,
        "18+ high risk of anxiety/depression (K10); Utrecht city 2020; " + cal)
    add("prevalence_lonely_severe", "GM0344", 2021, "all", 0.11, 0.02, "absolute", U,
        "18+; Utrecht city 2020; " + cal)
    add("prevalence_lonely_severe", "GM0344", 2022, "all", 0.11, 0.02, "absolute",
        "VGM-UTRECHT-UGP2022;A-H-TARGET-TOL", "18+; Utrecht city 2022 (UGP 2022); no trend assumed, so 2022 = 2021")
    add("prevalence_lonely_severe", "WK034403", 2022, "all", 0.21, 0.04, "absolute",
        "VGM-UTRECHT-UGP2022;A-H-DISTRICT;A-H-TARGET-TOL",
        "18+; Overvecht 2022; the district odds ratio reproduces it after composition (A-H-DISTRICT); district "
        "sample and Monte Carlo noise: 4 points")


def condition_targets(c, add):
    """Conditions: national crude rates applied to the province."""
    pub = {"diabetes": ("VZINFO-DIABETES", 2021, (70.3, 61.1), "2020 rate (latest cited) for 2021"),
           "chd": ("VZINFO-HVZ2021", 2021, (56.3, 33.6), "2021"),
           "stroke": ("VZINFO-HVZ2021;VZINFO-BEROERTE2021", 2021, (30.6, 28.9),
                      "2021, incl. TIA; excludes nursing-home residents"),
           "copd": ("VZINFO-COPD", 2021, (31.0, 31.2), "2021"),
           "heart_failure": ("VZINFO-HF2021", 2021, hf.HF_CRUDE_2021, "2021, ICPC K77")}
    for cond, (src, yr, vals, what) in pub.items():
        for i, s in enumerate(SEXES):
            prov = prov_crude(c, c.prev[cond], [s])
            nat = vals[i] / 1000.0
            tol = abs(nat - prov) + 0.1 * prov
            add(f"prevalence_{cond}", "PV26", yr, s, nat, tol, "absolute", src + ";A-H-TARGET-TOL",
                f"all residents; national GP-registered rate per resident ({what}); the province's age structure "
                f"gives {prov:.4f} with the national age-specific rates, hence the tolerance")
    nat_dem = DEMENTIA_2021 / NL_TOTAL_2021
    prov = prov_crude(c, c.prev["dementia"])
    add("prevalence_dementia", "PV26", 2021, "all", nat_dem, abs(nat_dem - prov) + 0.1 * prov, "absolute",
        "ALZHEIMER-NL;M-NL-POP2021;A-H-TARGET-TOL",
        f"all residents; 290,000 / 17.48 M (estimate incl. undiagnosed); province age structure gives {prov:.4f}")
    nat_da = nl_crude(c, c.prev["depression_anxiety"])
    prov = prov_crude(c, c.prev["depression_anxiety"])
    add("prevalence_depression_anxiety", "PV26", 2021, "all", nat_da, abs(nat_da - prov) + 0.1 * prov, "absolute",
        "NEMESIS3;A-H-DEPANX;A-H-TARGET-TOL",
        f"all residents; 12-month mood/anxiety disorder; national all-ages value implied by NEMESIS-3 (18-75) and "
        f"the age pattern of A-H-DEPANX (not an independent figure); province age structure gives {prov:.4f}")


def senior_targets(c, add):
    """Frail, home care, nursing home (65+)."""
    fr = c.rf["frail"]
    num = sum(c.pop[z][s][g] * c.edu[z][s][g][e] * shift(fr["rows"][(s, g, e)], math.log(c.zone_or["frail"][z]))
              for z in c.zones for s in SEXES for g in range(13, NG) for e in range(3))
    den = sum(c.pop[z][s][g] for z in c.zones for s in SEXES for g in range(13, NG))
    add("prevalence_frail", "PV26", 2021, "all", 0.22, abs(0.22 - num / den) + 0.02, "absolute",
        "VEKTIS-FRAIL;A-H-FRAIL;A-H-TARGET-TOL",
        f"65+; national 22% (claims-based score); no regional figure; the province's education gives "
        f"{num / den:.4f}, hence the tolerance")
    nl65 = sum(c.nl_pop[s][g] for s in SEXES for g in range(13, NG))
    hc_nat = sum(c.nl_pop[s][g] * c.hc[s][g] * (1 - c.nh[s][g]) for s in SEXES for g in range(13, NG)) / nl65
    hc_prov = sum(c.prov_pop[s][g] * c.hc[s][g] * (1 - c.nh[s][g]) for s in SEXES for g in range(13, NG)) / \
        sum(c.prov_pop[s][g] for s in SEXES for g in range(13, NG))
    add("prevalence_home_care", "PV26", 2021, "all", hc_nat, abs(hc_nat - hc_prov) + 0.02, "absolute",
        "CBS-GMSD-WMO2022;A-H-HOMECARE;A-H-TARGET-TOL",
        f"65+ (all residents of 65+); national value of seniors.csv anchored on Wmo household help 2022 (not an "
        f"independent figure); the province's age structure gives {hc_prov:.4f}")
    nh_nat = sum(c.nl_pop[s][g] * c.nh[s][g] for s in SEXES for g in range(13, NG)) / nl65
    nh_prov = sum(c.prov_pop[s][g] * c.nh[s][g] for s in SEXES for g in range(13, NG)) / \
        sum(c.prov_pop[s][g] for s in SEXES for g in range(13, NG))
    add("prevalence_nursing_home", "PV26", 2021, "all", nh_nat, abs(nh_nat - nh_prov) + 0.005, "absolute",
        "ACTIZ-2023;LOKET-POP2021;A-H-NH-STOCK;A-H-TARGET-TOL",
        f"65+; 122,445 residents (2023, ActiZ) in the 65+ share of the institutional pattern over NL 65+ 2021; the "
        f"province's age structure gives {nh_prov:.4f}; 7.6% of 75+ lived in a care home in 2020 (TVGG-INST2020)")


def other_targets(c, add):
    """Big2, hip fractures, life expectancy at 65 and healthy life expectancy."""
    add("big2_share", "PV26", 2021, "all", BIG2_NL, 0.015, "absolute", "VZINFO-PERINATAL;A-H-TARGET-TOL",
        "share of births; national 14.8% (2021); no provincial figure; the province's higher education should put it "
        "somewhat lower")
    add("big2_share", "GM0344", 2021, "all", 0.14, 0.015, "absolute", "VGM-UTRECHT-1000D;VZINFO-PERINATAL;A-H-BIG2-ZONE",
        "Utrecht city is published only as 'lower than G4 and NL (14.8%)': the target is the band 12.5-15.5%")
    # hip fractures
    n_hip = sum(c.prov_pop[s][g] * c.hip[s][g] for s in SEXES for g in range(NG))
    add("hip_fractures", "PV26", 2021, "all", round(n_hip), 0.15, "relative",
        "VEKTIS-HIP2017;CBS-83502NED;A-H-HIPFX-RATE;A-H-TARGET-TOL",
        "count per year, residents 65+ (the model has no hip fractures below 65); Vektis 2017 rates x the province's "
        "2021 population (composition-based expectation, not a provincial count); 15% for rates of 2017 and noise")
    # life expectancy
    for s, (e65) in (("male", 19.0), ("female", 21.2)):
        add("life_expectancy_65", "PV26", 2022, s, e65, 0.75, "absolute", "VZINFO-LE2022",
            "national period life expectancy at 65 (2022); the province is expected within 0.75 y (life_expectancy "
            "at birth is in targets/demography.csv)")
    for s in SEXES:
        add("healthy_life_expectancy", "PV26", 2021, s, HLE_2021[s], 1.5, "absolute",
            "STAATVENZ-HLE2021;A-H-PH-LEVEL;A-H-TARGET-TOL",
            "national life expectancy in good perceived health (2021); the national perceived-health table is calibrated "
            "to it, so the province differs by its education, conditions and mortality: 1.5 y")
    add("healthy_life_expectancy", "GM0344", 2021, "all", 65.0, 2.0, "absolute", "VGM-UTRECHT-HLE;A-H-TARGET-TOL",
        "Utrecht city, both sexes, about 2020 (earlier edition 64.0): 2 y")
    # the first 1000 days: the two birth outcomes (national shares, no provincial figure)
    add("preterm_share", "PV26", 2021, "all", PRETERM_NL, 0.01, "absolute", "VZINFO-PERINATAL;A-H-TARGET-TOL",
        "share of births before 37 weeks; national 6.6% (2021, >=24 wk); no provincial figure: 1 percentage point "
        "for the province's education mix and noise")
    add("sga_share", "PV26", 2021, "all", SGA_NL, 0.015, "absolute", "VZINFO-PERINATAL;A-H-TARGET-TOL",
        "share of births small for gestational age (<p10); national 9.7% (2021); no provincial figure: 1.5 "
        "percentage points as for Big2")


# ---------------------------------------------------------------------------------------------
# Checks on the written (rounded) tables
# ---------------------------------------------------------------------------------------------
def verify_outputs(c, out):
    say("== Re-read checks: national and zone figures recomputed from the written tables ==")
    gi = {g: i for i, g in enumerate(AGE_GROUPS)}
    ei = {e: i for i, e in enumerate(EDUS)}
    rf = {}
    for r in read_csv(out / "risk_factor_prevalence.csv"):
        rf[(r["factor"], r["sex"], gi[r["age_group"]], ei[r["education"]])] = float(r["prevalence"])
    zor = {(r["zone"], r["factor"]): float(r["odds_ratio"]) for r in read_csv(out / "zone_odds_ratios.csv")}
    for f in RF_FACTORS:
        sp = RF_SPEC[f]
        tmin = max(sp["target_min"], sp["min_age"])

        def nat(sexes):
            num = den = 0.0
            for s in sexes:
                for g in range(NG):
                    fr = n_ages(g, tmin) / 5
                    for e in range(3):
                        num += c.W[s][g][e] * fr * rf[(f, s, g, e)]
                        den += c.W[s][g][e] * fr
            return num / den

        def zones(zs):
            num = den = 0.0
            for z in zs:
                for s in SEXES:
                    for g in range(NG):
                        fr = n_ages(g, tmin) / 5
                        for e in range(3):
                            w = c.pop[z][s][g] * c.edu[z][s][g][e] * fr
                            num += w * shift(rf[(f, s, g, e)], math.log(zor[(z, f)]))
                            den += w
            return num / den
        tgt = c.rf[f]["total"]
        say(f"   {f:18s} NL {sp['target_min']}+ {pct(nat(SEXES), 2)}% (target {fmt(tgt, 4) if tgt else 'by sex'}), men "
            f"{pct(nat(['male']), 2)}, women {pct(nat(['female']), 2)}; province {pct(zones(c.zones), 2)}%, Utrecht city "
            f"{pct(zones(c.districts), 2)}%")
    cond = {}
    for r in read_csv(out / "conditions.csv"):
        cond[(r["condition"], r["sex"], gi[r["age_group"]])] = float(r["prevalence"])
    for k in COND:
        pr = {s: [cond[(k, s, g)] for g in range(NG)] for s in SEXES}
        n = sum(c.nl_pop[s][g] * pr[s][g] for s in SEXES for g in range(NG))
        say(f"   {k:18s} NL cases {n:,.0f}; per 1000 men {1000 * nl_crude(c, pr, ['male']):.1f}, women "
            f"{1000 * nl_crude(c, pr, ['female']):.1f}; province cases {sum(c.prov_pop[s][g] * pr[s][g] for s in SEXES for g in range(NG)):,.0f}")
    say("   published: diabetes 70.3/61.1 (2020), CHD 56.3/33.6, stroke 30.6/28.9, COPD 31.0/31.2 per 1000 (2021), "
        "dementia 290,000 (2021) [diabetes differs because its 2017 age table is used as published; see above]")
    sen = {(r["outcome"], r["sex"], gi[r["age_group"]]): float(r["rate"]) for r in read_csv(out / "seniors.csv")}
    nh = sum(c.nl_pop[s][g] * sen[("nursing_home_prevalence", s, g)] for s in SEXES for g in range(NG))
    nhp = sum(c.prov_pop[s][g] * sen[("nursing_home_prevalence", s, g)] for s in SEXES for g in range(NG))
    hip = sum(c.prov_pop[s][g] * sen[("hip_fracture", s, g)] for s in SEXES for g in range(NG))
    fall = sum(c.nl_pop[s][g] * sen[("fall_ed", s, g)] for s in SEXES for g in range(NG))
    say(f"   nursing-home stock NL {nh:,.0f} (122,445), province {nhp:,.0f}; falls at ED NL {fall:,.0f} (102,200); "
        f"hip fractures province {hip:,.0f}")
    ph = {(r["sex"], gi[r["age_group"]], ei[r["education"]]): float(r["share_good"])
          for r in read_csv(out / "perceived_health.csv")}
    orr = {r["factor"]: math.log(float(r["relative_risk"])) for r in read_csv(out / "relative_risks.csv")
           if r["outcome"] == "perceived_good_health"}
    lnor = [orr.get(k, 0.0) for k in COND]
    for s in SEXES:
        gshare = []
        for g in range(NG):
            scales = edu_rr_scale(c, s, g)
            num = 0.0
            for e in range(3):
                b = logit(ph[(s, g, e)])
                num += c.W[s][g][e] * sum(pr * expit(b + sum(l for bt, l in zip(bits, lnor) if bt))
                                          for pr, bits in cond_combos(c, s, g, scales[e]))
            gshare.append(num / sum(c.W[s][g]))
        h, e0 = sullivan(c, gshare, s)
        say(f"   HLE {s} from perceived_health.csv x condition ORs and the 2022 life table: {h:.2f} (target "
            f"{HLE_2021[s]}; e0 {e0:.2f})")


# ---------------------------------------------------------------------------------------------
# Output: sources and README
# ---------------------------------------------------------------------------------------------
TABLE_DOCS = [
    ("risk_factor_prevalence.csv", "factor,sex,age_group,education,prevalence,source",
     "National base prevalence (2021 base; years of the figures below) of the nine risk factors per sex x age group "
     "x education (9 x 2 x 20 x 3 rows). Minimum ages: smoking 12, BMI classes 2, physical activity 4, excessive "
     "alcohol 16, distress 12, loneliness 18, frailty 65; a row of a group that straddles the minimum age (or 18) "
     "is the mean over its eligible single ages, and the model must apply the factor only from the minimum age. "
     "Education under 25 is the household's (education.csv). Rows are 5-year groups, so the groups 10-14 and "
     "15-19 average two published levels (e.g. physical activity 62% at 4-11, 36% at 12-17, about 48% at 18-34): "
     "the model reproduces the group means, not the steps inside a group (see the checks). Income gradients "
     "(CBS welfare quintiles) are not modelled separately: education carries the socio-economic gradient.",
     "Logistic model A-H-RF-MODEL on national weights (A-H-NL-WEIGHTS): shapes M-RF-AGE; levels: smoking 16.7%, "
     "moderate overweight 34.8%, obesity 14.7% (CBS-85012NED, 2020, A-H-LEVEL-SURVEY); former smokers 33.4% (2018, "
     "A-H-FORMER); physically active 18+ derived from 47% of 4+ in 2021 (A-H-PA-ADULT); excessive drinking 7% (2020, "
     "A-H-ALCOHOL); distress men 5% / women 7% (2020, A-H-DISTRESS); severe loneliness 11.0% (2020); frail 22% of "
     "65+ (A-H-FRAIL). Sex: smoking odds ratio men/women of 2017 (27.0/19.9), moderate overweight 42/30 and obesity "
     "11/14 (VTV-2014). Education: smoking, moderate overweight (BMI>=25 minus obese) and obesity fitted to the CBS "
     "2021 marginals as odds ratios among 25+ (A-H-EDU-MARGINAL); others fixed odds ratios (README table). Youth: "
     "A-H-YOUTH."),
    ("risk_factor_dynamics.csv", "factor,exit_rate,relapse_share,source",
     "Annual exit hazard from the state and, for smoking, the share of entries that are relapses of former smokers.",
     "A-H-DYNAMICS (M-DYNAMICS). smoking_former has exit 0: it is not a Markov target but the initial split of "
     "non-smokers (former = ever smoked and not current)."),
    ("risk_factor_trend.csv", "factor,year,odds_multiplier,source",
     "Odds multiplier on the target prevalence relative to 2021, every factor and year 2021-2040.",
     "Smoking: VTV-2018 log-odds slope (A-H-TREND-SMOKING); overweight and obese: one common multiplier per year "
     "so that BMI>=25 follows the VTV-2018 slope (A-H-TREND-BMI); others 1.0 (A-H-TREND-NONE)."),
    ("zone_odds_ratios.csv", "zone,factor,odds_ratio,source",
     "Odds ratio of each zone (35) against the national level for the nine risk factors and big2, net of the "
     "zone's age, sex and education composition.",
     "A-H-ZONE-CALIB (city and rest-of-province odds ratios solved to the Utrecht city 2020 and GGD regio Utrecht 2020 "
     "figures), A-H-DISTRICT (district pattern), A-H-CITY-OBESE, A-H-ALCOHOL-REGION, A-H-BIG2-ZONE. The odds ratios "
     "also contain the baseline environment (environment.csv)."),
    ("conditions.csv", "condition,sex,age_group,prevalence,incidence,remission,source",
     "Base-year prevalence (share of residents), incidence per person-year among residents without the condition, "
     "remission per year (depression_anxiety only), 6 conditions x 2 sexes x 20 groups. depression_anxiety applies "
     "from age 12 (the 10-14 row is the 12-14 mean).",
     "Prevalence A-H-COND-LEVEL / A-H-DEPANX; incidence A-H-INCIDENCE (consistent with prevalence, death RRs and "
     "the 2022 life table), with the published new-case counts printed as checks. Definitions follow the sources: "
     "diabetes, CHD, stroke (incl. TIA), COPD = known to the GP (Nivel); dementia = all people with dementia "
     "(Alzheimer Nederland estimate, incl. nursing homes); depression_anxiety = 12-month DSM mood or anxiety "
     "disorder (NEMESIS-3)."),
    ("relative_risks.csv", "outcome,factor,level,relative_risk,ci_low,ci_high,source",
     "Relative risks (odds ratios for perceived_good_health) of factors on outcomes; absent pairs mean 1. Factors: "
     "smoking (current, former), bmi (overweight, obese), inactive (not physically_active), excessive_alcohol, "
     "psych_distress, lonely_severe, frail, education (low, middle vs high), the conditions, hip_fracture_recent, "
     "living_alone.",
     "ci_low and ci_high: the published 95% interval, where one was read (the parameter draws are fitted to it, "
     "data/uncertainty). Published meta-analyses and cohorts, each named in the row's source with the figure read "
     "(tools/health_relative_risks.py; sexes combined by A-H-RR-SEX-MEAN, protective contrasts inverted by "
     "A-H-RR-INVERTED); still remembered values, not found in a source read (an M- source): " + REMEMBERED_RR + "; "
     "frailty on death and nursing home from SCP-FRAIL-NU; direct risk-factor RRs on death are residuals below the "
     "published totals "
     "(A-H-RR-DEATH-RESIDUAL). The death effect of a recent hip fracture is the excess hazard in seniors.csv "
     "(A-H-HIPFX-DEATH); there is deliberately no death row for hip_fracture_recent. Education on death is in "
     "education_death.csv."),
    ("education_death.csv", "sex,age_group,education,relative_risk,source",
     "Total relative risk of death of low and middle education vs high, per sex x age group (2 x 20 x 2 rows). "
     "The model applies the direct part: the total over the part its risk factors and conditions carry, per sex "
     "and age group, never below 1 (A-H-RR-EDU-MEDIATED).",
     "KULHANOVA2014 (primary vs tertiary, 30-79) mapped onto CBS low with the shares of primary and lower "
     "secondary education in the province (CBS-85525NED; A-H-EDU-DEATH-TOTAL); held to 74, from 75 declining as "
     "in REQUES2015 (A-H-EDU-DEATH-AGE)."),
    ("seniors.csv", "outcome,sex,age_group,rate,source",
     "Per sex x age group (all 20 groups, 0 where not applicable): fall_ed (annual incidence of falls treated at an "
     "ED, 65+), hip_fracture (annual incidence, 65+), hip_fracture_excess_mortality (excess death hazard per year "
     "during the 12 months after a hip fracture, 65+), nursing_home_prevalence (share of residents living in a "
     "nursing home, base year, 55+: the initial stock), nursing_home_admission (population-average annual hazard, "
     "55+, to be multiplied by normalised RRs), home_care_prevalence (share of home-dwelling residents receiving "
     "home care, 65+), home_care_exit (annual exit hazard, all ages).",
     "A-H-FALLS, A-H-HIPFX-RATE, A-H-HIPFX-DEATH, A-H-NH-STOCK, A-H-NH-ADMISSION, A-H-HOMECARE."),
    ("perinatal.csv", "parameter,value,price_year,source",
     "Parameters of the birth outcomes (preterm, SGA; Big2 = either) and neonatal mortality: big2_share_nl, "
     "preterm_share_nl, sga_share_nl, or_mother_under20, or_mother_40plus, or_low_education, "
     "smoking_in_pregnancy_share, the mothers' risk-factor shares used for the reference, neonatal_mortality_nl, "
     "neonatal_mortality_big2, neonatal_mortality_other (per live birth). A Utrecht city Big2 level is not "
     "derivable (only 'lower than G4 and NL'); zone differences are in zone_odds_ratios.csv (big2). Then the first "
     "1000 days: preterm_share_reference and sga_share_reference (shares for a mother with none of the risk "
     "factors, zone odds ratio 1: the base odds), or_sga_when_preterm, or_smoking_preterm, or_smoking_sga, "
     "neonatal_cost_preterm_eur (per preterm birth), utility_loss_preterm (lifelong, per resident born preterm), "
     "child_protection_risk_group and child_protection_other (probability of a child protection report by age 3), "
     "child_protection_cost_per_year_eur.",
     "A-H-NEONATAL; A-H-BIRTH-OUTCOMES, A-H-NEONATAL-COST, A-H-PRETERM-UTILITY, A-H-CHILD-PROTECTION, "
     "A-H-CHILD-PROTECTION-COST; odds ratios of age and education M-BIG2-OR (the cited RRs 1.7 and 1.5 of vzinfo "
     "are for perinatal death, not Big2)."),
    ("perceived_health.csv", "sex,age_group,education,share_good,source",
     "Share with good or very good perceived health for residents WITHOUT any of the six modelled conditions; the "
     "model multiplies the odds by the condition odds ratios (relative_risks.csv, outcome perceived_good_health), "
     "which reproduces the national population average of 2021.",
     "A-H-PH-LEVEL (level from the Sullivan healthy life expectancy 65.4 / 65.1), A-H-PH-BASE."),
    ("utility_norms.csv", "sex,age_group,utility,source",
     "EQ-5D utility (Dutch tariff) for residents without the modelled conditions.",
     "M-EQ5D-NORMS (remembered level and shape; CLARIJS2022 printed as a check), A-H-UTILITY-BASE."),
    ("disability_weights.csv", "condition,disability_weight,source",
     "Disability weight per condition (prevalence-weighted severity mix), plus hip_fracture (first year) and frail.",
     "GBD-DW with A-H-DW-MIX."),
    ("environment.csv", "zone,green_m2_per_dwelling,active_mobility_index,social_housing_share,source",
     "Per zone: public green per dwelling (m2), share of trips on foot or by bicycle (0-1), housing-corporation "
     "share of dwellings (0-1), base year.",
     "A-H-ENV (REKENKAMER-GROEN, CBS-KWB2023)."),
    ("environment_effects.csv", "attribute,factor,odds_ratio_per_unit,unit,source",
     "Odds ratio on a risk factor's target per unit change of an environment attribute, applied to the change from "
     "the zone's value in environment.csv (the baseline is inside the zone odds ratios).",
     "A-H-ENV-EFFECT (MAAS2009, DEVRIES2016, KELLY2014: conservative values, associations only)."),
    ("care_use.csv", "kind,basis,key,hours_per_year,source",
     "Care hours: gp by age_group (per resident without the modelled conditions), gp by condition (extra per case), "
     "home_care per client (key all), nursing_home per resident (key all), mental_health per depression_anxiety case.",
     "A-H-GP, A-H-CARE-HOURS."),
    ("costs.csv", "condition,cost_per_case_eur,price_year,source",
     "Health-care cost per prevalent case-year (the seven conditions, 2019 prices; heart failure 2017) and per home-care client-year and "
     "nursing-home resident-year (2021 prices), in the prices of the row's price_year; the model indexes each to 2023 "
     "prices with the consumer price index (data/consumer_prices.csv).",
     "A-H-COSTS, A-H-CARE-COSTS. Double counting: the dementia cost is without its elderly care (nursing homes, "
     "personal care, home care), which home_care and nursing_home cost for every resident in those care states; GP "
     "and mental-health hours are volumes, not added to these euros."),
    ("../targets/education.csv", "indicator,zone,year,sex,education,value,tolerance,tolerance_kind,role,source,note",
     "Life expectancy at birth and at 65 and healthy life expectancy by education level (CBS 84842NED), for the "
     "province in 2022: the education gradient the model produces from its mechanisms, checked against the register.",
     "CBS-84842NED (C), A-H-TARGET-EDU."),
    ("../targets/health.csv", "indicator,zone,year,sex,value,tolerance,tolerance_kind,source,note",
     "Published base-year figures `hhu validate` compares the baseline with (PV26 = GGD regio Utrecht / province, "
     "GM0344 = Utrecht city, WK034403 = Overvecht). Lifestyle and mental-health indicators: residents 18+; "
     "conditions: all residents; frail, home care, nursing home: 65+. Several rows are reproduced by construction "
     "(the note says so) and only check the implementation.",
     "A-H-TARGET-TOL and the sources in each row. Not included: life_expectancy (already in demography.csv) and "
     "healthy_life_expectancy_65 (no published figure in figures.md)."),
]
TABLE_DOCS.append(health_falls.TABLE_DOC)
TABLE_DOCS.append(hf.TABLE_DOC)


def write_readme(out, c):
    a = output.Readme()
    m_ids = [s[0] for s in SOURCES if s[6] == "M"]
    a("# hhu health input data")
    a("")
    a("Generated by `python3 tools/build_health_data.py` (Python 3 standard library only; it uses the helpers of")
    a("`tools/databuild/` and the demographic conventions of `tools/build_data.py`, and reads the demographic tables")
    a("in `data/`, so run `tools/build_data.py` first). Do not edit these files by hand: change the script and run it")
    a("again (two runs give identical files; `tools/check_data.py` checks that they match).")
    a("")
    a("Conventions as in `data/README.md`: plain CSV, one header line, `\\n` line ends, last column `source` with ids")
    a("separated by `;`. Ids are defined in `data/health/sources.csv` (this build) or `data/sources.csv` (the")
    a("demographic build; e.g. CBS-83502NED, VZINFO-LE2022, A-UNIFORM-AGE, CBS-KWB2023, A-HH-INSTITUTION); the loader")
    a("reads both. Sexes `male`, `female`; the 20 age groups `0-4 ... 95+`; education `low`, `middle`, `high`; zones")
    a("as in `data/zones.csv`. Every table is complete (every combination listed). Confidence marks: C, C-x, C-2, M,")
    a("ASSUMPTION as in `data/README.md`.")
    a("")
    a("**Figures marked M that are used** (verify before relying on them): " + "; ".join(f"`{i}`" for i in m_ids) + ".")
    a("Sources looked up for this build that are not in figures.md are marked 'Looked up for this build' in the notes")
    a("of sources.csv.")
    a("")
    a("**What the model must respect** (beyond the column meanings):")
    a("")
    a("- Minimum ages: smoking 12, BMI 2, physical activity 4, excessive alcohol 16, psych_distress 12, lonely_severe")
    a("  18, frail 65, depression_anxiety 12, hip fractures and falls 65, nursing home 55. Rows of a straddling age")
    a("  group give the mean over the eligible ages.")
    a("- zone_odds_ratios.csv is net of the zone's age, sex and education composition and contains the baseline")
    a("  environment: environment_effects.csv applies to changes of an attribute from environment.csv only.")
    a("- perceived_health.csv and utility_norms.csv are for residents without the modelled conditions; the condition")
    a("  odds ratios / disability weights bring them back to the population averages.")
    a("- conditions.csv incidence is per person-year without the condition and is the population average: multiply by")
    a("  the resident's RRs normalised so that the 2021 average is unchanged (as the brief says); the same for")
    a("  nursing_home_admission.")
    a("- Hip-fracture deaths: the excess hazard of seniors.csv; no RR row, so nothing is counted twice. Neonatal")
    a("  deaths of perinatal.csv are part of m(0) in mortality.csv (not additional).")
    a("- Home care and nursing-home costs are for every resident in those care states; the dementia cost is without")
    a("  its elderly care (A-H-COSTS). nursing_home_prevalence (seniors.csv) is the same population as the `institution` share")
    a("  of household.csv scaled by the factor printed below.")
    a("")
    a("## Tables")
    a("")
    a.tables(TABLE_DOCS)
    a("### Risk-factor shapes before calibration (M-RF-AGE), % men/women, adult part (18+) and youth")
    a("")
    a("| factor | " + " | ".join(AGE_GROUPS[3:]) + " |")
    a("|---|" + "---|" * (NG - 3))
    for f, sp in RF_SPEC.items():
        a(f"| {f} | " + " | ".join(("/".join(fmt(v, 3) for v in sp['adult'][g]) if g in sp['adult'] else "-")
                                  for g in range(3, NG)) + " |")
    a("")
    a("Youth (eligible ages under 18 of the group): " + "; ".join(
        f"{f}: " + ", ".join(f"{AGE_GROUPS[g]} {'/'.join(fmt(v, 3) for v in RF_SPEC[f]['youth'][g])}"
                             for g in RF_SPEC[f]["youth"]) for f in RF_FACTORS if RF_SPEC[f]["youth"]) +
      ". Fixed education odds ratios (low, middle vs high): " + "; ".join(
        f"{f} {RF_SPEC[f]['edu'][1][0]}, {RF_SPEC[f]['edu'][1][1]}" for f in RF_FACTORS if RF_SPEC[f]["edu"][0] == "fixed") +
      f"; perceived health {PH_EDU_OR[0]}, {PH_EDU_OR[1]}.")
    a("")
    a("### Fitted risk-factor parameters")
    a("")
    a("| factor | level shift | female shift | edu OR low | edu OR middle |")
    a("|---|---|---|---|---|")
    for f in RF_FACTORS:
        p = c.rf[f]["par"]
        a(f"| {f} | {p['c']:+.3f} | {p['d']:+.3f} | {math.exp(p['E'][0]):.3f} | {math.exp(p['E'][1]):.3f} |")
    a("")
    a("### Other remembered or assumed inputs")
    a("")
    a("- M-NL-POP2021 (thousands, 0-4 ... 95+): " + ", ".join(str(v) for v in NL_POP_2021_K) + ".")
    a("- M-COND-AGE per 1000 (men; women): " + "; ".join(
        f"{k}: {', '.join(fmt(v, 3) for v in COND_SHAPE[k][0])} ; {', '.join(fmt(v, 3) for v in COND_SHAPE[k][1])}"
        for k in COND_SHAPE) + f". depression/anxiety % by group: {', '.join(fmt(v, 3) for v in DEPANX_SHAPE)}.")
    a(f"- Perceived health shape (men, %): {', '.join(str(v) for v in PH_SHAPE_M)}; women 2 points lower at 20+.")
    a("- EQ-5D norms (both sexes; men +0.015, women -0.015): " +
      ", ".join(f"{AGE_GROUPS[g]} {EQ5D_BAND[g]}" for g in sorted(EQ5D_BAND)) + ".")
    a(f"- GP contacts per person-year (shape): {', '.join(fmt(v, 3) for v in GP_CONTACTS_SHAPE)}.")
    a("- Home care shape (% of home-dwelling, both sexes): " + ", ".join(f"{AGE_GROUPS[g]} {v}" for g, v in
                                                                       HOMECARE_SHAPE.items()) + ".")
    a("")
    a.assumptions(ASSUMPTIONS, ["Each is a row of data/health/sources.csv with confidence ASSUMPTION; the id is cited "
                                "in the `source` column", "of every row that depends on it."])
    a.build_log()
    a("")
    a.write(out / "README.md")


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------
def parse_args():
    ap = cli.parser(__doc__, "directory with figures.md and the KWB district file (default ../shared/research)")
    ap.add_argument("--data", default=str(cli.DEFAULT_DATA), help="data directory (default data/ in the repo)")
    return ap.parse_args()


def own_source_ids(c):
    """The ids defined here; they must be unique and not clash with data/sources.csv."""
    own = {s[0] for s in SOURCES} | {a[0] for a in ASSUMPTIONS}
    clash = own & c.data_source_ids
    if clash:
        die("source ids defined here already exist in data/sources.csv: " + ", ".join(sorted(clash)))
    if len(own) != len(SOURCES) + len(ASSUMPTIONS):
        die("duplicate source id in SOURCES/ASSUMPTIONS")
    return own


def build_tables(c):
    """file name -> (header, rows) of every table of data/health."""
    tables = {}
    tables["risk_factor_prevalence.csv"] = (["factor", "sex", "age_group", "education", "prevalence", "source"],
                                            build_risk_factors(c))
    tables["risk_factor_dynamics.csv"] = (["factor", "exit_rate", "relapse_share", "source"], build_dynamics(c))
    tables["risk_factor_trend.csv"] = (["factor", "year", "odds_multiplier", "source"], build_trend(c))
    tables["zone_odds_ratios.csv"] = (["zone", "factor", "odds_ratio", "source"], build_zone_ors(c))
    tables["conditions.csv"] = (["condition", "sex", "age_group", "prevalence", "incidence", "remission", "source"],
                                build_conditions(c))
    tables["relative_risks.csv"] = (["outcome", "factor", "level", "relative_risk", "ci_low", "ci_high", "source"],
                                    build_relative_risks(c))
    tables["education_death.csv"] = (["sex", "age_group", "education", "relative_risk", "source"],
                                     build_education_death(c))
    tables["seniors.csv"] = (["outcome", "sex", "age_group", "rate", "source"], build_seniors(c))
    tables["perinatal.csv"] = (["parameter", "value", "price_year", "source"], with_price_years(build_perinatal(c)))
    tables["perceived_health.csv"] = (["sex", "age_group", "education", "share_good", "source"],
                                      build_perceived_health(c))
    urows, dwrows = build_utility(c)
    tables["utility_norms.csv"] = (["sex", "age_group", "utility", "source"], urows)
    tables["disability_weights.csv"] = (["condition", "disability_weight", "source"], dwrows)
    erows, effrows = build_environment(c)
    tables["environment.csv"] = (["zone", "green_m2_per_dwelling", "active_mobility_index", "social_housing_share",
                                  "source"], erows)
    tables["environment_effects.csv"] = (["attribute", "factor", "odds_ratio_per_unit", "unit", "source"], effrows)
    crows, costrows = build_care(c)
    tables["care_use.csv"] = (["kind", "basis", "key", "hours_per_year", "source"], crows)
    tables["costs.csv"] = (["condition", "cost_per_case_eur", "price_year", "source"], costrows)
    tables["falls.csv"] = (["parameter", "value", "unit", "price_year", "source"], health_falls.build_falls(fmt))
    tables["heart_failure.csv"] = (["parameter", "value", "unit", "source"], hf.build_heart_failure(fmt))
    return tables


def check_tables(tables, targets, known):
    """Row counts, row widths and source ids of the tables; returns the ids cited."""
    expect = {"risk_factor_prevalence.csv": 9 * 2 * NG * 3, "risk_factor_trend.csv": 9 * len(YEARS),
              "zone_odds_ratios.csv": 35 * 10, "conditions.csv": 7 * 2 * NG, "seniors.csv": 7 * 2 * NG,
              "education_death.csv": 2 * NG * 2,
              "perceived_health.csv": 2 * NG * 3, "utility_norms.csv": 2 * NG, "environment.csv": 35,
              "risk_factor_dynamics.csv": 9, "disability_weights.csv": 9}
    used = set()
    for name, (hdr, rows) in tables.items():
        if name in expect and len(rows) != expect[name]:
            die(f"{name}: {len(rows)} rows, expected {expect[name]}")
        for r in rows:
            if len(r) != len(hdr):
                die(f"{name}: row {r} does not match header {hdr}")
            for i in str(r[-1]).split(";"):
                if i not in known:
                    die(f"{name}: undefined source id {i}")
                used.add(i)
    for r in targets:
        for i in r[7].split(";"):
            if i not in known:
                die(f"targets/health.csv: undefined source id {i}")
            used.add(i)
    return used


def main():
    args = parse_args()
    research, data = Path(args.research), Path(args.data)
    out = data / "health"
    c = load_inputs(research, data)
    own = own_source_ids(c)
    out.mkdir(parents=True, exist_ok=True)
    national_structure(c)
    tables = build_tables(c)
    targets = build_targets(c)
    used = check_tables(tables, targets, own | c.data_source_ids)
    for name, (hdr, rows) in tables.items():
        write_csv(out / name, hdr, rows)
    (data / "targets").mkdir(exist_ok=True)
    write_csv(data / "targets" / "health.csv",
              ["indicator", "zone", "year", "sex", "value", "tolerance", "tolerance_kind", "source", "note"], targets)
    edu_targets = education_targets()
    for r in edu_targets:
        used.update(r[9].split(";"))
    write_csv(data / "targets" / "education.csv",
              ["indicator", "zone", "year", "sex", "education", "value", "tolerance", "tolerance_kind", "role", "source",
               "note"], edu_targets)
    verify_outputs(c, out)
    unused = sorted(own - used - CHECK_ONLY_SOURCES)
    say("== Sources ==")
    say(f"   {len(SOURCES)} sources and {len(ASSUMPTIONS)} assumptions defined here; ids of data/sources.csv cited: "
        f"{', '.join(sorted(used & c.data_source_ids))}; check-only: {', '.join(sorted(CHECK_ONLY_SOURCES))}"
        + (f"; UNUSED: {', '.join(unused)}" if unused else ""))
    output.write_sources(out / "sources.csv", SOURCES, ASSUMPTIONS, "hhu (this build)")
    write_readme(out, c)
    print(f"== wrote {len(tables) + 1} CSV tables and README.md to {out}, and {data / 'targets' / 'health.csv'} ==")


if __name__ == "__main__":
    main()
