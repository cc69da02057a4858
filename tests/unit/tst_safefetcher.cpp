// SPDX-License-Identifier: GPL-3.0-or-later
// The one fetcher for URLs a user typed (issue 21, "Fetching safely"): every address form of the
// special ranges refused, written as decimal, octal, hex or short IPv4 and as IPv4-mapped, NAT64 or
// 6to4 IPv6; a name resolving to a private address; a redirect to one; a DNS rebinding attempt;
// the redirect, size and time limits. Names resolve through a stub (never the machine's DNS), and
// every server is a loopback HTTP server of tests/fakes; a loopback server stands in for a public
// site through the fetcher's test seam (treatAsPublic) where a test needs one.
#include "common/errorcodes.h"
#include "httpserver.h"
#include "net/addresspolicy.h"
#include "net/safefetcher.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTest>
#include <QTimer>

using namespace lux;
using namespace lux::net;
using lux::fakes::HttpExchange;
using lux::fakes::HttpServer;

namespace {

// Answers names from a table; a name with several answers gives them in turn (the last one again
// once they run out), as a DNS server under an attacker's control would.
struct StubDns
{
    QHash<QString, QList<QList<QHostAddress>>> answers;
    QHash<QString, int> calls;
    int total = 0;
};

QCoro::Task<Result<QList<QHostAddress>>> stubResolve(std::shared_ptr<StubDns> dns, QString host)
{
    ++dns->calls[host];
    ++dns->total;
    const auto answers = dns->answers.value(host);
    if (answers.isEmpty())
        co_return Error(errc::fetchResolve, QStringLiteral("%1 could not be found").arg(host));
    const int call = dns->calls.value(host) - 1;
    co_return answers.at(std::min<qsizetype>(call, answers.size() - 1));
}

QList<QHostAddress> addresses(std::initializer_list<const char *> list)
{
    QList<QHostAddress> out;
    for (const char *a : list)
        out << QHostAddress(QString::fromLatin1(a));
    return out;
}

// A loopback site: pages by path, each request recorded.
struct Site
{
    struct Seen
    {
        QString path;
        QByteArray host;
        QByteArray userAgent;
        QByteArray authorization;
        QByteArray cookie;
    };
    QList<Seen> seen;
    std::function<void(HttpExchange *)> handler;
    HttpServer server{[this](HttpExchange *e) {
        const auto &r = e->request();
        seen << Seen{r.url.path(), r.header("host"), r.header("user-agent"), r.header("authorization"), r.header("cookie")};
        handler(e);
    }};
};

lux::fakes::HttpResponse page(int status, const QByteArray &body, QList<std::pair<QByteArray, QByteArray>> headers = {})
{
    lux::fakes::HttpResponse r;
    r.status = status;
    r.body = body;
    r.headers = std::move(headers);
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html; charset=utf-8")});
    return r;
}

lux::fakes::HttpResponse redirect(const QByteArray &location, int status = 302)
{
    return page(status, QByteArray(), {{QByteArrayLiteral("Location"), location}});
}

// An https site for secure.test (tests/data/safefetcher: a self-signed certificate whose only name is
// secure.test, no address), one page to every request, connections kept alive.
struct TlsSite
{
    QSslServer server;
    QList<QByteArray> requests; // each request's head
    QByteArray pending;

