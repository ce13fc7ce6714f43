// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "recordedrequest.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace cody::test {

// Incremental HTTP/1.1 request parser: bytes go in as they arrive, complete requests come out.
// Several requests may share one connection (keep-alive, pipelining); bodies are framed by
// Content-Length or chunked transfer coding.
class HttpRequestParser
{
public:
    // Returns false once the stream is malformed; the connection should answer 400 and close.
    bool feed(const QByteArray &bytes);
    bool hasRequest() const { return !m_ready.isEmpty(); }
    RecordedRequest takeRequest() { return m_ready.takeFirst(); }
    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }

private:
    enum class Stage { Head, Body, ChunkSize, ChunkData, Trailer };

    bool parseHead();
    bool parseChunkSize();
    bool fail(const QString &message);
    void complete();

    QByteArray m_buffer;
    QList<RecordedRequest> m_ready;
    std::optional<RecordedRequest> m_current;
    Stage m_stage = Stage::Head;
    qint64 m_remaining = 0;
    QString m_error;
};

} // namespace cody::test
