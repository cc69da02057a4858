// SPDX-License-Identifier: GPL-3.0-or-later
// The app's side of social posts' pictures (channels/social/mediahost.h) against a real lux-tracker
// over loopback: a picture is uploaded once (the second host() of the same bytes asks and sends
// nothing, as the tracker's access log shows), the address signed here fetches the bytes, check()
// passes for it and fails for an expired one, a refused token and a stopped tracker are told apart
// (the caller retries only what is transient), and a picture that is not what it says is refused
// before anything is sent.
#include "channels/social/mediahost.h"
#include "common/errorcodes.h"
#include "testsupport.h"
#include "trackerprocess.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace lux;
using namespace lux::test;
using social::MediaHost;

namespace {

QByteArray randomBytes(qsizetype n)
{
    QList<quint32> words((n + 3) / 4);
    QRandomGenerator::global()->fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char *>(words.constData()), n);
}

QByteArray jpeg(qsizetype n = 40'000)
{
    return QByteArray::fromHex("ffd8ffe000104a46494600") + randomBytes(n);
}

QByteArray png(qsizetype n = 40'000)
{
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + randomBytes(n);
}

} // namespace

class TestMediaHost : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void hostUploadsOnceAndSignsAnAddressThatFetches();
    void checkPassesForTheAddressAndFailsForAnExpiredOne();
    void checkNoticesAnAddressThatIsNotThePicture();
    void refusedTokenIsNotTransient();
    void stoppedTrackerIsTransient();
    void pictureThatIsNotWhatItSaysIsNotSent();

private:
    std::unique_ptr<MediaHost> makeHost(Clock clock = systemClock(), QByteArray token = {}, int minutes = 60);
    int logLines(const QByteArray &what) const;

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<TrackerProcess> m_tracker;
    QNetworkAccessManager m_nam;
};

void TestMediaHost::init()
{
    m_env = std::make_unique<TestEnvironment>();
    m_tracker = std::make_unique<TrackerProcess>(QStringLiteral(LUX_TRACKER_PATH), m_env->dir(), QStringList{QStringLiteral("--rate-limit"), QStringLiteral("0")});
    QVERIFY2(m_tracker->start(), m_tracker->output().constData());
    m_nam.clearConnectionCache();
}

void TestMediaHost::cleanup()
{
    if (m_tracker && m_tracker->process().state() != QProcess::NotRunning)
        QVERIFY2(m_tracker->stop(), m_tracker->output().constData());
    m_tracker.reset();
    m_env.reset();
}

std::unique_ptr<MediaHost> TestMediaHost::makeHost(Clock clock, QByteArray token, int minutes)
{
    return std::make_unique<MediaHost>(&m_nam, m_tracker->url(), token.isEmpty() ? m_tracker->apiToken() : token,
                                       *tracking::KeyRing::parse(m_tracker->keys()), minutes, std::move(clock));
}

// Lines of the tracker's access log ("<time> PUT /api/v1/media 201 <µs>"), written at least once a second.
int TestMediaHost::logLines(const QByteArray &what) const
{
    int n = 0;
    for (const QByteArray &line : readAll(m_tracker->logPath()).split('\n'))
        if (line.contains(what))
            ++n;
    return n;
}

