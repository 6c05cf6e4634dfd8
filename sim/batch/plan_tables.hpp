#pragma once
// The tables of a finished plan, read from its run directories (rows/NNN, one per plan row, each as
// `hhu run -r` writes it):
//   results.csv   row,replicate,year,zone,sex,age_group,education,indicator,value: every replicate of
//                 every row, tidy (one value a line), at the plan's detail level
//   summary.csv   row,year,zone,sex,age_group,education,indicator,mean,lower,upper,mcse,replicates:
//                 each row's mean over its replicates with the 95% t-interval (sim/core/statistics)
//   rows.csv      row,label,origin,scenario_file,set,replicates,first_seed: what each row number is
//   curves/NAME.csv  value,row,mean,lower,upper,mcse,replicates: a sweep's response curve, the
//                 estimate of its indicator (zone, year, everyone) at each value of its key
// With gzip, results and summary are NAME.csv.gz; the small tables stay plain.
#include <filesystem>
#include <string>

#include "sim/batch/plan.hpp"

namespace hhu {

// rows/001 ... (three digits, more when the plan has 1,000 rows or more).
std::string row_folder_name(const Plan& plan, int row_number);
std::filesystem::path row_folder(const std::filesystem::path& out, const Plan& plan, int row_number);

// Writes every table (atomically, each file whole or absent); throws InputError naming a missing file.
void write_plan_tables(const std::filesystem::path& out, const Plan& plan);

std::string rows_csv(const Plan& plan);
// The response curve of `sweep` from the rows' yearly_interval tables.
std::string curve_csv(const std::filesystem::path& out, const Plan& plan, const PlanSweep& sweep);

}  // namespace hhu
