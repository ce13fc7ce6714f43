// SPDX-License-Identifier: Apache-2.0
#include "ui/settings/settingsstyle.h"

#include <QAbstractSpinBox>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

constexpr char ToneProperty[] = "codySettingsTone";

void applyTone(QLabel *label, SettingsStyle::Tone tone, const QPalette &background)
{
    label->setProperty(ToneProperty, int(tone));
    // Only the text role is set on the label; the others keep following the application palette.
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, SettingsStyle::color(background, tone));
    label->setPalette(palette);
}

} // namespace

QColor SettingsStyle::color(const QPalette &palette, Tone tone)
{
    const QColor text = palette.color(QPalette::WindowText);
    const QColor window = palette.color(QPalette::Window);
    // QPalette has no roles for warning, error or success text, so these are fixed hues in a
    // light and a dark variant, each chosen to keep at least 4.5:1 contrast on its background.
    const bool dark = window.lightnessF() < 0.5;
    switch (tone) {
    case Tone::Normal:
        return text;
    case Tone::Note: {
        // Secondary text: three quarters of the way from the background to the text colour.
        const auto mix = [](int from, int to) { return from + (to - from) * 3 / 4; };
        return QColor(mix(window.red(), text.red()), mix(window.green(), text.green()),
            mix(window.blue(), text.blue()));
    }
    case Tone::Warning:
        return dark ? QColor(0xff, 0xc1, 0x4d) : QColor(0x8a, 0x4b, 0x00);
    case Tone::Error:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1e, 0x1e);
    case Tone::Success:
        return dark ? QColor(0x7c, 0xd9, 0x92) : QColor(0x1a, 0x6e, 0x2e);
    }
    return text;
}

void SettingsStyle::setTone(QLabel *label, Tone tone)
{
    // The label's own text colour is ours; the background and text it is mixed from are not.
    QWidget *parent = label->parentWidget();
    applyTone(label, tone, parent ? parent->palette() : label->palette());
}

void SettingsStyle::refresh(QWidget *root)
{
    // The root's palette, because the children have not been told about a new palette yet when
    // the root hears of it.
    const auto labels = root->findChildren<QLabel *>();
    for (QLabel *label : labels) {
        const QVariant tone = label->property(ToneProperty);
        if (tone.isValid())
            applyTone(label, Tone(tone.toInt()), root->palette());
    }
}

QLabel *SettingsStyle::statusLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Messages are worth copying into a bug report or a search.
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // The text is the label's accessible name, so only the description is set.
    label->setAccessibleDescription(QCoreApplication::translate(
        "cody::SettingsStyle", "A status message; its text can be selected and copied"));
    label->setVisible(false);
    return label;
}

void SettingsStyle::showStatus(
    QLabel *label, const QString &text, Tone tone, const QString &details)
{
    label->setText(text);
    label->setToolTip(details.isEmpty()
            ? QString()
            : QCoreApplication::translate("cody::SettingsStyle", "Details: %1").arg(details));
    setTone(label, tone);
    label->setVisible(!text.isEmpty());
}

QWidget *SettingsStyle::withStatus(QWidget *field, QLabel *status)
{
    auto *row = new QVBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(field);
    return withStatus(row, status, field->parentWidget());
}

QWidget *SettingsStyle::withStatus(QLayout *field, QLabel *status, QWidget *parent)
{
    // A widget rather than a bare layout: QFormLayout sizes layout fields by their size hint, so
    // a wrapped label would keep the height of its narrowest wrapping and leave a gap.
    auto *container = new QWidget(parent);
    auto *layout = new QVBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(field);
    layout->addWidget(status);
    return container;
}

QString SettingsStyle::environmentNote(const QString &variable)
{
    return QCoreApplication::translate(
        "SettingsStyle", "Set by %1; the environment wins over saved settings.")
        .arg(variable);
}

void SettingsStyle::markFromEnvironment(QWidget *field, QLabel *note, const QString &variable)
{
    if (auto *edit = qobject_cast<QLineEdit *>(field)) {
        edit->setReadOnly(true);
    } else if (auto *spin = qobject_cast<QAbstractSpinBox *>(field)) {
        spin->setReadOnly(true);
        spin->setButtonSymbols(QAbstractSpinBox::NoButtons);
    } else {
        field->setEnabled(false);
    }
    const QString text = environmentNote(variable);
    const QString help = field->toolTip();
    field->setToolTip(help.isEmpty() ? text : text + u'\n' + help);
    // Added to what the field does, which still holds.
    const QString description = field->accessibleDescription();
    field->setAccessibleDescription(description.isEmpty() ? text : description + u". "_s + text);
    if (note)
        showStatus(note, text, Tone::Note);
}

} // namespace cody
