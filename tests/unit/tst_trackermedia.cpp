// SPDX-License-Identifier: GPL-3.0-or-later
// lux-tracker's pictures for social posts (docs/tracker.md, "Media for social posts") on a real
// process over loopback: the app's PUT and HEAD /api/v1/media/<sha256> (idempotent, checked before
// and after the body, nothing kept of a refused one), the public GET and HEAD /m/<token> (the exact
// bytes, type, length and cache lifetime; expired, forged and other tokens; only GET and HEAD; the
// per-address limit with a carousel's burst), durability across a restart and a SIGKILL, and the
// sweep of pictures not PUT for 30 days.
#include "testsupport.h"
#include "trackerprocess.h"
#include "tracking/token.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

using namespace lux;
using namespace lux::test;

namespace {

constexpr qint64 kMaxBody = 16 * 1024 * 1024;

QByteArray randomBytes(qsizetype n)
{
    QList<quint32> words((n + 3) / 4);
    QRandomGenerator::global()->fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char *>(words.constData()), n);
}

QByteArray jpeg(qsizetype n = 3000)
{
    return QByteArray::fromHex("ffd8ffe000104a46494600") + randomBytes(n);
}

QByteArray png(qsizetype n = 3000)
{
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + randomBytes(n);
}

QByteArray gif(qsizetype n = 3000)
{
    return QByteArray("GIF89a") + randomBytes(n);
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// Everything the server sends until it closes (a HEAD's whole answer, say).
QByteArray rawAll(quint16 port, const QByteArray &request, int timeoutMs = 5000)
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!s.waitForConnected(timeoutMs))
        return {};
    s.write(request);
    s.waitForBytesWritten(timeoutMs);
    QByteArray in;
    QElapsedTimer t;
    t.start();
    while (s.state() == QAbstractSocket::ConnectedState && t.elapsed() < timeoutMs) {
        s.waitForReadyRead(50);
        in += s.readAll();
    }
    return in + s.readAll();
}

} // namespace

class TestTrackerMedia : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void putStoresOnceAndIsIdempotent();
    void putRefusesWhatDoesNotMatch();
    void sizeIsCheckedBeforeTheBodyIsRead();
    void theLargestPictureFits();
    void anUploadMayTakeLongerThanAFormsBody();
    void apiNeedsTheBearerToken();
    void headSaysWhetherThePictureIsThere();
    void publicAddressServesTheExactBytes();
    void publicHeadHasNoBody();
    void expiredAddressIsGone();
    void forgedAndOtherTokensAreNotFound();
    void onlyGetAndHeadOnThePublicAddress();
    void aCarouselFitsTheBurstAndTheLimitHolds();
    void picturesSurviveARestartAndAKill();
    void sweepRemovesPicturesNotPutFor30Days();

private:
    HttpAnswer put(const QByteArray &bytes, const QByteArray &type, QByteArray sha = {}, const QByteArray &token = {});
    HttpAnswer headApi(const QByteArray &sha, const QByteArray &token = {});
    HttpAnswer fetch(const QString &path, const QByteArray &verb = "GET");
    qint64 putNew(const QByteArray &bytes, const QByteArray &type);
    QString address(qint64 id, qint64 expiresAtSecs, const QString &suffix = QStringLiteral(".jpg")) const;
    quint16 port() const { return quint16(m_tracker->url().port()); }
    QString mediaDir() const { return m_env->path(QStringLiteral("media")); }
    QStringList mediaFiles() const { return QDir(mediaDir()).entryList(QDir::Files | QDir::Hidden); }

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<TrackerProcess> m_tracker;
    QNetworkAccessManager m_nam;
};

void TestTrackerMedia::init()
{
    m_env = std::make_unique<TestEnvironment>();
    QStringList extra{QStringLiteral("--rate-limit"), QStringLiteral("0")};
    const QByteArray test(QTest::currentTestFunction());
    if (test == "aCarouselFitsTheBurstAndTheLimitHolds") // the shipped defaults (docs/tracker.md)
        extra = {QStringLiteral("--rate-limit"), QStringLiteral("20"), QStringLiteral("--rate-burst"), QStringLiteral("100")};
    if (test == "anUploadMayTakeLongerThanAFormsBody")
        extra << QStringLiteral("--body-timeout") << QStringLiteral("0.5");
    m_tracker = std::make_unique<TrackerProcess>(QStringLiteral(LUX_TRACKER_PATH), m_env->dir(), extra);
    QVERIFY2(m_tracker->start(), m_tracker->output().constData());
    m_nam.clearConnectionCache();
}

