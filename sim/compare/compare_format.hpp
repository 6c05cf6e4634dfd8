#pragma once
// How a comparison's numbers are written for people: one definition shared by `hhu compare`'s table
// and the policy brief (`hhu report`), so that both show the same figures.
#include <string>

#include "sim/compare/compare.hpp"

namespace hhu {

// A number for a policymaker: 1.23M, 45.6k, 1,234, 123, 12.3, 1.23, 0.06, 0.0034 (about three
// significant digits, two decimals below 10, trailing zeros dropped); a minus sign only on non-zero
// results; "n/a" when not finite.
std::string human_number(double v);

// One cell of the comparison table: "mean [lower, upper]" (with replicates), "mean" (one replicate),
// "dominant: ...", "n/a (dominated)", "n/a", or "" when the row is not reported for that period.
std::string comparison_cell(const Comparison& c, const ComparisonRow& row, int period);

}  // namespace hhu
