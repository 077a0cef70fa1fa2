#include "crypto/stream_seal.h"

#include <sodium.h>

#include <array>
#include <vector>

#include "crypto/initialize.h"

namespace attune::crypto {
namespace {

using base::ErrorCode;

constexpr std::size_t kTagBytes = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr std::size_t kHeaderBytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
static_assert(crypto_secretstream_xchacha20poly1305_KEYBYTES == SecretKey::kSize);

// Reads until `buffer` is full or the input ends; the count read.
std::size_t read_full(std::istream& in, unsigned char* buffer, std::size_t size) {
  in.read(reinterpret_cast<char*>(buffer), static_cast<std::streamsize>(size));
  return static_cast<std::size_t>(in.gcount());
}

bool write_all(std::ostream& out, const unsigned char* data, std::size_t size) {
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return static_cast<bool>(out);
}

const unsigned char* bytes_of(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

base::Error not_authentic() {
  return {ErrorCode::invalid_field,
          "the file is damaged, truncated or was sealed under another key"};
}

base::Error io_error() { return {ErrorCode::internal, "reading or writing the file failed"}; }

}  // namespace

base::Status seal_stream(const SecretKey& key, std::string_view associated, std::istream& in,
                         std::ostream& out) {
  initialize();
  crypto_secretstream_xchacha20poly1305_state state;
  std::array<unsigned char, kHeaderBytes> header{};
  crypto_secretstream_xchacha20poly1305_init_push(&state, header.data(), key.data());
  if (!write_all(out, header.data(), header.size())) return std::unexpected(io_error());

  std::vector<unsigned char> plain(kStreamChunkBytes);
  std::vector<unsigned char> sealed(kStreamChunkBytes + kTagBytes);
  bool first = true;
  bool last = false;
  while (!last) {
    const std::size_t got = read_full(in, plain.data(), plain.size());
    if (in.bad()) return std::unexpected(io_error());
    // A chunk shorter than full, or a full one with nothing after it, ends the stream: the
    // final tag is what lets open_stream tell a complete file from a truncated one.
    last = got < plain.size() || in.peek() == std::istream::traits_type::eof();
    if (in.bad()) return std::unexpected(io_error());
    in.clear(in.rdstate() & ~std::ios::failbit & ~std::ios::eofbit);
    const unsigned char tag = last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                   : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    unsigned long long sealed_size = 0;
    crypto_secretstream_xchacha20poly1305_push(&state, sealed.data(), &sealed_size, plain.data(),
                                               got, first ? bytes_of(associated) : nullptr,
                                               first ? associated.size() : 0, tag);
    first = false;
    if (!write_all(out, sealed.data(), sealed_size)) return std::unexpected(io_error());
  }
  sodium_memzero(plain.data(), plain.size());
  sodium_memzero(&state, sizeof state);
  out.flush();
  if (!out) return std::unexpected(io_error());
  return {};
}

base::Status open_stream(const SecretKey& key, std::string_view associated, std::istream& in,
                         std::ostream& out) {
  initialize();
  std::array<unsigned char, kHeaderBytes> header{};
  if (read_full(in, header.data(), header.size()) != header.size()) {
    return std::unexpected(in.bad() ? io_error() : not_authentic());
  }
  crypto_secretstream_xchacha20poly1305_state state;
  if (crypto_secretstream_xchacha20poly1305_init_pull(&state, header.data(), key.data()) != 0) {
    return std::unexpected(not_authentic());
  }
  std::vector<unsigned char> sealed(kStreamChunkBytes + kTagBytes);
  std::vector<unsigned char> plain(kStreamChunkBytes);
  bool first = true;
  base::Status result = std::unexpected(not_authentic());  // until the final tag is seen
  while (true) {
    const std::size_t got = read_full(in, sealed.data(), sealed.size());
    if (in.bad()) {
      result = std::unexpected(io_error());
      break;
    }
    unsigned long long plain_size = 0;
    unsigned char tag = 0;
    if (got < kTagBytes ||
        crypto_secretstream_xchacha20poly1305_pull(
            &state, plain.data(), &plain_size, &tag, sealed.data(), got,
            first ? bytes_of(associated) : nullptr, first ? associated.size() : 0) != 0) {
      break;
    }
    first = false;
    if (!write_all(out, plain.data(), plain_size)) {
      result = std::unexpected(io_error());
      break;
    }
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
      // Anything after the final chunk was appended by someone else.
      if (in.peek() == std::istream::traits_type::eof()) result = {};
      break;
    }
    if (got < sealed.size()) break;  // a short chunk that is not final: truncated
  }
  sodium_memzero(plain.data(), plain.size());
  sodium_memzero(&state, sizeof state);
  if (result) {
    out.flush();
    if (!out) return std::unexpected(io_error());
  }
  return result;
}

}  // namespace attune::crypto