void TestTrackerMedia::cleanup()
{
    if (m_tracker && m_tracker->process().state() != QProcess::NotRunning)
        QVERIFY2(m_tracker->stop(), m_tracker->output().constData());
    m_tracker.reset();
    m_env.reset();
}

HttpAnswer TestTrackerMedia::put(const QByteArray &bytes, const QByteArray &type, QByteArray sha, const QByteArray &token)
{
    if (sha.isNull())
        sha = sha256(bytes);
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", type}};
    if (token != "-")
        headers.append({"Authorization", "Bearer " + (token.isEmpty() ? m_tracker->apiToken() : token)});
    return httpRequest(m_nam, "PUT", m_tracker->url(QStringLiteral("/api/v1/media/") + QString::fromLatin1(sha)), bytes, headers);
}

HttpAnswer TestTrackerMedia::headApi(const QByteArray &sha, const QByteArray &token)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (token != "-")
        headers.append({"Authorization", "Bearer " + (token.isEmpty() ? m_tracker->apiToken() : token)});
    return httpRequest(m_nam, "HEAD", m_tracker->url(QStringLiteral("/api/v1/media/") + QString::fromLatin1(sha)), {}, headers);
}

HttpAnswer TestTrackerMedia::fetch(const QString &path, const QByteArray &verb)
{
    return httpRequest(m_nam, verb, m_tracker->url(path), {}, {{"User-Agent", "facebookexternalhit/1.1"}});
}

qint64 TestTrackerMedia::putNew(const QByteArray &bytes, const QByteArray &type)
{
    const HttpAnswer a = put(bytes, type);
    if (a.status != 201)
        qWarning("PUT answered %d: %s", a.status, a.body.constData());
    return a.status == 201 ? QJsonDocument::fromJson(a.body).object().value(QStringLiteral("id")).toInteger() : -1;
}

QString TestTrackerMedia::address(qint64 id, qint64 expiresAtSecs, const QString &suffix) const
{
    const tracking::TokenCodec codec(*tracking::KeyRing::parse(m_tracker->keys()));
    return QStringLiteral("/m/") + codec.signMedia(quint64(id), expiresAtSecs) + suffix;
}

void TestTrackerMedia::putStoresOnceAndIsIdempotent()
{
    const QByteArray picture = jpeg();
    const QByteArray sha = sha256(picture);
    HttpAnswer a = put(picture, "image/jpeg");
    QCOMPARE(a.status, 201);
    const QJsonObject first = QJsonDocument::fromJson(a.body).object();
    const qint64 id = first.value(QStringLiteral("id")).toInteger();
    QVERIFY(id > 0);
    QCOMPARE(first.value(QStringLiteral("sha256")).toString().toLatin1(), sha);
    QCOMPARE(first.value(QStringLiteral("size")).toInteger(), picture.size());
    QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("image/jpeg"));
    QCOMPARE(a.header("Location"), "/api/v1/media/" + sha);
    QCOMPARE(readAll(mediaDir() + u'/' + QString::fromLatin1(sha)), picture); // named by its SHA-256

    // The same bytes again (a retry, another post): 200, the same id, nothing new on disk.
    a = put(picture, "image/jpeg; charset=binary");
    QCOMPARE(a.status, 200);
    QCOMPARE(QJsonDocument::fromJson(a.body).object(), first);
    QCOMPARE(mediaFiles(), QStringList{QString::fromLatin1(sha)});

    // Other bytes are another picture, with a later id; PNG and GIF are taken too.
    const qint64 second = putNew(png(), "image/png");
    const qint64 third = putNew(gif(), "image/gif");
    QVERIFY(second > id && third > second);
    QCOMPARE(mediaFiles().size(), 3); // no temporary file left behind
    QCOMPARE(countRows(m_tracker->dbPath(), QStringLiteral("media")), 3);
}

