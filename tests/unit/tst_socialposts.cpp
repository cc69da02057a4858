// SPDX-License-Identifier: GPL-3.0-or-later
// Social posts in the database (migration 21): accounts and their queue slots, a post's targets as
// rows of each account's hidden standing campaign (so the channel core publishes them), the checks
// that refuse a post before anything is stored, the queue's next free slot across a clock change,
// rescheduling, cancelling and retrying.
#include "social/accountstore.h"
#include "social/poststore.h"

#include "assistant/mediastore.h"
#include "campaigns/campaignstore.h"
#include "common/errorcodes.h"
#include "databasefixture.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace lux;
using namespace lux::social;

namespace {

qint64 utc(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc()).toMSecsSinceEpoch();
}

qint64 madrid(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone("Europe/Madrid")).toMSecsSinceEpoch();
}

} // namespace

class TestSocialPosts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void accountsConnectAgainKeepTheirUid();
    void slotsParse();
    void scheduleMakesARowOfAHiddenStandingCampaign();
    void refusedPostStoresNothing();
    void badInputSaysWhat();
    void queueTakesTheNextFreeSlot();
    void queueSlotAcrossSpringForward();
    void queueListsSlotsAndWhatTakesThem();
    void rescheduleOnlyWhileWaiting();
    void cancelKeepsWhatWasPublished();
    void retryAndRetryAllFailed();
    void removedAccountPublishesNothingMore();
    void luxctlRefusesBeforeWritingAnything();
    void calendarRange();
    void signInsEndingAreAnnouncedAWeekAhead();
    void userDecidesAPostInDoubt();

private:
    qint64 account(Network network, const QString &externalId, const QString &name = QStringLiteral("Acme"));
    qint64 picture(const QByteArray &bytes, const QString &name);
    int count(const QString &sql);
    QString value(const QString &sql);

    std::unique_ptr<test::DatabaseFixture> m_fixture;
    qint64 m_now = 0;
    Clock m_clock;
};

void TestSocialPosts::init()
{
    m_fixture = std::make_unique<test::DatabaseFixture>();
    QVERIFY(m_fixture->open());
    m_now = utc(2026, 3, 23, 12); // a Monday
    m_clock = [this] { return m_now; };
}

void TestSocialPosts::cleanup()
{
    m_fixture.reset();
}

qint64 TestSocialPosts::account(Network network, const QString &externalId, const QString &name)
{
    Account a;
    a.network = network;
    a.externalId = externalId;
    a.name = name;
    a.handle = QStringLiteral("@") + name.toLower();
    const auto id = AccountStore(m_fixture->db(), m_clock).upsert(a);
    if (!id)
        qWarning("%s", qPrintable(id.error().message));
    return id ? *id : 0;
}

qint64 TestSocialPosts::picture(const QByteArray &bytes, const QString &name)
{
    assistant::MediaItem item;
    item.name = name;
    item.data = bytes;
    const auto id = assistant::MediaStore(m_fixture->db()).add(item, std::nullopt);
    if (!id)
        qWarning("%s", qPrintable(id.error().message));
    return id ? *id : 0;
}

