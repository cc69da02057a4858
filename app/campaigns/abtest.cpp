// SPDX-License-Identifier: GPL-3.0-or-later
#include "abtest.h"

#include "campaigns/jobstore.h"
#include "common/errorcodes.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"
#include "users/auditlog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <random>

namespace lux::campaigns {

namespace {

constexpr auto kTestColumns = "variants, test_percent, test_size, wait_ms, metric, no_winner, baseline, lift, state, seed, test_group, "
                                 "remainder, winner, decided_by, decided_at, reason_code, reason, analysis";

QVariant optionalReal(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<double>());
}

std::optional<double> realOrNull(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

// The next moment at `time` (this computer's zone) at or after `after`.
qint64 nextTimeOfDay(const QTime &time, qint64 after)
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(after);
    QDateTime at(now.date(), time);
    if (at.toMSecsSinceEpoch() < after)
        at = QDateTime(now.date().addDays(1), time);
    return at.toMSecsSinceEpoch();
}

// An unbiased draw from [0, bound) (bound > 0): rejection over the 64-bit generator, defined by the
// standard bit for bit (std::uniform_int_distribution is not, across libraries).
quint64 bounded(std::mt19937_64 &rng, quint64 bound)
{
    const quint64 limit = std::numeric_limits<quint64>::max() - std::numeric_limits<quint64>::max() % bound;
    quint64 x = 0;
    do
        x = rng();
    while (x >= limit);
    return x % bound;
}

} // namespace

QJsonObject AbVariant::toJson() const
{
    QJsonObject o;
    if (!subject.isEmpty())
        o.insert(QStringLiteral("subject"), subject);
    if (!preheader.isEmpty())
        o.insert(QStringLiteral("preheader"), preheader);
    if (!fromName.isEmpty())
        o.insert(QStringLiteral("from_name"), fromName);
    if (templateId > 0)
        o.insert(QStringLiteral("template_id"), templateId);
    if (!body.isEmpty())
        o.insert(QStringLiteral("body"), body);
    if (sendTime)
        o.insert(QStringLiteral("send_time"), sendTime->toString(QStringLiteral("HH:mm")));
    return o;
}

AbVariant AbVariant::fromJson(const QJsonObject &o)
{
    AbVariant v;
    v.subject = o.value(QStringLiteral("subject")).toString();
    v.preheader = o.value(QStringLiteral("preheader")).toString();
    v.fromName = o.value(QStringLiteral("from_name")).toString();
    v.templateId = o.value(QStringLiteral("template_id")).toInteger();
    v.body = o.value(QStringLiteral("body")).toString();
    if (const QTime t = QTime::fromString(o.value(QStringLiteral("send_time")).toString(), QStringLiteral("HH:mm")); t.isValid())
        v.sendTime = t;
    return v;
}

QString abStateName(AbState state)
{
    switch (state) {
    case AbState::Draft: return QStringLiteral("draft");
    case AbState::Testing: return QStringLiteral("testing");
    case AbState::Waiting: return QStringLiteral("waiting");
    case AbState::Decided: return QStringLiteral("decided");
    }
    return {};
}

namespace {
AbState stateFromName(const QString &name)
{
    for (const AbState s : {AbState::Draft, AbState::Testing, AbState::Waiting, AbState::Decided})
        if (abStateName(s) == name)
            return s;
    return AbState::Draft;
}
} // namespace

QList<AbCounts> AbProgress::counts(AbMetric metric) const
{
    QList<AbCounts> out;
    for (int i = 0; i < variants.size(); ++i) {
        const Variant &v = variants.at(i);
        AbCounts c;
        c.name = AbTests::variantName(i);
        switch (metric) {
        case AbMetric::HumanOpens:
            c.sent = v.delivered;
            c.successes = v.humanOpeners;
            break;
        case AbMetric::ClickToOpen:
            c.sent = v.humanOpeners; // a person who clicked opened it, pixel or not (counted in humanOpeners)
            c.successes = v.humanClickers;
            break;
        case AbMetric::HumanClicks:
        case AbMetric::Manual:
            c.sent = v.delivered;
            c.successes = v.humanClickers;
            break;
        }
        out << c;
    }
    return out;
}

