// SPDX-License-Identifier: Apache-2.0
#include "capturegenerator.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

namespace cody::bench {

namespace {

/// splitmix64: a fixed, portable sequence (std:: distributions differ between libraries).
class Random
{
public:
    explicit Random(std::uint64_t seed)
        : m_state(seed)
    { }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// In [0, bound).
    std::uint64_t below(std::uint64_t bound) { return next() % bound; }

private:
    std::uint64_t m_state;
};

// Tokens as an LLM streams them, already JSON-escaped the way Go's encoder writes them.
constexpr std::array<std::string_view, 64> Tokens = {" the", " to", " a", " of", " and", " in",
    " is", " you", " that", " it", " for", " function", " return", " const", " value", " string",
    " list", " file", " error", " the", "\\n", "\\n\\n", "```", "cpp", "\\n    ", " {", " }", "();",
    " =", " \\\"", "\\\"", ".", ",", ":", " `", "`", " std", "::", "vector", "\\u003c", "\\u003e",
    " \\u0026\\u0026", " Q", "String", " parse", "Event", " stream", " data", "_", "buffer",
    " caf\xC3\xA9", " na\xC3\xAFve", " \xE2\x86\x92", " \xF0\x9F\x99\x82", " \xE4\xBE\x8B", " int",
    " 0", "1", "2", " if", " (", ")", " else", " I"};

void appendEvent(QByteArray &out, std::string_view delta)
{
    out.append("event: completion\ndata: {\"deltaText\":\"");
    out.append(delta.data(), qsizetype(delta.size()));
    out.append("\"}\n\n");
}

} // namespace

QByteArray generateCapture(qint64 completionEvents, CaptureStats *stats)
{
    Random random(20240521);
    QByteArray out;
    out.reserve(completionEvents * 50);
    CaptureStats counts;
    while (counts.completionEvents < completionEvents) {
        // One reply: a few hundred to a few thousand deltas, a last event with the stop reason
        // (and an empty delta, as Anthropic's last chunk has), then `done`.
        const qint64 left = completionEvents - counts.completionEvents;
        const qint64 deltas = std::min<qint64>(left - 1, 300 + qint64(random.below(2700)));
        for (qint64 i = 0; i < deltas; ++i)
            appendEvent(out, Tokens[random.below(Tokens.size())]);
        out.append("event: completion\ndata: {\"deltaText\":\"\",\"stopReason\":\"end_turn\"}\n\n"
                   "event: done\ndata: {}\n\n");
        counts.completionEvents += deltas + 1;
        ++counts.streams;
    }
    if (stats)
        *stats = counts;
    return out;
}

} // namespace cody::bench
