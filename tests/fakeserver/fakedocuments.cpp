// SPDX-License-Identifier: Apache-2.0
#include "fakedocuments.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <span>

using namespace Qt::StringLiterals;

namespace cody::test {

namespace {

struct ModelSpec
{
    const char *modelRef;
    const char *displayName;
    const char *modelName;
    const char *capabilities; // already a JSON list body
    const char *category;
    const char *status;
    const char *tier;
    int maxInputTokens;
    int maxOutputTokens;
    const char *costUnit;
    int inputTokenPennies;
    int outputTokenPennies;
};

// The models and statuses both recorded servers list (recording 16, sourcegraph.com, December
// 2024): the chat default claude-3.5-sonnet is deprecated, as are gpt-3.5-turbo and gpt-4-turbo.
constexpr ModelSpec recordedModels[] = {
    {"anthropic::2024-10-22::claude-3-5-sonnet-latest", "Claude 3.5 Sonnet (New)",
        "claude-3-5-sonnet-latest", R"("edit", "chat", "vision")", "accuracy", "stable", "free",
        45000, 4000, "mtok", 300, 1500},
    {"anthropic::2023-06-01::claude-3-opus", "Claude 3 Opus", "claude-3-opus-20240229",
        R"("edit", "chat")", "other", "stable", "pro", 45000, 4000, "mtok", 1500, 7500},
    {"anthropic::2024-10-22::claude-3-5-haiku-latest", "Claude 3.5 Haiku",
        "claude-3-5-haiku-latest", R"("edit", "chat")", "speed", "stable", "free", 45000, 4000,
        "mtok", 100, 500},
    {"anthropic::2023-06-01::claude-3-haiku", "Claude 3 Haiku", "claude-3-haiku-20240307",
        R"("edit", "chat")", "speed", "stable", "free", 7000, 4000, "mtok", 25, 125},
    {"anthropic::2023-06-01::claude-3.5-sonnet", "Claude 3.5 Sonnet", "claude-3-5-sonnet-latest",
        R"("edit", "chat", "vision")", "accuracy", "deprecated", "free", 45000, 4000, "mtok", 300,
        1500},
    {"anthropic::2023-06-01::claude-3-5-sonnet-20240620", "Claude 3.5 Sonnet",
        "claude-3-5-sonnet-20240620", R"("edit", "chat", "vision")", "accuracy", "deprecated",
        "free", 45000, 4000, "mtok", 300, 1500},
    {"anthropic::2023-06-01::claude-3-sonnet", "Claude 3 Sonnet", "claude-3-sonnet-20240229",
        R"("edit", "chat")", "other", "deprecated", "free", 45000, 4000, "mtok", 300, 1500},
    {"anthropic::2023-01-01::claude-2.1", "Claude 2.1", "claude-2.1", R"("edit", "chat")", "other",
        "deprecated", "free", 7000, 4000, "mtok", 800, 2400},
    {"anthropic::2023-01-01::claude-2.0", "Claude 2.0", "claude-2.0", R"("edit", "chat")", "other",
        "deprecated", "free", 7000, 4000, "mtok", 800, 2400},
    {"fireworks::v1::starcoder", "StarCoder", "starcoder", R"("autocomplete")", "speed", "stable",
        "free", 2048, 256, "mtok", 20, 20},
    {"fireworks::v1::deepseek-coder-v2-lite-base", "DeepSeek V2 Lite Base",
        "accounts/sourcegraph/models/deepseek-coder-v2-lite-base", R"("autocomplete")", "speed",
        "stable", "free", 2048, 256, "", 0, 0},
    {"fireworks::v1::autoedits-default", "AutoEdits Fireworks Default",
        "cody-model-auto-edits-fireworks-default", R"("autocomplete")", "speed", "experimental",
        "free", 12000, 4000, "", 0, 0},
    {"fireworks::v1::autoedits-deepseek-v2-lite", "Autoedits DeepSeek Coder V2",
        "accounts/sourcegraph/models/autoedits-ds-v2-42k-default", R"("autocomplete")", "speed",
        "experimental", "free", 12000, 4000, "", 0, 0},
    {"google::v1::gemini-1.5-pro", "Gemini 1.5 Pro", "gemini-1.5-pro", R"("edit", "chat")",
        "balanced", "stable", "free", 45000, 4000, "mtok", 125, 500},
    {"google::v1::gemini-1.5-flash", "Gemini 1.5 Flash", "gemini-1.5-flash", R"("edit", "chat")",
        "speed", "stable", "free", 45000, 4000, "btok", 75000, 30000},
    {"mistral::v1::mixtral-8x7b-instruct", "Mixtral 8x7B",
        "accounts/fireworks/models/mixtral-8x7b-instruct", R"("chat")", "speed", "stable", "free",
        7000, 4000, "mtok", 50, 50},
    {"mistral::v1::mixtral-8x22b-instruct", "Mixtral 8x22B",
        "accounts/fireworks/models/mixtral-8x22b-instruct", R"("edit", "chat")", "other",
        "deprecated", "free", 7000, 4000, "mtok", 120, 120},
    {"mistral::v1::autoedits-mixtral-v2", "AutoEdits Mixtral V2",
        "accounts/sourcegraph/models/autoedits-neg-0p12f-combined-mixtral-v2", R"("autocomplete")",
        "speed", "experimental", "free", 12000, 4000, "", 0, 0},
    {"openai::2024-02-01::gpt-4o", "GPT-4o", "gpt-4o", R"("edit", "chat", "vision")", "accuracy",
        "stable", "pro", 45000, 4000, "mtok", 250, 1000},
    {"openai::2024-02-01::gpt-4o-mini", "GPT-4o-mini", "gpt-4o-mini", R"("edit", "chat", "vision")",
        "speed", "stable", "free", 45000, 4000, "mtok", 15, 60},
    {"openai::2024-02-01::cody-chat-preview-001", "OpenAI o1-preview", "cody-chat-preview-001",
        R"("chat")", "accuracy", "waitlist", "pro", 45000, 4000, "mtok", 1500, 6000},
    {"openai::2024-02-01::cody-chat-preview-002", "OpenAI o1-mini", "cody-chat-preview-002",
        R"("chat")", "accuracy", "waitlist", "pro", 45000, 4000, "mtok", 300, 1200},
    {"openai::2024-02-01::gpt-4-turbo", "GPT-4 Turbo", "gpt-4-turbo", R"("edit", "chat")", "other",
        "deprecated", "pro", 7000, 4000, "mtok", 1000, 3000},
    {"openai::2024-02-01::gpt-3.5-turbo", "GPT-3.5 Turbo", "gpt-3.5-turbo", R"("edit", "chat")",
        "speed", "deprecated", "pro", 7000, 4000, "mtok", 300, 400},
};

// The catalog before the fake followed the recordings: the default chat model stable, and
// gpt-4 and gemini-pro for the built-in aliases that the recorded servers no longer list.
constexpr ModelSpec stableSonnetModels[] = {
    {"anthropic::2023-06-01::claude-3.5-sonnet", "Claude 3.5 Sonnet", "claude-3-5-sonnet-latest",
        R"("edit", "chat", "vision")", "accuracy", "stable", "free", 45000, 4000, "mtok", 300,
        1500},
    {"anthropic::2023-06-01::claude-3-opus", "Claude 3 Opus", "claude-3-opus-20240229",
        R"("edit", "chat")", "other", "stable", "pro", 45000, 4000, "mtok", 1500, 7500},
    {"anthropic::2023-06-01::claude-3-haiku", "Claude 3 Haiku", "claude-3-haiku-20240307",
        R"("edit", "chat")", "speed", "stable", "free", 7000, 4000, "mtok", 25, 125},
    {"openai::v1::gpt-4", "GPT-4", "gpt-4", R"("edit", "chat")", "other", "deprecated", "pro", 7000,
        4000, "mtok", 3000, 6000},
    {"google::v1::gemini-pro", "Gemini Pro", "gemini-pro", R"("edit", "chat")", "balanced",
        "waitlist", "pro", 45000, 4000, "mtok", 125, 500},
    {"fireworks::v1::deepseek-coder-v2-lite-base", "DeepSeek V2 Lite Base",
        "accounts/sourcegraph/models/deepseek-coder-v2-lite-base", R"("autocomplete")", "speed",
        "stable", "free", 2048, 256, "", 0, 0},
};

QByteArray modelJson(const ModelSpec &model)
{
    const QByteArray capabilities = QByteArray(model.capabilities).replace(", ", ",\n        ");
    return R"(    {
      "modelRef": ")"
        + QByteArray(model.modelRef) + R"(",
      "displayName": ")"
        + QByteArray(model.displayName) + R"(",
      "modelName": ")"
        + QByteArray(model.modelName) + R"(",
      "capabilities": [
        )"
        + capabilities + R"(
      ],
      "category": ")"
        + QByteArray(model.category) + R"(",
      "status": ")"
        + QByteArray(model.status) + R"(",
      "tier": ")"
        + QByteArray(model.tier) + R"(",
      "contextWindow": {
        "maxInputTokens": )"
        + QByteArray::number(model.maxInputTokens) + R"(,
        "maxOutputTokens": )"
        + QByteArray::number(model.maxOutputTokens) + R"(
      },
      "estimatedModelCost": {
        "unit": ")"
        + QByteArray(model.costUnit) + R"(",
        "inputTokenPennies": )"
        + QByteArray::number(model.inputTokenPennies) + R"(,
        "outputTokenPennies": )"
        + QByteArray::number(model.outputTokenPennies) + R"(
      }
    })";
}

