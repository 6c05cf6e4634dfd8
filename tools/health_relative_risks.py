"""The relative risks of the health build (data/health/relative_risks.csv): of the risk factors and conditions on the
onset of the conditions, on death, on falls, hip fractures and nursing-home admission, and the odds ratios of the
conditions on good perceived health, each with its published 95% interval where one was read. Imported by
tools/build_health_data.py, which writes the table and its sources; tools/build_uncertainty_data.py draws each
relative risk from its published interval (or from an assumed one where none was read, A-PSA-RR).

Looked up for this build (6 December 2026): each value below names the publication it was read in (a meta-analysis
or a large cohort; "C": its own abstract, table or text; "C-2": a secondary source quoting it) and the figure read.
Where a source gives men and women apart and the model has one value for both, the value is the geometric mean of
the two, and so are its interval's bounds (A-H-RR-SEX-MEAN). Where a source gives a protective contrast (active
against inactive), the model's relative risk is its inverse (A-H-RR-INVERTED). Rows whose value was not found in a
source read remain remembered values (M-CDM-RR, M-PSYCH-RR, M-SENIOR-RR, M-PH-OR, M-LIVINGSTON2020), listed as such.

Addresses are those the researcher read (some are mirrors of the publisher's page), or a PubMed address built
from the PMID recorded where the address read was a PubMed mirror; titles not recorded in the search notes are left
out ("title not recorded") rather than filled in from memory. A row's first source is the one its interval was read
in.

Python 3 standard library only.
"""
import math


def gmean(a, b):
    """The geometric mean of two values (A-H-RR-SEX-MEAN)."""
    return math.sqrt(a * b)


def inverse(rr, low, high):
    """A protective contrast's relative risk and interval turned round (A-H-RR-INVERTED)."""
    return 1 / rr, 1 / high, 1 / low


