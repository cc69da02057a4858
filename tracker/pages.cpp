// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QTimeZone>
#include <QTranslator>

namespace lux::tracker {

QString PageText::operator()(const char *source) const
{
    if (m_translator) {
        const QString t = m_translator->translate("lux::tracker::Pages", source);
        if (!t.isEmpty())
            return t;
    }
    return QString::fromUtf8(source);
}

QString PageText::operator()(const char *source, int n) const
{
    QString t;
    if (m_translator)
        t = m_translator->translate("lux::tracker::Pages", source, nullptr, n);
    if (t.isEmpty()) // no translator: the source as it is ("(s)" and all)
        t = QString::fromUtf8(source);
    t.replace(QStringLiteral("%n"), QString::number(n));
    return t;
}

namespace {

constexpr char kStyle[] =
    "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;background:#f4f5f7;color:#1d2330;margin:0}"
    "main{max-width:28rem;margin:12vh auto;background:#fff;border-radius:12px;padding:2rem 2.25rem;"
    "box-shadow:0 1px 3px rgba(0,0,0,.08)}main.wide{max-width:36rem;margin:5vh auto}h1{font-size:1.35rem;margin:0 0 .75rem}"
    "p{line-height:1.5;color:#4a5263}"
    "button{font:inherit;font-weight:600;background:#0a66ff;color:#fff;border:0;border-radius:8px;"
    "padding:.7rem 1.4rem;cursor:pointer}button:focus{outline:3px solid #9cc0ff;outline-offset:2px}"
    "button:disabled{opacity:.6;cursor:progress}"
    ".meta{margin:.25rem 0;color:#1d2330;font-weight:500}.desc{margin:1rem 0 1.5rem;border-top:1px solid #e6e8ec;padding-top:1rem}"
    "label{display:block;font-weight:600;margin:1rem 0 .35rem}label.check{font-weight:400;display:flex;gap:.5rem;align-items:flex-start}"
    "input[type=text],input[type=email],select,textarea{font:inherit;width:100%;box-sizing:border-box;padding:.6rem .7rem;"
    "border:1px solid #c5cad3;border-radius:8px;background:#fff}textarea{min-height:5rem}"
    "input:focus,select:focus,textarea:focus{outline:3px solid #9cc0ff;outline-offset:1px}"
    ".err{color:#b3261e;font-size:.9rem;margin:.3rem 0 0}.bad{border-color:#b3261e!important}"
    ".seats{display:inline-block;background:#e8f0ff;color:#0a3d99;border-radius:999px;padding:.2rem .7rem;font-size:.9rem;margin:.5rem 0}"
    ".full{background:#fff4e0;color:#7a4b00}.note{font-size:.9rem;color:#4a5263}.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}"
    ".actions{margin-top:1.5rem}@media(max-width:30rem){main,main.wide{margin:0;border-radius:0;min-height:100vh}}"
    "body.embed{background:transparent}body.embed main{margin:0;box-shadow:none;max-width:none}";

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

} // namespace

QByteArray htmlPage(const QString &language, const QString &title, const QString &body, bool wide)
{
    return QStringLiteral("<!doctype html><html lang=\"%1\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                          "<meta name=\"robots\" content=\"noindex\"><title>%2</title><style>%3</style></head>"
                          "<body><main%4>%5</main></body></html>")
        .arg(language, esc(title), QLatin1StringView(kStyle), wide ? QStringLiteral(" class=\"wide\"") : QString(), body)
        .toUtf8();
}

const QByteArray &EventPages::script()
{
    // Finds n with SHA-256("<challenge>:<n>") starting with the asked zero bits, 256 digests at a
    // time, then sends the form. Without Web Crypto (an http page that is not localhost) it says
    // the form goes without the work, which the server answers with a double opt-in.
    static const QByteArray s = QByteArrayLiteral(
        "(function(){var f=document.getElementById('lux-register');if(!f)return;"
        "var c=f.querySelector('[name=pow_challenge]'),s=f.querySelector('[name=pow_nonce]'),"
        "d=+f.getAttribute('data-difficulty'),w=document.getElementById('lux-working'),b=f.querySelector('button[type=submit]');"
        "if(!c||!d)return;"
        "if(!(window.crypto&&crypto.subtle&&window.TextEncoder)){var h=document.createElement('input');h.type='hidden';"
        "h.name='nojs';h.value='1';f.appendChild(h);return;}"
        "f.addEventListener('submit',function(e){if(s.value)return;e.preventDefault();b.disabled=true;w.hidden=false;"
        "var enc=new TextEncoder(),n=0;"
        "function ok(x){var a=new Uint8Array(x),z=0;for(var i=0;i<a.length;i++){if(a[i]===0){z+=8;continue;}"
        "z+=Math.clz32(a[i])-24;break;}return z>=d;}"
        "function round(){var base=n,p=[];for(var i=0;i<256;i++)p.push(crypto.subtle.digest('SHA-256',enc.encode(c.value+':'+(base+i))));"
        "n+=256;Promise.all(p).then(function(r){for(var i=0;i<r.length;i++)if(ok(r[i])){s.value=String(base+i);f.submit();return;}"
        "round();});}round();});})();");
    return s;
}

QByteArray EventPages::scriptCspHash()
{
    return "'sha256-" + QCryptographicHash::hash(script(), QCryptographicHash::Sha256).toBase64() + "'";
}

QByteArray EventPages::contentSecurityPolicy(bool embed)
{
    // The embeddable form may sit in any site's frame; the page itself in none.
    return "default-src 'none'; style-src 'unsafe-inline'; script-src " + scriptCspHash()
         + "; form-action 'self'; base-uri 'none'; frame-ancestors " + (embed ? QByteArray("*") : QByteArray("'none'"));
}

QByteArray EventPages::form(const PageText &t, const FormState &s)
{
    const FormDefinition &f = *s.form;
    QString body;
    if (!s.embed) {
        body += QStringLiteral("<h1>%1</h1>").arg(esc(f.title));
        if (!f.when.isEmpty())
            body += QStringLiteral("<p class=\"meta\" id=\"when\">%1</p>").arg(esc(f.when));
        if (!f.where.isEmpty())
            body += QStringLiteral("<p class=\"meta\" id=\"where\">%1</p>").arg(esc(f.where));
        if (!f.descriptionHtml.isEmpty()) // the app's Markdown, rendered and sanitised by the app
            body += QStringLiteral("<div class=\"desc\">%1</div>").arg(f.descriptionHtml);
    }
    if (!f.open(s.now)) {
        const char *why = f.status == FormDefinition::Status::Cancelled ? QT_TRANSLATE_NOOP("lux::tracker::Pages", "This event is cancelled.")
                        : f.status == FormDefinition::Status::Finished  ? QT_TRANSLATE_NOOP("lux::tracker::Pages", "This event has taken place.")
                        : f.opensAt && s.now < f.opensAt ? QT_TRANSLATE_NOOP("lux::tracker::Pages", "Registration is not open yet.")
                                                         : QT_TRANSLATE_NOOP("lux::tracker::Pages", "Registration is closed.");
        body += QStringLiteral("<p id=\"closed\"><strong>%1</strong></p>").arg(esc(t(why)));
        if (f.opensAt && s.now < f.opensAt && f.status == FormDefinition::Status::Published)
            body += QStringLiteral("<p class=\"note\">%1 %2</p>")
                        .arg(esc(t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "It opens on"))),
                             esc(QDateTime::fromMSecsSinceEpoch(f.opensAt, Qt::UTC).toString(Qt::ISODate)));
        return htmlPage(f.language, f.title, body, true);
    }
    if (f.capacity > 0) {
        const int left = std::max(0, f.capacity - s.taken - f.reserved);
        body += left > 0 ? QStringLiteral("<p class=\"seats\" id=\"seats\">%1</p>")
                               .arg(esc(t(QT_TRANSLATE_N_NOOP("lux::tracker::Pages", "%n seat(s) left"), left)))
                         : QStringLiteral("<p class=\"seats full\" id=\"seats\">%1</p>")
                               .arg(esc(t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Fully booked: you can join the waiting list."))));
    }
    const auto value = [&](const QString &name) { return esc(s.values.value(name)); };
    const auto error = [&](const QString &name) -> QString {
        const QString e = s.errors.value(name);
        return e.isEmpty() ? QString() : QStringLiteral("<p class=\"err\" id=\"err-%1\">%2</p>").arg(name, esc(e));
    };
    const auto bad = [&](const QString &name) -> QString {
        return s.errors.contains(name) ? QStringLiteral(" class=\"bad\" aria-invalid=\"true\"") : QString();
    };
    QString fields;
    if (s.errors.contains(QStringLiteral("form")))
        fields += error(QStringLiteral("form"));
    const auto input = [&](const QString &name, const char *label, const char *type, const char *autocomplete, bool required) {
        fields += QStringLiteral("<label for=\"%1\">%2</label><input type=\"%3\" id=\"%1\" name=\"%1\" value=\"%4\" autocomplete=\"%5\"%6%7>%8")
                      .arg(name, esc(t(label)), QLatin1StringView(type), value(name), QLatin1StringView(autocomplete),
                           required ? QStringLiteral(" required") : QString(), bad(name), error(name));
    };
    input(QStringLiteral("email"), QT_TRANSLATE_NOOP("lux::tracker::Pages", "Email"), "email", "email", true);
    input(QStringLiteral("first_name"), QT_TRANSLATE_NOOP("lux::tracker::Pages", "First name"), "text", "given-name", false);
    input(QStringLiteral("last_name"), QT_TRANSLATE_NOOP("lux::tracker::Pages", "Last name"), "text", "family-name", false);
    for (int i = 0; i < f.questions.size(); ++i) {
        const FormQuestion &q = f.questions.at(i);
        const QString name = QStringLiteral("q%1").arg(i + 1);
        const QString req = q.required ? QStringLiteral(" required") : QString();
        switch (q.kind) {
        case FormQuestion::Kind::Text:
            fields += QStringLiteral("<label for=\"%1\">%2</label><textarea id=\"%1\" name=\"%1\" maxlength=\"1000\"%3%4>%5</textarea>%6")
                          .arg(name, esc(q.label), req, bad(name), value(name), error(name));
            break;
        case FormQuestion::Kind::Choice: {
            QString options = QStringLiteral("<option value=\"\"></option>");
            for (const QString &c : q.choices)
                options += QStringLiteral("<option%1>%2</option>").arg(s.values.value(name) == c ? QStringLiteral(" selected") : QString(), esc(c));
            fields += QStringLiteral("<label for=\"%1\">%2</label><select id=\"%1\" name=\"%1\"%3%4>%5</select>%6")
                          .arg(name, esc(q.label), req, bad(name), options, error(name));
            break;
        }
        case FormQuestion::Kind::Checkbox:
            fields += QStringLiteral("<label class=\"check\"><input type=\"checkbox\" name=\"%1\" value=\"1\"%2%3> <span>%4</span></label>%5")
                          .arg(name, s.values.value(name) == u"1" ? QStringLiteral(" checked") : QString(), req, esc(q.label), error(name));
            break;
        }
    }
    if (!f.consentText.isEmpty())
        fields += QStringLiteral("<label class=\"check\"><input type=\"checkbox\" name=\"consent\" value=\"1\"%1> <span>%2</span></label>")
                      .arg(s.values.value(QStringLiteral("consent")) == u"1" ? QStringLiteral(" checked") : QString(), esc(f.consentText));
    // The honeypot: hidden from people (and from screen readers), filled in by form-filling bots.
    fields += QStringLiteral("<div class=\"hp\" aria-hidden=\"true\"><label for=\"website\">Website</label>"
                             "<input type=\"text\" id=\"website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></div>");
    if (s.embed)
        fields += QStringLiteral("<input type=\"hidden\" name=\"source\" value=\"embed\">");
    if (!s.challenge.isEmpty())
        fields += QStringLiteral("<input type=\"hidden\" name=\"pow_challenge\" value=\"%1\"><input type=\"hidden\" name=\"pow_nonce\" value=\"\">"
                                 "<noscript><input type=\"hidden\" name=\"nojs\" value=\"1\"><p class=\"note\">%2</p></noscript>")
                      .arg(QString::fromLatin1(s.challenge),
                           esc(t(QT_TRANSLATE_NOOP("lux::tracker::Pages",
                                                   "Without JavaScript, sending takes a few seconds and we will ask you to confirm "
                                                   "your address by email."))));
    if (s.errors.contains(QStringLiteral("pow")))
        fields += error(QStringLiteral("pow"));
    const QString submit = f.capacity > 0 && s.taken + f.reserved >= f.capacity ? t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Join the waiting list"))
                                                                   : t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Register"));
    body += QStringLiteral("<form id=\"lux-register\" method=\"post\" action=\"/e/%1\" data-difficulty=\"%2\" novalidate>%3"
                           "<div class=\"actions\"><button type=\"submit\" id=\"register\">%4</button>"
                           " <span id=\"lux-working\" class=\"note\" hidden>%5</span></div></form><script>%6</script>")
                .arg(f.slug)
                .arg(s.challenge.isEmpty() ? 0 : f.powDifficulty)
                .arg(fields, esc(submit),
                     esc(t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Checking that you are not a robot…"))),
                     QString::fromLatin1(script()));
    QByteArray page = htmlPage(f.language, f.title, body, true);
    if (s.embed)
        page.replace("<body>", "<body class=\"embed\">");
    return page;
}

QByteArray EventPages::answer(const PageText &t, const FormDefinition &f, const Registration &r, bool embed, const QString &cancelPath)
{
    QString heading, text;
    switch (r.state) {
    case RegistrationState::Confirmed:
        heading = t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "You are registered"));
        text = t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Your seat is confirmed. We will send the details and a calendar invite to %1."))
                   .arg(r.email);
        break;
    case RegistrationState::Pending:
        heading = t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Check your email"));
        text = t(QT_TRANSLATE_N_NOOP("lux::tracker::Pages",
                                     "We are holding a seat for you. Confirm with the link we send to %1 within %n hour(s) to keep it."),
                 std::max(1, (f.holdSeconds + 1800) / 3600))
                   .arg(r.email);
        break;
    case RegistrationState::Waiting:
        heading = t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "You are on the waiting list"));
        text = t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "You are number %1 on the waiting list. We will email %2 if a seat frees up."))
                   .arg(r.position)
                   .arg(r.email);
        if (!r.verified)
            text += QLatin1Char(' ') + t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "First, confirm your address with the link we send you."));
        break;
    case RegistrationState::Cancelled:
    case RegistrationState::Expired:
        heading = t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Registration cancelled"));
        break;
    }
    QString body = QStringLiteral("<h1 id=\"status\" data-status=\"%1\">%2</h1><p>%3</p><p class=\"note\">%4</p>")
                       .arg(stateName(r.state), esc(heading), esc(text), esc(f.title));
    if (!cancelPath.isEmpty() && r.state != RegistrationState::Cancelled && r.state != RegistrationState::Expired)
        body += QStringLiteral("<p class=\"note\"><a href=\"%1\" id=\"cancel\">%2</a></p>")
                    .arg(esc(cancelPath), esc(t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Cannot come after all? Cancel your registration"))));
    QByteArray page = htmlPage(f.language, heading, body);
    if (embed)
        page.replace("<body>", "<body class=\"embed\">");
    return page;
}

QByteArray EventPages::registeredAlready(const PageText &t, const FormDefinition &f, bool embed)
{
    const QString heading = t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Check your email"));
    QByteArray page = htmlPage(f.language, heading,
                               QStringLiteral("<h1 id=\"status\" data-status=\"existing\">%1</h1><p>%2</p><p class=\"note\">%3</p>")
                                   .arg(esc(heading),
                                        esc(t(QT_TRANSLATE_NOOP("lux::tracker::Pages",
                                                                "This address is registered already. The email we sent it has the details "
                                                                "and a link to cancel."))),
                                        esc(f.title)));
    if (embed)
        page.replace("<body>", "<body class=\"embed\">");
    return page;
}

QByteArray EventPages::button(const PageText &t, const FormDefinition &f, bool confirm)
{
    const QString heading = confirm ? t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Confirm your registration"))
                                    : t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Cancel your registration?"));
    const QString text = confirm ? t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Press the button to confirm that this is your address."))
                                 : t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Your seat goes to the next person on the waiting list."));
    const QString action = confirm ? t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Confirm")) : t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Cancel my registration"));
    return htmlPage(f.language, heading,
                    QStringLiteral("<h1>%1</h1><p class=\"meta\">%2</p><p>%3</p><form method=\"post\"><button type=\"submit\" id=\"%4\">%5</button></form>")
                        .arg(esc(heading), esc(f.title), esc(text), confirm ? QStringLiteral("confirm") : QStringLiteral("cancel"), esc(action)));
}

