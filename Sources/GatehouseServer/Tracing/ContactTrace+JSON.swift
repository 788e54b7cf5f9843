import Vapor

extension ContactTrace {
    /// The answer of `POST /api/v1/contact-traces`: the same JSON `JSONEncoder` writes for this type (nil fields left
    /// out), written by hand — a trace at a busy gate holds tens of thousands of lines, and the encoder cost a quarter
    /// of the request.
    func jsonResponse() -> Response {
        var out = ""
        out.reserveCapacity(128 + (passages.count + contacts.count) * 240)
        out.append("{\"subjectMasked\":")
        JSONText.append(subjectMasked, to: &out)
        out.append(",\"days\":\(days),\"windowMinutes\":\(windowMinutes),\"cappedWindows\":\(cappedWindows),\"passages\":")
        Self.append(passages, to: &out)
        out.append(",\"contacts\":")
        Self.append(contacts, to: &out)
        // Groups are one per person or household: few beside the lines, so the encoder writes them.
        out.append(",\"groups\":")
        let encoder = JSONEncoder()
        out.append((try? encoder.encode(groups)).map { String(decoding: $0, as: UTF8.self) } ?? "[]")
        out.append("}")
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: out))
    }

    private static func append(_ lines: [Line], to out: inout String) {
        out.append("[")
        for (n, line) in lines.enumerated() {
            out.append(n == 0 ? "{\"time\":" : ",{\"time\":")
            JSONText.append(line.time, to: &out)
            JSONText.field("communityName", line.communityName, to: &out)
            JSONText.field("checkpointName", line.checkpointName, to: &out)
            JSONText.field("direction", line.direction, to: &out)
            JSONText.field("nameMasked", line.nameMasked, to: &out)
            JSONText.field("phoneMasked", line.phoneMasked, to: &out)
            JSONText.field("householdLabel", line.householdLabel, to: &out)
            JSONText.field("temperature", line.temperature, to: &out)
            out.append(line.abnormal ? ",\"abnormal\":true" : ",\"abnormal\":false")
            if let minutes = line.minutesApart { out.append(",\"minutesApart\":\(minutes)") }
            if let group = line.group { out.append(",\"group\":\(group)") }
            out.append("}")
        }
        out.append("]")
    }
}
