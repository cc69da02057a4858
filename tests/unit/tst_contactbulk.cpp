// SPDX-License-Identifier: GPL-3.0-or-later
// Bulk actions and single-contact edits on a real SQLite file: each changes exactly what it says, each
// undo reverses exactly that, a cancel changes nothing, and a delete can be put back whole.
#include "contacts/contactbulk.h"
#include "contacts/contactrepository.h"
#include "contacts/suppression.h"
#include "databasefixture.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <optional>

using namespace lux;
using namespace lux::contacts;

namespace {
ContactFilter searchFor(const QString &words)
{
    ContactFilter f;
    f.search = words;
    return f;
}
} // namespace

class TestContactBulk : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void addTagChangesOnlyThoseWithoutIt();
    void removeTagAndUndo();
    void unsubscribeLeavesOtherStatusesAndUndoes();
    void deleteAndRestoreGiveBackEverything();
    void restoreSkipsAnAddressTakenMeanwhile();
    void trashIsPurgedAtOpenAndNotExported();
    void cancelChangesNothing();
    void filterSelectionResolvesCurrentMatches();
    void updateValidatesAndRecordsConsent();
    void idsSortWithEmptiesLast();

private:
    qint64 addContact(const QString &email, const QString &first = {}, const QString &company = {},
                      const QStringList &tags = {}, const QString &status = QStringLiteral("subscribed"));
    QString dump(const QString &sql) const; // every row of a query, one line each
    QSqlDatabase db() const { return m_fx->db(); }

    std::optional<test::DatabaseFixture> m_fx;
};

void TestContactBulk::init()
{
    QVERIFY(m_fx.emplace(QStringLiteral("bulk.sqlite")).open());
}

qint64 TestContactBulk::addContact(const QString &email, const QString &first, const QString &company,
                                   const QStringList &tags, const QString &status)
{
    Contact c;
    c.email = email;
    c.firstName = first;
    c.company = company;
    c.tags = tags;
    c.status = status;
    const auto added = ContactRepository(db()).add(c, QStringLiteral("US"), std::nullopt, QStringLiteral("signed up at the fair"));
    if (!added) {
        qWarning() << added.error().message;
        return 0;
    }
    return added->id;
}

QString TestContactBulk::dump(const QString &sql) const
{
    QSqlQuery q(db());
    if (!q.exec(sql))
        return QStringLiteral("error: ") + sql;
    QStringList rows;
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < q.record().count(); ++i)
            cells << (q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
        rows << cells.join(u'|');
    }
    return rows.join(u'\n');
}

void TestContactBulk::addTagChangesOnlyThoseWithoutIt()
{
    const qint64 a = addContact(QStringLiteral("a@example.com"), {}, {}, {QStringLiteral("VIP")});
    const qint64 b = addContact(QStringLiteral("b@example.com"));
    const qint64 c = addContact(QStringLiteral("c@example.com"));
    ContactBulk bulk(db(), std::nullopt);

    const auto change = bulk.addTag({a, b, c, 999}, QStringLiteral("vip")); // existing tag, other case; 999 is gone
    QVERIFY2(change.ok(), change.ok() ? "" : qPrintable(change.error().message));
    QCOMPARE(change->ids, (QList<qint64>{b, c}));
    QVERIFY(!change->tagCreated);
    QCOMPARE(dump(QStringLiteral("SELECT contact_id FROM contact_tags ORDER BY 1")),
             QStringLiteral("%1\n%2\n%3").arg(a).arg(b).arg(c));
    QVERIFY(bulk.undoAddTag(*change).ok());
    QCOMPARE(dump(QStringLiteral("SELECT contact_id FROM contact_tags")), QString::number(a)); // a kept its own tag
    QCOMPARE(dump(QStringLiteral("SELECT name FROM tags")), QStringLiteral("VIP"));

    const auto fresh = bulk.addTag({a, b}, QStringLiteral("Spring Sale"));
    QVERIFY(fresh.ok());
    QVERIFY(fresh->tagCreated);
    QVERIFY(bulk.undoAddTag(*fresh).ok());
    QCOMPARE(dump(QStringLiteral("SELECT name FROM tags ORDER BY 1")), QStringLiteral("VIP")); // the new tag went too
    QCOMPARE(dump(QStringLiteral("SELECT action, details FROM audit_log WHERE action LIKE 'contacts.%' ORDER BY id")),
             QStringLiteral("contacts.tagged|VIP: 2\ncontacts.untagged|VIP: 2\ncontacts.tagged|Spring Sale: 2\n"
                            "contacts.untagged|Spring Sale: 2"));
}

