#include "cli/password_prompt.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace attune::cli {

std::string read_password(const char* prompt) {
  std::string password;
  if (!::isatty(STDIN_FILENO)) {
    std::getline(std::cin, password);
    return password;
  }
  std::cerr << prompt << std::flush;
  termios saved{};
  const bool hidden = ::tcgetattr(STDIN_FILENO, &saved) == 0;
  if (hidden) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::getline(std::cin, password);
  if (hidden) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  std::cerr << "\n";
  return password;
}

}  // namespace attune::cli
