#pragma once
// Errors that come from the user's input (files, flags, scenarios). They carry a message that names
// the file and the place in it, and what was expected; the command line prints it and exits non-zero.
#include <stdexcept>
#include <string>

namespace hhu {

class InputError : public std::runtime_error {
public:
    explicit InputError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace hhu
