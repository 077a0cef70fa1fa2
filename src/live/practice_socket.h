// One participant's WebSocket on one practice: subscribes to the hub, answers pings on
// the spot, and hands ready/pause/resume/end to the hub.
#pragma once

#include <memory>
#include <string>

#include "app/actor.h"
#include "live/connection.h"
#include "live/hub.h"

namespace attune::live {

class PracticeSocket final : public ConnectionListener {
 public:
  PracticeSocket(std::shared_ptr<Hub> hub, std::string practice_id, app::Actor participant,
                 std::uint64_t id)
      : hub_(std::move(hub)),
        practice_id_(std::move(practice_id)),
        participant_(std::move(participant)),
        id_(id) {}

  void on_open(std::shared_ptr<Connection> connection) override;
  void on_message(std::string text) override;
  void on_close() override;

 private:
  std::shared_ptr<Hub> hub_;
  std::string practice_id_;
  app::Actor participant_;
  std::uint64_t id_;
  std::shared_ptr<Connection> connection_;
};

}  // namespace attune::live
