import type { ContextItem } from '@sourcegraph/cody-shared'

/**
 * Keeps the first of any items that name the same file and overlapping lines:
 * a whole file suppresses later chunks of it.
 */
export function uniqueContextItems(items: ContextItem[]): ContextItem[] {
    const result: ContextItem[] = []
    for (const item of items) {
        if (!result.some(known => overlaps(known, item))) {
            result.push(item)
        }
    }
    return result
}

function overlaps(a: ContextItem, b: ContextItem): boolean {
    if (a.uri.toString() !== b.uri.toString()) {
        return false
    }
    if (!a.range || !b.range) {
        return true
    }
    return a.range.start.line <= b.range.end.line && b.range.start.line <= a.range.end.line
}

export function describeContext(items: ContextItem[]): string {
    return items.map(item => item.title ?? item.uri.path).join(', ')
}
