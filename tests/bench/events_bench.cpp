// SPDX-License-Identifier: GPL-3.0-or-later
// Check-in at the door (issue 18): a real database file with one event and N registrations (as a
// sync that caught up leaves them: 1 in 10 waiting, 1 in 20 cancelled), then 1,000 check-ins by
// scanned ticket (each a durable write: WAL, synchronous=FULL), 1,000 by typed address, and 1,000
// typed-prefix searches (first name, last name or address, three to five letters), each timed alone.
// Prints p50, p99 and the maximum in milliseconds.
//   lux-events-bench [--registrations 10000] [--runs 1000] [--dir PATH] [--seed 7]
#include "events/eventstore.h"
#include "events/ticket.h"
#include "storage/database.h"
#include "storage/transaction.h"
#include "tracking/token.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace lux;
using namespace lux::events;

namespace {

const char *const kFirst[] = {"Ana", "Luis", "María", "José", "Carmen", "Javier", "Lucía", "Pablo", "Elena", "Diego",
                              "Sofía", "Hugo", "Martina", "Mateo", "Julia", "Leo", "Paula", "Daniel", "Valeria", "Álvaro"};
const char *const kLast[] = {"García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz",
                             "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor"};

void report(const char *what, QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) { return ms.at(std::min<qsizetype>(ms.size() - 1, qsizetype(q * double(ms.size())))); };
    std::printf("%-28s n=%-5lld p50 %7.3f ms   p99 %7.3f ms   max %7.3f ms\n", what, static_cast<long long>(ms.size()), at(0.50),
                at(0.99), ms.constLast());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOptions({{QStringLiteral("registrations"), QStringLiteral("Registrations to fill (default 10000)."), QStringLiteral("N"), QStringLiteral("10000")},
                  {QStringLiteral("runs"), QStringLiteral("Check-ins and searches of each kind (default 1000)."), QStringLiteral("N"), QStringLiteral("1000")},
                  {QStringLiteral("dir"), QStringLiteral("Folder for the database (default: a temporary folder)."), QStringLiteral("PATH")},
                  {QStringLiteral("seed"), QStringLiteral("Seed of the draw (default 7)."), QStringLiteral("N"), QStringLiteral("7")}});
    p.process(app);
    const int count = p.value(QStringLiteral("registrations")).toInt();
    const int runs = p.value(QStringLiteral("runs")).toInt();
    if (count < 100 || runs < 1 || runs > count / 2) {
        std::fprintf(stderr, "lux-events-bench: --registrations of at least 100, --runs from 1 to half of them\n");
        return 2;
    }
    QTemporaryDir temp(p.isSet(QStringLiteral("dir")) ? p.value(QStringLiteral("dir")) + QStringLiteral("/lux-events-bench-XXXXXX")
                                                      : QString());
    if (!temp.isValid()) {
        std::fprintf(stderr, "lux-events-bench: no temporary folder\n");
        return 1;
    }
    auto db = Database::open(temp.filePath(QStringLiteral("events.sqlite")));
    if (!db) {
        std::fprintf(stderr, "lux-events-bench: %s\n", qPrintable(db.error().message));
        return 1;
    }
    QSqlDatabase conn = (*db)->connection();
    EventStore store(conn);
    Event e;
    e.title = QStringLiteral("Bench");
    e.startsAt = QDateTime::currentMSecsSinceEpoch() + 86'400'000;
    e.endsAt = e.startsAt + 3 * 3'600'000;
    e.timeZone = QStringLiteral("Europe/Madrid");
    const auto id = store.create(e);
    if (!id) {
        std::fprintf(stderr, "lux-events-bench: %s\n", qPrintable(id.error().message));
        return 1;
    }

