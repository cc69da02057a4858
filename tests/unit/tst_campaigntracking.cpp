// SPDX-License-Identifier: GPL-3.0-or-later
// CampaignTracking without lux-tracker (the mailto: unsubscribe address and its token), anonymous
// open and click addresses, and the links of the plain-text part (LinkRewriter::textLinks,
// rewriteText, CampaignTracking::decorateText).
#include "common/errorcodes.h"
#include "tracking/campaigntracking.h"
#include "tracking/token.h"

#include <QRegularExpression>
#include <QTest>
#include <QUrl>

using namespace lux;
using namespace lux::tracking;

class TestCampaignTracking : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void withoutTrackerNeedsOnlyKeys();
    void mailtoTokenInTheAddressTag();
    void mailtoTokenInTheSubjectPastSixtyFourOctets();
    void mailtoEncodesWhatAUriCannotHold();
    void withTrackerTheOneClickLinkStays();
    void anonymousAddressesNameNobody();
    void textLinks_data();
    void textLinks();
    void textPartLinksGoThroughTheTracker();

private:
    const QByteArray m_keys = KeyRing::generate(3);
    TokenCodec codec() const { return TokenCodec(*KeyRing::parse(m_keys)); }
    CampaignTracking without() const { return *CampaignTracking::create({QString(), m_keys, {}}); }
    CampaignTracking with() const { return *CampaignTracking::create({QStringLiteral("https://t.example/"), m_keys, {}}); }
};

void TestCampaignTracking::withoutTrackerNeedsOnlyKeys()
{
    const auto t = CampaignTracking::create({QString(), m_keys, {}});
    QVERIFY(t);
    QVERIFY(!t->hasTracker());
    // No keys and no tracker: says what is missing (the app makes keys; here there were none).
    const auto none = CampaignTracking::create({QString(), {}, {}});
    QVERIFY(!none);
    QCOMPARE(none.error().code, errc::trackingKeys);
    QVERIFY2(none.error().message.contains(QLatin1String("LUX_SECRET_TRACKING_KEYS")), qPrintable(none.error().message));
    // A tracker address that is not one is still refused.
    QCOMPARE(CampaignTracking::create({QStringLiteral("ftp://t.example"), m_keys, {}}).error().code, errc::trackerConfig);
}

void TestCampaignTracking::mailtoTokenInTheAddressTag()
{
    const CampaignTracking t = without();
    const QString address = t.unsubscribeMailto(QStringLiteral("news@acme.example"), 12, 345, Language::Spanish);
    static const QRegularExpression form(QStringLiteral("^mailto:news\\+unsub-([A-Za-z0-9_-]+)@acme\\.example$"));
    const auto m = form.match(address);
    QVERIFY2(m.hasMatch(), qPrintable(address));
    // The token is the one-click link's: the same signed Unsubscribe claims, the same text.
    const auto claims = codec().verify(m.captured(1).toLatin1(), Purpose::Unsubscribe);
    QVERIFY(claims);
    QCOMPARE(claims->campaign, quint64(12));
    QCOMPARE(claims->recipient, quint64(345));
    QCOMPARE(claims->language, Language::Spanish);
    QCOMPARE(claims->keyId, quint8(3));
    QVERIFY(with().unsubscribeUrl(12, 345, Language::Spanish).endsWith(QStringLiteral("/u/") + m.captured(1)));
    // Without a tracker, the message's unsubscribe address is this mailto:.
    QCOMPARE(t.unsubscribeAddress(QStringLiteral("news@acme.example"), 12, 345, Language::Spanish), address);
}

void TestCampaignTracking::mailtoTokenInTheSubjectPastSixtyFourOctets()
{
    const CampaignTracking t = without();
    const QString token = codec().sign({Purpose::Unsubscribe, 12, 345, 0, 0, Language::Unknown});
    const qsizetype room = CampaignTracking::kMaxLocalPartOctets - QStringLiteral("+unsub-").size() - token.size();
    // Exactly 64 octets with the tag: still in the tag.
    const QString fits = QString(room, u'a');
    QCOMPARE(t.unsubscribeMailto(fits + QStringLiteral("@acme.example"), 12, 345),
             QStringLiteral("mailto:%1+unsub-%2@acme.example").arg(fits, token));
    // One more octet (here a two-octet character in UTF-8 for one of them): the subject.
    const QString over = QString(room - 1, u'a') + QStringLiteral("é");
    QCOMPARE(t.unsubscribeMailto(over + QStringLiteral("@acme.example"), 12, 345),
             QStringLiteral("mailto:%1@acme.example?subject=unsubscribe%20%2").arg(QString::fromLatin1(QUrl::toPercentEncoding(over)), token));
    const QString longer = QString(room + 1, u'b') + QStringLiteral("@acme.example");
    const QString subjectForm = t.unsubscribeMailto(longer, 12, 345);
    QCOMPARE(subjectForm, QStringLiteral("mailto:") + longer + QStringLiteral("?subject=unsubscribe%20") + token);
    // What a mail program makes of it: a subject "unsubscribe <token>", as the mailbox reader expects.
    const QUrl parsed(subjectForm);
    QCOMPARE(QUrl::fromPercentEncoding(parsed.query(QUrl::FullyEncoded).section(u'=', 1).toLatin1()),
             QStringLiteral("unsubscribe ") + token);
}

