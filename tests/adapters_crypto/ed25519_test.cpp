// Ed25519 checks against signatures made here with the openssl tool's
// library: a valid one holds, a changed message or signature or another key
// does not, and PEM and raw keys both load.

#include <memory>

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "adapters/crypto/ed25519.hpp"

namespace kiosk::crypto {
namespace {

struct Signer {
  Signer() {
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr);
    EVP_PKEY_keygen_init(ctx);
    EVP_PKEY_keygen(ctx, &key);
    EVP_PKEY_CTX_free(ctx);
  }
  ~Signer() { EVP_PKEY_free(key); }
  std::string sign(std::string_view message) const {
    std::string sig(64, '\0');
    std::size_t len = sig.size();
    EVP_MD_CTX* md = EVP_MD_CTX_new();
    EVP_DigestSignInit(md, nullptr, nullptr, nullptr, key);
    EVP_DigestSign(md, reinterpret_cast<unsigned char*>(sig.data()), &len,
                   reinterpret_cast<const unsigned char*>(message.data()), message.size());
    EVP_MD_CTX_free(md);
    return sig;
  }
  std::string raw_public() const {
    std::string raw(32, '\0');
    std::size_t len = raw.size();
    EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char*>(raw.data()), &len);
    return raw;
  }
  std::string pem_public() const {
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, key);
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    std::string pem(data, static_cast<std::size_t>(n));
    BIO_free(bio);
    return pem;
  }
  EVP_PKEY* key = nullptr;
};

TEST(Ed25519, AValidSignatureHoldsWithARawOrPemKey) {
  const Signer s;
  const std::string msg = "[session]\nsession_ids = [\"pgd-20261228-bdxn\"]\n";
  const std::string sig = s.sign(msg);
  EXPECT_TRUE(ed25519_verify(s.raw_public(), msg, sig));
  EXPECT_TRUE(ed25519_verify(s.pem_public(), msg, sig));
}

TEST(Ed25519, ATamperedMessageOrSignatureOrAnotherKeyFails) {
  const Signer s;
  const Signer other;
  const std::string msg = "staff:slot-3:2026-12-31";
  std::string sig = s.sign(msg);
  EXPECT_FALSE(ed25519_verify(s.raw_public(), "staff:slot-3:2027-12-31", sig));
  EXPECT_FALSE(ed25519_verify(other.raw_public(), msg, sig));
  sig[10] = static_cast<char>(sig[10] ^ 0x01);
  EXPECT_FALSE(ed25519_verify(s.raw_public(), msg, sig));
  EXPECT_FALSE(ed25519_verify(s.raw_public(), msg, sig.substr(0, 63)));
  EXPECT_FALSE(ed25519_verify("not a key", msg, s.sign(msg)));
}

TEST(Base64, DecodesStandardAndUrlAlphabetsAndRejectsOthers) {
  EXPECT_EQ(*base64_decode("aGVsbG8="), "hello");
  EXPECT_EQ(*base64_decode("aGVsbG8"), "hello");
  EXPECT_EQ(*base64_decode("-_8"), std::string("\xfb\xff", 2));
  EXPECT_FALSE(base64_decode("aGVs*G8="));
}

}  // namespace
}  // namespace kiosk::crypto
