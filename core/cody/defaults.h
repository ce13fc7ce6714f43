// SPDX-License-Identifier: Apache-2.0
#pragma once

// The defaults README documents, in one place for Config, the client and requests.
namespace cody::defaults {

inline constexpr int MaxTokens = 512;
inline constexpr int IdleTimeoutSeconds = 60;
inline constexpr char16_t ClientName[] = u"openhands";
inline constexpr char16_t Model[] = u"cody-sonnet";

} // namespace cody::defaults
