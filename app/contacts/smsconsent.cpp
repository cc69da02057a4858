// SPDX-License-Identifier: GPL-3.0-or-later
#include "smsconsent.h"
#include "common/errorcodes.h"

#include "contacts/suppression.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"

#include <QSqlQuery>

namespace lux::contacts {

QString SmsConsent::methodName(Method method)
{
    switch (method) {
    case Method::Form: return QStringLiteral("form");
    case Method::Import: return QStringLiteral("import");
    case Method::Manual: return QStringLiteral("manual");
    case Method::DoubleOptIn: return QStringLiteral("double_opt_in");
    case Method::Keyword: return QStringLiteral("keyword");
    }
    return {};
}

Status SmsConsent::record(qint64 contactId, const QString &action, Method method, const QString &consentText, const QString &source,
                          const QString &evidence, std::optional<qint64> byUser)
{
    const qint64 now = m_clock();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO consent_events (contact_id, channel, action, method, evidence, at, by_user, consent_text, source) "
                             "VALUES (?, 'sms', ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v : QVariantList{contactId, action, methodName(method), storage::notNull(evidence), now, storage::userValue(byUser),
                                          consentText.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(consentText),
                                          source.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(source)})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    q.prepare(QStringLiteral("UPDATE contacts SET sms_consent = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(action == QLatin1String("withdrawn") ? 0 : 1);
    q.addBindValue(now);
    q.addBindValue(contactId);
    if (!q.exec())
        return storage::queryError(q);
    if (q.numRowsAffected() != 1)
        return Error(errc::contactNotFound, tr("There is no contact %1.").arg(contactId));
    return {};
}

Status SmsConsent::give(qint64 contactId, Method method, const QString &consentText, const QString &source, std::optional<qint64> byUser)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    if (Status s = giveWithin(contactId, method, consentText, source, byUser); !s)
        return s;
    return tx.commit();
}

Status SmsConsent::giveWithin(qint64 contactId, Method method, const QString &consentText, const QString &source,
                              std::optional<qint64> byUser, const QString &evidence)
{
    if (consentText.trimmed().isEmpty() && method != Method::Keyword)
        return Error(errc::smsConsent, tr("SMS consent needs the words the person agreed to."));
    return record(contactId, QStringLiteral("given"), method, consentText.trimmed(), source, evidence, byUser);
}

bool SmsConsent::has(qint64 contactId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT sms_consent FROM contacts WHERE id = ?"));
    q.addBindValue(contactId);
    return q.exec() && q.next() && q.value(0).toInt() == 1;
}

QList<SmsConsent::Record> SmsConsent::history(qint64 contactId) const
{
    QList<Record> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT action, method, coalesce(consent_text, ''), coalesce(source, ''), coalesce(evidence, ''), at, by_user "
                             "FROM consent_events WHERE contact_id = ? AND channel = 'sms' ORDER BY at, id"));
    q.addBindValue(contactId);
    if (q.exec())
        while (q.next()) {
            Record r;
            r.action = q.value(0).toString();
            r.method = q.value(1).toString();
            r.consentText = q.value(2).toString();
            r.source = q.value(3).toString();
            r.evidence = q.value(4).toString();
            r.at = q.value(5).toLongLong();
            if (!q.value(6).isNull())
                r.byUser = q.value(6).toLongLong();
            out << r;
        }
    return out;
}

Result<QList<qint64>> SmsConsent::contactsWith(const QString &e164) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM contacts WHERE phone = ?"));
    q.addBindValue(e164);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

Result<int> SmsConsent::optOut(const QString &e164, const QString &evidence)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    const auto changed = optOutWithin(e164, evidence);
    if (!changed)
        return changed;
    if (Status s = tx.commit(); !s)
        return s.error();
    return changed;
}

Result<int> SmsConsent::optOutWithin(const QString &e164, const QString &evidence)
{
    if (const auto added = SuppressionList(m_db, m_clock).addKey(SuppressionList::Channel::Sms, e164, QString::fromLatin1(kKeywordReason));
        !added)
        return added.error();
    const auto ids = contactsWith(e164);
    if (!ids)
        return ids.error();
    int changed = 0;
    for (const qint64 id : *ids) {
        if (!has(id))
            continue; // withdrawn already: one withdrawal, not one per STOP
        if (Status s = record(id, QStringLiteral("withdrawn"), Method::Keyword, {}, e164, evidence, std::nullopt); !s)
            return s.error();
        ++changed;
    }
    return changed;
}

Result<int> SmsConsent::optIn(const QString &e164, const QString &evidence)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    const auto changed = optInWithin(e164, evidence);
    if (!changed)
        return changed;
    if (Status s = tx.commit(); !s)
        return s.error();
    return changed;
}

Result<int> SmsConsent::optInWithin(const QString &e164, const QString &evidence)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM suppression WHERE channel = 'sms' AND address_hash = ? AND reason IN (?, ?)"));
    q.addBindValue(SuppressionList::hashOf(e164));
    q.addBindValue(QString::fromLatin1(kKeywordReason));
    q.addBindValue(QString::fromLatin1(kRefusedReason));
    if (!q.exec())
        return storage::queryError(q);
    const auto ids = contactsWith(e164);
    if (!ids)
        return ids.error();
    int changed = 0;
    for (const qint64 id : *ids) {
        if (has(id))
            continue;
        if (Status s = record(id, QStringLiteral("given"), Method::Keyword, evidence, e164, evidence, std::nullopt); !s)
            return s.error();
        ++changed;
    }
    return changed;
}

} // namespace lux::contacts
