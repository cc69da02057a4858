// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QProcess>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace lux::test {

// A real lux-tracker process on a free loopback port, with its own key ring, API token and
// database in `dir`. Stops it with SIGTERM (a clean shutdown) unless asked otherwise.
class TrackerProcess
{
public:
    TrackerProcess(QString binary, QString dir, QStringList extraArgs = {});
    ~TrackerProcess();

    bool start(); // waits for "listening on"
    // Listen on this port (before start()): for a server whose public address must be known first.
    void setPort(quint16 port) { m_port = port; }
    static quint16 freePort(); // a loopback port nothing listens on now
    // SIGTERM and wait; false if it did not exit cleanly with status 0.
    bool stop();
    void kill();

    QUrl url(const QString &path = {}) const;
    QByteArray keys() const { return m_keys; }
    QByteArray apiToken() const { return m_token; }
    QString dbPath() const { return m_dir + QStringLiteral("/events.db"); }
    QString logPath() const { return m_dir + QStringLiteral("/access.log"); }
    QByteArray output() const;
    QProcess &process() { return *m_process; }

private:
    QString m_binary, m_dir;
    QStringList m_extra;
    QByteArray m_keys, m_token;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
    mutable QByteArray m_output;
};

// Blocking HTTP for tests (an event loop runs while waiting). Redirects are never followed.
struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray header(const QByteArray &name) const;
};
HttpAnswer httpRequest(QNetworkAccessManager &nam, const QByteArray &verb, const QUrl &url, const QByteArray &body = {},
                       const QList<QPair<QByteArray, QByteArray>> &headers = {});
// Raw bytes to host:port, and the first line of whatever comes back (empty if the server closed).
QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs = 5000);

} // namespace lux::test
