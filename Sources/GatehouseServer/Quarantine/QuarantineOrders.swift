import Fluent
import Foundation
import GatehouseCore
import GatehouseStore

/// Home quarantine orders: ordering, extending and releasing them (with their history), and the server's own
/// steps — in force on the first day, released after the last — which keep `households.home_quarantine` true
/// exactly while an order is in force.
struct QuarantineOrders {
    let services: GatehouseServices
    let db: any Database

    private static func invalid(_ code: String, _ zh: String, _ en: String) -> AppError {
        AppError(.unprocessableEntity, code, zh: zh, en: en)
    }

    private static func text(_ value: String?, max: Int, code: String, zh: String, en: String) throws -> String {
        let text = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !text.isEmpty, text.count <= max else { throw invalid(code, zh, en) }
        return text
    }

    private static func date(_ value: String?, code: String, zh: String, en: String) throws -> CalendarDate {
        guard let value, let date = CalendarDate(parsing: value.trimmingCharacters(in: .whitespaces)) else { throw invalid(code, zh, en) }
        return date
    }

    /// The household's order that has not ended (in force, or starting later), if any.
    func open(household: UUID) async throws -> QuarantineOrder? {
        try await QuarantineOrder.query(on: db).filter(\.$householdID == household).filter(\.$releasedAt == nil).first()
    }

    /// Puts `household` under home medical observation. One open order per household: extend it instead.
    @discardableResult
    func order(_ household: Household, _ input: QuarantineOrderInput, by user: UUID) async throws -> QuarantineOrder {
        let start = try Self.date(input.startsOn, code: "invalid_start", zh: "请填写开始日期", en: "Enter the first day")
        let end = try Self.date(input.endsOn, code: "invalid_end", zh: "请填写结束日期", en: "Enter the last day")
        let today = services.today
        let period: QuarantinePeriod
        do { period = try QuarantinePeriod(start: start, end: end, today: today) } catch {
            throw AppError(.unprocessableEntity, error.code, error.message)
        }
        let reason = try Self.text(input.reason, max: 60, code: "reason_required",
                                   zh: "请填写隔离原因（60字以内）", en: "Give the reason (at most 60 characters)")
        let orderedBy = try Self.text(input.orderedBy, max: 40, code: "ordered_by_required",
                                      zh: "请填写决定隔离的单位或医生（40字以内）", en: "Say who ordered it (at most 40 characters)")
        let minimum = try await Community.find(household.communityID, on: db)?.quarantineMinimumDays ?? 14
        let days = period.start.days(until: period.end) + 1
        if days < minimum, input.confirmShort != true {
            throw AppError(.unprocessableEntity, "shorter_than_minimum",
                           zh: "隔离期只有 \(days) 天，短于本社区规定的最少 \(minimum) 天：确需如此，请勾选“确认隔离期短于规定”后再提交",
                           en: "The order lasts \(days) \(days == 1 ? "day" : "days"), less than this community's minimum of \(minimum): tick “I confirm the shorter period” if it must be so")
        }
        guard try await open(household: household.id!) == nil else {
            throw AppError(.conflict, "quarantine_order_exists", zh: "该户已有隔离决定，请延长或解除", en: "This household already has an order: extend or release it")
        }
        let now = services.clock.now()
        return try await db.writeTransaction { tx in
            let order = QuarantineOrder()
            order.communityID = household.communityID
            order.householdID = household.id!
            order.startsOn = period.start
            order.endsOn = period.end
            order.reason = reason
            order.orderedBy = orderedBy
            order.createdAt = now
            order.createdBy = user
            try await order.create(on: tx)
            try await Self.event(.ordered, order, note: nil, at: now, by: user, on: tx)
            if period.isInForce(on: today) { try await Self.flag(household.id!, true, at: now, by: user, on: tx) }
            return order
        }
    }

    /// Moves the last day later (a new decision; the note says whose).
    func extend(_ order: QuarantineOrder, to newEnd: String?, note: String?, by user: UUID) async throws {
        guard order.releasedAt == nil, let current = period(of: order) else {
            throw AppError(.conflict, "quarantine_order_ended", zh: "该隔离已解除", en: "This order has ended")
        }
        let end = try Self.date(newEnd, code: "invalid_end", zh: "请填写新的结束日期", en: "Enter the new last day")
        let extended: QuarantinePeriod
        do { extended = try current.extended(to: end) } catch { throw AppError(.unprocessableEntity, error.code, error.message) }
        let text = try Self.text(note, max: 100, code: "note_required", zh: "请写明延长的依据（100字以内）", en: "Say why it is extended (at most 100 characters)")
        let now = services.clock.now()
        try await db.writeTransaction { tx in
            order.endsOn = extended.end
            try await order.save(on: tx)
            try await Self.event(.extended, order, note: text, at: now, by: user, on: tx)
        }
    }

