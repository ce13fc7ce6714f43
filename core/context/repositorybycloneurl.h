// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/graphqlrequest.h"

#include <QString>

namespace cody {

/**
 * @brief The instance's name for the repository a git remote points at: `ResolveRepoName`
 * (FX/25), e.g. "git@github.com:sourcegraph/cody.git" → "github.com/sourcegraph/cody". This is
 * how a local file is mapped to a repository for the context filters (context.md §6).
 *
 * name() is empty when the instance knows no such repository; that is not an error.
 */
class RepositoryByCloneUrl final : public GraphqlRequest
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RepositoryByCloneUrl)

public:
    RepositoryByCloneUrl(SourcegraphClient *client, QString cloneUrl, QObject *parent = nullptr);

    const QString &name() const { return m_name; }

    static QString queryText();

protected:
    void begin() override;
    void handle(const GraphqlResult &result) override;

private:
    QString m_cloneUrl;
    QString m_name;
};

} // namespace cody
