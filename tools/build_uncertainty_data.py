#!/usr/bin/env python3
"""Build data/uncertainty/: the distribution of every uncertain parameter, for `hhu run --draws N`.

One row per parameter: the table and row it belongs to (or the scenario effect), its central value (the one the
model uses), a distribution (lognormal for ratios, beta for probabilities and weights, gamma for costs, or fixed)
and the 95% interval it is fitted to, with the source of that interval: a publication where one was read, else a
stated assumption (A-PSA-*). The central values are read from the tables the other builders wrote (--data), so a
changed value there changes the row here; check_data.py holds the result to the checkout.

Run:  python3 tools/build_uncertainty_data.py [--research DIR] [--data DIR]
"""
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.dont_write_bytecode = True
from databuild import cli, output  # noqa: E402
from databuild.cli import die  # noqa: E402
from databuild.output import read_csv, say, write_csv  # noqa: E402
from databuild.prices import price_factor  # noqa: E402

HEADER = ["parameter", "group", "table", "key", "column", "central", "distribution", "low", "high", "source"]

# Intervals read in publications (figures.md, section E, and the papers' abstracts).
SOURCES = [
    ("SHERRINGTON2019", "Sherrington C et al. (Cochrane)", "Exercise for preventing falls in older people living in "
     "the community, CD012424 (figures.md E)", "", "2019", "https://doi.org/10.1002/14651858.CD012424.pub2", "C",
     "rate of falls RaR 0.77 (0.71-0.83); fallers RR 0.85 (0.81-0.89)"),
    ("TELEMONITORING2024", "J Telemed Telecare (meta-analysis of 34 RCTs)",
     "Non-invasive telemonitoring in chronic heart failure: systematic review and meta-analysis of randomised trials",
     "abstract", "2024", "https://doi.org/10.1177/1357633X241299156", "C",
     "all-cause mortality OR 0.82 (0.71-0.95; 28 RCTs, n=15,211); heart-failure hospitalisation OR 0.80 (0.69-0.94; "
     "18 RCTs, n=7,491); applied as risk ratios (A-TM-OR-AS-RR)"),
    ("INGLIS2015", "Inglis SC, Clark RA, Dierckx R, Prieto-Merino D, Cleland JGF (Cochrane)",
     "Structured telephone support or non-invasive telemonitoring for patients with heart failure, CD007228.pub3",
     "abstract (remembered: the review's pages were returned only up to the methods)", "2015",
     "https://doi.org/10.1002/14651858.CD007228.pub3", "M",
     "non-invasive telemonitoring: all-cause mortality RR 0.80 (0.68-0.94), heart-failure-related hospitalisation "
     "RR 0.71 (0.60-0.83); in direction and size as the 2024 meta-analysis read in source (J Telemed Telecare, doi "
     "10.1177/1357633X241299156: mortality OR 0.82, 0.71-0.95; heart-failure hospitalisation OR 0.80, 0.69-0.94)"),
    ("MAYOWILSON2014", "Mayo-Wilson E, Grant S, Burton J, Parsons A, Underhill K, Montgomery P",
     "Preventive home visits for mortality, morbidity, and institutionalization in older adults: a systematic "
     "review and meta-analysis. PLoS One 9(3):e89257 (figures.md E)", "", "2014",
     "https://doi.org/10.1371/journal.pone.0089257", "C",
     "64 RCTs: mortality RR 0.93 (0.87-0.99); fallers OR 0.86 (0.73-1.01)"),
]
ASSUMPTIONS = [
    ("A-PSA-RR", "Relative risks without a published interval",
     "lognormal with a standard error of 0.10 on the log scale (95% interval: the value times or divided by 1.22), "
     "for the relative risks still remembered (M) and the published ones whose interval was not in the text read; "
     "0.10 is a little above the median log-scale standard error of the published intervals read "
     "(health/relative_risks.csv ci_low, ci_high: 0.077), as a remembered value is less certain than a pooled one"),
    ("A-PSA-RR-DERIVED", "Education relative risks held fixed",
     "the relative risks of education on the conditions and death are derived by the health builder so that the "
     "total effect of education (through the mediating risk factors and conditions) matches its published total "
     "(A-H-RR-EDU-MEDIATED); drawing them apart from their mediators would break that identity, so they are fixed"),
    ("A-PSA-DW", "Disability weights",
     "beta with a 95% interval of the weight -25% to +25%: GBD publishes an uncertainty interval for every health "
     "state but the intervals were not read for this model (GBD-DW holds the point weights only); the weights here "
     "are severity mixes (A-H-DW-MIX), whose mix is a second uncertainty of about that size"),
    ("A-PSA-DW-JUDGEMENT", "Disability weights set by judgement",
     "beta with a 95% interval of the weight -50% to +50%: hip fracture and frailty have no GBD weight in the "
     "research notes (A-H-DW-MIX), so their uncertainty is taken twice that of the GBD-based weights"),
    ("A-PSA-COST", "Costs per case",
     "gamma with a 95% interval of the cost -20% to +20%: the cost-of-illness totals are published without an "
     "interval and divided by prevalent cases of about the same year (A-H-COSTS); 20% covers the difference between "
     "the case counts of neighbouring years and sources"),
    ("A-PSA-UNIT-COST", "Unit costs of events (falls, hip fractures, neonatal care, child protection)",
     "gamma with a 95% interval of the cost -20% to +20%, as the costs per case (A-PSA-COST): each is one costing "
     "study's mean, or an assumption built on one (A-H-FALL-COST, A-H-HIPFX-COST, A-H-NEONATAL-COST, "
     "A-H-CHILD-PROTECTION-COST), whose intervals were not read; the same relative width keeps every price of care "
     "in the model equally uncertain. A fall's cost is derived from the cost of an ED-treated fall less the hip "
     "fractures' share (A-H-FALL-COST): its row draws the ED fall's cost with the narrower interval (about +-9%) "
     "that, with the hip fracture's own draw, moves the derived cost +-20%"),
    ("A-PSA-ENV", "Environment effects",
     "lognormal whose 95% interval spans no effect (1) to twice the log effect: the odds ratios per unit of green "
     "space and active mobility are conservative judgements (A-H-ENV-EFFECT), not published estimates"),
    ("A-TM-OR-AS-RR", "Telemonitoring's odds ratios applied as risk ratios",
     "the meta-analysis reports odds ratios (death 0.82, heart-failure admissions 0.80); with the trials' event "
     "risks of about 10-20% an odds ratio lies slightly further from 1 than the risk ratio, so applying it as a "
     "risk ratio overstates the effect by a few points at most"),
    ("A-PSA-EFFECT", "Intervention effects without a published interval",
     "lognormal (relative risks) whose 95% interval spans half to one and a half times the log effect, beta "
     "(probabilities) from half to one and a half times the probability: the scenarios' effects are read from "
     "single studies or set by judgement (their assumptions); the effect is taken as real (the interval excludes no "
     "effect) but its size as uncertain by half"),
]

