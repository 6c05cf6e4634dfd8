#pragma once
// SHA-256 (FIPS 180-4), for fingerprinting inputs and outputs in run manifests. Own implementation,
// no OpenSSL.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace hhu {

// Incremental hashing: update() any number of times, then digest() or hex_digest() once.
class Sha256 {
public:
    Sha256();
    void update(std::string_view data);
    void update(const void* data, std::size_t size);
    std::array<std::uint8_t, 32> digest();  // finishes the hash; the object must not be updated afterwards
    std::string hex_digest();               // 64 lowercase hex digits

private:
    void block(const std::uint8_t* p);
    std::array<std::uint32_t, 8> h_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;  // bytes hashed so far
    bool finished_ = false;
};

// The SHA-256 of `data` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view data);

// The SHA-256 of a file's contents, read in chunks. Throws InputError if it cannot be read.
std::string sha256_file(const std::filesystem::path& file);

}  // namespace hhu
