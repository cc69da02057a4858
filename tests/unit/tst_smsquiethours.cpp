// SPDX-License-Identifier: GPL-3.0-or-later
// Quiet hours through the real run path: an SMS campaign to recipients in every US time zone and in
// the states with stricter hours, run by CampaignRunner (the dispatcher, the SMS channel, the Twilio
// client) against the fake Twilio over 24 simulated hours. The runner's clock and the fake's are the
// same simulated clock; each run sends what may go now and ends, and the next run starts when the
// next window opens. Then, against this test's own table of zones and windows (not the app's):
//  - no text went outside its recipient's window (in every zone of a state that spans several);
//  - each text that waited went the minute its window opened, not later;
//  - every recipient got exactly one text.
#include "campaigns/campaignrunner.h"
#include "campaigns/campaignstore.h"
#include "campaigns/outbox.h"
#include "campaigns/senderstore.h"
#include "contacts/contactrepository.h"
#include "contacts/smsconsent.h"
#include "databasefixture.h"
#include "faketwilio.h"
#include "testsupport.h"
#include "tracking/token.h"

#include <QNetworkAccessManager>
#include <QTest>
#include <QTimeZone>

using namespace lux;
using lux::fakes::FakeTwilio;

namespace {

const QString kSender = QStringLiteral("+12015550100");
const QString kAccount = QStringLiteral("AC") + QString(32, u'b');
const QString kToken = QStringLiteral("token");

// A recipient as this test sees it: the zones its window must hold in, and that window. Sources: the
// IANA zones of each area code's region, 47 CFR 64.1200(c)(1) (08:00–21:00) and the state statutes
// (Fla. Stat. 501.616, Okla. Stat. tit. 15 775C.4, RCW 80.36.390, Tex. Bus. & Com. Code 301.051).
struct Expect
{
    QString number;     // E.164
    QString ownZone;    // the contact's own time zone field ("" : from the number)
    QStringList zones;  // where the window must hold (all of them)
    int start, end;     // minutes after midnight, [start, end)
    int sundayStart = -1; // a different Sunday opening (Texas); -1: the same
};

const QList<Expect> &recipients()
{
    static const QList<Expect> list{
        {QStringLiteral("+12125550101"), {}, {QStringLiteral("America/New_York")}, 8 * 60, 21 * 60},           // New York
        // Florida spans two zones and its numbers keep to both (the app decides by state, not by area code).
        {QStringLiteral("+13055550102"), {}, {QStringLiteral("America/New_York"), QStringLiteral("America/Chicago")}, 8 * 60, 20 * 60}, // Miami
        {QStringLiteral("+18505550103"), {}, {QStringLiteral("America/New_York"), QStringLiteral("America/Chicago")}, 8 * 60, 20 * 60}, // Florida (both zones)
        {QStringLiteral("+13125550104"), {}, {QStringLiteral("America/Chicago")}, 8 * 60, 21 * 60},            // Chicago
        {QStringLiteral("+14055550105"), {}, {QStringLiteral("America/Chicago")}, 8 * 60, 20 * 60},            // Oklahoma
        {QStringLiteral("+13035550106"), {}, {QStringLiteral("America/Denver")}, 8 * 60, 21 * 60},             // Denver
        {QStringLiteral("+16025550107"), {}, {QStringLiteral("America/Phoenix")}, 8 * 60, 21 * 60},            // Arizona, no DST
        {QStringLiteral("+12135550108"), {}, {QStringLiteral("America/Los_Angeles")}, 8 * 60, 21 * 60},        // Los Angeles
        {QStringLiteral("+12065550109"), {}, {QStringLiteral("America/Los_Angeles")}, 8 * 60, 20 * 60},        // Washington
        {QStringLiteral("+19075550110"), {}, {QStringLiteral("America/Anchorage"), QStringLiteral("America/Adak")}, 8 * 60, 21 * 60}, // Alaska, with the Aleutians
        {QStringLiteral("+18085550111"), {}, {QStringLiteral("Pacific/Honolulu")}, 8 * 60, 21 * 60},           // Hawaii
        {QStringLiteral("+13125550112"), QStringLiteral("Asia/Tokyo"), {QStringLiteral("Asia/Tokyo")}, 8 * 60, 21 * 60}, // own zone wins
    };
    return list;
}

bool inWindow(const Expect &e, qint64 atMs)
{
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(atMs, QTimeZone::utc());
    for (const QString &name : e.zones) {
        const QDateTime local = utc.toTimeZone(QTimeZone(name.toLatin1()));
        const int minute = local.time().hour() * 60 + local.time().minute();
        const int start = local.date().dayOfWeek() == Qt::Sunday && e.sundayStart >= 0 ? e.sundayStart : e.start;
        if (minute < start || minute >= e.end)
            return false;
    }
    return true;
}

} // namespace

