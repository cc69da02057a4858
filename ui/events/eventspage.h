// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "events/eventstore.h"

#include <QSet>
#include <QWidget>

class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace lux::ui {

class AppSession;
class AttendeesView;
class CheckInView;
class EventEditor;
class EventReportView;
class EventsModel;

// Events: the list (title, start in the event's zone, status, confirmed of capacity, waiting,
// checked in) and, for the one selected, its people, the door's check-in and its report. New, edit,
// duplicate and delete (drafts only). With no events yet, a page says what they are and offers to
// create one. Reads and writes run off the GUI thread.
class EventsPage : public QWidget
{
    Q_OBJECT
public:
    enum Tab { AttendeesTab, CheckInTab, ReportTab };

    explicit EventsPage(AppSession &session, QWidget *parent = nullptr);

    void reload();
    EventsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QTabWidget *detailTabs() const { return m_tabs; }
    AttendeesView *attendeesView() const { return m_attendees; }
    CheckInView *checkInView() const { return m_checkIn; }
    EventReportView *reportView() const { return m_report; }
    QWidget *emptyState() const { return m_empty; }
    void select(qint64 eventId);
    qint64 selectedId() const;
    EventEditor *openEditor(qint64 eventId); // 0: a new event
    void duplicateSelected();
    void deleteSelected(); // drafts only, after asking
    void publishSelected(); // a draft goes to lux-tracker
    void cancelSelected();  // a published event is cancelled, after asking; registrants are told
    QLabel *publicLink() const { return m_link; }
    QLineEdit *embedCode() const { return m_embed; }
    QString publicUrl(const events::Event &event) const; // empty without a tracker

Q_SIGNALS:
    void statusMessage(const QString &text);
    void reloaded();
    void published(qint64 eventId, const QString &error); // a publish, push or cancel ended

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showDetail();
    void updateActions();
    void editSelected();
    void publish(qint64 eventId, int action); // events::PublishAction

    AppSession &m_session;
    EventsModel *m_model;
    QStackedWidget *m_stack;
    QWidget *m_empty;
    QTableView *m_view;
    QTabWidget *m_tabs;
    AttendeesView *m_attendees;
    CheckInView *m_checkIn;
    EventReportView *m_report;
    QLabel *m_count;
    QLabel *m_detailTitle;
    QLabel *m_detailFacts;
    QFrame *m_share;
    QLabel *m_link;
    QLineEdit *m_embed;
    QPushButton *m_new, *m_edit, *m_duplicate, *m_delete, *m_publish, *m_cancel;
    QSet<qint64> m_publishing;
    int m_generation = 0;
    int m_busy = 0;
    bool m_dirty = true;
};

} // namespace lux::ui
