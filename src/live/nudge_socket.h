// One person's WebSocket on the per-person channel: subscribes to the nudge hub and answers
// pings on the spot. Nothing else is accepted from the client.
#pragma once

#include <memory>

#include "app/actor.h"
#include "live/connection.h"
#include "live/nudge_hub.h"

namespace attune::live {

class NudgeSocket final : public ConnectionListener {
 public:
  NudgeSocket(std::shared_ptr<NudgeHub> hub, app::Actor person, std::uint64_t id)
      : hub_(std::move(hub)), person_(std::move(person)), id_(id) {}

  void on_open(std::shared_ptr<Connection> connection) override;
  void on_message(std::string text) override;
  void on_close() override;

 private:
  std::shared_ptr<NudgeHub> hub_;
  app::Actor person_;
  std::uint64_t id_;
  std::shared_ptr<Connection> connection_;
};

}  // namespace attune::live
