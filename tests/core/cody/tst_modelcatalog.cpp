// SPDX-License-Identifier: Apache-2.0
#include "cody/modelcatalog.h"
#include "recordings.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;
using cody::CostEstimate;
using cody::ModelAliases;
using cody::ModelCatalog;
using cody::ModelInfo;
using cody::ModelRef;
using cody::TokenUsage;

namespace {

const auto SonnetLatest = u"anthropic::2024-10-22::claude-3-5-sonnet-latest"_s;
const auto SonnetDeprecated = u"anthropic::2023-06-01::claude-3.5-sonnet"_s;

ModelRef ref(const QString &text)
{
    const std::optional<ModelRef> parsed = ModelRef::parse(text);
    if (!parsed)
        qFatal("bad ref in the test itself");
    return *parsed;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArray smallFixture()
{
    return readFile(QStringLiteral(CODY_TEST_DATA_DIR "/supported-models-small.json"));
}

QStringList wireNames(const QList<ModelInfo> &models)
{
    QStringList names;
    for (const ModelInfo &model : models)
        names.append(model.ref.wireName());
    return names;
}

} // namespace

class TestModelCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void emptyCatalog();
    void loadsSmallFixture();
    void parsesModelFields();
    void skipsBadEntries();
    void loadsRecordings_data();
    void loadsRecordings();
    void defaultChatModel_data();
    void defaultChatModel();
    void replacementForDefault_data();
    void replacementForDefault();
    void clampMaxTokens_data();
    void clampMaxTokens();
    void estimateCost_data();
    void estimateCost();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void keepsStateAfterFailedLoad();
    void reloadReplacesModels();
    void resolvesThroughAliases();

private:
    ModelCatalog m_small;
};

void TestModelCatalog::initTestCase()
{
    const QByteArray json = smallFixture();
    QVERIFY2(!json.isEmpty(), "tests/data/supported-models-small.json is missing");
    QString error;
    QVERIFY2(m_small.loadSupportedModels(json, &error), qPrintable(error));
}

void TestModelCatalog::emptyCatalog()
{
    const ModelCatalog catalog;
    QVERIFY(!catalog.hasServerModels());
    QVERIFY(catalog.serverModels().isEmpty());
    QVERIFY(catalog.chatModels().isEmpty());
    QVERIFY(!catalog.defaultChatModel());
    QVERIFY(!catalog.find(ref(SonnetLatest)));
    QCOMPARE(catalog.clampMaxTokens(ref(SonnetLatest), 9000), 9000);
    const CostEstimate cost = catalog.estimateCost(ref(SonnetLatest), std::nullopt, 40, 8);
    QVERIFY(!cost.priceKnown);
    QCOMPARE(cost.usd, 0.0);
    QCOMPARE(cost.inputTokens, 10);
    QCOMPARE(cost.outputTokens, 2);
    // Aliases work offline.
    QVERIFY(catalog.resolve(u"cody-opus"_s));
}

void TestModelCatalog::loadsSmallFixture()
{
    QVERIFY(m_small.hasServerModels());
    QCOMPARE(wireNames(m_small.serverModels()),
        QStringList({SonnetDeprecated, SonnetLatest, u"fireworks::v1::starcoder"_s,
            u"openai::2024-02-01::cody-chat-preview-001"_s, u"google::v1::gemini-1.5-flash"_s,
            u"acme::v1::tiny"_s}));
    // Deprecated, waitlisted and autocomplete-only models are not offered for chat.
    QCOMPARE(wireNames(m_small.chatModels()),
        QStringList({SonnetLatest, u"google::v1::gemini-1.5-flash"_s, u"acme::v1::tiny"_s}));
    QCOMPARE(m_small.defaultChatModel(), ref(SonnetLatest));
}

