// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/contextblock.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

// A sent message's items, in the block's three lists (indexes into the items).
struct Lists
{
    QList<qsizetype> searched; ///< repositories and folders retrieval ran on
    QList<qsizetype> sent;
    QList<qsizetype> leftOut;
    QList<qsizetype> pending; ///< not decided yet: the message's reply has not been asked for
    bool severalRepositories = false; ///< items name their repository only then

    explicit Lists(const QList<ContextItem> &items)
    {
        QSet<QString> repositories;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const ContextItem &item = items.at(i);
            if (!item.omittedReason.isEmpty())
                leftOut.append(i);
            else if (!item.sent)
                pending.append(i);
            else if (item.isScope())
                searched.append(i);
            else
                sent.append(i);
            if (!item.repoName.isEmpty())
                repositories.insert(item.repoName);
        }
        severalRepositories = repositories.size() > 1;
    }

    qsizetype lines() const
    {
        return (searched.isEmpty() ? 0 : 1) + sent.size() + leftOut.size() + pending.size();
    }
};

QString countText(const Lists &lists)
{
    // Spelled out per form rather than "%n item(s)", which reads badly without a translation.
    const qsizetype sent = lists.sent.size();
    if (sent == 0 && lists.leftOut.isEmpty())
        return lists.pending.size() == 1
            ? ContextBlock::tr("1 item to send")
            : ContextBlock::tr("%L1 items to send").arg(lists.pending.size());
    QString text = sent == 1 ? ContextBlock::tr("1 item sent")
                             : ContextBlock::tr("%L1 items sent").arg(sent);
    if (!lists.leftOut.isEmpty())
        text += u", "_s + ContextBlock::tr("%L1 left out").arg(lists.leftOut.size());
    if (!lists.pending.isEmpty())
        text += u", "_s + ContextBlock::tr("%L1 to send").arg(lists.pending.size());
    return text;
}

// One line of the block, small; `color` for muted lines.
QString line(const QString &body, int indent, const QString &color = {})
{
    return u"<p style=\"margin-top:1px; margin-bottom:1px; margin-left:%1px; font-size:small;%2\">"_s
               .arg(indent)
               .arg(color.isEmpty() ? QString() : u" color:%1;"_s.arg(color))
        + body + u"</p>"_s;
}

} // namespace

bool ContextBlock::isCollapsible(const QList<ContextItem> &items)
{
    return Lists(items).lines() > CollapseAbove;
}

QString ContextBlock::summary(const QList<ContextItem> &items)
{
    return tr("Context: %1").arg(countText(Lists(items)));
}