# (id, publisher, title, table, year, url, confidence, notes): rows of data/health/sources.csv.
SOURCES = [
    ("GUH2009", "Guh DP, Zhang W, Bansback N, Amarsi Z, Birmingham CL, Anis AH; BMC Public Health 9:88",
     "(title not recorded)",
     "Table 2", "2009", "https://pmc.ncbi.nlm.nih.gov/articles/PMC2667420/table/T2", "C",
     "pooled unadjusted RR against normal weight, men / women: type 2 diabetes overweight 2.40 (2.12-2.72) / 3.92 "
     "(3.10-4.97), obese 6.74 (5.55-8.19) / 12.41 (9.03-17.06); stroke overweight 1.23 (1.13-1.34) / 1.15 "
     "(1.00-1.32), obese 1.51 (1.33-1.72) / 1.49 (1.27-1.74)"),
    ("WILLI2007", "Willi C, Bodenmann P, Ghali WA, Faris PD, Cornuz J; JAMA 298(22):2654-64",
     "(title not recorded)", "abstract", "2007",
     "http://jama.jamanetwork.com/article.aspx?articleid=209729", "C",
     "pooled adjusted RR of active smokers against non-smokers 1.44 (1.31-1.58), 25 cohorts"),
    ("PAN2015-SMOKING-T2D", "Pan A, Wang Y, Talaei M, Hu FB, Wu T; Lancet Diabetes Endocrinol 3(12):958-67",
     "(title not recorded)", "abstract", "2015",
     "https://linkinghub.elsevier.com/retrieve/pii/S2213858715003162", "C",
     "pooled RR of former against never smoking 1.14 (1.10-1.18); current against non-smoking 1.37 (1.33-1.42)"),
    ("SMITH2016-PA-T2D", "Smith AD, Crippa A, Woodcock J, Brage S; Diabetologia 59(12):2527-45",
     "(title not recorded)",
     "abstract", "2016", "https://pmc.ncbi.nlm.nih.gov/articles/PMC6207340", "C",
     "risk reduction 26% (20%-31%) at 11.25 MET-h a week (150 minutes of moderate activity, the guideline) against "
     "inactive people: RR 0.74 (0.69-0.80), inverted 1.35 (1.25-1.45)"),
    ("SACERDOTE2012", "Sacerdote C et al. (EPIC-InterAct); Int J Epidemiol 41(4):1162-73",
     "(title not recorded)", "abstract", "2012",
     "https://research.wur.nl/en/publications/lower-educational-level-is-a-predictor-of-incident-type-2-diabete",
     "C", "HR of low education (lowest tertile of the relative index of inequality) against high 1.77 (1.69-1.85), "
     "eight Western European countries including the Netherlands; 1.32-1.36 adjusted for BMI (the model takes the "
     "total and derives the direct part itself, A-H-RR-EDU-MEDIATED)"),
    ("MONS2015-CHANCES", "Mons U et al. (CHANCES consortium); BMJ 350:h1551",
     "(title not recorded)",
     "Table 2", "2015", "https://pmc.ncbi.nlm.nih.gov/articles/PMC4413837/table/tbl2", "C",
     "age 60+, 25 cohorts (Dutch ones among them), HR against never smokers, men / women: acute coronary events "
     "current 1.80 (1.51-2.15) / 2.26 (1.98-2.59), former 1.18 (1.00-1.38) / 1.24 (1.07-1.41); stroke events current "
     "1.44 (1.23-1.68) / 1.78 (1.46-2.17), former 1.08 (0.97-1.21) / 1.20 (1.06-1.36)"),
    ("BOGERS2007", "Bogers RP, Hoogenveen RT, Boshuizen H, Woodward M, Knekt P, van Dam RM, Hu FB, Visscher TLS, "
     "Menotti A, Thorpe RJ, Jamrozik K, Bemelmans WJE",
     "Overweight and obesity increase the risk of coronary heart disease: a pooled analysis of 30 prospective studies",
     "abstract (the 2006 conference record read; a journal version followed, not read)", "2006",
     "https://biblioteca.phorteeducacional.com.br/items/5051445", "C",
     "RR adjusted for age, sex and smoking, against BMI 20-25: overweight (25-30) 1.33 (1.24-1.43), obese 1.69 "
     "(1.44-1.99); 389,239 people"),
    ("SATTELMAIR2011", "Sattelmair J, Pertman J, Ding EL, Kohl HW, Haskell W, Lee IM; Circulation 124(7):789-95",
     "(title not recorded)", "abstract", "2011",
     "https://pmc.ncbi.nlm.nih.gov/articles/PMC3158733", "C",
     "150 minutes a week of moderate leisure-time activity against none: RR 0.86 (0.77-0.96); inverted 1.16 "
     "(1.04-1.30)"),
    ("ERFC2010", "The Emerging Risk Factors Collaboration (Sarwar N et al.); Lancet 375(9733):2215-22",
     "(title not recorded)", "abstract", "2010",
     "https://jhu.pure.elsevier.com/en/publications/diabetes-mellitus-fasting-blood-glucose-concentration-and-risk-of",
     "C", "HR of diabetes adjusted for age, sex, smoking, blood pressure and BMI: coronary heart disease 2.00 "
     "(1.83-2.19); ischaemic stroke 2.27 (1.95-2.65)"),
    ("PETERS2014-STROKE", "Peters SAE, Huxley RR, Woodward M; Lancet 383(9933):1973-80",
     "(title not recorded)", "abstract", "2014", "https://pubmed.ncbi.nlm.nih.gov/24613026/", "C",
     "pooled maximum-adjusted RR of stroke with diabetes: women 2.28 (1.93-2.69), men 1.83 (1.60-2.08)"),
    ("KHAING2017", "Khaing W, Vallibhakara SA, Attia J, McEvoy M, Thakkinstian A; Eur J Prev Cardiol 24(10):1032-42",
     "(title not recorded)", "abstract",
     "2017", "https://sage.cnpereading.com/doi/10.1177/2047487317705916", "C",
     "pooled RR of low and medium against high education: coronary artery disease 1.36 (1.11-1.66) and 1.21 "
     "(1.06-1.40); stroke 1.23 (1.06-1.43) and 1.17 (1.01-1.35); 72 cohorts, 39 European"),
    ("GAN2014", "Gan Y, Gong Y, Tong X et al.; BMC Psychiatry 14:371",
     "(title not recorded)", "abstract",
     "2014", "https://bmcpsychiatry.biomedcentral.com/articles/10.1186/s12888-014-0371-z", "C",
     "pooled RR of depression 1.30 (1.22-1.40) for coronary heart disease, 30 cohorts, 893,850 people"),
    ("VALTORTA2016-HEART", "Valtorta NK, Kanaan M, Gilbody S, Ronzi S, Hanratty B; Heart 102(13):1009",
     "(title not recorded)", "abstract", "2016",
     "https://heart.bmj.com/content/102/13/1009.full", "C",
     "pooled RR of poor social relationships: coronary heart disease 1.29 (1.04-1.59), stroke 1.32 (1.04-1.68)"),
    ("LEE2003-STROKE", "Lee CD, Folsom AR, Blair SN; Stroke 2003 (doi 10.1161/01.STR.0000091843.02517.9D)",
     "(title not recorded)", "abstract", "2003",
     "https://data.zhenzhi.com/details/1/891103808", "C",
     "cohort studies: moderately active against low-active RR 0.83 (interval not in the text read); inverted 1.20"),
    ("LARSSON2016-ALCOHOL", "Larsson SC, Wallin A, Wolk A, Markus HS; BMC Medicine 2016",
     "(title not recorded)", "abstract", "2016",
     "https://1library.net/document/y620m5oz-differing-association-alcohol-consumption-different-stroke-systematic-analysis.html",
     "C", "ischaemic stroke, against (presumably) non- or occasional drinking: more than 2-4 drinks a day RR 1.08 "
     "(1.01-1.15), more than 4 1.14 (1.02-1.28), less than 1 a day 0.90; 27 cohorts"),
    ("PAN2011-STROKE", "Pan A, Sun Q, Okereke OI, Rexrode KM, Hu FB; JAMA 306(11):1241-9",
     "(title not recorded)", "abstract",
     "2011", "https://pubmed.ncbi.nlm.nih.gov/21934057/", "C",
     "pooled adjusted HR of depression for total stroke 1.45 (1.29-1.63), 28 cohorts, 317,540 people"),
    ("FOREY2011", "Forey BA, Thornton AJ, Lee PN; BMC Pulm Med 11:36",
     "(title not recorded)", "abstract", "2011",
     "https://bmcpulmmed.biomedcentral.com/articles/10.1186/1471-2466-11-36", "C",
     "random-effects RR of COPD: current smoking 3.51 (3.08-3.99), ex-smoking 2.35 (2.11-2.63), 133 studies mostly "
     "of prevalence; the authors note higher RRs in studies of incidence (not read), so a conservative value"),
    ("LINDBERG-COPD-EDU", "Lindberg et al. (OLIN, Sweden), tabulated in a review in Int J COPD 11:2475-96",
     "COPD incidence over 10 years in people with respiratory symptoms (the review's title was not recorded)", "review Table 3", "2016",
     "https://pmc.ncbi.nlm.nih.gov/articles/PMC5065167/table/t3-copd-11-2475", "C-2",
     "low education OR 1.73 for 10-year COPD incidence (interval not given in the table read)"),
    ("LIVINGSTON2020", "Livingston et al.; Lancet 396(10248):413-446",
     "(title not recorded)", "Table 1", "2020",
     "https://pmc.ncbi.nlm.nih.gov/articles/PMC7392084/table/tbl1", "C",
     "relative risks of dementia: less education 1.6 (1.3-2.0), physical inactivity 1.4 (1.2-1.7), excessive "
     "alcohol (>21 units a week) 1.2 (1.1-1.3), depression 1.9 (1.6-2.3), diabetes 1.5 (1.3-1.8)"),
    ("ZHONG2015", "Zhong et al.; PLoS ONE 10(3):e0118333",
     "(title not recorded)",
     "abstract", "2015", "https://doi.org/10.1371/journal.pone.0118333", "C",
     "current against never smokers: RR of all dementia 1.30 (1.18-1.45)"),
    ("ALBANESE2017", "Albanese et al.; Alzheimers Dement (Amst) 8:165-178",
     "(title not recorded)", "abstract", "2017",
     "https://linkinghub.elsevier.com/retrieve/pii/S2352-8729(17)30037-4", "C",
     "obesity in midlife: RR of dementia 1.33 (1.08-1.63)"),
    ("KUIPER2015", "Kuiper et al.; Ageing Res Rev 22:39-57",
     "(title not recorded)",
     "abstract", "2015",
     "https://research.tue.nl/en/publications/social-relationships-and-risk-of-dementia-a-systematic-review-and",
     "C", "loneliness: RR of dementia 1.58 (1.19-2.09), 19 cohorts"),
    ("KUZMA2018", "Kuzma et al.; Alzheimers Dement 14(11):1416-1426", "(title not recorded)", "abstract", "2018",
     "https://www.scilit.net/publications/1644972d08d799b2c861039ad4b58a2c", "C",
     "HR of dementia with a prevalent stroke 1.69 (1.49-1.92); pooled risk ratio with an incident stroke 2.18 (1.90-2.50)"),
    ("LEE2019-SUBTHRESHOLD", "Lee YY, Stockings EA, Harris MG, Doi SAR, Page IS, Davidson SK, Barendregt JJ; Psychol Med "
     "49(1):92-102", "(title not recorded)", "abstract", "2019", "https://quspace.qu.edu.qa/handle/10576/11242?show=full",
     "C", "people with subthreshold depression had a pooled incidence rate ratio of major depression of 1.95 "
     "(1.28-2.97), 16 studies, 67,318 people; similar in youth, adults and the elderly"),
    ("MANN2022", "Mann et al.; Soc Psychiatry Psychiatr Epidemiol 57(11):2161-2178",
     "(title not recorded)", "abstract", "2022",
     "https://pmc.ncbi.nlm.nih.gov/articles/PMC9636084", "C",
     "loneliness and the onset of depression: pooled adjusted OR 2.33 (1.62-3.34)"),
    ("SCHUCH2018", "Schuch et al.; Am J Psychiatry 175(7):631-648",
     "(title not recorded)", "abstract", "2018",
     "https://psychiatryonline.org/doi/10.1176/appi.ajp.2018.17111194", "C",
     "high against low physical activity: adjusted OR of incident depression 0.83 (0.79-0.88), 49 cohorts; inverted "
     "1.20 (1.14-1.27)"),
    ("POLSKY2005", "Polsky et al.; Arch Intern Med 165(11):1260-1266",
     "(title not recorded)",
     "abstract", "2005", "https://hrs.isr.umich.edu/publications/biblio/7023", "C",
     "HR of depressive symptoms after a diagnosis of heart disease 1.45 (1.09-1.93)"),
    ("JORGENSEN2016", "Jorgensen et al.; JAMA Psychiatry 73(10):1032-1040",
     "(title not recorded)", "abstract", "2016", "http://jamanetwork.com/journals/jamapsychiatry/article-abstract/2547209",
     "C", "Danish registers, 157,243 stroke patients against matched references: HR of depression 8.99 in the first "
     "three months, 1.93 (1.85-2.08) in the second year"),
    ("NOUWEN2010", "Nouwen et al.; Diabetologia 53(12):2480-2486",
     "(title not recorded)",
     "abstract", "2010", "https://pmc.ncbi.nlm.nih.gov/articles/PMC2974923", "C",
     "pooled RR of incident depression with type 2 diabetes 1.24 (1.09-1.40)"),
    ("ATLANTIS2013", "Atlantis et al.; Chest 144(3):766-777",
     "(title not recorded)", "abstract", "2013", "https://linkinghub.elsevier.com/retrieve/pii/S0012-3692(13)60592-9", "C",
     "RR of incident depression with COPD 1.69 (1.45-1.96)"),
    ("LORANT2003", "Lorant et al.; Am J Epidemiol 157(2):98-112 (PMID 12522017)",
     "(title not recorded)", "abstract", "2003", "", "C",
     "the lowest socioeconomic group had an OR of 1.24 of a new episode of depression (incidence; interval not in "
     "the text read)"),
    ("ERFC2015-MULTIMORBIDITY", "The Emerging Risk Factors Collaboration (Di Angelantonio et al.); JAMA 314:52-60",
     "Association of cardiometabolic multimorbidity with mortality", "abstract", "2015",
     "https://pmc.ncbi.nlm.nih.gov/articles/PMC4664176/", "C",
     "age- and sex-adjusted HR of all-cause death against people with none of them: diabetes 1.9 (1.8-2.0), "
     "myocardial infarction 2.0 (1.9-2.2), stroke 2.1 (2.0-2.2); 91 cohorts"),
    ("DEWEY2001", "Dewey, Saz; Int J Geriatr Psychiatry 16:751-761",
     "(title not recorded)", "abstract", "2001", "http://dewey.myzen.co.uk/mortal/dem.html", "C",
     "age-adjusted OR of death with dementia 2.63 (2.17-3.21), community studies of people 65+"),
    ("CUIJPERS2014", "Cuijpers, Vogelzangs, Twisk, Kleiboer, Li, Penninx; Am J Psychiatry 2014",
     "(title not recorded)", "abstract", "2014",
     "https://researchinformation.amsterdamumc.org/en/publications/comprehensive-meta-analysis-of-excess-mortality-in-depression-in-",
     "C", "RR of death with depression 1.52 (1.45-1.59) after correction for publication bias (1.64 unadjusted); "
     "anxiety disorders alone raise mortality far less (HR 1.09, Miloyan et al. 2016)"),
    ("GELLERT2012", "Gellert, Schottker, Brenner; Arch Intern Med 172:837-844",
     "(title not recorded)", "abstract", "2012",
     "https://pubmed.ncbi.nlm.nih.gov/22688992/", "C",
     "people 60+: relative mortality against never smokers, current 1.83 (1.65-2.03), former 1.34 (1.28-1.40); "
     "totals, of which the model's residual direct effect is a part (A-H-RR-DEATH-RESIDUAL)"),
    ("GBMC2016", "The Global BMI Mortality Collaboration; Lancet 2016",
     "(title not recorded)",
     "abstract", "2016", "https://pmc.ncbi.nlm.nih.gov/articles/PMC4995441", "C",
     "never smokers without chronic disease: HR of death BMI 30-35 1.45, 35-40 1.94 against 22.5-25; a total "
     "association, of which the model's residual direct effect is a part (A-H-RR-DEATH-RESIDUAL)"),
    ("AREM2015", "Arem et al. (PMC4451435)",
     "leisure-time physical activity and mortality, pooled cohorts (the title was not recorded)",
     "abstract", "2015", "https://pmc.ncbi.nlm.nih.gov/articles/PMC4451435", "C",
     "below the recommended minimum but some activity against none: HR of death 0.80, so about 1.25 for none; a "
     "total association (A-H-RR-DEATH-RESIDUAL)"),
    ("HOLTLUNSTAD2015", "Holt-Lunstad, Smith, Baker, Harris, Stephenson; Perspect Psychol Sci 10:227-237",
     "(title not recorded)", "abstract", "2015",
     "https://scholarsarchive.byu.edu/facpub/1996/", "C",
     "weighted average OR of death with loneliness 1.26, social isolation 1.29 (intervals not in the text read); "
     "totals (A-H-RR-DEATH-RESIDUAL)"),
    ("EAKER2002", "Eaker et al.; J Clin Epidemiol 55:462-468",
     "nursing-home admission of incident Alzheimer's disease and other dementia cases against controls "
     "(population-based, Wisconsin; the title was not recorded)", "abstract", "2002", "https://pubmed.ncbi.nlm.nih.gov/12007549",
     "C", "adjusted HR of nursing-home admission against age-matched controls: Alzheimer's disease 5.44 (3.68-8.05), "
     "other dementia 5.08 (3.38-7.63); with daily functioning or home care adjusted for, studies find about 2.4-2.5"),
    ("WSYDNEY1996-HIPFX-NH", "Western Sydney hip fracture cohort; Aust N Z J Public Health 20:579-582",
     "hip fracture and institutionalisation (131 cases, 160 community controls; the title was not recorded)", "abstract", "1996",
     "https://pubmed.ncbi.nlm.nih.gov/9117962/", "C",
     "HR of institutionalisation after a hip fracture 4.0 (1.7-9.5) adjusted for several health factors, 5.1 "
     "(2.2-11.9) for age and sex only"),
    ("WHI-NH", "Women's Health Initiative Extension Study (PMC4592792)",
     "long-term nursing-home admission of women aged 50-79 (the title was not recorded)", "abstract", "",
     "https://pmc.ncbi.nlm.nih.gov/articles/PMC4592792", "C",
     "adjusted OR of nursing-home admission with an incident stroke 2.59 (2.15-3.12); US women only"),
    ("PIMOUGUET2016", "Pimouguet et al. (SNAC-K, Stockholm); Eur J Public Health 2016 (doi 10.1093/eurpub/ckv052)",
     "living alone and institutionalisation of people 66+ (the title was not recorded)", "abstract",
     "2016", "https://paperexplained.cn/articles/paper/detail/70e781811d8bad05b7e04a492c62537292a46899", "C",
     "people 66+ at home: HR of institutionalisation when living alone 1.74 (1.10-2.77), death as a competing risk"),
    ("KOJIMA2015-FALLS", "Kojima G; J Am Med Dir Assoc 2015",
     "Frailty as a predictor of future falls among community-dwelling older people: a systematic review and "
     "meta-analysis", "abstract", "2015", "https://www.jamda.com/article/S1525-8610(15)00439-9/fulltext", "C",
     "frail against non-frail: pooled OR of falls 1.84 (1.43-2.38), 7 studies; pooled HR 1.24 (1.10-1.41)"),
    ("PETERSEN2018-FALLS", "Petersen et al. (Danish registers); PMC6107894",
     "The risk of fall accidents for home dwellers with dementia: a register- and population-based case-control study "
     "(Alzheimers Dement (Amst) 10:421-428)", "abstract", "2018",
     "https://pmc.ncbi.nlm.nih.gov/articles/PMC6107894", "C",
     "home-dwelling people with against without dementia: OR of a register-recorded fall accident 1.89 (1.84-1.94), "
     "adjusted for other chronic diseases and sedative medicines"),
    ("SOARES2018-FALLS", "Soares WJS, Lopes AD, Nogueira E, Candido V, Moraes SA, Perracini MR; J Aging Phys Act 27(1) "
     "(epub 2018)", "physical activity and falls in older people, a meta-analysis (the title was not recorded)", "abstract",
     "2019",
     "https://pubmed.ncbi.nlm.nih.gov/29543113/", "C",
     "the lowest activity level: RR of being a recurrent faller 1.39 (1.17-1.65)"),
    ("KVELDE2013-FALLS", "Kvelde T et al.; J Am Geriatr Soc 61(5):694-706",
     "Depressive symptomatology as a risk factor for falls in older people: systematic review and meta-analysis",
     "abstract", "2013",
     "https://researchers.mq.edu.au/en/publications/depressive-symptomatology-as-a-risk-factor-for-falls-in-older-peo",
     "C", "pooled RR/HR of falls with depressive symptoms 1.52 (1.19-1.84), 6 studies; pooled OR 1.46 (1.27-1.67)"),
    ("YANG2016-FALLS", "Yang Y, Hu X, Zhang Q, Zou R; Age Ageing 2016 (doi 10.1093/ageing/afw140)",
     "Diabetes mellitus and risk of falls in older adults: a systematic review and meta-analysis", "abstract", "2016",
     "https://medluna.com/article/27515679", "C",
     "RR of falls with diabetes 1.64 (1.27-2.11); not insulin-treated 1.27 (1.06-1.52), insulin-treated 1.94"),
    ("CHS-ALCOHOL-FALLS", "Cardiovascular Health Study (US cohort); J Am Geriatr Soc 52(7):1174-1179",
     "Self-reported alcohol consumption and falls in older adults: cross-sectional and longitudinal analyses of the "
     "Cardiovascular Health Study", "abstract", "2004",
     "https://database.beerandhealth.eu/article/3627", "C",
     "14 or more drinks a week: 25% (3%-52%) higher 4-year risk of falls against light or moderate drinking; a UK "
     "cohort gives HR 1.40 (1.14-1.73) of fall hospitalisation above 28 units a week"),
    ("KOJIMA2016-FRACTURE", "Kojima G (PubMed 27321894)",
     "Frailty as a predictor of fractures among community-dwelling older people: a systematic review and "
     "meta-analysis", "abstract", "2016", "https://pubmed.ncbi.nlm.nih.gov/27321894/", "C",
     "frail against non-frail: pooled HR of fracture 1.57 (1.31-1.89), OR 1.70 (1.34-2.15); all fractures, not hip "
     "only (a US cohort's hip-fracture HR, adjusted for bone density: 1.40)"),
    ("ZHAO2012-HIPFX", "Zhao Y, Shen L, Ji H-F; ScientificWorldJournal 2012:872173",
     "(title not recorded)", "abstract", "2012",
     "https://pmc.ncbi.nlm.nih.gov/articles/PMC3354728", "C",
     "OR of hip fracture with Alzheimer's disease 1.80 (1.54-2.11)"),
    ("LUAN2016-HIPFX", "Luan L, Li R, Wang Z et al.; Osteoporos Int 2016 (doi 10.1007/s00198-016-3632-5)",
     "Stroke increases the risk of hip fracture: a systematic review and meta-analysis", "abstract", "2016",
     "https://www.springerpflege.de/link?doi=10.1007/s00198-016-3632-5", "C",
     "pooled adjusted RR of hip fracture after stroke 2.06 (1.68-2.52), 11 studies (a Dutch PHARMO study: OR 1.96)"),
    ("KANIS2005-SMOKING", "Kanis JA et al.; Osteoporos Int (PubMed 15175845)",
     "Smoking and fracture risk: a meta-analysis", "abstract", "2005", "https://pubmed.ncbi.nlm.nih.gov/15175845/",
     "C", "current against non-smokers: RR of hip fracture 1.84 (1.52-2.22); 1.60 (1.27-2.02) adjusted for bone "
     "density, which the model does not carry"),
    ("KANIS2005-ALCOHOL", "Kanis JA et al.; Osteoporos Int (doi 10.1007/s00198-004-1734-y)",
     "Alcohol intake as a risk factor for fracture", "abstract", "2005",
     "https://link.springer.com/article/10.1007/s00198-004-1734-y", "C",
     "more than 2 units a day: RR of hip fracture 1.68 (1.19-2.36)"),
    ("JBMR2014-PA-FRACTURE", "J Bone Miner Res 29(1):202-211 (authors not recorded; PubMed 23813682)",
     "Association between physical activity and risk of fracture (22 cohorts)", "abstract", "2014",
     "https://pubmed.ncbi.nlm.nih.gov/23813682/", "C",
     "highest against lowest physical activity: RR of hip fracture 0.61 (0.54-0.69); inverted 1.64 (1.45-1.85)"),
    ("TANG2013-HIPFX", "Tang X, Liu G, Kang J, Hou Y, Jiang F, Yuan W, Shi J; PLoS One 2013 (PubMed 23593112)",
     "Obesity and risk of hip fracture in adults: a meta-analysis of prospective cohort studies", "abstract", "2013",
     "https://www.unboundmedicine.com/medline/citation/23593112/", "C",
     "obese against normal weight: pooled RR of hip fracture 0.66 (0.57-0.77)"),
]

