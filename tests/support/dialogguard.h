// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testsupport.h"

#include <QApplication>
#include <QObject>
#include <QStringList>

struct QMetaObject;

namespace lux::test {

// Fails the running test function when a modal dialog opens that it did not expect, naming the
// dialog's class, title and text, and closes the dialog so the test goes on instead of blocking in
// its exec(). Message boxes answered through a ui::Dialogs hook never open, so they pass; a test that
// drives a modal dialog itself says so first with expect(). Dialogs opened with open() (window-modal,
// never blocking) are the page's own business and pass too.
class DialogGuard : public QObject
{
    Q_OBJECT
public:
    DialogGuard();
    ~DialogGuard() override;

    // Lets dialogs of `type` (or a subclass) open until the current test function ends.
    static void expect(const QMetaObject &type);
    // Every unexpected dialog so far, as reported.
    static QStringList unexpected();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Expected
    {
        QByteArray function;
        const QMetaObject *type;
    };
    QList<Expected> m_expected;
    QStringList m_unexpected;
};

} // namespace lux::test

// QTEST_MAIN for widget tests: a QApplication as QTest sets it up, holder mode, and a DialogGuard.
#define LUX_GUI_TEST_MAIN(TestClass)                                                                                   \
    int main(int argc, char **argv)                                                                                    \
    {                                                                                                                  \
        lux::test::handleHolderMode(argc, argv);                                                                       \
        QApplication app(argc, argv);                                                                                  \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                                       \
        lux::test::DialogGuard guard;                                                                                  \
        TestClass tc;                                                                                                  \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&tc, argc, argv);                                                                          \
    }
