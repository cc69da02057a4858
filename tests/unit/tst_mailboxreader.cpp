// SPDX-License-Identifier: GPL-3.0-or-later
// The mailbox reader against the fake Graph's mailbox side (real HTTP on loopback, a real SQLite
// file): the whole corpus of tests/data/inbound delivered to a sender mailbox's Inbox and read
// through the delta query, each message applied as the manifest says (hard bounces bounced and
// suppressed with their campaign, soft ones counted, automatic replies changing nothing, replies on
// their contact, each unsubscribe once), marked read or moved, nothing fetched twice; permissions
// missing said once; a forgotten round started again; a signed unsubscribe token honoured; three
// soft bounces in a row over a week made hard.
#include "channels/graph/graphclient.h"
#include "databasefixture.h"
#include "fakegraph.h"
#include "mailbox/inboundapplier.h"
#include "mailbox/inboundmessages.h"
#include "mailbox/mailboxreader.h"
#include "testsupport.h"
#include "tracking/token.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSqlQuery>
#include <QTest>


using namespace lux;
using lux::fakes::FakeGraph;

namespace {

const QString kMailbox = QStringLiteral("news@acme.example");

QString corpusDir()
{
    return QStringLiteral(LUX_TEST_DATA_DIR "/inbound");
}

QVariant scalar(QSqlDatabase db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0);
}

} // namespace

class TestMailboxReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void corpusIsAppliedAsTheManifestSays();
    void missingPermissionIsSaidOnce();
    void markingNotAllowedLeavesThemToDoLater();
    void forgottenRoundStartsAgain();
    void movesToTheChosenFolder();
    void signedTokenUnsubscribesItsRecipient();
    void threeSoftBouncesOverAWeekAreHard();

private:
    mailbox::MailboxReader::Summary read(const mailbox::MailboxReader::Config &config = {}, const tracking::TokenCodec *tokens = nullptr);
    QString deliverFile(const QString &file);

    std::unique_ptr<test::DatabaseFixture> m_db;
    std::unique_ptr<FakeGraph> m_graph;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<channels::graph::GraphClient> m_client;
    qint64 m_campaign = 0;
};

void TestMailboxReader::init()
{
    m_db = std::make_unique<test::DatabaseFixture>();
    QVERIFY(m_db->open());
    m_graph = std::make_unique<FakeGraph>();
    QVERIFY(m_graph->listen());
    FakeGraph::Faults f;
    f.latencyMs = 1;
    m_graph->setFaults(f);
    m_network = std::make_unique<QNetworkAccessManager>();
    channels::graph::GraphConfig config;
    config.authorityUrl = m_graph->baseUrl();
    config.baseUrl = m_graph->baseUrl();
    config.tenant = QStringLiteral("contoso");
    config.clientId = QStringLiteral("client");
    config.clientSecret = QStringLiteral("secret");
    m_client = std::make_unique<channels::graph::GraphClient>(m_network.get(), config);
    const auto campaign = m_db->addCampaign(QStringLiteral("Spring"), QStringLiteral("sent"), QDateTime::currentMSecsSinceEpoch());
    QVERIFY(campaign);
    m_campaign = *campaign;
}

void TestMailboxReader::cleanup()
{
    m_client.reset();
    m_network.reset();
    m_graph.reset();
    m_db.reset();
}

mailbox::MailboxReader::Summary TestMailboxReader::read(const mailbox::MailboxReader::Config &config, const tracking::TokenCodec *tokens)
{
    mailbox::MailboxReader reader(m_db->db(), m_client.get(), tokens, config);
    return test::await(reader.read(kMailbox));
}

