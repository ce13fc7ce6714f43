// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace cody {
class ApiCall;
class SourcegraphClient;
} // namespace cody

namespace cody::cli {

class CliContext;
class OpenAiGateway;

/// `cody-chat-cli serve`: a local OpenAI-compatible gateway to the configured Sourcegraph
/// instance, until interrupted.
class ServeCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServeCommand)

public:
    explicit ServeCommand(CliContext &context, QObject *parent = nullptr);
    ~ServeCommand() override;

    std::optional<int> start(const QStringList &arguments);
    void cancel();

Q_SIGNALS:
    void done(int exitCode);

private:
    void onModelsLoaded();

    CliContext &m_context;
    std::unique_ptr<SourcegraphClient> m_client;
    std::unique_ptr<OpenAiGateway> m_gateway;
    QPointer<ApiCall> m_models;
};

} // namespace cody::cli