QByteArray EventPages::confirmed(const PageText &t, const FormDefinition &f, const Registration &r, bool unchanged)
{
    QString heading, text;
    if (r.state == RegistrationState::Waiting) {
        heading = t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Your address is confirmed"));
        text = t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "You are number %1 on the waiting list. We will email you if a seat frees up."))
                   .arg(r.position);
    } else {
        heading = unchanged ? t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Already confirmed"))
                            : t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Your registration is confirmed"));
        text = t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "We will send the details and a calendar invite by email."));
    }
    return htmlPage(f.language, heading,
                    QStringLiteral("<h1 id=\"done\" data-status=\"%1\">%2</h1><p class=\"meta\">%3</p><p>%4</p>")
                        .arg(stateName(r.state), esc(heading), esc(f.title), esc(text)));
}

QByteArray EventPages::cancelled(const PageText &t, const FormDefinition &f, bool unchanged)
{
    const QString heading = unchanged ? t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Already cancelled"))
                                      : t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Your registration is cancelled"));
    return htmlPage(f.language, heading,
                    QStringLiteral("<h1 id=\"done\" data-status=\"cancelled\">%1</h1><p class=\"meta\">%2</p><p>%3</p>")
                        .arg(esc(heading), esc(f.title), esc(t(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Thank you for letting us know.")))));
}

QByteArray EventPages::message(const PageText &, const QString &language, const QString &heading, const QString &text)
{
    return htmlPage(language, heading, QStringLiteral("<h1>%1</h1><p>%2</p>").arg(esc(heading), esc(text)));
}

} // namespace lux::tracker
