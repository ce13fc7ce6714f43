// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/completionrequest.h"
#include "cody/contextitem.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace cody {
class ApiCall;
class ContextGathering;
class ConversationRecorder;
class ReplyOrchestrator;
class RequestLogger;
class SourcegraphClient;
} // namespace cody

namespace cody::cli {

class CliContext;

/// `cody-chat-cli chat`: one prompt, the reply streamed to stdout.
class ChatCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatCommand)

public:
    explicit ChatCommand(CliContext &context, QObject *parent = nullptr);
    ~ChatCommand() override;

    /// Parses `arguments` (after "chat"). Returns an exit code when there is nothing to wait for
    /// (help, usage error); otherwise the chat runs and done() follows.
    std::optional<int> start(const QStringList &arguments);
    void cancel();

Q_SIGNALS:
    void done(int exitCode);

private:
    std::optional<int> parse(const QStringList &arguments);
    void onFinished(const CompletionResult &result);
    void onCatalog();
    /// After the context is gathered (or with none): fetches the catalog when needed, then
    /// replies.
    std::optional<int> afterContext();
    void onContextGathered();
    /// Puts the gathered context into the request as Cody's prompt, records it with the prompt,
    /// and warns of mentions left out.
    void applyContext();
    std::optional<int> startReply();
    std::optional<int> startRecording();
    void printJson(const CompletionResult &result) const;

    CliContext &m_context;
    CompletionRequest m_request;
    bool m_json = false;
    bool m_rewrite = true;
    bool m_verbose = false;
    bool m_record = true;
    bool m_continueLatest = false;
    bool m_modelIsDefault = false; ///< no -m, no CODY_MODEL, nothing saved: cody-sonnet
    QString m_modelName; ///< as the user (or the default) named it
    QPointer<ApiCall> m_catalogCall; ///< the model list, fetched first when m_modelIsDefault
    bool m_recordingFailed = false;
    qint64 m_conversationId = 0;
    ConversationRecorder *m_recorder = nullptr;
    QList<ContextItem> m_mentions; ///< --repo and --remote-file, in that order
    QList<ContextItem> m_items; ///< gathered, then with tokens and fate once in the prompt
    QPointer<ContextGathering> m_gathering;
    qint64 m_promptId = 0; ///< the prompt in the history, when recorded
    std::unique_ptr<SourcegraphClient> m_client;
    QPointer<ReplyOrchestrator> m_reply;
    RequestLogger *m_logger = nullptr;
};

} // namespace cody::cli
