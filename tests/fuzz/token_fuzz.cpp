// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the tracking token parser: what lux-tracker reads from every public URL.
// Nothing but a token this key signed may verify, and a token that verifies is canonical: signing
// its claims again gives back the very same text.
//   cmake --preset fuzz && cmake --build --preset fuzz
//   build/fuzz/tests/fuzz/token_fuzz -max_total_time=600 -max_len=128 tests/fuzz/corpus/token
#include "tracking/token.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace lux::tracking;

namespace {
const TokenCodec &codec()
{
    // A fixed key, so the corpus's valid tokens stay valid between runs.
    static const TokenCodec c(*KeyRing::parse("3 AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\n"));
    return c;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView token(reinterpret_cast<const char *>(data), qsizetype(size));
    for (Purpose p : {Purpose::Open, Purpose::Click, Purpose::Unsubscribe}) {
        const auto claims = codec().verify(token, p);
        if (!claims)
            continue;
        if (claims->purpose != p || claims->keyId != 3 || codec().sign(*claims).toLatin1() != token)
            std::abort();
    }
    return 0;
}
