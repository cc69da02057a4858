// SPDX-License-Identifier: GPL-3.0-or-later
// Signed tracking tokens (app/tracking/token): round trips, every kind of tampering refused, key
// rotation, and the request-local machine rules lux-tracker applies.
#include "testsupport.h"
#include "tracking/classifier.h"
#include "tracking/token.h"

#include <QTest>

using namespace lux::tracking;

namespace {
TokenCodec codec(const QByteArray &ring)
{
    auto keys = KeyRing::parse(ring);
    if (!keys)
        qFatal("bad test ring");
    return TokenCodec(*keys);
}
} // namespace

class TestToken : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void compactAndUrlSafe();
    void everyTamperedByteIsRefused();
    void truncatedAndExtendedAreRefused();
    void otherPurposeIsRefused();
    void reusedForAnotherLinkIsRefused();
    void wrongKeyIsRefused();
    void rotationKeepsOldTokensValid();
    void nonCanonicalEncodingsAreRefused();
    void versionOneTokenStillVerifies();
    void languageRoundTrips();
    void tamperedLanguageIsRefused();
    void anonymousTokensNameNobody();
    void mediaTokens();
    void mediaTokensRefuseWhatDoesNotFit();
    void languageFromTag_data();
    void languageFromTag();
    void keyRingErrorsSayWhere();
    void classifierRules_data();
    void classifierRules();
    void extraRanges();
};

void TestToken::anonymousTokensNameNobody()
{
    const TokenCodec c = codec(KeyRing::generate(1));
    // A signed anonymous token with a recipient in it is refused: "anonymous" must mean it.
    QVERIFY(!c.verify(c.sign({Purpose::AnonymousOpen, 12, 5, 0, 0, Language::Unknown}).toLatin1(), Purpose::AnonymousOpen));
    QVERIFY(!c.verify(c.sign({Purpose::AnonymousClick, 12, 5, 2, 0, Language::Unknown}).toLatin1(), Purpose::AnonymousClick));
    // A test send's open (recipient 0) and an anonymous open are different tokens for different purposes.
    const QString test = c.sign({Purpose::Open, 12, 0, 0, 0, Language::Unknown});
    const QString anonymous = c.sign({Purpose::AnonymousOpen, 12, 0, 0, 0, Language::Unknown});
    QVERIFY(test != anonymous);
    QVERIFY(c.verify(test.toLatin1(), Purpose::Open));
    QVERIFY(!c.verify(test.toLatin1(), Purpose::AnonymousOpen));
    QVERIFY(!c.verify(anonymous.toLatin1(), Purpose::Open));
    QVERIFY(!c.verify(anonymous.toLatin1(), Purpose::Unsubscribe));
    QVERIFY(isAnonymous(Purpose::AnonymousClick) && !isAnonymous(Purpose::Click));
}

void TestToken::mediaTokens()
{
    const TokenCodec c = codec(KeyRing::generate(3));
    const qint64 expiry = 1'900'000'000; // 2030
    const QString token = c.signMedia(42, expiry);
    QVERIFY(token.size() <= TokenCodec::kMaxChars);
    const auto claims = c.verifyMedia(token.toLatin1());
    QVERIFY(claims);
    QCOMPARE(claims->id, quint64(42));
    QCOMPARE(claims->expiresAt, expiry);
    QCOMPARE(claims->keyId, quint8(3));
    // Expired is the caller's call (lux-tracker answers 410, not 404): the token still verifies.
    QVERIFY(!claims->expired(expiry));
    QVERIFY(claims->expired(expiry + 1));
    QCOMPARE(claims->secondsLeft(expiry - 600), qint64(600));
    QCOMPARE(claims->secondsLeft(expiry + 5), qint64(0));
    // A picture's token is nothing else, and nothing else is a picture's token.
    QVERIFY(!c.verify(token.toLatin1(), Purpose::Open));
    QVERIFY(!c.verify(token.toLatin1(), Purpose::Click));
    QVERIFY(!c.verify(token.toLatin1(), Purpose::Ticket));
    QVERIFY(!c.verifyMedia(c.sign({Purpose::Open, 42, quint64(expiry), 0, 0}).toLatin1()));
    QVERIFY(!c.verifyMedia(c.sign({Purpose::Ticket, 42, quint64(expiry), 0, 0}).toLatin1()));
    // Every byte changed, or a key the ring does not hold: refused.
    const QByteArray bytes = token.toLatin1();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        QByteArray tampered = bytes;
        tampered[i] = tampered[i] == 'A' ? 'B' : 'A';
        QVERIFY2(!c.verifyMedia(tampered), tampered.constData());
    }
    QVERIFY(!codec(KeyRing::generate(3)).verifyMedia(bytes));
    // The id and the expiry are part of what is signed: the purpose's number is appended for good.
    QCOMPARE(int(Purpose::Media), 9);
}

