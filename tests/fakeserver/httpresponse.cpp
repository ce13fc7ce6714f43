// SPDX-License-Identifier: Apache-2.0
#include "httpresponse.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace cody::test {

HttpResponse HttpResponse::text(int status, const QByteArray &body, const QByteArray &contentType)
{
    HttpResponse response;
    response.status = status;
    response.body = body;
    response.withHeader("Content-Type", contentType);
    return response;
}

HttpResponse HttpResponse::eventStream(QList<Step> steps, Ending ending)
{
    HttpResponse response;
    response.chunked = true;
    response.steps = std::move(steps);
    response.ending = ending;
    response.withHeader("Content-Type", "text/event-stream");
    response.withHeader("Cache-Control", "no-cache");
    return response;
}

QList<HttpResponse::Step> HttpResponse::eventSteps(const QList<QByteArray> &events, int delayMs)
{
    QList<Step> steps;
    steps.reserve(events.size());
    for (const QByteArray &event : events)
        steps.append({event, steps.isEmpty() ? 0 : delayMs});
    return steps;
}

QList<HttpResponse::Step> HttpResponse::bytewise(const QByteArray &bytes, int delayMs)
{
    QList<Step> steps;
    steps.reserve(bytes.size());
    for (const char byte : bytes)
        steps.append({QByteArray(1, byte), delayMs});
    return steps;
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 307:
        return "Temporary Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray HttpResponse::httpDate(const QDateTime &time)
{
    // The C locale keeps day and month names English whatever the machine's locale is.
    return QLocale::c().toString(time.toUTC(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1();
}

HttpResponse &HttpResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.emplaceBack(name, value);
    return *this;
}

QByteArray HttpResponse::header(QByteArrayView lowerName) const
{
    for (const auto &[name, value] : headers) {
        if (name.toLower() == lowerName)
            return value;
    }
    return {};
}

} // namespace cody::test
