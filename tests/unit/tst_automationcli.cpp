// SPDX-License-Identifier: GPL-3.0-or-later
// luxctl automation …, run as a process on a real database file: import (a bad file says where),
// publish, enroll, the scheduler's run moving the contacts, status --json counts per step, journey
// --json step by step, simulate --json, a second version and the migration's preview and apply,
// pause and resume, and every error named with a non-zero exit.
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace lux;
using Run = lux::test::ProcessRun;

class TestAutomationCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void importPublishEnrollRun();
    void simulateAndMigrate();
    void errorsAreNamed();

private:
    Run luxctl(const QStringList &args);
    QJsonObject json(const QStringList &args);
    QString file(const QString &name, const QByteArray &content);
    test::TestEnvironment m_env;
    QString m_db;
};

Run TestAutomationCli::luxctl(const QStringList &args)
{
    QProcess p;
    p.setProcessEnvironment(test::luxctlEnvironment(m_env, m_db));
    p.start(QStringLiteral(LUXCTL_PATH), args);
    Run r;
    if (!p.waitForFinished(120'000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QJsonObject TestAutomationCli::json(const QStringList &args)
{
    const Run r = luxctl(args + QStringList{QStringLiteral("--json")});
    if (r.exitCode != 0)
        qWarning("luxctl %s: %d %s", qPrintable(args.join(u' ')), r.exitCode, r.err.constData());
    return QJsonDocument::fromJson(r.out).object();
}

QString TestAutomationCli::file(const QString &name, const QByteArray &content)
{
    const QString path = m_env.path(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

void TestAutomationCli::initTestCase()
{
    m_db = m_env.path(QStringLiteral("automations.sqlite"));
    QCOMPARE(luxctl({QStringLiteral("db"), QStringLiteral("init")}).exitCode, 0);
    for (const QString &who : {QStringLiteral("ana@example.com"), QStringLiteral("ben@example.com"), QStringLiteral("cai@example.com")})
        QCOMPARE(luxctl({QStringLiteral("contacts"), QStringLiteral("add"), who}).exitCode, 0);
}

void TestAutomationCli::importPublishEnrollRun()
{
    const QString path = file(QStringLiteral("onboarding.json"), R"({"name":"Onboarding","steps":[
        {"id":"tag","type":"tag","add":["onboarding"],"next":"city"},
        {"id":"city","type":"set_field","field":"city","value":"Madrid","next":"wait"},
        {"id":"wait","type":"wait","duration":"2d","next":"done"},
        {"id":"done","type":"tag","add":["onboarded"]}]})");
    QJsonObject o = json({QStringLiteral("automation"), QStringLiteral("import"), path});
    QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("Onboarding"));
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
    QVERIFY(o.value(QStringLiteral("publishable")).toBool());
    const QString id = QString::number(o.value(QStringLiteral("id")).toInteger());
    // Enrolling into a draft is refused: it has no version yet.
    const Run early = luxctl({QStringLiteral("automation"), QStringLiteral("enroll"), id, QStringLiteral("--contact"), QStringLiteral("ana@example.com")});
    QCOMPARE(early.exitCode, 1);
    QVERIFY2(early.err.contains("not active"), early.err.constData());
    o = json({QStringLiteral("automation"), QStringLiteral("publish"), id});
    QCOMPARE(o.value(QStringLiteral("version")).toInt(), 1);
    o = json({QStringLiteral("automation"), QStringLiteral("enroll"), id, QStringLiteral("--contact"), QStringLiteral("ana@example.com"),
              QStringLiteral("--contact"), QStringLiteral("ben@example.com")});
    QCOMPARE(o.value(QStringLiteral("enrolled")).toArray().size(), 2);
    // Once ever: Ana again is kept out, and says so.
    o = json({QStringLiteral("automation"), QStringLiteral("enroll"), id, QStringLiteral("--contact"), QStringLiteral("ana@example.com")});
    QCOMPARE(o.value(QStringLiteral("enrolled")).toArray().first().toObject().value(QStringLiteral("entered")).toBool(), false);
    o = json({QStringLiteral("scheduler"), QStringLiteral("run"), QStringLiteral("--until-idle")});
    QCOMPARE(o.value(QStringLiteral("automation_steps")).toInt(), 2 * 3); // tag, field, wait
    o = json({QStringLiteral("automation"), QStringLiteral("status"), id});
    QCOMPARE(o.value(QStringLiteral("active")).toInt(), 2);
    const QJsonArray steps = o.value(QStringLiteral("steps")).toArray();
    QCOMPARE(steps.size(), 4);
    QCOMPARE(steps.at(2).toObject().value(QStringLiteral("step")).toString(), QStringLiteral("wait"));
    QCOMPARE(steps.at(2).toObject().value(QStringLiteral("here")).toInt(), 2);
    QCOMPARE(steps.at(0).toObject().value(QStringLiteral("passed")).toInt(), 2);
    o = json({QStringLiteral("automation"), QStringLiteral("journey"), QStringLiteral("Onboarding"), QStringLiteral("--contact"),
              QStringLiteral("ben@example.com")});
    const QJsonArray enrollments = o.value(QStringLiteral("enrollments")).toArray();
    QCOMPARE(enrollments.size(), 1);
    const QJsonObject e = enrollments.first().toObject();
    QCOMPARE(e.value(QStringLiteral("state")).toString(), QStringLiteral("active"));
    QCOMPARE(e.value(QStringLiteral("waiting_for")).toString(), QStringLiteral("time"));
    QStringList whats;
    for (const QJsonValue &line : e.value(QStringLiteral("journey")).toArray())
        whats << line.toObject().value(QStringLiteral("what")).toString();
    QCOMPARE(whats, (QStringList{QStringLiteral("entered"), QStringLiteral("tagged"), QStringLiteral("field"), QStringLiteral("waiting")}));
    // The contact's own record changed.
    const Run show = luxctl({QStringLiteral("contacts"), QStringLiteral("show"), QStringLiteral("ben@example.com"), QStringLiteral("--json")});
    QVERIFY2(show.out.contains("Madrid") && show.out.contains("onboarding"), show.out.constData());
    // Paused and resumed.
    QCOMPARE(json({QStringLiteral("automation"), QStringLiteral("pause"), id}).value(QStringLiteral("status")).toString(), QStringLiteral("paused"));
    QCOMPARE(json({QStringLiteral("automation"), QStringLiteral("resume"), id}).value(QStringLiteral("status")).toString(), QStringLiteral("active"));
}

void TestAutomationCli::simulateAndMigrate()
{
    QJsonObject o = json({QStringLiteral("automation"), QStringLiteral("simulate"), QStringLiteral("Onboarding"), QStringLiteral("--contacts"),
                          QStringLiteral("500"), QStringLiteral("--days"), QStringLiteral("5"), QStringLiteral("--seed"), QStringLiteral("9")});
    QCOMPARE(o.value(QStringLiteral("entered")).toInt(), 500);
    QCOMPARE(o.value(QStringLiteral("per_day")).toArray().size(), 5);
    const QJsonArray steps = o.value(QStringLiteral("steps")).toArray();
    QCOMPARE(steps.first().toObject().value(QStringLiteral("reached")).toInt(), 500);
    QCOMPARE(steps.last().toObject().value(QStringLiteral("reached")).toInt(), 500); // after the two days
    QCOMPARE(steps.last().toObject().value(QStringLiteral("ended")).toInt(), 500);
    // The same seed, the same answer.
    const QJsonObject again = json({QStringLiteral("automation"), QStringLiteral("simulate"), QStringLiteral("Onboarding"), QStringLiteral("--contacts"),
                                    QStringLiteral("500"), QStringLiteral("--days"), QStringLiteral("5"), QStringLiteral("--seed"), QStringLiteral("9")});
    QCOMPARE(again.value(QStringLiteral("steps")), o.value(QStringLiteral("steps")));

    // Version 2 drops the wait the two contacts are in: the preview says they would leave, or move where --map says.
    const QString path = file(QStringLiteral("onboarding2.json"), R"({"name":"Onboarding","steps":[
        {"id":"tag","type":"tag","add":["onboarding"],"next":"pause"},
        {"id":"pause","type":"wait","duration":"1d","next":"done"},
        {"id":"done","type":"tag","add":["onboarded-v2"]}]})");
    QCOMPARE(luxctl({QStringLiteral("automation"), QStringLiteral("import"), path}).exitCode, 0);
    QCOMPARE(json({QStringLiteral("automation"), QStringLiteral("publish"), QStringLiteral("Onboarding")}).value(QStringLiteral("version")).toInt(), 2);
    o = json({QStringLiteral("automation"), QStringLiteral("migrate"), QStringLiteral("Onboarding")});
    QCOMPARE(o.value(QStringLiteral("applied")).toBool(), false);
    QJsonObject move = o.value(QStringLiteral("moves")).toArray().first().toObject();
    QCOMPARE(move.value(QStringLiteral("from_step")).toString(), QStringLiteral("wait"));
    QCOMPARE(move.value(QStringLiteral("to_step")).toString(), QString());
    QCOMPARE(move.value(QStringLiteral("contacts")).toInt(), 2);
    o = json({QStringLiteral("automation"), QStringLiteral("migrate"), QStringLiteral("Onboarding"), QStringLiteral("--map"), QStringLiteral("wait=done"),
              QStringLiteral("--apply")});
    QCOMPARE(o.value(QStringLiteral("moved")).toInt(), 2);
    o = json({QStringLiteral("scheduler"), QStringLiteral("run"), QStringLiteral("--until-idle")});
    QCOMPARE(o.value(QStringLiteral("automation_steps")).toInt(), 2); // each runs v2's "done" once
    o = json({QStringLiteral("automation"), QStringLiteral("status"), QStringLiteral("Onboarding")});
    QCOMPARE(o.value(QStringLiteral("active")).toInt(), 0);
    QCOMPARE(o.value(QStringLiteral("done")).toInt(), 2);
    const Run show = luxctl({QStringLiteral("contacts"), QStringLiteral("show"), QStringLiteral("ana@example.com"), QStringLiteral("--json")});
    QVERIFY2(show.out.contains("onboarded-v2") && !show.out.contains("\"onboarded\""), show.out.constData());
}

