// SPDX-License-Identifier: GPL-3.0-or-later
// lux-tracker's group commit over the real SQLite event store: a batch is written when it is full
// or when the interval ends, whichever comes first; stop() writes everything acknowledged; a durable
// append is answered only once its batch is on disk. Intervals are an hour wherever a test needs
// "not by time", so a slow machine cannot make a commit happen early.
#include "eventstore.h"
#include "testsupport.h"

#include <QRegularExpression>
#include <QTest>

#include <chrono>

using namespace lux::tracker;

namespace {
constexpr int kHourMs = 3'600'000;

Event trackerEvent(int n)
{
    Event e;
    e.at = 1'790'000'000'000 + n;
    e.kind = n % 3 == 0 ? EventKind::Click : EventKind::Open;
    e.campaign = 7;
    e.recipient = quint64(100 + n);
    e.link = n % 3 == 0 ? 2 : 0;
    e.machine = n % 5 == 0;
    e.reason = e.machine ? QByteArray("apple-mpp") : QByteArray();
    return e;
}

std::function<lux::Result<std::unique_ptr<EventSink>>()> sinkAt(const QString &path)
{
    return [path] { return openSqliteSink(path); };
}

// What is on disk, read through a connection of its own.
QList<Event> stored(const QString &path)
{
    const auto sink = openSqliteSink(path);
    return sink ? (*sink)->eventsAfter(0, 100'000) : QList<Event>();
}
} // namespace

class TestEventBatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void fullBatchCommitsAtOnce_data();
    void fullBatchCommitsAtOnce();
    void intervalCommitsWhatIsQueued();
    void stopWritesEverythingAcknowledged();
    void durableAppendWaitsForItsCommit();
    void aStoreThatWillNotOpenFailsTheStart();

private:
    std::unique_ptr<lux::test::TestEnvironment> m_env;
    QString m_path;
};

void TestEventBatcher::init()
{
    m_env = std::make_unique<lux::test::TestEnvironment>();
    m_path = m_env->path(QStringLiteral("events.db"));
}

void TestEventBatcher::cleanup()
{
    m_env.reset();
}

void TestEventBatcher::fullBatchCommitsAtOnce_data()
{
    QTest::addColumn<int>("maxBatch");
    QTest::newRow("one at a time") << 1;
    QTest::newRow("ten") << 10;
    QTest::newRow("the server's default") << 2000;
}

