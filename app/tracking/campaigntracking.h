// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "tracking/token.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QHash>
#include <QSqlDatabase>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace lux::campaigns {
struct Campaign;
}

namespace lux::tracking {

// Rewrites the links of rendered email HTML and adds the open pixel. Only <a href> with an
// absolute http(s) address is touched; mailto:, tel:, anchors and the unsubscribe link are not.
class LinkRewriter
{
public:
    // The distinct trackable addresses of `html`, in document order (HTML entities decoded).
    static QStringList links(const QString &html, const QString &skip = {});
    // `html` with each trackable href for which `replace` gives an address replaced by it.
    static QString rewrite(const QString &html, const std::function<QString(const QString &url)> &replace);
    // `html` with a 1×1 image before </body> (or at the end).
    static QString addPixel(const QString &html, const QString &src);
};

// What a campaign's messages need from lux-tracker: the signed one-click unsubscribe link always;
// when the campaign tracks, its links numbered, registered with the tracker before the first
// message goes out, rewritten in each message, and the open pixel.
class CampaignTracking
{
    Q_DECLARE_TR_FUNCTIONS(lux::tracking::CampaignTracking)
public:
    struct Config
    {
        QString trackerUrl; // https://track.example.com
        QByteArray keys;    // the KeyRing text
        QByteArray apiToken;
    };
    // Checks the address and the keys; says what is missing and where to set it.
    static Result<CampaignTracking> create(const Config &config);

    // `language`: the contact's, so lux-tracker shows the unsubscribe page in it (Unknown: English).
    QString unsubscribeUrl(qint64 campaignId, qint64 outboxId, Language language = Language::Unknown) const;
    QString openUrl(qint64 campaignId, qint64 outboxId) const;
    QString clickUrl(qint64 campaignId, qint64 outboxId, quint32 linkId) const;

    // Numbers the links of the campaign's message (rendered without a contact, so links that
    // differ per contact are left alone) in campaign_links, keeping the numbers given before.
    Status prepareLinks(QSqlDatabase db, const campaigns::Campaign &campaign) const;
    // Sends lux-tracker the links it does not have yet and marks them registered.
    QCoro::Task<Status> registerLinks(QNetworkAccessManager *network, QSqlDatabase db, qint64 campaignId) const;
    // The campaign's link numbers by address, for decorate().
    static Result<QHash<QString, quint32>> loadLinks(QSqlDatabase db, qint64 campaignId);
    // One recipient's HTML with its links through the tracker and the pixel.
    QString decorate(const QString &html, qint64 campaignId, qint64 outboxId, const QHash<QString, quint32> &links) const;

    const Config &config() const { return m_config; }
    QUrl apiUrl(const QString &path) const;

private:
    CampaignTracking(Config config, TokenCodec codec) : m_config(std::move(config)), m_codec(std::move(codec)) {}
    QString base() const;

    Config m_config;
    TokenCodec m_codec;
};

} // namespace lux::tracking