void TestTrackerMedia::putRefusesWhatDoesNotMatch()
{
    const QByteArray picture = jpeg();
    const auto code = [](const HttpAnswer &a) {
        return QJsonDocument::fromJson(a.body).object().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    };
    // The body is not what the path names.
    HttpAnswer a = put(picture, "image/jpeg", sha256(picture + "x"));
    QCOMPARE(a.status, 400);
    QCOMPARE(code(a), QStringLiteral("sha256-mismatch"));
    // Types the networks do not fetch, or none.
    for (const QByteArray type : {"image/webp", "text/html", "application/octet-stream", ""}) {
        a = put(picture, type);
        QVERIFY2(a.status == 415, type.constData());
        QCOMPARE(code(a), QStringLiteral("unsupported-type"));
    }
    // The bytes are not the type they are sent as.
    a = put(png(), "image/jpeg");
    QCOMPARE(a.status, 400);
    QCOMPARE(code(a), QStringLiteral("type-mismatch"));
    a = put(QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "image/gif");
    QCOMPARE(a.status, 400);
    QCOMPARE(code(a), QStringLiteral("type-mismatch"));
    // A name that is not a SHA-256 in lower-case hex.
    for (const QByteArray &name : {sha256(picture).toUpper(), sha256(picture).left(63), QByteArray("../../events.db")}) {
        a = put(picture, "image/jpeg", name);
        QVERIFY2(a.status == 400 || a.status == 404, name.constData());
    }
    QCOMPARE(put(picture, "image/jpeg", sha256(picture).toUpper()).status, 400);
    // Nothing of any of them was kept, not even a temporary file.
    QCOMPARE(mediaFiles(), QStringList());
    QCOMPARE(countRows(m_tracker->dbPath(), QStringLiteral("media")), 0);
    QCOMPARE(headApi(sha256(picture)).status, 404);
    QCOMPARE(put(picture, "image/jpeg").status, 201); // and the right one is still taken
}

void TestTrackerMedia::sizeIsCheckedBeforeTheBodyIsRead()
{
    const QByteArray sha = sha256(jpeg());
    const QByteArray auth = "Authorization: Bearer " + m_tracker->apiToken() + "\r\n";
    const QByteArray start = "PUT /api/v1/media/" + sha + " HTTP/1.1\r\nHost: t\r\nContent-Type: image/jpeg\r\n";
    // Headers only, announcing a body over 16 MiB: the answer comes without a byte of it (were the
    // tracker to wait for the body, no answer would come before the exchange's timeout).
    QElapsedTimer t;
    t.start();
    QCOMPARE(rawExchange(port(), start + auth + "Content-Length: " + QByteArray::number(kMaxBody + 1) + "\r\n\r\n").left(12),
             QByteArray("HTTP/1.1 413"));
    QVERIFY(t.elapsed() < 4000);
    QCOMPARE(rawExchange(port(), start + auth + "Content-Length: 99999999999\r\n\r\n").left(12), QByteArray("HTTP/1.1 413"));
    // No length (chunked, or none): 411, for this PUT and any other.
    QCOMPARE(rawExchange(port(), start + auth + "Transfer-Encoding: chunked\r\n\r\n").left(12), QByteArray("HTTP/1.1 411"));
    QCOMPARE(rawExchange(port(), start + auth + "\r\n").left(12), QByteArray("HTTP/1.1 411"));
    QCOMPARE(rawExchange(port(), "PUT /api/v1/forms/a-form HTTP/1.1\r\nHost: t\r\n" + auth
                                                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                 .left(12),
             QByteArray("HTTP/1.1 411"));
    // The token comes first: without it, not even the size is looked at.
    QCOMPARE(rawExchange(port(), start + "Content-Length: " + QByteArray::number(kMaxBody + 1) + "\r\n\r\n").left(12),
             QByteArray("HTTP/1.1 401"));
    // An unsupported type, before its body too.
    QCOMPARE(rawExchange(port(), "PUT /api/v1/media/" + sha + " HTTP/1.1\r\nHost: t\r\nContent-Type: image/webp\r\n" + auth
                                                + "Content-Length: 5000\r\n\r\n")
                 .left(12),
             QByteArray("HTTP/1.1 415"));
    QCOMPARE(mediaFiles(), QStringList());
    QCOMPARE(fetch(QStringLiteral("/healthz")).status, 200); // and it is still serving
}

void TestTrackerMedia::theLargestPictureFits()
{
    // Exactly 16 MiB is allowed (one byte more is the 413 above), and arrives whole.
    const QByteArray picture = jpeg(kMaxBody - 11);
    QCOMPARE(picture.size(), kMaxBody);
    const qint64 id = putNew(picture, "image/jpeg");
    QVERIFY(id > 0);
    QCOMPARE(fileDigest(mediaDir() + u'/' + QString::fromLatin1(sha256(picture))), sha256(picture));
    const HttpAnswer a = fetch(address(id, QDateTime::currentSecsSinceEpoch() + 600));
    QCOMPARE(a.status, 200);
    QCOMPARE(a.body.size(), kMaxBody);
    QVERIFY(a.body == picture);
}

void TestTrackerMedia::anUploadMayTakeLongerThanAFormsBody()
{
    // This tracker gives a body half a second. A picture's upload, once its token is checked, gets
    // two minutes: here it trickles in over about two seconds and is still taken.
    const QByteArray picture = jpeg(4000);
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), port());
    QVERIFY(s.waitForConnected(5000));
    s.write("PUT /api/v1/media/" + sha256(picture) + " HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + m_tracker->apiToken()
            + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + QByteArray::number(picture.size()) + "\r\n\r\n");
    constexpr int kPieces = 8;
    const qsizetype piece = picture.size() / kPieces + 1;
    for (int i = 0; i < kPieces; ++i) {
        s.write(picture.mid(i * piece, piece));
        QVERIFY(s.waitForBytesWritten(5000));
        QTest::qWait(250);
        QVERIFY2(s.state() == QAbstractSocket::ConnectedState, "closed while the body came");
    }
    QByteArray in;
    QElapsedTimer t;
    t.start();
    while (!in.contains("\r\n\r\n") && t.elapsed() < 5000 && s.state() == QAbstractSocket::ConnectedState) {
        s.waitForReadyRead(50);
        in += s.readAll();
    }
    QVERIFY2(in.startsWith("HTTP/1.1 201"), in.constData());
    // A form's body on the same tracker still has its half second.
    const QByteArray form = "List-Unsubscribe=One-Click";
    QTcpSocket f;
    f.connectToHost(QStringLiteral("127.0.0.1"), port());
    QVERIFY(f.waitForConnected(5000));
    f.write("POST /u/x HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
            + QByteArray::number(form.size()) + "\r\n\r\n" + form.left(4));
    QVERIFY(f.waitForBytesWritten(5000));
    QElapsedTimer closing;
    closing.start();
    QVERIFY(f.state() == QAbstractSocket::UnconnectedState || f.waitForDisconnected(5000));
    QVERIFY(closing.elapsed() < 4000);
}

