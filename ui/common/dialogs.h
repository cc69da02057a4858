// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMessageBox>
#include <QString>

#include <functional>

namespace lux::ui {

// Every message box and file dialog of the app goes through here, so that tests can answer them
// without a modal loop (as KeePassXC's GUI tests do).
class Dialogs
{
public:
    enum class Kind { Information, Warning, Critical, Question };

    struct Message
    {
        Kind kind;
        QString title;
        QString text;
    };

    static void information(QWidget *parent, const QString &title, const QString &text);
    static void warning(QWidget *parent, const QString &title, const QString &text);
    static void critical(QWidget *parent, const QString &title, const QString &text);
    // Returns the button pressed among `buttons`.
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton);
    static QString openFile(QWidget *parent, const QString &caption, const QString &dir, const QString &filter);
    static QString saveFile(QWidget *parent, const QString &caption, const QString &dir, const QString &filter);
    // One line of text, with completions; empty when cancelled.
    static QString askText(QWidget *parent, const QString &title, const QString &label, const QStringList &completions = {});

    // Test hooks. A message hook returns the button to press; a file hook returns the path to pick.
    using MessageHook = std::function<QMessageBox::StandardButton(const Message &)>;
    using FileHook = std::function<QString(const QString &caption)>;
    using TextHook = std::function<QString(const QString &title, const QStringList &completions)>;
    static void setMessageHook(MessageHook hook);
    static void setFileHook(FileHook hook);
    static void setTextHook(TextHook hook);
};

} // namespace lux::ui
