// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

class QIODevice;

namespace cody {

class ReplyOrchestrator;

/**
 * @brief Writes one line per observer event of a reply (request, retry, segment, finish) to a
 * device. Only URLs, statuses and counts are logged: never headers, bodies or the token.
 */
class RequestLogger final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogger)

public:
    explicit RequestLogger(QIODevice *sink, QObject *parent = nullptr);

    void watch(ReplyOrchestrator *reply);

private:
    void write(const QString &line);

    QIODevice *m_sink;
};

} // namespace cody
