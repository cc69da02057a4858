// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QListWidget>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace lux::ui {

class SocialTargetsModel;

// One day of the calendar: its date and its posts' targets, each with its time, network, the start
// of its text and its state in words and colour. A target that has not started can be dragged to
// another day.
class SocialDayList : public QListWidget
{
    Q_OBJECT
public:
    SocialDayList(QDate date, QWidget *parent = nullptr);
    QDate date() const { return m_date; }
    void setDate(QDate date) { m_date = date; }

Q_SIGNALS:
    void dropped(qint64 targetId, QDate date);

protected:
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
    Qt::DropActions supportedDropActions() const override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QDate m_date;
};

// The month (its weeks, from the Monday on or before the 1st) or one week, drawn from the model's
// rows. It reads nothing itself: the page loads the range it asks for.
class SocialCalendar : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Month, Week };
    static constexpr int kItemTargetRole = Qt::UserRole + 1;
    static constexpr int kItemPostRole = Qt::UserRole + 2;
    static constexpr int kItemStateRole = Qt::UserRole + 3;

    SocialCalendar(SocialTargetsModel *model, QWidget *parent = nullptr);

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    void setAnchor(QDate date); // a day of the month or week shown
    QDate anchor() const { return m_anchor; }
    QDate firstDay() const;
    QDate lastDay() const; // inclusive
    int dayCount() const;  // 7 a week; a month's weeks, 28 to 42 days
    QString title() const; // "December 2026", "7 – 13 Dec 2026"

    void select(qint64 targetId);
    qint64 selectedTarget() const { return m_selected; }
    SocialDayList *dayList(QDate date) const;

Q_SIGNALS:
    void targetSelected(qint64 targetId, qint64 postId); // 0, 0: none
    void rescheduleRequested(qint64 targetId, QDate date);

private:
    void rebuild();
    void fill();

    SocialTargetsModel *m_model;
    QGridLayout *m_grid;
    QList<QLabel *> m_headers;
    QList<QLabel *> m_dayLabels;
    QList<SocialDayList *> m_days;
    Mode m_mode = Mode::Month;
    QDate m_anchor = QDate::currentDate();
    qint64 m_selected = 0;
};

} // namespace lux::ui
