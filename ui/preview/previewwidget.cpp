// SPDX-License-Identifier: GPL-3.0-or-later
#include "previewwidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace lux::ui {

// The page the email is painted on, at the preview width times the zoom.
class PreviewWidget::Canvas : public QWidget
{
public:
    explicit Canvas(PreviewWidget *owner) : QWidget(owner), m_owner(owner)
    {
        setMouseTracking(true);
        setAutoFillBackground(false);
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QPainter painter(this);
        painter.fillRect(event->rect(), Qt::white);
        const auto &doc = m_owner->m_document;
        if (!doc)
            return;
        const qreal zoom = m_owner->m_zoom;
        painter.scale(zoom, zoom);
        const QRect clip(int(event->rect().x() / zoom), int(event->rect().y() / zoom), int(event->rect().width() / zoom) + 2,
                         int(event->rect().height() / zoom) + 2);
        painter.setClipRect(clip);
        doc->paint(&painter, clip);
    }
    void mouseMoveEvent(QMouseEvent *event) override
    {
        const QString link = m_owner->linkAt(event->position().toPoint());
        if (link != m_link) {
            m_link = link;
            setCursor(link.isEmpty() ? Qt::ArrowCursor : Qt::PointingHandCursor);
            Q_EMIT m_owner->linkHovered(link);
        }
        if (!link.isEmpty())
            QToolTip::showText(event->globalPosition().toPoint(), link, this);
        else
            QToolTip::hideText();
    }
    void leaveEvent(QEvent *) override
    {
        if (!m_link.isEmpty()) {
            m_link.clear();
            Q_EMIT m_owner->linkHovered({});
        }
    }

private:
    PreviewWidget *m_owner;
    QString m_link;
};

PreviewWidget::PreviewWidget(QWidget *parent) : QScrollArea(parent)
{
    setObjectName(QStringLiteral("previewWidget"));
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    setBackgroundRole(QPalette::Dark);
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    m_bar = new QWidget(page);
    m_bar->setObjectName(QStringLiteral("previewImagesBar"));
    auto *barLayout = new QHBoxLayout(m_bar);
    barLayout->setContentsMargins(0, 0, 0, 0);
    m_note = new QLabel(m_bar);
    m_note->setObjectName(QStringLiteral("previewNote"));
    m_note->setProperty("role", QStringLiteral("muted"));
    m_note->setWordWrap(true);
    m_load = new QPushButton(tr("Load Images"), m_bar);
    m_load->setObjectName(QStringLiteral("previewLoadImages"));
    m_load->setToolTip(tr("Fetch the remote images for this preview only. The image servers will see a request from "
                          "this computer."));
    barLayout->addWidget(m_note, 1);
    barLayout->addWidget(m_load);
    m_bar->hide();
    m_problems = new QLabel(page);
    m_problems->setObjectName(QStringLiteral("previewProblems"));
    m_problems->setProperty("role", QStringLiteral("warning"));
    m_problems->setWordWrap(true);
    m_problems->hide();
    m_canvas = new Canvas(this);
    m_canvas->setParent(page);
    layout->addWidget(m_bar);
    layout->addWidget(m_problems);
    layout->addWidget(m_canvas, 0, Qt::AlignHCenter);
    layout->addStretch(1);
    setWidget(page);
    setWidgetResizable(true);

    connect(m_load, &QPushButton::clicked, this, &PreviewWidget::loadRemoteImages);
    m_delay.setSingleShot(true);
    m_delay.setInterval(150);
    connect(&m_delay, &QTimer::timeout, this, &PreviewWidget::startLayout);
    connect(&m_layout, &QFutureWatcherBase::finished, this, [this] {
        if (m_layout.property("generation").toULongLong() != m_generation)
            return; // a newer edit is on its way
        const Layout done = m_layout.result();
        m_document = done.document;
        m_error = done.error;
        updateBar();
        updateProblems();
        if (!m_document) {
            m_canvas->setFixedSize(QSize(1, 1));
            m_canvas->update();
            Q_EMIT rendered();
            return;
        }
        m_canvas->setFixedSize(QSize(m_document->width(), std::max(1, m_document->height())) * m_zoom);
        m_canvas->update();
        Q_EMIT rendered();
    });
}

PreviewWidget::~PreviewWidget()
{
    m_layout.waitForFinished();
}

void PreviewWidget::setHtml(const QString &html)
{
    m_html = html;
    ++m_generation;
    m_delay.start();
}

void PreviewWidget::setPreviewWidth(int width)
{
    if (width == m_width)
        return;
    m_width = width;
    ++m_generation;
    m_delay.start(0);
}

