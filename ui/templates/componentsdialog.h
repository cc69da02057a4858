// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "listdetaildialog.h"

#include <QHash>

class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace lux::ui {

// Components: pieces of email edited in one place and included by templates as {{> name}} (header,
// footer, button, image with text, product card, social links, divider, or one's own). The starter
// set can be added to a database that lacks it. Reads and writes run off the GUI thread.
class ComponentsDialog : public ListDetailDialog
{
    Q_OBJECT
public:
    explicit ComponentsDialog(AppSession &session, QWidget *parent = nullptr);

    // The starter components shipped in resources/components, by name.
    static QHash<QString, QString> starterSet();
    QLineEdit *nameField() const { return m_name; }
    QPlainTextEdit *editor() const { return m_editor; }
    void saveCurrent();
    void removeCurrent();
    void addStarters();

protected:
    void updateActions() override;

private:
    void reload(const QString &select = {}) override;
    void showComponent(const QString &name);

    QLineEdit *m_name;
    QPlainTextEdit *m_editor;
    QPushButton *m_new;
    QPushButton *m_save;
    QPushButton *m_delete;
    QPushButton *m_starters;
    QHash<QString, QString> m_components;
};

} // namespace lux::ui
