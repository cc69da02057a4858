// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogguard.h"

#include <QDialog>
#include <QEvent>
#include <QMessageBox>
#include <QPointer>
#include <QTest>
#include <QTimer>

namespace lux::test {

namespace {
DialogGuard *g_guard = nullptr;

QByteArray currentFunction()
{
    const char *name = QTest::currentTestFunction();
    return name ? QByteArray(name) : QByteArray();
}

QString describe(const QDialog *dialog)
{
    QString text = QString::fromLatin1(dialog->metaObject()->className()) + QStringLiteral(" \u201c") + dialog->windowTitle()
        + QStringLiteral("\u201d");
    if (const auto *box = qobject_cast<const QMessageBox *>(dialog)) {
        text += QStringLiteral(": ") + box->text();
        if (!box->informativeText().isEmpty())
            text += QLatin1Char(' ') + box->informativeText();
    }
    return text;
}
} // namespace

DialogGuard::DialogGuard()
{
    Q_ASSERT(qApp && !g_guard);
    g_guard = this;
    qApp->installEventFilter(this);
}

DialogGuard::~DialogGuard()
{
    g_guard = nullptr;
}

void DialogGuard::expect(const QMetaObject &type)
{
    Q_ASSERT(g_guard);
    const QByteArray function = currentFunction();
    g_guard->m_expected.removeIf([&](const Expected &e) { return e.function != function; });
    g_guard->m_expected.append({function, &type});
}

QStringList DialogGuard::unexpected()
{
    return g_guard ? g_guard->m_unexpected : QStringList();
}

bool DialogGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::Show || !watched->isWidgetType())
        return false;
    auto *dialog = qobject_cast<QDialog *>(watched);
    // exec() and setModal(true) make a dialog application-modal; open() only window-modal.
    if (!dialog || !dialog->isWindow() || (dialog->windowModality() != Qt::ApplicationModal && !qobject_cast<QMessageBox *>(dialog)))
        return false;
    const QByteArray function = currentFunction();
    for (const Expected &e : std::as_const(m_expected))
        if (e.function == function && dialog->metaObject()->inherits(e.type))
            return false;
    const QString what = describe(dialog);
    m_unexpected << what;
    const QByteArray message = "Unexpected modal dialog " + what.toUtf8();
    if (!function.isEmpty())
        QTest::qFail(message.constData(), __FILE__, __LINE__);
    else
        qCritical("%s (outside any test function)", message.constData());
    // Closed from its own event loop: exec() has not started it yet while the dialog is being shown.
    QTimer::singleShot(0, dialog, [d = QPointer<QDialog>(dialog)] {
        if (d)
            d->reject();
    });
    return false;
}

} // namespace lux::test