    bool listen()
    {
        QFile crt(QStringLiteral(LUX_TEST_DATA_DIR "/safefetcher/secure.crt"));
        QFile key(QStringLiteral(LUX_TEST_DATA_DIR "/safefetcher/secure.key"));
        if (!crt.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
            return false;
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate(&crt));
        config.setPrivateKey(QSslKey(&key, QSsl::Rsa));
        server.setSslConfiguration(config);
        QObject::connect(&server, &QTcpServer::pendingConnectionAvailable, &server, [this] {
            while (auto *socket = qobject_cast<QSslSocket *>(server.nextPendingConnection())) {
                QObject::connect(socket, &QSslSocket::readyRead, socket, [this, socket] {
                    pending += socket->readAll();
                    if (!pending.contains("\r\n\r\n"))
                        return;
                    requests << std::exchange(pending, QByteArray());
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 11\r\n\r\nsecure page");
                });
                QObject::connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return server.listen(QHostAddress(QHostAddress::LocalHost));
    }
};

} // namespace

class TestSafeFetcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addressForms_data();
    void addressForms();
    void nameResolvingToPrivateIsRefused();
    void nameWithOnePublicAndOnePrivateAddressIsRefused();
    void loopbackServerOnlyWhenAllowed();
    void allowedHostOnly();
    void redirectIsCheckedAgain_data();
    void redirectIsCheckedAgain();
    void rebindingAttemptConnectsToTheCheckedAddress();
    void redirectLimit();
    void sizeLimitCountsDecompressedBytes();
    void slowServerTimesOut();
    void credentialsAndCookiesAreNeverSent();
    void httpsVerifiesTheNameNotTheAddress();
    void systemResolverAndHostsFile();
    void ipv6Connection();

private:
    std::shared_ptr<StubDns> m_dns;
    std::unique_ptr<SafeFetcher> fetcher(bool loopbackIsPublic = false);
    static Result<FetchedPage> get(SafeFetcher &f, const QUrl &url, FetchOptions options = {})
    {
        return test::await(f.fetch(url, std::move(options)));
    }
};

std::unique_ptr<SafeFetcher> TestSafeFetcher::fetcher(bool loopbackIsPublic)
{
    m_dns = std::make_shared<StubDns>();
    SafeFetcher::Seams seams;
    seams.resolver = [dns = m_dns](QString host, int) { return stubResolve(dns, std::move(host)); };
    if (loopbackIsPublic)
        seams.treatAsPublic = [](const QHostAddress &a) { return a == QHostAddress(QHostAddress::LocalHost); };
    return std::make_unique<SafeFetcher>(std::move(seams));
}

// Each row: the host as typed in a URL, the verdict (public; local: refused unless local addresses
// are allowed; never: refused even then; invalid: no host at all), and the range the refusal names.
void TestSafeFetcher::addressForms_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("range");
    auto row = [](const char *name, const char *host, const char *verdict, const char *range) {
        QTest::newRow(name) << QString::fromLatin1(host) << QString::fromLatin1(verdict) << QString::fromLatin1(range);
    };
    // IPv4 ranges (IANA IPv4 special-purpose registry).
    row("0.0.0.0", "0.0.0.0", "never", "0.0.0.0/8");
    row("0.1.2.3", "0.1.2.3", "never", "0.0.0.0/8");
    row("10/8", "10.0.0.5", "local", "10.0.0.0/8");
    row("CGNAT low", "100.64.0.1", "local", "100.64.0.0/10");
    row("CGNAT high", "100.127.255.254", "local", "100.64.0.0/10");
    row("past CGNAT", "100.128.0.1", "public", "");
    row("127/8", "127.0.0.1", "local", "127.0.0.0/8");
    row("127/8 high", "127.255.255.254", "local", "127.0.0.0/8");
    row("link-local", "169.254.1.1", "local", "169.254.0.0/16");
    row("metadata", "169.254.169.254", "never", "169.254.169.254/32");
    row("ECS metadata", "169.254.170.2", "never", "169.254.170.2/32");
    row("172.16/12 low", "172.16.0.1", "local", "172.16.0.0/12");
    row("172.16/12 high", "172.31.255.255", "local", "172.16.0.0/12");
    row("past 172.16/12", "172.32.0.1", "public", "");
    row("192.0.0/24", "192.0.0.8", "never", "192.0.0.0/24");
    row("TEST-NET-1", "192.0.2.1", "never", "192.0.2.0/24");
    row("6to4 relay", "192.88.99.1", "never", "192.88.99.0/24");
    row("192.168/16", "192.168.1.1", "local", "192.168.0.0/16");
    row("benchmarking", "198.19.255.255", "local", "198.18.0.0/15");
    row("TEST-NET-2", "198.51.100.7", "never", "198.51.100.0/24");
    row("TEST-NET-3", "203.0.113.9", "never", "203.0.113.0/24");
    row("multicast", "224.0.0.1", "never", "224.0.0.0/4");
    row("multicast SSDP", "239.255.255.250", "never", "224.0.0.0/4");
    row("reserved", "240.0.0.1", "never", "240.0.0.0/4");
    row("broadcast", "255.255.255.255", "never", "255.255.255.255/32");
    row("public v4", "93.184.216.34", "public", "");
    row("public v4 dns", "8.8.8.8", "public", "");
    // The same addresses written the ways the WHATWG IPv4 parser (and inet_aton) reads them.
    row("decimal", "2130706433", "local", "127.0.0.0/8");
    row("octal", "0177.0.0.1", "local", "127.0.0.0/8");
    row("hex short", "0x7f.1", "local", "127.0.0.0/8");
    row("hex whole", "0x7f000001", "local", "127.0.0.0/8");
    row("short", "127.1", "local", "127.0.0.0/8");
    row("trailing dot", "127.0.0.1.", "local", "127.0.0.0/8");
    row("zero", "0", "never", "0.0.0.0/8");
    row("octal 10/8", "012.0.0.1", "local", "10.0.0.0/8");
    row("hex 10/8", "0x0a000005", "local", "10.0.0.0/8");
    row("hex metadata", "0xA9.0xFE.0xA9.0xFE", "never", "169.254.169.254/32");
    row("decimal metadata", "2852039166", "never", "169.254.169.254/32");
    row("mixed metadata", "169.254.43518", "never", "169.254.169.254/32");
    row("percent-encoded", "%31%32%37.0.0.1", "local", "127.0.0.0/8");
    row("five parts", "1.2.3.4.5", "invalid", "");
    row("bad hex", "0x7g.1", "invalid", "");
    row("bad octal", "08.0.0.1", "invalid", "");
    row("too large", "4294967296", "invalid", "");
    row("name ending in hex", "example.0x1", "invalid", "");
    // IPv6 (IANA IPv6 special-purpose registry), and IPv4 inside IPv6.
    row("unspecified", "[::]", "never", "::/128");
    row("::1", "[::1]", "local", "::1/128");
    row("::1 long", "[0:0:0:0:0:0:0:1]", "local", "::1/128");
    row("mapped loopback", "[::ffff:127.0.0.1]", "local", "::ffff:0:0/96 carrying 127.0.0.0/8");
    row("mapped loopback hex", "[::ffff:7f00:1]", "local", "::ffff:0:0/96 carrying 127.0.0.0/8");
    row("mapped metadata", "[::ffff:a9fe:a9fe]", "never", "::ffff:0:0/96 carrying 169.254.169.254/32");
    row("mapped private", "[::ffff:192.168.0.1]", "local", "::ffff:0:0/96 carrying 192.168.0.0/16");
    row("mapped public", "[::ffff:8.8.8.8]", "public", "");
    row("NAT64 loopback", "[64:ff9b::127.0.0.1]", "local", "64:ff9b::/96 carrying 127.0.0.0/8");
    row("NAT64 private", "[64:ff9b::a00:5]", "local", "64:ff9b::/96 carrying 10.0.0.0/8");
    row("NAT64 public", "[64:ff9b::808:808]", "public", "");
    row("local NAT64", "[64:ff9b:1::a00:1]", "local", "64:ff9b:1::/48");
    row("IPv4-compatible", "[::127.0.0.1]", "never", "::/96");
    row("IPv4-translated", "[::ffff:0:7f00:1]", "never", "::ffff:0:0:0/96");
    row("6to4 loopback", "[2002:7f00:1::1]", "local", "2002::/16 carrying 127.0.0.0/8");
    row("6to4 public", "[2002:808:808::1]", "public", "");
    row("link-local v6", "[fe80::1]", "local", "fe80::/10");
    row("unique local", "[fd12:3456::1]", "local", "fc00::/7");
    row("unique local fc", "[fc00::1]", "local", "fc00::/7");
    row("site-local", "[fec0::1]", "local", "fec0::/10");
    row("multicast v6", "[ff02::1]", "never", "ff00::/8");
    row("documentation v6", "[2001:db8::1]", "never", "2001:db8::/32");
    row("documentation 3fff", "[3fff::1]", "never", "3fff::/20");
    row("Teredo", "[2001:0:4136:e378:8000:63bf:3fff:fdd2]", "never", "2001::/32");
    row("IETF protocol", "[2001:1::1]", "never", "2001::/23");
    row("discard", "[100::1]", "never", "100::/64");
    row("AWS metadata v6", "[fd00:ec2::254]", "never", "fd00:ec2::254/128");
    row("SRv6", "[5f00::1]", "never", "5f00::/16");
    row("unallocated v6", "[4000::1]", "never", "outside 2000::/3");
    row("public v6", "[2606:4700:4700::1111]", "public", "");
    row("public v6 2001:4860", "[2001:4860:4860::8888]", "public", "");
}

void TestSafeFetcher::addressForms()
{
    QFETCH(QString, host);
    QFETCH(QString, verdict);
    QFETCH(QString, range);
    const QUrl url(QStringLiteral("http://") + host + QStringLiteral("/page"));
    QVERIFY2(url.isValid(), qPrintable(url.errorString()));

    // The pure policy, on the host as QUrl hands it over.
    const AddressPolicy::Host parsed = AddressPolicy::parseHost(url.host(QUrl::FullyEncoded));
    if (verdict == u"invalid") {
        QVERIFY(std::holds_alternative<AddressPolicy::Invalid>(parsed));
    } else {
        QVERIFY2(std::holds_alternative<QHostAddress>(parsed), "the host must be read as an address, never as a name to resolve");
        const QHostAddress address = std::get<QHostAddress>(parsed);
        const auto special = AddressPolicy::classify(address);
        if (verdict == u"public") {
            QVERIFY2(!special, qPrintable(special ? special->range : QString()));
            QVERIFY(!AddressPolicy::refusal(address, false));
            return; // never connected to: the test does not reach the internet
        }
        QVERIFY(special);
        QCOMPARE(special->range, range);
        QCOMPARE(special->allowable, verdict == u"local");
        QVERIFY(AddressPolicy::refusal(address, false));
        QCOMPARE(AddressPolicy::refusal(address, true).has_value(), verdict == u"never");
    }

    // The fetcher refuses it before any look-up or connection.
    auto f = fetcher();
    const auto result = get(*f, url);
    QVERIFY(!result);
    QCOMPARE(result.error().code, verdict == u"invalid" ? QString(errc::fetchUrl) : QString(errc::fetchRefused));
    QCOMPARE(m_dns->total, 0);
    if (verdict != u"invalid") {
        QVERIFY2(result.error().message.contains(range), qPrintable(result.error().message));
        // Local addresses come with the way to allow them; the others do not.
        QCOMPARE(result.error().message.contains(QStringLiteral("allow local addresses")), verdict == u"local");
    }
    // Allowing local addresses changes nothing for the kinds that are never fetched.
    if (verdict == u"never") {
        FetchOptions allow;
        allow.allowPrivate = true;
        const auto again = get(*f, url, allow);
        QVERIFY(!again);
        QCOMPARE(again.error().code, QString(errc::fetchRefused));
    }
}

void TestSafeFetcher::nameResolvingToPrivateIsRefused()
{
    auto f = fetcher();
    m_dns->answers[QStringLiteral("intranet.test")] = {addresses({"10.0.0.5"})};
    const auto result = get(*f, QUrl(QStringLiteral("http://intranet.test/")));
    QVERIFY(!result);
    QCOMPARE(result.error().code, QString(errc::fetchRefused));
    QVERIFY2(result.error().message.contains(QStringLiteral("intranet.test resolves to 10.0.0.5, a private address (10.0.0.0/8)")),
             qPrintable(result.error().message));
    QCOMPARE(m_dns->calls.value(QStringLiteral("intranet.test")), 1);

    // Upper case and a trailing dot are the same name.
    const auto dotted = get(*f, QUrl(QStringLiteral("http://INTRANET.test./")));
    QVERIFY(!dotted);
    QCOMPARE(dotted.error().code, QString(errc::fetchRefused));
    QCOMPARE(m_dns->calls.value(QStringLiteral("intranet.test")), 2);

    // A name nobody knows.
    const auto unknown = get(*f, QUrl(QStringLiteral("https://nowhere.test/")));
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, QString(errc::fetchResolve));