double AbProgress::machineShare(int variant) const
{
    const Variant &v = variants.at(variant);
    const qint64 opened = v.humanOpeners + v.machineOnlyOpeners;
    return opened > 0 ? double(v.machineOnlyOpeners) / double(opened) : 0.0;
}

QString AbTests::variantName(int index)
{
    return QString(QChar(u'A' + index));
}

Campaign AbTests::applied(const Campaign &campaign, const AbVariant &variant)
{
    Campaign c = campaign;
    if (!variant.subject.isEmpty())
        c.subject = variant.subject;
    if (!variant.preheader.isEmpty())
        c.preheader = variant.preheader;
    if (!variant.fromName.isEmpty())
        c.fromName = variant.fromName;
    if (variant.templateId > 0)
        c.templateId = variant.templateId;
    if (!variant.body.isEmpty())
        c.body = variant.body;
    return c;
}

qint64 AbTests::testGroupSize(const AbTestConfig &config, qint64 audience)
{
    const qint64 k = config.variants.size();
    qint64 size = config.testSize > 0 ? config.testSize : qint64(std::llround(double(audience) * config.testPercent / 100.0));
    size = std::max(size, std::min(k, audience)); // at least one person per variant when there are that many
    // Someone is left for the winner (a test of fewer than k + 1 people is not drawn at all).
    return std::min(size, std::max<qint64>(audience - 1, 0));
}

Status AbTests::validate(const Campaign &campaign, const AbTestConfig &config) const
{
    if (Status s = validateShape(campaign, config); !s)
        return s;
    for (int i = 0; i < config.variants.size(); ++i) {
        const AbVariant &v = config.variants.at(i);
        if (v.templateId <= 0)
            continue;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT 1 FROM templates WHERE id = ?"));
        q.addBindValue(v.templateId);
        if (!q.exec())
            return storage::queryError(q, errc::dbRead);
        if (!q.next())
            return Error(errc::abtestVariant, tr("Variant %1: its template no longer exists.").arg(variantName(i)));
    }
    return {};
}

Status AbTests::validateShape(const Campaign &campaign, const AbTestConfig &config)
{
    const int k = int(config.variants.size());
    if (k < AbStatistics::kMinVariants || k > AbStatistics::kMaxVariants)
        return Error(errc::abtestVariant, tr("An A/B test has 2 to 5 variants; this one has %n.", nullptr, k));
    if (config.testSize <= 0 && (config.testPercent <= 0 || config.testPercent >= 100))
        return Error(errc::abtestVariant, tr("The test group is a share of the audience above 0 % and below 100 %: the rest gets the winner."));
    if (config.metric != AbMetric::Manual && campaign.tracking != TrackingMode::PerPerson)
        return Error(errc::abtestVariant, tr("A winner by clicks or opens needs tracking per person (the first step); "
                                             "or choose the winner yourself."));
    if (config.waitMs < 0)
        return Error(errc::abtestVariant, tr("The wait cannot be negative."));
    if (campaign.localTime)
        return Error(errc::abtestVariant, tr("An A/B test sends at one time for everyone: it cannot go at a time in each recipient's zone."));
    const bool sms = campaign.channel == QLatin1String("sms");
    QList<Campaign> seen;
    for (int i = 0; i < k; ++i) {
        const AbVariant &v = config.variants.at(i);
        const QString name = variantName(i);
        if (sms && (!v.subject.isEmpty() || !v.preheader.isEmpty() || !v.fromName.isEmpty() || v.templateId > 0))
            return Error(errc::abtestVariant, tr("Variant %1: a text has no subject, preheader, sender name or template; vary its words or its time.").arg(name));
        if (!sms && !v.body.isEmpty())
            return Error(errc::abtestVariant, tr("Variant %1: an email varies its subject, preheader, sender name, template or time, not a text body.").arg(name));
        if (sms && v.body.size() > CampaignStore::kMaxSmsBody)
            return Error(errc::abtestVariant, tr("Variant %1: the text is longer than %2 characters.").arg(name).arg(CampaignStore::kMaxSmsBody));
        Campaign c = applied(campaign, v);
        c.id = 0; // compared by what goes out
        for (int j = 0; j < seen.size(); ++j) {
            const Campaign &o = seen.at(j);
            const AbVariant &w = config.variants.at(j);
            if (o.subject == c.subject && o.preheader == c.preheader && o.fromName == c.fromName && o.templateId == c.templateId
                && o.body == c.body && w.sendTime == v.sendTime)
                return Error(errc::abtestVariant, tr("Variant %1 is the same as variant %2: change what it tests.").arg(name, variantName(j)));
        }
        seen << c;
    }
    return {};
}

