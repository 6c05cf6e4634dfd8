#include "sim/io/csv_patch.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "sim/core/error.hpp"

namespace hhu {

namespace {

std::string number(double x) {
    char b[32];
    std::snprintf(b, sizeof b, "%.17g", x);
    return b;
}

std::string shown(double x) {
    char b[32];
    std::snprintf(b, sizeof b, "%.10g", x);
    return b;
}

std::string key_text(const CellPatch& p) {
    std::string s;
    for (const auto& [column, value] : p.key) s += (s.empty() ? "" : ", ") + column + " " + value;
    return s;
}

std::optional<std::size_t> find_row(const CsvTable& t, const CellPatch& p) {
    std::optional<std::size_t> found;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        bool all = true;
        for (const auto& [column, value] : p.key) all = all && t.str(r, column) == value;
        if (!all) continue;
        if (found)
            throw InputError(p.origin + ": the key (" + key_text(p) + ") matches more than one row of " + t.name() +
                             " (lines " + std::to_string(t.line(*found)) + " and " + std::to_string(t.line(r)) + ")");
        found = r;
    }
    return found;
}

}  // namespace

void apply_patches(CsvTable& t, const std::string& table, std::span<const CellPatch> patches) {
    for (const CellPatch& p : patches) {
        if (p.table != table) continue;
        std::vector<std::string> columns{p.column};
        for (const auto& kv : p.key) columns.push_back(kv.first);
        try {
            t.require_columns(columns);
        } catch (const InputError& e) {
            throw InputError(p.origin + ": " + e.what());
        }
        const auto row = find_row(t, p);
        if (!row) throw InputError(p.origin + ": no row of " + t.name() + " has " + key_text(p));
        const double held = t.num(*row, p.column);
        if (std::abs(held - p.central) > 1e-9 * std::max(1.0, std::abs(p.central)))
            throw InputError(p.origin + ": central value " + shown(p.central) + " differs from the table's " + shown(held) +
                             " (" + t.where(*row, p.column) + "); rebuild with python3 tools/build_uncertainty_data.py");
        t.set(*row, p.column, number(held * (p.value / p.central)));
    }
}

}  // namespace hhu
