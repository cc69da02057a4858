// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringView>

#include <optional>

namespace lux::tracking {

// What a token is for. Part of what is signed: an open token can never unsubscribe.
// The anonymous purposes count a campaign's opens and clicks without saying whose: their recipient is
// always 0 (verify() refuses any other), which a test send's open or click token (Open or Click with
// recipient 0) cannot be taken for.
enum class Purpose : quint8 {
    Open = 1,
    Click = 2,
    Unsubscribe = 3,
    AnonymousOpen = 4,
    AnonymousClick = 5,
    Ticket = 6, // an event's ticket: campaign is the event, recipient the registration (events/ticket.h)
    // lux-tracker's links for a registration (docs/EVENTS.md): campaign is the event, recipient the
    // tracker's registration id. GET shows a button; only the POST acts.
    RegistrationConfirm = 7,
    RegistrationCancel = 8,
    // A picture lux-tracker hosts for a social post (/m/<token>, docs/tracker.md): campaign is the
    // tracker's media id, recipient when the address stops working (Unix seconds), link 0. Signed
    // and checked through TokenCodec::signMedia() and verifyMedia(), never by hand.
    Media = 9,
};

// Whether tokens of this purpose name nobody (AnonymousOpen, AnonymousClick).
constexpr bool isAnonymous(Purpose p)
{
    return p == Purpose::AnonymousOpen || p == Purpose::AnonymousClick;
}

// The recipient's language, so lux-tracker can show its unsubscribe page in it: one byte, an index
// into this fixed table (never reordered; new languages take the next number). Unknown (0) says
// nothing and is what every version-1 token carries; lux-tracker shows English for it and for any
// number it has no page for (a token from a newer app).
enum class Language : quint8 {
    Unknown = 0,
    English = 1, // "en"
    Spanish = 2, // "es"
};

// The table entry for a contact's language as people type it: a code ("es", "es-MX", "en_GB"), the
// English name or the language's own ("Spanish", "español", "English"); case and spaces do not
// matter. Anything else is Unknown.
Language languageFromTag(QStringView tag);
// "en", "es"; "" for Unknown and numbers not in the table.
QString languageCode(Language language);

// What a token says: which campaign's message to which recipient (the outbox row), and which link.
struct Claims
{
    Purpose purpose = Purpose::Open;
    quint64 campaign = 0;
    quint64 recipient = 0;
    quint32 link = 0; // 0 for opens and unsubscribes
    quint8 keyId = 0; // filled in by verify(); sign() uses the ring's signing key
    Language language = Language::Unknown; // the page's language; any value verify() accepted

    bool operator==(const Claims &) const = default;
};

// What a media token (Purpose::Media) says: which picture, and until when its address works.
struct MediaClaims
{
    quint64 id = 0;        // the tracker's media id (never reused, so an old address never shows a new picture)
    qint64 expiresAt = 0;  // Unix seconds; the address works while now <= expiresAt
    quint8 keyId = 0;

    bool expired(qint64 nowSecs) const { return nowSecs > expiresAt; }
    // Seconds the address still works at `nowSecs` (0 once expired): a cache may keep it this long.
    qint64 secondsLeft(qint64 nowSecs) const { return expired(nowSecs) ? 0 : expiresAt - nowSecs; }
};

// The signing keys: several accepted (rotation), one signs. Kept as text, one key a line,
// "<id> <base64url of 32 bytes>", the first line signing; '#' starts a comment. The app keeps this
// text in the keychain, lux-tracker reads it from a file or LUX_SECRET_TRACKING_KEYS.
class KeyRing
{
    Q_DECLARE_TR_FUNCTIONS(lux::tracking::KeyRing)
public:
    static constexpr int kKeyBytes = 32;

    static Result<KeyRing> parse(const QByteArray &text);
    // A new ring text holding one fresh random key with the given id.
    static QByteArray generate(quint8 id = 1);
    // `text` with a fresh key `id` put first (it signs from now on); the others are still accepted.
    static Result<QByteArray> rotate(const QByteArray &text, quint8 id);
    // A new signing key: the first ring (id 1) when `text` is empty, else rotate() with the next id.
    static Result<QByteArray> addKey(const QByteArray &text);

    bool isEmpty() const { return m_keys.isEmpty(); }
    quint8 signingId() const { return m_signing; }
    const QByteArray *key(quint8 id) const;
    QList<quint8> ids() const { return m_keys.keys(); }

private:
    QMap<quint8, QByteArray> m_keys;
    quint8 m_signing = 0;
};

// Compact, URL-safe tokens: base64url (no padding) of version, key id, purpose, the three numbers as
// varints, and the first 16 bytes of HMAC-SHA256 over all of that. Typically 27 to 34 characters.
// Version 2 is the same with one language byte (Language, never 0) after the numbers, before the
// MAC; sign() writes it only when the claims carry a language, so a token without one is still
// version 1, byte for byte, and every version-1 token already sent still verifies.
class TokenCodec
{
public:
    static constexpr quint8 kVersion = 1;
    static constexpr quint8 kVersionWithLanguage = 2;
    static constexpr int kMacBytes = 16;
    static constexpr int kMaxChars = 64;

    explicit TokenCodec(KeyRing keys) : m_keys(std::move(keys)) {}

    QString sign(const Claims &claims) const;
    // The claims of a well-formed token signed by a key of the ring, for the purpose expected;
    // std::nullopt for anything else (truncated, forged, unknown key, other purpose, trailing bytes).
    // The MAC is compared in constant time.
    std::optional<Claims> verify(QByteArrayView token, Purpose expected) const;

    // A hosted picture's token: the app signs it, lux-tracker checks it, with this one definition.
    // std::nullopt from verifyMedia() for anything verify() refuses, and for a media token that does
    // not fit (id 0, no expiry, a link): an expired one verifies, and the caller says 410, not 404.
    QString signMedia(quint64 mediaId, qint64 expiresAtSecs) const;
    std::optional<MediaClaims> verifyMedia(QByteArrayView token) const;

    const KeyRing &keys() const { return m_keys; }

private:
    KeyRing m_keys;
};

} // namespace lux::tracking
