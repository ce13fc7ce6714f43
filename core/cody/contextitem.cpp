// SPDX-License-Identifier: Apache-2.0
#include "cody/contextitem.h"

using namespace Qt::StringLiterals;

namespace cody {

QString ContextItem::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Repository:
        return u"repository"_s;
    case Kind::RemoteFile:
        return u"file"_s;
    case Kind::RemoteFolder:
        return u"folder"_s;
    case Kind::LocalFile:
        return u"local-file"_s;
    }
    return {};
}

std::optional<ContextItem::Kind> ContextItem::kindFromName(const QString &name)
{
    for (const Kind kind :
        {Kind::Repository, Kind::RemoteFile, Kind::RemoteFolder, Kind::LocalFile}) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString ContextItem::displayName() const
{
    switch (kind) {
    case Kind::Repository:
        return repoName;
    case Kind::RemoteFolder:
        return repoName + u'/' + path + (path.endsWith(u'/') ? QString() : u"/"_s);
    case Kind::RemoteFile:
    case Kind::LocalFile:
        break;
    }
    if (!hasRange())
        return path;
    return u"%1:%2-%3"_s.arg(path).arg(startLine).arg(endLine);
}

QJsonObject ContextItem::toJson() const
{
    QJsonObject object {
        {u"kind"_s, kindName(kind)},
        {u"source"_s, source == Source::User ? u"user"_s : u"retrieved"_s},
        {u"repo"_s, repoName},
        {u"path"_s, path},
        {u"tokens"_s, tokens},
        {u"sent"_s, sent},
    };
    if (!repoId.isEmpty())
        object.insert(u"repoId"_s, repoId);
    if (!revision.isEmpty())
        object.insert(u"revision"_s, revision);
    if (hasRange()) {
        object.insert(u"startLine"_s, startLine);
        object.insert(u"endLine"_s, endLine);
    }
    if (!content.isEmpty())
        object.insert(u"content"_s, content);
    if (!omittedReason.isEmpty())
        object.insert(u"reason"_s, omittedReason);
    if (url.isValid())
        object.insert(u"url"_s, url.toString());
    return object;
}

std::optional<ContextItem> ContextItem::fromJson(const QJsonObject &object)
{
    const std::optional<Kind> kind = kindFromName(object.value(u"kind"_s).toString());
    if (!kind)
        return std::nullopt;
    ContextItem item;
    item.kind = *kind;
    item.source
        = object.value(u"source"_s).toString() == u"retrieved" ? Source::Retrieved : Source::User;
    item.repoName = object.value(u"repo"_s).toString();
    item.repoId = object.value(u"repoId"_s).toString();
    item.path = object.value(u"path"_s).toString();
    if (item.kind == Kind::Repository ? item.repoName.isEmpty() : item.path.isEmpty())
        return std::nullopt;
    item.revision = object.value(u"revision"_s).toString();
    item.startLine = object.value(u"startLine"_s).toInt();
    item.endLine = object.value(u"endLine"_s).toInt();
    if (!item.hasRange())
        item.startLine = item.endLine = 0;
    item.content = object.value(u"content"_s).toString();
    item.tokens = object.value(u"tokens"_s).toInteger();
    item.sent = object.value(u"sent"_s).toBool();
    item.omittedReason = object.value(u"reason"_s).toString();
    item.url = QUrl(object.value(u"url"_s).toString());
    return item;
}

} // namespace cody