QByteArray providerDisplayName(const QByteArray &id)
{
    static const QHash<QByteArray, QByteArray> names {{"anthropic", "Anthropic"},
        {"fireworks", "Fireworks"}, {"google", "Google"}, {"mistral", "Mistral"},
        {"openai", "OpenAI"}};
    return names.value(id, id);
}

} // namespace

QByteArray FakeDocuments::clientConfig(int latestStreamApiVersion)
{
    // Field order as in the recording, which QJsonDocument would not keep.
    return R"({
  "codyEnabled": true,
  "chatEnabled": true,
  "autoCompleteEnabled": true,
  "customCommandsEnabled": true,
  "attributionEnabled": false,
  "smartContextWindowEnabled": true,
  "modelsAPIEnabled": false,
  "latestSupportedCompletionsStreamAPIVersion": )"
        + QByteArray::number(latestStreamApiVersion) + "\n}\n";
}

QByteArray FakeDocuments::graphql(const QString &query, const QString &productVersion)
{
    if (query.contains(u"CurrentUser"))
        return R"({"data":{"currentUser":{"id":"VXNlcjox","username":"fake-user","displayName":"Fake User","hasVerifiedEmail":true,"avatarURL":null,"primaryEmail":{"email":"fake@example.com"},"organizations":{"nodes":[]}}}})";
    if (query.contains(u"SiteProductVersion")) {
        const QJsonObject site {{u"productVersion"_s, productVersion}};
        const QJsonObject data {{u"site"_s, site}};
        return QJsonDocument(QJsonObject {{u"data"_s, data}}).toJson(QJsonDocument::Compact);
    }
    return R"({"errors":[{"message":"unsupported query"}]})";
}

