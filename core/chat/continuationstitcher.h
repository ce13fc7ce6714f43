// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringView>

namespace cody {

/**
 * @brief Joins the segments of an auto-continued reply into one seamless stream. Pure.
 *
 * Two seams need care. Trailing whitespace is held back from the caller until more text follows,
 * because the continuation request sends the text without it (Anthropic rejects a final assistant
 * turn ending in whitespace) and the model then usually resumes with that whitespace itself. And a
 * model may repeat the tail of the text so far: the first `overlapWindow` characters of each
 * continuation are held back until the overlap with the text so far is known and removed —
 * unless the overlap is repetitive text (one short unit repeated), where a repeat cannot be told
 * from more of the same and nothing is removed. A repeat that differs only in whitespace (the
 * model reflowed the words it restates) is removed too.
 *
 * Cost is O(new text) per feed(); the overlap search is bounded by the window, once per segment.
 */
class ContinuationStitcher
{
public:
    explicit ContinuationStitcher(qsizetype overlapWindow = 200, qsizetype minOverlap = 8);

    /// Starts the next segment; the first segment needs no call.
    void beginContinuation();
    /// Starts from a reply cut short earlier, which the caller already shows without its trailing
    /// whitespace (held back here like any other); what follows is stitched to it as a
    /// continuation. Call before any feed().
    void resume(QStringView shownEarlier);
    /// Text of the current segment; returns what may be shown now.
    QString feed(QStringView delta);
    /// The current segment ended and another will follow; returns what may be shown now.
    QString endSegment();
    /// The reply is over (finished, failed or cancelled): returns everything still held back.
    QString finish();

    /// The text shown so far plus what is held back: the whole reply.
    QString text() const;
    /// The reply so far without trailing whitespace: what the continuation request sends.
    QString continuationPrefix() const;
    /// Whether the segment that just ended added text that is not whitespace and not a repeat of
    /// what came before (the no-progress guard). Valid after endSegment().
    bool lastSegmentMadeProgress() const { return m_lastSegmentProgress; }

private:
    QString release(QStringView text);
    QString resolveHead();
    /// How much of `head` repeats the end of `base` when whitespace runs are compared as one
    /// space; 0 when nothing (or only an exact repeat, handled before) does.
    qsizetype reflowedOverlap(QStringView base, QStringView head) const;

    qsizetype m_window;
    qsizetype m_minOverlap;
    QString m_shown; ///< everything handed to the caller
    QString m_heldWhitespace; ///< trailing whitespace not shown yet
    QString m_head; ///< start of a continuation segment, waiting for the overlap check
    bool m_inHead = false;
    qsizetype m_segmentStart = 0; ///< m_shown.size() when the segment began
    QString m_segmentHeldAtStart; ///< whitespace held when the segment began
    bool m_lastSegmentProgress = true;
};

} // namespace cody
