// SPDX-License-Identifier: GPL-3.0-or-later
// ContactSearch: words as a person types them become an FTS5 query of quoted prefix terms, with no
// FTS5 syntax from the input surviving; then the same words searched in a real database file
// through the contacts list (search index kept by ContactSearch's triggers), page by page.
#include "contacts/contactrepository.h"
#include "contacts/contactsearch.h"
#include "databasefixture.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace lux;
using namespace lux::contacts;

class TestContactSearch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchExpression_data();
    void matchExpression();
    void init();
    void searchesTheIndex_data();
    void searchesTheIndex();
    void pagesThroughMatches();
    void indexFollowsEditsAndDeletes();
    void triggersCanBeDroppedAndMadeAgain();

private:
    QStringList emailsFor(const QString &typed) const;
    std::optional<test::DatabaseFixture> m_fx;
};

void TestContactSearch::matchExpression_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nothing") << QString() << QString();
    QTest::newRow("spaces only") << QStringLiteral("   \t ") << QString();
    QTest::newRow("punctuation only") << QStringLiteral("!?*.@") << QString();
    QTest::newRow("one word") << QStringLiteral("ana") << QStringLiteral("\"ana\"*");
    QTest::newRow("two words") << QStringLiteral("ana garc") << QStringLiteral("\"ana\"* \"garc\"*");
    QTest::newRow("extra spaces") << QStringLiteral("  ana    garc ") << QStringLiteral("\"ana\"* \"garc\"*");
    QTest::newRow("an address splits where the index does") << QStringLiteral("ana.garcia@ex")
                                                             << QStringLiteral("\"ana\"* \"garcia\"* \"ex\"*");
    QTest::newRow("case is kept (the index folds it)") << QStringLiteral("ANA") << QStringLiteral("\"ANA\"*");
    QTest::newRow("double quotes") << QStringLiteral("\"ana\"") << QStringLiteral("\"ana\"*");
    QTest::newRow("a quote to break out") << QStringLiteral("ana\" OR \"jose") << QStringLiteral("\"ana\"* \"OR\"* \"jose\"*");
    QTest::newRow("apostrophe") << QStringLiteral("O'Brien") << QStringLiteral("\"O\"* \"Brien\"*");
    QTest::newRow("wildcard") << QStringLiteral("an*") << QStringLiteral("\"an\"*");
    QTest::newRow("wildcard inside") << QStringLiteral("a*b") << QStringLiteral("\"a\"* \"b\"*");
    QTest::newRow("operators are words") << QStringLiteral("NOT ana AND NEAR(b c)")
                                         << QStringLiteral("\"NOT\"* \"ana\"* \"AND\"* \"NEAR\"* \"b\"* \"c\"*");
    QTest::newRow("column filter") << QStringLiteral("email:ana") << QStringLiteral("\"email\"* \"ana\"*");
    QTest::newRow("initial token and minus") << QStringLiteral("^ana -bob +carl") << QStringLiteral("\"ana\"* \"bob\"* \"carl\"*");
    QTest::newRow("accents") << QStringLiteral("José Müller") << QStringLiteral("\"José\"* \"Müller\"*");
    QTest::newRow("CJK") << QStringLiteral("東京 店") << QStringLiteral("\"東京\"* \"店\"*");
    QTest::newRow("digits") << QStringLiteral("+1 (415) 555-0100") << QStringLiteral("\"1\"* \"415\"* \"555\"* \"0100\"*");
    QTest::newRow("emoji is a separator") << QStringLiteral("ana😀bel") << QStringLiteral("\"ana\"* \"bel\"*");
}

void TestContactSearch::matchExpression()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    QCOMPARE(ContactSearch::matchExpression(typed), expected);
}

