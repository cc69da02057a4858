// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

class QThread;

namespace lux::channels {
class Cancellation;
}
namespace lux::net {
class SafeFetcher;
}
namespace lux::seo {
struct FetchedSite;
struct Suggestions;
}
namespace lux::assistant {
struct SeoMetaDraft;
}

namespace lux::ui {

// What the SEO page asks for one analysis.
struct SeoAnalyzeRequest
{
    QUrl url;
    QString keyphrase;
    bool allowPrivate = false;
    int titlePixels = 600;
    int descriptionPixels = 920;
    QString databasePath; // where the analysis joins the address's history
};

// What the SEO page asks for one site crawl.
struct SeoCrawlRequest
{
    QUrl start;
    int maxPages = 100;
    bool allowPrivate = false;
    int pauseMs = 300;
    int titlePixels = 600;
    int descriptionPixels = 920;
    QString databasePath; // where the crawl is stored
};

// The SEO page's network, parsing and storing, on a thread of its own: pages are fetched, parsed,
// analysed and stored there (a 5 MiB page parses for a while; a crawl is hundreds of them), and only
// the answer comes back, queued to the page. One piece of work at a time; a new one, or stop(),
// cancels the one under way, whose answer is dropped.
class SeoWorker : public QObject
{
    Q_OBJECT
public:
    explicit SeoWorker(QObject *parent = nullptr);
    ~SeoWorker() override; // stops the work and ends the thread

    // Each call returns the work's ticket; answers carry it.
    int analyze(const SeoAnalyzeRequest &request);
    int crawl(const SeoCrawlRequest &request);
    void stop();

    // The two heavy ends of LUX's suggestions (seo::Suggester's pieces; the model is asked on the GUI
    // thread in between, where the assistant lives): the page fetched and parsed, and the candidates
    // judged by the analysis. `done` runs on this object's thread, with errc::cancelled when stopped
    // or superseded.
    using SiteDone = std::function<void(const Result<seo::FetchedSite> &)>;
    int fetchSite(const QUrl &url, bool allowPrivate, SiteDone done);
    using JudgeDone = std::function<void(const seo::Suggestions &)>;
    void judge(const seo::FetchedSite &site, const assistant::SeoMetaDraft &draft, int titlePixels, int descriptionPixels, JudgeDone done);

Q_SIGNALS:
    // `saveError`: the analysis is shown but could not join its history.
    void analyzed(int ticket, const QJsonObject &analysis, const QString &saveError);
    void crawlProgressed(int ticket, int done, int known, const QUrl &current);
    void crawled(int ticket, qint64 crawlId);
    void failed(int ticket, const QString &message);

private:
    class Engine;
    QThread *m_thread = nullptr;
    Engine *m_engine = nullptr; // lives on m_thread
    int m_ticket = 0;
};

} // namespace lux::ui
