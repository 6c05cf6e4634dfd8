#include "sim/batch/plan_tables.hpp"

#include <cstdio>

#include "sim/core/error.hpp"
#include "sim/io/atomic_dir.hpp"
#include "sim/io/gzip.hpp"
#include "sim/output/output_format.hpp"

namespace hhu {

namespace fs = std::filesystem;

namespace {

// A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180).
std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string replicate_name(int r) {
    char name[16];
    std::snprintf(name, sizeof name, "%03d", r);
    return name;
}

// Appends the data lines of `csv` (not its header) to `writer`, each after `prefix`.
void append_lines(TableWriter& writer, const std::string& csv, const std::string& prefix) {
    std::string chunk;
    std::size_t at = csv.find('\n');
    at = at == std::string::npos ? csv.size() : at + 1;
    while (at < csv.size()) {
        auto end = csv.find('\n', at);
        if (end == std::string::npos) end = csv.size();
        chunk += prefix;
        chunk.append(csv, at, end - at);
        chunk += '\n';
        if (chunk.size() > (8u << 20)) {
            writer.write(chunk);
            chunk.clear();
        }
        at = end + 1;
    }
    writer.write(chunk);
}

std::string header_after(const std::string& csv, const std::string& first) {
    return first + csv.substr(0, csv.find('\n') + 1);
}

}  // namespace

std::string row_folder_name(const Plan& plan, int row_number) {
    const int width = std::max<int>(3, static_cast<int>(std::to_string(plan.rows.size()).size()));
    std::string s = std::to_string(row_number);
    return std::string(static_cast<std::size_t>(std::max<int>(0, width - static_cast<int>(s.size()))), '0') + s;
}

fs::path row_folder(const fs::path& out, const Plan& plan, int row_number) {
    return out / "rows" / row_folder_name(plan, row_number);
}

std::string rows_csv(const Plan& plan) {
    std::string out = "row,label,origin,scenario_file,set,replicates,first_seed\n";
    for (const auto& r : plan.rows) {
        std::string set;
        for (const auto& o : r.overrides) set += (set.empty() ? "" : " ") + o;
        out += std::to_string(r.number) + "," + csv_field(r.label) + "," + csv_field(r.origin) + "," +
               csv_field(r.scenario_file) + "," + csv_field(set) + "," + std::to_string(r.replicates) + "," +
               std::to_string(r.seed) + "\n";
    }
    return out;
}

std::string curve_csv(const fs::path& out, const Plan& plan, const PlanSweep& sweep) {
    std::string csv = "value,row,mean,lower,upper,mcse,replicates\n";
    const std::string key = std::to_string(sweep.year) + "," + sweep.zone + ",all,all,all," + sweep.indicator + ",";
    for (std::size_t k = 0; k < sweep.rows.size(); ++k) {
        const fs::path file = row_folder(out, plan, sweep.rows[k]) / plan.output.file_name("yearly_interval");
        const std::string table = read_text_file(file);
        const auto at = table.find("\n" + key);
        if (at == std::string::npos)
            throw InputError(file.string() + ": no row " + key.substr(0, key.size() - 1) + " for sweep '" + sweep.name +
                             "' (a run without the health model has no health indicators)");
        const auto begin = at + 1 + key.size();
        const auto end = table.find('\n', begin);
        csv += csv_field(sweep.values[k]) + "," + std::to_string(sweep.rows[k]) + "," +
               table.substr(begin, end - begin) + "\n";
    }
    return csv;
}

void write_plan_tables(const fs::path& out, const Plan& plan) {
    const OutputFormat& format = plan.output;
    // A session killed while writing a table left its temporary file: removed, the table is rewritten whole.
    remove_stale_temporary_files(out);
    remove_stale_temporary_files(out / "curves");
    {
        TableWriter results(out / format.file_name("results"), format.gzip);
        bool header = true;
        for (const auto& row : plan.rows)
            for (int r = 1; r <= row.replicates; ++r) {
                const std::string csv =
                    read_text_file(row_folder(out, plan, row.number) / "replicates" / replicate_name(r) / format.file_name("yearly"));
                if (header) results.write(header_after(csv, "row,replicate,"));
                header = false;
                append_lines(results, csv, std::to_string(row.number) + "," + std::to_string(r) + ",");
            }
        results.commit();
    }
    {
        TableWriter summary(out / format.file_name("summary"), format.gzip);
        bool header = true;
        for (const auto& row : plan.rows) {
            const std::string csv = read_text_file(row_folder(out, plan, row.number) / format.file_name("yearly_interval"));
            if (header) summary.write(header_after(csv, "row,"));
            header = false;
            append_lines(summary, csv, std::to_string(row.number) + ",");
        }
        summary.commit();
    }
    write_file_atomic(out / "rows.csv", rows_csv(plan));
    for (const auto& sweep : plan.sweeps) write_file_atomic(out / "curves" / (sweep.name + ".csv"), curve_csv(out, plan, sweep));
}

}  // namespace hhu
