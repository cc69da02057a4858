// SPDX-License-Identifier: GPL-3.0-or-later
// The fake Twilio holds to the contract (docs: provider-contracts.md §2) over real HTTP on loopback:
// create, fetch and list with Twilio's JSON, filters and paging; Basic auth with the Auth Token or an
// API key; every refusal with its code; 20429 past the concurrency limit; the per-sender MPS account;
// each injected fault, the lost answer among them (the message made, the client never told); status
// callbacks in Twilio's order, signed so that lux::twilio::verify accepts them; inbound on demand. What
// the SMS client and the crash tests are measured against must itself be right.
#include "faketwilio.h"
#include "testsupport.h"
#include "twilio/signature.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using lux::fakes::FakeTwilio;
using lux::fakes::HttpExchange;
using lux::fakes::HttpResponse;
using lux::fakes::HttpServer;

namespace {

const QString kOurs = QStringLiteral("+15005550006");   // the account's number (the fake's default)
const QString kService = QStringLiteral("MGf00dfeedf00dfeedf00dfeedf00dfeed"); // and its service

struct Answer
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    int code() const { return json().value(QStringLiteral("code")).toInt(); }
    QString field(const char *name) const { return json().value(QLatin1String(name)).toString(); }
};

using Form = QList<std::pair<QString, QString>>;

QByteArray encode(const Form &form)
{
    QByteArray out;
    for (const auto &[key, value] : form)
        out += (out.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    return out;
}

// What a webhook receiver got: lux-tracker's part, played by a small server that answers as told.
struct Received
{
    QString path;    // with the query, as requested
    QByteArray signature;
    QByteArray body;
    lux::twilio::FormParams params() const { return lux::twilio::parseForm(body); }
    QString value(const char *name) const
    {
        for (const auto &[key, v] : params())
            if (key == QLatin1String(name))
                return v;
        return {};
    }
};

} // namespace

class TestFakeTwilio : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void createFetchAndList();
    void listFiltersAndPaging();
    void authFailures();
    void validationErrors_data();
    void validationErrors();
    void segmentCounts_data();
    void segmentCounts();
    void messagingServiceAcceptsFirst();
    void concurrencyLimitGives20429();
    void mpsViolationsAreCounted();
    void injectedFaults();
    void seededFaultsRepeat();
    void statusCallbacksAreSignedAndInOrder();
    void failedCallbacksAreRetried();
    void inboundOnDemand();
    void recordCountsDuplicatesAndResets();
    void standaloneExecutable();

private:
    QString api(const QString &rest) const { return QStringLiteral("/2010-04-01/Accounts/%1%2").arg(m_twilio->accountSid(), rest); }
    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body = {}, const QByteArray &user = {},
                         const QByteArray &password = {});
    static Answer finish(QNetworkReply *reply);
    Answer call(const QByteArray &method, const QString &path, const QByteArray &body = {}) { return finish(start(method, path, body)); }
    Answer send(const Form &form) { return call("POST", api(QStringLiteral("/Messages.json")), encode(form)); }
    Answer sendText(const QString &to, const QString &body, const QString &from = kOurs)
    {
        return send({{QStringLiteral("To"), to}, {QStringLiteral("From"), from}, {QStringLiteral("Body"), body}});
    }
    QJsonObject control(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    QByteArray rawPost(const QString &to, const QString &body);
    QJsonArray listAll(const QString &query, int *pages = nullptr);
    void startReceiver(std::function<HttpResponse(const Received &)> answer = {});
    QString receiverUrl(const QString &path) const { return m_receiver->baseUrl().toString() + path; }

    std::unique_ptr<FakeTwilio> m_twilio;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<HttpServer> m_receiver;
    QList<Received> m_received;
};