    // Not http or https: refused before any look-up.
    for (const char *u : {"ftp://intranet.test/", "file:///etc/passwd", "gopher://intranet.test/", "javascript:alert(1)"}) {
        const auto other = get(*f, QUrl(QString::fromLatin1(u)));
        QVERIFY(!other);
        QVERIFY2(other.error().code == errc::fetchScheme || other.error().code == errc::fetchUrl, u);
    }
    QCOMPARE(m_dns->total, 3); // intranet.test twice and nowhere.test: none for the other schemes
}

void TestSafeFetcher::nameWithOnePublicAndOnePrivateAddressIsRefused()
{
    auto f = fetcher();
    m_dns->answers[QStringLiteral("mixed.test")] = {addresses({"93.184.216.34", "192.168.1.10"})};
    m_dns->answers[QStringLiteral("mixed6.test")] = {addresses({"2606:4700:4700::1111", "::ffff:127.0.0.1"})};
    const auto result = get(*f, QUrl(QStringLiteral("http://mixed.test/")));
    QVERIFY(!result);
    QCOMPARE(result.error().code, QString(errc::fetchRefused));
    QVERIFY2(result.error().message.contains(QStringLiteral("192.168.1.10")), qPrintable(result.error().message));
    const auto six = get(*f, QUrl(QStringLiteral("http://mixed6.test/")));
    QVERIFY(!six);
    QCOMPARE(six.error().code, QString(errc::fetchRefused));
    QVERIFY2(six.error().message.contains(QStringLiteral("127.0.0.0/8")), qPrintable(six.error().message));
}