void TestModelCatalog::parsesModelFields()
{
    const ModelInfo *latest = m_small.find(ref(SonnetLatest));
    QVERIFY(latest);
    QCOMPARE(latest->displayName, u"Claude 3.5 Sonnet (New)"_s);
    QCOMPARE(latest->providerId, u"anthropic"_s);
    QCOMPARE(latest->providerName, u"Anthropic"_s);
    QCOMPARE(latest->capabilities, QStringList({u"edit"_s, u"chat"_s, u"vision"_s}));
    QCOMPARE(latest->category, u"accuracy"_s);
    QCOMPARE(latest->status, u"stable"_s);
    QCOMPARE(latest->tier, u"free"_s);
    QCOMPARE(latest->maxInputTokens, 45000);
    QCOMPARE(latest->maxOutputTokens, 4000);
    QCOMPARE(latest->inputCentsPerMtok, 300.0);
    QCOMPARE(latest->outputCentsPerMtok, 1500.0);
    QVERIFY(latest->isChat());
    QVERIFY(latest->isUsableForChat());

    const ModelInfo *deprecated = m_small.find(ref(SonnetDeprecated));
    QVERIFY(deprecated);
    QVERIFY(deprecated->isChat());
    // Marked, not refused: Cody's clients still send to a deprecated model chosen on purpose.
    QVERIFY(deprecated->isUsableForChat());
    QVERIFY(deprecated->isDeprecated());
    QVERIFY(!deprecated->isStable());
    QVERIFY(latest->isStable());
    QVERIFY(!latest->isDeprecated());

    const ModelInfo *waitlisted = m_small.find(ref(u"openai::2024-02-01::cody-chat-preview-001"_s));
    QVERIFY(waitlisted);
    QVERIFY(!waitlisted->isUsableForChat());

    const ModelInfo *starcoder = m_small.find(ref(u"fireworks::v1::starcoder"_s));
    QVERIFY(starcoder);
    QVERIFY(!starcoder->isChat());
    QVERIFY(!starcoder->isUsableForChat());

    // A unit other than "mtok" means no price rather than a wrong one.
    const ModelInfo *flash = m_small.find(ref(u"google::v1::gemini-1.5-flash"_s));
    QVERIFY(flash);
    QCOMPARE(flash->status, u"experimental"_s);
    QVERIFY(flash->isUsableForChat());
    QVERIFY(!flash->inputCentsPerMtok);
    QVERIFY(!flash->outputCentsPerMtok);
    QCOMPARE(flash->maxOutputTokens, 8192);

    // Missing fields get their documented fallbacks.
    const ModelInfo *tiny = m_small.find(ref(u"acme::v1::tiny"_s));
    QVERIFY(tiny);
    QCOMPARE(tiny->displayName, u"tiny"_s);
    QCOMPARE(tiny->providerName, u"acme"_s);
    QCOMPARE(tiny->maxInputTokens, 0);
    QCOMPARE(tiny->maxOutputTokens, 0);
    QVERIFY(!tiny->inputCentsPerMtok);
    QCOMPARE(tiny->tier, u"enterprise"_s);
}

void TestModelCatalog::skipsBadEntries()
{
    const QStringList warnings = m_small.loadWarnings();
    QCOMPARE(warnings.size(), 4);
    QVERIFY2(warnings.at(0).contains(u"models[4]: modelRef \"not a model ref\": "_s),
        qPrintable(warnings.at(0)));
    QVERIFY2(
        warnings.at(1).contains(u"models[6]: not a JSON object"_s), qPrintable(warnings.at(1)));
    QVERIFY2(warnings.at(2).contains(u"models[7]: modelRef \"\": the name is empty"_s),
        qPrintable(warnings.at(2)));
    QVERIFY2(
        warnings.at(3).contains(u"models[9]: duplicate modelRef"_s), qPrintable(warnings.at(3)));
    // The first entry of a duplicated ref wins.
    QCOMPARE(m_small.find(ref(SonnetLatest))->displayName, u"Claude 3.5 Sonnet (New)"_s);
}

void TestModelCatalog::loadsRecordings_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("models");
    QTest::addColumn<int>("chatModels");
    QTest::addColumn<int>("priced");
    QTest::addColumn<QString>("defaultChat");

    SKIP_WITHOUT_RECORDINGS();
    // FX/16 and FX/17 both name the deprecated claude-3.5-sonnet as the chat default.
    QTest::newRow("16 dotcom") << u"16-supported-models-dotcom-response.json"_s << 24 << 9 << 19
                               << SonnetLatest;
    QTest::newRow("17 enterprise")
        << u"17-supported-models-enterprise-s2-response.json"_s << 25 << 11 << 17 << SonnetLatest;
}