void TestMediaHost::hostUploadsOnceAndSignsAnAddressThatFetches()
{
    const auto host = makeHost();
    const QByteArray picture = jpeg();
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(picture, QCryptographicHash::Sha256).toHex());
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const auto first = await(host->host(picture, QStringLiteral("image/jpeg")));
    QVERIFY2(first, errorText(first).constData());
    QVERIFY(first->id > 0);
    QCOMPARE(first->sha256, sha);
    QCOMPARE(first->type, QStringLiteral("image/jpeg"));
    QCOMPARE(first->size, picture.size());
    // <tracker>/m/<token>.jpg, valid for the hour asked for.
    QCOMPARE(first->url.host(), m_tracker->url().host());
    QCOMPARE(first->url.port(), m_tracker->url().port());
    QVERIFY2(first->url.path().startsWith(u"/m/") && first->url.path().endsWith(u".jpg"), qPrintable(first->url.toString()));
    QVERIFY(first->expiresAt.secsTo(QDateTime::fromSecsSinceEpoch(before + 3600, Qt::UTC)) <= 0);
    QVERIFY(first->expiresAt.secsTo(QDateTime::currentDateTimeUtc().addSecs(3600)) >= 0);
    // The tracker checks the address the app signed.
    const HttpAnswer fetched = httpRequest(m_nam, "GET", first->url);
    QCOMPARE(fetched.status, 200);
    QVERIFY(fetched.body == picture);
    QCOMPARE(fetched.header("Content-Type"), QByteArray("image/jpeg"));

    // The same bytes again: asked, not sent. The tracker's log has two HEADs and one PUT.
    const auto second = await(host->host(picture, QStringLiteral("image/jpeg")));
    QVERIFY2(second, errorText(second).constData());
    QCOMPARE(second->id, first->id);
    QCOMPARE(second->sha256, sha);
    QCOMPARE(httpRequest(m_nam, "GET", second->url).body, picture);
    QTRY_COMPARE_WITH_TIMEOUT(logLines(" HEAD /api/v1/media "), 2, 5000);
    QCOMPARE(logLines(" PUT /api/v1/media 201 "), 1);
    QCOMPARE(logLines(" PUT /api/v1/media "), 1);
    QCOMPARE(countRows(m_tracker->dbPath(), QStringLiteral("media")), 1);

    // Another MediaHost (another run of the app) knows nothing of the first, and still sends nothing.
    const auto third = await(makeHost()->host(picture, QStringLiteral("image/jpeg")));
    QVERIFY2(third, errorText(third).constData());
    QCOMPARE(third->id, first->id);
    QTRY_COMPARE_WITH_TIMEOUT(logLines(" HEAD /api/v1/media "), 3, 5000);
    QCOMPARE(logLines(" PUT /api/v1/media "), 1);

    // A PNG is another picture, with its own suffix (its type taken from its bytes when not given).
    const auto other = await(host->host(png(), QString()));
    QVERIFY2(other, errorText(other).constData());
    QVERIFY(other->id > first->id);
    QVERIFY(other->url.path().endsWith(u".png"));
    QCOMPARE(other->type, QStringLiteral("image/png"));
    QCOMPARE(httpRequest(m_nam, "GET", other->url).header("Content-Type"), QByteArray("image/png"));
}

void TestMediaHost::checkPassesForTheAddressAndFailsForAnExpiredOne()
{
    const auto host = makeHost();
    const auto media = await(host->host(jpeg(), QStringLiteral("image/jpeg")));
    QVERIFY2(media, errorText(media).constData());
    const Status ok = await(host->check(*media));
    QVERIFY2(ok, errorText(ok).constData());
    const Status byUrl = await(host->check(media->url)); // the type from the suffix, any length
    QVERIFY2(byUrl, errorText(byUrl).constData());

    // Signed two hours ago for one hour: the tracker says 410, and check() says it expired.
    const qint64 twoHoursAgo = QDateTime::currentMSecsSinceEpoch() - 2 * 3'600'000;
    const auto past = makeHost([twoHoursAgo] { return twoHoursAgo; });
    const auto old = await(past->host(jpeg(), QStringLiteral("image/jpeg")));
    QVERIFY2(old, errorText(old).constData());
    QVERIFY(old->expiresAt < QDateTime::currentDateTimeUtc());
    QCOMPARE(httpRequest(m_nam, "GET", old->url).status, 410);
    const Status expired = await(host->check(*old));
    QVERIFY(!expired);
    QCOMPARE(expired.error().code, QString(errc::trackerSync));
    QVERIFY2(expired.error().message.contains(u"410") && expired.error().message.contains(u"expired"), qPrintable(expired.error().message));
    QVERIFY(!MediaHost::isTransient(expired.error()));
    // A fresh address for the same picture works again.
    const Status fresh = await(host->check(host->sign(old->id, old->type, QDateTime::currentSecsSinceEpoch() + 60), old->type, old->size));
    QVERIFY2(fresh, errorText(fresh).constData());
}

void TestMediaHost::checkNoticesAnAddressThatIsNotThePicture()
{
    const auto host = makeHost();
    const auto media = await(host->host(png(), QStringLiteral("image/png")));
    QVERIFY2(media, errorText(media).constData());
    // Another length or type than the picture's: the network would get something else.
    Status s = await(host->check(media->url, media->type, media->size + 1));
    QVERIFY(!s);
    QCOMPARE(s.error().code, QString(errc::trackerSync));
    QVERIFY2(s.error().message.contains(QString::number(media->size)), qPrintable(s.error().message));
    s = await(host->check(media->url, QStringLiteral("image/jpeg"), media->size));
    QVERIFY(!s);
    QVERIFY2(s.error().message.contains(u"image/png"), qPrintable(s.error().message));
    // An address for a picture the tracker does not have, or signed with other keys: 404.
    s = await(host->check(host->sign(media->id + 50, media->type, QDateTime::currentSecsSinceEpoch() + 60)));
    QVERIFY(!s);
    QVERIFY2(s.error().message.contains(u"404"), qPrintable(s.error().message));
    MediaHost stranger(&m_nam, m_tracker->url(), m_tracker->apiToken(), *tracking::KeyRing::parse(tracking::KeyRing::generate(1)), 60);
    s = await(host->check(stranger.sign(media->id, media->type, QDateTime::currentSecsSinceEpoch() + 60)));
    QVERIFY(!s);
    QVERIFY(!MediaHost::isTransient(s.error()));
}

