/// One choice of a `<select>` (or a checkbox list) as templates draw it.
struct SelectOption: Encodable {
    let value: String
    let label: String
}
