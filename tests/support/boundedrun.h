// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace lux::test {

// One run of a program under a wall clock, for the hostile-input suite: how it ended, how long it
// took and the most memory it held (its peak resident set, from wait4's rusage, which QProcess does
// not expose). A run past the wall clock is killed with SIGKILL and reported as timed out; the
// assertion is "ended within a generous bound", never a speed.
struct BoundedRun
{
    bool started = false;
    bool timedOut = false;
    int exitCode = -1;  // when it exited
    int signal = 0;     // when a signal ended it (SIGSEGV = 11, SIGKILL = 9)
    qint64 elapsedMs = 0;
    qint64 peakRssKiB = 0;
    QByteArray out;     // the first 1 MiB of each stream; the rest is read and dropped
    QByteArray err;
    qint64 outBytes = 0; // how much each stream wrote in all (a message that repeats a 50 MB header)
    qint64 errBytes = 0;

    bool exitedNormally() const { return started && !timedOut && signal == 0; }
    // For QVERIFY2: how it ended, in words.
    QString describe() const;
};

// Runs `program args` with `stdinData` on its standard input (closed after), an environment that
// adds `env` ("NAME=value") to this process's, and at most `timeoutMs` of wall clock.
BoundedRun runBounded(const QString &program, const QStringList &args, int timeoutMs, const QByteArray &stdinData = {},
                      const QStringList &env = {});

// The peak resident set of this process so far, for checks run in-process.
qint64 selfPeakRssKiB();

} // namespace lux::test