void TestModelCatalog::loadsRecordings()
{
    QFETCH(QString, file);
    QFETCH(int, models);
    QFETCH(int, chatModels);
    QFETCH(int, priced);
    QFETCH(QString, defaultChat);

    REQUIRE_RECORDING(path, file);
    const QByteArray json = readFile(path);
    QVERIFY2(!json.isEmpty(), qPrintable(file));
    ModelCatalog catalog;
    QString error;
    QVERIFY2(catalog.loadSupportedModels(json, &error), qPrintable(error));
    QCOMPARE(catalog.serverModels().size(), models);
    QVERIFY2(catalog.loadWarnings().isEmpty(), qPrintable(catalog.loadWarnings().join(u'\n')));
    QCOMPARE(catalog.chatModels().size(), chatModels);
    QCOMPARE(catalog.defaultChatModel(), ref(defaultChat));

    const ModelInfo *deprecated = catalog.find(ref(SonnetDeprecated));
    QVERIFY(deprecated);
    QCOMPARE(deprecated->status, u"deprecated"_s);
    QVERIFY(!catalog.chatModels().isEmpty());
    for (const ModelInfo &model : catalog.chatModels()) {
        QVERIFY(model.capabilities.contains(u"chat"_s));
        QVERIFY(model.status != u"deprecated"_s && model.status != u"waitlist"_s);
    }
    const auto pricedCount
        = std::count_if(catalog.serverModels().cbegin(), catalog.serverModels().cend(),
            [](const ModelInfo &model) { return model.inputCentsPerMtok.has_value(); });
    QCOMPARE(pricedCount, priced);

    const ModelInfo *haiku = catalog.find(ref(u"anthropic::2023-06-01::claude-3-haiku"_s));
    QVERIFY(haiku);
    QCOMPARE(haiku->maxInputTokens, 7000);
    QCOMPARE(haiku->maxOutputTokens, 4000);
    QCOMPARE(haiku->inputCentsPerMtok, 25.0);
    QCOMPARE(haiku->outputCentsPerMtok, 125.0);
    QCOMPARE(haiku->providerName, u"Anthropic"_s);
    QCOMPARE(catalog.clampMaxTokens(haiku->ref, 8192), 4000);
}

void TestModelCatalog::defaultChatModel_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // empty: none

    const QByteArray models = R"("models": [
        {"modelRef": "a::v1::old", "capabilities": ["chat"], "status": "deprecated"},
        {"modelRef": "a::v1::code", "capabilities": ["autocomplete"], "status": "stable"},
        {"modelRef": "a::v1::wait", "capabilities": ["chat"], "status": "waitlist"},
        {"modelRef": "a::v1::first", "capabilities": ["chat"], "status": "experimental"},
        {"modelRef": "a::v1::second", "capabilities": ["edit", "chat"], "status": "stable"}])";
    QTest::newRow("usable default")
        << QByteArray("{" + models + R"(, "defaultModels": {"chat": "a::v1::second"}})")
        << u"a::v1::second"_s;
    QTest::newRow("deprecated default")
        << QByteArray("{" + models + R"(, "defaultModels": {"chat": "a::v1::old"}})")
        << u"a::v1::second"_s;
    QTest::newRow("waitlisted default")
        << QByteArray("{" + models + R"(, "defaultModels": {"chat": "a::v1::wait"}})")
        << u"a::v1::second"_s;
    QTest::newRow("autocomplete default")
        << QByteArray("{" + models + R"(, "defaultModels": {"chat": "a::v1::code"}})")
        << u"a::v1::second"_s;
    QTest::newRow("unlisted default")
        << QByteArray("{" + models + R"(, "defaultModels": {"chat": "a::v1::gone"}})")
        << u"a::v1::second"_s;
    QTest::newRow("malformed default")
        << QByteArray("{" + models + R"(, "defaultModels": {"chat": "nonsense"}})")
        << u"a::v1::second"_s;
    QTest::newRow("no defaultModels") << QByteArray("{" + models + "}") << u"a::v1::second"_s;
    // Only a stable model is a default; an experimental one is for those who pick it.
    QTest::newRow("experimental default")
        << QByteArray("{" + models + R"(, "defaultModels": {"chat": "a::v1::first"}})")
        << u"a::v1::second"_s;
    QTest::newRow("nothing stable")
        << QByteArray(R"({"models": [{"modelRef": "a::v1::old", "capabilities": ["chat"],
            "status": "deprecated"}, {"modelRef": "a::v1::new", "capabilities": ["chat"],
            "status": "experimental"}], "defaultModels": {"chat": "a::v1::old"}})")
        << QString();
    QTest::newRow("no status at all (an older catalog)")
        << QByteArray(R"({"models": [{"modelRef": "a::v1::plain", "capabilities": ["chat"]}]})")
        << u"a::v1::plain"_s;
    QTest::newRow("no models") << QByteArray(R"({"models": []})") << QString();
}