ASSUMPTIONS = [
    ("A-H-RR-SEX-MEAN", "A relative risk published for men and women apart",
     "the model's relative risks do not differ by sex: it takes the geometric mean of the men's and the women's "
     "values, and of their intervals' bounds for the parameter draws (a mean on the log scale, where the pooled "
     "estimates are made; sex-specific rows would be the next step)"),
    ("A-H-RR-DISTRESS", "Psychological distress and the onset of depression or anxiety",
     "no study of high distress (K10) and later disorders was found: the relative risk is that of subthreshold "
     "depression on major depression (LEE2019-SUBTHRESHOLD), the nearest published measure; the remembered value "
     "before it (3.0) was at the upper end of its interval"),
    ("A-H-RR-INVERTED", "A relative risk published as a protective contrast",
     "a source that gives the risk of the active (or of those meeting a guideline) against the inactive gives the "
     "model's relative risk of the inactive as its inverse, the interval's bounds inverted and swapped; the model's "
     "inactive residents do not meet the activity guideline, so the contrast against no activity at all overstates "
     "their risk a little"),
]

# (outcome, factor, level, relative risk, published 95% interval low, high (None: none read), sources)
_M, _E, _R, _D = "A-H-RR-SEX-MEAN", "A-H-RR-EDU-MEDIATED", "A-H-RR-DEATH-RESIDUAL", "A-H-RR-DEATH-MUTUAL"
_I = "A-H-RR-INVERTED"


