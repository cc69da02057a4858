// SPDX-License-Identifier: GPL-3.0-or-later
// lux-tracker's events: the registration page, registrations, the confirm and cancel links, and the
// app's forms API (docs/EVENTS.md has the contract).
#include "pages.h"
#include "request.h"
#include "trackerserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTranslator>

#include <microhttpd.h>

#include <chrono>
#include <cstring>

namespace lux::tracker {

namespace {

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool wantsJson(MHD_Connection *c)
{
    const char *accept = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT);
    return accept && std::strstr(accept, "application/json");
}

// An address a person could have typed: one @, something either side, a dot in the domain, no
// spaces or control characters, within RFC 5321's lengths. The mailbox's existence is for the
// double opt-in to find out.
bool plausibleEmail(const QString &email)
{
    static const QRegularExpression re(QStringLiteral("^[^\\s@<>()\\[\\],;:\"\\\\]{1,64}@[^\\s@<>()\\[\\],;:\"\\\\]+\\.[^\\s@<>()\\[\\],;:\"\\\\.]{2,}$"));
    return email.size() <= 254 && re.match(email).hasMatch();
}

QString cleanText(const QByteArray &raw, qsizetype max)
{
    QString v = QString::fromUtf8(raw).trimmed();
    v.remove(QChar(0));
    if (v.size() > max)
        v.truncate(max);
    return v;
}

} // namespace

const QTranslator *TrackerServer::translator(const QString &language) const
{
    return language == u"es" ? m_spanish.get() : m_english.get();
}

QString TrackerServer::publicBase(MHD_Connection *c) const
{
    if (!m_config.publicUrl.isEmpty())
        return m_config.publicUrl;
    // Without a configured address, the one the client used (only for links handed back to it).
    const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
    QString h = QString::fromLatin1(host ? host : "");
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9.:\\[\\]-]{1,255}$"));
    if (!safe.match(h).hasMatch())
        h = m_config.host + QLatin1Char(':') + QString::number(m_port);
    return QStringLiteral("http://") + h;
}

int TrackerServer::eventAnswer(MHD_Connection *c, Request &r, int status, const QByteArray &html, bool embed)
{
    MHD_Response *resp = MHD_create_response_from_buffer(size_t(html.size()), const_cast<char *>(html.constData()), MHD_RESPMEM_MUST_COPY);
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, "text/html; charset=utf-8");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "Cache-Control", "no-store, private, max-age=0");
    MHD_add_response_header(resp, "Content-Security-Policy", EventPages::contentSecurityPolicy(embed).constData());
    if (!embed)
        MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    return respondOwned(c, r, status, resp);
}

int TrackerServer::jsonAnswer(MHD_Connection *c, Request &r, int status, const QJsonObject &o)
{
    const QByteArray body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    MHD_Response *resp = MHD_create_response_from_buffer(size_t(body.size()), const_cast<char *>(body.constData()), MHD_RESPMEM_MUST_COPY);
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, "application/json");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Cache-Control", "no-store");
    return respondOwned(c, r, status, resp);
}

bool TrackerServer::park(MHD_Connection *c, Request &r, const DeskCall &call)
{
    ++m_parked; // counted in before m_stopping is read: stop() either sees us or we see it
    if (m_stopping.load()) {
        --m_parked;
        return false;
    }
    r.parked = true;
    r.outcome = std::make_shared<RegistrationDesk::Outcome>();
    m_guard->answering(guarded(c)); // its body is in: no body deadline while the desk decides
    MHD_suspend_connection(c);
    Request *parked = &r; // lives until the connection completes, which cannot happen while suspended
    const bool queued = call([this, c, parked](const RegistrationDesk::Outcome &o) {
        *parked->outcome = o;
        if (parked->delayed && steadyNs() < parked->resumeAfterNs) {
            {
                std::lock_guard lock(m_resumeMutex);
                m_resumeAt.emplace(parked->resumeAfterNs, c);
            }
            m_resumeWake.notify_one();
            return;
        }
        MHD_resume_connection(c);
    });
    if (!queued) {
        r.outcome->problem = RegistrationDesk::Problem::Stopping;
        MHD_resume_connection(c);
    }
    return true;
}

