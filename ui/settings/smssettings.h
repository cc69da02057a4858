// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaigns/senderstore.h"

#include <QDialog>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimeEdit;
class QTimer;
class QToolButton;

namespace lux::ui {

class AppSession;

// Adds a sending number (or a Messaging Service) or changes one's pace. The kind follows what is
// typed until the user picks one, and the messages a second follow the kind until the user sets them.
// Save stores it through SenderStore off the GUI thread: the dialog closes once it is stored, and
// shows SenderStore's message and stays open when it is refused.
class SmsSenderDialog : public QDialog
{
    Q_OBJECT
public:
    // `existing`: the sender to change (its address then stays as it is); null for a new one.
    SmsSenderDialog(AppSession &session, const campaigns::SenderMailbox *existing, QWidget *parent = nullptr);

    QLineEdit *addressEdit() const { return m_address; }
    QComboBox *kindCombo() const { return m_kind; }
    QSpinBox *perSecondSpin() const { return m_perSecond; }
    QSpinBox *perDaySpin() const { return m_perDay; }
    QSpinBox *concurrencySpin() const { return m_concurrency; }
    QLabel *errorLabel() const { return m_error; }
    void save();

Q_SIGNALS:
    void refused(); // SenderStore said no: the reason is in errorLabel()

private:
    void followAddress();
    void followKind();

    AppSession &m_session;
    QLineEdit *m_address = nullptr;
    QComboBox *m_kind = nullptr;
    QSpinBox *m_perSecond = nullptr;
    QSpinBox *m_perDay = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_save = nullptr;
    bool m_kindChosen = false;      // the user picked a kind: the address no longer decides it
    bool m_perSecondChosen = false; // the user set the pace: the kind no longer decides it
    bool m_setting = false;         // a value being set here, not by the user
};

// Settings → SMS: the Twilio account (Account SID, an optional API key, the Auth Token or the key's
// secret kept in the keychain, the API address for tests and proxies) with a connection test, the
// sending numbers with their pace, the quiet hours texts are held to, the words every text needs
// (the sender's name, the HELP answer), the region numbers without a country code are read in, and
// the price a segment by destination country the campaign wizard estimates costs with. Everything
// applies as it changes, like the other pages; database and network work runs off the GUI thread.
class SmsSettings : public QWidget
{
    Q_OBJECT
public:
    explicit SmsSettings(AppSession &session, QWidget *parent = nullptr);
    ~SmsSettings() override;

    // The Auth Token, or the API key's secret when an API key SID is set, into the keychain.
    void saveSecret(const QString &secret);
    void removeSecret();
    // Asks Twilio for the account's name with the SID and the secret (the one typed, else the
    // keychain's); cancelTest() forgets the answer to come.
    void testConnection();
    void cancelTest();
    bool isTesting() const { return m_testing; }
    // Opens the sender dialog (window-modal) for a new sender, or for the selected one.
    SmsSenderDialog *openSenderDialog(bool changeSelected);
    void removeSelectedSender();
    // A country's price a segment (a decimal), added to the table and saved.
    bool addPrice(const QString &country, const QString &perSegment, const QString &currency);
    void removeSelectedPrices();

    QLineEdit *accountSidEdit() const { return m_accountSid; }
    QLabel *accountSidError() const { return m_accountSidError; }
    QLineEdit *apiKeySidEdit() const { return m_apiKeySid; }
    QLineEdit *secretEdit() const { return m_secret; }
    QLabel *secretStatus() const { return m_secretStatus; }
    QLabel *connectionStatus() const { return m_connectionStatus; }
    QPushButton *testButton() const { return m_test; }
    QTableWidget *sendersTable() const { return m_senders; }
    QTableWidget *pricesTable() const { return m_prices; }
    QLabel *pricesStatus() const { return m_pricesStatus; }
    QTimeEdit *quietStartEdit() const { return m_quietStart; }
    QTimeEdit *quietEndEdit() const { return m_quietEnd; }
    QLabel *quietStatus() const { return m_quietStatus; }

Q_SIGNALS:
    void checked(); // a status line changed
    void sendersLoaded();
    void pricesLoaded();
    void pricesSaved(); // the table is in the database as shown (or pricesStatus() says why not)

private:
    void refresh(); // another database: its own values, senders, prices and secret
    void checkSecret();
    void showSecretMode();
    void setStatus(QLabel *label, const QString &role, const QString &text);
    void setTesting(bool on);
    void saveAccountSid();
    void saveApiKeySid();
    void saveQuietHours();
    void saveHelpText();
    void loadSenders();
    void loadPrices();
    void priceEdited(int row, int column);
    void savePrices();
    void openPriceDialog();
    bool writable() const;

    AppSession &m_session;
    QList<QWidget *> m_writers; // disabled on a read-only database

    QLineEdit *m_accountSid = nullptr;
    QLabel *m_accountSidError = nullptr;
    QLineEdit *m_apiKeySid = nullptr;
    QLabel *m_apiKeySidError = nullptr;
    QLabel *m_secretLabel = nullptr;
    QLineEdit *m_secret = nullptr;
    QPushButton *m_saveSecret = nullptr;
    QPushButton *m_removeSecret = nullptr;
    QLabel *m_secretStatus = nullptr;
    QToolButton *m_advanced = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_cancelTest = nullptr;
    QLabel *m_connectionStatus = nullptr;
    int m_testRun = 0; // answers of earlier (or cancelled) runs are dropped
    bool m_testing = false;

    QTableWidget *m_senders = nullptr;
    QList<campaigns::SenderMailbox> m_senderRows;
    QPushButton *m_editSender = nullptr;
    QPushButton *m_removeSender = nullptr;

    QTimeEdit *m_quietStart = nullptr;
    QTimeEdit *m_quietEnd = nullptr;
    QLabel *m_quietStatus = nullptr;
    QCheckBox *m_stateRules = nullptr;

    QLineEdit *m_senderName = nullptr;
    QPlainTextEdit *m_helpText = nullptr;
    QLabel *m_helpCount = nullptr;
    QTimer *m_helpSave = nullptr;
    QComboBox *m_region = nullptr;

    QTableWidget *m_prices = nullptr;
    QLabel *m_pricesStatus = nullptr;
    QPushButton *m_removePrice = nullptr;
    bool m_fillingPrices = false;
    bool m_savingPrices = false;
    bool m_pricesPending = false;
    bool m_loading = false; // fields being filled from the settings, not edited
    int m_database = 0;     // counts databases opened: a late answer about an earlier one is dropped
};

} // namespace lux::ui
