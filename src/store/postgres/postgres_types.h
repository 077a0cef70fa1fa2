// The PostgreSQL type OIDs the backend sends and decodes (fixed in the server's catalogue;
// libpq's client headers do not define them).
#pragma once

#include <postgres_ext.h>

namespace attune::store::postgres {

inline constexpr Oid kUnknownOid = 0;  // as a parameter type: let the server infer it
inline constexpr Oid kBoolOid = 16;
inline constexpr Oid kByteaOid = 17;
inline constexpr Oid kInt8Oid = 20;
inline constexpr Oid kInt2Oid = 21;
inline constexpr Oid kInt4Oid = 23;
inline constexpr Oid kOidOid = 26;
inline constexpr Oid kNumericOid = 1700;

}  // namespace attune::store::postgres