void TrackerServer::resumeLoop()
{
    std::unique_lock lock(m_resumeMutex);
    for (;;) {
        if (m_resumeAt.empty()) {
            if (m_resumerStopping)
                return;
            m_resumeWake.wait(lock);
            continue;
        }
        const auto first = m_resumeAt.begin();
        const qint64 now = steadyNs();
        if (first->first > now && !m_resumerStopping) {
            m_resumeWake.wait_for(lock, std::chrono::nanoseconds(first->first - now));
            continue;
        }
        MHD_Connection *c = first->second;
        m_resumeAt.erase(first);
        MHD_resume_connection(c);
    }
}

int TrackerServer::eventPage(MHD_Connection *c, Request &r, bool embed)
{
    const auto form = m_desk->form(r.slug);
    if (!form)
        return respond(c, r, MHD_HTTP_NOT_FOUND, m_notFound);
    const FormDefinition &f = *form->definition;
    const PageText t(translator(f.language));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    EventPages::FormState s;
    s.form = &f;
    s.taken = form->taken;
    s.embed = embed;
    s.now = now;
    if (f.powDifficulty > 0 && f.open(now))
        s.challenge = m_pow.challenge(f.slug, f.powDifficulty, now);
    return eventAnswer(c, r, MHD_HTTP_OK, EventPages::form(t, s), embed);
}

int TrackerServer::eventChallenge(MHD_Connection *c, Request &r)
{
    const auto form = m_desk->form(r.slug);
    if (!form)
        return jsonAnswer(c, r, MHD_HTTP_NOT_FOUND, QJsonObject{{QStringLiteral("errors"), QJsonObject{{QStringLiteral("form"), QStringLiteral("No such event.")}}}});
    const int difficulty = form->definition->powDifficulty;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return jsonAnswer(c, r, MHD_HTTP_OK,
                      QJsonObject{{QStringLiteral("challenge"), difficulty > 0 ? QString::fromLatin1(m_pow.challenge(r.slug, difficulty, now)) : QString()},
                                  {QStringLiteral("difficulty"), difficulty},
                                  {QStringLiteral("expires_at"), now + ProofOfWork::kLifetimeMs}});
}

