// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"
#include "users/passwordhasher.h"

#include <QSet>
#include <QTest>

using namespace lux;

class TestPasswordHasher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hashIsArgon2idAndSalted();
    void verifiesUnicodePasswords();
    void rejectsMalformedHashes();
    void tokensAreRandomAndUrlSafe();
    void digestIsStableHex();
    void constantTimeEquals();
};

void TestPasswordHasher::hashIsArgon2idAndSalted()
{
    const QString a = PasswordHasher::hash(QStringLiteral("same password"));
    const QString b = PasswordHasher::hash(QStringLiteral("same password"));
    QVERIFY(a.startsWith(QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$")));
    QVERIFY(a != b); // each hash has its own salt
    QVERIFY(PasswordHasher::verify(a, QStringLiteral("same password")));
    QVERIFY(PasswordHasher::verify(b, QStringLiteral("same password")));
}

void TestPasswordHasher::verifiesUnicodePasswords()
{
    const QString pw = QStringLiteral("contraseña-ünïcødé-密码");
    const QString h = PasswordHasher::hash(pw);
    QVERIFY(PasswordHasher::verify(h, pw));
    QVERIFY(!PasswordHasher::verify(h, QStringLiteral("contrasena-unicode-密码")));
}

void TestPasswordHasher::rejectsMalformedHashes()
{
    QVERIFY(!PasswordHasher::verify(QString(), QStringLiteral("x")));
    QVERIFY(!PasswordHasher::verify(QStringLiteral("$argon2id$garbage"), QStringLiteral("x")));
    QVERIFY(!PasswordHasher::verify(PasswordHasher::decoyHash(), QString()));
}

void TestPasswordHasher::tokensAreRandomAndUrlSafe()
{
    QSet<QString> seen;
    for (int i = 0; i < 200; ++i) {
        const QString t = PasswordHasher::randomToken(32);
        QCOMPARE(t.size(), 43); // 32 bytes, base64url without padding
        for (const QChar c : t)
            QVERIFY(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_'));
        seen.insert(t);
    }
    QCOMPARE(seen.size(), 200);
}

void TestPasswordHasher::digestIsStableHex()
{
    const QString d = PasswordHasher::tokenDigest(QStringLiteral("abc"));
    QCOMPARE(d.size(), 64);
    QCOMPARE(d, PasswordHasher::tokenDigest(QStringLiteral("abc")));
    QVERIFY(d != PasswordHasher::tokenDigest(QStringLiteral("abd")));
    // BLAKE2b-256("abc"), RFC 7693 test vector family.
    QCOMPARE(d, QStringLiteral("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"));
}

void TestPasswordHasher::constantTimeEquals()
{
    QVERIFY(PasswordHasher::constantTimeEquals("abcdef", "abcdef"));
    QVERIFY(!PasswordHasher::constantTimeEquals("abcdef", "abcdeg"));
    QVERIFY(!PasswordHasher::constantTimeEquals("abc", "abcd"));
}

LUX_TEST_MAIN(TestPasswordHasher, QCoreApplication)
#include "tst_passwordhasher.moc"
