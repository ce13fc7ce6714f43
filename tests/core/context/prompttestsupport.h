// SPDX-License-Identifier: Apache-2.0
// What the prompt tests share: context items in a line, and the messages as they go on the wire.
#pragma once

#include "cody/completionrequest.h"
#include "cody/contextitem.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace cody::test {

using namespace Qt::StringLiterals;

/// The `messages` array completionRequestBody() sends for `messages`: what the server gets.
inline QJsonArray wireMessages(const QList<ChatMessage> &messages)
{
    CompletionRequest request;
    request.model = *ModelRef::parse(u"anthropic::2024-10-22::claude-3-5-sonnet-latest"_s);
    const QByteArray body = completionRequestBody(request, messages);
    return QJsonDocument::fromJson(body).object().value(u"messages"_s).toArray();
}

inline QJsonObject readJsonObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

inline ContextItem localFile(
    const QString &path, const QString &content, int start = 0, int end = 0)
{
    ContextItem item;
    item.kind = ContextItem::Kind::LocalFile;
    item.path = path;
    item.content = content;
    item.startLine = start;
    item.endLine = end;
    return item;
}

inline ContextItem remoteFile(
    const QString &repo, const QString &path, const QString &content, int start = 0, int end = 0)
{
    ContextItem item = localFile(path, content, start, end);
    item.kind = ContextItem::Kind::RemoteFile;
    item.repoName = repo;
    return item;
}

inline ContextItem chunk(
    const QString &repo, const QString &path, const QString &content, int start = 1, int end = 20)
{
    ContextItem item = remoteFile(repo, path, content, start, end);
    item.source = ContextItem::Source::Retrieved;
    return item;
}

inline ContextItem repository(const QString &repo)
{
    ContextItem item;
    item.kind = ContextItem::Kind::Repository;
    item.repoName = repo;
    return item;
}

/// "human:text" per message, to compare orders readably.
inline QStringList describe(const QList<ChatMessage> &messages)
{
    QStringList lines;
    for (const ChatMessage &message : messages)
        lines.append(speakerName(message.speaker) + u':' + message.text);
    return lines;
}

} // namespace cody::test
