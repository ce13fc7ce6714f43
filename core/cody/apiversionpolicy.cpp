// SPDX-License-Identifier: Apache-2.0
#include "cody/apiversionpolicy.h"

#include <QDate>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QVersionNumber>

using namespace Qt::StringLiterals;

namespace cody {

std::optional<int> ApiVersionPolicy::fromClientConfig(const QByteArray &json)
{
    const QJsonValue value = QJsonDocument::fromJson(json).object().value(
        "latestSupportedCompletionsStreamAPIVersion"_L1);
    if (!value.isDouble() || value.toInt() < 1)
        return std::nullopt;
    return std::min(Latest, value.toInt());
}

int ApiVersionPolicy::fromProductVersion(const QString &productVersion)
{
    // Cloud builds from main look like "303611_2024-12-11_5.10-0d740859c161" (FX/14).
    static const QRegularExpression dated(u"^\\d+_(\\d{4}-\\d{2}-\\d{2})_"_s);
    if (const auto match = dated.match(productVersion); match.hasMatch()) {
        const QDate date = QDate::fromString(match.captured(1), Qt::ISODate);
        if (date >= QDate(2025, 3, 11))
            return 8;
        if (date >= QDate(2024, 9, 11))
            return 5;
        return 1;
    }
    qsizetype suffix = 0;
    const QVersionNumber version = QVersionNumber::fromString(productVersion, &suffix);
    if (version.isNull())
        return 1;
    if (version == QVersionNumber(0, 0, 0)) // a local development build
        return Latest;
    if (version >= QVersionNumber(6, 2, 0))
        return 8;
    if (version >= QVersionNumber(5, 8, 0))
        return 5;
    return 1;
}

std::optional<int> ApiVersionPolicy::stepDown(int version)
{
    if (version > 5)
        return 5;
    if (version > 2)
        return 2;
    if (version > 1)
        return 1;
    return std::nullopt;
}

} // namespace cody
