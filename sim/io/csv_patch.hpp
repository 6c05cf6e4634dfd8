#pragma once
// A parameter draw as edits of the data tables: each patch scales one cell of one table (found by the
// values of its key columns) by a factor, as the table is read. The draw itself is made in
// sim/uncertainty; the tables' readers only apply it, so a drawn value passes every check a published
// one does.
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "sim/io/csv.hpp"

namespace hhu {

struct CellPatch {
    std::string table;  // path under data/ ("health/relative_risks.csv"), or "scenario" for an effect
    std::vector<std::pair<std::string, std::string>> key;  // column = value; for a scenario: interventions, effect
    std::string column;  // the value drawn
    double central = 0;  // the value the table must hold (else the uncertainty table is stale)
    double value = 0;    // the drawn value; the cell becomes its value x value / central
    std::string origin;  // "data/uncertainty/parameter_uncertainty.csv:12" for messages
    std::string name;    // the parameter's (e.g. rr.chd.lonely_severe.yes)
};

// Applies the patches of `table` to `t`; throws InputError naming the patch's origin when no row or more
// than one row of `t` matches its key, or when the cell does not hold the central value.
void apply_patches(CsvTable& t, const std::string& table, std::span<const CellPatch> patches);

}  // namespace hhu
