// SPDX-License-Identifier: GPL-3.0-or-later
// An event end to end, with real processes: luxctl creates and publishes an event with two seats on
// a real lux-tracker; three people register there (the third waits); `luxctl tracker sync` brings
// them in as contacts (tags, consent with its text's version, nobody subscribed who did not
// consent); `luxctl scheduler run` sends the confirmations with their invites and tickets and the
// waiting-list message through the fake Graph. One cancels on the tracker: the cancellation (METHOD:
// CANCEL, the same UID) and the promotion of the person waiting follow. The event moves: the
// confirmed get an update (a higher SEQUENCE, the same UID). Syncing and running again sends nothing
// twice. A second event that starts within the hour sends its reminder. Every invite is read by
// Python's icalendar too. Someone added by hand takes a seat the page no longer offers.
#include "fakegraph.h"
#include "sendingseed.h"
#include "testsupport.h"
#include "trackerprocess.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QTest>
#include <QUrlQuery>

using namespace lux;
using namespace lux::test;
using lux::fakes::FakeGraph;

namespace {

// The base64 body of the message's part of this type (the invite goes as base64).
QByteArray base64Part(const QByteArray &mime, const QByteArray &contentType)
{
    const qsizetype start = mime.indexOf(QByteArray("Content-Type: " + contentType));
    if (start < 0)
        return {};
    const qsizetype body = mime.indexOf("\r\n\r\n", start) + 4;
    const qsizetype end = mime.indexOf("\r\n--", body);
    QByteArray b64 = mime.mid(body, end - body);
    b64.replace("\r\n", "");
    return QByteArray::fromBase64(b64);
}

// A property of the VEVENT (METHOD: of the VCALENDAR), the zone's own DTSTART skipped.
QString icsValue(const QByteArray &ics, const QByteArray &name)
{
    const QByteArray from = name == "METHOD" ? ics : ics.mid(ics.indexOf("BEGIN:VEVENT"));
    for (const QByteArray &line : from.split('\n'))
        if (line.startsWith(QByteArray(name + ':')) || line.startsWith(QByteArray(name + ';')))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    return {};
}

} // namespace

class TestEventMailEndToEnd : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void registrationsBecomeContactsAndTheirMailGoesOnce();

private:
    int luxctl(const QStringList &args, QByteArray *out = nullptr) { return runProcess(QStringLiteral(LUXCTL_PATH), args, m_environment, out, 120'000); }
    QJsonObject json(const QStringList &args)
    {
        QByteArray out;
        const int rc = luxctl(args + QStringList{QStringLiteral("--json")}, &out);
        if (rc != 0)
            qWarning("luxctl %s: %s", qPrintable(args.join(u' ')), out.constData());
        return QJsonDocument::fromJson(out).object();
    }
    QVariant scalar(const QString &db, const QString &sql)
    {
        QVariant v;
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("event-e2e"));
            c.setDatabaseName(db);
            if (c.open()) {
                QSqlQuery q(c);
                if (q.exec(sql) && q.next())
                    v = q.value(0);
            }
            c.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("event-e2e"));
        return v;
    }
    QProcessEnvironment m_environment;
};

