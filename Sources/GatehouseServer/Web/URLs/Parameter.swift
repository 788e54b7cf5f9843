/// A variable part of a `SiteURL`: `.key` when a route is registered (it becomes `:name`), `.value` when a page,
/// a redirect or a script links to one record.
enum Parameter<Value: CustomStringConvertible> {
    case key
    case value(Value)
}
