// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QString>

class QLabel;
class QPalette;
class QLayout;
class QWidget;

namespace cody {

/// Shared looks of the settings dialog's parts: status-line colours and "set by the environment".
class SettingsStyle
{
public:
    enum class Tone { Normal, Note, Warning, Error, Success };

    /// The text colour for `tone` on `palette`'s window background.
    static QColor color(const QPalette &palette, Tone tone);

    /// Colours `label` for `tone` and remembers the tone so refresh() can redo it.
    static void setTone(QLabel *label, Tone tone);
    /// Re-applies the remembered tones under `root`, e.g. after switching to a dark palette.
    static void refresh(QWidget *root);

    /// A word-wrapped, selectable status line under a field, hidden until it has something to say.
    static QLabel *statusLabel(const QString &objectName, QWidget *parent);
    /// Sets a status line's text and tone and shows it; an empty text hides it. `details` (the
    /// technical cause, if any) becomes its tooltip.
    static void showStatus(
        QLabel *label, const QString &text, Tone tone, const QString &details = {});
    /// A field (or a row of them) with its status line under it, as one widget for a form row.
    static QWidget *withStatus(QWidget *field, QLabel *status);
    static QWidget *withStatus(QLayout *field, QLabel *status, QWidget *parent);

    /// "Set by LLM_BASE_URL; the environment wins over saved settings."
    static QString environmentNote(const QString &variable);
    /**
     * Shows that the environment sets `field`: line edits and spin boxes become read-only (still
     * focusable, so the value can be read and copied), other controls disabled; the tooltip,
     * accessible description and `note` (may be null) name the variable.
     */
    static void markFromEnvironment(QWidget *field, QLabel *note, const QString &variable);
};

} // namespace cody
