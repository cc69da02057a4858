// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "assistant/mediastore.h"

#include <QAbstractItemView>
#include <QDialog>
#include <QList>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace lux::ui {

// The media library as thumbnails to choose from (the composer's pictures, a template's image): each
// with its name and pixel size, one or several chosen. The library is read and the thumbnails scaled on
// a worker; an empty library says how to fill it. Open it with open() (window-modal, never blocking)
// and take chosen() on accepted(); tests drive it by its object names.
class MediaPicker : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kThumbnail = 132; // pixels, the longer side

    MediaPicker(const QString &databasePath, QAbstractItemView::SelectionMode selection, QWidget *parent = nullptr);

    bool isLoaded() const { return m_loaded; }
    int count() const { return int(m_items.size()); }
    // What was chosen, in the library's order: id, name, mime, size and alt; no bytes (the caller reads
    // those it needs with MediaStore::find, off the GUI thread).
    QList<assistant::MediaItem> chosen() const;

Q_SIGNALS:
    void loaded();

private:
    struct Entry
    {
        assistant::MediaItem item;
        QImage thumbnail;
    };
    static Result<QList<Entry>> read(QSqlDatabase &db); // on the worker
    void display(const Result<QList<Entry>> &entries);
    void selectionChanged();

    QList<assistant::MediaItem> m_items;
    QStackedWidget *m_stack = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_choose = nullptr;
    bool m_loaded = false;
};

} // namespace lux::ui
