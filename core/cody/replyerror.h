// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "net/error.h"

#include <QByteArray>
#include <QNetworkReply>
#include <QUrl>

namespace cody {

/// What a finished request looked like, gathered once so that classification stays pure.
struct ReplyFacts
{
    QUrl url;
    int httpStatus = 0;
    QByteArray reasonPhrase;
    QByteArray body; ///< at most the first few KiB
    QUrl redirectTarget;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorString;
    QString tlsProblem; ///< TlsPolicy::describe() of rejected certificate errors, if any

    static ReplyFacts from(QNetworkReply *reply, QByteArray body);
};

/// Turns an HTTP error status or a transport failure into one readable, token-free line.
Error classifyReply(const ReplyFacts &facts);

/// The server's body text as one line, cut to a readable length.
QString bodySnippet(const QByteArray &body);

/// Name of the dynamic property on a QNetworkReply where rejected TLS errors are described.
inline constexpr char TlsProblemProperty[] = "codyTlsProblem";

} // namespace cody
