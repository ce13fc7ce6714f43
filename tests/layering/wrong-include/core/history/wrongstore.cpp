// SPDX-License-Identifier: Apache-2.0
// Not built: a deliberate wrong include that cmake/CheckLayering.cmake must refuse (the history
// may not use the network code).
#include "history/conversationstore.h"
#include "net/sseparser.h"