QString ContextBlock::html(const Input &input)
{
    const QList<ContextItem> &items = input.items;
    const Lists lists(items);
    // An item's name, linked when it has a place on the instance.
    const auto name = [&](qsizetype index, bool link) {
        const ContextItem &item = items.at(index);
        const QString text = item.displayName().toHtmlEscaped();
        if (!link || !isOnInstance(item.url, input.instance))
            return text;
        return u"<a href=\"%1\" title=\"%2\">%3</a>"_s.arg(
            itemHref(input.row, index), item.url.toDisplayString().toHtmlEscaped(), text);
    };
    // The items of one list under its heading; sent ones linked with their tokens, the others
    // muted with why.
    const auto section = [&](const QString &heading, const QList<qsizetype> &indexes, bool sent) {
        if (indexes.isEmpty())
            return QString();
        QString html = line(heading.toHtmlEscaped(), 12, input.muted);
        for (const qsizetype index : indexes) {
            const ContextItem &item = items.at(index);
            QStringList details;
            if (lists.severalRepositories && !item.repoName.isEmpty() && !item.isScope())
                details.append(item.repoName);
            if (sent && item.tokens > 0)
                details.append(tr("about %L1 tokens").arg(item.tokens));
            QString body = name(index, sent);
            if (!details.isEmpty())
                body += u" <span style=\"color:%1;\">· %2</span>"_s.arg(
                    input.muted, details.join(u" · "_s).toHtmlEscaped());
            if (!item.omittedReason.isEmpty())
                body += u" — <i>%1</i>"_s.arg(item.omittedReason.toHtmlEscaped());
            html += line(body, 24, sent ? QString() : input.muted);
        }
        return html;
    };

    QString html;
    if (!items.isEmpty()) {
        const bool collapsible = lists.lines() > CollapseAbove;
        const bool open = !collapsible || input.expanded;
        QString head = u"<b>%1</b>"_s.arg(summary(items).toHtmlEscaped());
        if (collapsible)
            head += u" &nbsp;·&nbsp; <a href=\"%1\">%2</a>"_s.arg(toggleHref(input.row),
                open ? tr("Hide the list") : tr("Show all %L1").arg(lists.lines()));
        html
            += u"<p style=\"margin-top:8px; margin-bottom:1px; font-size:small; color:%1;\">"_s.arg(
                   input.muted)
            + head + u"</p>"_s;
        if (open) {
            if (!lists.searched.isEmpty()) {
                QStringList scopes;
                for (const qsizetype index : lists.searched)
                    scopes.append(name(index, true));
                html += line(u"<span style=\"color:%1;\">%2</span> "_s.arg(
                                 input.muted, tr("Searched:").toHtmlEscaped())
                        + scopes.join(u", "_s),
                    12);
            }
            html += section(tr("Sent:"), lists.sent, true);
            html += section(tr("Left out:"), lists.leftOut, false);
            html += section(tr("To send:"), lists.pending, false);
        }
    }
    if (input.unreadable > 0) {
        const QString text = input.unreadable == 1
            ? tr("1 context item could not be read from the history")
            : tr("%L1 context items could not be read from the history").arg(input.unreadable);
        html += line(u"<i>%1</i>"_s.arg(text.toHtmlEscaped()), 0, input.muted);
    }
    return html;
}

bool ContextBlock::isOnInstance(const QUrl &url, const QUrl &instance)
{
    if (!url.isValid() || !instance.isValid() || url.isRelative())
        return false;
    const QString scheme = url.scheme().toLower();
    if ((scheme != "https"_L1 && scheme != "http"_L1) || scheme != instance.scheme().toLower())
        return false;
    if (!url.userInfo().isEmpty() || url.host().isEmpty()
        || url.host().compare(instance.host(), Qt::CaseInsensitive) != 0
        || url.port(scheme == "https"_L1 ? 443 : 80)
            != instance.port(scheme == "https"_L1 ? 443 : 80))
        return false;
    // Under the instance's path prefix (https://host/sourcegraph/…), as whole segments.
    QString prefix = instance.path(QUrl::FullyEncoded);
    if (!prefix.endsWith(u'/'))
        prefix += u'/';
    const QString path = url.path(QUrl::FullyEncoded);
    return path.startsWith(prefix) && !url.path().split(u'/').contains(".."_L1);
}

QString ContextBlock::itemHref(int row, qsizetype index)
{
    return u"cody-context:%1-%2"_s.arg(row).arg(index);
}

std::optional<std::pair<int, qsizetype>> ContextBlock::parseItemHref(const QUrl &url)
{
    if (url.scheme() != "cody-context"_L1)
        return std::nullopt;
    const QStringList parts = url.path().split(u'-');
    bool rowOk = false;
    bool indexOk = false;
    const int row = parts.value(0).toInt(&rowOk);
    const qsizetype index = parts.value(1).toLongLong(&indexOk);
    if (parts.size() != 2 || !rowOk || !indexOk || row < 0 || index < 0)
        return std::nullopt;
    return std::make_pair(row, index);
}

QString ContextBlock::toggleHref(int row)
{
    return u"cody-context-toggle:%1"_s.arg(row);
}

} // namespace cody