# Scenario effects: (parameter, the interventions sharing the evidence (ids in every scenario that has them), effect
# index, column, central, distribution, low, high, source). A draw gives all listed ids the same value.
FALLS = "fall_prevention_exercise+fall_prevention_districts+fall_prevention_low_education"
HOME = "home_adaptation_care_support+home_adaptation_districts+home_adaptation_low_education"
EFFECTS = [
    ("effect.voorzorg.pregnancy_smoking", "voorzorg_home_visiting+voorzorg_home_visiting_districts", 0, "relative_risk", 0.83),
    ("effect.voorzorg.smoking_start", "voorzorg_home_visiting+voorzorg_home_visiting_districts", 1, "relative_risk", 0.79),
    ("effect.smoking_cessation_pregnancy", "smoking_cessation_pregnancy", 0, "relative_risk", 0.9),
    ("effect.school_universal.distress_on", "school_resilience_universal", 0, "relative_risk", 0.8),
    ("effect.school_universal.depression_anxiety", "school_resilience_universal", 1, "relative_risk", 0.8),
    ("effect.school_targeted.distress_off",
     "school_resilience_targeted+school_targeted_districts+school_targeted_low_education", 0, "relative_risk", 1.45),
    ("effect.school_targeted.depression_anxiety",
     "school_resilience_targeted+school_targeted_districts+school_targeted_low_education", 1, "relative_risk", 0.69),
    ("effect.fall_prevention.falls", FALLS, 0, "relative_risk", 0.77, "lognormal", 0.71, 0.83, "SHERRINGTON2019"),
    ("effect.fall_prevention.hip_fracture", FALLS, 1, "relative_risk", 0.85, "lognormal", 0.81, 0.89, "SHERRINGTON2019"),
    ("effect.social_prescribing.end_loneliness",
     "social_prescribing_loneliness+social_prescribing_districts+social_prescribing_low_education", 0, "probability", 0.1),
    ("effect.home_adaptation.death", HOME, 0, "relative_risk", 0.93, "lognormal", 0.87, 0.99, "MAYOWILSON2014"),
    ("effect.home_adaptation.falls", HOME, 1, "relative_risk", 0.86, "lognormal", 0.73, 1.01, "MAYOWILSON2014"),
    ("effect.gli.bmi_class_down", "combined_lifestyle_intervention+gli_districts+gli_low_education", 0, "probability", 0.06),
    ("effect.gli.bmi_up", "combined_lifestyle_intervention+gli_districts+gli_low_education", 1, "relative_risk", 0.8),
    ("effect.smoking_cessation.quit",
     "smoking_cessation_support+smoking_cessation_districts+smoking_cessation_low_education", 0, "probability", 0.075),
    ("effect.connected_health.gp_hours", "connected_health_monitoring", 0, "relative_risk", 0.85),
    ("effect.connected_health.home_care_hours", "connected_health_monitoring", 1, "relative_risk", 0.9),
    ("effect.connected_health.death_heart_failure", "connected_health_monitoring", 2, "relative_risk", 0.82,
     "lognormal", 0.71, 0.95, "TELEMONITORING2024"),
    ("effect.connected_health.admissions_heart_failure", "connected_health_monitoring", 3, "relative_risk", 0.80,
     "lognormal", 0.69, 0.94, "TELEMONITORING2024"),
    ("effect.care_workforce.retention", "care_workforce_levers", 0, "relative_risk", 0.9),
    ("effect.care_workforce.study_dropout", "care_workforce_levers", 1, "relative_risk", 0.9),
    ("effect.care_workforce.student_inflow", "care_workforce_levers", 2, "relative_risk", 1.15),
]

