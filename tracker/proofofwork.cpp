// SPDX-License-Identifier: GPL-3.0-or-later
#include "proofofwork.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <sodium.h>

#include <cstring>

namespace lux::tracker {

namespace {

// The challenge's bytes before base64url: version, expiry (ms, big-endian), difficulty, a random
// nonce, the first bytes of SHA-256(slug), then the first 16 bytes of HMAC-SHA256 over all that.
constexpr quint8 kVersion = 1;
constexpr int kNonce = 12, kSlugHash = 8, kMac = 16;
constexpr int kSigned = 1 + 8 + 1 + kNonce + kSlugHash;
constexpr int kTotal = kSigned + kMac;

QByteArray slugHash(QStringView slug)
{
    return QCryptographicHash::hash(slug.toUtf8(), QCryptographicHash::Sha256).left(kSlugHash);
}

} // namespace

ProofOfWork::ProofOfWork()
{
    randombytes_buf(m_key.data(), m_key.size());
}

QByteArray ProofOfWork::challenge(QStringView slug, int difficulty, qint64 now) const
{
    QByteArray raw(kSigned, Qt::Uninitialized);
    auto *p = reinterpret_cast<unsigned char *>(raw.data());
    p[0] = kVersion;
    qToBigEndian<qint64>(now + kLifetimeMs, p + 1);
    p[9] = quint8(difficulty);
    randombytes_buf(p + 10, kNonce);
    std::memcpy(p + 10 + kNonce, slugHash(slug).constData(), kSlugHash);
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256(mac, p, kSigned, m_key.data());
    raw.append(reinterpret_cast<const char *>(mac), kMac);
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

int ProofOfWork::zeroBits(QByteArrayView challenge, QByteArrayView nonce)
{
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char *>(challenge.data()), size_t(challenge.size()));
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char *>(":"), 1);
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char *>(nonce.data()), size_t(nonce.size()));
    crypto_hash_sha256_final(&st, hash);
    int bits = 0;
    for (unsigned char byte : hash) {
        if (byte == 0) {
            bits += 8;
            continue;
        }
        for (int b = 7; b >= 0 && !(byte & (1 << b)); --b)
            ++bits;
        break;
    }
    return bits;
}

QByteArray ProofOfWork::solve(QByteArrayView challenge, int difficulty)
{
    for (quint64 n = 0;; ++n) {
        const QByteArray nonce = QByteArray::number(n);
        if (zeroBits(challenge, nonce) >= difficulty)
            return nonce;
    }
}

ProofOfWork::Verdict ProofOfWork::check(QByteArrayView challenge, QByteArrayView nonce, QStringView slug, int difficulty, qint64 now,
                                        bool requireWork)
{
    if (challenge.isEmpty() || (requireWork && nonce.isEmpty()))
        return Verdict::Missing;
    if (challenge.size() > 128 || nonce.size() > 20)
        return Verdict::Malformed;
    for (char ch : nonce)
        if (ch < '0' || ch > '9')
            return Verdict::Malformed;
    const auto decoded = QByteArray::fromBase64Encoding(challenge.toByteArray(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != kTotal)
        return Verdict::Malformed;
    const auto *p = reinterpret_cast<const unsigned char *>(decoded.decoded.constData());
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256(mac, p, kSigned, m_key.data());
    if (p[0] != kVersion || sodium_memcmp(mac, p + kSigned, kMac) != 0)
        return Verdict::Forged;
    if (std::memcmp(p + 10 + kNonce, slugHash(slug).constData(), kSlugHash) != 0)
        return Verdict::WrongForm;
    const qint64 expires = qFromBigEndian<qint64>(p + 1);
    if (now >= expires)
        return Verdict::Expired;
    const int asked = p[9];
    if (asked < difficulty) // the form asks for more now than when the page was served
        return Verdict::TooEasy;
    if (requireWork && zeroBits(challenge, nonce) < asked)
        return Verdict::Insufficient;
    const std::string key(reinterpret_cast<const char *>(p + 10), kNonce);
    constexpr qint64 kMinute = 60'000;
    std::lock_guard lock(m_mutex);
    while (!m_spent.empty() && m_spent.begin()->first * kMinute + kMinute <= now) {
        m_spentCount -= m_spent.begin()->second.size();
        m_spent.erase(m_spent.begin());
    }
    for (const auto &[minute, keys] : m_spent)
        if (keys.contains(key))
            return Verdict::Spent;
    if (m_spentCount >= kMaxSpent) // a flood of valid challenges: refuse rather than forget what was spent
        return Verdict::Spent;
    m_spent[expires / kMinute].insert(key);
    ++m_spentCount;
    return Verdict::Valid;
}

} // namespace lux::tracker
