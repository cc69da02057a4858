// SPDX-License-Identifier: GPL-3.0-or-later
#include "token.h"
#include "tracking/varint.h"

#include "common/errorcodes.h"

#include <QRegularExpression>

#include <sodium.h>

#include <algorithm>
#include <limits>

namespace lux::tracking {

namespace {

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray mac(const QByteArray &key, QByteArrayView message)
{
    unsigned char out[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char *>(key.constData()), size_t(key.size()));
    crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char *>(message.data()), size_t(message.size()));
    crypto_auth_hmacsha256_final(&st, out);
    return QByteArray(reinterpret_cast<const char *>(out), TokenCodec::kMacBytes);
}

bool isBase64UrlChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

} // namespace

Language languageFromTag(QStringView tag)
{
    const QString t = tag.trimmed().toString().toLower();
    if (t.isEmpty())
        return Language::Unknown;
    // A code, alone or with a region or script ("es", "es-MX", "es_419", "en-GB"), or a name, alone
    // or followed by a region ("Spanish (Mexico)").
    static const QRegularExpression separator(QStringLiteral("[-_.@ (]"));
    const QString primary = t.section(separator, 0, 0);
    if (primary == QLatin1String("en") || primary == QLatin1String("eng") || primary == QLatin1String("english")
        || primary == QStringLiteral("inglés") || primary == QLatin1String("ingles"))
        return Language::English;
    if (primary == QLatin1String("es") || primary == QLatin1String("spa") || primary == QLatin1String("spanish")
        || primary == QStringLiteral("español") || primary == QLatin1String("espanol") || primary == QLatin1String("castellano"))
        return Language::Spanish;
    return Language::Unknown;
}

QString languageCode(Language language)
{
    switch (language) {
    case Language::English:
        return QStringLiteral("en");
    case Language::Spanish:
        return QStringLiteral("es");
    case Language::Unknown:
        break;
    }
    return {};
}

Result<KeyRing> KeyRing::parse(const QByteArray &text)
{
    KeyRing ring;
    bool first = true;
    int lineNo = 0;
    for (QByteArray line : text.split('\n')) {
        ++lineNo;
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> parts = line.simplified().split(' ');
        bool ok = false;
        const uint id = parts.size() == 2 ? parts[0].toUInt(&ok) : 0;
        if (!ok || id > 255)
            return Error(errc::trackingKeys,
                         tr("Line %1 of the signing keys is not “<id 0–255> <key>”.").arg(lineNo));
        const auto decoded = QByteArray::fromBase64Encoding(parts[1], QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.size() != kKeyBytes)
            return Error(errc::trackingKeys,
                         tr("Line %1 of the signing keys: the key must be %2 bytes in base64url.").arg(lineNo).arg(kKeyBytes));
        if (ring.m_keys.contains(quint8(id)))
            return Error(errc::trackingKeys, tr("Line %1 of the signing keys repeats key id %2.").arg(lineNo).arg(id));
        ring.m_keys.insert(quint8(id), decoded.decoded);
        if (first)
            ring.m_signing = quint8(id);
        first = false;
    }
    if (ring.m_keys.isEmpty())
        return Error(errc::trackingKeys, tr("There is no signing key."));
    return ring;
}

QByteArray KeyRing::generate(quint8 id)
{
    if (sodium_init() < 0)
        qFatal("libsodium cannot initialise");
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    randombytes_buf(key.data(), size_t(key.size()));
    return QByteArray::number(id) + ' ' + key.toBase64(kBase64Url) + '\n';
}

Result<QByteArray> KeyRing::rotate(const QByteArray &text, quint8 id)
{
    const auto ring = parse(text);
    if (!ring)
        return ring.error();
    if (ring->m_keys.contains(id))
        return Error(errc::trackingKeys, tr("Key id %1 is already in use.").arg(id));
    return generate(id) + text;
}

Result<QByteArray> KeyRing::addKey(const QByteArray &text)
{
    if (text.trimmed().isEmpty())
        return generate(1);
    const auto ring = parse(text);
    if (!ring)
        return ring.error();
    const quint8 last = ring->m_keys.lastKey();
    if (last == 255)
        return Error(errc::trackingKeys, tr("Every key id up to 255 is used: retire old keys first."));
    return rotate(text, quint8(last + 1));
}

