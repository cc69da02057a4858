// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaigntracking.h"
#include "content/mergetemplate.h"
#include "common/errorcodes.h"

#include "channels/httpclient.h"

#include "campaigns/campaignstore.h"
#include "common/awaittask.h"
#include "content/templatestore.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace lux::tracking {

namespace {

QString decodeEntities(QStringView v)
{
    QString s = v.toString();
    s.replace(QLatin1String("&amp;"), QLatin1String("&"));
    s.replace(QLatin1String("&#38;"), QLatin1String("&"));
    s.replace(QLatin1String("&quot;"), QLatin1String("\""));
    s.replace(QLatin1String("&#39;"), QLatin1String("'"));
    return s;
}

bool trackable(const QString &url)
{
    return url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive) || url.startsWith(QLatin1String("http://"), Qt::CaseInsensitive);
}

// Calls `each(valueStart, valueEnd, decodedUrl)` for the href of every <a> tag.
void forEachHref(const QString &html, const std::function<void(qsizetype, qsizetype, const QString &)> &each)
{
    qsizetype pos = 0;
    const qsizetype n = html.size();
    while ((pos = html.indexOf(u'<', pos)) >= 0) {
        if (pos + 2 >= n)
            break;
        if (html.mid(pos, 4) == QLatin1String("<!--")) { // comments hide nothing to rewrite
            const qsizetype end = html.indexOf(QLatin1String("-->"), pos + 4);
            if (end < 0)
                break;
            pos = end + 3;
            continue;
        }
        const QChar a = html.at(pos + 1);
        const QChar after = html.at(pos + 2);
        if ((a != u'a' && a != u'A') || !(after.isSpace())) {
            ++pos;
            continue;
        }
        const qsizetype tagEnd = html.indexOf(u'>', pos);
        if (tagEnd < 0)
            break;
        qsizetype i = pos + 2;
        while (i < tagEnd) {
            while (i < tagEnd && html.at(i).isSpace())
                ++i;
            const qsizetype nameStart = i;
            while (i < tagEnd && !html.at(i).isSpace() && html.at(i) != u'=' && html.at(i) != u'/')
                ++i;
            const QStringView name = QStringView(html).sliced(nameStart, i - nameStart);
            while (i < tagEnd && html.at(i).isSpace())
                ++i;
            if (i >= tagEnd || html.at(i) != u'=') {
                if (i == nameStart)
                    ++i;
                continue;
            }
            ++i;
            while (i < tagEnd && html.at(i).isSpace())
                ++i;
            qsizetype valueStart = i, valueEnd;
            if (i < tagEnd && (html.at(i) == u'"' || html.at(i) == u'\'')) {
                const QChar quote = html.at(i);
                valueStart = i + 1;
                valueEnd = html.indexOf(quote, valueStart);
                if (valueEnd < 0 || valueEnd > tagEnd)
                    break;
                i = valueEnd + 1;
            } else {
                while (i < tagEnd && !html.at(i).isSpace())
                    ++i;
                valueEnd = i;
            }
            if (name.compare(QLatin1String("href"), Qt::CaseInsensitive) == 0) {
                each(valueStart, valueEnd, decodeEntities(QStringView(html).sliced(valueStart, valueEnd - valueStart)).trimmed());
                break;
            }
        }
        pos = tagEnd + 1;
    }
}

// Calls `each(start, end, url)` for every http(s) address written in plain text.
void forEachTextUrl(const QString &text, const std::function<void(qsizetype, qsizetype, const QString &)> &each)
{
    static const QRegularExpression url(QStringLiteral(R"(\bhttps?://[^\s<>"]+)"), QRegularExpression::CaseInsensitiveOption);
    for (auto it = url.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QString found = m.captured(0);
        // The sentence's punctuation after an address is not part of it, nor a parenthesis it does
        // not open ("(see https://a.example/x)").
        for (;;) {
            const QChar last = found.back();
            if (QStringView(u".,;:!?'").contains(last) || (last == u')' && found.count(u'(') < found.count(u')')))
                found.chop(1);
            else
                break;
        }
        if (found.size() > 8)
            each(m.capturedStart(0), m.capturedStart(0) + found.size(), found);
    }
}

// The walkers above, one for HTML hrefs and one for plain text.
using UrlVisitor = std::function<void(qsizetype, qsizetype, const QString &)>;
using UrlWalk = void (*)(const QString &, const UrlVisitor &);