void TestEventMailEndToEnd::registrationsBecomeContactsAndTheirMailGoesOnce()
{
    TestEnvironment env;
    TrackerProcess tracker(QStringLiteral(LUX_TRACKER_PATH), env.dir(), {QStringLiteral("--rate-limit"), QStringLiteral("0")});
    QVERIFY2(tracker.start(), tracker.output().constData());
    FakeGraph graph;
    QVERIFY(graph.listen());
    const QString db = env.path(QStringLiteral("events.sqlite"));
    m_environment = luxctlEnvironment(env, db);
    m_environment.insert(QStringLiteral("LUX_SECRET_TRACKING_KEYS"), QString::fromLatin1(tracker.keys()));
    m_environment.insert(QStringLiteral("LUX_SECRET_TRACKER_API_TOKEN"), QString::fromLatin1(tracker.apiToken()));
    SendingSeed seed;
    seed.recipients = 1;
    seed.templateHtml = "<html><body><p>Hi</p><p>{{brand.address}} <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p></body></html>";
    seed.subject = QStringLiteral("Unused");
    seed.graphUrl = graph.baseUrl().toString();
    seed.trackerUrl = tracker.url().toString();
    const Status seeded = seedSendingDatabase([this](const QStringList &args) { return luxctl(args); }, env.dir(), seed);
    QVERIFY2(seeded, errorText(seeded).constData());

    const QJsonObject created = json({QStringLiteral("event"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Spring launch"),
                                      QStringLiteral("--start"), QStringLiteral("2030-05-14T18:00"), QStringLiteral("--end"), QStringLiteral("2030-05-14T20:00"),
                                      QStringLiteral("--tz"), QStringLiteral("Europe/Madrid"), QStringLiteral("--capacity"), QStringLiteral("2"),
                                      QStringLiteral("--venue"), QStringLiteral("Acme Studio, Madrid"), QStringLiteral("--sender"), QStringLiteral("news@acme.example"),
                                      QStringLiteral("--double-opt-in"), QStringLiteral("off"), QStringLiteral("--pow-difficulty"), QStringLiteral("0"),
                                      QStringLiteral("--tag"), QStringLiteral("spring-launch"), QStringLiteral("--consent"),
                                      QStringLiteral("Send me news about Acme's events."), QStringLiteral("--question"), QStringLiteral("choice:Session:Talk|Workshop")});
    const QString id = QString::number(created.value(QStringLiteral("id")).toInteger());
    const QString slug = created.value(QStringLiteral("slug")).toString();
    QVERIFY2(!slug.isEmpty(), "the event was created");
    const QJsonObject published = json({QStringLiteral("event"), QStringLiteral("publish"), id});
    QCOMPARE(published.value(QStringLiteral("status")).toString(), QStringLiteral("published"));

    QNetworkAccessManager nam;
    const auto registerAt = [&](const QString &page, const QString &email, const QString &first, bool consent) {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("email"), email);
        form.addQueryItem(QStringLiteral("first_name"), first);
        form.addQueryItem(QStringLiteral("q1"), QStringLiteral("Workshop"));
        if (consent)
            form.addQueryItem(QStringLiteral("consent"), QStringLiteral("1"));
        const HttpAnswer a = httpRequest(nam, "POST", tracker.url(QStringLiteral("/e/") + page), form.toString(QUrl::FullyEncoded).toUtf8(),
                                         {{"Accept", "application/json"}, {"Content-Type", "application/x-www-form-urlencoded"}});
        return QJsonDocument::fromJson(a.body).object();
    };
    QCOMPARE(registerAt(slug, QStringLiteral("ana@example.com"), QStringLiteral("Ana"), true).value(QStringLiteral("status")).toString(), QStringLiteral("confirmed"));
    const QJsonObject ben = registerAt(slug, QStringLiteral("ben@example.com"), QStringLiteral("Ben"), false);
    QCOMPARE(ben.value(QStringLiteral("status")).toString(), QStringLiteral("confirmed"));
    QCOMPARE(registerAt(slug, QStringLiteral("carla@example.com"), QStringLiteral("Carla"), false).value(QStringLiteral("status")).toString(), QStringLiteral("waiting"));

    // The sync: registrations, contacts, tags, consent; nobody subscribed who did not consent.
    QCOMPARE(json({QStringLiteral("tracker"), QStringLiteral("sync")}).value(QStringLiteral("registrations")).toInt(), 3);
    QCOMPARE(scalar(db, QStringLiteral("SELECT status FROM contacts WHERE email_key = 'ana@example.com'")).toString(), QStringLiteral("subscribed"));
    QCOMPARE(scalar(db, QStringLiteral("SELECT status FROM contacts WHERE email_key = 'ben@example.com'")).toString(), QStringLiteral("unsubscribed"));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = 'spring-launch'")).toInt(), 3);
    QVERIFY(scalar(db, QStringLiteral("SELECT evidence FROM consent_events e JOIN contacts c ON c.id = e.contact_id "
                                      "WHERE c.email_key = 'ana@example.com' AND e.method = 'form'"))
                .toString()
                .contains(QStringLiteral("version 1: Send me news about Acme's events.")));
    QCOMPARE(scalar(db, QStringLiteral("SELECT answers FROM event_registrations WHERE email_key = 'ana@example.com'")).toString(), QStringLiteral("[\"Workshop\"]"));
    QCOMPARE(scalar(db, QStringLiteral("SELECT position FROM event_registrations WHERE email_key = 'carla@example.com'")).toInt(), 1);

    // The mail: two confirmations with the invite and the ticket, one waiting-list message.
    QCOMPARE(luxctl({QStringLiteral("scheduler"), QStringLiteral("run"), QStringLiteral("--until-idle")}), 0);
    QCOMPARE(graph.accepted().size(), 3);
    QHash<QString, QList<FakeGraph::Message>> byPerson;
    const auto collect = [&] {
        byPerson.clear();
        for (const FakeGraph::Message &m : graph.accepted())
            byPerson[m.recipients.value(0)].append(m);
    };
    collect();
    const FakeGraph::Message anaConfirmation = byPerson.value(QStringLiteral("ana@example.com")).value(0);
    QVERIFY2(anaConfirmation.mime.contains("text/calendar"), anaConfirmation.mime.left(2000).constData());
    QVERIFY(anaConfirmation.mime.contains("method=REQUEST") || anaConfirmation.mime.contains("method=\"REQUEST\""));
    QVERIFY(anaConfirmation.mime.contains("Content-Id: <ticket@lux>") || anaConfirmation.mime.contains("Content-ID: <ticket@lux>"));
    QVERIFY(!anaConfirmation.mime.contains("List-Unsubscribe")); // transactional
    const QByteArray anaInvite = base64Part(anaConfirmation.mime, "text/calendar");
    QCOMPARE(icsValue(anaInvite, "METHOD"), QStringLiteral("REQUEST"));
    const QString anaUid = icsValue(anaInvite, "UID");
    QVERIFY(!anaUid.isEmpty());
    if (const QByteArray dir = qgetenv("LUX_SCREENSHOT_DIR"); !dir.isEmpty()) { // to look at (with the QR as a file beside it)
        QFile html(QString::fromLocal8Bit(dir) + QStringLiteral("/event-confirmation-email.html"));
        if (html.open(QIODevice::WriteOnly))
            html.write(mimePart(anaConfirmation.mime, "text/html").replace(QStringLiteral("cid:ticket@lux"), QStringLiteral("ticket.png")).toUtf8());
        QFile png(QString::fromLocal8Bit(dir) + QStringLiteral("/ticket.png"));
        if (png.open(QIODevice::WriteOnly))
            png.write(base64Part(anaConfirmation.mime, "image/png"));
    }
    const FakeGraph::Message carlaWaiting = byPerson.value(QStringLiteral("carla@example.com")).value(0);
    QVERIFY(!carlaWaiting.mime.contains("text/calendar")); // no seat, no invite
    QVERIFY(carlaWaiting.mime.contains("number 1 on the waiting list"));
    const QByteArray benInvite = base64Part(byPerson.value(QStringLiteral("ben@example.com")).value(0).mime, "text/calendar");

    // Ben cancels on the tracker: his cancellation, and Carla's promotion with her invite.
    QCOMPARE(httpRequest(nam, "POST", QUrl(ben.value(QStringLiteral("cancel_url")).toString()), {}, {{"Content-Type", "application/x-www-form-urlencoded"}}).status, 200);
    QCOMPARE(json({QStringLiteral("tracker"), QStringLiteral("sync")}).value(QStringLiteral("registrations")).toInt(), 2);
    QCOMPARE(luxctl({QStringLiteral("scheduler"), QStringLiteral("run"), QStringLiteral("--until-idle")}), 0);
    collect();
    QCOMPARE(graph.accepted().size(), 5);
    const QByteArray benCancel = base64Part(byPerson.value(QStringLiteral("ben@example.com")).value(1).mime, "text/calendar");
    QCOMPARE(icsValue(benCancel, "METHOD"), QStringLiteral("CANCEL"));
    QCOMPARE(icsValue(benCancel, "UID"), icsValue(benInvite, "UID"));
    const QByteArray carlaInvite = base64Part(byPerson.value(QStringLiteral("carla@example.com")).value(1).mime, "text/calendar");
    QCOMPARE(icsValue(carlaInvite, "METHOD"), QStringLiteral("REQUEST"));

    // Someone added by hand at the office: the page learns the seat is taken (never offered twice).
    QCOMPARE(luxctl({QStringLiteral("event"), QStringLiteral("add"), id, QStringLiteral("--email"), QStringLiteral("dora@example.com")}), 0);
    const QJsonObject form = QJsonDocument::fromJson(httpRequest(nam, "GET", tracker.url(QStringLiteral("/api/v1/forms/") + slug), {},
                                                                 {{"Authorization", "Bearer " + tracker.apiToken()}})
                                                         .body)
                                 .object();
    QCOMPARE(form.value(QStringLiteral("reserved")).toInt(), 1);
    QCOMPARE(registerAt(slug, QStringLiteral("eve@example.com"), QStringLiteral("Eve"), false).value(QStringLiteral("status")).toString(),
             QStringLiteral("waiting"));

    // The event moves an hour: the confirmed (Ana, Carla) get the update, the same UID, a higher SEQUENCE.
    QCOMPARE(luxctl({QStringLiteral("event"), QStringLiteral("update"), id, QStringLiteral("--start"), QStringLiteral("2030-05-14T19:00"),
                     QStringLiteral("--end"), QStringLiteral("2030-05-14T21:00")}),
             0);
    QCOMPARE(luxctl({QStringLiteral("scheduler"), QStringLiteral("run"), QStringLiteral("--until-idle")}), 0);
    collect();
    QCOMPARE(graph.accepted().size(), 8); // Ana, Carla and Dora (added by hand) are confirmed
    const QByteArray anaUpdate = base64Part(byPerson.value(QStringLiteral("ana@example.com")).value(1).mime, "text/calendar");
    QCOMPARE(icsValue(anaUpdate, "UID"), anaUid);
    QVERIFY(icsValue(anaUpdate, "SEQUENCE").toInt() > icsValue(anaInvite, "SEQUENCE").toInt());
    QCOMPARE(icsValue(anaUpdate, "DTSTART"), QStringLiteral("20300514T190000"));

    // Eve's registration comes in (she waits), then again: nothing new, nothing twice.
    QCOMPARE(json({QStringLiteral("tracker"), QStringLiteral("sync")}).value(QStringLiteral("registrations")).toInt(), 1);
    QCOMPARE(luxctl({QStringLiteral("scheduler"), QStringLiteral("run"), QStringLiteral("--until-idle")}), 0);
    QCOMPARE(graph.accepted().size(), 9);
    QCOMPARE(json({QStringLiteral("tracker"), QStringLiteral("sync")}).value(QStringLiteral("registrations")).toInt(), 0);
    QCOMPARE(luxctl({QStringLiteral("scheduler"), QStringLiteral("run"), QStringLiteral("--until-idle")}), 0);
    QCOMPARE(graph.accepted().size(), 9);

    // A second event, within the hour: its reminder goes (once) with the confirmation.
    const QDateTime soon = QDateTime::currentDateTimeUtc().addSecs(40 * 60);
    const QJsonObject second = json({QStringLiteral("event"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Breakfast briefing"),
                                     QStringLiteral("--start"), soon.toString(Qt::ISODate), QStringLiteral("--end"), soon.addSecs(3600).toString(Qt::ISODate),
                                     QStringLiteral("--tz"), QStringLiteral("UTC"), QStringLiteral("--sender"), QStringLiteral("news@acme.example"),
                                     QStringLiteral("--double-opt-in"), QStringLiteral("off"), QStringLiteral("--pow-difficulty"), QStringLiteral("0"),
                                     QStringLiteral("--reminder"), QStringLiteral("1h")});
    const QString secondId = QString::number(second.value(QStringLiteral("id")).toInteger());
    QCOMPARE(json({QStringLiteral("event"), QStringLiteral("publish"), secondId}).value(QStringLiteral("status")).toString(), QStringLiteral("published"));
    QCOMPARE(registerAt(second.value(QStringLiteral("slug")).toString(), QStringLiteral("dan@example.com"), QStringLiteral("Dan"), false)
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("confirmed"));
    QCOMPARE(json({QStringLiteral("tracker"), QStringLiteral("sync")}).value(QStringLiteral("registrations")).toInt(), 1);
    QCOMPARE(luxctl({QStringLiteral("scheduler"), QStringLiteral("run"), QStringLiteral("--until-idle")}), 0);
    QCOMPARE(luxctl({QStringLiteral("scheduler"), QStringLiteral("run"), QStringLiteral("--until-idle")}), 0);
    collect();
    const QList<FakeGraph::Message> dan = byPerson.value(QStringLiteral("dan@example.com"));
    QCOMPARE(dan.size(), 2);
    QStringList subjects;
    for (const FakeGraph::Message &m : dan)
        subjects << (m.subject.isEmpty() ? QString::fromUtf8(m.mime.mid(m.mime.indexOf("Subject: ") + 9, 60)) : m.subject);
    QVERIFY2(std::any_of(subjects.begin(), subjects.end(), [](const QString &s) { return s.startsWith(QLatin1String("Reminder: Breakfast briefing")); }),
             qPrintable(subjects.join(QStringLiteral(" | "))));

    // Every invite read by a second parser (Python's icalendar).
    QStringList files;
    QList<std::shared_ptr<QTemporaryFile>> keep;
    for (const QByteArray &ics : {anaInvite, anaUpdate, benInvite, benCancel, carlaInvite}) {
        auto f = std::make_shared<QTemporaryFile>();
        QVERIFY(f->open());
        f->write(ics);
        f->close();
        files << f->fileName();
        keep << f;
    }
    QByteArray parsed;
    QCOMPARE(runProcess(QStringLiteral("/usr/bin/python3"), QStringList{QStringLiteral(LUX_SOURCE_DIR "/tests/data/events/check_ics.py")} + files,
                        QProcessEnvironment::systemEnvironment(), &parsed, 60'000),
             0);
    const QJsonArray read = QJsonDocument::fromJson(parsed).array();
    QCOMPARE(read.size(), 5);
    QCOMPARE(read.at(0).toObject().value(QStringLiteral("uid")).toString(), anaUid);
    QCOMPARE(read.at(1).toObject().value(QStringLiteral("uid")).toString(), anaUid);
    QVERIFY(read.at(1).toObject().value(QStringLiteral("sequence")).toInt() > read.at(0).toObject().value(QStringLiteral("sequence")).toInt());
    QCOMPARE(read.at(3).toObject().value(QStringLiteral("method")).toString(), QStringLiteral("CANCEL"));
    QCOMPARE(read.at(1).toObject().value(QStringLiteral("tzid")).toString(), QStringLiteral("Europe/Madrid"));
    QCOMPARE(read.at(1).toObject().value(QStringLiteral("start_utc")).toString(), QStringLiteral("2030-05-14T17:00:00Z"));
}

QTEST_GUILESS_MAIN(TestEventMailEndToEnd)
#include "tst_eventmaile2e.moc"