void TestFakeTwilio::init()
{
    m_twilio = std::make_unique<FakeTwilio>();
    QVERIFY(m_twilio->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_received.clear();
}

void TestFakeTwilio::cleanup()
{
    m_nam.reset();
    m_twilio.reset();
    m_receiver.reset();
}

QNetworkReply *TestFakeTwilio::start(const QByteArray &method, const QString &path, const QByteArray &body, const QByteArray &user,
                                     const QByteArray &password)
{
    QNetworkRequest request(QUrl(m_twilio->baseUrl().toString() + path));
    if (method == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    const QByteArray u = user.isNull() ? m_twilio->accountSid().toUtf8() : user;
    const QByteArray p = password.isNull() ? m_twilio->authToken().toUtf8() : password;
    if (!u.isEmpty())
        request.setRawHeader("Authorization", "Basic " + QByteArray(u + ':' + p).toBase64());
    return m_nam->sendCustomRequest(request, method, body);
}

Answer TestFakeTwilio::finish(QNetworkReply *reply)
{
    if (!reply->isFinished()) {
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(30000);
    }
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.error = reply->error();
    a.body = reply->readAll();
    reply->deleteLater();
    return a;
}

QJsonObject TestFakeTwilio::control(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    const Answer a = finish(start(method, path, method == "POST" ? QJsonDocument(body).toJson() : QByteArray(), "", ""));
    if (a.status != 200)
        qWarning() << path << a.status << a.body;
    const QJsonDocument doc = QJsonDocument::fromJson(a.body);
    return doc.isArray() ? QJsonObject{{QStringLiteral("list"), doc.array()}} : doc.object();
}

// A create over a socket of its own: every byte the fake answered before it closed the connection.
QByteArray TestFakeTwilio::rawPost(const QString &to, const QString &body)
{
    const QByteArray form = encode({{QStringLiteral("To"), to}, {QStringLiteral("From"), kOurs}, {QStringLiteral("Body"), body}});
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_twilio->baseUrl().port());
    if (!socket.waitForConnected(10000))
        return "not connected";
    socket.write("POST " + api(QStringLiteral("/Messages.json")).toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
                 + QByteArray(m_twilio->accountSid().toUtf8() + ':' + m_twilio->authToken().toUtf8()).toBase64()
                 + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + QByteArray::number(form.size())
                 + "\r\n\r\n" + form);
    QByteArray answer;
    (void)QTest::qWaitFor([&socket, &answer] {
        answer += socket.readAll();
        return socket.state() == QAbstractSocket::UnconnectedState;
    }, 10000);
    return socket.state() == QAbstractSocket::UnconnectedState ? answer + socket.readAll() : QByteArray("still open");
}

// Every message a list query finds, following next_page_uri to the end.
QJsonArray TestFakeTwilio::listAll(const QString &query, int *pages)
{
    QJsonArray out;
    QString next = api(QStringLiteral("/Messages.json")) + query;
    int count = 0;
    while (!next.isEmpty() && count < 100) {
        const Answer a = call("GET", next);
        if (a.status != 200)
            return {};
        for (const QJsonValue &m : a.json().value(QStringLiteral("messages")).toArray())
            out.append(m);
        next = a.json().value(QStringLiteral("next_page_uri")).toString();
        ++count;
    }
    if (pages)
        *pages = count;
    return out;
}

void TestFakeTwilio::startReceiver(std::function<HttpResponse(const Received &)> answer)
{
    m_receiver = std::make_unique<HttpServer>([this, answer](HttpExchange *e) {
        Received r{QString::fromUtf8(e->request().url.toEncoded()), e->request().header("x-twilio-signature"), e->request().body};
        m_received.append(r);
        if (answer) {
            e->respond(answer(r));
            return;
        }
        HttpResponse ok;
        ok.status = 200;
        e->respond(ok);
    });
    QVERIFY(m_receiver->listen());
}

void TestFakeTwilio::createFetchAndList()
{
    const Answer created = sendText(QStringLiteral("+15551234567"), QStringLiteral("Spring sale: 20% off"));
    QCOMPARE(created.status, 201);
    const QJsonObject m = created.json();
    const QString sid = m.value(QStringLiteral("sid")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^SM[0-9a-f]{32}$")).match(sid).hasMatch(), qPrintable(sid));
    QCOMPARE(m.value(QStringLiteral("status")).toString(), QStringLiteral("queued"));
    QCOMPARE(m.value(QStringLiteral("account_sid")).toString(), m_twilio->accountSid());
    QCOMPARE(m.value(QStringLiteral("to")).toString(), QStringLiteral("+15551234567"));
    QCOMPARE(m.value(QStringLiteral("from")).toString(), kOurs);
    QCOMPARE(m.value(QStringLiteral("num_segments")).toString(), QStringLiteral("1")); // a string, as Twilio writes it
    QCOMPARE(m.value(QStringLiteral("num_media")).toString(), QStringLiteral("0"));
    QCOMPARE(m.value(QStringLiteral("direction")).toString(), QStringLiteral("outbound-api"));
    QCOMPARE(m.value(QStringLiteral("api_version")).toString(), QStringLiteral("2010-04-01"));
    QVERIFY(m.value(QStringLiteral("price")).isNull()); // not before a final status
    QVERIFY(m.value(QStringLiteral("error_code")).isNull());
    QVERIFY(m.value(QStringLiteral("messaging_service_sid")).isNull());
    QVERIFY(m.value(QStringLiteral("date_sent")).isNull()); // not sent yet
    QVERIFY2(QRegularExpression(QStringLiteral(R"(^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d \+0000$)"))
                 .match(m.value(QStringLiteral("date_created")).toString())
                 .hasMatch(),
             qPrintable(m.value(QStringLiteral("date_created")).toString()));
    QCOMPARE(m.value(QStringLiteral("uri")).toString(), api(QStringLiteral("/Messages/%1.json").arg(sid)));

    // Fetched once it is delivered: priced as a negative decimal string, date_sent set.
    QTRY_COMPARE(m_twilio->message(sid)->status, QStringLiteral("delivered"));
    const Answer fetched = call("GET", api(QStringLiteral("/Messages/%1.json").arg(sid)));
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.field("status"), QStringLiteral("delivered"));
    QCOMPARE(fetched.field("price"), QStringLiteral("-0.00790"));
    QCOMPARE(fetched.field("price_unit"), QStringLiteral("USD"));
    QVERIFY(!fetched.json().value(QStringLiteral("date_sent")).isNull());
    QCOMPARE(fetched.field("body"), QStringLiteral("Spring sale: 20% off"));

    const Answer missing = call("GET", api(QStringLiteral("/Messages/SM00000000000000000000000000000000.json")));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.code(), 20404);
    QCOMPARE(missing.json().value(QStringLiteral("status")).toInt(), 404);
    QCOMPARE(missing.field("more_info"), QStringLiteral("https://www.twilio.com/docs/errors/20404"));

    const Answer listed = call("GET", api(QStringLiteral("/Messages.json")));
    QCOMPARE(listed.status, 200);
    QCOMPARE(listed.json().value(QStringLiteral("messages")).toArray().size(), 1);
    QCOMPARE(listed.json().value(QStringLiteral("page")).toInt(), 0);
    QCOMPARE(listed.json().value(QStringLiteral("page_size")).toInt(), 50);
    QVERIFY(listed.json().value(QStringLiteral("next_page_uri")).isNull());
    QVERIFY(listed.json().value(QStringLiteral("previous_page_uri")).isNull());
    QVERIFY(listed.field("first_page_uri").startsWith(api(QStringLiteral("/Messages.json?"))));
}

