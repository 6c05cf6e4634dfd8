#include "sim/validation/validation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim/core/error.hpp"
#include "sim/io/csv.hpp"

namespace hhu {

std::vector<Target> load_targets(const std::filesystem::path& directory) {
    if (!std::filesystem::is_directory(directory))
        throw InputError(directory.string() + ": targets directory not found");
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(directory))
        if (e.path().extension() == ".csv") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<Target> targets;
    for (const auto& f : files) {
        const auto t = CsvTable::read(f);
        t.require_columns({"indicator", "zone", "year", "sex", "value", "tolerance", "tolerance_kind", "source"});
        for (std::size_t r = 0; r < t.rows(); ++r) {
            Target x;
            x.indicator = t.str(r, "indicator");
            x.zone = t.str(r, "zone");
            x.year = static_cast<int>(t.num_in(r, "year", kFirstYear, 2100));
            const auto& sex = t.str(r, "sex");
            if (sex == "male") x.sex = 0;
            else if (sex == "female") x.sex = 1;
            else if (sex != "all") throw InputError(t.where(r, "sex") + ": expected male, female or all, got '" + sex + "'");
            x.value = t.num(r, "value");
            x.tolerance = t.num_in(r, "tolerance", 0, 1e9);
            const auto& kind = t.str(r, "tolerance_kind");
            if (kind != "relative" && kind != "absolute")
                throw InputError(t.where(r, "tolerance_kind") + ": expected relative or absolute, got '" + kind + "'");
            x.relative = kind == "relative";
            if (t.has_column("education")) {
                const auto& edu = t.str(r, "education");
                if (edu != "all") x.education = t.choice(r, "education", kEducationNames);
            }
            if (t.has_column("role")) {
                const auto& role = t.str(r, "role");
                if (role != "check" && role != "compare")
                    throw InputError(t.where(r, "role") + ": expected check or compare, got '" + role + "'");
                x.compare_only = role == "compare";
            }
            x.source = t.str(r, "source");
            if (t.has_column("note")) x.note = t.str(r, "note");
            x.file = f.filename().string();
            x.line = t.line(r);
            targets.push_back(x);
        }
    }
    return targets;
}

namespace {

// Three standard errors of a target's indicator in a random sample of `scale` of the residents (weighted back), with
// the finite-population correction (1 - s), each from the sample behind the target's own breakdown (its sex and
// education, not the whole zone's):
// - a count of N residents or events: the sample counts about N s, so the weighted count's variance is
//   N (1 - s) / s;
// - a share p of a denominator D (a prevalence, the preterm births among births): binomial, p (1 - p) (1 - s) / (D s),
//   with p (1 - p) at least 1 / (D s) (a published share of 0 or 1 is still sampled); another ratio r (a mean
//   score) as a Poisson rate per unit of its denominator, r (1 - s) / (D s);
// - a life expectancy (at birth, at 65, in good health): about 0.45 years per 100,000 sampled residents of the
//   breakdown, scaled by 1 / sqrt(n) (an approximation: the variance of a period life table is mostly its deaths
//   at old ages, which both ages share);
// - none for an amount (care hours, costs, QALYs: its spread is the sum of the squares of the residents' amounts,
//   which the counters do not keep) or the care labour market (a cohort model of the province's workers: its
//   first year is the published figure at any scale, and later years move with the care demand's small sampling
//   error, far below a count's). Their tolerances hold as they are at a sampled scale.
// The published value stands in for the expectation (it is what the check is of).
double sampling_allowance(const Indicators& ind, const IndicatorInfo& info, const Target& t, int unit, double scale) {
    const double fpc = 1 - scale;
    switch (info.kind) {
        case IndicatorKind::LifeTable: {
            const double sampled = ind.count(t.year, unit, Counter::Population, t.sex, kAll, t.education) * scale;
            return 3 * 0.45 * std::sqrt(100000.0 * fpc / std::max(1.0, sampled));
        }
        case IndicatorKind::Ratio: {
            IndicatorInfo denominator = info;
            denominator.kind = IndicatorKind::Count;
            denominator.numerator = info.denominator;
            const double sampled = std::max(1.0, ind.value(denominator, t.year, unit, t.sex, kAll, t.education) * scale);
            const double r = std::abs(t.value);
            // The catalogue's shares carry this unit (sim/output/indicators.cpp, ratio()).
            const double variance = info.unit == "share (0-1)" ? std::max(r * (1 - r), 1 / sampled) : r;
            return 3 * std::sqrt(variance * fpc / sampled);
        }
        case IndicatorKind::Count: return 3 * std::sqrt(std::abs(t.value) * fpc / scale);
        case IndicatorKind::Amount:
        case IndicatorKind::Labour: return 0;
    }
    return 0;
}

}  // namespace

