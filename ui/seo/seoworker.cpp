// SPDX-License-Identifier: GPL-3.0-or-later
#include "seoworker.h"

#include "assistant/seodrafts.h"
#include "channels/httpclient.h"
#include "common/errorcodes.h"
#include "net/safefetcher.h"
#include "seo/analyzer.h"
#include "seo/crawler.h"
#include "seo/seostore.h"
#include "seo/serpwidth.h"
#include "seo/suggester.h"
#include "storage/sqlitefile.h"

#include <QCoroTask>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QThread>

namespace lux::ui {

namespace {

constexpr int kShutdownWaitMs = 10'000; // a page being parsed, or a save waiting on a busy database

std::function<QList<seo::Finding>(const seo::Page &)> widthChecks(int titlePixels, int descriptionPixels)
{
    return [titlePixels, descriptionPixels](const seo::Page &page) { return seo::SerpWidth::findings(page, titlePixels, descriptionPixels); };
}

} // namespace

// Owned by the worker, living and dying on its thread. Each piece of work has a Cancellation of its
// own, deleted when the work has ended (never before: the work reads it to know it must stop).
class SeoWorker::Engine : public QObject
{
public:
    void cancel()
    {
        if (m_cancel)
            m_cancel->cancel();
    }

    // The owner is going: the work under way is cancelled and the thread ends once it has wound down
    // (its requests aborted, its coroutine returned), so nothing is left suspended on a dead loop.
    void shutDown()
    {
        m_quitting = true;
        cancel();
        if (m_active == 0)
            thread()->quit();
    }

    void analyze(SeoWorker *owner, int ticket, const SeoAnalyzeRequest &request)
    {
        QPointer<channels::Cancellation> cancel = begin();
        if (!cancel)
            return;
        seo::AnalyzeOptions options;
        options.keyphrase = request.keyphrase;
        options.allowPrivate = request.allowPrivate;
        options.cancellation = cancel;
        options.extraChecks = widthChecks(request.titlePixels, request.descriptionPixels);
        if (!request.databasePath.isEmpty()) {
            // A JSON-LD Product's price is checked against the synced WooCommerce catalogue, read here.
            storage::ScopedConnection conn(request.databasePath, storage::ScopedConnection::Mode::ReadOnly);
            if (conn.isOpen())
                options.catalogue = seo::ContentChecks::storedCatalogue(conn.db());
        }
        auto analyzer = std::make_shared<seo::Analyzer>(m_fetcher.get());
        auto task = analyzer->analyze(request.url, options);
        QCoro::connect(std::move(task), this, [this, owner, ticket, analyzer, cancel, path = request.databasePath](const Result<seo::Analysis> &analysis) {
            if (!end(cancel))
                return;
            if (!analysis) {
                report(owner, [ticket, message = analysis.error().message](SeoWorker *o) { Q_EMIT o->failed(ticket, message); });
                return;
            }
            QString saveError;
            if (!path.isEmpty()) {
                storage::ScopedConnection conn(path, storage::ScopedConnection::Mode::ReadWrite);
                const Result<qint64> saved = conn.isOpen() ? seo::SeoStore(conn.db()).saveAnalysis(*analysis, QDateTime::currentMSecsSinceEpoch())
                                                           : Result<qint64>(Error(errc::dbOpenFailed, conn.errorText()));
                if (!saved)
                    saveError = saved.error().message;
            }
            report(owner, [ticket, json = analysis->toJson(), saveError](SeoWorker *o) { Q_EMIT o->analyzed(ticket, json, saveError); });
        });
    }

    void crawl(SeoWorker *owner, int ticket, const SeoCrawlRequest &request)
    {
        QPointer<channels::Cancellation> cancel = begin();
        if (!cancel)
            return;
        seo::CrawlOptions options;
        options.maxPages = request.maxPages;
        options.allowPrivate = request.allowPrivate;
        options.pauseMs = request.pauseMs;
        options.cancellation = cancel;
        options.extraChecks = widthChecks(request.titlePixels, request.descriptionPixels);
        options.progress = [owner, ticket, cancel](const seo::CrawlProgress &p) {
            if (wanted(cancel))
                report(owner, [ticket, p](SeoWorker *o) { Q_EMIT o->crawlProgressed(ticket, p.done, p.known, p.current); });
        };
        auto crawler = std::make_shared<seo::Crawler>(m_fetcher.get());
        auto task = crawler->crawl(request.start, options);
        QCoro::connect(std::move(task), this, [this, owner, ticket, crawler, cancel, path = request.databasePath](const Result<seo::CrawlResult> &result) {
            if (!end(cancel))
                return;
            if (!result) {
                report(owner, [ticket, message = result.error().message](SeoWorker *o) { Q_EMIT o->failed(ticket, message); });
                return;
            }
            // Stored whole, in one transaction, on this thread; the page reads it back from there.
            storage::ScopedConnection conn(path, storage::ScopedConnection::Mode::ReadWrite);
            const Result<qint64> id = conn.isOpen() ? seo::SeoStore(conn.db()).saveCrawl(*result) : Result<qint64>(Error(errc::dbOpenFailed, conn.errorText()));
            if (!id)
                report(owner, [ticket, message = id.error().message](SeoWorker *o) { Q_EMIT o->failed(ticket, message); });
            else
                report(owner, [ticket, crawlId = *id](SeoWorker *o) { Q_EMIT o->crawled(ticket, crawlId); });
        });
    }

