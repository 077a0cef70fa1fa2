// Proof of access. Only the policy (app/policy/policy.h) can make these values, and every
// records function that reads or writes a relationship's data takes one, so a use case
// that forgot to ask the policy does not compile. A value is valid for the transaction it
// was granted in; it is never kept across requests.
#pragma once

#include <string>

namespace attune::app::policy {

class Policy;
class MemberAccess;

// Someone's own membership of a relationship, active or pending: enough to leave it and to
// see that one is waiting, never enough to read the relationship's data.
class MembershipAccess {
 public:
  const std::string& relationship_id() const { return relationship_id_; }
  const std::string& account_id() const { return account_id_; }

 private:
  friend class Policy;
  friend class MemberAccess;
  MembershipAccess(std::string relationship_id, std::string account_id)
      : relationship_id_(std::move(relationship_id)), account_id_(std::move(account_id)) {}

  std::string relationship_id_;
  std::string account_id_;
};

// An active member of a relationship (a pending newcomer never gets one).
class MemberAccess {
 public:
  // Every active member holds a membership too.
  MembershipAccess membership() const { return {relationship_id_, account_id_}; }
  const std::string& relationship_id() const { return relationship_id_; }
  // The member it was granted to: whose own rows the holder may read and write.
  const std::string& account_id() const { return account_id_; }

 private:
  friend class Policy;
  MemberAccess(std::string relationship_id, std::string account_id)
      : relationship_id_(std::move(relationship_id)), account_id_(std::move(account_id)) {}

  std::string relationship_id_;
  std::string account_id_;
};

// A participant of an agreement who is still an active member of its relationship.
class AgreementAccess {
 public:
  const MemberAccess& member() const { return member_; }
  const std::string& relationship_id() const { return member_.relationship_id(); }
  const std::string& account_id() const { return member_.account_id(); }
  const std::string& agreement_id() const { return agreement_id_; }

 private:
  friend class Policy;
  AgreementAccess(MemberAccess member, std::string agreement_id)
      : member_(std::move(member)), agreement_id_(std::move(agreement_id)) {}

  MemberAccess member_;
  std::string agreement_id_;
};

// A participant of a practice (through its agreement) who is still an active member.
class PracticeAccess {
 public:
  const AgreementAccess& agreement() const { return agreement_; }
  const MemberAccess& member() const { return agreement_.member(); }
  const std::string& relationship_id() const { return agreement_.relationship_id(); }
  const std::string& account_id() const { return agreement_.account_id(); }
  const std::string& practice_id() const { return practice_id_; }

 private:
  friend class Policy;
  PracticeAccess(AgreementAccess agreement, std::string practice_id)
      : agreement_(std::move(agreement)), practice_id_(std::move(practice_id)) {}

  AgreementAccess agreement_;
  std::string practice_id_;
};

// A therapist account acting as a therapist (its caseload, link codes, own notes): the
// session's role, never a relationship.
class TherapistRole {
 public:
  const std::string& therapist_id() const { return therapist_id_; }

 private:
  friend class Policy;
  explicit TherapistRole(std::string therapist_id) : therapist_id_(std::move(therapist_id)) {}

  std::string therapist_id_;
};

// A therapist whose link to the relationship is active at this moment: every active partner
// consents. Worked out afresh for each request, so a revocation takes effect at once.
class TherapistAccess {
 public:
  const std::string& relationship_id() const { return relationship_id_; }
  const std::string& therapist_id() const { return therapist_id_; }

 private:
  friend class Policy;
  TherapistAccess(std::string relationship_id, std::string therapist_id)
      : relationship_id_(std::move(relationship_id)), therapist_id_(std::move(therapist_id)) {}

  std::string relationship_id_;
  std::string therapist_id_;
};

// One partner's individual channel to the therapist they consented to, held by that partner
// (still an active member) or by that therapist.
class ChannelAccess {
 public:
  const std::string& relationship_id() const { return relationship_id_; }
  const std::string& partner_id() const { return partner_id_; }
  const std::string& therapist_id() const { return therapist_id_; }

 private:
  friend class Policy;
  ChannelAccess(std::string relationship_id, std::string partner_id, std::string therapist_id)
      : relationship_id_(std::move(relationship_id)),
        partner_id_(std::move(partner_id)),
        therapist_id_(std::move(therapist_id)) {}

  std::string relationship_id_;
  std::string partner_id_;
  std::string therapist_id_;
};

}  // namespace attune::app::policy