    QElapsedTimer fill;
    fill.start();
    QList<int> confirmed;
    {
        storage::Transaction tx(conn);
        QSqlQuery q(conn);
        q.prepare(QStringLiteral("INSERT INTO event_registrations (event_id, tracker_id, email, email_key, first_name, last_name, first_key, "
                                 "last_key, status, position, source, registered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'link', ?, ?)"));
        int place = 0;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 1; i <= count; ++i) {
            const QString first = QString::fromUtf8(kFirst[i % 20]);
            const QString last = QString::fromUtf8(kLast[(i / 20) % 20]);
            const QString email = QStringLiteral("person%1@example.com").arg(i);
            const bool waiting = i % 10 == 0, cancelled = i % 20 == 5;
            q.addBindValue(*id);
            q.addBindValue(i);
            q.addBindValue(email);
            q.addBindValue(email);
            q.addBindValue(first);
            q.addBindValue(last);
            q.addBindValue(EventStore::searchKey(first));
            q.addBindValue(EventStore::searchKey(last));
            q.addBindValue(waiting ? QStringLiteral("waiting") : cancelled ? QStringLiteral("cancelled") : QStringLiteral("confirmed"));
            q.addBindValue(waiting ? QVariant(++place) : QVariant(QMetaType::fromType<int>()));
            q.addBindValue(now + i);
            q.addBindValue(now + i);
            if (!q.exec()) {
                std::fprintf(stderr, "lux-events-bench: %s\n", qPrintable(q.lastError().text()));
                return 1;
            }
            if (!waiting && !cancelled)
                confirmed << i;
        }
        if (!tx.commit()) {
            std::fprintf(stderr, "lux-events-bench: the fill was not committed\n");
            return 1;
        }
    }
    const QStorageInfo volume(temp.path());
    std::printf("%d registrations of one event filled in %lld ms, in %s (%s)\n", count, static_cast<long long>(fill.elapsed()),
                qPrintable(temp.path()), volume.fileSystemType().constData());

    const tracking::TokenCodec codec(*tracking::KeyRing::parse(tracking::KeyRing::generate(1)));
    std::mt19937 random(p.value(QStringLiteral("seed")).toUInt());
    std::shuffle(confirmed.begin(), confirmed.end(), random);
    QElapsedTimer t;
    const auto fail = [](const char *what) {
        std::fprintf(stderr, "lux-events-bench: %s\n", what);
        return 1;
    };

    QList<double> ticket, email, prefix;
    for (int i = 0; i < runs; ++i) {
        const QString code = Ticket::sign(codec, {quint64(*id), quint64(confirmed.at(i))});
        t.start();
        const auto r = store.checkIn(*id, code, codec, CheckInVia::Scan, QDateTime::currentMSecsSinceEpoch());
        ticket << double(t.nsecsElapsed()) / 1e6;
        if (!r || r->outcome != CheckInResult::Outcome::CheckedIn)
            return fail("a ticket was not checked in");
    }
    for (int i = 0; i < runs; ++i) {
        const QString address = QStringLiteral("Person%1@Example.com").arg(confirmed.at(runs + i));
        t.start();
        const auto r = store.checkIn(*id, address, codec, CheckInVia::Search, QDateTime::currentMSecsSinceEpoch());
        email << double(t.nsecsElapsed()) / 1e6;
        if (!r || r->outcome != CheckInResult::Outcome::CheckedIn)
            return fail("an address was not checked in");
    }
    std::uniform_int_distribution<int> pick(0, 19), length(3, 5), kind(0, 2);
    for (int i = 0; i < runs; ++i) {
        const int k = kind(random);
        const QString word = k == 0 ? QString::fromUtf8(kFirst[pick(random)]) : k == 1 ? QString::fromUtf8(kLast[pick(random)])
                                                                                    : QStringLiteral("person%1").arg(confirmed.at(i));
        const QString typed = word.left(length(random));
        t.start();
        const auto r = store.findForCheckIn(*id, typed, 20);
        prefix << double(t.nsecsElapsed()) / 1e6;
        if (!r || r->isEmpty())
            return fail("a typed prefix found nobody");
    }
    report("check-in by ticket (scan)", ticket);
    report("check-in by address", email);
    report("search by typed prefix", prefix);
    return 0;
}
