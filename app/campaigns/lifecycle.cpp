// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle.h"

#include "social/accountstore.h"

#include "abtest.h"
#include "common/errorcodes.h"

#include "campaigns/jobstore.h"
#include "campaigns/outbox.h"
#include "campaigns/senderstore.h"
#include "content/mergetemplate.h"
#include "content/templatestore.h"

#include <algorithm>

namespace lux::campaigns {

using content::Finding;

namespace {

// A finding of the campaign's own (not of a line of its template).
void addProblem(QList<Finding> &out, Finding::Severity severity, const QString &code, const QString &message)
{
    out.append(Finding{severity, code, message, Finding::Where::Body, 0, 0});
}

} // namespace

QList<Finding> Lifecycle::checks(const Campaign &c, bool withTracker) const
{
    QList<Finding> out;
    const auto problem = [&out](Finding::Severity severity, const QString &code, const QString &message) {
        addProblem(out, severity, code, message);
    };
    if (c.channel == QLatin1String("sms"))
        smsChecks(c, out);
    else
        emailChecks(c, out);
    if (const auto senders = this->senders(c); !senders)
        problem(Finding::Severity::Error, QStringLiteral("campaign.sender"), senders.error().message);
    const bool sms = c.channel == QLatin1String("sms");
    if (const auto count = CampaignStore(m_db, m_clock).countAudience(c.audience, c.channel); !count)
        problem(Finding::Severity::Error, QStringLiteral("campaign.audience"), count.error().message);
    else if (*count == 0)
        problem(Finding::Severity::Error, QStringLiteral("campaign.audience"),
                sms ? tr("The audience has no contact with SMS consent and a mobile number to text.")
                    : tr("The audience has no subscribed contact to send to."));
    if (!withTracker)
        problem(Finding::Severity::Warning, QStringLiteral("campaign.no-tracker"),
                sms ? tr("No tracker is set up, so LUX hears nothing back from Twilio: no delivery receipts, no replies, and STOP "
                         "replies are applied only when Twilio refuses a later text to that number.")
                    : noTrackerWarning(c.tracking != TrackingMode::Off));
    // An A/B test as it would be drawn now: its variants' templates still there, no local-time schedule.
    if (const auto test = AbTests(m_db, m_clock).find(c.id); !test)
        problem(Finding::Severity::Error, QStringLiteral("campaign.abtest"), test.error().message);
    else if (*test)
        if (Status s = AbTests(m_db, m_clock).validate(c, (*test)->config); !s)
            problem(Finding::Severity::Error, QStringLiteral("campaign.abtest"), tr("A/B test: %1").arg(s.error().message));
    if (c.scheduledAt && !c.localTime && *c.scheduledAt < m_clock() - 60'000)
        problem(Finding::Severity::Warning, QStringLiteral("campaign.past"), tr("The chosen time has passed; the campaign goes at once."));
    return out;
}

void Lifecycle::emailChecks(const Campaign &c, QList<Finding> &out) const
{
    const auto problem = [&out](Finding::Severity severity, const QString &code, const QString &message) {
        addProblem(out, severity, code, message);
    };
    if (c.templateId == 0) {
        problem(Finding::Severity::Error, QStringLiteral("campaign.template"), tr("Choose the template the campaign sends."));
    } else if (auto t = content::TemplateStore(m_db).find(c.templateId); !t) {
        problem(Finding::Severity::Error, QStringLiteral("campaign.template"), tr("The template cannot be read: %1").arg(t.error().message));
    } else {
        if (!c.subject.isEmpty())
            t->subject = c.subject;
        if (!c.preheader.isEmpty())
            t->preheader = c.preheader;
        // Any working address will do for the checks: the real one is the recipient's own.
        const content::RenderedEmail r = content::TemplateRenderer(m_db).render(
            *t, nullptr, {{QStringLiteral("unsubscribe_url"), QStringLiteral("https://unsubscribe.invalid/check")}});
        for (const Finding &f : r.findings)
            if (f.severity != Finding::Severity::Info)
                out << f;
    }
}

void Lifecycle::smsChecks(const Campaign &c, QList<Finding> &out) const
{
    const auto problem = [&out](Finding::Severity severity, const QString &code, const QString &message) {
        addProblem(out, severity, code, message);
    };
    const QString text = c.body.trimmed();
    if (text.isEmpty()) {
        problem(Finding::Severity::Error, QStringLiteral("sms.body"), tr("Write the text the campaign sends."));
        return;
    }
    const content::TemplateRenderer renderer(m_db);
    const auto compiled = content::MergeTemplate::compile(c.body, renderer.fields(), content::MergeTemplate::Mode::Text);
    for (const content::MergeProblem &p : compiled.problems())
        problem(Finding::Severity::Error, QStringLiteral("sms.merge"), tr("Line %1, column %2: %3").arg(p.line).arg(p.column).arg(p.message));
    // CTIA: a marketing text says who sends it, first.
    const QString name = c.fromName.trimmed();
    if (name.isEmpty())
        problem(Finding::Severity::Error, QStringLiteral("sms.sender-name"),
                tr("Give the sender's name: every marketing text must start with it (CTIA)."));
    else if (!text.startsWith(name, Qt::CaseInsensitive))
        problem(Finding::Severity::Error, QStringLiteral("sms.sender-name"), tr("The text must start with the sender's name, “%1” (CTIA).").arg(name));
}

QString Lifecycle::noTrackerWarning(bool tracks)
{
    const QString unsubscribe = tr("No tracker is set up, so recipients unsubscribe by sending an email to the sending mailbox instead "
                                   "of with one click. Gmail and Yahoo require one-click unsubscribe from senders of more than "
                                   "5,000 messages a day.");
    return tracks ? unsubscribe + u' ' + tr("Opens and clicks are not counted either.") : unsubscribe;
}

bool Lifecycle::hasErrors(const QList<Finding> &findings)
{
    return std::any_of(findings.begin(), findings.end(), [](const Finding &f) { return f.severity == Finding::Severity::Error; });
}

bool Lifecycle::hasWarnings(const QList<Finding> &findings)
{
    return std::any_of(findings.begin(), findings.end(), [](const Finding &f) { return f.severity == Finding::Severity::Warning; });
}

Result<QList<Dispatcher::SenderConfig>> Lifecycle::senders(const Campaign &c) const
{
    QList<Dispatcher::SenderConfig> out;
    if (c.socialAccountId) {
        // A social account is its own one sender: one post at a time, at its network's pace.
        const auto account = social::AccountStore(m_db, m_clock).find(*c.socialAccountId);
        if (!account)
            return account.error();
        const social::PublishPace pace = social::Networks::pace(account->network);
        out.append({c.fromEmail, SenderPacer::Limits(1, pace.perMinute, pace.perDay, 0)});
        return out;
    }
    const bool sms = c.channel == QLatin1String("sms");
    SenderStore store(m_db, sms ? QStringLiteral("sms") : QStringLiteral("email"));
    for (const QString &mailbox : c.senders()) {
        const auto s = store.find(mailbox);
        if (!s)
            return Error(errc::campaignSender,
                         sms ? tr("The number %1 is not set up to send from: add it under Settings → SMS first (luxctl sms sender add).").arg(mailbox)
                             : tr("The mailbox %1 is not set up to send from: add it under Senders first.").arg(mailbox));
        out.append({s->address, s->limits});
    }
    if (out.isEmpty())
        return Error(errc::campaignSender, sms ? tr("Choose the number the texts go from.") : tr("Choose the mailbox the campaign sends from."));
    return out;
}

Status Lifecycle::schedule(qint64 id, std::optional<qint64> at, bool warningsAcknowledged, std::optional<qint64> byUser)
{
    CampaignStore store(m_db, m_clock);
    auto c = store.find(id);
    if (!c)
        return c.error();
    c->scheduledAt = at.value_or(m_clock());
    if (!at)
        c->localTime = false; // "now" is now everywhere
    // The tracker's warning is the caller's to show (it knows the settings); a warning never stops.
    const QList<Finding> found = checks(*c, true);
    if (hasErrors(found))
        return Error(errc::campaignChecks, tr("The pre-send checks stop this campaign: %1")
                                                             .arg([&] {
                                                                 QStringList errors;
                                                                 for (const Finding &f : found)
                                                                     if (f.severity == Finding::Severity::Error)
                                                                         errors << f.message;
                                                                 return errors.join(QStringLiteral("; "));
                                                             }()));
    if (hasWarnings(found) && !warningsAcknowledged)
        return Error(errc::campaignWarnings, tr("The pre-send checks have warnings to acknowledge first."));
    if (c->status == CampaignStatus::Draft) {
        // The schedule's form (local time or not) is part of the draft.
        if (auto saved = store.update(*c, byUser); !saved)
            return saved.error();
    }
    if (Status s = store.transition(id, CampaignStatus::Scheduled, byUser, *c->scheduledAt); !s)
        return s;
    return JobStore(m_db, m_clock).scheduleSend(id, std::max(CampaignStore::firstDueAt(*c), qint64(0)));
}

Status Lifecycle::unschedule(qint64 id, std::optional<qint64> byUser)
{
    if (Status s = CampaignStore(m_db, m_clock).transition(id, CampaignStatus::Draft, byUser); !s)
        return s;
    return JobStore(m_db, m_clock).cancelSend(id);
}

Status Lifecycle::pause(qint64 id, std::optional<qint64> byUser)
{
    return CampaignStore(m_db, m_clock).transition(id, CampaignStatus::Paused, byUser);
}

Status Lifecycle::resume(qint64 id, std::optional<qint64> byUser)
{
    const auto c = CampaignStore(m_db, m_clock).find(id);
    if (!c)
        return c.error();
    if (c->status != CampaignStatus::Paused && c->status != CampaignStatus::Failed)
        return Error(errc::campaignTransition,
                     tr("Campaign “%1” is %2; only paused or failed campaigns resume.").arg(c->name, CampaignStore::statusLabel(c->status)));
    if (Status s = CampaignStore(m_db, m_clock).transition(id, CampaignStatus::Sending, byUser); !s)
        return s;
    return JobStore(m_db, m_clock).scheduleSend(id, m_clock());
}

Status Lifecycle::cancel(qint64 id, std::optional<qint64> byUser)
{
    if (Status s = CampaignStore(m_db, m_clock).transition(id, CampaignStatus::Cancelled, byUser); !s)
        return s;
    return JobStore(m_db, m_clock).cancelSend(id);
}

Result<qint64> Lifecycle::retryFailed(qint64 id, std::optional<qint64> byUser)
{
    CampaignStore store(m_db, m_clock);
    const auto c = store.find(id);
    if (!c)
        return c.error();
    if (c->status == CampaignStatus::Draft || c->status == CampaignStatus::Scheduled || c->status == CampaignStatus::Cancelled)
        return Error(errc::campaignTransition, tr("Campaign “%1” is %2; nothing has failed to retry.")
                                                                 .arg(c->name, CampaignStore::statusLabel(c->status)));
    const auto requeued = Outbox(m_db, m_clock).requeueFailed(id);
    if (!requeued)
        return requeued.error();
    if (*requeued > 0)
        if (Status s = sendAgain(*c, byUser); !s)
            return s.error();
    return requeued;
}

Result<qint64> Lifecycle::decide(qint64 id, const QList<qint64> &rowIds, bool send, std::optional<qint64> byUser)
{
    const auto c = CampaignStore(m_db, m_clock).find(id);
    if (!c)
        return c.error();
    Outbox outbox(m_db, m_clock);
    qint64 decided = 0;
    for (const qint64 row : rowIds) {
        if (Status s = outbox.decide(row, send); !s)
            return s.error();
        ++decided;
    }
    if (decided == 0)
        return decided;
    if (send && (c->status == CampaignStatus::Sent || c->status == CampaignStatus::Failed))
        if (Status s = sendAgain(*c, byUser); !s)
            return s.error();
    // A campaign whose run ended with rows in doubt stays `sending` with no job: the decision makes
    // it due, so a run sends the rows given back and, once nothing is in doubt, marks it sent.
    if (c->status == CampaignStatus::Sending)
        if (Status s = JobStore(m_db, m_clock).scheduleSend(id, m_clock()); !s)
            return s.error();
    return decided;
}

Status Lifecycle::sendAgain(const Campaign &c, std::optional<qint64> byUser)
{
    // A campaign that ended (or stopped on an error) sends its pending rows again; one that is sending
    // or paused picks them up by itself when it runs.
    if (c.status != CampaignStatus::Sent && c.status != CampaignStatus::Failed)
        return {};
    if (Status s = CampaignStore(m_db, m_clock).transition(c.id, CampaignStatus::Sending, byUser); !s)
        return s;
    return JobStore(m_db, m_clock).scheduleSend(c.id, m_clock());
}

} // namespace lux::campaigns
