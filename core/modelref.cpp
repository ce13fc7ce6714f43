// SPDX-License-Identifier: Apache-2.0
#include "modelref.h"

#include "namecharacters.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

const auto Separator = u"::"_s;
const auto CodyPrefix = u"cody/"_s;

enum class Part { Provider, ApiVersion, Model };

QString partName(Part part)
{
    switch (part) {
    case Part::Provider:
        return u"provider"_s;
    case Part::ApiVersion:
        return u"apiVersion"_s;
    case Part::Model:
        return u"model"_s;
    }
    return {};
}

// Printable characters are shown too, so "'é' (U+00E9)" is easy to spot in the input.
QString describe(char32_t c)
{
    const bool printable
        = QChar::isPrint(c) && !QChar::isSpace(c) && QChar::category(c) != QChar::Other_Format;
    if (!printable)
        return codePointName(c);
    return u'\'' + QString::fromUcs4(&c, 1) + u"' ("_s + codePointName(c) + u')';
}

bool isAsciiAlnum(char32_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

bool isAllowed(Part part, char32_t c)
{
    if (isAsciiAlnum(c) || c == u'.' || c == u'_' || c == u'-')
        return true;
    return part == Part::Model && (c == u'/' || c == u'@' || c == u':');
}

QString allowedText(Part part)
{
    return part == Part::Model ? u"letters, digits and . _ - / @ :"_s
                               : u"letters, digits and . _ -"_s;
}

// Returns an empty string when the part is acceptable.
QString checkPart(Part part, QStringView text)
{
    if (text.isEmpty())
        return u"the "_s + partName(part) + u" part is empty"_s;
    const QList<uint> codePoints = text.toUcs4();
    if (part == Part::Provider && !isAsciiAlnum(codePoints.first())) {
        return u"the provider part must start with a letter or digit, not "_s
            + describe(codePoints.first());
    }
    for (const uint c : codePoints) {
        if (!isAllowed(part, c)) {
            return u"the "_s + partName(part) + u" part contains "_s + describe(c)
                + u", which is not allowed (use "_s + allowedText(part) + u')';
        }
    }
    return {};
}

QString reasonFor(QStringView text)
{
    if (text.isEmpty())
        return u"the name is empty"_s;
    if (QString reason = controlOrWhitespaceProblem(text); !reason.isEmpty())
        return reason;

    QStringView ref = text;
    if (ref.startsWith(CodyPrefix)) {
        ref = ref.mid(CodyPrefix.size());
        if (ref.isEmpty())
            return u"nothing follows the \"cody/\" prefix"_s;
    } else if (ref.startsWith(CodyPrefix, Qt::CaseInsensitive)) {
        return u"the prefix must be \"cody/\" in lower case"_s;
    }

    const QList<QStringView> parts = ref.split(Separator);
    if (parts.size() != 3) {
        return u"expected 3 parts separated by '::', found "_s + QString::number(parts.size());
    }
    const Part order[] = {Part::Provider, Part::ApiVersion, Part::Model};
    for (int i = 0; i < 3; ++i) {
        if (parts.at(i).isEmpty())
            return u"the "_s + partName(order[i]) + u" part is empty"_s;
    }
    // "a::b:::c" splits into three parts but could mean "b:" or ":c"; refuse to guess.
    if (ref.contains(u":::"))
        return u"contains ':::'; the parts are separated by exactly '::'"_s;
    for (int i = 0; i < 3; ++i) {
        if (QString reason = checkPart(order[i], parts.at(i)); !reason.isEmpty())
            return reason;
    }
    return {};
}

} // namespace

std::optional<ModelRef> ModelRef::parse(QStringView text, QString *error)
{
    if (const QString reason = reasonFor(text); !reason.isEmpty()) {
        if (error)
            *error = reason;
        return std::nullopt;
    }
    const QStringView ref = text.startsWith(CodyPrefix) ? text.mid(CodyPrefix.size()) : text;
    const QList<QStringView> parts = ref.split(Separator);
    ModelRef result;
    result.m_provider = parts.at(0).toString();
    result.m_apiVersion = parts.at(1).toString();
    result.m_modelId = parts.at(2).toString();
    return result;
}

QString ModelRef::fullName() const
{
    if (!isValid())
        return {};
    return CodyPrefix + wireName();
}

QString ModelRef::wireName() const
{
    if (!isValid())
        return {};
    return m_provider + Separator + m_apiVersion + Separator + m_modelId;
}

} // namespace cody
