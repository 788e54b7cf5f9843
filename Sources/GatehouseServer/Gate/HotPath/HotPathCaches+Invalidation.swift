import Fluent

extension HotPathCaches {
    /// Empties these caches whenever `databases` update or delete a model they copy from (the application's
    /// databases, and the writer's lane).
    func watchModels(on databases: Databases) {
        databases.middleware.use(HotPathCacheInvalidation<User>(caches: self))
        databases.middleware.use(HotPathCacheInvalidation<APIToken>(caches: self))
        databases.middleware.use(HotPathCacheInvalidation<Checkpoint>(caches: self))
        databases.middleware.use(HotPathCacheInvalidation<Community>(caches: self))
        databases.middleware.use(HotPathCacheInvalidation<Pass>(caches: self))
        databases.middleware.use(HotPathCacheInvalidation<Household>(caches: self))
        databases.middleware.use(HotPathCacheInvalidation<Resident>(caches: self))
    }
}