Status AbTests::save(qint64 campaignId, const AbTestConfig &config)
{
    const auto campaign = CampaignStore(m_db, m_clock).find(campaignId);
    if (!campaign)
        return campaign.error();
    if (campaign->status != CampaignStatus::Draft)
        return Error(errc::abtestState, tr("Only a draft's A/B test can change."));
    if (Status s = validate(*campaign, config); !s)
        return s;
    QJsonArray variants;
    for (const AbVariant &v : config.variants)
        variants.append(v.toJson());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO ab_tests (campaign_id, variants, test_percent, test_size, wait_ms, metric, no_winner, baseline, lift, "
                             "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_id) DO UPDATE SET "
                             "variants = excluded.variants, test_percent = excluded.test_percent, test_size = excluded.test_size, "
                             "wait_ms = excluded.wait_ms, metric = excluded.metric, no_winner = excluded.no_winner, "
                             "baseline = excluded.baseline, lift = excluded.lift, updated_at = excluded.updated_at"));
    for (const QVariant &v : QVariantList{campaignId, QString::fromUtf8(QJsonDocument(variants).toJson(QJsonDocument::Compact)),
                                          config.testPercent, config.testSize, config.waitMs, metricName(config.metric),
                                          config.noWinner == AbNoWinner::Wait ? QStringLiteral("wait") : QStringLiteral("send-a"),
                                          optionalReal(config.baseline), optionalReal(config.lift), m_clock()})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    return {};
}

Status AbTests::remove(qint64 campaignId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM ab_tests WHERE campaign_id = ? AND state = 'draft' "
                             "AND EXISTS (SELECT 1 FROM campaigns WHERE id = ? AND status = 'draft')"));
    q.addBindValue(campaignId);
    q.addBindValue(campaignId);
    if (!q.exec())
        return storage::queryError(q);
    return {};
}

Result<std::optional<AbTest>> AbTests::find(qint64 campaignId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM ab_tests WHERE campaign_id = ?").arg(QLatin1String(kTestColumns)));
    q.addBindValue(campaignId);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    if (!q.next())
        return std::optional<AbTest>();
    AbTest t;
    t.campaignId = campaignId;
    const QJsonArray variants = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).array();
    for (const QJsonValue &v : variants)
        t.config.variants << AbVariant::fromJson(v.toObject());
    t.config.testPercent = q.value(1).toDouble();
    t.config.testSize = q.value(2).toLongLong();
    t.config.waitMs = q.value(3).toLongLong();
    t.config.metric = metricFromName(q.value(4).toString()).value_or(AbMetric::HumanClicks);
    t.config.noWinner = q.value(5).toString() == QLatin1String("wait") ? AbNoWinner::Wait : AbNoWinner::SendA;
    t.config.baseline = realOrNull(q.value(6));
    t.config.lift = realOrNull(q.value(7));
    t.state = stateFromName(q.value(8).toString());
    t.seed = q.value(9).toString();
    t.testGroup = q.value(10).toLongLong();
    t.remainder = q.value(11).toLongLong();
    t.winner = q.value(12).isNull() ? -1 : q.value(12).toInt();
    t.decidedBy = q.value(13).toString();
    if (!q.value(14).isNull())
        t.decidedAt = q.value(14).toLongLong();
    t.reasonCode = q.value(15).toString();
    t.reason = q.value(16).toString();
    t.analysis = QJsonDocument::fromJson(q.value(17).toString().toUtf8()).object();
    return std::optional<AbTest>(std::move(t));
}

QList<qint64> AbTests::draw(QList<qint64> audience, qint64 size, quint64 seed)
{
    std::mt19937_64 rng(seed);
    const qint64 n = audience.size();
    size = std::clamp<qint64>(size, 0, n);
    for (qint64 i = 0; i < size; ++i) {
        const qint64 j = i + qint64(bounded(rng, quint64(n - i)));
        std::swap(audience[i], audience[j]);
    }
    audience.resize(size);
    return audience;
}

