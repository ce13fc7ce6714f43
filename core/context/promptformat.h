// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace cody {

/**
 * @brief Which of Cody's two recorded prompt formats a request uses (context.md §3.1).
 *
 * - Legacy: what Cody sent without an api-version parameter (api-version 0, FX/29, May 2024):
 *   the short preamble "You are Cody, …" as a human/assistant pair, and code fences without
 *   the path (```` ```go ````).
 * - Current: Cody at HEAD for api-version 1 and later (FX/31, FX/32): the chat preamble with the
 *   Smart Apply and terminal paragraphs, a system message for Claude 3 models, and fences that
 *   name the file (```` ```go:/path ````).
 *
 * Cody Chat always sends an api-version (ApiVersionPolicy never goes below 1), so it always
 * uses Current; Legacy exists to reproduce FX/29 and for a caller that sends none.
 */
enum class PromptFormat {
    Legacy,
    Current,
};

/// Legacy for api-version 0 (no api-version parameter), Current otherwise.
constexpr PromptFormat promptFormatFor(int apiVersion)
{
    return apiVersion >= 1 ? PromptFormat::Current : PromptFormat::Legacy;
}

} // namespace cody