    void fetchSite(SeoWorker *owner, const QUrl &url, bool allowPrivate, const SiteDone &done)
    {
        QPointer<channels::Cancellation> cancel = begin();
        const auto stopped = [] { return Result<seo::FetchedSite>(Error(errc::cancelled, SeoWorker::tr("Stopped."))); };
        if (!cancel) {
            report(owner, [done, stopped](SeoWorker *) { done(stopped()); });
            return;
        }
        seo::AnalyzeOptions options;
        options.allowPrivate = allowPrivate;
        options.cancellation = cancel;
        auto analyzer = std::make_shared<seo::Analyzer>(m_fetcher.get());
        auto task = analyzer->fetch(url, options);
        QCoro::connect(std::move(task), this, [this, owner, analyzer, cancel, done, stopped](const Result<seo::FetchedSite> &site) {
            const Result<seo::FetchedSite> answer = end(cancel) ? site : stopped();
            report(owner, [done, answer](SeoWorker *) { done(answer); });
        });
    }

private:
    // A new piece of work: the one under way is cancelled (its answer dropped). None while shutting down.
    QPointer<channels::Cancellation> begin()
    {
        cancel();
        if (m_quitting)
            return {};
        if (!m_fetcher)
            m_fetcher = std::make_unique<net::SafeFetcher>();
        m_cancel = new channels::Cancellation(this);
        ++m_active;
        return m_cancel;
    }

    // A piece of work has ended: its Cancellation goes, and the thread with it when shutting down.
    // Whether its answer is still wanted.
    bool end(const QPointer<channels::Cancellation> &cancel)
    {
        const bool answer = wanted(cancel);
        if (cancel)
            cancel->deleteLater();
        if (--m_active == 0 && m_quitting)
            thread()->quit();
        return answer;
    }

    static bool wanted(const QPointer<channels::Cancellation> &cancel) { return cancel && !cancel->isCancelled(); }

    // The owner outlives this object (its destructor ends the thread first), so it may be posted to;
    // it ignores an old ticket.
    template <typename F>
    static void report(SeoWorker *owner, F f)
    {
        QMetaObject::invokeMethod(owner, [owner, f = std::move(f)] { f(owner); });
    }

    std::unique_ptr<net::SafeFetcher> m_fetcher; // made, used and destroyed on the worker's thread
    QPointer<channels::Cancellation> m_cancel;   // the latest work's
    int m_active = 0;                            // pieces of work not yet ended
    bool m_quitting = false;
};

SeoWorker::SeoWorker(QObject *parent) : QObject(parent)
{
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("lux-seo"));
    m_engine = new Engine;
    m_engine->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    m_thread->start();
}

SeoWorker::~SeoWorker()
{
    ++m_ticket;
    QMetaObject::invokeMethod(m_engine, [engine = m_engine] { engine->shutDown(); });
    if (!m_thread->wait(QDeadlineTimer(kShutdownWaitMs))) {
        // Still busy (a huge page being parsed): leave the work to the end of the process.
        m_thread->quit();
        m_thread->wait();
    }
    delete m_thread;
}

int SeoWorker::analyze(const SeoAnalyzeRequest &request)
{
    const int ticket = ++m_ticket;
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, owner = this, ticket, request] { engine->analyze(owner, ticket, request); });
    return ticket;
}

int SeoWorker::crawl(const SeoCrawlRequest &request)
{
    const int ticket = ++m_ticket;
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, owner = this, ticket, request] { engine->crawl(owner, ticket, request); });
    return ticket;
}

int SeoWorker::fetchSite(const QUrl &url, bool allowPrivate, SiteDone done)
{
    const int ticket = ++m_ticket;
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, owner = this, url, allowPrivate, done = std::move(done)] {
        engine->fetchSite(owner, url, allowPrivate, done);
    });
    return ticket;
}

void SeoWorker::judge(const seo::FetchedSite &site, const assistant::SeoMetaDraft &draft, int titlePixels, int descriptionPixels, JudgeDone done)
{
    // Pure work on the worker's thread (seven analyses of the page); nothing to cancel.
    QMetaObject::invokeMethod(m_engine, [owner = this, site, draft, titlePixels, descriptionPixels, done = std::move(done)] {
        seo::Suggestions judged = seo::Suggester::judge(site, draft, titlePixels, descriptionPixels);
        QMetaObject::invokeMethod(owner, [done, judged] { done(judged); });
    });
}

void SeoWorker::stop()
{
    ++m_ticket;
    QMetaObject::invokeMethod(m_engine, [engine = m_engine] { engine->cancel(); });
}

} // namespace lux::ui
