// SPDX-License-Identifier: GPL-3.0-or-later
#include "socialcalendar.h"

#include "socialmodels.h"
#include "theme/theme.h"

#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace lux::ui {

using social::TargetState;
using social::TargetStatus;

namespace {

constexpr auto kMime = "application/x-lux-social-target";
constexpr int kTimeRole = Qt::UserRole + 10;
constexpr int kNetworkRole = Qt::UserRole + 11;
constexpr int kStateTextRole = Qt::UserRole + 12;
constexpr int kSnippetRole = Qt::UserRole + 13;

// Two lines per target in a month: its time and network; then its state in words (in its colour,
// with a bar of it on the left) and the start of its text. The state comes first so a narrow cell
// never cuts it. A week's taller days give the text lines of its own.
class TargetDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    int textLines = 0; // 0: the text follows the state on its line

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return QSize(80, option.fontMetrics.height() * (2 + textLines) + 8);
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt(option);
        initStyleOption(&opt, index);
        opt.text.clear();
        opt.icon = QIcon();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        const auto state = TargetState(index.data(SocialCalendar::kItemStateRole).toInt());
        const QColor color = SocialLook::stateColor(state);
        const QRect r = option.rect.adjusted(1, 2, -2, -2);
        painter->save();
        painter->fillRect(QRect(r.left(), r.top(), 3, r.height()), color);
        const QRect text = r.adjusted(8, 1, 0, 0);
        const QFontMetrics fm = option.fontMetrics;
        const int h = fm.height();
        const bool selected = option.state & QStyle::State_Selected;
        const QColor plain = selected ? option.palette.color(QPalette::HighlightedText) : option.palette.color(QPalette::Text);
        QFont bold = option.font;
        bold.setBold(true);
        const QFontMetrics bfm(bold);
        const QRect first(text.left(), text.top(), text.width(), h);
        const QRect second(text.left(), text.top() + h, text.width(), h);
        painter->setFont(bold);
        painter->setPen(plain);
        painter->drawText(first, Qt::AlignLeft | Qt::AlignVCenter,
                          bfm.elidedText(index.data(kTimeRole).toString() + u"  " + index.data(kNetworkRole).toString(), Qt::ElideRight, text.width()));
        const QString stateText = bfm.elidedText(index.data(kStateTextRole).toString(), Qt::ElideRight, text.width());
        painter->setPen(selected ? plain : color);
        painter->drawText(second, Qt::AlignLeft | Qt::AlignVCenter, stateText);
        painter->setFont(option.font);
        painter->setPen(selected ? plain : Theme::color("muted"));
        const QString snippet = index.data(kSnippetRole).toString();
        if (textLines > 0) {
            // Wrapped over its lines; what does not fit is cut at the last one.
            const QRect rest(text.left(), text.top() + 2 * h, text.width(), textLines * h);
            painter->drawText(rest, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, snippet);
        } else if (const int used = bfm.horizontalAdvance(stateText) + fm.horizontalAdvance(u' '); used < text.width()) {
            painter->drawText(second.adjusted(used, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                              fm.elidedText(snippet, Qt::ElideRight, text.width() - used));
        }
        painter->restore();
    }
};

} // namespace

SocialDayList::SocialDayList(QDate date, QWidget *parent) : QListWidget(parent), m_date(date)
{
    setItemDelegate(new TargetDelegate(this));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setFrameShape(QFrame::NoFrame);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(false);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::CopyAction);
    setMinimumSize(40, 30);
    setStyleSheet(QStringLiteral("QListWidget { background: transparent; border: none; }"));
}

QStringList SocialDayList::mimeTypes() const
{
    return {QString::fromLatin1(kMime)};
}

QMimeData *SocialDayList::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(kMime), QByteArray::number(items.first()->data(SocialCalendar::kItemTargetRole).toLongLong()));
    return data;
}

Qt::DropActions SocialDayList::supportedDropActions() const
{
    return Qt::CopyAction | Qt::MoveAction;
}

