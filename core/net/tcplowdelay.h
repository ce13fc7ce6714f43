// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace cody::tcplowdelay {

/**
 * Turns Nagle's algorithm off (TCP_NODELAY) on every TCP socket the process holds; returns how
 * many it set. Call it before sending a request on a connection that may be reused.
 *
 * Why: QNetworkAccessManager (Qt 6.4) leaves Nagle on and gives no way to reach its sockets. A
 * request body over 16 KiB goes out in several writes; on a reused connection the last one then
 * waits for the server's delayed ACK of the first. Each continuation of a long reply paid 16 ms
 * for that on loopback, and a real server's delayed ACK is up to 40 ms. The connections QNAM
 * keeps alive are found among the process's descriptors (Linux, /proc/self/fd); setting the
 * option on a socket someone else uses only makes its small writes go out at once.
 */
int applyToOpenSockets();

} // namespace cody::tcplowdelay
