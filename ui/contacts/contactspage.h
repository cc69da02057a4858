// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "contacts/contactrepository.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace lux::ui {

class AppSession;
class ContactsModel;

// The contacts of the database: a paged list with search and filters by status, tag and saved segment,
// a detail pane, and CSV import (button, or drop a file on the page).
class ContactsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ContactsPage(AppSession &session, QWidget *parent = nullptr);

    ContactsModel *model() const { return m_model; }
    void setSearchText(const QString &text); // for tests: as if typed, without the typing delay
    void openImport(const QString &file = {});
    void openSegmentBuilder(); // edits the selected segment, or starts a new one

public Q_SLOTS:
    void reload();

protected:
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void applyFilter();
    contacts::ContactFilter currentFilter() const;
    void refreshFilters();
    void countInBackground();
    void showDetails();

    AppSession &m_session;
    ContactsModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_tag;
    QComboBox *m_segment;
    QLabel *m_count;
    QTableView *m_view;
    QLabel *m_details;
    QTimer m_searchDelay;
    QFutureWatcher<qint64> m_counting;
    quint64 m_countGeneration = 0;
    bool m_stale = true;
};

} // namespace lux::ui
