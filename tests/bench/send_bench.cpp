// SPDX-License-Identifier: GPL-3.0-or-later
// lux-send-bench: a campaign sent the way the app sends it (SendService: its own thread, database
// connection and network access) to lux-fake-graph in another process over loopback HTTP.
//
//   lux-send-bench pacing [PER_MINUTE=600] [RECIPIENTS=3*PER_MINUTE]
//       one mailbox at PER_MINUTE messages a minute against a fake that enforces the same rate (and
//       4 requests in flight) with 429s: reports the 429s caused and the sustained rate reached,
//       PER_MINUTE over the median time from an accepted message to the PER_MINUTE-th after it (how
//       full the sliding minute is kept, whether the sender goes in bursts or evenly).
//   lux-send-bench throughput [RECIPIENTS=5000] [MAILBOXES=4]
//       the fake's limits off: messages a second from the campaign's start to its end, and how long
//       the GUI thread's event loop waited at worst meanwhile (a 5 ms timer's lateness).
//   lux-send-bench sms-throughput [RECIPIENTS=5000] [NUMBERS=4]
//       the same for an SMS campaign to lux-fake-twilio with its limits off: texts a second.
//   lux-send-bench sms-pacing [PER_SECOND=10] [RECIPIENTS=30*PER_SECOND]
//       one number at PER_SECOND texts a second against a fake that counts every second in which
//       it accepted more from that number (Twilio queues them; a sender that bursts is seen here),
//       and answers 20429 past 100 requests in flight: the violations and 20429s the app caused, and
//       the rate it kept.
#include "campaigns/campaignstore.h"
#include "campaigns/lifecycle.h"
#include "campaigns/senderstore.h"
#include "campaigns/sendservice.h"
#include "tracking/token.h"
#include "contacts/contactrepository.h"
#include "content/templatestore.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace lux;