void TestFakeTwilio::listFiltersAndPaging()
{
    // Messages on three days (UTC), at the edges of the days: the clock is the test's.
    QDateTime clock = QDateTime(QDate(2026, 3, 1), QTime(23, 59, 59), Qt::UTC);
    m_twilio->setClock([&clock] { return clock; });
    m_twilio->setNumbers({kOurs, QStringLiteral("+15005550007")});
    const QString a = QStringLiteral("+15551230001"), b = QStringLiteral("+15551230002");
    QStringList sids; // to `a`, oldest first
    const auto text = [&](const QString &to, const QString &from, const QString &body) {
        const Answer r = sendText(to, body, from);
        const QString sid = r.field("sid");
        if (r.status == 201) // date_sent comes with `sending`
            (void)QTest::qWaitFor([&] { return m_twilio->message(sid)->sent.isValid(); }, 10000);
        return sid;
    };
    sids << text(a, kOurs, QStringLiteral("one"));
    clock = QDateTime(QDate(2026, 3, 2), QTime(0, 0, 0), Qt::UTC);
    sids << text(a, kOurs, QStringLiteral("two"));
    QVERIFY(!text(b, QStringLiteral("+15005550007"), QStringLiteral("to b")).isEmpty());
    clock = QDateTime(QDate(2026, 3, 3), QTime(12, 0, 0), Qt::UTC);
    for (int i = 3; i <= 5; ++i)
        sids << text(a, kOurs, QStringLiteral("n%1").arg(i));
    QCOMPARE(sids.size(), 5);

    const auto sidsOf = [](const QJsonArray &messages) {
        QStringList out;
        for (const QJsonValue &m : messages)
            out << m.toObject().value(QStringLiteral("sid")).toString();
        return out;
    };
    QStringList newestFirst = sids;
    std::reverse(newestFirst.begin(), newestFirst.end());
    QCOMPARE(sidsOf(listAll(QStringLiteral("?To=%2B15551230001"))), newestFirst);
    QCOMPARE(listAll(QStringLiteral("?From=%2B15005550007")).size(), 1);
    QCOMPARE(listAll(QStringLiteral("?To=%2B15551230001&From=%2B15005550007")).size(), 0);
    QCOMPARE(sidsOf(listAll(QStringLiteral("?To=%2B15551230001&DateSent=2026-03-02"))), QStringList{sids.at(1)});
    QCOMPARE(listAll(QStringLiteral("?DateSent=2026-03-02")).size(), 2);
    // DateSent< and DateSent> include their day, as Twilio's <= and >= read.
    QCOMPARE(sidsOf(listAll(QStringLiteral("?To=%2B15551230001&DateSent%3C=2026-03-02"))), (QStringList{sids.at(1), sids.at(0)}));
    QCOMPARE(listAll(QStringLiteral("?To=%2B15551230001&DateSent%3E=2026-03-02")).size(), 4);
    QCOMPARE(listAll(QStringLiteral("?To=%2B15551230001&DateSent%3E=2026-03-02&DateSent%3C=2026-03-02")).size(), 1);
    QCOMPARE(listAll(QStringLiteral("?DateSent=2026-02-30")).size(), 0); // not a date: refused
    QCOMPARE(call("GET", api(QStringLiteral("/Messages.json?DateSent=yesterday"))).status, 400);

    // Paging: two a page, next_page_uri to the end, nothing twice even when newer messages arrive.
    const Answer first = call("GET", api(QStringLiteral("/Messages.json?To=%2B15551230001&PageSize=2")));
    QCOMPARE(first.json().value(QStringLiteral("page_size")).toInt(), 2);
    QCOMPARE(sidsOf(first.json().value(QStringLiteral("messages")).toArray()), newestFirst.mid(0, 2));
    const QString nextUri = first.field("next_page_uri");
    QVERIFY2(nextUri.contains(QLatin1String("Page=1")) && nextUri.contains(QLatin1String("PageToken=PA")), qPrintable(nextUri));
    QVERIFY(nextUri.contains(QLatin1String("To=%2B15551230001")));
    QVERIFY(nextUri.contains(QLatin1String("PageSize=2")));
    (void)text(a, kOurs, QStringLiteral("newer")); // lands on page 0 of a new listing, not in this walk
    const Answer second = call("GET", nextUri);
    QCOMPARE(second.json().value(QStringLiteral("page")).toInt(), 1);
    QCOMPARE(sidsOf(second.json().value(QStringLiteral("messages")).toArray()), newestFirst.mid(2, 2));
    const Answer back = call("GET", second.field("previous_page_uri"));
    QCOMPARE(sidsOf(back.json().value(QStringLiteral("messages")).toArray()), newestFirst.mid(0, 2));
    const Answer third = call("GET", second.field("next_page_uri"));
    QCOMPARE(sidsOf(third.json().value(QStringLiteral("messages")).toArray()), newestFirst.mid(4, 1));
    QVERIFY(third.json().value(QStringLiteral("next_page_uri")).isNull());
    int pages = 0;
    QCOMPARE(listAll(QStringLiteral("?To=%2B15551230001&PageSize=2"), &pages).size(), 6);
    QCOMPARE(pages, 3);
    QCOMPARE(call("GET", api(QStringLiteral("/Messages.json?PageSize=5000"))).json().value(QStringLiteral("page_size")).toInt(), 1000);

    // A message still queued has no date_sent: a DateSent filter does not find it yet.
    FakeTwilio::Lifecycle slow;
    slow.sendingMs = 600000;
    m_twilio->setLifecycle(slow);
    const Answer queued = sendText(QStringLiteral("+15551230009"), QStringLiteral("later"));
    QCOMPARE(queued.status, 201);
    QCOMPARE(listAll(QStringLiteral("?To=%2B15551230009&DateSent=2026-03-03")).size(), 0);
    QCOMPARE(listAll(QStringLiteral("?To=%2B15551230009")).size(), 1);
}

void TestFakeTwilio::authFailures()
{
    const QString path = api(QStringLiteral("/Messages.json"));
    const QByteArray form = encode({{QStringLiteral("To"), QStringLiteral("+15551234567")},
                                    {QStringLiteral("From"), kOurs},
                                    {QStringLiteral("Body"), QStringLiteral("hi")}});
    const auto check = [](const Answer &a) {
        QCOMPARE(a.status, 401);
        QCOMPARE(a.code(), 20003);
        QCOMPARE(a.field("message"), QStringLiteral("Authenticate"));
    };
    check(finish(start("POST", path, form, "", "")));                                            // no credentials
    check(finish(start("POST", path, form, m_twilio->accountSid().toUtf8(), "not-the-token")));   // wrong token
    const QByteArray key = "SKf00dfeedf00dfeedf00dfeedf00dfee1";
    check(finish(start("POST", path, form, key, "key-secret")));                                  // an unknown key
    m_twilio->addApiKey(QString::fromLatin1(key), QStringLiteral("key-secret"));
    QCOMPARE(finish(start("POST", path, form, key, "key-secret")).status, 201);                  // the API key
    check(finish(start("POST", path, form, key, m_twilio->authToken().toUtf8())));               // key with the token
    // Right credentials, another account's path: 20003 as well (credentials scoped to another account).
    check(finish(start("POST", QStringLiteral("/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json"), form)));
    check(finish(start("GET", QStringLiteral("/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json"))));
    QCOMPARE(call("GET", api(QStringLiteral("/Calls.json"))).code(), 20404);
    QCOMPARE(m_twilio->stats().created, 1);
}

void TestFakeTwilio::validationErrors_data()
{
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("code");
    const QString to = QStringLiteral("+15551234567");
    const QString hi = QStringLiteral("hi");
    QTest::newRow("no To") << QString() << kOurs << QString() << hi << 400 << 21604;
    QTest::newRow("To not E.164") << QStringLiteral("5551234567") << kOurs << QString() << hi << 400 << 21211;
    QTest::newRow("To with a leading 0") << QStringLiteral("+0551234567") << kOurs << QString() << hi << 400 << 21211;
    QTest::newRow("To too long") << QStringLiteral("+1555123456789012") << kOurs << QString() << hi << 400 << 21211;
    QTest::newRow("no sender") << to << QString() << QString() << hi << 400 << 21603;
    QTest::newRow("From not ours") << to << QStringLiteral("+15557654321") << QString() << hi << 400 << 21606;
    QTest::newRow("From not a sender") << to << QStringLiteral("not-a-number!") << QString() << hi << 400 << 21212;
    QTest::newRow("unknown service") << to << QString() << QStringLiteral("MG0123456789abcdef0123456789abcdef") << hi << 400 << 21701;
    QTest::newRow("no body") << to << kOurs << QString() << QString() << 400 << 21602;
    QTest::newRow("1,601 characters") << to << kOurs << QString() << QString(1601, u'a') << 400 << 21617;
    QTest::newRow("1,600 characters") << to << kOurs << QString() << QString(1600, u'a') << 201 << 0;
    // 1,600 characters of emoji are 3,200 UTF-16 units: still 1,600 characters.
    QString emoji;
    for (int i = 0; i < 1600; ++i)
        emoji += QStringLiteral(u"😀");
    QTest::newRow("1,600 emoji") << to << kOurs << QString() << emoji << 201 << 0;
    QTest::newRow("landline") << QStringLiteral("+15550000001") << kOurs << QString() << hi << 400 << 21614;
    QTest::newRow("unsubscribed") << QStringLiteral("+15550000002") << kOurs << QString() << hi << 400 << 21610;
    QTest::newRow("region not permitted") << QStringLiteral("+445550000003") << kOurs << QString() << hi << 400 << 21408;
    QTest::newRow("unroutable") << QStringLiteral("+15550000004") << kOurs << QString() << hi << 400 << 21612;
    QTest::newRow("unroutable by suffix") << QStringLiteral("+15559990044") << QString() << kService << hi << 400 << 21612;
}

