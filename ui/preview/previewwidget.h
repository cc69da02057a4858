// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emaildocument.h"

#include <QFutureWatcher>
#include <QScrollArea>
#include <QTimer>

#include <memory>

class QLabel;
class QNetworkAccessManager;
class QPushButton;

namespace lux::ui {

// Shows an email as mail clients do (litehtml, no web engine) at a chosen width and zoom. New HTML is
// laid out on a worker a moment after the last change, so typing never waits for it; the previous
// rendering stays until the new one is ready. Remote images are not fetched unless the user asks, from
// the bar that says how many were left out, and then only for this view; links show their target on
// hover without navigating.
class PreviewWidget : public QScrollArea
{
    Q_OBJECT
public:
    explicit PreviewWidget(QWidget *parent = nullptr);
    ~PreviewWidget() override;

    void setHtml(const QString &html);
    void setPreviewWidth(int width); // 600, 800, 375…
    int previewWidth() const { return m_width; }
    void setZoom(qreal zoom);
    qreal zoom() const { return m_zoom; }
    void setInlineImages(const QHash<QString, QByteArray> &images);
    void loadRemoteImages();  // what the bar's button does: fetch the blocked images, then lay out again
    void forgetRemoteImages(); // another email: block remote images again
    // Local images (file: URLs, paths, CSS url()) are read from these folders only: the template's
    // folder and the media library, when there are. None by default.
    void setImageFolders(const QStringList &folders);
    // The user's "allow local images" setting: every image this account can read, wherever it is.
    void setAllowAnyLocalImage(bool allow);
    bool allowsAnyLocalImage() const { return m_images.anyLocalFile; }

    bool isRendering() const { return m_delay.isActive() || m_layout.isRunning(); }
    int documentHeight() const; // CSS pixels, 0 before the first layout
    int blockedImageCount() const;
    // What the last layout left out (images refused, the picture cut), and why it failed if it did
    // (the HTML over lux::HtmlLimits); shown above the page.
    QList<lux::Error> problems() const;
    QString layoutError() const { return m_error; }
    QString linkAt(const QPoint &canvasPoint) const; // canvas coordinates, zoom included

Q_SIGNALS:
    void rendered();
    void linkHovered(const QString &url); // empty when the pointer leaves a link

private:
    class Canvas;
    void startLayout();

    void updateBar();
    void updateProblems();

    Canvas *m_canvas;
    QWidget *m_bar;
    QLabel *m_note;
    QPushButton *m_load;
    QNetworkAccessManager *m_network = nullptr;
    QHash<QString, QByteArray> m_remote;
    int m_fetching = 0;
    int m_failed = 0;
    QTimer m_delay;
    struct Layout
    {
        std::shared_ptr<preview::EmailDocument> document;
        QString error; // why there is no document
    };
    QFutureWatcher<Layout> m_layout;
    std::shared_ptr<preview::EmailDocument> m_document;
    QLabel *m_problems;
    QString m_error;
    QString m_html;
    QHash<QString, QByteArray> m_inline;
    preview::ImagePolicy m_images;
    int m_width = 600;
    qreal m_zoom = 1.0;
    quint64 m_generation = 0;
};

} // namespace lux::ui
