// SPDX-License-Identifier: Apache-2.0
#include "cody/modelref.h"

#include "cody/modelnamecharacters.h"

#include <QCoreApplication>
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
    return part == Part::Model
        ? QCoreApplication::translate("cody::ModelRef", "letters, digits and . _ - / @ :")
        : QCoreApplication::translate("cody::ModelRef", "letters, digits and . _ -");
}

// Returns an empty string when the part is acceptable.
QString checkPart(Part part, QStringView text)
{
    if (text.isEmpty())
        return QCoreApplication::translate("cody::ModelRef", "the %1 part is empty")
            .arg(partName(part));
    const QList<uint> codePoints = text.toUcs4();
    if (part == Part::Provider && !isAsciiAlnum(codePoints.first())) {
        return QCoreApplication::translate(
            "cody::ModelRef", "the provider part must start with a letter or digit, not %1")
            .arg(describe(codePoints.first()));
    }
    for (const uint c : codePoints) {
        if (!isAllowed(part, c)) {
            return QCoreApplication::translate(
                "cody::ModelRef", "the %1 part contains %2, which is not allowed (use %3)")
                .arg(partName(part), describe(c), allowedText(part));
        }
    }
    return {};
}

QString reasonFor(QStringView text)
{
    if (text.isEmpty())
        return QCoreApplication::translate("cody::ModelRef", "the name is empty");
    if (QString reason = controlOrWhitespaceProblem(text); !reason.isEmpty())
        return reason;

    QStringView ref = text;
    if (ref.startsWith(CodyPrefix)) {
        ref = ref.mid(CodyPrefix.size());
        if (ref.isEmpty())
            return QCoreApplication::translate(
                "cody::ModelRef", "nothing follows the \"cody/\" prefix");
    } else if (ref.startsWith(CodyPrefix, Qt::CaseInsensitive)) {
        return QCoreApplication::translate(
            "cody::ModelRef", "the prefix must be \"cody/\" in lower case");
    }

    const QList<QStringView> parts = ref.split(Separator);
    if (parts.size() != 3) {
        return QCoreApplication::translate(
            "cody::ModelRef", "expected 3 parts separated by '::', found %1")
            .arg(parts.size());
    }
    const Part order[] = {Part::Provider, Part::ApiVersion, Part::Model};
    for (int i = 0; i < 3; ++i) {
        if (parts.at(i).isEmpty())
            return QCoreApplication::translate("cody::ModelRef", "the %1 part is empty")
                .arg(partName(order[i]));
    }
    // "a::b:::c" splits into three parts but could mean "b:" or ":c"; refuse to guess.
    if (ref.contains(u":::"))
        return QCoreApplication::translate(
            "cody::ModelRef", "contains ':::'; the parts are separated by exactly '::'");
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
