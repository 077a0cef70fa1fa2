#include "base/error.h"

namespace attune::base {

std::string_view code_name(ErrorCode code) {
  switch (code) {
#define ATTUNE_ERROR_NAME(name, kind) \
  case ErrorCode::name:               \
    return #name;
    ATTUNE_ERROR_CODES(ATTUNE_ERROR_NAME)
#undef ATTUNE_ERROR_NAME
  }
  return "internal";
}

ErrorKind kind_of(ErrorCode code) {
  switch (code) {
#define ATTUNE_ERROR_KIND(name, kind) \
  case ErrorCode::name:               \
    return ErrorKind::kind;
    ATTUNE_ERROR_CODES(ATTUNE_ERROR_KIND)
#undef ATTUNE_ERROR_KIND
  }
  return ErrorKind::kInternal;
}

}  // namespace attune::base
