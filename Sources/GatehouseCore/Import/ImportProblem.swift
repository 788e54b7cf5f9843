/// One thing wrong in an import file: the line, the column if one, and what to fix.
public struct ImportProblem: Sendable, Equatable, Codable {
    public let line: Int
    public let column: String?
    public let message: LocalizedText

    public init(line: Int, column: String?, message: LocalizedText) {
        self.line = line
        self.column = column
        self.message = message
    }
}
