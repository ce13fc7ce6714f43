// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>

#include <utility>

namespace cody::test {

// What the fake answers to one request: either a plain body framed by Content-Length, or a
// chunked body written step by step, each step one chunk after an optional delay, ending
// cleanly or not at all.
struct HttpResponse
{
    struct Step
    {
        QByteArray bytes;
        int delayMs = 0;
    };
    enum class Ending {
        Complete, // terminating zero chunk; the connection stays open for the next request
        Drop, // close the connection after the last step, with no terminating chunk
        Stall, // write nothing more and keep the connection open until the client leaves
    };

    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers; // framing headers are added when sent
    QByteArray body;
    bool chunked = false;
    QList<Step> steps;
    Ending ending = Ending::Complete;

    static HttpResponse text(int status, const QByteArray &body,
        const QByteArray &contentType = "text/plain; charset=utf-8");
    // A 200 text/event-stream answer with the real server's headers.
    static HttpResponse eventStream(QList<Step> steps, Ending ending = Ending::Complete);
    // Each event as its own step (and so its own chunk, as real servers send them), the ones
    // after the first delayMs apart.
    static QList<Step> eventSteps(const QList<QByteArray> &events, int delayMs = 0);
    // Every byte of bytes as its own step, delayMs apart, so each travels in its own chunk.
    static QList<Step> bytewise(const QByteArray &bytes, int delayMs);
    static QByteArray reasonPhrase(int status);
    // RFC 1123 form, as in Date and Retry-After headers.
    static QByteArray httpDate(const QDateTime &time);

    HttpResponse &withHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(QByteArrayView lowerName) const;
};

} // namespace cody::test