QByteArray FakeDocuments::supportedModels(Catalog catalog)
{
    const auto models = catalog == Catalog::Recorded
        ? std::span<const ModelSpec>(recordedModels)
        : std::span<const ModelSpec>(stableSonnetModels);
    QList<QByteArray> modelsJson;
    QList<QByteArray> providers;
    for (const ModelSpec &model : models) {
        modelsJson.append(modelJson(model));
        const QByteArray ref(model.modelRef);
        const QByteArray provider = ref.left(ref.indexOf("::"));
        if (!providers.contains(provider))
            providers.append(provider);
    }
    QList<QByteArray> providersJson;
    for (const QByteArray &provider : providers) {
        providersJson.append(R"(    {
      "id": ")"
            + provider + R"(",
      "displayName": ")"
            + providerDisplayName(provider) + R"("
    })");
    }
    return R"({
  "schemaVersion": "1.0",
  "revision": "0.0.0+dev",
  "providers": [
)" + providersJson.join(",\n")
        + R"(
  ],
  "models": [
)" + modelsJson.join(",\n")
        + R"(
  ],
  "defaultModels": {
    "chat": "anthropic::2023-06-01::claude-3.5-sonnet",
    "fastChat": "anthropic::2023-06-01::claude-3-haiku",
    "codeCompletion": "fireworks::v1::deepseek-coder-v2-lite-base"
  }
}
)";
}

QByteArray FakeDocuments::loginPage()
{
    return R"(<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in - Sourcegraph</title></head>
<body>
<h1>Sign in to Sourcegraph</h1>
<form method="post" action="/-/sign-in">
<input name="username" placeholder="Username"> <input name="password" type="password">
<button type="submit">Sign in</button>
</form>
</body>
</html>
)";
}

} // namespace cody::test
