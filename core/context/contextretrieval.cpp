// SPDX-License-Identifier: Apache-2.0
#include "context/contextretrieval.h"

#include "cody/graphqlresult.h"
#include "cody/productversionrequest.h"
#include "cody/sourcegraphclient.h"
#include "context/keywordquery.h"
#include "context/keywordqueryrewriter.h"
#include "context/repositoryidlookup.h"
#include "context/siteversion.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace cody {

ContextRetrieval::ContextRetrieval(SourcegraphClient *client, ContextFilters filters,
    QList<ContextItem> mentions, QString question, QObject *parent)
    : GraphqlRequest(client, parent)
    , m_filters(std::move(filters))
    , m_mentions(std::move(mentions))
    , m_question(std::move(question))
{ }

ContextRetrieval::~ContextRetrieval()
{
    stopOthers();
}

void ContextRetrieval::stopOthers()
{
    discard(m_version);
    discard(m_ids);
    discard(m_rewriter);
}

bool ContextRetrieval::isSearchable(const ContextItem &mention) const
{
    return mention.isScope() && !mention.repoName.isEmpty() && mention.omittedReason.isEmpty();
}

void ContextRetrieval::begin()
{
    bool anything = false;
    for (ContextItem &mention : m_mentions) {
        if (!isSearchable(mention))
            continue;
        QString why;
        if (!m_filters.isRepositoryAllowed(mention.repoName, &why))
            mention.omittedReason = why;
        else
            anything = true;
    }
    // No repository or folder to search: Cody retrieves nothing either.
    if (!anything) {
        conclude();
        return;
    }
    m_version = new ProductVersionRequest(client(), this);
    connect(m_version, &ProductVersionRequest::finished, this, &ContextRetrieval::onVersion);
    m_version->start();
}

void ContextRetrieval::onVersion()
{
    // A version that cannot be read passes no gate (Cody's isValidSiteVersion): Legacy.
    m_variant = CodyContextQuery::variantFor(SiteVersion(m_version->productVersion()));
    m_version->deleteLater();
    m_version = nullptr;
    lookUpIds();
}

void ContextRetrieval::lookUpIds()
{
    QStringList names;
    for (const ContextItem &mention : std::as_const(m_mentions)) {
        if (isSearchable(mention) && mention.repoId.isEmpty())
            names.append(mention.repoName);
    }
    if (names.isEmpty()) {
        rewrite();
        return;
    }
    m_ids = new RepositoryIdLookup(client(), names, this);
    connect(m_ids, &RepositoryIdLookup::finished, this, &ContextRetrieval::onIds);
    m_ids->start();
}

void ContextRetrieval::onIds()
{
    RepositoryIdLookup *lookup = m_ids;
    m_ids = nullptr;
    lookup->deleteLater();
    if (lookup->error().isError()) {
        conclude(lookup->error());
        return;
    }
    QHash<QString, QString> ids;
    for (const RemoteRepository &repository : lookup->repositories())
        ids.insert(repository.name, repository.id);
    for (ContextItem &mention : m_mentions) {
        if (!isSearchable(mention) || !mention.repoId.isEmpty())
            continue;
        mention.repoId = ids.value(mention.repoName);
        if (mention.repoId.isEmpty())
            mention.omittedReason
                = tr("the instance has no repository %1 (or it is not visible to you)")
                      .arg(mention.repoName);
    }
    rewrite();
}

void ContextRetrieval::rewrite()
{
    // Every mention turned out unusable (no such repository): nothing to search, and so no
    // reason to show the question to the keyword model either.
    if (std::none_of(m_mentions.cbegin(), m_mentions.cend(),
            [this](const ContextItem &mention) { return isSearchable(mention); })) {
        conclude();
        return;
    }
    QString question = KeywordQuery::withoutMentions(m_question, m_mentionTexts);
    if (question.isEmpty())
        question = m_question.simplified();
    if (!m_rewrite) {
        m_query = question;
        planSearches();
        return;
    }
    m_rewriter = new KeywordQueryRewriter(client(), question, this);
    connect(m_rewriter, &KeywordQueryRewriter::finished, this, &ContextRetrieval::onRewritten);
    m_rewriter->start();
}

void ContextRetrieval::onRewritten()
{
    m_query = m_rewriter->query();
    m_rewriteFallback = m_rewriter->fallbackReason();
    m_rewriter->deleteLater();
    m_rewriter = nullptr;
    planSearches();
}

void ContextRetrieval::planSearches()
{
    QStringList wholeIds;
    for (const ContextItem &mention : std::as_const(m_mentions)) {
        if (isSearchable(mention) && mention.kind == ContextItem::Kind::Repository
            && !wholeIds.contains(mention.repoId))
            wholeIds.append(mention.repoId);
    }
    if (!wholeIds.isEmpty())
        m_searches.append({wholeIds, {}});
    QSet<QString> folders;
    for (const ContextItem &mention : std::as_const(m_mentions)) {
        if (!isSearchable(mention) || mention.kind != ContextItem::Kind::RemoteFolder
            || wholeIds.contains(mention.repoId))
            continue;
        QString folder = mention.path;
        while (folder.endsWith(u'/'))
            folder.chop(1);
        const QString key = mention.repoId + u'\n' + folder;
        if (folders.contains(key))
            continue;
        folders.insert(key);
        m_searches.append({{mention.repoId}, folder});
    }
    sendNext();
}

void ContextRetrieval::sendNext()
{
    if (m_searches.isEmpty()) {
        conclude();
        return;
    }
    m_current = m_searches.takeFirst();
    QStringList patterns;
    if (!m_current.folder.isEmpty()) {
        if (m_variant == CodyContextQuery::Variant::Legacy)
            m_restricted = true;
        else
            patterns.append(CodyContextQuery::folderPattern(m_current.folder));
    }
    send(u"GetCodyContext"_s, CodyContextQuery::text(m_variant),
        CodyContextQuery::variables(m_variant, m_current.repoIds, m_query, patterns));
}

void ContextRetrieval::handle(const GraphqlResult &result)
{
    const auto older = CodyContextQuery::older(m_variant);
    if (result.failure == GraphqlResult::Failure::GraphQL && older
        && (result.mentions(u"Cannot query field") || result.mentions(u"Unknown argument"))) {
        m_variant = *older;
        m_searches.prepend(m_current);
        sendNext();
        return;
    }
    if (!result.ok()) {
        conclude(result.error);
        return;
    }
    QString problem;
    const QList<ContextItem> found
        = CodyContextQuery::items(result.data, client()->settings().baseUrl, &problem);
    if (!problem.isEmpty()) {
        conclude({ErrorKind::Protocol, problem});
        return;
    }
    const QString under = m_current.folder + u'/';
    const bool restrict
        = !m_current.folder.isEmpty() && m_variant == CodyContextQuery::Variant::Legacy;
    for (const ContextItem &item : found) {
        if (restrict && !item.path.startsWith(under))
            continue;
        const bool seen
            = std::any_of(m_items.cbegin(), m_items.cend(), [&item](const ContextItem &known) {
                  return known.repoName == item.repoName && known.path == item.path
                      && known.startLine == item.startLine && known.endLine == item.endLine;
              });
        if (!seen)
            m_items.append(item);
    }
    sendNext();
}

void ContextRetrieval::conclude(Error error)
{
    for (ContextItem &item : m_items) {
        QString why;
        if (!m_filters.isRepositoryAllowed(item.repoName, &why)) {
            item.omittedReason = why;
            item.content.clear();
        }
    }
    finish(std::move(error));
}

} // namespace cody
