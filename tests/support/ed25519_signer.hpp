#pragma once
// An Ed25519 key made with OpenSSL for tests that sign what the Centre would
// sign (the central profile, staff cards), raw or in base64 as the API sends it.

#include <string>
#include <string_view>

#include <openssl/evp.h>
#include <openssl/pem.h>

namespace kiosk::test_support {

class Ed25519Signer {
 public:
  Ed25519Signer() {
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr);
    EVP_PKEY_keygen_init(ctx);
    EVP_PKEY_keygen(ctx, &m_key);
    EVP_PKEY_CTX_free(ctx);
  }
  ~Ed25519Signer() { EVP_PKEY_free(m_key); }
  Ed25519Signer(const Ed25519Signer&) = delete;
  Ed25519Signer& operator=(const Ed25519Signer&) = delete;

  /// The 64-byte signature of `message`.
  std::string sign(std::string_view message) const {
    std::string sig(64, '\0');
    std::size_t len = sig.size();
    EVP_MD_CTX* md = EVP_MD_CTX_new();
    EVP_DigestSignInit(md, nullptr, nullptr, nullptr, m_key);
    EVP_DigestSign(md, reinterpret_cast<unsigned char*>(sig.data()), &len,
                   reinterpret_cast<const unsigned char*>(message.data()), message.size());
    EVP_MD_CTX_free(md);
    return sig;
  }
  /// The 32 raw public key bytes.
  std::string raw_public() const {
    std::string raw(32, '\0');
    std::size_t len = raw.size();
    EVP_PKEY_get_raw_public_key(m_key, reinterpret_cast<unsigned char*>(raw.data()), &len);
    return raw;
  }
  /// The public key as a PEM "PUBLIC KEY" block.
  std::string pem_public() const {
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, m_key);
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    std::string pem(data, static_cast<std::size_t>(n));
    BIO_free(bio);
    return pem;
  }
  /// base64 of sign(message).
  std::string sign_b64(std::string_view message) const { return base64(sign(message)); }
  /// base64 of the raw public key, as [api] profile_pubkey holds it.
  std::string public_b64() const { return base64(raw_public()); }

  static std::string base64(std::string_view bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data()),
                                  static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
  }

 private:
  EVP_PKEY* m_key = nullptr;
};

}  // namespace kiosk::test_support