QString TestMailboxReader::deliverFile(const QString &file)
{
    QFile f(corpusDir() + u'/' + file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return m_graph->mailboxes().deliver(kMailbox, f.readAll());
}

void TestMailboxReader::corpusIsAppliedAsTheManifestSays()
{
    QFile manifestFile(corpusDir() + QStringLiteral("/expected.json"));
    QVERIFY(manifestFile.open(QIODevice::ReadOnly));
    const QJsonArray manifest = QJsonDocument::fromJson(manifestFile.readAll()).array();
    QVERIFY(manifest.size() >= 30);

    // What we sent: one outbox row per message the corpus answers, to the address it concerns, sent
    // an hour ago from the mailbox; a contact for every address in the corpus.
    const qint64 anHourAgo = QDateTime::currentMSecsSinceEpoch() - 3600'000;
    QHash<QString, qint64> contactOf;
    const auto contact = [&](const QString &address) -> qint64 {
        if (address.isEmpty())
            return 0;
        if (!contactOf.contains(address)) {
            const auto id = m_db->addContact(address);
            contactOf.insert(address, id ? *id : 0);
        }
        return contactOf.value(address);
    };
    for (const QJsonValue &v : manifest) {
        const QJsonObject e = v.toObject();
        const QString kind = e.value(QStringLiteral("class")).toString();
        const QString address = kind.endsWith(QLatin1String("bounce")) ? e.value(QStringLiteral("originalRecipient")).toString(e.value(QStringLiteral("recipient")).toString())
                                                                     : e.value(QStringLiteral("sender")).toString();
        const qint64 c = contact(address);
        QVERIFY2(c > 0 || address.isEmpty(), qPrintable(address));
        if (const QString id = e.value(QStringLiteral("messageId")).toString(); !id.isEmpty() && c > 0) {
            const auto row = m_db->addOutboxRow(m_campaign, c, QStringLiteral("sent"), id, anHourAgo);
            QVERIFY(row);
        }
    }
    QSqlQuery fromMailbox(m_db->db());
    QVERIFY(fromMailbox.exec(QStringLiteral("UPDATE outbox SET sender = 'news@acme.example'")));

    QHash<QString, QJsonObject> byGraphId;
    for (const QJsonValue &v : manifest) {
        const QString id = deliverFile(v.toObject().value(QStringLiteral("file")).toString());
        QVERIFY(!id.isEmpty());
        byGraphId.insert(id, v.toObject());
    }

    const mailbox::MailboxReader::Summary s = read();
    QVERIFY2(!s.error, s.error ? qPrintable(s.error->message) : "");
    QVERIFY(!s.disposeError);
    QCOMPARE(s.read, int(manifest.size()));

    int hard = 0, soft = 0, auto_ = 0, replies = 0, unsubscribes = 0;
    for (auto it = byGraphId.constBegin(); it != byGraphId.constEnd(); ++it) {
        const QJsonObject e = it.value();
        const QString file = e.value(QStringLiteral("file")).toString();
        const QString kind = e.value(QStringLiteral("class")).toString();
        QSqlQuery row(m_db->db());
        row.prepare(QStringLiteral("SELECT kind, address, coalesce(campaign_id, 0), coalesce(contact_id, 0), effect, excerpt, status "
                                   "FROM inbound_messages WHERE graph_id = ?"));
        row.addBindValue(it.key());
        QVERIFY(row.exec() && row.next());
        QVERIFY2(row.value(0).toString() == kind, qPrintable(file + QStringLiteral(": ") + row.value(0).toString()));
        const bool ours = !e.value(QStringLiteral("messageId")).toString().isEmpty();
        if (kind.endsWith(QLatin1String("bounce"))) {
            const QString address = e.value(QStringLiteral("originalRecipient")).toString(e.value(QStringLiteral("recipient")).toString());
            QVERIFY2(row.value(1).toString() == address, qPrintable(file + QStringLiteral(": ") + row.value(1).toString()));
            QVERIFY2(row.value(2).toLongLong() == m_campaign, qPrintable(file));
            QCOMPARE(row.value(6).toString(), e.value(QStringLiteral("status")).toString());
            const QString status = scalar(m_db->db(), QStringLiteral("SELECT status FROM contacts WHERE email_key = ?"), {address}).toString();
            const bool suppressed = scalar(m_db->db(), QStringLiteral("SELECT count(*) FROM suppression WHERE address_key = ?"), {address}).toInt() == 1;
            if (kind == QLatin1String("hard-bounce")) {
                ++hard;
                QVERIFY2(status == QLatin1String("bounced") && suppressed, qPrintable(file + QStringLiteral(": ") + status));
                QCOMPARE(row.value(4).toString(), QStringLiteral("bounced"));
            } else {
                ++soft;
                QVERIFY2(status == QLatin1String("subscribed") && !suppressed, qPrintable(file + QStringLiteral(": ") + status));
                QCOMPARE(row.value(4).toString(), QStringLiteral("counted"));
            }
            continue;
        }
        const QString sender = e.value(QStringLiteral("sender")).toString();
        if (ours && !sender.isEmpty())
            QVERIFY2(row.value(2).toLongLong() == m_campaign, qPrintable(file));
        const QString status = scalar(m_db->db(), QStringLiteral("SELECT status FROM contacts WHERE email_key = ?"), {sender}).toString();
        if (kind == QLatin1String("auto-reply")) {
            ++auto_;
            QVERIFY2(status == QLatin1String("subscribed"), qPrintable(file)); // never a bounce, never a person
            QVERIFY(row.value(4).toString().isEmpty());
        } else if (kind == QLatin1String("reply")) {
            ++replies;
            QCOMPARE(row.value(3).toLongLong(), contactOf.value(sender));
            QVERIFY2(!row.value(5).toString().isEmpty(), qPrintable(file));
            QVERIFY2(status == QLatin1String("subscribed"), qPrintable(file));
        } else if (kind == QLatin1String("unsubscribe")) {
            ++unsubscribes;
            QVERIFY2(status == QLatin1String("unsubscribed"), qPrintable(file + QStringLiteral(": ") + status));
            QCOMPARE(row.value(4).toString(), QStringLiteral("unsubscribed"));
            QCOMPARE(scalar(m_db->db(), QStringLiteral("SELECT count(*) FROM consent_events WHERE contact_id = ? AND action = 'withdrawn'"),
                            {contactOf.value(sender)})
                         .toInt(),
                     1);
        }
    }
    QVERIFY(hard >= 10 && soft >= 5 && auto_ >= 5 && replies >= 3 && unsubscribes >= 5);
    QCOMPARE(s.hardBounces, hard);
    QCOMPARE(s.softBounces, soft);
    QCOMPARE(s.unsubscribes, unsubscribes);

    // Every one marked read, each fetched once.
    const QJsonObject stats = m_graph->mailboxes().stats(kMailbox);
    QCOMPARE(stats.value(QStringLiteral("unread_in_inbox")).toInt(), 0);
    QCOMPARE(stats.value(QStringLiteral("max_value_fetches")).toInt(), 1);
    QCOMPARE(scalar(m_db->db(), QStringLiteral("SELECT count(*) FROM inbound_messages WHERE disposed = 0")).toInt(), 0);

    // A second look finds nothing new; the same unsubscribe mail again takes nobody off twice.
    const mailbox::MailboxReader::Summary again = read();
    QVERIFY(!again.error);
    QCOMPARE(again.read, 0);
    QVERIFY(!deliverFile(QStringLiteral("unsub-reply-stop.eml")).isEmpty());
    const mailbox::MailboxReader::Summary third = read();
    QCOMPARE(third.read, 1);
    QCOMPARE(third.unsubscribes, 0);
    QCOMPARE(scalar(m_db->db(), QStringLiteral("SELECT count(*) FROM consent_events WHERE contact_id = ?"), {contactOf.value(QStringLiteral("adam@example.com"))})
                 .toInt(),
             1);

    // The contact's replies, with the campaign they answer.
    mailbox::InboundMessages::Filter filter;
    filter.contactId = contactOf.value(QStringLiteral("tina@example.com"));
    const auto list = mailbox::InboundMessages::list(m_db->db(), filter);
    QVERIFY(list);
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().kind, QStringLiteral("reply"));
    QCOMPARE(list->first().campaignName, QStringLiteral("Spring"));
}