void TestFakeTwilio::validationErrors()
{
    QFETCH(QString, to);
    QFETCH(QString, from);
    QFETCH(QString, service);
    QFETCH(QString, body);
    QFETCH(int, status);
    QFETCH(int, code);
    // Rules set through the control API, as a test in another process would.
    control("POST", QStringLiteral("/_fake/config"),
            QJsonObject{{QStringLiteral("rules"),
                         QJsonObject{{QStringLiteral("numbers"), QJsonObject{{QStringLiteral("+15550000001"), QStringLiteral("landline")},
                                                                             {QStringLiteral("+15550000002"), QStringLiteral("unsubscribed")},
                                                                             {QStringLiteral("+445550000003"), QStringLiteral("blocked_region")},
                                                                             {QStringLiteral("+15550000004"), QStringLiteral("unroutable")}}},
                                     {QStringLiteral("suffixes"), QJsonObject{{QStringLiteral("0044"), QStringLiteral("unroutable")}}}}}});
    Form form;
    if (!to.isNull())
        form.append({QStringLiteral("To"), to});
    if (!from.isNull())
        form.append({QStringLiteral("From"), from});
    if (!service.isNull())
        form.append({QStringLiteral("MessagingServiceSid"), service});
    if (!body.isNull())
        form.append({QStringLiteral("Body"), body});
    const Answer a = send(form);
    QCOMPARE(a.status, status);
    if (code) {
        QCOMPARE(a.code(), code);
        QCOMPARE(a.json().value(QStringLiteral("status")).toInt(), status);
        QCOMPARE(a.field("more_info"), QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code));
        QVERIFY(!a.field("message").isEmpty());
        QCOMPARE(m_twilio->stats().created, 0); // refused: nothing made
    } else {
        QCOMPARE(m_twilio->stats().created, 1);
    }
}

void TestFakeTwilio::segmentCounts_data()
{
    // Twilio's rules (glossary "What is the SMS character limit?" and the UCS-2 page): GSM-7 160
    // septets alone, 153 a part when concatenated; the extension table (form feed ^ { } \ [ ] ~ | €)
    // costs two and an escape pair is not split; any other character makes it UCS-2: 70 UTF-16 units
    // alone, 67 a part, a surrogate pair not split.
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("segments");
    const QString emoji = QStringLiteral(u"😀");
    QTest::newRow("GSM 160") << QString(160, u'a') << 1;
    QTest::newRow("GSM 161") << QString(161, u'a') << 2;
    QTest::newRow("GSM 306") << QString(306, u'a') << 2;
    QTest::newRow("GSM 307") << QString(307, u'a') << 3;
    QTest::newRow("GSM basic accents") << QStringLiteral(u"èéùìòÇØøÅåÆæßÉÄÖÑÜ§¿äöñüà£¥Δ") << 1;
    QTest::newRow("80 braces: 160 septets") << QString(80, u'{') << 1;
    QTest::newRow("81 braces: 162 septets") << QString(81, u'{') << 2;
    QTest::newRow("€ at 159 and 160") << QString(158, u'a') + QStringLiteral(u"€") << 1;
    QTest::newRow("€ past 160") << QString(159, u'a') + QStringLiteral(u"€") << 2;
    QTest::newRow("escape pair across 153") << QString(152, u'a') + QStringLiteral("[") + QString(10, u'a') << 2;
    QTest::newRow("form feed costs two") << QString(159, u'a') + QStringLiteral("\f") << 2;
    QTest::newRow("UCS-2 70") << QString(70, u'ж') << 1;
    QTest::newRow("UCS-2 71") << QString(71, u'ж') << 2;
    QTest::newRow("UCS-2 134") << QString(134, u'ж') << 2;
    QTest::newRow("UCS-2 135") << QString(135, u'ж') << 3;
    QTest::newRow("one non-GSM character") << QString(70, u'a') + QStringLiteral(u"ж") << 2;
    QString emoji35, emoji36;
    for (int i = 0; i < 35; ++i)
        emoji35 += emoji;
    emoji36 = emoji35 + emoji;
    QTest::newRow("35 emoji: 70 units") << emoji35 << 1;
    QTest::newRow("36 emoji: 72 units") << emoji36 << 2;
    QTest::newRow("surrogate pair across 67") << QString(66, u'a') + emoji + QString(10, u'a') << 2;
}

void TestFakeTwilio::segmentCounts()
{
    QFETCH(QString, body);
    QFETCH(int, segments);
    QCOMPARE(FakeTwilio::segments(body), segments);
    const Answer a = sendText(QStringLiteral("+15551234567"), body);
    QCOMPARE(a.status, 201);
    QCOMPARE(a.field("num_segments"), QString::number(segments));
}

void TestFakeTwilio::messagingServiceAcceptsFirst()
{
    m_twilio->setService(kService, {QStringLiteral("+15005550010")});
    const Answer a = send({{QStringLiteral("To"), QStringLiteral("+15551234567")},
                           {QStringLiteral("MessagingServiceSid"), kService},
                           {QStringLiteral("Body"), QString(200, u'a')}});
    QCOMPARE(a.status, 201);
    QCOMPARE(a.field("status"), QStringLiteral("accepted"));
    QCOMPARE(a.field("num_segments"), QStringLiteral("0")); // no sender picked yet
    QVERIFY(a.json().value(QStringLiteral("from")).isNull());
    QCOMPARE(a.field("messaging_service_sid"), kService);
    const QString sid = a.field("sid");
    QTRY_COMPARE(m_twilio->message(sid)->status, QStringLiteral("delivered"));
    const Answer later = call("GET", api(QStringLiteral("/Messages/%1.json").arg(sid)));
    QCOMPARE(later.field("from"), QStringLiteral("+15005550010"));
    QCOMPARE(later.field("num_segments"), QStringLiteral("2"));
    QCOMPARE(later.field("price"), QStringLiteral("-0.01580"));
    // With a From out of the service's pool it is queued at once.
    const Answer withFrom = send({{QStringLiteral("To"), QStringLiteral("+15551234567")},
                                  {QStringLiteral("MessagingServiceSid"), kService},
                                  {QStringLiteral("From"), QStringLiteral("+15005550010")},
                                  {QStringLiteral("Body"), QStringLiteral("hi")}});
    QCOMPARE(withFrom.status, 201);
    QCOMPARE(withFrom.field("status"), QStringLiteral("queued"));
}

