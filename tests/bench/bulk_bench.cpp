// SPDX-License-Identifier: GPL-3.0-or-later
// Sorting and bulk actions on a copy of a database of contacts (for example the million of
// import_bench.sh): the sorted id list per column (what the Contacts page computes on a worker when a
// header is clicked), then "all that match" bulk actions with their undos, each timed once, in the
// order a marketer would run them. The database given is copied first and never changed.
//   lux-bulk-bench DB [WORKDIR]
#include "contacts/contactbulk.h"
#include "contacts/contactrepository.h"
#include "storage/database.h"
#include "storage/sqlitefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

using namespace lux;
using namespace lux::contacts;

namespace {

template<typename Fn>
double timed(Fn &&fn)
{
    QElapsedTimer t;
    t.start();
    fn();
    return double(t.nsecsElapsed()) / 1e6;
}

void report(const char *what, double ms, qint64 rows)
{
    std::printf("%-58s %10.1f ms  %9lld rows\n", what, ms, static_cast<long long>(rows));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: lux-bulk-bench DB [WORKDIR]\n");
        return 2;
    }
    QTemporaryDir temp(args.size() >= 3 ? args.at(2) + QStringLiteral("/lux-bulk-XXXXXX") : QString());
    const QString copy = temp.filePath(QStringLiteral("bulk.sqlite"));
    if (Status s = storage::copyDatabase(args.at(1), copy); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error().message));
        return 1;
    }
    auto db = Database::open(copy); // migrates an older copy to the current schema
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        return 1;
    }
    QSqlDatabase conn = (*db)->connection();
    ContactRepository repo(conn);
    using Key = ContactRepository::SortKey;
    const QList<QPair<const char *, Key>> sorts = {{"sorted ids: email", Key::Email},     {"sorted ids: name", Key::Name},
                                                   {"sorted ids: company", Key::Company}, {"sorted ids: country", Key::Country},
                                                   {"sorted ids: status", Key::Status},   {"sorted ids: added", Key::Created}};
    QList<qint64> sorted;
    for (const auto &[name, key] : sorts) {
        const double ms = timed([&] { sorted = *repo.ids({}, key, false); });
        report(name, ms, sorted.size());
    }
    // (Each figure below is taken before its row count is read: function arguments have no order.)
    ContactFilter vip;
    vip.tag = QStringLiteral("VIP");
    {
        const double ms = timed([&] { sorted = *repo.ids(vip, Key::Company, true); });
        report("sorted ids: company, tag VIP", ms, sorted.size());
    }
    QList<Contact> page;
    {
        const double ms = timed([&] { page = *repo.byIds(sorted.mid(0, 200)); });
        report("first page of a sorted list (200 by id)", ms, page.size());
    }

    ContactBulk bulk(conn, std::nullopt);
    QList<qint64> all;
    {
        const double ms = timed([&] { all = *bulk.resolve({{}, ContactFilter{}}); });
        report("resolve \"all that match\" (no filter)", ms, all.size());
    }
    ContactBulk::TagChange tagged;
    {
        const double ms = timed([&] { tagged = *bulk.addTag(all, QStringLiteral("Bench")); });
        report("add a new tag to all", ms, tagged.ids.size());
    }
    {
        const double ms = timed([&] { (void)bulk.undoAddTag(tagged); });
        report("undo: remove it again", ms, tagged.ids.size());
    }
    ContactBulk::StatusChange unsubscribed;
    {
        const double ms = timed([&] { unsubscribed = *bulk.unsubscribe(all); });
        report("unsubscribe all", ms, unsubscribed.ids.size());
    }
    qint64 back = 0;
    {
        const double ms = timed([&] { back = *bulk.undoUnsubscribe(unsubscribed); });
        report("undo: subscribe again", ms, back);
    }
    QList<qint64> vipIds = *bulk.resolve({{}, vip});
    ContactBulk::Deletion deleted;
    {
        const double ms = timed([&] { deleted = *bulk.moveToTrash(vipIds); });
        report("delete tag VIP's contacts", ms, deleted.count);
    }
    ContactBulk::Restore restored;
    {
        const double ms = timed([&] { restored = *bulk.restoreFromTrash(deleted.batch); });
        report("undo: restore them", ms, restored.restored);
    }
    {
        const double ms = timed([&] { deleted = *bulk.moveToTrash(all); });
        report("delete all", ms, deleted.count);
    }
    {
        const double ms = timed([&] { restored = *bulk.restoreFromTrash(deleted.batch); });
        report("undo: restore all", ms, restored.restored);
    }
    return 0;
}
