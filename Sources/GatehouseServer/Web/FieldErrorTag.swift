import LeafKit

/// `#fieldError("errors.phone")` in a view: the page's one way to say what is wrong with a form or one of its fields —
/// `<p class="field-error" role="alert" id="error-phone">…</p>` when the page's context holds a message at that path,
/// nothing otherwise. A message for the whole form names its element: `#fieldError("error", "trace-error")`.
struct FieldErrorTag: UnsafeUnescapedLeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let path = ctx.parameters.first?.string else {
            throw LeafError(.unknownError("#fieldError needs the path of its message, as in #fieldError(\"errors.phone\")"))
        }
        let keys = path.split(separator: ".").map(String.init)
        let id = ctx.parameters.dropFirst().first?.string ?? "error-" + (keys.last ?? path)
        var value: LeafData? = .dictionary(ctx.data)
        for key in keys { value = value?.dictionary?[key] }
        guard let message = value?.string, !message.isEmpty else { return .string("") }
        return .string(#"<p class="field-error" role="alert" id="\#(id.htmlEscaped())">\#(message.htmlEscaped())</p>"#)
    }
}
