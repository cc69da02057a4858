// SPDX-License-Identifier: GPL-3.0-or-later
#include "activitypage.h"

#include "auditlogmodel.h"
#include "common/tableview.h"
#include "session/appsession.h"

#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace lux::ui {

ActivityPage::ActivityPage(AppSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new AuditLogModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 24);
    auto *title = new QLabel(tr("Activity"), this);
    title->setProperty("role", QStringLiteral("title"));
    auto *subtitle = new QLabel(tr("Who did what, and when, in this database."), this);
    subtitle->setProperty("role", QStringLiteral("subtitle"));
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addSpacing(10);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("auditView"));
    m_view->setModel(m_model);
    setUpListTable(m_view);
    m_view->setColumnWidth(AuditLogModel::When, 170);
    m_view->setColumnWidth(AuditLogModel::Who, 170);
    m_view->setColumnWidth(AuditLogModel::Action, 190);
    layout->addWidget(m_view, 1);

    const auto markStale = [this] {
        m_stale = true;
        if (isVisible())
            reload();
    };
    connect(&m_session, &AppSession::databaseChanged, this, markStale);
    connect(&m_session, &AppSession::auditChanged, this, markStale);
}

void ActivityPage::showEvent(QShowEvent *event)
{
    if (m_stale)
        reload();
    QWidget::showEvent(event);
}

void ActivityPage::reload()
{
    m_stale = false;
    m_model->setDatabase(m_session.database() ? m_session.database()->connection() : QSqlDatabase());
}

} // namespace lux::ui
