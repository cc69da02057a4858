// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "segment.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace lux::contacts {

struct Contact
{
    qint64 id = 0;
    QString email;
    QString firstName, lastName, phone, company, city, country, timeZone, language;
    QString status = QStringLiteral("subscribed");
    QString source;
    QJsonObject custom;
    QStringList tags;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

struct ContactFilter
{
    QString tag;    // contacts with this tag (case-insensitive)
    QString status; // one status
    std::optional<CompiledSegment> segment;
    QString search; // words as typed: every word must start a word of the email, a name or the company
};

// One entry of a contact's consent history (consent_events).
struct ConsentEvent
{
    QString action;   // given, confirmed, withdrawn
    QString method;   // form, import, manual, double_opt_in
    QString evidence; // what the person did, in the marketer's words
    qint64 at = 0;    // ms since the epoch
};

// Contacts of one database through prepared statements; no SQL text is ever built from input.
class ContactRepository
{
    Q_DECLARE_TR_FUNCTIONS(lux::contacts::ContactRepository)
public:
    explicit ContactRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    enum class SortKey { Id, Email, Name, Company, Country, Status, Created };

    // Validates and normalises (email, phone to E.164 with defaultCountry), then inserts with its tags
    // and custom fields. With consentEvidence, an email consent event (given, manual) records it.
    Result<Contact> add(const Contact &contact, const QString &defaultCountry, std::optional<qint64> byUser,
                        const QString &consentEvidence = {});
    // Saves the edits of an existing contact (matched by id) in one transaction: validated like add(),
    // the address must stay unique, the tags become exactly contact.tags (new ones are created), the
    // custom fields are replaced. A change to or from "subscribed" records a manual consent event, and a
    // contact whose address is on the suppression list cannot become subscribed.
    Result<Contact> update(const Contact &contact, const QString &defaultCountry, std::optional<qint64> byUser);
    Result<Contact> find(qint64 id) const; // with tags and custom fields
    Result<Contact> findByEmail(const QString &email) const;
    Result<qint64> count(const ContactFilter &filter = {}) const;
    // One page of contacts in id order (tags not loaded): what a list shows first.
    Result<QList<Contact>> page(const ContactFilter &filter, int limit, qint64 afterId = 0) const;
    // Every matching id in the given order (ties broken by id; empty values sort last either way;
    // text compares without ASCII case). A million ids take 8 MB: a sorted list pages through these.
    Result<QList<qint64>> ids(const ContactFilter &filter, SortKey sort = SortKey::Id, bool descending = false) const;
    // The contacts with these ids, in this order (tags not loaded); ids that no longer exist are skipped.
    Result<QList<Contact>> byIds(const QList<qint64> &ids) const;
    // Whether another contact than exceptId already has this address (compared by its key): the
    // editor says so while the user types, before a save would be refused.
    Result<bool> emailTaken(const QString &emailKey, qint64 exceptId) const;
    // The contact's consent events, oldest first.
    Result<QList<ConsentEvent>> consentHistory(qint64 contactId) const;
    // These tags too (made when missing), inside a transaction the caller holds: what a sync gives.
    Status addTags(qint64 contactId, const QStringList &tags, qint64 now);

private:
    Status writeTags(qint64 contactId, const QStringList &tags, qint64 now);
    Status recordConsent(qint64 contactId, const QString &action, const QString &evidence, qint64 now,
                         std::optional<qint64> byUser);

    QSqlDatabase m_db;
};

// CSV export of all contacts or a filtered set: UTF-8 with a header, every standard field, tags and
// one column per custom field. Cells that a spreadsheet would run as a formula are neutralised by
// CsvReader::neutralise, the one function every CSV the app writes uses.
class ContactExporter
{
    Q_DECLARE_TR_FUNCTIONS(lux::contacts::ContactExporter)
public:
    static Result<qint64> exportCsv(const QString &databasePath, const QString &outPath, const ContactFilter &filter = {});
};

} // namespace lux::contacts