void TestToken::mediaTokensRefuseWhatDoesNotFit()
{
    const TokenCodec c = codec(KeyRing::generate(1));
    // Signed by the right key for the right purpose, but not a picture's claims.
    QVERIFY(!c.verifyMedia(c.sign({Purpose::Media, 0, 1'900'000'000, 0, 0}).toLatin1())); // no id
    QVERIFY(!c.verifyMedia(c.sign({Purpose::Media, 42, 0, 0, 0}).toLatin1()));            // no expiry
    QVERIFY(!c.verifyMedia(c.sign({Purpose::Media, 42, 1'900'000'000, 7, 0}).toLatin1())); // a link
    QVERIFY(!c.verifyMedia(c.sign({Purpose::Media, 42, 1'900'000'000, 0, 0, Language::Spanish}).toLatin1()));
    QVERIFY(!c.verifyMedia(c.sign({Purpose::Media, 42, ~quint64(0), 0, 0}).toLatin1())); // past qint64
    QVERIFY(c.verifyMedia(c.sign({Purpose::Media, 42, 1'900'000'000, 0, 0}).toLatin1())); // the same, fitting
    QVERIFY(!c.verifyMedia(QByteArrayLiteral("")));
    QVERIFY(!c.verifyMedia(QByteArray(200, 'A')));
}

void TestToken::roundTrip_data()
{
    QTest::addColumn<int>("purpose");
    QTest::addColumn<quint64>("campaign");
    QTest::addColumn<quint64>("recipient");
    QTest::addColumn<quint32>("link");
    QTest::newRow("open") << int(Purpose::Open) << quint64(1) << quint64(1) << quint32(0);
    QTest::newRow("click") << int(Purpose::Click) << quint64(4711) << quint64(123456789) << quint32(17);
    QTest::newRow("unsubscribe") << int(Purpose::Unsubscribe) << quint64(300) << quint64(5'000'000'000ull) << quint32(0);
    QTest::newRow("largest") << int(Purpose::Click) << ~quint64(0) << ~quint64(0) << ~quint32(0);
    QTest::newRow("anonymous open") << int(Purpose::AnonymousOpen) << quint64(12) << quint64(0) << quint32(0);
    QTest::newRow("anonymous click") << int(Purpose::AnonymousClick) << quint64(12) << quint64(0) << quint32(3);
}

void TestToken::roundTrip()
{
    QFETCH(int, purpose);
    QFETCH(quint64, campaign);
    QFETCH(quint64, recipient);
    QFETCH(quint32, link);
    const TokenCodec c(*KeyRing::parse(KeyRing::generate(7)));
    const Claims in{Purpose(purpose), campaign, recipient, link, 0};
    const QString token = c.sign(in);
    const auto out = c.verify(token.toLatin1(), Purpose(purpose));
    QVERIFY(out);
    QCOMPARE(out->campaign, campaign);
    QCOMPARE(out->recipient, recipient);
    QCOMPARE(out->link, link);
    QCOMPARE(out->keyId, quint8(7));
    QVERIFY(token.size() <= TokenCodec::kMaxChars);
}

void TestToken::compactAndUrlSafe()
{
    const TokenCodec c(*KeyRing::parse(KeyRing::generate()));
    const QString token = c.sign({Purpose::Click, 1200, 250'000, 12, 0});
    QVERIFY2(token.size() <= 36, qPrintable(token));
    static const QRegularExpression urlSafe(QStringLiteral("^[A-Za-z0-9_-]+$"));
    QVERIFY(urlSafe.match(token).hasMatch());
    // Deterministic: one message, one token (the same link in a resend is the same link).
    QCOMPARE(c.sign({Purpose::Click, 1200, 250'000, 12, 0}), token);
}

void TestToken::everyTamperedByteIsRefused()
{
    const TokenCodec c(*KeyRing::parse(KeyRing::generate()));
    const QByteArray token = c.sign({Purpose::Click, 99, 1234, 3, 0}).toLatin1();
    QByteArray raw = QByteArray::fromBase64(token, QByteArray::Base64UrlEncoding);
    int refused = 0;
    for (qsizetype i = 0; i < raw.size(); ++i)
        for (int bit = 0; bit < 8; ++bit) {
            QByteArray forged = raw;
            forged[i] = char(forged[i] ^ (1 << bit));
            const QByteArray text = forged.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
            if (!c.verify(text, Purpose::Click))
                ++refused;
        }
    QCOMPARE(refused, raw.size() * 8);
}

void TestToken::truncatedAndExtendedAreRefused()
{
    const TokenCodec c(*KeyRing::parse(KeyRing::generate()));
    const QByteArray token = c.sign({Purpose::Open, 5, 6, 0, 0}).toLatin1();
    for (qsizetype n = 0; n < token.size(); ++n)
        QVERIFY2(!c.verify(token.left(n), Purpose::Open), token.left(n).constData());
    QVERIFY(!c.verify(QByteArray(token + "A"), Purpose::Open));
    QVERIFY(!c.verify(QByteArray(token + "AAAA"), Purpose::Open));
    QVERIFY(!c.verify(QByteArray(token + "="), Purpose::Open));
    QVERIFY(!c.verify(QByteArray(200, 'A'), Purpose::Open));
    QVERIFY(!c.verify(QByteArray(token.left(10) + "/" + token.mid(11)), Purpose::Open));
    QVERIFY(!c.verify(QByteArray(token.left(10) + "%" + token.mid(11)), Purpose::Open));
}

void TestToken::otherPurposeIsRefused()
{
    const TokenCodec c(*KeyRing::parse(KeyRing::generate()));
    const QByteArray open = c.sign({Purpose::Open, 5, 6, 0, 0}).toLatin1();
    QVERIFY(c.verify(open, Purpose::Open));
    QVERIFY(!c.verify(open, Purpose::Unsubscribe)); // a pixel fetch can never unsubscribe
    QVERIFY(!c.verify(open, Purpose::Click));
}

void TestToken::reusedForAnotherLinkIsRefused()
{
    // Rewriting the link number in a valid token (re-signing impossible without the key).
    const TokenCodec c(*KeyRing::parse(KeyRing::generate()));
    const QByteArray token = c.sign({Purpose::Click, 5, 6, 1, 0}).toLatin1();
    QByteArray raw = QByteArray::fromBase64(token, QByteArray::Base64UrlEncoding);
    const qsizetype linkAt = raw.size() - TokenCodec::kMacBytes - 1;
    QCOMPARE(quint8(raw[linkAt]), quint8(1));
    raw[linkAt] = 2;
    QVERIFY(!c.verify(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals), Purpose::Click));
    // And another recipient's token for the same link is its own token.
    QVERIFY(c.sign({Purpose::Click, 5, 7, 1, 0}) != QString::fromLatin1(token));
}

void TestToken::wrongKeyIsRefused()
{
    const QByteArray a = KeyRing::generate(1);
    const QByteArray b = KeyRing::generate(1); // same id, another key
    const QByteArray token = codec(a).sign({Purpose::Open, 1, 2, 0, 0}).toLatin1();
    QVERIFY(codec(a).verify(token, Purpose::Open));
    QVERIFY(!codec(b).verify(token, Purpose::Open));
    QVERIFY(!codec(KeyRing::generate(2)).verify(token, Purpose::Open)); // unknown key id
}

void TestToken::rotationKeepsOldTokensValid()
{
    const QByteArray first = KeyRing::generate(1);
    const QByteArray old = codec(first).sign({Purpose::Unsubscribe, 3, 4, 0, 0}).toLatin1();
    const auto rotated = KeyRing::rotate(first, 2);
    QVERIFY(rotated);
    const TokenCodec c = codec(*rotated);
    QCOMPARE(c.keys().signingId(), quint8(2));
    const auto claims = c.verify(old, Purpose::Unsubscribe);
    QVERIFY(claims); // messages already out keep working
    QCOMPARE(claims->keyId, quint8(1));
    QCOMPARE(c.verify(c.sign({Purpose::Open, 3, 4, 0, 0}).toLatin1(), Purpose::Open)->keyId, quint8(2));
    QVERIFY(!KeyRing::rotate(*rotated, 1)); // ids are never reused
    // addKey: the first ring from nothing, then the next id each time.
    const auto fresh = KeyRing::addKey({});
    QVERIFY(fresh);
    QCOMPARE(KeyRing::parse(*fresh)->signingId(), quint8(1));
    const auto third = KeyRing::addKey(*rotated);
    QVERIFY(third);
    QCOMPARE(KeyRing::parse(*third)->signingId(), quint8(3));
    QCOMPARE(KeyRing::parse(*third)->ids().size(), 3);
    QVERIFY(!KeyRing::addKey("not a ring"));
    // Retiring key 1: its tokens stop working.
    const QByteArray retired = rotated->left(rotated->indexOf('\n') + 1);
    QVERIFY(!codec(retired).verify(old, Purpose::Unsubscribe));
}

void TestToken::nonCanonicalEncodingsAreRefused()
{
    const TokenCodec c(*KeyRing::parse(KeyRing::generate()));
    const QByteArray token = c.sign({Purpose::Open, 5, 6, 0, 0}).toLatin1();
    // A last character differing only in unused low bits decodes to the same bytes.
    const int unusedBits = (token.size() * 6) % 8;
    if (unusedBits > 0) {
        QByteArray other = token;
        static const QByteArray alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        other.back() = alphabet.at(alphabet.indexOf(token.back()) ^ 1);
        QVERIFY(!c.verify(other, Purpose::Open));
    }
    // A varint with a redundant continuation byte (5 written as 0x85 0x00).
    QByteArray raw = QByteArray::fromBase64(token, QByteArray::Base64UrlEncoding);
    raw = raw.left(3) + QByteArray("\x85\x00", 2) + raw.mid(4);
    QVERIFY(!c.verify(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals), Purpose::Open));
}

void TestToken::versionOneTokenStillVerifies()
{
    // Made outside this code (HMAC-SHA256 by hand) as version 1 wrote it before tokens carried a
    // language: an unsubscribe link already in someone's mailbox.
    const TokenCodec c = codec("1 AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\n");
    const QByteArray sent = "AQEDrAKA5JfQEgCn6nASnWy9OBRR0u76QyPp";
    const auto claims = c.verify(sent, Purpose::Unsubscribe);
    QVERIFY(claims);
    QCOMPARE(claims->campaign, quint64(300));
    QCOMPARE(claims->recipient, quint64(5'000'000'000ull));
    QCOMPARE(claims->language, Language::Unknown);
    // And without a language sign() still writes exactly that, version 1.
    QCOMPARE(c.sign({Purpose::Unsubscribe, 300, 5'000'000'000ull, 0, 0, Language::Unknown}), QString::fromLatin1(sent));
}

void TestToken::languageRoundTrips()
{
    const TokenCodec c(*KeyRing::parse(KeyRing::generate(3)));
    for (const Language language : {Language::English, Language::Spanish, Language(9) /* a newer app's */}) {
        const QString token = c.sign({Purpose::Unsubscribe, 300, 42, 0, 0, language});
        const QByteArray raw = QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding);
        QCOMPARE(quint8(raw[0]), TokenCodec::kVersionWithLanguage);
        QCOMPARE(quint8(raw[raw.size() - TokenCodec::kMacBytes - 1]), quint8(language));
        const auto out = c.verify(token.toLatin1(), Purpose::Unsubscribe);
        QVERIFY(out);
        QCOMPARE(out->language, language);
        QCOMPARE(out->campaign, quint64(300));
        QCOMPARE(out->recipient, quint64(42));
        QCOMPARE(out->keyId, quint8(3));
        QVERIFY(token.size() <= 36);
    }
    // The language is part of the token: the same recipient's English and Spanish links differ.
    QVERIFY(c.sign({Purpose::Unsubscribe, 300, 42, 0, 0, Language::English})
            != c.sign({Purpose::Unsubscribe, 300, 42, 0, 0, Language::Spanish}));
}

void TestToken::tamperedLanguageIsRefused()
{
    const TokenCodec c(*KeyRing::parse(KeyRing::generate()));
    const QByteArray token = c.sign({Purpose::Unsubscribe, 99, 1234, 0, 0, Language::Spanish}).toLatin1();
    const QByteArray raw = QByteArray::fromBase64(token, QByteArray::Base64UrlEncoding);
    const auto encode = [](const QByteArray &b) { return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals); };
    const qsizetype at = raw.size() - TokenCodec::kMacBytes - 1;
    for (int value : {0, 1, 3, 255}) { // Spanish rewritten as nothing, English, anything
        QByteArray forged = raw;
        forged[at] = char(value);
        QVERIFY2(!c.verify(encode(forged), Purpose::Unsubscribe), qPrintable(QString::number(value)));
    }
    // The language byte dropped (a version-2 body passed off as shorter), or the version lowered to 1.
    QVERIFY(!c.verify(encode(raw.left(at) + raw.mid(at + 1)), Purpose::Unsubscribe));
    QByteArray v1 = raw;
    v1[0] = char(TokenCodec::kVersion);
    QVERIFY(!c.verify(encode(v1), Purpose::Unsubscribe));
    // Every single bit flipped anywhere in a version-2 token.
    int refused = 0;
    for (qsizetype i = 0; i < raw.size(); ++i)
        for (int bit = 0; bit < 8; ++bit) {
            QByteArray forged = raw;
            forged[i] = char(forged[i] ^ (1 << bit));
            if (!c.verify(encode(forged), Purpose::Unsubscribe))
                ++refused;
        }
    QCOMPARE(refused, raw.size() * 8);
}

void TestToken::languageFromTag_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<int>("language");
    QTest::newRow("empty") << QString() << int(Language::Unknown);
    QTest::newRow("es") << QStringLiteral("es") << int(Language::Spanish);
    QTest::newRow("ES-mx") << QStringLiteral(" ES-mx ") << int(Language::Spanish);
    QTest::newRow("es_419") << QStringLiteral("es_419") << int(Language::Spanish);
    QTest::newRow("Spanish") << QStringLiteral("Spanish") << int(Language::Spanish);
    QTest::newRow("Español") << QStringLiteral("Español") << int(Language::Spanish);
    QTest::newRow("Spanish (Mexico)") << QStringLiteral("Spanish (Mexico)") << int(Language::Spanish);
    QTest::newRow("en") << QStringLiteral("en") << int(Language::English);
    QTest::newRow("en-GB") << QStringLiteral("en-GB") << int(Language::English);
    QTest::newRow("English") << QStringLiteral("English") << int(Language::English);
    QTest::newRow("de") << QStringLiteral("de") << int(Language::Unknown);
    QTest::newRow("Estonian et") << QStringLiteral("et") << int(Language::Unknown);
    QTest::newRow("esperanto") << QStringLiteral("eo") << int(Language::Unknown);
    QTest::newRow("word starting es") << QStringLiteral("estonian") << int(Language::Unknown);
}

void TestToken::languageFromTag()
{
    QFETCH(QString, tag);
    QFETCH(int, language);
    QCOMPARE(int(lux::tracking::languageFromTag(tag)), language);
    QCOMPARE(languageCode(Language(language)), language == 0 ? QString() : language == 1 ? QStringLiteral("en") : QStringLiteral("es"));
}

void TestToken::keyRingErrorsSayWhere()
{
    QVERIFY(!KeyRing::parse(""));
    QVERIFY(!KeyRing::parse("# only a comment\n"));
    const auto shortKey = KeyRing::parse("1 c2hvcnQ\n");
    QVERIFY(!shortKey);
    QVERIFY2(shortKey.error().message.contains(QLatin1String("Line 1")), qPrintable(shortKey.error().message));
    const QByteArray good = KeyRing::generate(1);
    const auto duplicate = KeyRing::parse(good + good);
    QVERIFY(!duplicate);
    QVERIFY(duplicate.error().message.contains(QLatin1String("Line 2")));
    QVERIFY(!KeyRing::parse("300 " + good.mid(2)));
    const auto ok = KeyRing::parse("# keys\n\n" + good);
    QVERIFY(ok);
    QCOMPARE(ok->signingId(), quint8(1));
}

void TestToken::classifierRules_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("agent");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("reason");
    const QByteArray iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
    const QByteArray firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    QTest::newRow("person on a phone") << QByteArray("GET") << iphone << "203.0.113.9" << QString();
    QTest::newRow("person in a browser") << QByteArray("GET") << firefox << "2001:db8::5" << QString();
    QTest::newRow("HEAD") << QByteArray("HEAD") << firefox << "203.0.113.9" << "head-request";
    QTest::newRow("Apple MPP agent") << QByteArray("GET") << QByteArray("Mozilla/5.0") << "104.28.1.1" << "apple-mpp";
    QTest::newRow("Apple address") << QByteArray("GET") << iphone << "17.58.1.4" << "apple-mpp";
    QTest::newRow("Gmail proxy agent") << QByteArray("GET")
                                       << QByteArray("Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)")
                                       << "203.0.113.9" << "google-image-proxy";
    QTest::newRow("Gmail proxy address") << QByteArray("GET") << firefox << "66.249.84.10" << "google-image-proxy";
    QTest::newRow("SafeLinks") << QByteArray("GET") << QByteArray("Mozilla/4.0 (compatible; ms-office; MSOffice 16) SafeLinks") << "203.0.113.9"
                               << "scanner-agent";
    QTest::newRow("script") << QByteArray("GET") << QByteArray("python-requests/2.31") << "203.0.113.9" << "scanner-agent";
    QTest::newRow("no agent") << QByteArray("GET") << QByteArray() << "203.0.113.9" << "no-user-agent";
}

void TestToken::classifierRules()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, agent);
    QFETCH(QString, address);
    QFETCH(QString, reason);
    const Verdict v = RequestClassifier().classify(method, agent, QHostAddress(address));
    QCOMPARE(v.reason, reason);
    QCOMPARE(v.machine, !reason.isEmpty());
}

void TestToken::extraRanges()
{
    RequestClassifier c;
    const lux::Status bad = c.addRanges("10.0.0.0/8\n");
    QVERIFY(!bad);
    QVERIFY(bad.error().message.contains(QLatin1String("Line 1")));
    QVERIFY(c.addRanges("# our gateway\n198.51.100.0/24 company-gateway\n"));
    QCOMPARE(c.classify("GET", "Mozilla/5.0 (X11)", QHostAddress(QStringLiteral("198.51.100.20"))).reason, QStringLiteral("company-gateway"));
    QCOMPARE(describeReason(QStringLiteral("apple-mpp")), QStringLiteral("Apple Mail Privacy Protection"));
}

QTEST_GUILESS_MAIN(TestToken)
#include "tst_token.moc"
