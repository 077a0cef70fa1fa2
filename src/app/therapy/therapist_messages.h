// Each partner's individual channel to their therapist (SPEC 13): opened when the link
// becomes active, kept by that partner alone. Another partner's revocation of the couple's
// link leaves it; the partner's own revocation, or leaving, closes it.
#pragma once

#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "app/therapy/message_records.h"
#include "base/error.h"

namespace attune::app {

inline constexpr std::size_t kMaxMessageChars = 4000;

struct ChannelView {
  std::string relationship_id;
  std::string partner_id;
  std::string partner_name;
  std::vector<MessageRecord> messages;  // oldest first
};

class TherapistMessages {
 public:
  explicit TherapistMessages(Context& context) : context_(context) {}

  // The partner's own channel in the relationship.
  base::Result<std::string> send(const Actor& actor, const std::string& rid,
                                 const std::string& text);
  base::Result<std::vector<MessageRecord>> mine(const Actor& actor, const std::string& rid);
  // The therapist's channels; each partner's access log shows the read.
  base::Result<std::vector<ChannelView>> inbox(const Actor& actor);
  base::Result<std::string> reply(const Actor& actor, const std::string& rid,
                                  const std::string& partner_id, const std::string& text);

 private:
  Context& context_;
};

}  // namespace attune::app
