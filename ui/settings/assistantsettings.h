// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStringListModel;

namespace lux::channels {
class Cancellation;
}

namespace lux::ui {

class AppSession;

// Settings → Assistant: the OpenAI-compatible server LUX talks to (its address, with presets for
// OpenAI, Ollama, LM Studio and llama.cpp's server), the chat and image models, the API key kept in
// the keychain (never shown back; local servers need none), a connection test that lists the
// server's models, this month's usage from the ledger, and what is sent to the server. Everything
// applies as it changes, like the other pages; keychain, network and database work runs off the GUI
// thread.
class AssistantSettings : public QWidget
{
    Q_OBJECT
public:
    explicit AssistantSettings(AppSession &session, QWidget *parent = nullptr);
    ~AssistantSettings() override;

    // The presets' addresses, in the order the combo box lists them after "Custom".
    static QList<QPair<QString, QString>> presets(); // name, base URL

    void saveKey(const QString &key);
    void removeKey();
    // GET /models with the address and model typed, and the key typed (else the keychain's).
    void testConnection();
    void cancelTest();
    bool isTesting() const { return m_testing; }
    // Reads this month's totals from the usage ledger (on a worker); usageLoaded() when shown.
    void refreshUsage();

    QComboBox *presetCombo() const { return m_preset; }
    QLineEdit *baseUrlEdit() const { return m_baseUrl; }
    QLabel *baseUrlError() const { return m_baseUrlError; }
    QLineEdit *modelEdit() const { return m_model; }
    QLineEdit *imageModelEdit() const { return m_imageModel; }
    QLineEdit *keyEdit() const { return m_key; }
    QPushButton *removeKeyButton() const { return m_removeKey; }
    QLabel *keyStatus() const { return m_keyStatus; }
    QPushButton *testButton() const { return m_test; }
    QLabel *connectionStatus() const { return m_connectionStatus; }
    QLabel *usageLabel() const { return m_usage; }

Q_SIGNALS:
    void checked(); // a status line changed
    void usageLoaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh(); // another database: its own values and usage
    void checkKey();
    void saveBaseUrl();
    void saveModel(QLineEdit *edit, int key);
    void followPreset();
    void setStatus(QLabel *label, const QString &role, const QString &text);
    void setTesting(bool on);
    void updateLocalNote();

    AppSession &m_session;
    QComboBox *m_preset = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLabel *m_baseUrlError = nullptr;
    QLabel *m_localNote = nullptr;
    QLineEdit *m_model = nullptr;
    QLineEdit *m_imageModel = nullptr;
    QStringListModel *m_models = nullptr; // the server's models, for completion
    QLineEdit *m_key = nullptr;
    QPushButton *m_saveKey = nullptr;
    QPushButton *m_removeKey = nullptr;
    QLabel *m_keyStatus = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_cancelTest = nullptr;
    QLabel *m_connectionStatus = nullptr;
    QLabel *m_usage = nullptr;
    QPointer<channels::Cancellation> m_testCancel;
    int m_testRun = 0;
    int m_usageRun = 0;
    bool m_testing = false;
    bool m_loading = false;
};

} // namespace lux::ui
