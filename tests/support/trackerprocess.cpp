// SPDX-License-Identifier: GPL-3.0-or-later
#include "trackerprocess.h"

#include "tracking/token.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

#include <csignal>
#include <QTcpServer>

#include <unistd.h>

namespace lux::test {

TrackerProcess::TrackerProcess(QString binary, QString dir, QStringList extraArgs)
    : m_binary(std::move(binary)), m_dir(std::move(dir)), m_extra(std::move(extraArgs))
{
    m_keys = tracking::KeyRing::generate(1);
    m_token = QByteArrayLiteral("test-api-token-") + QByteArray::number(qint64(::getpid()));
    QFile k(m_dir + QStringLiteral("/keys"));
    if (k.open(QIODevice::WriteOnly))
        k.write(m_keys);
    QFile t(m_dir + QStringLiteral("/api-token"));
    if (t.open(QIODevice::WriteOnly))
        t.write(m_token + '\n');
}

quint16 TrackerProcess::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

TrackerProcess::~TrackerProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        kill();
}

bool TrackerProcess::start()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    QStringList args{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port), QStringLiteral("--db"), dbPath(),
                     QStringLiteral("--key-file"), m_dir + QStringLiteral("/keys"), QStringLiteral("--api-token-file"),
                     m_dir + QStringLiteral("/api-token"), QStringLiteral("--access-log"), logPath()};
    if (::geteuid() == 0)
        args << QStringLiteral("--allow-root"); // CI containers run as root
    m_process->start(m_binary, args + m_extra);
    if (!m_process->waitForStarted(10'000))
        return false;
    static const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
    // Only this run's output counts: a restart must not be taken for started by the last run's line.
    const qsizetype from = m_output.size();
    QDeadlineTimer deadline(20'000);
    while (!deadline.hasExpired()) {
        m_process->waitForReadyRead(100);
        m_output += m_process->readAll();
        const auto m = listening.match(QString::fromUtf8(m_output.mid(from)));
        if (m.hasMatch()) {
            m_port = quint16(m.captured(1).toUInt()); // a restart keeps the port
            return true;
        }
        if (m_process->state() == QProcess::NotRunning)
            return false;
    }
    return false;
}

bool TrackerProcess::stop()
{
    if (!m_process)
        return false;
    ::kill(pid_t(m_process->processId()), SIGTERM);
    const bool exited = m_process->waitForFinished(20'000);
    m_output += m_process->readAll();
    return exited && m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
}

void TrackerProcess::kill()
{
    m_process->kill();
    m_process->waitForFinished(10'000);
    m_output += m_process->readAll();
}

QUrl TrackerProcess::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

QByteArray TrackerProcess::output() const
{
    if (m_process)
        m_output += m_process->readAll();
    return m_output;
}

QByteArray HttpAnswer::header(const QByteArray &name) const
{
    for (const auto &[k, v] : headers)
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

HttpAnswer httpRequest(QNetworkAccessManager &nam, const QByteArray &verb, const QUrl &url, const QByteArray &body,
                       const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[k, v] : headers)
        request.setRawHeader(k, v);
    // A HEAD as a custom verb would wait for the body its Content-Length announces.
    QNetworkReply *reply = verb == "HEAD" ? nam.head(request) : nam.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(15'000, &loop, &QEventLoop::quit);
    loop.exec();
    HttpAnswer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    a.headers = reply->rawHeaderPairs();
    a.error = reply->error();
    reply->deleteLater();
    return a;
}

QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs)
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!s.waitForConnected(timeoutMs))
        return QByteArrayLiteral("<no connection>");
    s.write(bytes);
    s.waitForBytesWritten(timeoutMs);
    QByteArray in;
    QDeadlineTimer deadline(timeoutMs);
    while (!in.contains("\r\n") && !deadline.hasExpired() && s.state() == QAbstractSocket::ConnectedState) {
        s.waitForReadyRead(50);
        in += s.readAll();
    }
    in += s.readAll();
    return in.left(in.indexOf("\r\n"));
}

} // namespace lux::test