void TestFakeTwilio::concurrencyLimitGives20429()
{
    m_twilio->setConcurrency(2);
    FakeTwilio::Faults slow;
    slow.latencyMs = 3000; // long enough that all six overlap on a loaded machine
    m_twilio->setFaults(slow);
    const QByteArray form = encode({{QStringLiteral("To"), QStringLiteral("+15551234567")},
                                    {QStringLiteral("From"), kOurs},
                                    {QStringLiteral("Body"), QStringLiteral("hi")}});
    QList<QNetworkReply *> replies;
    // QNetworkAccessManager opens at most 6 connections per host: 6 at once.
    for (int i = 0; i < 6; ++i)
        replies << start("POST", api(QStringLiteral("/Messages.json")), form);
    int created = 0, limited = 0;
    for (QNetworkReply *r : std::as_const(replies)) {
        const Answer a = finish(r);
        if (a.status == 201)
            ++created;
        if (a.status == 429) {
            ++limited;
            QCOMPARE(a.code(), 20429);
            QCOMPARE(a.field("message"), QStringLiteral("Too Many Requests"));
        }
    }
    QCOMPARE(created, 2);
    QCOMPARE(limited, 4);
    QCOMPARE(m_twilio->stats().created, 2); // the refused ones were never processed
    QCOMPARE(m_twilio->stats().limit429, 4);
    QCOMPARE(m_twilio->stats().peakInFlight, 2);
}

void TestFakeTwilio::mpsViolationsAreCounted()
{
    // A fixed clock puts messages in the same second or the next one, whatever the machine's speed.
    QDateTime clock = QDateTime(QDate(2026, 6, 1), QTime(12, 0, 0, 100), Qt::UTC);
    m_twilio->setClock([&clock] { return clock; });
    m_twilio->setMps(kOurs, 1);
    m_twilio->setMps(kService, 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(sendText(QStringLiteral("+1555123450%1").arg(i), QStringLiteral("x")).status, 201);
    QCOMPARE(m_twilio->mpsViolations(kOurs), 1); // one second over, however far over
    clock = clock.addMSecs(899);                 // 12:00:00.999, the same second
    QCOMPARE(sendText(QStringLiteral("+15551234509"), QStringLiteral("x")).status, 201);
    QCOMPARE(m_twilio->mpsViolations(kOurs), 1);
    clock = clock.addMSecs(1); // the next second: one is within the limit
    QCOMPARE(sendText(QStringLiteral("+15551234510"), QStringLiteral("x")).status, 201);
    QCOMPARE(m_twilio->mpsViolations(kOurs), 1);
    QCOMPARE(sendText(QStringLiteral("+15551234511"), QStringLiteral("x")).status, 201);
    QCOMPARE(m_twilio->mpsViolations(kOurs), 2);
    // A paced sender: one a second, never a violation.
    for (int i = 0; i < 3; ++i) {
        clock = clock.addSecs(1);
        QCOMPARE(sendText(QStringLiteral("+15551234520"), QStringLiteral("paced %1").arg(i)).status, 201);
    }
    QCOMPARE(m_twilio->mpsViolations(kOurs), 2);
    // A service has its own account: 3 a second allowed.
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(send({{QStringLiteral("To"), QStringLiteral("+15551234530")},
                       {QStringLiteral("MessagingServiceSid"), kService},
                       {QStringLiteral("Body"), QStringLiteral("s%1").arg(i)}})
                     .status,
                 201);
        QCOMPARE(m_twilio->mpsViolations(kService), i < 3 ? 0 : 1);
    }
    const QJsonObject stats = control("GET", QStringLiteral("/_fake/stats"));
    QCOMPARE(stats.value(QStringLiteral("mps_violations")).toInt(), 3);
    const QJsonObject ours = stats.value(QStringLiteral("mps")).toObject().value(kOurs).toObject();
    QCOMPARE(ours.value(QStringLiteral("violations")).toInt(), 2);
    QCOMPARE(ours.value(QStringLiteral("peak_per_second")).toInt(), 4);
    QCOMPARE(ours.value(QStringLiteral("mps")).toInt(), 1);
    // Nothing was refused: Twilio queues what is over the rate.
    QCOMPARE(m_twilio->stats().created, 13);
}

void TestFakeTwilio::injectedFaults()
{
    const auto created = [this] { return m_twilio->stats().created; };
    // By count, through the control API: the next two requests get 500, then 503.
    control("POST", QStringLiteral("/_fake/config"),
            QJsonObject{{QStringLiteral("faults"), QJsonObject{{QStringLiteral("next"), QJsonObject{{QStringLiteral("server_error"), 2}}}}}});
    const Answer e500 = sendText(QStringLiteral("+15551234567"), QStringLiteral("a"));
    QCOMPARE(e500.status, 500);
    QCOMPARE(e500.code(), 20500);
    const Answer e503 = sendText(QStringLiteral("+15551234567"), QStringLiteral("a"));
    QCOMPARE(e503.status, 503);
    QCOMPARE(e503.code(), 20503);
    QCOMPARE(created(), 0);
    QCOMPARE(sendText(QStringLiteral("+15551234567"), QStringLiteral("a")).status, 201); // only two
    QCOMPARE(created(), 1);

    m_twilio->setNextFaults(QStringLiteral("throttle"), 1);
    const Answer throttled = sendText(QStringLiteral("+15551234567"), QStringLiteral("b"));
    QCOMPARE(throttled.status, 429);
    QCOMPARE(throttled.code(), 20429);
    QCOMPARE(created(), 1);

    // Drops over a plain socket: QNetworkAccessManager sends a POST again by itself when its
    // connection closes without an answer, which is the client's problem (and the point of the fault),
    // not what this test is about.
    m_twilio->setNextFaults(QStringLiteral("drop"), 1);
    const int before = m_twilio->stats().requests;
    QCOMPARE(rawPost(QStringLiteral("+15551234567"), QStringLiteral("c")), QByteArray()); // closed, no answer
    QCOMPARE(m_twilio->stats().requests, before + 1);
    QCOMPARE(created(), 1); // dropped before anything happened

    // The lost answer: the message is made, the client hears nothing, and a list by To finds it.
    m_twilio->setNextFaults(QStringLiteral("lose"), 1);
    QCOMPARE(rawPost(QStringLiteral("+15551239999"), QStringLiteral("the lost one")), QByteArray());
    QCOMPARE(created(), 2);
    const QJsonArray found = listAll(QStringLiteral("?To=%2B15551239999"));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.at(0).toObject().value(QStringLiteral("body")).toString(), QStringLiteral("the lost one"));

    // Slow: the answer comes, late.
    FakeTwilio::Faults f;
    f.slowMs = 1200;
    m_twilio->setFaults(f);
    m_twilio->setNextFaults(QStringLiteral("slow"), 1);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(sendText(QStringLiteral("+15551234567"), QStringLiteral("d")).status, 201);
    QVERIFY2(timer.elapsed() >= 1100, qPrintable(QString::number(timer.elapsed())));

    // Faults on creates only leave lists and fetches alone.
    f.createsOnly = true;
    f.serverError = 1;
    m_twilio->setFaults(f);
    QCOMPARE(call("GET", api(QStringLiteral("/Messages.json"))).status, 200);
    QCOMPARE(sendText(QStringLiteral("+15551234567"), QStringLiteral("e")).status / 100, 5);

    const QJsonObject faults = control("GET", QStringLiteral("/_fake/stats")).value(QStringLiteral("faults")).toObject();
    QCOMPARE(faults.value(QStringLiteral("server_error")).toInt(), 3);
    QCOMPARE(faults.value(QStringLiteral("throttle")).toInt(), 1);
    QCOMPARE(faults.value(QStringLiteral("drop")).toInt(), 1);
    QCOMPARE(faults.value(QStringLiteral("lose")).toInt(), 1);
    QCOMPARE(faults.value(QStringLiteral("slow")).toInt(), 1);
}