void TestContactBulk::removeTagAndUndo()
{
    const qint64 a = addContact(QStringLiteral("a@example.com"), {}, {}, {QStringLiteral("Lead")});
    const qint64 b = addContact(QStringLiteral("b@example.com"));
    ContactBulk bulk(db(), std::nullopt);
    QCOMPARE(bulk.removeTag({a, b}, QStringLiteral("Nope")).error().code, QStringLiteral("tag.not-found"));
    const auto change = bulk.removeTag({a, b}, QStringLiteral("lead"));
    QVERIFY(change.ok());
    QCOMPARE(change->ids, QList<qint64>{a});
    QCOMPARE(dump(QStringLiteral("SELECT count(*) FROM contact_tags")), QStringLiteral("0"));
    QVERIFY(bulk.undoRemoveTag(*change).ok());
    QCOMPARE(dump(QStringLiteral("SELECT c.email, t.name FROM contact_tags ct JOIN contacts c ON c.id = ct.contact_id "
                                 "JOIN tags t ON t.id = ct.tag_id")),
             QStringLiteral("a@example.com|Lead"));
}

void TestContactBulk::unsubscribeLeavesOtherStatusesAndUndoes()
{
    const qint64 a = addContact(QStringLiteral("a@example.com"));
    const qint64 b = addContact(QStringLiteral("b@example.com"), {}, {}, {}, QStringLiteral("bounced"));
    const qint64 c = addContact(QStringLiteral("c@example.com"));
    ContactBulk bulk(db(), std::nullopt);
    const auto change = bulk.unsubscribe({a, b, c});
    QVERIFY(change.ok());
    QCOMPARE(change->ids, (QList<qint64>{a, c}));
    QCOMPARE(change->consentEvents.size(), 2);
    QCOMPARE(dump(QStringLiteral("SELECT email, status FROM contacts ORDER BY id")),
             QStringLiteral("a@example.com|unsubscribed\nb@example.com|bounced\nc@example.com|unsubscribed"));
    QCOMPARE(dump(QStringLiteral("SELECT contact_id, action, method FROM consent_events WHERE action = 'withdrawn' ORDER BY contact_id")),
             QStringLiteral("%1|withdrawn|manual\n%2|withdrawn|manual").arg(a).arg(c));

    // c complains meanwhile and goes on the suppression list: the undo must not subscribe c again.
    QVERIFY(SuppressionList(db()).add(SuppressionList::Channel::Email, QStringLiteral("c@example.com"),
                                      QStringLiteral("complaint"), std::nullopt)
                .ok());
    const auto undone = bulk.undoUnsubscribe(*change);
    QVERIFY(undone.ok());
    QCOMPARE(*undone, 1);
    QCOMPARE(dump(QStringLiteral("SELECT email, status FROM contacts ORDER BY id")),
             QStringLiteral("a@example.com|subscribed\nb@example.com|bounced\nc@example.com|unsubscribed"));
    QCOMPARE(dump(QStringLiteral("SELECT count(*) FROM consent_events WHERE action = 'withdrawn'")), QStringLiteral("0"));
    QCOMPARE(dump(QStringLiteral("SELECT count(*) FROM consent_events WHERE action = 'given'")), QStringLiteral("3"));
}

