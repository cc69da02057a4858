// SPDX-License-Identifier: GPL-3.0-or-later
// luxctl event …, run as a process on a real database: create --json gives the id and slug, show
// gives every field and the counts, update raises the revision (and the SEQUENCE once published is
// out of luxctl's hands), attendees --csv writes the documented columns, ics writes PUBLISH for the
// event and REQUEST or CANCEL for a registrant with the right UID, checkin by ticket and by address
// admits once and then says when, and every error names what was wrong with a non-zero exit.
#include "events/eventstore.h"
#include "events/ticket.h"
#include "testsupport.h"
#include "tracking/token.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace lux;
using Run = lux::test::ProcessRun;

class TestEventCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void createShowUpdate();
    void attendeesAddRemoveAndCsv();
    void icsMethodsAndUids();
    void checkinTwice();
    void mailTemplatesAndPublishingWithoutATracker();
    void usageAndErrors_data();
    void usageAndErrors();

private:
    Run luxctl(const QStringList &args);
    qint64 createEvent();

    test::TestEnvironment m_env;
    QString m_db;
    QByteArray m_keys = tracking::KeyRing::generate(1);
};

Run TestEventCli::luxctl(const QStringList &args)
{
    QProcessEnvironment env = test::luxctlEnvironment(m_env, m_db);
    env.insert(QStringLiteral("LUX_SECRET_TRACKING_KEYS"), QString::fromLatin1(m_keys));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LUXCTL_PATH), args);
    Run r;
    if (!p.waitForFinished(60'000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void TestEventCli::initTestCase()
{
    m_db = m_env.path(QStringLiteral("events.sqlite"));
    QCOMPARE(luxctl({QStringLiteral("db"), QStringLiteral("init")}).exitCode, 0);
    QCOMPARE(luxctl({QStringLiteral("sender"), QStringLiteral("add"), QStringLiteral("events@acme.example")}).exitCode, 0);
}

qint64 TestEventCli::createEvent()
{
    const Run r = luxctl({QStringLiteral("event"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Spring Launch"),
                          QStringLiteral("--start"), QStringLiteral("2026-05-14T18:30"), QStringLiteral("--end"),
                          QStringLiteral("2026-05-14T21:00"), QStringLiteral("--tz"), QStringLiteral("Europe/Madrid"),
                          QStringLiteral("--capacity"), QStringLiteral("100"), QStringLiteral("--venue"), QStringLiteral("Calle Mayor 1"),
                          QStringLiteral("--sender"), QStringLiteral("events@acme.example"), QStringLiteral("--question"),
                          QStringLiteral("text:Company"), QStringLiteral("--question"), QStringLiteral("choice:Diet:None|Vegan!"),
                          QStringLiteral("--consent"), QStringLiteral("I agree."), QStringLiteral("--tag"), QStringLiteral("launch"),
                          QStringLiteral("--reminder"), QStringLiteral("1d"), QStringLiteral("--reminder"), QStringLiteral("2h"),
                          QStringLiteral("--double-opt-in"), QStringLiteral("off"), QStringLiteral("--pow-difficulty"), QStringLiteral("0"),
                          QStringLiteral("--json")});
    if (r.exitCode != 0)
        qWarning() << r.err;
    return r.exitCode == 0 ? r.json().value(QStringLiteral("id")).toInteger() : 0;
}

void TestEventCli::createShowUpdate()
{
    const Run created = luxctl({QStringLiteral("event"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Año Nuevo"),
                                QStringLiteral("--start"), QStringLiteral("2026-12-31T22:00"), QStringLiteral("--end"),
                                QStringLiteral("2027-01-01T02:00+01:00"), QStringLiteral("--tz"), QStringLiteral("Europe/Madrid"),
                                QStringLiteral("--json")});
    QCOMPARE(created.exitCode, 0);
    QCOMPARE(created.out.count('\n'), 1);
    const QJsonObject o = created.json();
    const qint64 id = o.value(QStringLiteral("id")).toInteger();
    QVERIFY(id > 0);
    QVERIFY2(o.value(QStringLiteral("slug")).toString().startsWith(QStringLiteral("ano-nuevo-")), created.out.constData());

    const qint64 full = createEvent();
    QVERIFY(full > 0);
    const Run shown = luxctl({QStringLiteral("event"), QStringLiteral("show"), QString::number(full), QStringLiteral("--json")});
    QCOMPARE(shown.exitCode, 0);
    const QJsonObject e = shown.json();
    QCOMPARE(e.value(QStringLiteral("title")).toString(), QStringLiteral("Spring Launch"));
    // A wall time in --tz: 18:30 in Madrid in May is 16:30 UTC.
    QCOMPARE(e.value(QStringLiteral("starts_at")).toInteger(), 1'778'776'200'000);
    QCOMPARE(e.value(QStringLiteral("start")).toString(), QStringLiteral("2026-05-14T18:30:00+02:00"));
    QCOMPARE(e.value(QStringLiteral("capacity")).toInt(), 100);
    QCOMPARE(e.value(QStringLiteral("double_opt_in")).toBool(), false);
    QCOMPARE(e.value(QStringLiteral("pow_difficulty")).toInt(), 0);
    QCOMPARE(e.value(QStringLiteral("reminders")).toArray(), (QJsonArray{1440, 120}));
    QCOMPARE(e.value(QStringLiteral("tags")).toArray(), QJsonArray{QStringLiteral("launch")});
    QCOMPARE(e.value(QStringLiteral("consent_version")).toInt(), 1);
    QCOMPARE(e.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
    QCOMPARE(e.value(QStringLiteral("revision")).toInt(), 1);
    const QJsonArray questions = e.value(QStringLiteral("questions")).toArray();
    QCOMPARE(questions.size(), 2);
    QCOMPARE(questions.at(1).toObject().value(QStringLiteral("field")).toString(), QStringLiteral("q2"));
    QCOMPARE(questions.at(1).toObject().value(QStringLiteral("required")).toBool(), true);
    QCOMPARE(questions.at(1).toObject().value(QStringLiteral("choices")).toArray().size(), 2);
    QCOMPARE(e.value(QStringLiteral("counts")).toObject().value(QStringLiteral("confirmed")).toInt(), 0);

    const Run updated = luxctl({QStringLiteral("event"), QStringLiteral("update"), QString::number(full), QStringLiteral("--capacity"),
                                QStringLiteral("150"), QStringLiteral("--consent"), QStringLiteral("I agree, v2."), QStringLiteral("--json")});
    QCOMPARE(updated.exitCode, 0);
    QCOMPARE(updated.json().value(QStringLiteral("revision")).toInt(), 2);
    const QJsonObject after = luxctl({QStringLiteral("event"), QStringLiteral("show"), QString::number(full), QStringLiteral("--json")}).json();
    QCOMPARE(after.value(QStringLiteral("capacity")).toInt(), 150);
    QCOMPARE(after.value(QStringLiteral("consent_version")).toInt(), 2);
    QCOMPARE(after.value(QStringLiteral("title")).toString(), QStringLiteral("Spring Launch")); // untouched

    const Run listed = luxctl({QStringLiteral("event"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    QVERIFY(listed.json().value(QStringLiteral("events")).toArray().size() >= 2);

    // A draft can be deleted.
    const Run deleted = luxctl({QStringLiteral("event"), QStringLiteral("delete"), QString::number(id)});
    QCOMPARE(deleted.exitCode, 0);
    QCOMPARE(luxctl({QStringLiteral("event"), QStringLiteral("show"), QString::number(id)}).exitCode, 1);
}

void TestEventCli::attendeesAddRemoveAndCsv()
{
    const qint64 id = createEvent();
    const QString sid = QString::number(id);
    const Run added = luxctl({QStringLiteral("event"), QStringLiteral("add"), sid, QStringLiteral("--email"), QStringLiteral("ana@example.com"),
                              QStringLiteral("--first-name"), QStringLiteral("=Ana"), QStringLiteral("--last-name"), QStringLiteral("García"),
                              QStringLiteral("--json")});
    QCOMPARE(added.exitCode, 0);
    QCOMPARE(added.json().value(QStringLiteral("status")).toString(), QStringLiteral("confirmed"));
    const Run twice = luxctl({QStringLiteral("event"), QStringLiteral("add"), sid, QStringLiteral("--email"), QStringLiteral("ANA@example.com")});
    QCOMPARE(twice.exitCode, 1);
    QVERIFY2(twice.err.contains("is already registered for event"), twice.err.constData());
    QCOMPARE(luxctl({QStringLiteral("event"), QStringLiteral("add"), sid, QStringLiteral("--email"), QStringLiteral("bo@example.com")}).exitCode, 0);

    const QString csv = m_env.path(QStringLiteral("attendees.csv"));
    const Run written = luxctl({QStringLiteral("event"), QStringLiteral("attendees"), sid, QStringLiteral("--csv"), csv});
    QCOMPARE(written.exitCode, 0);
    const QStringList lines = QString::fromUtf8(test::readAll(csv)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), QStringLiteral("email,first_name,last_name,status,position,registered_at,checked_in_at"));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("ana@example.com,'=Ana,García,confirmed,,")), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(1).endsWith(u','), qPrintable(lines.at(1))); // not checked in

    const Run removed = luxctl({QStringLiteral("event"), QStringLiteral("remove"), sid, QStringLiteral("bo@example.com")});
    QCOMPARE(removed.exitCode, 0);
    const Run cancelled = luxctl({QStringLiteral("event"), QStringLiteral("attendees"), sid, QStringLiteral("--status"), QStringLiteral("cancelled"),
                                  QStringLiteral("--json")});
    QCOMPARE(cancelled.exitCode, 0);
    const QJsonArray rows = cancelled.json().value(QStringLiteral("attendees")).toArray();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).toObject().value(QStringLiteral("email")).toString(), QStringLiteral("bo@example.com"));
    const Run toStdout = luxctl({QStringLiteral("event"), QStringLiteral("attendees"), sid, QStringLiteral("--csv"), QStringLiteral("-"),
                                 QStringLiteral("--status"), QStringLiteral("confirmed")});
    QCOMPARE(toStdout.exitCode, 0);
    QCOMPARE(toStdout.out.count("\r\n"), 2); // the header and Ana
    QCOMPARE(luxctl({QStringLiteral("event"), QStringLiteral("remove"), sid, QStringLiteral("nobody@example.com")}).exitCode, 1);
}

void TestEventCli::icsMethodsAndUids()
{
    const qint64 id = createEvent();
    const QString sid = QString::number(id);
    const QString uid = luxctl({QStringLiteral("event"), QStringLiteral("show"), sid, QStringLiteral("--json")}).json().value(QStringLiteral("uid")).toString();
    QVERIFY(!uid.isEmpty());
    QCOMPARE(luxctl({QStringLiteral("event"), QStringLiteral("add"), sid, QStringLiteral("--email"), QStringLiteral("ana@example.com")}).exitCode, 0);

    const auto lines = [](const QString &path) { return QString::fromUtf8(test::readAll(path)).split(QStringLiteral("\r\n")); };
    const QString own = m_env.path(QStringLiteral("event.ics"));
    QCOMPARE(luxctl({QStringLiteral("event"), QStringLiteral("ics"), sid, QStringLiteral("--out"), own}).exitCode, 0);
    QVERIFY(lines(own).contains(QStringLiteral("METHOD:PUBLISH")));
    QVERIFY(lines(own).contains(QStringLiteral("UID:") + uid));
    QVERIFY(lines(own).contains(QStringLiteral("DTSTART;TZID=Europe/Madrid:20260514T183000")));

    const QString invite = m_env.path(QStringLiteral("ana.ics"));
    const Run request = luxctl({QStringLiteral("event"), QStringLiteral("ics"), sid, QStringLiteral("--email"), QStringLiteral("ana@example.com"),
                                QStringLiteral("--out"), invite, QStringLiteral("--json")});
    QCOMPARE(request.exitCode, 0);
    QCOMPARE(request.json().value(QStringLiteral("method")).toString(), QStringLiteral("REQUEST"));
    const QString registrantUid = request.json().value(QStringLiteral("uid")).toString();
    QVERIFY(registrantUid.endsWith(uid) && registrantUid != uid);
    QVERIFY(lines(invite).contains(QStringLiteral("METHOD:REQUEST")));
    QVERIFY(lines(invite).contains(QStringLiteral("UID:") + registrantUid));

    // Removed: the same UID, cancelled.
    QCOMPARE(luxctl({QStringLiteral("event"), QStringLiteral("remove"), sid, QStringLiteral("ana@example.com")}).exitCode, 0);
    const QString cancel = m_env.path(QStringLiteral("ana-cancel.ics"));
    QCOMPARE(luxctl({QStringLiteral("event"), QStringLiteral("ics"), sid, QStringLiteral("--email"), QStringLiteral("ana@example.com"),
                     QStringLiteral("--out"), cancel}).exitCode, 0);
    QVERIFY(lines(cancel).contains(QStringLiteral("METHOD:CANCEL")));
    QVERIFY(lines(cancel).contains(QStringLiteral("UID:") + registrantUid));

    QCOMPARE(luxctl({QStringLiteral("event"), QStringLiteral("ics"), sid, QStringLiteral("--email"), QStringLiteral("nobody@example.com"),
                     QStringLiteral("--out"), cancel}).exitCode, 1);
}

void TestEventCli::checkinTwice()
{
    const qint64 id = createEvent();
    const QString sid = QString::number(id);
    const Run added = luxctl({QStringLiteral("event"), QStringLiteral("add"), sid, QStringLiteral("--email"), QStringLiteral("ana@example.com"),
                              QStringLiteral("--first-name"), QStringLiteral("Ana"), QStringLiteral("--json")});
    QCOMPARE(added.exitCode, 0);
    const qint64 registration = added.json().value(QStringLiteral("registration")).toInteger();
    // The ticket as the confirmation carries it, signed with the database's ring (here from the environment).
    const tracking::TokenCodec codec(*tracking::KeyRing::parse(m_keys));
    const QString ticket = events::Ticket::sign(codec, {quint64(id), quint64(registration)});

    const Run first = luxctl({QStringLiteral("event"), QStringLiteral("checkin"), sid, ticket, QStringLiteral("--json")});
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(first.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("checked_in"));
    QCOMPARE(first.json().value(QStringLiteral("registration")).toObject().value(QStringLiteral("checked_in_via")).toString(),
             QStringLiteral("luxctl"));

    const Run second = luxctl({QStringLiteral("event"), QStringLiteral("checkin"), sid, ticket});
    QCOMPARE(second.exitCode, 1);
    QVERIFY2(second.err.contains("Ana is already checked in at "), second.err.constData());
    const Run byEmail = luxctl({QStringLiteral("event"), QStringLiteral("checkin"), sid, QStringLiteral("ANA@example.com"), QStringLiteral("--json")});
    QCOMPARE(byEmail.exitCode, 1);
    QCOMPARE(byEmail.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("already_checked_in"));
    QCOMPARE(byEmail.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("events.state"));

    const Run unknown = luxctl({QStringLiteral("event"), QStringLiteral("checkin"), sid, QStringLiteral("nobody@example.com"), QStringLiteral("--json")});
    QCOMPARE(unknown.exitCode, 1);
    QCOMPARE(unknown.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("not_found"));

    // The attendee list shows the check-in.
    const Run list = luxctl({QStringLiteral("event"), QStringLiteral("attendees"), sid, QStringLiteral("--csv"), QStringLiteral("-")});
    QVERIFY2(list.out.contains("ana@example.com,Ana,,confirmed,,"), list.out.constData());
    QVERIFY(!list.out.trimmed().endsWith(','));
}

void TestEventCli::mailTemplatesAndPublishingWithoutATracker()
{
    const QJsonObject listed = luxctl({QStringLiteral("event"), QStringLiteral("mail-template"), QStringLiteral("list"), QStringLiteral("--json")}).json();
    QCOMPARE(listed.value(QStringLiteral("templates")).toArray().size(), 8);
    QVERIFY(listed.value(QStringLiteral("fields")).toArray().contains(QStringLiteral("event_title")));
    const QString body = m_env.path(QStringLiteral("reminder.txt"));
    QVERIFY(test::writeFile(body, "Hola {{first_name}}:\n\nNos vemos en {{event_where}}."));
    const Run set = luxctl({QStringLiteral("event"), QStringLiteral("mail-template"), QStringLiteral("set"), QStringLiteral("reminder"),
                            QStringLiteral("--language"), QStringLiteral("es"), QStringLiteral("--subject"), QStringLiteral("Pronto: {{event_title}}"),
                            QStringLiteral("--body-file"), body, QStringLiteral("--json")});
    QCOMPARE(set.exitCode, 0);
    QCOMPARE(set.json().value(QStringLiteral("starter")).toBool(), false);
    // A tag that does not exist is refused where it is, and nothing is saved.
    const Run bad = luxctl({QStringLiteral("event"), QStringLiteral("mail-template"), QStringLiteral("set"), QStringLiteral("reminder"),
                            QStringLiteral("--language"), QStringLiteral("es"), QStringLiteral("--subject"), QStringLiteral("{{fecha}}")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("line 1, column 1"), bad.err.constData());
    QCOMPARE(luxctl({QStringLiteral("event"), QStringLiteral("mail-template"), QStringLiteral("show"), QStringLiteral("reminder"),
                     QStringLiteral("--language"), QStringLiteral("es"), QStringLiteral("--json")})
                 .json()
                 .value(QStringLiteral("subject"))
                 .toString(),
             QStringLiteral("Pronto: {{event_title}}"));
    QCOMPARE(luxctl({QStringLiteral("event"), QStringLiteral("mail-template"), QStringLiteral("reset"), QStringLiteral("reminder"),
                     QStringLiteral("--language"), QStringLiteral("es"), QStringLiteral("--json")})
                 .json()
                 .value(QStringLiteral("starter"))
                 .toBool(),
             true);
    QCOMPARE(luxctl({QStringLiteral("event"), QStringLiteral("mail-template"), QStringLiteral("show"), QStringLiteral("nonsense")}).exitCode, 2);
    // Publishing needs the tracker: said plainly, and the draft stays a draft.
    const qint64 id = createEvent();
    const Run published = luxctl({QStringLiteral("event"), QStringLiteral("publish"), QString::number(id)});
    QCOMPARE(published.exitCode, 1);
    QVERIFY2(published.err.contains("Settings → Tracking"), published.err.constData());
    QCOMPARE(luxctl({QStringLiteral("event"), QStringLiteral("show"), QString::number(id), QStringLiteral("--json")}).json().value(QStringLiteral("status")).toString(),
             QStringLiteral("draft"));
}

void TestEventCli::usageAndErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const auto create = [](std::initializer_list<const char *> extra) {
        QStringList a{QStringLiteral("event"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("X"), QStringLiteral("--tz"),
                      QStringLiteral("Europe/Madrid"), QStringLiteral("--end"), QStringLiteral("2026-05-14T21:00")};
        for (const char *e : extra)
            a << QString::fromUtf8(e);
        return a;
    };
    QTest::newRow("bad start") << create({"--start", "2026-13-01T10:00"}) << 2
                               << "--start: '2026-13-01T10:00' is not an ISO 8601 date and time (such as 2026-05-14T18:30).";
    QTest::newRow("date only") << create({"--start", "2026-05-14"}) << 2
                               << "--start: '2026-05-14' is not an ISO 8601 date and time (such as 2026-05-14T18:30).";
    QTest::newRow("no start") << create({}) << 2 << "event create needs --name, --start, --end and --tz (--start is missing).";
    QTest::newRow("bad zone") << create({"--start", "2026-05-14T18:00", "--tz", "Mars/Olympus"}) << 2
                              << "--tz: 'Mars/Olympus' is not an IANA time zone (such as Europe/Madrid).";
    QTest::newRow("end first") << create({"--start", "2026-05-14T22:00"}) << 1
                               << "The end (2026-05-14T19:00:00Z) must be after the start (2026-05-14T20:00:00Z).";
    QTest::newRow("bad question") << create({"--start", "2026-05-14T18:00", "--question", "radio:Size"}) << 2
                                  << "--question: 'radio:Size' is not kind:label or choice:label:first|second (kind text, choice or "
                                     "checkbox; a trailing ! makes it required).";
    QTest::newRow("one choice") << create({"--start", "2026-05-14T18:00", "--question", "choice:Size:M"}) << 1
                                << "Question 1 is a choice: it needs 2 to 20 choices, not 1.";
    QTest::newRow("bad reminder") << create({"--start", "2026-05-14T18:00", "--reminder", "soon"}) << 2
                                  << "--reminder: 'soon' is not a time before the start such as 1d, 2h or 30m.";
    QTest::newRow("bad capacity") << create({"--start", "2026-05-14T18:00", "--capacity", "-3"}) << 2
                                  << "--capacity: '-3' is not a whole number of 0 or more (0: no limit).";
    QTest::newRow("bad opt-in") << create({"--start", "2026-05-14T18:00", "--double-opt-in", "maybe"}) << 2
                                << "--double-opt-in: 'maybe' is neither on nor off.";
    QTest::newRow("bad sender") << create({"--start", "2026-05-14T18:00", "--sender", "who@acme.example"}) << 2
                                << "--sender: 'who@acme.example' is not a sender mailbox (luxctl sender add adds one).";
    QTest::newRow("no event") << QStringList{QStringLiteral("event"), QStringLiteral("show"), QStringLiteral("424242")} << 1
                              << "There is no event 424242.";
    QTest::newRow("show without id") << QStringList{QStringLiteral("event"), QStringLiteral("show")} << 2 << "Usage: event show ID (the event's number)";
    QTest::newRow("bad status") << QStringList{QStringLiteral("event"), QStringLiteral("attendees"), QStringLiteral("1"), QStringLiteral("--status"),
                                               QStringLiteral("vip")}
                                << 2 << "--status: 'vip' is not confirmed, pending, waiting or cancelled (or several, with commas).";
    QTest::newRow("ics without out") << QStringList{QStringLiteral("event"), QStringLiteral("ics"), QStringLiteral("1")} << 2
                                     << "Usage: event ics ID [--email ADDRESS] --out FILE.ics";
}

void TestEventCli::usageAndErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run r = luxctl(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(r.err).contains(QStringLiteral("luxctl: ") + message), r.err.constData());
}

LUX_TEST_MAIN(TestEventCli, QCoreApplication)
#include "tst_eventcli.moc"