Status AbTests::recordDraw(const Campaign &campaign, const AbTest &test, const QString &seed, qint64 testGroup, qint64 remainder)
{
    const qint64 now = m_clock();
    QSqlQuery q(m_db);
    for (int i = 0; i < test.config.variants.size(); ++i) {
        const AbVariant &v = test.config.variants.at(i);
        if (!v.sendTime)
            continue;
        q.prepare(QStringLiteral("UPDATE outbox SET due_at = ? WHERE campaign_id = ? AND ab_group = 1 AND variant = ?"));
        q.addBindValue(nextTimeOfDay(*v.sendTime, now));
        q.addBindValue(campaign.id);
        q.addBindValue(i);
        if (!q.exec())
            return storage::queryError(q);
    }
    q.prepare(QStringLiteral("UPDATE ab_tests SET state = 'testing', seed = ?, test_group = ?, remainder = ?, updated_at = ? "
                             "WHERE campaign_id = ? AND state = 'draft'"));
    for (const QVariant &v : QVariantList{seed, testGroup, remainder, now, campaign.id})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    return AuditLog(m_db).record(std::nullopt, QStringLiteral("abtest.drawn"), QStringLiteral("campaign"), campaign.id,
                                 tr("%n contact(s) in the test group, drawn with seed %1", nullptr, int(std::min<qint64>(testGroup, INT_MAX))).arg(seed), now);
}

Status AbTests::recordTooSmall(const Campaign &campaign, qint64 audience)
{
    const qint64 now = m_clock();
    const QString why = tr("Only %n recipient(s): too few for a test, so everyone got variant A.", nullptr, int(std::min<qint64>(audience, INT_MAX)));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE ab_tests SET state = 'decided', winner = 0, decided_by = 'fallback', decided_at = ?, "
                             "reason_code = 'abtest.too-small', reason = ?, updated_at = ? WHERE campaign_id = ? AND state = 'draft'"));
    for (const QVariant &v : QVariantList{now, why, now, campaign.id})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    return AuditLog(m_db).record(std::nullopt, QStringLiteral("abtest.decided"), QStringLiteral("campaign"), campaign.id, why, now);
}

Result<AbProgress> AbTests::progress(qint64 campaignId) const
{
    const auto test = find(campaignId);
    if (!test)
        return test.error();
    AbProgress p;
    if (!*test)
        return p;
    p.variants.resize((*test)->config.variants.size());
    QSqlQuery q(m_db);
    // Delivered: accepted and not hard-bounced. An opener or clicker is a row with at least one
    // such event from a person; machineOnly: machines opened it and no person did.
    q.prepare(QStringLiteral(
        "SELECT variant, count(*), sum(delivered), sum(state = 'failed'), sum(state IN ('pending', 'sending', 'unknown')), "
        " sum(delivered AND (human_open OR human_click)), sum(delivered AND human_click), "
        " sum(delivered AND machine_open AND NOT human_open AND NOT human_click), max(CASE WHEN state IN ('sent', 'failed') THEN updated_at END) "
        "FROM (SELECT o.variant, o.state, o.updated_at, "
        "  o.state = 'sent' AND NOT EXISTS (SELECT 1 FROM inbound_messages b WHERE b.outbox_id = o.id AND b.kind = 'hard-bounce') AS delivered, "
        "  EXISTS (SELECT 1 FROM tracking_events e WHERE e.outbox_id = o.id AND e.kind = 'open' AND e.machine = 0) AS human_open, "
        "  EXISTS (SELECT 1 FROM tracking_events e WHERE e.outbox_id = o.id AND e.kind = 'click' AND e.machine = 0) AS human_click, "
        "  EXISTS (SELECT 1 FROM tracking_events e WHERE e.outbox_id = o.id AND e.kind = 'open' AND e.machine = 1) AS machine_open "
        "  FROM outbox o WHERE o.campaign_id = ? AND o.ab_group = 1) GROUP BY variant"));
    q.addBindValue(campaignId);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    bool unsettled = false;
    while (q.next()) {
        const int i = q.value(0).toInt();
        if (i < 0 || i >= p.variants.size())
            continue;
        AbProgress::Variant &v = p.variants[i];
        v.planned = q.value(1).toLongLong();
        v.delivered = q.value(2).toLongLong();
        v.failed = q.value(3).toLongLong();
        v.unsettled = q.value(4).toLongLong();
        v.humanOpeners = q.value(5).toLongLong();
        v.humanClickers = q.value(6).toLongLong();
        v.machineOnlyOpeners = q.value(7).toLongLong();
        p.lastSettledAt = std::max(p.lastSettledAt, q.value(8).toLongLong());
        // In doubt (unknown) waits for its reconciliation or the user's word, like pending.
        unsettled = unsettled || v.unsettled > 0;
    }
    q.prepare(QStringLiteral("SELECT sum(state = 'pending' AND variant IS NOT NULL), sum(state = 'sent'), sum(state = 'failed') "
                             "FROM outbox WHERE campaign_id = ? AND ab_group = 0"));
    q.addBindValue(campaignId);
    if (!q.exec() || !q.next())
        return storage::queryError(q, errc::dbRead);
    p.restPending = q.value(0).toLongLong();
    p.restSent = q.value(1).toLongLong();
    p.restFailed = q.value(2).toLongLong();
    if ((*test)->state != AbState::Draft && !unsettled)
        p.decideAt = (p.lastSettledAt > 0 ? p.lastSettledAt : m_clock()) + (*test)->config.waitMs;
    return p;
}