void TestSafeFetcher::loopbackServerOnlyWhenAllowed()
{
    Site site;
    site.handler = [](HttpExchange *e) { e->respond(page(200, "<title>Intranet</title>")); };
    QVERIFY(site.server.listen());
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/index.html").arg(site.server.port()));
    auto f = fetcher();

    const auto refused = get(*f, url);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QString(errc::fetchRefused));
    QVERIFY2(refused.error().message.contains(QStringLiteral("allow local addresses")), qPrintable(refused.error().message));
    QCOMPARE(site.seen.size(), 0);

    FetchOptions allow;
    allow.allowPrivate = true;
    const auto fetched = get(*f, url, allow);
    QVERIFY2(fetched, test::errorText(fetched).constData());
    QCOMPARE(fetched->status, 200);
    QCOMPARE(fetched->body, QByteArray("<title>Intranet</title>"));
    QCOMPARE(fetched->finalUrl, url);
    QCOMPARE(fetched->address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(fetched->header("content-type"), QByteArray("text/html; charset=utf-8"));
    QCOMPARE(site.seen.size(), 1);
    QCOMPARE(site.seen[0].host, QStringLiteral("127.0.0.1:%1").arg(site.server.port()).toLatin1());
    QVERIFY2(site.seen[0].userAgent.startsWith("LUX-Marketing/" LUX_VERSION " (+http"), site.seen[0].userAgent.constData());
    QCOMPARE(SafeFetcher::userAgent(), site.seen[0].userAgent);
}

