// SPDX-License-Identifier: Apache-2.0
#include "namecharacters.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace cody {

QString codePointName(char32_t c)
{
    return u"U+"_s + QString::number(uint(c), 16).toUpper().rightJustified(4, u'0');
}

QString controlOrWhitespaceProblem(QStringView text)
{
    const QList<uint> codePoints = text.toUcs4();
    for (const uint c : codePoints) {
        if (QChar::category(c) == QChar::Other_Control)
            return u"contains a control character ("_s + codePointName(c) + u')';
    }
    if (QChar::isSpace(codePoints.first()) || QChar::isSpace(codePoints.last()))
        return u"has leading or trailing whitespace"_s;
    for (const uint c : codePoints) {
        if (QChar::isSpace(c))
            return u"contains whitespace ("_s + codePointName(c) + u')';
    }
    return {};
}

} // namespace cody