RR_LOG_SE = 0.10  # A-PSA-RR
Z975 = 1.959963984540054


def g(x):
    """A number as the tables write it: up to 6 significant digits, no trailing zeros."""
    return f"{x:.6g}"


def log_interval(central, se):
    return central * math.exp(-Z975 * se), central * math.exp(Z975 * se)


def relative_risk_rows(data):
    rows = []
    for r in read_csv(data / "health" / "relative_risks.csv"):
        key = (r["outcome"], r["factor"], r["level"])
        central = float(r["relative_risk"])
        name = "rr." + ".".join(key)
        where = f"outcome={key[0]};factor={key[1]};level={key[2]}"
        common = [name, "relative_risks", "health/relative_risks.csv", where, "relative_risk", r["relative_risk"]]
        ids = r["source"].split(";")
        if "A-H-RR-EDU-MEDIATED" in ids:
            rows.append(common + ["fixed", "", "", "A-PSA-RR-DERIVED"])
        elif r["ci_low"]:
            # the published interval (relative_risks.csv's ci_low, ci_high), cited by the publication it was read in:
            # the row's first source (tools/health_relative_risks.py), which data/health/sources.csv defines
            published = next(i for i in ids if not i.startswith(("A-", "M-")))
            rows.append(common + ["lognormal", r["ci_low"], r["ci_high"], published])
        else:
            low, high = log_interval(central, RR_LOG_SE)
            rows.append(common + ["lognormal", g(low), g(high), "A-PSA-RR"])
    return rows