QStringList distinctLinks(const QString &source, UrlWalk walk, const QString &skip)
{
    QStringList out;
    walk(source, [&](qsizetype, qsizetype, const QString &url) {
        if (trackable(url) && url != skip && !out.contains(url))
            out.append(url);
    });
    return out;
}

QString replaceLinks(const QString &source, UrlWalk walk, const std::function<QString(const QString &url)> &replace, bool html)
{
    QString out;
    out.reserve(source.size() + 256);
    qsizetype copied = 0;
    walk(source, [&](qsizetype start, qsizetype end, const QString &url) {
        if (!trackable(url))
            return;
        const QString to = replace(url);
        if (to.isEmpty())
            return;
        out += QStringView(source).sliced(copied, start - copied);
        out += html ? to.toHtmlEscaped() : to;
        copied = end;
    });
    out += QStringView(source).sliced(copied);
    return out;
}

} // namespace

QStringList LinkRewriter::textLinks(const QString &text, const QString &skip)
{
    return distinctLinks(text, forEachTextUrl, skip);
}

QString LinkRewriter::rewriteText(const QString &text, const std::function<QString(const QString &url)> &replace)
{
    return replaceLinks(text, forEachTextUrl, replace, false);
}

QStringList LinkRewriter::links(const QString &html, const QString &skip)
{
    return distinctLinks(html, forEachHref, skip);
}

QString LinkRewriter::rewrite(const QString &html, const std::function<QString(const QString &url)> &replace)
{
    return replaceLinks(html, forEachHref, replace, true);
}

QString LinkRewriter::addPixel(const QString &html, const QString &src)
{
    const QString img = QStringLiteral("<img src=\"%1\" width=\"1\" height=\"1\" alt=\"\" "
                                       "style=\"display:block;border:0;width:1px;height:1px;overflow:hidden\">")
                            .arg(src.toHtmlEscaped());
    const qsizetype body = html.lastIndexOf(QLatin1String("</body>"), -1, Qt::CaseInsensitive);
    if (body < 0)
        return html + img;
    return html.left(body) + img + html.mid(body);
}

Result<CampaignTracking> CampaignTracking::create(const Config &config)
{
    const QUrl url(config.trackerUrl.trimmed(), QUrl::StrictMode);
    const bool withTracker = !config.trackerUrl.trimmed().isEmpty();
    if (withTracker
        && (!url.isValid() || url.host().isEmpty() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))))
        return Error(errc::trackerConfig, tr("The tracker address “%1” is not an http or https address.").arg(config.trackerUrl));
    if (config.keys.trimmed().isEmpty())
        return Error(errc::trackingKeys,
                     withTracker ? tr("The tracking signing keys are not set: add them under Settings → Tracking (or set LUX_SECRET_TRACKING_KEYS).")
                                 : tr("There are no signing keys for the unsubscribe addresses, and none could be kept in the keychain: "
                                      "start your desktop's keyring, or set LUX_SECRET_TRACKING_KEYS for runs without one."));
    auto ring = KeyRing::parse(config.keys);
    if (!ring)
        return Error(errc::trackingKeys, tr("The tracking signing keys cannot be used: %1").arg(ring.error().message));
    return CampaignTracking(config, TokenCodec(*ring), ShortLinkCodec(*ring));
}

QString CampaignTracking::base() const
{
    QString b = m_config.trackerUrl.trimmed();
    while (b.endsWith(u'/'))
        b.chop(1);
    return b;
}

QUrl CampaignTracking::apiUrl(const QString &path) const
{
    return QUrl(base() + path);
}

QString CampaignTracking::unsubscribeAddress(const QString &sender, qint64 campaignId, qint64 outboxId, Language language) const
{
    return hasTracker() ? unsubscribeUrl(campaignId, outboxId, language) : unsubscribeMailto(sender, campaignId, outboxId, language);
}

QString CampaignTracking::unsubscribeUrl(qint64 campaignId, qint64 outboxId, Language language) const
{
    return base() + QStringLiteral("/u/") + m_codec.sign({Purpose::Unsubscribe, quint64(campaignId), quint64(outboxId), 0, 0, language});
}

