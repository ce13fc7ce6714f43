// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace cody {

/// A repository on the Sourcegraph instance, as the repository queries name it.
struct RemoteRepository
{
    QString id; ///< GraphQL ID ("UmVwb3NpdG9yeTozOTk=" is "Repository:399")
    QString name; ///< "github.com/sourcegraph/sourcegraph"
    QString url; ///< relative to the instance ("/github.com/sourcegraph/sourcegraph"), if known
    int stars = 0; ///< only from the suggestions search

    friend bool operator==(const RemoteRepository &, const RemoteRepository &) = default;
};

} // namespace cody