void TestSafeFetcher::allowedHostOnly()
{
    Site site;
    site.handler = [](HttpExchange *e) { e->respond(page(200, "wiki")); };
    QVERIFY(site.server.listen());
    auto f = fetcher();
    m_dns->answers[QStringLiteral("wiki.corp.test")] = {addresses({"127.0.0.1"})};
    m_dns->answers[QStringLiteral("other.corp.test")] = {addresses({"127.0.0.1"})};
    FetchOptions options;
    options.allowHosts = {QStringLiteral("wiki.corp.test")};
    const auto fetched = get(*f, QUrl(QStringLiteral("http://wiki.corp.test:%1/").arg(site.server.port())), options);
    QVERIFY2(fetched, test::errorText(fetched).constData());
    QCOMPARE(fetched->body, QByteArray("wiki"));
    QCOMPARE(site.seen.size(), 1);
    // The site sees the name it was asked for, though the connection went to the address.
    QCOMPARE(site.seen[0].host, QStringLiteral("wiki.corp.test:%1").arg(site.server.port()).toLatin1());

    const auto dotted = get(*f, QUrl(QStringLiteral("http://WIKI.corp.test.:%1/").arg(site.server.port())), options);
    QVERIFY2(dotted, test::errorText(dotted).constData());
    QCOMPARE(site.seen.size(), 2);

    const auto other = get(*f, QUrl(QStringLiteral("http://other.corp.test:%1/").arg(site.server.port())), options);
    QVERIFY(!other);
    QCOMPARE(other.error().code, QString(errc::fetchRefused));
    QCOMPARE(site.seen.size(), 2);
}

void TestSafeFetcher::systemResolverAndHostsFile()
{
    // The system's resolver, on the one name every hosts file has: localhost is loopback, refused
    // unless local addresses are allowed; then reached (its IPv6 answer first, when there is one,
    // refuses the connection: the server listens on 127.0.0.1 only, and the next address is tried).
    Site site;
    site.handler = [](HttpExchange *e) { e->respond(page(200, "local")); };
    QVERIFY(site.server.listen());
    SafeFetcher f;
    const QUrl url(QStringLiteral("http://localhost:%1/").arg(site.server.port()));
    const auto refused = get(f, url);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QString(errc::fetchRefused));
    QVERIFY2(refused.error().message.contains(QStringLiteral("localhost resolves to")), qPrintable(refused.error().message));
    QCOMPARE(site.seen.size(), 0);

    FetchOptions allow;
    allow.allowPrivate = true;
    const auto fetched = get(f, url, allow);
    QVERIFY2(fetched, test::errorText(fetched).constData());
    QCOMPARE(fetched->body, QByteArray("local"));
    QCOMPARE(fetched->address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(site.seen.size(), 1);
    QCOMPARE(site.seen[0].host, QStringLiteral("localhost:%1").arg(site.server.port()).toLatin1());
}

void TestSafeFetcher::redirectIsCheckedAgain_data()
{
    QTest::addColumn<QByteArray>("location");
    QTest::addColumn<bool>("allowPrivate");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("10/8") << QByteArray("http://10.0.0.5/admin") << false << QString(errc::fetchRefused) << QStringLiteral("10.0.0.0/8");
    QTest::newRow("metadata") << QByteArray("http://169.254.169.254/latest/meta-data/") << false << QString(errc::fetchRefused)
                              << QStringLiteral("169.254.169.254");
    QTest::newRow("metadata, local allowed") << QByteArray("http://169.254.169.254/latest/meta-data/") << true
                                             << QString(errc::fetchRefused) << QStringLiteral("never fetched");
    QTest::newRow("metadata as decimal") << QByteArray("http://2852039166/") << false << QString(errc::fetchRefused)
                                         << QStringLiteral("169.254.169.254");
    QTest::newRow("mapped metadata") << QByteArray("http://[::ffff:a9fe:a9fe]/") << true << QString(errc::fetchRefused)
                                     << QStringLiteral("169.254.169.254");
    QTest::newRow("another loopback") << QByteArray("http://0x7f.2/") << false << QString(errc::fetchRefused)
                                      << QStringLiteral("127.0.0.0/8");
    QTest::newRow("a name inside") << QByteArray("http://inner.test/") << false << QString(errc::fetchRefused)
                                   << QStringLiteral("inner.test resolves to 10.1.2.3");
    QTest::newRow("ftp") << QByteArray("ftp://files.test/x") << false << QString(errc::fetchScheme) << QStringLiteral("ftp");
    QTest::newRow("file") << QByteArray("file:///etc/passwd") << true << QString(errc::fetchScheme) << QStringLiteral("file");
}

