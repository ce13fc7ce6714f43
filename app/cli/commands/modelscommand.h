// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "net/error.h"

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

/// `cody-chat-cli models`: the aliases (always) and the server's chat models (when reachable).
class ModelsCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelsCommand)

public:
    explicit ModelsCommand(CliContext &context, QObject *parent = nullptr);
    ~ModelsCommand() override;

    std::optional<int> start(const QStringList &arguments);
    void cancel();

Q_SIGNALS:
    void done(int exitCode);

private:
    void onLoaded();
    int print(const Error &serverError);
    void printText(const Error &serverError) const;
    void printJson(const Error &serverError) const;

    CliContext &m_context;
    bool m_json = false;
    std::unique_ptr<SourcegraphClient> m_client;
    QPointer<ApiCall> m_call;
};

} // namespace cody::cli
