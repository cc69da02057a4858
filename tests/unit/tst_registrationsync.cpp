// SPDX-License-Identifier: GPL-3.0-or-later
// lux-tracker's registration events applied in the app (issue 18), on a real database file: the
// contact made with the event's tags; consent recorded with its text's version as given, and the
// contact subscribed only once the address is confirmed (someone typing a stranger's address
// subscribes nobody) and never over the suppression list; the message each change calls for; a
// repeated event changing nothing; another database's event with the same number ignored.
#include "campaigns/senderstore.h"
#include "contacts/suppression.h"
#include "databasefixture.h"
#include "events/eventstore.h"
#include "events/registrationsync.h"
#include "storage/transaction.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace lux;
using namespace lux::events;
using lux::test::errorText;

class TestRegistrationSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup() { m_fx.reset(); }
    void doubleOptInSubscribesOnlyOnceConfirmed();
    void waitingListMessages();
    void suppressedAndForeignEventsAreLeftAlone();

private:
    QSqlDatabase db() const { return m_fx->db(); }
    RegistrationSync::Applied apply(const QJsonObject &e)
    {
        QSqlDatabase c = db();
        storage::Transaction tx(c);
        RegistrationSync sync(db(), [] { return qint64(1'800'000'000'000); });
        const auto applied = sync.applyWithin(e);
        if (!applied) {
            qWarning("%s", errorText(applied).constData());
            return {};
        }
        if (!sync.finishWithin() || !tx.commit())
            return {};
        return *applied;
    }
    QJsonObject event(qint64 seq, qint64 registration, const QString &email, const QString &change, const QString &status, bool verified,
                      bool consent) const
    {
        return QJsonObject{{QStringLiteral("id"), seq},
                           {QStringLiteral("at"), qint64(1'800'000'000'000) + seq},
                           {QStringLiteral("type"), QStringLiteral("registration")},
                           {QStringLiteral("event"), m_event},
                           {QStringLiteral("slug"), m_slug},
                           {QStringLiteral("registration"), registration},
                           {QStringLiteral("change"), change},
                           {QStringLiteral("status"), status},
                           {QStringLiteral("verified"), verified},
                           {QStringLiteral("email"), email},
                           {QStringLiteral("first_name"), QStringLiteral("Ana")},
                           {QStringLiteral("answers"), QJsonArray{}},
                           {QStringLiteral("consent"), consent},
                           {QStringLiteral("consent_version"), consent ? 1 : 0},
                           {QStringLiteral("source"), QStringLiteral("link")},
                           {QStringLiteral("registered_at"), qint64(1'800'000'000'000)},
                           {QStringLiteral("position"), 1}};
    }
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery q(db());
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }
    QStringList mailKinds() const
    {
        QStringList out;
        QSqlQuery q(db());
        q.exec(QStringLiteral("SELECT kind FROM event_mail ORDER BY outbox_id"));
        while (q.next())
            out << q.value(0).toString();
        return out;
    }

    std::optional<test::DatabaseFixture> m_fx;
    qint64 m_event = 0;
    QString m_slug;
};

void TestRegistrationSync::init()
{
    QVERIFY(m_fx.emplace(QStringLiteral("sync.sqlite")).open());
    const auto sender = campaigns::SenderStore(db()).save(QStringLiteral("events@acme.example"), {});
    QVERIFY(sender.ok());
    Event e;
    e.title = QStringLiteral("Spring launch");
    e.startsAt = 1'900'000'000'000;
    e.endsAt = e.startsAt + 3600'000;
    e.timeZone = QStringLiteral("Europe/Madrid");
    e.senderId = sender->id;
    e.capacity = 1;
    e.tags = {QStringLiteral("spring-launch")};
    e.consentText = QStringLiteral("Send me news about Acme's events.");
    EventStore store(db());
    const auto id = store.create(e);
    QVERIFY2(id.ok(), errorText(id).constData());
    m_event = *id;
    QVERIFY(store.setStatus(m_event, EventStatus::Published).ok());
    m_slug = store.find(m_event)->slug;
}

