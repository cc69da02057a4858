// SPDX-License-Identifier: GPL-3.0-or-later
#include "contacts/contactimporter.h"
#include "contacts/segment.h"
#include "databasefixture.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

#include <optional>

using namespace lux;
using namespace lux::contacts;

namespace {
QJsonObject rules(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}
} // namespace

class TestSegment : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void counts_data();
    void counts();
    void userTextNeverBecomesSql_data();
    void userTextNeverBecomesSql();
    void errorsSayWhere();
    void limits();
    void savedSegmentsRoundTrip();

private:
    std::optional<test::DatabaseFixture> m_fx;
    qint64 m_now = 0;
};

void TestSegment::initTestCase()
{
    QVERIFY(m_fx.emplace(QStringLiteral("seg.sqlite")).open());
    ImportOptions options;
    options.unknownAsCustom = true;
    options.mapping.insert(QStringLiteral("MEMBER_RATING"), QStringLiteral("custom:rating"));
    QVERIFY(ContactImporter::run(m_fx->path(), QStringLiteral(LUX_TEST_DATA_DIR "/csv/mailchimp-messy.csv"), options).ok());
    // Ages: Dave was created 40 days ago, everyone else now.
    m_now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(m_fx->db());
    q.prepare(QStringLiteral("UPDATE contacts SET created_at = ? WHERE email_key = 'dave@example.com'"));
    q.addBindValue(m_now - 40LL * 86'400'000);
    QVERIFY(q.exec());
}

// The five imported contacts: ana (ES, VIP+Customer, rating 2), bob (US, Customer, rating 4, formula
// company), josé (DE, rating 3, Bücher GmbH), dave (rating 2, 40 days old), erin (US, VIP, rating 2).
void TestSegment::counts_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("expected");
    QTest::newRow("empty: everyone") << QByteArray(R"({"match":"all","rules":[]})") << 5;
    QTest::newRow("equals, any case") << QByteArray(R"({"rules":[{"field":"country","op":"equals","value":"us"}]})") << 2;
    QTest::newRow("not_equals counts empty") << QByteArray(R"({"rules":[{"field":"country","op":"not_equals","value":"US"}]})") << 3;
    QTest::newRow("contains") << QByteArray(R"({"rules":[{"field":"company","op":"contains","value":"gmbh"}]})") << 1;
    QTest::newRow("starts_with") << QByteArray(R"({"rules":[{"field":"email","op":"starts_with","value":"ER"}]})") << 1;
    QTest::newRow("ends_with") << QByteArray(R"({"rules":[{"field":"email","op":"ends_with","value":".org"}]})") << 1;
    QTest::newRow("is_empty") << QByteArray(R"({"rules":[{"field":"phone","op":"is_empty"}]})") << 3;
    QTest::newRow("has tag") << QByteArray(R"({"rules":[{"field":"tag","op":"has","value":"vip"}]})") << 2;
    QTest::newRow("lacks tag") << QByteArray(R"({"rules":[{"field":"tag","op":"lacks","value":"Customer"}]})") << 3;
    QTest::newRow("status") << QByteArray(R"({"rules":[{"field":"status","op":"is","value":"subscribed"}]})") << 5;
    QTest::newRow("within days") << QByteArray(R"({"rules":[{"field":"created_at","op":"within_days","value":30}]})") << 4;
    QTest::newRow("custom number") << QByteArray(R"({"rules":[{"field":"custom:rating","op":"gte","value":3}]})") << 2;
    QTest::newRow("three rules, all") << QByteArray(R"({"match":"all","rules":[{"field":"tag","op":"has","value":"Customer"},
        {"field":"created_at","op":"within_days","value":30},{"field":"custom:rating","op":"lt","value":3}]})") << 1;
    QTest::newRow("nested any") << QByteArray(R"({"match":"all","rules":[{"field":"status","op":"is","value":"subscribed"},
        {"match":"any","rules":[{"field":"country","op":"equals","value":"DE"},{"field":"tag","op":"has","value":"VIP"}]}]})") << 3;
}

void TestSegment::counts()
{
    QFETCH(QByteArray, json);
    QFETCH(int, expected);
    const auto parsed = Segment::parse(json);
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    const auto n = Segment::count(m_fx->db(), *parsed, m_now);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, expected);
}

