// SPDX-License-Identifier: GPL-3.0-or-later
// ContactRepository's reads for the contact screens: whether an address is already taken (the
// editor's check as you type) and a contact's consent history (the detail pane).
#include "contacts/addressing.h"
#include "contacts/contactrepository.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QTest>

using namespace lux;
using namespace lux::contacts;

class TestContactRepository : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void emailTakenByAnotherContact();
    void consentHistoryOldestFirst();

private:
    qint64 add(const QString &email, const QString &consentEvidence = {});

    std::unique_ptr<test::TestEnvironment> m_env;
    std::unique_ptr<Database> m_db;
};

void TestContactRepository::init()
{
    m_env = std::make_unique<test::TestEnvironment>();
    auto db = Database::open(m_env->path(QStringLiteral("c.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
}

void TestContactRepository::cleanup()
{
    m_db.reset();
    m_env.reset();
}

qint64 TestContactRepository::add(const QString &email, const QString &consentEvidence)
{
    Contact c;
    c.email = email;
    const auto added = ContactRepository(m_db->connection()).add(c, QStringLiteral("US"), std::nullopt, consentEvidence);
    return added ? added->id : 0;
}

void TestContactRepository::emailTakenByAnotherContact()
{
    const qint64 ana = add(QStringLiteral("ana@example.com"));
    const qint64 ben = add(QStringLiteral("ben@example.com"));
    QVERIFY(ana && ben);
    const ContactRepository repo(m_db->connection());
    const QString anaKey = Addressing::parseEmail(QStringLiteral("ANA@Example.com"))->key;
    QCOMPARE(*repo.emailTaken(anaKey, ben), true);  // Ben cannot take Ana's address
    QCOMPARE(*repo.emailTaken(anaKey, ana), false); // Ana keeps her own
    QCOMPARE(*repo.emailTaken(anaKey, 0), true);    // nor can a new contact
    QCOMPARE(*repo.emailTaken(Addressing::parseEmail(QStringLiteral("cy@example.com"))->key, 0), false);
    QCOMPARE(ContactRepository(QSqlDatabase()).emailTaken(anaKey, 0).error().code, QStringLiteral("db.read"));
}

void TestContactRepository::consentHistoryOldestFirst()
{
    const qint64 ana = add(QStringLiteral("ana@example.com"), QStringLiteral("Signed up at the spring fair"));
    const qint64 ben = add(QStringLiteral("ben@example.com"));
    QVERIFY(ana && ben);
    // A later withdrawal, inserted before an earlier confirmation: the history follows time, not ids.
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO consent_events (contact_id, channel, action, method, evidence, at) VALUES "
                                  "(%1, 'email', 'withdrawn', 'form', 'Unsubscribe link', 4102444800000), "
                                  "(%1, 'email', 'confirmed', 'double_opt_in', 'Clicked the confirmation', 4102444700000)")
                       .arg(ana)));

    const auto history = ContactRepository(m_db->connection()).consentHistory(ana);
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 3);
    QCOMPARE(history->at(0).action, QStringLiteral("given"));
    QCOMPARE(history->at(0).method, QStringLiteral("manual"));
    QCOMPARE(history->at(0).evidence, QStringLiteral("Signed up at the spring fair"));
    QVERIFY(history->at(0).at > 0);
    QCOMPARE(history->at(1).action, QStringLiteral("confirmed"));
    QCOMPARE(history->at(1).method, QStringLiteral("double_opt_in"));
    QCOMPARE(history->at(1).at, Q_INT64_C(4102444700000));
    QCOMPARE(history->at(2).action, QStringLiteral("withdrawn"));
    QCOMPARE(history->at(2).evidence, QStringLiteral("Unsubscribe link"));

    QVERIFY(ContactRepository(m_db->connection()).consentHistory(ben)->isEmpty());
}

LUX_TEST_MAIN(TestContactRepository, QCoreApplication)
#include "tst_contactrepository.moc"
