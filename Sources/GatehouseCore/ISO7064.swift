/// ISO 7064 MOD 11-2, the check character of GB 11643 identity numbers.
public enum ISO7064 {
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let characters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// The check character for 17 digits, or `nil` when the input is not 17 ASCII digits.
    public static func mod11_2(_ seventeenDigits: String) -> Character? {
        let digits = seventeenDigits.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard digits.count == 17, seventeenDigits.count == 17 else { return nil }
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return characters[sum % 11]
    }
}