Result<std::optional<AbReport>> AbTests::report(qint64 campaignId, qint64 minPerVariant) const
{
    const auto test = find(campaignId);
    if (!test)
        return test.error();
    if (!*test)
        return std::optional<AbReport>();
    AbReport r;
    r.test = **test;
    const auto campaign = CampaignStore(m_db, m_clock).find(campaignId);
    if (!campaign)
        return campaign.error();
    r.campaignStatus = campaign->status;
    const auto p = progress(campaignId);
    if (!p)
        return p.error();
    r.progress = *p;
    if (r.test.state != AbState::Draft) {
        const auto running = analyse(r.test, r.progress, minPerVariant);
        if (!running)
            return running.error();
        r.running = *running;
    }
    return std::optional<AbReport>(std::move(r));
}

QJsonObject AbReport::toJson() const
{
    QJsonArray variants;
    for (int i = 0; i < test.config.variants.size(); ++i) {
        QJsonObject v = test.config.variants.at(i).toJson();
        v.insert(QStringLiteral("name"), AbTests::variantName(i));
        if (i < progress.variants.size()) {
            const AbProgress::Variant &p = progress.variants.at(i);
            v.insert(QStringLiteral("planned"), p.planned);
            v.insert(QStringLiteral("delivered"), p.delivered);
            v.insert(QStringLiteral("failed"), p.failed);
            v.insert(QStringLiteral("unsettled"), p.unsettled);
            v.insert(QStringLiteral("human_openers"), p.humanOpeners);
            v.insert(QStringLiteral("human_clickers"), p.humanClickers);
            v.insert(QStringLiteral("machine_share"), progress.machineShare(i));
        }
        variants.append(v);
    }
    QJsonObject o{{QStringLiteral("campaign"), test.campaignId},
                  {QStringLiteral("state"), abStateName(test.state)},
                  {QStringLiteral("campaign_status"), statusName(campaignStatus)},
                  {QStringLiteral("metric"), metricName(test.config.metric)},
                  {QStringLiteral("wait_ms"), test.config.waitMs},
                  {QStringLiteral("no_winner"), test.config.noWinner == AbNoWinner::Wait ? QStringLiteral("wait") : QStringLiteral("send-a")},
                  {QStringLiteral("seed"), test.seed},
                  {QStringLiteral("test_group"), test.testGroup},
                  {QStringLiteral("remainder"), test.remainder},
                  {QStringLiteral("variants"), variants},
                  {QStringLiteral("winner"), test.winner >= 0 ? QJsonValue(AbTests::variantName(test.winner)) : QJsonValue()},
                  {QStringLiteral("rest"), QJsonObject{{QStringLiteral("pending"), progress.restPending},
                                                       {QStringLiteral("sent"), progress.restSent},
                                                       {QStringLiteral("failed"), progress.restFailed}}}};
    if (test.state == AbState::Decided || test.state == AbState::Waiting) {
        o.insert(QStringLiteral("analysis"), test.analysis); // what the decision was made on
        o.insert(QStringLiteral("reason"), test.reason);
        o.insert(QStringLiteral("reason_code"), test.reasonCode);
    } else if (test.state == AbState::Testing) {
        o.insert(QStringLiteral("analysis"), running.toJson()); // running: nothing is decided on it
    }
    if (test.state == AbState::Decided) {
        o.insert(QStringLiteral("decided_by"), test.decidedBy);
        if (test.decidedAt)
            o.insert(QStringLiteral("decided_at"), QDateTime::fromMSecsSinceEpoch(*test.decidedAt, Qt::UTC).toString(Qt::ISODateWithMs));
    }
    if (test.state == AbState::Testing && progress.decideAt)
        o.insert(QStringLiteral("decide_at"), QDateTime::fromMSecsSinceEpoch(*progress.decideAt, Qt::UTC).toString(Qt::ISODateWithMs));
    return o;
}