void TestSafeFetcher::redirectIsCheckedAgain()
{
    QFETCH(QByteArray, location);
    QFETCH(bool, allowPrivate);
    QFETCH(QString, code);
    QFETCH(QString, mentions);
    Site site;
    site.handler = [location](HttpExchange *e) { e->respond(redirect(location)); };
    QVERIFY(site.server.listen());
    auto f = fetcher(true); // 127.0.0.1 plays a public site
    m_dns->answers[QStringLiteral("public.test")] = {addresses({"127.0.0.1"})};
    m_dns->answers[QStringLiteral("inner.test")] = {addresses({"10.1.2.3"})};
    FetchOptions options;
    options.allowPrivate = allowPrivate;
    const auto result = get(*f, QUrl(QStringLiteral("http://public.test:%1/start").arg(site.server.port())), options);
    QVERIFY(!result);
    QCOMPARE(result.error().code, code);
    QVERIFY2(result.error().message.contains(mentions), qPrintable(result.error().message));
    QVERIFY2(result.error().message.startsWith(QStringLiteral("http://public.test:%1/start redirects: ").arg(site.server.port())),
             qPrintable(result.error().message));
    QCOMPARE(site.seen.size(), 1); // the first hop was fetched, the redirect never
}

void TestSafeFetcher::rebindingAttemptConnectsToTheCheckedAddress()
{
    // The attacker's name answers a public address to the check and a loopback address to any later
    // look-up. 127.0.0.1 plays the public site; 127.0.0.2, on the same port, the inside one.
    Site outside;
    outside.handler = [](HttpExchange *e) { e->respond(page(200, "outside")); };
    QVERIFY(outside.server.listen(QHostAddress(QHostAddress::LocalHost)));
    Site inside;
    inside.handler = [](HttpExchange *e) { e->respond(page(200, "inside secrets")); };
    QVERIFY2(inside.server.listen(QHostAddress(QStringLiteral("127.0.0.2")), outside.server.port()), "127.0.0.2 must be bindable");

    auto f = fetcher(true);
    m_dns->answers[QStringLiteral("rebind.test")] = {addresses({"127.0.0.1"}), addresses({"127.0.0.2"})};
    const QUrl url(QStringLiteral("http://rebind.test:%1/").arg(outside.server.port()));
    const auto fetched = get(*f, url);
    QVERIFY2(fetched, test::errorText(fetched).constData());
    QCOMPARE(fetched->body, QByteArray("outside"));
    QCOMPARE(fetched->address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(m_dns->calls.value(QStringLiteral("rebind.test")), 1); // one look-up, the one checked
    QCOMPARE(outside.seen.size(), 1);
    QCOMPARE(outside.seen[0].host, QStringLiteral("rebind.test:%1").arg(outside.server.port()).toLatin1());
    QCOMPARE(inside.seen.size(), 0);

    // The next fetch looks up again and gets the inside address: checked, and refused.
    const auto again = get(*f, url);
    QVERIFY(!again);
    QCOMPARE(again.error().code, QString(errc::fetchRefused));
    QVERIFY2(again.error().message.contains(QStringLiteral("rebind.test resolves to 127.0.0.2")), qPrintable(again.error().message));
    QCOMPARE(m_dns->calls.value(QStringLiteral("rebind.test")), 2);
    QCOMPARE(inside.seen.size(), 0);

    // A redirect back to the same name is a new hop: looked up and checked again.
    m_dns->answers[QStringLiteral("hop.test")] = {addresses({"127.0.0.1"}), addresses({"127.0.0.2"})};
    outside.handler = [](HttpExchange *e) {
        e->respond(e->request().url.path() == u"/next" ? page(200, "outside next") : redirect("/next"));
    };
    const auto hopped = get(*f, QUrl(QStringLiteral("http://hop.test:%1/first").arg(outside.server.port())));
    QVERIFY(!hopped);
    QCOMPARE(hopped.error().code, QString(errc::fetchRefused));
    QCOMPARE(m_dns->calls.value(QStringLiteral("hop.test")), 2);
    QCOMPARE(inside.seen.size(), 0);
}

void TestSafeFetcher::redirectLimit()
{
    Site site;
    // /loop/N redirects to /loop/N+1 for ever; /chain/N to /chain/N-1 and /chain/0 answers.
    site.handler = [](HttpExchange *e) {
        const QString path = e->request().url.path();
        const int n = path.section(u'/', 2, 2).toInt();
        if (path.startsWith(u"/loop/"))
            e->respond(redirect("/loop/" + QByteArray::number(n + 1), 301));
        else if (n > 0)
            e->respond(redirect("/chain/" + QByteArray::number(n - 1), n % 2 ? 307 : 308));
        else
            e->respond(page(200, "end of chain"));
    };
    QVERIFY(site.server.listen());
    auto f = fetcher(true);
    m_dns->answers[QStringLiteral("site.test")] = {addresses({"127.0.0.1"})};
    const QString base = QStringLiteral("http://site.test:%1").arg(site.server.port());

    const auto five = get(*f, QUrl(base + QStringLiteral("/chain/5")));
    QVERIFY2(five, test::errorText(five).constData());
    QCOMPARE(five->body, QByteArray("end of chain"));
    QCOMPARE(five->redirects.size(), 5);
    QCOMPARE(five->finalUrl, QUrl(base + QStringLiteral("/chain/0")));
    QCOMPARE(five->requested, QUrl(base + QStringLiteral("/chain/5")));
    QCOMPARE(site.seen.size(), 6);

    site.seen.clear();
    const auto six = get(*f, QUrl(base + QStringLiteral("/chain/6")));
    QVERIFY(!six);
    QCOMPARE(six.error().code, QString(errc::fetchRedirects));
    QCOMPARE(site.seen.size(), 6);

    site.seen.clear();
    const auto loop = get(*f, QUrl(base + QStringLiteral("/loop/0")));
    QVERIFY(!loop);
    QCOMPARE(loop.error().code, QString(errc::fetchRedirects));
    QVERIFY2(loop.error().message.contains(QStringLiteral("more than 5")), qPrintable(loop.error().message));
    QCOMPARE(site.seen.size(), 6); // the first request and five redirects, not one more
}

void TestSafeFetcher::sizeLimitCountsDecompressedBytes()
{
    const QByteArray zeros(100'000, '\0');
    const QByteArray deflated = qCompress(zeros).mid(4); // a zlib stream, as Content-Encoding: deflate
    const QByteArray smallDeflated = qCompress(QByteArray(500, 'a')).mid(4);
    QVERIFY(deflated.size() < 1000);
    Site site;
    site.handler = [&](HttpExchange *e) {
        const QString path = e->request().url.path();
        if (path == u"/exact")
            e->respond(page(200, QByteArray(1000, 'x')));
        else if (path == u"/big")
            e->respond(page(200, QByteArray(1001, 'x')));
        else if (path == u"/bomb")
            e->respond(page(200, deflated, {{"Content-Encoding", "deflate"}}));
        else
            e->respond(page(200, smallDeflated, {{"Content-Encoding", "deflate"}}));
    };
    QVERIFY(site.server.listen());
    auto f = fetcher(true);
    m_dns->answers[QStringLiteral("site.test")] = {addresses({"127.0.0.1"})};
    const QString base = QStringLiteral("http://site.test:%1").arg(site.server.port());
    FetchOptions options;
    options.maxBytes = 1000;

    const auto exact = get(*f, QUrl(base + QStringLiteral("/exact")), options);
    QVERIFY2(exact, test::errorText(exact).constData());
    QCOMPARE(exact->body.size(), 1000);

    const auto big = get(*f, QUrl(base + QStringLiteral("/big")), options);
    QVERIFY(!big);
    QCOMPARE(big.error().code, QString(errc::fetchTooLarge));
    QVERIFY2(big.error().message.contains(QLocale().formattedDataSize(1000)), qPrintable(big.error().message));

    const auto small = get(*f, QUrl(base + QStringLiteral("/small")), options);
    QVERIFY2(small, test::errorText(small).constData());
    QCOMPARE(small->body, QByteArray(500, 'a')); // decompressed

    // Under 1000 bytes on the wire, 100,000 once decompressed.
    const auto bomb = get(*f, QUrl(base + QStringLiteral("/bomb")), options);
    QVERIFY(!bomb);
    QCOMPARE(bomb.error().code, QString(errc::fetchTooLarge));
}

void TestSafeFetcher::slowServerTimesOut()
{
    Site site;
    site.handler = [](HttpExchange *) {}; // never answers
    QVERIFY(site.server.listen());
    auto f = fetcher(true);
    m_dns->answers[QStringLiteral("slow.test")] = {addresses({"127.0.0.1"})};
    FetchOptions options;
    options.timeoutMs = 1000;
    QElapsedTimer clock;
    clock.start();
    const auto result = get(*f, QUrl(QStringLiteral("http://slow.test:%1/").arg(site.server.port())), options);
    QVERIFY(!result);
    QCOMPARE(result.error().code, QString(errc::fetchTimeout));
    QVERIFY2(clock.elapsed() >= 900, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(clock.elapsed() < 30'000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(site.seen.size(), 1);

    // The user stops it: cancelled, not a timeout, long before the limit.
    channels::Cancellation stop;
    FetchOptions stoppable;
    stoppable.timeoutMs = 60'000;
    stoppable.cancellation = &stop;
    QTimer::singleShot(50, &stop, [&stop] { stop.cancel(); });
    clock.restart();
    const auto cancelled = get(*f, QUrl(QStringLiteral("http://slow.test:%1/").arg(site.server.port())), stoppable);
    QVERIFY(!cancelled);
    QCOMPARE(cancelled.error().code, QString(errc::cancelled));
    QVERIFY2(clock.elapsed() < 30'000, qPrintable(QString::number(clock.elapsed())));
}

void TestSafeFetcher::credentialsAndCookiesAreNeverSent()
{
    Site site;
    site.handler = [](HttpExchange *e) {
        e->respond(page(200, "ok", {{"Set-Cookie", "session=abc; Path=/"}}));
    };
    QVERIFY(site.server.listen());
    auto f = fetcher(true);
    m_dns->answers[QStringLiteral("site.test")] = {addresses({"127.0.0.1"})};
    const QUrl url(QStringLiteral("http://user:secret@site.test:%1/").arg(site.server.port()));
    for (int i = 0; i < 2; ++i) {
        const auto fetched = get(*f, url);
        QVERIFY2(fetched, test::errorText(fetched).constData());
    }
    QCOMPARE(site.seen.size(), 2);
    for (const auto &seen : std::as_const(site.seen)) {
        QVERIFY(seen.authorization.isEmpty());
        QVERIFY(seen.cookie.isEmpty());
    }
}

void TestSafeFetcher::httpsVerifiesTheNameNotTheAddress()
{
    // Debian's Qt has its OpenSSL backend in libqt6network6: without it this check cannot be made,
    // and that is a broken machine, not a pass.
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend here (libqt6network6's OpenSSL plugin)");
    TlsSite site;
    QVERIFY(site.listen());
    // Trust the test certificate for this test only.
    const QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
    QSslConfiguration trusting = saved;
    QFile crt(QStringLiteral(LUX_TEST_DATA_DIR "/safefetcher/secure.crt"));
    QVERIFY(crt.open(QIODevice::ReadOnly));
    trusting.addCaCertificate(QSslCertificate(&crt));
    QSslConfiguration::setDefaultConfiguration(trusting);
    struct Restore
    {
        QSslConfiguration config;
        ~Restore() { QSslConfiguration::setDefaultConfiguration(config); }
    } restore{saved};

    auto f = fetcher(true);
    m_dns->answers[QStringLiteral("secure.test")] = {addresses({"127.0.0.1"})};
    m_dns->answers[QStringLiteral("wrong.test")] = {addresses({"127.0.0.1"})};
    // Connected to 127.0.0.1, verified as secure.test: the certificate names no address, so this
    // passes only because the name, not the address, is what the certificate is checked against.
    const auto fetched = get(*f, QUrl(QStringLiteral("https://secure.test:%1/").arg(site.server.serverPort())));
    QVERIFY2(fetched, test::errorText(fetched).constData());
    QCOMPARE(fetched->body, QByteArray("secure page"));
    QCOMPARE(site.requests.size(), 1);
    QVERIFY2(site.requests[0].contains(QStringLiteral("\r\nHost: secure.test:%1\r\n").arg(site.server.serverPort()).toLatin1()),
             site.requests[0].constData());

    // The same server under another name: its certificate does not name wrong.test, and the kept-alive
    // connection verified for secure.test is not reused for it.
    const auto wrong = get(*f, QUrl(QStringLiteral("https://wrong.test:%1/").arg(site.server.serverPort())));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, QString(errc::fetchNetwork));
    QCOMPARE(site.requests.size(), 1);
}

void TestSafeFetcher::ipv6Connection()
{
    Site site;
    site.handler = [](HttpExchange *e) { e->respond(page(200, "six")); };
    if (!site.server.listen(QHostAddress(QHostAddress::LocalHostIPv6)))
        QSKIP("this machine has no IPv6 loopback (::1) to listen on; the IPv6 forms are still judged by the address rows");
    auto f = fetcher();
    FetchOptions allow;
    allow.allowPrivate = true;
    // Written as an address in brackets, and as a name that resolves to it: both pinned to [::1].
    const auto literal = get(*f, QUrl(QStringLiteral("http://[::1]:%1/").arg(site.server.port())), allow);
    QVERIFY2(literal, test::errorText(literal).constData());
    QCOMPARE(literal->body, QByteArray("six"));
    QCOMPARE(site.seen.last().host, QStringLiteral("[::1]:%1").arg(site.server.port()).toLatin1());
    m_dns->answers[QStringLiteral("six.test")] = {addresses({"::1"})};
    const auto named = get(*f, QUrl(QStringLiteral("http://six.test:%1/").arg(site.server.port())), allow);
    QVERIFY2(named, test::errorText(named).constData());
    QCOMPARE(named->address, QHostAddress(QHostAddress::LocalHostIPv6));
    QCOMPARE(site.seen.last().host, QStringLiteral("six.test:%1").arg(site.server.port()).toLatin1());
    QCOMPARE(site.seen.size(), 2);
}

LUX_TEST_MAIN(TestSafeFetcher, QCoreApplication)
#include "tst_safefetcher.moc"
