// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPlainTextEdit>

namespace cody {

/// Where the user writes: Enter sends, Shift+Enter starts a new line, and the box grows with its
/// text up to a limit, then scrolls.
class Composer final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Composer)

public:
    static constexpr int MaxVisibleLines = 8;

    explicit Composer(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void submitted(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    int heightForLines(int lines) const;
};

} // namespace cody