void TestCampaignTracking::mailtoEncodesWhatAUriCannotHold()
{
    // RFC 6068: %, /, ?, #, & and = in the local part are percent-encoded; +, ! and the like are not.
    const QString address = without().unsubscribeMailto(QStringLiteral("a&b=c!d@acme.example"), 1, 2);
    QVERIFY2(address.startsWith(QStringLiteral("mailto:a%26b%3Dc!d+unsub-")), qPrintable(address));
    QVERIFY(address.endsWith(QStringLiteral("@acme.example")));
}

void TestCampaignTracking::withTrackerTheOneClickLinkStays()
{
    const CampaignTracking t = with();
    QVERIFY(t.hasTracker());
    const QString address = t.unsubscribeAddress(QStringLiteral("news@acme.example"), 12, 345, Language::Unknown);
    QVERIFY2(address.startsWith(QStringLiteral("https://t.example/u/")), qPrintable(address));
    QCOMPARE(address, t.unsubscribeUrl(12, 345));
}

void TestCampaignTracking::anonymousAddressesNameNobody()
{
    const CampaignTracking t = with();
    const QString open = t.openUrl(12, 345, true);
    QCOMPARE(open, t.openUrl(12, 999, true)); // the same for every recipient: nobody in it
    const auto openClaims = codec().verify(open.section(u'/', -1).toLatin1(), Purpose::AnonymousOpen);
    QVERIFY(openClaims);
    QCOMPARE(openClaims->recipient, quint64(0));
    QCOMPARE(openClaims->campaign, quint64(12));
    const auto clickClaims = codec().verify(t.clickUrl(12, 345, 4, true).section(u'/', -1).toLatin1(), Purpose::AnonymousClick);
    QVERIFY(clickClaims);
    QCOMPARE(clickClaims->recipient, quint64(0));
    QCOMPARE(clickClaims->link, quint32(4));
    // Per person, the recipient is there as before.
    QCOMPARE(codec().verify(t.openUrl(12, 345).section(u'/', -1).toLatin1(), Purpose::Open)->recipient, quint64(345));
}

void TestCampaignTracking::textLinks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("links");
    QTest::newRow("bare") << QStringLiteral("See https://shop.example/spring now") << QStringList{QStringLiteral("https://shop.example/spring")};
    QTest::newRow("sentence end") << QStringLiteral("Go to https://shop.example/a. Or http://b.example/x?y=1, then.")
                                  << QStringList{QStringLiteral("https://shop.example/a"), QStringLiteral("http://b.example/x?y=1")};
    QTest::newRow("parentheses") << QStringLiteral("Spring (https://shop.example/spring) and https://w.example/Foo_(bar)")
                                 << QStringList{QStringLiteral("https://shop.example/spring"), QStringLiteral("https://w.example/Foo_(bar)")};
    QTest::newRow("angle brackets") << QStringLiteral("Sale <https://shop.example/sale>") << QStringList{QStringLiteral("https://shop.example/sale")};
    QTest::newRow("repeated") << QStringLiteral("https://a.example/x\nhttps://a.example/x") << QStringList{QStringLiteral("https://a.example/x")};
    QTest::newRow("not links") << QStringLiteral("mailto:help@acme.example ftp://f.example https:// www.example.com") << QStringList{};
}

void TestCampaignTracking::textLinks()
{
    QFETCH(QString, text);
    QFETCH(QStringList, links);
    QCOMPARE(LinkRewriter::textLinks(text), links);
}

void TestCampaignTracking::textPartLinksGoThroughTheTracker()
{
    const CampaignTracking t = with();
    const QString unsubscribe = t.unsubscribeUrl(12, 345);
    const QString text = QStringLiteral("Hi!\nSpring: https://shop.example/spring.\nSale (https://shop.example/sale)\n"
                                        "Not numbered: https://other.example/\nUnsubscribe: ")
                         + unsubscribe;
    const QHash<QString, quint32> links{{QStringLiteral("https://shop.example/spring"), 1}, {QStringLiteral("https://shop.example/sale"), 2}};
    const QString out = t.decorateText(text, 12, 345, links);
    QCOMPARE(out, QStringLiteral("Hi!\nSpring: %1.\nSale (%2)\nNot numbered: https://other.example/\nUnsubscribe: %3")
                      .arg(t.clickUrl(12, 345, 1), t.clickUrl(12, 345, 2), unsubscribe));
    // The unsubscribe link is never numbered.
    QVERIFY(!LinkRewriter::textLinks(text, unsubscribe).contains(unsubscribe));
    // Anonymous: the same link numbers, tokens without the recipient.
    QVERIFY(t.decorateText(text, 12, 345, links, true).contains(t.clickUrl(12, 0, 2, true)));
}

QTEST_GUILESS_MAIN(TestCampaignTracking)
#include "tst_campaigntracking.moc"
