#include "http/id_list_param.h"

#include "core/group.h"
#include "http/api_call.h"

namespace attune::http {

std::vector<std::string> id_list_param(const Request& request, std::string_view name) {
  const std::string text = request.query_param(name);
  std::vector<std::string> ids;
  std::size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    auto end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) ids.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  if (ids.size() > core::kMaxGroupSize) {
    reject(base::ErrorCode::invalid_group, "A group has at most 8 partners.");
  }
  return ids;
}

}  // namespace attune::http
