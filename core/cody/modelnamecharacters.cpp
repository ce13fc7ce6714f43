// SPDX-License-Identifier: Apache-2.0
#include "cody/modelnamecharacters.h"

#include <QCoreApplication>
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
            return QCoreApplication::translate(
                "cody::namecharacters", "contains a control character (%1)")
                .arg(codePointName(c));
    }
    if (QChar::isSpace(codePoints.first()) || QChar::isSpace(codePoints.last()))
        return QCoreApplication::translate(
            "cody::namecharacters", "has leading or trailing whitespace");
    for (const uint c : codePoints) {
        if (QChar::isSpace(c))
            return QCoreApplication::translate("cody::namecharacters", "contains whitespace (%1)")
                .arg(codePointName(c));
    }
    return {};
}

} // namespace cody
