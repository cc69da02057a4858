// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QTableView;

namespace lux::ui {

class AppSession;
class AuditLogModel;

// The audit log, for administrators.
class ActivityPage : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityPage(AppSession &session, QWidget *parent = nullptr);

    AuditLogModel *model() const { return m_model; }

public Q_SLOTS:
    void reload();

protected:
    void showEvent(QShowEvent *event) override;

private:
    AppSession &m_session;
    AuditLogModel *m_model;
    QTableView *m_view;
    bool m_stale = true;
};

} // namespace lux::ui
