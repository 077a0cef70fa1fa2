#include "live/practice_socket.h"

#include "live/practice_message.h"

namespace attune::live {

void PracticeSocket::on_open(std::shared_ptr<Connection> connection) {
  connection_ = std::move(connection);
  hub_->subscribe(practice_id_, participant_, connection_, id_);
}

void PracticeSocket::on_message(std::string text) {
  // Pings are answered here, without touching the store, so they measure the link itself.
  if (auto pong = pong_for(text)) {
    connection_->send(std::move(*pong));
    return;
  }
  hub_->handle_message(practice_id_, participant_, connection_, id_, std::move(text));
}

void PracticeSocket::on_close() {
  hub_->unsubscribe(practice_id_, participant_, id_);
  connection_.reset();
}

}  // namespace attune::live
