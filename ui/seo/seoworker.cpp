// SPDX-License-Identifier: GPL-3.0-or-later
#include "seoworker.h"

#include "channels/httpclient.h"
#include "net/safefetcher.h"
#include "seo/analyzer.h"
#include "seo/serpwidth.h"

#include <QCoroTask>
#include <QThread>

namespace lux::ui {

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
        cancel();
        if (!m_fetcher)
            m_fetcher = std::make_unique<net::SafeFetcher>();
        m_cancel = new channels::Cancellation(this);
        seo::AnalyzeOptions options;
        options.keyphrase = request.keyphrase;
        options.allowPrivate = request.allowPrivate;
        options.cancellation = m_cancel;
        options.extraChecks = [titlePixels = request.titlePixels, descriptionPixels = request.descriptionPixels](const seo::Page &page) {
            return seo::SerpWidth::findings(page, titlePixels, descriptionPixels);
        };
        auto analyzer = std::make_shared<seo::Analyzer>(m_fetcher.get());
        QPointer<channels::Cancellation> cancel = m_cancel;
        auto task = analyzer->analyze(request.url, options);
        QCoro::connect(std::move(task), this, [owner, ticket, analyzer, cancel](const Result<seo::Analysis> &analysis) {
            if (cancel && cancel->isCancelled())
                return;
            if (cancel)
                cancel->deleteLater();
            // The owner outlives this object (its destructor ends the thread first), so it may be
            // posted to; it ignores an old ticket.
            if (analysis) {
                const QJsonObject json = analysis->toJson();
                QMetaObject::invokeMethod(owner, [owner, ticket, json] { Q_EMIT owner->analyzed(ticket, json); });
            } else {
                const QString message = analysis.error().message;
                QMetaObject::invokeMethod(owner, [owner, ticket, message] { Q_EMIT owner->failed(ticket, message); });
            }
        });
    }

private:
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

void SeoWorker::stop()
{
    ++m_ticket;
    QMetaObject::invokeMethod(m_engine, [engine = m_engine] { engine->cancel(); });
}

} // namespace lux::ui