int TrackerServer::eventRegister(MHD_Connection *c, Request &r)
{
    const bool json = wantsJson(c);
    const auto form = m_desk->form(r.slug);
    const auto retryLater = [&] {
        if (json)
            return jsonAnswer(c, r, MHD_HTTP_SERVICE_UNAVAILABLE,
                              QJsonObject{{QStringLiteral("errors"), QJsonObject{{QStringLiteral("form"), QStringLiteral("Not stored; please try again.")}}}});
        return eventAnswer(c, r, MHD_HTTP_SERVICE_UNAVAILABLE,
                           EventPages::message(PageText(nullptr), QStringLiteral("en"), QStringLiteral("Please try again"),
                                               QStringLiteral("Your registration could not be stored. Please send the form again in a minute.")));
    };
    if (!form) {
        if (r.parked) {
            r.parked = false;
            --m_parked;
        }
        return json ? jsonAnswer(c, r, MHD_HTTP_NOT_FOUND,
                                 QJsonObject{{QStringLiteral("errors"), QJsonObject{{QStringLiteral("form"), QStringLiteral("No such event.")}}}})
                    : respond(c, r, MHD_HTTP_NOT_FOUND, m_notFound);
    }
    const FormDefinition &f = *form->definition;
    const PageText t(translator(f.language));
    const bool embed = r.fields.value(QStringLiteral("source")) == "embed";
    const qint64 now = QDateTime::currentMSecsSinceEpoch();

    if (r.parked) { // resumed: the desk has decided
        r.parked = false;
        --m_parked;
        const RegistrationDesk::Outcome &o = *r.outcome;
        switch (o.problem) {
        case RegistrationDesk::Problem::None: {
            const Registration &reg = o.registration;
            if (o.existing) {
                // Registered already: say only that the email has the details. The answer must not
                // tell anyone who typed an address whether it is registered, let alone hand out its
                // cancel link.
                if (json)
                    return jsonAnswer(c, r, MHD_HTTP_OK, QJsonObject{{QStringLiteral("status"), QStringLiteral("pending")}, {QStringLiteral("existing"), true}});
                return eventAnswer(c, r, MHD_HTTP_OK, EventPages::registeredAlready(t, f, embed), embed);
            }
            const QString cancelPath =
                QStringLiteral("/e/%1/cancel/%2")
                    .arg(f.slug, m_tokens.sign(tracking::Claims{.purpose = tracking::Purpose::RegistrationCancel,
                                                                .campaign = f.event,
                                                                .recipient = quint64(reg.id),
                                                                .language = tracking::languageFromTag(f.language)}));
            if (json) {
                const QString cancelUrl = publicBase(c) + cancelPath;
                QJsonObject answer{{QStringLiteral("status"), stateName(reg.state)}, {QStringLiteral("cancel_url"), cancelUrl}};
                answer.insert(QStringLiteral("position"), reg.state == RegistrationState::Waiting ? reg.position : 0);
                return jsonAnswer(c, r, MHD_HTTP_OK, answer);
            }
            return eventAnswer(c, r, MHD_HTTP_OK, EventPages::answer(t, f, reg, embed, cancelPath), embed);
        }
        case RegistrationDesk::Problem::Closed:
        case RegistrationDesk::Problem::NoForm:
            break; // answered below, as a form that closed before the post
        default:
            return retryLater();
        }
    }

    QHash<QString, QString> errors;
    QHash<QString, QString> values;
    const auto refuse = [&](int status, const QString &field, const QString &why) {
        if (json)
            return jsonAnswer(c, r, status, QJsonObject{{QStringLiteral("errors"), QJsonObject{{field, why}}}});
        EventPages::FormState s{.form = &f, .taken = form->taken, .embed = embed, .challenge = {}, .values = values, .errors = {{field, why}}, .now = now};
        if (f.powDifficulty > 0 && f.open(now))
            s.challenge = m_pow.challenge(f.slug, f.powDifficulty, now);
        return eventAnswer(c, r, status, EventPages::form(t, s), embed);
    };
    if (!f.open(now) || (r.outcome && r.outcome->problem != RegistrationDesk::Problem::None))
        return refuse(MHD_HTTP_CONFLICT, QStringLiteral("form"),
                      f.status == FormDefinition::Status::Cancelled ? t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "This event is cancelled."))
                                                                    : t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Registration is closed.")));
    if (!r.form || r.fieldsTooMany || r.fieldRepeated)
        return refuse(r.form ? MHD_HTTP_BAD_REQUEST : MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, QStringLiteral("form"),
                      r.form ? t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "The form has a field twice, or too many fields."))
                             : t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Send the form as application/x-www-form-urlencoded or multipart/form-data.")));
    // The honeypot: a person never sees the field. Nothing is stored and nothing says why.
    if (!r.fields.value(QStringLiteral("website")).isEmpty())
        return refuse(MHD_HTTP_BAD_REQUEST, QStringLiteral("form"), t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "The form could not be accepted.")));

    for (const char *name : {"email", "first_name", "last_name"})
        values.insert(QString::fromLatin1(name), cleanText(r.fields.value(QString::fromLatin1(name)), name[0] == 'e' ? 254 : 100));
    Submission sub;
    sub.slug = f.slug;
    sub.email = values.value(QStringLiteral("email"));
    sub.firstName = values.value(QStringLiteral("first_name"));
    sub.lastName = values.value(QStringLiteral("last_name"));
    if (sub.email.isEmpty())
        errors.insert(QStringLiteral("email"), t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Enter your email address.")));
    else if (!plausibleEmail(sub.email))
        errors.insert(QStringLiteral("email"), t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "This does not look like an email address.")));
    for (int i = 0; i < f.questions.size(); ++i) {
        const FormQuestion &q = f.questions.at(i);
        const QString name = QStringLiteral("q%1").arg(i + 1);
        QString answer = cleanText(r.fields.value(name), 1000);
        if (q.kind == FormQuestion::Kind::Checkbox)
            answer = answer.isEmpty() || answer == u"0" ? QStringLiteral("0") : QStringLiteral("1");
        values.insert(name, answer);
        if (q.required && (answer.isEmpty() || (q.kind == FormQuestion::Kind::Checkbox && answer == u"0")))
            errors.insert(name, t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "This question needs an answer.")));
        else if (q.kind == FormQuestion::Kind::Choice && !answer.isEmpty() && !q.choices.contains(answer))
            errors.insert(name, t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Choose one of the options.")));
        sub.answers.append(answer);
    }
    const QByteArray consent = r.fields.value(QStringLiteral("consent"));
    sub.consent = !f.consentText.isEmpty() && !consent.isEmpty() && consent != "0" && consent != "false";
    values.insert(QStringLiteral("consent"), sub.consent ? QStringLiteral("1") : QString());
    const QByteArray source = r.fields.value(QStringLiteral("source"));
    sub.source = source == "embed" ? QStringLiteral("embed") : source == "api" ? QStringLiteral("api") : QStringLiteral("link");

    if (!errors.isEmpty()) { // before the proof of work, which a corrected form sends again
        if (json) {
            QJsonObject e;
            for (auto it = errors.constBegin(); it != errors.constEnd(); ++it)
                e.insert(it.key(), it.value());
            return jsonAnswer(c, r, MHD_HTTP_UNPROCESSABLE_CONTENT, QJsonObject{{QStringLiteral("errors"), e}});
        }
        EventPages::FormState s{.form = &f, .taken = form->taken, .embed = embed, .challenge = {}, .values = values, .errors = errors, .now = now};
        if (f.powDifficulty > 0)
            s.challenge = m_pow.challenge(f.slug, f.powDifficulty, now);
        return eventAnswer(c, r, MHD_HTTP_UNPROCESSABLE_CONTENT, EventPages::form(t, s), embed);
    }
    // The proof of work: a challenge this server issued for this form, not expired, never used,
    // and solved. A page without scripts still sends its challenge (only the work is missing); it
    // is answered a few seconds later, holds a seat briefly, and must confirm the address by email.
    bool forceOptIn = false;
    if (f.powDifficulty > 0) {
        const QByteArray challenge = r.fields.value(QStringLiteral("pow_challenge"));
        const QByteArray nonce = r.fields.value(QStringLiteral("pow_nonce"));
        const bool noScript = nonce.isEmpty() && r.fields.value(QStringLiteral("nojs")) == "1";
        const ProofOfWork::Verdict v = m_pow.check(challenge, nonce, f.slug, f.powDifficulty, now, !noScript);
        if (v == ProofOfWork::Verdict::Expired || v == ProofOfWork::Verdict::TooEasy) {
            EventPages::FormState s{.form = &f, .taken = form->taken, .embed = embed, .challenge = {}, .values = values,
                                    .errors = {{QStringLiteral("pow"), t(QT_TRANSLATE_NOOP("lux::tracker::Pages",
                                                                                            "The page was open too long. Please send the form again."))}},
                                    .now = now};
            if (json)
                return jsonAnswer(c, r, MHD_HTTP_UNPROCESSABLE_CONTENT,
                                  QJsonObject{{QStringLiteral("errors"), QJsonObject{{QStringLiteral("pow"), s.errors.value(QStringLiteral("pow"))}}}});
            s.challenge = m_pow.challenge(f.slug, f.powDifficulty, now);
            return eventAnswer(c, r, MHD_HTTP_UNPROCESSABLE_CONTENT, EventPages::form(t, s), embed);
        }
        if (v == ProofOfWork::Verdict::Missing)
            return refuse(MHD_HTTP_BAD_REQUEST, QStringLiteral("pow"),
                          t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Send the form from its page: its check that you are not a robot is missing.")));
        if (v != ProofOfWork::Verdict::Valid)
            return refuse(MHD_HTTP_BAD_REQUEST, QStringLiteral("pow"),
                          t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "The check that you are not a robot did not pass. Please send the form again.")));
        forceOptIn = noScript;
    }
    sub.unproven = forceOptIn;
    sub.verified = !f.doubleOptIn && !forceOptIn;
    if (forceOptIn) {
        r.delayed = true;
        r.resumeAfterNs = r.startNs + qint64(m_config.noScriptDelayMs) * 1'000'000;
    }
    // Durable before the answer: the connection waits, suspended, while the desk decides and commits.
    if (!park(c, r, [&](RegistrationDesk::Done done) { return m_desk->submit(std::move(sub), now, std::move(done)); }))
        return retryLater();
    return MHD_YES;
}

