// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "social/poststore.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace lux::ui {

class AppSession;

// The Social page's Queue tab: one account's coming queue slots, day by day in its time zone, each
// with the post that takes it or "Free", and its posts at set times between them (PostStore::queue).
// The slots are edited in a small dialog, in the words `luxctl social slots` takes ("Tue/Thu 10:00"),
// and the zone is chosen beside them. Reads and writes run off the GUI thread.
class SocialQueue : public QWidget
{
    Q_OBJECT
public:
    // How far ahead the queue is shown.
    static constexpr int kDays = 14;
    enum Column { TimeColumn, PostColumn, StateColumn };
    enum Role { TargetIdRole = Qt::UserRole + 1, AtRole };

    explicit SocialQueue(AppSession &session, QWidget *parent = nullptr);

    void reload();
    void showAccount(qint64 accountId);
    qint64 accountId() const { return m_accountId; }
    const social::AccountQueue &queue() const { return m_queue; }
    // The slots dialog, open until it is answered (its OK saves them).
    void editSlots();
    // Stores the account's zone (empty: the computer's).
    void setTimeZone(const QString &ianaId);

    QComboBox *accountBox() const { return m_account; }
    QComboBox *zoneBox() const { return m_zone; }
    QTreeWidget *view() const { return m_view; }

Q_SIGNALS:
    void statusMessage(const QString &text);
    void reloaded();
    // Slots or a time zone were stored (the Accounts tab shows them too).
    void changed();
    // A post in the queue double-clicked: the page shows it in the calendar.
    void targetActivated(qint64 targetId, qint64 dueAt);

private:
    void present(const QList<social::Account> &accounts, const social::AccountQueue &queue);
    void saveSlots(const QList<social::Slot> &slots);
    // A change to the account written off the GUI thread; `done` said once it is stored, the
    // network's or the database's reason in a dialog titled `title` otherwise.
    void write(const QString &title, std::function<Status(social::AccountStore &)> change, const QString &done);
    void updateActions();
    bool writable() const;
    QString accountName() const;

    AppSession &m_session;
    QComboBox *m_account = nullptr;
    QComboBox *m_zone = nullptr;
    QPushButton *m_editSlots = nullptr;
    QLabel *m_summary = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTreeWidget *m_view = nullptr;
    QLabel *m_empty = nullptr;
    qint64 m_accountId = 0;
    social::AccountQueue m_queue;
    int m_generation = 0;
    int m_busy = 0;
    bool m_loaded = false;
};

} // namespace lux::ui
