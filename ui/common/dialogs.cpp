// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs.h"

#include <QCompleter>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>

namespace lux::ui {

namespace {
Dialogs::MessageHook &messageHook()
{
    static Dialogs::MessageHook hook;
    return hook;
}
Dialogs::TextHook &textHook()
{
    static Dialogs::TextHook hook;
    return hook;
}

Dialogs::FileHook &fileHook()
{
    static Dialogs::FileHook hook;
    return hook;
}

QMessageBox::StandardButton show(QWidget *parent, Dialogs::Kind kind, const QString &title, const QString &text,
                                 QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton)
{
    if (messageHook())
        return messageHook()({kind, title, text});
    QMessageBox::Icon icon = QMessageBox::Information;
    switch (kind) {
    case Dialogs::Kind::Information: icon = QMessageBox::Information; break;
    case Dialogs::Kind::Warning: icon = QMessageBox::Warning; break;
    case Dialogs::Kind::Critical: icon = QMessageBox::Critical; break;
    case Dialogs::Kind::Question: icon = QMessageBox::Question; break;
    }
    QMessageBox box(icon, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    box.setTextFormat(Qt::PlainText);
    return static_cast<QMessageBox::StandardButton>(box.exec());
}
} // namespace

void Dialogs::information(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, Kind::Information, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

void Dialogs::warning(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, Kind::Warning, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

void Dialogs::critical(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, Kind::Critical, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

QMessageBox::StandardButton Dialogs::question(QWidget *parent, const QString &title, const QString &text,
                                              QMessageBox::StandardButtons buttons,
                                              QMessageBox::StandardButton defaultButton)
{
    return show(parent, Kind::Question, title, text, buttons, defaultButton);
}

QString Dialogs::openFile(QWidget *parent, const QString &caption, const QString &dir, const QString &filter)
{
    if (fileHook())
        return fileHook()(caption);
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

QString Dialogs::saveFile(QWidget *parent, const QString &caption, const QString &dir, const QString &filter)
{
    if (fileHook())
        return fileHook()(caption);
    return QFileDialog::getSaveFileName(parent, caption, dir, filter);
}

void Dialogs::setMessageHook(MessageHook hook)
{
    messageHook() = std::move(hook);
}

QString Dialogs::askText(QWidget *parent, const QString &title, const QString &label, const QStringList &completions)
{
    if (textHook())
        return textHook()(title, completions);
    QInputDialog dialog(parent);
    dialog.setWindowTitle(title);
    dialog.setLabelText(label);
    dialog.setInputMode(QInputDialog::TextInput);
    if (auto *edit = dialog.findChild<QLineEdit *>(); edit && !completions.isEmpty()) {
        auto *completer = new QCompleter(completions, edit);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        edit->setCompleter(completer);
    }
    if (dialog.exec() != QDialog::Accepted)
        return {};
    return dialog.textValue().trimmed();
}

void Dialogs::setTextHook(TextHook hook)
{
    textHook() = std::move(hook);
}

void Dialogs::setFileHook(FileHook hook)
{
    fileHook() = std::move(hook);
}

} // namespace lux::ui