void SocialDayList::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(QString::fromLatin1(kMime)))
        event->acceptProposedAction();
    else
        event->ignore();
}

void SocialDayList::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(QString::fromLatin1(kMime)))
        event->acceptProposedAction();
    else
        event->ignore();
}

void SocialDayList::dropEvent(QDropEvent *event)
{
    const qint64 id = event->mimeData()->data(QString::fromLatin1(kMime)).toLongLong();
    if (!id) {
        event->ignore();
        return;
    }
    // A copy for the view: the item moves when the page has read the calendar again.
    event->setDropAction(Qt::CopyAction);
    event->accept();
    Q_EMIT dropped(id, m_date);
}

SocialCalendar::SocialCalendar(SocialTargetsModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    setObjectName(QStringLiteral("socialCalendar"));
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(4);
    const QLocale locale;
    for (int d = 0; d < 7; ++d) {
        auto *h = new QLabel(locale.dayName(d + 1, QLocale::ShortFormat), this);
        h->setProperty("role", QStringLiteral("muted"));
        h->setAlignment(Qt::AlignCenter);
        m_grid->addWidget(h, 0, d);
        m_grid->setColumnStretch(d, 1);
        m_headers << h;
    }
    for (int i = 0; i < 42; ++i) {
        auto *cell = new QFrame(this);
        cell->setProperty("card", true);
        auto *v = new QVBoxLayout(cell);
        v->setContentsMargins(4, 2, 2, 2);
        v->setSpacing(0);
        auto *label = new QLabel(cell);
        auto *list = new SocialDayList(QDate(), cell);
        list->setObjectName(QStringLiteral("socialDay%1").arg(i));
        v->addWidget(label);
        v->addWidget(list, 1);
        m_grid->addWidget(cell, 1 + i / 7, i % 7);
        m_dayLabels << label;
        m_days << list;
        connect(list, &QListWidget::currentItemChanged, this, [this, list](QListWidgetItem *item) {
            if (!item || !list->hasFocus())
                return;
            select(item->data(kItemTargetRole).toLongLong());
        });
        connect(list, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) { select(item->data(kItemTargetRole).toLongLong()); });
        connect(list, &SocialDayList::dropped, this, [this](qint64 id, QDate date) {
            const TargetStatus *t = m_model->row(id);
            if (t && QDateTime::fromMSecsSinceEpoch(t->dueAt).date() != date)
                Q_EMIT rescheduleRequested(id, date);
        });
    }
    connect(m_model, &QAbstractItemModel::modelReset, this, &SocialCalendar::fill);
    rebuild();
}

void SocialCalendar::setMode(Mode mode)
{
    m_mode = mode;
    rebuild();
}

void SocialCalendar::setAnchor(QDate date)
{
    m_anchor = date;
    rebuild();
}

QDate SocialCalendar::firstDay() const
{
    const QDate from = m_mode == Mode::Month ? QDate(m_anchor.year(), m_anchor.month(), 1) : m_anchor;
    return from.addDays(1 - from.dayOfWeek());
}

int SocialCalendar::dayCount() const
{
    if (m_mode == Mode::Week)
        return 7;
    // The weeks the month touches: four to six rows, none wholly of the next month.
    const QDate first(m_anchor.year(), m_anchor.month(), 1);
    const int days = (first.dayOfWeek() - 1) + first.daysInMonth();
    return (days + 6) / 7 * 7;
}

QDate SocialCalendar::lastDay() const
{
    return firstDay().addDays(dayCount() - 1);
}

QString SocialCalendar::title() const
{
    const QLocale locale;
    if (m_mode == Mode::Month)
        return locale.toString(m_anchor, QStringLiteral("MMMM yyyy"));
    const QDate a = firstDay();
    const QDate b = lastDay();
    return tr("%1 – %2").arg(locale.toString(a, QStringLiteral("d MMM")), locale.toString(b, QStringLiteral("d MMM yyyy")));
}

SocialDayList *SocialCalendar::dayList(QDate date) const
{
    const qint64 i = firstDay().daysTo(date);
    return i >= 0 && i < dayCount() ? m_days.at(int(i)) : nullptr;
}

