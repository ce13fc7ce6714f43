// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/contextitem.h"

#include <QWidget>

class QToolButton;

namespace cody {

class FlowLayout;

/**
 * @brief The context items the next message will carry, as chips above the message box: each
 * shows what it is and its estimated tokens, says why when it would be left out, and can be
 * removed with its × button, or with Delete or Backspace when it has the focus.
 */
class ContextChips final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContextChips)

public:
    /// The widest a chip's name is drawn, in pixels; longer ones are shortened in the middle.
    static constexpr int MaxNameWidth = 260;

    explicit ContextChips(QWidget *parent = nullptr);

    QList<ContextItem> items() const { return m_items; }
    /// Replaces the chips; the bar hides itself when there are none.
    void setItems(const QList<ContextItem> &items);
    /// Adds `item` unless one with the same kind, repository, path and lines is there.
    void addItem(const ContextItem &item);
    void removeAt(int index);
    /// Updates the chips' tokens and reasons from a measure of the message (same order).
    void setMeasured(const QList<ContextItem> &measured);

    /// What a chip is, in full: "github.com/o/r/src/main.cpp:10-20 · about 1,200 tokens" (the
    /// chip shows "src/main.cpp:10-20 · about 1,200 tokens"; this is its tooltip's first line).
    static QString chipText(const ContextItem &item);

Q_SIGNALS:
    void itemsChanged(const QList<cody::ContextItem> &items);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();
    /// The chip's text, names and tooltip for `item`.
    void decorate(QToolButton *chip, const ContextItem &item);

    QList<ContextItem> m_items;
    FlowLayout *m_layout;
};

} // namespace cody