int TrackerServer::eventLink(MHD_Connection *c, Request &r, bool confirm)
{
    const auto form = m_desk->form(r.slug);
    const auto claims = m_tokens.verify(r.token, confirm ? tracking::Purpose::RegistrationConfirm : tracking::Purpose::RegistrationCancel);
    if (!form || !claims || claims->campaign != form->definition->event) {
        if (r.parked) {
            r.parked = false;
            --m_parked;
        }
        return respond(c, r, MHD_HTTP_NOT_FOUND, m_notFound);
    }
    const FormDefinition &f = *form->definition;
    const PageText t(translator(f.language));
    if (r.parked) {
        r.parked = false;
        --m_parked;
        const RegistrationDesk::Outcome &o = *r.outcome;
        switch (o.problem) {
        case RegistrationDesk::Problem::None:
            return eventAnswer(c, r, MHD_HTTP_OK,
                               confirm ? EventPages::confirmed(t, f, o.registration, o.unchanged) : EventPages::cancelled(t, f, o.unchanged));
        case RegistrationDesk::Problem::NotFound:
            return respond(c, r, MHD_HTTP_NOT_FOUND, m_notFound);
        case RegistrationDesk::Problem::Lapsed:
            return eventAnswer(c, r, MHD_HTTP_GONE,
                               EventPages::message(t, f.language, t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "This registration has ended")),
                                                   t(QT_TRANSLATE_NOOP("lux::tracker::Pages",
                                                                       "It was cancelled, or not confirmed in time. You can register again on the event's page."))));
        default:
            return eventAnswer(c, r, MHD_HTTP_SERVICE_UNAVAILABLE,
                               EventPages::message(t, f.language, t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Please try again")),
                                                   t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "This could not be stored. Please try again in a minute."))));
        }
    }
    if (r.method != "POST") // GET never acts: mail scanners and prefetchers open every link
        return eventAnswer(c, r, MHD_HTTP_OK, EventPages::button(t, f, confirm));
    const quint64 event = f.event;
    const qint64 id = qint64(claims->recipient);
    const QString slug = f.slug;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!park(c, r, [&](RegistrationDesk::Done done) {
            return confirm ? m_desk->confirm(slug, event, id, now, std::move(done)) : m_desk->cancel(slug, event, id, now, std::move(done));
        }))
        return eventAnswer(c, r, MHD_HTTP_SERVICE_UNAVAILABLE,
                           EventPages::message(t, f.language, t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Please try again")),
                                               t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "This could not be stored. Please try again in a minute."))));
    return MHD_YES;
}

