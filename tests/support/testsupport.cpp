// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"

#include "storage/sqlitefile.h"
#include "users/userservice.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QtEndian>

#include <cstdio>
#include <cstring>
#include <thread>

namespace lux::test {

TestEnvironment::TestEnvironment()
{
    QStandardPaths::setTestModeEnabled(true);
    Q_ASSERT(m_dir.isValid());
}

QByteArray fileDigest(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size() && f.flush();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeRandomBytes(const QString &path, int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
}

int countRows(const QString &dbPath, const QString &table)
{
    storage::ScopedConnection conn(dbPath, storage::ScopedConnection::Mode::ReadOnly);
    QSqlQuery q(conn.db());
    // Table names come from the tests themselves.
    if (!q.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !q.next())
        return -1;
    return q.value(0).toInt();
}

QString readSetting(const QString &dbPath, const QString &key)
{
    storage::ScopedConnection conn(dbPath, storage::ScopedConnection::Mode::ReadOnly);
    QSqlQuery q(conn.db());
    q.prepare(QStringLiteral("SELECT value FROM db_settings WHERE key = ?"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

Result<User> createAdmin(const QSqlDatabase &db)
{
    return UserService(db).createFirstAdmin(QStringLiteral("Ada Admin"), QStringLiteral("admin@example.com"), QString::fromLatin1(kAdminPassword));
}

User createDatabaseWithAdmin(const QString &path)
{
    auto db = Database::open(path);
    if (!db)
        qFatal("could not create %s: %s", qPrintable(path), qPrintable(db.error().message));
    const auto admin = createAdmin((*db)->connection());
    if (!admin)
        qFatal("could not create the admin: %s", qPrintable(admin.error().message));
    return *admin;
}

std::unique_ptr<QProcess> startHolder(const QString &dbPath)
{
    auto p = std::make_unique<QProcess>();
    p->setProgram(QCoreApplication::applicationFilePath());
    p->setArguments({QStringLiteral("--lux-hold-database"), dbPath});
    p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p->start();
    if (!p->waitForStarted(10000))
        return nullptr;
    QByteArray out;
    for (int i = 0; i < 300 && !out.contains("ready"); ++i) {
        p->waitForReadyRead(100);
        out += p->readAllStandardOutput();
    }
    return out.contains("ready") ? std::move(p) : nullptr;
}

void handleHolderMode(int argc, char **argv)
{
    if (argc != 3 || std::strcmp(argv[1], "--lux-hold-database") != 0)
        return;
    QCoreApplication app(argc, argv);
    auto db = Database::open(QString::fromLocal8Bit(argv[2]));
    if (!db) {
        std::fprintf(stderr, "holder: %s\n", qPrintable(db.error().message));
        std::exit(3);
    }
    std::printf("ready\n");
    std::fflush(stdout);
    // Waits for SIGKILL; a clean exit after a minute keeps a forgotten holder from lingering.
    std::this_thread::sleep_for(std::chrono::seconds(60));
    std::exit(0);
}

ProcessRun runCaptured(const QString &program, const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    ProcessRun r;
    if (!p.waitForFinished(timeoutMs))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

int runProcess(const QString &program, const QStringList &args, const QProcessEnvironment &env, QByteArray *out, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (p.state() != QProcess::NotRunning)
        loop.exec();
    const QString name = QFileInfo(program).fileName();
    if (p.state() != QProcess::NotRunning) {
        qWarning("%s %s did not finish: %s", qPrintable(name), qPrintable(args.join(u' ')), p.readAllStandardError().right(2000).constData());
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (out)
        *out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit)
        return -1;
    if (p.exitCode() != 0)
        qWarning("%s %s: %s", qPrintable(name), qPrintable(args.join(u' ')), p.readAllStandardError().constData());
    return p.exitCode();
}

QProcessEnvironment luxctlEnvironment(const TestEnvironment &env, const QString &db)
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("XDG_CONFIG_HOME"), env.path(QStringLiteral("config")));
    e.insert(QStringLiteral("LUX_DB"), db);
    e.insert(QStringLiteral("LUX_SECRET_GRAPH_CLIENT_SECRET"), QStringLiteral("secret"));
    e.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    return e;
}

QString mimePart(const QByteArray &mime, const QByteArray &contentType)
{
    const QByteArray header = "Content-Type: " + contentType;
    const qsizetype start = mime.indexOf(header);
    if (start < 0)
        return {};
    const qsizetype body = mime.indexOf("\r\n\r\n", start) + 4;
    const qsizetype end = mime.indexOf("\r\n--", body);
    QByteArray qp = mime.mid(body, end - body);
    qp.replace("=\r\n", "");
    QByteArray out;
    for (qsizetype i = 0; i < qp.size(); ++i) {
        if (qp[i] == '=' && i + 2 < qp.size()) {
            out.append(char(QByteArray::fromHex(qp.mid(i + 1, 2)).at(0)));
            i += 2;
        } else {
            out.append(qp[i]);
        }
    }
    return QString::fromUtf8(out);
}

QString daytimeZone()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const char *name : {"America/New_York", "America/Chicago", "America/Los_Angeles", "Pacific/Honolulu", "Pacific/Auckland",
                             "Asia/Tokyo", "Asia/Kolkata", "Asia/Dubai", "Europe/Berlin", "Europe/London", "America/Sao_Paulo"}) {
        const QTimeZone zone(name);
        const int hour = now.toTimeZone(zone).time().hour();
        if (hour >= 10 && hour < 18)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("UTC");
}

namespace {

QByteArray be16(int v)
{
    QByteArray b(2, '\0');
    qToBigEndian<quint16>(quint16(v), b.data());
    return b;
}

} // namespace

QByteArray jpegHeader(int width, int height, int orientation, bool mpo, qint64 total)
{
    QByteArray d = QByteArray::fromHex("ffd8");
    if (orientation > 0) {
        // A big-endian TIFF header and one directory entry: 0x0112, SHORT, count 1, the value.
        const QByteArray tiff = QByteArray("MM\0*", 4) + QByteArray::fromHex("00000008") + be16(1) + be16(0x0112) + be16(3)
                                + QByteArray::fromHex("00000001") + be16(orientation) + be16(0) + QByteArray::fromHex("00000000");
        const QByteArray body = QByteArray("Exif\0\0", 6) + tiff;
        d += QByteArray::fromHex("ffe1") + be16(int(body.size()) + 2) + body;
    }
    if (mpo) {
        const QByteArray body = QByteArray("MPF\0", 4) + QByteArray(24, '\0');
        d += QByteArray::fromHex("ffe2") + be16(int(body.size()) + 2) + body;
    }
    d += QByteArray::fromHex("ffc0") + be16(17) + QByteArray(1, 8) + be16(height) + be16(width) + QByteArray(12, '\0');
    if (total > d.size())
        d += QByteArray(int(total - d.size()), '\0');
    return d;
}

QByteArray pngHeader(int width, int height)
{
    QByteArray size(8, '\0');
    qToBigEndian<quint32>(quint32(width), size.data());
    qToBigEndian<quint32>(quint32(height), size.data() + 4);
    return QByteArray::fromHex("89504e470d0a1a0a0000000d") + "IHDR" + size + QByteArray(5, '\0');
}

} // namespace lux::test
