// SPDX-License-Identifier: GPL-3.0-or-later
// Workflows (issue 19), two figures:
//  - the engine: N contacts enrolled in a workflow of five steps that send nothing (tag, set a
//    field, a condition, untag, exit) on a real database file (WAL, synchronous=FULL), then engine
//    turns until every one is done; prints the steps per second. Target: 100,000 contacts in at most
//    25 s (20,000 steps a second).
//  - the window meanwhile: a fifth as many contacts again through the same steps on the app's
//    scheduler thread, while the main thread (the window's) times a 16 ms timer.
//  - from a trigger to the first step while the app runs: the app's scheduler (SendService, its
//    own thread and connection, the engine's turn every second) on the same file; the bench puts a
//    tag on one contact at a time at random moments (as the window or a sync would) and reads when
//    the workflow's first step ran. Target: p95 under 5 s.
//  - the simulator: M made-up contacts through a twenty-step workflow (emails, waits, waits for
//    opens and clicks, conditions, splits, texts, tags) over 30 virtual days. Target: 100,000 in
//    under 10 s.
//   lux-automations-bench [--contacts 100000] [--simulated 100000] [--triggers 100] [--dir PATH]
#include "automations/automationstore.h"
#include "automations/engine.h"
#include "automations/simulator.h"
#include "campaigns/senderstore.h"
#include "campaigns/sendservice.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace lux;
using namespace lux::automations;

namespace {

constexpr auto kFiveSteps = R"({"name":"Five","steps":[
    {"id":"tag","type":"tag","add":["welcomed"],"next":"field"},
    {"id":"field","type":"set_field","field":"city","value":"Madrid","next":"check"},
    {"id":"check","type":"condition","if":{"type":"tag","tag":"welcomed"},"yes":"untag","no":"untag"},
    {"id":"untag","type":"tag","remove":["prospect"],"next":"end"},
    {"id":"end","type":"exit"}]})";