void TestModelCatalog::defaultChatModel()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);

    ModelCatalog catalog;
    QString error;
    QVERIFY2(catalog.loadSupportedModels(json, &error), qPrintable(error));
    const std::optional<ModelRef> chosen = catalog.defaultChatModel();
    if (expected.isEmpty()) {
        QVERIFY2(!chosen, qPrintable(chosen ? chosen->wireName() : QString()));
    } else {
        QVERIFY(chosen);
        QCOMPARE(chosen->wireName(), expected);
    }
}

void TestModelCatalog::replacementForDefault_data()
{
    QTest::addColumn<QByteArray>("json"); // empty: no catalog (an older server)
    QTest::addColumn<QString>("expected"); // empty: keep cody-sonnet

    const QString sonnet = SonnetDeprecated; // cody-sonnet's target
    const auto catalog = [&](const char *status, const char *defaultChat) {
        return QString::fromLatin1(R"({"models": [
            {"modelRef": "%1", "capabilities": ["chat"], "status": "%2"},
            {"modelRef": "a::v1::beta", "capabilities": ["chat"], "status": "experimental"},
            {"modelRef": "a::v1::steady", "capabilities": ["chat"], "status": "stable"},
            {"modelRef": "a::v1::later", "capabilities": ["chat"], "status": "stable"}],
            "defaultModels": {"chat": "%3"}})")
            .arg(sonnet, QLatin1String(status), QLatin1String(defaultChat))
            .toUtf8();
    };
    QTest::newRow("no catalog") << QByteArray() << QString();
    QTest::newRow("stable here") << catalog("stable", "a::v1::later") << QString();
    QTest::newRow("deprecated, stable server default")
        << catalog("deprecated", "a::v1::later") << u"a::v1::later"_s;
    QTest::newRow("deprecated, deprecated server default")
        << catalog("deprecated", "anthropic::2023-06-01::claude-3.5-sonnet") << u"a::v1::steady"_s;
    QTest::newRow("experimental here")
        << catalog("experimental", "a::v1::beta") << u"a::v1::steady"_s;
    QTest::newRow("not listed") << QByteArray(
        R"({"models": [{"modelRef": "b::v1::x", "capabilities": ["chat"],
            "status": "stable"}]})")
                                << u"b::v1::x"_s;
    QTest::newRow("nothing stable to offer") << QByteArray(
        R"({"models": [{"modelRef": "b::v1::x", "capabilities": ["chat"],
            "status": "experimental"}]})") << QString();
    // Rows from the recordings only when they are there, so that the rows above still run.
    if (cody::test::haveRecordings()) {
        // Both recorded servers call claude-3.5-sonnet (and their own chat default) deprecated.
        for (const char *file : {"16-supported-models-dotcom-response.json",
                 "17-supported-models-enterprise-s2-response.json"}) {
            REQUIRE_RECORDING(path, QLatin1String(file));
            QTest::newRow(file) << readFile(path) << SonnetLatest;
        }
    }
}

void TestModelCatalog::replacementForDefault()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);

    ModelCatalog catalog;
    QString error;
    if (!json.isEmpty())
        QVERIFY2(catalog.loadSupportedModels(json, &error), qPrintable(error));
    const std::optional<ModelRef> sonnet = catalog.resolve(u"cody-sonnet"_s);
    QVERIFY(sonnet);
    QCOMPARE(sonnet->wireName(), SonnetDeprecated);
    const std::optional<ModelRef> replacement = catalog.replacementForDefault(*sonnet);
    if (expected.isEmpty())
        QVERIFY2(!replacement, qPrintable(replacement ? replacement->wireName() : QString()));
    else
        QCOMPARE(replacement ? replacement->wireName() : QString(), expected);
}