Result<std::optional<double>> AbTests::baselineClickRate(int campaigns) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT sum(o.state = 'sent'), sum(o.state = 'sent' AND EXISTS (SELECT 1 FROM tracking_events e WHERE e.outbox_id = o.id "
        "AND e.kind = 'click' AND e.machine = 0)) FROM outbox o WHERE o.campaign_id IN (SELECT id FROM campaigns WHERE status = 'sent' "
        "AND channel = 'email' AND tracking = 1 AND anonymous_counts = 0 ORDER BY updated_at DESC LIMIT ?)"));
    q.addBindValue(campaigns);
    if (!q.exec() || !q.next())
        return storage::queryError(q, errc::dbRead);
    const qint64 sent = q.value(0).toLongLong();
    if (sent <= 0)
        return std::optional<double>();
    return std::optional<double>(double(q.value(1).toLongLong()) / double(sent));
}

Result<AbAnalysis> AbTests::analyse(const AbTest &test, const AbProgress &progress, qint64 minPerVariant) const
{
    AbRule rule;
    rule.minPerVariant = minPerVariant;
    // The planned split is even (the draw deals the group out in turn). For clicks among openers the
    // trials are the openers, whose split is a result, not the plan: the split check is on delivered.
    if (test.config.metric == AbMetric::ClickToOpen)
        for (const AbProgress::Variant &v : progress.variants)
            rule.splitCounts << v.delivered;
    return AbStatistics::analyse(progress.counts(test.config.metric), rule, test.config.metric);
}

Result<std::optional<qint64>> AbTests::decisionDueAt(qint64 campaignId) const
{
    const auto test = find(campaignId);
    if (!test)
        return test.error();
    if (!*test || (*test)->state != AbState::Testing)
        return std::optional<qint64>();
    const auto p = progress(campaignId);
    if (!p)
        return p.error();
    return p->decideAt;
}

Result<AbTests::Turn> AbTests::decideIfDue(qint64 campaignId, qint64 minPerVariant)
{
    const auto test = find(campaignId);
    if (!test)
        return test.error();
    if (!*test)
        return Turn{};
    const AbTest &t = **test;
    if (t.state == AbState::Waiting)
        return Turn{Turn::Kind::UserWaits, kHeld};
    if (t.state != AbState::Testing)
        return Turn{};
    const auto p = progress(campaignId);
    if (!p)
        return p.error();
    if (!p->decideAt)
        return Turn{Turn::Kind::Unsettled, 0}; // the test group is still going out, or in doubt
    if (*p->decideAt > m_clock())
        return Turn{Turn::Kind::NotDue, *p->decideAt};
    const auto analysis = analyse(t, *p, minPerVariant);
    if (!analysis)
        return analysis.error();
    const QJsonObject numbers = analysis->toJson();
    if (t.config.metric != AbMetric::Manual && analysis->winner >= 0) {
        if (Status s = release(t, analysis->winner, QStringLiteral("rule"), analysis->reasonCode, analysis->reason, numbers, std::nullopt); !s)
            return s.error();
        return Turn{Turn::Kind::Decided, 0};
    }
    if (t.config.metric != AbMetric::Manual && t.config.noWinner == AbNoWinner::SendA) {
        const QString why = tr("%1 The rest gets variant A, as set.").arg(analysis->reason);
        if (Status s = release(t, 0, QStringLiteral("fallback"), analysis->reasonCode, why, numbers, std::nullopt); !s)
            return s.error();
        return Turn{Turn::Kind::Decided, 0};
    }
    // The user decides: recorded once, with the numbers at the end of the wait.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE ab_tests SET state = 'waiting', reason_code = ?, reason = ?, analysis = ?, updated_at = ? "
                             "WHERE campaign_id = ? AND state = 'testing'"));
    const QString why = t.config.metric == AbMetric::Manual ? tr("The wait is over: choose the variant the rest gets.")
                                                            : tr("%1 Choose the variant the rest gets.").arg(analysis->reason);
    for (const QVariant &v : QVariantList{analysis->reasonCode, why, QString::fromUtf8(QJsonDocument(numbers).toJson(QJsonDocument::Compact)),
                                          m_clock(), campaignId})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    return Turn{Turn::Kind::UserWaits, kHeld};
}

