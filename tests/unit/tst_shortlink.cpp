// SPDX-License-Identifier: GPL-3.0-or-later
// SMS short-link codes (app/edge/tracking/shortlink): always 20 characters (a 23-character path),
// round trips over the range of numbers, every tampered character refused, other keys refused,
// rotation, and no confusion with email tokens.
#include "tracking/shortlink.h"

#include <QTest>

using namespace lux::tracking;

namespace {
KeyRing ring(const QByteArray &text)
{
    auto keys = KeyRing::parse(text);
    if (!keys)
        qFatal("bad test ring");
    return *keys;
}
} // namespace

class TestShortLink : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void tooLargeHasNoCode();
    void everyTamperedCharacterIsRefused();
    void otherKeysAndRotation();
    void malformedIsRefused();
    void emailTokensAreNotCodes();
};

void TestShortLink::roundTrip_data()
{
    QTest::addColumn<quint64>("campaign");
    QTest::addColumn<quint64>("recipient");
    QTest::addColumn<quint32>("link");
    QTest::newRow("small") << quint64(1) << quint64(1) << quint32(1);
    QTest::newRow("test send") << quint64(7) << quint64(0) << quint32(2);
    QTest::newRow("typical") << quint64(1234) << quint64(987'654) << quint32(3);
    QTest::newRow("many recipients") << quint64(16'000) << quint64(200'000'000) << quint32(12);
    QTest::newRow("old campaign, huge outbox") << quint64(2'000'000) << quint64(30'000'000'000) << quint32(1);
    QTest::newRow("many links") << quint64(50) << quint64(1'000'000) << quint32(100'000);
}

void TestShortLink::roundTrip()
{
    QFETCH(quint64, campaign);
    QFETCH(quint64, recipient);
    QFETCH(quint32, link);
    const ShortLinkCodec codec(ring(KeyRing::generate(3)));
    QVERIFY(ShortLinkCodec::fits(campaign, recipient, link));
    const QString code = codec.sign(campaign, recipient, link);
    QCOMPARE(code.size(), ShortLinkCodec::kChars);
    QVERIFY(QStringLiteral("/s/").size() + code.size() <= 24); // the budget after the host
    for (QChar c : code)
        QVERIFY2(c.isLetterOrNumber() || c == u'-' || c == u'_', qPrintable(code));
    const auto claims = codec.verify(code.toLatin1());
    QVERIFY(claims);
    QCOMPARE(claims->campaign, campaign);
    QCOMPARE(claims->recipient, recipient);
    QCOMPARE(claims->link, link);
    QCOMPARE(claims->purpose, Purpose::Click);
    QCOMPARE(claims->keyId, quint8(3));
    // One code per claim: signing again gives the same text; a neighbour gives another.
    QCOMPARE(codec.sign(campaign, recipient, link), code);
    QVERIFY(codec.sign(campaign, recipient + 1, link) != code);
}

void TestShortLink::tooLargeHasNoCode()
{
    const ShortLinkCodec codec(ring(KeyRing::generate()));
    QVERIFY(!ShortLinkCodec::fits(3'000'000, 300'000'000'000, 1));
    QVERIFY(codec.sign(3'000'000, 300'000'000'000, 1).isEmpty());
    QVERIFY(codec.sign(0, 5, 1).isEmpty()); // no campaign
    QVERIFY(codec.sign(5, 5, 0).isEmpty()); // no link
}

void TestShortLink::everyTamperedCharacterIsRefused()
{
    const ShortLinkCodec codec(ring(KeyRing::generate()));
    const QByteArray code = codec.sign(42, 4242, 2).toLatin1();
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int refused = 0;
    for (qsizetype i = 0; i < code.size(); ++i)
        for (const char *a = alphabet; *a; ++a) {
            if (*a == code[i])
                continue;
            QByteArray t = code;
            t[i] = *a;
            const auto claims = codec.verify(t);
            QVERIFY2(!claims, t.constData());
            ++refused;
        }
    QCOMPARE(refused, 20 * 63);
}

void TestShortLink::otherKeysAndRotation()
{
    const QByteArray oldRing = KeyRing::generate(1);
    const QString code = ShortLinkCodec(ring(oldRing)).sign(9, 99, 1);
    QVERIFY(!ShortLinkCodec(ring(KeyRing::generate(1))).verify(code.toLatin1())); // another key, same id
    const auto rotated = KeyRing::rotate(oldRing, 2);
    QVERIFY(rotated);
    const ShortLinkCodec both(ring(*rotated));
    const auto claims = both.verify(code.toLatin1()); // the old key still verifies
    QVERIFY(claims);
    QCOMPARE(claims->keyId, quint8(1));
    const QString fresh = both.sign(9, 99, 1);
    QVERIFY(fresh != code);
    QCOMPARE(both.verify(fresh.toLatin1())->keyId, quint8(2));
}

void TestShortLink::malformedIsRefused()
{
    const ShortLinkCodec codec(ring(KeyRing::generate()));
    const QByteArray code = codec.sign(1, 2, 3).toLatin1();
    QVERIFY(codec.verify(code));
    QVERIFY(!codec.verify(code.left(19)));
    QVERIFY(!codec.verify(QByteArray(code + 'A')));
    QVERIFY(!codec.verify(QByteArray(code.left(19) + '=')));
    QVERIFY(!codec.verify(QByteArray(code.left(19) + '+')));
    QVERIFY(!codec.verify({}));
    QVERIFY(!codec.verify(QByteArray(20, 'A')));
}

void TestShortLink::emailTokensAreNotCodes()
{
    const QByteArray text = KeyRing::generate();
    const TokenCodec tokens(ring(text));
    const ShortLinkCodec codes(ring(text));
    const QString token = tokens.sign({Purpose::Click, 1, 2, 3, 0, Language::Unknown});
    QVERIFY(!codes.verify(token.toLatin1()));
    QVERIFY(!codes.verify(token.toLatin1().left(20)));
    const QString code = codes.sign(1, 2, 3);
    QVERIFY(!tokens.verify(code.toLatin1(), Purpose::Click));
}

QTEST_GUILESS_MAIN(TestShortLink)
#include "tst_shortlink.moc"