void TestContactBulk::deleteAndRestoreGiveBackEverything()
{
    const qint64 a = addContact(QStringLiteral("a@example.com"), QStringLiteral("Ana"), QStringLiteral("Acme"),
                                {QStringLiteral("VIP"), QStringLiteral("Lead")});
    const qint64 b = addContact(QStringLiteral("b@example.com"), QStringLiteral("Bo"));
    addContact(QStringLiteral("keep@example.com"));
    const QString contacts = QStringLiteral("SELECT * FROM contacts ORDER BY id");
    const QString tags = QStringLiteral("SELECT * FROM contact_tags ORDER BY contact_id, tag_id");
    const QString consent = QStringLiteral("SELECT * FROM consent_events ORDER BY id");
    const QString before = dump(contacts) + dump(tags) + dump(consent);

    ContactBulk bulk(db(), std::nullopt);
    const auto deletion = bulk.moveToTrash({a, b});
    QVERIFY(deletion.ok());
    QCOMPARE(deletion->count, 2);
    QCOMPARE(dump(QStringLiteral("SELECT email FROM contacts")), QStringLiteral("keep@example.com"));
    QCOMPARE(*ContactRepository(db()).count(searchFor(QStringLiteral("ana"))), 0); // out of the search index
    QCOMPARE(dump(QStringLiteral("SELECT count(*) FROM consent_events WHERE contact_id IS NULL")), QStringLiteral("2"));

    const auto restored = bulk.restoreFromTrash(deletion->batch);
    QVERIFY(restored.ok());
    QCOMPARE(restored->restored, 2);
    QCOMPARE(restored->skipped, 0);
    QCOMPARE(dump(contacts) + dump(tags) + dump(consent), before);
    QCOMPARE(*ContactRepository(db()).count(searchFor(QStringLiteral("ana"))), 1); // back in the search index
    QCOMPARE(dump(QStringLiteral("SELECT (SELECT count(*) FROM contacts_trash) + (SELECT count(*) FROM contact_tags_trash) "
                                 "+ (SELECT count(*) FROM consent_links_trash)")),
             QStringLiteral("0"));
}

void TestContactBulk::restoreSkipsAnAddressTakenMeanwhile()
{
    const qint64 a = addContact(QStringLiteral("a@example.com"), QStringLiteral("Old"));
    const qint64 b = addContact(QStringLiteral("b@example.com"));
    ContactBulk bulk(db(), std::nullopt);
    const auto deletion = bulk.moveToTrash({a, b});
    QVERIFY(deletion.ok());
    const qint64 again = addContact(QStringLiteral("A@example.com"), QStringLiteral("New"), {}, {QStringLiteral("Fresh")});
    const auto restored = bulk.restoreFromTrash(deletion->batch);
    QVERIFY(restored.ok());
    QCOMPARE(restored->restored, 1);
    QCOMPARE(restored->skipped, 1);
    QCOMPARE(dump(QStringLiteral("SELECT email, first_name FROM contacts ORDER BY email")),
             QStringLiteral("A@example.com|New\nb@example.com|NULL"));
    QCOMPARE(dump(QStringLiteral("SELECT contact_id FROM contact_tags")), QString::number(again));
}

void TestContactBulk::trashIsPurgedAtOpenAndNotExported()
{
    const qint64 a = addContact(QStringLiteral("secret-person@example.com"), QStringLiteral("Zed"), {}, {QStringLiteral("VIP")});
    QVERIFY(ContactBulk(db(), std::nullopt).moveToTrash({a}).ok());
    const QString exported = m_fx->filePath(QStringLiteral("shared.sqlite"));
    QVERIFY(storage::exportDatabase(m_fx->path(), exported).ok());
    QCOMPARE(test::countRows(exported, QStringLiteral("contacts_trash")), 0);
    QCOMPARE(test::countRows(exported, QStringLiteral("contact_tags_trash")), 0);
    QCOMPARE(test::countRows(exported, QStringLiteral("consent_links_trash")), 0);

    QCOMPARE(test::countRows(m_fx->path(), QStringLiteral("contacts_trash")), 1);
    QVERIFY(ContactBulk::purgeAllTrash(db()).ok());
    QCOMPARE(test::countRows(m_fx->path(), QStringLiteral("contacts_trash")), 0);
    QCOMPARE(test::countRows(m_fx->path(), QStringLiteral("contact_tags_trash")), 0);
    QCOMPARE(test::countRows(m_fx->path(), QStringLiteral("consent_links_trash")), 0);
}