void TestMailboxReader::missingPermissionIsSaidOnce()
{
    QVERIFY(!deliverFile(QStringLiteral("reply-plain.eml")).isEmpty());
    m_graph->mailboxes().setPermissions(false, false);
    const auto first = read();
    QVERIFY(first.error);
    QCOMPARE(first.error->code, QStringLiteral("graph.mail-denied"));
    QVERIFY(first.errorIsNew);
    QVERIFY2(first.error->message.contains(QLatin1String("Mail.Read")), qPrintable(first.error->message));
    const auto second = read();
    QVERIFY(second.error);
    QVERIFY(!second.errorIsNew); // said once
    QCOMPARE(scalar(m_db->db(), QStringLiteral("SELECT error_code FROM mailbox_sync WHERE mailbox = ?"), {kMailbox}).toString(),
             QStringLiteral("graph.mail-denied"));

    // Granted: read, the error gone; denied again later: said again.
    m_graph->mailboxes().setPermissions(true, true);
    const auto granted = read();
    QVERIFY(!granted.error);
    QCOMPARE(granted.read, 1);
    QVERIFY(scalar(m_db->db(), QStringLiteral("SELECT error_code FROM mailbox_sync WHERE mailbox = ?"), {kMailbox}).toString().isEmpty());
    m_graph->mailboxes().setPermissions(false, false);
    QVERIFY(read().errorIsNew);
}