Status AbTests::choose(qint64 campaignId, int variant, std::optional<qint64> byUser)
{
    const auto test = find(campaignId);
    if (!test)
        return test.error();
    if (!*test)
        return Error(errc::abtestState, tr("Campaign %1 has no A/B test.").arg(campaignId));
    const AbTest &t = **test;
    if (variant < 0 || variant >= t.config.variants.size())
        return Error(errc::abtestVariant, tr("The test has variants A to %1.").arg(variantName(int(t.config.variants.size()) - 1)));
    if (t.state != AbState::Waiting)
        return Error(errc::abtestState, t.state == AbState::Decided
                                            ? tr("Variant %1 was chosen already.").arg(variantName(t.winner))
                                            : tr("The test is still running: the winner is chosen once, at the end of the wait."));
    const QString why = tr("%1 was chosen by hand.").arg(variantName(variant));
    return release(t, variant, QStringLiteral("user"), QStringLiteral("abtest.user"), why, t.analysis, byUser);
}

Status AbTests::release(const AbTest &test, int winner, const QString &by, const QString &code, const QString &reason,
                        const QJsonObject &analysis, std::optional<qint64> byUser)
{
    const qint64 now = m_clock();
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    // Compare and set: whoever moves the test first decides; anyone else changes nothing.
    q.prepare(QStringLiteral("UPDATE ab_tests SET state = 'decided', winner = ?, decided_by = ?, decided_at = ?, reason_code = ?, reason = ?, "
                             "analysis = ?, updated_at = ? WHERE campaign_id = ? AND state IN ('testing', 'waiting')"));
    for (const QVariant &v : QVariantList{winner, by, now, code, reason, QString::fromUtf8(QJsonDocument(analysis).toJson(QJsonDocument::Compact)),
                                          now, test.campaignId})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    if (q.numRowsAffected() != 1)
        return Error(errc::abtestState, tr("The test was decided meanwhile."));
    const AbVariant &v = test.config.variants.at(winner);
    const qint64 due = v.sendTime ? nextTimeOfDay(*v.sendTime, now) : now;
    q.prepare(QStringLiteral("UPDATE outbox SET variant = ?, due_at = ?, updated_at = ? "
                             "WHERE campaign_id = ? AND ab_group = 0 AND variant IS NULL AND state = 'pending'"));
    for (const QVariant &value : QVariantList{winner, due, now, test.campaignId})
        q.addBindValue(value);
    if (!q.exec())
        return storage::queryError(q);
    const qint64 released = q.numRowsAffected();
    // The scheduler's job comes back when the rest is due (it slept while the test waited).
    if (Status s = JobStore(m_db, m_clock).scheduleSendWithin(test.campaignId, due); !s)
        return s;
    if (Status s = AuditLog(m_db).record(byUser, QStringLiteral("abtest.decided"), QStringLiteral("campaign"), test.campaignId,
                                         tr("%1 (%n to the rest): %2", nullptr, int(std::min<qint64>(released, INT_MAX))).arg(variantName(winner), reason), now);
        !s)
        return s;
    return tx.commit();
}

} // namespace lux::campaigns
