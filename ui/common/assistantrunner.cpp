// SPDX-License-Identifier: GPL-3.0-or-later
#include "assistantrunner.h"

#include "common/dialogs.h"
#include "session/appsession.h"
#include "storage/database.h"

#include <QCoroTask>
#include <QProgressDialog>

namespace lux::ui {

AssistantRunner::AssistantRunner(AppSession &session, QWidget *parent) : QObject(parent), m_session(session), m_parent(parent) {}

AssistantRunner::~AssistantRunner()
{
    // The work still under way is stopped once the page is gone (its answer has nowhere to go): from
    // the event loop, so nothing it does on the way out meets a page half destroyed.
    for (const QPointer<channels::Cancellation> &cancel : std::as_const(m_live))
        if (cancel)
            QMetaObject::invokeMethod(
                cancel.data(),
                [c = cancel.data()] {
                    c->cancel();
                    c->deleteLater();
                },
                Qt::QueuedConnection);
}

void AssistantRunner::withSession(Ready ready)
{
    if (m_lux) {
        ready(m_lux);
        return;
    }
    if (!m_session.database())
        return;
    QCoro::connect(assistant::AssistantSession::open(m_session.database()->path(), m_session.settings(), m_session.secrets()),
                   this, [this, ready = std::move(ready)](const Result<std::shared_ptr<assistant::AssistantSession>> &lux) {
                       if (!lux) {
                           Dialogs::warning(m_parent, tr("LUX"), tr("LUX cannot help yet: %1").arg(lux.error().message));
                           return;
                       }
                       m_lux = *lux;
                       ready(m_lux);
                   });
}

AssistantRunner::Busy AssistantRunner::busy(const QString &text)
{
    auto *cancel = new channels::Cancellation; // not a child: it may outlive this (see the destructor)
    m_live << cancel;
    auto *dialog = new QProgressDialog(text, tr("Stop"), 0, 0, m_parent);
    dialog->setObjectName(QStringLiteral("luxBusy"));
    dialog->setWindowTitle(tr("LUX"));
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(300);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    connect(dialog, &QProgressDialog::canceled, cancel, &channels::Cancellation::cancel);
    QPointer<QProgressDialog> guard(dialog);
    const QPointer<AssistantRunner> self(this);
    return Busy{cancel, [guard, cancel, self] {
                    if (guard) {
                        guard->blockSignals(true); // closing is not a Stop
                        guard->close();
                        guard->deleteLater();
                    }
                    if (self)
                        self->m_live.removeAll(cancel);
                    cancel->deleteLater();
                }};
}

} // namespace lux::ui
