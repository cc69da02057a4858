// SPDX-License-Identifier: GPL-3.0-or-later
// Phone numbers and quiet hours (issue 15), in process:
//   1. numbers parsed a second (PhoneNumbers::parse: read, validate, type, region, NANP state), on one
//      thread and on every core;
//   2. QuietHours::earliestSend over 100,000 recipients (cold cache, then warm);
//   3. the migration-13 fill: a schema-12 database of N contacts with phones (default 1,000,000),
//      opened with Database::open, which types every row.
//   lux-phone-bench DIR [--contacts N]
#include "contacts/phonenumbers.h"
#include "sms/quiethours.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/sqlitefile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentMap>

#include <atomic>
#include <cstdio>

using namespace lux;

namespace {

QStringList sampleNumbers(int n)
{
    // Written as people write them, in several countries, North American area codes spread out.
    const QList<QPair<QString, QString>> forms = {
        {QStringLiteral("(%1) 555-%2"), QStringLiteral("US")},  {QStringLiteral("+1 %1 555 %2"), QStringLiteral("CA")},
        {QStringLiteral("07400 1%2"), QStringLiteral("GB")},     {QStringLiteral("+34 612 3%2"), QStringLiteral("ES")},
        {QStringLiteral("0151 2345%2"), QStringLiteral("DE")},   {QStringLiteral("+52 55 1234 %2"), QStringLiteral("MX")},
    };
    const int npas[] = {201, 212, 305, 312, 415, 512, 617, 713, 808, 907, 416, 604};
    QStringList out;
    out.reserve(n);
    for (int i = 0; i < n; ++i) {
        const auto &[form, region] = forms.at(i % forms.size());
        QString text = form;
        text.replace(QStringLiteral("%1"), QString::number(npas[i % 12]));
        text.replace(QStringLiteral("%2"), QStringLiteral("%1").arg(i % 10000, 4, 10, QLatin1Char('0')));
        out << text + QLatin1Char('\t') + region;
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: lux-phone-bench DIR [--contacts N]\n");
        return 2;
    }
    const QDir dir(args.at(1));
    const int contactsWanted = args.size() >= 4 && args.at(2) == QLatin1String("--contacts") ? args.at(3).toInt() : 1'000'000;

    // 1. Parsing.
    const QStringList inputs = sampleNumbers(200'000);
    std::atomic<int> valid{0};
    const auto parseOne = [&valid](const QString &line) {
        const auto p = contacts::PhoneNumbers::parse(line.section(QLatin1Char('\t'), 0, 0), line.section(QLatin1Char('\t'), 1));
        if (p)
            ++valid;
    };
    (void)contacts::PhoneNumbers::parse(QStringLiteral("+13055550123"), {}); // metadata and geocoder loaded
    QElapsedTimer t;
    t.start();
    for (const QString &line : inputs)
        parseOne(line);
    const double oneThread = inputs.size() / (double(t.nsecsElapsed()) / 1e9);
    std::printf("parse, 1 thread: %d numbers (%d valid) at %.0f numbers/s\n", int(inputs.size()), valid.load(), oneThread);
    valid = 0;
    t.restart();
    QtConcurrent::blockingMap(inputs, parseOne);
    std::printf("parse, %d threads: %.0f numbers/s\n", QThread::idealThreadCount(),
                inputs.size() / (double(t.nsecsElapsed()) / 1e9));

    // 2. Quiet hours over 100,000 recipients.
    auto quiet = sms::QuietHours::create();
    if (!quiet) {
        std::fprintf(stderr, "%s\n", qPrintable(quiet.error().message));
        return 1;
    }
    QStringList recipients;
    for (int i = 0; i < 100'000; ++i) {
        const int npa = 201 + (i * 7) % 780;
        recipients << QStringLiteral("+1") + QString::number(npa) + QStringLiteral("555")
                          + QStringLiteral("%1").arg(i % 10000, 4, 10, QLatin1Char('0'));
    }
    const qint64 now = QDateTime(QDate(2026, 3, 8), QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    std::printf("for example %s: %s\n", qPrintable(recipients.constFirst()),
                qPrintable(quiet->reason(recipients.constFirst(), {}, now)));
    for (int round = 0; round < 2; ++round) {
        qint64 waiting = 0;
        t.restart();
        for (const QString &r : std::as_const(recipients))
            waiting += quiet->earliestSend(r, {}, now) > now ? 1 : 0;
        std::printf("quiet hours, %s cache: 100000 recipients (%lld waiting) in %.0f ms\n", round == 0 ? "cold" : "warm",
                    waiting, double(t.nsecsElapsed()) / 1e6);
    }

    // 3. The fill after migration 13.
    const QString path = dir.filePath(QStringLiteral("phone-bench.sqlite"));
    QFile::remove(path);
    {
        storage::ScopedConnection conn(path, storage::ScopedConnection::Mode::ReadWrite);
        if (!storage::migrate(conn.db(), 12)) {
            std::fprintf(stderr, "cannot make a schema-12 database\n");
            return 1;
        }
        QSqlQuery q(conn.db());
        q.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous = OFF"));
        t.restart();
        const bool ok = q.exec(QStringLiteral(
                                   "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < %1) "
                                   "INSERT INTO contacts (email, email_key, phone, created_at, updated_at) "
                                   "SELECT 'c' || x || '@example.com', 'c' || x || '@example.com', "
                                   "CASE x % 4 WHEN 0 THEN '+1' || (201 + x % 700) || '555' || printf('%04d', x % 10000) "
                                   "WHEN 1 THEN '+447400' || printf('%06d', x % 1000000) "
                                   "WHEN 2 THEN '+34612' || printf('%06d', x % 1000000) "
                                   "ELSE '+4930' || printf('%07d', x % 10000000) END, 1, 1 FROM n")
                                   .arg(contactsWanted));
        if (!ok) {
            std::fprintf(stderr, "cannot fill: %s\n", qPrintable(q.lastError().text()));
            return 1;
        }
        std::printf("made %d schema-12 contacts in %.1f s\n", contactsWanted, double(t.nsecsElapsed()) / 1e9);
    }
    t.restart();
    auto db = Database::open(path);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        return 1;
    }
    const double openSeconds = double(t.nsecsElapsed()) / 1e9;
    (*db)->waitForPhoneTypes();
    const double fillSeconds = double(t.nsecsElapsed()) / 1e9;
    QSqlQuery q((*db)->connection());
    q.exec(QStringLiteral("SELECT count(*), sum(phone_type IN ('mobile', 'fixed_line_or_mobile', 'voip')) FROM contacts "
                          "WHERE phone_type IS NOT NULL"));
    q.next();
    std::printf("Database::open (migration 13, backup before it) returned in %.1f s; the worker typed %lld rows "
                "(%lld textable) by %.1f s (%.0f rows/s)\n",
                openSeconds, q.value(0).toLongLong(), q.value(1).toLongLong(), fillSeconds, q.value(0).toLongLong() / fillSeconds);
    return 0;
}