void TestTrackerMedia::apiNeedsTheBearerToken()
{
    const QByteArray picture = jpeg();
    for (const QByteArray &token : {QByteArray("-"), QByteArray("not-the-token-at-all")}) {
        HttpAnswer a = put(picture, "image/jpeg", {}, token);
        QCOMPARE(a.status, 401);
        QCOMPARE(a.header("WWW-Authenticate"), QByteArray("Bearer"));
        a = headApi(sha256(picture), token);
        QCOMPARE(a.status, 401);
        QVERIFY(a.body.isEmpty());
    }
    QCOMPARE(mediaFiles(), QStringList());
    QCOMPARE(countRows(m_tracker->dbPath(), QStringLiteral("media")), 0);
}

void TestTrackerMedia::headSaysWhetherThePictureIsThere()
{
    const QByteArray picture = png(5000);
    const QByteArray sha = sha256(picture);
    HttpAnswer a = headApi(sha);
    QCOMPARE(a.status, 404);
    QCOMPARE(headApi("not-a-sha").status, 404);
    const qint64 id = putNew(picture, "image/png");
    QVERIFY(id > 0);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
    db.setDatabaseName(m_tracker->dbPath());
    QVERIFY(db.open());
    const auto lastPut = [&] {
        QSqlQuery q(db);
        return q.exec(QStringLiteral("SELECT last_put_at FROM media WHERE sha256 = '%1'").arg(QString::fromLatin1(sha))) && q.next()
                   ? q.value(0).toLongLong()
                   : -1;
    };
    const qint64 before = lastPut();
    QVERIFY(before > 0);
    QTest::qWait(20);
    a = headApi(sha);
    QCOMPARE(a.status, 200);
    QCOMPARE(a.header("Lux-Media-Id").toLongLong(), id);
    QCOMPARE(a.header("Lux-Media-Type"), QByteArray("image/png"));
    QCOMPARE(a.header("Lux-Media-Size").toLongLong(), picture.size());
    QCOMPARE(a.header("Content-Length"), QByteArray("0"));
    QVERIFY(a.body.isEmpty());
    // The app skips its PUT because of this answer: it counts as one for the sweep.
    QVERIFY(lastPut() > before);
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    // The API has no GET of a picture, nor anything else.
    for (const QByteArray verb : {"GET", "DELETE", "POST"}) {
        a = httpRequest(m_nam, verb, m_tracker->url(QStringLiteral("/api/v1/media/") + QString::fromLatin1(sha)), verb == "POST" ? "x" : "",
                        {{"Authorization", "Bearer " + m_tracker->apiToken()}, {"Content-Type", "image/png"}});
        QVERIFY2(a.status == 405, verb.constData());
        QCOMPARE(a.header("Allow"), QByteArray("HEAD, PUT"));
    }
}

