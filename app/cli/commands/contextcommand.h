// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/contextitem.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace cody {
class ContextFiltersRequest;
class ContextRetrieval;
class SourcegraphClient;
} // namespace cody

namespace cody::cli {

class CliContext;

/// `cody-chat-cli context QUERY --repo NAME…`: what retrieval returns for a question, as a chat
/// would send it, without asking a model.
class ContextCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContextCommand)

public:
    explicit ContextCommand(CliContext &context, QObject *parent = nullptr);
    ~ContextCommand() override;

    std::optional<int> start(const QStringList &arguments);
    void cancel();

Q_SIGNALS:
    void done(int exitCode);

private:
    void onFilters();
    void onRetrieved();
    void print() const;

    CliContext &m_context;
    bool m_json = false;
    bool m_rewrite = true;
    QString m_question;
    QList<ContextItem> m_mentions;
    std::unique_ptr<SourcegraphClient> m_client;
    QPointer<ContextFiltersRequest> m_filters;
    QPointer<ContextRetrieval> m_retrieval;
};

} // namespace cody::cli