void TestRegistrationSync::doubleOptInSubscribesOnlyOnceConfirmed()
{
    const RegistrationSync::Applied first = apply(event(1, 10, QStringLiteral("ana@example.com"), QStringLiteral("registered"), QStringLiteral("pending"), false, true));
    QVERIFY(first.known && first.changed && first.mailed);
    // A contact, tagged, with the consent as given, but not subscribed before the address is confirmed.
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM contacts WHERE email_key = 'ana@example.com'")).toString(), QStringLiteral("unsubscribed"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contact_tags")).toInt(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT action || '/' || method FROM consent_events")).toString(), QStringLiteral("given/form"));
    QVERIFY(scalar(QStringLiteral("SELECT evidence FROM consent_events")).toString().endsWith(QStringLiteral("version 1: Send me news about Acme's events.")));
    QCOMPARE(mailKinds(), QStringList{QStringLiteral("confirm-address")});
    // The same event again: nothing.
    const RegistrationSync::Applied again = apply(event(1, 10, QStringLiteral("ana@example.com"), QStringLiteral("registered"), QStringLiteral("pending"), false, true));
    QVERIFY(again.known && !again.changed);
    // Confirmed by the link: subscribed, the confirmation by double opt-in, and the seat's mail.
    QVERIFY(apply(event(2, 10, QStringLiteral("ana@example.com"), QStringLiteral("confirmed"), QStringLiteral("confirmed"), true, true)).changed);
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM contacts WHERE email_key = 'ana@example.com'")).toString(), QStringLiteral("subscribed"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM consent_events WHERE action = 'confirmed' AND method = 'double_opt_in'")).toInt(), 1);
    QCOMPARE(mailKinds(), (QStringList{QStringLiteral("confirm-address"), QStringLiteral("confirmation")}));
}

void TestRegistrationSync::waitingListMessages()
{
    // Unverified on the waiting list: asked to confirm first; once confirmed, told their place.
    QVERIFY(apply(event(1, 20, QStringLiteral("ben@example.com"), QStringLiteral("registered"), QStringLiteral("waiting"), false, false)).mailed);
    QVERIFY(apply(event(2, 20, QStringLiteral("ben@example.com"), QStringLiteral("confirmed"), QStringLiteral("waiting"), true, false)).mailed);
    QCOMPARE(mailKinds(), (QStringList{QStringLiteral("confirm-address"), QStringLiteral("waiting")}));
    QCOMPARE(scalar(QStringLiteral("SELECT position FROM event_registrations")).toInt(), 1);
    // Promoted: the seat's mail; then cancelled: the cancellation.
    QVERIFY(apply(event(3, 20, QStringLiteral("ben@example.com"), QStringLiteral("promoted"), QStringLiteral("confirmed"), true, false)).mailed);
    QVERIFY(apply(event(4, 20, QStringLiteral("ben@example.com"), QStringLiteral("cancelled"), QStringLiteral("cancelled"), true, false)).mailed);
    QCOMPARE(mailKinds(), (QStringList{QStringLiteral("confirm-address"), QStringLiteral("waiting"), QStringLiteral("promotion"), QStringLiteral("cancellation")}));
    // Nobody who did not consent was subscribed.
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM contacts WHERE email_key = 'ben@example.com'")).toString(), QStringLiteral("unsubscribed"));
}

void TestRegistrationSync::suppressedAndForeignEventsAreLeftAlone()
{
    QVERIFY(contacts::SuppressionList(db()).add(contacts::SuppressionList::Channel::Email, QStringLiteral("cleo@example.com"),
                                                QStringLiteral("unsubscribed"), std::nullopt)
                .ok());
    QVERIFY(apply(event(1, 30, QStringLiteral("cleo@example.com"), QStringLiteral("registered"), QStringLiteral("confirmed"), true, true)).mailed);
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM contacts WHERE email_key = 'cleo@example.com'")).toString(), QStringLiteral("unsubscribed"));
    QCOMPARE(mailKinds(), QStringList{QStringLiteral("confirmation")}); // they asked: the event's own mail goes
    // Another database's event 1 on the same tracker: another slug, ignored.
    QJsonObject foreign = event(2, 31, QStringLiteral("dan@example.com"), QStringLiteral("registered"), QStringLiteral("confirmed"), true, false);
    foreign.insert(QStringLiteral("slug"), QStringLiteral("someone-elses-1"));
    const RegistrationSync::Applied ignored = apply(foreign);
    QVERIFY(!ignored.known);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contacts WHERE email_key = 'dan@example.com'")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestRegistrationSync)
#include "tst_registrationsync.moc"
