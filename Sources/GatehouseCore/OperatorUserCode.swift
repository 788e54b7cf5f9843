/// The operator's 用户编码 from the seed app: a police badge number or an identity number.
public enum OperatorUserCode: Sendable, Equatable {
    case badge(String)
    case idNumber(ResidentIDNumber)

    public enum Failure: Error, Sendable, Equatable {
        case empty
        case badge
        case idNumber(IDNumberError)

        public var message: LocalizedText {
            switch self {
            case .empty: return LocalizedText(zh: "请输入用户编码（警号或身份证号）", en: "Enter your user code (badge or ID number)")
            case .badge: return LocalizedText(zh: "警号/工号应为2至20位字母或数字", en: "A badge number has 2 to 20 letters or digits")
            case .idNumber(let e): return e.message
            }
        }
    }

    /// A text of 15 or more digits is read as an ID number and validated as one; anything else is a badge number.
    public init(_ text: String, today: CalendarDate) throws(Failure) {
        let t = ResidentIDNumber.normalise(text)
        guard !t.isEmpty else { throw .empty }
        if ResidentIDNumber.looksLikeIDNumber(t) {
            do { self = .idNumber(try ResidentIDNumber(t, today: today)) } catch { throw .idNumber(error) }
            return
        }
        guard (2...20).contains(t.count), t.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { throw .badge }
        self = .badge(t)
    }

    /// The normalised text.
    public var value: String {
        switch self {
        case .badge(let b): return b
        case .idNumber(let id): return id.value
        }
    }

    /// What a list may show.
    public var masked: String {
        switch self {
        case .badge(let b): return b.count <= 4 ? b : String(repeating: "*", count: b.count - 4) + b.suffix(4)
        case .idNumber(let id): return id.masked
        }
    }
}