namespace {

QJsonDocument get(const QUrl &url)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(url));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const QString mode = args.value(0);
    const bool sms = mode.startsWith(QLatin1String("sms-"));
    const bool pacing = mode == QLatin1String("pacing") || mode == QLatin1String("sms-pacing");
    if (!pacing && mode != QLatin1String("throughput") && mode != QLatin1String("sms-throughput")) {
        std::fprintf(stderr, "usage: lux-send-bench pacing [PER_MINUTE] [RECIPIENTS] | throughput [RECIPIENTS] [MAILBOXES]\n"
                             "                      sms-pacing [PER_SECOND] [RECIPIENTS] | sms-throughput [RECIPIENTS] [NUMBERS]\n");
        return 2;
    }
    const int perSecond = sms && pacing ? args.value(1, QStringLiteral("10")).toInt() : 1000;
    const int perMinute = sms ? perSecond * 60 : pacing ? args.value(1, QStringLiteral("600")).toInt() : 1'000'000;
    const int recipients = sms && pacing ? args.value(2, QString::number(30 * perSecond)).toInt()
                           : pacing      ? args.value(2, QString::number(3 * perMinute)).toInt()
                                         : args.value(1, QStringLiteral("5000")).toInt();
    const int mailboxes = pacing ? 1 : args.value(2, QStringLiteral("4")).toInt();
    const auto sender = [sms](int m) {
        return sms ? QStringLiteral("+1201555%1").arg(m, 4, 10, QLatin1Char('0')) : QStringLiteral("news%1@acme.example").arg(m);
    };

    QProcess fake;
    fake.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    if (sms) {
        QStringList fakeArgs{QStringLiteral("--latency"), QStringLiteral("1"), QStringLiteral("--account-sid"), QStringLiteral("AC") + QString(32, u'c'),
                             QStringLiteral("--auth-token"), QStringLiteral("token")};
        fakeArgs << (pacing ? QStringList{QStringLiteral("--mps"), QString::number(perSecond), QStringLiteral("--concurrency"), QStringLiteral("100")}
                            : QStringList{QStringLiteral("--no-limits")});
        for (int m = 0; m < mailboxes; ++m)
            fakeArgs << QStringLiteral("--number") << sender(m);
        fake.start(QStringLiteral(LUX_FAKE_TWILIO_PATH), fakeArgs);
    } else {
        fake.start(QStringLiteral(LUX_FAKE_GRAPH_PATH),
                   pacing ? QStringList{QStringLiteral("--per-minute"), QString::number(perMinute), QStringLiteral("--latency"), QStringLiteral("5")}
                          : QStringList{QStringLiteral("--no-limits"), QStringLiteral("--latency"), QStringLiteral("1")});
    }
    if (!fake.waitForReadyRead(10000)) {
        std::fprintf(stderr, "lux-fake-graph did not start\n");
        return 1;
    }
    const QUrl base(QString::fromUtf8(fake.readLine().trimmed()));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.sqlite"));
    qint64 campaignId = 0;
    {
        auto db = Database::open(path);
        if (!db) {
            std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
            return 1;
        }
        QSqlDatabase c = (*db)->connection();
        {
            // Straight into the table, in one transaction: the bench measures sending, not adding.
            QSqlQuery pragma(c);
            (void)pragma.exec(QStringLiteral("PRAGMA synchronous = OFF"));
            contacts::ContactRepository repo(c);
            // Texts go to numbers with SMS consent, in a zone where it is day now (quiet hours apart).
            QString zone = QStringLiteral("UTC");
            for (const char *name : {"America/New_York", "America/Los_Angeles", "Pacific/Auckland", "Asia/Tokyo", "Asia/Kolkata", "Europe/Berlin"})
                if (const int hour = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(name)).time().hour(); hour >= 9 && hour < 19) {
                    zone = QString::fromLatin1(name);
                    break;
                }
            for (int i = 0; i < recipients; ++i) {
                contacts::Contact contact;
                contact.email = QStringLiteral("r%1@example.com").arg(i);
                contact.firstName = QStringLiteral("R%1").arg(i);
                if (sms) {
                    contact.phone = QStringLiteral("+1212%1").arg(2000000 + i, 7, 10, QLatin1Char('0'));
                    contact.timeZone = zone;
                }
                if (const auto added = repo.add(contact, QStringLiteral("US"), std::nullopt); !added) {
                    std::fprintf(stderr, "%s\n", qPrintable(added.error().message));
                    return 1;
                }
            }
            if (sms)
                (void)pragma.exec(QStringLiteral("UPDATE contacts SET sms_consent = 1"));
            (void)pragma.exec(QStringLiteral("PRAGMA synchronous = FULL"));
        }
        (void)content::TemplateStore(c).saveBrandKit(QStringLiteral("Acme"),
                                                     {{QStringLiteral("address"), QStringLiteral("Acme Ltd, 1 Main St, Springfield")}},
                                                     true, std::nullopt);
        content::EmailTemplate t;
        t.name = QStringLiteral("T");
        t.subject = QStringLiteral("Hello {{first_name}}");
        t.preheader = QStringLiteral("News from Acme");
        t.source = QStringLiteral("<p>Hi {{first_name}},</p><p>Our spring range is in.</p>"
                                  "<p>{{brand.address}} · <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>");
        const auto saved = content::TemplateStore(c).save(t, std::nullopt);
        campaigns::Campaign campaign;
        campaign.name = QStringLiteral("Bench");
        campaign.templateId = saved->id;
        campaign.fromName = QStringLiteral("Acme");
        if (sms) {
            campaign.channel = QStringLiteral("sms");
            campaign.templateId = 0;
            campaign.body = QStringLiteral("Acme: Hi {{first_name}}, our spring range is in. 20% off until Sunday.");
        }
        for (int m = 0; m < mailboxes; ++m) {
            const QString mailbox = sender(m);
            if (sms)
                (void)campaigns::SenderStore(c, QStringLiteral("sms")).save(mailbox, {pacing ? 4 : 8, perMinute, 1'000'000, perSecond});
            else
                (void)campaigns::SenderStore(c).save(mailbox, {4, perMinute, 1'000'000});
            if (m == 0)
                campaign.fromEmail = mailbox;
            else
                campaign.extraSenders << mailbox;
        }
        const auto created = campaigns::CampaignStore(c).create(campaign, std::nullopt);
        if (!created) {
            std::fprintf(stderr, "%s\n", qPrintable(created.error().message));
            return 1;
        }
        campaignId = created->id;
        if (Status s = campaigns::Lifecycle(c).schedule(campaignId, std::nullopt, true, std::nullopt); !s) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error().message));
            return 1;
        }
    }

    campaigns::SendService service;
    campaigns::SendService::Config config;
    config.databasePath = path;
    config.setup.graph.authorityUrl = base;
    config.setup.graph.baseUrl = base;
    config.setup.graph.tenant = QStringLiteral("contoso");
    config.setup.graph.clientId = QStringLiteral("client");
    config.setup.graph.clientSecret = QStringLiteral("secret");
    config.setup.twilio.baseUrl = base;
    config.setup.twilio.accountSid = QStringLiteral("AC") + QString(32, u'c');
    config.setup.twilio.secret = QStringLiteral("token");
    config.setup.tracking.trackerUrl = QStringLiteral("https://t.example");
    config.setup.tracking.keys = lux::tracking::KeyRing::generate(1);
    config.tickMs = 100;

    // The GUI thread's stand-in: a 5 ms timer whose lateness says how long the loop was kept busy.
    QList<qint64> lateness;
    QElapsedTimer clock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    qint64 last = 0;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last > 0)
            lateness << std::max<qint64>(0, now - last - 5'000'000);
        last = now;
    });
    qint64 startedNs = 0, endedNs = 0;
    QEventLoop loop;
    QObject::connect(&service, &campaigns::SendService::campaignStarted, [&] { startedNs = clock.nsecsElapsed(); });
    QObject::connect(&service, &campaigns::SendService::campaignEnded,
                     [&](qint64, const QString &, const QString &status, qint64 sent, qint64 failed, qint64 unknown) {
                         endedNs = clock.nsecsElapsed();
                         std::printf("campaign ended %s: sent %lld, failed %lld, unknown %lld\n", qPrintable(status), sent, failed, unknown);
                         loop.quit();
                     });
    QObject::connect(&service, &campaigns::SendService::problem, [](const QString &m) { std::fprintf(stderr, "%s\n", qPrintable(m)); });
    clock.start();
    probe.start(5);
    service.start(config);
    loop.exec();
    probe.stop();
    service.stop();

    const QJsonObject stats = get(base.resolved(QUrl(QStringLiteral("/_fake/stats")))).object();
    const QJsonArray messages = get(base.resolved(QUrl(QStringLiteral("/_fake/messages")))).array();
    std::sort(lateness.begin(), lateness.end());
    const auto ms = [](qint64 ns) { return double(ns) / 1e6; };
    if (sms)
        std::printf("recipients %d, numbers %d, texts made by the fake %d, 20429s from its limits %d, seconds over a number's MPS %d, "
                    "requests %d\n",
                    recipients, mailboxes, stats.value(QStringLiteral("created")).toInt(), stats.value(QStringLiteral("limit_429s")).toInt(),
                    stats.value(QStringLiteral("mps_violations")).toInt(), stats.value(QStringLiteral("requests")).toInt());
    else
        std::printf("recipients %d, mailboxes %d, accepted by the fake %d, 429s from its limits %d, requests %d\n", recipients, mailboxes,
                    stats.value(QStringLiteral("accepted")).toInt(), stats.value(QStringLiteral("limit_throttles")).toInt(),
                    stats.value(QStringLiteral("requests")).toInt());
    if (sms && pacing) {
        QList<qint64> at;
        for (const QJsonValue &m : messages)
            at << m.toObject().value(QStringLiteral("accepted_ms")).toInteger();
        std::sort(at.begin(), at.end());
        if (at.size() > 1)
            std::printf("kept %.2f texts a second of %d allowed, first to last accepted %.1f s\n",
                        double(at.size() - 1) * 1000.0 / double(at.last() - at.first()), perSecond, double(at.last() - at.first()) / 1000.0);
    } else if (pacing) {
        QList<qint64> at;
        for (const QJsonValue &m : messages)
            at << QDateTime::fromString(m.toObject().value(QStringLiteral("at")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        std::sort(at.begin(), at.end());
        // How full the sliding minute is kept: the time from each accepted message to the one
        // PER_MINUTE later. Graph allows no less than 60 s; a sender that keeps the window full, in
        // bursts or evenly, shows 60 s, and its rate is PER_MINUTE over that time.
        QList<qint64> spans;
        for (qsizetype i = 0; i + perMinute < at.size(); ++i)
            spans << at[i + perMinute] - at[i];
        std::sort(spans.begin(), spans.end());
        if (!spans.isEmpty()) {
            const double median = double(spans[spans.size() / 2]) / 1000.0;
            const double rate = perMinute * 60.0 / median;
            std::printf("sustained rate %.1f a minute of %d allowed (%.1f %%): from a message to the %dth after it, median %.2f s, "
                        "shortest %.2f s; first to last accepted %.1f s\n",
                        rate, perMinute, 100.0 * rate / perMinute, perMinute, median, double(spans.first()) / 1000.0,
                        double(at.last() - at.first()) / 1000.0);
        }
    } else {
        const double seconds = double(endedNs - startedNs) / 1e9;
        std::printf("throughput %.0f %s/s (%d in %.2f s)\n", recipients / seconds, sms ? "texts" : "messages", recipients, seconds);
    }
    if (!lateness.isEmpty())
        std::printf("GUI-thread timer lateness: median %.2f ms, p99 %.2f ms, max %.2f ms over %lld ticks\n", ms(lateness[lateness.size() / 2]),
                    ms(lateness[qsizetype(double(lateness.size()) * 0.99)]), ms(lateness.last()), qint64(lateness.size()));
    fake.terminate();
    fake.waitForFinished(3000);
    return 0;
}
