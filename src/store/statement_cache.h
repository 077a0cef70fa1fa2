// Which statements a backend keeps compiled per connection. The application's statements
// are a fixed set of string constants, run again and again: those are worth keeping.
// Schema changes and settings (CREATE, ALTER, DROP, PRAGMA, SET) run once, or change what
// a kept statement would mean, so they are compiled each time.
#pragma once

#include <cstddef>
#include <string_view>

namespace attune::store {

// Plenty for every statement the application has; past it, statements still run, compiled
// each time, so an unexpected stream of distinct texts cannot grow memory without bound.
inline constexpr std::size_t kMaxCachedStatements = 1024;

// True for queries, data changes and transaction control (table locks included).
bool worth_caching(std::string_view sql);

}  // namespace attune::store
