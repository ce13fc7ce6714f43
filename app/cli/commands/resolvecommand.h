// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace cody::cli {

class CliContext;

/// `cody-chat-cli resolve NAME`: prints the full `cody/…` name or says what is wrong with NAME.
int runResolveCommand(CliContext &context, const QStringList &arguments);

} // namespace cody::cli
