// SPDX-License-Identifier: GPL-3.0-or-later
// The dialog rule of the GUI tests: a modal dialog a test did not expect fails that test, with the
// dialog's title and text, and is closed so nothing blocks. Proven on a victim test class run as a
// child process of this one (its failures are the point), with the same DialogGuard every GUI test
// gets from LUX_GUI_TEST_MAIN.
#include "common/dialogs.h"
#include "dialogguard.h"
#include "testsupport.h"

#include <QDialog>
#include <QInputDialog>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>

using namespace lux;

// The child: each function opens a dialog the way the app does.
class Victim : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unexpectedMessageBox()
    {
        ui::Dialogs::warning(nullptr, QStringLiteral("Export Failed"), QStringLiteral("The disk is full."));
        qInfo("message box closed");
    }
    void unexpectedDialog()
    {
        QDialog dialog;
        dialog.setWindowTitle(QStringLiteral("Pick a Colour"));
        const int result = dialog.exec();
        qInfo("exec returned %d", result);
    }
    void expectedDialogPasses()
    {
        test::DialogGuard::expect(QInputDialog::staticMetaObject);
        QInputDialog dialog;
        dialog.setWindowTitle(QStringLiteral("Name"));
        QTimer::singleShot(0, &dialog, [&dialog] {
            dialog.setTextValue(QStringLiteral("Ada"));
            dialog.accept();
        });
        QCOMPARE(dialog.exec(), int(QDialog::Accepted));
        QCOMPARE(dialog.textValue(), QStringLiteral("Ada"));
    }
    void answeredThroughTheHookPasses()
    {
        ui::Dialogs::setMessageHook([](const ui::Dialogs::Message &) { return QMessageBox::Yes; });
        const auto answer = ui::Dialogs::question(nullptr, QStringLiteral("Delete?"), QStringLiteral("Delete it?"),
                                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        ui::Dialogs::setMessageHook({});
        QCOMPARE(answer, QMessageBox::Yes);
    }
    void expectationEndsWithItsFunction()
    {
        QInputDialog dialog;
        dialog.setWindowTitle(QStringLiteral("Another Name"));
        QCOMPARE(dialog.exec(), int(QDialog::Rejected));
    }
    void windowModalDialogsAreThePagesOwn()
    {
        QDialog dialog;
        dialog.open(); // window-modal, never blocks
        QVERIFY(dialog.isVisible());
        dialog.reject();
    }
};

class TestDialogGuard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unexpectedDialogsFailTheirTest();
};

void TestDialogGuard::unexpectedDialogsFailTheirTest()
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LUX_DIALOG_GUARD_VICTIM"), QStringLiteral("1"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {});
    // Blocking in an exec() would run into this (the whole child takes well under a second).
    QVERIFY2(child.waitForFinished(120'000), "the victim blocked on a dialog");
    const QString out = QString::fromUtf8(child.readAll());
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 3); // QTest's exit code: the number of failed functions
    const auto line = [&](const QString &pattern) {
        const auto m = QRegularExpression(pattern, QRegularExpression::MultilineOption).match(out);
        return m.hasMatch() ? m.captured(0) : QString();
    };
    QCOMPARE(line(QStringLiteral("^FAIL!  : Victim::unexpectedMessageBox\\(\\) .*$")),
             QStringLiteral("FAIL!  : Victim::unexpectedMessageBox() Unexpected modal dialog QMessageBox “Export Failed”: The disk is full."));
    QCOMPARE(line(QStringLiteral("^FAIL!  : Victim::unexpectedDialog\\(\\) .*$")),
             QStringLiteral("FAIL!  : Victim::unexpectedDialog() Unexpected modal dialog QDialog “Pick a Colour”"));
    QCOMPARE(line(QStringLiteral("^FAIL!  : Victim::expectationEndsWithItsFunction\\(\\) .*$")),
             QStringLiteral("FAIL!  : Victim::expectationEndsWithItsFunction() Unexpected modal dialog QInputDialog “Another Name”"));
    // Closed, so each test went on past its dialog.
    QVERIFY2(out.contains(QLatin1String("message box closed")), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("exec returned 0")), qPrintable(out));
    for (const char *passed : {"expectedDialogPasses", "answeredThroughTheHookPasses", "windowModalDialogsAreThePagesOwn"})
        QVERIFY2(out.contains(QStringLiteral("PASS   : Victim::%1()").arg(QLatin1String(passed))), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("Totals: 5 passed, 3 failed")), qPrintable(out)); // with init/cleanupTestCase
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    test::DialogGuard guard;
    if (qEnvironmentVariableIsSet("LUX_DIALOG_GUARD_VICTIM")) {
        Victim victim;
        return QTest::qExec(&victim, argc, argv);
    }
    TestDialogGuard tc;
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_dialogguard.moc"