// Twenty steps: two emails with waits for opens and clicks, splits, conditions, texts and tags.
constexpr auto kTwenty = R"({"name":"Twenty","seed":"3","steps":[
    {"id":"s1","type":"email","template":1,"subject":"Welcome","from":"news@acme.example","next":"s2"},
    {"id":"s2","type":"wait_event","event":"opened","timeout":"2d","yes":"s3","no":"s4"},
    {"id":"s3","type":"tag","add":["opened"],"next":"s5"},
    {"id":"s4","type":"email","template":1,"subject":"Did you see this?","from":"news@acme.example","next":"s5"},
    {"id":"s5","type":"wait","duration":"1d","next":"s6"},
    {"id":"s6","type":"condition","if":{"type":"tag","tag":"vip"},"yes":"s7","no":"s8"},
    {"id":"s7","type":"sms","text":"A gift for you","from":"+15005550006","next":"s9"},
    {"id":"s8","type":"split","branches":[{"percent":50,"next":"s9"},{"percent":50,"next":"s10"}]},
    {"id":"s9","type":"email","template":1,"subject":"Offer A","from":"news@acme.example","next":"s11"},
    {"id":"s10","type":"email","template":1,"subject":"Offer B","from":"news@acme.example","next":"s11"},
    {"id":"s11","type":"wait_event","event":"clicked","timeout":"3d","yes":"s12","no":"s13"},
    {"id":"s12","type":"tag","add":["clicked"],"next":"s14"},
    {"id":"s13","type":"wait_until","time":"10:00","days":["tue","thu"],"next":"s14"},
    {"id":"s14","type":"set_field","field":"stage","value":"nurtured","next":"s15"},
    {"id":"s15","type":"condition","if":{"type":"engagement","event":"clicked","within_days":7},"yes":"s16","no":"s17"},
    {"id":"s16","type":"tag","add":["engaged"],"next":"s18"},
    {"id":"s17","type":"email","template":1,"subject":"Last chance","from":"news@acme.example","next":"s18"},
    {"id":"s18","type":"wait","duration":"2d","next":"s19"},
    {"id":"s19","type":"notify","text":"Nurture finished","next":"s20"},
    {"id":"s20","type":"exit"}]})";

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("contacts"), QStringLiteral("Contacts through the engine."), QStringLiteral("N"), QStringLiteral("100000")});
    p.addOption({QStringLiteral("simulated"), QStringLiteral("Contacts through the simulator."), QStringLiteral("M"), QStringLiteral("100000")});
    p.addOption({QStringLiteral("triggers"), QStringLiteral("Triggers timed to their first step."), QStringLiteral("T"), QStringLiteral("100")});
    p.addOption({QStringLiteral("dir"), QStringLiteral("Where the database file goes (default: a temporary folder)."), QStringLiteral("PATH")});
    p.process(app);
    const int n = p.value(QStringLiteral("contacts")).toInt();
    const int m = p.value(QStringLiteral("simulated")).toInt();
    QTemporaryDir temp(p.isSet(QStringLiteral("dir")) ? p.value(QStringLiteral("dir")) + QStringLiteral("/lux-automations-XXXXXX") : QString());
    auto db = Database::open(temp.filePath(QStringLiteral("automations.sqlite")));
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        return 1;
    }
    QSqlDatabase conn = (*db)->connection();
    QSqlQuery q(conn);
    conn.transaction();
    q.prepare(QStringLiteral("INSERT INTO contacts (email, email_key, created_at, updated_at) VALUES (?, ?, 0, 0)"));
    for (int i = 0; i < n; ++i) {
        const QString email = QStringLiteral("p%1@example.com").arg(i);
        q.addBindValue(email);
        q.addBindValue(email);
        q.exec();
    }
    conn.commit();
    AutomationStore store(conn);
    const auto flow = Flow::fromJson(QJsonDocument::fromJson(kFiveSteps).object());
    const auto made = store.create(*flow);
    if (!made || !store.publish(made->id)) {
        std::fprintf(stderr, "the workflow could not be published\n");
        return 1;
    }
    // Enrolled as a trigger would (the enrollments due now), in one transaction.
    conn.transaction();
    q.prepare(QStringLiteral("INSERT INTO automation_enrollments (automation_id, version, contact_id, step, seq, due_at, entered_at, entry_key) "
                             "SELECT ?, 1, id, 'tag', 0, 0, 0, 'bench' FROM contacts"));
    q.addBindValue(made->id);
    q.exec();
    conn.commit();
    Engine engine(conn);
    QElapsedTimer timer;
    timer.start();
    qint64 steps = 0, slowest = 0;
    for (;;) {
        QElapsedTimer one;
        one.start();
        const auto turn = engine.turn();
        slowest = std::max(slowest, one.elapsed());
        if (!turn) {
            std::fprintf(stderr, "%s\n", qPrintable(turn.error().message));
            return 1;
        }
        steps += turn->steps;
        if (!turn->more && turn->steps == 0)
            break;
    }
    const double seconds = double(timer.elapsed()) / 1000.0;
    q.exec(QStringLiteral("SELECT count(*) FROM automation_enrollments WHERE state = 'done'"));
    q.next();
    std::printf("engine:    %d contacts x 5 steps: %lld steps in %.2f s = %.0f steps/s (%lld done; longest turn %lld ms)\n", n,
                static_cast<long long>(steps), seconds, double(steps) / seconds, q.value(0).toLongLong(), static_cast<long long>(slowest));
    q.finish();

    // The window while the scheduler's engine moves many contacts: the same five steps for N more
    // contacts on the scheduler's thread (SendService, as in the app), while this thread (the
    // window's) runs a 16 ms timer and measures how late it fires.
    {
        const int more = std::max(1, n / 5);
        conn.transaction();
        q.prepare(QStringLiteral("INSERT INTO contacts (email, email_key, created_at, updated_at) VALUES (?, ?, 0, 0)"));
        for (int i = 0; i < more; ++i) {
            const QString email = QStringLiteral("w%1@example.com").arg(i);
            q.addBindValue(email);
            q.addBindValue(email);
            q.exec();
        }
        q.prepare(QStringLiteral("INSERT INTO automation_enrollments (automation_id, version, contact_id, step, seq, due_at, entered_at, entry_key) "
                                 "SELECT ?, 1, id, 'tag', 0, 0, 0, 'window' FROM contacts WHERE email_key LIKE 'w%'"));
        q.addBindValue(made->id);
        q.exec();
        conn.commit();
        campaigns::SendService service;
        campaigns::SendService::Config config;
        config.databasePath = (*db)->path();
        config.trackerSyncMs = 3600'000;
        config.mailboxReadMs = 3600'000;
        QList<double> late;
        QElapsedTimer clock;
        QTimer frame;
        frame.setInterval(16);
        qint64 last = 0;
        QObject::connect(&frame, &QTimer::timeout, [&] {
            const qint64 at = clock.elapsed();
            if (last > 0)
                late << double(at - last - 16);
            last = at;
        });
        clock.start();
        frame.start();
        service.start(config);
        QElapsedTimer took;
        took.start();
        for (;;) {
            QEventLoop pause;
            QTimer::singleShot(200, &pause, &QEventLoop::quit);
            pause.exec();
            q.prepare(QStringLiteral("SELECT count(*) FROM automation_enrollments WHERE entry_key = 'window' AND state = 'active'"));
            if (q.exec() && q.next() && q.value(0).toLongLong() == 0)
                break;
            q.finish();
            if (took.elapsed() > 600'000) {
                std::fprintf(stderr, "the scheduler did not finish in ten minutes\n");
                return 1;
            }
        }
        q.finish();
        const double busy = double(took.elapsed()) / 1000.0;
        frame.stop();
        service.stop();
        std::sort(late.begin(), late.end());
        const auto at = [&](double quantile) { return late.at(std::min<qsizetype>(late.size() - 1, qsizetype(quantile * double(late.size())))); };
        std::printf("window:    %d contacts x 5 steps on the scheduler's thread in %.1f s; a 16 ms timer here fired late by p50 %.0f ms, "
                    "p99 %.0f ms, max %.0f ms\n",
                    more, busy, at(0.5), at(0.99), late.constLast());
    }

    // From a trigger to the first step, with the app's scheduler running on the file.
    {
        const int triggers = p.value(QStringLiteral("triggers")).toInt();
        const auto tagged = Flow::fromJson(QJsonDocument::fromJson(R"({"name":"Latency","trigger":{"type":"tag_added","tag":"go"},
            "entry":{"rule":"any"},"steps":[{"id":"first","type":"tag","add":["seen"]}]})").object());
        const auto flowMade = store.create(*tagged);
        if (!flowMade || !store.publish(flowMade->id)) {
            std::fprintf(stderr, "the latency workflow could not be published\n");
            return 1;
        }
        q.exec(QStringLiteral("INSERT INTO tags (name, created_at) VALUES ('go', 0)"));
        const qint64 tag = q.lastInsertId().toLongLong();
        campaigns::SendService service;
        campaigns::SendService::Config config;
        config.databasePath = (*db)->path();
        config.trackerSyncMs = 3600'000;
        config.mailboxReadMs = 3600'000;
        service.start(config);
        QList<double> latencies;
        for (int i = 0; i < triggers; ++i) {
            QEventLoop pause;
            QTimer::singleShot(QRandomGenerator::global()->bounded(50, 700), &pause, &QEventLoop::quit);
            pause.exec();
            const qint64 contact = 1 + i;
            const qint64 at = QDateTime::currentMSecsSinceEpoch();
            q.prepare(QStringLiteral("INSERT INTO contact_tags (tag_id, contact_id) VALUES (?, ?)"));
            q.addBindValue(tag);
            q.addBindValue(contact);
            q.exec();
            // When the first step's line was written, once it is there.
            for (int tries = 0; tries < 3000; ++tries) {
                q.prepare(QStringLiteral("SELECT j.at FROM automation_journey j JOIN automation_enrollments e ON e.id = j.enrollment_id "
                                         "WHERE e.automation_id = ? AND e.contact_id = ? AND j.step = 'first' AND j.what = 'tagged'"));
                q.addBindValue(flowMade->id);
                q.addBindValue(contact);
                if (q.exec() && q.next()) {
                    latencies << double(q.value(0).toLongLong() - at);
                    break;
                }
                q.finish();
                QEventLoop poll;
                QTimer::singleShot(20, &poll, &QEventLoop::quit);
                poll.exec();
            }
            q.finish();
        }
        service.stop();
        std::sort(latencies.begin(), latencies.end());
        if (latencies.size() != triggers) {
            std::fprintf(stderr, "%lld of %d triggers never ran their first step\n", static_cast<long long>(triggers - latencies.size()), triggers);
            return 1;
        }
        const auto at = [&](double quantile) { return latencies.at(std::min<qsizetype>(latencies.size() - 1, qsizetype(quantile * double(latencies.size())))); };
        std::printf("trigger:   %d tags put on while the app's scheduler runs: first step after p50 %.0f ms, p95 %.0f ms, max %.0f ms\n", triggers,
                    at(0.5), at(0.95), latencies.constLast());
    }

    const auto twenty = Flow::fromJson(QJsonDocument::fromJson(kTwenty).object());
    if (!twenty || !FlowCheck::publishable(*twenty)) {
        std::fprintf(stderr, "the twenty-step workflow is not valid\n");
        return 1;
    }
    SimulationOptions options;
    options.start = 1'800'000'000'000;
    options.days = 30;
    options.emailCap = 0;
    options.smsCap = 0;
    const QList<SimContact> people = Simulator::synthetic(m, 11);
    timer.restart();
    const auto result = Simulator::run(*twenty, people, options);
    if (!result) {
        std::fprintf(stderr, "%s\n", qPrintable(result.error().message));
        return 1;
    }
    const double simSeconds = double(timer.elapsed()) / 1000.0;
    std::printf("simulator: %d contacts x 20-step workflow, 30 days: %lld steps in %.2f s (%lld emails, %lld texts)\n", m,
                static_cast<long long>(result->steps), simSeconds, static_cast<long long>(result->emails), static_cast<long long>(result->texts));
    return 0;
}
