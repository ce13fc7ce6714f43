// SPDX-License-Identifier: Apache-2.0
#include "ui/settings/settingstokeneditor.h"

#include "ui/settings/settingsstyle.h"

#include <QAction>
#include <QEvent>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

/// An eye, struck through when `crossed`: themes name this icon differently or not at all (and
/// offscreen there is no theme), so it is drawn in the palette's text colour as the fallback.
QIcon drawnEye(const QColor &color, bool crossed)
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal s = size;
        painter.setPen(QPen(color, s / 12, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        QPainterPath outline;
        outline.moveTo(s * 0.06, s * 0.5);
        outline.quadTo(s * 0.5, s * 0.08, s * 0.94, s * 0.5);
        outline.quadTo(s * 0.5, s * 0.92, s * 0.06, s * 0.5);
        painter.drawPath(outline);
        painter.setBrush(color);
        painter.drawEllipse(QPointF(s * 0.5, s * 0.5), s * 0.12, s * 0.12);
        if (crossed)
            painter.drawLine(QPointF(s * 0.16, s * 0.86), QPointF(s * 0.84, s * 0.14));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QIcon eyeIcon(const QColor &color, bool crossed)
{
    const auto names = crossed ? QStringList {u"view-hidden"_s, u"view-conceal-symbolic"_s}
                               : QStringList {u"view-visible"_s, u"view-reveal-symbolic"_s};
    for (const auto &name : names) {
        if (QIcon::hasThemeIcon(name))
            return QIcon::fromTheme(name);
    }
    return drawnEye(color, crossed);
}

} // namespace

SettingsTokenEditor::SettingsTokenEditor(SecretStore *secrets, QWidget *parent)
    : QWidget(parent)
    , m_secrets(secrets)
    , m_edit(new QLineEdit(this))
    , m_show(new QAction(this))
    , m_status(SettingsStyle::statusLabel(u"tokenStatus"_s, this))
{
    m_edit->setObjectName(u"accessToken"_s);
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setAccessibleName(tr("Access token"));
    m_edit->setAccessibleDescription(
        tr("Sets the Sourcegraph access token, kept in the system keychain; Ctrl+H shows it"));
    m_edit->setToolTip(tr("A Sourcegraph access token, created under User settings → Access tokens "
                          "on your Sourcegraph instance"));

    m_show->setObjectName(u"showToken"_s);
    m_show->setCheckable(true);
    // The in-field button takes no focus, so the keyboard gets a shortcut while in the field.
    m_show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_show->setShortcutContext(Qt::WidgetShortcut);
    m_edit->addAction(m_show, QLineEdit::TrailingPosition);
    connect(m_show, &QAction::toggled, this, [this](bool visible) {
        m_edit->setEchoMode(visible ? QLineEdit::Normal : QLineEdit::Password);
        updateState();
    });
    connect(m_edit, &QLineEdit::textEdited, this, [this] { m_edited = true; });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addWidget(m_status);
    showDefaultStatus();
    updateState();
}

void SettingsTokenEditor::setFromEnvironment(const QString &variable)
{
    m_variable = variable;
    ++m_generation; // a pending read no longer matters
    m_busy = false;
    m_edit->clear();
    SettingsStyle::markFromEnvironment(m_edit, m_status, variable);
    updateState();
}

void SettingsTokenEditor::load(const QUrl &baseUrl)
{
    if (isFromEnvironment())
        return;
    const QString key = baseUrl.isEmpty() ? QString() : SecretStore::keyForEndpoint(baseUrl);
    if (key == m_key && m_generation > 0)
        return;
    m_key = key;
    const int generation = ++m_generation;
    if (m_edited || m_unavailable)
        return;
    m_edit->clear();
    if (!m_secrets) {
        onRead(generation, SecretResult::unavailable(tr("Cody Chat was started without one")));
        return;
    }
    if (key.isEmpty()) {
        m_busy = false;
        updateState();
        return;
    }
    m_busy = true;
    SettingsStyle::showStatus(m_status, tr("Reading the keychain…"), SettingsStyle::Tone::Note);
    updateState();
    m_secrets->read(
        key, this, [this, generation](const SecretResult &result) { onRead(generation, result); });
}

void SettingsTokenEditor::onRead(int generation, const SecretResult &result)
{
    if (generation != m_generation)
        return;
    m_busy = false;
    switch (result.status) {
    case SecretResult::Status::Ok:
        // The field stayed open while the keychain was read: what the user typed meanwhile wins.
        if (!m_edited)
            m_edit->setText(result.secret);
        showDefaultStatus();
        break;
    case SecretResult::Status::NotFound:
        if (!m_edited)
            m_edit->clear();
        showDefaultStatus();
        break;
    case SecretResult::Status::Unavailable:
        m_unavailable = true;
        m_edit->clear();
        // Said once, with what to do; the keychain library's own words go in the tooltip.
        SettingsStyle::showStatus(m_status,
            tr("No keychain is available, and Cody Chat never stores tokens in plain text. Set "
               "LLM_API_KEY in the environment before starting Cody Chat."),
            SettingsStyle::Tone::Error, result.detail);
        break;
    case SecretResult::Status::Failed:
        SettingsStyle::showStatus(m_status,
            tr("The keychain could not be read: %1. A token entered here replaces the stored one.")
                .arg(result.error),
            SettingsStyle::Tone::Error, result.detail);
        break;
    }
    updateState();
}

QString SettingsTokenEditor::token() const
{
    return m_edit->text().trimmed();
}

bool SettingsTokenEditor::isWritable() const
{
    // A read still under way does not stop a write: the keychain runs them in order, and the
    // read's answer no longer replaces an edited token.
    return m_secrets && !m_unavailable && !isFromEnvironment();
}

void SettingsTokenEditor::save(const QUrl &baseUrl, std::function<void(const QString &)> done)
{
    const auto finish = [this, done = std::move(done)](const QString &error) {
        if (!error.isEmpty())
            SettingsStyle::showStatus(m_status, error, SettingsStyle::Tone::Error);
        done(error);
    };
    if (!m_edited || !isWritable() || (baseUrl.isEmpty() && token().isEmpty())) {
        QTimer::singleShot(0, this, [finish] { finish({}); });
        return;
    }
    if (baseUrl.isEmpty()) {
        QTimer::singleShot(0, this, [this, finish] {
            finish(tr("Enter the Sourcegraph URL: the token is stored for it."));
        });
        return;
    }
    const QString key = SecretStore::keyForEndpoint(baseUrl);
    // A read still under way is answered before this write and must not bring back the old
    // token.
    ++m_generation;
    m_busy = false;
    const auto stored = [this, key, finish](const QString &error) {
        if (error.isEmpty()) {
            m_edited = false;
            m_key = key;
            showDefaultStatus();
        }
        finish(error);
    };
    // An emptied field means "forget the token for this URL".
    if (token().isEmpty()) {
        m_secrets->remove(key, this, [this, stored](const SecretResult &result) {
            const bool gone = result.ok() || result.status == SecretResult::Status::NotFound;
            stored(gone
                    ? QString()
                    : tr("The token could not be removed from the keychain: %1").arg(result.error));
        });
        return;
    }
    m_secrets->write(key, token(), this, [this, stored](const SecretResult &result) {
        stored(result.ok()
                ? QString()
                : tr("The token could not be saved in the keychain: %1").arg(result.error));
    });
}

void SettingsTokenEditor::showDefaultStatus()
{
    if (!isFromEnvironment()) {
        SettingsStyle::showStatus(m_status,
            tr("Kept in the system keychain for this URL, never in the settings file."),
            SettingsStyle::Tone::Note);
    }
}

void SettingsTokenEditor::updateState()
{
    // Never disabled while reading: focus arriving by Tab (or a click) in that moment would skip
    // the field, and the token typed next would land elsewhere.
    const bool usable = !m_unavailable && m_secrets;
    m_edit->setEnabled(usable);
    m_show->setEnabled(usable && !isFromEnvironment());
    if (isFromEnvironment())
        m_edit->setPlaceholderText(tr("set by %1").arg(m_variable));
    else if (m_busy)
        m_edit->setPlaceholderText(tr("Reading the keychain…"));
    else if (m_unavailable)
        m_edit->setPlaceholderText(tr("no keychain"));
    else
        m_edit->setPlaceholderText(u"sgp_…"_s);

    const bool visible = m_show->isChecked();
    m_show->setText(visible ? tr("Hide token") : tr("Show token"));
    m_show->setToolTip(
        tr("%1 (%2)").arg(m_show->text(), m_show->shortcut().toString(QKeySequence::NativeText)));
    m_show->setIcon(eyeIcon(palette().color(QPalette::Text), visible));
    // The field's action button is Qt's own; naming it keeps screen readers from saying "button".
    const auto buttons = m_edit->findChildren<QToolButton *>();
    for (QToolButton *button : buttons) {
        if (button->defaultAction() == m_show) {
            button->setAccessibleName(m_show->text());
            button->setAccessibleDescription(m_show->toolTip());
        }
    }
}

void SettingsTokenEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        updateState();
    QWidget::changeEvent(event);
}

} // namespace cody