int TestSocialPosts::count(const QString &sql)
{
    QSqlQuery q(m_fixture->db());
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

QString TestSocialPosts::value(const QString &sql)
{
    QSqlQuery q(m_fixture->db());
    return q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("<none>");
}

void TestSocialPosts::accountsConnectAgainKeepTheirUid()
{
    AccountStore store(m_fixture->db(), m_clock);
    const qint64 id = account(Network::X, QStringLiteral("42"), QStringLiteral("Acme"));
    QVERIFY(id > 0);
    const auto first = store.find(id);
    QVERIFY(first);
    QCOMPARE(first->uid.size(), 36);
    QCOMPARE(first->displayName(), QStringLiteral("Acme (@acme) on X"));
    // Connected again under a new name: the same row, the same uid (its keychain entries).
    QSqlQuery q(m_fixture->db());
    QVERIFY(q.exec(QStringLiteral("UPDATE social_accounts SET status = 'reconnect' WHERE id = %1").arg(id)));
    QCOMPARE(account(Network::X, QStringLiteral("42"), QStringLiteral("Acme Corp")), id);
    const auto again = store.find(id);
    QCOMPARE(again->uid, first->uid);
    QCOMPARE(again->name, QStringLiteral("Acme Corp"));
    QCOMPARE(again->status, QStringLiteral("connected"));
    // The same id on another network is another account.
    QVERIFY(account(Network::LinkedIn, QStringLiteral("42")) != id);
    QCOMPARE(store.list()->size(), 2);
    QVERIFY(store.remove(id));
    QCOMPARE(store.list()->size(), 1);
    QCOMPARE(store.list(true)->size(), 2);
    QCOMPARE(store.find(999).error().code, QString(errc::socialNotFound));
    QCOMPARE(store.setTimeZone(id, QStringLiteral("Mars/Olympus")).error().code, QString(errc::socialInput));
}

void TestSocialPosts::slotsParse()
{
    const auto slots = Slot::parse(QStringLiteral("Tue/Thu 10:00, sat 11:30"));
    QVERIFY(slots);
    QCOMPARE(*slots, (QList<Slot>{{2, 600}, {4, 600}, {6, 690}}));
    QCOMPARE(Slot::format(*slots), QStringLiteral("Tue/Thu 10:00, Sat 11:30"));
    const auto weekdays = Slot::parse(QStringLiteral("monday-friday 9:05; Sunday 18:00"));
    QVERIFY(weekdays);
    QCOMPARE(weekdays->size(), 6);
    QCOMPARE(Slot::format(*weekdays), QStringLiteral("Mon/Tue/Wed/Thu/Fri 09:05, Sun 18:00"));
    // A range across the week's end, and a list with commas inside a group.
    QCOMPARE(Slot::parse(QStringLiteral("sat-mon 08:00"))->size(), 3);
    QCOMPARE(Slot::parse(QStringLiteral("mon,wed 10:00"))->size(), 2);
    const auto hour = Slot::parse(QStringLiteral("Tue 25:00"));
    QVERIFY(!hour);
    QVERIFY(hour.error().message.contains(QStringLiteral("Tue 25:00")));
    const auto day = Slot::parse(QStringLiteral("Funday 10:00"));
    QVERIFY(!day);
    QVERIFY(day.error().message.contains(QStringLiteral("Funday")));
}

void TestSocialPosts::scheduleMakesARowOfAHiddenStandingCampaign()
{
    const qint64 x = account(Network::X, QStringLiteral("1"));
    const qint64 ig = account(Network::Instagram, QStringLiteral("2"));
    const qint64 photo = picture(test::jpegHeader(1080, 1350), QStringLiteral("autumn.jpg"));
    PostStore posts(m_fixture->db(), m_clock);
    PostDraft draft;
    draft.text = QStringLiteral("Autumn sale");
    draft.targets = {{x, QStringLiteral("Autumn sale https://acme.example"), {}, {}},
                     {ig, QStringLiteral("Autumn sale #autumn"), QStringLiteral("Link in bio"), {photo}}};
    draft.at = utc(2026, 3, 25, 9);
    const auto post = posts.schedule(draft);
    QVERIFY2(post, test::errorText(post).constData());

    const auto status = posts.status(*post);
    QVERIFY(status);
    QCOMPARE(status->targets.size(), 2);
    QCOMPARE(status->targets[0].state, TargetState::Scheduled);
    QCOMPARE(status->targets[1].network, Network::Instagram);
    QCOMPARE(status->targets[1].mediaIds, QList<qint64>{photo});
    QCOMPARE(status->targets[1].firstComment, QStringLiteral("Link in bio"));
    QCOMPARE(status->targets[1].dueAt, *draft.at);

    // One outbox row per target, each in its account's own campaign, hidden and standing.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE channel = 'social' AND state = 'pending' AND contact_id IS NULL")), 2);
    QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT campaign_id) FROM outbox")), 2);
    QCOMPARE(value(QStringLiteral("SELECT mail_key FROM outbox ORDER BY id LIMIT 1")), QStringLiteral("p%1.t%2").arg(*post).arg(status->targets[0].id));
    campaigns::CampaignStore campaigns(m_fixture->db());
    QVERIFY(campaigns.list().isEmpty());
    const auto account = AccountStore(m_fixture->db(), m_clock).find(x);
    QVERIFY(account->campaignId);
    const auto campaign = campaigns.find(*account->campaignId);
    QVERIFY(campaign);
    QVERIFY(campaign->standing());
    QCOMPARE(campaign->socialAccountId, std::optional<qint64>(x));
    QCOMPARE(campaign->channel, QStringLiteral("social"));
    QCOMPARE(value(QStringLiteral("SELECT due_at FROM jobs WHERE campaign_id = %1 AND done_at IS NULL").arg(*account->campaignId)).toLongLong(), *draft.at);

    // A later post for the same account: the same campaign, and its job stays at the earlier time;
    // an earlier one moves the job earlier.
    PostDraft later;
    later.targets = {{x, QStringLiteral("Later"), {}, {}}};
    later.at = utc(2026, 3, 28, 9);
    QVERIFY(posts.schedule(later));
    QCOMPARE(value(QStringLiteral("SELECT due_at FROM jobs WHERE campaign_id = %1 AND done_at IS NULL").arg(*account->campaignId)).toLongLong(), *draft.at);
    PostDraft sooner;
    sooner.targets = {{x, QStringLiteral("Sooner"), {}, {}}};
    sooner.at = utc(2026, 3, 24, 9);
    QVERIFY(posts.schedule(sooner));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM campaigns WHERE social_account_id = %1").arg(x)), 1);
    QCOMPARE(value(QStringLiteral("SELECT due_at FROM jobs WHERE campaign_id = %1 AND done_at IS NULL").arg(*account->campaignId)).toLongLong(), *sooner.at);
}