    /// Ends the order before its last day (a doctor's decision; the note says whose).
    func release(_ order: QuarantineOrder, note: String?, by user: UUID) async throws {
        guard order.releasedAt == nil else {
            throw AppError(.conflict, "quarantine_order_ended", zh: "该隔离已解除", en: "This order has ended")
        }
        let text = try Self.text(note, max: 100, code: "note_required", zh: "请写明解除的依据（100字以内）", en: "Say why it is released (at most 100 characters)")
        let now = services.clock.now()
        try await db.writeTransaction { tx in
            order.releasedAt = now
            order.releasedBy = user
            try await order.save(on: tx)
            try await Self.event(.released, order, note: text, at: now, by: user, on: tx)
            try await Self.flag(order.householdID, false, at: now, by: user, on: tx)
        }
    }

    /// The server's own steps, run every minute and at start: orders whose first day has come are put in force,
    /// orders whose last day is past are released. Safe to run on several instances at once.
    /// - Returns: how many orders started and ended.
    @discardableResult
    func sync() async throws -> (started: Int, ended: Int) {
        let today = services.today
        let now = services.clock.now()
        let open = try await QuarantineOrder.query(on: db).filter(\.$releasedAt == nil).all()
        var started = 0, ended = 0
        for order in open {
            guard let period = period(of: order) else { continue }
            if period.isOver(on: today) {
                let done = try await step(.ended, order, at: now) { tx in
                    order.releasedAt = now
                    try await order.save(on: tx)
                    try await Self.flag(order.householdID, false, at: now, by: nil, on: tx)
                }
                if done { ended += 1 }
            } else if period.isInForce(on: today),
                      let household = try await Household.find(order.householdID, on: db), !household.homeQuarantine {
                let done = try await step(.inForce, order, at: now) { tx in
                    try await Self.flag(order.householdID, true, at: now, by: nil, on: tx)
                }
                if done { started += 1 }
            }
        }
        return (started, ended)
    }

    /// One server step in a transaction; false when another instance took it first (the event is unique).
    private func step(_ kind: QuarantineOrderEventKind, _ order: QuarantineOrder, at now: Date,
                      _ body: @escaping @Sendable (any Database) async throws -> Void) async throws -> Bool {
        do {
            try await db.writeTransaction { tx in
                try await Self.event(kind, order, note: nil, at: now, by: nil, on: tx)
                try await body(tx)
            }
            return true
        } catch {
            let taken = try await QuarantineOrderEvent.query(on: db).filter(\.$orderID == order.id!)
                .filter(\.$kind == kind.rawValue).filter(\.$endsOn == order.endsOn).count() > 0
            if taken { return false }
            throw error
        }
    }

    func period(of order: QuarantineOrder) -> QuarantinePeriod? {
        guard order.endsOn >= order.startsOn else { return nil }
        return QuarantinePeriod(recorded: order.startsOn, end: order.endsOn)
    }

    /// What the gate shows for a member of `household` under an order in force: until when, and why.
    func notice(household: Household?, language: Language) async throws -> String? {
        guard let household, household.homeQuarantine, let order = try await open(household: household.id!) else { return nil }
        let until = String(order.endsOn.description.suffix(5))
        return LocalizedText(zh: "居家隔离至\(until)（\(order.reason)），不得外出", en: "Home quarantine until \(until) (\(order.reason)): may not go out")
            .text(for: language.rawValue)
    }

    private static func event(_ kind: QuarantineOrderEventKind, _ order: QuarantineOrder, note: String?, at: Date, by: UUID?,
                              on db: any Database) async throws {
        let e = QuarantineOrderEvent()
        e.orderID = order.id!
        e.kind = kind.rawValue
        e.endsOn = order.endsOn
        e.note = note
        e.at = at
        e.by = by
        try await e.create(on: db)
    }

    private static func flag(_ household: UUID, _ on: Bool, at: Date, by: UUID?, on db: any Database) async throws {
        guard let h = try await Household.find(household, on: db), h.homeQuarantine != on else { return }
        h.homeQuarantine = on
        h.quarantineChangedAt = at
        h.quarantineChangedBy = by
        try await h.save(on: db)
    }
}