def _sex_mean(o, f, l, men, women, src):
    """A row from men's and women's (value, low, high): their geometric means."""
    return (o, f, l, gmean(men[0], women[0]), gmean(men[1], women[1]), gmean(men[2], women[2]), f"{src};{_M}")


def _inverted(o, f, l, protective, src):
    return (o, f, l, *inverse(*protective), f"{src};{_I}")


CONDITION_ROWS = [
    # type 2 diabetes
    _sex_mean("diabetes", "bmi", "overweight", (2.40, 2.12, 2.72), (3.92, 3.10, 4.97), "GUH2009"),
    _sex_mean("diabetes", "bmi", "obese", (6.74, 5.55, 8.19), (12.41, 9.03, 17.06), "GUH2009"),
    ("diabetes", "smoking", "current", 1.44, 1.31, 1.58, "WILLI2007"),
    ("diabetes", "smoking", "former", 1.14, 1.10, 1.18, "PAN2015-SMOKING-T2D"),
    _inverted("diabetes", "inactive", "yes", (0.74, 0.69, 0.80), "SMITH2016-PA-T2D"),
    ("diabetes", "education", "low", 1.77, 1.69, 1.85, f"SACERDOTE2012;{_E}"),
    ("diabetes", "education", "middle", 1.3, None, None, f"M-CDM-RR;{_E}"),
    # coronary heart disease
    _sex_mean("chd", "smoking", "current", (1.80, 1.51, 2.15), (2.26, 1.98, 2.59), "MONS2015-CHANCES"),
    _sex_mean("chd", "smoking", "former", (1.18, 1.00, 1.38), (1.24, 1.07, 1.41), "MONS2015-CHANCES"),
    ("chd", "bmi", "overweight", 1.33, 1.24, 1.43, "BOGERS2007"),
    ("chd", "bmi", "obese", 1.69, 1.44, 1.99, "BOGERS2007"),
    _inverted("chd", "inactive", "yes", (0.86, 0.77, 0.96), "SATTELMAIR2011"),
    ("chd", "diabetes", "yes", 2.00, 1.83, 2.19, "ERFC2010"),
    ("chd", "education", "low", 1.36, 1.11, 1.66, f"KHAING2017;{_E}"),
    ("chd", "education", "middle", 1.21, 1.06, 1.40, f"KHAING2017;{_E}"),
    ("chd", "depression_anxiety", "yes", 1.30, 1.22, 1.40, "GAN2014"),
    ("chd", "lonely_severe", "yes", 1.29, 1.04, 1.59, "VALTORTA2016-HEART"),
    # stroke
    _sex_mean("stroke", "smoking", "current", (1.44, 1.23, 1.68), (1.78, 1.46, 2.17), "MONS2015-CHANCES"),
    _sex_mean("stroke", "smoking", "former", (1.08, 0.97, 1.21), (1.20, 1.06, 1.36), "MONS2015-CHANCES"),
    _sex_mean("stroke", "bmi", "overweight", (1.23, 1.13, 1.34), (1.15, 1.00, 1.32), "GUH2009"),
    _sex_mean("stroke", "bmi", "obese", (1.51, 1.33, 1.72), (1.49, 1.27, 1.74), "GUH2009"),
    ("stroke", "inactive", "yes", 1 / 0.83, None, None, f"LEE2003-STROKE;{_I}"),
    _sex_mean("stroke", "diabetes", "yes", (1.83, 1.60, 2.08), (2.28, 1.93, 2.69), "PETERS2014-STROKE"),
    # the band of the Dutch threshold of excessive drinking (over 14 or 21 drinks a week, 2-3 a day); against the
    # light drinkers who are most of the model's reference it is about 1.2 (0.90 below 1 a day), and haemorrhagic
    # strokes rise more with drinking: a conservative value
    ("stroke", "excessive_alcohol", "yes", 1.08, 1.01, 1.15, "LARSSON2016-ALCOHOL"),
    ("stroke", "education", "low", 1.23, 1.06, 1.43, f"KHAING2017;{_E}"),
    ("stroke", "education", "middle", 1.17, 1.01, 1.35, f"KHAING2017;{_E}"),
    ("stroke", "depression_anxiety", "yes", 1.45, 1.29, 1.63, "PAN2011-STROKE"),
    ("stroke", "lonely_severe", "yes", 1.32, 1.04, 1.68, "VALTORTA2016-HEART"),
    # COPD
    ("copd", "smoking", "current", 3.51, 3.08, 3.99, "FOREY2011"),
    ("copd", "smoking", "former", 2.35, 2.11, 2.63, "FOREY2011"),
    ("copd", "education", "low", 1.73, None, None, f"LINDBERG-COPD-EDU;{_E}"),
    ("copd", "education", "middle", 1.3, None, None, f"M-CDM-RR;{_E}"),
    # dementia
    ("dementia", "diabetes", "yes", 1.5, 1.3, 1.8, "LIVINGSTON2020"),
    ("dementia", "smoking", "current", 1.30, 1.18, 1.45, "ZHONG2015"),
    ("dementia", "inactive", "yes", 1.4, 1.2, 1.7, "LIVINGSTON2020"),
    ("dementia", "bmi", "obese", 1.33, 1.08, 1.63, "ALBANESE2017"),
    ("dementia", "excessive_alcohol", "yes", 1.2, 1.1, 1.3, "LIVINGSTON2020"),
    ("dementia", "lonely_severe", "yes", 1.58, 1.19, 2.09, "KUIPER2015"),
    # depression's (anxiety disorders alone raise the risk less: RR 1.24 (1.06-1.46), Santabarbara 2020)
    ("dementia", "depression_anxiety", "yes", 1.9, 1.6, 2.3, "LIVINGSTON2020"),
    # a stroke the resident lives with (prevalent): the model's state; an incident stroke's pooled risk ratio is 2.18
    ("dementia", "stroke", "yes", 1.69, 1.49, 1.92, "KUZMA2018"),
    ("dementia", "education", "low", 1.6, 1.3, 2.0, f"LIVINGSTON2020;{_E}"),
    ("dementia", "education", "middle", 1.2, None, None, f"M-LIVINGSTON2020;{_E}"),
    # depression or anxiety disorder (the sources study depression)
    # no study of high K10 distress as such: subthreshold depression, the nearest published measure (A-H-RR-DISTRESS)
    ("depression_anxiety", "psych_distress", "yes", 1.95, 1.28, 2.97, "LEE2019-SUBTHRESHOLD;A-H-RR-DISTRESS"),
    ("depression_anxiety", "lonely_severe", "yes", 2.33, 1.62, 3.34, "MANN2022"),
    _inverted("depression_anxiety", "inactive", "yes", (0.83, 0.79, 0.88), "SCHUCH2018"),
    ("depression_anxiety", "chd", "yes", 1.45, 1.09, 1.93, "POLSKY2005"),
    # the second year after a stroke (the first three months: 8.99): the model's state lasts for years
    ("depression_anxiety", "stroke", "yes", 1.93, 1.85, 2.08, "JORGENSEN2016"),
    ("depression_anxiety", "diabetes", "yes", 1.24, 1.09, 1.40, "NOUWEN2010"),
    ("depression_anxiety", "copd", "yes", 1.69, 1.45, 1.96, "ATLANTIS2013"),
    ("depression_anxiety", "education", "low", 1.24, None, None, f"LORANT2003;{_E}"),
    ("depression_anxiety", "education", "middle", 1.2, None, None, f"M-PSYCH-RR;{_E}"),
]