def disability_weight_rows(data):
    rows = []
    for r in read_csv(data / "health" / "disability_weights.csv"):
        w = float(r["disability_weight"])
        judgement = r["source"] == "A-H-DW-MIX"  # no GBD weight behind it
        rel = 0.5 if judgement else 0.25
        rows.append([f"dw.{r['condition']}", "disability_weights", "health/disability_weights.csv",
                     f"condition={r['condition']}", "disability_weight", r["disability_weight"], "beta",
                     g(w * (1 - rel)), g(w * (1 + rel)), "A-PSA-DW-JUDGEMENT" if judgement else "A-PSA-DW"])
    return rows


def cost_rows(data):
    rows = []
    for r in read_csv(data / "health" / "costs.csv"):
        c = float(r["cost_per_case_eur"])
        rows.append([f"cost.{r['condition']}", "costs", "health/costs.csv", f"condition={r['condition']}",
                     "cost_per_case_eur", r["cost_per_case_eur"], "gamma", g(c * 0.8), g(c * 1.2), "A-PSA-COST"])
    return rows


# The unit costs of the health model's events (data/health/falls.csv, perinatal.csv: parameter,value rows).
UNIT_COSTS = [("cost.fall", "falls.csv", "cost_ed_fall_eur"), ("cost.hip_fracture", "falls.csv", "cost_hip_fracture_eur"),
              ("cost.neonatal_preterm", "perinatal.csv", "neonatal_cost_preterm_eur"),
              ("cost.child_protection_year", "perinatal.csv", "child_protection_cost_per_year_eur")]


def falls_width(data):
    """The relative half-width of the ED fall's cost that gives the derived fall cost (A-H-FALL-COST) +-20% with the
    hip fracture's own +-20% draw beside it: the fall's cost is (ED x f_ED - share x hip x f_hip) / (1 - share), in
    2023 prices, so relative changes d_ED and d_hip change it by a d_ED - b d_hip with a = ED f_ED / (ED f_ED - share
    hip f_hip) and b = a - 1; independent draws add their variances: (a w)^2 + (b 0.2)^2 = 0.2^2."""
    rows = {r["parameter"]: r for r in read_csv(data / "health" / "falls.csv")}
    ed = float(rows["cost_ed_fall_eur"]["value"]) * price_factor(data, int(rows["cost_ed_fall_eur"]["price_year"]))
    hip = float(rows["cost_hip_fracture_eur"]["value"]) * price_factor(data, int(rows["cost_hip_fracture_eur"]["price_year"]))
    share = float(rows["hip_fracture_share_of_ed_falls"]["value"])
    a = ed / (ed - share * hip)
    width = math.sqrt(0.2 ** 2 - ((a - 1) * 0.2) ** 2) / a
    say(f"   cost.fall: the ED fall's cost drawn +-{100 * width:.1f}% so that a fall's derived cost moves +-20% "
        "with the hip fracture's draw")
    return width


def unit_cost_rows(data):
    rows = []
    for parameter, table, name in UNIT_COSTS:
        found = [r for r in read_csv(data / "health" / table) if r["parameter"] == name]
        if len(found) != 1:
            die(f"health/{table}: expected one row of parameter {name}, found {len(found)}")
        c = float(found[0]["value"])
        w = falls_width(data) if name == "cost_ed_fall_eur" else 0.2
        rows.append([parameter, "costs", f"health/{table}", f"parameter={name}", "value",
                     found[0]["value"], "gamma", g(c * (1 - w)), g(c * (1 + w)), "A-PSA-UNIT-COST"])
    return rows


def environment_rows(data):
    rows = []
    for r in read_csv(data / "health" / "environment_effects.csv"):
        o = float(r["odds_ratio_per_unit"])
        low, high = sorted([1.0, o * o])
        rows.append([f"env.{r['attribute']}.{r['factor']}", "environment", "health/environment_effects.csv",
                     f"attribute={r['attribute']};factor={r['factor']}", "odds_ratio_per_unit",
                     r["odds_ratio_per_unit"], "lognormal", g(low), g(high), "A-PSA-ENV"])
    return rows


