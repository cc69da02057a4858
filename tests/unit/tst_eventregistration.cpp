// SPDX-License-Identifier: GPL-3.0-or-later
// lux-tracker's registrations, on a real process over loopback: the forms API, the page, the
// answers (page or JSON), field errors, the honeypot, the proof of work (missing, forged, spent,
// solved, and the no-script path that waits and asks for the double opt-in), double opt-in (GET
// never acts, POST confirms), holds that lapse and promote, cancellations that promote, a capacity
// raised, and no oversell: 1,000 registrations at once from many connections with cancellations
// mixed in, checked against a replay of the event log, then SIGKILL and every acknowledged one is
// in the database.
#include "proofofwork.h"
#include "testsupport.h"
#include "trackerprocess.h"
#include "tracking/token.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <deque>
#include <memory>
#include <set>

using namespace lux;
using namespace lux::test;

namespace {

QByteArray form(const QList<QPair<QString, QString>> &fields)
{
    QUrlQuery q;
    for (const auto &[k, v] : fields)
        q.addQueryItem(k, QString::fromUtf8(QUrl::toPercentEncoding(v)));
    return q.toString(QUrl::FullyEncoded).toUtf8();
}

const QList<QPair<QByteArray, QByteArray>> kJson{{"Accept", "application/json"}, {"Content-Type", "application/x-www-form-urlencoded"}};
const QList<QPair<QByteArray, QByteArray>> kForm{{"Content-Type", "application/x-www-form-urlencoded"}};

} // namespace