void SocialCalendar::rebuild()
{
    const int count = dayCount();
    const QDate first = firstDay();
    for (SocialDayList *list : std::as_const(m_days)) {
        static_cast<TargetDelegate *>(list->itemDelegate())->textLines = m_mode == Mode::Week ? 4 : 0;
        list->doItemsLayout();
    }
    const QDate today = QDate::currentDate();
    const QLocale locale;
    for (int i = 0; i < 42; ++i) {
        QWidget *cell = m_days.at(i)->parentWidget();
        cell->setVisible(i < count);
        const QDate date = first.addDays(i);
        m_days.at(i)->setDate(date);
        QLabel *label = m_dayLabels.at(i);
        const bool inMonth = m_mode == Mode::Week || date.month() == m_anchor.month();
        label->setText(m_mode == Mode::Week || date.day() == 1 ? locale.toString(date, QStringLiteral("d MMM")) : QString::number(date.day()));
        label->setProperty("role", inMonth ? QString() : QStringLiteral("muted"));
        label->setStyleSheet(date == today ? QStringLiteral("font-weight: 700; color: %1;").arg(Theme::color("accent").name()) : QString());
        label->setToolTip(date == today ? tr("Today") : QString());
        label->style()->unpolish(label);
        label->style()->polish(label);
    }
    for (int row = 1; row <= 6; ++row)
        m_grid->setRowStretch(row, row <= count / 7 ? 1 : 0);
    fill();
}

void SocialCalendar::fill()
{
    for (SocialDayList *list : std::as_const(m_days)) {
        const QSignalBlocker block(list);
        list->clear();
    }
    const QLocale locale;
    bool stillThere = false;
    for (const TargetStatus &t : m_model->rows()) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(t.publishedAt.value_or(t.dueAt));
        SocialDayList *list = dayList(at.date());
        if (!list)
            continue;
        const QString time = locale.toString(at.time(), QLocale::ShortFormat);
        const QString network = SocialLook::networkShort(t.network);
        const QString state = SocialLook::stateShort(t.state);
        const QString snippet = t.text.simplified();
        auto *item = new QListWidgetItem(tr("%1 %2 %3: %4", "time, network, state, the text's start").arg(time, network, state, snippet.left(60)), list);
        item->setData(kItemTargetRole, t.id);
        item->setData(kItemPostRole, t.postId);
        item->setData(kItemStateRole, int(t.state));
        item->setData(kTimeRole, time);
        item->setData(kNetworkRole, network);
        item->setData(kStateTextRole, state);
        item->setData(kSnippetRole, snippet);
        item->setToolTip(tr("%1 on %2, %3\n%4\n%5")
                             .arg(t.accountName, social::Networks::displayName(t.network), locale.toString(at, QLocale::ShortFormat),
                                  TargetStatus::stateText(t.state),
                                  snippet.left(280)));
        Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
        if (t.state == TargetState::Scheduled)
            flags |= Qt::ItemIsDragEnabled;
        item->setFlags(flags);
        if (t.id == m_selected) {
            const QSignalBlocker block(list);
            list->setCurrentItem(item);
            stillThere = true;
        }
    }
    if (m_selected && !stillThere) {
        // Moved out of the range shown, or gone: nothing is selected any more.
        m_selected = 0;
        Q_EMIT targetSelected(0, 0);
    }
}

void SocialCalendar::select(qint64 targetId)
{
    const TargetStatus *t = m_model->row(targetId);
    m_selected = t ? targetId : 0;
    for (SocialDayList *list : std::as_const(m_days)) {
        const QSignalBlocker block(list);
        QListWidgetItem *mine = nullptr;
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->data(kItemTargetRole).toLongLong() == m_selected && m_selected)
                mine = list->item(i);
        if (mine)
            list->setCurrentItem(mine);
        else
            list->clearSelection();
    }
    Q_EMIT targetSelected(m_selected, t ? t->postId : 0);
}

} // namespace lux::ui