void TestEventBatcher::fullBatchCommitsAtOnce()
{
    QFETCH(int, maxBatch);
    EventBatcher batcher(sinkAt(m_path), {kHourMs, maxBatch});
    const lux::Status started = batcher.start();
    QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().message));
    for (int i = 0; i < maxBatch - 1; ++i)
        batcher.append(trackerEvent(i));
    QTest::qWait(200);
    QCOMPARE(batcher.committed(), quint64(0)); // one short of a batch, an hour to go
    batcher.append(trackerEvent(maxBatch - 1));
    QTRY_COMPARE_WITH_TIMEOUT(batcher.committed(), quint64(maxBatch), 60'000);
    QCOMPARE(stored(m_path).size(), maxBatch);
    // The next batch starts empty: one more event waits again (unless one is a batch).
    batcher.append(trackerEvent(maxBatch));
    if (maxBatch == 1) {
        QTRY_COMPARE_WITH_TIMEOUT(batcher.committed(), quint64(2), 60'000);
    } else {
        QTest::qWait(200);
        QCOMPARE(batcher.committed(), quint64(maxBatch));
    }
    batcher.stop();
    QCOMPARE(batcher.committed(), quint64(maxBatch) + 1);
    QCOMPARE(batcher.failedBatches(), quint64(0));
}

void TestEventBatcher::intervalCommitsWhatIsQueued()
{
    // Far from full: only the interval can write these.
    EventBatcher batcher(sinkAt(m_path), {100, 10'000});
    const lux::Status started = batcher.start();
    QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().message));
    for (int i = 0; i < 3; ++i)
        batcher.append(trackerEvent(i));
    QTRY_COMPARE_WITH_TIMEOUT(batcher.committed(), quint64(3), 60'000);
    const QList<Event> events = stored(m_path);
    QCOMPARE(events.size(), 3);
    // Ids in commit order, the API's cursor.
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(events.at(i).id, qint64(i + 1));
        QCOMPARE(events.at(i).recipient, quint64(100 + i));
    }
    batcher.append(trackerEvent(3));
    QTRY_COMPARE_WITH_TIMEOUT(batcher.committed(), quint64(4), 60'000);
}

void TestEventBatcher::stopWritesEverythingAcknowledged()
{
    {
        EventBatcher batcher(sinkAt(m_path), {kHourMs, 1000});
        QVERIFY(batcher.start().ok());
        for (int i = 0; i < 7; ++i)
            batcher.append(trackerEvent(i));
        QCOMPARE(batcher.committed(), quint64(0));
        batcher.stop();
        QCOMPARE(batcher.committed(), quint64(7));
    }
    const QList<Event> events = stored(m_path);
    QCOMPARE(events.size(), 7);
    for (int i = 0; i < 7; ++i) {
        const Event expected = trackerEvent(i);
        const Event &e = events.at(i);
        QCOMPARE(e.id, qint64(i + 1));
        QCOMPARE(e.at, expected.at);
        QCOMPARE(e.kind, expected.kind);
        QCOMPARE(e.campaign, expected.campaign);
        QCOMPARE(e.recipient, expected.recipient);
        QCOMPARE(e.link, expected.link);
        QCOMPARE(e.machine, expected.machine);
        QCOMPARE(e.reason, expected.reason);
    }
    const auto sink = openSqliteSink(m_path);
    QVERIFY2(sink, qPrintable(sink ? QString() : sink.error().message));
    QCOMPARE((*sink)->count(EventKind::Click), qint64(3)); // 0, 3, 6
    QCOMPARE((*sink)->count(EventKind::Open), qint64(4));

    // A batcher destroyed without stop() writes its queue too, and ids go on from the file's.
    {
        EventBatcher again(sinkAt(m_path), {kHourMs, 1000});
        QVERIFY(again.start().ok());
        again.append(trackerEvent(7));
        again.append(trackerEvent(8));
    }
    const QList<Event> after = stored(m_path);
    QCOMPARE(after.size(), 9);
    QCOMPARE(after.last().id, qint64(9));
    QCOMPARE(after.last().recipient, quint64(108));
}

void TestEventBatcher::durableAppendWaitsForItsCommit()
{
    EventBatcher batcher(sinkAt(m_path), {kHourMs, 1000});
    const lux::Status started = batcher.start();
    QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().message));
    batcher.append(trackerEvent(0));
    std::future<lux::Status> durable = batcher.appendDurable(trackerEvent(1));
    QCOMPARE(durable.wait_for(std::chrono::milliseconds(200)), std::future_status::timeout);
    QVERIFY(stored(m_path).isEmpty());
    batcher.stop();
    QCOMPARE(durable.wait_for(std::chrono::seconds(60)), std::future_status::ready);
    QVERIFY(durable.get().ok());
    QCOMPARE(stored(m_path).size(), 2);
    // Once stopping, a durable append is refused rather than left waiting.
    std::future<lux::Status> late = batcher.appendDurable(trackerEvent(2));
    QCOMPARE(late.wait_for(std::chrono::seconds(0)), std::future_status::ready);
    QVERIFY(!late.get().ok());
}

void TestEventBatcher::aStoreThatWillNotOpenFailsTheStart()
{
    const QString path = m_env->path(QStringLiteral("no-such-folder/events.db"));
    EventBatcher batcher(sinkAt(path), {});
    const lux::Status started = batcher.start();
    QVERIFY(!started);
    QCOMPARE(started.error().code, QStringLiteral("tracker.store"));
    QVERIFY2(started.error().message.contains(QStringLiteral("no-such-folder/events.db")), qPrintable(started.error().message));
}

QTEST_GUILESS_MAIN(TestEventBatcher)
#include "tst_eventbatcher.moc"