std::vector<TargetCheck> check_targets(const Indicators& ind, const std::vector<Target>& targets, double scale) {
    std::vector<TargetCheck> checks;
    for (const auto& t : targets) {
        if (t.year < ind.first_year() || t.year > ind.last_complete_year()) continue;
        const int unit = ind.unit_index(t.zone);
        if (unit < 0)
            throw InputError(t.file + ":" + std::to_string(t.line) + ": unknown zone or aggregate '" + t.zone + "'");
        TargetCheck c;
        c.target = t;
        try {
            c.model = ind.value(t.indicator, t.year, unit, t.sex, kAll, t.education);
        } catch (const InputError& e) {
            throw InputError(t.file + ":" + std::to_string(t.line) + ": " + e.what());
        }
        if (scale < 1.0) c.allowance = sampling_allowance(ind, *find_indicator(t.indicator), t, unit, scale);
        const double tolerance = (t.relative ? t.tolerance * std::abs(t.value) : t.tolerance) + c.allowance;
        c.within = std::abs(c.model - t.value) <= tolerance;
        checks.push_back(c);
    }
    return checks;
}

std::string format_checks(const std::vector<TargetCheck>& checks) {
    std::string out;
    char line[512];
    std::snprintf(line, sizeof line, "%-16s %-9s %4s %-6s %12s %12s %9s %10s  %-4s %s\n", "indicator", "zone", "year",
                  "sex", "model", "published", "diff", "tolerance", "ok", "source");
    out += line;
    int failed = 0, compared = 0;
    for (const auto& c : checks) {
        const auto& t = c.target;
        const double diff = c.model - t.value;
        // Shares and rates below 1 (a prevalence of 0.0144) with four decimals: two showed 0.01 against 0.02, diff -0.00.
        const bool share = std::abs(t.value) < 1 && std::abs(c.model) < 1;
        char diff_text[32], tol_text[48];
        if (t.relative) {
            std::snprintf(diff_text, sizeof diff_text, "%+.2f%%", 100 * diff / t.value);
            std::snprintf(tol_text, sizeof tol_text, "%.1f%%", 100 * t.tolerance);
        } else if (share) {
            std::snprintf(diff_text, sizeof diff_text, "%+.4f", diff);
            std::snprintf(tol_text, sizeof tol_text, "%.4f", t.tolerance);
        } else {
            std::snprintf(diff_text, sizeof diff_text, "%+.2f", diff);
            std::snprintf(tol_text, sizeof tol_text, "%.2f", t.tolerance);
        }
        std::string tolerance = tol_text;
        if (c.allowance > 0) tolerance += "+s";
        std::string who = t.sex < 0 ? "all" : t.sex == 0 ? "male" : "female";
        if (t.education >= 0) {  // e.g. all/low
            who += '/';
            who.append(kEducationNames[t.education]);
        }
        std::snprintf(line, sizeof line, share ? "%-16s %-9s %4d %-6s %12.4f %12.4f %9s %10s  %-4s %s\n"
                                               : "%-16s %-9s %4d %-6s %12.2f %12.2f %9s %10s  %-4s %s\n",
                      t.indicator.c_str(), t.zone.c_str(), t.year, who.c_str(), c.model, t.value,
                      diff_text, tolerance.c_str(), c.within ? "yes" : (t.compare_only ? "cmp" : "NO"), t.source.c_str());
        out += line;
        failed += !c.passes();
        compared += !c.within && t.compare_only;
    }
    std::snprintf(line, sizeof line, "%zu targets: %zu within tolerance, %d outside%s%s\n", checks.size(),
                  checks.size() - failed - compared, failed,
                  compared > 0 ? (", " + std::to_string(compared) + " other forecasts differ (cmp: shown, not failed)").c_str() : "",
                  checks.empty() || checks.front().allowance == 0 ? "" : " (+s: sampling allowance of a --scale run)");
    out += line;
    return out;
}

}  // namespace hhu
