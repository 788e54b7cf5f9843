import GatehouseCore
import LeafKit

/// `#amount(count, "person")` in a view: the count with its unit in the page's language (`3人`, `1 person`,
/// `3 people`) — `CountedNoun`.
struct AmountTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count == 2, let noun = ctx.parameters[1].string.flatMap(CountedNoun.init(rawValue:)) else {
            throw LeafError(.unknownError("#amount(count, \"person\"): a count and one of \(CountedNoun.allCases.map(\.rawValue))"))
        }
        let count = ctx.parameters[0].int ?? Int(ctx.parameters[0].string ?? "") ?? 0
        let language = ctx.data["page"]?.dictionary?["lang"]?.string ?? "zh"
        return .string(noun.text(count, language: language))
    }
}
