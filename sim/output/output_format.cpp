#include "sim/output/output_format.hpp"

#include <algorithm>
#include <array>

#include "sim/model/model_data.hpp"

namespace hhu {

std::string_view detail_name(Detail d) {
    switch (d) {
        case Detail::Summary: return "summary";
        case Detail::Zones: return "zones";
        case Detail::Full: return "full";
    }
    return "full";
}

std::optional<Detail> parse_detail(std::string_view name) {
    for (Detail d : {Detail::Summary, Detail::Zones, Detail::Full})
        if (detail_name(d) == name) return d;
    return std::nullopt;
}

std::string OutputFormat::file_name(std::string_view stem) const {
    return std::string(stem) + (gzip ? ".csv.gz" : ".csv");
}

namespace {

// The first `n` comma-separated fields of a line (the key columns hold no commas or quotes).
std::array<std::string_view, 5> key_fields(std::string_view line) {
    std::array<std::string_view, 5> out{};
    for (std::size_t k = 0; k < out.size(); ++k) {
        const auto comma = line.find(',');
        out[k] = line.substr(0, comma);
        if (comma == std::string_view::npos) break;
        line.remove_prefix(comma + 1);
    }
    return out;
}

}  // namespace

bool row_in_detail(std::string_view line, Detail detail) {
    if (detail == Detail::Full) return true;
    const auto f = key_fields(line);  // year, zone, sex, age_group, education
    if (f[2] != "all" || f[3] != "all" || f[4] != "all") return false;
    if (detail == Detail::Zones) return true;
    return std::find(kAggregateCodes.begin(), kAggregateCodes.end(), f[1]) != kAggregateCodes.end();
}

std::string filter_rows(const std::string& csv, Detail detail) {
    if (detail == Detail::Full) return csv;
    std::string out;
    std::size_t at = 0;
    bool header = true;
    while (at < csv.size()) {
        auto end = csv.find('\n', at);
        if (end == std::string::npos) end = csv.size();
        const std::string_view line(csv.data() + at, end - at);
        if (header || row_in_detail(line, detail)) {
            out += line;
            out += '\n';
        }
        header = false;
        at = end + 1;
    }
    return out;
}

TableWriter::TableWriter(const std::filesystem::path& file, bool gzip) : file_(file) {
    if (gzip) encoder_.emplace();
}

void TableWriter::write(std::string_view bytes) {
    if (encoder_) file_.write(encoder_->feed(bytes));
    else file_.write(bytes);
}

void TableWriter::commit() {
    if (encoder_) file_.write(encoder_->finish());
    file_.commit();
}

std::string encode_table(const std::string& csv, const OutputFormat& format) {
    return format.gzip ? gzip(csv) : csv;
}

}  // namespace hhu
