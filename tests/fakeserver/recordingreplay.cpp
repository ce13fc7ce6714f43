// SPDX-License-Identifier: Apache-2.0
#include "recordingreplay.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace cody::test {

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray contentTypeFor(const QString &fileName)
{
    if (fileName.endsWith(u".sse"))
        return "text/event-stream";
    if (fileName.endsWith(u".json"))
        return "application/json";
    return "text/plain; charset=utf-8";
}

// Splits after each blank line so that a recorded stream is replayed one event per chunk.
QList<HttpResponse::Step> eventChunks(const QByteArray &body)
{
    QList<HttpResponse::Step> steps;
    qsizetype start = 0;
    while (start < body.size()) {
        const qsizetype blank = body.indexOf("\n\n", start);
        const qsizetype end = blank < 0 ? body.size() : blank + 2;
        steps.append({body.mid(start, end - start), 0});
        start = end;
    }
    return steps;
}

} // namespace

RecordingReplay::RecordingReplay(QString directory)
    : m_directory(std::move(directory))
{ }

HttpResponse RecordingReplay::response(const QString &number) const
{
    const auto missing
        = [&number] { return HttpResponse::text(404, "no recording " + number.toUtf8()); };
    if (m_directory.isEmpty())
        return missing();
    const QDir dir(m_directory);
    const QStringList bodies
        = dir.entryList({number + u"-*-response.sse"_s, number + u"-*-response.txt"_s,
                            number + u"-*-response.json"_s},
            QDir::Files, QDir::Name);
    if (bodies.isEmpty())
        return missing();
    const QString bodyName = bodies.first();
    const QByteArray body = readFile(dir.filePath(bodyName));

    int status = 200;
    QByteArray contentType = contentTypeFor(bodyName);
    bool chunked = false;
    const QStringList metas = dir.entryList({number + u"-*-meta.txt"_s}, QDir::Files, QDir::Name);
    if (!metas.isEmpty()) {
        const QList<QByteArray> lines = readFile(dir.filePath(metas.first())).split('\n');
        for (const QByteArray &line : lines) {
            const QByteArray trimmed = line.trimmed();
            if (trimmed.startsWith("response: ")) {
                status = trimmed.mid(10).split(' ').first().toInt();
            } else if (trimmed.toLower().startsWith("< content-type:")) {
                contentType = trimmed.mid(15).trimmed();
            } else if (trimmed.toLower() == "< transfer-encoding: chunked") {
                chunked = true;
            }
        }
    }

    HttpResponse response = HttpResponse::text(status, body, contentType);
    if (chunked && contentType.startsWith("text/event-stream")) {
        response = HttpResponse::eventStream(eventChunks(body));
        response.status = status;
    }
    return response;
}

} // namespace cody::test