void TestMediaHost::refusedTokenIsNotTransient()
{
    const auto host = makeHost(systemClock(), QByteArrayLiteral("not-the-tracker-token"));
    const auto media = await(host->host(jpeg(), QStringLiteral("image/jpeg")));
    QVERIFY(!media);
    QCOMPARE(media.error().code, QString(errc::trackerToken));
    QVERIFY2(media.error().message.contains(m_tracker->url().toString(QUrl::StripTrailingSlash)) && media.error().message.contains(u"401"),
             qPrintable(media.error().message));
    QVERIFY(!MediaHost::isTransient(media.error()));
    QCOMPARE(countRows(m_tracker->dbPath(), QStringLiteral("media")), 0);
}

void TestMediaHost::stoppedTrackerIsTransient()
{
    const auto host = makeHost();
    const auto media = await(host->host(jpeg(), QStringLiteral("image/jpeg")));
    QVERIFY2(media, errorText(media).constData());
    QVERIFY(m_tracker->stop());
    // Nobody answers: tried again (it is idempotent), then the caller's to retry later.
    const auto upload = await(host->host(jpeg(), QStringLiteral("image/jpeg")));
    QVERIFY(!upload);
    QCOMPARE(upload.error().code, QString(errc::trackerUnreachable));
    QVERIFY(MediaHost::isTransient(upload.error()));
    QVERIFY2(upload.error().message.contains(m_tracker->url().toString(QUrl::StripTrailingSlash)), qPrintable(upload.error().message));
    const Status checked = await(host->check(*media));
    QVERIFY(!checked);
    QCOMPARE(checked.error().code, QString(errc::trackerUnreachable));
    QVERIFY(MediaHost::isTransient(checked.error()));
    // Back up, the same calls succeed.
    QVERIFY2(m_tracker->start(), m_tracker->output().constData());
    m_nam.clearConnectionCache();
    const Status again = await(host->check(*media));
    QVERIFY2(again, errorText(again).constData());
}

void TestMediaHost::pictureThatIsNotWhatItSaysIsNotSent()
{
    const auto host = makeHost();
    const struct
    {
        QByteArray bytes;
        QString mime;
    } cases[] = {
        {png(), QStringLiteral("image/jpeg")},                       // bytes of another type
        {QByteArrayLiteral("<svg/>"), QStringLiteral("image/gif")},   // not a picture the networks fetch
        {QByteArray(), QStringLiteral("image/jpeg")},                // nothing
        {jpeg(MediaHost::kMaxBytes), QStringLiteral("image/jpeg")},  // past 16 MiB
        {QByteArray("RIFF\0\0\0\0WEBPVP8 ", 16), QStringLiteral("image/webp")},
    };
    for (const auto &c : cases) {
        const auto media = await(host->host(c.bytes, c.mime));
        QVERIFY(!media);
        QCOMPARE(media.error().code, QString(errc::socialCheck));
        QVERIFY(!MediaHost::isTransient(media.error()));
    }
    // Settings that are missing are named.
    MediaHost noTracker(&m_nam, QUrl(), m_tracker->apiToken(), *tracking::KeyRing::parse(m_tracker->keys()), 60);
    auto media = await(noTracker.host(jpeg(), QStringLiteral("image/jpeg")));
    QCOMPARE(media.error().code, QString(errc::trackerConfig));
    MediaHost noKeys(&m_nam, m_tracker->url(), m_tracker->apiToken(), tracking::KeyRing(), 60);
    media = await(noKeys.host(jpeg(), QStringLiteral("image/jpeg")));
    QCOMPARE(media.error().code, QString(errc::trackingKeys));
    // Nothing reached the tracker.
    QVERIFY(m_tracker->stop());
    QCOMPARE(logLines("/api/v1/media"), 0);
}

QTEST_GUILESS_MAIN(TestMediaHost)
#include "tst_mediahost.moc"