void TestModelCatalog::clampMaxTokens_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("requested");
    QTest::addColumn<int>("expected");

    QTest::newRow("above limit") << SonnetLatest << 8000 << 4000;
    QTest::newRow("at limit") << SonnetLatest << 4000 << 4000;
    QTest::newRow("below limit") << SonnetLatest << 100 << 100;
    QTest::newRow("small limit") << u"fireworks::v1::starcoder"_s << 1000 << 256;
    QTest::newRow("deprecated still known") << SonnetDeprecated << 5000 << 4000;
    QTest::newRow("zero left to the caller") << SonnetLatest << 0 << 0;
    QTest::newRow("negative left to the caller") << SonnetLatest << -5 << -5;
    QTest::newRow("unknown model") << u"openai::v1::gpt-4"_s << 9000 << 9000;
    QTest::newRow("model without limit") << u"acme::v1::tiny"_s << 9000 << 9000;
    QTest::newRow("int max") << SonnetLatest << std::numeric_limits<int>::max() << 4000;
}

void TestModelCatalog::clampMaxTokens()
{
    QFETCH(QString, model);
    QFETCH(int, requested);
    QFETCH(int, expected);

    QCOMPARE(m_small.clampMaxTokens(ref(model), requested), expected);
}

void TestModelCatalog::estimateCost_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("hasUsage");
    QTest::addColumn<qint64>("promptTokens");
    QTest::addColumn<qint64>("completionTokens");
    QTest::addColumn<qsizetype>("promptChars");
    QTest::addColumn<qsizetype>("replyChars");
    QTest::addColumn<qint64>("expectedIn");
    QTest::addColumn<qint64>("expectedOut");
    QTest::addColumn<bool>("priceKnown");
    QTest::addColumn<double>("usd");

    // 1000 * 300 + 500 * 1500 = 1 050 000 cent-tokens per Mtok = 1.05 cents.
    QTest::newRow("usage") << SonnetLatest << true << qint64(1000) << qint64(500) << qsizetype(99)
                           << qsizetype(99) << qint64(1000) << qint64(500) << true << 0.0105;
    QTest::newRow("usage wins over chars")
        << SonnetLatest << true << qint64(0) << qint64(0) << qsizetype(4000) << qsizetype(4000)
        << qint64(0) << qint64(0) << true << 0.0;
    // ceil(10 / 4) = 3 and ceil(8 / 4) = 2: 3 * 300 + 2 * 1500 = 3900 / 1e8 dollars.
    QTest::newRow("estimated") << SonnetLatest << false << qint64(0) << qint64(0) << qsizetype(10)
                               << qsizetype(8) << qint64(3) << qint64(2) << true << 0.000039;
    QTest::newRow("estimated one char")
        << SonnetLatest << false << qint64(0) << qint64(0) << qsizetype(1) << qsizetype(0)
        << qint64(1) << qint64(0) << true << 0.000003;
    QTest::newRow("estimated negative chars")
        << SonnetLatest << false << qint64(0) << qint64(0) << qsizetype(-4) << qsizetype(-1)
        << qint64(0) << qint64(0) << true << 0.0;
    QTest::newRow("million tokens")
        << u"fireworks::v1::starcoder"_s << true << qint64(1000000) << qint64(1000000)
        << qsizetype(0) << qsizetype(0) << qint64(1000000) << qint64(1000000) << true << 0.40;
    QTest::newRow("unknown model")
        << u"openai::v1::gpt-4"_s << true << qint64(1000) << qint64(500) << qsizetype(0)
        << qsizetype(0) << qint64(1000) << qint64(500) << false << 0.0;
    QTest::newRow("unit not mtok")
        << u"google::v1::gemini-1.5-flash"_s << false << qint64(0) << qint64(0) << qsizetype(400)
        << qsizetype(40) << qint64(100) << qint64(10) << false << 0.0;
    QTest::newRow("no cost given")
        << u"acme::v1::tiny"_s << true << qint64(10) << qint64(10) << qsizetype(0) << qsizetype(0)
        << qint64(10) << qint64(10) << false << 0.0;
}

void TestModelCatalog::estimateCost()
{
    QFETCH(QString, model);
    QFETCH(bool, hasUsage);
    QFETCH(qint64, promptTokens);
    QFETCH(qint64, completionTokens);
    QFETCH(qsizetype, promptChars);
    QFETCH(qsizetype, replyChars);
    QFETCH(qint64, expectedIn);
    QFETCH(qint64, expectedOut);
    QFETCH(bool, priceKnown);
    QFETCH(double, usd);

    std::optional<TokenUsage> usage;
    if (hasUsage)
        usage = TokenUsage {promptTokens, completionTokens};
    const CostEstimate cost = m_small.estimateCost(ref(model), usage, promptChars, replyChars);
    QCOMPARE(cost.inputTokens, expectedIn);
    QCOMPARE(cost.outputTokens, expectedOut);
    QCOMPARE(cost.tokensEstimated, !hasUsage);
    QCOMPARE(cost.priceKnown, priceKnown);
    // qFuzzyCompare cannot compare with 0, so compare with an offset.
    QCOMPARE(cost.usd + 1.0, usd + 1.0);
}

