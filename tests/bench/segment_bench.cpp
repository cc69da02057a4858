// SPDX-License-Identifier: GPL-3.0-or-later
// Counts of saved-segment rules on a database of contacts (for example the million of
// import_bench.sh): median and worst of N runs, in process, after one warm-up.
//   lux-segment-bench DB [--runs N]
#include "contacts/contactrepository.h"
#include "contacts/segment.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace lux;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: lux-segment-bench DB [--runs N]\n");
        return 2;
    }
    const int runs = args.size() >= 4 && args.at(2) == QLatin1String("--runs") ? args.at(3).toInt() : 20;
    auto db = Database::open(args.at(1), {Database::Access::ReadWriteOrReadOnly, false, {}});
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        return 1;
    }
    if (qEnvironmentVariableIsSet("LUX_BENCH_MMAP")) { // compare: LUX_BENCH_MMAP=0 turns the map off
        QSqlQuery q((*db)->connection());
        q.exec(QStringLiteral("PRAGMA mmap_size = ") + QString::number(qEnvironmentVariableIntValue("LUX_BENCH_MMAP")));
    }
    const QList<QPair<const char *, const char *>> cases = {
        {"three rules (country, tag, created within 30 days)",
         R"({"match":"all","rules":[{"field":"country","op":"equals","value":"US"},{"field":"tag","op":"has","value":"VIP"},
             {"field":"created_at","op":"within_days","value":30}]})"},
        {"three rules, nested any (tag or company contains, status)",
         R"({"match":"all","rules":[{"field":"status","op":"is","value":"subscribed"},{"match":"any","rules":[
             {"field":"tag","op":"has","value":"Webinar 2026"},{"field":"company","op":"contains","value":"wonka"}]}]})"},
        {"one tag", R"({"rules":[{"field":"tag","op":"has","value":"Customer"}]})"},
    };
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const auto &[name, json] : cases) {
        const QJsonObject rules = QJsonDocument::fromJson(QByteArray(json)).object();
        const auto warm = contacts::Segment::count((*db)->connection(), rules, now);
        if (!warm) {
            std::fprintf(stderr, "%s\n", qPrintable(warm.error().message));
            return 1;
        }
        std::vector<double> ms;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer t;
            t.start();
            (void)contacts::Segment::count((*db)->connection(), rules, now);
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        std::printf("%-58s count %8lld  median %7.1f ms  max %7.1f ms\n", name, static_cast<long long>(*warm),
                    ms[ms.size() / 2], ms.back());
    }
    // The first page a search shows (50 rows), as the Contacts page will ask for it.
    contacts::ContactRepository repo((*db)->connection());
    for (const char *words : {"ana", "garc", "ana garcia", "wonka", "correo example es", "zzzz"}) {
        contacts::ContactFilter filter;
        filter.search = QString::fromUtf8(words);
        (void)repo.page(filter, 50);
        std::vector<double> ms;
        qsizetype rows = 0;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer t;
            t.start();
            rows = repo.page(filter, 50)->size();
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        std::printf("search first page %-40s rows %8lld  median %7.1f ms  max %7.1f ms\n", qPrintable(QStringLiteral("\"%1\"").arg(QString::fromUtf8(words))),
                    static_cast<long long>(rows), ms[ms.size() / 2], ms.back());
    }
    return 0;
}
