// SPDX-License-Identifier: Apache-2.0
#include "chat/continuationstitcher.h"

#include <QList>

namespace cody {

namespace {

qsizetype trailingWhitespace(QStringView text)
{
    qsizetype n = 0;
    while (n < text.size() && text.at(text.size() - 1 - n).isSpace())
        ++n;
    return n;
}

qsizetype leadingWhitespace(QStringView text)
{
    qsizetype n = 0;
    while (n < text.size() && text.at(n).isSpace())
        ++n;
    return n;
}

bool isBlank(QStringView text)
{
    return leadingWhitespace(text) == text.size();
}

// True when `text` is one short unit repeated ("0x00, 0x00, 0x00, ", "}}}}"): then a match with
// the tail of the reply says nothing about a repeat, because the real output looks the same.
bool isPeriodic(QStringView text)
{
    // Knuth-Morris-Pratt failure function: the smallest period is size - border.
    const qsizetype n = text.size();
    QList<qsizetype> border(n, 0);
    for (qsizetype i = 1, k = 0; i < n; ++i) {
        while (k > 0 && text.at(i) != text.at(k))
            k = border.at(k - 1);
        if (text.at(i) == text.at(k))
            ++k;
        border[i] = k;
    }
    const qsizetype period = n - (n > 0 ? border.at(n - 1) : 0);
    return period * 2 <= n;
}

// Text with each whitespace run as one space, and for each character kept the index just after
// it in the original, so that a match found here can be cut there.
struct Collapsed
{
    QString text;
    QList<qsizetype> endIn;
};

Collapsed collapseWhitespace(QStringView text)
{
    Collapsed collapsed;
    collapsed.text.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool space = text.at(i).isSpace();
        if (space && (collapsed.text.isEmpty() || collapsed.text.back() == u' '))
            continue;
        collapsed.text.append(space ? QChar(u' ') : text.at(i));
        collapsed.endIn.append(i + 1);
    }
    return collapsed;
}

// A segment this short that also appears earlier is not evidence of a model repeating itself.
constexpr qsizetype MinRepeatForNoProgress = 32;

} // namespace

ContinuationStitcher::ContinuationStitcher(qsizetype overlapWindow, qsizetype minOverlap)
    : m_window(overlapWindow)
    , m_minOverlap(minOverlap)
{ }

void ContinuationStitcher::beginContinuation()
{
    m_inHead = true;
    m_head.clear();
    m_segmentStart = m_shown.size();
    m_segmentHeldAtStart = m_heldWhitespace;
}

void ContinuationStitcher::resume(QStringView shownEarlier)
{
    const qsizetype tail = trailingWhitespace(shownEarlier);
    m_shown = shownEarlier.chopped(tail).toString();
    m_heldWhitespace = shownEarlier.right(tail).toString();
    beginContinuation();
}

QString ContinuationStitcher::feed(QStringView delta)
{
    if (delta.isEmpty())
        return {};
    if (m_inHead) {
        m_head += delta;
        if (m_head.size() < m_window)
            return {};
        return resolveHead();
    }
    return release(delta);
}

QString ContinuationStitcher::endSegment()
{
    QString out;
    if (m_inHead)
        out = resolveHead();
    // Progress is judged on what the segment contributed after the overlap was removed.
    const QStringView added = QStringView(m_shown).mid(m_segmentStart);
    const QString addedWithHeld = added + m_heldWhitespace;
    const QStringView before = QStringView(m_shown).left(m_segmentStart);
    const QStringView core = QStringView(addedWithHeld).trimmed();
    m_lastSegmentProgress
        = !core.isEmpty() && (core.size() < MinRepeatForNoProgress || !before.contains(core));
    m_segmentStart = m_shown.size();
    return out;
}

QString ContinuationStitcher::finish()
{
    QString out;
    if (m_inHead)
        out = resolveHead();
    out += m_heldWhitespace;
    m_shown += m_heldWhitespace;
    m_heldWhitespace.clear();
    return out;
}

QString ContinuationStitcher::text() const
{
    // Usually nothing is held (always after finish()): then the text is shared, not copied.
    if (m_heldWhitespace.isEmpty() && m_head.isEmpty())
        return m_shown;
    return m_shown + m_heldWhitespace + m_head;
}

QString ContinuationStitcher::continuationPrefix() const
{
    QStringView all(m_shown);
    return all.chopped(trailingWhitespace(all)).toString();
}

QString ContinuationStitcher::release(QStringView text)
{
    // Whitespace at the end of what arrived is held until something follows it.
    const qsizetype tail = trailingWhitespace(text);
    if (tail == text.size()) {
        m_heldWhitespace += text;
        return {};
    }
    QString out = m_heldWhitespace + text.chopped(tail);
    m_heldWhitespace = text.right(tail).toString();
    m_shown += out;
    return out;
}

qsizetype ContinuationStitcher::reflowedOverlap(QStringView base, QStringView head) const
{
    const Collapsed tail = collapseWhitespace(base.right(m_window));
    const Collapsed start = collapseWhitespace(head);
    const QStringView tailText(tail.text);
    const QStringView startText(start.text);
    for (qsizetype k = std::min(startText.size(), tailText.size()); k >= m_minOverlap; --k) {
        const QStringView candidate = startText.left(k);
        if (!tailText.endsWith(candidate))
            continue;
        // Repetitive text may go on with more of the same (see resolveHead); and a match that
        // is exact was already looked for, so only one that needed the collapsing counts.
        if (isPeriodic(candidate) || base.endsWith(head.left(start.endIn.at(k - 1))))
            return 0;
        return start.endIn.at(k - 1);
    }
    return 0;
}

QString ContinuationStitcher::resolveHead()
{
    m_inHead = false;
    QString head = std::move(m_head);
    m_head.clear();

    // The model saw the text without its trailing whitespace. If it resumes with whitespace of its
    // own, that replaces what we held back; if it resumes directly, what we held back is the seam.
    const qsizetype lead = leadingWhitespace(head);
    if (lead > 0)
        m_heldWhitespace.clear();

    // Remove the longest repeat of the text's tail, comparing with and without the leading
    // whitespace the model may have put before the repeat.
    const QStringView base(m_shown);
    qsizetype cut = 0;
    bool ambiguous = false;
    for (const qsizetype skip : {qsizetype(0), lead}) {
        const QStringView candidate = QStringView(head).mid(skip);
        const qsizetype longest = std::min({candidate.size(), base.size(), m_window});
        for (qsizetype k = longest; k >= m_minOverlap; --k) {
            if (base.endsWith(candidate.left(k))) {
                // Repetitive text (arrays, tables, closing braces) may legitimately continue
                // with more of the same: removing it would lose data, so keep it all.
                ambiguous = isPeriodic(candidate.left(k));
                if (!ambiguous)
                    cut = skip + k;
                break;
            }
        }
        if (cut > 0 || ambiguous)
            break;
    }
    if (cut == 0 && !ambiguous) {
        // A model asked to go on often restates the last words with other line breaks or spacing.
        if (const qsizetype reflowed = reflowedOverlap(base, QStringView(head).mid(lead)))
            cut = lead + reflowed;
    }
    if (cut > 0) {
        // After a removed repeat, keep the model's own spacing: drop ours.
        m_heldWhitespace.clear();
    }
    const QStringView rest = QStringView(head).mid(cut);
    if (rest.isEmpty() || (cut > 0 && isBlank(rest))) {
        if (!rest.isEmpty())
            m_heldWhitespace += rest;
        return {};
    }
    return release(rest);
}

} // namespace cody