class TestEventRegistration : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TrackerProcess> m_tracker;
    QNetworkAccessManager m_nam;
    qint64 m_revision = 0;

    QList<QPair<QByteArray, QByteArray>> bearer() const { return {{"Authorization", "Bearer " + m_tracker->apiToken()}, {"Content-Type", "application/json"}}; }

    HttpAnswer publish(const QString &slug, QJsonObject o)
    {
        if (!o.contains(QStringLiteral("revision")))
            o.insert(QStringLiteral("revision"), ++m_revision);
        return httpRequest(m_nam, "PUT", m_tracker->url(QStringLiteral("/api/v1/forms/") + slug), QJsonDocument(o).toJson(), bearer());
    }
    QJsonObject formState(const QString &slug)
    {
        return QJsonDocument::fromJson(httpRequest(m_nam, "GET", m_tracker->url(QStringLiteral("/api/v1/forms/") + slug), {}, bearer()).body).object();
    }
    QJsonObject registerJson(const QString &slug, const QList<QPair<QString, QString>> &fields, int *status = nullptr)
    {
        const HttpAnswer a = httpRequest(m_nam, "POST", m_tracker->url(QStringLiteral("/e/") + slug), form(fields), kJson);
        if (status)
            *status = a.status;
        return QJsonDocument::fromJson(a.body).object();
    }
    QList<QJsonObject> registrationEvents(qint64 after = 0)
    {
        QList<QJsonObject> out;
        for (;;) {
            const HttpAnswer a = httpRequest(m_nam, "GET", m_tracker->url(QStringLiteral("/api/v1/events?after=%1&limit=5000").arg(after)), {},
                                             {{"Authorization", "Bearer " + m_tracker->apiToken()}});
            const QJsonObject o = QJsonDocument::fromJson(a.body).object();
            for (const QJsonValue &e : o.value(QStringLiteral("events")).toArray())
                if (e.toObject().value(QStringLiteral("type")).toString() == u"registration")
                    out.append(e.toObject());
            after = o.value(QStringLiteral("cursor")).toString().toLongLong();
            if (!o.value(QStringLiteral("more")).toBool())
                return out;
        }
    }
    QString linkPath(const QString &slug, tracking::Purpose purpose, quint64 event, qint64 registration) const
    {
        const tracking::TokenCodec codec(*tracking::KeyRing::parse(m_tracker->keys()));
        return QStringLiteral("/e/%1/%2/%3")
            .arg(slug, purpose == tracking::Purpose::RegistrationConfirm ? QStringLiteral("confirm") : QStringLiteral("cancel"),
                 codec.sign(tracking::Claims{.purpose = purpose, .campaign = event, .recipient = quint64(registration)}));
    }
    static QJsonObject basic(quint64 event, int capacity, bool doubleOptIn = false, int difficulty = 0)
    {
        return QJsonObject{{QStringLiteral("event"), qint64(event)},
                           {QStringLiteral("title"), QStringLiteral("Spring launch")},
                           {QStringLiteral("when"), QStringLiteral("Thursday 14 May 2026, 18:00 to 20:00 (Europe/Madrid)")},
                           {QStringLiteral("where"), QStringLiteral("Calle Mayor 1, Madrid")},
                           {QStringLiteral("capacity"), capacity},
                           {QStringLiteral("double_opt_in"), doubleOptIn},
                           {QStringLiteral("pow_difficulty"), difficulty}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_tracker = std::make_unique<TrackerProcess>(QStringLiteral(LUX_TRACKER_PATH), m_dir.path(), QStringList{QStringLiteral("--rate-limit"), QStringLiteral("0")});
        QVERIFY2(m_tracker->start(), m_tracker->output().constData());
    }

    void cleanupTestCase()
    {
        if (m_tracker)
            QVERIFY2(m_tracker->stop(), m_tracker->output().constData());
    }

    void publishIsCheckedAndAuthorised()
    {
        const HttpAnswer anonymous = httpRequest(m_nam, "PUT", m_tracker->url(QStringLiteral("/api/v1/forms/a-form")), "{}", kForm);
        QCOMPARE(anonymous.status, 401);
        QJsonObject o = basic(1, 10);
        o.insert(QStringLiteral("questions"), QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("choice")},
                                                                      {QStringLiteral("label"), QStringLiteral("Diet")},
                                                                      {QStringLiteral("choices"), QJsonArray{QStringLiteral("Any")}}}});
        const HttpAnswer bad = publish(QStringLiteral("a-form"), o);
        QCOMPARE(bad.status, 400);
        QVERIFY2(bad.body.contains("questions[0].choices"), bad.body.constData());
        const HttpAnswer badSlug = publish(QStringLiteral("Not_A_Slug"), basic(1, 10));
        QCOMPARE(badSlug.status, 404); // not a route at all
        QCOMPARE(publish(QStringLiteral("a-form"), basic(1, 10)).status, 200);
        QJsonObject stale = basic(1, 10);
        stale.insert(QStringLiteral("revision"), 1);
        const HttpAnswer older = publish(QStringLiteral("a-form"), stale);
        QCOMPARE(older.status, 409);
        QVERIFY(older.body.contains("stale"));
        const HttpAnswer other = publish(QStringLiteral("a-form"), basic(2, 10));
        QCOMPARE(other.status, 409); // the slug belongs to event 1
    }

    void pageIsSelfContained()
    {
        QJsonObject o = basic(3, 5, true, 12);
        o.insert(QStringLiteral("questions"), QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("text")},
                                                                      {QStringLiteral("label"), QStringLiteral("Company <b>name</b>")},
                                                                      {QStringLiteral("required"), true}}});
        o.insert(QStringLiteral("consent_version"), 2);
        o.insert(QStringLiteral("consent_text"), QStringLiteral("Send me news about Acme's events."));
        QCOMPARE(publish(QStringLiteral("page-test"), o).status, 200);
        const HttpAnswer page = httpRequest(m_nam, "GET", m_tracker->url(QStringLiteral("/e/page-test")));
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        const QByteArray csp = page.header("Content-Security-Policy");
        QVERIFY2(csp.contains("default-src 'none'") && csp.contains("script-src 'sha256-") && csp.contains("frame-ancestors 'none'"), csp.constData());
        QCOMPARE(page.header("X-Frame-Options"), QByteArray("DENY"));
        for (const char *field : {"name=\"email\"", "name=\"first_name\"", "name=\"last_name\"", "name=\"q1\"", "name=\"consent\"",
                                  "name=\"website\"", "name=\"pow_challenge\"", "data-difficulty=\"12\"", "5 seats left", "Calle Mayor 1"})
            QVERIFY2(page.body.contains(field), field);
        QVERIFY(page.body.contains("Company &lt;b&gt;name&lt;/b&gt;")); // the label is text, not markup
        QVERIFY(!page.body.contains("src=\"http") && !page.body.contains("href=\"http")); // nothing from elsewhere
        QVERIFY2(page.body.size() < 12 * 1024, QByteArray::number(page.body.size()).constData());
        const HttpAnswer embed = httpRequest(m_nam, "GET", m_tracker->url(QStringLiteral("/e/page-test/embed")));
        QCOMPARE(embed.status, 200);
        QVERIFY(embed.header("Content-Security-Policy").contains("frame-ancestors *"));
        QVERIFY(embed.header("X-Frame-Options").isEmpty());
        QVERIFY(embed.body.contains("name=\"source\" value=\"embed\""));
        QVERIFY(!embed.body.contains("Calle Mayor 1")); // the form only
        QCOMPARE(httpRequest(m_nam, "GET", m_tracker->url(QStringLiteral("/e/no-such-event"))).status, 404);

        QJsonObject es = basic(4, 0);
        es.insert(QStringLiteral("language"), QStringLiteral("es"));
        QCOMPARE(publish(QStringLiteral("pagina"), es).status, 200);
        const HttpAnswer spanish = httpRequest(m_nam, "GET", m_tracker->url(QStringLiteral("/e/pagina")));
        QVERIFY(spanish.body.contains("<html lang=\"es\">"));
        QVERIFY2(spanish.body.contains("Inscribirme"), spanish.body.constData());
    }

    void answersAndFieldErrors()
    {
        QJsonObject o = basic(5, 1);
        o.insert(QStringLiteral("questions"), QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("choice")},
                                                                      {QStringLiteral("label"), QStringLiteral("Diet")},
                                                                      {QStringLiteral("choices"), QJsonArray{QStringLiteral("Any"), QStringLiteral("Vegetarian")}},
                                                                      {QStringLiteral("required"), true}},
                                                         QJsonObject{{QStringLiteral("kind"), QStringLiteral("checkbox")},
                                                                     {QStringLiteral("label"), QStringLiteral("Parking")}}});
        QCOMPARE(publish(QStringLiteral("answers"), o).status, 200);
        int status = 0;
        const QJsonObject errors = registerJson(QStringLiteral("answers"), {{QStringLiteral("email"), QStringLiteral("not an address")},
                                                                             {QStringLiteral("q1"), QStringLiteral("Meat")}}, &status);
        QCOMPARE(status, 422);
        const QJsonObject why = errors.value(QStringLiteral("errors")).toObject();
        QVERIFY(why.contains(QStringLiteral("email")));
        QVERIFY(why.contains(QStringLiteral("q1")));
        QCOMPARE(why.size(), 2);
        const QJsonObject missing = registerJson(QStringLiteral("answers"), {{QStringLiteral("email"), QStringLiteral("ana@example.com")}}, &status);
        QCOMPARE(status, 422);
        QVERIFY(missing.value(QStringLiteral("errors")).toObject().contains(QStringLiteral("q1")));

        const QJsonObject first = registerJson(QStringLiteral("answers"), {{QStringLiteral("email"), QStringLiteral("Ana@Example.com")},
                                                                            {QStringLiteral("first_name"), QStringLiteral("Ana")},
                                                                            {QStringLiteral("q1"), QStringLiteral("Vegetarian")},
                                                                            {QStringLiteral("q2"), QStringLiteral("1")}}, &status);
        QCOMPARE(status, 200);
        QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("confirmed"));
        QVERIFY(first.value(QStringLiteral("cancel_url")).toString().contains(QStringLiteral("/e/answers/cancel/")));
        // The same address again (a double click, a retried post, or someone else typing it): nothing
        // new, and nothing said about the registration (no status, no position, no cancel link).
        const QJsonObject again = registerJson(QStringLiteral("answers"), {{QStringLiteral("email"), QStringLiteral("ana@example.com")},
                                                                            {QStringLiteral("q1"), QStringLiteral("Any")}});
        QCOMPARE(again.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QVERIFY(again.value(QStringLiteral("existing")).toBool());
        QVERIFY(!again.contains(QStringLiteral("cancel_url")) && !again.contains(QStringLiteral("position")));
        const HttpAnswer againPage = httpRequest(m_nam, "POST", m_tracker->url(QStringLiteral("/e/answers")),
                                                 form({{QStringLiteral("email"), QStringLiteral("ANA@example.com")}, {QStringLiteral("q1"), QStringLiteral("Any")}}), kForm);
        QVERIFY(againPage.body.contains("data-status=\"existing\"") && !againPage.body.contains("/cancel/"));
        // A field sent twice is refused (which one would count?).
        registerJson(QStringLiteral("answers"), {{QStringLiteral("email"), QStringLiteral("x@example.com")}, {QStringLiteral("email"), QStringLiteral("y@example.com")},
                                                 {QStringLiteral("q1"), QStringLiteral("Any")}}, &status);
        QCOMPARE(status, 400);
        // As a page: the waiting list, with the position.
        const HttpAnswer page = httpRequest(m_nam, "POST", m_tracker->url(QStringLiteral("/e/answers")),
                                            form({{QStringLiteral("email"), QStringLiteral("ben@example.com")}, {QStringLiteral("q1"), QStringLiteral("Any")}}), kForm);
        QCOMPARE(page.status, 200);
        QVERIFY2(page.body.contains("data-status=\"waiting\"") && page.body.contains("number 1 on the waiting list"), page.body.constData());
        // A page with errors keeps what was typed.
        const HttpAnswer wrong = httpRequest(m_nam, "POST", m_tracker->url(QStringLiteral("/e/answers")),
                                             form({{QStringLiteral("email"), QStringLiteral("carla@")}, {QStringLiteral("first_name"), QStringLiteral("Carla")}}), kForm);
        QCOMPARE(wrong.status, 422);
        QVERIFY(wrong.body.contains("value=\"Carla\"") && wrong.body.contains("id=\"err-email\""));

        const QList<QJsonObject> events = registrationEvents();
        const auto ana = std::find_if(events.begin(), events.end(), [](const QJsonObject &e) { return e.value(QStringLiteral("email")).toString() == u"Ana@Example.com"; });
        QVERIFY(ana != events.end());
        QCOMPARE(ana->value(QStringLiteral("event")).toInteger(), 5);
        QCOMPARE(ana->value(QStringLiteral("change")).toString(), QStringLiteral("registered"));
        QCOMPARE(ana->value(QStringLiteral("answers")).toArray(), (QJsonArray{QStringLiteral("Vegetarian"), QStringLiteral("1")}));
        QCOMPARE(ana->value(QStringLiteral("first_name")).toString(), QStringLiteral("Ana"));
        QCOMPARE(std::count_if(events.begin(), events.end(), [](const QJsonObject &e) { return e.value(QStringLiteral("event")).toInteger() == 5; }), 2);
    }

    void honeypotAndClosedForms()
    {
        QCOMPARE(publish(QStringLiteral("honey"), basic(6, 10)).status, 200);
        int status = 0;
        registerJson(QStringLiteral("honey"), {{QStringLiteral("email"), QStringLiteral("bot@example.com")}, {QStringLiteral("website"), QStringLiteral("http://spam.example")}}, &status);
        QCOMPARE(status, 400);
        QCOMPARE(formState(QStringLiteral("honey")).value(QStringLiteral("taken")).toInt(), 0);
        // The embedded form says where it came from; its answer is the compact page.
        const HttpAnswer embedded = httpRequest(m_nam, "POST", m_tracker->url(QStringLiteral("/e/honey")),
                                                form({{QStringLiteral("email"), QStringLiteral("site@example.com")}, {QStringLiteral("source"), QStringLiteral("embed")}}), kForm);
        QCOMPARE(embedded.status, 200);
        QVERIFY(embedded.body.contains("<body class=\"embed\">"));
        QVERIFY(embedded.header("Content-Security-Policy").contains("frame-ancestors *"));
        bool embedSeen = false;
        for (const QJsonObject &e : registrationEvents())
            embedSeen |= e.value(QStringLiteral("email")).toString() == u"site@example.com" && e.value(QStringLiteral("source")).toString() == u"embed";
        QVERIFY(embedSeen);

        QJsonObject closed = basic(7, 10);
        closed.insert(QStringLiteral("closes_at"), QDateTime::currentMSecsSinceEpoch() - 1000);
        closed.insert(QStringLiteral("opens_at"), QDateTime::currentMSecsSinceEpoch() - 100'000);
        QCOMPARE(publish(QStringLiteral("closed"), closed).status, 200);
        const QJsonObject refused = registerJson(QStringLiteral("closed"), {{QStringLiteral("email"), QStringLiteral("late@example.com")}}, &status);
        QCOMPARE(status, 409);
        QVERIFY(refused.value(QStringLiteral("errors")).toObject().contains(QStringLiteral("form")));
        QVERIFY(httpRequest(m_nam, "GET", m_tracker->url(QStringLiteral("/e/closed"))).body.contains("Registration is closed."));
        QJsonObject cancelled = basic(7, 10);
        cancelled.insert(QStringLiteral("status"), QStringLiteral("cancelled"));
        QCOMPARE(publish(QStringLiteral("closed"), cancelled).status, 200);
        QVERIFY(httpRequest(m_nam, "GET", m_tracker->url(QStringLiteral("/e/closed"))).body.contains("This event is cancelled."));
    }

    void proofOfWork()
    {
        QCOMPARE(publish(QStringLiteral("work"), basic(8, 10, false, 10)).status, 200);
        const auto challenge = [&] {
            return QJsonDocument::fromJson(httpRequest(m_nam, "GET", m_tracker->url(QStringLiteral("/e/work/challenge"))).body)
                .object()
                .value(QStringLiteral("challenge"))
                .toString();
        };
        int status = 0;
        // A script posting without the work is refused.
        QJsonObject o = registerJson(QStringLiteral("work"), {{QStringLiteral("email"), QStringLiteral("script@example.com")}}, &status);
        QCOMPARE(status, 400);
        QVERIFY(o.value(QStringLiteral("errors")).toObject().contains(QStringLiteral("pow")));
        // Work that does not meet the difficulty, and a challenge not ours.
        const QString c1 = challenge();
        QByteArray weak;
        for (int n = 0;; ++n)
            if (tracker::ProofOfWork::zeroBits(c1.toLatin1(), QByteArray::number(n)) < 10) {
                weak = QByteArray::number(n);
                break;
            }
        registerJson(QStringLiteral("work"), {{QStringLiteral("email"), QStringLiteral("weak@example.com")}, {QStringLiteral("pow_challenge"), c1},
                                              {QStringLiteral("pow_nonce"), QString::fromLatin1(weak)}}, &status);
        QCOMPARE(status, 400);
        QString forged = c1;
        forged[5] = forged[5] == u'A' ? u'B' : u'A';
        registerJson(QStringLiteral("work"), {{QStringLiteral("email"), QStringLiteral("forged@example.com")}, {QStringLiteral("pow_challenge"), forged},
                                              {QStringLiteral("pow_nonce"), QString::fromLatin1(tracker::ProofOfWork::solve(forged.toLatin1(), 10))}}, &status);
        QCOMPARE(status, 400);
        // Solved: registered; the same challenge again: refused.
        const QString nonce = QString::fromLatin1(tracker::ProofOfWork::solve(c1.toLatin1(), 10));
        o = registerJson(QStringLiteral("work"), {{QStringLiteral("email"), QStringLiteral("person@example.com")}, {QStringLiteral("pow_challenge"), c1},
                                                  {QStringLiteral("pow_nonce"), nonce}}, &status);
        QCOMPARE(status, 200);
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("confirmed"));
        registerJson(QStringLiteral("work"), {{QStringLiteral("email"), QStringLiteral("replay@example.com")}, {QStringLiteral("pow_challenge"), c1},
                                              {QStringLiteral("pow_nonce"), nonce}}, &status);
        QCOMPARE(status, 400);
        // "No scripts" without a challenge the server issued: refused like any script.
        registerJson(QStringLiteral("work"), {{QStringLiteral("email"), QStringLiteral("nochallenge@example.com")}, {QStringLiteral("nojs"), QStringLiteral("1")}}, &status);
        QCOMPARE(status, 400);
        // A page without scripts: accepted after a short wait, and the address must be confirmed.
        QElapsedTimer timer;
        timer.start();
        o = registerJson(QStringLiteral("work"), {{QStringLiteral("email"), QStringLiteral("noscript@example.com")}, {QStringLiteral("pow_challenge"), challenge()},
                                                  {QStringLiteral("nojs"), QStringLiteral("1")}}, &status);
        QCOMPARE(status, 200);
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QVERIFY2(timer.elapsed() >= 2900, QByteArray::number(timer.elapsed()).constData());
        QCOMPARE(formState(QStringLiteral("work")).value(QStringLiteral("taken")).toInt(), 2);
    }

    void doubleOptInHoldsAndPromotes()
    {
        QJsonObject o = basic(9, 1, true);
        o.insert(QStringLiteral("hold_seconds"), 8);
        QCOMPARE(publish(QStringLiteral("optin"), o).status, 200);
        int status = 0;
        const QJsonObject a = registerJson(QStringLiteral("optin"), {{QStringLiteral("email"), QStringLiteral("a@example.com")}}, &status);
        QCOMPARE(a.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        const QJsonObject b = registerJson(QStringLiteral("optin"), {{QStringLiteral("email"), QStringLiteral("b@example.com")}});
        QCOMPARE(b.value(QStringLiteral("status")).toString(), QStringLiteral("waiting"));
        QCOMPARE(b.value(QStringLiteral("position")).toInt(), 1);
        const auto idOf = [&](const QString &email) -> qint64 {
            for (const QJsonObject &e : registrationEvents())
                if (e.value(QStringLiteral("email")).toString() == email)
                    return e.value(QStringLiteral("registration")).toInteger();
            return 0;
        };
        const qint64 aId = idOf(QStringLiteral("a@example.com"));
        const qint64 bId = idOf(QStringLiteral("b@example.com"));
        QVERIFY(aId > 0 && bId > aId);
        // B confirms its address while waiting: still waiting, no longer at risk of lapsing.
        const QString bConfirm = linkPath(QStringLiteral("optin"), tracking::Purpose::RegistrationConfirm, 9, bId);
        const HttpAnswer button = httpRequest(m_nam, "GET", m_tracker->url(bConfirm));
        QCOMPARE(button.status, 200);
        QVERIFY(button.body.contains("method=\"post\"") && button.body.contains("id=\"confirm\""));
        const auto changes = [&](qint64 id) {
            QStringList out;
            for (const QJsonObject &e : registrationEvents())
                if (e.value(QStringLiteral("registration")).toInteger() == id && e.value(QStringLiteral("event")).toInteger() == 9)
                    out << e.value(QStringLiteral("change")).toString() + QLatin1Char(':') + e.value(QStringLiteral("status")).toString();
            return out;
        };
        QCOMPARE(changes(bId), QStringList{QStringLiteral("registered:waiting")}); // the GET changed nothing
        const HttpAnswer confirmed = httpRequest(m_nam, "POST", m_tracker->url(bConfirm), {}, kForm);
        QCOMPARE(confirmed.status, 200);
        QVERIFY2(confirmed.body.contains("data-status=\"waiting\""), confirmed.body.constData());
        // A confirm link for another event's registration, or a cancel token used to confirm: not found.
        QCOMPARE(httpRequest(m_nam, "POST", m_tracker->url(linkPath(QStringLiteral("optin"), tracking::Purpose::RegistrationConfirm, 8, bId)), {}, kForm).status, 404);
        const QString wrongPurpose = linkPath(QStringLiteral("optin"), tracking::Purpose::RegistrationCancel, 9, bId).replace(QStringLiteral("/cancel/"), QStringLiteral("/confirm/"));
        QCOMPARE(httpRequest(m_nam, "POST", m_tracker->url(wrongPurpose), {}, kForm).status, 404);
        // A never confirms: after the hold, A lapses and B, first waiting, gets the seat, confirmed.
        QCOMPARE(changes(bId), (QStringList{QStringLiteral("registered:waiting"), QStringLiteral("confirmed:waiting")}));
        QTRY_COMPARE_WITH_TIMEOUT(changes(aId), (QStringList{QStringLiteral("registered:pending"), QStringLiteral("expired:expired")}), 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(changes(bId), (QStringList{QStringLiteral("registered:waiting"), QStringLiteral("confirmed:waiting"),
                                                             QStringLiteral("promoted:confirmed")}), 5'000);
        // A's links no longer work; A can register again and waits for B's seat.
        const HttpAnswer late = httpRequest(m_nam, "POST", m_tracker->url(linkPath(QStringLiteral("optin"), tracking::Purpose::RegistrationConfirm, 9, aId)), {}, kForm);
        QCOMPARE(late.status, 410);
        const QJsonObject again = registerJson(QStringLiteral("optin"), {{QStringLiteral("email"), QStringLiteral("a@example.com")}});
        QCOMPARE(again.value(QStringLiteral("status")).toString(), QStringLiteral("waiting"));
        // B cancels (GET shows a button, POST cancels): A is promoted, pending its confirmation.
        const QString bCancel = linkPath(QStringLiteral("optin"), tracking::Purpose::RegistrationCancel, 9, bId);
        QVERIFY(httpRequest(m_nam, "GET", m_tracker->url(bCancel)).body.contains("id=\"cancel\""));
        QCOMPARE(changes(bId).size(), 3);
        QCOMPARE(httpRequest(m_nam, "POST", m_tracker->url(bCancel), {}, kForm).status, 200);
        QCOMPARE(changes(bId).constLast(), QStringLiteral("cancelled:cancelled"));
        const QJsonObject state = formState(QStringLiteral("optin"));
        QCOMPARE(state.value(QStringLiteral("taken")).toInt(), 1);
        QCOMPARE(state.value(QStringLiteral("waiting")).toInt(), 0);
        // A second cancel says so and changes nothing.
        const HttpAnswer twice = httpRequest(m_nam, "POST", m_tracker->url(bCancel), {}, kForm);
        QVERIFY(twice.body.contains("Already cancelled"));
        QCOMPARE(changes(bId).size(), 4);
    }

    // Seats the app gave by hand are never offered on the page.
    void reservedSeatsAreNotOffered()
    {
        QJsonObject o = basic(12, 2);
        o.insert(QStringLiteral("reserved"), 1);
        QCOMPARE(publish(QStringLiteral("reserved"), o).status, 200);
        QVERIFY(httpRequest(m_nam, "GET", m_tracker->url(QStringLiteral("/e/reserved"))).body.contains("1 seat left"));
        QCOMPARE(registerJson(QStringLiteral("reserved"), {{QStringLiteral("email"), QStringLiteral("r1@example.com")}}).value(QStringLiteral("status")).toString(),
                 QStringLiteral("confirmed"));
        QCOMPARE(registerJson(QStringLiteral("reserved"), {{QStringLiteral("email"), QStringLiteral("r2@example.com")}}).value(QStringLiteral("status")).toString(),
                 QStringLiteral("waiting"));
        // The hand-added person cancelled in the app: the next revision frees the seat, and it is given at once.
        o.insert(QStringLiteral("reserved"), 0);
        const QJsonObject state = QJsonDocument::fromJson(publish(QStringLiteral("reserved"), o).body).object();
        QCOMPARE(state.value(QStringLiteral("taken")).toInt(), 2);
        QCOMPARE(state.value(QStringLiteral("waiting")).toInt(), 0);
    }

    void raisingCapacityPromotes()
    {
        QCOMPARE(publish(QStringLiteral("grow"), basic(10, 1)).status, 200);
        for (const char *email : {"g1@example.com", "g2@example.com", "g3@example.com"})
            registerJson(QStringLiteral("grow"), {{QStringLiteral("email"), QString::fromLatin1(email)}});
        QCOMPARE(formState(QStringLiteral("grow")).value(QStringLiteral("waiting")).toInt(), 2);
        const HttpAnswer grown = publish(QStringLiteral("grow"), basic(10, 2));
        QCOMPARE(grown.status, 200);
        const QJsonObject state = QJsonDocument::fromJson(grown.body).object();
        QCOMPARE(state.value(QStringLiteral("taken")).toInt(), 2);
        QCOMPARE(state.value(QStringLiteral("waiting")).toInt(), 1);
        QStringList promoted;
        for (const QJsonObject &e : registrationEvents())
            if (e.value(QStringLiteral("event")).toInteger() == 10 && e.value(QStringLiteral("change")).toString() == u"promoted")
                promoted << e.value(QStringLiteral("email")).toString();
        QCOMPARE(promoted, QStringList{QStringLiteral("g2@example.com")});
    }

    // 1,000 people at once for 100 seats, from many connections, with cancellations sent while the
    // registrations still arrive. The event log, replayed, must show every decision right: a seat
    // only while one was free and nobody waited, the waiting list in arrival order, every promotion
    // the head of the list; and exactly 100 hold a seat at the end.
    void noOversell()
    {
        constexpr int kPeople = 1000, kSeats = 100, kManagers = 16; // 16 × 6 connections
        QCOMPARE(publish(QStringLiteral("rush"), basic(11, kSeats)).status, 200);
        std::vector<std::unique_ptr<QNetworkAccessManager>> nams;
        for (int i = 0; i < kManagers; ++i)
            nams.push_back(std::make_unique<QNetworkAccessManager>());
        int pending = 0, answered = 0, failed = 0, cancels = 0;
        QSet<QString> acknowledged;
        QEventLoop loop;
        const auto post = [&](QNetworkAccessManager &nam, const QUrl &url, const QByteArray &body, std::function<void(int, const QByteArray &)> then) {
            QNetworkRequest req(url);
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
            req.setRawHeader("Accept", "application/json");
            QNetworkReply *reply = nam.post(req, body);
            ++pending;
            connect(reply, &QNetworkReply::finished, this, [&, reply, then] {
                reply->deleteLater();
                then(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll());
                if (--pending == 0)
                    loop.quit();
            });
        };
        for (int i = 0; i < kPeople; ++i) {
            const QString email = QStringLiteral("p%1@example.com").arg(i);
            post(*nams[size_t(i % kManagers)], m_tracker->url(QStringLiteral("/e/rush")), form({{QStringLiteral("email"), email}}),
                 [&, i, email](int status, const QByteArray &body) {
                     if (status != 200) {
                         ++failed;
                         return;
                     }
                     ++answered;
                     acknowledged.insert(email);
                     const QJsonObject o = QJsonDocument::fromJson(body).object();
                     // Every 9th confirmed and every 13th waiting person changes their mind at once.
                     const bool confirmed = o.value(QStringLiteral("status")).toString() == u"confirmed";
                     if ((confirmed && i % 9 == 0) || (!confirmed && i % 13 == 0)) {
                         ++cancels;
                         post(*nams[size_t((i + 7) % kManagers)], QUrl(o.value(QStringLiteral("cancel_url")).toString()), {},
                              [&](int cancelStatus, const QByteArray &) {
                                  if (cancelStatus != 200)
                                      ++failed;
                              });
                     }
                 });
        }
        QTimer::singleShot(120'000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(pending, 0);
        QCOMPARE(failed, 0);
        QCOMPARE(answered, kPeople);
        QVERIFY(cancels > 20);

        // Replay the log in commit order.
        std::set<qint64> seats;
        std::deque<qint64> waiting;
        int promotions = 0;
        for (const QJsonObject &e : registrationEvents()) {
            if (e.value(QStringLiteral("event")).toInteger() != 11)
                continue;
            const qint64 id = e.value(QStringLiteral("registration")).toInteger();
            const QString change = e.value(QStringLiteral("change")).toString();
            const QString status = e.value(QStringLiteral("status")).toString();
            if (change == u"registered") {
                if (status == u"confirmed") {
                    QVERIFY2(seats.size() < size_t(kSeats) && waiting.empty(), qPrintable(QStringLiteral("seat given to %1 while full or people waited").arg(id)));
                    seats.insert(id);
                } else {
                    QCOMPARE(status, QStringLiteral("waiting"));
                    QCOMPARE(seats.size(), size_t(kSeats));
                    QVERIFY(waiting.empty() || waiting.back() < id); // arrival order
                    waiting.push_back(id);
                    QCOMPARE(e.value(QStringLiteral("position")).toInt(), int(waiting.size()));
                }
            } else if (change == u"cancelled") {
                if (seats.erase(id) == 0) {
                    const auto it = std::find(waiting.begin(), waiting.end(), id);
                    QVERIFY(it != waiting.end());
                    waiting.erase(it);
                }
            } else if (change == u"promoted") {
                QVERIFY(!waiting.empty());
                QCOMPARE(id, waiting.front()); // the first person waiting, nobody else
                QVERIFY(seats.size() < size_t(kSeats));
                waiting.pop_front();
                seats.insert(id);
                ++promotions;
            } else {
                QFAIL(qPrintable(QStringLiteral("unexpected change %1").arg(change)));
            }
            // After each committed decision, no seat is free while someone waits.
            if (change != u"cancelled")
                QVERIFY(seats.size() <= size_t(kSeats));
        }
        QCOMPARE(seats.size(), size_t(kSeats));
        QVERIFY(promotions > 0);
        const QJsonObject state = formState(QStringLiteral("rush"));
        QCOMPARE(state.value(QStringLiteral("taken")).toInt(), kSeats);
        QCOMPARE(state.value(QStringLiteral("waiting")).toInt(), int(waiting.size()));
        qInfo("1,000 registrations for 100 seats: %d cancellations, %d promotions, %d waiting", cancels, promotions, int(waiting.size()));

        // Every acknowledged registration is in the database after SIGKILL.
        m_tracker->kill();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(m_tracker->dbPath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT email, state FROM registrations WHERE slug = 'rush'")));
            QSet<QString> stored;
            int holding = 0;
            while (q.next()) {
                stored.insert(q.value(0).toString());
                holding += q.value(1).toString() == u"confirmed" || q.value(1).toString() == u"pending";
            }
            QCOMPARE(stored, acknowledged);
            QCOMPARE(holding, kSeats);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        QVERIFY2(m_tracker->start(), m_tracker->output().constData());
        const QJsonObject restarted = formState(QStringLiteral("rush"));
        QCOMPARE(restarted.value(QStringLiteral("taken")).toInt(), kSeats);
        QCOMPARE(restarted.value(QStringLiteral("waiting")).toInt(), int(waiting.size()));
    }
};

QTEST_GUILESS_MAIN(TestEventRegistration)
#include "tst_eventregistration.moc"
