// The crisis and safety resources every screen can reach: the shipped default text or the
// operator's own for their region.
#pragma once

#include <string>
#include <vector>

namespace attune::content {

struct Resources {
  struct Entry {
    std::string name;     // e.g. a helpline's name
    std::string contact;  // a number, address or how to reach it
    std::string note;     // optional; "" when absent
  };

  std::string title;
  std::string body;  // plain text; blank lines separate paragraphs
  std::vector<Entry> entries;
};

}  // namespace attune::content
