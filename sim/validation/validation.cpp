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
        if (scale < 1.0) {
            // Three standard errors of a weighted random sample: for counts sqrt(N (1-s)/s); for life
            // expectancy about 0.45 years per 100,000 sampled residents' worth, scaled by 1/sqrt(n).
            const double population = ind.count(t.year, unit, Counter::Population);
            if (t.indicator == "life_expectancy")
                c.allowance = 3 * 0.45 * std::sqrt(100000.0 / std::max(1.0, population * scale));
            else
                c.allowance = 3 * std::sqrt(std::abs(t.value) * (1 - scale) / scale);
        }
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
        char diff_text[32], tol_text[48];
        if (t.relative) {
            std::snprintf(diff_text, sizeof diff_text, "%+.2f%%", 100 * diff / t.value);
            std::snprintf(tol_text, sizeof tol_text, "%.1f%%", 100 * t.tolerance);
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
        std::snprintf(line, sizeof line, "%-16s %-9s %4d %-6s %12.2f %12.2f %9s %10s  %-4s %s\n", t.indicator.c_str(),
                      t.zone.c_str(), t.year, who.c_str(), c.model, t.value,
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