DEATH_ROWS = [
    # conditions: marginal associations at the same age and sex, made conditional by the model
    ("death", "diabetes", "yes", 1.9, 1.8, 2.0, f"ERFC2015-MULTIMORBIDITY;{_D}"),
    # myocardial infarction's (angina alone is milder)
    ("death", "chd", "yes", 2.0, 1.9, 2.2, f"ERFC2015-MULTIMORBIDITY;{_D}"),
    ("death", "stroke", "yes", 2.1, 2.0, 2.2, f"ERFC2015-MULTIMORBIDITY;HARTENVAAT-STROKE2021;{_D}"),
    ("death", "copd", "yes", 2.5, None, None, f"M-CDM-RR;{_D}"),
    ("death", "dementia", "yes", 2.63, 2.17, 3.21, f"DEWEY2001;{_D}"),
    ("death", "depression_anxiety", "yes", 1.52, 1.45, 1.59, f"CUIJPERS2014;{_D}"),
    # risk factors: direct effects beside the modelled conditions, below the totals the sources give
    # (no published direct effect was found: remembered residuals, the papers give the totals they lie below)
    ("death", "smoking", "current", 1.6, None, None, f"M-CDM-RR;GELLERT2012;{_R}"),
    ("death", "smoking", "former", 1.2, None, None, f"M-CDM-RR;GELLERT2012;{_R}"),
    ("death", "bmi", "obese", 1.2, None, None, f"M-CDM-RR;GBMC2016;{_R}"),
    ("death", "inactive", "yes", 1.2, None, None, f"M-CDM-RR;AREM2015;{_R}"),
    ("death", "excessive_alcohol", "yes", 1.3, None, None, f"M-CDM-RR;{_R}"),
    ("death", "lonely_severe", "yes", 1.2, None, None, f"M-PSYCH-RR;HOLTLUNSTAD2015;{_R}"),
    ("death", "frail", "yes", 2.0, None, None, f"SCP-FRAIL-NU;{_D}"),
]