void TestModelCatalog::rejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << QByteArray() << u"supported models: not valid JSON ("_s;
    QTest::newRow("not JSON") << QByteArray("<html>Bad gateway</html>")
                              << u"supported models: not valid JSON ("_s;
    QTest::newRow("truncated") << QByteArray(R"({"models": [{"modelRef": )")
                               << u"supported models: not valid JSON ("_s;
    QTest::newRow("array") << QByteArray(R"([{"modelRef": "a::v1::b"}])")
                           << u"supported models: the document is not a JSON object"_s;
    QTest::newRow("missing models") << QByteArray(R"({"providers": [], "defaultModels": {}})")
                                    << u"supported models: the document has no \"models\" array"_s;
    QTest::newRow("models is an object")
        << QByteArray(R"({"models": {"a::v1::b": {}}})")
        << u"supported models: the document has no \"models\" array"_s;
    QTest::newRow("models is null") << QByteArray(R"({"models": null})")
                                    << u"supported models: the document has no \"models\" array"_s;
}

void TestModelCatalog::rejectsMalformed()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);

    ModelCatalog catalog;
    QString actual;
    QVERIFY(!catalog.loadSupportedModels(json, &actual));
    QVERIFY2(actual.startsWith(error), qPrintable(u"got: "_s + actual));
    QVERIFY(!actual.contains(u'\n'));
    QVERIFY(!catalog.hasServerModels());
    QVERIFY(catalog.serverModels().isEmpty());
    // The pointer is optional.
    QVERIFY(!catalog.loadSupportedModels(json));
}

void TestModelCatalog::keepsStateAfterFailedLoad()
{
    ModelCatalog catalog;
    QVERIFY(catalog.loadSupportedModels(smallFixture()));
    const QStringList before = wireNames(catalog.serverModels());
    const QStringList warningsBefore = catalog.loadWarnings();

    for (const QByteArray &bad : {QByteArray("nope"), QByteArray("[]"), QByteArray("{}")}) {
        QString error;
        QVERIFY(!catalog.loadSupportedModels(bad, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(catalog.hasServerModels());
        QCOMPARE(wireNames(catalog.serverModels()), before);
        QCOMPARE(catalog.loadWarnings(), warningsBefore);
        QCOMPARE(catalog.defaultChatModel(), ref(SonnetLatest));
        QCOMPARE(catalog.clampMaxTokens(ref(SonnetLatest), 9000), 4000);
    }
}

void TestModelCatalog::reloadReplacesModels()
{
    ModelCatalog catalog;
    QVERIFY(catalog.loadSupportedModels(smallFixture()));
    QVERIFY(catalog.loadSupportedModels(R"({"models": [
        {"modelRef": "b::v2::only", "capabilities": ["chat"], "status": "stable",
         "contextWindow": {"maxInputTokens": 100, "maxOutputTokens": 50}}]})"));
    QCOMPARE(wireNames(catalog.serverModels()), QStringList({u"b::v2::only"_s}));
    QVERIFY(catalog.loadWarnings().isEmpty());
    QVERIFY(!catalog.find(ref(SonnetLatest)));
    QCOMPARE(catalog.defaultChatModel(), ref(u"b::v2::only"_s));
    QCOMPARE(catalog.clampMaxTokens(ref(u"b::v2::only"_s), 1000), 50);
}

void TestModelCatalog::resolvesThroughAliases()
{
    ModelAliases aliases;
    QVERIFY(aliases.addUserAlias(u"work"_s, SonnetLatest));
    const ModelCatalog catalog(aliases);
    QCOMPARE(catalog.aliases().aliasNames(), aliases.aliasNames());
    QCOMPARE(catalog.resolve(u"work"_s), ref(SonnetLatest));
    QCOMPARE(catalog.resolve(u"cody/"_s + SonnetLatest), ref(SonnetLatest));
    QString error;
    QVERIFY(!catalog.resolve(u"nope"_s, &error));
    QVERIFY2(error.endsWith(u", work"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestModelCatalog)
#include "tst_modelcatalog.moc"
