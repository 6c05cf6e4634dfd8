#include "sim/io/gzip.hpp"

#include <zlib.h>

#include <fstream>
#include <sstream>

#include "sim/core/error.hpp"

namespace hhu {

namespace {

// windowBits 15 + 16: a gzip wrapper (zlib manual, deflateInit2); level 6 is zlib's default balance.
constexpr int kGzipWindowBits = 15 + 16;
constexpr int kLevel = 6;
constexpr int kMemLevel = 8;
constexpr std::size_t kChunk = 1 << 16;

}  // namespace

struct GzipEncoder::State {
    z_stream z{};
    bool finished = false;
};

GzipEncoder::GzipEncoder() : state_(std::make_unique<State>()) {
    if (deflateInit2(&state_->z, kLevel, Z_DEFLATED, kGzipWindowBits, kMemLevel, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("zlib: deflateInit2 failed");
    // The default header: no name, mtime 0, OS "unknown"/Unix as zlib sets it: the same bytes on every run.
}

GzipEncoder::~GzipEncoder() { deflateEnd(&state_->z); }

std::string GzipEncoder::run(std::string_view bytes, bool last) {
    if (state_->finished) throw std::logic_error("GzipEncoder used after finish()");
    std::string out;
    char buffer[kChunk];
    z_stream& z = state_->z;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    int rc = Z_OK;
    do {
        z.next_out = reinterpret_cast<Bytef*>(buffer);
        z.avail_out = kChunk;
        rc = deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
        if (rc == Z_STREAM_ERROR) throw std::runtime_error("zlib: deflate failed");
        out.append(buffer, kChunk - z.avail_out);
    } while (z.avail_out == 0 || (last && rc != Z_STREAM_END));
    if (last) state_->finished = true;
    return out;
}

std::string GzipEncoder::feed(std::string_view bytes) {
    // zlib counts input in uInt: feed very large pieces in parts.
    std::string out;
    constexpr std::size_t kPiece = 1u << 30;
    for (std::size_t at = 0; at < bytes.size(); at += kPiece) out += run(bytes.substr(at, kPiece), false);
    return out;
}

std::string GzipEncoder::finish() { return run({}, true); }

std::string gzip(std::string_view bytes) {
    GzipEncoder encoder;
    std::string out = encoder.feed(bytes);
    out += encoder.finish();
    return out;
}

std::string gunzip(std::string_view compressed, const std::string& name) {
    z_stream z{};
    if (inflateInit2(&z, kGzipWindowBits) != Z_OK) throw std::runtime_error("zlib: inflateInit2 failed");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    z.avail_in = static_cast<uInt>(compressed.size());
    std::string out;
    char buffer[kChunk];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        z.next_out = reinterpret_cast<Bytef*>(buffer);
        z.avail_out = kChunk;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) break;
        out.append(buffer, kChunk - z.avail_out);
        if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) break;  // input ended before the stream did
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END)
        throw InputError(name + ": not a complete gzip file (" + (rc == Z_OK ? "it ends early" : "corrupt data") + ")");
    return out;
}

std::string gunzip_head(std::string_view compressed, std::size_t bytes) {
    z_stream z{};
    if (inflateInit2(&z, kGzipWindowBits) != Z_OK) throw std::runtime_error("zlib: inflateInit2 failed");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    z.avail_in = static_cast<uInt>(compressed.size());
    std::string out(bytes, '\0');
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(bytes);
    int rc = Z_OK;
    while (z.avail_out > 0 && z.avail_in > 0 && rc == Z_OK) rc = inflate(&z, Z_NO_FLUSH);
    const std::size_t got = bytes - z.avail_out;
    inflateEnd(&z);
    if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) return {};
    out.resize(got);
    return out;
}

std::string read_text_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError("cannot read " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    if (file.extension() == ".gz") return gunzip(text.str(), file.string());
    return text.str();
}

}  // namespace hhu
