// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace lux {

// Argon2id through libsodium's crypto_pwhash_str at the "interactive" cost (64 MiB, 2 passes).
// Both calls take about a tenth of a second on purpose: keep them off the GUI thread.
class PasswordHasher
{
public:
    static QString hash(const QString &password);
    static bool verify(const QString &encodedHash, const QString &password);
    static bool needsRehash(const QString &encodedHash);

    // A hash of nothing anyone knows, verified against when the account does not exist so that
    // the answer takes the same time either way.
    static const QString &decoyHash();

    // Random bytes, URL-safe base64 without padding.
    static QString randomToken(int bytes = 32);
    // BLAKE2b-256 of a token, hex: what the database keeps of remember-me tokens.
    static QString tokenDigest(const QString &token);
    static bool constantTimeEquals(const QByteArray &a, const QByteArray &b);
};

} // namespace lux