void TestFakeTwilio::seededFaultsRepeat()
{
    // The same seed, the same faults in the same places: a failing crash run can be replayed.
    const auto run = [this] {
        QString pattern;
        for (int i = 0; i < 60; ++i) {
            const Answer a = sendText(QStringLiteral("+15551234567"), QStringLiteral("m%1").arg(i));
            pattern += a.status == 201 ? QLatin1Char('.') : a.status == 429 ? QLatin1Char('t') : a.status == 0 ? QLatin1Char('x') : QLatin1Char('5');
        }
        return pattern;
    };
    control("POST", QStringLiteral("/_fake/config"),
            QJsonObject{{QStringLiteral("faults"), QJsonObject{{QStringLiteral("seed"), 7},
                                                               {QStringLiteral("server_error"), 0.1},
                                                               {QStringLiteral("throttle"), 0.1},
                                                               {QStringLiteral("drop"), 0.05},
                                                               {QStringLiteral("latency_ms"), 0}}}});
    const QString first = run();
    m_twilio->setSeed(7);
    const QString second = run();
    QCOMPARE(second, first);
    QVERIFY2(first.contains(QLatin1Char('.')) && first.contains(QLatin1Char('5')) && first.contains(QLatin1Char('t')), qPrintable(first));
    m_twilio->setSeed(8);
    QVERIFY(run() != first);
}

void TestFakeTwilio::statusCallbacksAreSignedAndInOrder()
{
    startReceiver();
    // The URL as configured, query and all: the signature covers it exactly.
    const QString url = receiverUrl(QStringLiteral("/twilio/status?campaign=7&x=a%20b"));
    m_twilio->setSuffixRule(QStringLiteral("0003"), QStringLiteral("undelivered"));
    m_twilio->setNumberRule(QStringLiteral("+15551110006"), QStringLiteral("undelivered:30006"));
    m_twilio->setNumberRule(QStringLiteral("+15551110008"), QStringLiteral("failed"));
    const auto text = [&](const QString &to, bool service = false) {
        Form form{{QStringLiteral("To"), to}, {QStringLiteral("Body"), QStringLiteral("hello")}, {QStringLiteral("StatusCallback"), url}};
        form.append(service ? std::pair(QStringLiteral("MessagingServiceSid"), kService) : std::pair(QStringLiteral("From"), kOurs));
        const Answer a = send(form);
        return a.field("sid");
    };
    const QString delivered = text(QStringLiteral("+15551110001"));
    const QString unreachable = text(QStringLiteral("+15551110003"));
    const QString landline = text(QStringLiteral("+15551110006"));
    const QString failed = text(QStringLiteral("+15551110008"));
    const QString viaService = text(QStringLiteral("+15551110009"), true);
    const QString silent = sendText(QStringLiteral("+15551110010"), QStringLiteral("no callback")).field("sid");
    QVERIFY(!delivered.isEmpty() && !viaService.isEmpty() && !silent.isEmpty());
    // sent+delivered, sent+undelivered twice, failed, queued+sent+delivered: 10.
    QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), 10, 20000);
    QTRY_COMPARE(m_twilio->message(silent)->status, QStringLiteral("delivered"));
    QCOMPARE(m_received.size(), 10); // none for the message without a StatusCallback

    QHash<QString, QStringList> sequence;
    for (const Received &r : std::as_const(m_received)) {
        QCOMPARE(r.path, QStringLiteral("/twilio/status?campaign=7&x=a%20b"));
        QVERIFY2(lux::twilio::verify(m_twilio->authToken().toUtf8(), url, r.params(), r.signature), r.body.constData());
        QVERIFY(!lux::twilio::verify("another-token", url, r.params(), r.signature));
        QVERIFY(!lux::twilio::verify(m_twilio->authToken().toUtf8(), receiverUrl(QStringLiteral("/twilio/status?campaign=8&x=a%20b")), r.params(),
                                     r.signature));
        QCOMPARE(r.value("AccountSid"), m_twilio->accountSid());
        QCOMPARE(r.value("ApiVersion"), QStringLiteral("2010-04-01"));
        QCOMPARE(r.value("MessageSid"), r.value("SmsSid"));
        QCOMPARE(r.value("MessageStatus"), r.value("SmsStatus"));
        QVERIFY(!r.value("From").isEmpty());
        const QString sid = r.value("MessageSid");
        const QString status = r.value("MessageStatus");
        sequence[sid] << status;
        if (status == QLatin1String("undelivered") || status == QLatin1String("failed"))
            QVERIFY(!r.value("ErrorCode").isEmpty());
        else
            QVERIFY(r.value("ErrorCode").isEmpty());
        QCOMPARE(r.value("MessagingServiceSid"), sid == viaService ? kService : QString());
        if (sid == landline && status == QLatin1String("undelivered"))
            QCOMPARE(r.value("ErrorCode"), QStringLiteral("30006"));
        if (sid == unreachable && status == QLatin1String("undelivered"))
            QCOMPARE(r.value("ErrorCode"), QStringLiteral("30003"));
        if (status == QLatin1String("delivered"))
            QCOMPARE(r.value("RawDlrDoneDate").size(), 10);
    }
    QCOMPARE(sequence.value(delivered), (QStringList{QStringLiteral("sent"), QStringLiteral("delivered")}));
    QCOMPARE(sequence.value(unreachable), (QStringList{QStringLiteral("sent"), QStringLiteral("undelivered")}));
    QCOMPARE(sequence.value(landline), (QStringList{QStringLiteral("sent"), QStringLiteral("undelivered")}));
    QCOMPARE(sequence.value(failed), QStringList{QStringLiteral("failed")});
    QCOMPARE(sequence.value(viaService), (QStringList{QStringLiteral("queued"), QStringLiteral("sent"), QStringLiteral("delivered")}));

    // Final statuses carry their error and price.
    const Answer u = call("GET", api(QStringLiteral("/Messages/%1.json").arg(landline)));
    QCOMPARE(u.field("status"), QStringLiteral("undelivered"));
    QCOMPARE(u.json().value(QStringLiteral("error_code")).toInt(), 30006);
    QCOMPARE(u.field("error_message"), QStringLiteral("Landline or unreachable carrier"));
    QCOMPARE(u.field("price"), QStringLiteral("-0.00790"));
    const Answer f = call("GET", api(QStringLiteral("/Messages/%1.json").arg(failed)));
    QCOMPARE(f.field("status"), QStringLiteral("failed"));
    QCOMPARE(f.json().value(QStringLiteral("error_code")).toInt(), 30008);
    const QJsonObject callbacks = control("GET", QStringLiteral("/_fake/stats")).value(QStringLiteral("callbacks")).toObject();
    QCOMPARE(callbacks.value(QStringLiteral("posted")).toInt(), 10);
    QCOMPARE(callbacks.value(QStringLiteral("failed")).toInt(), 0);
}

