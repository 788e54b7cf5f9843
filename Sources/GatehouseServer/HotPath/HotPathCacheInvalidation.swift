import Fluent

/// Empties the hot path's caches whenever this instance changes a model they copy from.
struct HotPathCacheInvalidation<M: Model>: AsyncModelMiddleware {
    let caches: HotPathCaches

    func create(model: M, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        caches.forgetAll()
    }

    func update(model: M, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        caches.forgetAll()
    }

    func delete(model: M, force: Bool, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.delete(model, force: force, on: db)
        caches.forgetAll()
    }
}
