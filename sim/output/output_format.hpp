#pragma once
// How much of a run's tables to keep, and whether to compress them: what a study of hundreds of runs
// can store. A full run writes every breakdown (about 1.2 million rows); the lighter levels keep the
// rows a study usually reads. Sizes of each level for a full run: README.md, "Output levels".
//   full     every zone and aggregate, every breakdown by sex, age group and education (the default)
//   zones    every zone and aggregate, totals only (sex, age group and education "all")
//   summary  the aggregates only (Utrecht city GM0344, U10, U16, the province PV26), totals only
// --gzip writes the tables as NAME.csv.gz (sim/io/gzip.hpp), which pandas and R read as they are.
#include <optional>
#include <string>
#include <string_view>

#include "sim/io/atomic_dir.hpp"
#include "sim/io/gzip.hpp"
#include "sim/output/detail.hpp"

namespace hhu {


struct OutputFormat {
    Detail detail = Detail::Full;
    bool gzip = false;
    // "yearly" -> "yearly.csv" or "yearly.csv.gz".
    std::string file_name(std::string_view stem) const;
    bool operator==(const OutputFormat&) const = default;
};

// Keeps the header and the rows of a table whose first columns are year,zone,sex,age_group,education
// (yearly.csv, yearly_interval.csv) that belong to the level.
std::string filter_rows(const std::string& csv, Detail detail);
bool row_in_detail(std::string_view line, Detail detail);

// A table written atomically in pieces, compressed when the format says so.
class TableWriter {
public:
    TableWriter(const std::filesystem::path& file, bool gzip);
    void write(std::string_view bytes);
    void commit();

private:
    AtomicFile file_;
    std::optional<GzipEncoder> encoder_;
};

// A table's bytes as the format stores them (compressed or not).
std::string encode_table(const std::string& csv, const OutputFormat& format);

}  // namespace hhu
