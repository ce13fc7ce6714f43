// SPDX-License-Identifier: Apache-2.0
// Diagnosis only, for run.sh: LD_PRELOAD this to give every TCP socket a program connects
// TCP_NODELAY, which QNetworkAccessManager (Qt 6.4) does not set and does not let a caller set.
// It shows what Nagle's algorithm costs an auto-continued reply; it is never part of the product.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

int connect(int fd, const struct sockaddr *address, socklen_t length)
{
    static int (*realConnect)(int, const struct sockaddr *, socklen_t);
    if (!realConnect)
        realConnect = (int (*)(int, const struct sockaddr *, socklen_t))dlsym(RTLD_NEXT, "connect");
    if (address->sa_family == AF_INET || address->sa_family == AF_INET6) {
        const int on = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    }
    return realConnect(fd, address, length);
}
