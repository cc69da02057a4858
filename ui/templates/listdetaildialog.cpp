// SPDX-License-Identifier: GPL-3.0-or-later
#include "listdetaildialog.h"

#include "common/dbtask.h"
#include "session/appsession.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace lux::ui {

ListDetailDialog::ListDetailDialog(AppSession &session, const QString &title, const QString &introduction, QWidget *parent)
    : QDialog(parent), m_session(session)
{
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(introduction, this);
    intro->setWordWrap(true);
    intro->setProperty("role", QStringLiteral("subtitle"));
    layout->addWidget(intro);
    m_split = new QSplitter(this);
    auto *left = new QWidget(m_split);
    m_listButtons = new QVBoxLayout(left);
    m_listButtons->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget(left);
    m_listButtons->addWidget(m_list, 1);
    m_split->addWidget(left);
    layout->addWidget(m_split, 1);
    m_error = new QLabel(this);
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
}

void ListDetailDialog::setDetail(QWidget *detail)
{
    m_split->addWidget(detail);
    m_split->setSizes({200, 560});
}

void ListDetailDialog::finishLayout(QLayout *actions)
{
    static_cast<QVBoxLayout *>(this->layout())->addLayout(actions);
    for (QPushButton *b : findChildren<QPushButton *>())
        b->setAutoDefault(false); // Enter in a field must not press New or Delete
}

void ListDetailDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void ListDetailDialog::setBusy(bool busy)
{
    m_busy += busy ? 1 : -1;
    updateActions();
}

void ListDetailDialog::write(std::function<Status(QSqlDatabase &)> work, const QString &select)
{
    if (!m_session.database())
        return;
    setBusy(true);
    runOnDatabase<Status>(this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite, std::move(work),
                          [this, select](const Status &s) {
                              setBusy(false);
                              showError(s ? QString() : s.error().message);
                              if (!s)
                                  return;
                              Q_EMIT changed();
                              reload(select);
                          });
}

bool ListDetailDialog::isWritable() const
{
    return m_session.database() && !m_session.database()->isReadOnly();
}

std::optional<qint64> ListDetailDialog::userId() const
{
    return m_session.isSignedIn() ? std::optional<qint64>(m_session.user().id) : std::nullopt;
}

} // namespace lux::ui
