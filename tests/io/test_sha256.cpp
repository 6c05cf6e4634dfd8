#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "sim/core/error.hpp"
#include "sim/io/sha256.hpp"

namespace fs = std::filesystem;
using namespace hhu;

TEST_CASE("sha256: FIPS 180-4 test vectors") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu") ==
          "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    CHECK(sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: incremental updates across block boundaries match one-shot hashing") {
    std::string data;
    for (int i = 0; i < 1000; ++i) data += static_cast<char>(i * 7 + 3);
    const std::string expected = sha256_hex(data);
    for (std::size_t chunk : {1u, 3u, 55u, 56u, 63u, 64u, 65u, 127u, 500u}) {
        CAPTURE(chunk);
        Sha256 h;
        for (std::size_t i = 0; i < data.size(); i += chunk) h.update(std::string_view(data).substr(i, chunk));
        CHECK(h.hex_digest() == expected);
    }
    // Padding edge cases: lengths around 55/56/64 bytes.
    CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("sha256: files") {
    static std::atomic<int> n{0};
    const fs::path dir = fs::temp_directory_path() /
                         ("hhu-test-sha256-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::create_directories(dir);
    const fs::path file = dir / "million.txt";
    {
        std::ofstream out(file, std::ios::binary);
        out << std::string(1000000, 'a');
    }
    CHECK(sha256_file(file) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    {
        std::ofstream out(dir / "empty.txt", std::ios::binary);
    }
    CHECK(sha256_file(dir / "empty.txt") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK_THROWS_AS(sha256_file(dir / "absent.txt"), InputError);
    CHECK_THROWS_AS(sha256_file(dir), InputError);
    fs::remove_all(dir);
}
