// SPDX-License-Identifier: GPL-3.0-or-later
#include "seoworker.h"

#include "channels/httpclient.h"
#include "common/errorcodes.h"
#include "net/safefetcher.h"
#include "seo/analyzer.h"
#include "seo/crawler.h"
#include "seo/seostore.h"
#include "seo/serpwidth.h"
#include "storage/sqlitefile.h"

#include <QCoroTask>
#include <QDateTime>
#include <QThread>

namespace lux::ui {

namespace {

std::function<QList<seo::Finding>(const seo::Page &)> widthChecks(int titlePixels, int descriptionPixels)
{
    return [titlePixels, descriptionPixels](const seo::Page &page) { return seo::SerpWidth::findings(page, titlePixels, descriptionPixels); };
}

} // namespace

// Owned by the worker, living and dying on its thread.
class SeoWorker::Engine : public QObject
{
public:
    void cancel()
    {
        if (m_cancel)
            m_cancel->cancel();
    }

    void analyze(SeoWorker *owner, int ticket, const SeoAnalyzeRequest &request)
    {
        QPointer<channels::Cancellation> cancel = begin();
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
        QCoro::connect(std::move(task), this, [owner, ticket, analyzer, cancel, path = request.databasePath](const Result<seo::Analysis> &analysis) {
            if (!stillWanted(cancel))
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
        seo::CrawlOptions options;
        options.maxPages = request.maxPages;
        options.allowPrivate = request.allowPrivate;
        options.pauseMs = request.pauseMs;
        options.cancellation = cancel;
        options.extraChecks = widthChecks(request.titlePixels, request.descriptionPixels);
        options.progress = [owner, ticket, cancel](const seo::CrawlProgress &p) {
            if (stillWanted(cancel))
                report(owner, [ticket, p](SeoWorker *o) { Q_EMIT o->crawlProgressed(ticket, p.done, p.known, p.current); });
        };
        auto crawler = std::make_shared<seo::Crawler>(m_fetcher.get());
        auto task = crawler->crawl(request.start, options);
        QCoro::connect(std::move(task), this, [owner, ticket, crawler, cancel, path = request.databasePath](const Result<seo::CrawlResult> &result) {
            if (!stillWanted(cancel))
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

private:
    // A new piece of work: the one under way is cancelled (its answer dropped).
    QPointer<channels::Cancellation> begin()
    {
        cancel();
        if (m_cancel)
            m_cancel->deleteLater();
        if (!m_fetcher)
            m_fetcher = std::make_unique<net::SafeFetcher>();
        m_cancel = new channels::Cancellation(this);
        return m_cancel;
    }

    static bool stillWanted(const QPointer<channels::Cancellation> &cancel) { return cancel && !cancel->isCancelled(); }

    // The owner outlives this object (its destructor ends the thread first), so it may be posted to;
    // it ignores an old ticket.
    template <typename F>
    static void report(SeoWorker *owner, F f)
    {
        QMetaObject::invokeMethod(owner, [owner, f = std::move(f)] { f(owner); });
    }

    std::unique_ptr<net::SafeFetcher> m_fetcher; // made, used and destroyed on the worker's thread
    QPointer<channels::Cancellation> m_cancel;
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
    stop();
    m_thread->quit();
    m_thread->wait();
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

void SeoWorker::stop()
{
    ++m_ticket;
    QMetaObject::invokeMethod(m_engine, [engine = m_engine] { engine->cancel(); });
}

} // namespace lux::ui