SENIOR_ROWS = [
    # injurious falls (the sources count any fall, some injurious or register-recorded ones)
    # the pooled hazard ratio (a rate ratio, as the model's), not the odds ratio of a common outcome (1.84)
    ("fall", "frail", "yes", 1.24, 1.10, 1.41, "KOJIMA2015-FALLS"),
    ("fall", "dementia", "yes", 1.89, 1.84, 1.94, "PETERSEN2018-FALLS"),
    ("fall", "stroke", "yes", 1.6, None, None, "M-SENIOR-RR"),
    ("fall", "inactive", "yes", 1.39, 1.17, 1.65, "SOARES2018-FALLS"),
    ("fall", "depression_anxiety", "yes", 1.52, 1.19, 1.84, "KVELDE2013-FALLS"),
    ("fall", "diabetes", "yes", 1.64, 1.27, 2.11, "YANG2016-FALLS"),
    ("fall", "excessive_alcohol", "yes", 1.25, 1.03, 1.52, "CHS-ALCOHOL-FALLS"),
    # hip fracture
    ("hip_fracture", "frail", "yes", 1.57, 1.31, 1.89, "KOJIMA2016-FRACTURE"),
    ("hip_fracture", "dementia", "yes", 1.80, 1.54, 2.11, "ZHAO2012-HIPFX"),
    ("hip_fracture", "stroke", "yes", 2.06, 1.68, 2.52, "LUAN2016-HIPFX"),
    ("hip_fracture", "smoking", "current", 1.84, 1.52, 2.22, "KANIS2005-SMOKING"),
    ("hip_fracture", "excessive_alcohol", "yes", 1.68, 1.19, 2.36, "KANIS2005-ALCOHOL"),
    _inverted("hip_fracture", "inactive", "yes", (0.61, 0.54, 0.69), "JBMR2014-PA-FRACTURE"),
    ("hip_fracture", "bmi", "overweight", 0.8, None, None, "M-SENIOR-RR"),
    ("hip_fracture", "bmi", "obese", 0.66, 0.57, 0.77, "TANG2013-HIPFX"),
    # nursing-home admission; dementia's and frailty's are associations not adjusted for the model's other relative
    # risks of admission (Alzheimer's disease, the most common dementia; frailty's "4-5 times" as its midpoint, probably
    # crude): the model makes them conditional (A-H-RR-NH-MUTUAL)
    ("nursing_home", "dementia", "yes", 5.44, 3.68, 8.05, "EAKER2002;A-H-RR-NH-MUTUAL"),
    ("nursing_home", "frail", "yes", 4.5, None, None, "SCP-FRAIL-NU;A-H-RR-NH-MUTUAL"),
    ("nursing_home", "hip_fracture_recent", "yes", 4.0, 1.7, 9.5, "WSYDNEY1996-HIPFX-NH"),
    ("nursing_home", "stroke", "yes", 2.59, 2.15, 3.12, "WHI-NH"),
    ("nursing_home", "living_alone", "yes", 1.74, 1.10, 2.77, "PIMOUGUET2016"),
]
