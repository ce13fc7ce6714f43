// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/composer.h"

#include <QKeyEvent>
#include <QTextBlock>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace cody {

Composer::Composer(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(u"messageBox"_s);
    setAccessibleName(tr("Message"));
    setAccessibleDescription(tr("Type a message; Enter sends it, Shift+Enter starts a new line"));
    setPlaceholderText(tr("Ask Cody… (Enter to send, Shift+Enter for a new line)"));
    setTabChangesFocus(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(document(), &QTextDocument::contentsChanged, this, &QWidget::updateGeometry);
}

int Composer::heightForLines(int lines) const
{
    const int frame = 2 * frameWidth() + int(2 * document()->documentMargin());
    return lines * fontMetrics().lineSpacing() + frame + 2;
}

QSize Composer::sizeHint() const
{
    // A plain text document counts wrapped lines in its layout's line count.
    int lines = 0;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next())
        lines += std::max(1, block.layout() ? block.layout()->lineCount() : 1);
    return {
        QPlainTextEdit::sizeHint().width(), heightForLines(std::clamp(lines, 2, MaxVisibleLines))};
}

QSize Composer::minimumSizeHint() const
{
    return {QPlainTextEdit::minimumSizeHint().width(), heightForLines(2)};
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        const QString text = toPlainText();
        if (!text.trimmed().isEmpty())
            Q_EMIT submitted(text);
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace cody
