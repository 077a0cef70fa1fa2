// Whole-file sealing: any size round-trips, and a truncation (even at a chunk boundary),
// an edit, an appended byte, another key or other associated data is refused.
#include "crypto/stream_seal.h"

#include <gtest/gtest.h>

#include <sstream>

namespace attune::crypto {
namespace {

std::string sealed_of(const SecretKey& key, const std::string& plain,
                      const std::string& ad = "hdr") {
  std::istringstream in(plain);
  std::ostringstream out;
  EXPECT_TRUE(seal_stream(key, ad, in, out));
  return out.str();
}

base::Result<std::string> opened(const SecretKey& key, const std::string& sealed,
                                 const std::string& ad = "hdr") {
  std::istringstream in(sealed);
  std::ostringstream out;
  ATTUNE_TRY(open_stream(key, ad, in, out));
  return out.str();
}

std::string pattern(std::size_t size) {
  std::string text(size, '\0');
  for (std::size_t i = 0; i < size; ++i) text[i] = static_cast<char>('a' + i % 23);
  return text;
}

TEST(StreamSeal, RoundTripsEmptyShortAndChunkBoundarySizes) {
  const SecretKey key = SecretKey::random();
  for (std::size_t size : {std::size_t{0}, std::size_t{1}, kStreamChunkBytes - 1, kStreamChunkBytes,
                           kStreamChunkBytes + 1, 3 * kStreamChunkBytes}) {
    const std::string plain = pattern(size);
    auto back = opened(key, sealed_of(key, plain));
    ASSERT_TRUE(back) << size;
    EXPECT_EQ(*back, plain) << size;
  }
}

TEST(StreamSeal, SealedTextDoesNotContainThePlaintext) {
  const SecretKey key = SecretKey::random();
  const std::string sealed = sealed_of(key, "a recognisable secret sentence");
  EXPECT_EQ(sealed.find("recognisable"), std::string::npos);
}

TEST(StreamSeal, RefusesTruncationAtAChunkBoundary) {
  const SecretKey key = SecretKey::random();
  const std::string sealed = sealed_of(key, pattern(2 * kStreamChunkBytes + 10));
  // Header (24) plus the first full chunk: a file cut right after a non-final chunk.
  const std::size_t first_chunk_end = 24 + kStreamChunkBytes + 17;
  EXPECT_EQ(base::code_name(opened(key, sealed.substr(0, first_chunk_end)).error().code),
            "invalid_field");
  EXPECT_FALSE(opened(key, sealed.substr(0, sealed.size() - 1)));
  EXPECT_FALSE(opened(key, sealed.substr(0, 10)));
}

TEST(StreamSeal, RefusesEditsAppendedBytesOtherKeysAndOtherAssociatedData) {
  const SecretKey key = SecretKey::random();
  const std::string sealed = sealed_of(key, pattern(kStreamChunkBytes + 5));
  std::string edited = sealed;
  edited[edited.size() - 3] ^= 0x20;
  EXPECT_FALSE(opened(key, edited));
  EXPECT_FALSE(opened(key, sealed + "x"));
  EXPECT_FALSE(opened(SecretKey::random(), sealed));
  EXPECT_FALSE(opened(key, sealed, "another header"));
  EXPECT_TRUE(opened(key, sealed));
}

// A stream of exactly one or two full chunks ends in a full final chunk: bytes appended
// after it must be refused as well.
TEST(StreamSeal, RefusesBytesAppendedAfterAFullFinalChunk) {
  const SecretKey key = SecretKey::random();
  for (const std::size_t size : {kStreamChunkBytes, 2 * kStreamChunkBytes}) {
    const std::string sealed = sealed_of(key, pattern(size));
    EXPECT_TRUE(opened(key, sealed)) << size;
    EXPECT_FALSE(opened(key, sealed + "x")) << size;
    EXPECT_FALSE(opened(key, sealed + std::string(kStreamChunkBytes + 17, 'x'))) << size;
  }
}

}  // namespace
}  // namespace attune::crypto