void TestContactBulk::cancelChangesNothing()
{
    QList<qint64> ids;
    QVERIFY(db().transaction());
    for (int i = 0; i < 12000; ++i) { // three chunks
        QSqlQuery q(db());
        q.prepare(QStringLiteral("INSERT INTO contacts (email, email_key, status, created_at, updated_at) VALUES (?, ?, 'subscribed', 1, 1)"));
        const QString email = QStringLiteral("p%1@example.com").arg(i);
        q.addBindValue(email);
        q.addBindValue(email);
        QVERIFY(q.exec());
        ids << q.lastInsertId().toLongLong();
    }
    QVERIFY(db().commit());
    const QString before = dump(QStringLiteral("SELECT count(*), sum(status = 'subscribed') FROM contacts"));
    std::atomic_bool cancel = false;
    QList<qint64> seen;
    const auto progress = [&](qint64 done, qint64 total) {
        seen << done;
        QCOMPARE(total, 12000);
        cancel = true; // after the first chunk
    };
    ContactBulk bulk(db(), std::nullopt);
    QCOMPARE(bulk.unsubscribe(ids, progress, &cancel).error().code, QStringLiteral("cancelled"));
    QCOMPARE(seen, QList<qint64>{5000});
    QCOMPARE(dump(QStringLiteral("SELECT count(*), sum(status = 'subscribed') FROM contacts")), before);
    QCOMPARE(dump(QStringLiteral("SELECT count(*) FROM consent_events")), QStringLiteral("0"));
    cancel = false;
    QCOMPARE(bulk.moveToTrash(ids, [&](qint64, qint64) { cancel = true; }, &cancel).error().code, QStringLiteral("cancelled"));
    QCOMPARE(test::countRows(m_fx->path(), QStringLiteral("contacts")), 12000);
    QCOMPARE(test::countRows(m_fx->path(), QStringLiteral("contacts_trash")), 0);

    seen.clear();
    const auto all = bulk.addTag(ids, QStringLiteral("All"), [&](qint64 done, qint64) { seen << done; });
    QVERIFY(all.ok());
    QCOMPARE(all->ids.size(), 12000);
    QCOMPARE(seen, (QList<qint64>{5000, 10000, 12000}));
}

void TestContactBulk::filterSelectionResolvesCurrentMatches()
{
    addContact(QStringLiteral("a@example.com"), {}, {}, {QStringLiteral("VIP")});
    const qint64 b = addContact(QStringLiteral("b@example.com"), {}, {}, {QStringLiteral("VIP")});
    const qint64 c = addContact(QStringLiteral("c@example.com"), {}, {}, {QStringLiteral("VIP")});
    addContact(QStringLiteral("d@example.com"));
    QVERIFY(ContactBulk(db(), std::nullopt).unsubscribe({addContact(QStringLiteral("e@example.com"))}).ok());
    ContactBulk bulk(db(), std::nullopt);
    QCOMPARE(*bulk.resolve({.ids = {c, b, c}, .filter = std::nullopt}), (QList<qint64>{b, c}));
    ContactFilter vip;
    vip.tag = QStringLiteral("vip");
    QCOMPARE(bulk.resolve({.ids = {}, .filter = vip})->size(), 3);
    ContactFilter unsubscribed;
    unsubscribed.status = QStringLiteral("unsubscribed");
    QCOMPARE(bulk.resolve({.ids = {b}, .filter = unsubscribed})->size(), 1); // the filter wins over picked ids
}

