import Fluent

/// Empties the hot path's caches whenever this instance updates or deletes a model they copy from (a new row makes
/// nothing cached stale).
struct HotPathCacheInvalidation<M: Model>: AsyncModelMiddleware {
    let caches: HotPathCaches

    func update(model: M, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        caches.forgetAll()
    }

    func delete(model: M, force: Bool, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.delete(model, force: force, on: db)
        caches.forgetAll()
    }
}
