#include "sim/io/csv.hpp"

#include <charconv>
#include <cstdint>
#include <cmath>
#include <fstream>
#include <sstream>

#include "sim/core/error.hpp"

namespace hhu {

namespace {

std::vector<std::string> split_line(std::string_view line, const std::string& name, int line_no) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
        } else {
            field += c;
        }
    }
    if (quoted) throw InputError(name + ":" + std::to_string(line_no) + ": unterminated quoted field");
    fields.push_back(std::move(field));
    return fields;
}

}  // namespace

CsvTable CsvTable::read(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw InputError(path.string() + ": missing data file (every table listed in data/README.md is needed; a "
                                         "module is switched off in the scenario, such as health.enabled=false)");
    if (!std::filesystem::is_regular_file(path, ec)) throw InputError(path.string() + ": expected a data file (CSV)");
    // The tables are a few MB at most; a far larger file is not one of them (and would fill memory).
    constexpr std::uintmax_t kMaxBytes = std::uintmax_t{256} << 20;
    if (const auto size = std::filesystem::file_size(path, ec); !ec && size > kMaxBytes)
        throw InputError(path.string() + ": larger than 256 MB (expected a data table of a few MB)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path.string() + ": cannot open data file (see data/README.md)");
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), path.string());
}

CsvTable CsvTable::parse(std::string_view text, std::string name) {
    CsvTable table;
    table.name_ = std::move(name);
    // Spreadsheet programs save UTF-8 with a byte-order mark; it is not part of the first column's name.
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    int line_no = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') {
            if (end == text.size()) break;
            continue;
        }
        auto fields = split_line(line, table.name_, line_no);
        if (table.header_.empty()) {
            table.header_ = std::move(fields);
        } else {
            if (fields.size() != table.header_.size())
                throw InputError(table.name_ + ":" + std::to_string(line_no) + ": expected " +
                                 std::to_string(table.header_.size()) + " fields as in the header, got " +
                                 std::to_string(fields.size()));
            table.cells_.push_back(std::move(fields));
            table.lines_.push_back(line_no);
        }
        if (end == text.size()) break;
    }
    if (table.header_.empty()) throw InputError(table.name_ + ": empty file, expected a header line");
    return table;
}

bool CsvTable::has_column(std::string_view column) const {
    for (const auto& h : header_)
        if (h == column) return true;
    return false;
}

void CsvTable::require_columns(const std::vector<std::string>& columns) const {
    std::string missing;
    for (const auto& c : columns)
        if (!has_column(c)) missing += (missing.empty() ? "" : ", ") + c;
    if (!missing.empty()) {
        std::string have;
        for (const auto& h : header_) have += (have.empty() ? "" : ",") + h;
        throw InputError(name_ + ":1: missing column(s) " + missing + " (header is: " + have + ")");
    }
}

std::size_t CsvTable::col(std::string_view column) const {
    for (std::size_t i = 0; i < header_.size(); ++i)
        if (header_[i] == column) return i;
    throw InputError(name_ + ":1: no column '" + std::string(column) + "'");
}

int CsvTable::choice(std::size_t row, std::string_view column, std::span<const std::string_view> names) const {
    const auto& s = str(row, column);
    for (std::size_t i = 0; i < names.size(); ++i)
        if (s == names[i]) return static_cast<int>(i);
    std::string valid;
    for (auto n : names) valid += (valid.empty() ? "" : ", ") + std::string(n);
    throw InputError(where(row, column) + ": unknown value '" + s + "' (expected one of: " + valid + ")");
}

std::string CsvTable::where(std::size_t row, std::string_view column) const {
    return name_ + ":" + std::to_string(lines_[row]) + ": column '" + std::string(column) + "'";
}

const std::string& CsvTable::str(std::size_t row, std::string_view column) const { return cells_[row][col(column)]; }

double CsvTable::num(std::size_t row, std::string_view column) const {
    const std::string& s = str(row, column);
    double value = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || ptr != s.data() + s.size() || s.empty() || !std::isfinite(value))
        throw InputError(where(row, column) + ": expected a number, got '" + s + "'");
    return value;
}

double CsvTable::num_in(std::size_t row, std::string_view column, double lo, double hi) const {
    const double value = num(row, column);
    if (value < lo || value > hi) {
        std::ostringstream msg;
        msg << where(row, column) << ": expected a value between " << lo << " and " << hi << ", got " << value;
        throw InputError(msg.str());
    }
    return value;
}

std::int64_t CsvTable::integer(std::size_t row, std::string_view column) const {
    const std::string& s = str(row, column);
    std::int64_t value = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || ptr != s.data() + s.size() || s.empty())
        throw InputError(where(row, column) + ": expected a whole number, got '" + s + "'");
    return value;
}

}  // namespace hhu
