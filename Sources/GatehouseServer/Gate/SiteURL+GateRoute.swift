extension SiteURL {
    /// `/gate/…`: the guard's gate and the steps before and beside it.
    enum GateRoute: String, CaseIterable {
        case scan = ""
        case shiftCheck = "shift-check"
        case disinfection
    }
}
