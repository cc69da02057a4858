// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QDialog>
#include <QSqlDatabase>

#include <functional>
#include <optional>

class QLabel;
class QListWidget;
class QSplitter;
class QVBoxLayout;

namespace lux::ui {

class AppSession;

// A dialog for named things edited one at a time (components, brand kits): an introduction, the list
// with its buttons on the left, the editor on the right, a line for what went wrong, and a count of
// reads and writes under way on workers (the subclass enables its buttons from isBusy()).
class ListDetailDialog : public QDialog
{
    Q_OBJECT
public:
    QListWidget *list() const { return m_list; }
    bool isBusy() const { return m_busy > 0; }

Q_SIGNALS:
    void changed(); // something was saved or deleted

protected:
    ListDetailDialog(AppSession &session, const QString &title, const QString &introduction, QWidget *parent);

    void setDetail(QWidget *detail);      // the editor, right of the list
    QVBoxLayout *listButtons() const { return m_listButtons; }
    void finishLayout(QLayout *actions); // the row of buttons at the bottom; Enter presses none but the default
    void showError(const QString &message); // empty hides the line
    void setBusy(bool busy);
    virtual void updateActions() = 0;
    virtual void reload(const QString &select = {}) = 0;
    // A change on a worker; then changed() and a reload showing `select`, or the error's line.
    void write(std::function<Status(QSqlDatabase &)> work, const QString &select = {});
    bool isWritable() const;
    std::optional<qint64> userId() const;

    AppSession &m_session;

private:
    QListWidget *m_list;
    QVBoxLayout *m_listButtons;
    QLabel *m_error;
    QSplitter *m_split;
    int m_busy = 0;
};

} // namespace lux::ui