void TestContactBulk::updateValidatesAndRecordsConsent()
{
    const qint64 a = addContact(QStringLiteral("a@example.com"), QStringLiteral("Ana"), {}, {QStringLiteral("VIP")});
    addContact(QStringLiteral("taken@example.com"));
    ContactRepository repo(db());
    Contact c = *repo.find(a);
    QCOMPARE(c.tags, QStringList{QStringLiteral("VIP")});

    Contact bad = c;
    bad.email = QStringLiteral("not-an-address");
    QCOMPARE(repo.update(bad, QStringLiteral("US"), std::nullopt).error().code, QStringLiteral("email.invalid"));
    bad = c;
    bad.email = QStringLiteral("TAKEN@example.com");
    QCOMPARE(repo.update(bad, QStringLiteral("US"), std::nullopt).error().code, QStringLiteral("contact.duplicate"));
    bad = c;
    bad.phone = QStringLiteral("12");
    QVERIFY(!repo.update(bad, QStringLiteral("US"), std::nullopt).ok());
    QCOMPARE(repo.find(a)->email, QStringLiteral("a@example.com")); // nothing of the failed edits stored

    c.email = QStringLiteral(" Ana.New@Example.COM ");
    c.phone = QStringLiteral("(415) 555-0132");
    c.tags = {QStringLiteral("Lead"), QStringLiteral("vip")};
    c.custom = QJsonObject{{QStringLiteral("plan"), QStringLiteral("gold")}};
    c.status = QStringLiteral("unsubscribed");
    const auto saved = repo.update(c, QStringLiteral("US"), std::nullopt);
    QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().message));
    QCOMPARE(saved->email, QStringLiteral("Ana.New@example.com"));
    QCOMPARE(saved->phone, QStringLiteral("+14155550132"));
    QCOMPARE(saved->tags, (QStringList{QStringLiteral("Lead"), QStringLiteral("VIP")}));
    QCOMPARE(saved->custom.value(QStringLiteral("plan")).toString(), QStringLiteral("gold"));
    QCOMPARE(*repo.count(searchFor(QStringLiteral("ana.new"))), 1);
    QCOMPARE(dump(QStringLiteral("SELECT action, method FROM consent_events WHERE contact_id = %1 ORDER BY id").arg(a)),
             QStringLiteral("given|manual\nwithdrawn|manual"));

    // On the suppression list: may not become subscribed again.
    QVERIFY(SuppressionList(db()).add(SuppressionList::Channel::Email, c.email.trimmed(), QStringLiteral("complaint"), std::nullopt).ok());
    c = *repo.find(a);
    c.status = QStringLiteral("subscribed");
    QCOMPARE(repo.update(c, QStringLiteral("US"), std::nullopt).error().code, QStringLiteral("contact.suppressed"));
    c.status = QStringLiteral("unsubscribed");
    c.firstName = QStringLiteral("Ana María");
    QVERIFY(repo.update(c, QStringLiteral("US"), std::nullopt).ok());
    QCOMPARE(repo.find(a)->firstName, QStringLiteral("Ana María"));
}

void TestContactBulk::idsSortWithEmptiesLast()
{
    const qint64 zed = addContact(QStringLiteral("zed@example.com"), QStringLiteral("Zed"), QStringLiteral("beta"));
    const qint64 amy = addContact(QStringLiteral("amy@example.com"), QStringLiteral("amy"), QStringLiteral("Alpha"));
    const qint64 none = addContact(QStringLiteral("none@example.com"));
    const qint64 bob = addContact(QStringLiteral("bob@example.com"), QStringLiteral("Bob"), QStringLiteral("alpha"));
    ContactRepository repo(db());
    using Key = ContactRepository::SortKey;
    QCOMPARE(*repo.ids({}, Key::Name), (QList<qint64>{amy, bob, zed, none}));
    QCOMPARE(*repo.ids({}, Key::Name, true), (QList<qint64>{zed, bob, amy, none}));
    QCOMPARE(*repo.ids({}, Key::Company), (QList<qint64>{amy, bob, zed, none})); // Alpha = alpha, then id
    QCOMPARE(*repo.ids({}, Key::Email), (QList<qint64>{amy, bob, none, zed}));
    QCOMPARE(*repo.ids({}, Key::Id, true), (QList<qint64>{bob, none, amy, zed}));
    QCOMPARE(*repo.ids(searchFor(QStringLiteral("alpha")), Key::Name, true), (QList<qint64>{bob, amy}));
    const auto rows = repo.byIds({zed, 12345, amy});
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 2);
    QCOMPARE(rows->at(0).email, QStringLiteral("zed@example.com"));
    QCOMPARE(rows->at(1).firstName, QStringLiteral("amy"));
}

LUX_TEST_MAIN(TestContactBulk, QCoreApplication)
#include "tst_contactbulk.moc"
