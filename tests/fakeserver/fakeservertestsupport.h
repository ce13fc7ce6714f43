// SPDX-License-Identifier: Apache-2.0
#pragma once

// Helpers shared by the fake server's own tests: a blocking-looking QNAM wrapper that waits on
// signals, and small SSE and request builders. Tests only: it needs Qt Test.

#include "fakesourcegraph.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>

namespace cody::test {

inline const QByteArray validToken = FakeSourcegraph::Options().token;

struct HttpResult
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(QByteArrayView lowerName) const
    {
        for (const auto &[name, value] : headers) {
            if (name.toLower() == lowerName)
                return value;
        }
        return {};
    }
};

struct Event
{
    QByteArray name;
    QJsonObject data;
};

inline QList<Event> parseEvents(QByteArray body)
{
    body.replace("\r\n", "\n");
    QList<Event> events;
    for (const QByteArray &block : body.split('\n')) {
        if (block.startsWith("event: "))
            events.append({block.mid(7), {}});
        else if (block.startsWith("data: ") && !events.isEmpty())
            events.last().data = QJsonDocument::fromJson(block.mid(6)).object();
    }
    return events;
}

inline QString textOf(const QList<Event> &events)
{
    QString text;
    for (const Event &event : events) {
        if (event.name == "completion")
            text += event.data.value(QStringLiteral("deltaText")).toString();
    }
    return text;
}

inline QString finalStopReason(const QList<Event> &events)
{
    for (qsizetype i = events.size() - 1; i >= 0; --i) {
        if (events.at(i).name == "completion")
            return events.at(i).data.value(QStringLiteral("stopReason")).toString();
    }
    return {};
}

inline QJsonObject message(const QString &speaker, const QString &text)
{
    return {{QStringLiteral("speaker"), speaker}, {QStringLiteral("text"), text}};
}

inline QByteArray streamBody(const QString &scenario,
    const QJsonArray &messages = {message(QStringLiteral("human"), QStringLiteral("Hi"))})
{
    const QJsonObject body {
        {QStringLiteral("model"), QString(QStringLiteral("fake::v1::") + scenario)},
        {QStringLiteral("messages"), messages}, {QStringLiteral("maxTokensToSample"), 4000}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

inline QUrl streamUrl(const FakeSourcegraph &server,
    const QString &query = QStringLiteral("api-version=8&client-name=tst&client-version=1.0.0"))
{
    QUrl url = server.baseUrl();
    url.setPath(url.path() + QStringLiteral("/.api/completions/stream"));
    url.setQuery(query);
    return url;
}

inline QUrl endpoint(const FakeSourcegraph &server, const QString &path)
{
    QUrl url = server.baseUrl();
    url.setPath(url.path() + path);
    return url;
}

inline QString trimmedRight(QString text)
{
    while (!text.isEmpty() && text.back().isSpace())
        text.chop(1);
    return text;
}

inline QByteArray rawStreamRequest(const QByteArray &scenario)
{
    return "POST /.api/completions/stream?api-version=8&client-name=tst&client-version=1.0.0 "
           "HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: token "
        + validToken + "\r\nContent-Length: "
        + QByteArray::number(streamBody(QString::fromUtf8(scenario)).size()) + "\r\n\r\n"
        + streamBody(QString::fromUtf8(scenario));
}

// One QNetworkAccessManager for a test class; every call waits for the reply's finished().
class QnamTestClient
{
public:
    HttpResult run(QNetworkReply *reply)
    {
        HttpResult result;
        QSignalSpy finished(reply, &QNetworkReply::finished);
        result.finished = reply->isFinished() || finished.wait(20000);
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.error = reply->error();
        result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return result;
    }
    QNetworkRequest request(const QUrl &url, const QByteArray &token) const
    {
        QNetworkRequest request(url);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "token " + token);
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        return request;
    }
    HttpResult get(const QUrl &url, const QByteArray &token = validToken)
    {
        return run(m_manager.get(request(url, token)));
    }
    HttpResult post(const QUrl &url, const QByteArray &body, const QByteArray &token = validToken)
    {
        return run(m_manager.post(request(url, token), body));
    }
    QNetworkAccessManager &manager() { return m_manager; }

private:
    QNetworkAccessManager m_manager;
};

} // namespace cody::test