void TestFakeTwilio::failedCallbacksAreRetried()
{
    int sentCalls = 0;
    startReceiver([&sentCalls](const Received &r) {
        HttpResponse answer;
        // The receiver fails the first two `sent` callbacks (down for a moment), nothing else.
        answer.status = r.value("MessageStatus") == QLatin1String("sent") && ++sentCalls <= 2 ? 503 : 200;
        return answer;
    });
    FakeTwilio::Lifecycle l;
    l.callbackRetryMs = 20;
    l.callbackRetries = 2;
    m_twilio->setLifecycle(l);
    const Answer a = send({{QStringLiteral("To"), QStringLiteral("+15551234567")},
                           {QStringLiteral("From"), kOurs},
                           {QStringLiteral("Body"), QStringLiteral("hi")},
                           {QStringLiteral("StatusCallback"), receiverUrl(QStringLiteral("/twilio/status"))}});
    QCOMPARE(a.status, 201);
    // `sent` fails twice and gets through on its third attempt; `delivered` on its first.
    QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), 4, 20000);
    QTRY_COMPARE(m_twilio->stats().callbacksPosted, 2);
    QCOMPARE(m_twilio->stats().callbacksFailed, 2);
    QCOMPARE(m_twilio->stats().callbacksRetried, 2);
    // A retried `sent` may arrive after `delivered`, as Twilio's do: the receiver must not care.
    QStringList statuses;
    for (const Received &r : std::as_const(m_received))
        statuses << r.value("MessageStatus");
    QCOMPARE(statuses.first(), QStringLiteral("sent"));
    QCOMPARE(statuses.count(QStringLiteral("sent")), 3);
    QCOMPARE(statuses.count(QStringLiteral("delivered")), 1);
    const QJsonArray record = control("GET", QStringLiteral("/_fake/callbacks")).value(QStringLiteral("list")).toArray();
    QCOMPARE(record.size(), 4);
    QStringList attempts; // status/attempt/http status
    for (const QJsonValue &v : record) {
        const QJsonObject c = v.toObject();
        attempts << QStringLiteral("%1/%2/%3").arg(c.value(QStringLiteral("status")).toString()).arg(c.value(QStringLiteral("attempt")).toInt())
                        .arg(c.value(QStringLiteral("http_status")).toInt());
        QCOMPARE(c.value(QStringLiteral("ok")).toBool(), c.value(QStringLiteral("http_status")).toInt() == 200);
    }
    attempts.sort();
    QCOMPARE(attempts, (QStringList{QStringLiteral("delivered/1/200"), QStringLiteral("sent/1/503"), QStringLiteral("sent/2/503"),
                                    QStringLiteral("sent/3/200")}));

    // A receiver that never comes back: the first attempt and two retries, then Twilio gives up.
    m_receiver.reset();
    m_received.clear();
    const QString nowhere = QStringLiteral("http://127.0.0.1:1/twilio/status");
    QCOMPARE(send({{QStringLiteral("To"), QStringLiteral("+15551234568")},
                   {QStringLiteral("From"), kOurs},
                   {QStringLiteral("Body"), QStringLiteral("hi")},
                   {QStringLiteral("StatusCallback"), nowhere}})
                 .status,
             201);
    QTRY_COMPARE_WITH_TIMEOUT(m_twilio->stats().callbacksFailed, 2 + 6, 20000); // sent ×3, delivered ×3
    QTest::qWait(200);
    QCOMPARE(m_twilio->stats().callbacksFailed, 8);
}