QString CampaignTracking::unsubscribeMailto(const QString &sender, qint64 campaignId, qint64 outboxId, Language language) const
{
    const QString token = m_codec.sign({Purpose::Unsubscribe, quint64(campaignId), quint64(outboxId), 0, 0, language});
    const qsizetype at = sender.lastIndexOf(u'@');
    const QString local = sender.left(at);
    const QString domain = sender.mid(at + 1);
    // RFC 6068: what an address may hold but a URI may not is percent-encoded (%, /, ?, #, &, =).
    const auto encoded = [](const QString &part) { return QString::fromLatin1(QUrl::toPercentEncoding(part, "!$'*+^_`{|}~")); };
    const QString tagged = local + QStringLiteral("+unsub-") + token;
    if (tagged.toUtf8().size() <= kMaxLocalPartOctets)
        return QStringLiteral("mailto:") + encoded(tagged) + u'@' + domain;
    return QStringLiteral("mailto:") + encoded(local) + u'@' + domain + QStringLiteral("?subject=unsubscribe%20") + token;
}

QString CampaignTracking::openUrl(qint64 campaignId, qint64 outboxId, bool anonymous) const
{
    const Claims claims{anonymous ? Purpose::AnonymousOpen : Purpose::Open, quint64(campaignId), anonymous ? 0 : quint64(outboxId), 0, 0,
                        Language::Unknown};
    return base() + QStringLiteral("/o/") + m_codec.sign(claims);
}

QString CampaignTracking::clickUrl(qint64 campaignId, qint64 outboxId, quint32 linkId, bool anonymous) const
{
    const Claims claims{anonymous ? Purpose::AnonymousClick : Purpose::Click, quint64(campaignId), anonymous ? 0 : quint64(outboxId), linkId,
                        0, Language::Unknown};
    return base() + QStringLiteral("/c/") + m_codec.sign(claims);
}