void TestMailboxReader::markingNotAllowedLeavesThemToDoLater()
{
    QVERIFY(!deliverFile(QStringLiteral("reply-plain.eml")).isEmpty());
    QVERIFY(!deliverFile(QStringLiteral("other-new-mail.eml")).isEmpty());
    m_graph->mailboxes().setPermissions(true, false); // Mail.Read, not Mail.ReadWrite
    const auto first = read();
    QVERIFY(!first.error);
    QCOMPARE(first.read, 2);
    QVERIFY(first.disposeError);
    QVERIFY(first.disposeErrorIsNew);
    QVERIFY(first.disposeError->message.contains(QLatin1String("Mail.ReadWrite")));
    QCOMPARE(scalar(m_db->db(), QStringLiteral("SELECT count(*) FROM inbound_messages WHERE disposed = 0")).toInt(), 2);
    QVERIFY(!read().disposeErrorIsNew);

    m_graph->mailboxes().setPermissions(true, true);
    const auto later = read();
    QVERIFY(!later.disposeError);
    QCOMPARE(later.read, 0); // nothing applied twice
    QCOMPARE(scalar(m_db->db(), QStringLiteral("SELECT count(*) FROM inbound_messages WHERE disposed = 0")).toInt(), 0);
    QCOMPARE(m_graph->mailboxes().stats(kMailbox).value(QStringLiteral("unread_in_inbox")).toInt(), 0);
}

void TestMailboxReader::forgottenRoundStartsAgain()
{
    QVERIFY(!deliverFile(QStringLiteral("reply-plain.eml")).isEmpty());
    QCOMPARE(read().read, 1);
    QVERIFY(!deliverFile(QStringLiteral("reply-html.eml")).isEmpty());
    m_graph->mailboxes().forgetRounds(); // the stored delta link now answers 410
    const auto after = read();
    QVERIFY2(!after.error, after.error ? qPrintable(after.error->message) : "");
    QCOMPARE(after.read, 1); // the new one, and not the old again
    QCOMPARE(m_graph->mailboxes().stats(kMailbox).value(QStringLiteral("max_value_fetches")).toInt(), 1);
    QCOMPARE(scalar(m_db->db(), QStringLiteral("SELECT count(*) FROM inbound_messages")).toInt(), 2);
}

void TestMailboxReader::movesToTheChosenFolder()
{
    for (const char *f : {"reply-plain.eml", "qmail-hard.eml", "gmail-vacation.eml"})
        QVERIFY(!deliverFile(QString::fromLatin1(f)).isEmpty());
    mailbox::MailboxReader::Config config;
    config.move = true;
    config.folder = QStringLiteral("LUX processed");
    const auto s = read(config);
    QVERIFY2(!s.error && !s.disposeError, s.error ? qPrintable(s.error->message) : s.disposeError ? qPrintable(s.disposeError->message) : "");
    QCOMPARE(s.read, 3);
    const QJsonObject stats = m_graph->mailboxes().stats(kMailbox);
    QCOMPARE(stats.value(QStringLiteral("moves")).toInt(), 3);
    for (const QJsonValue &v : stats.value(QStringLiteral("items")).toArray())
        QVERIFY(v.toObject().value(QStringLiteral("folder")).toString().startsWith(QLatin1String("AAMkFolder-")));
    // The moved messages leave the Inbox; the next look reads nothing and makes no second folder.
    QVERIFY(!deliverFile(QStringLiteral("reply-html.eml")).isEmpty());
    const auto next = read(config);
    QCOMPARE(next.read, 1);
    QCOMPARE(m_graph->mailboxes().stats(kMailbox).value(QStringLiteral("moves")).toInt(), 4);
}

