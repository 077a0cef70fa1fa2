#include "app/consent/agreement_records.h"

#include <algorithm>

#include "app/consent/agreement_terms_json.h"
#include "app/consent/terms_cache.h"
#include "app/data_keys.h"
#include "base/corruption.h"

namespace attune::app {
namespace {

std::string version_record_id(const std::string& agreement_id, std::int64_t version) {
  return agreement_id + "/" + std::to_string(version);
}

core::AgreementTerms open_terms(const Context& context, const crypto::SecretKey& key,
                                const std::string& agreement_id, std::int64_t version,
                                std::string_view sealed) {
  return terms_from_json(nlohmann::json::parse(
      context.keyring.open(key, version_record_id(agreement_id, version), "terms", sealed)));
}

// The terms as kept in memory (terms_cache.h), or opened with key. The key is read and
// unwrapped either way, so a request's statements do not depend on what others read lately.
core::AgreementTerms kept_or_opened_terms(const Context& context, const std::string& rid,
                                          const std::string& agreement_id, std::int64_t version,
                                          std::string_view sealed, const crypto::SecretKey& key) {
  return terms_through_cache(rid, agreement_id, version, sealed, [&] {
    return open_terms(context, key, agreement_id, version, sealed);
  });
}

void write_version(const Context& context, store::Transaction& tx, const std::string& rid,
                   const std::string& agreement_id, std::int64_t version,
                   const core::AgreementTerms& terms) {
  auto key = context.keyring.key_of(tx, KeyOwner::kRelationship, rid);
  tx.execute(
      "INSERT INTO agreement_versions (agreement_id, version, terms_sealed, created_at) VALUES "
      "(?,?,?,?)",
      {agreement_id, version,
       store::blob(context.keyring.seal(key, version_record_id(agreement_id, version), "terms",
                                        terms_json(terms).dump())),
       context.now_ms()});
  tx.execute("UPDATE agreements SET current_version = ? WHERE id = ?", {version, agreement_id});
  tx.execute("DELETE FROM agreement_participants WHERE agreement_id = ?", {agreement_id});
  for (const auto& participant : terms.participants) {
    tx.execute("INSERT INTO agreement_participants (agreement_id, account_id) VALUES (?,?)",
               {agreement_id, participant});
  }
}

// An agreement of the relationship `in` names, with its current terms and signatures.
std::optional<AgreementRecord> load_in(const Context& context, store::Transaction& tx,
                                       const policy::MembershipAccess& in,
                                       const std::string& agreement_id) {
  auto row = tx.query_one(
      "SELECT current_version, is_void FROM agreements WHERE id = ? AND relationship_id = ?",
      {agreement_id, in.relationship_id()});
  if (!row) return std::nullopt;
  AgreementRecord record{
      agreement_id, in.relationship_id(), row->integer(0), row->integer(1) != 0, {}, {}};
  record.terms = load_terms(context, tx, in, agreement_id, record.version);
  for (const auto& signature :
       tx.query("SELECT account_id FROM signatures WHERE agreement_id = ? AND version = ?",
                {agreement_id, record.version})) {
    record.signed_current.insert(signature.text(0));
  }
  return record;
}

std::vector<AgreementRecord> load_all(const Context& context, store::Transaction& tx,
                                      const policy::MembershipAccess& in,
                                      const std::vector<store::Row>& rows) {
  std::vector<AgreementRecord> records;
  for (const auto& row : rows) {
    if (auto record = load_in(context, tx, in, row.text(0))) {
      records.push_back(std::move(*record));
    }
  }
  return records;
}

}  // namespace

core::AgreementTerms load_terms(const Context& context, store::Transaction& tx,
                                const policy::MembershipAccess& in, const std::string& agreement_id,
                                std::int64_t version) {
  auto row = tx.query_one(
      "SELECT v.terms_sealed FROM agreement_versions v JOIN agreements a ON a.id = v.agreement_id "
      "WHERE v.agreement_id = ? AND v.version = ? AND a.relationship_id = ?",
      {agreement_id, version, in.relationship_id()});
  if (!row) throw base::Corruption("agreement version is missing");
  auto key = context.keyring.key_of(tx, KeyOwner::kRelationship, in.relationship_id());
  return kept_or_opened_terms(context, in.relationship_id(), agreement_id, version, row->bytes(0),
                              key);
}

AgreementRecord load_agreement(const Context& context, store::Transaction& tx,
                               const policy::AgreementAccess& access) {
  auto record = load_in(context, tx, access.member().membership(), access.agreement_id());
  // The policy has just found the agreement in this transaction.
  if (!record) throw base::Corruption("agreement is missing");
  return std::move(*record);
}

std::vector<AgreementVersion> agreement_versions(const Context& context, store::Transaction& tx,
                                                 const policy::AgreementAccess& access) {
  auto key = context.keyring.key_of(tx, KeyOwner::kRelationship, access.relationship_id());
  std::vector<AgreementVersion> versions;
  for (const auto& row : tx.query(
           "SELECT version, created_at, terms_sealed FROM agreement_versions WHERE agreement_id = "
           "? ORDER BY version",
           {access.agreement_id()})) {
    versions.push_back(
        {row.integer(0), row.integer(1),
         open_terms(context, key, access.agreement_id(), row.integer(0), row.bytes(2))});
  }
  return versions;
}

void create_agreement(const Context& context, store::Transaction& tx,
                      const policy::MemberAccess& access, const std::string& agreement_id,
                      const core::AgreementTerms& terms) {
  tx.execute(
      "INSERT INTO agreements (id, relationship_id, current_version, is_void, created_at) VALUES "
      "(?,?,1,0,?)",
      {agreement_id, access.relationship_id(), context.now_ms()});
  write_version(context, tx, access.relationship_id(), agreement_id, 1, terms);
}

void save_version(const Context& context, store::Transaction& tx,
                  const policy::AgreementAccess& access, std::int64_t version,
                  const core::AgreementTerms& terms) {
  write_version(context, tx, access.relationship_id(), access.agreement_id(), version, terms);
}

void add_signature(store::Transaction& tx, const policy::AgreementAccess& access,
                   std::int64_t version, std::int64_t at) {
  tx.execute(
      "INSERT INTO signatures (agreement_id, version, account_id, signed_at) VALUES (?,?,?,?) "
      "ON CONFLICT DO NOTHING",
      {access.agreement_id(), version, access.account_id(), at});
}

std::vector<SignatureRecord> own_signatures(store::Transaction& tx,
                                            const policy::AgreementAccess& access) {
  std::vector<SignatureRecord> signatures;
  for (const auto& row : tx.query(
           "SELECT version, signed_at FROM signatures WHERE agreement_id = ? AND account_id = ? "
           "ORDER BY version",
           {access.agreement_id(), access.account_id()})) {
    signatures.push_back({row.integer(0), row.integer(1)});
  }
  return signatures;
}

std::vector<AgreementRecord> live_agreements(const Context& context, store::Transaction& tx,
                                             const policy::MembershipAccess& in) {
  return load_all(context, tx, in,
                  tx.query("SELECT id FROM agreements WHERE relationship_id = ? AND is_void = 0",
                           {in.relationship_id()}));
}

std::vector<AgreementRecord> live_agreements_naming(const Context& context, store::Transaction& tx,
                                                    const policy::MembershipAccess& access) {
  return load_all(
      context, tx, access,
      tx.query(
          "SELECT a.id FROM agreements a JOIN agreement_participants p ON p.agreement_id = a.id "
          "WHERE a.relationship_id = ? AND p.account_id = ? AND a.is_void = 0",
          {access.relationship_id(), access.account_id()}));
}

std::vector<std::pair<std::string, core::AgreementTerms>> live_terms_naming(
    const Context& context, store::Transaction& tx, const policy::MembershipAccess& access) {
  const auto rows = tx.query(
      "SELECT a.id, a.current_version, v.terms_sealed, r.wrapped_key FROM agreements a "
      "JOIN agreement_participants p ON p.agreement_id = a.id "
      "JOIN relationships r ON r.id = a.relationship_id "
      "LEFT JOIN agreement_versions v ON v.agreement_id = a.id AND v.version = a.current_version "
      "WHERE a.relationship_id = ? AND p.account_id = ? AND a.is_void = 0 ORDER BY a.id",
      {access.relationship_id(), access.account_id()});
  std::vector<std::pair<std::string, core::AgreementTerms>> terms;
  if (rows.empty()) return terms;
  const auto key = unwrap_data_key(context.vault, KeyOwner::kRelationship, access.relationship_id(),
                                   rows.front().bytes(3));
  for (const auto& row : rows) {
    if (row.is_null(2)) throw base::Corruption("agreement version is missing");
    terms.emplace_back(row.text(0),
                       kept_or_opened_terms(context, access.relationship_id(), row.text(0),
                                            row.integer(1), row.bytes(2), key));
  }
  return terms;
}

void mark_void(store::Transaction& tx, const policy::MembershipAccess& in,
               const std::string& agreement_id) {
  tx.execute("UPDATE agreements SET is_void = 1 WHERE id = ? AND relationship_id = ?",
             {agreement_id, in.relationship_id()});
}

std::optional<std::vector<std::string>> last_role_order(
    const Context& context, store::Transaction& tx, const policy::MemberAccess& member,
    const std::vector<std::string>& participants) {
  std::vector<std::string> wanted = participants;
  std::ranges::sort(wanted);
  for (const auto& row :
       tx.query("SELECT a.id, a.current_version FROM agreements a JOIN agreement_participants p ON "
                "p.agreement_id = a.id WHERE a.relationship_id = ? AND p.account_id = ? "
                "ORDER BY a.created_at DESC, a.id DESC",
                {member.relationship_id(), member.account_id()})) {
    std::vector<std::string> named;
    for (const auto& participant :
         tx.query("SELECT account_id FROM agreement_participants WHERE agreement_id = ?",
                  {row.text(0)})) {
      named.push_back(participant.text(0));
    }
    std::ranges::sort(named);  // in C++: a database collation may order ids differently
    if (named == wanted) {
      return load_terms(context, tx, member.membership(), row.text(0), row.integer(1)).role_order;
    }
  }
  return std::nullopt;
}

}  // namespace attune::app