class TestSmsQuietHours : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noTextOutsideItsWindowOver24Hours();
};

void TestSmsQuietHours::noTextOutsideItsWindowOver24Hours()
{
    test::DatabaseFixture f;
    QVERIFY(f.open());
    QSqlDatabase db = f.db();
    contacts::ContactRepository contacts(db);
    contacts::SmsConsent consent(db);
    int n = 0;
    for (const Expect &e : recipients()) {
        contacts::Contact c;
        c.email = QStringLiteral("q%1@example.com").arg(n++);
        c.firstName = QStringLiteral("Q");
        c.phone = e.number;
        c.timeZone = e.ownZone;
        const auto added = contacts.add(c, QStringLiteral("US"), std::nullopt);
        QVERIFY2(added, test::errorText(added).constData());
        QVERIFY(consent.give(added->id, contacts::SmsConsent::Method::Form, QStringLiteral("Text me"), QStringLiteral("test"), std::nullopt));
    }
    QVERIFY(campaigns::SenderStore(db, QStringLiteral("sms")).save(kSender, {4, 60'000, 100'000, 1000}));

    // Saturday 5 December 2026, 06:00 UTC: night everywhere in the US.
    qint64 simulated = QDateTime(QDate(2026, 12, 5), QTime(6, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    const qint64 start = simulated;
    const Clock clock = [&simulated] { return simulated; };

    FakeTwilio twilio;
    QVERIFY(twilio.listen());
    twilio.setCredentials(kAccount, kToken);
    twilio.setNumbers({kSender});
    twilio.setClock([&simulated] { return QDateTime::fromMSecsSinceEpoch(simulated, QTimeZone::utc()); });

    campaigns::Campaign c;
    c.name = QStringLiteral("Nightly");
    c.channel = QStringLiteral("sms");
    c.body = QStringLiteral("Acme: the sale starts now.");
    c.fromEmail = kSender;
    c.fromName = QStringLiteral("Acme");
    campaigns::CampaignStore store(db, clock);
    const auto made = store.create(c, std::nullopt);
    QVERIFY2(made, test::errorText(made).constData());
    QVERIFY(store.transition(made->id, campaigns::CampaignStatus::Scheduled, std::nullopt, simulated));

    campaigns::SendSetup setup;
    setup.twilio.baseUrl = twilio.baseUrl();
    setup.twilio.accountSid = kAccount;
    setup.twilio.secret = kToken;
    setup.tracking.keys = tracking::KeyRing::generate(1);
    QNetworkAccessManager network;
    campaigns::CampaignRunner runner(db, &network, setup, clock);

    int runs = 0;
    while (simulated < start + 24LL * 3600 * 1000 && runs < 100) {
        ++runs;
        const campaigns::CampaignRunner::Run run = test::await(runner.run(made->id));
        QVERIFY2(run.outcome == campaigns::CampaignRunner::Run::Outcome::Ran, qPrintable(run.error.message));
        const auto next = campaigns::Outbox(db, clock).nextDueAt(made->id);
        if (!next)
            break; // all sent
        QVERIFY2(*next > simulated, "a run ended while a text was due");
        simulated = *next; // the scheduler comes back when the next window opens
    }
    QCOMPARE(campaigns::Outbox(db, clock).counts(made->id).value(QStringLiteral("sent")), recipients().size());

    // Against this test's own table: inside every window, and not a minute later than needed.
    QHash<QString, qint64> sentAt;
    for (const FakeTwilio::Message &m : twilio.messages()) {
        QVERIFY2(!sentAt.contains(m.to), qPrintable(QStringLiteral("twice: %1").arg(m.to)));
        sentAt.insert(m.to, m.created.toMSecsSinceEpoch());
    }
    for (const Expect &e : recipients()) {
        QVERIFY2(sentAt.contains(e.number), qPrintable(e.number));
        const qint64 at = sentAt.value(e.number);
        QVERIFY2(inWindow(e, at), qPrintable(QStringLiteral("%1 texted at %2 UTC, outside its window")
                                                 .arg(e.number, QDateTime::fromMSecsSinceEpoch(at, QTimeZone::utc()).toString(Qt::ISODate))));
        if (at > start)
            QVERIFY2(!inWindow(e, at - 60'000),
                     qPrintable(QStringLiteral("%1 waited past its window's opening (texted %2 UTC)")
                                    .arg(e.number, QDateTime::fromMSecsSinceEpoch(at, QTimeZone::utc()).toString(Qt::ISODate))));
    }
    qInfo("%d runs over the simulated day", runs);
}

QTEST_GUILESS_MAIN(TestSmsQuietHours)
#include "tst_smsquiethours.moc"