void TestAutomationCli::errorsAreNamed()
{
    const QString broken = file(QStringLiteral("broken.json"), "{\"name\": \"X\",\n \"steps\": [\n {\"id\": \"a\" \"type\": \"exit\"}]}");
    Run r = luxctl({QStringLiteral("automation"), QStringLiteral("import"), broken});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("broken.json, line 3"), r.err.constData());
    const QString bad = file(QStringLiteral("bad.json"), R"({"name":"Bad","steps":[{"id":"w","type":"wait","duration":"soon"}]})");
    r = luxctl({QStringLiteral("automation"), QStringLiteral("import"), bad});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("“w”") && r.err.contains("duration"), r.err.constData());
    // A draft with problems imports (the problems listed) but does not publish.
    const QString unfinished = file(QStringLiteral("unfinished.json"), R"({"name":"Unfinished","steps":[{"id":"m","type":"email"}]})");
    const QJsonObject o = json({QStringLiteral("automation"), QStringLiteral("import"), unfinished});
    QVERIFY(!o.value(QStringLiteral("publishable")).toBool());
    QVERIFY(!o.value(QStringLiteral("problems")).toArray().isEmpty());
    r = luxctl({QStringLiteral("automation"), QStringLiteral("publish"), QStringLiteral("Unfinished")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("template"), r.err.constData());
    r = luxctl({QStringLiteral("automation"), QStringLiteral("status"), QStringLiteral("Nope")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("Nope"), r.err.constData());
    r = luxctl({QStringLiteral("automation"), QStringLiteral("journey"), QStringLiteral("Onboarding"), QStringLiteral("--contact"), QStringLiteral("zed@example.com")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("zed@example.com"), r.err.constData());
    r = luxctl({QStringLiteral("automation"), QStringLiteral("simulate"), QStringLiteral("Onboarding"), QStringLiteral("--contacts"), QStringLiteral("0")});
    QCOMPARE(r.exitCode, 2);
    r = luxctl({QStringLiteral("automation"), QStringLiteral("frob")});
    QCOMPARE(r.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestAutomationCli)
#include "tst_automationcli.moc"
