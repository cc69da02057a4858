// SPDX-License-Identifier: GPL-3.0-or-later
#include "shortlink.h"
#include "tracking/varint.h"

#include <sodium.h>

namespace lux::tracking {

namespace {

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
// Signed ahead of the numbers: an email token's bytes can never be a short code's.
constexpr char kLabel[] = "lux/sms-link/1";

QByteArray body(quint64 campaign, quint64 recipient, quint32 link)
{
    QByteArray out;
    putVarint(out, campaign);
    putVarint(out, recipient);
    putVarint(out, link);
    return out;
}

QByteArray mac(const QByteArray &key, QByteArrayView numbers, int bytes)
{
    unsigned char out[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char *>(key.constData()), size_t(key.size()));
    crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char *>(kLabel), sizeof kLabel - 1);
    crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char *>(numbers.data()), size_t(numbers.size()));
    crypto_auth_hmacsha256_final(&st, out);
    return QByteArray(reinterpret_cast<const char *>(out), bytes);
}

} // namespace

bool ShortLinkCodec::fits(quint64 campaign, quint64 recipient, quint32 link)
{
    return campaign > 0 && link > 0 && body(campaign, recipient, link).size() <= kRawBytes - kMinMacBytes;
}

QString ShortLinkCodec::sign(quint64 campaign, quint64 recipient, quint32 link) const
{
    const QByteArray *key = m_keys.key(m_keys.signingId());
    if (!key || !fits(campaign, recipient, link))
        return {};
    QByteArray raw = body(campaign, recipient, link);
    raw += mac(*key, raw, kRawBytes - int(raw.size()));
    return QString::fromLatin1(raw.toBase64(kBase64Url));
}

std::optional<Claims> ShortLinkCodec::verify(QByteArrayView code) const
{
    if (code.size() != kChars)
        return std::nullopt;
    for (char c : code)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return std::nullopt;
    // 20 characters are exactly 15 bytes: no padding bits, so every code has one decoding.
    const auto decoded = QByteArray::fromBase64Encoding(code.toByteArray(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != kRawBytes)
        return std::nullopt;
    const QByteArray &raw = decoded.decoded;
    Claims c;
    c.purpose = Purpose::Click;
    qsizetype pos = 0;
    quint64 link = 0;
    if (!getVarint(raw, pos, c.campaign) || !getVarint(raw, pos, c.recipient) || !getVarint(raw, pos, link) || link > 0xffffffffu)
        return std::nullopt;
    c.link = quint32(link);
    const int macBytes = kRawBytes - int(pos);
    if (macBytes < kMinMacBytes || c.campaign == 0 || c.link == 0)
        return std::nullopt;
    const QByteArrayView numbers(raw.constData(), pos);
    bool ok = false;
    for (quint8 id : m_keys.ids()) { // every key, whatever matched: the time says nothing of which
        const QByteArray expected = mac(*m_keys.key(id), numbers, macBytes);
        if (sodium_memcmp(expected.constData(), raw.constData() + pos, size_t(macBytes)) == 0) {
            ok = true;
            c.keyId = id;
        }
    }
    if (!ok)
        return std::nullopt;
    return c;
}

} // namespace lux::tracking
