/// One choice of a `<select>` (or a checkbox list) as templates draw it.
struct SelectOption: Codable {
    let value: String
    let label: String
}
