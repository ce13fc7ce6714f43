// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/completionrequest.h"
#include "net/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace cody::openai {

/// The request field that switches automatic continuation off for one request (an extension:
/// OpenAI has no such field, and its clients pass unknown fields through, e.g. `extra_body`).
inline constexpr QLatin1StringView AutoContinueField {"cody_auto_continue"};

/// What a `POST /v1/chat/completions` body asks for, mapped to Cody's terms.
struct ChatRequest
{
    QString model; ///< as the client wrote it: an alias, cody/…, or a bare modelRef
    QList<ChatMessage> messages;
    std::optional<int> maxTokens; ///< max_tokens or max_completion_tokens
    std::optional<double> temperature;
    std::optional<double> topP;
    QStringList stop;
    bool stream = false;
    bool includeUsage = false; ///< stream_options.include_usage: a last chunk with the usage
    bool autoContinue = true;
};

/// An answer the gateway sends with an HTTP status: the OpenAI error shape.
struct HttpError
{
    int status = 400;
    QString message;
    QString type; ///< "invalid_request_error", "authentication_error", "rate_limit_error", …
    QString code; ///< may be empty (JSON null)
    QByteArray retryAfter; ///< the Retry-After header to pass on, when the upstream sent one

    QJsonObject body() const;
};

/// Parses and checks a chat completions body. Roles: system and developer → system, user →
/// human, assistant → assistant; content is a string or text parts. Tools, function calls,
/// images and n > 1 are refused with a message saying so.
std::optional<ChatRequest> parseChatRequest(const QByteArray &body, HttpError *error);

/// "stop", or "length" when the reply was cut off by the output limit and not continued.
QString finishReason(const CompletionResult &result);

/// The non-streaming response (`object: chat.completion`).
QJsonObject completion(
    const QString &id, qint64 created, const QString &model, const CompletionResult &result);

/// One streaming chunk (`object: chat.completion.chunk`) with `delta` and `finish_reason`
/// (null when empty); `usage` is added when given.
QJsonObject chunk(const QString &id, qint64 created, const QString &model, const QJsonObject &delta,
    const QString &finishReason = {}, const std::optional<QJsonObject> &usage = std::nullopt);

/// `{prompt_tokens, completion_tokens, total_tokens}`, estimated from characters (4 per token)
/// where the server reported no usage.
QJsonObject usage(const CompletionResult &result);

/// The `data: …\n\n` framing of one server-sent event.
QByteArray sseEvent(const QJsonObject &object);

/// How a failed reply is answered: 401 when Sourcegraph rejected the token, 429 (with its
/// Retry-After) when it rate-limited, 400 for what the request itself got wrong, 504 for a
/// timeout, 502 for every other upstream failure.
HttpError errorFor(const Error &error);

/// `{object: list, data: [{id, object: model, created, owned_by}]}`.
QJsonObject modelList(const QList<std::pair<QString, QString>> &idsAndOwners);

} // namespace cody::openai