const QByteArray *KeyRing::key(quint8 id) const
{
    const auto it = m_keys.constFind(id);
    return it == m_keys.constEnd() ? nullptr : &*it;
}

QString TokenCodec::sign(const Claims &claims) const
{
    const QByteArray *key = m_keys.key(m_keys.signingId());
    Q_ASSERT(key);
    if (!key)
        return {};
    QByteArray body;
    body.reserve(40);
    const bool withLanguage = claims.language != Language::Unknown;
    body.append(char(withLanguage ? kVersionWithLanguage : kVersion));
    body.append(char(m_keys.signingId()));
    body.append(char(claims.purpose));
    putVarint(body, claims.campaign);
    putVarint(body, claims.recipient);
    putVarint(body, claims.link);
    if (withLanguage)
        body.append(char(claims.language));
    body.append(mac(*key, body));
    return QString::fromLatin1(body.toBase64(kBase64Url));
}

std::optional<Claims> TokenCodec::verify(QByteArrayView token, Purpose expected) const
{
    if (token.isEmpty() || token.size() > kMaxChars)
        return std::nullopt;
    for (char c : token)
        if (!isBase64UrlChar(c))
            return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(token.toByteArray(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QByteArray &raw = decoded.decoded;
    // The shortest possible: 3 header bytes, three one-byte varints, the language byte of version 2,
    // the MAC.
    if (raw.isEmpty())
        return std::nullopt;
    const quint8 version = quint8(raw[0]);
    if (version != kVersion && version != kVersionWithLanguage)
        return std::nullopt;
    const bool withLanguage = version == kVersionWithLanguage;
    if (raw.size() < 6 + (withLanguage ? 1 : 0) + kMacBytes)
        return std::nullopt;
    // A token that would not re-encode to the same text (non-canonical base64 tail bits) is refused.
    if (raw.toBase64(kBase64Url) != token)
        return std::nullopt;
    Claims c;
    c.keyId = quint8(raw[1]);
    const quint8 purpose = quint8(raw[2]);
    if (purpose != quint8(expected))
        return std::nullopt;
    c.purpose = expected;
    const QByteArrayView body(raw.constData(), raw.size() - kMacBytes);
    qsizetype pos = 3;
    quint64 link = 0;
    if (!getVarint(body, pos, c.campaign) || !getVarint(body, pos, c.recipient) || !getVarint(body, pos, link)
        || link > 0xffffffffu)
        return std::nullopt;
    if (withLanguage) {
        // Never 0: a token without a language is version 1, so one set of claims has one token.
        if (pos >= body.size() || quint8(body[pos]) == 0)
            return std::nullopt;
        c.language = Language(quint8(body[pos++]));
    }
    if (pos != body.size())
        return std::nullopt;
    if (isAnonymous(expected) && c.recipient != 0) // an anonymous token names nobody
        return std::nullopt;
    c.link = quint32(link);
    const QByteArray *key = m_keys.key(c.keyId);
    if (!key)
        return std::nullopt;
    const QByteArray expectedMac = mac(*key, body);
    if (sodium_memcmp(expectedMac.constData(), raw.constData() + body.size(), kMacBytes) != 0)
        return std::nullopt;
    return c;
}

QString TokenCodec::signMedia(quint64 mediaId, qint64 expiresAtSecs) const
{
    Q_ASSERT(mediaId > 0 && expiresAtSecs > 0);
    return sign(Claims{.purpose = Purpose::Media, .campaign = mediaId, .recipient = quint64(std::max<qint64>(expiresAtSecs, 0))});
}

std::optional<MediaClaims> TokenCodec::verifyMedia(QByteArrayView token) const
{
    const auto claims = verify(token, Purpose::Media);
    // A picture has no link and no language; the expiry fits a qint64.
    if (!claims || claims->campaign == 0 || claims->recipient == 0 || claims->recipient > quint64(std::numeric_limits<qint64>::max())
        || claims->link != 0 || claims->language != Language::Unknown)
        return std::nullopt;
    return MediaClaims{.id = claims->campaign, .expiresAt = qint64(claims->recipient), .keyId = claims->keyId};
}

} // namespace lux::tracking