Status CampaignTracking::prepareLinks(QSqlDatabase db, const campaigns::Campaign &campaign) const
{
    if (campaign.tracking == campaigns::TrackingMode::Off || !hasTracker())
        return {}; // nothing is rewritten, so nothing is numbered
    QStringList found;
    if (campaign.channel == QLatin1String("sms")) {
        // A text's links, as written for nobody (links that differ per contact are left alone).
        if (campaign.tracking == campaigns::TrackingMode::Anonymous)
            return {}; // short links name their recipient: an anonymous campaign's texts keep their links
        const content::TemplateRenderer renderer(db);
        const auto body = content::MergeTemplate::compile(campaign.body, renderer.fields(), content::MergeTemplate::Mode::Text);
        found = LinkRewriter::textLinks(body.render(renderer.valuesFor(nullptr)));
    } else {
        const auto t = content::TemplateStore(db).find(campaign.templateId);
        if (!t)
            return Error(errc::trackingLinks, tr("The campaign's template cannot be read: %1").arg(t.error().message));
        content::EmailTemplate message = *t;
        if (!campaign.subject.isEmpty())
            message.subject = campaign.subject;
        const QString unsubscribe = unsubscribeUrl(campaign.id, 0);
        const auto rendered = content::TemplateRenderer(db).render(message, nullptr, {{QStringLiteral("unsubscribe_url"), unsubscribe}});
        // The text part's links share the numbers of the HTML's; those only it has come after.
        found = LinkRewriter::links(rendered.html, unsubscribe);
        for (const QString &url : LinkRewriter::textLinks(rendered.text, unsubscribe))
            if (!found.contains(url))
                found.append(url);
    }
    const auto known = loadLinks(db, campaign.id);
    if (!known)
        return known.error();
    storage::Transaction tx(db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO campaign_links (campaign_id, link_id, url) VALUES (?, ?, ?)"));
    quint32 next = 1;
    for (quint32 id : *known)
        next = std::max(next, id + 1);
    for (const QString &url : found) {
        if (known->contains(url))
            continue;
        q.addBindValue(campaign.id);
        q.addBindValue(next++);
        q.addBindValue(url);
        if (!q.exec())
            return storage::queryError(q);
    }
    return tx.commit();
}

Result<QHash<QString, quint32>> CampaignTracking::loadLinks(QSqlDatabase db, qint64 campaignId)
{
    QHash<QString, quint32> links;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT url, link_id FROM campaign_links WHERE campaign_id = ?"));
    q.addBindValue(campaignId);
    if (!q.exec())
        return storage::queryError(q);
    while (q.next())
        links.insert(q.value(0).toString(), quint32(q.value(1).toUInt()));
    return links;
}

QCoro::Task<Status> CampaignTracking::registerLinks(QNetworkAccessManager *network, QSqlDatabase db, qint64 campaignId) const
{
    if (!hasTracker())
        co_return Status{}; // no tracker, nothing rewritten: nothing to register
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT link_id, url FROM campaign_links WHERE campaign_id = ? AND registered_at IS NULL ORDER BY link_id"));
    q.addBindValue(campaignId);
    if (!q.exec())
        co_return storage::queryError(q);
    QJsonArray links;
    qint64 last = 0;
    while (q.next()) {
        last = q.value(0).toLongLong();
        links.append(QJsonObject{{QStringLiteral("id"), q.value(0).toLongLong()}, {QStringLiteral("url"), q.value(1).toString()}});
    }
    q.finish();
    if (links.isEmpty())
        co_return Status{};
    if (m_config.apiToken.isEmpty())
        co_return Error(errc::trackerToken,
                        tr("The tracker API token is not set: add it under Settings → Tracking (or set LUX_SECRET_TRACKER_API_TOKEN)."));
    channels::HttpClient http(network, {QUrl(base()), 30'000});
    http.setBearer(m_config.apiToken);
    // Registering a link twice is harmless (the tracker keeps the first), so Qt may resend this one.
    channels::HttpRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/links");
    request.contentType = "application/json";
    request.body = QJsonDocument(QJsonObject{{QStringLiteral("campaign"), campaignId}, {QStringLiteral("links"), links}}).toJson(QJsonDocument::Compact);
    const channels::HttpResponse reply = co_await http.send(std::move(request));
    const int status = reply.status;
    if (!reply.answered())
        co_return Error(errc::trackerUnreachable,
                        tr("The tracker at %1 cannot be reached to register the campaign's links: %2").arg(base(), reply.errorString));
    if (status != 200) {
        const QString message = reply.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
        co_return Error(errc::trackerLinks, status == 401 ? tr("The tracker refused the API token (HTTP 401): check it under Settings → Tracking.")
                                                                        : tr("The tracker did not take the campaign's links (HTTP %1): %2").arg(status).arg(message));
    }
    QSqlQuery mark(db);
    mark.prepare(QStringLiteral("UPDATE campaign_links SET registered_at = ? WHERE campaign_id = ? AND registered_at IS NULL AND link_id <= ?"));
    mark.addBindValue(QDateTime::currentMSecsSinceEpoch());
    mark.addBindValue(campaignId);
    mark.addBindValue(last);
    if (!mark.exec())
        co_return storage::queryError(mark);
    co_return Status{};
}

QString CampaignTracking::decorate(const QString &html, qint64 campaignId, qint64 outboxId, const QHash<QString, quint32> &links,
                                   bool anonymous) const
{
    const QString rewritten = LinkRewriter::rewrite(html, clicks(links, campaignId, outboxId, anonymous));
    return LinkRewriter::addPixel(rewritten, openUrl(campaignId, outboxId, anonymous));
}

QString CampaignTracking::decorateText(const QString &text, qint64 campaignId, qint64 outboxId, const QHash<QString, quint32> &links,
                                       bool anonymous) const
{
    return LinkRewriter::rewriteText(text, clicks(links, campaignId, outboxId, anonymous));
}

QString CampaignTracking::shortenText(const QString &text, qint64 campaignId, qint64 outboxId, const QHash<QString, quint32> &links) const
{
    if (!hasTracker())
        return text;
    const QString prefix = base() + QStringLiteral("/s/");
    return LinkRewriter::rewriteText(text, [&](const QString &url) -> QString {
        const auto it = links.constFind(url);
        if (it == links.constEnd())
            return {};
        const QString code = m_short.sign(quint64(campaignId), quint64(outboxId), *it);
        return code.isEmpty() ? QString() : prefix + code;
    });
}

std::function<QString(const QString &)> CampaignTracking::clicks(const QHash<QString, quint32> &links, qint64 campaignId, qint64 outboxId,
                                                                 bool anonymous) const
{
    return [this, &links, campaignId, outboxId, anonymous](const QString &url) {
        const auto it = links.constFind(url);
        return it == links.constEnd() ? QString() : clickUrl(campaignId, outboxId, *it, anonymous);
    };
}

} // namespace lux::tracking
