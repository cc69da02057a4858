// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "events/eventstore.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace lux::ui {

class AppSession;
class AttendeesModel;

// An event's people: searchable, filtered by status, with the counts line; add someone by hand,
// remove someone added by hand, export what the list shows as CSV. Reads and writes run on workers.
class AttendeesView : public QWidget
{
    Q_OBJECT
public:
    explicit AttendeesView(AppSession &session, QWidget *parent = nullptr);

    void setEvent(const events::Event &event); // id 0: none
    qint64 eventId() const { return m_event.id; }
    void refresh();
    // Adds a confirmed registration (source manual); `done` gets the store's refusal, or empty.
    void addPerson(const QString &email, const QString &firstName, const QString &lastName,
                   std::function<void(const QString &error)> done = {});
    void removeSelected(); // asks first; the store refuses registrations that came from lux-tracker
    void exportCsv(const QString &path); // the list's filter, on a worker with a progress dialog

    AttendeesModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *statusFilter() const { return m_filter; }
    QLabel *countsLabel() const { return m_counts; }
    static QString countsText(const events::RegistrationCounts &c, int capacity);

Q_SIGNALS:
    void loaded();
    void changed(); // a registration was added or removed here
    void exported(const QString &path, const QString &error);

protected:
    void showEvent(QShowEvent *event) override;

private:
    events::RegistrationFilter filter() const;
    void updateActions();
    void openAddDialog();

    AppSession &m_session;
    events::Event m_event;
    AttendeesModel *m_model;
    QTableView *m_view;
    QLineEdit *m_search;
    QComboBox *m_filter;
    QLabel *m_counts;
    QPushButton *m_add, *m_remove, *m_export;
    QTimer *m_debounce;
    int m_generation = 0;
    int m_busy = 0;
    bool m_stale = false; // the event changed while the tab was hidden: read when shown
};

} // namespace lux::ui
