// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace cody {

/**
 * @brief A validated Sourcegraph model reference: `<provider>::<apiVersion>::<model>`.
 *
 * parse() accepts the full Cody Chat form `cody/<provider>::<apiVersion>::<model>` and the bare
 * modelRef the server uses. It does not know aliases (see ModelAliases). Each part must be
 * non-empty and free of whitespace, control characters and `::`; the model part may contain `/`,
 * `.`, `-`, `_`, `:` (single) and `@`.
 */
class ModelRef
{
public:
    ModelRef() = default;

    /// On failure returns nullopt and sets *error to a one-line reason, such as
    /// "the provider part is empty"; ModelAliases::resolve() puts it into a full sentence.
    static std::optional<ModelRef> parse(QStringView text, QString *error = nullptr);
    /// Lets `parse(u"cody/"_s + name)` compile: a QStringBuilder does not convert to QStringView.
    static std::optional<ModelRef> parse(const QString &text, QString *error = nullptr)
    {
        return parse(QStringView(text), error);
    }

    bool isValid() const { return !m_provider.isEmpty(); }
    QString provider() const { return m_provider; }
    QString apiVersion() const { return m_apiVersion; }
    QString modelId() const { return m_modelId; }

    /// `cody/<provider>::<apiVersion>::<model>`: what users see and type.
    QString fullName() const;
    /// `<provider>::<apiVersion>::<model>`: the `model` field on the wire.
    QString wireName() const;

    friend bool operator==(const ModelRef &, const ModelRef &) = default;

private:
    QString m_provider;
    QString m_apiVersion;
    QString m_modelId;
};

} // namespace cody
