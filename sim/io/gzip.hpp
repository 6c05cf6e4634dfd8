#pragma once
// gzip (RFC 1952) for the CSV files of a study: pandas (`read_csv("yearly.csv.gz")`) and R
// (`read.csv`, `data.table::fread`) read them as they are. The bytes are deterministic: no file name
// and a zero modification time in the header, so the same table always compresses to the same file.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace hhu {

// Compresses a stream piece by piece: feed() returns the compressed bytes ready so far, finish()
// the rest (call once). One encoder per file.
class GzipEncoder {
public:
    GzipEncoder();
    ~GzipEncoder();
    GzipEncoder(const GzipEncoder&) = delete;
    GzipEncoder& operator=(const GzipEncoder&) = delete;
    std::string feed(std::string_view bytes);
    std::string finish();

private:
    std::string run(std::string_view bytes, bool last);
    struct State;
    std::unique_ptr<State> state_;
};

std::string gzip(std::string_view bytes);

// The contents of a gzip file; throws InputError naming `name` when the bytes are not a complete gzip stream.
std::string gunzip(std::string_view compressed, const std::string& name);

// The first `bytes` bytes (or fewer) of the contents of a gzip stream given in part (a file's head): empty when
// they cannot be decompressed.
std::string gunzip_head(std::string_view compressed, std::size_t bytes);

// A whole file; a name ending in ".gz" is decompressed. Throws InputError naming the file.
std::string read_text_file(const std::filesystem::path& file);

}  // namespace hhu