int TrackerServer::apiForms(MHD_Connection *c, Request &r)
{
    const auto error = [&](int status, const char *code, const QString &message) {
        return jsonAnswer(c, r, status,
                          QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QString::fromLatin1(code)}, {QStringLiteral("message"), message}}}});
    };
    if (!authorised(c)) {
        MHD_Response *resp = MHD_create_response_from_buffer(strlen("{\"error\":{\"code\":\"unauthorized\"}}"),
                                                             const_cast<char *>("{\"error\":{\"code\":\"unauthorized\"}}"), MHD_RESPMEM_PERSISTENT);
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, "application/json");
        MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
        return respondOwned(c, r, MHD_HTTP_UNAUTHORIZED, resp);
    }
    if (!FormDefinition::validSlug(r.slug))
        return error(MHD_HTTP_NOT_FOUND, "invalid-slug", QStringLiteral("A slug is 1 to 64 lower-case letters, digits and hyphens."));
    const auto counts = [&](const RegistrationDesk::Form &f) {
        QJsonObject o = f.definition->toJson();
        o.insert(QStringLiteral("slug"), f.definition->slug);
        o.insert(QStringLiteral("taken"), f.taken);
        o.insert(QStringLiteral("waiting"), f.waiting);
        o.insert(QStringLiteral("url"), QString(QStringLiteral("/e/") + f.definition->slug));
        return o;
    };
    if (r.method == "GET") {
        const auto f = m_desk->form(r.slug);
        if (!f)
            return error(MHD_HTTP_NOT_FOUND, "not-found", QStringLiteral("No form is published as %1.").arg(r.slug));
        return jsonAnswer(c, r, MHD_HTTP_OK, counts(*f));
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return error(MHD_HTTP_BAD_REQUEST, "invalid-json", QStringLiteral("The body is not a JSON object (offset %1).").arg(parseError.offset));
    auto definition = FormDefinition::fromJson(r.slug, doc.object());
    if (!definition)
        return error(MHD_HTTP_BAD_REQUEST, "invalid-form", definition.error().message);
    // Rare and small: this pool thread waits for the commit.
    const RegistrationDesk::Outcome o = m_desk->publish(std::move(definition).value(), QDateTime::currentMSecsSinceEpoch()).get();
    switch (o.problem) {
    case RegistrationDesk::Problem::None:
        break;
    case RegistrationDesk::Problem::Stale:
        return error(MHD_HTTP_CONFLICT, "stale", o.message);
    default:
        return error(MHD_HTTP_SERVICE_UNAVAILABLE, "storage", QStringLiteral("The form could not be stored; try again."));
    }
    const auto f = m_desk->form(r.slug);
    return f ? jsonAnswer(c, r, MHD_HTTP_OK, counts(*f)) : error(MHD_HTTP_SERVICE_UNAVAILABLE, "storage", QStringLiteral("The form is not readable."));
}

} // namespace lux::tracker
