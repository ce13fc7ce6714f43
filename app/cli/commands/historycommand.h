// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace cody::cli {

class CliContext;

/// `cody-chat-cli history list|show|search|export|delete`: the conversations the app and the CLI
/// recorded, read straight from the history database.
int runHistoryCommand(CliContext &context, const QStringList &arguments);

} // namespace cody::cli
