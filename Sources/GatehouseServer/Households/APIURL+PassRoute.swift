extension APIURL {
    /// `/api/v1/passes/{id}/…`: one pass, its QR code and what the office does to it.
    enum PassRoute: String, CaseIterable {
        case overview = ""
        case qrSVG = "qr.svg"
        case qrPNG = "qr.png"
        case suspend
        case resume
        case revoke
        case reissue
    }
}
