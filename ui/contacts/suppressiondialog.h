// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "contacts/suppression.h"

#include <QAbstractTableModel>
#include <QDialog>
#include <QTimer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace lux::ui {

class AppSession;

// The suppression list of one channel, newest first, a page at a time as the view scrolls.
class SuppressionModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Address, Reason, Added, ColumnCount };
    static constexpr int kPageSize = 200;

    using QAbstractTableModel::QAbstractTableModel;
    void setSource(const QSqlDatabase &db, contacts::SuppressionList::Channel channel, const QString &search);
    const contacts::SuppressionList::Entry &entryAt(int row) const { return m_rows.at(row); }
    static QString reasonLabel(const QString &code); // translated

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    QSqlDatabase m_db;
    contacts::SuppressionList::Channel m_channel = contacts::SuppressionList::Channel::Email;
    QString m_search;
    QList<contacts::SuppressionList::Entry> m_rows;
    bool m_atEnd = true;
};

// The do-not-contact lists (email and SMS): search, add an address, import a file, remove an address
// added by mistake. Erased contacts show as a hash only.
class SuppressionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SuppressionDialog(AppSession &session, QWidget *parent = nullptr);

    SuppressionModel *model() const { return m_model; }
    void setChannel(contacts::SuppressionList::Channel channel);
    void setSearchText(const QString &text); // as if typed, without the delay
    void addAddress();
    void importFile();
    void removeSelected();

Q_SIGNALS:
    void changed(); // the list (and perhaps contact statuses) changed

private:
    void reload();
    contacts::SuppressionList::Channel channel() const;
    void updateButtons();

    AppSession &m_session;
    SuppressionModel *m_model;
    QComboBox *m_channel;
    QLineEdit *m_search;
    QLabel *m_count;
    QTableView *m_view;
    QPushButton *m_add;
    QPushButton *m_import;
    QPushButton *m_remove;
    QTimer m_searchDelay;
};

} // namespace lux::ui