void TestMailboxReader::signedTokenUnsubscribesItsRecipient()
{
    // The recipient forwarded the message; the unsubscribe mail comes from another address. The
    // token names the outbox row, so its contact is the one taken off.
    const auto contact = m_db->addContact(QStringLiteral("ana@example.com"));
    QVERIFY(contact);
    const auto row = m_db->addOutboxRow(m_campaign, *contact, QStringLiteral("sent"), QStringLiteral("<m1@acme.example>"),
                                        QDateTime::currentMSecsSinceEpoch() - 60'000);
    QVERIFY(row);
    const auto ring = tracking::KeyRing::parse(tracking::KeyRing::generate(1));
    QVERIFY(ring);
    const tracking::TokenCodec codec(*ring);
    tracking::Claims claims;
    claims.purpose = tracking::Purpose::Unsubscribe;
    claims.campaign = quint64(m_campaign);
    claims.recipient = quint64(*row);
    const QString token = codec.sign(claims);
    const QByteArray mime = "From: someone.else@example.org\r\nTo: news+unsub-" + token.toLatin1()
                            + "@acme.example\r\nSubject: Unsubscribe\r\nMessage-ID: <u1@example.org>\r\n\r\nThis message was sent to unsubscribe.\r\n";
    m_graph->mailboxes().deliver(kMailbox, mime);
    // And a forged one: not honoured as a token, so only its sender's own address is taken off.
    const auto other = m_db->addContact(QStringLiteral("bob@example.com"));
    QVERIFY(other);
    QVERIFY(m_db->addOutboxRow(m_campaign, *other, QStringLiteral("sent"), QStringLiteral("<m2@acme.example>"), QDateTime::currentMSecsSinceEpoch()));
    m_graph->mailboxes().deliver(kMailbox, "From: mallory@example.org\r\nTo: news+unsub-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA@acme.example\r\n"
                                           "Subject: Unsubscribe\r\nMessage-ID: <u2@example.org>\r\n\r\nx\r\n");
    const auto s = read({}, &codec);
    QVERIFY(!s.error);
    QCOMPARE(s.read, 2);
    QCOMPARE(s.unsubscribes, 2); // ana (by the token) and mallory herself
    QCOMPARE(scalar(m_db->db(), QStringLiteral("SELECT status FROM contacts WHERE id = ?"), {*contact}).toString(), QStringLiteral("unsubscribed"));
    QCOMPARE(scalar(m_db->db(), QStringLiteral("SELECT status FROM contacts WHERE id = ?"), {*other}).toString(), QStringLiteral("subscribed"));
    QCOMPARE(scalar(m_db->db(), QStringLiteral("SELECT rule FROM inbound_messages WHERE address = 'ana@example.com'")).toString(),
             QStringLiteral("address-tag+token"));
    QCOMPARE(scalar(m_db->db(), QStringLiteral("SELECT rule FROM inbound_messages WHERE address = 'mallory@example.org'")).toString(),
             QStringLiteral("address-tag+token-invalid"));
}

void TestMailboxReader::threeSoftBouncesOverAWeekAreHard()
{
    // Three campaigns to one address, four days apart, each answered by a soft bounce: the third
    // makes it hard. Two of them within a week would not.
    const auto contact = m_db->addContact(QStringLiteral("full@example.net"));
    QVERIFY(contact);
    const qint64 day = 24LL * 3600 * 1000;
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - 20 * day;
    mailbox::InboundApplier applier(m_db->db(), nullptr, [] { return QDateTime::currentMSecsSinceEpoch(); });
    for (int i = 0; i < 3; ++i) {
        const auto campaign = m_db->addCampaign(QStringLiteral("C%1").arg(i), QStringLiteral("sent"), start + i * 4 * day);
        QVERIFY(campaign);
        const QString messageId = QStringLiteral("<soft%1@acme.example>").arg(i);
        QVERIFY(m_db->addOutboxRow(*campaign, *contact, QStringLiteral("sent"), messageId, start + i * 4 * day));
        mailbox::InboundResult r;
        r.kind = mailbox::InboundClass::SoftBounce;
        r.recipient = r.originalRecipient = QStringLiteral("full@example.net");
        r.status = QStringLiteral("4.2.2");
        r.originalMessageId = messageId;
        const auto out = applier.apply({kMailbox, QStringLiteral("g%1").arg(i), QDateTime::fromMSecsSinceEpoch(start + i * 4 * day + 1000)}, r);
        QVERIFY(out);
        QCOMPARE(out->effect, i < 2 ? QStringLiteral("counted") : QStringLiteral("bounced"));
    }
    QCOMPARE(scalar(m_db->db(), QStringLiteral("SELECT status FROM contacts WHERE id = ?"), {*contact}).toString(), QStringLiteral("bounced"));
    QCOMPARE(scalar(m_db->db(), QStringLiteral("SELECT count(*) FROM suppression WHERE address_key = 'full@example.net'")).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestMailboxReader)
#include "tst_mailboxreader.moc"
