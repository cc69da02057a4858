// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QHash>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace lux::ui {

class AppSession;

// Components: pieces of email edited in one place and included by templates as {{> name}} (header,
// footer, button, image with text, product card, social links, divider, or one's own). The starter
// set can be added to a database that lacks it. Reads and writes run off the GUI thread.
class ComponentsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ComponentsDialog(AppSession &session, QWidget *parent = nullptr);

    // The starter components shipped in resources/components, by name.
    static QHash<QString, QString> starterSet();
    QListWidget *list() const { return m_list; }
    QLineEdit *nameField() const { return m_name; }
    QPlainTextEdit *editor() const { return m_editor; }
    bool isBusy() const { return m_busy > 0; }
    void saveCurrent();
    void removeCurrent();
    void addStarters();

Q_SIGNALS:
    void changed();

private:
    void reload(const QString &select = {});
    void showComponent(const QString &name);
    void setBusy(bool busy);

    AppSession &m_session;
    QListWidget *m_list;
    QLineEdit *m_name;
    QPlainTextEdit *m_editor;
    QLabel *m_error;
    QPushButton *m_save;
    QPushButton *m_delete;
    QPushButton *m_starters;
    QHash<QString, QString> m_components;
    int m_busy = 0;
};

} // namespace lux::ui