void TestSocialPosts::refusedPostStoresNothing()
{
    const qint64 x = account(Network::X, QStringLiteral("1"));
    const qint64 ig = account(Network::Instagram, QStringLiteral("2"));
    const qint64 wide = picture(test::jpegHeader(2000, 1000), QStringLiteral("banner.jpg"));
    PostStore posts(m_fixture->db(), m_clock);
    PostDraft draft;
    draft.targets = {{x, QString(281, u'a'), {}, {}}, {ig, QStringLiteral("caption"), {}, {wide}}};
    draft.at = utc(2026, 3, 25, 9);
    const auto refused = posts.schedule(draft);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QString(errc::socialCheck));
    // Both reasons, each with its account.
    QVERIFY2(refused.error().message.contains(QStringLiteral("@acme) on X: X counts 281")), qPrintable(refused.error().message));
    QVERIFY(refused.error().message.contains(QStringLiteral("on Instagram: banner.jpg is 2000 × 1000")));
    for (const char *table : {"social_posts", "social_targets", "outbox", "campaigns", "jobs"})
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))), 0);
}

void TestSocialPosts::badInputSaysWhat()
{
    const qint64 x = account(Network::X, QStringLiteral("1"));
    PostStore posts(m_fixture->db(), m_clock);
    PostDraft draft;
    draft.targets = {{x, QStringLiteral("hi"), {}, {}}};
    QCOMPARE(posts.schedule(draft).error().code, QString(errc::socialInput)); // neither a time nor the queue
    draft.at = m_now - 3'600'000;
    const auto past = posts.schedule(draft);
    QCOMPARE(past.error().code, QString(errc::socialInput));
    QVERIFY(past.error().message.contains(QStringLiteral("in the past")));
    draft.at = m_now + 3'600'000;
    draft.targets.append({x, QStringLiteral("again"), {}, {}});
    QCOMPARE(posts.schedule(draft).error().code, QString(errc::socialInput)); // the same account twice
    draft.targets = {{x, QStringLiteral("hi"), {}, {424242}}};
    const auto missing = posts.schedule(draft);
    QCOMPARE(missing.error().code, QString(errc::socialNotFound));
    QVERIFY(missing.error().message.contains(QStringLiteral("424242")));
    QVERIFY(AccountStore(m_fixture->db(), m_clock).remove(x));
    draft.targets = {{x, QStringLiteral("hi"), {}, {}}};
    QCOMPARE(posts.schedule(draft).error().code, QString(errc::socialState));
    draft.queue = true;
    draft.at.reset();
    const qint64 y = account(Network::Facebook, QStringLiteral("9"));
    draft.targets = {{y, QStringLiteral("hi"), {}, {}}};
    const auto noSlots = posts.schedule(draft);
    QCOMPARE(noSlots.error().code, QString(errc::socialState));
    QVERIFY(noSlots.error().message.contains(QStringLiteral("no queue slots")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM social_posts")), 0);
}

void TestSocialPosts::queueTakesTheNextFreeSlot()
{
    const qint64 x = account(Network::X, QStringLiteral("1"));
    AccountStore accounts(m_fixture->db(), m_clock);
    QVERIFY(accounts.setTimeZone(x, QStringLiteral("Europe/Madrid")));
    QVERIFY(accounts.setSlots(x, *Slot::parse(QStringLiteral("Tue/Thu 10:00"))));
    PostStore posts(m_fixture->db(), m_clock);
    QList<qint64> ids;
    for (int i = 0; i < 3; ++i) {
        PostDraft draft;
        draft.queue = true;
        draft.targets = {{x, QStringLiteral("queued %1").arg(i), {}, {}}};
        const auto id = posts.schedule(draft);
        QVERIFY2(id, test::errorText(id).constData());
        ids << *id;
    }
    // Monday noon: Tuesday, Thursday, then next Tuesday, at 10:00 in Madrid.
    QCOMPARE(posts.status(ids[0])->targets[0].dueAt, madrid(2026, 3, 24, 10));
    QCOMPARE(posts.status(ids[1])->targets[0].dueAt, madrid(2026, 3, 26, 10));
    QCOMPARE(posts.status(ids[2])->targets[0].dueAt, madrid(2026, 3, 31, 10));
    QVERIFY(posts.status(ids[0])->targets[0].queued);
    // Cancelling frees its slot for the next post.
    QVERIFY(posts.cancel(ids[1]));
    QCOMPARE(*posts.nextFreeSlot(x, m_now), std::optional<qint64>(madrid(2026, 3, 26, 10)));
    // A slot already past today is not taken: on Tuesday at 11:00 the next is Thursday's... which is free again.
    QCOMPARE(*posts.nextFreeSlot(x, madrid(2026, 3, 24, 11)), std::optional<qint64>(madrid(2026, 3, 26, 10)));
}

void TestSocialPosts::queueSlotAcrossSpringForward()
{
    // Europe/Madrid skips 02:00–03:00 on Sunday 29 March 2026: a Sunday 02:30 slot is at 03:30.
    const qint64 x = account(Network::X, QStringLiteral("1"));
    AccountStore accounts(m_fixture->db(), m_clock);
    QVERIFY(accounts.setTimeZone(x, QStringLiteral("Europe/Madrid")));
    QVERIFY(accounts.setSlots(x, *Slot::parse(QStringLiteral("Sun 02:30"))));
    PostStore posts(m_fixture->db(), m_clock);
    const auto slot = posts.nextFreeSlot(x, m_now);
    QVERIFY(slot && *slot);
    QCOMPARE(**slot, utc(2026, 3, 29, 1, 30)); // 03:30 summer time
    // The week after, the slot is at 02:30 summer time again.
    QCOMPARE(**posts.nextFreeSlot(x, **slot), madrid(2026, 4, 5, 2, 30));
    // Lord Howe springs forward half an hour (02:00 → 02:30, +10:30 → +11:00, Sunday 4 October
    // 2026): a 02:10 slot is at 02:40.
    QVERIFY(accounts.setTimeZone(x, QStringLiteral("Australia/Lord_Howe")));
    QVERIFY(accounts.setSlots(x, *Slot::parse(QStringLiteral("Sun 02:10"))));
    QCOMPARE(**posts.nextFreeSlot(x, utc(2026, 10, 1, 0)), utc(2026, 10, 3, 15, 40));
    // Santiago skips midnight (Saturday 5 September 2026, 24:00 → 01:00): a Sunday 00:30 slot is
    // at 01:30 of that Sunday, not of the day before.
    QVERIFY(accounts.setTimeZone(x, QStringLiteral("America/Santiago")));
    QVERIFY(accounts.setSlots(x, *Slot::parse(QStringLiteral("Sun 00:30"))));
    QCOMPARE(**posts.nextFreeSlot(x, utc(2026, 9, 1, 0)), utc(2026, 9, 6, 4, 30));
    // A zone the computer does not know is refused where it is given.
    Account bad;
    bad.network = Network::X;
    bad.externalId = QStringLiteral("2");
    bad.name = QStringLiteral("Elsewhere");
    bad.timeZone = QStringLiteral("Mars/Olympus_Mons");
    QCOMPARE(accounts.upsert(bad).error().code, QString(errc::socialInput));
}

void TestSocialPosts::queueListsSlotsAndWhatTakesThem()
{
    // New York is on summer time (UTC−4) from 8 March 2026. Monday 23 March 12:00 UTC is 08:00
    // there: Monday's 09:00 slot is still to come (it would be past if read as UTC).
    const qint64 x = account(Network::X, QStringLiteral("1"));
    const qint64 li = account(Network::LinkedIn, QStringLiteral("2"));
    AccountStore accounts(m_fixture->db(), m_clock);
    QVERIFY(accounts.setTimeZone(x, QStringLiteral("America/New_York")));
    QVERIFY(accounts.setSlots(x, *Slot::parse(QStringLiteral("Mon 09:00, Tue/Thu 10:00"))));
    QVERIFY(accounts.setSlots(li, *Slot::parse(QStringLiteral("Tue 10:00"))));
    PostStore posts(m_fixture->db(), m_clock);
    PostDraft queued;
    queued.queue = true;
    queued.targets = {{x, QStringLiteral("Queued for the first slot"), {}, {}}};
    const auto first = posts.schedule(queued);
    QVERIFY2(first, test::errorText(first).constData());
    queued.targets = {{x, QStringLiteral("Queued for the second slot"), {}, {}}};
    const auto second = posts.schedule(queued);
    QVERIFY2(second, test::errorText(second).constData());
    PostDraft fixed; // at a time that is not a slot
    fixed.at = utc(2026, 3, 25, 15);
    fixed.targets = {{x, QStringLiteral("At a set time"), {}, {}}, {li, QStringLiteral("Not X's"), {}, {}}};
    const auto third = posts.schedule(fixed);
    QVERIFY2(third, test::errorText(third).constData());

    const auto week = posts.queue(x, m_now, 7);
    QVERIFY2(week, test::errorText(week).constData());
    QCOMPARE(week->timeZone, QStringLiteral("America/New_York"));
    QVERIFY(!week->computerZone);
    QCOMPARE(week->slots.size(), 3);
    // Monday to Sunday in New York: three slots and the post at a set time, in time order.
    QCOMPARE(week->times.size(), 4);
    QCOMPARE(week->times[0].at, utc(2026, 3, 23, 13)); // Mon 09:00 EDT
    QVERIFY(week->times[0].slot && week->times[0].target);
    QCOMPARE(week->times[0].target->postId, *first);
    QCOMPARE(week->times[0].target->text, QStringLiteral("Queued for the first slot"));
    QCOMPARE(week->times[0].target->state, TargetState::Scheduled);
    QCOMPARE(week->times[1].at, utc(2026, 3, 24, 14)); // Tue 10:00 EDT
    QVERIFY(week->times[1].slot && week->times[1].target);
    QCOMPARE(week->times[1].target->postId, *second);
    QCOMPARE(week->times[2].at, utc(2026, 3, 25, 15));
    QVERIFY(!week->times[2].slot);
    QCOMPARE(week->times[2].target->text, QStringLiteral("At a set time"));
    QCOMPARE(week->times[3].at, utc(2026, 3, 26, 14)); // Thu 10:00 EDT: free
    QVERIFY(week->times[3].slot && !week->times[3].target);
    // The first free slot the queue shows is the one add-to-queue takes.
    QCOMPARE(*posts.nextFreeSlot(x, m_now), std::optional<qint64>(week->times[3].at));

    // Two weeks: the next Monday, Tuesday and Thursday too, all free.
    const auto fortnight = posts.queue(x, m_now, 14);
    QVERIFY(fortnight);
    QCOMPARE(fortnight->times.size(), 7);
    QCOMPARE(fortnight->times.last().at, utc(2026, 4, 2, 14));
    QVERIFY(!fortnight->times.last().target);
    // Cancelling the first post frees its slot; only queued and scheduled posts are at a set time.
    QVERIFY(posts.cancel(*first));
    const auto after = posts.queue(x, m_now, 7);
    QVERIFY(after);
    QCOMPARE(after->times.size(), 4);
    QVERIFY(after->times[0].slot && !after->times[0].target);
    // An account without a zone of its own is in the computer's.
    const auto liQueue = posts.queue(li, m_now, 7);
    QVERIFY(liQueue);
    QVERIFY(liQueue->computerZone);
    QCOMPARE(liQueue->timeZone, QString::fromUtf8(QTimeZone::systemTimeZoneId()));
    QCOMPARE(liQueue->times.size(), 2); // its Tuesday slot, free, and its post at a set time
    QCOMPARE(liQueue->times[1].target->text, QStringLiteral("Not X's"));
    // An account without slots has only what is at a set time.
    QVERIFY(accounts.setSlots(li, {}));
    QCOMPARE(posts.queue(li, m_now, 7)->times.size(), 1);
    // Back to the computer's zone: a null id (a combo box's data) is stored as none, not refused.
    QVERIFY(accounts.setTimeZone(x, QString()));
    QCOMPARE(accounts.find(x)->timeZone, QStringLiteral(""));
    QVERIFY(posts.queue(x, m_now, 7)->computerZone);
}

void TestSocialPosts::rescheduleOnlyWhileWaiting()
{
    const qint64 x = account(Network::X, QStringLiteral("1"));
    PostStore posts(m_fixture->db(), m_clock);
    PostDraft draft;
    draft.targets = {{x, QStringLiteral("move me"), {}, {}}};
    draft.at = utc(2026, 3, 30, 9);
    const qint64 post = *posts.schedule(draft);
    const qint64 target = posts.status(post)->targets[0].id;
    QVERIFY(posts.reschedule(target, utc(2026, 3, 27, 9)));
    QCOMPARE(posts.status(post)->targets[0].dueAt, utc(2026, 3, 27, 9));
    QCOMPARE(value(QStringLiteral("SELECT due_at FROM outbox")).toLongLong(), utc(2026, 3, 27, 9));
    QCOMPARE(value(QStringLiteral("SELECT min(due_at) FROM jobs WHERE done_at IS NULL")).toLongLong(), utc(2026, 3, 27, 9));
    QCOMPARE(posts.reschedule(target, m_now - 86'400'000).error().code, QString(errc::socialInput));
    QSqlQuery q(m_fixture->db());
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'sent'")));
    const auto published = posts.reschedule(target, utc(2026, 3, 28, 9));
    QCOMPARE(published.error().code, QString(errc::socialState));
    QVERIFY(published.error().message.contains(QStringLiteral("published")));
    QCOMPARE(posts.reschedule(777, utc(2026, 3, 28, 9)).error().code, QString(errc::socialNotFound));
}

void TestSocialPosts::cancelKeepsWhatWasPublished()
{
    const qint64 x = account(Network::X, QStringLiteral("1"));
    const qint64 li = account(Network::LinkedIn, QStringLiteral("urn:li:organization:5"));
    PostStore posts(m_fixture->db(), m_clock);
    PostDraft draft;
    draft.targets = {{x, QStringLiteral("one"), {}, {}}, {li, QStringLiteral("one"), {}, {}}};
    draft.at = utc(2026, 3, 30, 9);
    const qint64 post = *posts.schedule(draft);
    // X published it already; LinkedIn's is still waiting.
    QSqlQuery q(m_fixture->db());
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'sent' WHERE id = (SELECT outbox_id FROM social_targets WHERE account_id = %1)").arg(x)));
    QVERIFY(posts.cancel(post));
    const auto status = posts.status(post);
    QVERIFY(status->cancelledAt);
    QCOMPARE(status->targets[0].state, TargetState::Published);
    QCOMPARE(status->targets[1].state, TargetState::Cancelled);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), 1);
    QCOMPARE(posts.cancel(post).error().code, QString(errc::socialState));
    QCOMPARE(posts.cancel(31337).error().code, QString(errc::socialNotFound));
}

