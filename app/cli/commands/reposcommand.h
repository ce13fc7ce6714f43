// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace cody {
class ContextFiltersRequest;
class RepositoryList;
class SourcegraphClient;
} // namespace cody

namespace cody::cli {

class CliContext;

/// `cody-chat-cli repos [QUERY]`: the repositories of the instance whose names match, and which of
/// them the context filters exclude (they cannot be mentioned).
class ReposCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReposCommand)

public:
    /// Listed at most unless --limit says otherwise.
    static constexpr int DefaultLimit = 100;

    explicit ReposCommand(CliContext &context, QObject *parent = nullptr);
    ~ReposCommand() override;

    std::optional<int> start(const QStringList &arguments);
    void cancel();

Q_SIGNALS:
    void done(int exitCode);

private:
    void finishWhenBothDone();
    int print() const;

    CliContext &m_context;
    bool m_json = false;
    std::unique_ptr<SourcegraphClient> m_client;
    QPointer<RepositoryList> m_list;
    QPointer<ContextFiltersRequest> m_filters;
};

} // namespace cody::cli