void TestSegment::userTextNeverBecomesSql_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("value") << QByteArray(R"({"rules":[{"field":"company","op":"contains","value":"'); DROP TABLE contacts; --"}]})");
    QTest::newRow("custom field name") << QByteArray(R"({"rules":[{"field":"custom:x') OR 1=1 --","op":"equals","value":"a"}]})");
    QTest::newRow("tag") << QByteArray(R"({"rules":[{"field":"tag","op":"has","value":"x') OR 1=1 --"}]})");
}

void TestSegment::userTextNeverBecomesSql()
{
    QFETCH(QByteArray, json);
    const auto compiled = Segment::compile(*Segment::parse(json), m_now);
    QVERIFY(compiled.ok());
    QVERIFY(!compiled->where.contains(QStringLiteral("DROP")));
    QVERIFY(!compiled->where.contains(QStringLiteral("1=1")));
    QVERIFY(!compiled->where.contains(QStringLiteral("--")));
    // The hostile text travels as a bound value, whole.
    bool bound = false;
    for (const QVariant &b : compiled->binds)
        bound = bound || b.toString().contains(QStringLiteral("--"));
    QVERIFY(bound);
    const auto n = Segment::count(m_fx->db(), *Segment::parse(json), m_now);
    QVERIFY(n.ok());
    QCOMPARE(*n, 0);
    QSqlQuery q(m_fx->db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM contacts")) && q.next());
    QCOMPARE(q.value(0).toInt(), 5);
}

void TestSegment::errorsSayWhere()
{
    auto r = Segment::compile(rules(R"({"rules":[{"field":"city","op":"equals","value":"x"},{"match":"any","rules":[{"field":"nope","op":"equals","value":1}]}]})"), m_now);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QStringLiteral("rule 2 › rule 1")), qPrintable(r.error().message));
    QVERIFY(r.error().message.contains(QStringLiteral("\"nope\" is not a field")));
    r = Segment::compile(rules(R"({"rules":[{"field":"city","op":"explodes","value":"x"}]})"), m_now);
    QVERIFY(r.error().message.contains(QStringLiteral("explodes")));
    r = Segment::compile(rules(R"({"rules":[{"field":"created_at","op":"before","value":"31/01/2026"}]})"), m_now);
    QVERIFY(r.error().message.contains(QStringLiteral("YYYY-MM-DD")));
    r = Segment::compile(rules(R"({"match":"some","rules":[]})"), m_now);
    QCOMPARE(r.error().code, QStringLiteral("segment.match"));
    const auto p = Segment::parse("{\"rules\": [");
    QVERIFY(!p.ok());
    QVERIFY(p.error().message.contains(QStringLiteral("character")));
}

void TestSegment::limits()
{
    QByteArray deep = R"({"rules":[{"field":"city","op":"equals","value":"x"}]})";
    for (int i = 0; i < Segment::kMaxDepth + 1; ++i)
        deep = R"({"match":"any","rules":[)" + deep + "]}";
    QCOMPARE(Segment::compile(*Segment::parse(deep), m_now).error().code, QStringLiteral("segment.too-deep"));
    QByteArray many = R"({"rules":[)";
    for (int i = 0; i <= Segment::kMaxRules; ++i)
        many += QByteArray(i ? "," : "") + R"({"field":"city","op":"equals","value":"x"})";
    many += "]}";
    QCOMPARE(Segment::compile(*Segment::parse(many), m_now).error().code, QStringLiteral("segment.too-many"));
}

void TestSegment::savedSegmentsRoundTrip()
{
    SegmentRepository repo(m_fx->db(), [this] { return m_now; });
    const QJsonObject r = rules(R"({"rules":[{"field":"tag","op":"has","value":"VIP"}]})");
    const auto saved = repo.save(QStringLiteral("VIPs"), r, std::nullopt);
    QVERIFY(saved.ok());
    QCOMPARE(repo.find(QStringLiteral("vips"))->rules, r);
    const QJsonObject r2 = rules(R"({"rules":[{"field":"country","op":"equals","value":"US"}]})");
    QVERIFY(repo.save(QStringLiteral("vips"), r2, std::nullopt).ok()); // same name, any case: replaced
    QCOMPARE(repo.list().size(), 1);
    QCOMPARE(repo.list().first().rules, r2);
    QCOMPARE(repo.save(QStringLiteral("bad"), rules(R"({"rules":[{"field":"x","op":"equals","value":1}]})"), std::nullopt)
                 .error().code,
             QStringLiteral("segment.rule"));
    QCOMPARE(repo.find(QStringLiteral("nothing")).error().code, QStringLiteral("segment.not-found"));
}

LUX_TEST_MAIN(TestSegment, QCoreApplication)
#include "tst_segment.moc"