void TestSocialPosts::removedAccountPublishesNothingMore()
{
    const qint64 x = account(Network::X, QStringLiteral("1"));
    const qint64 li = account(Network::LinkedIn, QStringLiteral("urn:li:organization:5"));
    PostStore posts(m_fixture->db(), m_clock);
    QList<qint64> made;
    for (int i = 0; i < 3; ++i) {
        PostDraft draft;
        draft.targets = {{x, QStringLiteral("post %1").arg(i), {}, {}}, {li, QStringLiteral("post %1").arg(i), {}, {}}};
        draft.at = utc(2026, 3, 30, 9 + i);
        made << *posts.schedule(draft);
    }
    // X published the first, refused the second; the third waits.
    QSqlQuery q(m_fixture->db());
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'sent' WHERE id = (SELECT outbox_id FROM social_targets WHERE account_id = %1 "
                                  "AND post_id = %2)").arg(x).arg(made[0])));
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'failed' WHERE id = (SELECT outbox_id FROM social_targets WHERE account_id = %1 "
                                  "AND post_id = %2)").arg(x).arg(made[1])));
    QVERIFY(AccountStore(m_fixture->db(), m_clock).remove(x));
    QCOMPARE(posts.status(made[0])->targets[0].state, TargetState::Published);
    QCOMPARE(posts.status(made[1])->targets[0].state, TargetState::Cancelled);
    QCOMPARE(posts.status(made[2])->targets[0].state, TargetState::Cancelled);
    QCOMPARE(posts.status(made[2])->targets[1].state, TargetState::Scheduled); // LinkedIn's are not touched
    const auto retried = posts.retryFailed(x);
    QVERIFY(retried);
    QCOMPARE(*retried, 0);
    QCOMPARE(AccountStore(m_fixture->db(), m_clock).remove(31337).error().code, QString(errc::socialNotFound));
}