void TestContactSearch::init()
{
    QVERIFY(m_fx.emplace(QStringLiteral("search.sqlite")).open());
    const struct
    {
        const char *email, *first, *company;
    } people[] = {
        {"ana.garcia@example.com", "Ana", "Acme"},
        {"anabel@example.org", "Anabel", "Zeta"},
        {"jose@example.com", "José", "Bücher GmbH"},
        {"obrien@example.com", "Seán", "O'Brien & Sons"},
        {"tokyo@example.jp", "東京", "Tōkyō Shop"},
        {"star@example.com", "Star", "A*B Labs"},
    };
    for (const auto &p : people) {
        const auto added = m_fx->addContact(QString::fromUtf8(p.email), QString::fromUtf8(p.first), {}, QString::fromUtf8(p.company));
        QVERIFY2(added, test::errorText(added).constData());
    }
}

QStringList TestContactSearch::emailsFor(const QString &typed) const
{
    ContactFilter filter;
    filter.search = typed;
    const auto found = ContactRepository(m_fx->db()).page(filter, 1000);
    if (!found)
        return {QStringLiteral("error: ") + found.error().message};
    QStringList emails;
    for (const Contact &c : *found)
        emails << c.email;
    std::sort(emails.begin(), emails.end());
    return emails;
}

void TestContactSearch::searchesTheIndex_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("expected");
    const QString ana = QStringLiteral("ana.garcia@example.com"), anabel = QStringLiteral("anabel@example.org"),
                  jose = QStringLiteral("jose@example.com"), obrien = QStringLiteral("obrien@example.com"),
                  tokyo = QStringLiteral("tokyo@example.jp"), star = QStringLiteral("star@example.com");
    QTest::newRow("nothing typed: everyone") << QString() << QStringList{ana, anabel, jose, obrien, star, tokyo};
    QTest::newRow("a prefix of names and addresses") << QStringLiteral("ana") << QStringList{ana, anabel};
    QTest::newRow("every word must match") << QStringLiteral("ana garc") << QStringList{ana};
    QTest::newRow("any case") << QStringLiteral("ANA") << QStringList{ana, anabel};
    QTest::newRow("part of an address") << QStringLiteral("garcia@example") << QStringList{ana};
    QTest::newRow("a domain") << QStringLiteral("example.org") << QStringList{anabel};
    QTest::newRow("accents folded: jose") << QStringLiteral("jose") << QStringList{jose};
    QTest::newRow("accents folded: josé") << QStringLiteral("josé") << QStringList{jose};
    QTest::newRow("umlaut either way") << QStringLiteral("bucher") << QStringList{jose};
    QTest::newRow("apostrophe in a company") << QStringLiteral("o'brien") << QStringList{obrien};
    QTest::newRow("quotes are only separators") << QStringLiteral("\"ana\"") << QStringList{ana, anabel};
    QTest::newRow("a quote cannot make an OR") << QStringLiteral("ana\" OR \"jose") << QStringList{};
    QTest::newRow("wildcard typed") << QStringLiteral("an*") << QStringList{ana, anabel};
    QTest::newRow("wildcard only: nobody, not everybody") << QStringLiteral("*") << QStringList{};
    QTest::newRow("punctuation only: nobody") << QStringLiteral("!?") << QStringList{};
    QTest::newRow("a column filter is a word") << QStringLiteral("email:ana") << QStringList{};
    QTest::newRow("star inside a name") << QStringLiteral("a*b") << QStringList{star};
    QTest::newRow("CJK first name") << QStringLiteral("東京") << QStringList{tokyo};
    QTest::newRow("macron folded") << QStringLiteral("tokyo shop") << QStringList{tokyo};
    QTest::newRow("no such person") << QStringLiteral("zoltan") << QStringList{};
}

void TestContactSearch::searchesTheIndex()
{
    QFETCH(QString, typed);
    QFETCH(QStringList, expected);
    QCOMPARE(emailsFor(typed), expected);
    ContactFilter filter;
    filter.search = typed;
    QCOMPARE(*ContactRepository(m_fx->db()).count(filter), qint64(expected.size()));
}

