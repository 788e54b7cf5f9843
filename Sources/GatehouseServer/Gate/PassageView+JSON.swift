import Foundation
import GatehouseStore
import Vapor

extension PassageView {
    /// The answer of `POST /api/v1/passages`: the JSON `JSONEncoder` writes for this type with Vapor's settings (nil
    /// fields left out, ids in capitals, ISO 8601 times in whole seconds), written by hand — the encoder was a
    /// twentieth of a passage at the gate's hot path. `PassageViewJSONTests` compares the two.
    func jsonResponse(_ code: HTTPStatus) -> Response {
        var out = ""
        out.reserveCapacity(768)
        append(to: &out)
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: code, headers: headers, body: .init(string: out))
    }

    /// Appends the passage's JSON object to `out` (a batch's answer holds one per passage).
    func append(to out: inout String) {
        out.append("{\"id\":\"\(UUIDText.text(id))\"")
        JSONText.field("decision", decision, to: &out)
        out.append(",\"reasons\":[")
        for (n, reason) in reasons.enumerated() {
            out.append(n == 0 ? "{\"code\":" : ",{\"code\":")
            JSONText.append(reason.code, to: &out)
            JSONText.field("message", reason.message, to: &out)
            out.append(reason.warning ? ",\"warning\":true}" : ",\"warning\":false}")
        }
        out.append("]")
        JSONText.field("status", status, to: &out)
        out.append(",\"checkpointId\":\"\(UUIDText.text(checkpointId))\",\"communityId\":\"\(UUIDText.text(communityId))\"")
        out.append(",\"operatorId\":\"\(UUIDText.text(operatorId))\"")
        if let personId { out.append(",\"personId\":\"\(UUIDText.text(personId))\"") }
        if let householdId { out.append(",\"householdId\":\"\(UUIDText.text(householdId))\"") }
        if let passId { out.append(",\"passId\":\"\(UUIDText.text(passId))\"") }
        out.append(",\"recordedAt\":\"\(JSONText.iso8601(recordedAt))\"")
        if let clientTime { out.append(",\"clientTime\":\"\(JSONText.iso8601(clientTime))\"") }
        JSONText.field("direction", direction, to: &out)
        JSONText.field("mode", mode, to: &out)
        JSONText.field("nameMasked", nameMasked, to: &out)
        JSONText.field("phoneMasked", phoneMasked, to: &out)
        out.append(",\"temperature\":\(temperature),\"readings\":[")
        out.append(readings.map { "\($0)" }.joined(separator: ","))
        out.append(mask ? "],\"mask\":true" : "],\"mask\":false")
        out.append(awaitingRemeasure ? ",\"awaitingRemeasure\":true" : ",\"awaitingRemeasure\":false")
        if let remeasureAfter { out.append(",\"remeasureAfter\":\"\(JSONText.iso8601(remeasureAfter))\"") }
        out.append(offline ? ",\"offline\":true" : ",\"offline\":false")
        if let review {
            out.append(",\"review\":{\"decision\":")
            JSONText.append(review.decision, to: &out)
            out.append(",\"reasons\":[")
            for (n, reason) in review.reasons.enumerated() {
                out.append(n == 0 ? "{\"code\":" : ",{\"code\":")
                JSONText.append(reason.code, to: &out)
                JSONText.field("message", reason.message, to: &out)
                out.append(reason.warning ? ",\"warning\":true}" : ",\"warning\":false}")
            }
            out.append("]}")
        }
        out.append("}")
    }
}
