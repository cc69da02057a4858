// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <unordered_set>

namespace lux::tracker {

// The registration form's proof of work (docs/EVENTS.md): the page carries a challenge the server
// signed (its form, its difficulty, when it expires, a random nonce), and the page's own script
// looks for a number n such that SHA-256("<challenge>:<n>") starts with `difficulty` zero bits.
// The server checks the signature in constant time, the form, the expiry, the work, and that the
// challenge was not spent before (a solved challenge registers one person). The key is random per
// process: a restart only makes the open pages ask again.
class ProofOfWork
{
public:
    static constexpr qint64 kLifetimeMs = 20 * 60 * 1000; // a form filled in slowly still goes through
    static constexpr size_t kMaxSpent = 1'000'000;        // challenges remembered (~80 bytes each)

    enum class Verdict { Valid, Missing, Malformed, Forged, WrongForm, Expired, TooEasy, Insufficient, Spent };

    ProofOfWork();

    QByteArray challenge(QStringView slug, int difficulty, qint64 now) const;
    // Spends the challenge when valid. Without `requireWork` only the challenge is checked (issued
    // here, for this form, not expired, not spent): a page without scripts still needs one.
    Verdict check(QByteArrayView challenge, QByteArrayView nonce, QStringView slug, int difficulty, qint64 now, bool requireWork = true);

    // Leading zero bits of SHA-256(challenge ":" nonce): what the page's script computes.
    static int zeroBits(QByteArrayView challenge, QByteArrayView nonce);
    // A nonce that satisfies `difficulty`, found the way the page's script does (tests, benches).
    static QByteArray solve(QByteArrayView challenge, int difficulty);

private:
    std::array<unsigned char, 32> m_key{};
    // Spent challenges by the minute they expire in: a minute's set is dropped whole once it has
    // passed, so forgetting costs nothing however many there are.
    std::mutex m_mutex;
    std::map<qint64, std::unordered_set<std::string>> m_spent;
    size_t m_spentCount = 0;
};

} // namespace lux::tracker