void TestFakeTwilio::inboundOnDemand()
{
    startReceiver([](const Received &r) {
        HttpResponse twiml;
        twiml.status = 200;
        twiml.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "text/xml"));
        twiml.body = r.value("Body").toUpper() == QLatin1String("HELP") ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Acme: help</Message></Response>"
                                                                        : "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
        return twiml;
    });
    const QString url = receiverUrl(QStringLiteral("/twilio/inbound"));
    const QString person = QStringLiteral("+15557778888");
    const auto inbound = [&](const QString &body) {
        return control("POST", QStringLiteral("/_fake/inbound"),
                       QJsonObject{{QStringLiteral("from"), person}, {QStringLiteral("to"), kOurs}, {QStringLiteral("body"), body}, {QStringLiteral("url"), url}});
    };
    const QJsonObject help = inbound(QStringLiteral("help"));
    QCOMPARE(help.value(QStringLiteral("status")).toInt(), 200);
    QVERIFY(help.value(QStringLiteral("body")).toString().contains(QLatin1String("<Message>Acme: help</Message>")));
    QCOMPARE(help.value(QStringLiteral("content_type")).toString(), QStringLiteral("text/xml"));
    QCOMPARE(m_received.size(), 1);
    const Received &r = m_received.at(0);
    QVERIFY(lux::twilio::verify(m_twilio->authToken().toUtf8(), url, r.params(), r.signature));
    QCOMPARE(r.value("SmsStatus"), QStringLiteral("received"));
    QCOMPARE(r.value("Body"), QStringLiteral("help"));
    QCOMPARE(r.value("From"), person);
    QCOMPARE(r.value("To"), kOurs);
    QCOMPARE(r.value("NumMedia"), QStringLiteral("0"));
    QCOMPARE(r.value("NumSegments"), QStringLiteral("1"));
    QCOMPARE(r.value("MessageSid"), help.value(QStringLiteral("sid")).toString());
    QCOMPARE(r.value("SmsMessageSid"), r.value("MessageSid"));
    QCOMPARE(r.value("AccountSid"), m_twilio->accountSid());
    QCOMPARE(r.value("ApiVersion"), QStringLiteral("2010-04-01"));
    QVERIFY(!r.value("FromCity").isEmpty());

    // STOP: Twilio blocks the number from then on (21610) until START.
    QCOMPARE(sendText(person, QStringLiteral("before")).status, 201);
    QCOMPARE(inbound(QStringLiteral("  Stop ")).value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(sendText(person, QStringLiteral("after")).code(), 21610);
    QCOMPARE(inbound(QStringLiteral("STOP please")).value(QStringLiteral("status")).toInt(), 200); // not a keyword: no change
    QCOMPARE(inbound(QStringLiteral("start")).value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(sendText(person, QStringLiteral("welcome back")).status, 201);
    QCOMPARE(m_twilio->stats().inbound, 4);
    // Inbound texts are in the account's list, as with Twilio, and not in the outbound record.
    QCOMPARE(listAll(QStringLiteral("?From=%2B15557778888")).size(), 4);
    QCOMPARE(control("GET", QStringLiteral("/_fake/messages?to=%2B15557778888")).value(QStringLiteral("list")).toArray().size(), 2);

    // A receiver that refuses (tampered signature in real life): its answer is what the test gets.
    m_receiver.reset();
    startReceiver([](const Received &) {
        HttpResponse forbidden;
        forbidden.status = 403;
        return forbidden;
    });
    QCOMPARE(control("POST", QStringLiteral("/_fake/inbound"),
                     QJsonObject{{QStringLiteral("from"), person}, {QStringLiteral("to"), kOurs}, {QStringLiteral("body"), QStringLiteral("hi")},
                                 {QStringLiteral("url"), receiverUrl(QStringLiteral("/twilio/inbound"))}})
                 .value(QStringLiteral("status"))
                 .toInt(),
             403);
}

void TestFakeTwilio::recordCountsDuplicatesAndResets()
{
    QCOMPARE(sendText(QStringLiteral("+15551234567"), QStringLiteral("same")).status, 201);
    QCOMPARE(sendText(QStringLiteral("+15551234567"), QStringLiteral("same")).status, 201); // no idempotency key: two texts
    QCOMPARE(sendText(QStringLiteral("+15551234567"), QStringLiteral("other")).status, 201);
    QCOMPARE(sendText(QStringLiteral("+15551234568"), QStringLiteral("same")).status, 201);
    const QJsonArray record = control("GET", QStringLiteral("/_fake/messages")).value(QStringLiteral("list")).toArray();
    QCOMPARE(record.size(), 4);
    QCOMPARE(record.at(0).toObject().value(QStringLiteral("copies")).toInt(), 2);
    QCOMPARE(record.at(1).toObject().value(QStringLiteral("copies")).toInt(), 2);
    QCOMPARE(record.at(2).toObject().value(QStringLiteral("copies")).toInt(), 1);
    QCOMPARE(record.at(3).toObject().value(QStringLiteral("copies")).toInt(), 1);
    QVERIFY(!record.at(0).toObject().value(QStringLiteral("accepted_at")).toString().isEmpty());
    QCOMPARE(record.at(0).toObject().value(QStringLiteral("from")).toString(), kOurs);
    QCOMPARE(control("GET", QStringLiteral("/_fake/stats")).value(QStringLiteral("duplicates")).toInt(), 1);
    QCOMPARE(control("GET", QStringLiteral("/_fake/messages?to=%2B15551234568")).value(QStringLiteral("list")).toArray().size(), 1);

    // Configuration through HTTP: credentials and numbers change, and the old ones stop working.
    control("POST", QStringLiteral("/_fake/config"),
            QJsonObject{{QStringLiteral("account_sid"), QStringLiteral("AC11111111111111111111111111111111")},
                        {QStringLiteral("auth_token"), QStringLiteral("new-token")},
                        {QStringLiteral("numbers"), QJsonArray{QStringLiteral("+15005550099")}}});
    QCOMPARE(m_twilio->accountSid(), QStringLiteral("AC11111111111111111111111111111111"));
    QCOMPARE(sendText(QStringLiteral("+15551234567"), QStringLiteral("x")).code(), 21606);
    QCOMPARE(sendText(QStringLiteral("+15551234567"), QStringLiteral("x"), QStringLiteral("+15005550099")).status, 201);

    // A rule with a typo is refused rather than ignored; "none" takes a rule away.
    const Answer typo = finish(start("POST", QStringLiteral("/_fake/config"),
                                     R"({"concurrency":1,"rules":{"numbers":{"+15551234567":"landlnie"}}})", "", ""));
    QCOMPARE(typo.status, 400);
    QVERIFY(typo.field("error").contains(QLatin1String("landlnie")));
    QCOMPARE(sendText(QStringLiteral("+15551234567"), QStringLiteral("y"), QStringLiteral("+15005550099")).status, 201); // concurrency untouched
    m_twilio->setNumberRule(QStringLiteral("+15551234567"), QStringLiteral("landline"));
    QCOMPARE(sendText(QStringLiteral("+15551234567"), QStringLiteral("z"), QStringLiteral("+15005550099")).code(), 21614);
    control("POST", QStringLiteral("/_fake/config"),
            QJsonObject{{QStringLiteral("rules"), QJsonObject{{QStringLiteral("numbers"), QJsonObject{{QStringLiteral("+15551234567"), QStringLiteral("none")}}}}}});
    QCOMPARE(sendText(QStringLiteral("+15551234567"), QStringLiteral("z"), QStringLiteral("+15005550099")).status, 201);

    control("POST", QStringLiteral("/_fake/reset"));
    QCOMPARE(control("GET", QStringLiteral("/_fake/messages")).value(QStringLiteral("list")).toArray().size(), 0);
    QCOMPARE(control("GET", QStringLiteral("/_fake/stats")).value(QStringLiteral("requests")).toInt(), 0);
    QCOMPARE(m_twilio->accountSid(), QStringLiteral("AC11111111111111111111111111111111")); // the configuration stays
    control("POST", QStringLiteral("/_fake/reset"), QJsonObject{{QStringLiteral("config"), true}});
    QCOMPARE(m_twilio->accountSid(), QStringLiteral("ACf00dfeedf00dfeedf00dfeedf00dfeed"));
}

void TestFakeTwilio::standaloneExecutable()
{
    // lux-fake-twilio prints its base URL and serves the same API to other processes.
    QProcess fake;
    fake.start(QStringLiteral(LUX_BINARY_DIR "/tests/fakes/lux-fake-twilio"),
               {QStringLiteral("--account-sid"), QStringLiteral("AC22222222222222222222222222222222"), QStringLiteral("--auth-token"),
                QStringLiteral("tok"), QStringLiteral("--number"), QStringLiteral("+15005550123")});
    QVERIFY2(fake.waitForStarted(), qPrintable(fake.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(fake.canReadLine(), 20000);
    const QUrl base(QString::fromUtf8(fake.readLine().trimmed()));
    QVERIFY(base.isValid() && base.port() > 0);
    QNetworkRequest request(QUrl(base.toString() + QStringLiteral("/2010-04-01/Accounts/AC22222222222222222222222222222222/Messages.json")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Authorization", "Basic " + QByteArray("AC22222222222222222222222222222222:tok").toBase64());
    const Answer a = finish(m_nam->post(request, encode({{QStringLiteral("To"), QStringLiteral("+15551234567")},
                                                         {QStringLiteral("From"), QStringLiteral("+15005550123")},
                                                         {QStringLiteral("Body"), QStringLiteral("hi")}})));
    QCOMPARE(a.status, 201);
    QCOMPARE(a.field("account_sid"), QStringLiteral("AC22222222222222222222222222222222"));
    fake.kill();
    fake.waitForFinished();
}

LUX_TEST_MAIN(TestFakeTwilio, QCoreApplication)
#include "tst_faketwilio.moc"
