// SPDX-License-Identifier: GPL-3.0-or-later
#include "databasefixture.h"

#include "contacts/contactrepository.h"
#include "content/templatestore.h"
#include "storage/sqlvalues.h"

#include <QJsonObject>
#include <QSqlQuery>

namespace lux::test {

DatabaseFixture::DatabaseFixture(const QString &fileName) : m_path(m_env.path(fileName)) {}

DatabaseFixture::~DatabaseFixture()
{
    close(); // before the folder is removed
}

Status DatabaseFixture::open(const Database::Options &options)
{
    close();
    auto opened = Database::open(m_path, options);
    if (!opened) {
        qWarning("cannot open %s: %s", qPrintable(m_path), qPrintable(opened.error().message)); // for a bare QVERIFY
        return opened.error();
    }
    m_db = std::move(opened).value();
    return {};
}

void DatabaseFixture::close()
{
    m_db.reset();
}

Result<User> DatabaseFixture::addAdmin()
{
    return createAdmin(db());
}

Result<qint64> DatabaseFixture::addContact(const QString &email, const QString &firstName, const QStringList &tags, const QString &company)
{
    contacts::Contact contact;
    contact.email = email;
    contact.firstName = firstName;
    contact.tags = tags;
    contact.company = company;
    const auto added = contacts::ContactRepository(db()).add(contact, QStringLiteral("US"), std::nullopt);
    if (!added)
        return added.error();
    return added->id;
}

Status DatabaseFixture::addBrandKit(const QString &name, const QString &address)
{
    return content::TemplateStore(db()).saveBrandKit(name, {{QStringLiteral("address"), address}}, true, std::nullopt);
}

Result<qint64> DatabaseFixture::addTemplate(const QString &name, const QString &subject, const QString &source, const QString &preheader)
{
    content::EmailTemplate t;
    t.name = name;
    t.subject = subject;
    t.preheader = preheader;
    t.source = source;
    const auto saved = content::TemplateStore(db()).save(t, std::nullopt);
    if (!saved)
        return saved.error();
    return saved->id;
}

Result<qint64> DatabaseFixture::addCampaign(const QString &name, const QString &status, qint64 at, const QString &subject, const QString &from)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("INSERT INTO campaigns (name, from_email, subject, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"));
    // A null QString binds NULL, which the NOT NULL subject refuses.
    for (const QVariant &v : QVariantList{name, from, subject.isNull() ? QStringLiteral("") : subject, status, at, at})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q, QStringLiteral("db.write"));
    return q.lastInsertId().toLongLong();
}

Result<qint64> DatabaseFixture::addOutboxRow(qint64 campaignId, qint64 contactId, const QString &state, const QString &messageId, qint64 updatedAt)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("INSERT INTO outbox (campaign_id, contact_id, address, address_key, state, message_id, updated_at) "
                             "SELECT ?, id, email, email_key, ?, ?, ? FROM contacts WHERE id = ?"));
    for (const QVariant &v : QVariantList{campaignId, state, messageId, updatedAt, contactId})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q, QStringLiteral("db.write"));
    if (q.numRowsAffected() != 1)
        return Error(QStringLiteral("test.no-contact"), QStringLiteral("no contact %1 to address").arg(contactId));
    return q.lastInsertId().toLongLong();
}

Status DatabaseFixture::addLink(qint64 campaignId, int linkId, const QString &url)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("INSERT INTO campaign_links (campaign_id, link_id, url, registered_at) VALUES (?, ?, ?, 1)"));
    for (const QVariant &v : QVariantList{campaignId, linkId, url})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q, QStringLiteral("db.write"));
    return {};
}

Result<qint64> DatabaseFixture::addTrackingEvent(qint64 outboxId, const QString &kind, qint64 at, bool machine, int linkId, const QString &reason)
{
    QSqlQuery q(db());
    // tracker_id is lux-tracker's cursor: one past the highest so far.
    q.prepare(QStringLiteral("INSERT INTO tracking_events (tracker_id, kind, campaign_id, outbox_id, contact_id, link_id, at, machine, reason) "
                             "SELECT (SELECT coalesce(max(tracker_id), 0) + 1 FROM tracking_events), ?, campaign_id, id, contact_id, ?, ?, ?, ? "
                             "FROM outbox WHERE id = ?"));
    const QString why = machine && reason.isEmpty() ? QStringLiteral("scanner") : reason;
    for (const QVariant &v : QVariantList{kind, linkId, at, machine ? 1 : 0, why.isNull() ? QStringLiteral("") : why, outboxId})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q, QStringLiteral("db.write"));
    if (q.numRowsAffected() != 1)
        return Error(QStringLiteral("test.no-outbox-row"), QStringLiteral("no outbox row %1").arg(outboxId));
    return q.lastInsertId().toLongLong();
}

} // namespace lux::test