void PreviewWidget::setZoom(qreal zoom)
{
    m_zoom = std::clamp(zoom, 0.25, 4.0);
    if (m_document)
        m_canvas->setFixedSize(QSize(m_document->width(), std::max(1, m_document->height())) * m_zoom);
    m_canvas->update();
}

void PreviewWidget::setInlineImages(const QHash<QString, QByteArray> &images)
{
    m_inline = images;
}

void PreviewWidget::setImageFolders(const QStringList &folders)
{
    if (folders == m_images.folders)
        return;
    m_images.folders = folders;
    ++m_generation;
    m_delay.start(0);
}

void PreviewWidget::setAllowAnyLocalImage(bool allow)
{
    if (allow == m_images.anyLocalFile)
        return;
    m_images.anyLocalFile = allow;
    ++m_generation;
    m_delay.start(0);
}

QList<Error> PreviewWidget::problems() const
{
    return m_document ? m_document->problems() : QList<Error>();
}

void PreviewWidget::updateProblems()
{
    QStringList lines;
    if (!m_error.isEmpty())
        lines << m_error;
    for (const Error &problem : problems())
        lines << problem.message;
    m_problems->setVisible(!lines.isEmpty());
    if (lines.size() > 3) { // the first few, and how many more; all of them in the tooltip
        m_problems->setToolTip(lines.join(u'\n'));
        const qsizetype more = lines.size() - 3;
        lines = lines.mid(0, 3);
        lines << tr("…and %n more.", nullptr, int(more));
    } else {
        m_problems->setToolTip({});
    }
    m_problems->setText(lines.join(u'\n'));
}

void PreviewWidget::updateBar()
{
    const int blocked = blockedImageCount() - m_failed;
    m_bar->setVisible(blocked > 0 || m_fetching > 0 || m_failed > 0);
    m_load->setVisible(blocked > 0 && m_fetching == 0);
    if (m_fetching > 0)
        m_note->setText(tr("Loading %n remote image(s)…", nullptr, m_fetching));
    else if (blocked > 0)
        m_note->setText(tr("%n remote image(s) not loaded, so no tracking pixel fires. Images sent inside the message show.",
                           nullptr, blocked));
    else
        m_note->setText(tr("%n remote image(s) could not be loaded.", nullptr, m_failed));
}

void PreviewWidget::loadRemoteImages()
{
    if (!m_document || m_fetching > 0)
        return;
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    m_failed = 0;
    constexpr qint64 kMaxImageBytes = 5 * 1024 * 1024;
    for (const QString &url : m_document->blockedImages()) {
        if (m_remote.contains(url))
            continue;
        QNetworkRequest request{QUrl(url)};
        request.setTransferTimeout(15000);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = m_network->get(request);
        ++m_fetching;
        connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
            if (received > kMaxImageBytes)
                reply->abort(); // not an email image
        });
        connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
            reply->deleteLater();
            --m_fetching;
            if (reply->error() == QNetworkReply::NoError)
                m_remote.insert(url, reply->readAll());
            else
                ++m_failed;
            if (m_fetching == 0) {
                ++m_generation;
                startLayout();
            }
            updateBar();
        });
    }
    updateBar();
}

void PreviewWidget::forgetRemoteImages()
{
    m_remote.clear();
    m_failed = 0;
}

void PreviewWidget::startLayout()
{
    preview::PreviewOptions options;
    options.width = m_width;
    options.inlineImages = m_inline;
    options.remoteImages = m_remote;
    options.images = m_images;
    options.baseDirectory = m_images.folders.value(0); // relative paths: the template's folder, when there is one
    m_layout.setProperty("generation", m_generation);
    m_layout.setFuture(QtConcurrent::run([html = m_html, options] {
        auto laidOut = preview::EmailDocument::layout(html, options);
        if (!laidOut)
            return Layout{nullptr, laidOut.error().message};
        return Layout{std::shared_ptr<preview::EmailDocument>(std::move(*laidOut)), QString()};
    }));
}

int PreviewWidget::documentHeight() const
{
    return m_document ? m_document->height() : 0;
}

int PreviewWidget::blockedImageCount() const
{
    return m_document ? int(m_document->blockedImages().size()) : 0;
}

QString PreviewWidget::linkAt(const QPoint &canvasPoint) const
{
    if (!m_document)
        return {};
    return m_document->linkAt(QPoint(int(canvasPoint.x() / m_zoom), int(canvasPoint.y() / m_zoom)));
}

} // namespace lux::ui
