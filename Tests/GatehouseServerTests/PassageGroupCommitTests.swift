import Fluent
import Foundation
@testable import GatehouseServer
import GatehouseStore
import NIOConcurrencyHelpers
import SQLKit
import XCTVapor

/// The gate's passages through the group commit (its promises for any row are the store's own tests): a batch's
/// passages share one insert, a repeated request or a stood-down community is left out, a passage that counts the
/// rows before it sees them all on every lane, and concurrent passages are all stored.
final class PassageGroupCommitTests: XCTestCase {
    func testPassagesShareOneInsertAndEachCallerHearsOfItsOwnRow() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            let operatorID = try await User.query(on: app.db).filter(\.$checkpointID == g.f.gateA.id!).first()!.id!
            func passage(_ requestID: UUID, gate: Checkpoint, community: Community, checkpointID: UUID? = nil) -> Passage {
                let p = Passage()
                p.id = UUID()
                p.communityID = community.id!
                p.$checkpoint.id = checkpointID ?? gate.id!
                p.$operatorUser.id = operatorID
                p.direction = .`in`; p.mode = "pass"; p.readings = "365@0"; p.temperatureTenths = 365; p.status = .normal
                p.decision = "allow"; p.reasons = ""; p.wearsMask = true; p.awaitingRemeasure = false; p.nameMasked = "—"
                p.phoneMasked = ""; p.recordedAt = Date(); p.clientRequestID = requestID; p.updatedAt = Date()
                return p
            }
            try await (app.db as! any SQLDatabase).update("communities").set("stood_down_at", to: Date())
                .where("id", .equal, g.f.communityB.id!).run()
            let repeated = UUID()
            let jobs: [(String, Passage, Bool)] = [
                ("first", passage(UUID(), gate: g.f.gateA, community: g.f.communityA), false),
                ("a", passage(repeated, gate: g.f.gateA, community: g.f.communityA), false),
                ("again", passage(repeated, gate: g.f.gateA, community: g.f.communityA), false),
                ("stood down", passage(UUID(), gate: g.f.gateB, community: g.f.communityB), false),
                ("no such gate", passage(UUID(), gate: g.f.gateA, community: g.f.communityA, checkpointID: UUID()), false),
                ("counts", passage(UUID(), gate: g.f.gateA, community: g.f.communityA), true),
                ("last", passage(UUID(), gate: g.f.gateA, community: g.f.communityA), false),
            ]
            let commit = GroupCommit<PassageRecord>()
            let seen = NIOLockedValueBox(-1)
            // The first job holds its batch open until every other job has queued behind it.
            let (hold, release) = AsyncStream.makeStream(of: Void.self)
            var tasks: [Task<Bool, any Error>] = []
            for (i, (_, p, readsFirst)) in jobs.enumerated() {
                let db = app.db
                let record = PassageRecord(p.values, on: db)
                tasks.append(Task {
                    try await commit.insert(on: db, readsFirst: readsFirst) { tx in
                        if i == 0 { for await _ in hold { break } }
                        if readsFirst {
                            let n = try await (tx as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM passages").first()!.decode(column: "n", as: Int.self)
                            seen.withLockedValue { $0 = n }
                        }
                        return record
                    }
                })
                while (i == 0 ? commit.taken < 1 : commit.pending < i) { try await Task.sleep(nanoseconds: 1_000_000) }
            }
            release.yield()
            var outcomes: [String] = []
            for (task, job) in zip(tasks, jobs) {
                do { outcomes.append("\(job.0): \(try await task.value)") } catch { outcomes.append("\(job.0): error") }
            }
            XCTAssertEqual(outcomes, ["first: true", "a: true", "again: false", "stood down: false", "no such gate: error",
                                      "counts: true", "last: true"])
            XCTAssertEqual(seen.withLockedValue { $0 }, 2, "a job that reads sees every row before it")
            let stored = try await Passage.query(on: app.db).sort(\.$recordedAt).all().map(\.id!)
            XCTAssertEqual(Set(stored), Set([0, 1, 5, 6].map { jobs[$0].1.id! }))
            XCTAssertEqual(commit.statistics.batches, 2)
        }
    }

    /// With several lanes (PostgreSQL: two) one batch runs while another's is under way; a passage that counts the
    /// rows before it (the outing quota) still sees every row prepared before it, whichever lane wrote it.
    func testAPassageThatReadsFirstSeesEveryRowPreparedBeforeItOnEveryLane() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            let operatorID = try await User.query(on: app.db).filter(\.$checkpointID == g.f.gateA.id!).first()!.id!
            let commit = app.gatehouse.groupCommit
            let prepared = NIOLockedValueBox(0)
            let mismatches = NIOLockedValueBox<[String]>([])
            let db = app.db
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for i in 0..<240 {
                    let p = Passage()
                    p.id = UUID(); p.communityID = g.f.communityA.id!; p.$checkpoint.id = g.f.gateA.id!
                    p.$operatorUser.id = operatorID
                    p.direction = .out; p.mode = "pass"; p.readings = "365@0"; p.temperatureTenths = 365
                    p.status = .normal; p.decision = "allow"; p.reasons = ""; p.wearsMask = true
                    p.awaitingRemeasure = false; p.nameMasked = "—"; p.phoneMasked = ""; p.recordedAt = Date()
                    p.clientRequestID = UUID(); p.updatedAt = Date()
                    let record = PassageRecord(p.values, on: db)
                    let readsFirst = i % 12 == 11
                    group.addTask {
                        try await commit.insert(on: db, readsFirst: readsFirst) { tx in
                            if readsFirst {
                                let before = prepared.withLockedValue { $0 }
                                let n = try await (tx as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM passages")
                                    .first()!.decode(column: "n", as: Int.self)
                                if n != before { mismatches.withLockedValue { $0.append("saw \(n) of \(before)") } }
                            }
                            prepared.withLockedValue { $0 += 1 }
                            return record
                        }
                    }
                    if i % 6 == 0 { await Task.yield() }
                }
                for try await inserted in group { XCTAssertTrue(inserted) }
            }
            XCTAssertEqual(mismatches.withLockedValue { $0 }, [])
            let stored = try await Passage.query(on: app.db).count()
            XCTAssertEqual(stored, 240)
        }
    }

    func testConcurrentPassagesAreAllStoredAndARetriedRequestIsStoredOnce() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            let retried = g.body(36.5, requestID: UUID())
            let bodies = [retried, retried] + (0..<10).map { _ in g.body(36.6, id: GateFixture.otherID, requestID: UUID()) }
            let ids = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for (i, body) in bodies.enumerated() {
                    let request = Unchecked(value: (g.guardA, body))
                    group.addTask {
                        let (client, body) = request.value
                        return (i, try await client.send(.POST, "/api/v1/passages", json: body).json()["id"] as? String)
                    }
                }
                var ids = Array(repeating: String?.none, count: bodies.count)
                for try await (i, id) in group { ids[i] = id }
                return ids
            }
            XCTAssertTrue(ids.allSatisfy { $0 != nil }, "every request answered with its passage")
            XCTAssertEqual(ids[0], ids[1], "the retry gets the first record")
            XCTAssertEqual(Set(ids).count, 11)
            let stored = try await Passage.query(on: app.db).count()
            XCTAssertEqual(stored, 11)
        }
    }
}

/// Hands test values that are only read to concurrent tasks.
private struct Unchecked<T>: @unchecked Sendable {
    let value: T
}
