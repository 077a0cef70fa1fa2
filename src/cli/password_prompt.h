// Reading a password from standard input for operator commands: one line, and when stdin is
// a terminal, prompted on stderr with echo turned off so it never shows on screen.
#pragma once

#include <string>

namespace attune::cli {

std::string read_password(const char* prompt);

}  // namespace attune::cli
