// SPDX-License-Identifier: Apache-2.0
#include "commands/mentionarguments.h"

#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cody::cli {

std::optional<ContextItem> MentionArguments::parseRemoteFile(const QString &value, QString *error)
{
    // REPO:PATH, then an optional :START-END. Repository names hold no colon (they are host and
    // path); a path may, so only a trailing range of digits is taken as one.
    static const QRegularExpression shape(u"^([^:\\s]+):(.+?)(?::(\\d+)-(\\d+))?$"_s);
    const QRegularExpressionMatch match = shape.match(value.trimmed());
    ContextItem item;
    item.kind = ContextItem::Kind::RemoteFile;
    if (match.hasMatch()) {
        item.repoName = match.captured(1);
        item.path = match.captured(2);
        while (item.path.startsWith(u'/'))
            item.path.remove(0, 1);
    }
    if (item.repoName.isEmpty() || item.path.isEmpty()) {
        *error = u"--remote-file takes REPO:PATH or REPO:PATH:START-END, got \"%1\""_s.arg(value);
        return std::nullopt;
    }
    if (match.hasCaptured(3)) {
        bool startOk = false;
        bool endOk = false;
        item.startLine = match.captured(3).toInt(&startOk);
        item.endLine = match.captured(4).toInt(&endOk);
        if (!startOk || !endOk || item.startLine < 1 || item.endLine < item.startLine) {
            *error
                = u"--remote-file %1: lines are 1-based and START must not exceed END"_s.arg(value);
            return std::nullopt;
        }
    }
    return item;
}

std::optional<QList<ContextItem>> MentionArguments::parse(
    const QStringList &repositories, const QStringList &remoteFiles, QString *error)
{
    QList<ContextItem> mentions;
    for (const QString &name : repositories) {
        ContextItem repository;
        repository.kind = ContextItem::Kind::Repository;
        repository.repoName = name.trimmed();
        if (repository.repoName.isEmpty() || repository.repoName.contains(u' ')) {
            *error
                = u"--repo takes a repository name such as github.com/org/repo, got \"%1\""_s.arg(
                    name);
            return std::nullopt;
        }
        mentions.append(repository);
    }
    for (const QString &value : remoteFiles) {
        const std::optional<ContextItem> file = parseRemoteFile(value, error);
        if (!file)
            return std::nullopt;
        mentions.append(*file);
    }
    return mentions;
}

QString MentionArguments::argumentFor(const ContextItem &mention)
{
    if (mention.kind == ContextItem::Kind::Repository)
        return u"--repo "_s + mention.repoName;
    QString value = mention.repoName + u':' + mention.path;
    if (mention.hasRange())
        value += u":%1-%2"_s.arg(mention.startLine).arg(mention.endLine);
    return u"--remote-file "_s + value;
}

QJsonArray MentionArguments::toJson(const QList<ContextItem> &items)
{
    QJsonArray array;
    for (const ContextItem &item : items) {
        QJsonObject object {
            {u"kind"_s, ContextItem::kindName(item.kind)},
            {u"source"_s, item.source == ContextItem::Source::User ? u"user"_s : u"retrieved"_s},
            {u"repo"_s, item.repoName},
            {u"path"_s, item.path.isEmpty() ? QJsonValue(QJsonValue::Null) : item.path},
            {u"startLine"_s, item.hasRange() ? QJsonValue(item.startLine) : QJsonValue()},
            {u"endLine"_s, item.hasRange() ? QJsonValue(item.endLine) : QJsonValue()},
            {u"tokens"_s, item.tokens},
            {u"sent"_s, item.sent},
            {u"reason"_s,
                item.omittedReason.isEmpty() ? QJsonValue(QJsonValue::Null) : item.omittedReason},
        };
        array.append(object);
    }
    return array;
}

} // namespace cody::cli