void TestTrackerMedia::publicAddressServesTheExactBytes()
{
    const QByteArray picture = jpeg(200'000);
    const qint64 id = putNew(picture, "image/jpeg");
    QVERIFY(id > 0);
    const qint64 expires = QDateTime::currentSecsSinceEpoch() + 3600;
    for (const QString &suffix : {QStringLiteral(".jpg"), QString()}) {
        const HttpAnswer a = fetch(address(id, expires, suffix));
        QCOMPARE(a.status, 200);
        QVERIFY(a.body == picture);
        QCOMPARE(a.header("Content-Type"), QByteArray("image/jpeg"));
        QCOMPARE(a.header("Content-Length").toLongLong(), picture.size());
        QCOMPARE(a.header("X-Content-Type-Options"), QByteArray("nosniff"));
        // Cached privately while the address is valid, never longer.
        const QByteArray cache = a.header("Cache-Control");
        QVERIFY2(cache.startsWith("private, max-age="), cache.constData());
        const qint64 maxAge = cache.mid(int(qstrlen("private, max-age="))).toLongLong();
        QVERIFY2(maxAge > 3500 && maxAge <= 3600, cache.constData());
        QVERIFY(a.header("Set-Cookie").isEmpty());
    }
    const QByteArray other = gif(1234);
    const qint64 gifId = putNew(other, "image/gif");
    const HttpAnswer g = fetch(address(gifId, expires, QStringLiteral(".gif")));
    QCOMPARE(g.status, 200);
    QCOMPARE(g.header("Content-Type"), QByteArray("image/gif"));
    QVERIFY(g.body == other);
    // A fetch changes nothing: no event for the app, nothing about the picture.
    const HttpAnswer events = httpRequest(m_nam, "GET", m_tracker->url(QStringLiteral("/api/v1/events")), {},
                                          {{"Authorization", "Bearer " + m_tracker->apiToken()}});
    QCOMPARE(events.status, 200);
    QVERIFY(QJsonDocument::fromJson(events.body).object().value(QStringLiteral("events")).toArray().isEmpty());
    // The access log names the route, never the token.
    QVERIFY(m_tracker->stop());
    const QByteArray log = readAll(m_tracker->logPath());
    QVERIFY(log.contains(" GET /m 200 "));
    QVERIFY(!log.contains(address(id, expires, {}).mid(3).toLatin1()));
}

void TestTrackerMedia::publicHeadHasNoBody()
{
    const QByteArray picture = png(4096);
    const qint64 id = putNew(picture, "image/png");
    const QString path = address(id, QDateTime::currentSecsSinceEpoch() + 600, QStringLiteral(".png"));
    // On the wire: the headers a GET gets, then nothing (the server closes as asked).
    const QByteArray raw = rawAll(port(), "HEAD " + path.toLatin1() + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    QVERIFY2(raw.startsWith("HTTP/1.1 200"), raw.constData());
    QVERIFY2(raw.contains(QByteArray("\r\nContent-Length: " + QByteArray::number(picture.size()) + "\r\n")), raw.constData());
    QVERIFY2(raw.contains("\r\nContent-Type: image/png\r\n"), raw.constData());
    QVERIFY2(raw.contains("\r\nCache-Control: private, max-age="), raw.constData());
    QVERIFY2(raw.endsWith("\r\n\r\n"), raw.right(64).constData()); // no body after the headers
    // And through Qt's HEAD.
    const HttpAnswer a = fetch(path, "HEAD");
    QCOMPARE(a.status, 200);
    QVERIFY(a.body.isEmpty());
    QCOMPARE(a.header("Content-Length").toLongLong(), picture.size());
}

void TestTrackerMedia::expiredAddressIsGone()
{
    const qint64 id = putNew(jpeg(), "image/jpeg");
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const qint64 expiry : {now - 1, now - 86'400, qint64(1)}) {
        const QString path = address(id, expiry);
        QCOMPARE(fetch(path).status, 410);
        const HttpAnswer head = fetch(path, "HEAD");
        QCOMPARE(head.status, 410);
        QVERIFY(head.body.isEmpty());
    }
    QCOMPARE(fetch(address(id, now + 120)).status, 200); // the same picture, a valid address
}

void TestTrackerMedia::forgedAndOtherTokensAreNotFound()
{
    const qint64 id = putNew(jpeg(), "image/jpeg");
    const qint64 expiry = QDateTime::currentSecsSinceEpoch() + 600;
    const QString good = address(id, expiry, {}).mid(3);
    QString forged = good;
    forged[6] = forged[6] == u'A' ? u'B' : u'A';
    const tracking::TokenCodec mine(*tracking::KeyRing::parse(m_tracker->keys()));
    const tracking::TokenCodec stranger(*tracking::KeyRing::parse(tracking::KeyRing::generate(1)));
    const QStringList tokens{
        forged,
        good.left(good.size() - 2),
        stranger.signMedia(quint64(id), expiry),                                              // another ring
        mine.sign({tracking::Purpose::Open, quint64(id), quint64(expiry), 0, 0}),             // another purpose
        mine.sign({tracking::Purpose::Ticket, quint64(id), quint64(expiry), 0, 0}),
        mine.signMedia(quint64(id) + 1000, expiry),                                           // a picture never put
        QStringLiteral("x"),
        good + QStringLiteral(".exe"),
    };
    for (const QString &t : tokens) {
        const HttpAnswer a = fetch(QStringLiteral("/m/") + t + QStringLiteral(".jpg"));
        QVERIFY2(a.status == 404, qPrintable(t));
        QVERIFY(!a.header("Content-Type").startsWith("image/"));
    }
    QCOMPARE(fetch(QStringLiteral("/m/") + good + QStringLiteral(".jpg")).status, 200);
}

void TestTrackerMedia::onlyGetAndHeadOnThePublicAddress()
{
    const qint64 id = putNew(jpeg(), "image/jpeg");
    const QString path = address(id, QDateTime::currentSecsSinceEpoch() + 600);
    for (const QByteArray verb : {"POST", "PUT", "DELETE", "PATCH"}) {
        const HttpAnswer a = httpRequest(m_nam, verb, m_tracker->url(path), "x=1", {{"Content-Type", "application/x-www-form-urlencoded"}});
        QVERIFY2(a.status == 405, verb.constData());
        QCOMPARE(a.header("Allow"), QByteArray("GET, HEAD"));
    }
    QCOMPARE(fetch(path).status, 200);
}

void TestTrackerMedia::aCarouselFitsTheBurstAndTheLimitHolds()
{
    // Instagram fetches a carousel's ten pictures at once, from one address: all within the burst.
    QList<QByteArray> pictures;
    QList<QNetworkReply *> replies;
    const qint64 expiry = QDateTime::currentSecsSinceEpoch() + 600;
    for (int i = 0; i < 10; ++i) {
        pictures.append(jpeg(20'000));
        const qint64 id = putNew(pictures.last(), "image/jpeg");
        QVERIFY(id > 0);
        replies.append(m_nam.get(QNetworkRequest(m_tracker->url(address(id, expiry)))));
    }
    for (int i = 0; i < replies.size(); ++i) {
        QNetworkReply *reply = replies[i];
        if (!reply->isFinished())
            QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10'000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(reply->readAll() == pictures[i]);
        reply->deleteLater();
    }
    // The route is a public one: past the burst, the per-address limit answers 429 like for /o/.
    const QString path = address(1, expiry);
    int limited = 0;
    for (int i = 0; i < 1000 && limited == 0; ++i)
        if (fetch(path, "HEAD").status == 429)
            ++limited;
    QCOMPARE(limited, 1);
    // The app's own API is not limited.
    QCOMPARE(headApi(sha256(pictures.first())).status, 200);
}

void TestTrackerMedia::picturesSurviveARestartAndAKill()
{
    const QByteArray picture = jpeg(50'000);
    const qint64 id = putNew(picture, "image/jpeg");
    const QString path = address(id, QDateTime::currentSecsSinceEpoch() + 3600);
    QVERIFY(m_tracker->stop());
    QVERIFY2(m_tracker->start(), m_tracker->output().constData());
    m_nam.clearConnectionCache();
    HttpAnswer a = fetch(path);
    QCOMPARE(a.status, 200);
    QVERIFY(a.body == picture);
    QCOMPARE(headApi(sha256(picture)).header("Lux-Media-Id").toLongLong(), id);
    // A 201 means on disk: a SIGKILL straight after it loses nothing.
    const QByteArray second = png(70'000);
    const qint64 secondId = putNew(second, "image/png");
    QVERIFY(secondId > id);
    m_tracker->kill();
    QVERIFY2(m_tracker->start(), m_tracker->output().constData());
    m_nam.clearConnectionCache();
    a = fetch(address(secondId, QDateTime::currentSecsSinceEpoch() + 60, QStringLiteral(".png")));
    QCOMPARE(a.status, 200);
    QVERIFY(a.body == second);
    QCOMPARE(put(second, "image/png").status, 200); // still known: the same id again
}

void TestTrackerMedia::sweepRemovesPicturesNotPutFor30Days()
{
    const QByteArray oldPicture = jpeg(), recent = png(), refreshed = gif();
    const qint64 oldId = putNew(oldPicture, "image/jpeg");
    const qint64 recentId = putNew(recent, "image/png");
    const qint64 refreshedId = putNew(refreshed, "image/gif");
    QVERIFY(oldId > 0 && recentId > 0 && refreshedId > 0);
    QVERIFY(m_tracker->stop());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    constexpr qint64 kDay = 86'400'000;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("age"));
        db.setDatabaseName(m_tracker->dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        // 31 days without a PUT: swept. 29 days: kept.
        QVERIFY(q.exec(QStringLiteral("UPDATE media SET last_put_at = %1 WHERE id = %2").arg(now - 31 * kDay).arg(oldId)));
        QVERIFY(q.exec(QStringLiteral("UPDATE media SET last_put_at = %1 WHERE id = %2").arg(now - 29 * kDay).arg(refreshedId)));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("age"));
    // What a crash can leave: an upload cut short, a file renamed into place without its row.
    QVERIFY(writeFile(mediaDir() + QStringLiteral("/.upload-AbC123"), "half a picture"));
    const QByteArray orphan = jpeg();
    QVERIFY(writeFile(mediaDir() + u'/' + QString::fromLatin1(sha256(orphan)), orphan));
    QVERIFY(writeFile(mediaDir() + QStringLiteral("/README"), "not ours: left alone"));

    QVERIFY2(m_tracker->start(), m_tracker->output().constData()); // the sweep runs at start
    m_nam.clearConnectionCache();
    const qint64 expiry = QDateTime::currentSecsSinceEpoch() + 600;
    QCOMPARE(fetch(address(oldId, expiry)).status, 404);
    QCOMPARE(headApi(sha256(oldPicture)).status, 404);
    QVERIFY(!QFile::exists(mediaDir() + u'/' + QString::fromLatin1(sha256(oldPicture))));
    QCOMPARE(fetch(address(recentId, expiry, QStringLiteral(".png"))).body, recent);
    QCOMPARE(fetch(address(refreshedId, expiry, QStringLiteral(".gif"))).body, refreshed);
    QStringList left = mediaFiles();
    left.sort();
    QStringList expected{QString::fromLatin1(sha256(recent)), QString::fromLatin1(sha256(refreshed)), QStringLiteral("README")};
    expected.sort();
    QCOMPARE(left, expected);
    QVERIFY2(m_tracker->output().contains("media sweep: 1 not put for 30 days removed"), m_tracker->output().constData());
    // Uploaded again, the swept picture is a new one: its old addresses never show it.
    const qint64 again = putNew(oldPicture, "image/jpeg");
    QVERIFY(again > refreshedId);
    QCOMPARE(fetch(address(oldId, expiry)).status, 404);
    QCOMPARE(fetch(address(again, expiry)).body, oldPicture);
}

QTEST_GUILESS_MAIN(TestTrackerMedia)
#include "tst_trackermedia.moc"
