/**
 * Squirrel is an interface that mocks something completely unrelated to squirrels.
 * It is related to the implementation of precise code navigation in Sourcegraph.
 */
export interface Squirrel {
    name: string
    hoard(nut: string): void
}
