// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundedrun.h"

#include <QElapsedTimer>
#include <QFile>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace lux::test {

namespace {

constexpr qsizetype kKeep = 1 << 20;

void drain(int &fd, QByteArray &keep, qint64 &total)
{
    char buf[64 * 1024];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) {
        total += n;
        if (keep.size() < kKeep)
            keep.append(buf, qMin<qsizetype>(n, kKeep - keep.size()));
    } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        ::close(fd);
        fd = -1;
    }
}

} // namespace

QString BoundedRun::describe() const
{
    if (!started)
        return QStringLiteral("did not start");
    QString how = timedOut ? QStringLiteral("killed after the wall clock of %1 ms").arg(elapsedMs)
                  : signal ? QStringLiteral("ended by signal %1 after %2 ms").arg(signal).arg(elapsedMs)
                           : QStringLiteral("exited %1 after %2 ms").arg(exitCode).arg(elapsedMs);
    return how + QStringLiteral(", peak %1 MiB; stderr: %2").arg(peakRssKiB / 1024).arg(QString::fromUtf8(err.left(600)));
}

BoundedRun runBounded(const QString &program, const QStringList &args, int timeoutMs, const QByteArray &stdinData,
                      const QStringList &env)
{
    BoundedRun run;
    int in[2], out[2], err[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0)
        return run;

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);

    std::vector<QByteArray> argStore{QFile::encodeName(program)};
    for (const QString &a : args)
        argStore.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<QByteArray> envStore;
    for (char **e = environ; *e; ++e)
        envStore.emplace_back(*e);
    for (const QString &e : env)
        envStore.push_back(e.toLocal8Bit());
    std::vector<char *> envp;
    for (QByteArray &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    QElapsedTimer clock;
    clock.start();
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    if (rc != 0) {
        ::close(in[1]);
        ::close(out[0]);
        ::close(err[0]);
        return run;
    }
    run.started = true;

    ::signal(SIGPIPE, SIG_IGN);
    ::fcntl(in[1], F_SETFL, O_NONBLOCK);
    int inFd = in[1], outFd = out[0], errFd = err[0];
    qsizetype written = 0;
    if (stdinData.isEmpty()) {
        ::close(inFd);
        inFd = -1;
    }
    while (outFd >= 0 || errFd >= 0) {
        const qint64 left = timeoutMs - clock.elapsed();
        if (left <= 0) {
            run.timedOut = true;
            ::kill(pid, SIGKILL);
            break;
        }
        pollfd fds[3];
        int n = 0;
        if (outFd >= 0)
            fds[n++] = {outFd, POLLIN, 0};
        if (errFd >= 0)
            fds[n++] = {errFd, POLLIN, 0};
        if (inFd >= 0)
            fds[n++] = {inFd, POLLOUT, 0};
        if (::poll(fds, nfds_t(n), int(qMin<qint64>(left, 200))) < 0 && errno != EINTR)
            break;
        for (int i = 0; i < n; ++i) {
            if (!fds[i].revents)
                continue;
            if (fds[i].fd == outFd)
                drain(outFd, run.out, run.outBytes);
            else if (fds[i].fd == errFd)
                drain(errFd, run.err, run.errBytes);
            else if (fds[i].fd == inFd) {
                const ssize_t w = ::write(inFd, stdinData.constData() + written, size_t(stdinData.size() - written));
                if (w > 0)
                    written += w;
                if (w < 0 && errno != EAGAIN && errno != EINTR)
                    written = stdinData.size();
                if (written >= stdinData.size()) {
                    ::close(inFd);
                    inFd = -1;
                }
            }
        }
    }
    for (int fd : {inFd, outFd, errFd})
        if (fd >= 0)
            ::close(fd);

    int status = 0;
    rusage usage{};
    // The streams closed (or the clock ran out); the child may still be running.
    for (;;) {
        const pid_t r = ::wait4(pid, &status, WNOHANG, &usage);
        if (r == pid)
            break;
        if (r < 0 && errno != EINTR)
            break;
        if (!run.timedOut && clock.elapsed() > timeoutMs) {
            run.timedOut = true;
            ::kill(pid, SIGKILL);
        }
        ::usleep(10000);
    }
    run.elapsedMs = clock.elapsed();
    run.peakRssKiB = usage.ru_maxrss;
    if (WIFEXITED(status))
        run.exitCode = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        run.signal = WTERMSIG(status);
    return run;
}

qint64 selfPeakRssKiB()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace lux::test