void TestContactSearch::pagesThroughMatches()
{
    for (int i = 0; i < 30; ++i)
        QVERIFY(m_fx->addContact(QStringLiteral("page%1@paging.example").arg(i, 2, 10, QLatin1Char('0')), QStringLiteral("Pager")));
    ContactFilter filter;
    filter.search = QStringLiteral("pager");
    const ContactRepository repo(m_fx->db());
    QCOMPARE(*repo.count(filter), qint64(30));
    QList<int> sizes;
    QStringList seen;
    qint64 after = 0;
    for (;;) {
        const auto page = repo.page(filter, 7, after);
        QVERIFY2(page, test::errorText(page).constData());
        if (page->isEmpty())
            break;
        sizes << int(page->size());
        for (const Contact &c : *page) {
            QVERIFY(c.id > after); // id order, nothing twice
            after = c.id;
            seen << c.email;
        }
    }
    QCOMPARE(sizes, (QList<int>{7, 7, 7, 7, 2}));
    QCOMPARE(seen.size(), 30);
    QCOMPARE(seen.first(), QStringLiteral("page00@paging.example"));
    QCOMPARE(seen.last(), QStringLiteral("page29@paging.example"));
    // Paging with a narrower search.
    filter.search = QStringLiteral("page1");
    QCOMPARE(repo.page(filter, 4)->size(), 4);
    QCOMPARE(repo.page(filter, 4, repo.page(filter, 4)->last().id)->size(), 4); // page10–page19 and nothing else
    QCOMPARE(repo.page(filter, 100)->size(), 10);
}

void TestContactSearch::indexFollowsEditsAndDeletes()
{
    ContactRepository repo(m_fx->db());
    auto ana = repo.findByEmail(QStringLiteral("ana.garcia@example.com"));
    QVERIFY(ana);
    Contact edited = *ana;
    edited.firstName = QStringLiteral("Ánamaría");
    edited.company = QStringLiteral("Globex");
    QVERIFY(repo.update(edited, QStringLiteral("US"), std::nullopt));
    QCOMPARE(emailsFor(QStringLiteral("globex")), QStringList{QStringLiteral("ana.garcia@example.com")});
    QCOMPARE(emailsFor(QStringLiteral("acme")), QStringList{});
    QCOMPARE(emailsFor(QStringLiteral("anamaria")), QStringList{QStringLiteral("ana.garcia@example.com")});
    QSqlQuery q(m_fx->db());
    QVERIFY(q.exec(QStringLiteral("DELETE FROM contacts WHERE email_key = 'anabel@example.org'")));
    QCOMPARE(emailsFor(QStringLiteral("ana")), QStringList{QStringLiteral("ana.garcia@example.com")});
    QCOMPARE(emailsFor(QStringLiteral("zeta")), QStringList{});
}

void TestContactSearch::triggersCanBeDroppedAndMadeAgain()
{
    // What a bulk import does (inside its transaction): drop the triggers, write, index, make them again.
    QSqlQuery q(m_fx->db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'contacts_fts_%'")) && q.next());
    QCOMPARE(q.value(0).toInt(), ContactSearch::triggerStatements().size());
    QCOMPARE(ContactSearch::dropTriggerStatements().size(), ContactSearch::triggerStatements().size());
    for (const QString &sql : ContactSearch::dropTriggerStatements())
        QVERIFY2(q.exec(sql), qPrintable(sql));
    QVERIFY(m_fx->addContact(QStringLiteral("unindexed@example.com"), QStringLiteral("Quentin")));
    QCOMPARE(emailsFor(QStringLiteral("quentin")), QStringList{}); // written without the index
    QVERIFY(q.exec(QStringLiteral("INSERT INTO contacts_fts (rowid, email, first_name, last_name, company) "
                                  "SELECT id, email, first_name, last_name, company FROM contacts WHERE email_key = 'unindexed@example.com'")));
    for (const QString &sql : ContactSearch::triggerStatements())
        QVERIFY2(q.exec(sql), qPrintable(sql));
    QCOMPARE(emailsFor(QStringLiteral("quentin")), QStringList{QStringLiteral("unindexed@example.com")});
    QVERIFY(m_fx->addContact(QStringLiteral("after@example.com"), QStringLiteral("Rosalind")));
    QCOMPARE(emailsFor(QStringLiteral("rosalind")), QStringList{QStringLiteral("after@example.com")});
}

QTEST_GUILESS_MAIN(TestContactSearch)
#include "tst_contactsearch.moc"
