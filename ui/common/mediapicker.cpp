// SPDX-License-Identifier: GPL-3.0-or-later
#include "mediapicker.h"

#include "common/dbtask.h"
#include "common/emptystate.h"

#include <QBuffer>
#include <QDialogButtonBox>
#include <QImageReader>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace lux::ui {

MediaPicker::MediaPicker(const QString &databasePath, QAbstractItemView::SelectionMode selection, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("mediaPicker"));
    setWindowTitle(tr("Media Library"));
    resize(760, 540);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 14);
    layout->setSpacing(10);
    m_status = new QLabel(tr("Reading the media library…"), this);
    m_status->setObjectName(QStringLiteral("mediaPickerStatus"));
    m_status->setProperty("role", QStringLiteral("muted"));
    layout->addWidget(m_status);

    m_stack = new QStackedWidget(this);
    m_list = new QListWidget(m_stack);
    m_list->setObjectName(QStringLiteral("mediaPickerList"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(QSize(kThumbnail, kThumbnail));
    m_list->setGridSize(QSize(kThumbnail + 36, kThumbnail + 52));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setWordWrap(true);
    m_list->setSelectionMode(selection);
    m_stack->addWidget(m_list);
    auto *empty = new EmptyState(QStringLiteral("sparkles"), tr("The media library is empty"),
                                 tr("Pictures land here when you generate one with Ask LUX (“make a picture of…”), or from the "
                                    "command line with luxctl ai image --library. Pictures you post or put in a template are kept here too."),
                                 QString(), m_stack);
    empty->setObjectName(QStringLiteral("mediaPickerEmpty"));
    empty->button()->hide(); // nothing to make from here: the words say where
    m_stack->addWidget(empty);
    layout->addWidget(m_stack, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_choose = buttons->addButton(selection == QAbstractItemView::SingleSelection ? tr("&Insert") : tr("&Add"),
                                  QDialogButtonBox::AcceptRole);
    m_choose->setObjectName(QStringLiteral("mediaPickerChoose"));
    m_choose->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &MediaPicker::selectionChanged);
    connect(m_list, &QListWidget::itemActivated, this, [this] {
        if (m_choose->isEnabled())
            accept();
    });

    runOnDatabase<Result<QList<Entry>>>(this, databasePath, storage::ScopedConnection::Mode::ReadOnly, &MediaPicker::read,
                                        [this](const Result<QList<Entry>> &entries) { display(entries); });
}

Result<QList<MediaPicker::Entry>> MediaPicker::read(QSqlDatabase &db)
{
    const assistant::MediaStore store(db);
    const auto items = store.list(false);
    if (!items)
        return items.error();
    // One item's bytes at a time: a library of large pictures is never held whole.
    QList<Entry> out;
    for (const assistant::MediaItem &listed : *items) {
        auto full = store.find(listed.id);
        if (!full)
            continue; // deleted since it was listed
        Entry e;
        QBuffer buffer;
        buffer.setData(full->data);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer);
        reader.setAutoTransform(true);
        const QSize size = reader.size();
        if (size.isValid())
            reader.setScaledSize(size.scaled(QSize(kThumbnail, kThumbnail), Qt::KeepAspectRatio).expandedTo(QSize(1, 1)));
        // On a square tile, centred: the names line up under pictures of every shape.
        if (const QImage picture = reader.read(); !picture.isNull()) {
            e.thumbnail = QImage(kThumbnail, kThumbnail, QImage::Format_ARGB32_Premultiplied);
            e.thumbnail.fill(Qt::transparent);
            QPainter painter(&e.thumbnail);
            painter.drawImage((kThumbnail - picture.width()) / 2, (kThumbnail - picture.height()) / 2, picture);
        }
        e.item = listed;
        out << e;
    }
    return out;
}

void MediaPicker::display(const Result<QList<Entry>> &entries)
{
    m_loaded = true;
    if (!entries) {
        m_status->setText(entries.error().message);
        m_status->setProperty("role", QStringLiteral("error"));
        Q_EMIT loaded();
        return;
    }
    m_items.clear();
    for (const Entry &e : *entries) {
        m_items << e.item;
        auto *item = new QListWidgetItem(m_list);
        item->setText(tr("%1\n%2 × %3").arg(e.item.name).arg(e.item.size.width()).arg(e.item.size.height()));
        item->setToolTip(e.item.alt.isEmpty() ? e.item.name : e.item.alt);
        item->setTextAlignment(Qt::AlignHCenter | Qt::AlignTop);
        if (!e.thumbnail.isNull())
            item->setIcon(QIcon(QPixmap::fromImage(e.thumbnail)));
    }
    m_stack->setCurrentIndex(m_items.isEmpty() ? 1 : 0);
    m_status->setText(m_items.isEmpty() ? QString()
                      : m_list->selectionMode() == QAbstractItemView::SingleSelection
                          ? tr("%n picture(s) in the library: choose one.", nullptr, int(m_items.size()))
                          : tr("%n picture(s) in the library: choose one or more (Ctrl+click for several).", nullptr, int(m_items.size())));
    m_status->setVisible(!m_items.isEmpty());
    if (!m_items.isEmpty())
        m_list->setFocus();
    Q_EMIT loaded();
}

void MediaPicker::selectionChanged()
{
    const int n = int(m_list->selectedItems().size());
    m_choose->setEnabled(n > 0);
    if (m_list->selectionMode() != QAbstractItemView::SingleSelection && n > 1)
        m_choose->setText(tr("&Add %n Pictures", nullptr, n));
    else if (m_list->selectionMode() != QAbstractItemView::SingleSelection)
        m_choose->setText(tr("&Add"));
}

QList<assistant::MediaItem> MediaPicker::chosen() const
{
    QList<assistant::MediaItem> out;
    for (int row = 0; row < m_list->count(); ++row)
        if (m_list->item(row)->isSelected() && row < m_items.size())
            out << m_items.at(row);
    return out;
}

} // namespace lux::ui
