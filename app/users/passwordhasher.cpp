// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordhasher.h"

#include <sodium.h>

#include <mutex>

namespace lux {

namespace {

void ensureSodium()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0)
            qFatal("libsodium could not be initialised");
    });
}

} // namespace

QString PasswordHasher::hash(const QString &password)
{
    ensureSodium();
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        qFatal("Out of memory while hashing a password");
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &encodedHash, const QString &password)
{
    ensureSodium();
    const QByteArray stored = encodedHash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size()))
           == 0;
}

bool PasswordHasher::needsRehash(const QString &encodedHash)
{
    ensureSodium();
    const QByteArray stored = encodedHash.toLatin1();
    return crypto_pwhash_str_needs_rehash(stored.constData(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                          crypto_pwhash_MEMLIMIT_INTERACTIVE)
           != 0;
}

const QString &PasswordHasher::decoyHash()
{
    static const QString decoy = hash(randomToken(24));
    return decoy;
}

QString PasswordHasher::randomToken(int bytes)
{
    ensureSodium();
    QByteArray raw(bytes, Qt::Uninitialized);
    randombytes_buf(raw.data(), static_cast<size_t>(raw.size()));
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString PasswordHasher::tokenDigest(const QString &token)
{
    ensureSodium();
    const QByteArray in = token.toUtf8();
    unsigned char out[crypto_generichash_BYTES];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char *>(in.constData()),
                       static_cast<unsigned long long>(in.size()), nullptr, 0);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(out), sizeof out).toHex());
}

bool PasswordHasher::constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    ensureSodium();
    return a.size() == b.size() && sodium_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}

} // namespace lux