void TestSocialPosts::luxctlRefusesBeforeWritingAnything()
{
    const qint64 ig = account(Network::Instagram, QStringLiteral("17841400000000001"));
    QVERIFY(AccountStore(m_fixture->db(), m_clock).setTimeZone(ig, QStringLiteral("Europe/Madrid")));
    const QString wide = m_fixture->filePath(QStringLiteral("wide.jpg"));
    QFile f(wide);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(test::jpegHeader(2000, 1000, 0, false, 4096));
    f.close();
    const QString luxctl = QStringLiteral(LUXCTL_PATH);
    const QStringList db{QStringLiteral("--db"), m_fixture->path(), QStringLiteral("--json"), QStringLiteral("social")};
    const int mediaBefore = count(QStringLiteral("SELECT count(*) FROM media"));
    m_fixture->close(); // luxctl opens it for writing
    // A picture Instagram would refuse: nothing is kept, not even the picture.
    test::ProcessRun refused = test::runCaptured(luxctl, db + QStringList{QStringLiteral("post"), QStringLiteral("--account"), QString::number(ig),
                                                                          QStringLiteral("--text"), QStringLiteral("Too wide"), QStringLiteral("--media"), wide,
                                                                          QStringLiteral("--at"), QStringLiteral("2026-12-10T10:00")});
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(refused.json()[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("social.check"));
    QCOMPARE(refused.json()[QStringLiteral("findings")].toArray().first()[QStringLiteral("code")].toString(), QStringLiteral("instagram.ratio"));
    QVERIFY(m_fixture->open());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM media")), mediaBefore);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM social_posts")), 0);
    m_fixture->close();
    // Slots that cannot be read change nothing, not even the zone given with them.
    test::ProcessRun badSlots = test::runCaptured(luxctl, db + QStringList{QStringLiteral("slots"), QStringLiteral("--account"), QString::number(ig),
                                                                           QStringLiteral("--time-zone"), QStringLiteral("Asia/Tokyo"),
                                                                           QStringLiteral("--set"), QStringLiteral("Tue 25:00")});
    QCOMPARE(badSlots.exitCode, 1);
    QVERIFY(m_fixture->open());
    QCOMPARE(value(QStringLiteral("SELECT time_zone FROM social_accounts")), QStringLiteral("Europe/Madrid"));
    m_fixture->close();
    test::ProcessRun slots = test::runCaptured(luxctl, db + QStringList{QStringLiteral("slots"), QStringLiteral("--account"), QString::number(ig),
                                                                        QStringLiteral("--time-zone"), QStringLiteral("Asia/Tokyo"),
                                                                        QStringLiteral("--set"), QStringLiteral("Tue/Thu 10:00")});
    QCOMPARE(slots.exitCode, 0);
    QCOMPARE(slots.json()[QStringLiteral("slots")].toString(), QStringLiteral("Tue/Thu 10:00"));
    QCOMPARE(slots.json()[QStringLiteral("time_zone")].toString(), QStringLiteral("Asia/Tokyo"));
}

