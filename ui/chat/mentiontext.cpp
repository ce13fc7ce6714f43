// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/mentiontext.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

void readRange(MentionText &mention, const QString &range)
{
    static const QRegularExpression lines(u"^(\\d*)(?:(-)(\\d*))?$"_s);
    const QRegularExpressionMatch match = lines.match(range);
    if (!match.hasMatch()) {
        mention.rangeProblem
            = MentionText::tr("\"%1\" is not a line range; type 10 or 10-20").arg(range);
        return;
    }
    if (match.captured(1).isEmpty())
        return; // still being typed
    bool startOk = false;
    bool endOk = true;
    mention.startLine = match.captured(1).toInt(&startOk);
    if (match.captured(2).isEmpty())
        mention.endLine = mention.startLine;
    else if (!match.captured(3).isEmpty())
        mention.endLine = match.captured(3).toInt(&endOk);
    else
        return; // "10-": the end is still being typed
    if (!startOk || !endOk || mention.startLine < 1)
        mention.rangeProblem = MentionText::tr("lines are counted from 1");
    else if (mention.endLine < mention.startLine)
        mention.rangeProblem = MentionText::tr("the range %1-%2 ends before it starts")
                                   .arg(mention.startLine)
                                   .arg(mention.endLine);
}

} // namespace

std::optional<MentionText> MentionText::at(const QString &text, int cursor)
{
    if (cursor <= 0 || cursor > text.size())
        return std::nullopt;
    int start = cursor;
    while (start > 0 && !text.at(start - 1).isSpace())
        --start;
    if (start == cursor || text.at(start) != u'@')
        return std::nullopt;
    int end = cursor;
    while (end < text.size() && !text.at(end).isSpace())
        ++end;

    MentionText mention;
    mention.start = start;
    mention.end = end;
    const QString body = text.mid(start + 1, end - start - 1);
    const qsizetype colon = body.indexOf(u':');
    if (colon < 0) {
        mention.repository = body;
        return mention;
    }
    mention.repository = body.left(colon);
    mention.inRepository = true;
    const QString rest = body.mid(colon + 1);
    const qsizetype rangeColon = rest.lastIndexOf(u':');
    if (rangeColon < 0) {
        mention.path = rest;
        return mention;
    }
    mention.path = rest.left(rangeColon);
    mention.hasRange = true;
    readRange(mention, rest.mid(rangeColon + 1));
    return mention;
}

QString MentionText::typed(const QString &repository, const std::optional<QString> &path)
{
    return path ? u"@%1:%2"_s.arg(repository, *path) : u'@' + repository;
}

} // namespace cody
