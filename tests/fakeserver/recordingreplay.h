// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httpresponse.h"

#include <QString>

namespace cody::test {

// Serves real recorded traffic byte for byte: the body of NN-*-response.{sse,txt,json} with the
// status line and content type from NN-*-meta.txt.
class RecordingReplay
{
public:
    explicit RecordingReplay(QString directory);

    // The recording numbered number ("05"), or 404 "no recording NN" when there is none.
    HttpResponse response(const QString &number) const;

private:
    QString m_directory;
};

} // namespace cody::test