void TestSocialPosts::retryAndRetryAllFailed()
{
    const qint64 x = account(Network::X, QStringLiteral("1"));
    PostStore posts(m_fixture->db(), m_clock);
    QList<qint64> targets;
    for (int i = 0; i < 3; ++i) {
        PostDraft draft;
        draft.targets = {{x, QStringLiteral("post %1").arg(i), {}, {}}};
        draft.at = utc(2026, 3, 24, 9 + i);
        targets << posts.status(*posts.schedule(draft))->targets[0].id;
    }
    QSqlQuery q(m_fixture->db());
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'failed', attempts = 3, error_code = 'x.403', error = 'duplicate content'")));
    QCOMPARE(posts.status(1)->targets[0].state, TargetState::Failed);
    QCOMPARE(posts.status(1)->targets[0].error, QStringLiteral("duplicate content"));
    QVERIFY(posts.retry(targets[0]));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending' AND attempts = 0")), 1);
    QCOMPARE(posts.retry(targets[0]).error().code, QString(errc::socialState)); // no longer failed
    QCOMPARE(*posts.retryFailed(x), 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'")), 3);
    QCOMPARE(value(QStringLiteral("SELECT min(due_at) FROM jobs WHERE done_at IS NULL")).toLongLong(), m_now);
    QCOMPARE(*posts.retryFailed(x), 0);
}

void TestSocialPosts::calendarRange()
{
    const qint64 x = account(Network::X, QStringLiteral("1"));
    const qint64 fb = account(Network::Facebook, QStringLiteral("77"));
    PostStore posts(m_fixture->db(), m_clock);
    for (int day : {24, 26, 30}) {
        PostDraft draft;
        draft.targets = {{x, QStringLiteral("x %1").arg(day), {}, {}}, {fb, QStringLiteral("fb %1").arg(day), {}, {}}};
        draft.at = utc(2026, 3, day, 9);
        QVERIFY(posts.schedule(draft));
    }
    const auto week = posts.between(utc(2026, 3, 23, 0), utc(2026, 3, 30, 0));
    QVERIFY(week);
    QCOMPARE(week->size(), 4);
    QCOMPARE(week->first().text, QStringLiteral("x 24"));
    QCOMPARE(week->last().network, Network::Facebook);
    QCOMPARE(week->last().accountName, QStringLiteral("@acme"));
}

void TestSocialPosts::signInsEndingAreAnnouncedAWeekAhead()
{
    // A sign-in that cannot be renewed (LinkedIn's year, a Meta user token) is announced in the week
    // before it ends: in luxctl social accounts and, while the app runs, as a desktop notification.
    const auto withEnd = [this](Network network, const QString &id, std::optional<qint64> access, std::optional<qint64> refresh) {
        Account a;
        a.network = network;
        a.externalId = id;
        a.name = id;
        a.accessExpiresAt = access;
        a.refreshExpiresAt = refresh;
        const auto made = AccountStore(m_fixture->db(), m_clock).upsert(a);
        return made ? *made : 0;
    };
    constexpr qint64 kDay = 86'400'000;
    const qint64 soon = withEnd(Network::LinkedIn, QStringLiteral("urn:li:organization:1"), m_now + kDay, m_now + 5 * kDay);
    const qint64 later = withEnd(Network::LinkedIn, QStringLiteral("urn:li:organization:2"), m_now + kDay, m_now + 9 * kDay);
    const qint64 sooner = withEnd(Network::Facebook, QStringLiteral("100000000000001"), m_now + 2 * kDay, std::nullopt);
    const qint64 never = withEnd(Network::Facebook, QStringLiteral("100000000000002"), std::nullopt, std::nullopt);
    const qint64 x = withEnd(Network::X, QStringLiteral("2244994945"), m_now + kDay, std::nullopt); // X's refresh has no end
    QVERIFY(soon && later && sooner && never && x);
    AccountStore store(m_fixture->db(), m_clock);
    auto ending = store.signInsEnding(m_now);
    QVERIFY(ending);
    QCOMPARE(ending->size(), 2);
    QCOMPARE(ending->at(0).id, sooner); // soonest first
    QCOMPARE(ending->at(1).id, soon);
    const QString notice = AccountStore::endNotice(ending->at(1));
    QVERIFY2(notice.contains(ending->at(1).displayName()) && notice.contains(QStringLiteral("--network linkedin")), qPrintable(notice));
    // One already asking to reconnect is said so otherwise: not announced again.
    QSqlQuery q(m_fixture->db());
    QVERIFY(q.exec(QStringLiteral("UPDATE social_accounts SET status = 'reconnect' WHERE id = %1").arg(sooner)));
    ending = store.signInsEnding(m_now);
    QCOMPARE(ending->size(), 1);
    QCOMPARE(ending->first().id, soon);
    // luxctl says it too, at the real time: the ends set from now.
    QVERIFY(q.exec(QStringLiteral("UPDATE social_accounts SET refresh_expires_at = %1 WHERE id = %2")
                       .arg(QDateTime::currentMSecsSinceEpoch() + 5 * kDay).arg(soon)));
    QVERIFY(q.exec(QStringLiteral("UPDATE social_accounts SET refresh_expires_at = %1 WHERE id = %2")
                       .arg(QDateTime::currentMSecsSinceEpoch() + 9 * kDay).arg(later)));
    q.finish();
    m_fixture->close();
    const test::ProcessRun run = test::runCaptured(QStringLiteral(LUXCTL_PATH), {QStringLiteral("--db"), m_fixture->path(), QStringLiteral("--json"),
                                                                                 QStringLiteral("social"), QStringLiteral("accounts")});
    QCOMPARE(run.exitCode, 0);
    QHash<qint64, bool> endsSoon;
    for (const QJsonValue &v : QJsonDocument::fromJson(run.out).object().value(QStringLiteral("accounts")).toArray())
        endsSoon.insert(v[QStringLiteral("id")].toInteger(), v[QStringLiteral("sign_in_ends_soon")].toBool());
    QCOMPARE(endsSoon.size(), 5);
    QVERIFY(endsSoon.value(soon));
    QVERIFY(!endsSoon.value(later));
    QVERIFY(!endsSoon.value(never));
    QVERIFY(!endsSoon.value(x));
}

void TestSocialPosts::userDecidesAPostInDoubt()
{
    // Two posts nothing could settle: one is on the network (its link kept), the other is published
    // again, through luxctl; a link that is not an address is refused and nothing changes.
    const qint64 li = account(Network::LinkedIn, QStringLiteral("urn:li:person:1"));
    PostStore posts(m_fixture->db(), m_clock);
    QList<qint64> targets;
    for (int i = 0; i < 2; ++i) {
        PostDraft draft;
        draft.targets = {{li, QStringLiteral("doubt %1").arg(i), {}, {}}};
        draft.at = utc(2026, 3, 24, 9 + i);
        targets << posts.status(*posts.schedule(draft))->targets[0].id;
    }
    QSqlQuery q(m_fixture->db());
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'unknown', attempts = 1, error_code = 'needs-decision', error = 'check'")));
    QCOMPARE(posts.decide(targets[0], true, QStringLiteral("javascript:alert(1)")).error().code, QString(errc::socialInput));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'unknown'")), 2);
    q.finish();
    m_fixture->close();
    const QStringList db{QStringLiteral("--db"), m_fixture->path(), QStringLiteral("--json"), QStringLiteral("social"), QStringLiteral("decide")};
    const QString luxctl = QStringLiteral(LUXCTL_PATH);
    QCOMPARE(test::runCaptured(luxctl, db + QStringList{QString::number(targets[0]), QStringLiteral("--published"), QStringLiteral("--link"),
                                                        QStringLiteral("https://www.linkedin.com/feed/update/urn:li:share:1/")})
                 .exitCode,
             0);
    QCOMPARE(test::runCaptured(luxctl, db + QStringList{QString::number(targets[1]), QStringLiteral("--publish-again")}).exitCode, 0);
    QCOMPARE(test::runCaptured(luxctl, db + QStringList{QString::number(targets[1]), QStringLiteral("--published"), QStringLiteral("--publish-again")}).exitCode, 2);
    QVERIFY(m_fixture->open());
    const auto first = PostStore(m_fixture->db(), m_clock).status(1);
    QCOMPARE(first->targets[0].state, TargetState::Published);
    QCOMPARE(first->targets[0].permalink, QStringLiteral("https://www.linkedin.com/feed/update/urn:li:share:1/"));
    QCOMPARE(value(QStringLiteral("SELECT state || ' ' || provider_ref || error_code FROM outbox WHERE id = (SELECT outbox_id FROM social_targets WHERE id = %1)")
                       .arg(targets[1])),
             QStringLiteral("pending decided-resend"));
}

QTEST_GUILESS_MAIN(TestSocialPosts)
#include "tst_socialposts.moc"
