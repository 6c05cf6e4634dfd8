#pragma once
// A small CSV reader for the data tables. Every accessor that fails throws InputError naming the
// file, the line and the column, and what was expected.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hhu {

class CsvTable {
public:
    // Reads a comma-separated file with a header line. Lines starting with '#' and blank lines are
    // skipped. Fields may be quoted with double quotes. A UTF-8 byte-order mark at the start is
    // skipped. Throws InputError when the file is missing
    // or a row has a different number of fields than the header.
    static CsvTable read(const std::filesystem::path& path);
    static CsvTable parse(std::string_view text, std::string name);

    const std::string& name() const { return name_; }
    std::size_t rows() const { return cells_.size(); }
    const std::vector<std::string>& header() const { return header_; }
    bool has_column(std::string_view column) const;
    // Throws InputError listing the missing columns when any of `columns` is absent.
    void require_columns(const std::vector<std::string>& columns) const;

    const std::string& str(std::size_t row, std::string_view column) const;
    double num(std::size_t row, std::string_view column) const;
    // Like num, but also checks lo <= value <= hi.
    double num_in(std::size_t row, std::string_view column, double lo, double hi) const;
    std::int64_t integer(std::size_t row, std::string_view column) const;
    // The index of the cell's value in `names`; an unknown value is an error listing the valid ones.
    int choice(std::size_t row, std::string_view column, std::span<const std::string_view> names) const;
    int line(std::size_t row) const { return lines_[row]; }
    // Replaces a cell's text (a parameter draw, sim/io/csv_patch.hpp); the column must exist.
    void set(std::size_t row, std::string_view column, std::string value) { cells_[row][col(column)] = std::move(value); }
    // "file:line: column 'c'" prefix for error messages about a cell.
    std::string where(std::size_t row, std::string_view column) const;

private:
    std::size_t col(std::string_view column) const;
    std::string name_;
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> cells_;
    std::vector<int> lines_;
};

}  // namespace hhu
