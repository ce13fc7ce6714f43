// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/modelaliases.h"
#include "cody/tokenusage.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <optional>

namespace cody {

/// One entry of the server's `/.api/modelconfig/supported-models.json` (cody-api.md §3.1).
struct ModelInfo
{
    ModelRef ref;
    QString displayName;
    QString providerId;
    QString providerName; ///< from `providers[].displayName`, else the id
    QStringList capabilities;
    QString category;
    QString status; ///< stable | experimental | deprecated | waitlist | …
    QString tier;
    qint64 maxInputTokens = 0; ///< 0 when unknown
    qint64 maxOutputTokens = 0; ///< 0 when unknown
    /// US cents per million tokens; nullopt when the server gave no estimatedModelCost.
    std::optional<double> inputCentsPerMtok;
    std::optional<double> outputCentsPerMtok;

    bool isChat() const { return capabilities.contains(QStringLiteral("chat")); }
    /// Chat-capable and not waitlisted. A deprecated model still answers: Cody's clients mark it,
    /// they do not refuse it.
    bool isUsableForChat() const;
    bool isDeprecated() const;
    /// "stable", or no status at all (catalogs older than the field).
    bool isStable() const;
    bool isStableChat() const { return isChat() && isStable(); }
};

/// What a reply cost, or probably cost.
struct CostEstimate
{
    double usd = 0.0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    bool tokensEstimated = false; ///< true when no `usage` came back: tokens are chars/4
    bool priceKnown = false; ///< false when the catalog has no price for the model (usd is 0)
};

/**
 * @brief The models a user can pick: aliases plus the server's supported models with metadata.
 *
 * Works offline with aliases only; loadSupportedModels() adds what the server offers.
 */
class ModelCatalog
{
public:
    explicit ModelCatalog(ModelAliases aliases = {});

    const ModelAliases &aliases() const { return m_aliases; }

    /// Parses supported-models.json. On malformed input returns false, sets *error, and keeps the
    /// models already loaded. Single models with an unusable modelRef are skipped, not fatal; see
    /// loadWarnings().
    bool loadSupportedModels(const QByteArray &json, QString *error = nullptr);

    /// One line per model entry the last successful load skipped (bad or duplicate modelRef).
    const QStringList &loadWarnings() const { return m_loadWarnings; }

    bool hasServerModels() const { return m_loaded; }
    /// Every model the server listed, in its order.
    const QList<ModelInfo> &serverModels() const { return m_models; }
    /// Server models to offer for chat: usable and not deprecated, in the server's order.
    QList<ModelInfo> chatModels() const;
    const ModelInfo *find(const ModelRef &ref) const;

    std::optional<ModelRef> resolve(QStringView name, QString *error = nullptr) const
    {
        return m_aliases.resolve(name, error);
    }
    std::optional<ModelRef> resolve(const QString &name, QString *error = nullptr) const
    {
        return m_aliases.resolve(name, error);
    }

    /// The server's defaultModels.chat when it is a stable chat model, else the first stable
    /// chat model; nullopt when there is none (or no catalog).
    std::optional<ModelRef> defaultChatModel() const;

    /// For a user who chose no model: what to start on instead of `preferred` (the built-in
    /// default) because this server does not call it stable. nullopt when `preferred` is stable
    /// here, without a catalog, or when the server has nothing stable to offer.
    std::optional<ModelRef> replacementForDefault(const ModelRef &preferred) const;

    /// min(requested, the model's maxOutputTokens) when the catalog knows the model, else
    /// requested.
    int clampMaxTokens(const ModelRef &ref, int requested) const;

    /**
     * Cost of one reply: from `usage` when the server sent it, else chars/4 (rounded up) for the
     * prompt and the reply, marked as estimated.
     */
    CostEstimate estimateCost(const ModelRef &ref, const std::optional<TokenUsage> &usage,
        qsizetype promptChars, qsizetype replyChars) const;

private:
    ModelAliases m_aliases;
    QList<ModelInfo> m_models;
    QStringList m_loadWarnings;
    QString m_defaultChat;
    bool m_loaded = false;
};

} // namespace cody
