// SPDX-License-Identifier: GPL-3.0-or-later
#include "contacts/contactimporter.h"
#include "contacts/contactrepository.h"
#include "contacts/suppression.h"
#include "databasefixture.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <optional>

using namespace lux;
using namespace lux::contacts;
using Channel = SuppressionList::Channel;

class TestSuppression : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void addValidatesAndUnsubscribes();
    void importChecksEveryRowFirst();
    void forgetErasesButNeverForgetsTheAddress();

private:
    std::optional<test::DatabaseFixture> m_fx;
};

void TestSuppression::init()
{
    QVERIFY(m_fx.emplace(QStringLiteral("s.sqlite")).open());
}

void TestSuppression::addValidatesAndUnsubscribes()
{
    Contact c;
    c.email = QStringLiteral("kim@example.com");
    QVERIFY(ContactRepository(m_fx->db()).add(c, QStringLiteral("US"), std::nullopt).ok());
    SuppressionList list(m_fx->db());
    QCOMPARE(*list.add(Channel::Email, QStringLiteral("KIM@Example.com"), QStringLiteral("complaint"), std::nullopt), true);
    QCOMPARE(*list.add(Channel::Email, QStringLiteral("kim@example.com"), QStringLiteral("again"), std::nullopt), false);
    QVERIFY(list.contains(Channel::Email, QStringLiteral("Kim@EXAMPLE.com")));
    QVERIFY(!list.contains(Channel::Sms, QStringLiteral("kim@example.com")));
    QCOMPARE(ContactRepository(m_fx->db()).findByEmail(QStringLiteral("kim@example.com"))->status,
             QStringLiteral("unsubscribed"));
    QCOMPARE(list.add(Channel::Email, QStringLiteral("not an address"), {}, std::nullopt).error().code,
             QStringLiteral("email.invalid"));
    QCOMPARE(*list.add(Channel::Sms, QStringLiteral("(415) 555-0100"), QStringLiteral("STOP"), std::nullopt), true);
    QVERIFY(list.contains(Channel::Sms, QStringLiteral("+1 415 555 0100")));
    QCOMPARE(list.count(Channel::Email), 1);
    QCOMPARE(list.entries(Channel::Email).first().reason, QStringLiteral("complaint"));
}

void TestSuppression::importChecksEveryRowFirst()
{
    const QString file = m_fx->filePath(QStringLiteral("blocked.csv"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("name,email\nA,a@example.com\nB,b@example.com\nC,not-valid\nA again,A@EXAMPLE.COM\n");
    f.close();
    SuppressionList list(m_fx->db());
    const auto r = list.importFile(Channel::Email, file, QStringLiteral("imported list"), std::nullopt);
    QVERIFY(r.ok());
    QCOMPARE(r->added, 2);
    QCOMPARE(r->already, 1);
    QCOMPARE(r->invalid.size(), 1);
    QVERIFY(r->invalid.first().startsWith(QStringLiteral("line 4: ")));
    // A later import of contacts never resubscribes them.
    const QString contacts = m_fx->filePath(QStringLiteral("contacts.csv"));
    QFile g(contacts);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write("email\nb@example.com\nc@example.com\n");
    g.close();
    QVERIFY(ContactImporter::run(m_fx->path(), contacts, {}).ok());
    ContactRepository repo(m_fx->db());
    QCOMPARE(repo.findByEmail(QStringLiteral("b@example.com"))->status, QStringLiteral("unsubscribed"));
    QCOMPARE(repo.findByEmail(QStringLiteral("c@example.com"))->status, QStringLiteral("subscribed"));
}

void TestSuppression::forgetErasesButNeverForgetsTheAddress()
{
    const QString file = m_fx->filePath(QStringLiteral("c.csv"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("email,first name,company,tags\nzoe@example.com,Zoë,Quartz Ltd,VIP\nyan@example.com,Yan,,\n");
    f.close();
    ImportOptions options;
    options.consentText = QStringLiteral("Spring fair form");
    QVERIFY(ContactImporter::run(m_fx->path(), file, options).ok());
    {
        QSqlQuery q(m_fx->db());
        QVERIFY(q.exec(QStringLiteral("UPDATE consent_events SET ip = '203.0.113.9'")));
    }
    QVERIFY(ContactEraser::forget(m_fx->db(), QStringLiteral("Zoe@example.com"), std::nullopt).ok());

    ContactRepository repo(m_fx->db());
    QCOMPARE(repo.findByEmail(QStringLiteral("zoe@example.com")).error().code, QStringLiteral("contact.not-found"));
    QCOMPARE(*repo.count({{}, {}, {}, QStringLiteral("quartz")}), 0); // gone from search too
    SuppressionList list(m_fx->db());
    QVERIFY(list.contains(Channel::Email, QStringLiteral("zoe@example.com")));
    QCOMPARE(list.entries(Channel::Email).first().address, QString()); // only the hash is kept
    QSqlQuery q(m_fx->db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*), count(contact_id), count(ip), min(evidence) FROM consent_events")) && q.next());
    QCOMPARE(q.value(0).toInt(), 2);   // both consent records stay
    QCOMPARE(q.value(1).toInt(), 1);   // Zoë's has no contact any more
    QCOMPARE(q.value(2).toInt(), 1);   // and no IP address
    QVERIFY(q.value(3).toString().startsWith(QStringLiteral("Spring fair form")));
    q.finish();
    // No trace of the address or name anywhere in the database's tables.
    for (const char *table : {"contacts", "suppression", "consent_events", "audit_log", "contact_tags"}) {
        QVERIFY(q.exec(QStringLiteral("SELECT * FROM ") + QString::fromLatin1(table)));
        while (q.next())
            for (int i = 0; i < q.record().count(); ++i)
                QVERIFY2(!q.value(i).toString().contains(QStringLiteral("zoe"), Qt::CaseInsensitive), table);
    }
    // Imported again later: it comes in unsubscribed.
    QVERIFY(ContactImporter::run(m_fx->path(), file, {}).ok());
    QCOMPARE(repo.findByEmail(QStringLiteral("zoe@example.com"))->status, QStringLiteral("unsubscribed"));
    QCOMPARE(ContactEraser::forget(m_fx->db(), QStringLiteral("nobody@example.com"), std::nullopt).error().code,
             QStringLiteral("contact.not-found"));
}

LUX_TEST_MAIN(TestSuppression, QCoreApplication)
#include "tst_suppression.moc"