def effect_rows():
    rows = []
    for e in EFFECTS:
        name, ids, index, column, central = e[:5]
        if len(e) > 5:
            dist, low, high, src = e[5:]
        elif column == "probability":
            dist, low, high, src = "beta", central * 0.5, central * 1.5, "A-PSA-EFFECT"
        else:
            dist, src = "lognormal", "A-PSA-EFFECT"
            low, high = sorted([central ** 0.5, central ** 1.5])
        rows.append([name, "intervention_effects", "scenario", f"interventions={ids};effect={index}", column,
                     g(central), dist, g(low), g(high), src])
    return rows


def check(rows):
    """Every row's interval holds its central value (fixed rows have none); names are unique."""
    names = set()
    for r in rows:
        if r[0] in names:
            die(f"parameter {r[0]} twice")
        names.add(r[0])
        if r[6] != "fixed" and not float(r[7]) < float(r[5]) < float(r[8]):
            die(f"{r[0]}: central {r[5]} outside its interval {r[7]}-{r[8]}")
    by = {}
    for r in rows:
        by[r[6]] = by.get(r[6], 0) + 1
    say(f"   {len(rows)} parameters: " + ", ".join(f"{k} {v}" for k, v in sorted(by.items())))
    published = sum(1 for r in rows if not r[9].startswith("A-"))
    say(f"   {published} with a published interval, {len(rows) - published} with an assumed one or fixed")


def write_readme(out):
    md = output.Readme()
    md("# data/uncertainty")
    md()
    md("Written by `tools/build_uncertainty_data.py`; do not edit by hand. Read by `hhu run --draws N` "
       "(sim/uncertainty): draw k of every parameter is a pure function of the parameter's name, k and the draw "
       "seed, so draw k is the same parameter set in every scenario.")
    md()
    md("### parameter_uncertainty.csv")
    md()
    md("- Columns: `" + ",".join(HEADER) + "`")
    md("- Holds: one uncertain parameter a row. `table` is the data table (path under data/) or `scenario` (an "
       "intervention effect); `key` picks the row (`column=value;...`, for a scenario the interventions sharing "
       "the evidence, joined by `+`, and the effect's index); `column` is the value it draws; `central` the value "
       "the tables hold (checked on load). `low` and `high` are the 95% interval the distribution is fitted to "
       "(sim/core/statistics.hpp: lognormal on the log scale, beta and gamma by the method of moments).")
    md("- A draw scales the value in use by draw / central: the table's value becomes the draw; a scenario whose "
       "effect differs from the central value (a -D override, a sweep) keeps its own size, scaled by the same "
       "factor (a probability at most 1).")
    md("- Not drawn: calibration factors (held fixed: see the README, Parameter uncertainty), prevalence and "
       "incidence tables (register and survey counts: their sampling error is small beside the effects') and the "
       "demographic tables.")
    md()
    md.assumptions(ASSUMPTIONS)
    md.build_log()
    md.write(out / "README.md")


def main():
    ap = cli.parser(__doc__, "the research folder (not read: the intervals are constants of this script)")
    ap.add_argument("--data", default=str(cli.DEFAULT_DATA), help="the data folder (reads health/, writes uncertainty/)")
    args = ap.parse_args()
    data = Path(args.data)
    cli.require_files(data / "health", ["relative_risks.csv", "disability_weights.csv", "costs.csv", "falls.csv",
                                        "perinatal.csv", "environment_effects.csv"], "health tables", "run build_health_data.py first")
    out = data / "uncertainty"
    out.mkdir(parents=True, exist_ok=True)
    say("== Parameter uncertainty ==")
    rows = (relative_risk_rows(data) + disability_weight_rows(data) + cost_rows(data) + unit_cost_rows(data)
            + environment_rows(data) + effect_rows())
    check(rows)
    write_csv(out / "parameter_uncertainty.csv", HEADER, rows)
    output.write_sources(out / "sources.csv", SOURCES, ASSUMPTIONS, "hhu (this build)")
    write_readme(out)
    print(f"== wrote parameter_uncertainty.csv, sources.csv and README.md to {out} ==")


if __name__ == "__main__":
    main()
