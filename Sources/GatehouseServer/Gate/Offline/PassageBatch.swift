import Foundation
import GatehouseStore
import Vapor

/// `POST /api/v1/passages/batch`: a gate's outbox after an outage, up to 500 passages in the order they were taken.
/// Each is recorded as `POST /api/v1/passages` records it (a repeated `clientRequestId` answers with the passage
/// stored first) and answered in its place: the stored passage, or its own refusal — one bad item never stops the rest.
struct PassageBatch {
    static let maxItems = 500

    struct Input: Decodable {
        var passages: [Item]
    }

    /// One item as sent: a passage, or why it cannot be read — answered in its place, so that one damaged item never
    /// holds the rest of an outbox back.
    struct Item: Decodable {
        let read: Swift.Result<PassageInput, any Error>

        init(from decoder: any Decoder) throws {
            do { read = .success(try PassageInput(from: decoder)) } catch { read = .failure(error) }
        }
    }

    /// One item's answer.
    enum Result {
        case stored(PassageView)
        /// Refused with the status, stable code and sentence a single request would have had.
        case refused(status: HTTPResponseStatus, code: String, message: String)
    }

    let gate: GateService

    /// Records `items` in their order. Pass passages are prepared one after another and handed to the group commit
    /// at once (so they commit together, in order); a passage of any other kind waits for those before it, then goes
    /// the general way.
    func record(_ items: [Item], by user: User) async -> [Result] {
        var results = [Result?](repeating: nil, count: items.count)
        var submitted: [(index: Int, passage: PassPassageRecorder.Prepared, ticket: GroupCommitTicket)] = []
        let recorder = PassPassageRecorder(gate: gate)
        func collect() async {
            for s in submitted {
                do { results[s.index] = .stored(try await s.passage.finish(s.ticket).view) } catch { results[s.index] = refusal(error) }
            }
            submitted.removeAll()
        }
        for (index, sent) in items.enumerated() {
            let item: PassageInput
            switch sent.read {
            case .success(let passage): item = passage
            case .failure(let error): results[index] = refusal(error); continue
            }
            do {
                if PassPassageRecorder.handles(item, by: user), case .ready(let passage) = try await recorder.prepare(item, by: user) {
                    submitted.append((index, passage, passage.submit()))
                    continue
                }
                await collect()
                results[index] = .stored(try await gate.recordAnyWay(item, by: user).view)
            } catch {
                results[index] = refusal(error)
            }
        }
        await collect()
        return results.map { $0! }
    }

    private func refusal(_ error: any Error) -> Result {
        let (status, code, message) = GatehouseErrorMiddleware.describe(error, language: gate.language)
        return .refused(status: status, code: code, message: message)
    }

    /// `{"results": [...]}`: each stored passage as `POST /api/v1/passages` answers it, each refusal as
    /// `{"error": {"code", "message", "retry"}}` — `retry` when the server failed, not the item (send it again later).
    static func json(_ results: [Result]) -> Response {
        var out = "{\"results\":["
        out.reserveCapacity(results.count * 800)
        for (n, result) in results.enumerated() {
            if n > 0 { out.append(",") }
            switch result {
            case .stored(let view): view.append(to: &out)
            case .refused(let status, let code, let message):
                out.append("{\"error\":{\"code\":")
                JSONText.append(code, to: &out)
                JSONText.field("message", message, to: &out)
                out.append(status.code >= 500 ? ",\"retry\":true}}" : ",\"retry\":false}}")
            }
        }
        out.append("]}")
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: out))
    }
}
