// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QPointer>

namespace cody {

/// Stops a request object `owner` started (anything with cancel(): ApiCall, CompletionStream,
/// the GraphqlRequest family): nothing of it reaches `owner` any more, it is deleted later, and
/// `request` is cleared. Safe on a finished or already cleared request.
template <typename Request> void discardRequest(QPointer<Request> &request, const QObject *owner)
{
    if (Request *running = request.data()) {
        running->disconnect(owner);
        running->cancel();
        running->deleteLater();
    }
    request = nullptr;
}

} // namespace cody
